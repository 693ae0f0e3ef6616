"""An .xlsx sheet's XML, measured without loading it: where calamine will put its cells.

calamine places a cell by its r attribute, whichever quotes it is written with, with spaces
around its =, under any namespace prefix; a cell without one follows the cell before it in
its row (an empty <c r="Z9"/> counts), and a row without one follows the row before it.
Then it allocates the bounding box of every cell with a value. So the measure is of the
cells as calamine reads them, never of one way of writing them.

Spreadsheets and the common libraries write every cell as <c r="B7" ...>: a chunk of XML
that holds only cells written so is measured by a few searches in C. Anything else sends
the whole part to ``_walk``, which reads every tag as calamine does (exact, and slower).
"""

from __future__ import annotations

import re
import zipfile
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from importer_gui.core.allocator import MMAP_THRESHOLD
from importer_gui.core.progress import Monitor
from importer_gui.core.readers.number_formats import Layout

# Bytes of a sheet's XML measured at a time, smaller than a file's scan: each regular
# expression over a chunk holds the GIL, and the window cannot paint meanwhile while a worker
# measures a large sheet. Under the threshold past which the allocator maps a block on its
# own (allocator.MMAP_THRESHOLD), so that a chunk and its copies come from the heap rather
# than from pages the system must map and zero for each.
SCAN_CHUNK = MMAP_THRESHOLD * 3 // 4

# The last cell a sheet can have (XFD1048576): a reference past it is refused, since
# calamine would misplace it and a streaming reader would walk every row up to it.
GRID_ROWS, GRID_COLS = 1_048_576, 16_384
# Columns past ZZ: a streamed row is as wide as its farthest cell.
FAR_COLUMN = 702


class ErrorCells:
    """The cells holding a formula error (#DIV/0!, #N/A...), which calamine reads as
    empty: by 1-based row, each as its first and last column and its error's text."""

    def __init__(self) -> None:
        self.rows: dict[int, list[tuple[int, int, str]]] = {}
        # Blocks of repeated rows (an .ods), in row order: (first row, last row, cells).
        self.spans: list[tuple[int, int, list[tuple[int, int, str]]]] = []
        self._starts: list[int] = []
        self.count = 0

    def __bool__(self) -> bool:
        return bool(self.count)

    def add(self, row: int, col: int, text: str, *, last_row: int = 0,
            last_col: int = 0) -> None:
        """One error cell, or a block of them (an .ods repeats rows and columns); rows
        repeated come in order."""
        last_row, last_col = max(last_row, row), max(last_col, col)
        self.count += (last_row - row + 1) * (last_col - col + 1)
        if last_row == row:
            self.rows.setdefault(row, []).append((col, last_col, text))
        elif self.spans and self.spans[-1][:2] == (row, last_row):
            self.spans[-1][2].append((col, last_col, text))
        else:
            self.spans.append((row, last_row, [(col, last_col, text)]))
            self._starts.append(row)

    def at(self, row: int) -> list[tuple[int, int, str]]:
        """The error cells of a row, as (first column, last column, text)."""
        found = self.rows.get(row, [])
        place = bisect_right(self._starts, row) - 1
        if place >= 0 and self.spans[place][1] >= row:
            found = found + self.spans[place][2]
        return found


# How OOXML writes a NUL character in a text (calamine reads it so); XML itself cannot hold
# one, and SQLite's JSON and PostgreSQL's text cut or refuse it.
NUL_ESCAPE = b"_x0000_"


class NulSearch:
    """Whether a part's chunks hold NUL_ESCAPE, also across two chunks (text may be cut)."""

    def __init__(self) -> None:
        self.found = False
        self._tail = b""

    def feed(self, data: bytes) -> None:
        """Look at the next chunk (a search in C; the escape is seldom there)."""
        if not self.found:
            edge = len(NUL_ESCAPE) - 1
            joined = self._tail + data[:edge]
            # Its underscore alone is looked for first: a byte seldom in a sheet's XML, found
            # by the C library's scan at several times the speed of the escape's own search.
            self.found = (b"_" in data and NUL_ESCAPE in data) or NUL_ESCAPE in joined
            self._tail = (joined if len(data) < edge else data)[-edge:]


@dataclass(frozen=True)
class Extent:
    """How far a sheet's cells reach, and what else its XML says before it is loaded."""

    rows: int
    cols: int
    far_cells: int = 0  # cells in columns past ZZ (each costs a row that wide when streamed)
    uncached: str = ""  # the first cell holding a formula whose result was never saved
    # Whether rows come in order, each cell in its own row: a streaming reader needs it.
    # None when not measured (only a sheet too large for calamine needs to know).
    ordered: bool | None = None
    beyond: str = ""  # the first cell reference past XFD1048576
    errors: ErrorCells = field(default_factory=ErrorCells, compare=False)
    nul: bool = False  # a text holds a NUL character (NUL_ESCAPE)
    # The cells of type s (a shared string, named by its number) whose value is no number:
    # calamine reads them as the first shared string. The text is the value as written.
    odd_strings: ErrorCells = field(default_factory=ErrorCells, compare=False)

    @property
    def box(self) -> int:
        """The bounding box calamine would allocate."""
        return self.rows * self.cols


