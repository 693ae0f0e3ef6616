"""A plain text file read into columns by polars: the very rows the row reader gives
(readers/text.py), or None where the file holds anything that reader reads its own way."""

from __future__ import annotations

import codecs
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from importer_gui.core.columns import engine
from importer_gui.core.readers import budget
from importer_gui.core.readers.garbled import may_hold_garbled
from importer_gui.core.readers.table import Table, row_maker

if TYPE_CHECKING:
    from importer_gui.core.ordering import ColumnCodes

# Rows turned into Python's tuples at a time.
_ROWS_AT_A_TIME = 4096
# Values of a column made Python's objects at a time: one call over a million holds the GIL
# (the window's thread waits), and a million objects made at once, then let go, leave as
# many holes in the interpreter's memory that its next objects are scattered into.
PART = 1 << 16
# What Python's str.strip() takes off ASCII text; polars is told these exactly.
ASCII_SPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
# str.isspace()'s characters: ASCII's, then the rest (a test holds the list to Python's).
SPACES = ASCII_SPACE + "\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + (
    "\u2028\u2029\u202f\u205f\u3000")
# Codecs that read ASCII bytes as ASCII: a file of ASCII bytes reads alike in each.
_ASCII_CODECS = frozenset({"utf-8", "utf-8-sig", "latin-1", "cp1252"})
_UTF8_CODECS = frozenset({"utf-8", "utf-8-sig"})


@dataclass
class Frame:
    """A file's data rows as columns of text ("c0", "c1", ...), every cell as read."""

    rows: Any  # a polars DataFrame (None once let go)
    first_line: int  # the line of the first data row (each row is one line)
    width: int  # cells in every row
    header: tuple[str, ...] | None  # line 1's cells, when it is a header
    height: int  # how many data rows
    ascii: bool  # whether every data row is ASCII
    wide: frozenset[str]  # the columns holding a character beyond ASCII
    # The columns that repeat their texts, coded by their places, where every row's cells
    # are kept (codes.every_cell).
    codes: dict[int, ColumnCodes] = field(default_factory=dict)

    def cells(self, indexes: list[int] | None = None, *,
              shared: bool = False) -> list[tuple[str, ...]]:
        """The rows' cells as tuples (of the rows at ``indexes``, else of every row), the
        cells that repeat shared between rows when ``shared`` (as the row reader shares
        them: readers.table.row_maker)."""
        rows = self.rows if indexes is None else self.rows[indexes]
        make = row_maker(shared)
        cells: list[tuple[str, ...]] = []
        # A part at a time, in a loop of Python's: one call over a million rows held the GIL
        # (and the window's thread) for up to a second.
        for start in range(0, rows.height, _ROWS_AT_A_TIME):
            cells.extend(map(make, rows.slice(start, _ROWS_AT_A_TIME).rows()))
        return cells


def parts(column: Any) -> Iterator[list[Any]]:
    """A column's values as Python's, PART of them at a time."""
    for chunk in chunks(column):
        yield chunk.to_list()


def chunks(column: Any, *, copied: bool = False) -> Iterator[Any]:
    """A column (a polars Series) in slices of PART values; ``copied``: each a copy, so that
    the column's memory goes as they do (a slice holds all of it)."""
    height = column.len()
    for start in range(0, height, PART):
        yield (column.gather(range(start, min(start + PART, height))) if copied
               else column.slice(start, PART))


def listed(column: Any) -> list[Any]:
    """A column's values as a list of Python's, made a part at a time: one call over a
    million values would hold the GIL, and keep the window's thread waiting, all along."""
    values: list[Any] = []
    for part in parts(column):
        values.extend(part)
    return values


