"""A store browser on a store the window has left since speaks for its own store only: another
store copied over the one it shows, or that store opened at last, is said in that browser, and
the window, working on another store now, keeps its preview (its plan is not dropped, nothing
says its store was replaced)."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.wizard import COMMIT
from tests.core.test_session_store_replaced import colleagues_store
from tests.ui.test_commit_page_reverted import package_offered, revert_from_browser
from tests.ui.test_revert_after_store_switch import teachers
from tests.ui.test_store_replaced import not_the_one, shown_runs
from tests.ui.wizards import sample_preview, shot

THEIRS = [(2, "/theirs/theirs.xml"), (1, "/theirs/theirs.xml")]  # the colleague's runs


def left_for(window: MainWindow, other: Path, browser: StoreBrowser, sample: Path,
             qtbot: QtBot) -> PreviewPage:
    """The window gone to the store ``other`` (its browser stays on the one left), on the
    sample's preview checked against it."""
    assert window.use_store(other)
    assert not browser.shows(window.state.store_path)
    return sample_preview(window, sample, qtbot)


def assert_kept(window: MainWindow, page: PreviewPage, shown: object, other: Path) -> None:
    """The preview shows the plan it showed, and nothing says the window's store was
    replaced."""
    assert page.shows_plan() and page.model.plan is shown
    assert window.statusBar().currentMessage() != not_the_one(other)


def test_a_store_copied_over_the_one_left_is_said_in_its_browser_only(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path) -> None:
    left = window.state.store_path
    teachers(left, ["a1", "a2"])
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    browser = window.wizard.commit_page.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy and browser.history_model.rowCount() == 1,
                    timeout=30_000)
    page = left_for(window, other, browser, sample, qtbot)
    shown = page.model.plan
    shutil.copyfile(colleagues_store(tmp_path), left)
    browser.refresh()  # F5 in the browser on the store left
    qtbot.waitUntil(lambda: not browser.busy and shown_runs(browser) == THEIRS,
                    timeout=30_000)
    assert browser.store_notice.text() == not_the_one(left)
    assert_kept(window, page, shown, other)


def test_the_store_left_opened_at_last_by_its_browser_leaves_the_new_one_s_preview(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path) -> None:
    left = window.state.store_path
    left.write_bytes(b"not a store yet")  # the browser cannot open it, and says so
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    browser = window.wizard.commit_page.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy, timeout=30_000)
    assert browser.store is None and browser.store_notice.isVisible()
    page = left_for(window, other, browser, sample, qtbot)
    shown = page.model.plan
    left.unlink()
    teachers(left, ["a1", "a2"])
    browser.refresh()  # F5: opened at last, the store left is shown
    qtbot.waitUntil(lambda: not browser.busy and browser.history_model.rowCount() == 1,
                    timeout=30_000)
    assert browser.store is not None and browser.store.path == left
    assert_kept(window, page, shown, other)


def test_a_revert_in_the_store_left_of_the_run_committed_there_is_said_on_the_commit_page(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path,
        screenshots: Path) -> None:
    left = window.state.store_path
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    sample_preview(window, sample, qtbot)
    wizard, commit = window.wizard, window.wizard.commit_page
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy and browser.history_model.rowCount() == 1,
                    timeout=30_000)
    assert window.use_store(other)
    assert wizard.currentId() == COMMIT and not browser.shows(window.state.store_path)
    assert commit.status.text() == "Committed: run 1 is in the history."

    revert_from_browser(browser, qtbot)  # run 1 of the store left, committed on this page

    said = "Run 1 was reverted by run 2: what it wrote is no longer in the store."
    qtbot.waitUntil(lambda: commit.status.text() == said, timeout=10_000)
    withdrawn = "Run 1 was reverted by run 2: its rows are no longer in the store."
    assert package_offered(commit) == [(False, withdrawn), (False, withdrawn)]
    shot(window, screenshots, "commit-page-run-reverted-in-the-store-left")
    with Store.open(left) as store:
        assert [(run.id, run.reverted_by) for run in store.history()] == [(2, None), (1, 2)]
    with Store.open(other) as store:
        assert [(run.id, run.reverted_by) for run in store.history()] == [(1, None)]
