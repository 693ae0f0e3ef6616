"""The mapping page, without editing XML: a learner's custom field named by its GUID (and
searched by), and consolidated tracking's status codes, which go in <parameters>."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.binding import bind_import
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import GUID as GUID_COLUMN
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING
from tests.builders import ImportSpec, write_config, write_csv
from tests.ui.fit import clipped
from tests.ui.wizards import cell, configured_mapping, editor

SIZE = QSize(1024, 700)
GUID = "FF09BDE8-1CB4-4DDB-519C-9BC9AB6B65B2"


def mapping(window: MainWindow, data: Path, action: str) -> MappingPage:
    """The file opened, the action chosen, on the mapping page."""
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    wizard.action_page.select(action)
    wizard.next()
    assert wizard.currentId() == MAPPING
    return wizard.mapping_page


def look(window: MainWindow, screenshots: Path, name: str) -> None:
    """At 1024x700: saved to be looked at, and nothing cut off."""
    window.resize(SIZE)
    window.show()
    QApplication.processEvents()
    window.grab().save(str(screenshots / f"{name}.png"))
    assert clipped(window) == []


def test_a_column_mapped_to_a_custom_field_asks_for_its_guid_and_can_be_searched_by(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("Matricule;Identifiant;Badge\nE1001;cbernard;B-17\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateLearnerAction")
    next_button = window.wizard.button(QWizard.WizardButton.NextButton)
    assert page.columns_view.isColumnHidden(GUID_COLUMN) and cell(page, 2, GUID_COLUMN) is None
    page.set_field(2, "custom")
    assert not page.columns_view.isColumnHidden(GUID_COLUMN)
    assert cell(page, 2, GUID_COLUMN) == "GUID of the custom field"  # greyed, until typed
    badge = editor(page, 2, GUID_COLUMN)
    assert isinstance(badge, QLineEdit)
    assert badge.placeholderText() == "GUID of the custom field"
    assert page.warning_label.text() == "Give the GUID of the custom field fed by column 3."
    assert not next_button.isEnabled()
    learners_by = page.field_list_checks["traineeSearchField"]
    assert "custom:" + GUID not in learners_by

    qtbot.keyClicks(badge, GUID)
    assert page.warning_label.isHidden()
    assert next_button.isEnabled()
    box = learners_by["custom:" + GUID]
    assert box.text() == f"Custom field — custom:{GUID}"
    box.setChecked(True)
    learners_by["candidateLogin"].setChecked(False)
    learners_by["candidateRefNumber"].setChecked(True)
    look(window, screenshots, "mapping-custom-field-guid")

    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    action = window.state.choices.config.imports[0].actions[0]
    assert action.field_lists["traineeSearchField"] == ["candidateRefNumber", "custom:" + GUID]
    text = window.wizard.config_page.editor.toPlainText()
    assert f"<guid>{GUID}</guid>" in text and f"<custom>{GUID}</custom>" in text
    saved = tmp_path / "saved.xml"
    saved.write_text(text, encoding="utf-8")
    [bound] = bind_import(config_xml.load(saved).imports[0])
    assert bound.field_list("traineeSearchField") == ["candidateRefNumber", "custom:" + GUID]
    assert "custom:" + GUID in bound.fields


def test_a_new_guid_renames_its_search_box_and_a_guid_twice_is_fed_twice(
        window: MainWindow, tmp_path: Path) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("Identifiant;Badge;Casier\ncbernard;B-17;C-4\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateLearnerAction")
    page.set_field(1, "custom")
    page.set_guid(1, "A-1")
    page.field_list_checks["traineeSearchField"]["custom:A-1"].setChecked(True)
    page.set_guid(1, "B-2")
    checks = page.field_list_checks["traineeSearchField"]
    assert "custom:A-1" not in checks and checks["custom:B-2"].isChecked()
    page.set_field(2, "custom")
    page.set_guid(2, "B-2")
    assert page.warning_label.text() == (
        "Fed by more than one column: custom:B-2. Choose one column each.")
    page.set_guid(2, "C-3")
    assert page.warning_label.isHidden()
    assert not checks["custom:C-3"].isChecked()


def test_tracking_status_codes_are_set_on_the_page_and_written_in_parameters(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    data = tmp_path / "tracking.csv"
    data.write_text("candidateLogin;sessionGuid;lovCode;trackingStatus\n"
                    "cbernard;S-1;LO-1;c\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateConsolidatedTrackingAction")
    box = page.findChild(QGroupBox, "codes_trackingStatus")
    assert box is not None and box.isVisibleTo(page)
    assert box.title() == "Codes in the file for Tracking status — trackingStatus"
    edits = page.code_edits["trackingStatus"]
    assert list(edits) == ["notAttempted", "incomplete", "completed", "passed", "failed",
                           "browsed"]
    assert edits["completed"].text() == "completed" and edits["completed"].isEnabled()
    edits["completed"].setText("c")
    edits["notAttempted"].setText("n")
    page.confirm_check.setChecked(True)
    look(window, screenshots, "mapping-tracking-status-codes")

    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    action = window.state.choices.config.imports[0].actions[0]
    assert action.parameter_codes == {"trackingStatus": {"notAttempted": "n", "completed": "c"}}
    assert all(not f.options.codes for f in action.fields or [])
    text = window.wizard.config_page.editor.toPlainText()
    block = text[text.index("<parameters>"):text.index("</parameters>")]
    assert "<completed>c</completed>" in block and "<notAttempted>n</notAttempted>" in block
    saved = tmp_path / "saved.xml"
    saved.write_text(text, encoding="utf-8")
    [bound] = bind_import(config_xml.load(saved).imports[0])
    assert bound.fields["trackingStatus"].codes["completed"] == "c"

    # Back on the page: the codes as written; unchanged, nothing moves.
    window.wizard.back()
    assert window.wizard.currentId() == MAPPING
    assert page.code_edits["trackingStatus"]["completed"].text() == "c"
    window.wizard.next()
    again = window.state.choices.config.imports[0].actions[0]
    assert again.parameter_codes == {"trackingStatus": {"notAttempted": "n", "completed": "c"}}


def test_a_configuration_naming_custom_fields_shows_their_guids(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    write_csv(tmp_path / "learners.csv", [["candidateRefNumber", "custom", "custom"],
                                          ["E1001", "B-17", "C-4"]])
    fields = (f"<candidateRefNumber/><custom><guid>{GUID}</guid></custom>"
              "<custom><guid>75ACD042</guid><mandatory>yes</mandatory></custom>")
    search = (f"<traineeSearchField><candidateRefNumber/><custom>{GUID}</custom>"
              "</traineeSearchField>")
    config = write_config(tmp_path, ImportSpec(
        "learners.csv", ("candidateRefNumber", "custom", "custom"),
        "createOrUpdateLearnerAction", options=search, fields=fields))
    page = configured_mapping(window, config, qtbot)
    assert [page.guid_of(place) for place in (1, 2)] == [GUID, "75ACD042"]
    checks = page.field_list_checks["traineeSearchField"]
    assert checks["custom:" + GUID].isChecked() and not checks["custom:75ACD042"].isChecked()
    window.wizard.next()
    action = window.state.choices.config.imports[0].actions[0]
    assert [(f.name, f.options.settings, f.options.mandatory) for f in action.fields or []] == [
        ("candidateRefNumber", {}, None), ("custom", {"guid": GUID}, None),
        ("custom", {"guid": "75ACD042"}, True)]


def test_a_guid_given_in_its_column_stays_there(window: MainWindow, tmp_path: Path,
                                                 qtbot: QtBot) -> None:
    write_csv(tmp_path / "learners.csv", [["candidateRefNumber", "custom"], ["E1001", "B-17"]])
    config = write_config(tmp_path, ImportSpec(
        "learners.csv", ("candidateRefNumber", "custom"), "createOrUpdateLearnerAction",
        # Learners found by a column the file has (the default, candidateLogin, it lacks).
        options="<traineeSearchField><candidateRefNumber/></traineeSearchField>",
        column_children={"custom": "<guid>75ACD042</guid>"}))
    page = configured_mapping(window, config, qtbot)
    assert page.guid_of(1) == "75ACD042"
    page.set_guid(1, "75ACD043")
    window.wizard.next()
    imp = window.state.choices.config.imports[0]
    assert imp.provider.columns[1].options.settings == {"guid": "75ACD043"}
    assert [f.options.settings for f in imp.actions[0].fields or []] == [{}, {}]


def test_codes_of_a_field_no_column_feeds_say_why_they_cannot_be_typed(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("Identifiant;Nom;Actif\nmdupont;Dupont;O\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateLearnerAction")
    page.set_field(2, "ignoredColumn")
    box = page.findChild(QGroupBox, "codes_candidateValidity")
    note = box.findChild(QLabel, "codes_note_candidateValidity")
    edits = page.code_edits["candidateValidity"]
    assert not any(edit.isEnabled() for edit in edits.values())
    assert note.isVisibleTo(page)
    assert note.text() == ("Not used: no column feeds Account enabled — candidateValidity. "
                           "Choose it for a column above to set its codes.")
    look(window, screenshots, "mapping-codes-not-fed")
    page.set_field(2, "candidateValidity")
    assert all(edit.isEnabled() for edit in edits.values())
    assert not note.isVisibleTo(page)
