"""The store browser on a 1366x768 laptop, in English and French: the Sessions and
Interventions tabs show every title whole where there is room for it, the titles of empty
columns giving up their width first, and as few titles cut as can be (each whole in its
tooltip)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.fit import headers_cut

LAPTOP = (1366, 728)  # a 1366x768 screen above its task bar
RECORDS = 30


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """A course's sessions with a title and a GUID (status, dates, teacher left empty), and
    interventions of the first with a GUID, a start and a duration (no room, no teacher)."""
    opened = Store.open(tmp_path / "store.sqlite3")
    changes = [Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "P1",
                                                              "title": "Safety"})]
    changes += [Change(Table.SESSION, ChangeKind.CREATE, -2 - n, {
        "training_id": -1, "title": f"Session {n} of May", "guid": f"SESS-{n:04d}"})
        for n in range(RECORDS)]
    changes += [Change(Table.INTERVENTION, ChangeKind.CREATE, -100 - n, {
        "guid": f"INT-{n:04d}", "session_id": -2, "start": datetime(2024, 5, 3, 9),
        "duration": 120}) for n in range(RECORDS)]
    opened.apply(changes, RunInfo("s.xml", "<import-config/>", ["s.csv"],
                                  {"create": len(changes)}))
    yield opened
    opened.close()


def cut_titles(browser: StoreBrowser, table: Table) -> list[str]:
    """The titles of ``table``'s tab that do not show whole (elided), its tab shown."""
    browser.show_table(table)
    view = browser.record_tabs[table].view
    header, model = view.horizontalHeader(), view.model()
    assert headers_cut(view) == []  # each cut one whole in its tooltip
    return [model.headerData(column, Qt.Orientation.Horizontal)
            for column in range(model.columnCount())
            if header.sectionSizeHint(column) > header.sectionSize(column)]


CUT = {  # the titles too many for the room: those of empty columns, then the fewest
    ENGLISH: {
        Table.SESSION: ["Session start date — sessionStartDate",
                        "Session end date — sessionEndDate"],
        Table.INTERVENTION: ["Intervention duration — interventionDuration"]},
    FRENCH: {
        Table.SESSION: ["Statut de la session — sessionStatus",
                        "Date de début de la session — sessionStartDate",
                        "Date de fin de la session — sessionEndDate"],
        Table.INTERVENTION: ["Durée de l'intervention — interventionDuration",
                             "Statut de l'intervention — interventionStatus"]},
}


def test_titles_read_whole_where_there_is_room(speaking: str, store: Store, qtbot: QtBot,
                                               screenshots: Path) -> None:
    browser = StoreBrowser(store)
    qtbot.addWidget(browser)
    browser.resize(*LAPTOP)
    browser.show()
    for table in (Table.SESSION, Table.INTERVENTION):
        browser.show_table(table)
        qtbot.waitUntil(lambda: not browser.busy)
        QApplication.processEvents()
        browser.grab().save(str(screenshots / f"store-browser-{table.value}-{speaking}.png"))
        assert cut_titles(browser, table) == CUT[speaking][table]
        assert not browser.record_tabs[table].view.horizontalScrollBar().isVisible()
