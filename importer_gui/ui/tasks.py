"""The one way the UI runs long work (reading, checking, committing) off the GUI thread.

A ``TaskRunner`` runs ``work(monitor)`` on a ``QThreadPool`` thread, reports the monitor's
progress through a signal and hands the result, or the ``ImporterError`` it raised, to a
callback on the GUI thread. ``cancel()`` makes the monitor raise ``Cancelled`` at its next
step, and so does deleting the runner (with the window that owns it). ``synchronous=True``
runs the work at once on the calling thread, for tests.

What the window let go of (``let_go``, in pages/base.py) is freed in the background while
no task runs (``free_in_background``): freeing a plan of a million rows takes the better part
of a second, and the memory should come back without waiting for the next check.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from importer_gui.core import readers
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.log import log_path
from importer_gui.core.progress import Monitor, ProgressFn
from importer_gui.ui import collector
from importer_gui.ui.freeing import LetGo, free_in_pieces
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.messages_text import os_error_words

log = logging.getLogger(__name__)

Work = Callable[[Monitor], Any]
ResultFn = Callable[[Any], None]
ErrorFn = Callable[[ImporterError], None]
DroppedFn = Callable[[Any], None]

# Each report reaches the window's thread as a queued signal, whose slot waits there for the
# worker to let go of the GIL (up to the switch interval): reports every few hundred rows
# pile up into waits of a tenth of a second. A progress bar needs no more than this.
REPORT_INTERVAL = 0.05  # seconds between two reports of one step of the work


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
    # Given an outcome nobody wants (the task was replaced), to close what it opened.
    on_dropped: DroppedFn | None = None
    runner: Callable[[], TaskRunner | None] = lambda: None  # who shows its outcome, if there
    cancel: threading.Event = field(default_factory=threading.Event)
    # Set when another task replaced this one, or its runner is gone: its outcome is dropped.
    superseded: threading.Event = field(default_factory=threading.Event)
    # The result its worker handed over, until the window's thread takes it: whichever of
    # the two threads comes second drops a result nobody wants.
    _handed: list[Any] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def monitor(self, progress: ProgressFn) -> Monitor:
        """A monitor that reports to ``progress`` and sees this task's cancel flag."""
        return Monitor(progress=progress, cancelled=self.cancelled)

    def cancelled(self) -> bool:
        """True once asked to stop, or once its runner is gone (deleted with its window):
        nobody will see the outcome, and the work would hold a pool thread to its end."""
        if self.cancel.is_set():
            return True
        runner = self.runner()
        if runner is None or not shiboken6.isValid(runner):
            self.cancel.set()
            return True
        return False

    def hand_over(self, result: Any) -> bool:
        """On the worker: keep ``result`` for the window's thread; False when nobody wants it
        any more (the worker drops it)."""
        with self._lock:
            if self.superseded.is_set():
                return False
            self._handed.append(result)
            return True

    def take(self) -> list[Any]:
        """On the window's thread: ``[result]`` handed over, or [] when already dropped."""
        with self._lock:
            handed, self._handed = self._handed, []
        return handed

    def abandon(self) -> None:
        """Nobody wants this task's outcome: a result handed over is dropped now, one to
        come by its worker."""
        with self._lock:
            self.superseded.set()
            handed, self._handed = self._handed, []
        for result in handed:
            self.drop(result)

    def drop(self, result: Any) -> None:
        """Let go of a result nobody wants: ``on_dropped`` closes what it holds open."""
        log.debug("Background work %d ran to its end for nobody: its result is dropped",
                  self.serial)
        if self.on_dropped is None:
            return
        try:
            self.on_dropped(result)
        except Exception:  # a bug: never out of a worker, nor into the window's thread
            log.exception("Letting go of a replaced task's result failed")


class _Runnable(QRunnable):
    """Runs one task on a pool thread and hands what came of it to the window's thread."""

    def __init__(self, task: _Task, handover: _Handover) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task: _Task | None = task
        self._handover = handover

    def run(self) -> None:
        """Run the task; its outcome, then the task itself, go to the window's thread."""
        held, self._task = [self._task], None
        try:
            _run(held[0], self._handover)
        finally:
            _workers.ended()
            # What the task's callbacks hold may be the last hold on a Qt object of the
            # window's: let go of here, it would be destroyed on this thread.
            _emitted(self._handover.released, held)


