"""The store browser on a store of many runs, read again after another program committed:
only the runs made since are read (off the window's thread), and every tab keeps the records
the user selected and the place they scrolled to, though new rows came above them."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QTableView

from importer_gui.core import schema
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui.store_browser import RecordTab, StoreBrowser

RUNS = 120  # a first run of TEACHERS teachers, then one teacher a run
TEACHERS = 500

# Another program (a `commit` in a terminal, a colleague's window) commits three teachers
# whose logins sort before every other.
ANOTHER_PROGRAM = """
import sys
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
with Store.open(sys.argv[1], create=False) as store:
    store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": f"aaa-{n}"})
                 for n in (1, 2, 3)],
                RunInfo("colleague.xml", "<import-config/>", ["new.csv"], {"create": 3}))
"""


def teachers(logins: list[str]) -> list[Change]:
    """Creations of teachers by login."""
    return [Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": login})
            for n, login in enumerate(logins, 1)]


def run(counts: int) -> RunInfo:
    """An import run's description."""
    return RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"], {"create": counts})


@pytest.fixture
def many_runs(store_url: StoreLocation) -> StoreLocation:
    """A store of RUNS runs and TEACHERS + RUNS - 1 teachers, on each engine."""
    with Store.open(store_url) as store:
        store.apply(teachers([f"t{n:04}" for n in range(TEACHERS)]), run(TEACHERS))
        for n in range(1, RUNS):
            store.apply(teachers([f"u{n:04}"]), run(1))
    return store_url


@pytest.fixture
def browser(many_runs: StoreLocation, qtbot: Any) -> Iterator[StoreBrowser]:
    """The browser on that store, shown."""
    with Store.open(many_runs) as store:
        shown = StoreBrowser(store)
        qtbot.addWidget(shown)
        shown.resize(1000, 700)
        shown.show()
        qtbot.waitExposed(shown)
        settle(shown, qtbot)
        yield shown


def commit_elsewhere(location: StoreLocation) -> None:
    """Three teachers committed by another process, as run RUNS + 1."""
    subprocess.run([sys.executable, "-c", ANOTHER_PROGRAM, str(location)], check=True)


def settle(browser: StoreBrowser, qtbot: Any) -> None:
    """Wait for what the browser reads in the background."""
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)


def top_row(view: QTableView) -> int:
    """The row shown first."""
    return view.rowAt(0)


def teachers_by_login(browser: StoreBrowser, qtbot: Any) -> RecordTab:
    """The teachers' tab, sorted by login, read down to row 400."""
    browser.show_table(Table.TEACHER)
    tab = browser.record_tabs[Table.TEACHER]
    login = ["id", *schema.column_names(Table.TEACHER)].index("login")
    tab.view.sortByColumn(login, Qt.SortOrder.AscendingOrder)
    settle(browser, qtbot)
    fetch(tab, qtbot, 400)
    return tab


def fetch(tab: RecordTab, qtbot: Any, rows: int | None = None) -> None:
    """The tab's next pages, read in the background as the view asks for them, down to
    ``rows`` rows (all of them when None)."""
    while tab.model.canFetchMore() and (rows is None or tab.model.rowCount() < rows):
        tab.model.fetchMore()
        qtbot.waitUntil(lambda: not tab.model.busy, timeout=20_000)


