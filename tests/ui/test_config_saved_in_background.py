"""Save as… writes the configuration in the background (a large one takes a second): the page
says it is saving, then saved; a file that cannot be written is said as before, the status
line as it was, in its own look; quitting or opening another file meanwhile is done once the
save ends, the window's thread never waiting for it."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.styles import Look, look_of, set_look
from importer_gui.ui.tasks import saving_pool
from importer_gui.ui.wizard import CONFIG
from tests.ui.conftest import Questions
from tests.ui.test_config_editor_mistakes import configuration_page


def held_saving() -> threading.Event:
    """The saving thread held until the event returned is set: a save started meanwhile
    is still running when the test acts."""
    gate = threading.Event()
    saving_pool().start(lambda: gate.wait(10))
    return gate


def test_quitting_while_the_configuration_is_saved_closes_once_it_is(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot,
        questions: Questions) -> None:
    page = configuration_page(window, sample)
    target = tmp_path / "teachers.xml"
    gate = held_saving()
    assert page.save_config_as(target)
    assert page.saving and not target.exists()
    assert page.status_label.text() == f"Saving to {target}…"
    assert not window.close()  # returns at once: the window's thread never waits for the save
    assert window.isVisible() and page.saving and not window.wizard.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert questions.asked == []  # saved: nothing to ask about
    assert config_xml.load(target).imports[0].provider.file_name == "teachers.csv"
    assert not window.state.session.unsaved_config()


def test_opening_another_file_while_the_configuration_is_saved_opens_it_once_it_is(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot,
        questions: Questions) -> None:
    page = configuration_page(window, sample)
    gate = held_saving()
    assert page.save_config_as(tmp_path / "teachers.xml")
    learners = sample / "learners.csv"
    assert not window.open_file(learners)
    assert window.wizard.currentId() == CONFIG and page.saving
    gate.set()
    qtbot.waitUntil(lambda: window.state.choices.data_files == [learners.resolve()])
    assert questions.asked == [] and window.wizard.isEnabled()


def test_a_save_that_fails_puts_back_the_status_line_as_it_was_an_error_too(
        window: MainWindow, sample: Path, tmp_path: Path) -> None:
    page = configuration_page(window, sample)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    set_look(page.status_label, Look.ERROR)  # an error the status line says
    page.status_label.setText("Line 3: not well-formed")
    assert page.save_config_as(blocker / "teachers.xml")
    assert look_of(page.status_label) is Look.PLAIN  # saving: not an error any more
    page.finish_saving()
    assert page.status_label.text() == "Line 3: not well-formed"
    assert look_of(page.status_label) is Look.ERROR


def test_a_configuration_saved_in_the_background_is_said_saved(
        window: MainWindow, sample: Path, tmp_path: Path) -> None:
    page = configuration_page(window, sample)
    target = tmp_path / "teachers.xml"
    assert page.save_config_as(target)
    page.finish_saving()
    assert page.status_label.text() == f"Saved to {target}."
    assert page.error_label.isHidden()
    assert target.read_text(encoding="utf-8") == config_xml.dumps(window.state.choices.config)
    assert window.state.choices.config_path == target


def test_a_folder_that_cannot_be_made_is_said_and_nothing_is_saved(
        window: MainWindow, sample: Path, tmp_path: Path) -> None:
    page = configuration_page(window, sample)
    status = page.status_label.text()
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "teachers.xml"
    assert page.save_config_as(target)
    page.finish_saving()
    assert page.error_label.text() == f"{target}: could not save (File exists)."
    assert page.status_label.text() == status
    assert window.state.choices.config_path != target and not target.exists()
