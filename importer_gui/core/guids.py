"""GUIDs for the records a plan creates: random (version 4) UUIDs as the platform writes them."""

from __future__ import annotations

import os
from typing import Any

# GUIDs made per draw of random bytes: one os.urandom and one hex() serve this many, where
# uuid.uuid4() costs an object, a system call and a formatting each (a third of planning a
# created training course).
BLOCK = 4096
# The variant's two high bits (10) over the random nibble: 8, 9, a or b.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
_READY: list[str] = []


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


def made(values: list[Any]) -> list[Any]:
    """``values`` with a new GUID for each MADE_WHEN_WRITTEN (``values`` itself when none)."""
    if not values.count(MADE_WHEN_WRITTEN):  # in C
        return values
    return [new_guid() if value is MADE_WHEN_WRITTEN else value for value in values]


def new_guid() -> str:
    """A random GUID, such as ``1b4e28ba-2fa1-41d2-883f-0016d3cca427``."""
    try:
        return _READY.pop()  # atomic: two threads never get the same one
    except IndexError:
        _READY.extend(_block())
        return _READY.pop()


def _block() -> list[str]:
    """BLOCK new GUIDs: version 4, RFC 4122 variant, lower case."""
    digits = os.urandom(16 * BLOCK).hex()
    return [f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
            for h in (digits[i:i + 32] for i in range(0, len(digits), 32))]
