"""Data file readers: CSV/TXT and workbooks, streamed as numbered rows of cells.

Line numbers are the file's own (the header is line 1). Completely blank rows (every cell
empty or white space) are skipped here, but the numbering still counts them, so the checker
never sees them and never has to. In a CSV file a row's number is the physical line where its
record starts (a quoted field may span several lines). Rows are neither padded nor cut to the
header's width; CSV cells are not trimmed (the checker trims), headers are.

Workbook cells: text as-is; numbers as people wrote them (42.0 -> "42", 0.1 + 0.2 -> "0.3");
booleans "TRUE"/"FALSE", as the sheet shows them; dates and datetimes stay date objects;
times "HH:MM:SS"; durations "[h]:mm:ss". .xlsx/.xlsm sheets are measured before calamine
loads them (it allocates the whole bounding box, and aborts the interpreter on a stray cell
at XFD1048576); a huge sparse sheet is streamed with openpyxl instead. An .ods is measured
too (its content.xml, repeated rows and columns counted) and refused when too large, since
calamine loads every sheet of it at once. A zipped part that unpacks out of all proportion
(a "zip bomb") is refused before calamine sees it. .xls (BIFF, not zipped) cannot be measured
cheaply (its cells are in BIFF records all through the file) and goes to calamine unguarded.
The sheet read by default is the first visible one (a hidden first sheet usually holds lists).

Every failure is a DataFileError naming the file (and the line when there is one); rows()
may raise one part-way, after the rows before the fault.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import dropwhile, islice
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from importer_gui.core.catalogue import DELIMITERS
from importer_gui.core.cells import Cell, cell_text
from importer_gui.core.errors import DataFileError

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
# Only these are zip packages of sheet XML that we can measure before calamine loads them.
_OOXML_SUFFIXES = (".xlsx", ".xlsm")

Row = tuple[Cell, ...]
NumberedRow = tuple[int, Row]

# The configuration's encoding names -> Python codecs. UTF-8 tolerates a byte order mark.
_CODECS: dict[str, str] = {
    "UTF-8": "utf-8-sig",
    "ISO-8859-1": "latin-1",
    "WINDOWS-1252": "cp1252",
    "UTF-16LE": "utf-16-le",
}
# The order in which other encodings are tried when suggesting one (ISO-8859-1 decodes
# anything, so it comes after the stricter WINDOWS-1252).
_SUGGESTION_ORDER = ("UTF-8", "WINDOWS-1252", "ISO-8859-1")
_UTF8_BOM = codecs.BOM_UTF8
_UTF16LE_BOM = codecs.BOM_UTF16_LE

# csv's default field limit (128 KB) is below what a longtext with quotes may need.
FIELD_SIZE_LIMIT = 10 * 1024 * 1024
csv.field_size_limit(FIELD_SIZE_LIMIT)

# calamine allocates the sheet's whole bounding box; above this many cells we do not let it.
MAX_BOX_CELLS = 10_000_000
_CHUNK = 1 << 20
TEXT_BLOCK = 1 << 18  # characters of CSV text read at a time


# --------------------------------------------------------------------------- public API


def is_workbook(path: Path) -> bool:
    """Whether the file is read as a workbook (by its suffix) rather than as CSV text."""
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def sheet_names(path: Path) -> list[str]:
    """The workbook's worksheets in workbook order (hidden ones included); [] for CSV."""
    path = Path(path)
    if not is_workbook(path):
        return []
    check_file(path)
    with _calamine_workbook(path) as workbook:
        return [meta.name for meta in _worksheets(workbook)]


def hidden_sheets(path: Path) -> list[str]:
    """The workbook's hidden worksheets, in workbook order; [] for CSV."""
    path = Path(path)
    if not is_workbook(path):
        return []
    check_file(path)
    with _calamine_workbook(path) as workbook:
        return [meta.name for meta in _worksheets(workbook) if meta.visible != _visible()]


