"""Tools ▸ Refresh… of a large export the store already holds: the preview saying so is
worked out in the background, the window ticking meanwhile (whether anything changes is not
found by reading every unchanged row on the window's thread). How long the window may wait
at most is a figure of ``make bench`` (the main case's refresh preview line), not of a test:
timed on a shared machine, it flaked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from importer_gui.core.platform_io import export_config, refresh
from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.ui.test_refresh_dialog_select_all import large_export


def test_a_large_preview_changing_nothing_is_worked_out_while_the_window_ticks(
        tmp_path: Path, qtbot: QtBot) -> None:
    config = large_export(tmp_path / "export", trainings=200_000)
    store = tmp_path / "store.sqlite3"
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(export_config.load(config), opened), opened)
    dialog = RefreshDialog(store, config_path=config)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=120_000)
    ticks: list[bool] = []  # whether the preview was being worked out at each tick
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(dialog.runner.busy))
    timer.start()
    dialog.preview()
    assert dialog.runner.busy  # back from the click at once
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=120_000)
    timer.stop()
    assert ticks.count(True) >= 5
    assert dialog.status.text() == "The store already holds what the exports hold."
    assert not dialog.refresh_button.isEnabled()
