"""A data file as the readers hand it over: numbered rows of cells, blank rows skipped."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import dropwhile
from operator import call
from pathlib import Path
from typing import Any

from importer_gui.core.cells import Cell, cell_text
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError, system_reason
from importer_gui.core.file_kind import check_content

Row = tuple[Cell, ...]
NumberedRow = tuple[int, Row]
# A file's rows from its start; the flag says whether rows share the cells that repeat.
RowSource = Callable[[bool], Iterator[NumberedRow]]

SCAN_CHUNK = 1 << 20  # bytes read at a time when a file is scanned rather than parsed
SAMPLE_BYTES = 1 << 16  # a file's first bytes, which its checks read before the rest
# The most distinct values a column shares (see SharedCells): a dict entry costs some 40
# bytes, a text held once per row some 60, and a million rows may name 125,000 sessions;
# and the most all columns share together, however wide the file.
SHARED_CELLS = 1 << 17
SHARED_TOTAL = 1 << 20
REVIEW_CELLS = 1 << 16  # cells read between two looks at which columns are worth sharing
# A full column whose values were all different, this share of them or more (a GUID, a
# time stamp), is not shared any more: looking its values up would only cost time.
DIFFERENT = 0.99
_NOT_SHARED: dict[Cell, Cell] = {}  # never filled: its get(cell, cell) gives the cell


class SharedCells:
    """Cells repeat (codes, titles, dates, flags, the learners a file names again and
    again): each column keeps each value once, every row holding it refers to the same
    object, as long as fewer than SHARED_CELLS distinct values were seen in that column
    (then only those are shared); a column whose values never repeat stops being looked
    up. The look-ups run in C, through map()."""

    __slots__ = ("_every", "_keep", "_rows", "_seen")

    def __init__(self) -> None:
        self._seen: list[dict[Cell, Cell]] = []  # by column: its values, each the first seen
        # By column: seen.setdefault, seen.get once it is full, or _NOT_SHARED.get.
        self._keep: list[Callable[[Cell, Cell], Cell]] = []
        self._rows = 0
        self._every = REVIEW_CELLS  # rows between two reviews: fewer, the wider the rows

    def row(self, cells: list[Cell] | tuple[Cell, ...]) -> Row:
        """The row's cells, those seen before in their column as the object first seen."""
        if len(cells) > len(self._keep):
            self._widen(len(cells))
        row = tuple(map(call, self._keep, cells, cells))
        self._rows += 1
        if not self._rows % self._every:
            self._review()
        return row

    def _widen(self, width: int) -> None:
        """Columns for a row wider than every row before it."""
        for _ in range(width - len(self._keep)):
            seen: dict[Cell, Cell] = {}
            self._seen.append(seen)
            self._keep.append(seen.setdefault)
        self._every = max(REVIEW_CELLS // width, 1)

    def _review(self) -> None:
        """Stop adding to a full column, or to every column once together they are full;
        one whose values never repeated (a file's values repeat far apart: a learner's rows
        may lie a hundred thousand rows apart, so only a full column is judged) is not
        shared any more."""
        full = sum(map(len, self._seen)) >= SHARED_TOTAL
        for column, seen in enumerate(self._seen):
            if seen is _NOT_SHARED or (len(seen) < SHARED_CELLS and not full):
                continue
            if len(seen) >= DIFFERENT * self._rows:
                self._seen[column] = _NOT_SHARED
                self._keep[column] = _NOT_SHARED.get
            else:
                self._keep[column] = seen.get


def row_maker(shared: bool) -> Callable[[list[Cell] | tuple[Cell, ...]], Row]:
    """What makes a row of a reader's cells: sharing the cells that repeat (``SharedCells``),
    worth it where the rows are kept, or a plain tuple, cheaper where they are not."""
    return SharedCells().row if shared else tuple


# Messages the window shows in the user's language (see core/errors.py).
FILE_MISSING = QT_TRANSLATE_NOOP("errors", "the file does not exist")
LINK_BROKEN = QT_TRANSLATE_NOOP("errors", "this is a link to {target}, which does not exist")
FOLDER_NOT_FILE = QT_TRANSLATE_NOOP("errors", "this is a folder, not a data file")
FILE_EMPTY = QT_TRANSLATE_NOOP("errors", "the file is empty")
NOT_REGULAR = QT_TRANSLATE_NOOP("errors", "this is a pipe or a device, not a data file")
FILE_UNREADABLE = QT_TRANSLATE_NOOP("errors", "the file cannot be read ({reason})")
NO_DATA = QT_TRANSLATE_NOOP("errors", "the file holds no data, not even a header line")


@dataclass(frozen=True)
class TextFile:
    """How a text file's rows are read (its codec, its delimiter, line 1 a header or not):
    what a reader of another engine needs to read the same rows."""

    path: Path
    codec: str
    delimiter: str
    header_line: bool


@dataclass
class Table:
    """One data file (or one sheet of a workbook) ready to be streamed."""

    path: Path
    headers: list[str] | None  # the first line's cells, trimmed, when it is a header
    sheet: str | None  # the sheet read; None for CSV
    row_count_hint: int | None = None  # data rows, roughly; None if unknown
    _source: RowSource = field(default=lambda _shared: iter(()), repr=False, compare=False)
    _first_line: int = field(default=1, repr=False, compare=False)
    text: TextFile | None = field(default=None, repr=False, compare=False)  # None: a sheet
    # The file read as columns in the thread that opened it, ahead of its planning
    # (columns.read_ahead; taken by columns.plan_import); None: not read so.
    ahead: Any = field(default=None, repr=False, compare=False)

    def rows(self, *, shared: bool = True) -> Iterator[NumberedRow]:
        """The data rows as (line number in the file, cells), streamed; blank rows skipped.
        ``shared`` false when nobody keeps the rows: then none shares its cells."""
        first, rows = self._first_line, self._source(shared)
        if first == 1:  # line 1 comes even when blank (it may be a header): not as data
            return (row for row in rows if row[0] > 1 or not is_blank(row[1]))
        # Line numbers only grow: past the header, rows pass through without a step per row.
        return dropwhile(lambda numbered: numbered[0] < first, rows)

    def header_line(self) -> list[str]:
        """Line 1's cells as trimmed text ([] when line 1 is blank), read from the file's
        start whether or not it is read as a header; DataFileError when it holds no line."""
        return read_headers(self.path, self._source)


def check_file(path: Path) -> None:
    """Fail clearly when the path is missing, a folder, a device or unreadable, or holds no
    spreadsheet (a picture, a PDF) or one under another kind's name."""
    try:
        status = path.stat()
    except OSError as exc:
        # A name too long, or one through a file, is the system's reason, not "missing".
        if exc.errno in _MISSING:
            raise DataFileError(_missing_text(path), path=path) from None
        raise unreadable(path, exc) from None
    if stat.S_ISDIR(status.st_mode):
        raise DataFileError(FOLDER_NOT_FILE, path=path)
    if not stat.S_ISREG(status.st_mode):
        # A device or a pipe has no size: /dev/zero would read as "empty", a pipe hang.
        raise DataFileError(NOT_REGULAR, path=path)
    if status.st_size == 0:
        raise DataFileError(FILE_EMPTY, path=path)
    check_content(path)


# A file that is not there (a dangling link, a parent that is no folder). A loop of links is
# there to be seen, and is said in the system's words (its links lead nowhere).
_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR})


