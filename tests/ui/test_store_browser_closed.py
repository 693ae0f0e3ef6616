"""The store browser opened from the commit page, once closed, is gone with what it was
reading: by its own Close button, or with the main window."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from importer_gui.ui import store_browser
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.wizards import sample_preview

SLOW_READ = 1.0  # seconds a held read of the history takes, unless released


class HeldReads:
    """The browser's reads of the history, each held until released (or SLOW_READ), as a
    distant server's would be."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.ended = threading.Event()
        real = store_browser._read_since

        def held(*args: Any, **kwargs: Any) -> Any:
            self.started.set()
            self.release.wait(SLOW_READ)
            try:
                return real(*args, **kwargs)
            finally:
                self.ended.set()

        monkeypatch.setattr(store_browser, "_read_since", held)


def committed(window: MainWindow, sample: Path, qtbot: QtBot) -> CommitPage:
    """The sample's teachers committed in the window (its rows with errors left out)."""
    sample_preview(window, sample, qtbot)
    window.wizard.next()
    commit = window.wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=30_000)
    return commit


def opened_browser(commit: CommitPage, qtbot: QtBot) -> StoreBrowser:
    """The browser its button opens, once it has read the history."""
    commit.browser_button.click()
    browser = commit.browser
    assert browser is not None and browser.isVisible()
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
    assert browser.history_model.rowCount() == 1
    return browser


def browsers(commit: CommitPage) -> list[StoreBrowser]:
    """The store browsers the commit page holds, shown or not."""
    return commit.findChildren(StoreBrowser)


def test_a_browser_closed_while_reading_is_gone_and_opens_anew(
        window: MainWindow, sample: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    commit = committed(window, sample, qtbot)
    browser = opened_browser(commit, qtbot)
    held = HeldReads(monkeypatch)
    browser.refresh()  # F5: the history read again, held
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    browser.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(browser), timeout=10_000)
    assert browsers(commit) == []
    held.release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(10)  # the read's outcome, to nobody

    again = opened_browser(commit, qtbot)  # a new one, reading the store afresh
    assert browsers(commit) == [again]
    commit.browser_button.click()  # brought to the front, not opened twice
    assert commit.browser is again and browsers(commit) == [again]


def test_closing_the_main_window_closes_the_browser_and_waits_for_its_reads(
        window: MainWindow, sample: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    commit = committed(window, sample, qtbot)
    browser = opened_browser(commit, qtbot)
    held = HeldReads(monkeypatch)
    browser.refresh()
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    assert window.close()
    assert held.ended.is_set()  # nothing left reading the store once the window is gone
    assert not shiboken6.isValid(browser) and browsers(commit) == []  # closed, and gone
