"""Workbooks (.xlsx, .xlsm, .xls, .ods): their sheets, and a sheet's rows of cells.

Cells: text as-is; numbers as people wrote them (42.0 -> "42", 0.1 + 0.2 -> "0.3"), and a
whole number whose format shows leading zeros or text around it as shown (a code formatted
00000: "00042", "TC-"0000: "TC-0042", as the spreadsheet's own CSV export writes it; an
.xls's are not looked for), a ``Shown`` that fields of numbers read as its number; booleans
"TRUE"/"FALSE", as the sheet shows them; dates and datetimes stay date objects; times
"HH:MM:SS"; durations "[h]:mm:ss". A sheet is loaded by calamine once the guards have
measured it (and its cost is charged to the check's budget); a huge sparse one is streamed
with openpyxl instead. The sheet read by default is the first visible one (a hidden first
sheet usually holds lists).

A date cell that holds no date is an ``Unreadable`` cell, an error for the field it feeds:
NaN (calamine reads it as 30/12/1899), Excel's 29/02/1900 (serial 60, which calamine
reads as 28/02/1900, like serial 59: the sheet's XML says which one it was; an .xls cannot),
and a serial below zero (which calamine reads as a time of day, like a serial from 0 to 1:
the XML says which, when the sheet's XML holds a negative number at all; an .xls cannot).
A line calamine panics on (a date far out of any calendar) is a line of Unreadable cells,
and the lines after it are read. So is a text cell of an .xlsx whose shared string number is
no number (calamine reads string 0); one past the last string makes calamine refuse the
sheet, and the refusal names the cell.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from functools import partial
from itertools import chain, compress, count, islice, repeat, tee
from operator import ne
from pathlib import Path
from typing import Any

import python_calamine as calamine

from importer_gui.core.catalogue import OOXML_SUFFIXES
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.cells import Cell, Garbled, Unreadable, duration_text
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import native, sheet_named, sheet_xml
from importer_gui.core.readers.budget import MemoryBudget, give_memory_back
from importer_gui.core.readers.calamine_copy import CalamineCopy
from importer_gui.core.readers.garbled import garbled_rows, may_hold_garbled
from importer_gui.core.readers.guards import (
    CELL_NOTE_COST,
    FORMULA_ERROR,
    LOCKED_PART,
    NUMBER_NOT_A_NUMBER,
    PACKAGE_DAMAGE,
    SHEET_DAMAGED,
    Package,
    SheetMeasure,
    check_package,
    column_name,
    measure_sheet,
    not_a_workbook,
    ods_number_not_a_number,
    padded_styles,
    refused_cell,
    sheet_parts,
    string_past_the_end,
)
from importer_gui.core.readers.sheet_xml import ErrorCells
from importer_gui.core.readers.table import (
    NumberedRow,
    Row,
    RowSource,
    check_file,
    is_blank,
    row_maker,
)

log = logging.getLogger(__name__)

# What loading a sheet gives: its rows' source and how many rows it has, roughly.
Loader = Callable[[], tuple[RowSource, int | None]]

# Rows taken from calamine between two looks at a panic (each look holds stderr back).
ROWS_AT_A_TIME = 4096

# Messages the window shows in the user's language (see core/errors.py).
SHEET_PART_MISSING = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} cannot be read: the workbook lists it, but the part holding "
              "its cells is missing; the workbook is damaged or incomplete")
PASSWORD_PROTECTED = QT_TRANSLATE_NOOP("errors", "the workbook is protected by a password")
NO_WORKSHEET = QT_TRANSLATE_NOOP("errors", "the workbook has no worksheet")
NO_SUCH_SHEET = QT_TRANSLATE_NOOP(
    "errors", "the workbook has no sheet {name}; its sheets are {names}")
SHEET_EMPTY = QT_TRANSLATE_NOOP("errors", "the sheet {name} is empty")
STRING_PAST_THE_END = QT_TRANSLATE_NOOP(
    "errors", "the sheet {name} cannot be read: this cell gives the number {number} of a shared "
              "text, and the workbook holds {count} (numbered from 0); the workbook is damaged: "
              "type the cell's text again in a spreadsheet and save it")


def sheet_names(path: Path) -> list[str]:
    """The workbook's worksheets in workbook order (hidden ones included)."""
    return _listed(path)[0]


