"""A run of many files: its Files tooltip in the store browser's history lists the first ones
and counts the rest, rather than growing taller than the screen; the run selected has them
all listed below the history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser

FILES = [f"/data/2027-06/registrations {n:02d}.csv" for n in range(1, 31)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store whose one run read 30 files, and one whose run read 11."""
    with Store.open(tmp_path / "store.sqlite3") as opened:
        opened.apply([], RunInfo("month.xml", "<import-config/>", FILES[:11], {"create": 0}))
        opened.apply([], RunInfo("month.xml", "<import-config/>", FILES, {"create": 0}))
        yield opened


def files_tips(browser: StoreBrowser) -> list[str]:
    """The Files tooltip of each run shown, newest first."""
    history = browser.history_model
    column = history.COLUMNS.index("files")
    return [history.data(history.index(row, column), Qt.ItemDataRole.ToolTipRole)
            for row in range(history.rowCount())]


def opened(store: Store, qtbot: QtBot) -> StoreBrowser:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    qtbot.waitUntil(lambda: not browser.busy)
    browser.show_history()
    qtbot.waitUntil(lambda: browser.history_model.rowCount() == 2)
    return browser


def test_a_run_of_30_files_lists_ten_and_counts_the_rest(store: Store, qtbot: QtBot) -> None:
    browser = opened(store, qtbot)
    thirty, eleven = files_tips(browser)
    assert thirty.splitlines() == [
        *FILES[:10], "… and 20 more: select the run to see them all below"]
    assert eleven.splitlines() == FILES[:11]  # one more is listed, not counted


def test_the_count_of_the_rest_is_said_in_french(french: None, store: Store,
                                                 qtbot: QtBot) -> None:
    thirty, _ = files_tips(opened(store, qtbot))
    assert thirty.splitlines()[-1] == (
        "… et 20 autres\u00a0: sélectionnez l'exécution pour les voir tous ci-dessous")


def listed(browser: StoreBrowser) -> list[str]:
    """The files listed below the history, top to bottom."""
    view = browser.run_files_view
    return [view.item(row).text() for row in range(view.count())]


def test_the_selected_run_lists_all_its_files_below_the_history(
        store: Store, qtbot: QtBot, screenshots: Path) -> None:
    browser = opened(store, qtbot)
    browser.resize(1100, 700)
    browser.show()
    browser.history_view.clearSelection()  # no run selected: no files listed
    assert not browser.run_files_view.isVisible()

    browser.history_view.selectRow(0)
    assert browser.run_files_label.text() == "Run 2: 30 files read:"
    assert listed(browser) == FILES
    assert browser.run_files_view.isVisible()
    browser.grab().save(str(screenshots / "history-run-files.png"))

    browser.history_view.selectRow(1)
    assert browser.run_files_label.text() == "Run 1: 11 files read:"
    assert listed(browser) == FILES[:11]


def test_the_files_of_the_selected_run_are_introduced_in_french(
        french: None, store: Store, qtbot: QtBot) -> None:
    browser = opened(store, qtbot)
    browser.history_view.selectRow(0)
    assert browser.run_files_label.text() == "Exécution 2\u00a0: 30 fichiers lus\u00a0:"
