"""The history the bulk writer records of created records: every column's value, as revert reads it.

Created records are logged from the rows just written (one statement per batch) where they read
back as given, and from the values otherwise (a revert giving records their old ids, a real on
PostgreSQL); either way ``run_change.after`` holds the record's JSON as ``compact_json`` writes
it, less the columns its batch leaves NULL in every record (read back as NULL). Every test runs
on both engines.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from importer_gui.core import schema
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store, StoreLocation
from importer_gui.core.store.dialect import compact_json
from tests.builders import run_info
from tests.postgres import raw_sql, record_tables

CREATE = ChangeKind.CREATE
PARIS = timezone(timedelta(hours=2))
ODD_TEXT = 'Doe "JD"\n\t\\ é\x01 ✓'  # quotes, escapes, a control character, non-ASCII


def every_column(table: Table, **given: Any) -> dict[str, Any]:
    """A creation's values as the planner gives them: every column, defaults for the rest."""
    return {c: given.get(c, None if d is schema.REQUIRED else d)
            for c, d in schema.defaults(table).items()}


def stored(table: Table, **values: Any) -> tuple[Table, dict[str, Any]]:
    """A created record's values as stored: every column, in order."""
    return table, every_column(table, **values)


def logged(records: list[tuple[Table, dict[str, Any]]]) -> list[str]:
    """The JSON each record's history holds, the records of a table being one batch: the
    columns some record of its table fills, in order, as stored."""
    filled = {table: {c for t, values in records if t is table
                      for c, value in values.items() if value is not None}
              for table, _ in records}
    return [compact_json({c: v for c, v in values.items() if c in filled[table]})
            for table, values in records]


# (change, the JSON of its history); the tables interleave, so a table's batch is not a run
# of consecutive positions, and some records are given every column, some only a few.
CREATIONS: list[tuple[Change, tuple[Table, dict[str, Any]]]] = [
    (Change(Table.TEACHER, CREATE, -1, every_column(Table.TEACHER, login="jdoe", name=ODD_TEXT)),
     stored(Table.TEACHER, login="jdoe", name=ODD_TEXT)),
    (Change(Table.TRAINING, CREATE, -1, every_column(Table.TRAINING, path_code="PC-1",
                                                     title="Safety", duration=7)),
     stored(Table.TRAINING, path_code="PC-1", title="Safety", duration=7)),
    (Change(Table.TRAINING, CREATE, -2, {"path_code": "PC-2", "title": "First aid"}),
     stored(Table.TRAINING, path_code="PC-2", title="First aid")),
    (Change(Table.SESSION, CREATE, -1, every_column(
        Table.SESSION, training_id=-1, title="May", start_date=date(2027, 6, 15),
        end_date=date(2027, 6, 16), teacher_id=-1)),
     stored(Table.SESSION, training_id=1, title="May", start_date="2027-06-15",
            end_date="2027-06-16", teacher_id=1)),
    (Change(Table.INTERVENTION, CREATE, -1, every_column(
        Table.INTERVENTION, guid="I-1", session_id=-1, start=datetime(2027, 6, 15, 9, 30))),
     stored(Table.INTERVENTION, guid="I-1", session_id=1, start="2027-06-15T09:30:00",
            status="active")),
    (Change(Table.SESSION, CREATE, -2, {"training_id": -2, "title": None}),
     stored(Table.SESSION, training_id=2)),
    (Change(Table.INTERVENTION, CREATE, -2, {"guid": "I-2", "session_id": -2,
                                             "status": "cancelled", "duration": 90}),
     stored(Table.INTERVENTION, guid="I-2", session_id=2, duration=90, status="cancelled")),
    (Change(Table.ENTITY, CREATE, -1, every_column(Table.ENTITY, name="HQ")),
     stored(Table.ENTITY, name="HQ")),
    (Change(Table.LEARNER, CREATE, -1, every_column(
        Table.LEARNER, login="ann", entity_id=-1, custom={"g-1": "x", "n": [1, 2]},
        enabled_from=date(2027, 1, 1))),
     stored(Table.LEARNER, login="ann", entity_id=1, custom='{"g-1":"x","n":[1,2]}',
            enabled_from="2027-01-01")),
    (Change(Table.LEARNER, CREATE, -2, every_column(Table.LEARNER, login="bob", manager_id=-1)),
     stored(Table.LEARNER, login="bob", manager_id=1)),
    (Change(Table.REGISTRATION, CREATE, -1, every_column(
        Table.REGISTRATION, learner_id=-1, session_id=-1,
        registered_on=datetime(2027, 6, 1, 8, tzinfo=PARIS))),
     stored(Table.REGISTRATION, learner_id=1, session_id=1,
            registered_on="2027-06-01T08:00:00+02:00")),
    (Change(Table.TRACKING, CREATE, -1, every_column(
        Table.TRACKING, learner_id=-1, session_id=-1, lo_code="LO-1", progression=100.0,
        score=12.25, time_spent=30)),
     stored(Table.TRACKING, learner_id=1, session_id=1, lo_code="LO-1", progression=100.0,
            score=12.25, time_spent=30)),
    (Change(Table.TRACKING, CREATE, -2, every_column(Table.TRACKING, learner_id=-2,
                                                     session_id=-2)),
     stored(Table.TRACKING, learner_id=2, session_id=2)),
]


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """A new store, on either engine."""
    with Store.open(store_url) as opened:
        yield opened


