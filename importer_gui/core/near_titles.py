"""Titles a typed one looks a slip of: "Paris marss" for "Paris mars", never "Groupe 2" for
"Groupe 1".

A slip is a title that differs from a known one only in case, accents, spacing and
punctuation, or by one letter added, dropped, changed or swapped with its neighbour. Numbers
and one- or two-letter words are what tell sessions of a series apart ("Groupe 1", "Lot A",
"Session 2027-03"), so a difference there is never a slip.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from importer_gui.core.cells import without_accents

_NUMBER = re.compile(r"[0-9]+")
# A word this short is a series' mark ("A", "B2"), not a word a finger slips on.
SHORTEST_WORD = 3
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def near_title(typed: str, titles: Iterable[str | None]) -> str | None:
    """The first of ``titles`` that ``typed`` looks a slip of (None when none is)."""
    key = _key(typed)
    for title in titles:
        if title and title != typed and _slip(key, _key(title)):
            return title
    return None


def numbers_of(title: str | None) -> tuple[str, ...]:
    """The numbers in a title, in order: a slip of it has the same (so titles filed by
    them need only be compared within their group)."""
    return tuple(_NUMBER.findall(title)) if title else ()


@lru_cache(maxsize=4096)
def _key(title: str) -> str:
    """Lower case, no accents, words split by one space: what a slip leaves the same."""
    plain = title.casefold()
    if not plain.isascii():  # most titles are: nothing to take off their letters then
        plain = without_accents(plain)
    return _NOT_ALNUM.sub(" ", plain).strip()


def _slip(a: str, b: str) -> bool:
    """True when keys ``a`` and ``b`` are the same, or one letter's edit apart outside any
    number or short word."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    start = 0
    shorter = min(len(a), len(b))
    while start < shorter and a[start] == b[start]:
        start += 1
    end = 0
    while end < shorter - start and a[-1 - end] == b[-1 - end]:
        end += 1
    left, right = a[start:len(a) - end], b[start:len(b) - end]
    one_edit = (len(left) <= 1 and len(right) <= 1) or (
        len(left) == len(right) == 2 and left == right[::-1])
    return one_edit and _in_a_word(a, start, len(a) - end) and _in_a_word(b, start, len(b) - end)


def _in_a_word(key: str, start: int, end: int) -> bool:
    """True when the word (or words) spanning key[start:end] hold no digit and are long
    enough to be words."""
    while start > 0 and key[start - 1] != " ":
        start -= 1
    while end < len(key) and key[end] != " ":
        end += 1
    words = key[start:end].split()
    return all(len(w) >= SHORTEST_WORD and not any(c.isdigit() for c in w) for w in words)
