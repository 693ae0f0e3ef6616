"""The commit page hears of a revert of its run made from the store browser: it says the run
was reverted, and no longer offers to package rows the store no longer holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.wizards import shot, teacher_previewed


def revert_from_browser(browser: StoreBrowser, qtbot: QtBot) -> None:
    """Select the newest run of the history, Revert…, then Revert in its preview."""
    browser.history_view.selectionModel().select(
        browser.history_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    before = browser.revert_dialog
    qtbot.mouseClick(browser.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.revert_dialog is not before, timeout=10_000)
    dialog = browser.revert_dialog
    qtbot.waitUntil(lambda: dialog.revert_button.isEnabled(), timeout=20_000)
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=20_000)
    dialog.close()


def package_offered(commit: CommitPage) -> list[tuple[bool, str]]:
    """Whether Package and Send are enabled, and their tooltips."""
    return [(button.isEnabled(), button.toolTip())
            for button in (commit.package_button, commit.send_button)]


def test_a_revert_from_the_browser_is_said_on_the_commit_page_and_package_withdrawn(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state, wizard, _preview, commit = teacher_previewed(tmp_path, qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert commit.status.text() == "Committed: run 1 is in the history."
    assert package_offered(commit) == [(True, ""), (True, "")]
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)

    revert_from_browser(browser, qtbot)

    said = "Run 1 was reverted by run 2: what it wrote is no longer in the store."
    qtbot.waitUntil(lambda: commit.status.text() == said, timeout=20_000)
    withdrawn = "Run 1 was reverted by run 2: its rows are no longer in the store."
    assert package_offered(commit) == [(False, withdrawn), (False, withdrawn)]
    assert commit.browser_button.isVisible()  # its history, to revert the revert
    with Store.open(state.store_path) as store:
        assert [(run.id, run.reverted_by) for run in store.history()] == [(2, None), (1, 2)]
    shot(wizard, screenshots, "commit-page-run-reverted")

    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
    revert_from_browser(browser, qtbot)  # run 3 reverts the revert: run 1's rows are back
    qtbot.waitUntil(lambda: commit.status.text() == "Committed: run 1 is in the history.",
                    timeout=20_000)
    assert package_offered(commit) == [(True, ""), (True, "")]
    browser.close()
