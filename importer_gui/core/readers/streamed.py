"""A sheet too large for calamine, streamed with openpyxl, its cells read as calamine reads
them: whether a sheet reads must not depend on its size.

openpyxl refuses a whole sheet for a cell calamine reads (a date cell holding no ISO date,
an untyped value that is no number, a boolean written ``true``) and reads others otherwise
(``2024-3-1``, `` 1``). The parser here reads those values as calamine does, a number cell
holding no number, or a boolean cell holding no boolean, is refused naming the cell (as the
loaded sheet's refusal names it). Every other cell is openpyxl's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl.worksheet._reader import VALUE_TAG, WorkSheetParser

from importer_gui.core.errors import DataFileError
from importer_gui.core.readers.guards import refused_value
from importer_gui.core.readers.sheet_xml import CALAMINE_BOOLEANS, CALAMINE_NUMBER

# ISO dates and times as calamine reads a date cell (t="d"): its text with a T is a
# datetime (seconds required), else with a colon a time of day (seconds optional), else a
# date; white space around each part is let through, and a second 60 reads as 59.
_DATE = r"\s*\+?(\d{1,4})-(\d{1,2})-(\d{1,2})\s*"
_TIME = r"\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?\s*"
_DATE_ONLY = re.compile(_DATE)
_TIME_ONLY = re.compile(_TIME)
_DATE_TIME = re.compile(_DATE + "T" + _TIME)
_BOOLEANS = {text.decode(): value for text, value in CALAMINE_BOOLEANS.items()}


def iso_value(text: str) -> date | datetime | time | str:
    """A date cell's value as calamine reads it: the date, time or datetime its text
    writes, else the text itself."""
    pattern = _DATE_TIME if "T" in text else _TIME_ONLY if ":" in text else _DATE_ONLY
    found = pattern.fullmatch(text)
    if found is None or (pattern is _DATE_TIME and found.group(6) is None):
        return text
    parts = found.groups()
    try:
        if pattern is _DATE_ONLY:
            return date(*map(int, parts))
        if pattern is _TIME_ONLY:
            return _clock(*parts)
        return datetime.combine(date(*map(int, parts[:3])), _clock(*parts[3:]))
    except ValueError:  # no such day or hour: calamine gives the text
        return text


def _clock(hour: str, minute: str, second: str | None, fraction: str | None) -> time:
    """A time of day from its parts' texts (a leap second reads as 59, its fraction kept,
    to the microsecond)."""
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    return time(int(hour), int(minute), min(int(second or 0), 59), micro)


class CalamineCells(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's parser of a sheet's XML whose cells read as calamine reads them."""

    def __init__(self, src: Any, shared_strings: Any, path: Path, sheet: str,
                 **options: Any) -> None:
        super().__init__(src, shared_strings, **options)
        self.path, self.sheet = path, sheet

    def parse_cell(self, element: Any) -> dict[str, Any]:
        """One cell: openpyxl's reading, unless calamine reads its value otherwise."""
        value = element.find(VALUE_TAG)
        text = value.text if value is not None else None
        kind = element.get("t")
        if not text or kind not in (None, "n", "b", "d") or (
                kind in (None, "n") and _NUMBER.fullmatch(text)
                and _PYTHON_NUMBER.fullmatch(text)):
            return super().parse_cell(element)  # type: ignore[no-any-return]
        value.text = None  # openpyxl places the cell; its value is read here
        try:
            cell: dict[str, Any] = super().parse_cell(element)
        finally:
            value.text = text
        cell["value"] = self._value(kind, text, cell)
        return cell

    def _value(self, kind: str | None, text: str, cell: dict[str, Any]) -> Any:
        """The value calamine reads for a cell openpyxl reads otherwise, or its refusal."""
        if kind == "d":
            return iso_value(text)
        if kind == "b":
            found = _BOOLEANS.get(text.strip().lower())
            if found is None and text.strip():
                raise self._refused(b"b", text.strip(), cell)
            return "" if found is None else found
        if _NUMBER.fullmatch(text):
            return float(text)  # infinity and NaN, which openpyxl reads as whole numbers
        if kind is None:
            return text
        raise self._refused(b"n", text, cell)

    def _refused(self, kind: bytes, text: str, cell: dict[str, Any]) -> DataFileError:
        """The sheet's refusal naming the cell, as the loaded sheet's names it."""
        place = f"{_letters(cell['column'])}{cell['row']}"
        return refused_value(self.path, self.sheet, kind, place, text)


# A number as calamine reads it (Rust's parser), in text.
_NUMBER = re.compile(CALAMINE_NUMBER.pattern.decode("ascii"), re.IGNORECASE)
# A number openpyxl reads as calamine does (digits, a sign, a point, an exponent): Python
# reads infinity, NaN and underscores too, and white space around.
_PYTHON_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _letters(column: int) -> str:
    """A 1-based column's letters."""
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))


def streamed_rows(worksheet: Any, path: Path, sheet: str) -> Iterator[Any]:
    """A read-only openpyxl worksheet's rows of values, each row as wide as its own cells,
    an empty row where the XML has none, a row written again or out of order left out (as
    openpyxl's own iter_rows does), the cells parsed by CalamineCells."""
    workbook = worksheet.parent
    with worksheet._get_source() as source:
        parser = CalamineCells(source, worksheet._shared_strings, path, sheet,
                               data_only=workbook.data_only, epoch=workbook.epoch,
                               date_formats=workbook._date_formats,
                               timedelta_formats=workbook._timedelta_formats)
        expected = 1
        for line, row in parser.parse():
            for _ in range(expected, line):
                expected += 1
                yield []
            if expected <= line:
                expected += 1
                yield worksheet._get_row(row, 1, None, values_only=True)
