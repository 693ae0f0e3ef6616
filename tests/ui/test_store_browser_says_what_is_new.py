"""The store browser, open while the store changes (a commit in the wizard, a colleague's
commit, a revert from the command line), shows the new records where the user left the
table (its search, its sort, the record selected, the place scrolled to) and says below
what it read: the runs made since, or, when the user asked (F5), that there were none."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QWidget

from importer_gui.core import schema
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import PostgresUrl, RunInfo, Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui.state import WizardState
from importer_gui.ui.store_browser import RecordTab, StoreBrowser, session_browser
from tests.ui.test_store_browser_read_failed import serving  # noqa: F401 - a fixture
from tests.ui.wizards import shot

MEETINGS = 300  # run 2: interventions g1000 to g1299 (run 1: their course and session)
GUID = ["id", *schema.column_names(Table.INTERVENTION)].index("guid")


def run(count: int) -> RunInfo:
    """An import run's description."""
    return RunInfo("meetings.xml", "<import-config/>", ["meetings.csv"], {"create": count})


def meetings(location: StoreLocation, first: int, count: int) -> None:
    """One run creating interventions g<first>..., through a connection of its own."""
    with Store.open(location) as store:
        store.apply([Change(Table.INTERVENTION, ChangeKind.CREATE, -n,
                            {"guid": f"g{n}", "session_id": 1})
                     for n in range(first, first + count)], run(count))


def said_read(browser: StoreBrowser, since: datetime) -> str:
    """What the line beside Refresh says, its "Read at" checked to be a minute from ``since``
    to now (in the C locale's way) and cut off."""
    said, _, when = browser.read_status.text().rpartition(" Read at ")
    assert when in (f"{since:%H:%M}.", f"{datetime.now():%H:%M}."), browser.read_status.text()
    return said


@pytest.fixture
def store(store_url: StoreLocation) -> StoreLocation:
    """A session's course (run 1), then its MEETINGS interventions (run 2)."""
    with Store.open(store_url) as opened:
        opened.apply([
            Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "P1", "title": "Safety"}),
            Change(Table.SESSION, ChangeKind.CREATE, -2, {"training_id": -1, "title": "May"})],
            run(2))
    meetings(store_url, 1000, MEETINGS)
    return store_url


@pytest.fixture
def state(store: StoreLocation) -> WizardState:
    """The wizard's session on that store."""
    return WizardState(store)


@pytest.fixture
def browser(state: WizardState, qtbot: Any) -> Iterator[StoreBrowser]:
    """The session's browser, followed as the window follows it, shown and read."""
    shown = session_browser(state.session)
    qtbot.addWidget(shown)
    state.follow_store(shown)
    shown.resize(1000, 700)
    shown.show()
    qtbot.waitExposed(shown)
    settle(shown, qtbot)
    yield shown


def settle(browser: StoreBrowser, qtbot: Any) -> None:
    """Wait for what the browser reads in the background."""
    qtbot.waitUntil(lambda: browser.store is not None and not browser.busy, timeout=20_000)


def guid_on(tab: RecordTab, row: int) -> str:
    """The intervention's GUID shown on a row."""
    return tab.model.record(row).guid