@dataclass
class Table:
    """One data file (or one sheet of a workbook) ready to be streamed."""

    path: Path
    headers: list[str] | None  # the first line's cells, trimmed, when it is a header
    sheet: str | None  # the sheet read; None for CSV
    row_count_hint: int | None = None  # data rows, roughly; None if unknown
    _source: Callable[[], Iterator[NumberedRow]] = field(
        default=lambda: iter(()), repr=False, compare=False)
    _first_line: int = field(default=1, repr=False, compare=False)

    def rows(self) -> Iterator[NumberedRow]:
        """The data rows as (line number in the file, cells), streamed; blank rows skipped."""
        first = self._first_line
        if first == 1:  # line 1 comes even when blank (it may be a header): not as data
            return (row for row in self._source() if row[0] > 1 or not _is_blank(row[1]))
        # Line numbers only grow: past the header, rows pass through without a step per row.
        return dropwhile(lambda numbered: numbered[0] < first, self._source())


def open_table(path: Path, *, encoding: str = "UTF-8", delimiter: str = ";",
               skip_first_line: bool = True, sheet: str | None = None) -> Table:
    """Open a CSV/TXT file or a workbook sheet; raise DataFileError naming the file."""
    path = Path(path)
    check_file(path)
    if is_workbook(path):
        source, sheet_name, hint = _open_workbook(path, sheet)
    else:
        source, hint = _open_text(path, encoding, delimiter)
        sheet_name = None
    headers = _read_headers(path, source) if skip_first_line else None
    if hint is not None and skip_first_line:
        hint = max(hint - 1, 0)
    return Table(path=path, headers=headers, sheet=sheet_name, row_count_hint=hint,
                 _source=source, _first_line=2 if skip_first_line else 1)


def head(path: Path, n: int = 20, *, encoding: str = "UTF-8", delimiter: str = ";",
         skip_first_line: bool = True, sheet: str | None = None,
         ) -> tuple[list[str] | None, list[Row]]:
    """The headers and the first n data rows' cells, for the wizard's live preview."""
    table = open_table(path, encoding=encoding, delimiter=delimiter,
                       skip_first_line=skip_first_line, sheet=sheet)
    return table.headers, [cells for _line, cells in islice(table.rows(), n)]


# --------------------------------------------------------------------------- shared


