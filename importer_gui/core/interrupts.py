"""Whether an interrupt may still stop a command: not once a write's COMMIT is under way.

A headless command turns Ctrl+C and SIGTERM into KeyboardInterrupt (``cli``), which rolls
its write back and says "interrupted". From the moment a store sends a write's COMMIT, the
run is written (or the COMMIT fails on its own): an interrupt then would say "interrupted"
of a run the store holds. So the store says when its COMMIT goes (``commit_under_way``),
and the command's signal handler asks ``committed`` before it interrupts anything.

Which signals interrupt, and how from the process's start, before any command runs, is said
here too (``raise_from_now_on``), so that ``python -m importer_gui`` sets it up before it
loads the command line.

Nothing is kept unless a command listens (``listening``): the window's commits leave no
trace here.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# What ends a headless command as Ctrl+C does (SIGTERM: a service manager's, a closed session's).
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def raise_from_now_on() -> None:
    """Ctrl+C and SIGTERM raise KeyboardInterrupt from the process's start (Python's own
    handler does for Ctrl+C alone), until a command's own handler takes over; a signal the
    parent made us ignore (a job started in the background) stays so."""
    for number in SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _raise)


def ignore() -> None:
    """Ctrl+C and SIGTERM ignored from now on, once the process has only to say what it did
    and end: an interrupt then would only lose its exit code (or print a traceback)."""
    for number in SIGNALS:
        signal.signal(number, signal.SIG_IGN)


def _raise(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


class _Listening:
    """Whether a command listens, and whether one of its writes sent its COMMIT."""

    lock = threading.Lock()
    active = False
    committed = False


@contextmanager
def listening() -> Iterator[None]:
    """For one command: ``committed`` says whether a write of it sent its COMMIT."""
    with _Listening.lock:
        _Listening.active, _Listening.committed = True, False
    try:
        yield
    finally:
        with _Listening.lock:
            _Listening.active = _Listening.committed = False


def committed() -> bool:
    """True once a write of the listening command sent its COMMIT (and did not fail)."""
    return _Listening.committed


@contextmanager
def commit_under_way() -> Iterator[Callable[[], None]]:
    """Around a write's transaction: the function it yields is called right before the
    COMMIT; a COMMIT that fails (an exception leaving the block) is said as none."""
    sent = False

    def send() -> None:
        nonlocal sent
        with _Listening.lock:
            if _Listening.active:
                _Listening.committed = sent = True

    try:
        yield send
    except BaseException:
        if sent:
            with _Listening.lock:
                _Listening.committed = False
        raise
