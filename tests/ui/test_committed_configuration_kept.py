"""A committed import's configuration is kept for next month without a chore: the window's
guesses, committed as they were, are offered for saving in the library on Finish (Enter
saves), and next month's file of the same shape is read by it from "Saved configurations"."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.language import ENGLISH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import COMMIT, OPEN, PREVIEW
from tests.ui.conftest import Questions, asked_on_screen
from tests.ui.wizards import sample_preview

GUESSED = ["teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]
FINISHED = {
    ENGLISH: ("Start a new import?", (
        "The configuration this import was committed with (how its file is read, its action "
        "and mapping) is saved nowhere: next time, the file's columns would have to be "
        "checked again. Save it in your library as “{}”, to find it under Saved "
        "configurations?"),
        ["Save the configuration", "Start anew without saving", "Cancel"]),
    "fr": ("Commencer un nouvel import\u00a0?", (
        "La configuration avec laquelle cet import a été validé (la lecture de son fichier, "
        "son action et sa correspondance) n'est enregistrée nulle part\u00a0: la prochaine "
        "fois, les colonnes du fichier seraient à vérifier de nouveau. L'enregistrer dans "
        "votre bibliothèque sous le nom «\u00a0{}\u00a0», pour la retrouver dans "
        "Configurations enregistrées\u00a0?"),
        ["Enregistrer la configuration", "Recommencer sans enregistrer", "Annuler"]),
}


def committed_as_guessed(window: MainWindow, data: Path, qtbot: QtBot,
                         questions: Questions) -> None:
    """``data`` (teachers) opened, every guess kept, checked and committed (its row with
    errors skipped, as agreed): nothing typed. The questions asked are forgotten."""
    wizard = window.wizard
    assert wizard.open_file(data)
    while wizard.currentId() != PREVIEW:
        wizard.next()
    qtbot.waitUntil(wizard.preview_page.shows_plan, timeout=20_000)
    wizard.next()
    assert wizard.currentId() == COMMIT
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=20_000)
    questions.asked.clear()
    questions.offered.clear()


def finished(window: MainWindow, qtbot: QtBot) -> None:
    """Finish pressed, then the wizard back on its first page (once what was answered
    is done: a configuration is saved in the background)."""
    window.wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.wizard.currentId() == OPEN
                    and not window.wizard.config_page.saving)


def fields(path: Path) -> list[str]:
    """The fields a saved configuration's first import maps its columns to."""
    return [column.field for column in config_xml.load(path).imports[0].provider.columns]


def test_finish_after_committing_the_guesses_offers_to_save_them_in_the_library(
        speaking: str, window: MainWindow, sample: Path, qtbot: QtBot,
        questions: Questions) -> None:
    committed_as_guessed(window, sample / "teachers.csv", qtbot, questions)
    assert Settings.library() == []
    finished(window, qtbot)  # the first answer, Enter's: save
    title, text, answers = FINISHED[speaking]
    assert questions.asked == [(title, text.format("teachers"), answers)]
    [saved] = Settings.library()
    assert saved.name == "teachers.xml" and fields(saved) == GUESSED
    page = window.wizard.open_page
    assert page.library_model.stringList() == ["teachers"]  # under Saved configurations
    assert not window.state.session.unsaved_config()
    assert window.close() and len(questions.asked) == 1  # nothing left to lose


def test_next_months_file_is_read_by_the_configuration_saved_on_finish(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot,
        questions: Questions) -> None:
    committed_as_guessed(window, sample / "teachers.csv", qtbot, questions)
    finished(window, qtbot)
    june = tmp_path / "june" / "teachers-june.csv"  # next month's export, the same columns
    june.parent.mkdir()
    shutil.copyfile(sample / "teachers.csv", june)
    page = window.wizard.open_page
    index = page.library_model.index(page.library_model.stringList().index("teachers"))
    page.library_view.activated.emit(index)  # chosen under Saved configurations
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)
    assert window.open_file(june)
    choices = window.state.choices
    assert choices.config_path == Settings.library_path("teachers")
    assert choices.data_files == [june.resolve()]
    assert [c.field for c in choices.config.imports[0].provider.columns] == GUESSED
    assert len(questions.asked) == 1  # Finish's only: nothing guessed again, nothing asked


def test_quitting_after_the_commit_offers_it_too_and_enter_saves(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        screenshots: Path) -> None:
    committed_as_guessed(window, sample / "teachers.csv", qtbot, questions)
    with asked_on_screen(screenshots / "committed-configuration-quit.png",
                         lambda box: qtbot.keyClick(box, Qt.Key.Key_Return)) as seen:
        assert not window.close()  # stays while the configuration is saved
    qtbot.waitUntil(lambda: not window.isVisible())
    assert seen == [("Quit Import Assistant?", FINISHED[ENGLISH][1].format("teachers"),
                     ["&Save the configuration", "&Quit without saving", "Cancel"])]
    assert fields(Settings.library_path("teachers")) == GUESSED


def test_a_library_entry_of_the_same_name_is_left_as_it_was(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    taken = Settings.library_path("teachers")  # someone's "teachers" already there
    taken.parent.mkdir(parents=True)
    taken.write_text("<import-config/>", encoding="utf-8")
    committed_as_guessed(window, sample / "teachers.csv", qtbot, questions)
    questions.answers.append("Start anew without saving")
    finished(window, qtbot)
    assert questions.asked[0][1] == FINISHED[ENGLISH][1].format("teachers 2")
    assert Settings.library() == [taken]
    assert taken.read_text(encoding="utf-8") == "<import-config/>"


def test_a_saved_configuration_committed_asks_nothing_on_finish(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    sample_preview(window, sample, qtbot)
    window.wizard.next()
    qtbot.waitUntil(lambda: window.wizard.commit_page.result is not None, timeout=20_000)
    questions.asked.clear()
    finished(window, qtbot)
    assert questions.asked == [] and Settings.library() == []


def test_opening_another_file_after_the_commit_offers_it_first(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    committed_as_guessed(window, sample / "teachers.csv", qtbot, questions)
    questions.answers.append("Open without saving")
    assert window.open_file(sample / "learners.csv")
    assert questions.asked == [("Open another file?", (
        "The configuration this import was committed with (how its file is read, its action "
        "and mapping) is saved nowhere, and opening another file drops it. Save it in your "
        "library as “teachers” first, to find it under Saved configurations?"),
        ["Save the configuration and open", "Open without saving", "Cancel"])]
    assert Settings.library() == []
    assert window.state.choices.data_files == [(sample / "learners.csv").resolve()]


def test_a_month_s_file_is_offered_under_its_name_without_the_date(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        tmp_path: Path) -> None:
    """ "teachers-2027-03" is kept as "teachers": April's "teachers-2027-04" finds it."""
    march = tmp_path / "march" / "teachers-2027-03.csv"
    march.parent.mkdir()
    shutil.copyfile(sample / "teachers.csv", march)
    committed_as_guessed(window, march, qtbot, questions)
    finished(window, qtbot)
    title, text, answers = FINISHED[ENGLISH]
    assert questions.asked == [(title, text.format("teachers"), answers)]
    assert [saved.name for saved in Settings.library()] == ["teachers.xml"]
