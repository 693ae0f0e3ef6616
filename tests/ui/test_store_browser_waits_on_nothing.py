"""The store browser never waits on the store (issue 18): opening it, scrolling a table and
selecting runs read the store off the window's thread, on SQLite as on a PostgreSQL server
a round trip away, and the tabs show what they showed when read on it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import schema
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui import store_browser
from importer_gui.ui.models.store_model import PAGE_SIZE
from importer_gui.ui.store_browser import StoreBrowser
from tests.core.test_session_store_replaced import NOT_THE_ONE, colleagues_store
from tests.ui.test_store_browser_since import run, settle, statements, teachers

COURSES, SESSIONS = 30, 450


@pytest.fixture
def sessions(store_url: StoreLocation) -> StoreLocation:
    """COURSES courses, then SESSIONS sessions naming them: two runs."""
    with Store.open(store_url) as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -n, {
            "path_code": f"P{n:02}", "title": f"Course {n}"}) for n in range(1, COURSES + 1)],
            run(COURSES))
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -n, {
            "training_id": 1 + n % COURSES, "title": f"Session {n:03}"})
            for n in range(SESSIONS)], run(SESSIONS))
    return store_url


def course_on(browser: StoreBrowser, row: int) -> str:
    """The course a session's row names."""
    model = browser.record_tabs[Table.SESSION].model
    return model.index(row, ["id", *schema.column_names(Table.SESSION)].index(
        "training_id")).data()


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_opening_scrolling_and_selecting_runs_read_nothing_on_the_window_s_thread(
        sessions: StoreLocation, qtbot: Any) -> None:
    with Store.open(sessions) as store:
        seen = statements(store)
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show_table(Table.SESSION)
        browser.resize(1000, 700)
        browser.show()
        tab = browser.record_tabs[Table.SESSION]
        assert tab.count_label.text() == "Reading…"  # its first page, off this thread
        settle(browser, qtbot)
        assert tab.count_label.text() == f"{SESSIONS} records"
        assert tab.model.rowCount() == PAGE_SIZE
        assert (course_on(browser, 0), course_on(browser, PAGE_SIZE - 1)) == ("P01", "P20")
        browser.show_table(Table.TRAINING)  # read once shown
        settle(browser, qtbot)
        courses = browser.record_tabs[Table.TRAINING]
        assert courses.count_label.text() == f"{COURSES} records"
        assert courses.model.rowCount() == COURSES
        browser.show_table(Table.SESSION)
        opening = len(seen)

        tab.view.scrollToBottom()  # the view asks for the next page: read in the background
        assert tab.model.rowCount() == PAGE_SIZE
        settle(browser, qtbot)
        assert tab.model.rowCount() == 2 * PAGE_SIZE
        assert course_on(browser, 2 * PAGE_SIZE - 1) == "P10"
        tab.view.scrollToBottom()
        settle(browser, qtbot)
        assert tab.model.rowCount() == SESSIONS
        assert not tab.model.canFetchMore()
        scrolling = len(seen)

        browser.show_history()
        browser.history_view.selectRow(1)  # run 1, then at once run 2: run 2's are shown
        browser.history_view.selectRow(0)
        assert browser.corrections_label.text() == (
            "Run 2: reading the cells corrected in the preview…")
        settle(browser, qtbot)
        assert browser.corrections_label.text() == "Run 2: no cell was corrected in the preview."
    assert opening < scrolling < len(seen)  # each step read the store
    assert [sql for sql, window in seen if window] == []


def test_a_read_replaced_by_a_newer_one_closes_the_store_it_found_there(
        tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.apply(teachers(["ada"]), run(1))
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        settle(browser, qtbot)
        shutil.copyfile(colleagues_store(tmp_path), path)
        opened: list[Store] = []  # every store the reads open where the browser's was

        def reopen(location: Any, **options: Any) -> Store:
            opened.append(Store.open(location, create=False, **options))
            return opened[-1]

        monkeypatch.setattr(store_browser.Store, "reopen", reopen)
        browser.refresh()  # F5, and F5 again before the first is read
        browser.refresh()
        settle(browser, qtbot)
        assert browser.store_notice.text() == NOT_THE_ONE.format(path=path)
        history = browser.history_model
        assert [history.run(row).config for row in range(history.rowCount())] == [
            "/theirs/theirs.xml"] * 2
        [replaced] = [there for there in opened if there is not browser.store]
        assert len(opened) == 2
        with pytest.raises(StoreError, match="closed"):
            replaced.history()
        browser.close()
