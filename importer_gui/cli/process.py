"""What a headless process does around a command: its plan kept to the end, its log."""

from __future__ import annotations

import contextlib
import gc
import logging
from collections.abc import Iterator

# Large results a headless command leaves for the end of the process (see main_process).
# None when main() is called in-process (the tests): nothing is kept then.
_kept_until_exit: list[object] | None = None


def start_keeping() -> None:
    """From now on, large results wait for the end of the process."""
    global _kept_until_exit
    _kept_until_exit = []


def keeping() -> bool:
    """True when some large result waits for the end of the process."""
    return bool(_kept_until_exit)


def keep_until_exit(value: object) -> None:
    """Leave ``value`` for the operating system to free, when the process ends early."""
    if _kept_until_exit is not None:
        _kept_until_exit.append(value)


@contextlib.contextmanager
def collector_kept_off_the_plan() -> Iterator[None]:
    """In a process that ends with os._exit, keep the cycle collector off the plan for good.

    A plan is hundreds of thousands of small, long-lived, acyclic objects. The planner only
    pauses the collector; left at that, the collector's first pass afterwards would walk the
    whole plan at once, and its later passes again. Here it stays paused until the plan is
    built, which is then frozen (gc.freeze): the commit and the output that follow collect
    their own garbage as usual, and the plan waits for the end of the process. Garbage
    cycles are collected first, so that none is frozen with the plan. In-process callers
    (the tests) keep the collector as it is.
    """
    if _kept_until_exit is None:
        yield
        return
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def log_unexpected(argv: list[str]) -> str:
    """Log the current exception's traceback; say where it is, for a bug report.

    The log is set up only now: a command that goes well never pays for it.
    """
    from importer_gui.core import log

    written = log.configure()
    logging.getLogger(__name__).exception("unexpected error in: importer-gui %s",
                                          " ".join(argv))
    if written is None:  # the data folder cannot be written: the traceback went to stderr
        return "the details are above (the log cannot be written)"
    return log.details_hint()
