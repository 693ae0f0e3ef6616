"""Measurements that refuse a hostile workbook before a reader allocates for it.

calamine allocates a sheet's whole bounding box (and aborts the interpreter on a stray cell
at XFD1048576), holds every unpacked part in memory, copies a shared string into every cell
that refers to it, and reserves room for as many shared strings as the file declares. So
before calamine opens a workbook its package is measured: a part that unpacks out of all
proportion (a "zip bomb") and a declared count of shared strings the part cannot hold are
refused; the shared strings' size, and for an .ods every sheet (calamine loads them all at
once, repeated rows and columns counted), are what opening it costs. Then the sheet to read
is measured in its XML (``sheet_xml``): a huge sparse one is streamed with openpyxl instead,
and a formula without a saved result is refused naming its cell. What each step would cost
is charged to the check's memory budget first. .xls (BIFF, not zipped) cannot be measured
cheaply (its cells are in BIFF records all through the file) and goes to calamine unguarded.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from lxml import etree

from importer_gui.core.catalogue import OOXML_SUFFIXES
from importer_gui.core.cells import Shown, duration_text
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError
from importer_gui.core.file_kind import LOCKED_PART, PACKAGE_DAMAGE
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import calamine_copy, sheet_xml
from importer_gui.core.readers.budget import BOX_CELL, FILLED_CELL, sheet_cost, streamed_cost
from importer_gui.core.readers.calamine_copy import CalamineCopy
from importer_gui.core.readers.number_formats import EXACT, WHOLE_SHOWN, Layout, layout
from importer_gui.core.readers.sheet_xml import ErrorCells, Extent
from importer_gui.core.readers.table import first_bytes
from importer_gui.core.values import parse_duration

# Messages the window shows in the user's language (see core/errors.py).
NOT_A_WORKBOOK = QT_TRANSLATE_NOOP(
    "errors", "this is not a {suffix} workbook (it may be a text or CSV file renamed {suffix})")
WORKBOOK_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "the workbook cannot be read; it may be damaged or incomplete ({detail})")
SHEET_DAMAGED = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} cannot be read; the workbook may be damaged ({detail})")
NUMBER_NOT_A_NUMBER = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} cannot be read: this cell is marked as a number but holds "
              "\"{value}\"; the workbook is damaged: type the number again in a spreadsheet "
              "and save it")
BOOLEAN_NOT_A_BOOLEAN = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} cannot be read: this cell is marked as TRUE or FALSE but "
              "holds \"{value}\"; the workbook is damaged: type TRUE or FALSE again in a "
              "spreadsheet and save it")
FORMULA_ERROR = QT_TRANSLATE_NOOP(
    "errors", "Field {field}: the cell {cell} holds the formula error {value}; correct the "
              "formula in the workbook and save it again")
FORMULA_NOT_CALCULATED = QT_TRANSLATE_NOOP(
    "errors", "the cell holds a formula whose result was never calculated (the file was "
              "written by a program, not saved by a spreadsheet); open it in Excel or "
              "LibreOffice and save it again")
PART_UNPACKS = QT_TRANSLATE_NOOP(
    "errors", "the workbook's part {part} unpacks to {size} MB from {packed} KB; this is not "
              "spreadsheet data, so it is not read")
STRINGS_DECLARED = QT_TRANSLATE_NOOP(
    "errors", "the workbook declares {declared} shared strings but holds {count}; it is "
              "damaged, or made to exhaust memory")
REPEATS_TOO_FAR = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} reaches row {rows} and column {column} ({cells} cells, "
              "counting repeated rows and columns); delete the rows or columns past your data")
SPACES = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} holds {size} MB of spaces written as counts; this is not "
              "spreadsheet data, so it is not read")
TOO_LARGE = QT_TRANSLATE_NOOP("errors", "the workbook is too large to read ({detail})")
PAST_THE_LAST_CELL = QT_TRANSLATE_NOOP(
    "errors", "the cell {cell} lies past the last cell a sheet can have (XFD1048576); the "
              "workbook is damaged")
FAR_CELLS = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} has {count} cells far to the right (as far as column "
              "{column}); delete the stray cells or columns past your data")
NOT_IN_ORDER = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} reaches row {rows} and column {column}, too far to be loaded "
              "whole, and its rows are not in order, so it cannot be read row by row; delete "
              "the cells past your data, or open the file in a spreadsheet and save it again")

# calamine allocates the sheet's whole bounding box; above this many cells we do not let it.
MAX_BOX_CELLS = 10_000_000

# A part that unpacks to more than this, at more than _BOMB_RATIO times its packed size, is
# not a spreadsheet's data but a "zip bomb" (e.g. one 300 MB shared string in 300 KB):
# calamine would hold all of it in memory before a single row is read.
MAX_PART_BYTES = 100 * 1024 * 1024
_BOMB_RATIO = 100
_ODS_SUFFIX = ".ods"
_ZIPPED_SUFFIXES = (*OOXML_SUFFIXES, _ODS_SUFFIX)

# The fewest bytes of sheet XML a filled cell takes (<c><v>1</v></c>), and of a shared
# string (<si></si>): what bounds their number by a part's size.
_CELL_BYTES = 15
_STRING_BYTES = 9
# calamine reserves room for the declared count of shared strings (24 bytes each): a count
# past what the part holds is refused once that room passes this.
_DECLARED_SLACK = 1024 * 1024
# Shared strings the cells may copy, at most, below which the bound serves as the estimate:
# counting them exactly reads the sheet once more.
_SHARED_BOUND = 128 * 1024 * 1024


def not_a_workbook(path: Path, detail: str) -> DataFileError:
    """A workbook that cannot be opened, with a hint when it is really text."""
    try:
        start = first_bytes(path, 8)
    except DataFileError:
        start = b""
    zipped = start.startswith(b"PK\x03\x04")
    ole = start.startswith(b"\xd0\xcf\x11\xe0")
    if not zipped and not ole:
        return DataFileError(NOT_A_WORKBOOK.format(suffix=path.suffix), path=path)
    return DataFileError(WORKBOOK_DAMAGED.format(detail=detail), path=path)


# --------------------------------------------------------------------------- the package


@dataclass(frozen=True)
class SharedStrings:
    """A workbook's shared-strings part, measured."""

    part: str
    size: int  # bytes of XML
    count: int  # strings
    longest: int  # bytes of XML of the longest one: a bound on its text
    nul: bool = False  # a string holds a NUL character (sheet_xml.NUL_ESCAPE)


