"""The store browser: records page by page, search, and the history of runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.labels import column_title
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
    assert model.rowCount() == PAGE_SIZE and model.canFetchMore()  # read with the count
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
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    qtbot.addWidget(browser)
    browser.resize(1280, 800)
    browser.show()
    tab = browser.record_tabs[Table.TEACHER]
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)
    assert tab.count_label.text() == "450 records"
    qtbot.keyClicks(tab.search, "martin")
    tab.apply_search()  # read in the background: the window waits for nobody
    qtbot.waitUntil(lambda: tab.count_label.text() == "5 records")
    assert tab.model.total == 5
    assert [cell(tab.model, r, 2) for r in range(tab.model.rowCount())] == ["Martin"] * 5
    assert tab.count_label.text() == "5 records"
    browser.grab().save(str(screenshots / "store_browser_teachers.png"))
    browser.show_history()
    history = browser.history_model
    assert history.rowCount() == 1
    assert [cell(history, 0, c) for c in (2, 3, 6, 7)] == [
        "import", "450 created", "teachers.xml", "teachers.csv"]
    files = history.index(0, 7)
    assert history.data(files, Qt.ItemDataRole.ToolTipRole) == "/data/plans/teachers.csv"
    browser.grab().save(str(screenshots / "store_browser_history.png"))


def test_an_empty_table_says_so(store: Store, qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    qtbot.addWidget(browser)
    browser.show_table(Table.ROOM)
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    tab = browser.record_tabs[Table.ROOM]
    assert tab.model.total == 0
    assert tab.count_label.text() == "0 records"


def test_refresh_reads_every_tab_again_after_a_run_made_elsewhere(store: Store,
                                                                  qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    qtbot.addWidget(browser)
    tab = browser.record_tabs[Table.TEACHER]
    assert browser.history_model.rowCount() == 1
    store.apply([teacher(450)], RunInfo("teachers.xml", "<import-config/>", [], {"create": 1}))
    browser.refresh()
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert tab.model.total == 451 and tab.count_label.text() == "451 records"
    assert browser.history_model.rowCount() == 2


def learners_store(path: Path) -> Store:
    """A store with a session, an entity tree, two learners registered and tracked, and a
    refresh run."""
    from datetime import date, datetime

    create = ChangeKind.CREATE
    store = Store.open(path)
    store.apply([
        Change(Table.TRAINING, create, -1, {"path_code": "SAFETY-01", "title": "Safety"}),
        Change(Table.SESSION, create, -1, {"training_id": -1, "title": "Lyon, May"}),
        Change(Table.ENTITY, create, -1, {"name": "Acme", "guid": "E-1"}),
        Change(Table.ENTITY, create, -2, {"name": "Sales", "parent_id": -1}),
        Change(Table.LEARNER, create, -1, {"login": "mdurand", "name": "Durand",
                                           "firstname": "Marie", "entity_id": -1,
                                           "validity": "enabled"}),
        Change(Table.LEARNER, create, -2, {"login": "ada", "name": "Lovelace",
                                           "entity_id": -2, "manager_id": -1,
                                           "validity": "enabledUntil",
                                           "enabled_until": date(2025, 1, 31),
                                           "custom": {"C-7": "blue"}}),
        Change(Table.LEARNING_OBJECT, create, -1, {"code": "LO-1", "title": "Fire drill",
                                                   "type": "video"}),
        Change(Table.REGISTRATION, create, -1, {"learner_id": -2, "session_id": -1,
                                                "guid": "REG-1",
                                                "registered_on": datetime(2024, 5, 2, 9, 30)}),
        Change(Table.TRACKING, create, -1, {"learner_id": -2, "session_id": -1,
                                            "lo_code": "LO-1", "progression": 62.5,
                                            "status": "completed", "time_spent": 3600,
                                            "score": 7.5, "score_max": 10}),
    ], RunInfo("learners.xml", "<import-config/>", ["learners.csv"], {"create": 9}))
    store.apply([], RunInfo("exports.xml", "<export-config/>", ["candidates.csv"], {},
                            kind="refresh"))
    return store


def test_learners_and_what_they_follow_have_their_tabs(tmp_path: Path, qtbot: object,
                                                        screenshots: Path) -> None:
    with learners_store(tmp_path / "store.sqlite3") as store:
        browser = StoreBrowser(store)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(browser)
        browser.resize(1280, 800)
        browser.show()
        titles = [browser.tabs.tabText(i) for i in range(browser.tabs.count())]
        assert titles == ["&Teachers", "T&raining courses", "S&essions", "&Interventions",
                          "R&ooms", "&Learners and tracking", "&History"]
        inner = browser.learner_tabs
        assert [inner.tabText(i) for i in range(inner.count())] == [
            "Lear&ners", "Entities", "Registr&ations", "Trac&king", "Learning o&bjects"]
        browser.show_table(Table.ENTITY)  # each table read once shown
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        entities = browser.record_tabs[Table.ENTITY].model
        assert [cell(entities, 1, c) for c in range(entities.columnCount())] == [
            "2", "Sales", "", "Acme"]  # the parent by its name
        learners = browser.record_tabs[Table.LEARNER]
        browser.show_table(Table.LEARNER)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        assert browser.tabs.currentWidget() is inner and inner.currentWidget() is learners
        model = learners.model
        header = [model.headerData(c, Qt.Orientation.Horizontal)
                  for c in range(model.columnCount())]
        # The learner's fields' labels ("Learner's login — candidateLogin") once the
        # catalogue has them; until then the column's own name.
        assert header[:3] == ["Id", column_title(Table.LEARNER, "login"),
                              column_title(Table.LEARNER, "ref_number")]
        assert header[1] in ("Login", "Learner's login — candidateLogin")
        assert header[6:8] == ["Entity", "Manager"]  # references, by what they name
        row = {header[c]: cell(model, 1, c) for c in range(model.columnCount())}
        assert (row["Entity"], row["Manager"], row["Custom fields"]) == (
            "Sales", "mdurand", "C-7: blue")
        browser.grab().save(str(screenshots / "store_browser_learners.png"))
        tracking = browser.record_tabs[Table.TRACKING]
        browser.show_table(Table.TRACKING)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        track = {tracking.model.headerData(c, Qt.Orientation.Horizontal): cell(tracking.model, 0, c)
                 for c in range(tracking.model.columnCount())}
        assert (track["Learner"], track["Session"]) == ("ada", "Lyon, May")
        assert "62.5" in track.values() and "3600" in track.values()
        browser.grab().save(str(screenshots / "store_browser_tracking.png"))
        browser.show_table(Table.REGISTRATION)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        registrations = browser.record_tabs[Table.REGISTRATION].model
        assert [cell(registrations, 0, c) for c in range(3)] == ["1", "ada", "Lyon, May"]
        browser.show_history()
        assert [cell(browser.history_model, r, 2) for r in range(2)] == ["refresh", "import"]


def fills_its_width(view: QTableView) -> bool:
    """Whether the table's last column reaches the right edge of its view."""
    header = view.horizontalHeader()
    last = header.count() - 1
    return header.sectionViewportPosition(last) + header.sectionSize(last) >= (
        view.viewport().width())


