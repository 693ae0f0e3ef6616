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

An interrupt raised while Python runs a callback of its own (a weak reference's, as the
import system's module locks use; an object's ``__del__``) is dropped there, printed as
"Exception ignored", and the process goes on as if none came. So each interrupt is also
noted (``interrupt``), the note is said nothing of there (``raise_from_now_on`` puts a hook
before Python's), and the command line acts on it where it is safe (``raise_if_dropped``).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# What ends a headless command as Ctrl+C does (SIGTERM: a service manager's, a closed session's).
SIGNALS = (signal.SIGINT, signal.SIGTERM)


def raise_from_now_on() -> None:
    """Ctrl+C and SIGTERM raise KeyboardInterrupt from the process's start (Python's own
    handler does for Ctrl+C alone), until a command's own handler takes over; a signal the
    parent made us ignore (a job started in the background) stays so. An interrupt Python
    drops is kept for ``raise_if_dropped``, not printed."""
    if sys.unraisablehook is not _kept_quiet:
        _Noted.hook = sys.unraisablehook
        sys.unraisablehook = _kept_quiet
    for number in SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _raise)


def ignore() -> None:
    """Ctrl+C and SIGTERM ignored from now on, once the process has only to say what it did
    and end: an interrupt then would only lose its exit code (or print a traceback)."""
    for number in SIGNALS:
        signal.signal(number, signal.SIG_IGN)


def _raise(_signum: int, _frame: object) -> None:
    interrupt()


class _Noted:
    """An interrupt raised and not said yet, and the hook Python had before ours."""

    interrupted = False
    hook = sys.__unraisablehook__


def interrupt() -> None:
    """Raise KeyboardInterrupt, noted until ``said``: where Python drops it, the command
    line raises it again (``raise_if_dropped``)."""
    _Noted.interrupted = True
    raise KeyboardInterrupt


def said() -> None:
    """The interrupt noted is said ("interrupted."): nothing is left to raise again."""
    _Noted.interrupted = False


def raise_if_dropped() -> None:
    """Raise KeyboardInterrupt when an interrupt came that was not said: one Python dropped
    in a callback of its own."""
    if _Noted.interrupted:
        raise KeyboardInterrupt


def _kept_quiet(unraisable: sys.UnraisableHookArgs) -> None:
    """Python's hook for what it drops, but for an interrupt noted: kept, not printed."""
    if issubclass(unraisable.exc_type, KeyboardInterrupt) and _Noted.interrupted:
        return
    _Noted.hook(unraisable)


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