@dataclass(frozen=True)
class Package:
    """What opening a workbook costs before any sheet is read, and why."""

    cost: int = 0
    why: str = ""
    shared: SharedStrings | None = None
    # An .ods's cells holding a formula error, by sheet (calamine reads them as empty).
    ods_errors: dict[str, ErrorCells] = field(default_factory=dict, compare=False)
    # An .ods's cells calamine reads otherwise than the sheet shows them, by sheet, with the
    # text shown: whole numbers shown with leading zeros or text around them (calamine reads
    # 00042 and TC-0042 as 42; they hold the number, as a Shown), texts holding a tab or a
    # line break (which calamine drops, gluing the words around them), elapsed times past a
    # day, and cells hidden under a merged one.
    ods_shown: dict[str, ErrorCells] = field(default_factory=dict, compare=False)


def check_package(path: Path) -> Package:
    """Refuse a zipped workbook whose parts unpack out of all proportion to the file, or
    that declares what it does not hold; measure what opening it allocates."""
    suffix = path.suffix.lower()
    if suffix not in _ZIPPED_SUFFIXES:
        if suffix in (".xls",):  # calamine reads every sheet of it when it opens
            size = path.stat().st_size
            cells = size // _CELL_BYTES
            return Package(sheet_cost(cells, cells, size, cells))
        return Package()
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            _check_bombs(path, infos)
            if suffix == _ODS_SUFFIX:
                return _ods_package(path)  # calamine loads every sheet of an .ods at once
            shared = _shared_strings(path, package)
    except LOCKED_PART as exc:
        raise not_a_workbook(path, str(exc)) from None
    except PACKAGE_DAMAGE:
        return Package()  # not a zip: calamine's failure says so, with the renamed-text hint
    if shared is None:
        return Package()
    return Package(2 * shared.size, f"its shared strings take {shared.size // 2**20} MB",
                   shared)