def history(store: Store, run: int) -> list[tuple[int, str, str, int, str]]:
    """(seq, table, kind, record, after JSON as the engine keeps it) of a run's changes."""
    return [tuple(row) for row in raw_sql(
        store.path, "SELECT seq, table_name, kind, record_id, CAST(after AS TEXT)"
                    " FROM run_change WHERE run_id = ? ORDER BY id", (run,))]




def test_a_created_record_s_history_holds_the_columns_its_batch_fills_as_stored(
        store: Store) -> None:
    run = store.apply([change for change, _ in CREATIONS], run_info(create=len(CREATIONS)))
    logged_in_order = sorted(history(store, run))  # a table's batch is written at once
    # Placeholders -1, -2, ... of a table become its ids 1, 2, ... in a new store.
    expected = logged([values for _, values in CREATIONS])
    assert logged_in_order == [
        (seq, c.table.value, "create", -c.record_id, after)
        for seq, ((c, _), after) in enumerate(zip(CREATIONS, expected, strict=True))]


def test_a_commit_reverted_then_redone_logs_the_same_records(store: Store) -> None:
    run = store.apply([change for change, _ in CREATIONS], run_info(create=len(CREATIONS)))
    written = record_tables(store.path)
    undo = commit_revert(store, plan_revert(store, run))
    assert all(not rows for rows in record_tables(store.path).values())
    redo_plan = plan_revert(store, undo.run_id)
    assert redo_plan.conflicts() == 0
    redo = commit_revert(store, redo_plan)
    # The records come back with their old ids, logged from their values: the same JSON.
    assert record_tables(store.path) == written
    assert ({row[1:] for row in history(store, redo.run_id)}
            == {row[1:] for row in history(store, run)})


def test_a_large_batch_is_logged_record_by_record(store: Store) -> None:
    count = 4500  # more than two of the writer's batches
    changes = [Change(Table.TRAINING, CREATE, -i, every_column(
        Table.TRAINING, path_code=f"PC-{i}", title=f"T {i}", duration=i if i % 2 else None))
        for i in range(1, count + 1)]
    run = store.apply(changes, run_info(create=count))
    expected = logged([stored(Table.TRAINING, path_code=f"PC-{i}", title=f"T {i}",
                              duration=i if i % 2 else None) for i in range(1, count + 1)])
    assert expected[0] == '{"path_code":"PC-1","title":"T 1","duration":1}'
    assert history(store, run) == [(i - 1, "training", "create", i, expected[i - 1])
                                   for i in range(1, count + 1)]


def test_a_record_created_empty_is_logged_with_a_column_and_reverted(store: Store) -> None:
    # A learner may be created with every column empty: its log names one column (NULL),
    # since a record logged as {} is a damaged history.
    run = store.apply([Change(Table.LEARNER, CREATE, -1, {})], run_info(create=1))
    assert history(store, run) == [(0, "learner", "create", 1, '{"login":null}')]
    plan = plan_revert(store, run)
    assert [(row.table, row.record_id, row.outcome.value) for row in plan.rows()] == [
        (Table.LEARNER, 1, "delete")]
