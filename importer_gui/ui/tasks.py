"""The one way the UI runs long work (reading, checking, committing) off the GUI thread.

A ``TaskRunner`` runs ``work(monitor)`` on a ``QThreadPool`` thread, reports the monitor's
progress through a signal and hands the result, or the ``ImporterError`` it raised, to a
callback on the GUI thread. ``cancel()`` makes the monitor raise ``Cancelled`` at its next
step. ``synchronous=True`` runs the work at once on the calling thread, for tests.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.log import log_path
from importer_gui.core.progress import Monitor
from importer_gui.ui.freeing import free_in_pieces
from importer_gui.ui.i18n import arg, translate

log = logging.getLogger(__name__)

Work = Callable[[Monitor], Any]
ResultFn = Callable[[Any], None]
ErrorFn = Callable[[ImporterError], None]


def unexpected_error(exc: BaseException) -> ImporterError:
    """A clear message for a failure that is not one of ours (the traceback goes to the log)."""
    return ImporterError(arg(translate(
        "TaskRunner", "Something unexpected went wrong (%1); nothing was written. Details are "
                      "in the application log (%2)."), type(exc).__name__, log_path()))


@dataclass
class _Task:
    """One submitted piece of work and where its outcome goes."""

    serial: int
    work: Work
    on_result: ResultFn
    on_error: ErrorFn | None
    cancel: threading.Event = field(default_factory=threading.Event)
    # Set when another task replaced this one: its outcome will be dropped.
    superseded: threading.Event = field(default_factory=threading.Event)

    def monitor(self, progress: Callable[[int, int, str], None]) -> Monitor:
        """A monitor that reports to ``progress`` and sees this task's cancel flag."""
        return Monitor(progress=progress, cancelled=self.cancel.is_set)


class _Signals(QObject):
    """Signals a worker thread emits; they reach the GUI thread queued."""

    progressed = Signal(int, int, int, str)  # serial, done, total, what
    succeeded = Signal(int, object)  # serial, result
    failed = Signal(int, object)  # serial, ImporterError


class _Runnable(QRunnable):
    """Runs one task on a pool thread and emits what came of it."""

    def __init__(self, task: _Task, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._signals = signals

    def run(self) -> None:
        """Run the work; every exception becomes a signal, never an escape."""
        task, signals = self._task, self._signals
        outcome = _execute(task, lambda d, t, w: signals.progressed.emit(task.serial, d, t, w))
        if isinstance(outcome, ImporterError):
            signals.failed.emit(task.serial, outcome)
        elif task.superseded.is_set():
            # Nobody wants it: freed here, in pieces (a plan of a million rows dropped on the
            # window's thread kept it waiting for half a second).
            free_in_pieces(outcome.pop())
        else:
            signals.succeeded.emit(task.serial, outcome[0])


def _execute(task: _Task, progress: Callable[[int, int, str], None]) -> ImporterError | list:
    """Run the task's work: ``[result]``, or the error it raised as an ImporterError."""
    try:
        return [task.work(task.monitor(progress))]
    except ImporterError as exc:
        return exc
    except Exception as exc:  # a bug: log it for us, show one clear line to the user
        log.exception("Unexpected failure in background work")
        return unexpected_error(exc)


class TaskRunner(QObject):
    """Runs one piece of long work at a time in the background (or at once, for tests)."""

    progressed = Signal(int, int, str)  # done, total (0: unknown), what
    started = Signal()
    finished = Signal()  # after the result or error callback ran

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = pool or QThreadPool.globalInstance()
        self._serial = 0
        self._task: _Task | None = None

    @property
    def busy(self) -> bool:
        """True while a task runs."""
        return self._task is not None

    def run(self, work: Work, on_result: ResultFn, on_error: ErrorFn | None = None) -> None:
        """Start ``work(monitor)``; a task still running is cancelled and its outcome dropped."""
        if self._task is not None:
            self._task.superseded.set()
        self.cancel()
        self._serial += 1
        task = _Task(self._serial, work, on_result, on_error)
        self._task = task
        self.started.emit()
        if self.synchronous:
            outcome = _execute(task, self.progressed.emit)
            if isinstance(outcome, ImporterError):
                self._on_failure(task.serial, outcome)
            else:
                self._on_success(task.serial, outcome[0])
            return
        self._pool.start(_Runnable(task, self._task_signals()))

    def _task_signals(self) -> _Signals:
        """Signals for one task, owned by its runnable: they outlive a runner deleted early."""
        signals = _Signals()
        signals.progressed.connect(self._on_progress)
        signals.succeeded.connect(self._on_success)
        signals.failed.connect(self._on_failure)
        return signals

    def cancel(self) -> None:
        """Ask the running task to stop; its callback still gets ``Cancelled``."""
        if self._task is not None:
            self._task.cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (for shutdown and tests); True when it is."""
        return self._pool.waitForDone(msecs)

    def _current(self, serial: int) -> _Task | None:
        """The running task, if ``serial`` is its (outcomes of replaced tasks are dropped)."""
        task = self._task
        return task if task is not None and task.serial == serial else None

    @Slot(int, int, int, str)
    def _on_progress(self, serial: int, done: int, total: int, what: str) -> None:
        if self._current(serial) is not None:
            self.progressed.emit(done, total, what)

    @Slot(int, object)
    def _on_success(self, serial: int, result: object) -> None:
        task = self._current(serial)
        if task is None:
            return
        self._task = None
        if task.cancel.is_set():
            # Cancelled too late to stop the work: the result is still real, so deliver it.
            log.info("Task finished after a cancel request")
        try:
            task.on_result(result)
        finally:
            self.finished.emit()

    @Slot(int, object)
    def _on_failure(self, serial: int, error: ImporterError) -> None:
        task = self._current(serial)
        if task is None:
            return
        self._task = None
        try:
            if task.on_error is not None:
                task.on_error(error)
            else:
                log.error("Background work failed: %s", error)
        finally:
            self.finished.emit()


__all__ = ["Cancelled", "TaskRunner", "unexpected_error"]
