"""The store browser: records page by page, search, and the history of runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.models.store_model import PAGE_SIZE, StoreModel
from importer_gui.ui.store_browser import StoreBrowser


def teacher(n: int) -> Change:
    """Create teacher n (a placeholder id, as a plan does)."""
    return Change(Table.TEACHER, ChangeKind.CREATE, -n - 1,
                  {"login": f"teacher{n:04d}", "name": "Martin" if n % 100 == 7 else "Durand",
                   "firstname": None, "email": None})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A store with 450 teachers written by one import run."""
    with Store.open(tmp_path / "store.sqlite3") as opened:
        run = RunInfo(config_path="teachers.xml", config_xml="<import-config/>",
                      files=["/data/plans/teachers.csv"], counts={"create": 450})
        opened.apply([teacher(n) for n in range(450)], run)
        yield opened


def cell(model: object, row: int, column: int) -> str:
    """A cell's text."""
    return model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)  # type: ignore


def test_records_arrive_a_page_at_a_time(store: Store, qtbot: object) -> None:
    model = StoreModel(store, Table.TEACHER)
    assert model.total == 450
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    assert cell(model, 449, 1) == "teacher0449"
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == ["Id", "Teacher's login — teacherLogin", "Teacher's last name — teacherName",
                      "Teacher's first name — teacherFirstname",
                      "Teacher's e-mail address — teacherEmail"]


def test_browser_searches_and_shows_the_run(store: Store, qtbot: object,
                                            screenshots: Path) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    browser.resize(1280, 800)
    browser.show()
    tab = browser.record_tabs[Table.TEACHER]
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    assert tab.count_label.text() == "450 record(s)"
    qtbot.keyClicks(tab.search, "martin")
    tab.apply_search()
    assert tab.model.total == 5
    assert [cell(tab.model, r, 2) for r in range(tab.model.rowCount())] == ["Martin"] * 5
    assert tab.count_label.text() == "5 record(s)"
    browser.grab().save(str(screenshots / "store_browser_teachers.png"))
    browser.show_history()
    history = browser.history_model
    assert history.rowCount() == 1
    assert [cell(history, 0, c) for c in (2, 3, 5, 6)] == [
        "import", "create 450", "teachers.xml", "teachers.csv"]
    files = history.index(0, 6)
    assert history.data(files, Qt.ItemDataRole.ToolTipRole) == "/data/plans/teachers.csv"
    browser.grab().save(str(screenshots / "store_browser_history.png"))


def test_an_empty_table_says_so(store: Store, qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    tab = browser.record_tabs[Table.ROOM]
    assert tab.model.total == 0
    assert tab.count_label.text() == "0 record(s)"


def test_refresh_reads_every_tab_again_after_a_run_made_elsewhere(store: Store,
                                                                  qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    tab = browser.record_tabs[Table.TEACHER]
    assert browser.history_model.rowCount() == 1
    store.apply([teacher(450)], RunInfo("teachers.xml", "<import-config/>", [], {"create": 1}))
    browser.refresh()
    assert tab.model.total == 451 and tab.count_label.text() == "451 record(s)"
    assert browser.history_model.rowCount() == 2
