"""The store browser's columns open again, at the next start, at the widths the user gave
them (dragging a header's edge, or double-clicking it), tab by tab; fitted to their contents as
before when a width kept would not show (none, or wider than the table), and kept through a
search meanwhile. A width Qt gives a column of its own is not the user's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.settings import Settings
from importer_gui.ui.store_browser import BROWSER_SETTINGS, StoreBrowser
from tests.ui.header_mouse import click_title, double_click_edge, drag_edge, edge
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
    drag_edge(qtbot, first.record_tabs[Table.TEACHER].view, LOGIN, 60)
    first.close()
    again = browsed(qtbot, store)
    again.grab().save(str(screenshots / "store-browser-column-remembered.png"))
    assert widths(again)[:LOGIN + 1] == [fitted[0], fitted[LOGIN] + 60]
    assert widths(again)[NAME] == fitted[NAME]  # the others fitted as before


def test_a_tab_not_shown_meanwhile_keeps_its_widths(qtbot: QtBot, store: Store) -> None:
    first = browsed(qtbot, store)
    dragged = widths(first)[NAME] + 50
    drag_edge(qtbot, first.record_tabs[Table.TEACHER].view, NAME, 50)
    first.show_table(Table.ROOM)
    first.close()
    browsed(qtbot, store).close()  # on the rooms: the teachers' tab never shown
    again = browsed(qtbot, store)
    again.show_table(Table.TEACHER)
    qtbot.waitUntil(lambda: not again.busy)
    assert widths(again)[NAME] == dragged


def test_a_column_widened_keeps_its_width_through_a_search(qtbot: QtBot,
                                                          store: Store) -> None:
    browser = browsed(qtbot, store)
    tab = browser.record_tabs[Table.TEACHER]
    dragged = widths(browser)[LOGIN] + 50
    drag_edge(qtbot, tab.view, LOGIN, 50)
    qtbot.keyClicks(tab.search, "teacher01")
    tab.apply_search()
    qtbot.waitUntil(lambda: not browser.busy and tab.model.total == 10)
    assert widths(browser)[LOGIN] == dragged


def test_a_double_clicked_width_opens_so_at_the_next_start(qtbot: QtBot, store: Store) -> None:
    first = browsed(qtbot, store)
    drag_edge(qtbot, first.record_tabs[Table.TEACHER].view, NAME, 100)
    first.close()
    second = browsed(qtbot, store)
    view = second.record_tabs[Table.TEACHER].view
    double_click_edge(qtbot, view, NAME)  # Qt fits it to its title and texts again
    whole = widths(second)[NAME]
    assert whole == view.horizontalHeader().sectionSizeHint(NAME)
    second.close()
    assert widths(browsed(qtbot, store))[NAME] == whole


def test_only_a_drag_is_remembered_through_a_search_sort_tabs_refresh_and_resize(
        qtbot: QtBot, store: Store) -> None:
    browser = browsed(qtbot, store)
    tab = browser.record_tabs[Table.TEACHER]
    dragged = widths(browser)[LOGIN] + 40
    drag_edge(qtbot, tab.view, LOGIN, 40)
    qtbot.keyClicks(tab.search, "teacher01")
    tab.apply_search()
    qtbot.waitUntil(lambda: not browser.busy and tab.model.total == 10)
    tab.search.clear()
    tab.apply_search()
    qtbot.waitUntil(lambda: not browser.busy and tab.model.total == 30)
    click_title(qtbot, tab.view, NAME)
    qtbot.waitUntil(lambda: not browser.busy)
    assert tab.view.horizontalHeader().sortIndicatorSection() == NAME
    for table in (Table.ROOM, Table.LEARNER, Table.TEACHER):
        browser.show_table(table)
        qtbot.waitUntil(lambda: not browser.busy)
    browser.findChild(QPushButton, "refreshStore").click()  # Refresh (F5)
    qtbot.waitUntil(lambda: not browser.busy)
    for width in (1400, 500, 780):
        browser.resize(width, 560)
        QApplication.processEvents()
    browser.close()
    settings = Settings()
    assert {table.value: settings.column_widths(BROWSER_SETTINGS, table.value)
            for table in browser.record_tabs} == {
        table.value: {"login": dragged} if table is Table.TEACHER else {}
        for table in browser.record_tabs}


def test_a_width_qt_gives_a_column_of_its_own_is_not_remembered(qtbot: QtBot,
                                                               store: Store) -> None:
    first = browsed(qtbot, store)
    fitted = widths(first)
    # As Qt resizes a column itself (a model reset moving the stretched last column):
    # no button of the user's is down on the header.
    first.record_tabs[Table.TEACHER].view.horizontalHeader().resizeSection(LOGIN, 250)
    first.close()
    assert Settings().column_widths(BROWSER_SETTINGS, Table.TEACHER.value) == {}
    assert widths(browsed(qtbot, store)) == fitted


@pytest.mark.parametrize("kept", [0, 5000])
def test_a_width_that_would_not_show_leaves_the_columns_fitted(qtbot: QtBot, store: Store,
                                                              kept: int) -> None:
    first = browsed(qtbot, store)
    fitted = widths(first)
    first.close()
    Settings().save_column_widths(BROWSER_SETTINGS, {"teacher": {"login": 150, "name": kept}})
    again = browsed(qtbot, store)
    assert widths(again) == fitted


def test_columns_fitted_while_the_button_is_down_are_not_remembered(qtbot: QtBot,
                                                                   store: Store) -> None:
    browser = browsed(qtbot, store)
    tab = browser.record_tabs[Table.TEACHER]
    viewport, start = tab.view.horizontalHeader().viewport(), edge(tab.view, LOGIN)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    tab.search.setText("teacher01")  # its rows arrive as the user is about to drag
    tab.apply_search()
    qtbot.waitUntil(lambda: not browser.busy and tab.model.total == 10)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start)
    browser.close()
    assert Settings().column_widths(BROWSER_SETTINGS, Table.TEACHER.value) == {}
