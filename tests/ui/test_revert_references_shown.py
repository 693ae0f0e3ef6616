"""The revert preview shows a record another refers to as the store browser does: by its
label (a training course's path code), "#id" where the record is gone; sorted as shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core import schema
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.models.revert_model import FIRST_VALUE_COLUMN, RECORD_COLUMN
from importer_gui.ui.revert_dialog import RevertDialog
from tests.builders import run_info
from tests.ui.wizards import shot

CREATE, UPDATE, DELETE = ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.DELETE


def sessions_moved(path: Path) -> int:
    """Run 2, to revert, moved session 1 from course B-2 to A-1, renamed session 2 (of D-4),
    created course C-3 with a session, and a session of Z-9; run 3 deleted session 2 and
    course D-4 (gone, and never touched by run 2)."""
    with Store.open(path) as store:
        store.apply([
            *(Change(Table.TRAINING, CREATE, -n, {"path_code": code, "title": code})
              for n, code in enumerate(("B-2", "A-1", "Z-9", "D-4"), 1)),
            Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "One"}),
            Change(Table.SESSION, CREATE, -2, {"training_id": -4, "title": "Four"}),
        ], run_info(create=6))
        run = store.apply([
            Change(Table.SESSION, UPDATE, 1, {"training_id": 2}, {"training_id": 1}),
            Change(Table.SESSION, UPDATE, 2, {"title": "Quatre"}, {"title": "Four"}),
            Change(Table.TRAINING, CREATE, -1, {"path_code": "C-3", "title": "New"}),
            Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "Fresh"}),
            Change(Table.SESSION, CREATE, -2, {"training_id": 3, "title": "Late"}),
        ], run_info(create=3, update=2))
        store.apply([Change(Table.SESSION, DELETE, 2), Change(Table.TRAINING, DELETE, 4)],
                    run_info(delete=2))
    return run


def sessions_shown(tmp_path: Path, qtbot: QtBot) -> RevertDialog:
    """The revert preview of ``sessions_moved``'s run, on its sessions."""
    store_path = tmp_path / "store.sqlite3"
    dialog = RevertDialog(store_path, sessions_moved(store_path), synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tables.setCurrentIndex(1)  # the training courses first, then the sessions
    return dialog


def course_column(dialog: RevertDialog) -> tuple[str, dict[int, str]]:
    """The header of the sessions' training course column, and its cells by record."""
    model = dialog.model
    return model.headerData(COURSE, Qt.Orientation.Horizontal), {
        model.data(model.index(r, RECORD_COLUMN)): model.data(model.index(r, COURSE))
        for r in range(model.rowCount())}


COURSE = FIRST_VALUE_COLUMN + schema.column_names(Table.SESSION).index("training_id")
EXPECTED = {1: "A-1 → B-2", 2: "#4", 3: "C-3", 4: "Z-9"}


def test_a_reference_shows_the_record_s_label_and_the_id_of_one_gone(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    dialog = sessions_shown(tmp_path, qtbot)
    assert course_column(dialog) == ("Training course", EXPECTED)
    dialog.resize(900, 440)
    dialog.view.resizeColumnsToContents()
    shot(dialog, screenshots, "revert-preview-references")


def test_a_reference_reads_the_same_in_french(
        tmp_path: Path, french: None, qtbot: QtBot, screenshots: Path) -> None:
    dialog = sessions_shown(tmp_path, qtbot)
    assert course_column(dialog) == ("Formation", EXPECTED)
    dialog.resize(900, 440)
    dialog.view.resizeColumnsToContents()
    shot(dialog, screenshots, "revert-preview-references-fr")


def test_sorting_by_a_reference_sorts_by_what_is_shown(tmp_path: Path, qtbot: QtBot) -> None:
    dialog = sessions_shown(tmp_path, qtbot)
    model = dialog.model
    for order, records in ((Qt.SortOrder.AscendingOrder, [2, 1, 3, 4]),
                           (Qt.SortOrder.DescendingOrder, [4, 3, 1, 2])):
        model.sort(COURSE, order)
        assert [model.data(model.index(r, RECORD_COLUMN))
                for r in range(model.rowCount())] == records
