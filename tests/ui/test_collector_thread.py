"""The cycle collector runs on the window's thread only: a worker's collection freed what a
closed page had left while the window's thread used it, and the process crashed."""

from __future__ import annotations

import gc
import threading
from typing import Any

from importer_gui.ui import collector
from importer_gui.ui.tasks import TaskRunner


class Cycle:
    """Garbage only a collection frees; it notes the thread that freed it."""

    def __init__(self, freed_on: list[str]) -> None:
        self.freed_on, self.me = freed_on, self

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_a_window_turns_automatic_collections_off(qtbot: Any) -> None:
    TaskRunner()  # what every page makes: the collector is installed on this thread
    assert not gc.isenabled()


def test_a_worker_s_collection_runs_on_the_window_s_thread(qtbot: Any) -> None:
    TaskRunner()
    freed_on: list[str] = []
    Cycle(freed_on)
    worker = threading.Thread(target=collector.collect, name="worker")
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5_000)
    assert freed_on == [threading.current_thread().name]


def test_collections_due_run_on_the_window_s_thread(qtbot: Any) -> None:
    TaskRunner()
    freed_on: list[str] = []
    gc.collect()
    Cycle(freed_on)
    alive = [[n] for n in range(2 * gc.get_threshold()[0])]  # past the youngest threshold
    qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)
    assert freed_on == [threading.current_thread().name] and len(alive) > 1


def test_a_worker_goes_without_while_the_window_waits_for_it(qtbot: Any) -> None:
    TaskRunner()
    freed_on: list[str] = []
    Cycle(freed_on)
    found: list[int] = []
    worker = threading.Thread(target=lambda: found.append(collector.collect()))
    with collector.window_waiting():  # as TaskRunner.wait does: no event is handled now
        worker.start()
        worker.join(5)
    assert found == [0] and freed_on == []
    qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)  # the one asked for, later, here
    assert freed_on == [threading.current_thread().name]
