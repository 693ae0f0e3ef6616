"""The memory a check may use for its files' data, and what each file would cost.

A check keeps every row it read (the preview shows them, the commit writes them), and a
workbook reader first holds its whole sheet. Each file's cost is estimated from its size and
measured shape before anything large is allocated; a file that would take the check past
its budget is refused, naming it, rather than letting the process run out of memory.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError, ImporterError

MB = 1024 * 1024
# What a whole check may use at least, and the part the interpreter, its libraries, the
# store's records and the plan's own objects take whatever the files. A machine with more
# memory lets a check use a quarter of it (``memory_budget``): a fixed floor refused files a
# laptop checks easily.
MEMORY_BUDGET = 1024 * MB
MACHINE_SHARE = 4
PROCESS_BASE = 256 * MB

# Estimates, in bytes: calamine holds one value for every cell of a sheet's bounding box; a
# filled cell read into Python is a text object and its place in its row; text is held by
# the reader and again by the cell that reads it; a planned row is the plan's row, the
# change it makes and the record it makes or changes. ROW was measured (issue 18) on a
# million training-course rows, each creating its record: a row's place in the plan (32
# bytes), the record (168), its generated GUID (85), the overlay's entries for it and its
# id (about 130): some 420 bytes besides its cells.
BOX_CELL = 32
FILLED_CELL = 64
TEXT_COPIES = 2
ROW = 448
# Where rows keep their cells only when they have issues (the command line: KeptCells), a
# row read one at a time costs what its plan makes of it, and its records may hold its text.
# Measured (issue 18) as the slope of the peak memory over checks of 250,000, 500,000 and a
# million rows: about 540 bytes a training-course row (its record and the overlay's entries
# for it), 410 a registration row.
ROW_PLANNED = 512


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


# Megabytes a check may use, when set: it overrides what the machine would allow. It must
# leave the files something once PROCESS_BASE is set aside: a smaller value is refused, said,
# rather than ignored.
BUDGET_VARIABLE = "IMPORTER_GUI_CHECK_MEMORY_MB"

NOT_MEGABYTES = QT_TRANSLATE_NOOP(
    "errors", "IMPORTER_GUI_CHECK_MEMORY_MB={value} is not a number of megabytes: set a whole "
              "number such as 2048, or remove it to let a check use a quarter of the machine's "
              "memory.")
TOO_SMALL = QT_TRANSLATE_NOOP(
    "errors", "IMPORTER_GUI_CHECK_MEMORY_MB={value} is too small: a check needs more than the "
              "256 MB the program itself takes; set more, or remove it to let a check use a "
              "quarter of the machine's memory.")
# A file that would take the check past its budget: the budget as the user knows it (the
# variable's value, the machine's quarter, the process's limit), then what the files get,
# and how to allow more.
SET_TOO_COSTLY = QT_TRANSLATE_NOOP(
    "errors", "reading this file would take about {cost} MB of memory ({why}), more than the "
              "{budget} MB set by IMPORTER_GUI_CHECK_MEMORY_MB ({files} MB for the files once "
              "the program's 256 MB are set aside{taken}): raise it, or split the file")
MACHINE_TOO_COSTLY = QT_TRANSLATE_NOOP(
    "errors", "reading this file would take about {cost} MB of memory ({why}), more than the "
              "{budget} MB a check may use on this machine (a quarter of its memory, at least "
              "1024 MB; {files} MB for the files once the program's 256 MB are set "
              "aside{taken}): set IMPORTER_GUI_CHECK_MEMORY_MB to more megabytes, or split "
              "the file")
LIMIT_TOO_COSTLY = QT_TRANSLATE_NOOP(
    "errors", "reading this file would take about {cost} MB of memory ({why}), more than the "
              "{budget} MB this process may address (its limit, ulimit -v; {files} MB for the "
              "files once the program's 256 MB are set aside{taken}): raise that limit, or "
              "split the file")
# A phrase at the end of {taken}'s value (the window translates it there).
TAKEN = QT_TRANSLATE_NOOP("errors", " \u2014 other files take {others} MB of it")


def memory_budget() -> int:
    """What a whole check may use: IMPORTER_GUI_CHECK_MEMORY_MB when set, else a quarter of
    the machine's memory, at least MEMORY_BUDGET, and never more than the process may
    address when a limit is set on it (ImporterError for a value set that is not usable)."""
    return _budget_said()[0]


def _budget_said() -> tuple[int, str]:
    """The budget, and the template that says a file would take more (whence it comes)."""
    given = os.environ.get(BUDGET_VARIABLE, "").strip()
    if given:
        return _given_budget(given), SET_TOO_COSTLY
    budget = max(MEMORY_BUDGET, physical_memory() // MACHINE_SHARE)
    limit = address_space_limit()
    if limit and limit < budget:
        return limit, LIMIT_TOO_COSTLY
    return budget, MACHINE_TOO_COSTLY


def _given_budget(given: str) -> int:
    """IMPORTER_GUI_CHECK_MEMORY_MB's bytes, or why the value cannot be the budget."""
    if not (given.isascii() and given.isdecimal()):
        raise ImporterError(NOT_MEGABYTES.format(value=given))
    if int(given) * MB <= PROCESS_BASE:
        raise ImporterError(TOO_SMALL.format(value=given))
    return int(given) * MB