def hidden_sheets(path: Path) -> list[str]:
    """The workbook's hidden worksheets, in workbook order."""
    names, visible = _listed(path)
    return [name for name in names if name not in visible]


def visible_sheets(path: Path) -> list[str]:
    """The workbook's visible worksheets, in workbook order, from one opening."""
    return _listed(path)[1]


def first_visible_sheet(path: Path) -> str | None:
    """The sheet read when the configuration names none."""
    return read_by_default(*_listed(path))


def sheets_and_visible(path: Path) -> tuple[list[str], list[str]]:
    """The workbook's worksheets in workbook order (hidden ones included) and its visible
    ones, from one opening (each reads all its shared strings, seconds for a large one)."""
    check_file(path)
    return _listed(path)


def _listed(path: Path) -> tuple[list[str], list[str]]:
    """Every worksheet and the visible ones, in workbook order, from one opening: what each
    look-up of a workbook's sheets reads."""
    visible = calamine.SheetVisibleEnum.Visible
    with _calamine_workbook(path) as workbook:
        sheets = _worksheets(workbook)
        return ([meta.name for meta in sheets],
                [meta.name for meta in sheets if meta.visible == visible])


def sheet_read(path: Path, wanted: str | None) -> str:
    """The name of the sheet a check reads for ``wanted`` (None: the one read by default),
    as the workbook spells it (DataFileError when it has none such)."""
    names, visible = _listed(path)
    return _pick_sheet(path, names, wanted or read_by_default(names, visible))


def read_by_default(names: Sequence[str], visible: Sequence[str]) -> str | None:
    """The sheet read when the configuration names none, of a workbook's worksheets
    ``names`` and its ``visible`` ones: the first visible one, else the first one."""
    return next(iter(visible), None) or next(iter(names), None)


def prepare_workbook(path: Path, wanted: str | None, budget: MemoryBudget,
                     monitor: Monitor | None = None) -> tuple[Loader, str]:
    """Measure the workbook and the sheet to read, charge what they cost, choose how to
    read it; the sheet itself is loaded by the loader returned, with the sheet's name.
    The sheet's measuring stops (Cancelled) when ``monitor`` says so."""
    package = check_package(path)
    _charge_opening(path, package, budget)
    workbook = _calamine_workbook(path, package_checked=True)
    measure: SheetMeasure | None = None
    try:
        name = _pick_sheet(path, [meta.name for meta in _worksheets(workbook)],
                           wanted or _first_visible(workbook))
        shown = package.ods_shown.get(name, ErrorCells())
        if path.suffix.lower() in OOXML_SUFFIXES:
            measure = measure_sheet(path, name, package, monitor)
            budget.charge(path, measure.cost, measure.why)
            shown = _padded(path, name)
            if shown:
                budget.charge(path, CELL_NOTE_COST * shown.count,
                              f"{shown.count} of its numbers are shown with leading zeros or text")
    except BaseException:
        workbook.close()
        if measure is not None and measure.copy is not None:
            measure.copy.close()
        raise
    errors = measure.extent.errors if measure else package.ods_errors.get(name, ErrorCells())
    odd = measure.extent.odd_strings if measure else ErrorCells()
    # Rows are looked at for NULs when the XML writes one; an .xls or .xlsb may hold them
    # anywhere (a binary file), an .ods nowhere (XML cannot).
    nul = measure.extent.nul if measure is not None else path.suffix.lower() != ".ods"
    if measure is not None and measure.streamed:  # (a streamed sheet is never copied)
        workbook.close()
        rows = measure.extent.rows

        def stream() -> tuple[RowSource, int | None]:
            return _sparse_source(path, name, errors, nul, odd, shown), rows

        return stream, name

    def read(book: Any) -> tuple[RowSource, int | None]:
        return _loaded_sheet(path, book, name, errors, nul, odd, shown)

    copy = measure.copy if measure is not None else None
    if copy is None:
        return partial(read, workbook), name
    return _from_copy(path, copy, workbook, read), name


