"""The C allocator's settings for a process that builds a large plan (glibc's malloc only)."""

from __future__ import annotations

import ctypes
import sys

# mallopt's parameter: requests this large or larger are mapped on their own, and the
# mapping is given back to the system when freed.
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024


def settle() -> bool:
    """Keep large blocks mapped on their own, at glibc's initial threshold, for good.

    glibc raises its threshold each time such a block is freed, up to 32 MB: from then on a
    batch's JSON text or list of a few hundred KB (freed once written) comes from the heap
    and leaves holes there that the plan, which only grows, cannot fill, so the peak memory
    grows by them (a million rows' commit: some 25 MB). Fixing the threshold stops that.
    True when the allocator took the setting; elsewhere (Windows, macOS, musl) nothing is
    done.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
