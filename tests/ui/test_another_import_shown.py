"""A configuration of several imports: showing another one in the open page's Import box
keeps the changes made to the one edited (its action, a mapping Next takes) in the
configuration, and asks before it drops those the configuration cannot take yet (a mapping
not complete, XML not valid); Cancel leaves the Import box on the import edited."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN, Wizard
from tests.ui.conftest import Questions
from tests.ui.test_hand_edits_kept import LEARNERS, NAME, choose, click, type_over
from tests.ui.test_mapping_from_preview import mapping_from_preview
from tests.ui.wizards import sample_preview

NEXT, BACK = QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton
TEACHERS, INTERVENTIONS = 0, 3  # the sample's first and fourth imports
EMAIL = 3  # teachers.csv: Identifiant, Nom, Prénom, Courriel
SAVED = ["teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]
TWICE = ["teacherLogin", "teacherLogin", "teacherFirstname", "teacherEmail"]
TITLE = "Show another import?"
DROPS = ("Your changes to the import of teachers.csv cannot be kept in the configuration "
         "yet, and showing another import drops them.")
ANSWERS = ["Discard the changes and switch", "Cancel"]


def go_to(qtbot: QtBot, wizard: Wizard, page_id: int) -> None:
    """Back or Next clicked until the wizard shows ``page_id``."""
    while wizard.currentId() > page_id:
        click(qtbot, wizard, BACK)
    while wizard.currentId() < page_id:
        click(qtbot, wizard, NEXT)
    assert wizard.currentId() == page_id


def show_import(qtbot: QtBot, wizard: Wizard, index: int) -> None:
    """Back to the open page, import ``index`` chosen in its Import box."""
    go_to(qtbot, wizard, OPEN)
    wizard.open_page.import_combo.setCurrentIndex(index)


def teachers_mapped_twice(window: MainWindow, sample: Path, qtbot: QtBot) -> list[str]:
    """The sample opened, the teachers' name column set to feed the login too (Next
    refuses it), then Back to the open page; the page's warning."""
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    go_to(qtbot, wizard, MAPPING)
    wizard.mapping_page.set_field(NAME, "teacherLogin")
    warning = wizard.mapping_page.warning_label.text()
    go_to(qtbot, wizard, OPEN)
    return warning


def test_a_mapping_next_takes_is_kept_through_another_import(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    go_to(qtbot, wizard, MAPPING)
    wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    show_import(qtbot, wizard, INTERVENTIONS)
    go_to(qtbot, wizard, MAPPING)
    assert wizard.mapping_page.import_line.text() == "File interventions.xlsx (import 4 of 6)"
    show_import(qtbot, wizard, TEACHERS)
    go_to(qtbot, wizard, MAPPING)
    assert wizard.mapping_page.column_fields() == [*SAVED[:EMAIL], IGNORED_COLUMN]
    assert questions.asked == []


def test_an_action_chosen_by_hand_is_kept_through_another_import(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    go_to(qtbot, wizard, ACTION)
    choose(qtbot, wizard, LEARNERS)
    show_import(qtbot, wizard, INTERVENTIONS)
    go_to(qtbot, wizard, ACTION)
    show_import(qtbot, wizard, TEACHERS)
    go_to(qtbot, wizard, ACTION)
    assert wizard.action_page.selected() == LEARNERS
    assert questions.asked == []


def test_a_mapping_not_complete_is_asked_about_and_cancel_stays_on_it(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    warning = teachers_mapped_twice(window, sample, qtbot)
    wizard = window.wizard
    assert warning.startswith("Fed by more than one column: teacherLogin.")
    questions.answers.append("Cancel")
    wizard.open_page.import_combo.setCurrentIndex(INTERVENTIONS)
    assert questions.asked == [(TITLE, f"{DROPS}\n\nThe mapping: {warning}", ANSWERS)]
    assert wizard.open_page.import_combo.currentIndex() == TEACHERS
    assert "teachers.csv" in wizard.open_page.file_label.text()
    go_to(qtbot, wizard, MAPPING)
    assert wizard.mapping_page.column_fields() == TWICE  # still there to finish


def test_a_mapping_not_complete_is_dropped_once_the_user_agreed(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    teachers_mapped_twice(window, sample, qtbot)
    wizard = window.wizard
    questions.answers.append("Discard the changes and switch")
    wizard.open_page.import_combo.setCurrentIndex(INTERVENTIONS)
    assert [title for title, _text, _answers in questions.asked] == [TITLE]
    assert "interventions.xlsx" in wizard.open_page.file_label.text()
    show_import(qtbot, wizard, TEACHERS)  # straight back: the mapping dropped is not shown
    go_to(qtbot, wizard, MAPPING)
    assert wizard.mapping_page.column_fields() == SAVED
    assert len(questions.asked) == 1


def test_xml_not_valid_is_asked_about_and_dropped_once_the_user_agreed(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    go_to(qtbot, wizard, CONFIG)
    type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
    go_to(qtbot, wizard, OPEN)
    error = ("The configuration is not well-formed XML (line 15): Opening and ending tag "
             "mismatch: teacherEmail line 14 and columnsMapping.")
    question = (TITLE, f"{DROPS}\n\nThe XML: {error}", ANSWERS)
    questions.answers.append("Cancel")
    wizard.open_page.import_combo.setCurrentIndex(INTERVENTIONS)
    assert questions.asked == [question]
    assert wizard.open_page.import_combo.currentIndex() == TEACHERS
    questions.answers.append("Discard the changes and switch")
    wizard.open_page.import_combo.setCurrentIndex(INTERVENTIONS)  # still held: asked again
    assert questions.asked == [question, question]
    assert wizard.open_page.import_combo.currentIndex() == INTERVENTIONS
    go_to(qtbot, wizard, CONFIG)
    page = wizard.config_page
    assert page.editor.toPlainText() == config_xml.dumps(window.state.session.choices.config)
    assert page.isComplete() and "<teacherEmail>" not in page.editor.toPlainText()


def test_the_preview_s_mapping_button_keeps_a_mapping_changed_before(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    go_to(qtbot, wizard, MAPPING)
    wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    while wizard.currentId() < MAPPING + 2:  # on to the preview
        click(qtbot, wizard, NEXT)
    mapping_from_preview(window, qtbot, INTERVENTIONS)
    show_import(qtbot, wizard, TEACHERS)
    go_to(qtbot, wizard, MAPPING)
    assert wizard.mapping_page.column_fields() == [*SAVED[:EMAIL], IGNORED_COLUMN]
    assert questions.asked == []


def test_the_question_is_in_french(french: None, window: MainWindow, sample: Path,
                                   qtbot: QtBot, questions: Questions) -> None:
    teachers_mapped_twice(window, sample, qtbot)
    questions.answers.append("Annuler")
    window.wizard.open_page.import_combo.setCurrentIndex(INTERVENTIONS)
    [(title, text, answers)] = questions.asked
    assert title == "Afficher un autre import\u00a0?"
    assert text.startswith(
        "Vos modifications de l'import de teachers.csv ne peuvent pas encore être gardées "
        "dans la configuration, et afficher un autre import les abandonne.\n\n"
        "La correspondance\u00a0: Alimentés par plusieurs colonnes\u00a0: teacherLogin.")
    assert answers == ["Abandonner les modifications et changer", "Annuler"]