def _from_copy(path: Path, copy: CalamineCopy, workbook: Any,
               read: Callable[[Any], tuple[RowSource, int | None]]) -> Loader:
    """The loader of a sheet from its workbook's copy (``read`` loads it from calamine's
    workbook given), the workbook's own closed; from the workbook itself when the copy
    cannot be opened, or calamine refuses the sheet there (whatever the workbook says of
    it is then what is said)."""
    try:
        copied = _calamine_workbook(Path(copy.path), package_checked=True)
    except DataFileError as exc:
        log.info("the sheet is loaded from its workbook: its copy did not open: %s", exc)
        copy.close()
        return partial(read, workbook)
    workbook.close()

    def load() -> tuple[RowSource, int | None]:
        try:
            return read(copied)
        except DataFileError as exc:
            log.info("the sheet is loaded from its workbook: its copy was refused: %s", exc)
            copy.close()
            return read(_calamine_workbook(path, package_checked=True))
        finally:
            copy.close()

    return load


def first_line(path: Path, wanted: str | None, budget: MemoryBudget) -> list[str] | None:
    """An .xlsx/.xlsm sheet's line 1 as trimmed texts, its XML read only as far as that line
    ends: the sheet is neither measured nor loaded. The package is checked and charged as
    for a whole read (parts that unpack out of all proportion, shared strings declared and
    not held); None when line 1 is not plain texts (``sheet_xml.first_line``), or the
    package not as usual: a whole read then says what it makes of it."""
    package = check_package(path)
    _charge_opening(path, package, budget)
    with _calamine_workbook(path, package_checked=True) as workbook:
        name = _pick_sheet(path, [meta.name for meta in _worksheets(workbook)],
                           wanted or _first_visible(workbook))
    strings = package.shared.part if package.shared is not None else None
    try:
        parts = sheet_parts(path, name)
        with zipfile.ZipFile(path) as zipped:
            texts = sheet_xml.first_line(zipped, parts[0], strings) if len(parts) == 1 else None
    except (*PACKAGE_DAMAGE, *LOCKED_PART):
        return None
    return None if texts is None else [text.strip() for text in texts]


def _padded(path: Path, name: str) -> ErrorCells:
    """An .xlsx sheet's whole numbers shown with leading zeros or text around them, with
    the text shown (read only when the workbook has a number format that shows them: most
    have none)."""
    found = ErrorCells()
    layouts = padded_styles(path)
    if layouts:
        with zipfile.ZipFile(path) as package:
            for part in sheet_parts(path, name):
                found = sheet_xml.padded_numbers(package, part, layouts) or found
    return found


def _calamine_workbook(path: Path, *, package_checked: bool = False) -> Any:
    """Open the workbook with calamine; any failure, a panic too, is a DataFileError."""
    if not package_checked:
        check_package(path)
    try:
        with native.quiet():
            return _opened(path)
    except calamine.PasswordError:
        raise DataFileError(PASSWORD_PROTECTED, path=path) from None
    except Exception as exc:  # calamine's own types, zip and XML errors, OSError
        raise _unopened(path, str(exc) or type(exc).__name__) from None
    except BaseException as exc:
        if not native.is_panic(exc):
            raise
        raise _unopened(path, str(exc) or "the reader failed") from None


def _unopened(path: Path, detail: str) -> DataFileError:
    """The workbook calamine refused to open; the cell to blame when an .ods (whose cells
    calamine reads as it opens it) holds no number where it says it does."""
    bad = ods_number_not_a_number(path) if path.suffix.lower() == ".ods" else None
    if bad is not None:
        sheet, cell, value = bad
        return DataFileError(NUMBER_NOT_A_NUMBER.format(name=repr(sheet), value=value),
                             path=path, cell=cell)
    return not_a_workbook(path, detail)


