"""Text garbled by an earlier wrong decoding: UTF-8 once read as Windows-1252 ("Ã‰mile").

A file may be read in the right encoding and still hold such text, saved by a program that
had read UTF-8 as Windows-1252 before. Its cells are ``Garbled``: text as written, that the
field they feed warns about, naming what the text reads once repaired (the text may be
meant, so it is no error). Only the typical sequences count: Â, Ã or Å followed by one
character that stands for a UTF-8 continuation byte (é, œ), or â followed by two (’, €);
each must decode as UTF-8 into a character that is no control, so "Ãlvaro" or "Â" alone
is text. Text garbled twice ("ÃƒÂ©" for "é") is repaired as often as it was garbled.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from importer_gui.core.cells import Garbled

# Each byte 0x80-0xBF (a UTF-8 continuation byte) as Windows-1252 reads it, and as
# ISO-8859-1 does (the C1 controls, for the five bytes Windows-1252 leaves undefined).
_CONTINUATION: dict[str, int] = {chr(byte): byte for byte in range(0x80, 0xC0)}
_CONTINUATION.update({bytes([byte]).decode("cp1252", "ignore"): byte
                      for byte in range(0x80, 0xC0)})
_CONTINUATION.pop("", None)
_LEADS = {"Â": 0xC2, "Ã": 0xC3, "Å": 0xC5, "â": 0xE2}
_CONT = "[" + "".join(sorted(_CONTINUATION)) + "]"
_SEQUENCE = re.compile(f"[ÂÃÅ]{_CONT}|â{_CONT}{{2}}")
_TIMES = 3  # garbled more often than this, text is no longer worth repairing by guess


def repaired(text: str) -> str | None:
    """``text`` with its garbled sequences decoded as the UTF-8 they were, as many times as
    they were garbled; None when it holds none."""
    fixed = _repaired_once(text)
    for _ in range(_TIMES - 1):  # garbled again: the repair reads as garbled text too
        if fixed is None or (again := _repaired_once(fixed)) is None:
            break
        fixed = again
    return fixed


def _repaired_once(text: str) -> str | None:
    """``text`` with its garbled sequences decoded once; None when it holds none."""
    if not may_hold_garbled(text):
        return None
    found = False

    def decode(match: re.Match[str]) -> str:
        nonlocal found
        seq = match.group()
        raw = bytes([_LEADS[seq[0]], *(_CONTINUATION[char] for char in seq[1:])])
        try:
            char = raw.decode("utf-8")
        except UnicodeDecodeError:
            return seq
        if unicodedata.category(char) == "Cc":
            return seq
        found = True
        return char

    fixed = _SEQUENCE.sub(decode, text)
    return fixed if found else None


def garbled_cells(cells: Sequence[Any]) -> list[Any] | None:
    """The row's cells, those holding garbled text made ``Garbled``; None when none is."""
    fixed: list[Any] | None = None
    for index, cell in enumerate(cells):
        if type(cell) is str and (text := repaired(cell)) is not None:
            if fixed is None:
                fixed = list(cells)
            fixed[index] = Garbled(cell, text)
    return fixed


def may_hold_garbled(text: str) -> bool:
    """Whether ``text`` (a row's cells joined) may hold garbled text: the readers' quick
    look before looking at each cell (isascii() costs nothing in CPython, and each ``in``
    is one search in C)."""
    return not text.isascii() and ("Ã" in text or "Â" in text or "â" in text
                                   or "Å" in text) and _SEQUENCE.search(text) is not None


def garbled_rows(rows: Iterable[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    """A workbook's rows as its reader gives them, their cells holding garbled text made
    ``Garbled``; looked at ``_BATCH`` rows at a time, whose texts are joined for one quick
    look (most batches hold none: their rows pass as they are)."""
    rows = iter(rows)
    while batch := list(islice(rows, _BATCH)):
        texts = [value for row in batch for value in row if type(value) is str]
        if may_hold_garbled("\x1f".join(texts)):
            batch = [garbled_cells(row) or row for row in batch]
        yield from batch


_BATCH = 1024
