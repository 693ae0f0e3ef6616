"""A run written by a thread beside the planning of its changes.

The planner hands over the writes of the rows it has finished (``send``), and a thread
writes them into the store, in the run's one transaction, while the next rows are planned:
the engine's share of the work (rows, indexes, the history's log) runs on another processor.
The engine works without the GIL during a statement only, so a batch of created records goes
in as one statement (``Dialect.insert_at_once``), and a statement of a row at a time waits
until the planning is over (``planned``): each of its rows would wait for the planner's
thread to let go of the GIL.

Nothing is committed before ``finish``: ``abandon``, a failure on either side, or a killed
process leave the store as it was.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import chain
from typing import TYPE_CHECKING

from importer_gui.core.progress import Monitor
from importer_gui.core.store.runs import RunInfo
from importer_gui.core.store.writer import Write

if TYPE_CHECKING:
    from importer_gui.core.store import Store

QUEUED = 8  # batches the planner may be ahead of the writer
WAIT = 0.05  # seconds between two looks at the writer while a batch waits for room
# The GIL's switch interval while a writer runs (Python's default is 5 ms): after each
# statement the writer waits for the planner to let go of the GIL, up to that long, three
# times a batch; with the default, the writer fell behind the planner by the end.
SWITCH_INTERVAL = 0.002

_END = object()  # every write was sent: commit
_ABANDON = object()  # roll back


class AbandonedError(Exception):
    """The planner gave the write up: rolled back."""


class WriteAlongside:
    """One run, written by a thread from the batches sent to it."""

    def __init__(self, store: Store, run: RunInfo, expected: int,
                 monitor: Monitor | None = None) -> None:
        self._store = store
        self._run = run
        # The planner's monitor says a wait for another writer's lock: the thread's only
        # hears its own stop.
        self._said = (monitor or Monitor()).waiting
        self._writes = _Writes(expected)
        self._quiet = threading.Event()  # set: the planning is over
        self._waiting = threading.Event()  # set: the writer waits for the planning's end
        self._stopping = threading.Event()  # set: roll back (Ctrl-C during finish)
        # Set by the thread as it ends. Waited for instead of Thread.join, which Python
        # 3.11 marks as ended, though the thread runs on, when a Ctrl-C interrupts it.
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None
        self._run_id = 0
        self._over = False  # finished or abandoned: the thread is gone

    @property
    def failure(self) -> BaseException | None:
        """What made the writer fail, if it did."""
        return self._failure

    def send(self, writes: Sequence[Write]) -> bool:
        """Queue writes, which the planner changes no more (its records taken as
        ``CreatedRows``); False when
        the writer takes none before the planning is over (then send them after
        ``planned``) or failed (``finish`` says why)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._write, name="write-alongside",
                                            daemon=True)
            self._thread.start()
        while True:
            if self._failure is not None or (self._waiting.is_set()
                                             and not self._quiet.is_set()):
                return False
            try:
                self._writes.queue.put(writes, timeout=WAIT)
                return True
            except queue.Full:
                continue

    def planned(self) -> None:
        """The planning is over: the writer may run statements of a row at a time."""
        self._quiet.set()

    def finish(self) -> int:
        """Commit what was sent: the run's id. Raises what made the writer fail."""
        self._quiet.set()
        if self._thread is None:
            self.send(())
        assert self._thread is not None and not self._over
        self._over = True
        try:
            self._writes.last_word(_END)  # after a failure, the thread drains up to it
            self._done.wait()
        except BaseException:  # Ctrl-C while the last batches are written
            self._stop()
            if self._failure is None:
                return self._run_id  # committed before the stop reached it: said so
            raise
        if self._failure is not None:
            raise self._failure
        return self._run_id

    def abandon(self) -> None:
        """Roll back whatever was written (nothing, once finished); the thread is waited for
        even when a Ctrl-C stopped ``finish`` before its last word reached it, since it holds
        the store until it ends."""
        self._quiet.set()
        if self._thread is None or self._done.is_set():
            return
        self._over = True
        self._stopping.set()  # a write trying another program's lock again stops trying
        self._writes.stop()
        self._store.interrupt()  # a statement waiting for another program's lock ends now
        self._wait_done()

    def _stop(self) -> None:
        """Roll the write back unless it is committed already, and wait for the thread:
        it stops at its next look at the monitor, or now if a statement is running."""
        self._stopping.set()
        self._writes.stop()
        self._store.interrupt()
        self._wait_done()

    def _wait_done(self) -> None:
        """Wait for the thread's end, a second Ctrl-C included (the wait is a statement's,
        or a rollback's)."""
        while not self._done.is_set():
            with suppress(KeyboardInterrupt):
                self._done.wait()

    def _write(self) -> None:
        """The thread: the run written from the queue, committed at its end."""
        try:
            with _quick_switches():
                self._run_id = self._store.apply(
                    self._writes, self._run, monitor=Monitor(cancelled=self._stopping.is_set,
                                                         waits=self._said),
                    wait_quiet=self._wait_quiet)
        except BaseException as exc:  # the planner's thread says it (finish)
            self._failure = exc
            self._writes.drain()
        finally:
            self._done.set()

    def _wait_quiet(self) -> None:
        """Wait for the planning's end (``planned``), saying so to ``send``."""
        self._waiting.set()
        self._quiet.wait()


