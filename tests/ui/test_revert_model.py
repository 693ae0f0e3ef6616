"""The revert preview's table: what each record's cells say, and sorting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from importer_gui.core.issues import Outcome
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import RevertPlan, plan_revert
from importer_gui.core.store import Store
from importer_gui.ui.models.revert_model import (
    FIRST_VALUE_COLUMN,
    OUTCOME_COLUMN,
    RECORD_COLUMN,
    RevertModel,
)
from importer_gui.ui.styles import DARK, Fill, fill_brush
from tests.builders import run_info
from tests.core.test_revert import OTHERS_NAMED, others_named_run

CREATE, UPDATE, DELETE = ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.DELETE


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[RevertPlan]:
    """A run that renamed session 1, created session 2 and deleted session 3."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([
            Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-1", "title": "Safety"}),
            Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "May",
                                               "start_date": date(2024, 5, 2)}),
            Change(Table.SESSION, CREATE, -2, {"training_id": -1, "title": "Old"}),
        ], run_info(create=3))
        run = store.apply([
            Change(Table.SESSION, UPDATE, 1, {"title": "Mai", "status": "open"},
                   {"title": "May"}),
            Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "Wrong"}),
            Change(Table.SESSION, DELETE, 2),
        ], run_info(create=1, update=1, delete=1))
        yield plan_revert(store, run)


def texts(model: RevertModel, column: str) -> dict[int, str]:
    """The shown text of one value column, by record."""
    titles = [model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(model.columnCount())]
    n = titles.index(column)
    return {model.data(model.index(r, RECORD_COLUMN)): model.data(model.index(r, n))
            for r in range(model.rowCount())}


def test_each_record_shows_what_reverting_leaves_and_an_update_both_values(
        plan: RevertPlan, qtbot: object) -> None:
    model = RevertModel()
    [sessions] = plan.tables
    model.show_table(sessions)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Record", "Outcome", "Training course"]
    # An updated record shows its value now and the one it gets back.
    assert texts(model, "Session title — sessionTitle") == {1: "Mai → May", 3: "Wrong", 2: "Old"}
    assert texts(model, "Session status — sessionStatus") == {1: "open → ", 3: "", 2: ""}
    assert texts(model, "Session start date — sessionStartDate") == {
        1: "2024-05-02", 3: "", 2: ""}
    assert model.counts() == {Outcome.CREATE: 1, Outcome.UPDATE: 1, Outcome.UNCHANGED: 0,
                              Outcome.DELETE: 1, Outcome.ERROR: 0}


def test_under_a_dark_scheme_outcomes_are_deep_fills_under_light_text(
        dark: None, plan: RevertPlan, qtbot: object) -> None:
    model = RevertModel()
    model.show_table(plan.tables[0])
    model.sort(RECORD_COLUMN)
    outcomes = [model.index(r, OUTCOME_COLUMN) for r in range(3)]
    assert [model.data(i) for i in outcomes] == ["restore", "recreate", "delete"]
    assert [model.data(i, Qt.ItemDataRole.BackgroundRole).color().name() for i in outcomes] == [
        DARK.update_fill, DARK.create_fill, DARK.delete_fill]
    assert {model.data(i, Qt.ItemDataRole.ForegroundRole).color().name()
            for i in outcomes} == {DARK.fill_text}


def test_sorting_by_a_column_moves_positions_and_keeps_the_record_order_stable(
        plan: RevertPlan, qtbot: object) -> None:
    model = RevertModel()
    model.show_table(plan.tables[0])
    model.sort(FIRST_VALUE_COLUMN + 1)  # the title
    assert [model.data(model.index(r, RECORD_COLUMN)) for r in range(3)] == [1, 2, 3]
    model.sort(OUTCOME_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, OUTCOME_COLUMN)) for r in range(3)] == [
        "delete", "restore", "recreate"]
    model.sort(RECORD_COLUMN, Qt.SortOrder.DescendingOrder)
    assert [model.data(model.index(r, RECORD_COLUMN)) for r in range(3)] == [3, 2, 1]


def test_a_conflict_colours_the_cell_of_its_field_or_of_the_column_no_field_holds(
        tmp_path: Path, qtbot: object) -> None:
    """Room 1's GUID (roomGuid) is taken again; intervention 1 refers to it (room_id, which
    no platform field holds): each conflict colours its own cell, and only that one."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-1", "title": "Safety"}),
                     Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "May"}),
                     Change(Table.ROOM, CREATE, -1, {"guid": "R-1"}),
                     Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-1", "session_id": -1,
                                                             "room_id": -1})],
                    run_info(create=4))
        run = store.apply([Change(Table.ROOM, DELETE, 1, before={"guid": "R-1"}),
                           Change(Table.INTERVENTION, UPDATE, 1, {"room_id": None},
                                  {"room_id": 1})], run_info(delete=1, update=1))
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
        plan = plan_revert(store, run)
    model = RevertModel()
    coloured = {}
    red = fill_brush(Fill.ERROR)
    for table in plan.tables:
        model.show_table(table)
        coloured[table.table.value] = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if model.data(model.index(0, c), Qt.ItemDataRole.BackgroundRole) == red
            and c != OUTCOME_COLUMN]
    assert coloured == {"room": ["Room GUID — roomGuid"], "intervention": ["Room"]}
    assert model.data(model.index(0, OUTCOME_COLUMN), Qt.ItemDataRole.ToolTipRole) == (
        "room_id - ERROR: Intervention 'I-1' cannot be restored: it refers to room 1, which is "
        "not in the store; skipped.")


def test_a_conflict_s_tooltip_names_the_other_records_by_their_labels(
        tmp_path: Path, qtbot: object) -> None:
    """The preview says what the dry run says: the record still referring, the one holding
    the value and the one referred to, each by its label."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        run = others_named_run(store)
        plan = plan_revert(store, run)
    model = RevertModel()
    tips = []
    for table in plan.tables:
        model.show_table(table)
        tips += [model.data(model.index(r, OUTCOME_COLUMN), Qt.ItemDataRole.ToolTipRole)
                 for r, row in enumerate(table.rows) if row.outcome is Outcome.ERROR]
    said = [line.format(run=run, later=run + 1) for line in OTHERS_NAMED]
    assert tips == [f"ERROR: {said[0]}", f"roomGuid - ERROR: {said[1]}",
                    f"room_id - ERROR: {said[2]}"]
