"""A change made by hand is kept however the user moves through the wizard, and saved only
where the user says: a mapping left by Back is there on the way back and saved when the
window asks; an action chosen by hand is a change the window asks about, kept by Back too;
a configuration changed on disk is replaced only when asked."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, Wizard
from tests.ui.conftest import Questions
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_unsaved_configuration import (
    EMAIL,
    QUIT,
    SAVE_TO_LIBRARY,
    closed_once_saved,
    fields,
    hand_mapped,
    saved_on_quit,
)
from tests.ui.wizards import in_italics

LOGIN, NAME = 0, 1  # teachers.csv: Identifiant, Nom, Prénom, Courriel
TEACHERS = "createOrUpdateTeacherAction"
LEARNERS = "createOrUpdateLearnerAction"


def click(qtbot: QtBot, wizard: Wizard, button: QWizard.WizardButton) -> None:
    """Click one of the wizard's buttons (Back, Next) as the user does."""
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, wizard: Wizard, action: str) -> None:
    """Click an action's radio button on its circle, as the user does."""
    button = wizard.action_page.buttons[action]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert wizard.action_page.selected() == action


def back_then_next(qtbot: QtBot, wizard: Wizard) -> None:
    """From the mapping page, a look at the action and back."""
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentId() == ACTION
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == MAPPING


