"""Turning cells into typed values: trimming, integers, dates in the configured format."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal

from importer_gui.core.catalogue import DATE_TOKENS, SHORT_YEAR, exports
from importer_gui.core.cells import Cell

_INT = re.compile(r"[+-]?\d+")
# Every store the importer writes to keeps whole numbers in 64 bits (SQLite's INTEGER,
# PostgreSQL's BIGINT).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
# Digits of the longest whole number in that range: a longer one is out of it, and is not
# converted at all (Python refuses to convert more than 4300 digits).
_INT_DIGITS = len(str(INT_MAX))
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
    """A strict integer, or None. One of more digits than any stored number has comes back
    as the first number past the store's range on its side (INT_MAX + 1 or INT_MIN - 1):
    it is out of range whatever it is."""
    if not isinstance(cell, str):
        return None
    value = cell.strip()
    if not _INT.fullmatch(value):
        return None
    sign = "-" if value.startswith("-") else ""
    digits = value.lstrip("+-").lstrip("0") or "0"
    if len(digits) > _INT_DIGITS:
        return INT_MIN - 1 if sign else INT_MAX + 1
    return int(sign + digits)


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


_TIME = re.compile(r"(\d{1,2}):(\d{2}):(\d{2})")


def parse_time(value: str) -> time | None:
    """A time of day written hh:ii:ss (defaultTime), or None."""
    found = _TIME.fullmatch(value.strip())
    if found is None:
        return None
    hours, minutes, seconds = (int(part) for part in found.groups())
    if hours > 23 or minutes > 59 or seconds > 59:
        return None
    return time(hours, minutes, seconds)


_FLOAT = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


def parse_float(value: str) -> float | None:
    """A decimal number written with a point or a comma ("12.5", "12,5"), or None."""
    value = value.strip()
    if not _FLOAT.fullmatch(value):
        return None
    return float(value.replace(",", "."))


_CLOCK = re.compile(r"(\d+):([0-5]\d):([0-5]\d)")
_ISO_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?",
                           re.IGNORECASE)


# An export's minutes, with decimals after a point (or the comma its <decimal> may choose);
# more digits than INT_MAX has are out of range whatever they say.
_MINUTES = re.compile(r"[0-9]{1,19}(?:[.,][0-9]{1,19})?")
# An export's hours (as many digits as they take, past the padding) and minutes.
_HOURS_MINUTES = re.compile(r"([0-9]{1,19}):([0-5][0-9])")


def parse_duration(value: str, time_format: str = "") -> int | None:
    """A duration in whole seconds, as ``time_format`` (an export's timeGlobalFormat) writes
    it: rawMinutes in minutes ("90.50"), padded and paddedhh as hours:minutes ("001:30",
    "01:30"); otherwise in seconds ("5115"), as hh:ii:ss ("01:25:15") or in ISO 8601
    ("PT1H25M15S"). None for anything else."""
    value = value.strip()
    if time_format == exports.RAW_MINUTES:
        if not _MINUTES.fullmatch(value):
            return None
        seconds = Decimal(value.replace(",", ".")) * 60
        return int(seconds.to_integral_value(ROUND_HALF_UP))
    if time_format in (exports.PADDED, exports.PADDED_HH):
        hours_minutes = _HOURS_MINUTES.fullmatch(value)
        if hours_minutes is None:
            return None
        hours, minutes = (int(part) for part in hours_minutes.groups())
        return hours * 3600 + minutes * 60
    if value.isdecimal() and value.isascii():
        return int(value)
    clock = _CLOCK.fullmatch(value)
    if clock is not None:
        hours, minutes, seconds = (int(part) for part in clock.groups())
        return hours * 3600 + minutes * 60 + seconds
    iso = _ISO_DURATION.fullmatch(value)
    if iso is None or not any(iso.groups()) or value.upper().endswith("T"):
        return None
    days, hours, minutes, seconds = iso.groups()
    return (int(days or 0) * 86_400 + int(hours or 0) * 3600 + int(minutes or 0) * 60
            + round(float((seconds or "0").replace(",", "."))))


def date_part(pattern: str) -> str:
    """The date part of a date-and-time pattern ("%d/%m/%Y %H:%M" -> "%d/%m/%Y"): what a value
    written without its time matches."""
    cut = min((pattern.find(token) for token in ("%H", "%M", "%S") if token in pattern),
              default=len(pattern))
    return pattern[:cut].rstrip(" /_.:;,-T")


def parse_datetime_as(cell: Cell, pattern: str, default_time: time) -> datetime | None:
    """A date and time in ``pattern`` (a dateTimeFormat's); a value with its date only, in the
    pattern's date part, gets ``default_time``. A workbook's date cell is taken as it is."""
    if isinstance(cell, datetime):
        return cell
    if isinstance(cell, date):
        return datetime.combine(cell, default_time)
    value = cell.strip()
    try:
        return datetime.strptime(value, pattern)
    except ValueError:
        pass
    day_pattern = date_part(pattern)
    if not day_pattern or day_pattern == pattern:
        return None
    try:
        return datetime.combine(datetime.strptime(value, day_pattern).date(), default_time)
    except ValueError:
        return None


def with_default_time(moment: datetime, cell: Cell, default_time: time) -> datetime:
    """An ISO 8601 value written without a time ("2024-05-01") at ``default_time``."""
    if isinstance(cell, datetime) or not isinstance(cell, (str, date)):
        return moment
    if isinstance(cell, date) or len(cell.strip()) <= len("2024-05-01"):
        return datetime.combine(moment.date(), default_time)
    return moment
