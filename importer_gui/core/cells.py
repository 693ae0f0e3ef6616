"""A data cell as read from a file, and its text for people."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime


class Unreadable(str):
    """A cell a reader could not turn into a value (a workbook's NaN date, Excel's 29
    February 1900): it shows as its text, and any field it feeds gets ``reason`` (a message
    template with {field} and {value}) as an error. ``whole_row``: the reader lost the
    whole line, and the row gets one error, ``reason`` with no field.

    It is never equal to text, not even its own: a field's remembered conversions
    (``actions.base``) must never answer for it.
    """

    reason: str
    whole_row: bool

    def __new__(cls, text: str, reason: str, *, whole_row: bool = False) -> Unreadable:
        cell = super().__new__(cls, text)
        cell.reason = reason
        cell.whole_row = whole_row
        return cell

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)


class Garbled(str):
    """Text that looks garbled by an earlier wrong decoding: UTF-8 read as ``misread``
    ("Windows-1252": "Ã‰mile", "Mac Roman": "√âmile"), which reads ``repaired`` once
    repaired ("Émile"); or text where a program put U+FFFD for a letter it could not read
    (``repaired`` None: the letter is lost). Any field it feeds takes it as it is, with a
    warning."""

    repaired: str | None
    misread: str

    def __new__(cls, text: str, repaired: str | None, misread: str = "") -> Garbled:
        cell = super().__new__(cls, text)
        cell.repaired = repaired
        cell.misread = misread
        return cell

    def __reduce__(self) -> tuple[type[Garbled], tuple[str, str | None, str]]:
        return Garbled, (str.__str__(self), self.repaired, self.misread)


class Shown(str):
    """A workbook number read as the sheet shows it ("TC-0042", "7 h", "00042"), which still
    holds the number: text fields read the text shown, as the spreadsheet's own CSV export
    writes it, and fields of numbers, durations or codes read ``value`` ("42", "7").

    Its digits are the number's (the text around them holds none), its class says its sign:
    it keeps no more than a text does, as a workbook may show thousands. It equals only a
    Shown of the same text and sign, never plain text: a column's shared cells and a field's
    remembered conversions must not mistake one for the other.
    """

    __slots__ = ()
    _sign = ""

    def __new__(cls, text: str, value: str) -> Shown:
        return str.__new__(_ShownBelowZero if value.startswith("-") else Shown, text)

    @property
    def value(self) -> str:
        """The number the cell holds, as its plain text."""
        return self._sign + str(int(_NOT_DIGITS.sub("", self) or "0"))

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self._sign, str.__str__(self)))

    def __reduce__(self) -> tuple[type[Shown], tuple[str, str]]:
        return Shown, (str.__str__(self), self.value)


class _ShownBelowZero(Shown):
    """A Shown whose number is below zero ("-TC-0042", or "(42)" from a section of its own)."""

    __slots__ = ()
    _sign = "-"


_NOT_DIGITS = re.compile("[^0-9]")


# Text from a CSV or a workbook; a workbook's date cells stay dates (spec: "accepted as that
# date"). Numbers are never floats here: readers turn 42.0 into "42".
Cell = str | date | datetime


def cell_text(cell: Cell | None) -> str:
    """The cell as people read it: dates in ISO 8601."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        if cell.hour == cell.minute == cell.second == 0 and not cell.microsecond:
            return cell.date().isoformat()
        return cell.isoformat(timespec="seconds")
    if isinstance(cell, date):
        return cell.isoformat()
    return cell if type(cell) is str else str.__str__(cell)


def duration_text(seconds: float) -> str:
    """An elapsed time as [h]:mm:ss, the way spreadsheets show one past a day: 36:00:00."""
    whole = round(seconds)
    sign = "-" if whole < 0 else ""
    hours, rest = divmod(abs(whole), 3600)
    return f"{sign}{hours}:{rest // 60:02d}:{rest % 60:02d}"


# Characters XML 1.0 (and so a workbook) cannot hold.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The bytes of a name that are not UTF-8, as Python reads them (argv, os.fsdecode: the
# surrogateescape handler), one lone surrogate U+DC80-U+DCFF a byte; XML cannot hold them.
NOT_UTF8_BYTE = re.compile("[\udc80-\udcff]")


def xml_text(text: str) -> str:
    """Text XML can hold: other control characters shown as escapes (\\x07)."""
    return NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def not_xml_characters(text: str) -> str:
    """The characters of ``text`` XML cannot hold, each once as its code point
    ("U+0001, U+FFFE"); "" when there is none."""
    return code_points(NOT_XML.findall(text))


def code_points(characters: Iterable[str]) -> str:
    """Each of ``characters`` once, as its code point: "U+0001, U+FFFE"."""
    return ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(characters))


def without_accents(text: str) -> str:
    """``text`` with the accents taken off its letters ("Hélène" -> "Helene")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
