"""The mapping page with issue 15's options: several field lists, each its own boxes, and a
field's settings (keepSession) kept through the page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING, OPEN, PREVIEW

REGISTRATIONS = 5  # the sample configuration's sixth import


def registrations(window: MainWindow, sample: Path, qtbot: QtBot) -> MappingPage:
    """The sample configuration's registrations import, on the mapping page."""
    wizard = window.wizard
    assert wizard.open_file(sample / "sample-config.xml")
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20000)
    while wizard.currentId() != OPEN:
        wizard.back()
    page = wizard.open_page
    page.import_combo.setCurrentIndex(REGISTRATIONS)
    qtbot.waitUntil(page.isComplete, timeout=10000)
    wizard.next()
    assert wizard.action_page.selected() == "registerLearnerAction"
    wizard.next()
    assert wizard.currentId() == MAPPING
    return wizard.mapping_page


def chosen(page: MappingPage) -> dict[str, list[str]]:
    return {option: [name for name, check in checks.items() if check.isChecked()]
            for option, checks in page.field_list_checks.items()}


def test_each_field_list_has_its_own_boxes(window: MainWindow, sample: Path,
                                           qtbot: QtBot) -> None:
    page = registrations(window, sample, qtbot)
    assert chosen(page) == {"traineeSearchField": ["candidateLogin"],
                            "trainingSearchField": ["trainingPathCode"],
                            "sessionSearchField": ["sessionTitle"]}
    page.field_list_checks["sessionSearchField"]["sessionStartDate"].setChecked(True)
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    action = window.state.choices.config.imports[REGISTRATIONS].actions[0]
    assert action.field_lists == {"traineeSearchField": ["candidateLogin"],
                                  "trainingSearchField": ["trainingPathCode"],
                                  "sessionSearchField": ["sessionTitle", "sessionStartDate"]}
    assert action.attributes == {"trainingSearchField": {"hasResults": "yes"}}
    text = window.wizard.config_page.editor.toPlainText()
    assert '<trainingSearchField hasResults="yes">' in text
    assert "<keepSession>Y</keepSession>" in text  # the field's setting went through the page


def test_parameters_are_chosen_with_the_options(window: MainWindow, tmp_path: Path) -> None:
    data = tmp_path / "tracking.csv"
    data.write_text("candidateLogin;sessionGuid;lovCode;firstAccessDate;trackingStatus\n"
                    "cbernard;S-1;LO-1;05/01/2024 10:30;c\n", encoding="utf-8")
    wizard = window.wizard
    assert wizard.open_file(data)
    wizard.next()
    wizard.action_page.select("createOrUpdateConsolidatedTrackingAction")
    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentId() == MAPPING
    assert set(page.parameter_inputs) == {"dateTimeFormat", "timeZone", "defaultTime"}
    formats = page.parameter_inputs["dateTimeFormat"]
    assert isinstance(formats, QLineEdit) and formats.text() == "YYYY-MM-DD HH:II:SS"
    formats.setText("DD/MM/YYYY HH:II")
    page.confirm_check.setChecked(True)
    wizard.next()
    assert wizard.currentId() == CONFIG
    action = window.state.choices.config.imports[0].actions[0]
    assert action.parameters == {"dateTimeFormat": "DD/MM/YYYY HH:II"}  # the rest at default
    text = wizard.config_page.editor.toPlainText()
    assert "<dateTimeFormat>DD/MM/YYYY HH:II</dateTimeFormat>" in text


def test_a_field_list_ticked_on_the_page_keeps_the_comments_written_in_it(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    config = sample / "sample-config.xml"
    written = ("          <sessionSearchField>\n"
               "            <!-- the title is unique per training path -->\n"
               "            <sessionTitle/> <!-- as the sessions file names it -->\n"
               "          </sessionSearchField>\n        </options>")
    text = config.read_text(encoding="utf-8")
    before = text.rindex("          <sessionSearchField>")
    after = text.index("</options>", before) + len("</options>")
    config.write_text(text[:before] + written + text[after:], encoding="utf-8")
    page = registrations(window, sample, qtbot)
    page.field_list_checks["sessionSearchField"]["sessionStartDate"].setChecked(True)
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert ("          <sessionSearchField>\n"
            "            <!-- the title is unique per training path -->\n"
            "            <sessionTitle/> <!-- as the sessions file names it -->\n"
            "            <sessionStartDate/>\n"
            "          </sessionSearchField>\n        </options>"
            ) in window.wizard.config_page.editor.toPlainText()
