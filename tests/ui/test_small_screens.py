"""The windows on a small screen: a 1366x768 laptop at 125 % (about 1092x580 for the window)
or a 1280x720 projector, in French (longer) and English. Nothing cut off, and what a window
says first in sight."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION
from tests.ui.fit import clipped


def small_window(tmp_path: Path, qtbot: QtBot, width: int, height: int) -> MainWindow:
    """The main window shown at width x height, on a private store."""
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    return window


def test_the_teachers_note_reads_whole_and_in_sight_at_1024_by_640(
        speaking: str, sample: Path, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    window = small_window(tmp_path, qtbot, 1024, 640)
    wizard = window.wizard
    assert wizard.open_file(sample / "teachers.csv")
    wizard.next()
    assert wizard.currentId() == ACTION
    page = wizard.action_page
    QApplication.processEvents()
    window.grab().save(str(screenshots / f"small-action-teachers-{speaking}.png"))
    assert page.selected() == "createOrUpdateTeacherAction"
    assert clipped(window) == []
    note = page.teacher_note
    viewport = page.list_area.viewport()
    place = QRect(note.mapTo(viewport, QPoint(0, 0)), note.size())
    assert viewport.rect().contains(place)  # no scrolling needed to read it
