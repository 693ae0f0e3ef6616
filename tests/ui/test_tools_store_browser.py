"""Tools ▸ Store browser… stays beside the wizard: the administrator works in the window with
it open; one browser per store, a run made meanwhile shown in it, Esc closing it, and the
window taking it along as it closes. Once the window works on another store, the browser
says it shows the store left."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.test_platform_hooks import action
from tests.ui.test_revert_after_store_switch import teachers
from tests.ui.wizards import sample_preview, shot


def opened(window: MainWindow, qtbot: QtBot) -> StoreBrowser:
    """Tools ▸ Store browser…, once it has read the store."""
    browser = window.open_store_browser()
    qtbot.waitUntil(lambda: browser.isVisible() and not browser.busy, timeout=30_000)
    return browser


def shown_browsers(window: MainWindow) -> list[StoreBrowser]:
    """The store browsers on the screen."""
    return [browser for browser in window.findChildren(StoreBrowser) if browser.isVisible()]


def test_the_tools_browser_stays_beside_the_wizard_which_commits_into_what_it_shows(
        window: MainWindow, qtbot: QtBot, sample: Path, screenshots: Path) -> None:
    browser = opened(window, qtbot)
    assert not browser.isModal() and QApplication.activeModalWidget() is None
    assert browser.history_model.rowCount() == 0

    sample_preview(window, sample, qtbot)  # the wizard worked in, the browser open
    window.wizard.next()  # Commit
    commit = window.wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    qtbot.waitUntil(lambda: browser.history_model.rowCount() == 1 and not browser.busy,
                    timeout=30_000)
    assert browser.isVisible()
    with Store.open(window.state.store_path) as store:
        committed = store.count(Table.TEACHER)
    assert committed > 1  # "records", in the plural
    assert browser.record_tabs[Table.TEACHER].count_label.text() == f"{committed} records"
    shot(browser, screenshots, "tools-store-browser-beside-the-wizard")


def test_tools_store_browser_again_brings_the_one_open_to_the_front(
        window: MainWindow, qtbot: QtBot) -> None:
    browser = opened(window, qtbot)
    assert window.open_store_browser() is browser
    assert shown_browsers(window) == [browser]


def test_escape_closes_the_tools_browser_and_the_next_one_is_a_new_one(
        window: MainWindow, qtbot: QtBot) -> None:
    browser = opened(window, qtbot)
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shiboken6.isValid(browser) or not browser.isVisible())
    assert shown_browsers(window) == []
    again = opened(window, qtbot)
    assert shown_browsers(window) == [again]


def test_the_tools_browser_closes_with_the_window_and_its_store_with_it(
        window: MainWindow, qtbot: QtBot) -> None:
    browser = opened(window, qtbot)
    store = browser.store
    assert window.close()
    assert not shiboken6.isValid(browser)
    with pytest.raises(Exception, match="closed"):
        store.history()  # the store it opened is closed with it


def test_a_tools_browser_on_the_store_left_says_so_and_tools_opens_one_on_the_new_one(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    left = window.state.store_path
    teachers(left, ["a1", "a2"])
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    browser = opened(window, qtbot)
    assert browser.left_notice.isHidden()

    assert window.use_store(other)
    assert browser.isVisible() and browser.store.path == left
    assert browser.left_notice.text() == (
        f"This browser shows the store {left}; the window works on {other} now "
        "(Tools ▸ Store browser… shows that one).")
    assert browser.left_notice.isVisible()
    shot(browser, screenshots, "tools-store-browser-on-the-store-left")

    new = opened(window, qtbot)  # Tools ▸ Store browser… on the window's store now
    assert new is not browser and new.store.path == other
    assert new.record_tabs[Table.TEACHER].count_label.text() == "1 record"
    assert new.left_notice.isHidden()
    assert sorted(shown_browsers(window), key=id) == sorted([browser, new], key=id)

    assert window.use_store(left)  # back: the first one is the window's store's again
    assert browser.left_notice.isHidden() and new.left_notice.isVisible()
    assert window.open_store_browser() is browser


def browser_behind_the_wizard(window: MainWindow, qtbot: QtBot) -> StoreBrowser:
    """Tools ▸ Store browser… opened, its search box had the keyboard, then the administrator
    went back to the wizard."""
    browser = opened(window, qtbot)
    browser.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser.record_tabs[Table.TEACHER].search)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return browser


def test_tools_store_browser_again_gives_the_one_open_the_keyboard_in_its_search_box(
        window: MainWindow, qtbot: QtBot) -> None:
    browser = browser_behind_the_wizard(window, qtbot)
    action(window, "Tools", "Store browser…").trigger()
    qtbot.waitUntil(browser.isActiveWindow)
    assert QApplication.focusWidget() is browser.record_tabs[Table.TEACHER].search


def test_tools_store_browser_again_puts_back_the_one_minimized(
        window: MainWindow, qtbot: QtBot) -> None:
    browser = browser_behind_the_wizard(window, qtbot)
    browser.showMinimized()
    qtbot.waitUntil(browser.isMinimized)
    action(window, "Tools", "Store browser…").trigger()
    assert not browser.isMinimized()
    qtbot.waitUntil(browser.isActiveWindow)
    assert QApplication.focusWidget() is browser.record_tabs[Table.TEACHER].search


def test_ctrl_b_in_the_browser_goes_back_to_the_wizard_and_ctrl_b_there_comes_back(
        window: MainWindow, qtbot: QtBot) -> None:
    browser = opened(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = QApplication.focusWidget()
    assert before is not None and before.window() is window
    action(window, "Tools", "Store browser…").trigger()
    qtbot.waitUntil(browser.isActiveWindow)
    search = browser.record_tabs[Table.TEACHER].search
    assert QApplication.focusWidget() is search

    qtbot.keyClick(search, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.activeWindow() is window
    assert QApplication.focusWidget() is before  # where the keyboard was in the wizard
    assert browser.isVisible()  # left open behind the window

    qtbot.keyClick(before, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(browser.isActiveWindow)
    assert QApplication.focusWidget() is search
    assert shown_browsers(window) == [browser]
    assert "Ctrl+B goes back to the window" in browser.findChild(
        QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).toolTip()
