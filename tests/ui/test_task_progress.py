"""A long task's progress reaches the window a few times a second, not at every report: each
report is a slot run on the window's thread, which waits there for the worker's GIL."""

from __future__ import annotations

import math
import time

from pytestqt.qtbot import QtBot

from importer_gui.core.progress import Monitor
from importer_gui.ui.tasks import REPORT_INTERVAL, TaskRunner

REPORTS = 20_000


def _run(qtbot: QtBot, work: object) -> list[tuple[int, int, str]]:
    """Run ``work`` in the background; the reports the window heard, in order."""
    runner = TaskRunner()
    heard: list[tuple[int, int, str]] = []
    runner.progressed.connect(lambda done, total, what: heard.append((done, total, what)))
    finished: list[object] = []
    runner.run(work, finished.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    return heard


def test_many_reports_reach_the_window_a_few_times_a_second(qtbot: QtBot) -> None:
    took: list[float] = []

    def work(monitor: Monitor) -> None:
        start = time.monotonic()
        for done in range(1, REPORTS + 1):
            monitor.progress(done, REPORTS, "Checking")
        took.append(time.monotonic() - start)

    heard = _run(qtbot, work)
    assert heard[0] == (1, REPORTS, "Checking")  # the first at once: the bar moves
    assert heard[-1] == (REPORTS, REPORTS, "Checking")  # the last: the bar ends full
    assert len(heard) <= 2 + math.ceil(took[0] / REPORT_INTERVAL)
    assert len(heard) < REPORTS // 100


def test_a_new_step_is_heard_at_once(qtbot: QtBot) -> None:
    def work(monitor: Monitor) -> None:
        for what in ("Reading", "Checking", "Writing"):
            for done in range(1, 1_001):
                monitor.progress(done, 0, what)

    heard = _run(qtbot, work)
    firsts = [(done, what) for done, _total, what in heard if done == 1]
    assert firsts == [(1, "Reading"), (1, "Checking"), (1, "Writing")]
