"""Whether an interrupt may still stop a command: not once a write's COMMIT is under way.

A headless command turns Ctrl+C and SIGTERM into KeyboardInterrupt (``cli``), which rolls
its write back and says "interrupted". From the moment a store sends a write's COMMIT, the
run is written (or the COMMIT fails on its own): an interrupt then would say "interrupted"
of a run the store holds. So the store says when its COMMIT goes (``commit_under_way``),
and the command's signal handler asks ``committed`` before it interrupts anything.

Nothing is kept unless a command listens (``listening``): the window's commits leave no
trace here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


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
