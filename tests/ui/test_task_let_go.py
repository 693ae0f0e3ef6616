"""What a background task holds (its work, its callbacks and what they hold) is let go of on
the window's thread, even when its worker is the last to hold it: a Qt object let go of on a
worker is destroyed there, while the window's thread may use it or what it is tied to."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from importer_gui.core.errors import ImporterError
from importer_gui.ui.tasks import TaskRunner


class Held:
    """Says on which thread it was let go of."""

    def __init__(self, seen: list[str]) -> None:
        self._seen = seen

    def __del__(self) -> None:
        self._seen.append(threading.current_thread().name)


def task_holding(runner: TaskRunner, seen: list[str]) -> threading.Event:
    """Start a task on ``runner`` whose callback holds a ``Held``; it ends once the event
    returned is set."""
    ends, held = threading.Event(), Held(seen)
    runner.run(lambda _monitor: ends.wait(10), lambda _result, _held=held: None)
    return ends


@pytest.mark.parametrize("gone", ["runner deleted", "task replaced"])
def test_a_task_its_worker_holds_last_is_let_go_of_on_the_window_s_thread(
        qtbot: QtBot, gone: str) -> None:
    seen: list[str] = []
    runner = TaskRunner()
    ends = task_holding(runner, seen)
    if gone == "runner deleted":  # with its window: nothing of the window holds the task
        runner.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(runner))
        del runner
    else:
        runner.run(lambda _monitor: "newer", lambda _result: None)
    ends.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert seen == []  # its worker ended, and holds it no more: the window's thread does
    qtbot.waitUntil(lambda: seen != [], timeout=10_000)
    assert seen == [threading.main_thread().name]


def test_a_task_s_error_holds_none_of_its_work(qtbot: QtBot) -> None:
    """The error a task ended with reaches the window's thread without the frames it was
    raised in (and what they hold)."""
    seen: list[str] = []
    errors: list[ImporterError] = []

    def failing(_monitor: Any) -> None:
        held = Held(seen)  # noqa: F841 - a local of the frame the error is raised in
        raise ImporterError("The file is gone.")

    runner = TaskRunner()
    runner.run(failing, lambda _result: None, errors.append)
    qtbot.waitUntil(lambda: errors != [], timeout=10_000)
    assert [error.message for error in errors] == ["The file is gone."]
    assert errors[0].__traceback__ is None
    assert seen != [threading.main_thread().name]  # with its frame, on its worker


def test_what_a_task_s_work_holds_is_let_go_of_on_its_worker(qtbot: QtBot) -> None:
    """What the work reads (a plan of a million rows) is freed off the window's thread."""
    seen: list[str] = []
    shown: list[object] = []
    held = Held(seen)
    returned = threading.Event()
    runner = TaskRunner()
    # The work ends only once run() has returned and the test holds it no more: a caller
    # holds its arguments until the call returns, and a work ending first would be let go
    # of on the window's thread by whichever let go of it last.
    runner.run(lambda _monitor, _held=held: returned.wait(10) and "done", shown.append)
    del held
    returned.set()
    qtbot.waitUntil(lambda: shown == ["done"], timeout=10_000)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert seen != [] and seen != [threading.main_thread().name]
