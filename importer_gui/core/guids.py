"""GUIDs for the records a plan creates: random (version 4) UUIDs as the platform writes them."""

from __future__ import annotations

import os

# GUIDs made per draw of random bytes: one os.urandom and one hex() serve this many, where
# uuid.uuid4() costs an object, a system call and a formatting each (a third of planning a
# created training course).
BLOCK = 4096
# The variant's two high bits (10) over the random nibble: 8, 9, a or b.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
_READY: list[str] = []


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
