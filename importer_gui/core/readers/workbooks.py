"""Workbooks (.xlsx, .xlsm, .xls, .ods): their sheets, and a sheet's rows of cells.

Cells: text as-is; numbers as people wrote them (42.0 -> "42", 0.1 + 0.2 -> "0.3"); booleans
"TRUE"/"FALSE", as the sheet shows them; dates and datetimes stay date objects; times
"HH:MM:SS"; durations "[h]:mm:ss". A sheet is loaded by calamine once the guards have
measured it; a huge sparse one is streamed with openpyxl instead. The sheet read by default
is the first visible one (a hidden first sheet usually holds lists).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import python_calamine as calamine

from importer_gui.core.catalogue import OOXML_SUFFIXES
from importer_gui.core.cells import Cell
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers.guards import (
    MAX_BOX_CELLS,
    Extent,
    check_far_cells,
    check_package,
    not_a_workbook,
    sheet_extent,
)
from importer_gui.core.readers.table import NumberedRow, Row, RowSource, is_blank


def sheet_names(path: Path) -> list[str]:
    """The workbook's worksheets in workbook order (hidden ones included)."""
    with _calamine_workbook(path) as workbook:
        return [meta.name for meta in _worksheets(workbook)]


def hidden_sheets(path: Path) -> list[str]:
    """The workbook's hidden worksheets, in workbook order."""
    visible = calamine.SheetVisibleEnum.Visible
    with _calamine_workbook(path) as workbook:
        return [meta.name for meta in _worksheets(workbook) if meta.visible != visible]


def first_visible_sheet(path: Path) -> str | None:
    """The sheet read when the configuration names none."""
    with _calamine_workbook(path) as workbook:
        return _first_visible(workbook) or next(
            (meta.name for meta in _worksheets(workbook)), None)


def open_workbook(path: Path, wanted: str | None) -> tuple[RowSource, str, int | None]:
    """Choose and load the sheet; stream huge sparse sheets without calamine."""
    workbook = _calamine_workbook(path)
    try:
        name = _pick_sheet(path, [meta.name for meta in _worksheets(workbook)],
                           wanted or _first_visible(workbook))
        extent = sheet_extent(path, name) if path.suffix.lower() in OOXML_SUFFIXES else None
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


def _calamine_workbook(path: Path) -> Any:
    """Open the workbook with calamine; any failure becomes a DataFileError."""
    check_package(path)
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise DataFileError("the workbook is protected by a password", path=path) from None
    except Exception as exc:  # calamine's own types, zip and XML errors, OSError
        raise not_a_workbook(path, str(exc) or type(exc).__name__) from None


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


def _cells(row: list[Any] | tuple[Any, ...]) -> Row | None:
    """A workbook row as cells; None when it is blank."""
    if is_blank(row):
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


def _sparse_source(path: Path, name: str, extent: Extent) -> RowSource:
    """A streaming reader (openpyxl read-only) for sheets whose bounding box is huge."""
    check_far_cells(path, name, extent)

    def source() -> Iterator[NumberedRow]:
        return _openpyxl_rows(path, name)

    return source


def _openpyxl_rows(path: Path, name: str) -> Iterator[NumberedRow]:
    """Stream the sheet row by row; missing rows cost no memory."""
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, XML and openpyxl's own errors
        raise not_a_workbook(path, str(exc)) from None
    try:
        worksheet = workbook[name]
        worksheet.reset_dimensions()  # rows as wide as their own cells, not the sheet's box
        yield from _numbered(path, name, worksheet.iter_rows(values_only=True))
    finally:
        workbook.close()