@dataclass
class _Scan:
    """What the chunks of one part said so far."""

    rows: int = 0
    cols: int = 0
    far: int = 0
    uncached: str = ""
    beyond: str = ""
    size: int = 0  # bytes of XML read
    errors: ErrorCells = field(default_factory=ErrorCells)
    carry: bytes = b""  # an error cell the chunk cut: its start, until its </c> comes
    nul: NulSearch = field(default_factory=NulSearch)
    odd_strings: ErrorCells = field(default_factory=ErrorCells)
    string_carry: bytes = b""  # the same for a cell of type s whose value the chunk cut
    formula_carry: bytes = b""  # the cell the chunk ends within, while no formula is refused
    past: tuple[str, str] | None = None  # the first cell naming a shared string past the
    # last, and that number (see _Walk)


def chunks(package: zipfile.ZipFile, part: str, monitor: Monitor | None = None,
           ) -> Iterator[bytes]:
    """The part's XML, decompressed in chunks that never split a tag (text may be split:
    a long string is read a chunk at a time, never held whole); ``monitor``'s cancel is
    looked at before each chunk (Cancelled)."""
    pending: list[bytes] = []  # a tag not closed yet, in pieces: joined once it is
    with package.open(part) as stream:
        while chunk := stream.read(SCAN_CHUNK):
            if monitor is not None:
                monitor.check_cancelled()
            if pending:
                if b">" not in chunk:
                    pending.append(chunk)
                    continue
                pending.append(chunk)
                chunk = b"".join(pending)
                pending = []
            cut = chunk.rfind(b"<")
            if cut >= 0 and chunk.find(b">", cut) < 0:  # the last tag goes on
                pending = [chunk[cut:]]
                chunk = chunk[:cut]
            if chunk:
                yield chunk
    if pending:
        yield b"".join(pending)


def measure(package: zipfile.ZipFile, part: str, *, exact: bool = False,
            monitor: Monitor | None = None, copy: Callable[[bytes], None] | None = None,
            ) -> tuple[Extent, int]:
    """The part's extent, and its size in bytes. ``exact`` walks every tag (and says
    whether the rows are in order); otherwise written-as-usual XML is measured quickly,
    each chunk handed to ``copy`` as it is read (all of them unless the walk takes over).
    Cancelled between two chunks when ``monitor`` says so."""
    if exact:
        return _walk(package, part, monitor=monitor)
    scan = _Scan()
    for data in chunks(package, part, monitor):
        scan.size += len(data)
        if copy is not None:
            copy(data)
        scan.nul.feed(data)
        if not _fast_chunk(data, scan):
            return _walk(package, part, monitor=monitor)
    if scan.carry or scan.string_carry or scan.formula_carry:
        # a cell never closed: the walk reads it as calamine does
        return _walk(package, part, monitor=monitor)
    return (Extent(scan.rows, scan.cols, scan.far, scan.uncached, beyond=scan.beyond,
                   errors=scan.errors, nul=scan.nul.found, odd_strings=scan.odd_strings),
            scan.size)


# --------------------------------------------------------------------------- the fast path

# A filled cell written as usual, and its reference.
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([1-9]\d{0,6})"[^>]*?(/?)>')
_LAST_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})([1-9]\d{0,6})"')
# A cell tag not written as <c r="LETTERS DIGITS"...: the chunk needs the walk.
_UNUSUAL = re.compile(rb'<c(?! r="[A-Z]{1,3}[1-9]\d{0,6}")[\s>]')


# A cell tag under a namespace prefix (<x:c ...>): only the walk places it.
_PREFIXED_CELL = re.compile(rb":c[\s/>]")


def _fast_chunk(data: bytes, scan: _Scan) -> bool:
    """Measure a chunk whose cells are written as usual; False when one is not."""
    if _PREFIXED_CELL.search(data):
        return False
    row, col = _last_filled(data)
    if _within(max(scan.rows, row), max(scan.cols, col, 1)).search(data):
        # A cell past the chunk's last one (or written otherwise): measure them all.
        if _UNUSUAL.search(data):
            return False
        _exact_chunk(data, scan)
    else:
        scan.rows, scan.cols = max(scan.rows, row), max(scan.cols, col)
    if not scan.uncached and not _formulas(data, scan):
        return False
    if (scan.carry or (_may_hold_errors(data) and _ERROR_TYPE.search(data))) and not (
            _error_cells(data, scan)):
        return False
    return _string_cells(data, scan)


def _last_filled(data: bytes) -> tuple[int, int]:
    """Row and column of the chunk's last cell with content (<c ...>...</c>), or of the
    cell the chunk ends within when that one is further (a chunk may cut a cell's text:
    left out, it would send one chunk in twenty to the cell-by-cell count)."""
    end = data.rfind(b"</c>")
    start = data.rfind(b"<c ", 0, end) if end >= 0 else -1
    found = _LAST_CELL_REF.match(data, start) if start >= 0 else None
    row, col = (int(found.group(2)), column_number(found.group(1))) if found else (0, 0)
    cut = data.rfind(b"<c ", max(end, 0))
    opened = _CELL_REF.match(data, cut) if cut >= 0 else None
    if opened is not None and not opened.group(3):  # <c r="A9" ...>, its </c> still to come
        cut_row, cut_col = int(opened.group(2)), column_number(opened.group(1))
        if cut_row <= GRID_ROWS and cut_col <= GRID_COLS:
            return max(row, cut_row), max(col, cut_col)
    return row, col