def physical_memory() -> int:
    """The machine's memory in bytes; 0 when the system does not say."""
    if sys.platform == "win32":
        return _windows_memory()
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, OSError, ValueError):
        return 0


def _windows_memory() -> int:
    """GlobalMemoryStatusEx's total physical memory."""
    import ctypes

    class Status(ctypes.Structure):
        _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong),
                    ("total", ctypes.c_ulonglong), ("available", ctypes.c_ulonglong),
                    ("total_page", ctypes.c_ulonglong), ("available_page", ctypes.c_ulonglong),
                    ("total_virtual", ctypes.c_ulonglong),
                    ("available_virtual", ctypes.c_ulonglong),
                    ("available_extended", ctypes.c_ulonglong)]

    status = Status()
    status.length = ctypes.sizeof(Status)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return 0
    return int(status.total)


def address_space_limit() -> int:
    """The address space this process may have (RLIMIT_AS), 0 when unlimited or unknown."""
    try:
        import resource
    except ImportError:  # Windows
        return 0
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return 0 if soft == resource.RLIM_INFINITY else soft


class MemoryBudget:
    """What one check's files may cost in all; shared by the threads that open them."""

    def __init__(self, limit: int | None = None, *, keeps_cells: bool = True) -> None:
        budget, self._too_costly = _budget_said()
        self.keeps_cells = keeps_cells  # False: rows without issues let their cells go
        set_memory_aside()
        self.budget = budget if limit is None else limit + PROCESS_BASE
        self.limit = max(budget - PROCESS_BASE, 0) if limit is None else limit
        self.used = 0
        self._by_file: dict[Path, int] = {}
        self._lock = threading.Lock()

    def charge(self, path: Path, cost: int, why: str) -> None:
        """Count a file's cost, or refuse it when the check would need more than allowed."""
        with self._lock:
            before = self._by_file.get(path, 0)
            if self.used + cost <= self.limit:
                self.used += cost
                self._by_file[path] = before + cost
                return
            others = self.used - before
        taken = TAKEN.format(others=others // MB) if others >= MB else ""
        raise DataFileError(self._too_costly.format(
            cost=(before + cost) // MB, why=why, budget=self.budget // MB,
            files=self.limit // MB, taken=taken), path=path)


def sheet_cost(box: int, filled: int, text: int, rows: int) -> int:
    """A sheet loaded by calamine: its box, its filled cells, their text, its rows."""
    return BOX_CELL * box + streamed_cost(filled, text, rows)


def streamed_cost(filled: int, text: int, rows: int, keeps_cells: bool = True) -> int:
    """Cells read one row at a time (a CSV file, a sheet streamed): only what is kept (every
    row's cells, or, ``keeps_cells`` false, what the plan makes of them)."""
    if not keeps_cells:
        return ROW_PLANNED * rows + text
    return FILLED_CELL * filled + TEXT_COPIES * text + ROW * rows