class TakenParts:
    """A column's values taken from the first a part at a time (``take``), as rows.UsedUp
    takes a list's: held as polars holds them, in a fraction of the memory of Python's
    values, in chunks each let go of once taken; made Python's (each looked up in
    ``lookup`` where one is given) only as asked for, so that a commit writes the first
    part while the rest are made."""

    __slots__ = ("_chunks", "_lookup")

    def __init__(self, chunks: Iterable[Any],
                 lookup: Callable[[Any], Any] | None = None) -> None:
        self._chunks, self._lookup = deque(chunks), lookup

    def take(self, count: int) -> list[Any]:
        """The next ``count`` values."""
        taken: list[Any] = []
        chunks = self._chunks
        while len(taken) < count and chunks:
            head = chunks.popleft()
            wanted = count - len(taken)
            if head.len() > wanted:
                chunks.appendleft(head.slice(wanted))
                head = head.slice(0, wanted)
            taken.extend(head.to_list())
        return taken if self._lookup is None else list(map(self._lookup, taken))


def read_plain(pl: ModuleType, table: Table) -> Frame | None:
    """The table's rows as a Frame when its file is plain: ASCII, or UTF-8 holding no garbled
    text; one line a row, no quote, no blank line, every line as wide as the first, no
    NUL, no line end but \n and \r\n, and no line repeating the header. None otherwise."""
    text = table.text
    if (text is None or text.codec not in _ASCII_CODECS or len(text.delimiter) != 1
            or not text.delimiter.isascii() or text.delimiter in "\r\n\""):
        return None
    try:
        if text.path.stat().st_size * COLUMNS_PER_BYTE > _files_budget():
            return None  # the row reader reads it in the budget it was measured against
    except OSError:
        return None  # the row reader says why
    # polars reads the file (without the GIL, on the other processors) while its bytes are
    # looked at here: a file found not plain has been read for nothing, its rows then read
    # by the row reader anyway.
    with ThreadPoolExecutor(1, thread_name_prefix="plain-read") as reader:
        read = reader.submit(_read, pl, text.path, text.delimiter)
        try:
            shape = _plain_shape(text.path, text.delimiter.encode("ascii"), text.header_line)
        except OSError:
            shape = None  # the row reader says why
        frame = read.result()
    if shape is None or (not shape.ascii and text.codec not in _UTF8_CODECS):
        return None
    if (frame is None or frame.width != shape.width
            or shape.delimiters != frame.height * (shape.width - 1)):
        return None  # some line is not as wide as the first
    header: tuple[str, ...] | None = None
    if text.header_line:
        header = tuple(frame.row(0))
        frame = frame.slice(1)
        if not "".join(header).strip():
            return None  # a blank line 1: the row reader reads no header from it
    wide = None if frame.height == 0 else _wide_if_plain(pl, frame, header, shape.ascii)
    if wide is None:
        return None
    return Frame(frame, 2 if text.header_line else 1, shape.width, header, frame.height,
                 shape.ascii, wide)


# The memory polars' columns of a file take at most, its bytes counted (measured: some 3.2
# times, a million registrations' 126 MB at their peak).
COLUMNS_PER_BYTE = 4


def _files_budget() -> int:
    """The memory a check's files may take (readers/budget.py)."""
    return budget.memory_budget() - budget.PROCESS_BASE


@dataclass(frozen=True)
class _Shape:
    """What a plain file's bytes tell: the cells of its first line, its delimiters, whether
    all ASCII."""

    width: int
    delimiters: int
    ascii: bool


_CHUNK = 1 << 24  # bytes looked at at a time: the file is never held whole


def _plain_shape(path: Path, delimiter: bytes, header_line: bool) -> _Shape | None:
    """The file's shape when its bytes hold no NUL and no quote, and its first line is
    neither blank nor too long to be told by its first chunk; None otherwise (the rest of
    read_plain's conditions are looked for in its columns). Whether it is ASCII is told of
    its data rows (a header line is not read as data)."""
    delimiters = width = lone = 0
    ascii_only, first, last_return = True, True, False
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            if first:
                chunk, first = chunk.removeprefix(codecs.BOM_UTF8), False
                first_end = chunk.find(b"\n")
                if (first_end < 0 and len(chunk) >= _CHUNK - 3) or chunk.startswith(
                        (b"\n", b"\r\n")):
                    return None  # a first line this long, or blank: the row reader's
                width = (chunk if first_end < 0 else chunk[:first_end]).count(delimiter) + 1
                ascii_only = (chunk[first_end + 1:] if header_line and first_end >= 0
                              else chunk).isascii()
            elif ascii_only:
                ascii_only = chunk.isascii()
            if b"\x00" in chunk or b'"' in chunk:
                return None
            delimiters += chunk.count(delimiter)
            # A \r not before a \n ends a line for the csv module; polars takes it off the
            # cell it ends (a test of the cells cannot see it), so it is counted here.
            if b"\r" in chunk and (returns := chunk.count(b"\r")):
                lone += returns - chunk.count(b"\r\n")
            if last_return:
                lone -= chunk.startswith(b"\n")
            last_return = chunk.endswith(b"\r")
    return None if first or lone else _Shape(width, delimiters, ascii_only)