def _check_bombs(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """A part that unpacks to far more than it packs is no spreadsheet's data."""
    for info in infos:
        packed = max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES and info.file_size > _BOMB_RATIO * packed:
            raise DataFileError(PART_UNPACKS.format(
                part=info.filename, size=f"{info.file_size / 1024 / 1024:.0f}",
                packed=f"{packed / 1024:.0f}"), path=path)


_UNIQUE_COUNT = re.compile(rb"""uniqueCount\s*=\s*["']\s*(\d+)""")
_STRING_START = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?si(?=[\s/>])")


def _shared_strings(path: Path, package: zipfile.ZipFile) -> SharedStrings | None:
    """The shared strings part calamine reads, measured: its size, count and longest."""
    part = _workbook_folder(package) + "sharedStrings.xml"
    if part not in package.NameToInfo:
        return None
    size = count = longest = run = 0
    declared: int | None = None
    nul = sheet_xml.NulSearch()
    for data in sheet_xml.chunks(package, part):
        size += len(data)
        nul.feed(data)
        if declared is None and (found := _UNIQUE_COUNT.search(data)):
            declared = int(found.group(1))
        first, *rest = _STRING_START.split(data)
        run += len(first)
        if rest:
            longest = max(longest, run, max(map(len, rest[:-1]), default=0))
            run = len(rest[-1])
            count += len(rest)
    longest = max(longest, run)
    if declared is not None and declared > count and declared * 24 > _DECLARED_SLACK:
        raise DataFileError(STRINGS_DECLARED.format(declared=declared, count=count), path=path)
    return SharedStrings(part, size, count, longest, nul.found)


def _workbook_folder(package: zipfile.ZipFile) -> str:
    """The folder of the workbook part ("xl/"), from the package's relationships."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    book = "xl/workbook.xml"
    try:
        for rel in etree.fromstring(package.read("_rels/.rels"), parser):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = rel.get("Target", book).lstrip("/")
    except (KeyError, etree.XMLSyntaxError):
        pass
    folder = str(PurePosixPath(book).parent)
    return "" if folder == "." else folder + "/"


def padded_styles(path: Path) -> dict[bytes, Layout]:
    """The cell styles (a cell's s number) of an .xlsx whose number format shows a whole
    number otherwise than its digits, and how it shows them: a code formatted 00000 holds
    42 and shows 00042, one formatted "TC-"0000 shows TC-0042 (``number_formats``). Most
    workbooks have none."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        with zipfile.ZipFile(path) as package:
            part = _workbook_folder(package) + "styles.xml"
            if part not in package.NameToInfo:
                return {}
            styles = etree.fromstring(package.read(part), parser)
    except etree.XMLSyntaxError:
        return {}  # calamine reads no format from it either
    except PACKAGE_DAMAGE as exc:  # calamine unpacks a part without checking its CRC
        raise not_a_workbook(path, str(exc)) from None
    layouts = {fmt.get("numFmtId"): found for fmt in styles.iter("{*}numFmt")
               if (found := layout(fmt.get("formatCode", ""))) is not None}
    cell_styles = styles.find("{*}cellXfs")
    if not layouts or cell_styles is None:
        return {}
    return {str(i).encode(): layouts[xf.get("numFmtId")]
            for i, xf in enumerate(cell_styles.iterfind("{*}xf"))
            if xf.get("numFmtId") in layouts}


# --------------------------------------------------------------------------- OpenDocument

_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_ODS_SPACE = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}s"
_ODS_SPACE_COUNT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}c"
_ODS_TAB = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}tab"
_ODS_BREAK = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}line-break"
_ODS_PARAGRAPHS = ("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",
                   "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h")
