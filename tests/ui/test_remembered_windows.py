"""The main window and the store browser open again where and at the size they were left;
a settings file damaged or edited by hand never puts them out of reach."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import DEFAULT_SIZE, WINDOW_SETTINGS, MainWindow
from importer_gui.ui.settings import Settings
from importer_gui.ui.store_browser import BROWSER_SETTINGS, StoreBrowser
from importer_gui.ui.store_browser import DEFAULT_SIZE as BROWSER_SIZE

HUGE = 0x7FFFFFF0


def huge_geometry() -> QByteArray:
    """What ``saveGeometry`` writes (format 3.0), with every rectangle as wide as can be."""
    rect = struct.pack(">iiii", -HUGE, -HUGE, HUGE, HUGE)
    return QByteArray(bytes.fromhex("01d9d0cb00030000") + rect + rect
                      + struct.pack(">i", 0) + b"\0\0" + struct.pack(">i", 800) + rect)


def started(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """The main window as a start builds and shows it."""
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    return window


def browsed(qtbot: QtBot, store: Store) -> StoreBrowser:
    """The store browser as Tools ▸ Store browser… shows it."""
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitUntil(lambda: not browser.busy)
    return browser


def on_screen(widget: QWidget) -> bool:
    """Whether the window's top-left corner is on the screen."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    return screen.contains(widget.geometry().topLeft())


def test_the_main_window_opens_again_as_it_was_left(qtbot: QtBot, tmp_path: Path) -> None:
    window = started(qtbot, tmp_path)
    window.resize(700, 500)
    window.move(40, 30)
    window.close()
    again = started(qtbot, tmp_path)
    assert (again.width(), again.height()) == (700, 500)
    assert again.geometry() == window.geometry()


@pytest.mark.parametrize("name", [WINDOW_SETTINGS, BROWSER_SETTINGS])
def test_a_damaged_size_and_place_open_the_window_at_its_usual_size_on_the_screen(
        qtbot: QtBot, tmp_path: Path, name: str) -> None:
    Settings().save_geometry(name, huge_geometry())
    if name == WINDOW_SETTINGS:
        window: QWidget = started(qtbot, tmp_path)
        size = DEFAULT_SIZE
    else:
        store = Store.open(tmp_path / "browsed.sqlite3")
        window = browsed(qtbot, store)
        size = BROWSER_SIZE
    assert (window.width(), window.height()) == size
    assert on_screen(window)
    if name == BROWSER_SETTINGS:
        window.close()
        store.close()