def check_file(path: Path) -> None:
    """Fail clearly when the path is missing, a folder or unreadable."""
    if not path.exists():
        raise DataFileError("the file does not exist", path=path)
    if path.is_dir():
        raise DataFileError("this is a folder, not a data file", path=path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataFileError(f"the file cannot be read ({exc.strerror})", path=path) from None
    if size == 0:
        raise DataFileError("the file is empty", path=path)


def _read_headers(path: Path, source: Callable[[], Iterator[NumberedRow]]) -> list[str]:
    """Line 1's cells as trimmed text ([] when line 1 is blank); the file must have one."""
    rows = source()
    try:
        first = next(rows, None)
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()  # release the file now rather than when collected
    if first is None:
        raise DataFileError("the file holds no data, not even a header line", path=path)
    line, cells = first
    if line != 1:
        return []
    return [cell_text(cell).strip() for cell in cells]


# --------------------------------------------------------------------------- CSV / TXT


def _codec(path: Path, encoding: str) -> str:
    """The Python codec for a configuration encoding name."""
    name = encoding.strip().upper()
    if name in _CODECS:
        return _CODECS[name]
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        known = ", ".join(_CODECS)
        raise DataFileError(f"unknown file encoding {encoding!r}; use one of {known}",
                            path=path) from None


def _delimiter_char(path: Path, delimiter: str) -> str:
    """The delimiter as one character (configuration names such as 'comma' accepted)."""
    char = DELIMITERS.get(delimiter, delimiter)
    if len(char) != 1:
        raise DataFileError(f"the delimiter {delimiter!r} is not a single character",
                            path=path)
    return char


def _open_text(path: Path, encoding: str, delimiter: str,
               ) -> tuple[Callable[[], Iterator[NumberedRow]], int | None]:
    """Check the text file's start and return its row source and a row count estimate."""
    codec = _codec(path, encoding)
    declared = encoding.strip().upper()
    char = _delimiter_char(path, delimiter)
    sample = _sample(path)
    _check_start(path, sample, declared)
    hint = _line_estimate(path, sample)

    def source() -> Iterator[NumberedRow]:
        return _csv_rows(path, codec, declared, char)

    return source, hint


def _sample(path: Path, size: int = 65536) -> bytes:
    """The file's first bytes."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise DataFileError(f"the file cannot be read ({exc.strerror})", path=path) from None


def _check_start(path: Path, sample: bytes, declared: str) -> None:
    """Catch a wrong declared encoding that would otherwise decode into nonsense."""
    if declared in ("ISO-8859-1", "WINDOWS-1252") and sample.startswith(_UTF8_BOM):
        # Decoding on would turn the mark and every accent into mojibake, silently.
        raise DataFileError(f"the file starts with a UTF-8 byte order mark but is declared "
                            f"{declared}; is the file in UTF-8?", path=path, line=1)
    if declared == "UTF-16LE" and b"\x00" not in sample[:4096]:
        # UTF-16 text always has zero bytes (ASCII delimiters); 8-bit text decodes as CJK.
        hint = _suggestion(path, declared)
        tail = f"; is the file in {hint}?" if hint else ""
        raise DataFileError(f"the file does not look like UTF-16LE text (it holds no zero "
                            f"bytes){tail}", path=path, line=1)


def _line_estimate(path: Path, sample: bytes) -> int | None:
    """Roughly how many lines the file has, from the first 64 KB."""
    newline = b"\n" if b"\n" in sample else b"\r"
    lines = sample.count(newline)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= len(sample):
        return lines + (0 if sample.endswith(newline) else 1)
    if lines == 0:
        return None
    return round(size * lines / len(sample))


def _csv_rows(path: Path, codec: str, encoding: str, delimiter: str,
              ) -> Iterator[NumberedRow]:
    """Every non-blank record (line 1 always) as (its first line, cells)."""
    try:
        handle = path.open(encoding=codec, newline="")
    except OSError as exc:
        raise DataFileError(f"the file cannot be read ({exc.strerror})", path=path) from None
    with handle:
        reader = csv.reader(_lines_in_blocks(handle), delimiter=delimiter, strict=True)
        line = 1  # where the next record starts
        try:
            for fields in reader:
                joined = "".join(fields)
                if "\x00" in joined:
                    raise _nul_error(path, line, encoding)
                if line == 1 and fields and fields[0].startswith("\ufeff"):
                    fields[0] = fields[0][1:]  # a UTF-16 byte order mark
                    joined = joined[1:]
                if line == 1 or joined.strip():
                    yield line, tuple(fields)
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise _decode_error(path, codec, encoding) from None
        except csv.Error as exc:
            raise _csv_error(path, exc, line, reader.line_num, delimiter) from None


def _lines_in_blocks(handle: TextIO, size: int = TEXT_BLOCK) -> Iterator[str]:
    """The file's lines with their ends (\n, \r\n or \r, as csv wants them), read a block
    at a time.

    Iterating the file itself handed the GIL back and forth every few kilobytes, and a
    check reading a large CSV file in a worker thread left the window's thread waiting
    for it 0.1 s to 0.4 s at a time; lines split from a block in memory do not.
    """
    tail = ""
    while block := handle.read(size):
        text = tail + block
        cut = len(text) - 1 if text.endswith("\r") else len(text)  # \r|\n across blocks
        lines = io.StringIO(text[:cut], newline="").readlines()
        tail = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        tail += text[cut:]
        yield from lines
    if tail:
        yield tail


def _csv_error(path: Path, exc: csv.Error, start: int, current: int,
               delimiter: str) -> DataFileError:
    """A csv module failure as a message people understand."""
    text = str(exc)
    if "field larger than field limit" in text:
        mb = FIELD_SIZE_LIMIT // (1024 * 1024)
        return DataFileError(f"a field that starts on this line is longer than {mb} MB; "
                             "is a quote (\") left open?", path=path, line=start)
    if "unexpected end of data" in text:
        return DataFileError("a quoted field that starts on this line is never closed "
                             "(unbalanced quote \")", path=path, line=start)
    if "expected after" in text:
        shown = "tab" if delimiter == "\t" else repr(delimiter)
        return DataFileError(f"a closing quote \" is followed by more text; it must be "
                             f"followed by the delimiter {shown} or the end of the line "
                             "(write a quote inside a quoted field as \"\")",
                             path=path, line=max(current, start))
    return DataFileError(f"the line cannot be read as CSV ({text})", path=path,
                         line=max(current, start))


def _nul_error(path: Path, line: int, declared: str) -> DataFileError:
    """A NUL character is never text: the file is binary or in another encoding."""
    # Only UTF-16 explains zero bytes in text; other encodings would read them the same.
    utf16 = declared != "UTF-16LE" and _looks_utf16le(_sample(path, 4096))
    tail = "; is the file in UTF-16LE?" if utf16 else "; is it really a text file?"
    return DataFileError(f"the line holds a NUL character (byte 0x00){tail}",
                         path=path, line=line)


def _decode_error(path: Path, codec: str, declared: str) -> DataFileError:
    """Find the first undecodable bytes and say where they are and what may fit."""
    line, bad = _locate_bad_bytes(path, codec)
    shown = " ".join(f"0x{b:02x}" for b in bad)
    noun = "the bytes {} are" if len(bad) > 1 else "the byte {} is"
    hint = _suggestion(path, declared)
    tail = f"; is the file in {hint}?" if hint else ""
    return DataFileError(f"{noun.format(shown)} not valid {declared}{tail}",
                         path=path, line=line)


def _count_lines(text: str, after_cr: bool) -> int:
    """Line breaks in text as csv counts them (\\n, \\r\\n or a lone \\r)."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if after_cr and text.startswith("\n"):
        breaks -= 1  # the \r\n pair was split between two chunks
    return breaks


def _locate_bad_bytes(path: Path, codec: str) -> tuple[int, bytes]:
    """The line of the first bytes the codec cannot decode, and those bytes."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    breaks, after_cr = 0, False
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                good = exc.object[:exc.start].decode(codec, "replace")
                line = 1 + breaks + _count_lines(good, after_cr)
                end = exc.end
                if exc.reason == "invalid continuation byte":
                    end += 1  # show the byte that broke the sequence too
                return line, bytes(exc.object[exc.start:end])
            if not chunk:
                return 1 + breaks, b""
            breaks += _count_lines(text, after_cr)
            after_cr = text.endswith("\r") or (after_cr and not text)


def _decodes(path: Path, codec: str) -> bool:
    """Whether the whole file decodes with the codec (streamed)."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        return False
    return True


def _looks_utf16le(sample: bytes) -> bool:
    """A byte order mark, or zero bytes in most odd positions (ASCII as UTF-16LE)."""
    if sample.startswith(_UTF16LE_BOM):
        return True
    odd = sample[1:4096:2]
    return len(odd) > 4 and odd.count(0) * 2 > len(odd)


def _suggestion(path: Path, declared: str) -> str | None:
    """Another configuration encoding the file decodes with, if any."""
    try:
        sample = _sample(path, 4096)
    except DataFileError:
        return None
    if _looks_utf16le(sample):
        # UTF-16 text is valid UTF-8 too (ASCII and zero bytes): never suggest that.
        return "UTF-16LE" if declared != "UTF-16LE" else None
    for name in _SUGGESTION_ORDER:
        if name != declared and _decodes(path, _CODECS[name]):
            return name
    return None


# --------------------------------------------------------------------------- workbooks


def _calamine_module() -> Any:
    """python_calamine, imported when a workbook is first read."""
    import python_calamine

    return python_calamine


def _visible() -> Any:
    """calamine's 'visible' sheet state."""
    return _calamine_module().SheetVisibleEnum.Visible


def _not_a_workbook(path: Path, detail: str) -> DataFileError:
    """A workbook that cannot be opened, with a hint when it is really text."""
    try:
        start = _sample(path, 8)
    except DataFileError:
        start = b""
    zipped = start.startswith(b"PK\x03\x04")
    ole = start.startswith(b"\xd0\xcf\x11\xe0")
    if not zipped and not ole:
        return DataFileError(f"this is not a {path.suffix} workbook (it may be a text or "
                             f"CSV file renamed {path.suffix})", path=path)
    return DataFileError(f"the workbook cannot be read; it may be damaged or incomplete "
                         f"({detail})", path=path)


def _calamine_workbook(path: Path) -> Any:
    """Open the workbook with calamine; any failure becomes a DataFileError."""
    _check_package(path)
    calamine = _calamine_module()
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise DataFileError("the workbook is protected by a password", path=path) from None
    except Exception as exc:  # calamine's own types, zip and XML errors, OSError
        raise _not_a_workbook(path, str(exc) or type(exc).__name__) from None


def _worksheets(workbook: Any) -> list[Any]:
    """The metadata of the workbook's worksheets (chart sheets hold no cells)."""
    kind = _calamine_module().SheetTypeEnum.WorkSheet
    return [meta for meta in workbook.sheets_metadata if meta.typ == kind]


def _first_visible(workbook: Any) -> str | None:
    """The first sheet a user sees: a hidden first sheet (lists, lookups) is not the data."""
    visible = _visible()
    return next((meta.name for meta in _worksheets(workbook) if meta.visible == visible), None)


def first_visible_sheet(path: Path) -> str | None:
    """The sheet read when the configuration names none; None for CSV."""
    path = Path(path)
    if not is_workbook(path):
        return None
    check_file(path)
    with _calamine_workbook(path) as workbook:
        return _first_visible(workbook) or next(
            (meta.name for meta in _worksheets(workbook)), None)


def _pick_sheet(path: Path, names: list[str], wanted: str | None) -> str:
    """The sheet to read: the named one (case-insensitively, like Excel) or the first."""
    if not names:
        raise DataFileError("the workbook has no worksheet", path=path)
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = {name.casefold(): name for name in names}
    if wanted.casefold() in folded:
        return folded[wanted.casefold()]
    listed = ", ".join(repr(name) for name in names)
    raise DataFileError(f"the workbook has no sheet {wanted!r}; its sheets are {listed}",
                        path=path)


def _open_workbook(path: Path, wanted: str | None,
                   ) -> tuple[Callable[[], Iterator[NumberedRow]], str, int | None]:
    """Choose and load the sheet; stream huge sparse sheets without calamine."""
    workbook = _calamine_workbook(path)
    try:
        name = _pick_sheet(path, [meta.name for meta in _worksheets(workbook)],
                           wanted or _first_visible(workbook))
        extent = _sheet_extent(path, name) if path.suffix.lower() in _OOXML_SUFFIXES else None
    except DataFileError:
        workbook.close()
        raise
    if extent is not None and extent.box > MAX_BOX_CELLS:
        workbook.close()
        return _sparse_source(path, name, extent), name, extent.rows
    sheet = _load_sheet(path, workbook, name)  # closes the workbook: the sheet is loaded
    start = sheet.start
    if start is None:
        raise DataFileError(f"the sheet {name!r} is empty", path=path)
    pad = ("",) * start[1]  # iter_rows drops the empty columns left of the data

    def source() -> Iterator[NumberedRow]:
        return _numbered(path, name, sheet.iter_rows(), pad)

    return source, name, sheet.end[0] + 1


def _load_sheet(path: Path, workbook: Any, name: str) -> Any:
    """Let calamine load the sheet's cells; its failures become DataFileErrors."""
    try:
        return workbook.get_sheet_by_name(name)
    except Exception as exc:  # calamine's own types for XML and zip damage
        raise DataFileError(f"the sheet {name!r} cannot be read; the workbook may be "
                            f"damaged ({exc})", path=path) from None
    finally:
        workbook.close()


def _numbered(path: Path, name: str, rows: Iterable[list[Any]],
              pad: tuple[str, ...] = ()) -> Iterator[NumberedRow]:
    """Number the sheet's rows from 1, convert the cells, skip blank rows but line 1."""
    try:
        for line, row in enumerate(rows, start=1):
            cells = _cells(row)
            if cells is not None:
                yield line, pad + cells if pad else cells
            elif line == 1:
                yield line, ()
    except DataFileError:
        raise
    except Exception as exc:  # the fallback reader parses XML as it goes
        raise DataFileError(f"the sheet {name!r} cannot be read; the workbook may be "
                            f"damaged ({exc})", path=path) from None


_KEEP = frozenset({str, date, datetime})


def _is_blank(row: list[Any] | tuple[Any, ...]) -> bool:
    """Whether every cell is empty or white space (0 and FALSE are values)."""
    for value in filter(None, row):  # skips "" and None in C; stops at the first value
        if type(value) is not str or value.strip():
            return False
    return all(value is None or type(value) is str for value in row)


def _cells(row: list[Any] | tuple[Any, ...]) -> Row | None:
    """A workbook row as cells; None when it is blank."""
    if _is_blank(row):
        return None
    # The hot path: text and dates stay, whole numbers (calamine's floats) inline.
    return tuple([value if type(value) in _KEEP else (
        str(int(value)) if type(value) is float and value.is_integer()
        and -1e16 < value < 1e16 else _cell(value)) for value in row])


def _number(value: float) -> str:
    """A number as people wrote it: 42.0 -> '42', 0.1 + 0.2 -> '0.3'."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return format(value, ".15g")  # Excel keeps 15 significant digits


def _duration(value: timedelta) -> str:
    """A duration as [h]:mm:ss, the way Excel shows elapsed time."""
    seconds = round(value.total_seconds())
    sign = "-" if seconds < 0 else ""
    hours, rest = divmod(abs(seconds), 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


def _cell(value: Any) -> Cell:
    """One workbook value as a Cell. Booleans read TRUE/FALSE, as the sheet shows them."""
    kind = type(value)
    if kind is str or kind is date or kind is datetime:
        return value
    if kind is float:
        return _number(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is int:
        return str(value)
    if value is None:
        return ""
    if kind is time:
        return value.strftime("%H:%M:%S")
    if kind is timedelta:
        return _duration(value)
    return str(value)


# --------------------------------------------------------------------------- sheet extent


@dataclass(frozen=True)
class _Extent:
    """How far a sheet's cells reach, measured in its XML without loading it."""

    rows: int
    cols: int
    far_cells: int  # cells in columns past ZZ (each costs a row that wide when streamed)
    uncached: str = ""  # the first cell holding a formula whose result was never saved

    @property
    def box(self) -> int:
        """The bounding box calamine would allocate."""
        return self.rows * self.cols


# Cell references in sheet XML. Only cells with content count: calamine ignores empty styled
# cells (<c r="Z9" s="1"/>), which Excel writes for formatted but empty areas.
_WIDE_REF = re.compile(rb'r="[A-Z]{2,3}\d')  # a column past Z
_CELL_REF = re.compile(rb'r="([A-Z]{1,3})(\d+)"[^>]*?(/?)>')
_LAST_CELL_REF = re.compile(rb'<c\b[^>]*?\br="[A-Z]{1,3}(\d+)"')


def _column_number(letters: bytes) -> int:
    """Excel column letters as a 1-based number (b'A' -> 1, b'XFD' -> 16384)."""
    number = 0
    for byte in letters:
        number = number * 26 + byte - 64
    return number


def _sheet_extent(path: Path, name: str) -> _Extent:
    """How far the sheet's cells reach, from a streaming scan of its XML part."""
    try:
        with zipfile.ZipFile(path) as package:
            extent = _Extent(0, 0, 0)
            for part in _sheet_parts(package, name):
                found = _rough_extent(package, part)
                if found.uncached:
                    raise _uncached_error(path, found.uncached)
                if found.box > MAX_BOX_CELLS:
                    found = _exact_extent(package, part)  # the rough bound may be pessimistic
                extent = max(extent, found, key=lambda e: e.box)
            return extent
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError) as exc:
        raise _not_a_workbook(path, str(exc)) from None
    except zipfile.LargeZipFile as exc:
        raise DataFileError(f"the workbook is too large to read ({exc})", path=path) from None