_ODS_NOTE = f"{_ODS_OFFICE}annotation"
_ODS_NUMBER = f"{_ODS_OFFICE}value"
_ODS_COVERED = f"{_ODS_TABLE}covered-table-cell"
_DAY = 86_400  # seconds: calamine reads a shorter elapsed time as a time of day
# LibreOffice marks a cell whose formula gives an error so (its text is the error's).
_ODS_VALUE_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"


@dataclass
class _OdsSheet:
    """One sheet of an .ods, repeated rows and columns counted."""

    name: str
    rows: int = 0  # the last filled row
    cols: int = 0  # the widest filled column
    filled: int = 0
    text: int = 0  # characters of the filled cells' text
    spaces: int = 0  # of which spaces written as a count (<text:s text:c="N"/>)
    errors: ErrorCells = field(default_factory=ErrorCells)
    shown: ErrorCells = field(default_factory=ErrorCells)  # see Package.ods_shown


def _ods_row(row: Any, sheet: _OdsSheet, line: int, repeat: int
             ) -> tuple[int, int, int, int]:
    """A row's width up to its last cell with content, its filled cells, their text and the
    spaces of it written as counts (repeated columns counted); its error cells go to the
    sheet's ``errors``, those calamine reads otherwise than shown to its ``shown`` (it ends
    at ``line``)."""
    width = filled = cells = text = spaces = 0
    for cell in row:
        span = int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1") or 1)
        width += span
        if cell.get(_ODS_VALUE_TYPE) == "error":
            sheet.errors.add(line - repeat + 1, width - span + 1,
                             "".join(cell.itertext()).strip(), last_row=line, last_col=width)
        # Most cells show their value as it is, or are text: one look, and no call, for them.
        if len(cell) == 1 and (number := cell.get(_ODS_NUMBER)) is not None and (
                cell[0].text != number) and (shown := _padded_number(cell, number)):
            sheet.shown.add(line - repeat + 1, width - span + 1, shown, last_row=line,
                            last_col=width)
        if cell.tag == _ODS_COVERED:
            if len(cell) or cell.get(f"{_ODS_OFFICE}value-type"):  # hidden, it shows nothing
                sheet.shown.add(line - repeat + 1, width - span + 1, "", last_row=line,
                                last_col=width)
        elif cell.get(f"{_ODS_OFFICE}value-type") == "time" and (long := _past_a_day(cell)):
            sheet.shown.add(line - repeat + 1, width - span + 1, long, last_row=line,
                            last_col=width)
        if len(cell) or cell.get(f"{_ODS_OFFICE}value-type"):
            filled = width
            cells += span
            each, dropped = _spaces(cell)
            if dropped and each <= MAX_PART_BYTES and (
                    cell.get(f"{_ODS_OFFICE}value-type") in (None, "string")):
                shown_text = _ods_text(cell)  # held until its row is read: a cost too
                sheet.shown.add(line - repeat + 1, width - span + 1, shown_text,
                                last_row=line, last_col=width)
                text += len(shown_text)
            counted = span * each
            text += span * sum(len(part) for part in cell.itertext()) + counted
            spaces += counted
    return filled, cells, text, spaces


def _past_a_day(cell: Any) -> str:
    """An elapsed time as the sheet shows it ("36:00:00") when it is past a day or below
    zero, which calamine reads as its ISO text ("PT36H00M00S"); "" for a time of day."""
    text = cell.get(f"{_ODS_OFFICE}time-value", "").strip()
    negative = text.startswith("-")
    seconds = parse_duration(text.lstrip("-"))
    if seconds is None or not (negative or seconds >= _DAY):
        return ""
    return duration_text(-seconds if negative else seconds)