def _run(task: _Task, handover: _Handover) -> None:
    """Run ``task`` on its worker; every exception becomes a signal, never an escape."""
    outcome = _execute(task, _Reports(
        lambda d, t, w: _emitted(handover.progressed, task, d, t, w)))
    # What the work read (a plan of a million rows) is let go of here, off the window's
    # thread; the task's callbacks, which hold the window's objects, on that thread.
    task.work = _spent
    if isinstance(outcome, ImporterError):
        if isinstance(outcome, Cancelled):
            log.debug("Background work %d stopped at a cancel", task.serial)
        _emitted(handover.failed, task, outcome)
    elif task.hand_over(outcome[0]):
        if not _emitted(handover.succeeded, task):
            task.abandon()  # the app quit meanwhile: what it opened is closed now
    else:
        # Nobody wants it: freed here, in pieces (a plan of a million rows dropped on
        # the window's thread kept it waiting for half a second).
        task.drop(outcome[0])
        free_in_pieces(outcome.pop())


def _spent(_monitor: Monitor) -> None:
    """The work of a task that has run."""
    raise AssertionError("a task's work runs once")


def _emitted(signal: Any, *args: object) -> bool:
    """Emit from a worker; False when the window's side is gone (the app quit while a
    store was still being opened): nothing is left to tell, and no traceback is printed."""
    try:
        signal.emit(*args)
    except RuntimeError:  # "Signal source has been deleted"
        return False
    return True


class _Reports:
    """A worker's progress, passed on at most every REPORT_INTERVAL; a new step of the work
    (another ``what``) and its last report (``done == total``) at once."""

    __slots__ = ("_due", "_emit", "_what")

    def __init__(self, emit: ProgressFn) -> None:
        self._emit = emit
        self._what: str | None = None
        self._due = 0.0

    def __call__(self, done: int, total: int, what: str) -> None:
        now = time.monotonic()
        if now < self._due and what == self._what and done != total:
            return
        self._what, self._due = what, now + REPORT_INTERVAL
        self._emit(done, total, what)


def _execute(task: _Task, progress: ProgressFn) -> ImporterError | list:
    """Run the task's work: ``[result]``, or the error it raised as an ImporterError."""
    try:
        return [task.work(task.monitor(progress))]
    except ImporterError as exc:
        # Its traceback would hold the work's frames until the window's thread is done
        # with the message, and let go of them there or here, whichever is last.
        return exc.with_traceback(None)
    except Exception as exc:  # a bug: log it for us, show one clear line to the user
        log.exception("Unexpected failure in background work")
        said = os_error_words(exc)  # a path the system refused: more than "unexpected"
        return unexpected_error(exc) if said is None else ImporterError(said)


class TaskRunner(QObject):
    """Runs one piece of long work at a time in the background (or at once, for tests)."""

    progressed = Signal(int, int, str)  # done, total (0: unknown), what
    started = Signal()
    finished = Signal()  # after the result or error callback ran

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        collector.install()  # its workers never run the cycle collector (see collector.py)
        self._pool = pool or QThreadPool.globalInstance()
        self._serial = 0
        self._task: _Task | None = None

    @property
    def busy(self) -> bool:
        """True while a task runs."""
        return self._task is not None

    def run(self, work: Work, on_result: ResultFn, on_error: ErrorFn | None = None, *,
            on_dropped: DroppedFn | None = None) -> None:
        """Start ``work(monitor)``; a task still running is cancelled and its outcome dropped,
        handed first to its ``on_dropped`` (on whichever thread has it) to close what it
        opened."""
        if self._task is not None:
            self._task.abandon()
        self.cancel()
        self._serial += 1
        task = _Task(self._serial, work, on_result, on_error, on_dropped, weakref.ref(self))
        self._task = task
        self.started.emit()
        _workers.started()  # before the worker starts: a freeing in the background yields now
        if self.synchronous:
            try:
                outcome = _execute(task, self.progressed.emit)
            finally:
                _workers.ended()
            if isinstance(outcome, ImporterError):
                self.show_failure(task, outcome)
            elif task.hand_over(outcome[0]):
                self.deliver(task)
            return
        self._pool.start(_Runnable(task, _handover()))

    def cancel(self) -> None:
        """Ask the running task to stop; its callback still gets ``Cancelled``."""
        if self._task is not None:
            self._task.cancel.set()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (for shutdown and tests); True when it is."""
        with collector.window_waiting():  # a worker must not wait for this thread meanwhile
            return self._pool.waitForDone(msecs)

    def _current(self, serial: int) -> _Task | None:
        """The running task, if ``serial`` is its (outcomes of replaced tasks are dropped)."""
        task = self._task
        return task if task is not None and task.serial == serial else None

    def show_progress(self, task: _Task, done: int, total: int, what: str) -> None:
        """On the window's thread: a worker's progress, unless its task was replaced."""
        if self._current(task.serial) is not None:
            self.progressed.emit(done, total, what)

    def deliver(self, task: _Task) -> None:
        """On the window's thread: the result of ``task``, shown, unless replaced since."""
        handed = task.take()
        if not handed:  # replaced after its worker handed the result over: dropped then
            return
        result = handed[0]
        self._task = None
        if task.cancel.is_set():
            # Cancelled too late to stop the work: the result is still real, so deliver it.
            log.info("Task finished after a cancel request")
        try:
            task.on_result(result)
        finally:
            self.finished.emit()

    def show_failure(self, task: _Task, error: ImporterError) -> None:
        """On the window's thread: the error ``task`` ended with, unless replaced since."""
        if self._current(task.serial) is None:
            return
        self._task = None
        try:
            if task.on_error is not None:
                task.on_error(error)
            else:
                log.error("Background work failed: %s", error)
        finally:
            self.finished.emit()