def _read(pl: ModuleType, path: Path, delimiter: str) -> Any:
    """Every line as a row of text cells, as many as the first line's, or None when polars
    refuses it (text that is not UTF-8, a file gone, among others)."""
    try:
        frame = pl.read_csv(path, separator=delimiter, has_header=False, infer_schema=False,
                            quote_char=None, empty_string_is_null=False,
                            raise_if_empty=False, comment_prefix=None)
    except OSError:
        return None  # the row reader says why
    except BaseException as exc:  # text that is not UTF-8, a runtime's panic
        if not engine.refused(pl, exc):
            raise
        return None
    return frame.rename({name: f"c{i}" for i, name in enumerate(frame.columns)})


# The characters garbled text and lost letters begin with (readers/garbled.py): a row
# holding none of them holds neither.
_GARBLED_STARTS = ["\ufffd", "Ã", "Â", "â", "Å", "√", "≈", "‚", "¬"]


def _wide_if_plain(pl: ModuleType, frame: Any, header: tuple[str, ...] | None,
                   ascii_only: bool) -> frozenset[str] | None:
    """The columns holding a character beyond ASCII; None when a row holds what the row
    reader reads its own way: nothing but spaces (skipped), the header line again (an error
    of its own), garbled text or a lost letter (warned about). Looked for in one pass over
    the columns, where polars works on several at once (a lone \r is looked for in the
    bytes: _plain_shape)."""
    names = frame.columns
    facts = [pl.col("c0").str.head(1).is_in(_BLANK_STARTS).any().alias("blank")]
    if header is not None:
        first = header[0].removeprefix("\ufeff")
        facts.append(pl.all_horizontal(
            pl.col(name).is_in([first, "\ufeff" + first]) if i == 0 else pl.col(name) == cell
            for i, (name, cell) in enumerate(zip(names, header, strict=True))).any()
            .alias("header"))
    if not ascii_only:
        facts += [(pl.col(name).str.len_bytes() != pl.col(name).str.len_chars()).any()
                  .alias(f"wide {name}") for name in names]
    found = frame.select(facts).row(0, named=True)
    if found.get("header"):
        return None
    if found["blank"] and frame.filter(_blank(pl, "c0")).select(
            pl.all_horizontal(_blank(pl, name) for name in names).any()).item():
        return None
    wide = [name for name in names if found.get(f"wide {name}")]
    return None if wide and _garbled(pl, frame, wide) else frozenset(wide)


def _garbled(pl: ModuleType, frame: Any, columns: list[str]) -> bool:
    """Whether a row may hold garbled text or a lost letter in ``columns`` (those not all
    ASCII), as the row reader looks."""
    suspects = frame.filter(pl.any_horizontal(
        pl.col(name).str.contains_any(_GARBLED_STARTS) for name in columns))
    return any(may_hold_garbled("".join(row)) for row in suspects.iter_rows())


# How a first cell that may be blank begins: empty, or with a character str.strip() takes
# off. Looked for first, as that reads a cell's first character where trimming each cell
# reads all of it.
_BLANK_STARTS = ["", *SPACES]


def _blank(pl: ModuleType, name: str) -> Any:
    """A column's cells that Python's str.strip() leaves empty (and perhaps a few more)."""
    return pl.col(name).str.strip_chars(ASCII_SPACE).str.strip_chars() == ""
