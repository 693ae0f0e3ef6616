"""The store browser names every table's id column alike, in English and in French: the
record's number, then the platform's field where one holds it (sessionId)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui.store_browser import StoreBrowser

# The field each table's id is, where the platform has one; the others' id is a number only
# the store gives.
FIELDS = {Table.TRAINING: " — trainingId", Table.SESSION: " — sessionId",
          Table.ENTITY: " — entityId"}


def id_titles(tmp_path: Path, qtbot: object) -> dict[Table, tuple[str, str]]:
    """Each tab's first column title, and its tooltip."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)  # type: ignore[attr-defined]
        titles = {}
        for table, tab in browser.record_tabs.items():
            model = tab.view.model()
            titles[table] = tuple(str(model.headerData(0, Qt.Orientation.Horizontal, role))
                                  for role in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole))
        browser.close()
    return titles


def test_every_tab_names_its_id_column_alike_in_english(
        english: None, tmp_path: Path, qtbot: object) -> None:
    assert id_titles(tmp_path, qtbot) == {
        table: (f"Id{FIELDS.get(table, '')}",) * 2 for table in Table}


def test_every_tab_names_its_id_column_alike_in_french(
        french: None, tmp_path: Path, qtbot: object) -> None:
    assert id_titles(tmp_path, qtbot) == {
        table: (f"N° d'enregistrement{FIELDS.get(table, '')}",) * 2 for table in Table}