class _Handover(QObject):
    """What every worker hands the window's thread: its task's progress and outcome, for the
    task's runner, and then the task itself, let go of there. A runner deleted meanwhile
    (with its window) never gets them; what its result holds open is closed at once.

    One object, made on the window's thread and kept for the process: a QObject let go of
    by a worker is destroyed on the worker's thread, while the window's thread may be
    destroying what it is connected to, and the two together crash the process."""

    progressed = Signal(object, int, int, str)  # the task, done, total, what
    succeeded = Signal(object)  # the task, its result handed over
    failed = Signal(object, object)  # the task, ImporterError
    released = Signal(object)  # [the task]: its worker holds it no more

    def __init__(self) -> None:
        super().__init__()
        self.progressed.connect(self._progressed)
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)
        self.released.connect(self._released)

    @Slot(object, int, int, str)
    def _progressed(self, task: _Task, done: int, total: int, what: str) -> None:
        runner = _alive(task)
        if runner is not None:
            runner.show_progress(task, done, total, what)

    @Slot(object)
    def _succeeded(self, task: _Task) -> None:
        runner = _alive(task)
        if runner is not None:
            runner.deliver(task)
        else:
            task.abandon()

    @Slot(object, object)
    def _failed(self, task: _Task, error: ImporterError) -> None:
        runner = _alive(task)
        if runner is not None:
            runner.show_failure(task, error)

    @Slot(object)
    def _released(self, held: list[_Task]) -> None:
        held.clear()


def _alive(task: _Task) -> TaskRunner | None:
    """The runner of ``task``, unless deleted (with its window)."""
    runner = task.runner()
    return runner if runner is not None and shiboken6.isValid(runner) else None


def _handover() -> _Handover:
    """The one handover, made on the window's thread (by the first runner's first task)."""
    if not _handovers:
        _handovers.append(_Handover())
    return _handovers[0]


_handovers: list[_Handover] = []


