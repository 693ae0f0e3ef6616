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
# The variant's two high bits (10) over the random nibble: 8, 9, a or b.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
_COUNTERS = [f"{c:03x}" for c in range(COUNTER)]
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
    milliseconds, then a counter within it), RFC 4122 variant, random bits, lower case."""
    start = max(time.time_ns() // 1_000_000 * COUNTER, _last[0])
    _last[0] = end = start + BLOCK  # a full counter runs on into the next millisecond
    digits = os.urandom(8 * BLOCK).hex()  # 16 random digits a GUID, the variant's among them
    out: list[str] = []
    while start < end:  # a millisecond's run at a time: its part of the text made once
        moment, first = divmod(start, COUNTER)
        last = min(COUNTER, first + end - start)
        stamp = f"{moment:012x}"
        head = f"{stamp[:8]}-{stamp[8:]}-7"
        at = 16 * len(out)
        places = range(at, at + 16 * (last - first), 16)
        out += [f"{head}{_COUNTERS[c]}-{_VARIANT[digits[i]]}{digits[i + 1:i + 4]}-"
                f"{digits[i + 4:i + 16]}" for c, i in zip(range(first, last), places, strict=True)]
        start += last - first
    return out
