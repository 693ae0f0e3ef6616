"""The store browser finds what its tables show (a room's, a session's, a teacher's name),
sorts by a header's column as shown, and its history says who committed each run, where."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import RecordTab, StoreBrowser

CREATE = ChangeKind.CREATE
ROOM, SESSION, TEACHER, START = 5, 2, 6, 3  # the interventions' columns (0 is the id)


def run(user: str, machine: str) -> RunInfo:
    """A run committed by ``user`` on ``machine`` (empty: a store of before they were kept)."""
    return RunInfo(config_path="/work/interventions.xml", config_xml="<import-config/>",
                   files=["/work/interventions.csv"], counts={"create": 1}, user_name=user,
                   machine=machine)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Twelve interventions in three rooms, two sessions, two teachers; two runs."""
    with Store.open(tmp_path / "store.sqlite3") as opened:
        rooms = ["Nice - salle 311", "Brest - Atelier", "Lyon - salle 12"]
        opened.apply([
            Change(Table.TEACHER, CREATE, -1, {"login": "t00283"}),
            Change(Table.TEACHER, CREATE, -2, {"login": "amartin"}),
            Change(Table.TRAINING, CREATE, -1, {"path_code": "SEC-101", "title": "Safety"}),
            *[Change(Table.ROOM, CREATE, -n - 1, {"guid": f"R-{n}", "label": label})
              for n, label in enumerate(rooms)],
            Change(Table.SESSION, CREATE, -1, {"training_id": -1,
                                               "title": "Paris session 10057"}),
            Change(Table.SESSION, CREATE, -2, {"training_id": -1, "title": "Lyon session 4"}),
            *[Change(Table.INTERVENTION, CREATE, -n - 1, {
                "guid": f"INT-{n:02d}", "session_id": -1 - n % 2,
                "start": datetime(2026 + n % 2, 1 + n, 10, 14), "room_id": -1 - n % 3,
                "teacher_id": -1 - n % 2}) for n in range(12)],
        ], run("", ""))
        opened.apply([Change(Table.TEACHER, CREATE, -1, {"login": "zed"})], run("jdoe", "pc-12"))
        yield opened


def column(tab: RecordTab, number: int) -> list[str]:
    """A column's cells, as the table shows them, every row loaded."""
    model = tab.model
    while model.canFetchMore():
        model.fetchMore()
    return [model.data(model.index(r, number), Qt.ItemDataRole.DisplayRole)
            for r in range(model.rowCount())]


def search(qtbot: object, tab: RecordTab, text: str) -> None:
    """Type a search and wait for its count (read in the background)."""
    tab.search.setText(text)
    tab.apply_search()
    qtbot.waitUntil(lambda: not tab.model.busy and "record" in tab.count_label.text())


@pytest.fixture
def browser(store: Store, qtbot: object) -> StoreBrowser:
    """The browser on the interventions."""
    shown = StoreBrowser(store)
    qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
    qtbot.addWidget(shown)
    shown.resize(1280, 700)
    shown.show()
    shown.show_table(Table.INTERVENTION)
    return shown


def test_a_search_finds_the_rooms_sessions_and_teachers_shown(
        browser: StoreBrowser, qtbot: object, screenshots: Path) -> None:
    tab = browser.record_tabs[Table.INTERVENTION]
    assert "date" in tab.search.placeholderText()
    search(qtbot, tab, "salle")
    assert tab.count_label.text() == "8 records"
    assert sorted(set(column(tab, ROOM))) == ["Lyon - salle 12", "Nice - salle 311"]
    search(qtbot, tab, "Paris session 10057")
    assert column(tab, SESSION) == ["Paris session 10057"] * 6
    search(qtbot, tab, "t00283")
    assert column(tab, TEACHER) == ["t00283"] * 6
    search(qtbot, tab, "2027-")
    assert all(text.startswith("2027-") for text in column(tab, START))
    assert tab.count_label.text() == "6 records"
    browser.grab().save(str(screenshots / "store_browser_search_room.png"))
    sessions = browser.record_tabs[Table.SESSION]
    search(qtbot, sessions, "SEC-101")
    assert sessions.count_label.text() == "2 records"


def test_a_header_click_sorts_by_the_text_shown(browser: StoreBrowser, qtbot: object,
                                                screenshots: Path) -> None:
    tab = browser.record_tabs[Table.INTERVENTION]
    header = tab.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(ROOM) + 5, header.height() // 2))
    qtbot.waitUntil(lambda: not tab.model.busy)
    rooms = column(tab, ROOM)
    assert rooms == sorted(rooms, key=str.lower) and rooms[0] == "Brest - Atelier"
    browser.grab().save(str(screenshots / "store_browser_sorted_by_room.png"))
    tab.view.sortByColumn(ROOM, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not tab.model.busy)
    assert column(tab, ROOM) == sorted(rooms, key=str.lower, reverse=True)
    tab.view.sortByColumn(START, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not tab.model.busy)
    starts = column(tab, START)
    assert starts == sorted(starts) and len(starts) == 12
    search(qtbot, tab, "salle")  # a search keeps the sort
    assert column(tab, START) == sorted(column(tab, START)) and len(column(tab, START)) == 8
    assert all("salle" in room for room in column(tab, ROOM))


def test_the_history_says_who_committed_each_run_and_where(browser: StoreBrowser,
                                                           screenshots: Path) -> None:
    browser.show_history()
    model = browser.history_model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    by = titles.index("By")
    assert [model.data(model.index(r, by)) for r in range(2)] == ["jdoe on pc-12", ""]
    browser.grab().save(str(screenshots / "store_browser_history_by.png"))