def _named_in_bytes(path: Path) -> bool:
    """True when the path's name is no UTF-8 (a Latin-1 disk's, which Python holds as lone
    surrogates): calamine takes a path as UTF-8 text only, and would look for another file."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _opened(path: Path) -> Any:
    """calamine's workbook of the file: by its path, or by the file opened here when its
    name cannot be given to calamine (which then holds the whole file in memory)."""
    if not _named_in_bytes(path):
        return calamine.CalamineWorkbook.from_path(str(path))
    with open(path, "rb") as file:
        return calamine.CalamineWorkbook.from_filelike(file)


def _charge_opening(path: Path, package: Package, budget: MemoryBudget) -> None:
    """Charge what opening the workbook costs: its package, and the file itself when
    calamine is given the file rather than its name."""
    budget.charge(path, package.cost, package.why)
    if _named_in_bytes(path):
        budget.charge(path, path.stat().st_size,
                      "the whole file, held in memory since its name is no UTF-8")


def _worksheets(workbook: Any) -> list[Any]:
    """The metadata of the workbook's worksheets (chart sheets hold no cells)."""
    kind = calamine.SheetTypeEnum.WorkSheet
    return [meta for meta in workbook.sheets_metadata if meta.typ == kind]


def _first_visible(workbook: Any) -> str | None:
    """The first sheet a user sees: a hidden first sheet (lists, lookups) is not the data."""
    visible = calamine.SheetVisibleEnum.Visible
    return next((meta.name for meta in _worksheets(workbook) if meta.visible == visible), None)


def _pick_sheet(path: Path, names: list[str], wanted: str | None) -> str:
    """The sheet to read: the named one (case-insensitively, like Excel) or the first."""
    if not names:
        raise DataFileError(NO_WORKSHEET, path=path)
    if wanted is None:
        return names[0]
    found = sheet_named(names, wanted)
    if found is not None:
        return found
    listed = ", ".join(repr(name) for name in names)
    raise DataFileError(NO_SUCH_SHEET.format(name=repr(wanted), names=listed), path=path)


def _loaded_sheet(path: Path, workbook: Any, name: str, errors: ErrorCells, nul: bool,
                  odd: ErrorCells, shown: ErrorCells) -> tuple[RowSource, int | None]:
    """Let calamine load the sheet; its rows' source, and their number."""
    sheet = _load_sheet(path, workbook, name)  # closes the workbook: the sheet is loaded
    start = sheet.start
    if start is None:
        raise DataFileError(SHEET_EMPTY.format(name=repr(name)), path=path)
    pad = ("",) * start[1]  # iter_rows drops the empty columns left of the data
    suffix = path.suffix.lower()
    serials = (_Serials(path, name, suffix in OOXML_SUFFIXES) if suffix != ".ods"
               else None)  # OpenDocument dates are ISO text: no serial to doubt
    width = sheet.width

    def source(shared: bool) -> Iterator[NumberedRow]:
        return _numbered(path, name, _calamine_rows(sheet, width), shared, pad, serials,
                         errors, nul, odd, shown, blank=[""] * width)

    return source, sheet.end[0] + 1


def _load_sheet(path: Path, workbook: Any, name: str) -> Any:
    """Let calamine load the sheet's cells; its failures become DataFileErrors."""
    try:
        with native.quiet():
            return workbook.get_sheet_by_name(name)
    except Exception as exc:  # calamine's own types for XML and zip damage
        raise _damaged(path, name, exc) from None
    except BaseException as exc:
        if not native.is_panic(exc):
            raise
        raise _damaged(path, name, exc) from None
    finally:
        workbook.close()


def _damaged(path: Path, name: str, exc: BaseException) -> DataFileError:
    """The sheet calamine refused; the cell to blame when it names a missing shared string
    or holds no number or boolean where it says it does."""
    if isinstance(exc, calamine.WorksheetNotFound):  # its detail is only the sheet's name
        return DataFileError(SHEET_PART_MISSING.format(name=repr(name)), path=path)
    ooxml = path.suffix.lower() in OOXML_SUFFIXES
    past = string_past_the_end(path, name) if ooxml else None
    if past is not None:
        cell, number, count = past
        return DataFileError(STRING_PAST_THE_END.format(name=repr(name), number=number,
                                                        count=count), path=path, cell=cell)
    refused = refused_cell(path, name) if ooxml else None
    if refused is not None:
        return refused
    return DataFileError(SHEET_DAMAGED.format(name=repr(name), detail=exc), path=path)


