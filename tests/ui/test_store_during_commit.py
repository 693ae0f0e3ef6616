"""Another store chosen while a commit writes asks first, as New import and Open do: the
window would show a store the rows are not written to, and call the run in its history."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from tests.ui.conftest import Questions
from tests.ui.test_nothing_lost import slow_commit
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