class _Workers:
    """How many tasks' workers run, of every runner: the freeing in the background waits for
    none to run, so that it never competes with the user's own work."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.count = 0

    def started(self) -> None:
        """A task was handed to a worker (on the window's thread, before it starts)."""
        with self._lock:
            self.count += 1

    def ended(self) -> None:
        """A task's worker is done: once none runs, what was let go of is freed."""
        with self._lock:
            self.count -= 1
            idle = self.count == 0
        if idle:
            _background.start()


class _Background:
    """Frees what the window let go of (``LET_GO``) while no task runs, on a thread of its
    own, a piece at a time, resting as long as it works; it yields between two pieces to a
    task that starts, whose worker frees the rest first (``LET_GO.free_all``).

    Not a ``TaskRunner`` task: a runner runs one task at a time (another replaces it), its
    signals show progress on a page, and its ``wait`` (the quit path) waits for the whole
    pool, while this shows nothing and must never hold the user or the quit up. Its own
    pool of one thread keeps it from taking a thread a task needs. The thread's priority is
    left as it is: a thread of low priority holding the GIL would keep the window waiting.
    """

    PAUSE = 0.001  # seconds of rest after as long a freeing: the GIL is the window's meanwhile
    STOP_WAIT_MS = 2_000  # how long quitting waits for the piece being freed (a few ms)

    def __init__(self) -> None:
        self._pool = QThreadPool()
        self._pool.setMaxThreadCount(1)
        self.stopped = threading.Event()
        self._quit_followed = False

    def follow_quit(self) -> None:
        """Stop when the app quits (on the window's thread, once there is an app)."""
        app = QCoreApplication.instance()
        if app is not None and not self._quit_followed:
            app.aboutToQuit.connect(stop_freeing)
            self._quit_followed = True

    def start(self) -> None:
        """Free in the background what was let go of, unless a task runs or the app quits."""
        if not (self.stopped.is_set() or _workers.count) and LET_GO:
            self._pool.start(self._free)  # one at a time: a second one queued finds nothing

    def _free(self) -> None:
        try:
            LET_GO.free_in_background(self._yield, self.PAUSE)
        except Exception:  # a bug: never out of a pool thread
            log.exception("Freeing in the background failed")

    def _yield(self) -> bool:
        return self.stopped.is_set() or _workers.count > 0

    def stop(self) -> bool:
        """Stop between two pieces (what is left stays let go of); True once stopped."""
        self.stopped.set()
        self._pool.clear()
        return self._pool.waitForDone(self.STOP_WAIT_MS)


# What the window let go of (pages/base.py: ``let_go``), until a worker frees it.
LET_GO = LetGo()
_workers = _Workers()
_background = _Background()


OPENING_THREADS = 8  # stores being opened at once, each maybe waiting on a silent server


def opening_pool() -> QThreadPool:
    """The threads that open stores: a server that never answers holds one for the whole
    connect timeout, and in the shared pool of two threads two such waits held back the
    user's next check. Opening waits on the network, not the processor: more threads cost
    nothing."""
    if not _opening:
        pool = QThreadPool()
        pool.setMaxThreadCount(OPENING_THREADS)
        _opening.append(pool)
    return _opening[0]


_opening: list[QThreadPool] = []


def saving_pool() -> QThreadPool:
    """The thread that writes configurations: what waits for a save (quitting, Back) waits
    for it alone, not for a check running in the shared pool."""
    if not _saving:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _saving.append(pool)
    return _saving[0]


_saving: list[QThreadPool] = []


def load_workbook_reader() -> None:
    """Import the workbook reader on a thread of its own, once a process: the first workbook
    opened would import it on the window's thread, which waits for it meanwhile. A plain
    thread rather than a task: it shows nothing, and nothing waits for it but that import."""
    if _reader_loading:
        return
    collector.install()  # what it allocates is collected on the window's thread, as a task's
    thread = threading.Thread(target=_load_reader, name="load-workbook-reader")
    _reader_loading.append(thread)
    thread.start()


def _load_reader() -> None:
    try:
        readers.load_workbook_reader()
    except Exception:  # the first workbook opened says what is wrong, as it would have
        log.exception("Loading the workbook reader in the background failed")


_reader_loading: list[threading.Thread] = []  # the thread loading it, once started


def free_in_background() -> None:
    """Free what was let go of in the background: now when no task runs, else once the
    last one ends (its worker frees it first when it is a check or a commit)."""
    _background.follow_quit()
    _background.stopped.clear()  # asked again after a stop (no window is left after a quit)
    _background.start()


def free_later(root: object) -> None:
    """Let go of ``root`` (``LET_GO``), freed in the background once the frames that may
    still hold it, the caller's among them, are gone."""
    LET_GO.add(root)
    del root
    QTimer.singleShot(0, free_in_background)


def stop_freeing() -> bool:
    """Quitting: the freeing in the background stops between two pieces, and no thread of
    ours runs Python while the interpreter ends; True once stopped."""
    return _background.stop()


atexit.register(stop_freeing)  # the interpreter ends without ``aboutToQuit`` (tests)


__all__ = ["LET_GO", "Cancelled", "TaskRunner", "free_in_background", "free_later",
           "load_workbook_reader", "opening_pool", "saving_pool", "stop_freeing",
           "unexpected_error"]
