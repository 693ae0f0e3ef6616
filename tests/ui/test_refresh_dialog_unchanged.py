"""Tools ▸ Refresh… of a large export the store already holds: the preview saying so keeps
the window ticking (whether anything changes is found in the background, not by reading
every unchanged row on the window's thread)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.platform_io import export_config, refresh
from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.ui.test_refresh_dialog_select_all import large_export
from tests.ui.waits import LONGEST_WAIT, least_of, longest_wait


def test_a_large_preview_changing_nothing_keeps_the_window_ticking(
        tmp_path: Path, qtbot: QtBot) -> None:
    config = large_export(tmp_path / "export", trainings=200_000)
    store = tmp_path / "store.sqlite3"
    with Store.open(store) as opened:
        refresh.commit_refresh(refresh.plan_refresh(export_config.load(config), opened), opened)
    dialog = RefreshDialog(store, config_path=config)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=120_000)

    def previewed() -> float:
        def preview_and_wait() -> None:
            dialog.preview()
            qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=120_000)
        return longest_wait(qtbot, preview_and_wait)

    assert least_of(3, previewed) < LONGEST_WAIT
    assert dialog.status.text() == "The store already holds what the exports hold."
    assert not dialog.refresh_button.isEnabled()