@lru_cache(maxsize=64)
def _within(rows: int, cols: int) -> re.Pattern[bytes]:
    """A search for a cell tag that is not <c r="..."> with a reference inside the box of
    ``rows`` by ``cols`` (at most 26 columns; wider sheets are measured cell by cell)."""
    if cols > 26:
        return _UNUSUAL_OR_ANY
    letters = b"A" if cols == 1 else b"A-" + bytes([64 + cols])
    return re.compile(rb'<c(?! r="[' + letters + rb'](?:' + _at_most(rows) + rb')")[\s>]')


_UNUSUAL_OR_ANY = re.compile(rb"<c[\s>]")


def _at_most(number: int) -> bytes:
    """A pattern for the decimal numbers 1 to ``number`` (none when it is 0). The numbers
    with as many digits as ``number`` come first: most rows of a large sheet have as many
    as its last, and the shorter ones' alternative, tried first, made each of them
    backtrack through its digits."""
    if number < 1:
        return rb"(?!)"
    digits = str(number)
    parts = []
    for i, char in enumerate(digits):
        low, high = (1 if i == 0 else 0), int(char) - 1
        if high >= low:
            rest = len(digits) - i - 1
            parts.append(digits[:i].encode() + b"[%d-%d]" % (low, high) +
                         (rb"\d{%d}" % rest if rest else b""))
    parts.append(digits.encode())
    if len(digits) > 1:
        parts.append(rb"[1-9]\d{0,%d}" % (len(digits) - 2))
    return b"|".join(parts)


def _exact_chunk(data: bytes, scan: _Scan) -> None:
    """Every filled cell's reference in a chunk written as usual (one match per cell)."""
    for letters, row, closed in _CELL_REF.findall(data):
        if closed:
            continue  # <c r="Z9" s="1"/>: a styled empty cell, which calamine skips
        _place(scan, int(row), column_number(letters), letters)


def _place(scan: _Scan, row: int, col: int, ref: bytes) -> None:
    """Count a filled cell at (row, col), 1-based."""
    if row > GRID_ROWS or col > GRID_COLS:
        scan.beyond = scan.beyond or ref.decode("ascii", "replace")
        return
    scan.rows, scan.cols = max(scan.rows, row), max(scan.cols, col)
    scan.far += col > FAR_COLUMN


# A formula's tag (a prefixed one sends the chunk to the walk): the pattern's literal search
# outruns bytes' own on XML's many "<".
_FORMULA = re.compile(rb"<f[\s>/]")
_CELL_START = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*>')
# A formula and its result written as usual (<f>...</f><v>42</v>, <f .../><v>x</v>): a value
# calamine reads for any type that has one (see _Walk._value_text).
_SAVED = re.compile(rb"<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)<v>[^<&\s][^<]*</v>")


def _formulas(data: bytes, scan: _Scan) -> bool:
    """Note the first cell whose formula has no saved result, the cell the last chunk ended
    within included (carried until its </c> comes); False when one is too long to carry."""
    if scan.formula_carry:
        data = scan.formula_carry + data
    if _FORMULA.search(data):  # most sheets hold none: one fast search
        scan.uncached = _uncached_formula(data)
    last = data.rfind(b"<c ")
    opened = last >= 0 and data.find(b"</c>", last) < 0 and not (
        data.find(b">", last) > 0 and data[data.find(b">", last) - 1] == ord("/"))
    scan.formula_carry = data[last:] if opened and not scan.uncached else b""
    return len(scan.formula_carry) <= _CARRY_MAX


def _uncached_formula(data: bytes) -> str:
    """The first cell whose formula has no saved result ('' if none): programs such as
    openpyxl write formulas without calculating them, and the cell would read as empty.
    A formula cell the chunk cuts is left to the next (see _formulas)."""
    position = data.find(b"<f")
    while position >= 0:
        start, end = data.rfind(b"<c ", 0, position), data.find(b"</c>", position)
        if end < 0:
            return ""
        found = _CELL_START.match(data, start) if start >= 0 else None
        if found and not (_SAVED.fullmatch(data, found.end(), end)
                          and _attribute(_T_ATTR, found.group()) not in _NEVER_FILLED) and (
                _cell_uncached(data[start:end + 4])):
            return found.group(1).decode("ascii")
        position = data.find(b"<f", end)
    return ""


def _cell_uncached(cell: bytes) -> bool:
    """Whether one cell's XML (<c ...>...</c>) holds a formula calamine reads as empty, as
    the walk reads it."""
    walk = _Walk()
    walk.inside = True
    for found in _TAG.finditer(cell):
        following = _text_after(cell, found.end()) if found.group(2) == b"v" else b""
        walk.tag(found.group(1), found.group(2), found.group(3), following)
    return bool(walk.scan.uncached)