def _uncached_error(path: Path, cell: str) -> DataFileError:
    """A formula read as empty would lose its data silently: say so, and how to fix it."""
    return DataFileError("the cell holds a formula whose result was never calculated (the "
                         "file was written by a program, not saved by a spreadsheet); open "
                         "it in Excel or LibreOffice and save it again", path=path, cell=cell)


def _sheet_parts(package: zipfile.ZipFile, name: str) -> list[str]:
    """The XML part(s) holding the named sheet: every worksheet part if the map is odd."""
    everything = [n for n in package.namelist()
                  if "/worksheets/" in n and n.endswith(".xml") and "/_rels/" not in n]
    try:
        part = _sheet_part(package, name)
    except Exception:  # an unusual package layout: measure every sheet instead
        return everything
    return [part] if part in package.NameToInfo else everything


def _sheet_part(package: zipfile.ZipFile, name: str) -> str:
    """Follow workbook.xml and its relationships from the sheet name to its part."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    book = "xl/workbook.xml"
    for rel in etree.fromstring(package.read("_rels/.rels"), parser):
        if rel.get("Type", "").endswith("/officeDocument"):
            book = rel.get("Target", book).lstrip("/")
    folder = PurePosixPath(book).parent
    rels_name = str(folder / "_rels" / (PurePosixPath(book).name + ".rels"))
    targets = {rel.get("Id"): rel.get("Target", "")
               for rel in etree.fromstring(package.read(rels_name), parser)}
    for element in etree.fromstring(package.read(book), parser).iter("{*}sheet"):
        if element.get("name") == name:
            rid = next(v for k, v in element.attrib.items() if k.endswith("}id"))
            target = targets[rid]
            return target.lstrip("/") if target.startswith("/") else str(folder / target)
    raise KeyError(name)


def _chunks(package: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's XML, decompressed in chunks that never split a tag."""
    tail = b""
    with package.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            yield data[:cut]
            tail = data[cut:]
    yield tail


