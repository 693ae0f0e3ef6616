"""calamine is native (Rust) code: its panics, and what its panic hook prints.

A panic reaches Python as ``PanicException``, a BaseException (an ``except Exception`` lets
it through, and the window's worker would die of it); readers turn it into a DataFileError
or a row error. Before that, Rust's panic hook has written its report (with a backtrace when
RUST_BACKTRACE is set) on the process's stderr, where it would break the command line's one
line. So calls that may panic run inside ``quiet()``: the process's stderr is held back in a
file meanwhile, and written out afterwards, unless a panic happened, in which case it is the
panic's report and goes to the log. The hold is shared by threads and counted.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

log = logging.getLogger(__name__)


def is_panic(exc: BaseException) -> bool:
    """Whether the exception is a Rust panic (pyo3's PanicException)."""
    return type(exc).__name__ == "PanicException"


class _Hold:
    """The process's stderr, redirected into a file while any thread is quiet."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.saved: int | None = None
        self.file: IO[bytes] | None = None
        self.panicked = False

    def enter(self) -> None:
        with self.lock:
            self.depth += 1
            if self.depth > 1:
                return
            try:
                if sys.stderr is not None:
                    sys.stderr.flush()
                if self.file is None:
                    self.file = tempfile.TemporaryFile()  # noqa: SIM115 - kept for reuse
                self.saved = os.dup(2)
                os.dup2(self.file.fileno(), 2)
            except (OSError, ValueError):  # no stderr to hold: native output goes as it is
                self.saved = None

    def leave(self) -> None:
        with self.lock:
            self.depth -= 1
            if self.depth > 0 or self.saved is None or self.file is None:
                return
            os.dup2(self.saved, 2)
            os.close(self.saved)
            self.saved = None
            self.file.seek(0)
            held = self.file.read()
            self.file.seek(0)
            self.file.truncate()
            panicked, self.panicked = self.panicked, False
        if not held:
            return
        if panicked:
            log.info("The workbook reader panicked:\n%s", held.decode("utf-8", "replace"))
        else:
            os.write(2, held)


_HOLD = _Hold()


class Window:
    """A quiet stretch of one thread: it says when a panic happened in it."""

    def panicked(self) -> None:
        """A panic was caught: what stderr received is its report, not output to show."""
        _HOLD.panicked = True


@contextmanager
def quiet() -> Iterator[Window]:
    """Hold the process's stderr back while native code that may panic runs."""
    _HOLD.enter()
    window = Window()
    try:
        yield window
    except BaseException as exc:
        if is_panic(exc):
            window.panicked()
        raise
    finally:
        _HOLD.leave()
