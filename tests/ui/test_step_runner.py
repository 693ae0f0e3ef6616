"""Work in steps: its short steps between the window's events, its long ones on a worker,
and nothing heard of work dropped."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from importer_gui.core.errors import ImporterError
from importer_gui.core.steps import Elsewhere, Steps
from importer_gui.ui.steps import StepRunner


class Outcome:
    """What a run told: its result or its error."""

    def __init__(self) -> None:
        self.results: list[Any] = []
        self.errors: list[str] = []

    def result(self, value: Any) -> None:
        self.results.append(value)

    def error(self, error: ImporterError) -> None:
        self.errors.append(error.message)


def test_short_steps_let_the_windows_events_in_and_long_ones_run_on_a_worker(
        qtbot: QtBot) -> None:
    seen: list[str] = []
    window = threading.get_ident()

    def work() -> Steps[str]:
        seen.append("first step")
        QTimer.singleShot(0, lambda: seen.append("an event"))  # a click, a repaint
        yield None
        seen.append("second step")
        where = yield Elsewhere(threading.get_ident)
        seen.append("on a worker" if where != window else "on the window's thread")
        return "done"

    runner, outcome = StepRunner(), Outcome()
    runner.run(work(), outcome.result, outcome.error)
    assert seen == ["first step"]  # the first step at once, the rest after the events
    assert runner.busy
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert seen == ["first step", "an event", "second step", "on a worker"]
    assert outcome.results == ["done"]
    assert outcome.errors == []


def test_work_cancelled_or_replaced_is_never_heard_of(qtbot: QtBot) -> None:
    closed: list[str] = []

    def work(name: str) -> Steps[str]:
        try:
            yield None
            yield Elsewhere(lambda: name)
            return name
        finally:
            closed.append(name)

    runner, outcome = StepRunner(), Outcome()
    runner.run(work("first"), outcome.result, outcome.error)
    runner.run(work("second"), outcome.result, outcome.error)  # the first dropped
    assert closed == ["first"]
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert outcome.results == ["second"]
    runner.run(work("third"), outcome.result, outcome.error)
    runner.cancel()
    assert not runner.busy
    runner.runner.wait(5_000)
    qtbot.wait(50)  # what the dropped work might tell would be told by now
    assert outcome.results == ["second"]
    assert closed == ["first", "second", "third"]
    assert outcome.errors == []


def test_a_failing_step_is_told_as_an_error_not_a_traceback(qtbot: QtBot) -> None:
    def work() -> Steps[None]:
        yield None
        raise KeyError("a bug")

    runner, outcome = StepRunner(), Outcome()
    runner.run(work(), outcome.result, outcome.error)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert outcome.results == []
    assert len(outcome.errors) == 1
    assert outcome.errors[0].startswith("Something unexpected went wrong (KeyError)")


def test_a_failing_long_step_is_told_and_the_work_let_go(qtbot: QtBot) -> None:
    closed: list[str] = []

    def fails() -> None:
        raise ValueError("a bug on the worker")

    def work() -> Steps[None]:
        try:
            yield Elsewhere(fails)
            yield None
        finally:
            closed.append("work")

    runner, outcome = StepRunner(), Outcome()
    runner.run(work(), outcome.result, outcome.error)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert outcome.results == []
    assert outcome.errors[0].startswith("Something unexpected went wrong (ValueError)")
    assert closed == ["work"]