# A cell of type e (a formula's error), and one written as usual (its reference first).
_ERROR_TYPE = re.compile(rb"""\st\s*=\s*["']e["']""")
# The value "e" anywhere: the pattern's literal search outruns bytes' own on XML's quotes.
_E_VALUE = re.compile(rb'"e"')


def _may_hold_errors(data: bytes) -> bool:
    """False when no attribute of the chunk has the value e: most sheets hold no error, and
    plain searches cost far less than the pattern's over every byte (a sheet's XML seldom
    holds an apostrophe: the byte alone is looked for first)."""
    return bool(_E_VALUE.search(data)) or (b"'" in data and b"'e'" in data)
_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]{1,3})([1-9]\d{0,6})"[^>]*?\st\s*=\s*["\']e["\'][^>]*(?<!/)>')
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>([^<]*)</v>")
# An error cell longer than this is no spreadsheet's: the walk reads it.
_CARRY_MAX = 4096


def _error_cells(data: bytes, scan: _Scan) -> bool:
    """Note the chunk's error cells (and the one the previous chunk cut); False when one
    is not written as usual."""
    start = 0
    if scan.carry:
        scan.carry, cell, start = _continued(scan.carry, data)
        if cell is None:
            return len(scan.carry) <= _CARRY_MAX
        _error_cell(cell, scan)
    found_any = 0
    for found in _ERROR_CELL.finditer(data, start):
        found_any += 1
        end = data.find(b"</c>", found.end())
        if end < 0:
            scan.carry = data[found.start():]
            break
        _error_cell(data[found.start():end], scan)
    # Every type e written as usual, or the walk reads the chunk.
    return found_any == len(_ERROR_TYPE.findall(data, start))


def _continued(carry: bytes, data: bytes) -> tuple[bytes, bytes | None, int]:
    """A cell the last chunk cut (``carry``), continued by the chunk: what is still carried,
    the cell up to its </c> once that came (None before), and where the chunk's own cells
    start."""
    end = data.find(b"</c>")
    if end < 0:
        return carry + data, None, len(data)
    return b"", carry + data[:end], end


def _error_cell(cell: bytes, scan: _Scan) -> None:
    """Note one error cell (its XML up to </c>) with the error's text."""
    found = _ERROR_CELL.match(cell)
    value = _VALUE.search(cell, found.end()) if found else None
    if found and value and value.group(1).strip():
        scan.errors.add(int(found.group(2)), column_number(found.group(1)),
                        _error_text(value.group(1)))


def _error_text(value: bytes) -> str:
    """The error's text as the sheet shows it (#DIV/0!)."""
    return value.strip().decode("utf-8", "replace")


# A cell of type s written as usual whose value is not a number alone (or that the chunk
# cuts): most shared string cells are <v>12</v>, which one search in C passes over.
_ODD_STRING = re.compile(rb' t="s"[^>]*(?<!/)>(?!<v>\d{1,19}</v>)')
# Its tag, with t="s" in the tag itself.
_STRING_CELL = re.compile(rb'<c r="([A-Z]{1,3})([1-9]\d{0,6})"[^>]* t="s"[^>]*>')


def _string_cells(data: bytes, scan: _Scan) -> bool:
    """Note the chunk's cells of type s whose value names no shared string (and the one the
    previous chunk cut); False when one is not written as usual. A quote written otherwise
    (t='s') sends the chunk to the walk."""
    if b"'" in data and b"'s'" in data:
        return False
    start = 0
    if scan.string_carry:
        scan.string_carry, cell, start = _continued(scan.string_carry, data)
        if cell is None:
            return len(scan.string_carry) <= _CARRY_MAX
        if not _string_cell(cell, scan):
            return False
    for found in _ODD_STRING.finditer(data, start):
        begin = data.rfind(b"<c ", start, found.start())
        end = data.find(b"</c>", found.end())
        tag = _STRING_CELL.match(data, begin, found.end()) if begin >= 0 else None
        if tag is None or tag.end() != found.end():
            return False  # not the tag of one cell written as usual
        if end < 0:
            scan.string_carry = data[begin:]
            return len(scan.string_carry) <= _CARRY_MAX
        if not _string_cell(data[begin:end], scan):
            return False
    return True


def _string_cell(cell: bytes, scan: _Scan) -> bool:
    """Note one cell of type s (its XML up to </c>) when its value names no shared string;
    False when it is not written as usual."""
    found = _STRING_CELL.match(cell)
    if found is None:
        return False
    value = _VALUE.search(cell, found.end())
    if value is not None and not names_a_string(value.group(1)):
        scan.odd_strings.add(int(found.group(2)), column_number(found.group(1)),
                             value.group(1).decode("utf-8", "replace"))
    return True


def names_a_string(value: bytes) -> bool:
    """Whether a cell of type s's value is a number calamine reads as a shared string's
    (digits alone, fewer than 20: a 64-bit number; empty, it reads as an empty cell).
    Anything else it reads as 0."""
    return not value or (value.isdigit() and len(value) < 20)


def column_number(letters: bytes) -> int:
    """Column letters as a 1-based number (b'A' -> 1, b'XFD' -> 16384), any case."""
    number = 0
    for byte in letters.upper():
        number = number * 26 + byte - 64
    return number


