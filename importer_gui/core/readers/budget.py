"""The memory a check may use for its files' data, and what each file would cost.

A check keeps every row it read (the preview shows them, the commit writes them), and a
workbook reader first holds its whole sheet. Each file's cost is estimated from its size and
measured shape before anything large is allocated; a file that would take the check past
its budget is refused, naming it, rather than letting the process run out of memory.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from importer_gui.core.errors import DataFileError

MB = 1024 * 1024
# What a whole check may use, and the part the interpreter, its libraries, the store's
# records and the plan's own objects take whatever the files.
MEMORY_BUDGET = 1024 * MB
PROCESS_BASE = 256 * MB

# Estimates, in bytes: calamine holds one value for every cell of a sheet's bounding box; a
# filled cell read into Python is a text object and its place in its row; text is held by
# the reader and again by the cell that reads it; a planned row is the plan's row, the
# change it makes and the record it makes or changes. ROW was measured (issue 18) on a
# million training-course rows, each creating its record: a row's place in the plan (32
# bytes), the record (168), its generated GUID (85), the overlay's entries for it and its
# id (about 130): some 420 bytes besides its cells. Before the plan held its rows compactly
# they took 1.2 KB, more than this estimate said.
BOX_CELL = 32
FILLED_CELL = 64
TEXT_COPIES = 2
ROW = 448


# Memory set aside while files are read and planned, and given back first when the memory
# runs out: the clean-up code that runs as the MemoryError unwinds (closing the file being
# read, leaving a ``with`` block) needs a little, and Python 3.11 loops for ever when it
# cannot get it. So the innermost handler on the way of such an error calls
# give_memory_back() before anything else. Pages never touched cost no memory.
RESERVE = 16 * MB
_reserve: list[bytes] = []


def set_memory_aside() -> None:
    """Put the reserve aside (again), for a check about to start."""
    if not _reserve:
        with contextlib.suppress(MemoryError):  # none to set aside: the check fails anyway
            _reserve.append(bytes(RESERVE))  # zeroed by the system when touched: never


def give_memory_back() -> None:
    """Free the reserve: the memory has run out, and clean-up code is about to run."""
    _reserve.clear()


class MemoryBudget:
    """What one check's files may cost in all; shared by the threads that open them."""

    def __init__(self, limit: int = MEMORY_BUDGET - PROCESS_BASE) -> None:
        set_memory_aside()
        self.limit = limit
        self.used = 0
        self._by_file: dict[Path, int] = {}
        self._lock = threading.Lock()

    def charge(self, path: Path, cost: int, why: str = "") -> None:
        """Count a file's cost, or refuse it when the check would need more than allowed."""
        with self._lock:
            before = self._by_file.get(path, 0)
            if self.used + cost <= self.limit:
                self.used += cost
                self._by_file[path] = before + cost
                return
            others = self.used - before
        taken = f", {others // MB} MB of which other files take" if others >= MB else ""
        reason = f" ({why})" if why else ""
        raise DataFileError(
            f"reading this file would take about {(before + cost) // MB} MB of memory{reason}, "
            f"more than a check may use ({self.limit // MB} MB{taken}); split the file or "
            "delete what it does not need", path=path)


def sheet_cost(box: int, filled: int, text: int, rows: int) -> int:
    """A sheet loaded by calamine: its box, its filled cells, their text, its rows."""
    return BOX_CELL * box + streamed_cost(filled, text, rows)


def streamed_cost(filled: int, text: int, rows: int) -> int:
    """Cells read one row at a time (a CSV file, a sheet streamed): only what is kept."""
    return FILLED_CELL * filled + TEXT_COPIES * text + ROW * rows
