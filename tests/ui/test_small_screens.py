"""The windows on a small screen: a 1366x768 laptop at 125 % (about 1092x580 for the window)
or a 1280x720 projector, in French (longer) and English. Nothing cut off, and what a window
says first in sight."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.widgets.screen_size import FRAME_ALLOWANCE
from importer_gui.ui.wizard import ACTION
from tests.conftest import ROOT, offscreen_on
from tests.ui.fit import clipped


def screen_file(folder: Path, width: int, height: int) -> Path:
    """A file describing one width x height screen, for Qt's offscreen platform."""
    screen = folder / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "small", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "dpr": 1}]}),
                      encoding="utf-8")
    return screen


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


OPENED_ON_A_SMALL_SCREEN = """
from pathlib import Path
import sys
from PySide6.QtWidgets import QApplication
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.core.store import Store
from importer_gui.ui.store_browser import StoreBrowser
app = QApplication([])
path = Path(sys.argv[1])
store = Store.open(path)
for dialog in (StoreBrowser(store), RefreshDialog(path)):
    dialog.show()
    print(type(dialog).__name__, dialog.width(), dialog.height())
"""


def test_the_browser_and_the_previews_open_within_a_1024_by_640_screen(
        tmp_path: Path) -> None:
    screen = screen_file(tmp_path, 1024, 640)
    shown = subprocess.run(
        [sys.executable, "-c", OPENED_ON_A_SMALL_SCREEN, str(tmp_path / "store.sqlite3")],
        env={**os.environ, "QT_QPA_PLATFORM": offscreen_on(screen)}, cwd=ROOT,
        capture_output=True, text=True, check=True, timeout=60).stdout.split("\n")
    sizes = {name: (int(width), int(height))
             for name, width, height in (line.split() for line in shown if line)}
    assert set(sizes) == {"StoreBrowser", "RefreshDialog"}
    for name, (width, height) in sizes.items():
        # Its title bar too: the window's Close button stays on the screen.
        assert width <= 1024 and height <= 640 - FRAME_ALLOWANCE, (name, width, height)


MAIN_WINDOW_ON_A_SMALL_SCREEN = """
from pathlib import Path
import sys
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QWizard
from importer_gui.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Path(sys.argv[1]))
window.show()
assert window.wizard.open_file(Path(sys.argv[2]))
window.wizard.next()  # the action page, with Back beside Next
app.processEvents()
window.grab().save(sys.argv[3])
for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
    button = window.wizard.button(which)
    corner = button.mapToGlobal(QPoint(button.width(), button.height()))
    print(button.text().replace("&", ""), button.isVisible(), corner.x(), corner.y())
"""


def test_the_main_window_opens_the_first_time_within_a_1280_by_720_projector(
        sample: Path, tmp_path: Path, screenshots: Path) -> None:
    screen = screen_file(tmp_path, 1280, 720)
    shown = subprocess.run(
        [sys.executable, "-c", MAIN_WINDOW_ON_A_SMALL_SCREEN, str(tmp_path / "store.sqlite3"),
         str(sample / "teachers.csv"), str(screenshots / "small-main-window-first-time.png")],
        env={**os.environ, "QT_QPA_PLATFORM": offscreen_on(screen)}, cwd=ROOT,
        capture_output=True, text=True, check=True, timeout=60).stdout.split("\n")
    corners = {name: (visible, int(right), int(bottom))
               for name, visible, right, bottom in (line.rsplit(" ", 3) for line in shown if line)}
    assert set(corners) == {"< Back", "Next >"}
    for name, (visible, right, bottom) in corners.items():
        # Below a title bar too, the buttons stay on the screen.
        assert visible == "True" and right <= 1280 and bottom <= 720 - FRAME_ALLOWANCE, (
            name, visible, right, bottom)
