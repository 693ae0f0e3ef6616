"""GUIDs for the records a plan creates: time-ordered (version 7) UUIDs.

The platform writes random (version 4) GUIDs; ours start with the time they were made, so
that the store's unique index on GUIDs takes a million new ones at its end rather than all
over it (random keys made a million-record write several times slower). The 62 random bits
behind keep two machines, or two stores, from ever making the same one.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from typing import Any

# GUIDs made per draw of random bytes: one os.urandom and one hex() serve this many, where
# a UUID object costs an allocation, a system call and a formatting each.
BLOCK = 4096
COUNTER = 1 << 12  # GUIDs a millisecond: the 12 bits after the version count them
# A GUID's text and the space after it, each character place filled by _block: the stamp's 12
# digits (8, then 4), the version, the counter's 3, the variant, then 15 random digits.
_SHAPE = b"xxxxxxxx-xxxx-7xxx-xxxx-xxxxxxxxxxxx "
_WIDTH = len(_SHAPE)
_STAMP_AT = (*range(8), *range(9, 13))
_COUNTER_AT = 15
_VARIANT_AT = 19
# Where each random digit goes but the first, which gives the variant (_VARIANT_OF).
_RANDOM_AT = tuple(zip((*range(20, 23), *range(24, 36)), range(1, 16), strict=True))
# The variant's two high bits (10) over the random nibble: 8, 9, a or b.
_VARIANT_OF = bytes.maketrans(b"0123456789abcdef", b"89ab" * 4)
_COUNTER_DIGITS = "".join(f"{c:03x}" for c in range(COUNTER)).encode()
_READY: list[str] = []
_LOCK = threading.Lock()  # held while GUIDs are made or taken
_last = [0]  # past the last millisecond and counter used (ms * COUNTER + counter)


class _MadeWhenWritten:
    """The GUID of a record a plan creates without one, made by the store's writer (``made``)
    when the record is written: a plan of a million new records holds this one object rather
    than a million texts of 85 bytes, and no row reads a GUID nobody has seen yet."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "MADE_WHEN_WRITTEN"

    def __reduce__(self) -> str:
        return "MADE_WHEN_WRITTEN"  # copied or pickled, still the one object (``is``)


MADE_WHEN_WRITTEN: Any = _MadeWhenWritten()


def made(values: Sequence[Any]) -> Sequence[Any]:
    """``values`` with a new GUID for each MADE_WHEN_WRITTEN (``values`` itself when none)."""
    count = values.count(MADE_WHEN_WRITTEN)  # in C
    if not count:
        return values
    fresh = _taken(count)
    if count == len(values):
        return fresh
    given = iter(fresh)
    return [next(given) if value is MADE_WHEN_WRITTEN else value for value in values]


def new_guid() -> str:
    """A new GUID, such as ``01a23529-cda3-7000-b127-c7d191813508``."""
    return _taken(1)[0]


def _taken(count: int) -> list[str]:
    """The next ``count`` GUIDs, in increasing order; two threads never get the same one."""
    with _LOCK:
        while len(_READY) < count:
            _READY.extend(_block())
        taken = _READY[:count]
        del _READY[:count]
    return taken


def _block() -> list[str]:
    """BLOCK new GUIDs (under _LOCK), in increasing order: version 7 (the Unix time in
    milliseconds, then a counter within it), RFC 4122 variant, random bits, lower case.

    Made as one ASCII text, a character place of every GUID at a time (strided slices, in
    C), then split: formatting each GUID would hold the GIL in the writer, which makes the
    GUIDs of every record a large commit creates, a Python step apiece.
    """
    start = max(time.time_ns() // 1_000_000 * COUNTER, _last[0])
    _last[0] = end = start + BLOCK  # a full counter runs on into the next millisecond
    # 16 random digits a GUID (the first gives the variant's), as ASCII bytes.
    digits = os.urandom(8 * BLOCK).hex().encode()
    text = bytearray(_SHAPE * BLOCK)
    text[_VARIANT_AT::_WIDTH] = digits[::16].translate(_VARIANT_OF)
    for at, digit in _RANDOM_AT:
        text[at::_WIDTH] = digits[digit::16]
    done = 0
    while start < end:  # a millisecond's run at a time
        moment, first = divmod(start, COUNTER)
        last = min(COUNTER, first + end - start)
        low, high = done * _WIDTH, (done + last - first) * _WIDTH  # the run's GUIDs
        for at, char in zip(_STAMP_AT, f"{moment:012x}".encode(), strict=True):
            text[low + at:high:_WIDTH] = bytes((char,)) * (last - first)
        for place in range(3):
            text[low + _COUNTER_AT + place:high:_WIDTH] = \
                _COUNTER_DIGITS[3 * first + place:3 * last:3]
        done += last - first
        start += last - first
    return text.decode("ascii").split()
