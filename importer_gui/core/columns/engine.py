"""polars, the column planner's engine, imported on first use: None where it cannot be.

Never imported with the package: the command line and the window's start do not pay for it
(some 0.15 s). Where polars cannot be imported on this machine (not installed, its native
runtime missing or refusing the processor), the answer is None, the row planner does the
work, and the reason goes to the log once, never to the user as a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
import threading
import warnings
from types import ModuleType

log = logging.getLogger(__name__)

_lock = threading.Lock()  # two planners asking at once import (and log) once
# polars' allocator's setting, what polars sets it to, and what the check sets it to.
_ALLOCATOR = "_RJEM_MALLOC_CONF"
_POLARS_OWN = "dirty_decay_ms:500,muzzy_decay_ms:1000"
_GIVEN_BACK = "background_thread:true,dirty_decay_ms:0,muzzy_decay_ms:0"


def polars() -> ModuleType | None:
    """The polars module, or None where it cannot be used here; the answer is kept."""
    with _lock:
        return _load()


def asked() -> bool:
    """Whether ``polars()`` has its answer already (a call then returns at once)."""
    return _load.cache_info().currsize > 0


def forget() -> None:
    """Ask again at the next call (for tests)."""
    with _lock:
        _load.cache_clear()


@functools.cache
def _load() -> ModuleType | None:
    """Import polars and use it once, or log why not and give None."""
    # polars' allocator keeps what it frees for half a second, to reuse: a check's columns
    # then add up to twice the memory they need at once. Given back at once (by a thread
    # of its own), unless the user set the allocator otherwise.
    # (A process polars ran in hands its own setting down to the processes it starts: that
    # one is not the user's.)
    if os.environ.get(_ALLOCATOR, _POLARS_OWN).startswith(_POLARS_OWN):
        os.environ[_ALLOCATOR] = _GIVEN_BACK
    try:
        with warnings.catch_warnings():
            # Without its native runtime, or on a processor lacking the features the runtime
            # was built for, polars warns and carries on, to fail or crash at its first use:
            # a refusal here, and no warning on the user's terminal.
            warnings.filterwarnings("error", message="Polars binary is missing")
            warnings.filterwarnings("error", message="Missing required CPU features")
            import polars
        polars.Series([1, 2]).sum()  # the runtime answers (some 2 ms)
    except BaseException as exc:
        # A Rust panic is a BaseException (pyo3's PanicException); Ctrl+C still stops.
        if not isinstance(exc, Exception) and not _is_panic(exc):
            raise
        log.info("polars cannot be used here, so large files are planned row by row: %s",
                 _first_line(exc))
        return None
    return polars


# What polars refused, and what is done instead, as the log says it.
PLANNING = "a file, so it is planned row by row"
SORTING = "a sort, so Python sorts the rows"
CODING = "a file's columns for the preview's sorts, so they are coded as they are sorted"


def refused(pl: ModuleType, exc: BaseException, work: str = PLANNING) -> bool:
    """Whether ``exc`` is polars refusing its work (an error of its own, or its runtime's
    panic): Python then does it; said in the log (``work``: what was refused), once per
    kind of work and of refusal."""
    if not (isinstance(exc, pl.exceptions.PolarsError) or _is_panic(exc)):
        return False
    if (work, type(exc).__name__) not in _SAID:
        _SAID.add((work, type(exc).__name__))
        log.info("polars refused %s: %s", work, _first_line(exc))
    return True


_SAID: set[tuple[str, str]] = set()


def _is_panic(exc: BaseException) -> bool:
    """Whether ``exc`` is a Rust panic (the readers imported only then: the engine's import
    stays free of them)."""
    from importer_gui.core.readers.native import is_panic

    return is_panic(exc)


def _first_line(exc: BaseException) -> str:
    """An exception as the log says it: its type and its message's first line."""
    first = str(exc).strip().partition("\n")[0]
    return f"{type(exc).__name__}: {first}"
