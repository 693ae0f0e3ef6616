"""File ▸ Open store… connects in the background: a silent server never holds the window;
the dialog says it is opening the store, Cancel gives up, and a failure is said as before."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from importer_gui.core.store import PostgresUrl
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_dialog import ConnectingDialog
from tests.ui.waits import longest_wait
from tests.ui.wizards import shot


def test_a_silent_server_is_waited_for_in_the_background_and_cancel_gives_up(
        window: MainWindow, silent_server: PostgresUrl, qtbot: QtBot,
        warnings: list[str], screenshots: Path) -> None:
    before = window.state.store_path
    said: list[object] = []
    used: list[bool] = []

    def look_then_cancel() -> None:
        dialog = window.findChild(ConnectingDialog)
        row = dialog.progress_row
        said.extend([row.status.text(), row.cancel_button.isVisible(), row.bar.isVisible()])
        shot(dialog, screenshots, "open-store-connecting")
        row.cancel_button.click()

    def use() -> None:
        QTimer.singleShot(300, look_then_cancel)
        used.append(window.use_store(silent_server))

    wait = longest_wait(qtbot, lambda: QTimer.singleShot(0, use))
    assert said == [f"Opening the store {silent_server}…", True, True]
    assert used == [False]
    assert window.state.store_path == before
    assert warnings == []  # cancelled: nothing to say
    assert wait < 1, wait  # far from the 2 s the connect would have held it


def test_a_silent_server_left_to_time_out_is_said_as_before(
        window: MainWindow, silent_server: PostgresUrl, warnings: list[str]) -> None:
    assert not window.use_store(silent_server)
    assert warnings == [f"The store {silent_server} could not be opened: connection timeout "
                        "expired."]
