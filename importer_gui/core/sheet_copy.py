"""An .xlsx copied with some cells of one sheet written again, every other byte as it was.

Loading and saving a workbook with openpyxl takes seconds per 100,000 rows, hears no Cancel
meanwhile, and writes every part again. Here each part of the package is copied as it is,
and only the sheet's XML is read, a chunk at a time, its corrected rows written again: the
other sheets, the styles, the shared strings and everything else stay byte for byte. A new
text is an inline string, so the shared strings part need not change.

A package written otherwise than as the spreadsheets and libraries write it (a sheet not
where the workbook's relationships say, a row or cell without its reference, a formula in
the sheet, a cell outside the sheet's dimension) raises ``UnusualSheetError``: the caller copies it
the slow way, which reads anything.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from importer_gui.core.progress import Monitor
from importer_gui.core.readers.guards import _sheet_part, _workbook_folder
from importer_gui.core.readers.sheet_xml import chunks, column_number

# Bytes of a part copied at a time, between two looks at Cancel.
COPY_CHUNK = 1 << 20
# A part this large is written with ZIP64 sizes (zipfile must know before it writes).
ZIP64_FROM = 1 << 30

CellKey = tuple[int, int]  # (line, column from 0)


class UnusualSheetError(Exception):
    """The workbook is written in a way this copy does not write again cell by cell."""


@dataclass(frozen=True)
class FoundCell:
    """A corrected cell as the sheet holds it."""

    kind: str  # its t attribute; "" for a number
    value: str | None  # the text of its <v>, None without one
    number_format: str  # its style's number format ("General" without one)


@dataclass(frozen=True)
class NewCell:
    """What a corrected cell holds in the copy: a number (``text`` its digits) or a text."""

    text: str
    number: bool = False


# The cell a correction makes of the cell the sheet holds there (None: no cell there yet).
Rewrite = Callable[[CellKey, FoundCell | None], NewCell]
# Bytes of the package copied so far, of the total.
Progress = Callable[[int, int], None]

_FORMULA = re.compile(rb"<f[\s>/]")
_CELL = re.compile(rb"<c(?=[\s/>])([^>]*?)(/?)>")
_REF = re.compile(rb' r="([A-Z]{1,3})([1-9]\d{0,6})"')
_STYLE = re.compile(rb' s="(\d+)"')
_TYPE = re.compile(rb' t="([^"]*)"')
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_SPANS = re.compile(rb' spans="(\d+):(\d+)"')
_DIMENSION = re.compile(rb'<dimension ref="([A-Z]{1,3})([1-9]\d*)(?::([A-Z]{1,3})([1-9]\d*))?"')
_BUILTIN_DATES = frozenset(range(14, 23)) | frozenset(range(45, 48))


def epoch_1904(source: Path) -> bool:
    """Whether the workbook counts its dates from 1904 (a Mac's), as openpyxl reads it."""
    with zipfile.ZipFile(source) as package:
        book = _workbook_folder(package) + "workbook.xml"
        try:
            root = etree.fromstring(package.read(book), _parser())
        except (KeyError, etree.XMLSyntaxError):
            raise UnusualSheetError(book) from None
    found = root.find("{*}workbookPr")
    return found is not None and found.get("date1904", "") in ("1", "true")


def copy_changing_cells(source: Path, target: Path, sheet: str, cells: list[CellKey],
                        rewrite: Rewrite, monitor: Monitor, progress: Progress) -> None:
    """Write ``source`` to ``target`` with the ``cells`` of ``sheet`` as ``rewrite`` makes
    them, every other part and byte as it was; UnusualSheetError when the sheet is written otherwise
    than usual (nothing is then worth keeping of ``target``). Cancelled between chunks."""
    with zipfile.ZipFile(source) as package:
        try:
            part = _sheet_part(package, sheet)
        except Exception:  # any odd map of parts: the slow way finds the sheet or says why
            raise UnusualSheetError(sheet) from None
        if part not in package.NameToInfo or not part.endswith(".xml"):
            raise UnusualSheetError(part)
        formats = _number_formats(package)
        infos = package.infolist()
        total, done = sum(info.file_size for info in infos), 0
        with zipfile.ZipFile(target, "w") as out:
            for info in infos:
                twin = _twin(info)
                with out.open(twin, "w", force_zip64=info.file_size >= ZIP64_FROM) as stream:
                    pieces = (_sheet(package, part, cells, rewrite, formats, monitor)
                              if info.filename == part else _part(package, info, monitor))
                    for piece, read in pieces:
                        stream.write(piece)
                        done += read
                        progress(done, total)


def _twin(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """A part's entry as the package has it: its name, time, compression and attributes."""
    twin = zipfile.ZipInfo(info.filename, info.date_time)
    twin.compress_type = info.compress_type
    twin.external_attr = info.external_attr
    twin.create_system = info.create_system
    twin.comment = info.comment
    return twin


def _part(package: zipfile.ZipFile, info: zipfile.ZipInfo,
          monitor: Monitor) -> Iterator[tuple[bytes, int]]:
    """A part's bytes as they are, a chunk at a time (each with its size)."""
    with package.open(info) as stream:
        while piece := stream.read(COPY_CHUNK):
            monitor.check_cancelled()
            yield piece, len(piece)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True)


def _number_formats(package: zipfile.ZipFile) -> list[str]:
    """Each cell style's number format (by the s number a cell names it with), as openpyxl
    reads it: a format of its own, else a built-in one."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    part = _workbook_folder(package) + "styles.xml"
    if part not in package.NameToInfo:
        return []
    try:
        styles = etree.fromstring(package.read(part), _parser())
    except etree.XMLSyntaxError:
        raise UnusualSheetError(part) from None
    own = {fmt.get("numFmtId"): fmt.get("formatCode", "") for fmt in styles.iter("{*}numFmt")}
    cell_styles = styles.find("{*}cellXfs")
    found = []
    for xf in [] if cell_styles is None else cell_styles.iterfind("{*}xf"):
        number = xf.get("numFmtId", "0")
        shown = own.get(number)
        if shown is None:
            shown = BUILTIN_FORMATS.get(int(number), "General") if number.isdigit() else ""
        found.append(shown)
    return found


def is_date_style(number_format: str) -> bool:
    """Whether a number in this format is a date (or a time), as openpyxl reads it."""
    from openpyxl.styles.numbers import is_date_format

    return is_date_format(number_format)


def _sheet(package: zipfile.ZipFile, part: str, cells: list[CellKey], rewrite: Rewrite,
           formats: list[str], monitor: Monitor) -> Iterator[tuple[bytes, int]]:
    """The sheet's XML with the corrected rows written again, a chunk at a time."""
    by_line: dict[int, list[int]] = {}
    for line, column in sorted(cells):
        by_line.setdefault(line, []).append(column)
    lines = iter(sorted(by_line))
    line: int | None = next(lines, None)
    carry = b""  # a corrected row begun, until its end comes
    first = True
    for data in chunks(package, part, monitor):
        if _FORMULA.search(data):
            raise UnusualSheetError(part)  # the slow way writes the read sheet's formulas as values
        if first:
            _within_dimension(data, cells)
            first = False
        data = carry + data
        size, carry, pieces = len(data) - len(carry), b"", []
        start = 0
        while line is not None:
            found = re.compile(rb'<row r="%d"[\s/>]' % line).search(data, start)
            if found is None:
                break
            end = _row_end(data, found.start())
            if end < 0:  # the row goes on in the next chunk
                pieces.append(data[start:found.start()])
                carry, start = data[found.start():], len(data)
                break
            pieces.append(data[start:found.start()])
            pieces.append(_row(data[found.start():end], line, by_line[line], rewrite, formats))
            start, line = end, next(lines, None)
        pieces.append(data[start:])
        yield b"".join(pieces), size
    if line is not None or carry:
        raise UnusualSheetError(part)  # a row not written as usual, or not there: no cell to change


def _row_end(data: bytes, start: int) -> int:
    """Where the row beginning at ``start`` ends; -1 when it is not all in ``data``."""
    head = data.index(b">", start)
    if data[head - 1:head] == b"/":
        return head + 1
    end = data.find(b"</row>", head)
    return end + len(b"</row>") if end >= 0 else -1


def _within_dimension(data: bytes, cells: list[CellKey]) -> None:
    """UnusualSheetError when a corrected cell lies outside the sheet's dimension (the copy
    would have to widen it); a sheet that states none has nothing to widen."""
    found = _DIMENSION.search(data)
    if found is None:
        return
    first_col, first_row = column_number(found[1]), int(found[2])
    last_col = column_number(found[3]) if found[3] else first_col
    last_row = int(found[4]) if found[4] else first_row
    for line, column in cells:
        if not (first_row <= line <= last_row and first_col <= column + 1 <= last_col):
            raise UnusualSheetError("dimension")


def _row(row: bytes, line: int, columns: list[int], rewrite: Rewrite,
         formats: list[str]) -> bytes:
    """One row's XML with its corrected cells written again (added where it had none)."""
    head_end = row.index(b">") + 1
    head = row[:head_end]
    closed = head.endswith(b"/>")
    body = b"" if closed else row[head_end:-len(b"</row>")]
    if closed:
        head = head[:-2].rstrip() + b">"
    pieces: list[bytes] = []
    wanted = iter(columns)
    column = next(wanted, None)
    start = 0
    for cell in _cells(body, line):
        begin, end, place, attributes = cell
        while column is not None and column < place:  # a cell the row does not have yet
            pieces += [body[start:begin], _written(line, column, b"", rewrite(
                (line, column), None))]
            start, column = begin, next(wanted, None)
        if column == place:
            found = _found(attributes, body[begin:end], formats)
            style = _STYLE.search(attributes)
            pieces += [body[start:begin], _written(line, column, style[1] if style else b"",
                                                   rewrite((line, column), found))]
            start, column = end, next(wanted, None)
    pieces.append(body[start:])
    while column is not None:
        pieces.append(_written(line, column, b"", rewrite((line, column), None)))
        column = next(wanted, None)
    head = _spanning(head, max(columns) + 1, min(columns) + 1)
    return head + b"".join(pieces) + b"</row>"


def _spanning(head: bytes, last: int, first: int) -> bytes:
    """A row's tag whose spans (a hint of its first and last columns) take in the columns
    ``first`` to ``last`` (from 1); unchanged when it states none."""
    found = _SPANS.search(head)
    if found is None:
        return head
    low, high = min(int(found[1]), first), max(int(found[2]), last)
    if (low, high) == (int(found[1]), int(found[2])):
        return head
    return head[:found.start()] + b' spans="%d:%d"' % (low, high) + head[found.end():]


def _cells(body: bytes, line: int) -> Iterator[tuple[int, int, int, bytes]]:
    """Each cell of a row's XML: where it begins and ends, its column (from 0) and its
    attributes; UnusualSheetError for a cell without its reference, or of another row."""
    start = 0
    while found := _CELL.search(body, start):
        attributes = found[1]
        ref = _REF.match(attributes)
        if ref is None or int(ref[2]) != line:
            raise UnusualSheetError(f"row {line}")
        end = found.end() if found[2] else body.find(b"</c>", found.end()) + len(b"</c>")
        if end < found.end():
            raise UnusualSheetError(f"row {line}")
        yield found.start(), end, column_number(ref[1]) - 1, attributes
        start = end


def _found(attributes: bytes, cell: bytes, formats: list[str]) -> FoundCell:
    """A cell as the sheet holds it: its type, value and number format."""
    kind = _TYPE.search(attributes)
    value = _VALUE.search(cell)
    style = _STYLE.search(attributes)
    number = int(style[1]) if style else 0
    shown = formats[number] if number < len(formats) else "General"
    return FoundCell(kind[1].decode("ascii", "replace") if kind else "",
                     value[1].decode("utf-8", "replace") if value else None, shown)


def _written(line: int, column: int, style: bytes, new: NewCell) -> bytes:
    """A corrected cell's XML: its place, its style kept, and what it now holds."""
    ref = b"%s%d" % (_letters(column + 1), line)
    styled = b' s="%s"' % style if style and style != b"0" else b""
    if new.number:
        return b'<c r="%s"%s><v>%s</v></c>' % (ref, styled, new.text.encode("ascii"))
    if not new.text:
        return b'<c r="%s"%s/>' % (ref, styled)
    space = b' xml:space="preserve"' if new.text != new.text.strip() else b""
    return b'<c r="%s"%s t="inlineStr"><is><t%s>%s</t></is></c>' % (
        ref, styled, space, _escaped(new.text))


def _escaped(text: str) -> bytes:
    """A text as XML character data (a carriage return kept as one, not read as a newline)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;").encode("utf-8", "surrogatepass"))


def _letters(number: int) -> bytes:
    """A 1-based column number as Excel letters."""
    letters = b""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = bytes([65 + rest]) + letters
    return letters