def _rough_extent(package: zipfile.ZipFile, part: str) -> _Extent:
    """A cheap upper bound: the last filled cell's row (rows come in order) times the
    widest column seen, counting 26 columns when no reference goes past Z."""
    max_row, max_col, far, uncached = 0, 26, 0, ""
    for data in _chunks(package, part):
        max_row = max(max_row, _last_filled_row(data))
        if not uncached and b"<f" in data:  # most sheets hold no formula: one fast search
            uncached = _uncached_formula(data)
        if _WIDE_REF.search(data):  # most sheets have no column past Z: one fast search
            for letters, _row, closed in _CELL_REF.findall(data):
                if not closed:
                    max_col = max(max_col, _column_number(letters))
                    far += len(letters) == 3
    return _Extent(max_row, max_col, far, uncached)


_CELL_START = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3}\d+)"[^>]*>')
_CACHED = re.compile(rb"<v>[^<]")


def _uncached_formula(data: bytes) -> str:
    """The first cell whose formula has no saved result ('' if none): programs such as
    openpyxl write formulas without calculating them, and the cell would read as empty."""
    position = data.find(b"<f")
    while position >= 0:
        start, end = data.rfind(b"<c ", 0, position), data.find(b"</c>", position)
        found = _CELL_START.match(data, start) if start >= 0 and end >= 0 else None
        if found and not _CACHED.search(data, found.end(), end) and (
                b't="str"' not in found.group()):  # an empty text result is a result
            return found.group(1).decode("ascii")
        position = data.find(b"<f", end if end >= 0 else position + 2)
    return ""


