"""A commit refused because another program wrote the same rows since the check: the page
offers Check again (Commit again would be refused the same way), and Enter presses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core.store import Store
from tests.ui.wizards import shot, teacher_previewed


def test_a_commit_refused_for_a_store_changed_since_the_check_offers_check_again(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state, wizard, preview, commit = teacher_previewed(tmp_path, qtbot)
    # A colleague imports the same file from the command line meanwhile.
    assert main(["commit", str(tmp_path / "config.xml"), "--store", str(state.store_path)]) == 0
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    assert commit.status.text() == "Nothing was written."
    assert commit.error_label.text().startswith(
        "Another teacher already has 'zoe' as teacher's login, written by run 1 (")
    assert commit.error_label.text().endswith(" since the check; check again: nothing was "
                                              f"written to {state.store_path}.")
    assert commit.recheck_button.isVisible()
    assert not commit.retry_button.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is commit.recheck_button, timeout=5_000)
    assert commit.recheck_button.isDefault()
    shot(wizard, screenshots, "commit-refused-store-changed")

    qtbot.keyClick(commit.recheck_button, Qt.Key.Key_Return)
    assert wizard.currentPage() is preview  # checked again against the store as it now is
    qtbot.waitUntil(preview.shows_plan, timeout=20_000)
    checked_at = preview.session.choices.plan.checked_at  # type: ignore[union-attr]
    assert preview.progress_label.text() == (
        f"Checked at {checked_at:%H:%M}. Nothing to commit: every row is unchanged or has "
        "errors.")
    with Store.open(state.store_path) as store:
        assert [run.id for run in store.history()] == [1]
