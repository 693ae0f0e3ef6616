"""The mapping page: built from the catalogue entry, warning with the core's answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from importer_gui.core.binding import mapping_problems
from importer_gui.core.catalogue import ACTIONS, IGNORED_COLUMN, SESSION_SEARCH_FIELDS
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import FIELD
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.wizard import CONFIG, MAPPING
from tests.ui.wizards import cell, editor, in_italics, shot


def mapping(window: MainWindow, sample: Path, name: str, action: str) -> MappingPage:
    """Open a file of the sample, choose ``action`` and go on to the mapping page."""
    wizard = window.wizard
    assert wizard.open_file(sample / name)
    wizard.next()
    wizard.action_page.select(action)
    wizard.next()
    assert wizard.currentId() == MAPPING
    return wizard.mapping_page


def test_the_options_are_the_catalogues_by_kind(window: MainWindow, sample: Path) -> None:
    page = mapping(window, sample, "sessions.xlsx", "createOrUpdateSessionAction")
    assert list(page.search_checks) == list(SESSION_SEARCH_FIELDS)
    assert [n for n, c in page.search_checks.items() if c.isChecked()] == ["sessionTitle"]
    full = page.option_inputs["fullAccess"]
    assert isinstance(full, QComboBox)
    assert [full.itemText(i) for i in range(full.count())] == ["yes", "no"]
    assert full.currentText() == "yes"
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    action = window.state.choices.config.imports[0].actions[0]
    assert action.full_access is None  # left at its default: not written

    window.wizard.back()
    full = page.option_inputs["fullAccess"]
    assert isinstance(full, QComboBox)
    full.setCurrentText("no")
    window.wizard.next()
    assert window.state.choices.config.imports[0].actions[0].full_access is False
    assert "<fullAccess>no</fullAccess>" in window.wizard.config_page.editor.toPlainText()


def test_an_action_without_options_shows_only_the_date_format(
        window: MainWindow, sample: Path) -> None:
    page = mapping(window, sample, "teachers.csv", "createOrUpdateTeacherAction")
    assert page.search_checks == {} and page.option_inputs == {}
    assert page.date_format_edit is not None
    assert page.date_format_edit.placeholderText() == "YYYY-MM-DD"


def test_no_field_to_find_sessions_by_keeps_the_user_on_the_page(
        window: MainWindow, sample: Path) -> None:
    page = mapping(window, sample, "sessions.xlsx", "createOrUpdateSessionAction")
    page.confirm_check.setChecked(True)
    for check in page.search_checks.values():
        check.setChecked(False)
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert page.error_label.text() == "Choose at least one field to find sessions by."


def test_the_warnings_are_the_cores_problems_in_words(
        window: MainWindow, sample: Path) -> None:
    page = mapping(window, sample, "interventions.xlsx", "createOrUpdateInterventionAction")
    assert page.warning_label.text() == ""
    page.set_field(1, IGNORED_COLUMN)  # "Code formation": the training is named by nothing
    page.set_field(8, "roomLabel")  # "Formateur" now feeds the room's label a second time
    fields = page.column_fields()
    assert page.problems() == mapping_problems(ACTIONS["createOrUpdateInterventionAction"],
                                               fields)
    assert page.warning_label.text() == (
        "Fed by more than one column: roomLabel. Choose one column each.\n"
        "No column feeds this mandatory field: teacherLogin. Rows cannot be matched or "
        "checked on it.\n"
        "No column feeds Training course GUID — trainingGuid or Training course code — "
        "trainingPathCode. The check finds each row's records by one of them, so the import "
        "cannot go on with none: map a column to one of them.")
    assert not page.isComplete()


def test_each_columns_combo_offers_every_field_and_is_as_wide_as_its_longest_title(
        window: MainWindow, sample: Path) -> None:
    page = mapping(window, sample, "sessions.xlsx", "createOrUpdateSessionAction")
    page.set_field(1, IGNORED_COLUMN)  # chosen by hand: plain, the others guesses in italics
    spec = ACTIONS["createOrUpdateSessionAction"]
    for place in range(len(page.rows)):
        combo = editor(page, place)
        assert isinstance(combo, QComboBox)
        assert combo.font().italic() == in_italics(page, place)
        offered = [combo.itemData(i) for i in range(combo.count())]
        assert offered == [IGNORED_COLUMN, *(f.name for f in spec.fields)]
        assert all(combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(1, combo.count()))
        alone = QComboBox()  # the same fields in a combo of its own, in the same font
        alone.setFont(combo.font())
        alone.addItems([combo.itemText(i) for i in range(combo.count())])
        assert (combo.sizeHint(), combo.minimumSizeHint()) == (alone.sizeHint(),
                                                               alone.minimumSizeHint())
        assert page.columns_view.columnWidth(FIELD) >= alone.sizeHint().width()
    assert {in_italics(page, place) for place in range(len(page.rows))} == {True, False}


def test_skipping_a_column_is_offered_and_explained_by_its_title(
        window: MainWindow, sample: Path, screenshots: Path) -> None:
    page = mapping(window, sample, "teachers.csv", "createOrUpdateTeacherAction")
    combo = editor(page, 0)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(2)] == [
        "Not imported — ignoredColumn", "Teacher's login — teacherLogin *"]
    assert page.subTitle() == (
        "Choose the field each column feeds. Suggestions in italics are guesses: check them. "
        "Columns set to “Not imported” are skipped.")
    page.set_field(0, IGNORED_COLUMN)
    assert cell(page, 0, FIELD) == "Not imported — ignoredColumn"
    shot(window, screenshots, "mapping-not-imported")


@pytest.mark.usefixtures("french")
def test_skipping_a_column_is_said_in_french(
        window: MainWindow, sample: Path, screenshots: Path) -> None:
    page = mapping(window, sample, "teachers.csv", "createOrUpdateTeacherAction")
    combo = editor(page, 0)
    assert isinstance(combo, QComboBox)
    assert combo.itemText(0) == "Non importée — ignoredColumn"
    assert page.subTitle() == (
        "Choisissez le champ qu'alimente chaque colonne. Les suggestions en italique sont "
        "devinées\xa0: vérifiez-les. Les colonnes réglées sur «\xa0Non importée\xa0» sont "
        "ignorées.")
    page.set_field(0, IGNORED_COLUMN)
    assert cell(page, 0, FIELD) == "Non importée — ignoredColumn"
    shot(window, screenshots, "mapping-not-imported-fr")


# What the warning says of the mandatory fields no column feeds, one then two, in English
# and in French.
MANDATORY = {
    ENGLISH: ("No column feeds this mandatory field: teacherLogin. Rows cannot be matched or "
              "checked on it.",
              "No column feeds these mandatory fields: interventionDate, teacherLogin. Rows "
              "cannot be matched or checked on them."),
    FRENCH: ("Aucune colonne n'alimente ce champ obligatoire\xa0: teacherLogin. Les lignes ne "
             "pourront être ni retrouvées ni vérifiées sur ce champ.",
             "Aucune colonne n'alimente ces champs obligatoires\xa0: interventionDate, "
             "teacherLogin. Les lignes ne pourront être ni retrouvées ni vérifiées sur ces "
             "champs."),
}


def test_the_mandatory_fields_missing_are_one_or_more(
        speaking: str, window: MainWindow, sample: Path) -> None:
    page = mapping(window, sample, "interventions.xlsx", "createOrUpdateInterventionAction")
    page.set_field(8, "roomLabel")  # "Formateur": no column feeds the teacher's login
    assert page.warning_label.text().splitlines()[1] == MANDATORY[speaking][0]
    page.set_field(3, IGNORED_COLUMN)  # nor the meeting's date
    assert page.warning_label.text().splitlines()[1] == MANDATORY[speaking][1]
