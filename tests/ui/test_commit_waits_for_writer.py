"""A commit while another program writes to the store: the page says it waits for it,
Cancel ends the wait as a cancel, nothing written, and once the other program is done the
page says again that it commits."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from importer_gui.core import store as store_module
from importer_gui.core.store import Store
from tests.builders import tables
from tests.faults import HANG_GUARD
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit, shot

WAITING = "Waiting for another program to finish writing to the store…"


def test_a_commit_waiting_for_another_writer_says_so_and_is_cancelled(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state = teacher_state(tmp_path, "Login;Name;E-mail\nt1;One;one@example.org\n")
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    store = Path(state.session.store_path)
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing, for as long as it likes
    try:
        wizard.next()
        qtbot.waitUntil(lambda: commit.status.text() == WAITING, timeout=HANG_GUARD * 1000)
        assert commit.progress_row.cancel_button.isVisible()
        shot(wizard, screenshots, "commit-waits-for-writer")
        commit.progress_row.cancel_button.click()
        qtbot.waitUntil(lambda: not commit.runner.busy, timeout=HANG_GUARD * 1000)
    finally:
        other.close()
    assert (commit.status.text(), commit.error_label.text()) == (
        "Cancelled: nothing was written.", "")
    assert tables(store)["teacher"] == []
    with Store.open(store) as opened:
        assert opened.history() == []


def test_a_commit_that_waited_for_another_writer_says_it_commits_once_it_may(
        tmp_path: Path, qtbot: QtBot, screenshots: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    state = teacher_state(tmp_path, "Login;Name;E-mail\nt1;One;one@example.org\n")
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    store = Path(state.session.store_path)
    # The rows' writing held back until the page is looked at: the lock is taken by then.
    writing, go_on = threading.Event(), threading.Event()
    write_run = store_module.write_run

    def held_back(*args: object, **kwargs: object) -> int:
        writing.set()
        go_on.wait(HANG_GUARD)
        return write_run(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "write_run", held_back)
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        wizard.next()
        qtbot.waitUntil(lambda: commit.status.text() == WAITING, timeout=HANG_GUARD * 1000)
        other.execute("ROLLBACK")  # done with it: the commit takes the lock
        qtbot.waitUntil(writing.is_set, timeout=HANG_GUARD * 1000)
        QCoreApplication.processEvents()  # what the commit reported before it wrote
        assert commit.status.text() == "Committing…"
        assert commit.progress_row.cancel_button.isVisible()
        shot(wizard, screenshots, "commit-after-waiting-for-writer")
    finally:
        go_on.set()
        other.close()
    qtbot.waitUntil(lambda: not commit.runner.busy, timeout=HANG_GUARD * 1000)
    assert commit.status.text() == "Committed: run 1 is in the history."
    assert len(tables(store)["teacher"]) == 1
