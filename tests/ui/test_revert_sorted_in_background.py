"""A revert preview of many records is sorted in the background, as the wizard's preview
is: the window is free meanwhile, and the records are shown sorted once sorted, in the
order a sort made at once gives them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core import ordering
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.models import revert_model
from importer_gui.ui.models.revert_model import (
    FIRST_VALUE_COLUMN,
    OUTCOME_COLUMN,
    RECORD_COLUMN,
    RevertModel,
)
from importer_gui.ui.revert_dialog import RevertDialog

ROOMS = 300
LABEL = FIRST_VALUE_COLUMN + 1  # after the GUID
DESCENDING = Qt.SortOrder.DescendingOrder


def rooms_run(store_path: Path) -> int:
    """A run that renamed 200 rooms (some back and forth in case only) and created 100."""
    created = [Change(Table.ROOM, ChangeKind.CREATE, -n, {
        "guid": f"R-{n:03d}", "label": f"{'bAcDe'[n % 5]}{n * 7 % 100:02d}"})
        for n in range(1, 201)]
    with Store.open(store_path) as store:
        store.apply(created, RunInfo("/cfg.xml", "<import-config/>", [], {"create": 200}))
        return store.apply([
            *(Change(Table.ROOM, ChangeKind.UPDATE, n, {"label": f"{'xYz'[n % 3]}{n % 10}"},
                     {"label": created[n - 1].values["label"]}) for n in range(1, 201)),
            *(Change(Table.ROOM, ChangeKind.CREATE, -n, {"guid": f"N-{n:03d}",
                                                         "label": f"{'qRs'[n % 3]}{n % 7}"})
              for n in range(1, ROOMS - 199)),
        ], RunInfo("/cfg.xml", "<import-config/>", [], {"update": 200, "create": 100}))


@pytest.fixture
def dialog(tmp_path: Path, qtbot: QtBot) -> RevertDialog:
    """The revert preview of ``rooms_run``, sorting more than 50 records in the background."""
    store_path = tmp_path / "store.sqlite3"
    shown = RevertDialog(store_path, rooms_run(store_path), synchronous=True)
    qtbot.addWidget(shown)
    shown.show()
    shown.model.sorted_in_background = 50
    return shown


def records_shown(model: RevertModel) -> list[object]:
    return [model.data(model.index(r, RECORD_COLUMN)) for r in range(model.rowCount())]


def sorted_at_once(dialog: RevertDialog, column: int, order: Qt.SortOrder) -> list[object]:
    """The records in the order a sort made at once (on the window's thread) gives them."""
    model = RevertModel()
    model.show_table(dialog.model._table)
    model.sort(column, order)
    assert not model.sorting
    return records_shown(model)


@pytest.mark.parametrize(("column", "order"), [
    (LABEL, DESCENDING), (LABEL, Qt.SortOrder.AscendingOrder), (OUTCOME_COLUMN, DESCENDING),
    (RECORD_COLUMN, DESCENDING)])
def test_many_records_are_shown_sorted_once_sorted_in_the_background(
        dialog: RevertDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path, column: int, order: Qt.SortOrder) -> None:
    # Keys made 64 records at a time: a renamed record's "now → restored" in every part.
    monkeypatch.setattr(revert_model, "KEYS_AT_A_TIME", 64)
    model, status = dialog.model, dialog.status
    wanted = sorted_at_once(dialog, column, order)
    before, said = records_shown(model), status.text()
    assert model.rowCount() == ROOMS
    dialog.view.sortByColumn(column, order)
    assert model.sorting  # back from the click at once, the records as they were
    assert records_shown(model) == before
    assert status.text() == "Sorting the rows…"
    assert dialog.view.viewport().cursor().shape() == Qt.CursorShape.BusyCursor
    if column == LABEL and order == DESCENDING:
        dialog.grab().save(str(screenshots / "revert-sorting-in-background.png"))
    qtbot.waitUntil(lambda: not model.sorting, timeout=10_000)
    assert records_shown(model) == wanted != before
    assert status.text() == said
    assert dialog.view.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_a_sort_by_labels_reads_them_as_shown(dialog: RevertDialog, qtbot: QtBot) -> None:
    model = dialog.model
    dialog.view.sortByColumn(LABEL, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not model.sorting, timeout=10_000)
    labels = [model.data(model.index(r, LABEL)) for r in range(model.rowCount())]
    assert labels == sorted(labels, key=str.casefold)
    assert labels[0].startswith("q") and "→" not in labels[0]
    assert " → " in labels[-1] and labels[-1].startswith("z")


def test_a_sort_dropped_for_another_never_shows(dialog: RevertDialog, qtbot: QtBot) -> None:
    model = dialog.model
    dialog.view.sortByColumn(LABEL, DESCENDING)
    assert model.sorting
    dialog.view.sortByColumn(RECORD_COLUMN, DESCENDING)
    qtbot.waitUntil(lambda: not model.sorting, timeout=10_000)
    qtbot.wait(50)  # the dropped sort's worker, had it been heard
    assert records_shown(model) == sorted_at_once(dialog, RECORD_COLUMN, DESCENDING)


@pytest.mark.parametrize("order", [DESCENDING, Qt.SortOrder.AscendingOrder])
def test_labels_sorted_by_their_codes_are_in_the_order_of_a_sort_at_once(
        dialog: RevertDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        order: Qt.SortOrder) -> None:
    monkeypatch.setattr(revert_model, "KEYS_AT_A_TIME", 64)
    monkeypatch.setattr(ordering, "repeats", lambda _rows, _value: True)  # as many would
    model = dialog.model
    wanted = sorted_at_once(dialog, LABEL, order)
    dialog.view.sortByColumn(LABEL, order)
    qtbot.waitUntil(lambda: not model.sorting, timeout=10_000)
    assert records_shown(model) == wanted
    kept = model._kept_keys(LABEL)
    assert kept is not None and kept.ranks is not None  # coded: "now → restored" too
