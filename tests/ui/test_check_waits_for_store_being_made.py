"""A check whose store another program is making (an empty file, its SQLite lock held):
the preview's progress row says it waits for that program, in the user's language, and
once the store is made the check goes on in it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import schema
from importer_gui.core.store.dialect import SQLITE
from importer_gui.core.store.models import SQLITE_FIELDS, BorrowedSqlite, create_tables
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.builders import emptied_long_ago
from tests.faults import HANG_GUARD
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import shot


def made_by_another_program(path: Path) -> sqlite3.Connection:
    """An empty store file written long ago, whose SQLite write lock another program holds
    (a command making a store in it, between its file and its tables)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    emptied_long_ago(path)
    maker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    maker.execute("BEGIN IMMEDIATE")
    return maker


def made(maker: sqlite3.Connection) -> None:
    """The other program goes on: the store made in its lock, committed."""
    create_tables(BorrowedSqlite(maker), SQLITE_FIELDS)
    SQLITE._stamp(maker, schema.SCHEMA_VERSION)
    maker.execute("COMMIT")


@pytest.mark.parametrize(("language", "waiting"), [
    ("english", "Waiting for another program to finish making the store {path}…"),
    ("french", "En attente d'un autre programme, qui crée la base {path}…"),
])
def test_a_check_waits_for_the_store_another_program_is_making_and_says_so(
        tmp_path: Path, qtbot: QtBot, screenshots: Path, language: str, waiting: str,
        request: pytest.FixtureRequest) -> None:
    request.getfixturevalue(language)
    state = teacher_state(tmp_path, "Login;Name;E-mail\nt1;One;one@example.org\n")
    store = Path(state.session.store_path)
    maker = made_by_another_program(store)
    try:
        wizard = QWizard()
        qtbot.addWidget(wizard)
        preview = PreviewPage(state)
        wizard.addPage(preview)
        wizard.resize(1280, 800)
        wizard.show()  # the check starts
        row = preview.progress_row
        qtbot.waitUntil(lambda: row.status.text() == waiting.format(path=store),
                        timeout=HANG_GUARD * 1000)
        assert row.cancel_button.isVisible()
        shot(wizard, screenshots, f"check-waits-for-store-being-made-{language}")
        made(maker)
    finally:
        maker.close()
    qtbot.waitUntil(lambda: not preview.runner.busy, timeout=HANG_GUARD * 1000)
    assert preview.shows_plan()
    assert preview.error_label.text() == ""
    assert preview.model.rowCount() == 1
