"""A commit whose store was moved or deleted since it was checked: said, and Enter does not
press Commit again (which would fail the same way) nor Finish (a new import); once the store
is back, Commit again commits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.builders import tables
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit, shot


def test_a_store_gone_before_the_commit_is_not_committed_again_on_enter(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state = teacher_state(tmp_path, "Login;Name;E-mail\nt1;One;one@example.org\n")
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    commit.runner.synchronous = True
    store = Path(state.session.store_path)
    moved = store.rename(tmp_path / "moved.sqlite3")
    wizard.next()
    qtbot.wait(20)  # the wizard lays out its buttons
    said = (f"The store {store} is no longer there: it was moved or deleted since it was "
            "opened. File ▸ Open store… opens it where it is now, or another.")
    assert (commit.status.text(), commit.error_label.text()) == ("Nothing was written.", said)
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert commit.retry_button.isVisible() and not commit.retry_button.isDefault()
    assert not finish.isDefault()
    shot(wizard, screenshots, "commit-store-gone")
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # nothing: the store is still gone
    qtbot.wait(20)
    assert wizard.isVisible() and wizard.currentPage() is commit
    assert commit.error_label.text() == said and not store.exists()
    moved.rename(store)  # put back
    commit.retry_button.click()
    assert commit.status.text().startswith("Committed: run 1")
    assert [row[1] for row in tables(store)["teacher"]] == ["t1"]