# --------------------------------------------------------------------------- the walk

# Every tag calamine's cell reader acts on, under any prefix.
_TAG = re.compile(rb"<(/?)(?:[A-Za-z_][\w.\-]*:)?(sheetData|row|c|f|v|is)(?=[\s/>])([^>]*)>")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_T_ATTR = re.compile(rb"""(?:^|\s)t\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_S_ATTR = re.compile(rb"""(?:^|\s)s\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_REFERENCE = re.compile(rb"([A-Za-z]*)([0-9]+)")


def _attribute(pattern: re.Pattern[bytes], attributes: bytes) -> bytes | None:
    """An attribute's value, whichever quotes hold it."""
    found = pattern.search(attributes)
    if found is None:
        return None
    return found.group(1) if found.group(1) is not None else found.group(2)


class _Walk:
    """calamine's cell reader, replayed on tags: every filled cell's place. With
    ``strings`` (how many shared strings the workbook holds), the first cell naming one past
    the last is noted too; with ``styles``, each number cell's style (``style``)."""

    def __init__(self, strings: int | None = None, *, styles: bool = False) -> None:
        self.scan = _Scan()
        self.inside = False  # within <sheetData>
        self.row = 0  # 0-based, as calamine counts
        self.col = 0
        self.row_start = -1  # the current <row>'s index, for the order
        self.last_row = -1
        self.ordered = True
        self.cell: tuple[int, int] | None = None
        self.ref = b""
        self.text_result = self.error = False
        self.formula = False
        self.value = False  # the last <v> or <is> holds text (a text formula's may not)
        self.kind: bytes | None = None  # the cell's t attribute
        self.filled = False  # whether calamine reads a value (its last <v>, <is> or <f> says)
        self.undecided = False  # the <v> whose text so far leaves that open (the chunk cut it)
        self.error_text = b""
        self.strings = strings
        self.string = False  # the cell is of type s
        self.string_value: bytes | None = None  # its <v>'s text, so far
        self.in_value = False  # within a <v> whose text the chunk may have cut
        self.styles = styles
        self.style: bytes | None = None  # the number cell's s attribute, when ``styles``

    def text(self, more: bytes) -> None:
        """The text a new chunk starts with: the rest of a <v>'s the last chunk cut."""
        if self.in_value and self.string_value is not None:
            self.string_value += more
        if self.in_value and self.error:
            self.error_text += more
        if self.in_value and more:
            self.value = True
        if self.in_value and self.undecided:
            self._value_text(more)

    def tag(self, closing: bytes, name: bytes, attributes: bytes, following: bytes) -> bool:
        """Act on one tag as calamine does; False at the end of the cells."""
        if name == b"sheetData":
            self.inside = not closing and not attributes.rstrip().endswith(b"/")
            return not closing
        if not self.inside:
            return True
        if closing:
            self._end(name)
        elif attributes.rstrip().endswith(b"/"):  # calamine reads <c/> as <c></c>
            self._start(name, attributes[:attributes.rindex(b"/")], b"")
            self._end(name)
        else:
            self._start(name, attributes, following)
        return True

    def _start(self, name: bytes, attributes: bytes, following: bytes) -> None:
        if name == b"row":
            given = _attribute(_R_ATTR, attributes)
            if given is not None and (found := _REFERENCE.fullmatch(given)):
                self.row = int(found.group(2)) - 1
            if self.row <= self.last_row:
                self.ordered = False
            self.row_start = self.last_row = self.row
        elif name == b"c":
            self._cell(attributes)
        elif self.cell is not None:
            self.formula |= name == b"f"
            if name in (b"v", b"is"):
                self.value = name == b"is" or bool(following)
            self.filled = name == b"is"  # calamine keeps the value of the last of them
            if name == b"v":
                self.in_value = True
                self._value_text(following)
            if name == b"v" and self.error:
                self.error_text = following
            if name == b"v" and self.string:
                self.string_value, self.in_value = following, True

    def _cell(self, attributes: bytes) -> None:
        given = _attribute(_R_ATTR, attributes)
        self.ref = given or b""
        if given is None:
            place = (self.row, self.col)
        elif found := _REFERENCE.fullmatch(given):
            place = (int(found.group(2)) - 1, column_number(found.group(1)) - 1)
            self.col = place[1]
        else:
            place = None  # calamine refuses the reference: the load will fail
        self.col += 1
        self.cell = place
        self.formula = self.value = self.filled = self.undecided = False
        kind = self.kind = _attribute(_T_ATTR, attributes)
        self.text_result, self.error = kind == b"str", kind == b"e"
        self.error_text = b""
        self.string, self.string_value = kind == b"s", None
        if self.styles:
            number = kind is None or kind == b"n"
            self.style = _attribute(_S_ATTR, attributes) if number else None

    def _end(self, name: bytes) -> None:
        self.in_value = False
        if name == b"row":
            self.row += 1
            self.col = 0
        elif name == b"c" and self.cell is not None:
            row, col = self.cell
            if self.filled or self.formula:
                _place(self.scan, row + 1, col + 1, self.ref or _reference(row, col))
                if row != self.row_start:
                    self.ordered = False  # a streaming reader files a cell under its <row>
            # A formula whose cell calamine reads as empty (or as an empty text, but for
            # a text formula's) lost its result.
            if self.formula and not (self.filled and (self.value or self.text_result)):
                self.scan.uncached = self.scan.uncached or _reference(row, col).decode()
            if self.error and self.error_text.strip():
                self.scan.errors.add(row + 1, col + 1, _error_text(self.error_text))
            if self.string_value is not None:
                self._string(row, col, self.string_value)
            self.cell = None

    def _value_text(self, text: bytes) -> None:
        """Whether the <v> whose text (so far) this is gives the cell a value, as calamine
        reads it: a date's or a text's always (even empty), an inline string's never; any
        other only when its text starts before any entity or markup (calamine reads just
        that first piece), and a boolean's only when that piece is not white space alone."""
        if self.kind in _ALWAYS_FILLED or self.kind not in _FIRST_PIECE_TYPES:
            self.filled, self.undecided = self.kind not in _NEVER_FILLED, False
            return
        piece, entity, _ = text.partition(b"&")
        if self.kind == b"b":
            piece = piece.strip(_XML_SPACE)
        self.filled = bool(piece)
        self.undecided = not piece and not entity  # the text may go on in the next chunk

    def _string(self, row: int, col: int, value: bytes) -> None:
        """Note a cell of type s whose value names no shared string, or one past the last."""
        if not names_a_string(value):
            self.scan.odd_strings.add(row + 1, col + 1, value.decode("utf-8", "replace"))
        elif (self.strings is not None and value and int(value) >= self.strings
              and self.scan.past is None):
            self.scan.past = (_reference(row, col).decode(), str(int(value)))


# How calamine reads a <v> by the cell's type (t): see _Walk._value_text. Another type
# fails the sheet's load, so no box is allocated; it is counted as filled.
_ALWAYS_FILLED = (b"d", b"str")
_NEVER_FILLED = (b"inlineStr", b"is")
_FIRST_PIECE_TYPES = (None, b"n", b"s", b"b", b"e")
_XML_SPACE = b" \t\r\n"


def _reference(row: int, col: int) -> bytes:
    """A 0-based place as an A1 reference."""
    letters = b""
    number = col + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = bytes([65 + rest]) + letters
    return letters + str(row + 1).encode()


def _text_after(data: bytes, start: int) -> bytes:
    """The text from ``start`` to the next tag (to the chunk's end, when it goes on)."""
    end = data.find(b"<", start)
    return data[start:] if end < 0 else data[start:end]


def _walk(package: zipfile.ZipFile, part: str, strings: int | None = None,
          monitor: Monitor | None = None) -> tuple[Extent, int]:
    """Every tag of the part, as calamine reads it: exact, whatever the writing."""
    walk = _Walk(strings)
    size = 0
    for data in chunks(package, part, monitor):
        size += len(data)
        walk.scan.nul.feed(data)
        walk.text(_text_after(data, 0))
        for found in _TAG.finditer(data):
            following = _text_after(data, found.end()) if found.group(2) == b"v" else b""
            if not walk.tag(found.group(1), found.group(2), found.group(3), following):
                break
    scan = walk.scan
    return Extent(scan.rows, scan.cols, scan.far, scan.uncached, walk.ordered,
                  scan.beyond, scan.errors, scan.nul.found, scan.odd_strings), size


def string_past_the_end(package: zipfile.ZipFile, part: str, strings: int,
                        ) -> tuple[str, str] | None:
    """The first cell of type s naming a shared string past the last of ``strings``, and
    that number: calamine refuses the whole sheet for one, without naming it."""
    walk = _Walk(strings)
    for data in chunks(package, part):
        walk.text(_text_after(data, 0))
        for found in _TAG.finditer(data):
            following = _text_after(data, found.end()) if found.group(2) == b"v" else b""
            if not walk.tag(found.group(1), found.group(2), found.group(3), following):
                break
        if walk.scan.past:
            break
    return walk.scan.past


def refused_value(package: zipfile.ZipFile, part: str) -> tuple[bytes, str, str] | None:
    """The first cell whose value calamine refuses for its type (t="n" holding no number,
    t="b" holding no boolean): its type, its place and that value as calamine reads it.
    calamine refuses the whole sheet for one, without naming it."""
    for value in _value_texts(package, part):
        if value.text and (refused := _refused(value.kind, value.text)) is not None:
            row, col = value.place
            return (value.kind or b"", _reference(row - 1, col - 1).decode(),
                    refused.decode("utf-8", "replace"))
    return None


def _refused(kind: bytes | None, text: bytes) -> bytes | None:
    """A <v>'s text calamine refuses for the cell's type, as its refusal quotes it; None
    when it reads it (a boolean's text before any entity, white space around it let
    through, any case)."""
    if kind == b"n" and not CALAMINE_NUMBER.fullmatch(text):
        return text
    if kind == b"b":
        piece = text.partition(b"&")[0].strip(_XML_SPACE)
        if piece and piece.lower() not in CALAMINE_BOOLEANS:
            return piece
    return None


# The texts calamine reads as a boolean (after their case is lowered).
CALAMINE_BOOLEANS = {b"true": True, b"1": True, b"false": False, b"0": False}


# A number as calamine reads one (Rust's parser): no space, no thousands separator, a point.
CALAMINE_NUMBER = re.compile(rb"[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)",
                              re.IGNORECASE)


# --------------------------------------------------------------------------- raw values


def raw_values(package: zipfile.ZipFile, part: str,
               wanted: set[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
    """The <v> text of the cells at these 1-based (row, column) places, read as calamine
    places them (for a value calamine's conversion hides, such as Excel's serial 60)."""
    return _values(package, part, lambda place, _text, _style: place in wanted)


def negative_values(package: zipfile.ZipFile, part: str) -> dict[tuple[int, int], bytes]:
    """The <v> text of the cells holding a number below zero, by 1-based (row, column)
    place (a date's serial below zero reads as a time of day). Most sheets hold none: a
    search in C says so before any tag is read."""
    if not any(b">-" in data or data.startswith(b"-") for data in chunks(package, part)):
        return {}
    return _values(package, part, lambda _place, text, _style: _below_zero(text))


def _below_zero(text: bytes) -> bool:
    """Whether a <v>'s text is a number below zero, as calamine reads it (no space)."""
    if not text.startswith(b"-"):
        return False
    try:
        return float(text) < 0
    except ValueError:
        return False


def padded_numbers(package: zipfile.ZipFile, part: str, layouts: dict[bytes, Layout],
                   ) -> ErrorCells:
    """The number cells whose style shows a whole number otherwise than its digits
    (``layouts``: style -> how it shows them), each as the ``Shown`` text ("00042",
    "TC-0042"; calamine reads 42). Cells written as usual are found by a search in C; any
    other writing sends the part to the walk."""
    styled = re.compile(rb'(<c r="([A-Z]{1,3})([1-9]\d{0,6})"[^>]*? s="('
                        + b"|".join(map(re.escape, layouts))
                        + rb')"[^>]*(?<!/)>)(?:<v>(\d+)</v>)?')
    shown, carry = ErrorCells(), b""
    for data in chunks(package, part):
        if _PREFIXED_CELL.search(data) or _UNUSUAL.search(data):
            return _walked_padded(package, part, layouts)
        data, carry = carry + data, b""
        for found in styled.finditer(data):
            tag, letters, row, style, digits = found.groups()
            if b" t=" in tag and b' t="n"' not in tag:
                continue  # a text, a boolean...: no number to show
            if digits is None:  # a formula first, or the value the chunk cuts
                end = data.find(b"</c>", found.end())
                if end < 0:  # the cell goes on in the next chunk
                    carry = data[found.start():]
                    if len(carry) > _CARRY_MAX:
                        return _walked_padded(package, part, layouts)
                    break
                value = _VALUE.search(data, found.end(), end)
                digits = value.group(1) if value else b""
            if text := layouts[style].shown(digits):
                shown.add(int(row), column_number(letters), text)
    return shown


def _walked_padded(package: zipfile.ZipFile, part: str, layouts: dict[bytes, Layout],
                   ) -> ErrorCells:
    """padded_numbers by the walk, for a part whose cells are not all written as usual."""
    shown = ErrorCells()

    def keep(place: tuple[int, int], text: bytes, style: bytes | None) -> bool:
        found = layouts.get(style) if style is not None else None
        if found is not None and (cell := found.shown(text)):
            shown.add(place[0], place[1], cell)
        return False

    _values(package, part, keep, styles=True)
    return shown


def _values(package: zipfile.ZipFile, part: str,
            keep: Callable[[tuple[int, int], bytes, bytes | None], bool], *,
            styles: bool = False) -> dict[tuple[int, int], bytes]:
    """The <v> text of the cells ``keep`` keeps (given their 1-based place, raw text and,
    with ``styles``, a number cell's style)."""
    return {value.place: value.text.strip()
            for value in _value_texts(package, part, styles=styles)
            if keep(value.place, value.text, value.style)}


class _Value(NamedTuple):
    """A cell's <v> as calamine places it: its 1-based (row, column), its type (t), its
    style (a number cell's, when asked for) and its raw text."""

    place: tuple[int, int]
    kind: bytes | None
    style: bytes | None
    text: bytes


def _value_texts(package: zipfile.ZipFile, part: str, *, styles: bool = False,
                 ) -> Iterator[_Value]:
    """Each cell's <v>, in the sheet's order, its text whole wherever a chunk of XML cut it
    (carried into the next chunk, given once it ends)."""
    walk = _Walk(styles=styles)
    cut: _Value | None = None
    for data in chunks(package, part):
        if cut is not None:
            more = _text_after(data, 0)
            cut = cut._replace(text=cut.text + more)
            if len(more) < len(data):
                yield cut
                cut = None
        for match in _TAG.finditer(data):
            name = match.group(2)
            following = _text_after(data, match.end()) if name == b"v" else b""
            if name == b"v" and not match.group(1) and walk.cell is not None:
                value = _Value((walk.cell[0] + 1, walk.cell[1] + 1), walk.kind, walk.style,
                               following)
                if match.end() + len(following) == len(data):
                    cut = value
                else:
                    yield value
            if not walk.tag(match.group(1), name, match.group(3), following):
                return
    if cut is not None:
        yield cut


# --------------------------------------------------------------------------- line 1

# Cell types whose value is a text as written: a shared string, an inline one, a formula's.
_TEXT_TYPES = ("s", "inlineStr", "str")
# How OOXML escapes a character in a text (_x000D_): calamine decodes it; such a line is
# left to calamine rather than decoded a second way.
_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")


def first_line(package: zipfile.ZipFile, part: str, strings: str | None,
               ) -> list[str] | None:
    """The texts of line 1 of a sheet's XML by column ("" where no cell is), read only as
    far as line 1 ends, and the shared strings (part ``strings``) only as far as the last
    one it names; None when line 1 is not texts alone, written plainly (a number, a date, a
    boolean, an error, an escape, a cell placed elsewhere or past the grid, a row 1 not
    first or holding no text): calamine's conversion, after the guards' measure, reads
    that sheet."""
    from lxml import etree

    texts: dict[int, str] = {}
    shared: dict[int, int] = {}  # column -> the number of its shared string
    row = col = 0
    try:
        with package.open(part) as stream:
            for event, element in etree.iterparse(stream, events=("start", "end"),
                                                  resolve_entities=False, no_network=True):
                name = etree.QName(element).localname
                if event == "start" and name == "row":
                    row = _line(element.get("r"), row)
                    if row > 1:
                        break  # line 1 is over, or was not first
                    col = 0
                elif event == "end" and name == "c" and row == 1:
                    col = _line_one_column(element.get("r"), col)
                    if not _text_cell(element, col, texts, shared):
                        return None
                    element.clear()
                elif event == "end" and name == "sheetData":
                    break
    except (etree.XMLSyntaxError, ValueError, OSError):
        return None  # calamine's reading says what it makes of it
    if not (texts or shared) or (
            shared and not _shared_texts(package, strings, shared, texts)):
        return None
    return [texts.get(column, "") for column in range(1, max(texts) + 1)]


def _line(reference: str | None, previous: int) -> int:
    """A <row>'s 1-based line: its r attribute's, else the one after the row before it."""
    return int(reference) if reference is not None else previous + 1


def _line_one_column(reference: str | None, previous: int) -> int:
    """A line 1 cell's 1-based column: its reference's, else the one after the cell before
    it; ValueError for a reference to another line or one calamine refuses."""
    if reference is None:
        return previous + 1
    found = _REFERENCE.fullmatch(reference.encode("ascii", "replace"))
    if found is None or int(found.group(2)) != 1 or not found.group(1):
        raise ValueError(reference)
    return column_number(found.group(1))


def _text_cell(cell: object, col: int, texts: dict[int, str], shared: dict[int, int]) -> bool:
    """Note a line 1 cell's text in ``texts`` (a shared string's number in ``shared``);
    False when it holds anything but a text written plainly, or lies past the grid."""
    from lxml import etree

    if col > GRID_COLS or col in texts or col in shared:
        return False  # past the grid, or a cell placed twice (the measure's business)
    parts = {etree.QName(child).localname: child for child in cell}  # type: ignore[attr-defined]
    value = parts.get("is") if "is" in parts else parts.get("v")
    kind = cell.get("t", "n")  # type: ignore[attr-defined]
    if value is None:  # empty, or a formula without a result: the measure names it
        return "f" not in parts or kind == "str"
    text = _run_text(value) if kind == "inlineStr" else (value.text or "")
    if kind not in _TEXT_TYPES or _ESCAPE.search(text):
        return False
    if kind != "s":
        texts[col] = text
    elif text.isdigit() and len(text) < 20:  # names_a_string, an empty one aside
        shared[col] = int(text)
    else:
        return False
    return True


def _run_text(element: object) -> str:
    """A string item's text (<si>, <is>): its <t>, or its runs' <t>s; phonetic runs (<rPh>)
    are not shown."""
    from lxml import etree

    found = []
    for child in element:  # type: ignore[attr-defined]
        name = etree.QName(child).localname
        if name == "t":
            found.append(child.text or "")
        elif name == "r":
            found.extend(t.text or "" for t in child if etree.QName(t).localname == "t")
    return "".join(found)


def _shared_texts(package: zipfile.ZipFile, part: str | None, wanted: dict[int, int],
                  texts: dict[int, str]) -> bool:
    """Put each wanted shared string's text in ``texts`` (column -> its string's number),
    reading the strings' XML only as far as the last one wanted; False when one is not
    there or holds an escape."""
    from lxml import etree

    if part is None:
        return False
    columns: dict[int, list[int]] = {}
    for column, number in wanted.items():
        columns.setdefault(number, []).append(column)
    last, index = max(columns), 0
    with package.open(part) as stream:
        for _event, element in etree.iterparse(stream, events=("end",), tag="{*}si",
                                               resolve_entities=False, no_network=True):
            if index in columns:
                text = _run_text(element)
                if _ESCAPE.search(text):
                    return False
                texts.update(dict.fromkeys(columns[index], text))
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]  # the strings read so far: none kept
            if index == last:
                return True
            index += 1
    return False