def login_on(tab: RecordTab, row: int) -> str:
    """The login shown on a row."""
    return tab.model.record(row).login


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_a_commit_elsewhere_then_refresh_keeps_the_selected_run_and_record_where_they_were(
        browser: StoreBrowser, many_runs: StoreLocation, qtbot: Any) -> None:
    tab = teachers_by_login(browser, qtbot)
    tab.view.selectRow(320)
    tab.view.scrollTo(tab.model.index(300, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    selected, first = login_on(tab, 320), login_on(tab, top_row(tab.view))
    assert (selected, first) == ("t0320", "t0300")

    browser.show_history()
    history = browser.history_view
    history.selectRow(RUNS - 40)  # run 40, newest first
    history.scrollTo(browser.history_model.index(RUNS - 100, 0),
                     QAbstractItemView.ScrollHint.PositionAtTop)  # run 100 shown first
    assert browser.selected_run().id == 40
    assert browser.history_model.run(top_row(history)).id == 100

    commit_elsewhere(many_runs)
    QTest.keyClick(history, Qt.Key.Key_F5)
    settle(browser, qtbot)

    assert browser.history_model.run(0).id == RUNS + 1  # the colleague's run, on top
    assert browser.history_model.rowCount() == RUNS + 1
    assert browser.selected_run().id == 40
    assert browser.history_model.run(history.currentIndex().row()).id == 40
    assert browser.history_model.run(top_row(history)).id == 100
    assert browser.revert_button.isEnabled()

    assert tab.count_label.text() == f"{TEACHERS + RUNS - 1 + 3} records"
    assert login_on(tab, 0) == "aaa-1"  # three rows came above the user's
    [row] = tab.view.selectionModel().selectedRows()
    assert login_on(tab, row.row()) == selected
    assert login_on(tab, tab.view.currentIndex().row()) == selected
    assert login_on(tab, top_row(tab.view)) == first


def statements(store: Store) -> list[tuple[str, bool]]:
    """Every statement the store's connection runs from now on, as the engine is given it,
    and whether the window's thread ran it."""
    seen: list[tuple[str, bool]] = []

    def ran(sql: Any) -> None:
        seen.append((str(sql), threading.current_thread() is threading.main_thread()))

    conn: Any = store._conn()
    if isinstance(conn, sqlite3.Connection):
        conn.set_trace_callback(ran)
        return seen
    import psycopg

    class Recorded(psycopg.Cursor):  # type: ignore[type-arg]
        def execute(self, query: Any, params: Any = None, **options: Any) -> Any:
            ran(query)
            return super().execute(query, params, **options)

    conn.raw.cursor_factory = Recorded
    return seen


def runs_read(seen: list[tuple[str, bool]]) -> list[str]:
    """The statements that read runs' rows (the newest run's id alone is no row)."""
    return [sql for sql, _window in seen if "import_run" in sql and "max(id)" not in sql]


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_coming_back_to_the_browser_or_f5_with_nothing_new_reads_no_run(
        browser: StoreBrowser, qtbot: Any) -> None:
    seen = statements(browser.store)
    browser.activateWindow()
    qtbot.waitUntil(browser.isActiveWindow)
    settle(browser, qtbot)
    QTest.keyClick(browser.history_view, Qt.Key.Key_F5)
    settle(browser, qtbot)
    assert [sql for sql, _window in seen if "max(id)" in sql]  # the store was asked what is new
    assert runs_read(seen) == []
    assert browser.history_model.rowCount() == RUNS


def test_a_run_made_since_is_the_only_run_read(browser: StoreBrowser, many_runs: Any,
                                               qtbot: Any) -> None:
    seen = statements(browser.store)
    commit_elsewhere(many_runs)
    browser.refresh()
    settle(browser, qtbot)
    [read] = runs_read(seen)
    assert "WHERE id >" in read
    assert browser.history_model.rowCount() == RUNS + 1


def test_the_browser_opens_reading_nothing_on_the_window_s_thread_and_names_together(
        tmp_path: Path, qtbot: Any) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -n, {
            "path_code": f"P{n:02}", "title": f"Course {n}"}) for n in range(1, 51)], run(50))
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -n, {
            "training_id": 1 + n % 50, "title": f"Session {n}"}) for n in range(200)], run(200))
        seen = statements(store)
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show_table(Table.SESSION)
        browser.show()
        qtbot.waitExposed(browser)
        settle(browser, qtbot)
        tab = browser.record_tabs[Table.SESSION]
        course = ["id", *schema.column_names(Table.SESSION)].index("training_id")
        assert tab.model.index(0, course).data() == "P01"  # the course by its code
        assert browser.history_model.rowCount() == 2
    assert runs_read(seen) and [sql for sql, window in seen if window] == []
    # The courses a page of sessions names: one statement, not one a course.
    named = [sql for sql, _window in seen if 'FROM "training" WHERE' in sql]
    assert len(named) == 1


@pytest.mark.parametrize("store_url", ["sqlite"], indirect=True)
def test_every_record_selected_stays_selected_as_one_block(
        browser: StoreBrowser, many_runs: StoreLocation, qtbot: Any) -> None:
    tab = teachers_by_login(browser, qtbot)
    fetch(tab, qtbot)
    tab.view.setFocus()
    QTest.keySequence(tab.view, "Ctrl+A")
    everyone = tab.model.rowCount()
    commit_elsewhere(many_runs)
    browser.refresh()
    settle(browser, qtbot)
    selected = tab.view.selectionModel()
    # The three new rows came first, unselected; the others are one block again, as they
    # were: a block a row took Qt a quarter of a minute for 50,000 rows.
    assert [(part.top(), part.bottom()) for part in selected.selection()] == [(3, everyone + 2)]
    assert [login_on(tab, row) for row in range(3)] == ["aaa-1", "aaa-2", "aaa-3"]