def _padded_number(cell: Any, value: str) -> Shown | None:
    """What an .ods number cell (of ``value``) shows when it is its whole number's digits
    with zeros before them or text around them ("00042", "TC-0042", "7 h"), holding the
    number; None for any other cell (LibreOffice writes the text shown, calamine reads the
    value)."""
    if cell.get(f"{_ODS_OFFICE}value-type") != "float":
        return None
    shown = _ods_run(cell[0]) if len(cell[0]) else cell[0].text
    found = WHOLE_SHOWN.fullmatch(shown or "")
    try:
        number = float(value)
    except ValueError:
        return None
    if (found is None or not number.is_integer() or abs(number) >= EXACT
            or int(found.group(2)) != abs(number)):
        return None
    return Shown(shown, str(int(number)))


def _spaces(cell: Any) -> tuple[int, bool]:
    """The spaces a cell's <text:s text:c="N"/> stand for (the reader writes them out, so
    a few bytes may ask for gigabytes), and whether it holds a tab or a line break."""
    if len(cell) == 1 and not len(cell[0]):
        return 0, False  # one paragraph of plain text, as most cells are: nothing to walk
    spaces, dropped = 0, False
    for mark in cell.iter(_ODS_SPACE, _ODS_TAB, _ODS_BREAK):
        if mark.tag == _ODS_SPACE:
            spaces += max(int(mark.get(_ODS_SPACE_COUNT) or 1), 1)
        else:
            dropped = True
    return spaces, dropped


def _ods_text(cell: Any) -> str:
    """A text cell as the sheet shows it: its paragraphs one a line, with their tabs, line
    breaks and spaces written as counts; notes left out."""
    return "\n".join(_ods_run(part) for part in cell if part.tag in _ODS_PARAGRAPHS)


def _ods_run(element: Any) -> str:
    """An element's text, its children's within it (see _ods_text)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _ODS_SPACE:
            parts.append(" " * max(int(child.get(_ODS_SPACE_COUNT) or 1), 1))
        elif child.tag == _ODS_TAB:
            parts.append("\t")
        elif child.tag == _ODS_BREAK:
            parts.append("\n")
        elif child.tag != _ODS_NOTE:
            parts.append(_ods_run(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _ods_sheets(path: Path) -> Iterator[_OdsSheet]:
    """Every sheet's extent, from a streaming parse of content.xml."""
    with zipfile.ZipFile(path) as package, package.open("content.xml") as stream:
        sheet, line = _OdsSheet(""), 0
        for event, element in etree.iterparse(stream, events=("start", "end"),
                                              resolve_entities=False, no_network=True,
                                              huge_tree=True):
            if element.tag == f"{_ODS_TABLE}table":
                if event == "start":
                    sheet, line = _OdsSheet(element.get(f"{_ODS_TABLE}name", "")), 0
                    continue
                element.clear()
                yield sheet
            elif event == "end" and element.tag == f"{_ODS_TABLE}table-row":
                repeat = int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1") or 1)
                line += repeat
                width, cells, text, spaces = _ods_row(element, sheet, line, repeat)
                if width:
                    sheet.rows, sheet.cols = line, max(sheet.cols, width)
                    sheet.filled += repeat * cells
                    sheet.text += repeat * text
                    sheet.spaces += repeat * spaces
                element.clear()  # memory stays flat however many rows


def _ods_package(path: Path) -> Package:
    """Refuse an .ods whose repeated rows or columns would make calamine's box too big, and
    cost the whole of it: calamine loads every sheet when it opens the file."""
    try:
        sheets = list(_ods_sheets(path))
    except Exception as exc:  # zip, XML or number damage: the workbook is not readable
        raise not_a_workbook(path, str(exc) or type(exc).__name__) from None
    largest = max(sheets, key=lambda s: s.rows * s.cols, default=_OdsSheet(""))
    if largest.rows * largest.cols > MAX_BOX_CELLS:
        raise DataFileError(REPEATS_TOO_FAR.format(
            name=repr(largest.name), rows=largest.rows, column=column_name(largest.cols),
            cells=largest.rows * largest.cols), path=path)
    spaced = max(sheets, key=lambda s: s.spaces, default=_OdsSheet(""))
    if spaced.spaces > MAX_PART_BYTES:  # a few bytes each: the zip bomb of the ODS format
        raise DataFileError(SPACES.format(name=repr(spaced.name),
                                          size=f"{spaced.spaces / 1024 / 1024:.0f}"), path=path)
    box = sum(s.rows * s.cols for s in sheets)
    cost = (sheet_cost(box, sum(s.filled for s in sheets), sum(s.text for s in sheets),
                       max(s.rows for s in sheets))
            + BOX_CELL * largest.rows * largest.cols  # the sheet read is copied once
            + CELL_NOTE_COST * sum(s.shown.count for s in sheets))
    return Package(cost, f"its {len(sheets)} sheets are loaded together: {box} cells",
                   ods_errors={s.name: s.errors for s in sheets if s.errors},
                   ods_shown={s.name: s.shown for s in sheets if s.shown})


