"""Cancelling Check again gives back the rows shown (nothing changed since they were
checked); while a commit writes, nothing offers to package it, and after a cancelled commit
Enter commits again instead of finishing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit, shot

ROWS = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(3000))


def test_cancelling_check_again_gives_back_the_rows_shown(tmp_path: Path, qtbot: QtBot,
                                                          screenshots: Path) -> None:
    wizard, page, _commit = preview_and_commit(
        teacher_state(tmp_path, "Login;Name;E-mail\n" + ROWS), qtbot)
    model = page.model
    assert model.setData(model.index(0, 4), "zoe@example.net")
    qtbot.wait(20)  # the edit is taken in
    counts = page.counts_label.text()
    page.runner.synchronous = True  # the cancel lands while the check reads the rows
    page.runner.progressed.connect(lambda *_: page.progress_row.cancel_button.click())
    page.recheck_button.click()
    assert page.progress_label.text() == (
        "Check cancelled: the rows shown are those of the last check.")
    assert page.error_label.isHidden()
    assert model.rowCount() == 3000 and page.counts_label.text() == counts
    assert model.data(model.index(0, 4)) == "zoe@example.net"  # the correction still shown
    assert page.isComplete() and wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.replace_button.isEnabled() and page.copy_button.isEnabled()
    assert page.table.isEnabled()
    shot(wizard, screenshots, "recheck-cancelled-rows-kept")
    assert page.progress_label.text() == (
        "Check cancelled: the rows shown are those of the last check.")


def test_package_waits_for_the_commit_and_enter_commits_again_after_a_cancel(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    wizard, _page, commit = preview_and_commit(
        teacher_state(tmp_path, "Login;Name;E-mail\n" + ROWS), qtbot)
    commit.runner.synchronous = True
    offered: list[tuple[bool, bool]] = []

    def cancel_while_writing(*_: object) -> None:
        offered.append((commit.package_button.isEnabled(), commit.send_button.isEnabled()))
        commit.progress_row.cancel_button.click()

    commit.runner.progressed.connect(cancel_while_writing)
    wizard.next()
    qtbot.wait(20)  # the wizard lays out its buttons
    assert offered and set(offered) == {(False, False)}
    assert commit.status.text() == "Cancelled: nothing was written."
    assert not commit.package_button.isEnabled() and not commit.send_button.isEnabled()
    assert commit.package_button.toolTip() == "Available once the rows are committed"
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert commit.retry_button.isDefault() and not finish.isDefault()
    shot(wizard, screenshots, "commit-cancelled-default")
    commit.runner.progressed.disconnect(cancel_while_writing)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Enter: Commit again
    assert commit.status.text().startswith("Committed: run 1")
    assert commit.package_button.isEnabled() and commit.send_button.isEnabled()
    assert finish.isDefault() and not commit.retry_button.isVisible()
