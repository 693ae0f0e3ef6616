"""How long the window waits: a timer ticking every 10 ms, the largest gap between ticks."""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

TICK_MS = 10
LONGEST_WAIT = 0.1  # seconds the window may wait, at most, for anything the user does


def longest_wait(qtbot: QtBot, act: Callable[[], object], after: int = 5) -> float:
    """The longest the window stayed without ticking from just before ``act`` until
    ``after`` ticks past it: what the user did, and the painting it called for."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        qtbot.waitUntil(lambda: len(ticks) >= 2)
        ticks[:] = ticks[-1:]
        act()
        done = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) > done + after, timeout=60_000)
    finally:
        timer.stop()
    return max(b - a for a, b in pairwise(ticks))


def least_of(tries: int, wait: Callable[[], float]) -> float:
    """The least of a few waits for the same act: a busy machine stalls the window now and
    then by itself, while a wait of the window's own comes every time."""
    return min(wait() for _ in range(tries))
