"""The refresh's and the revert's previews copy their selected rows as the store browser's
tables do: Ctrl+C, and Copy in their context menu (the Menu key opens it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog
from tests.ui.test_alt_letters import committed
from tests.ui.test_refresh_dialog_keyboard import CONFIG


def first_row(view: QTableView) -> str:
    """The first row's cells as shown, a tab between them."""
    model = view.model()
    return "\t".join(str(model.index(0, column).data() or "")
                     for column in range(model.columnCount()))


def copied_by_ctrl_c(view: QTableView) -> str:
    view.setFocus()
    view.selectRow(0)
    QGuiApplication.clipboard().clear()
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QGuiApplication.clipboard().text()


def test_ctrl_c_copies_the_previews_rows(sample: Path, qtbot: QtBot, tmp_path: Path) -> None:
    store_path, _plan, run_id = committed(sample, tmp_path)
    dialogs = [RefreshDialog(tmp_path / "other.sqlite3", config_path=CONFIG,
                             synchronous=True),
               RevertDialog(store_path, run_id, synchronous=True)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        view = dialog.view
        assert view.model().rowCount() > 0
        assert copied_by_ctrl_c(view) == first_row(view) + "\n", view.objectName()
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        assert [action.text() for action in view.actions()] == ["&Copy"]
