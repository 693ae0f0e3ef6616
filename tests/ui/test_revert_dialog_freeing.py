"""A revert's plan is freed off the window's thread once its dialog is closed, as the wizard's
and the refresh's plans are: the store browser keeps the dialog until the next revert, and a
plan of a million rows freed on the window's thread kept it waiting."""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import run_info


def test_a_revert_plan_closing_drops_is_freed_in_the_background(
        tmp_path: Path, qtbot: QtBot) -> None:
    store = tmp_path / "store.sqlite3"
    with Store.open(store) as opened:
        run = opened.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1,
                                   {"login": "jdoe", "name": "Doe"})], run_info(create=1))
    dialog = RevertDialog(store, run, synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.plan is not None and dialog.model.rowCount() == 1
    threads: list[threading.Thread] = []
    weakref.finalize(dialog.plan, lambda: threads.append(threading.current_thread()))
    ref = weakref.ref(dialog.plan)
    dialog.buttons.rejected.emit()  # Close; the browser keeps the dialog
    assert dialog.isHidden() and dialog.plan is None and dialog.model.rowCount() == 0
    qtbot.waitUntil(lambda: ref() is None, timeout=10_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