def _calamine_rows(sheet: Any, width: int) -> Iterator[list[Any]]:
    """The sheet's rows from calamine; a row it panics on comes as a row of Unreadable
    cells (calamine's iterator has moved past it, so the next rows follow). Batches are
    flattened in C: a million empty rows take no Python step each."""
    return chain.from_iterable(_calamine_batches(sheet, width))


def _calamine_batches(sheet: Any, width: int) -> Iterator[list[list[Any]]]:
    """The sheet's rows from calamine, ROWS_AT_A_TIME at a time (see _calamine_rows)."""
    rows = sheet.iter_rows()
    while True:
        batch: list[list[Any]] = []
        with native.quiet() as window:
            while len(batch) < ROWS_AT_A_TIME:
                wanted = ROWS_AT_A_TIME - len(batch)
                try:
                    batch.extend(islice(rows, wanted))  # what came before a panic is kept
                    break
                except BaseException as exc:
                    if not native.is_panic(exc):
                        if isinstance(exc, MemoryError):
                            give_memory_back()  # before leaving the with (budget.RESERVE)
                        raise
                    window.panicked()
                    batch.append([_lost_line(exc)] * max(width, 1))
        yield batch
        if len(batch) < ROWS_AT_A_TIME:
            return


def _lost_line(exc: BaseException) -> Unreadable:
    """A line calamine could not convert."""
    return Unreadable("#VALUE!", msg.LINE_UNREADABLE.format(detail=str(exc) or "a panic"),
                      whole_row=True)


class _Serials:
    """Looks again at the date cells whose serial calamine's conversion hides: Excel's
    29/02/1900, read as 28/02/1900 like serial 59, and a serial below zero, read as a time
    of day like a serial from 0 to 1."""

    def __init__(self, path: Path, sheet: str, has_xml: bool) -> None:
        self.path, self.sheet, self.has_xml = path, sheet, has_xml
        self._negative: dict[tuple[int, int], bytes] | None = None

    def negative(self) -> dict[tuple[int, int], bytes]:
        """The sheet's cells holding a negative number, and their text (looked for once,
        when a time of day is first read; most sheets hold none, an .xls cannot tell)."""
        if self._negative is None:
            self._negative = {}
            if self.has_xml:
                with zipfile.ZipFile(self.path) as package:
                    for part in sheet_parts(self.path, self.sheet):
                        self._negative.update(sheet_xml.negative_values(package, part))
        return self._negative

    def resolve(self, line: int, cells: Row, pad: int) -> Row:
        """The row with each 28/02/1900 date cell replaced when it was serial 60, and each
        time of day (left as calamine gives it) as text, or Unreadable when its serial was
        below zero."""
        places = {(line, pad + i + 1) for i, cell in enumerate(cells)
                  if isinstance(cell, date) and _ON_LEAP_DAY_EVE(cell)}
        raw = self._serials(places) if places and self.has_xml else {}
        fixed = list(cells)
        for _, column in places:
            i = column - pad - 1
            serial = raw.get((line, column))
            if serial is None:
                fixed[i] = Unreadable("28/02/1900", msg.LEAP_DAY_1900_UNSURE)
            elif 60 <= serial < 61:
                fixed[i] = Unreadable("29/02/1900", msg.LEAP_DAY_1900)
        for i, cell in enumerate(cells):
            if type(cell) is time:
                fixed[i] = self._time(line, pad + i + 1, cell)
        return tuple(fixed)

    def _time(self, line: int, column: int, value: time) -> Cell:
        """A time of day as text, or Unreadable when the XML holds a negative serial."""
        text = self.negative().get((line, column))
        if text is None:
            return _cell(value)
        reason = msg.NEGATIVE_DATE.replace("{cell}", f"{column_name(column)}{line}")
        return Unreadable(text.decode("ascii", "replace"), reason)

    def _serials(self, places: set[tuple[int, int]]) -> dict[tuple[int, int], float]:
        """The serials those cells hold in the sheet's XML (rare: read when needed)."""
        found: dict[tuple[int, int], float] = {}
        with zipfile.ZipFile(self.path) as package:
            for part in sheet_parts(self.path, self.sheet):
                for place, text in sheet_xml.raw_values(package, part, places).items():
                    try:
                        found[place] = float(text)
                    except ValueError:
                        continue
        return found


