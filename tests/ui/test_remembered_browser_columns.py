"""The store browser's columns open again, at the next start, at the widths the user gave
them, tab by tab; fitted to their contents as before when a width kept would not show (none,
or wider than the table), and kept through a search meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.settings import Settings
from importer_gui.ui.store_browser import BROWSER_SETTINGS, StoreBrowser
from tests.ui.test_store_browser_fits import teachers_store

LOGIN, NAME = 1, 2  # the teachers' columns: their login, their last name


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Teachers enough for a page of them."""
    opened = teachers_store(tmp_path / "store.sqlite3", 30)
    yield opened
    opened.close()


def browsed(qtbot: QtBot, store: Store) -> StoreBrowser:
    """A start's store browser (the same settings every start), on the teachers, read."""
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    browser.resize(780, 560)
    browser.show()
    qtbot.waitUntil(lambda: not browser.busy)
    QApplication.processEvents()
    return browser


def widths(browser: StoreBrowser, table: Table = Table.TEACHER) -> list[int]:
    view = browser.record_tabs[table].view
    return [view.columnWidth(column) for column in range(view.model().columnCount())]


def test_a_column_widened_opens_as_wide_at_the_next_start(qtbot: QtBot, store: Store,
                                                         screenshots: Path) -> None:
    first = browsed(qtbot, store)
    fitted = widths(first)
    first.record_tabs[Table.TEACHER].view.horizontalHeader().resizeSection(LOGIN, 260)
    first.close()
    again = browsed(qtbot, store)
    again.grab().save(str(screenshots / "store-browser-column-remembered.png"))
    assert widths(again)[:LOGIN + 1] == [fitted[0], 260]
    assert widths(again)[NAME] == fitted[NAME]  # the others fitted as before


def test_a_tab_not_shown_meanwhile_keeps_its_widths(qtbot: QtBot, store: Store) -> None:
    first = browsed(qtbot, store)
    first.record_tabs[Table.TEACHER].view.horizontalHeader().resizeSection(NAME, 240)
    first.show_table(Table.ROOM)
    first.close()
    browsed(qtbot, store).close()  # on the rooms: the teachers' tab never shown
    again = browsed(qtbot, store)
    again.show_table(Table.TEACHER)
    qtbot.waitUntil(lambda: not again.busy)
    assert widths(again)[NAME] == 240


def test_a_column_widened_keeps_its_width_through_a_search(qtbot: QtBot,
                                                          store: Store) -> None:
    browser = browsed(qtbot, store)
    tab = browser.record_tabs[Table.TEACHER]
    tab.view.horizontalHeader().resizeSection(LOGIN, 250)
    qtbot.keyClicks(tab.search, "teacher01")
    tab.apply_search()
    qtbot.waitUntil(lambda: not browser.busy and tab.model.total == 10)
    assert widths(browser)[LOGIN] == 250


@pytest.mark.parametrize("kept", [0, 5000])
def test_a_width_that_would_not_show_leaves_the_columns_fitted(qtbot: QtBot, store: Store,
                                                              kept: int) -> None:
    first = browsed(qtbot, store)
    fitted = widths(first)
    first.close()
    Settings().save_column_widths(BROWSER_SETTINGS, {"teacher": {"login": 150, "name": kept}})
    again = browsed(qtbot, store)
    assert widths(again) == fitted
