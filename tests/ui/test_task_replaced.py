"""A background task replaced by a newer one closes what it opened (``on_dropped``), whether
its worker was still at work or had already handed its result to the window's thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core.errors import StoreError
from importer_gui.core.store import Store
from importer_gui.ui.tasks import TaskRunner


def closed(store: Store) -> bool:
    """Whether the store was closed: reading it says so."""
    try:
        store.history()
    except StoreError as exc:
        return "is closed" in str(exc)
    return False


@pytest.mark.parametrize("handed_over", [False, True])
def test_a_replaced_task_s_store_is_closed_and_the_newer_task_s_result_shown(
        tmp_path: Path, qtbot: QtBot, handed_over: bool) -> None:
    Store.open(tmp_path / "store.sqlite3").close()
    opened: list[Store] = []
    working = threading.Event()

    def opening(_monitor: Any) -> Store:
        opened.append(Store.open(tmp_path / "store.sqlite3", create=False))
        working.wait(10)  # still at work when replaced, unless handed over already
        return opened[-1]

    runner, shown = TaskRunner(), []
    runner.run(opening, shown.append, on_dropped=Store.close)
    if handed_over:
        working.set()
        runner.wait()  # its result waits for the window's thread
    runner.run(lambda _monitor: "newer", shown.append)
    working.set()
    qtbot.waitUntil(lambda: shown == ["newer"], timeout=10_000)
    runner.wait()
    qtbot.wait(10)  # a result handed over is dropped as the window's thread gets it
    assert shown == ["newer"]
    assert closed(opened[0])
