"""The C allocator's setting for large plans: taken on Linux, skipped elsewhere."""

from __future__ import annotations

import subprocess
import sys

import pytest

from importer_gui.core import allocator


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_a_freed_large_block_goes_back_to_the_system_after_many_were_freed() -> None:
    # glibc raises its mapping threshold each time a mapped block is freed: without the
    # setting the last block of 600 KB comes from the heap and stays there when freed.
    script = (
        "import sys, ctypes\n"
        "from importer_gui.core import allocator\n"
        "if sys.argv[1] == 'settled': assert allocator.settle()\n"
        "libc = ctypes.CDLL(None)  # one handle: a new one's sbrk would return an int\n"
        "libc.sbrk.restype = ctypes.c_void_p\n"
        "def heap(): return libc.sbrk(0)\n"
        "for _ in range(20): bytearray(600 * 1024)  # made and freed\n"
        "start = heap()\n"
        "kept = [bytearray(600 * 1024) for _ in range(20)]\n"
        "print(heap() - start)\n")
    grown = {how: int(subprocess.run([sys.executable, "-c", script, how], check=True,
                                     capture_output=True, text=True).stdout)
             for how in ("settled", "as-is")}
    assert grown["settled"] < 1024 * 1024 <= grown["as-is"]


def test_the_setting_is_taken_where_the_allocator_is_glibcs() -> None:
    taken = allocator.settle()
    assert taken is (sys.platform.startswith("linux") and _glibc())


def _glibc() -> bool:
    import platform

    return platform.libc_ver()[0] == "glibc"