def _ON_LEAP_DAY_EVE(day: date) -> bool:  # noqa: N802 - reads as the constant it tests
    """Whether a date read from a serial falls on 28/02/1900."""
    return day.year == 1900 and day.month == 2 and day.day == 28


def _numbered(path: Path, name: str, rows: Iterable[list[Any]], shared: bool,
              pad: tuple[str, ...] = (), serials: _Serials | None = None,
              errors: ErrorCells | None = None, nul: bool = False,
              odd: ErrorCells | None = None, shown: ErrorCells | None = None,
              blank: Sequence[Any] = (),
              ) -> Iterator[NumberedRow]:
    """Number the sheet's rows from 1, convert the cells, skip blank rows but line 1;
    the cells holding a formula error are Unreadable (calamine reads them as empty), and
    so are those holding a NUL character when the sheet's XML writes one (``nul``) and the
    text cells whose shared string number is none (``odd``); the cells calamine reads
    otherwise than the sheet shows them (``shown``: a number shown with leading zeros or
    text, an .ods text holding a tab) are read as shown; the values that repeat shared when
    ``shared``. ``blank`` is how the reader gives a row with no cell, skipped in bulk."""
    early: list[bool] = []  # set by _serial_cell when a row holds a date to look at again
    cell = _serial_cell(early, serials) if serials is not None else _cell
    make_row = row_maker(shared)
    errors = errors or None  # asked once, not on every row
    odd = odd or None
    shown = shown or None
    try:
        numbered = (_numbered_filled(rows, blank) if errors is None
                    else enumerate(rows, start=1))  # an error cell's row reads as blank
        for line, row, cells in chain.from_iterable(
                _batch_cells(batch, cell, make_row, early) for batch in _batches(numbered)):
            if errors is not None and (found := errors.at(line)):
                cells = _with_errors(line, cells or ("",) * len(row), found, len(pad))
            if odd is not None and cells is not None and (found := odd.at(line)):
                cells = _with_errors(line, cells, found, len(pad), msg.STRING_NOT_NUMBERED)
            if shown is not None and cells is not None and (found := shown.at(line)):
                cells = _as_shown(cells, found, len(pad))
            if cells is not None:
                if nul:
                    cells = _without_nuls(cells)
                if early:
                    early.clear()
                    cells = serials.resolve(line, cells, len(pad))  # type: ignore[union-attr]
                yield line, pad + cells if pad else cells
            elif line == 1:
                yield line, ()
    except (DataFileError, MemoryError):
        raise
    except Exception as exc:  # the fallback reader parses XML as it goes
        raise DataFileError(SHEET_DAMAGED.format(name=repr(name), detail=exc),
                            path=path) from None