def _exact_extent(package: zipfile.ZipFile, part: str) -> _Extent:
    """The filled cells' true last row and column (one regex match per cell)."""
    max_row = max_col = far = 0
    for data in _chunks(package, part):
        for letters, row, closed in _CELL_REF.findall(data):
            if not closed:
                max_row = max(max_row, int(row))
                max_col = max(max_col, _column_number(letters))
                far += len(letters) == 3
    return _Extent(max_row, max_col, far)


def _last_filled_row(data: bytes) -> int:
    """The row of the last cell with content (<c ...>...</c>) in the data."""
    end = data.rfind(b"</c>")
    if end < 0:
        return 0
    start = data.rfind(b"<c ", 0, end)
    found = _LAST_CELL_REF.match(data, start) if start >= 0 else None
    return int(found.group(1)) if found else 0


def _sparse_source(path: Path, name: str, extent: _Extent,
                   ) -> Callable[[], Iterator[NumberedRow]]:
    """A streaming reader (openpyxl read-only) for sheets whose bounding box is huge."""
    if extent.far_cells * extent.cols > MAX_BOX_CELLS:
        raise DataFileError(f"the sheet {name!r} has {extent.far_cells} cells far to the "
                            f"right (as far as column {_column_name(extent.cols)}); delete "
                            "the stray cells or columns past your data", path=path)

    def source() -> Iterator[NumberedRow]:
        return _openpyxl_rows(path, name)

    return source


