"""Tools ▸ Refresh… by the keyboard alone: Tab goes from control to control, the preview
table included (it never keeps Tab for its cells), and a held Enter on Refresh refreshes
once: it never closes the dialog nor cancels the refresh being written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE
from tests.ui.test_refresh_dialog_select_all import TRAININGS, large_export

CONFIG = SAMPLE / "exports" / "export-config.xml"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def named(widget: QWidget) -> str:
    """How a user tells the focused control: its text, else its object name."""
    text = getattr(widget, "text", None)
    return text() if callable(text) and not widget.objectName() else widget.objectName()


def test_tab_goes_through_the_preview_table_to_the_buttons(
        qtbot: QtBot, tmp_path: Path) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=CONFIG, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    dialog.exports.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(named(focused()))
    assert seen == ["refreshPreview", "&Refresh", "Close", "refreshConfig"]


def test_enter_held_on_refresh_refreshes_once_and_keeps_the_dialog(
        qtbot: QtBot, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    dialog = RefreshDialog(store, config_path=large_export(tmp_path / "export"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.refresh_button.isEnabled, timeout=60_000)
    dialog.refresh_button.setFocus()
    for _ in range(3):  # the key held: Enter again and again while the refresh is written
        assert dialog.isVisible()
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=60_000)
    assert dialog.isVisible() and dialog.result is not None
    assert dialog.status.text().startswith(f"Refreshed as run 1: {TRAININGS + 15} created")
    with Store.open(store) as opened:
        assert [run.id for run in opened.history()] == [1]
