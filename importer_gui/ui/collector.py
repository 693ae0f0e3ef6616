"""The cycle collector: it runs on the window's thread only, and its lists are moved
(gc.freeze, gc.unfreeze) only between collections.

A collection frees the garbage cycles every thread made, and freeing the Python side of a
Qt object may destroy the object, in the thread that collects: a worker's collection freed
what a closed page had left while the window's thread used it (a segmentation fault, seen
in the test suite). So the window turns Python's automatic collections off (``install``)
and runs them on its own thread, on a timer, as Python's thresholds would have; a worker
that wants a full collection (``collect``) asks the window's thread for it and waits, unless
the window's thread is waiting for the workers (``window_waiting``): then it goes without.

A collection runs the finalizers of what it frees, and Python code there may hand the GIL
to another thread in the middle of the collection. gc.freeze and gc.unfreeze move the whole
of the collector's lists at once, and one of them run by a worker while the window's thread
was inside such a collection crashed the process too. Here they wait for any collection to
end; the collections of ours take the same lock, so none starts in between.

What is alive as the window's thread installs the collector (the modules, the application,
the window built so far) is frozen then, and so is what is alive as each check ends
(``pages/base.kept_off_the_collector``), so that a collection walks only what came since:
the window's objects, walked whole, held the window's thread 20-150 ms as a check started.
Frozen objects are still freed by reference counting; only the garbage cycles among them
wait. They wait for ``collect_frozen_garbage``: once what was frozen since the last full
collection outgrows a quarter of what it left alive (Python's own rule for its oldest
generation), everything frozen goes back to the collector for one full collection, so
frozen garbage stays bounded by a quarter of the live objects.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from importer_gui.core.planner import gc_paused, paused_gc

TICK_MS = 500  # how often the window's thread runs the collections that are due
ASKED_LOOK = 0.05  # seconds between two looks of a worker waiting for its collection
_PAUSE = 0.001  # seconds between two looks at a collection under way

_LOCK = threading.RLock()
_running = [0]  # collections under way, in any thread (counted by _watch)
_window: list[_OnWindowThread] = []  # the one installed, once installed
_window_waits = threading.Event()  # set while the window's thread waits for the workers
_window_gone = threading.Event()  # set once the application quits: its thread answers nobody
_settled = [0]  # objects frozen after the last full collection: what it left alive
FROZEN_GARBAGE_SHARE = 4  # a full collection once the frozen grew past 1/4 of _settled


def _watch(phase: str, _info: dict[str, Any]) -> None:
    """gc's callback: count the collections under way."""
    _running[0] += 1 if phase == "start" else -1


gc.callbacks.append(_watch)


@dataclass
class _Asked:
    """A full collection a worker asked the window's thread for."""

    done: threading.Event = field(default_factory=threading.Event)
    found: int = 0  # what it freed


class _OnWindowThread(QObject):
    """Collections on the window's thread: those due, on a timer; those workers ask for."""

    asked = Signal(object)  # an _Asked, emitted by a worker: it reaches this thread queued

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.thread_id = threading.get_ident()  # the window's thread
        self.asked.connect(self._collect_asked)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._collect_due)
        self._timer.start()
        app.aboutToQuit.connect(_window_gone.set)  # a worker still running goes without

    @Slot(object)
    def _collect_asked(self, asked: _Asked) -> None:
        try:
            asked.found = _collect_here()
        finally:
            asked.done.set()

    @Slot()
    def _collect_due(self) -> None:
        generation = _due_generation()
        if generation is not None and not gc_paused():  # not over a plan being built
            with _LOCK:
                gc.collect(generation)


def install() -> None:
    """Collect on the window's thread only, from now on: call it there, once the application
    exists (again, or without one, it does nothing)."""
    app = QCoreApplication.instance()
    if _window or app is None or QThread.currentThread() is not app.thread():
        return
    gc.disable()
    _window.append(_OnWindowThread(app))
    freeze()  # what exists now lives as long as the window: no collection walks it again
    _settled[0] = gc.get_freeze_count()


def _due_generation() -> int | None:
    """The oldest generation Python would collect now (its count past its threshold)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    return next((g for g in (2, 1, 0) if thresholds[g] and counts[g] > thresholds[g]), None)


def collect() -> int:
    """A full collection, on the window's thread once one is installed (a worker waits for
    it, and goes without while the window's thread waits for the workers or once the
    application quits); what it freed."""
    if not _window or threading.get_ident() == _window[0].thread_id:
        return _collect_here()
    asked = _Asked()
    _window[0].asked.emit(asked)
    while not asked.done.wait(ASKED_LOOK):
        if _window_waits.is_set() or _window_gone.is_set():
            return 0
    return asked.found


@contextmanager
def window_waiting() -> Iterator[None]:
    """The window's thread waits for the workers meanwhile: none waits for it to collect."""
    _window_waits.set()
    try:
        yield
    finally:
        _window_waits.clear()


def freeze() -> None:
    """gc.freeze(), between collections."""
    _between_collections(gc.freeze)


def unfreeze() -> None:
    """gc.unfreeze(), between collections."""
    _between_collections(gc.unfreeze)


def collect_frozen_garbage() -> int:
    """``collect()``, over everything frozen too once what was frozen since the last such
    collection outgrew a quarter of what that one left alive (it then freezes what is
    left); what it freed. Call it from a worker while no plan is frozen alive."""
    if gc.get_freeze_count() - _settled[0] <= _settled[0] // FROZEN_GARBAGE_SHARE:
        return collect()  # what came since the last freeze only
    unfreeze()
    found = collect()
    freeze()
    _settled[0] = gc.get_freeze_count()
    return found


def _collect_here() -> int:
    """gc.collect() in this thread, never while this module moves the collector's lists."""
    with _LOCK:
        return gc.collect()


def _between_collections(change: Callable[[], None]) -> None:
    """Run ``change`` once no collection is under way, automatic ones held off meanwhile."""
    with _LOCK, paused_gc():  # no automatic collection starts now, in any thread
        while _running[0] > 0:  # one started before: let its thread finish it
            time.sleep(_PAUSE)
        change()
