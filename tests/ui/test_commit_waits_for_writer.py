"""A commit while another program writes to the store: the page says it waits for it, and
Cancel ends the wait as a cancel, nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

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
