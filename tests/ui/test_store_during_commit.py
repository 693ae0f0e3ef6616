"""A commit running when another store is chosen or the window closes: asked first, and the
question says what the commit is doing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core.progress import Monitor
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from tests.ui.conftest import Questions
from tests.ui.test_nothing_lost import correct_the_email, slow_commit
from tests.ui.wizards import sample_preview


def test_another_store_chosen_during_a_commit_asks_first(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first, other = window.store_path, tmp_path / "other.sqlite3"
    Store.open(other).close()
    sample_preview(window, sample, qtbot)
    started = threading.Event()
    monkeypatch.setattr("importer_gui.ui.pages.commit_page.run_commit", slow_commit(started))
    wizard, commit = window.wizard, window.wizard.commit_page
    wizard.next()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    questions.answers += ["Go on committing", "Stop the commit"]
    assert not window.use_store(other)
    assert questions.asked[1][:2] == (
        "A commit is running",
        "The rows are being written to the store. Stop the commit? Nothing will be written.")
    assert window.store_path == first and commit.is_running()
    assert window.use_store(other)
    assert not commit.is_running()
    assert commit.status.text() == "Cancelled: nothing was written."
    assert window.store_path == other
    with Store.open(first) as store:
        assert store.history() == []


def slow_recheck(started: threading.Event) -> object:
    """A check of the corrected rows that runs until it is cancelled."""
    def run(store_path: Path, plan: object, monitor: Monitor) -> None:
        started.set()
        while True:
            monitor.step(0, 2, "Checking teachers.csv")  # looks for a cancel, as the check
            threading.Event().wait(0.01)
    return run


def test_closing_while_the_commit_checks_the_corrections_again_says_so(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    correct_the_email(sample_preview(window, sample, qtbot))
    started = threading.Event()
    monkeypatch.setattr("importer_gui.ui.pages.commit_page.run_replan", slow_recheck(started))
    window.wizard.next()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    window.close()  # the corrected copy is written in the background first
    qtbot.waitUntil(lambda: not window.isVisible())
    assert questions.asked[1][:2] == (
        "A commit is running",
        "The rows are being checked again with your corrections, to be written to the "
        "store next. Stop the commit? Nothing will be written.")
    with Store.open(window.state.store_path) as store:
        assert store.history() == []