def _column_name(number: int) -> str:
    """A 1-based column number as Excel letters."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _openpyxl_rows(path: Path, name: str) -> Iterator[NumberedRow]:
    """Stream the sheet row by row; missing rows cost no memory."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl's own errors
        raise _not_a_workbook(path, str(exc)) from None
    try:
        worksheet = workbook[name]
        worksheet.reset_dimensions()  # rows as wide as their own cells, not the sheet's box
        yield from _numbered(path, name, worksheet.iter_rows(values_only=True))
    finally:
        workbook.close()


# --------------------------------------------------------------------------- package guards

# A part that unpacks to more than this, at more than _BOMB_RATIO times its packed size, is
# not a spreadsheet's data but a "zip bomb" (e.g. one 300 MB shared string packed in 300 KB):
# calamine would hold all of it in memory before a single row is read.
MAX_PART_BYTES = 100 * 1024 * 1024
_BOMB_RATIO = 100
_ZIPPED_SUFFIXES = (*_OOXML_SUFFIXES, ".ods")


def _check_package(path: Path) -> None:
    """Refuse a zipped workbook whose parts unpack out of all proportion to the file."""
    if path.suffix.lower() not in _ZIPPED_SUFFIXES:
        return
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # not a zip: calamine's failure says so, with the renamed-text hint
    for info in infos:
        packed = max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES and info.file_size > _BOMB_RATIO * packed:
            raise DataFileError(
                f"the workbook's part {info.filename} unpacks to "
                f"{info.file_size / 1024 / 1024:.0f} MB from {packed / 1024:.0f} KB; this is "
                "not spreadsheet data, so it is not read", path=path)
    if path.suffix.lower() == ".ods":
        _check_ods_extent(path)  # calamine loads every sheet of an .ods when it opens it


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _ods_row_width(row: Any) -> int:
    """Columns up to the row's last cell with content (repeats counted)."""
    width = filled = 0
    for cell in row:
        span = int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1") or 1)
        width += span
        if len(cell) or cell.get(f"{_ODS_OFFICE}value-type"):
            filled = width
    return filled


