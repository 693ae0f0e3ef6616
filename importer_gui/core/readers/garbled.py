"""Text garbled by an earlier wrong decoding: UTF-8 once read as Windows-1252 ("Ã‰mile") or
as Mac Roman ("√âmile"); and text holding U+FFFD, where a program lost a letter ("H�l�ne").

A file may be read in the right encoding and still hold such text, saved by a program that
had read UTF-8 wrongly before. Its cells are ``Garbled``: text as written, that the field
they feed warns about, naming the encoding that misread it and what the text reads once
repaired (the text may be meant, so it is no error). Only the typical sequences count: the
encoding's reading of a lead byte 0xC2, 0xC3 or 0xC5 followed by one character that stands
for a UTF-8 continuation byte (é, œ), or of 0xE2 followed by two (’, €); each must decode as
UTF-8 into a character that is no control, so "Ãlvaro" or "Â" alone is text. Mac Roman's
leads are signs (¬, √, ≈): one followed by a math sign (π, ≤, ∞) counts only after a letter
("o√π" is "où", "√π" alone is math). Text garbled twice ("ÃƒÂ©" for "é") is repaired as
often as it was garbled. A U+FFFD is never real text: its letter cannot be guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from importer_gui.core.cells import Garbled

_LEAD_BYTES = (0xC2, 0xC3, 0xC5, 0xE2)
_MATH = "≠∞±≤≥µ∂∑∏π∫Ω"  # Mac Roman's continuation bytes that are signs of math too
_LOST = "\ufffd"
_TIMES = 3  # garbled more often than this, text is no longer worth repairing by guess


@dataclass(frozen=True)
class _Misreading:
    """UTF-8 read in one wrong encoding: its name, how it shows the bytes that matter."""

    name: str
    continuation: dict[str, int]  # the character shown for each byte 0x80-0xBF
    leads: dict[str, int]  # the character shown for each lead byte
    # Starts with the leads alone: a search skips to them in C rather than trying each
    # alternative at each character of a batch's joined text.
    sequence: re.Pattern[str]

    def repaired_once(self, text: str) -> str | None:
        """``text`` with its garbled sequences decoded once; None when it holds none."""
        found = False

        def decode(match: re.Match[str]) -> str:
            nonlocal found
            seq = match.group()
            raw = bytes([self.leads[seq[0]], *(self.continuation[char] for char in seq[1:])])
            try:
                char = raw.decode("utf-8")
            except UnicodeDecodeError:
                return seq
            if unicodedata.category(char) == "Cc":
                return seq
            found = True
            return char

        fixed = self.sequence.sub(decode, text)
        return fixed if found else None


def _windows_1252() -> _Misreading:
    """Windows-1252, and ISO-8859-1 for the five bytes it leaves undefined (C1 controls)."""
    continuation = {chr(byte): byte for byte in range(0x80, 0xC0)}
    continuation.update({bytes([byte]).decode("cp1252", "ignore"): byte
                         for byte in range(0x80, 0xC0)})
    continuation.pop("", None)
    leads = {bytes([byte]).decode("cp1252"): byte for byte in _LEAD_BYTES}
    cont = _class(continuation)
    return _Misreading("Windows-1252", continuation, leads, re.compile(
        f"[ÂÃÅâ](?:(?<=[ÂÃÅ]){cont}|(?<=â){cont}{{2}})"))


def _mac_roman() -> _Misreading:
    """Mac Roman, whose leads ¬ √ ≈ may be math: before a math sign, only after a letter."""
    continuation = {bytes([byte]).decode("mac_roman"): byte for byte in range(0x80, 0xC0)}
    leads = {bytes([byte]).decode("mac_roman"): byte for byte in _LEAD_BYTES}
    cont = _class(continuation)
    plain = _class(char for char in continuation if char not in _MATH)
    return _Misreading("Mac Roman", continuation, leads, re.compile(
        f"[¬√≈‚](?:(?<=[¬√≈]){plain}|(?<=[^\\W\\d_][¬√≈])[{_MATH}]|(?<=‚){cont}{{2}})"))


def _class(chars: Iterable[str]) -> str:
    """A regular expression's class of ``chars``."""
    return "[" + "".join(re.escape(char) for char in sorted(chars)) + "]"


_WINDOWS_1252 = _windows_1252()
_MAC_ROMAN = _mac_roman()
_MISREADINGS = (_WINDOWS_1252, _MAC_ROMAN)


def garbled(text: str) -> Garbled | None:
    """``text`` as a ``Garbled`` cell when it holds a lost letter or garbled sequences;
    None when it holds neither."""
    if _LOST in text:
        return Garbled(text, None)
    for misreading in _MISREADINGS:
        if (fixed := misreading.repaired_once(text)) is not None:
            for _ in range(_TIMES - 1):  # garbled again: the repair reads as garbled too
                if (again := misreading.repaired_once(fixed)) is None:
                    break
                fixed = again
            return Garbled(text, fixed, misreading.name)
    return None


def repaired(text: str) -> str | None:
    """``text`` with its garbled sequences decoded as the UTF-8 they were, as many times as
    they were garbled; None when it holds none, or a letter it lost."""
    cell = garbled(text)
    return None if cell is None else cell.repaired


def garbled_cells(cells: Sequence[Any]) -> list[Any] | None:
    """The row's cells, those holding garbled text made ``Garbled``; None when none is."""
    fixed: list[Any] | None = None
    for index, cell in enumerate(cells):
        if type(cell) is str and may_hold_garbled(cell) and (found := garbled(cell)) is not None:
            if fixed is None:
                fixed = list(cells)
            fixed[index] = found
    return fixed


def may_hold_garbled(text: str) -> bool:
    """Whether ``text`` (a row's cells joined) may hold garbled text or a lost letter: the
    readers' quick look before looking at each cell (isascii() costs nothing in CPython,
    and each ``in`` is one search in C, for a character the sequences start with)."""
    return not text.isascii() and (
        _LOST in text
        or (("Ã" in text or "Â" in text or "â" in text or "Å" in text)
            and _WINDOWS_1252.sequence.search(text) is not None)
        or (("√" in text or "≈" in text or "‚" in text or "¬" in text)
            and _MAC_ROMAN.sequence.search(text) is not None))


def garbled_rows(batch: list[tuple[int, Sequence[Any]]]) -> list[tuple[int, Sequence[Any]]]:
    """A batch of a workbook's numbered rows as its reader gives them, their cells holding
    garbled text made ``Garbled``; its texts joined for one quick look (most batches hold
    none: their rows pass as they are)."""
    texts = [value for _, row in batch for value in row if type(value) is str]
    if may_hold_garbled("\x1f".join(texts)):
        return [(line, garbled_cells(row) or row) for line, row in batch]
    return batch
