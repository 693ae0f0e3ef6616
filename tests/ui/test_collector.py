"""The collector's lists are moved only between collections, whichever thread collects: a
worker's gc.unfreeze during the window thread's collection crashed the test suite."""

from __future__ import annotations

import gc
import threading
import time

from importer_gui.ui import collector


class SlowToFree:
    """Garbage whose finalizer hands the GIL to other threads for a while."""

    def __init__(self, entered: threading.Event, order: list[str]) -> None:
        self.entered, self.order = entered, order
        self.me = self  # a cycle: only a collection frees it

    def __del__(self) -> None:
        self.entered.set()
        time.sleep(0.3)  # other threads run now, in the middle of the collection
        self.order.append("collection done")


def moved_during_a_collection(move: object) -> list[str]:
    """The order in which a collection in this thread and ``move`` in a worker ended."""
    entered, order = threading.Event(), []

    def worker() -> None:
        entered.wait(5)
        move()  # type: ignore[operator]
        order.append("moved")

    thread = threading.Thread(target=worker)
    thread.start()
    SlowToFree(entered, order)
    gc.collect()
    thread.join(5)
    return order


def test_unfreeze_waits_for_a_collection_under_way_in_another_thread() -> None:
    assert moved_during_a_collection(collector.unfreeze) == ["collection done", "moved"]


def test_freeze_waits_too_and_leaves_the_collector_as_it_was() -> None:
    was_enabled = gc.isenabled()
    assert moved_during_a_collection(collector.freeze) == ["collection done", "moved"]
    collector.unfreeze()
    assert gc.isenabled() == was_enabled and gc.get_freeze_count() == 0