# --------------------------------------------------------------------------- the sheet


@dataclass(frozen=True)
class SheetMeasure:
    """A sheet measured: where its cells reach, what reading it costs, and why; and the
    copy of its workbook calamine loads it from, when one was made (calamine_copy)."""

    extent: Extent
    cost: int
    why: str
    copy: CalamineCopy | None = field(default=None, compare=False)

    @property
    def streamed(self) -> bool:
        """Whether calamine's box would be too big: the sheet is streamed instead."""
        return self.extent.box > MAX_BOX_CELLS


def measure_sheet(path: Path, name: str, package: Package, monitor: Monitor | None = None,
                  ) -> SheetMeasure:
    """Measure an .xlsx/.xlsm sheet in its XML; refuse what no reader should load. A large
    sheet calamine will load is copied as it is measured (``SheetMeasure.copy``).
    Cancelled between two chunks of XML when ``monitor`` says so."""
    try:
        with zipfile.ZipFile(path) as zipped:
            extent, size, shared, copy = _extent(zipped, name, package, monitor)
    except (*PACKAGE_DAMAGE, *LOCKED_PART) as exc:
        raise not_a_workbook(path, str(exc)) from None
    except zipfile.LargeZipFile as exc:
        raise DataFileError(TOO_LARGE.format(detail=exc), path=path) from None
    try:
        measured = _measured(path, name, extent, size, shared)
    except BaseException:
        if copy is not None:
            copy.close()
        raise
    if copy is not None and (measured.streamed or not copy.finish(size)):
        copy.close()
        copy = None
    return replace(measured, copy=copy)


def _extent(zipped: zipfile.ZipFile, name: str, package: Package, monitor: Monitor | None,
            ) -> tuple[Extent, int, int, CalamineCopy | None]:
    """The sheet's extent, its XML's size, the shared strings' bytes its cells copy, and
    the copy of the workbook being made (closed here if the measure fails)."""
    extent, size, shared = Extent(0, 0), 0, 0
    nul = package.shared is not None and package.shared.nul
    parts = _sheet_parts(zipped, name)
    strings = package.shared.size if package.shared is not None else 0
    copy = calamine_copy.started(zipped, parts[0], _worksheet_parts(zipped),
                                 strings) if len(parts) == 1 else None
    try:
        for part in parts:
            found, found_size = sheet_xml.measure(zipped, part, monitor=monitor,
                                                  copy=copy and copy.write)
            if found.box > MAX_BOX_CELLS:  # streamed: exact, and in order or not
                found, found_size = sheet_xml.measure(zipped, part, exact=True,
                                                      monitor=monitor)
            nul = nul or found.nul
            if found.box >= extent.box:
                extent, size = found, found_size
                shared = _shared_text(zipped, part, package.shared, found, found_size,
                                      monitor)
    except BaseException:
        if copy is not None:
            copy.close()
        raise
    return replace(extent, nul=nul), size, shared, copy  # NULs: the rows are looked at


