"""The cycle collector, shared by the window's thread and the workers: its lists are moved
(gc.freeze, gc.unfreeze) only between collections.

A collection runs the finalizers of what it frees, and Python code there may hand the GIL to
another thread in the middle of the collection. gc.freeze and gc.unfreeze move the whole of
the collector's lists at once, and one of them run by a worker while the window's thread was
inside such a collection crashed the process (a segmentation fault, seen in the test suite).
Here they wait for any collection to end, with new automatic ones held off meanwhile; the
explicit collections of ours take the same lock, so none starts in between.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from typing import Any

from importer_gui.core.planner import paused_gc

_LOCK = threading.RLock()
_running = [0]  # collections under way, in any thread (counted by _watch)
_PAUSE = 0.001  # seconds between two looks at a collection under way


def _watch(phase: str, _info: dict[str, Any]) -> None:
    """gc's callback: count the collections under way."""
    _running[0] += 1 if phase == "start" else -1


gc.callbacks.append(_watch)


def freeze() -> None:
    """gc.freeze(), between collections."""
    _between_collections(gc.freeze)


def unfreeze() -> None:
    """gc.unfreeze(), between collections."""
    _between_collections(gc.unfreeze)


def collect() -> int:
    """gc.collect(), never while this module moves the collector's lists."""
    with _LOCK:
        return gc.collect()


def _between_collections(change: Callable[[], None]) -> None:
    """Run ``change`` once no collection is under way, automatic ones held off meanwhile."""
    with _LOCK, paused_gc():  # no automatic collection starts now, in any thread
        while _running[0] > 0:  # one started before: let its thread finish it
            time.sleep(_PAUSE)
        change()
