"""Enter in a preview's table, its lists or its boxes writes nothing: Refresh and Revert
write the store, and only a press on them does (Space, Enter or a click on the button
itself), even after Tab went past them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog
from tests.ui.test_alt_letters import committed
from tests.ui.test_refresh_dialog_keyboard import CONFIG


def shown(dialog: QWidget, qtbot: QtBot) -> None:
    """The dialog shown, with the keyboard."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def tab_around(qtbot: QtBot, presses: int) -> None:
    """Tab pressed ``presses`` times, past every control."""
    for _ in range(presses):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)


def runs(store_path: Path) -> list[int]:
    with Store.open(store_path) as store:
        return [run.id for run in store.history()]


def test_enter_in_the_refresh_s_table_and_list_refreshes_nothing(
        qtbot: QtBot, tmp_path: Path) -> None:
    store_path = tmp_path / "store.sqlite3"
    dialog = RefreshDialog(store_path, config_path=CONFIG, synchronous=True)
    shown(dialog, qtbot)
    assert dialog.refresh_button.isEnabled()  # the preview is shown
    for tabbed in (0, 9):  # as opened, then once Tab went past Refresh and Close
        tab_around(qtbot, tabbed)
        for control in (dialog.view, dialog.exports, dialog.prune_check):
            control.setFocus()
            qtbot.keyClick(control, Qt.Key.Key_Return)
            assert dialog.result is None and dialog.isVisible(), control.objectName()
    assert runs(store_path) == []
    dialog.refresh_button.setFocus()
    qtbot.keyClick(dialog.refresh_button, Qt.Key.Key_Return)  # on Refresh itself, it does
    assert dialog.result is not None and runs(store_path) == [1]


def test_enter_in_the_revert_s_table_and_list_reverts_nothing(
        sample: Path, qtbot: QtBot, tmp_path: Path) -> None:
    store_path, _plan, run_id = committed(sample, tmp_path)
    dialog = RevertDialog(store_path, run_id, synchronous=True)
    shown(dialog, qtbot)
    assert dialog.revert_button.isEnabled()
    for tabbed in (0, 5):
        tab_around(qtbot, tabbed)
        for control in (dialog.view, dialog.tables):
            control.setFocus()
            qtbot.keyClick(control, Qt.Key.Key_Return)
            assert dialog.results == [] and dialog.isVisible(), control.objectName()
    assert runs(store_path) == [run_id]
