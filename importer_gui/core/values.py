"""Turning cells into typed values: trimming, integers, dates in the configured format."""

from __future__ import annotations

import re
from datetime import date, datetime

from importer_gui.core.catalogue import DATE_TOKENS, SHORT_YEAR
from importer_gui.core.cells import Cell

_INT = re.compile(r"[+-]?\d+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def text(cell: Cell | None) -> str:
    """A cell as trimmed text (str.strip also removes non-breaking spaces)."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        return cell.strip()
    if isinstance(cell, datetime):
        return cell.isoformat(sep=" ", timespec="seconds")
    return cell.isoformat()


def date_pattern(date_format: str) -> str:
    """The strptime pattern of a validated dateFormat such as ``DD/MM/YYYY``."""
    pattern = []
    for run in re.finditer(r"([A-Za-z])\1*|[^A-Za-z]", date_format):
        token = run.group(0)
        letter = token[0].upper()
        if letter == "Y" and len(token) == 2:
            pattern.append(SHORT_YEAR)
        elif letter in DATE_TOKENS:
            pattern.append(DATE_TOKENS[letter])
        else:
            pattern.append(token.replace("%", "%%"))
    return "".join(pattern)


def parse_int(cell: Cell) -> int | None:
    """A strict integer, or None."""
    if not isinstance(cell, str):
        return None
    value = cell.strip()
    return int(value) if _INT.fullmatch(value) else None


# strptime is slow and files repeat the same few hundred dates: remember recent answers.
_DATES: dict[tuple[str, str], date | None] = {}
_DATES_KEPT = 4096


def parse_date(cell: Cell, pattern: str) -> date | None:
    """A date in ``pattern`` (a workbook's date cell is taken as it is), or None."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    key = (cell, pattern)
    try:
        return _DATES[key]
    except KeyError:
        pass
    try:
        day: date | None = datetime.strptime(cell.strip(), pattern).date()
    except ValueError:
        day = None
    if len(_DATES) >= _DATES_KEPT:
        _DATES.clear()
    _DATES[key] = day
    return day


def parse_datetime(cell: Cell) -> datetime | None:
    """An ISO 8601 date and time (a workbook's date cell is taken as it is), or None."""
    if isinstance(cell, datetime):
        return cell
    if isinstance(cell, date):
        return datetime(cell.year, cell.month, cell.day)
    value = cell.strip()
    if not value or not value[0].isdigit():
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def looks_like_email(value: str) -> bool:
    """True for something shaped like an e-mail address."""
    return _EMAIL.fullmatch(value) is not None
