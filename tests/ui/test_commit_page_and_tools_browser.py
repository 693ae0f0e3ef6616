"""One store browser per store, whichever way it was opened: the commit page's button brings
a Tools ▸ Store browser… already open on its store to the front, on the run just committed,
and a revert made in that browser is said on the commit page, even once the window works on
another store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.test_commit_browser_after_store_switch import committed
from tests.ui.test_commit_page_reverted import package_offered, revert_from_browser
from tests.ui.test_revert_after_store_switch import teachers
from tests.ui.test_tools_store_browser import opened, shown_browsers
from tests.ui.wizards import shot


def shown_run(browser: StoreBrowser) -> int | None:
    """The run selected in the history, when the history is the tab shown."""
    if browser.tabs.currentIndex() != browser.tabs.count() - 1:
        return None
    run = browser.selected_run()
    return None if run is None else run.id


def test_the_commit_page_s_button_brings_the_tools_browser_to_the_run_committed(
        window: MainWindow, qtbot: QtBot, sample: Path, screenshots: Path) -> None:
    teachers(window.state.store_path, ["a1", "a2"])  # run 1, before the wizard's
    browser = opened(window, qtbot)
    browser.show_history()
    browser.history_view.selectionModel().select(
        browser.history_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    browser.tabs.setCurrentIndex(0)  # the user went on to the teachers, run 1 selected
    assert browser.selected_run().id == 1

    commit = committed(window, sample, qtbot)  # run 2
    qtbot.waitUntil(lambda: browser.history_model.rowCount() == 2 and not browser.busy,
                    timeout=30_000)
    commit.browser_button.click()

    assert shown_browsers(window) == [browser]  # the one open, not a second one
    assert commit.browser is browser
    qtbot.waitUntil(lambda: shown_run(browser) == 2, timeout=20_000)
    qtbot.waitUntil(lambda: browser.corrections_label.text() == (
        "Run 2: no cell was corrected in the preview."), timeout=20_000)
    shot(browser, screenshots, "commit-page-button-brings-the-tools-browser")


def test_the_commit_page_s_own_browser_shows_the_run_committed(
        window: MainWindow, qtbot: QtBot, sample: Path) -> None:
    teachers(window.state.store_path, ["a1", "a2"])
    commit = committed(window, sample, qtbot)
    commit.browser_button.click()
    browser = commit.browser
    assert browser is not None and shown_browsers(window) == [browser]
    qtbot.waitUntil(lambda: shown_run(browser) == 2, timeout=20_000)


def test_a_revert_in_the_tools_browser_is_said_on_the_commit_page_after_a_store_switch(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path) -> None:
    browser = opened(window, qtbot)
    commit = committed(window, sample, qtbot)  # run 1
    qtbot.waitUntil(lambda: browser.history_model.rowCount() == 1 and not browser.busy,
                    timeout=30_000)
    browser.show_history()

    revert_from_browser(browser, qtbot)  # run 2 reverts it, the window on its store
    said = "Run 1 was reverted by run 2: what it wrote is no longer in the store."
    qtbot.waitUntil(lambda: commit.status.text() == said, timeout=20_000)

    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    assert window.use_store(other)  # the browser stays on the store of the page's run
    qtbot.waitUntil(lambda: not browser.busy and not commit._run_reader.busy, timeout=20_000)
    revert_from_browser(browser, qtbot)  # run 3 reverts the revert: run 1's rows are back
    qtbot.waitUntil(lambda: commit.status.text() == "Committed: run 1 is in the history.",
                    timeout=20_000)
    assert package_offered(commit) == [(True, ""), (True, "")]
