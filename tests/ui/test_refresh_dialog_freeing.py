"""Tools ▸ Refresh…: a refresh plan the dialog drops (a new preview, Close) is freed off the
window's thread, as the wizard's plans are: a plan of a million rows freed on it kept the
window waiting 0.2-0.6 s."""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE

CONFIG = SAMPLE / "exports" / "export-config.xml"


def watched(dialog: RefreshDialog) -> tuple[weakref.ref, list[threading.Thread]]:
    """The dialog's shown plan, and the threads it is freed on (once)."""
    assert dialog.planned is not None
    plan = dialog.planned.plan
    threads: list[threading.Thread] = []
    weakref.finalize(plan, lambda: threads.append(threading.current_thread()))
    return weakref.ref(plan), threads


def freed_off_the_window_thread(ref: weakref.ref, threads: list[threading.Thread],
                                qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: ref() is None, timeout=10_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()


def test_a_plan_a_new_preview_replaces_is_freed_in_the_background(
        tmp_path: Path, qtbot: QtBot) -> None:
    # In the background, as the window runs it: the new preview's worker frees it first.
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=CONFIG)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)
    ref, threads = watched(dialog)
    dialog.prune_check.setChecked(True)  # previews again
    freed_off_the_window_thread(ref, threads, qtbot)
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=10_000)
    # The new preview is shown whole.
    assert dialog.exports.count() == 7 and dialog.model.rowCount() == 4
    assert dialog.model.data(dialog.model.index(0, 1), Qt.ItemDataRole.DisplayRole) == "create"
    assert dialog.refresh_button.isEnabled()


def test_a_plan_closing_drops_is_freed_in_the_background(tmp_path: Path,
                                                         qtbot: QtBot) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=CONFIG, synchronous=True)
    dialog.show()
    ref, threads = watched(dialog)
    dialog.buttons.rejected.emit()  # Close
    assert dialog.isHidden() and dialog.planned is None and dialog.model.rowCount() == 0
    dialog.deleteLater()  # as the main window does once the dialog is closed
    del dialog
    freed_off_the_window_thread(ref, threads, qtbot)