def _missing_text(path: Path) -> str:
    """Why a path names no file: a link whose target is gone (a moved share, a renamed
    folder) is said as such, since the link itself is there to be seen."""
    try:
        return LINK_BROKEN.format(target=os.readlink(path)) if path.is_symlink() else (
            FILE_MISSING)
    except OSError:
        return FILE_MISSING


def unreadable(path: Path, exc: OSError) -> DataFileError:
    """The file exists but the system refuses to read it (permissions, a vanished disk)."""
    return DataFileError(FILE_UNREADABLE.format(reason=system_reason(exc)), path=path)


def first_bytes(path: Path, size: int = SAMPLE_BYTES) -> bytes:
    """The file's first bytes."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise unreadable(path, exc) from None


def read_headers(path: Path, source: RowSource) -> list[str]:
    """Line 1's cells as trimmed text ([] when line 1 is blank); the file must have one."""
    rows = source(False)
    try:
        first = next(rows, None)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # release the file now rather than when collected
    if first is None:
        raise DataFileError(NO_DATA, path=path)
    line, cells = first
    return header_texts(cells) if line == 1 else []


def header_texts(cells: Row) -> list[str]:
    """Line 1's cells as a header line holds them: trimmed text."""
    return [cell_text(cell).strip() for cell in cells]


def is_blank(row: list[Any] | tuple[Any, ...]) -> bool:
    """Whether every cell is empty or white space (0 and FALSE are values)."""
    for value in filter(None, row):  # skips "" and None in C; stops at the first value
        if type(value) is not str or value.strip():
            return False
    return all(value is None or type(value) is str for value in row)