class _Switching:
    """The writers running, and the switch interval before the first one started."""

    lock = threading.Lock()
    writers = 0
    before = 0.0


@contextmanager
def _quick_switches() -> Iterator[None]:
    """SWITCH_INTERVAL while one writer runs or more; as it was after the last."""
    with _Switching.lock:
        if not _Switching.writers:
            _Switching.before = sys.getswitchinterval()
            sys.setswitchinterval(min(SWITCH_INTERVAL, _Switching.before))
        _Switching.writers += 1
    try:
        yield
    finally:
        with _Switching.lock:
            _Switching.writers -= 1
            if not _Switching.writers:
                sys.setswitchinterval(_Switching.before)


class _Writes:
    """The writes as the thread reads them: an iterator over the batches queued, which
    stops at _END and raises AbandonedError at _ABANDON; its length the writes expected (the
    write's page cache is sized to it)."""

    def __init__(self, expected: int) -> None:
        self.queue: queue.Queue[object] = queue.Queue(QUEUED)
        self._expected = expected
        self._source = self._batches()
        self._items = chain.from_iterable(self._source)
        self._ended = False
        # The planner's last word, also where the queue cannot take it: a Ctrl-C may stop
        # its put, and the thread, which holds the store, must still hear it.
        self._last: object | None = None

    def __len__(self) -> int:
        return self._expected

    def __iter__(self) -> _Writes:
        return self  # read once: the store cannot read these writes again after a failure

    def __next__(self) -> Write:
        return next(self._items)

    def batches(self) -> Iterator[Sequence[Write]]:
        """The batches as they come (writer.Batched): one call per batch, not per write."""
        return self._source

    def last_word(self, word: object) -> None:
        """The planner's last word (_END), after every batch: queued, and kept aside."""
        self._last = word
        self.queue.put(word)

    def stop(self) -> None:
        """Roll back at the next batch, whatever is queued (a put that may not wait)."""
        self._last = _ABANDON
        with suppress(queue.Full):
            self.queue.put_nowait(_ABANDON)

    def _next(self) -> object:
        """The next batch or last word: _ABANDON at once when stopped; the last word kept
        aside when the queue is empty (its put was stopped)."""
        while True:
            if self._last is _ABANDON:
                return _ABANDON
            try:
                return self.queue.get(timeout=WAIT)
            except queue.Empty:
                if self._last is not None:
                    return self._last

    def _batches(self) -> Iterator[Sequence[Write]]:
        """The batches, up to the planner's last word."""
        while True:
            item = self._next()
            if item is _END or item is _ABANDON:
                self._ended = True
                if item is _ABANDON:
                    raise AbandonedError
                return
            yield item  # type: ignore[misc]

    def drain(self) -> None:
        """Take what the planner still queues until its last word (after a failure), so
        that ``send`` never waits for room; nothing when the last word was read already
        (the queue is empty then, and the planner's last word finds room)."""
        while not self._ended:
            item = self._next()
            self._ended = item is _END or item is _ABANDON