def _numbered_filled(rows: Iterable[Sequence[Any]], blank: Sequence[Any],
                     ) -> Iterator[tuple[int, Sequence[Any]]]:
    """The rows numbered from 1, those after line 1 equal to ``blank`` left out: the gap
    above a stray cell far below the data, a million rows, costs one comparison a row, in
    C (rows with other empty cells, white space, are left to ``_cells``)."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return iter(())
    kept, looked = tee(rows)
    return chain(((1, first),),
                 compress(zip(count(2), kept), map(ne, looked, repeat(blank))))


def _without_nuls(cells: Row) -> Row:
    """The row with each text holding a NUL character made Unreadable, shown as the
    workbook writes it."""
    if not any(type(cell) is str and "\x00" in cell for cell in cells):
        return cells
    return tuple(Unreadable(cell.replace("\x00", "_x0000_"), msg.NUL_IN_CELL)
                 if type(cell) is str and "\x00" in cell else cell for cell in cells)


def _with_errors(line: int, cells: Row, found: list[tuple[int, int, str]], pad: int,
                 reason: str = FORMULA_ERROR) -> Row:
    """The row with its error cells (columns counted from 1, ``pad`` left of ``cells``)
    made Unreadable, naming the cell and its error (``reason``, a template with {cell})."""
    if cells and type(cells[0]) is Unreadable and cells[0].whole_row:
        return cells  # a line calamine lost is one error already
    fixed = list(cells)
    for index, column, text in _within(found, pad, len(fixed)):
        place = f"{column_name(column)}{line}"
        fixed[index] = Unreadable(text, reason.replace("{cell}", place))
    return tuple(fixed)


def _as_shown(cells: Row, found: list[tuple[int, int, str]], pad: int) -> Row:
    """The row with those cells (columns counted from 1, ``pad`` left of ``cells``) read as
    the sheet shows them ("00042" where calamine reads 42)."""
    fixed = list(cells)
    for index, _column, text in _within(found, pad, len(fixed)):
        if type(fixed[index]) is str:  # not a cell found unreadable
            fixed[index] = text
    return tuple(fixed)


def _within(found: list[tuple[int, int, str]], pad: int, width: int,
            ) -> Iterator[tuple[int, int, str]]:
    """Each noted cell of a row (``found``: first and last column from 1, and its text)
    that lies within the row's ``width`` cells, ``pad`` left of them: its place in those
    cells, its column, its text."""
    for first, last, text in found:
        for column in range(max(first, pad + 1), min(last, pad + width) + 1):
            yield column - pad - 1, column, text


def _batches(rows: Iterable[tuple[int, Sequence[Any]]],
             ) -> Iterator[list[tuple[int, Sequence[Any]]]]:
    """The numbered rows ``_BATCH`` at a time."""
    rows = iter(rows)
    while batch := list(islice(rows, _BATCH)):
        yield batch


# Rows converted together: their texts looked at once for garbled ones, their cells made a
# column at a time where the batch allows.
_BATCH = 1024
_TEXT = frozenset({str})


def _batch_cells(batch: list[tuple[int, Sequence[Any]]], cell: Callable[[Any], Cell],
                 make_row: Callable[[list[Cell]], Row], early: list[bool],
                 ) -> Iterable[tuple[int, Sequence[Any], Row | None]]:
    """A batch of numbered rows, each with its cells (None: a blank row): a column at a time
    where ``_by_columns`` can, else each row's as it is reached (so that what ``cell`` notes
    in ``early`` is that row's)."""
    made = _by_columns(batch, cell, make_row, early)
    if made is not None:
        return made
    return ((line, row, _cells(row, cell, make_row)) for line, row in garbled_rows(batch))


def _by_columns(batch: list[tuple[int, Sequence[Any]]], cell: Callable[[Any], Cell],
                make_row: Callable[[list[Cell]], Row], early: list[bool],
                ) -> list[tuple[int, Sequence[Any], Row | None]] | None:
    """The batch's rows as _cells makes them, a column at a time (a text column as it is,
    in C); None, with nothing noted, unless its rows are all as wide, each starts with text
    other than white space (so none is blank), and none holds garbled text or a date to look
    at again with its row."""
    lines, rows = zip(*batch, strict=True)
    try:
        columns = list(zip(*rows, strict=True))
    except ValueError:  # rows of several widths
        return None
    if not columns:
        return None
    first = columns[0]
    if set(map(type, first)) != _TEXT or not all(first) or any(map(str.isspace, first)):
        return None
    made: list[Sequence[Cell]] = []
    texts: list[str] = []
    for column in columns:
        if set(map(type, column)) == _TEXT:
            made.append(column)
            texts.append("\x1f".join(column))
        else:
            made.append(_converted(column, cell))
            texts.append("\x1f".join([value for value in column if type(value) is str]))
    if early or may_hold_garbled("\x1f".join(texts)):
        early.clear()
        return None
    return list(zip(lines, rows, map(make_row, zip(*made, strict=True)), strict=True))


def _cells(row: list[Any] | tuple[Any, ...], cell: Callable[[Any], Cell],
           make_row: Callable[[list[Cell]], Row]) -> Row | None:
    """A workbook row as cells (made a row by ``make_row``); None when it is blank."""
    # A row whose first cell is text other than white space is no blank one: most rows,
    # told without a call.
    if not (row and type(first := row[0]) is str and first and not first.isspace()) and (
            is_blank(row)):
        return None
    return make_row(_converted(row, cell))