def _measured(path: Path, name: str, extent: Extent, size: int, shared: int) -> SheetMeasure:
    """The sheet's measure from its extent and its XML's size; refused when no reader
    should load it."""
    if extent.beyond:
        raise DataFileError(PAST_THE_LAST_CELL.format(cell=extent.beyond), path=path)
    if extent.uncached:
        raise _uncached_error(path, extent.uncached)
    filled = min(extent.box, size // _CELL_BYTES)
    rows = min(extent.rows, filled)  # a row read has a filled cell
    text = size + shared + CELL_NOTE_COST * extent.errors.count
    why = (f"its cells repeat {shared // 2**20} MB of shared strings"
           if shared > size else f"{extent.box} cells")
    if extent.box <= MAX_BOX_CELLS:
        return SheetMeasure(extent, sheet_cost(extent.box, filled, text, rows), why)
    _check_streamable(path, name, extent)
    # Streamed, each far cell makes its row that wide for a moment.
    return SheetMeasure(extent, streamed_cost(filled, text, rows) + FILLED_CELL * extent.cols,
                        why)


def _shared_text(package: zipfile.ZipFile, part: str, shared: SharedStrings | None,
                 extent: Extent, size: int, monitor: Monitor | None = None) -> int:
    """Bytes of shared strings the sheet's cells copy: a bound, counted exactly when the
    bound is large (a long string referred to by many cells)."""
    if shared is None or shared.count == 0:
        return 0
    bound = min(extent.box, size // _CELL_BYTES) * shared.longest
    if bound <= max(size + shared.size, _SHARED_BOUND):
        return bound
    lengths = _string_lengths(package, shared.part)
    total = 0
    for data in sheet_xml.chunks(package, part, monitor):
        for index in map(int, _SHARED_REF.findall(data)):
            if index < len(lengths):
                total += lengths[index]
    return total


# Bytes one cell's note (an error, a text shown) takes until the sheet is read (a place and
# its text).
CELL_NOTE_COST = 200

# A cell of type s and the index of its string, however the XML is written.
_SHARED_REF = re.compile(rb"""\st\s*=\s*["']s["'][^>]*>\s*<(?:[A-Za-z_][\w.\-]*:)?v\s*>\s*(\d+)""")


def _string_lengths(package: zipfile.ZipFile, part: str) -> list[int]:
    """Each shared string's bytes of XML, by index: a bound on its text."""
    lengths: list[int] = []
    run = -1  # no string started yet
    for data in sheet_xml.chunks(package, part):
        first, *rest = _STRING_START.split(data)
        if run >= 0:
            run += len(first)
        if rest:
            if run >= 0:
                lengths.append(run)
            lengths.extend(map(len, rest[:-1]))
            run = len(rest[-1])
    if run >= 0:
        lengths.append(run)
    return lengths


def string_past_the_end(path: Path, name: str) -> tuple[str, str, int] | None:
    """The first cell of the sheet naming a shared string the workbook does not hold, that
    number and how many it holds (read when calamine refused the sheet: it says no more)."""
    try:
        with zipfile.ZipFile(path) as package:
            shared = _shared_strings(path, package)
            count = shared.count if shared is not None else 0
            for part in _sheet_parts(package, name):
                if found := sheet_xml.string_past_the_end(package, part, count):
                    return (*found, count)
    except (*PACKAGE_DAMAGE, DataFileError, *LOCKED_PART):
        pass  # the package's own damage: calamine's words say more than ours would
    return None


def refused_cell(path: Path, name: str) -> DataFileError | None:
    """The refusal naming the first cell of the sheet whose value calamine refuses for its
    type, a number or a boolean holding none (read when calamine refused the sheet: it
    says no more)."""
    try:
        with zipfile.ZipFile(path) as package:
            for part in _sheet_parts(package, name):
                if found := sheet_xml.refused_value(package, part):
                    kind, cell, value = found
                    return refused_value(path, name, kind, cell, value)
    except (*PACKAGE_DAMAGE, *LOCKED_PART):
        pass  # the package's own damage: calamine's words say more than ours would
    return None


def refused_value(path: Path, name: str, kind: bytes, cell: str, value: str,
                  ) -> DataFileError:
    """The refusal of a sheet whose cell of type ``kind`` (n or b) holds ``value``, which
    is no number or boolean."""
    template = BOOLEAN_NOT_A_BOOLEAN if kind == b"b" else NUMBER_NOT_A_NUMBER
    return DataFileError(template.format(name=repr(name), value=value), path=path, cell=cell)


# An .ods cell's value calamine reads as a number (Rust's f64 grammar: no white space, no
# underscores, unlike Python's float()), and the value types it reads so.
_RUST_FLOAT = re.compile(r"[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)",
                         re.IGNORECASE)
_ODS_NUMBER_TYPES = frozenset({"float", "percentage", "currency"})


def ods_number_not_a_number(path: Path) -> tuple[str, str, str] | None:
    """The first cell of an .ods marked as a number whose value is none: its sheet, its
    place and its value (read when calamine refused the file: it says no more)."""
    try:
        with zipfile.ZipFile(path) as package, package.open("content.xml") as stream:
            sheet, line = "", 0
            for event, element in etree.iterparse(stream, events=("start", "end"),
                                                  resolve_entities=False, no_network=True,
                                                  huge_tree=True):
                if element.tag == f"{_ODS_TABLE}table" and event == "start":
                    sheet, line = element.get(f"{_ODS_TABLE}name", ""), 0
                elif event == "end" and element.tag == f"{_ODS_TABLE}table-row":
                    line += 1
                    if column := _ods_not_a_number(element):
                        return sheet, f"{column_name(column[0])}{line}", column[1]
                    line += int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1") or 1) - 1
                    element.clear()
    except Exception:  # the package's own damage: calamine's words say more than ours would
        return None
    return None


def _ods_not_a_number(row: Any) -> tuple[int, str] | None:
    """The column (from 1) and value of the row's first number cell holding no number."""
    column = 0
    for cell in row:
        value = cell.get(_ODS_NUMBER)
        if (cell.get(f"{_ODS_OFFICE}value-type") in _ODS_NUMBER_TYPES and value is not None
                and not _RUST_FLOAT.fullmatch(value)):
            return column + 1, value
        column += int(cell.get(f"{_ODS_TABLE}number-columns-repeated", "1") or 1)
    return None


def _check_streamable(path: Path, name: str, extent: Extent) -> None:
    """Refuse a sheet a streaming reader cannot read: far cells that each cost a row that
    wide, or rows out of order (the streaming reader would drop the earlier rows)."""
    if extent.far_cells * extent.cols > MAX_BOX_CELLS:
        raise DataFileError(FAR_CELLS.format(name=repr(name), count=extent.far_cells,
                                             column=column_name(extent.cols)), path=path)
    if not extent.ordered:
        raise DataFileError(NOT_IN_ORDER.format(name=repr(name), rows=extent.rows,
                                                column=column_name(extent.cols)), path=path)


def _uncached_error(path: Path, cell: str) -> DataFileError:
    """A formula read as empty would lose its data silently: say so, and how to fix it."""
    return DataFileError(FORMULA_NOT_CALCULATED, path=path, cell=cell)


def sheet_parts(path: Path, name: str) -> list[str]:
    """The XML part(s) that may hold the named sheet of an .xlsx/.xlsm."""
    with zipfile.ZipFile(path) as package:
        return _sheet_parts(package, name)


def _sheet_parts(package: zipfile.ZipFile, name: str) -> list[str]:
    """The XML part(s) holding the named sheet: every worksheet part if the map is odd."""
    try:
        part = _sheet_part(package, name)
    except Exception:  # an unusual package layout: measure every sheet instead
        return _worksheet_parts(package)
    return [part] if part in package.NameToInfo else _worksheet_parts(package)


def _worksheet_parts(package: zipfile.ZipFile) -> list[str]:
    """Every worksheet's XML part in the package, whatever the workbook's map says."""
    return [n for n in package.namelist()
            if "/worksheets/" in n and n.endswith(".xml") and "/_rels/" not in n]


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


def column_name(number: int) -> str:
    """A 1-based column number as Excel letters."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