def test_a_mapping_left_by_back_is_there_on_the_way_back_and_saved_when_asked(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    page = hand_mapped(window, sample)
    wizard = window.wizard
    assert in_italics(page, NAME)  # a guess the user has not looked at
    back_then_next(qtbot, wizard)
    assert page.column_fields()[EMAIL] == IGNORED_COLUMN
    assert in_italics(page, NAME)  # still marked as a guess to check
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    saved = saved_on_quit(window, qtbot, questions)
    assert fields(saved) == ["teacherLogin", "teacherName", "teacherFirstname", IGNORED_COLUMN]


def test_a_mapping_not_complete_yet_is_kept_by_back_and_not_saved_half_done(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    page = hand_mapped(window, sample)
    wizard = window.wizard
    page.set_field(NAME, "teacherLogin")  # the login fed twice: Next refuses it
    warning = page.warning_label.text()
    assert warning.startswith("Fed by more than one column: teacherLogin.")
    back_then_next(qtbot, wizard)
    assert page.column_fields() == [
        "teacherLogin", "teacherLogin", "teacherFirstname", IGNORED_COLUMN]
    assert page.warning_label.text() == warning and not page.isComplete()
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    questions.answers.append("Cancel")
    assert not window.close()  # only Discard or Cancel: a save could only be refused
    assert questions.asked == [("Quit Import Assistant?", (
        "Your changes to the import of teachers.csv cannot be kept in the configuration yet, "
        f"and quitting drops them.\n\nThe mapping: {warning}"),
        ["Discard them and quit", "Cancel"])]
    assert Settings.library() == []
    questions.answers.append("Discard them and quit")
    assert window.close()


def test_an_action_chosen_by_hand_is_asked_about_and_saved(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.action_page
    assert page.selected() == TEACHERS  # the window's guess: nothing to ask about
    assert not window.state.session.unsaved_config()
    choose(qtbot, wizard, LEARNERS)
    questions.answers.append("Cancel")
    assert not window.close()
    assert questions.asked == [("Quit Import Assistant?", SAVE_TO_LIBRARY, QUIT)]
    closed_once_saved(window, qtbot)  # the first answer: save
    [saved] = Settings.library()
    assert [a.name for a in config_xml.load(saved).imports[0].actions] == [LEARNERS]


def test_an_action_chosen_by_hand_is_kept_by_back(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    choose(qtbot, wizard, LEARNERS)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == ACTION and wizard.action_page.selected() == LEARNERS


def test_saving_over_a_configuration_changed_on_disk_asks_replace_or_keep(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    path = sample / "sample-config.xml"
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.wizard.currentId() > CONFIG, timeout=20_000)
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
    assert window.wizard.currentId() == MAPPING
    window.wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    theirs = path.read_text(encoding="utf-8").replace(
        "<import-config>", "<import-config><!-- a colleague's -->", 1)
    path.write_text(theirs, encoding="utf-8")
    questions.answers += ["Save the configuration", "Keep it"]
    assert not window.close()
    assert questions.asked[1] == ("The configuration changed on disk", (
        f"{path} was changed by another program since it was opened here. Replace it with "
        "this configuration? (Its changes would be lost.)"), ["Keep it", "Replace it"])
    assert path.read_text(encoding="utf-8") == theirs and window.isVisible()
    questions.answers += ["Save the configuration", "Replace it"]
    closed_once_saved(window, qtbot)
    assert fields(path)[EMAIL] == IGNORED_COLUMN


def test_in_french_the_file_changed_on_disk_is_kept_or_replaced_in_words(
        french: None, window: MainWindow, sample: Path, questions: Questions) -> None:
    path = sample / "sample-config.xml"
    assert window.wizard.open_page.open_path(path)
    path.write_text(path.read_text(encoding="utf-8") + "<!-- a colleague's -->\n",
                    encoding="utf-8")
    assert not window.wizard.config_page.save_config_as(path)
    assert questions.asked == [("La configuration a changé sur le disque", (
        f"{path} a été modifié par un autre programme depuis son ouverture ici. Le remplacer "
        "par cette configuration\u00a0? (Ses modifications seraient perdues.)"),
        ["Le garder", "Le remplacer"])]


def test_a_mapping_left_by_back_goes_with_its_configuration_opened_anew(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    path = sample / "sample-config.xml"
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.wizard.currentId() > CONFIG, timeout=20_000)
    wizard = window.wizard
    for _ in range(2):
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    page = wizard.mapping_page
    page.set_field(NAME, "teacherLogin")  # not complete: kept on the page only
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    questions.answers.append("Discard the changes and open")
    assert window.open_file(path)  # the same file again, as saved
    qtbot.waitUntil(lambda: wizard.currentId() > CONFIG, timeout=20_000)
    for _ in range(2):  # the page is built as the user comes back to it
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentId() == MAPPING
    assert page.column_fields() == fields(path)


def test_guesses_left_by_back_are_made_afresh_on_the_sheet_chosen_then(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    book = Workbook()
    notes = book.active
    notes.title = "Notes"  # first, so the one shown first
    notes.append(["Identifiant", "Nom", "Remarque"])
    notes.append(["mdupont", "Dupont", "à rappeler"])
    teachers = book.create_sheet("Formateurs")
    teachers.append(["Login", "Nom", "Prénom", "Courriel"])
    teachers.append(["mdupont", "Dupont", "Marie", "marie@example.org"])
    book.save(tmp_path / "people.xlsx")
    wizard = window.wizard
    assert wizard.open_file(tmp_path / "people.xlsx")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    wizard.action_page.select(TEACHERS)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.mapping_page
    assert page.mapped_fields() == ["teacherLogin", "teacherName"]  # guesses, on Notes
    for _ in range(2):
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    combo = wizard.open_page.sheet_combo
    combo.setCurrentIndex(combo.findText("Formateurs"))
    for _ in range(2):
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == MAPPING
    assert page.mapped_fields() == ["teacherLogin", "teacherName", "teacherFirstname",
                                    "teacherEmail"]
    assert page.changes_label.isHidden() and page.warning_label.isHidden()
    assert page.isComplete()


def type_over(qtbot: QtBot, window: MainWindow, old: str, new: str) -> None:
    """On the configuration page, select ``old`` in the XML and type ``new`` over it."""
    editor = window.wizard.config_page.editor
    at = editor.toPlainText().index(old)
    cursor = editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + len(old), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, new)


def test_xml_typed_then_back_at_once_is_kept_and_saved_when_asked(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    configuration_page(window, sample)
    type_over(qtbot, window, "YYYY-MM-DD", "DD/MM/YYYY")
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)  # before the parse delay
    assert window.wizard.currentId() == MAPPING
    assert window.wizard.mapping_page.date_format_edit.text() == "DD/MM/YYYY"
    saved = saved_on_quit(window, qtbot, questions)
    assert config_xml.load(saved).imports[0].provider.date_format == "DD/MM/YYYY"


def test_xml_not_valid_left_by_back_is_not_saved_nor_offered_to_be(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    configuration_page(window, sample)
    type_over(qtbot, window, "<teacherEmail/>", "<teacherEmail>")
    typed = window.wizard.config_page.editor.toPlainText()
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
    questions.answers.append("Cancel")
    assert not window.close()  # only Discard or Cancel: a save could only be refused
    assert questions.asked == [("Quit Import Assistant?", (
        "Your changes to the import of teachers.csv cannot be kept in the configuration yet, "
        "and quitting drops them.\n\nThe XML: The configuration is not well-formed XML "
        "(line 27): Opening and ending tag mismatch: teacherEmail line 26 and fields."),
        ["Discard them and quit", "Cancel"])]
    assert Settings.library() == []
    click(qtbot, window.wizard, QWizard.WizardButton.NextButton)
    assert window.wizard.config_page.editor.toPlainText() == typed  # still there to fix
    questions.answers.append("Discard them and quit")
    assert window.close()
    assert Settings.library() == []
