"""Tools ▸ Store browser… opens its store in the background: a team's server slow to answer,
or silent, never holds the window; a store that cannot be opened is said, naming it, and
Refresh (F5) tries again."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.session import Session
from importer_gui.core.store import PostgresUrl, RunInfo, Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_browser import StoreBrowser, session_browser
from importer_gui.ui.tasks import opening_pool
from tests.stores import existing_store
from tests.ui.waits import longest_wait
from tests.ui.wizards import shot


def test_the_browser_of_a_silent_server_says_it_is_opening_and_then_why_it_could_not(
        window: MainWindow, silent_server: PostgresUrl, qtbot: QtBot, warnings: list[str],
        screenshots: Path) -> None:
    window.state.session.store_path = silent_server
    said: list[str] = []

    def open_browser() -> None:
        """Tools ▸ Store browser…: what it says at once, while it opens the store."""
        browser = window.open_store_browser()
        said.append(browser.store_notice.text())
        said.append(str(browser.tabs.isEnabled()))

    wait = longest_wait(qtbot, lambda: QTimer.singleShot(0, open_browser))
    browser = window.findChild(StoreBrowser)
    shot(browser, screenshots, "store-browser-opening")
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
    said.append(browser.store_notice.text())
    shot(browser, screenshots, "store-browser-not-opened")
    assert said == [
        f"Opening the store {silent_server}…", "False",
        f"The store {silent_server} could not be opened: connection timeout expired. "
        "Refresh (F5) tries again."]
    # Far from the 2 s of the connect timeout (building and painting the browser take
    # their share of the time measured).
    assert wait < 1, wait
    assert warnings == []


def store_of_one_teacher(path: Path) -> None:
    """A store at ``path`` with one teacher, ada, made by one run."""
    with Store.open(path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "ada"})],
                    RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"],
                            {"create": 1}))


def test_a_store_that_could_not_be_opened_is_opened_by_refresh_once_it_is_back(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    good = tmp_path / "good.sqlite3"
    store_of_one_teacher(good)
    path = tmp_path / "store.sqlite3"
    path.write_bytes(b"not a store, half copied" * 100)  # a copy under way, say
    session = Session(path)
    browser = session_browser(session)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
    assert browser.store_notice.text() == (
        f"{path} is not an Import Assistant store. Refresh (F5) tries again.")
    assert not browser.tabs.isEnabled()
    shot(browser, screenshots, "store-browser-unreadable")

    shutil.copyfile(good, path)  # the copy done
    qtbot.keyClick(browser, Qt.Key.Key_F5)
    assert browser.store_notice.text() == f"Opening the store {path}…"
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
    assert browser.store_notice.isHidden()
    assert browser.tabs.isEnabled()
    teachers = browser.record_tabs[Table.TEACHER]
    assert teachers.count_label.text() == "1 record"
    assert browser.history_model.rowCount() == 1
    browser.close()
    assert browser.store is not None
    with pytest.raises(Exception, match="closed"):
        browser.store.history()  # the store it opened is closed with it


def files_held(store: Path) -> int:
    """How many of this process's open files are the store's (its file, journal, shared memory)."""
    return sum(1 for fd in Path("/proc/self/fd").iterdir()
               if str(fd.resolve()).startswith(str(store)))


@pytest.mark.parametrize("opened_first", [False, True], ids=["opening", "opened"])
def test_a_browser_gone_before_its_store_is_shown_closes_what_it_opened_at_once(
        tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture,
        opened_first: bool) -> None:
    store = tmp_path / "store.sqlite3"
    existing_store(store)
    browser = session_browser(Session(store))
    if opened_first:  # its worker is done: the store opened waits for the window's thread
        opening_pool().waitForDone()
    shiboken6.delete(browser)  # as its window is, before the result reaches this thread
    opening_pool().waitForDone()
    QCoreApplication.sendPostedEvents()  # what the worker handed over: dropped, not shown
    assert files_held(store) == 0  # closed, not left for Python to collect
    assert [record.getMessage() for record in caplog.records
            if record.levelno >= logging.WARNING] == []
