"""Measurements that refuse a hostile workbook before a reader allocates for it.

calamine allocates a sheet's whole bounding box (and aborts the interpreter on a stray cell
at XFD1048576), and holds every unpacked part in memory. So an .xlsx/.xlsm sheet is measured
in its XML first: a huge sparse one is streamed with openpyxl instead, and a formula without
a saved result is refused naming its cell. An .ods is measured too (its content.xml, repeated
rows and columns counted) and refused when too large, since calamine loads every sheet of it
at once. A zipped part that unpacks out of all proportion (a "zip bomb") is refused before
calamine sees it. .xls (BIFF, not zipped) cannot be measured cheaply (its cells are in BIFF
records all through the file) and goes to calamine unguarded.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from importer_gui.core.catalogue import OOXML_SUFFIXES
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers.table import SCAN_CHUNK, first_bytes

# calamine allocates the sheet's whole bounding box; above this many cells we do not let it.
MAX_BOX_CELLS = 10_000_000

# A part that unpacks to more than this, at more than _BOMB_RATIO times its packed size, is
# not a spreadsheet's data but a "zip bomb" (e.g. one 300 MB shared string packed in 300 KB):
# calamine would hold all of it in memory before a single row is read.
MAX_PART_BYTES = 100 * 1024 * 1024
_BOMB_RATIO = 100
_ODS_SUFFIX = ".ods"
_ZIPPED_SUFFIXES = (*OOXML_SUFFIXES, _ODS_SUFFIX)


def not_a_workbook(path: Path, detail: str) -> DataFileError:
    """A workbook that cannot be opened, with a hint when it is really text."""
    try:
        start = first_bytes(path, 8)
    except DataFileError:
        start = b""
    zipped = start.startswith(b"PK\x03\x04")
    ole = start.startswith(b"\xd0\xcf\x11\xe0")
    if not zipped and not ole:
        return DataFileError(f"this is not a {path.suffix} workbook (it may be a text or "
                             f"CSV file renamed {path.suffix})", path=path)
    return DataFileError(f"the workbook cannot be read; it may be damaged or incomplete "
                         f"({detail})", path=path)


# --------------------------------------------------------------------------- package guards


def check_package(path: Path) -> None:
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
    if path.suffix.lower() == _ODS_SUFFIX:
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
        raise not_a_workbook(path, str(exc) or type(exc).__name__) from None
    if rows * cols > MAX_BOX_CELLS:
        raise DataFileError(
            f"the sheet {name!r} reaches row {rows} and column {_column_name(cols)} "
            f"({rows * cols} cells, counting repeated rows and columns); delete the rows or "
            "columns past your data", path=path)


# --------------------------------------------------------------------------- sheet extent


@dataclass(frozen=True)
class Extent:
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


def sheet_extent(path: Path, name: str) -> Extent:
    """How far the sheet's cells reach, from a streaming scan of its XML part."""
    try:
        with zipfile.ZipFile(path) as package:
            extent = Extent(0, 0, 0)
            for part in _sheet_parts(package, name):
                found = _rough_extent(package, part)
                if found.uncached:
                    raise _uncached_error(path, found.uncached)
                if found.box > MAX_BOX_CELLS:
                    found = _exact_extent(package, part)  # the rough bound may be pessimistic
                extent = max(extent, found, key=lambda e: e.box)
            return extent
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, ValueError) as exc:
        raise not_a_workbook(path, str(exc)) from None
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
        while chunk := stream.read(SCAN_CHUNK):
            data = tail + chunk
            cut = data.rfind(b"<")
            if cut <= 0:
                tail = data
                continue
            yield data[:cut]
            tail = data[cut:]
    yield tail


def _rough_extent(package: zipfile.ZipFile, part: str) -> Extent:
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
    return Extent(max_row, max_col, far, uncached)


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


def _exact_extent(package: zipfile.ZipFile, part: str) -> Extent:
    """The filled cells' true last row and column (one regex match per cell)."""
    max_row = max_col = far = 0
    for data in _chunks(package, part):
        for letters, row, closed in _CELL_REF.findall(data):
            if not closed:
                max_row = max(max_row, int(row))
                max_col = max(max_col, _column_number(letters))
                far += len(letters) == 3
    return Extent(max_row, max_col, far)


def _last_filled_row(data: bytes) -> int:
    """The row of the last cell with content (<c ...>...</c>) in the data."""
    end = data.rfind(b"</c>")
    if end < 0:
        return 0
    start = data.rfind(b"<c ", 0, end)
    found = _LAST_CELL_REF.match(data, start) if start >= 0 else None
    return int(found.group(1)) if found else 0


def check_far_cells(path: Path, name: str, extent: Extent) -> None:
    """Refuse a sheet that even streamed would cost a row that wide for each far cell."""
    if extent.far_cells * extent.cols > MAX_BOX_CELLS:
        raise DataFileError(f"the sheet {name!r} has {extent.far_cells} cells far to the "
                            f"right (as far as column {_column_name(extent.cols)}); delete "
                            "the stray cells or columns past your data", path=path)


def _column_name(number: int) -> str:
    """A 1-based column number as Excel letters."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