def searched_sorted_and_scrolled(browser: StoreBrowser, qtbot: Any) -> RecordTab:
    """The interventions whose GUID has "g1", newest GUID first, read down to row 250,
    g1099 selected and g1119 shown first."""
    browser.show_table(Table.INTERVENTION)
    tab = browser.record_tabs[Table.INTERVENTION]
    tab.view.sortByColumn(GUID, Qt.SortOrder.DescendingOrder)
    QTest.keyClicks(tab.search, "g1")
    tab.apply_search()
    settle(browser, qtbot)
    while tab.model.canFetchMore() and tab.model.rowCount() < 250:
        tab.model.fetchMore()
        settle(browser, qtbot)
    tab.view.selectRow(200)
    tab.view.scrollTo(tab.model.index(180, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    assert (guid_on(tab, 200), guid_on(tab, tab.view.rowAt(0))) == ("g1099", "g1119")
    return tab


def away(browser: StoreBrowser, qtbot: Any) -> None:
    """The user goes to another window (the terminal a colleague's command runs in)."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not browser.isActiveWindow())


def back(browser: StoreBrowser, qtbot: Any) -> None:
    """The user comes back to the browser."""
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    settle(browser, qtbot)


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_a_commit_in_the_wizard_shows_where_the_user_left_the_table_and_is_said(
        browser: StoreBrowser, state: WizardState, store: StoreLocation, qtbot: Any,
        screenshots: Any) -> None:
    tab = searched_sorted_and_scrolled(browser, qtbot)
    assert browser.read_status.text() == ""
    since = datetime.now()

    meetings(store, 1500, 5)  # the wizard's commit, run 3: five more "g1" meetings
    state.session.record_run(3)  # as the commit page announces it
    settle(browser, qtbot)

    assert tab.count_label.text() == f"{MEETINGS + 5} records"
    assert tab.search.text() == "g1"
    header = tab.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        GUID, Qt.SortOrder.DescendingOrder)
    assert [guid_on(tab, row) for row in range(6)] == [
        "g1504", "g1503", "g1502", "g1501", "g1500", "g1299"]
    [selected] = tab.view.selectionModel().selectedRows()
    assert guid_on(tab, selected.row()) == "g1099"
    assert guid_on(tab, tab.view.rowAt(0)) == "g1119"
    assert browser.history_model.run(0).id == 3
    assert said_read(browser, since) == "Run 3, made since the store was last read, is shown."
    shot(browser, screenshots, "store-browser-commit-said")


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_runs_made_elsewhere_are_said_when_the_browser_is_come_back_to(
        browser: StoreBrowser, store: StoreLocation, qtbot: Any) -> None:
    tab = searched_sorted_and_scrolled(browser, qtbot)
    away(browser, qtbot)
    since = datetime.now()
    meetings(store, 1600, 2)  # a colleague's commit, run 3
    subprocess.run([sys.executable, "-m", "importer_gui", "revert", "3", "--store", str(store)],
                   check=True, capture_output=True)  # then run 4 takes it back
    back(browser, qtbot)

    assert [browser.history_model.run(row).id for row in (0, 1)] == [4, 3]
    assert said_read(browser, since) == (
        "2 runs made since the store was last read are shown, the newest run 4.")
    assert tab.count_label.text() == f"{MEETINGS} records"
    [selected] = tab.view.selectionModel().selectedRows()
    assert guid_on(tab, selected.row()) == "g1099"


def test_refresh_with_nothing_new_says_so_and_coming_back_says_nothing(
        browser: StoreBrowser, qtbot: Any) -> None:
    away(browser, qtbot)
    back(browser, qtbot)
    assert browser.read_status.text() == ""  # nobody asked: nothing to say

    since = datetime.now()
    QTest.keyClick(browser, Qt.Key.Key_F5)
    settle(browser, qtbot)
    assert said_read(browser, since) == (
        "No run was made since the store was last read: it is as shown.")


def teacher(location: StoreLocation, login: str) -> None:
    """One run creating one teacher, through a connection of its own."""
    with Store.open(location) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": login})], run(1))


def test_what_an_earlier_reading_found_goes_when_the_store_cannot_be_read(
        postgres_store: PostgresUrl, serving: Callable[[bool], None],  # noqa: F811
        qtbot: Any) -> None:
    teacher(postgres_store, "ada")
    with Store.open(postgres_store) as opened:
        shown = StoreBrowser(opened)
        qtbot.addWidget(shown)
        shown.show_history()
        shown.show()
        settle(shown, qtbot)
        teacher(postgres_store, "bob")
        since = datetime.now()
        QTest.keyClick(shown, Qt.Key.Key_F5)
        settle(shown, qtbot)
        assert said_read(shown, since) == "Run 2, made since the store was last read, is shown."

        serving(False)  # the team's server stopped
        QTest.keyClick(shown, Qt.Key.Key_F5)
        settle(shown, qtbot)
        assert shown.history_error.isVisible()
        assert shown.read_status.text() == ""
