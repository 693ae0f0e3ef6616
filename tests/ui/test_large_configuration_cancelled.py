"""A saved configuration whose data file is large is opened as that file itself is: its first
rows read in the background, the page saying which file it reads, with Cancel; Cancel or
Escape gives up at once and brings back what was open before (a file or a configuration),
the configuration not left half open nor among the recent files. Once read, it goes on to
the preview, whose check Escape stops too."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.progress import Monitor
from importer_gui.core.session import run_check
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import preview_page
from importer_gui.ui.pages.open_page import OpenPage
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import OPEN, PREVIEW
from tests.builders import TEACHER_COLUMNS, write_csv
from tests.ui.test_large_files_in_the_background import (  # noqa: F401 - a fixture
    SlowReads,
    slow,
    teachers_open,
)
from tests.ui.test_someone_elses_configuration import configuration
from tests.ui.wizards import shot

READING = "Reading the first rows of teachers.csv…"
CANCEL_TIP = "Stop opening this configuration; what was open before stays open (Escape)"


def teachers_configuration(folder: Path) -> Path:
    """A configuration reading teachers.csv beside it (large, as every file is here)."""
    write_csv(folder / "teachers.csv", [TEACHER_COLUMNS, ["jdoe", "Doe", "Jane", "j@x.org"]])
    return configuration(folder, "<fileName>teachers.csv</fileName>")


def reading_shown(page: OpenPage, config: Path) -> None:
    """The page says which configuration and file it reads, with Cancel, and nothing of
    the file open before."""
    assert page.file_label.text() == f"Configuration: {config}\nFile: {config.parent}/teachers.csv"
    assert page.reading_row.isVisible() and page.reading_label.text() == READING
    assert page.reading_row.cancel_button.isVisible()
    assert page.reading_row.cancel_button.toolTip() == CANCEL_TIP
    assert page.head_model.rowCount() == 0
    assert not page.isComplete()


def test_escape_while_a_configurations_large_file_is_read_brings_the_file_before_back(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        slow: SlowReads, screenshots: Path) -> None:  # noqa: F811
    page, first = teachers_open(window, tmp_path, qtbot, slow)
    config = teachers_configuration(tmp_path)
    assert window.open_file(config)  # at once: its file's first rows read in the background
    reading_shown(page, config)
    shot(window, screenshots, "open_configuration_large_file_reading")
    qtbot.waitUntil(lambda: len(slow.on_window_thread) > 0)  # its first rows being read
    qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)
    # Back at once, while the held read still runs: the file open before, as it was.
    assert page.file_label.text() == f"File: {first}"
    assert window.state.choices.config_path is None
    qtbot.waitUntil(page.isComplete, timeout=2_000)  # well before the held read goes on
    assert page.head_model.data(page.head_model.index(0, 0)) == "zoe"
    assert not page.reading_row.isVisible()
    assert not slow.release.is_set()
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    qtbot.wait(50)  # anything the dropped read would still do
    assert window.wizard.currentId() == OPEN
    assert page.file_label.text() == f"File: {first}"
    assert window.state.choices.config_path is None
    assert window.state.choices.data_files == [first.resolve()]
    assert Settings().recent_files() == [first]


def test_cancel_brings_the_configuration_open_before_back(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        slow: SlowReads) -> None:  # noqa: F811
    mine = tmp_path / "mine"
    mine.mkdir()
    before = teachers_configuration(mine)
    slow.release.set()
    assert window.open_file(before)
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)
    qtbot.waitUntil(lambda: not window.wizard.preview_page.is_checking(), timeout=20_000)
    slow.release.clear()
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    config = teachers_configuration(theirs)
    assert window.open_file(config)
    page = window.wizard.open_page
    reading_shown(page, config)
    qtbot.mouseClick(page.reading_row.cancel_button, Qt.MouseButton.LeftButton)
    assert page.file_label.text() == f"Configuration: {before}\nFile: {mine}/teachers.csv"
    assert window.state.choices.config_path == before
    qtbot.waitUntil(page.isComplete, timeout=2_000)
    assert page.head_model.data(page.head_model.index(0, 0)) == "jdoe"
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    qtbot.wait(50)
    assert window.wizard.currentId() == OPEN
    assert window.state.choices.config_path == before
    assert page.isComplete() and not page.reading_row.isVisible()
    assert Settings().recent_files() == [before]


def test_a_configurations_large_file_once_read_goes_on_to_the_preview_whose_check_escape_stops(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        slow: SlowReads, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    checks = threading.Event()  # the preview's check held until released, or cancelled

    def held(snapshot: object, monitor: Monitor) -> object:
        while not checks.wait(0.01):
            monitor.check_cancelled()
        return run_check(snapshot, monitor)  # type: ignore[arg-type]

    monkeypatch.setattr(preview_page, "run_check", held)
    config = teachers_configuration(tmp_path)
    assert window.open_file(config)
    page = window.wizard.open_page
    reading_shown(page, config)
    assert Settings().recent_files() == []  # not until it is read
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    slow.release.set()
    preview = window.wizard.preview_page
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=20_000)
    assert set(slow.on_window_thread) == {False}
    assert Settings().recent_files() == [config]
    assert window.state.choices.config_path == config
    assert preview.is_checking()
    qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)  # as its Cancel button does
    qtbot.waitUntil(lambda: not preview.is_checking(), timeout=10_000)
    assert preview.progress_label.text() == "Check cancelled."
    assert preview.error_label.text() == (
        "The check was cancelled: press Check again to see the rows.")
    assert window.state.choices.plan is None