def _converted(values: Sequence[Any], cell: Callable[[Any], Cell]) -> list[Cell]:
    """Workbook values (a row's, or a column's) as cells."""
    # The hot path inline: text stays, so does a date and time past 1900 (``cell`` looks
    # again at earlier ones only), and a number's text is looked up (a sheet repeats its
    # durations and capacities).
    number_text = _NUMBER_TEXTS.get
    return [value if type(value) is str else (
        value if type(value) is datetime and value.year > 1900 else (
            number_text(value) or _number_text(value, cell)) if type(value) is float
        else cell(value)) for value in values]


# A float's text as _cell makes it, kept for the whole numbers last read: every key is a
# float (a float never equals a key of another type here), and a text is never empty.
_NUMBER_TEXTS: dict[float, str] = {}
_NUMBER_TEXTS_KEPT = 4096


def _number_text(value: float, cell: Callable[[Any], Cell]) -> Cell:
    """A number's cell, as ``cell`` makes it; a whole number's text kept for the next."""
    if not (value.is_integer() and -1e16 < value < 1e16):
        return cell(value)
    text = str(int(value))
    if len(_NUMBER_TEXTS) >= _NUMBER_TEXTS_KEPT:
        _NUMBER_TEXTS.clear()
    _NUMBER_TEXTS[value] = text
    return text


def _number(value: float) -> str:
    """A number as people wrote it: 42.0 -> '42', 0.1 + 0.2 -> '0.3'."""
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return format(value, ".15g")  # Excel keeps 15 significant digits


def _cell(value: Any) -> Cell:
    """One workbook value as a Cell. Booleans read TRUE/FALSE, as the sheet shows them."""
    kind = type(value)
    if kind is str or kind is date or kind is datetime or kind is Unreadable or kind is Garbled:
        return value  # type: ignore[no-any-return]
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
        return duration_text(value.total_seconds())
    return str(value)


# What calamine makes of a date cell holding NaN: the epoch it counts from, at midnight.
_NAN_DATE = datetime(1899, 12, 30)


def _serial_cell(early: list[bool], serials: _Serials) -> Callable[[Any], Cell]:
    """_cell for a workbook whose dates are Excel serials: NaN is no date, and 28/02/1900
    and, when the sheet holds negative numbers, a time of day are looked at again with
    their row (``early`` says a row has one; the time is left as it is until then)."""
    def cell(value: Any) -> Cell:
        kind = type(value)
        if kind is time and serials.negative():
            early.append(True)
            return value  # type: ignore[no-any-return]
        if kind is not date and kind is not datetime:
            return _cell(value)
        if value.year <= 1900:
            if kind is datetime and value == _NAN_DATE:
                return Unreadable("NaN", msg.CELL_NOT_A_NUMBER)
            if _ON_LEAP_DAY_EVE(value):
                early.append(True)
        return value  # type: ignore[no-any-return]
    return cell


def _sparse_source(path: Path, name: str, errors: ErrorCells, nul: bool, odd: ErrorCells,
                   shown: ErrorCells) -> RowSource:
    """A streaming reader (openpyxl read-only) for sheets whose bounding box is huge."""
    def source(shared: bool) -> Iterator[NumberedRow]:
        return _openpyxl_rows(path, name, errors, shared, nul, odd, shown)

    return source


def _openpyxl_rows(path: Path, name: str, errors: ErrorCells, shared: bool, nul: bool,
                   odd: ErrorCells, shown: ErrorCells) -> Iterator[NumberedRow]:
    """Stream the sheet row by row, its cells read as calamine reads them (see
    streamed.py); missing rows cost no memory."""
    import openpyxl

    from importer_gui.core.readers.streamed import streamed_rows

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl's own errors
        raise not_a_workbook(path, str(exc)) from None
    try:
        worksheet = workbook[name]
        worksheet.reset_dimensions()  # rows as wide as their own cells, not the sheet's box
        yield from _numbered(path, name, streamed_rows(worksheet, path, name), shared,
                             errors=errors, nul=nul, odd=odd, shown=shown, blank=[])
    except MemoryError:
        give_memory_back()  # before the workbook is closed (see budget.RESERVE)
        raise
    finally:
        workbook.close()