def _ods_extents(path: Path) -> Iterator[tuple[str, int, int]]:
    """(name, last filled row, widest filled column) of every sheet, from a streaming parse."""
    from lxml import etree

    with zipfile.ZipFile(path) as package, package.open("content.xml") as stream:
        name, line, rows, cols = "", 0, 0, 0
        for event, element in etree.iterparse(stream, events=("start", "end"),
                                              resolve_entities=False, no_network=True,
                                              huge_tree=True):
            if element.tag == f"{_ODS_TABLE}table":
                if event == "start":
                    name, line, rows, cols = element.get(f"{_ODS_TABLE}name", ""), 0, 0, 0
                    continue
                element.clear()
                yield name, rows, cols
            elif event == "end" and element.tag == f"{_ODS_TABLE}table-row":
                line += int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1") or 1)
                width = _ods_row_width(element)
                if width:
                    rows, cols = line, max(cols, width)
                element.clear()  # memory stays flat however many rows


def _check_ods_extent(path: Path) -> None:
    """Refuse an .ods whose repeated rows or columns would make calamine's box too big."""
    try:
        name, rows, cols = max(_ods_extents(path), key=lambda e: e[1] * e[2],
                               default=("", 0, 0))
    except Exception as exc:  # zip, XML or number damage: the workbook is not readable
        raise _not_a_workbook(path, str(exc) or type(exc).__name__) from None
    if rows * cols > MAX_BOX_CELLS:
        raise DataFileError(
            f"the sheet {name!r} reaches row {rows} and column {_column_name(cols)} "
            f"({rows * cols} cells, counting repeated rows and columns); delete the rows or "
            "columns past your data", path=path)
