"""The store browser's tables open again, at the next start, sorted as the user left them,
tab by tab; in the store's order as before when the column kept is none of the table's.
A tab not shown is not read for its sort: it is read sorted once shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.settings import Settings
from importer_gui.ui.store_browser import BROWSER_SETTINGS, StoreBrowser
from tests.ui.header_mouse import click_title
from tests.ui.test_remembered_browser_columns import LOGIN, browsed
from tests.ui.test_store_browser_fits import teachers_store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """Thirty teachers, teacher000 to teacher029."""
    opened = teachers_store(tmp_path / "store.sqlite3", 30)
    yield opened
    opened.close()


def logins(browser: StoreBrowser) -> list[str]:
    model = browser.record_tabs[Table.TEACHER].model
    return [model.record(row).login for row in range(3)]


def sorted_by_login_downwards(qtbot: QtBot, browser: StoreBrowser) -> None:
    """The user clicks the login's title until it sorts downwards."""
    tab = browser.record_tabs[Table.TEACHER]
    header = tab.view.horizontalHeader()
    while header.sortIndicatorSection() != LOGIN \
            or header.sortIndicatorOrder() != Qt.SortOrder.DescendingOrder:
        click_title(qtbot, tab.view, LOGIN)
        qtbot.waitUntil(lambda: not browser.busy)


def test_a_table_sorted_opens_sorted_so_at_the_next_start(qtbot: QtBot, store: Store,
                                                         screenshots: Path) -> None:
    first = browsed(qtbot, store)
    sorted_by_login_downwards(qtbot, first)
    assert logins(first) == ["teacher029", "teacher028", "teacher027"]
    first.close()
    again = browsed(qtbot, store)
    again.grab().save(str(screenshots / "store-browser-sort-remembered.png"))
    header = again.record_tabs[Table.TEACHER].view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        LOGIN, Qt.SortOrder.DescendingOrder)
    assert logins(again) == ["teacher029", "teacher028", "teacher027"]


def test_a_tab_not_shown_is_read_sorted_once_shown(qtbot: QtBot, store: Store) -> None:
    first = browsed(qtbot, store)
    sorted_by_login_downwards(qtbot, first)
    first.show_table(Table.ROOM)
    first.close()
    browsed(qtbot, store).close()  # on the rooms: the teachers' tab never shown, nor read
    again = browsed(qtbot, store)
    assert again.record_tabs[Table.TEACHER].model.unread
    again.show_table(Table.TEACHER)
    qtbot.waitUntil(lambda: not again.busy)
    assert logins(again) == ["teacher029", "teacher028", "teacher027"]


def test_back_in_the_stores_order_nothing_is_kept(qtbot: QtBot, store: Store) -> None:
    first = browsed(qtbot, store)
    sorted_by_login_downwards(qtbot, first)
    click_title(qtbot, first.record_tabs[Table.TEACHER].view, 0)  # by id again
    qtbot.waitUntil(lambda: not first.busy)
    first.close()
    assert Settings().sort_order(BROWSER_SETTINGS, Table.TEACHER.value) is None
    assert logins(browsed(qtbot, store)) == ["teacher000", "teacher001", "teacher002"]


@pytest.mark.parametrize("kept", [["nickname", "descending"], ["login", "sideways", "x"]])
def test_a_sort_kept_that_no_longer_fits_leaves_the_stores_order(
        qtbot: QtBot, store: Store, kept: list[str]) -> None:
    settings = Settings()
    settings._qs.setValue(f"{BROWSER_SETTINGS}/sort/teacher", kept)  # another version's
    settings._qs.sync()
    again = browsed(qtbot, store)
    assert again.record_tabs[Table.TEACHER].view.horizontalHeader().sortIndicatorSection() == 0
    assert logins(again) == ["teacher000", "teacher001", "teacher002"]