def test_the_history_and_each_tab_fill_their_width_once_sized(store: Store,
                                                              qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    browser.resize(1800, 800)
    browser.show()
    browser.show_history()
    qtbot.waitUntil(lambda: browser.history_model.rowCount() == 1)  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert fills_its_width(browser.history_view)
    tab = browser.record_tabs[Table.TEACHER]
    browser.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0)  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert fills_its_width(tab.view)


def test_a_tab_not_shown_yet_has_its_columns_fitted_once_shown_and_read(
        store: Store, qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)  # type: ignore[attr-defined]
    browser.resize(1800, 800)
    browser.show_history()
    browser.show()
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    tab = browser.record_tabs[Table.TEACHER]
    header = tab.view.horizontalHeader()
    assert header.sectionSize(0) == header.defaultSectionSize()  # hidden: not fitted yet
    browser.show_table(Table.TEACHER)
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    QApplication.processEvents()
    assert header.sectionSize(0) < header.defaultSectionSize()  # "Id": to its contents
    assert header.sectionSize(1) >= tab.view.sizeHintForColumn(1)  # every login shows
    assert fills_its_width(tab.view)


def test_every_column_of_the_training_courses_is_named_in_french(
        french: None, store: Store, qtbot: object) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    model = browser.record_tabs[Table.TRAINING].model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # The learning objects' codes by their label, as on the mapping page, not "Lov codes".
    assert header[7:10] == ["Durée de la formation — trainingDuration",
                            "Objets pédagogiques (codes) — lovCodes",
                            "Prix de la formation — trainingCost"]
