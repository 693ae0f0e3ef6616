"""Saving the configuration from the questions asked on quitting and on opening another file
runs in the background, as Save as… does: the window stays the user's (the question returns
at once, the save still running), and quits or opens the other file once the save has
ended; a save that fails says so, naming the file, and the window stays, nothing lost. Back
and Next pressed while a configuration is saved go on once it is, never waiting for it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import paths
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import CONFIG, MAPPING, PREVIEW
from tests.ui.conftest import Questions
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_config_saved_in_background import held_saving
from tests.ui.test_unsaved_configuration import EMAIL, QUIT, SAVE_TO_LIBRARY, fields, hand_mapped


def test_quitting_saves_in_the_background_and_closes_once_saved(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    hand_mapped(window, sample)
    gate = held_saving()
    assert not window.close()  # the first answer: save; the window's thread is free
    assert questions.asked == [("Quit Import Assistant?", SAVE_TO_LIBRARY, QUIT)]
    assert window.isVisible() and window.wizard.config_page.saving
    assert not window.wizard.isEnabled()  # nothing changes what is being written
    assert Settings.library() == []
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible())
    [saved] = Settings.library()
    assert fields(saved)[EMAIL] == IGNORED_COLUMN
    assert len(questions.asked) == 1  # saved: nothing more to ask


def test_opening_another_file_saves_in_the_background_and_opens_it_once_saved(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    hand_mapped(window, sample)
    learners = sample / "learners.csv"
    gate = held_saving()
    questions.answers.append("Save the configuration and open")
    assert not window.open_file(learners)
    assert window.wizard.currentId() == MAPPING and window.wizard.config_page.saving
    assert window.state.choices.data_files == [(sample / "teachers.csv").resolve()]
    gate.set()
    qtbot.waitUntil(lambda: window.state.choices.data_files == [learners.resolve()])
    assert fields(Settings.library_path("teachers"))[EMAIL] == IGNORED_COLUMN
    assert window.wizard.isEnabled() and len(questions.asked) == 1


def test_a_save_that_fails_on_quitting_says_so_and_the_window_stays(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    page = hand_mapped(window, sample)
    library = paths.library_dir()
    library.parent.mkdir(parents=True, exist_ok=True)
    library.write_text("not a folder", encoding="utf-8")  # the library cannot be made
    assert not window.close()
    qtbot.waitUntil(lambda: not window.wizard.config_page.saving)
    target = library / "teachers.xml"
    assert questions.asked[1:] == [("Quit Import Assistant?",
                                    f"{target}: could not save (File exists).", ["OK"])]
    assert window.isVisible() and window.wizard.isEnabled()
    assert window.wizard.currentId() == MAPPING
    assert page.column_fields()[EMAIL] == IGNORED_COLUMN
    assert window.state.session.unsaved_config()
    questions.answers.append("Discard them and quit")
    assert window.close()


def test_back_during_a_save_goes_back_once_it_is_saved(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    gate = held_saving()
    assert page.save_config_as(tmp_path / "teachers.xml")
    window.wizard.back()  # returns at once: the save is still running
    assert window.wizard.currentId() == CONFIG and page.saving
    gate.set()
    qtbot.waitUntil(lambda: window.wizard.currentId() == MAPPING)
    assert page.status_label.text() == f"Saved to {tmp_path / 'teachers.xml'}."


def test_next_during_a_save_goes_on_once_it_is_saved(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    gate = held_saving()
    assert page.save_config_as(tmp_path / "teachers.xml")
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG and page.saving
    gate.set()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW)
    assert window.state.choices.config_path == tmp_path / "teachers.xml"
