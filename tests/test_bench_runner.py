"""The bench measures each step as its own process: its peak memory is the step's, not the
bench's (a child started by a large process counts that process's peak, on Linux)."""

from __future__ import annotations

import sys

import pytest

from bench.run import python, run

GROWN = 200 * 1024 * 1024  # bytes the bench's own process holds, as after generating files


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's accounting")
def test_a_small_step_started_by_a_large_process_shows_its_own_peak() -> None:
    held = bytearray(GROWN)
    held[::4096] = b"\1" * len(held[::4096])  # touched: resident
    measured = run(python("-c", "import sys; sys.stdout.write('ok'); sys.exit(3)"),
                   keep_output=True)
    del held
    assert measured.peak_mb < 60
    assert measured.code == 3
    assert measured.stdout == "ok"
    assert measured.seconds > 0
