"""The commit page's store browser, once the window has gone to another store, is the one of
the store the page's run went to (its button says which), and only runs of that store make
the page read its run again."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.wizard import COMMIT
from tests.ui.test_revert_after_store_switch import teachers
from tests.ui.test_store_browser_since import run
from tests.ui.wizards import sample_preview, shot

USUAL = "Open the store b&rowser and history…"


def committed(window: MainWindow, sample: Path, qtbot: QtBot) -> CommitPage:
    """The sample's teachers committed (run 1 of the window's store), on the commit page."""
    sample_preview(window, sample, qtbot)
    window.wizard.next()
    commit = window.wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert commit.browser_button.text() == USUAL and commit.browser_button.toolTip() == ""
    return commit


def history(browser: StoreBrowser, qtbot: QtBot) -> list[tuple[int, str]]:
    """The runs the browser lists, once read: their numbers and configurations' names."""
    qtbot.waitUntil(lambda: not browser.busy and browser.history_model.rowCount() > 0,
                    timeout=30_000)
    model = browser.history_model
    return [(model.run(r).id, Path(model.run(r).config).name)
            for r in range(model.rowCount())]


def another_run(location: Path, login: str) -> None:
    """A run of one teacher made in the store at ``location``."""
    with Store.open(location) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": login})], run(1))


def test_the_browser_opened_after_a_store_switch_is_the_store_of_the_page_s_run(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path,
        screenshots: Path) -> None:
    left = window.state.store_path
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1", "b2"])
    another_run(other, "b3")
    commit = committed(window, sample, qtbot)
    assert window.use_store(other)
    assert window.wizard.currentId() == COMMIT
    assert commit.status.text() == "Committed: run 1 is in the history."
    assert commit.browser_button.text() == (
        "Open the store b&rowser of store.sqlite3 and its history…")
    assert commit.browser_button.toolTip() == (
        f"Run 1 went to the store {left}, not to the one the window works on now ({other}).")
    shot(window, screenshots, "commit-page-browser-of-the-store-left")

    browser = commit.open_browser()

    assert browser is not None and browser.shows(left) and not browser.shows(other)
    assert history(browser, qtbot) == [(1, "sample-config.xml")]
    assert commit.open_browser() is browser  # brought to the front, not opened again
    assert window.use_store(left)  # back to the page's store: the button as usual
    assert commit.browser_button.text() == USUAL and commit.browser_button.toolTip() == ""
    assert commit.open_browser() is browser


def test_runs_in_the_new_store_leave_the_page_s_run_unread(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path) -> None:
    left = window.state.store_path
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    commit = committed(window, sample, qtbot)

    assert window.use_store(other)
    assert not commit._run_reader.busy  # the run committed to the store left: not read
    another_run(other, "b2")
    window.state.session.record_run(2)  # as a refresh from the platform's exports tells
    assert not commit._run_reader.busy

    assert window.use_store(left)  # back to the page's store
    assert commit._run_reader.busy  # read again: what was done there meanwhile is said
    qtbot.waitUntil(lambda: not commit._run_reader.busy, timeout=20_000)
    assert commit.status.text() == "Committed: run 1 is in the history."
