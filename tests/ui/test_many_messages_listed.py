"""A check that finds 20,000 different messages (each row quoting its own value): the
messages list holds them all, but makes the text of only those it shows, so that building
it again (a check ends, a correction changes the counts) does not hold the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.core.issues import Issue
from importer_gui.ui.language import ENGLISH
from importer_gui.ui.pages import preview_page
from tests.ui.test_preview_commit import EMAIL, teacher_state, view_row
from tests.ui.wizards import preview_and_commit, shot

MESSAGES = 20_000


def test_twenty_thousand_messages_are_listed_without_making_every_text(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, speaking: str,
        screenshots: Path) -> None:
    rows = "".join(f"t{n};Name {n};t{n}-at-example.org\n" for n in range(MESSAGES))
    rows += "zoe;Zoe;zoe@example.org\n"  # a row to commit: the page is complete once checked
    _wizard, page, _commit = preview_and_commit(
        teacher_state(tmp_path, "Login;Name;E-mail\n" + rows), qtbot)
    made: list[Issue] = []
    line = preview_page._issue_line

    def counted(issue: Issue, *, listed: bool = False) -> str:
        made.append(issue)
        return line(issue, listed=listed)

    monkeypatch.setattr(preview_page, "_issue_line", counted)
    model = page.model
    assert model.setData(model.index(view_row(page, 2), EMAIL), "t0@example.org")
    listed = page.summary_list.model()
    assert listed.rowCount() == MESSAGES  # every row, then the 19,999 messages left
    assert len(made) < 100  # the list built again, its texts not made
    view = page.summary_list
    QApplication.processEvents()
    view.grab()  # painted: the messages on the screen
    assert len(made) < 100  # those on the screen, not the 19,999
    assert view.indexAt(QPoint(8, 8)).row() == 0  # every row, then the messages below
    if speaking == ENGLISH:
        assert listed.index(0).data() == "Every row (no message chosen)"
        assert listed.index(1).data() == (
            "1 × ERROR: Teacher's e-mail address — teacherEmail: t1-at-example.org is not an "
            "e-mail address.")
    view.setCurrentIndex(listed.index(2))  # a click on the second message: its one row
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [12]
    shot(page, screenshots, f"many-messages-{speaking}")
