"""The bulk writer stores a value by one rule, whether it comes in a created record (column by
column for a batch) or in an update's or a delete's dicts: a reference's placeholder (a negative
id) becomes the real id, a date, a moment or JSON is encoded for the engine, and NULL stays NULL
(never JSON's "null"). A dict is compared and merged with its own columns only. Every test runs
on both engines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, EntityRec, Table
from importer_gui.core.store import Store, StoreLocation
from tests.builders import run_info
from tests.postgres import raw_sql

CREATE, UPDATE, DELETE = ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.DELETE
LEARNER, ENTITY = Table.LEARNER, Table.ENTITY
CUSTOM = {"g-1": "x", "n": [1, 2]}
# A learner's columns that the rule changes: two references, a date, JSON, and a NULL.
GIVEN = {"entity_id": -1, "manager_id": 1, "enabled_from": date(2027, 1, 1), "custom": CUSTOM,
         "enabled_until": None}
STORED = ("1", "1", "2027-01-01", '{"g-1":"x","n":[1,2]}', None)  # as text, on both engines


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """A new store, on either engine, holding learner 1 ("bob", nothing else) of run 1."""
    with Store.open(store_url) as opened:
        opened.apply([Change(LEARNER, CREATE, -1, {"login": "bob"})], run_info(create=1))
        yield opened


def stored(store: Store, record_id: int, columns: tuple[str, ...] = tuple(GIVEN)) -> tuple:
    """Some columns of a learner as the engine keeps them, as text (NULL as None)."""
    cast = ", ".join(f"CAST({c} AS TEXT)" for c in columns)
    return tuple(raw_sql(store.path, f"SELECT {cast} FROM learner WHERE id = ?",
                         (record_id,))[0])


def logged(store: Store, run: int, kind: str, record_id: int) -> tuple[str | None, str | None]:
    """The JSON texts (before, after) a run logged of a learner."""
    rows = raw_sql(store.path, "SELECT CAST(before AS TEXT), CAST(after AS TEXT) FROM run_change"
                               " WHERE run_id = ? AND table_name = 'learner' AND kind = ?"
                               " AND record_id = ? ORDER BY id", (run, kind, record_id))
    return rows[-1]


def columns_of(text: str | None, columns: tuple[str, ...] = tuple(GIVEN)) -> dict[str, Any]:
    """Some columns of a logged record (a column a created record's log leaves out is
    NULL)."""
    assert text is not None
    values = json.loads(text)
    return {c: values.get(c) for c in columns}


def test_an_update_stores_a_value_as_a_creation_does(store: Store) -> None:
    run = store.apply([
        Change(ENTITY, CREATE, -1, {"name": "HQ"}),  # entity 1 is made by this run: -1 is 1
        Change(LEARNER, CREATE, -2, {"login": "ann", **GIVEN}),
        Change(LEARNER, UPDATE, 1, GIVEN, {"entity_id": None, "custom": None}),
    ], run_info(create=2, update=1))
    assert stored(store, 2) == stored(store, 1) == STORED
    created, updated = logged(store, run, "create", 2)[1], logged(store, run, "update", 1)[1]
    assert columns_of(updated) == columns_of(created) == {
        "entity_id": 1, "manager_id": 1, "enabled_from": "2027-01-01",
        "custom": '{"g-1":"x","n":[1,2]}', "enabled_until": None}


def test_null_stays_null_in_both_shapes(store: Store) -> None:
    store.apply([Change(LEARNER, UPDATE, 1, {"custom": CUSTOM, "enabled_from": date(2027, 1, 1)},
                        {"custom": None})], run_info(update=1))
    run = store.apply([
        Change(LEARNER, CREATE, -1, {"login": "cy", "custom": None, "enabled_from": None}),
        Change(LEARNER, UPDATE, 1, {"custom": None, "enabled_from": None},
               {"custom": CUSTOM, "enabled_from": date(2027, 1, 1)}),
    ], run_info(create=1, update=1))
    both = ("custom", "enabled_from")
    assert stored(store, 1, both) == stored(store, 2, both) == (None, None)  # not 'null'
    assert (columns_of(logged(store, run, "update", 1)[1], both)
            == columns_of(logged(store, run, "create", 2)[1], both)
            == {"custom": None, "enabled_from": None})


def test_a_column_null_in_its_first_records_only_keeps_its_values(store: Store) -> None:
    # A batch leaves out a column NULL in every record: one NULL first is not every record.
    run = store.apply([
        Change(LEARNER, CREATE, -1, {"login": "cy", "enabled_from": None, "custom": None}),
        Change(LEARNER, CREATE, -2, {"login": "di", "enabled_from": None, "custom": CUSTOM}),
        Change(LEARNER, CREATE, -3, {"login": "ed", "enabled_from": date(2027, 1, 1)}),
    ], run_info(create=3))
    both = ("enabled_from", "custom")
    assert [stored(store, i, both) for i in (2, 3, 4)] == [
        (None, None), (None, STORED[3]), ("2027-01-01", None)]
    assert columns_of(logged(store, run, "create", 4)[1], both) == {
        "enabled_from": "2027-01-01", "custom": None}


def test_the_check_compares_only_the_columns_before_names_as_stored(store: Store) -> None:
    store.apply([Change(LEARNER, UPDATE, 1, {"custom": CUSTOM, "enabled_from": date(2027, 1, 1)},
                        {"custom": None})], run_info(update=1))
    # Not the login nor any other column: before names two, given as the check read them.
    run = store.apply([Change(LEARNER, UPDATE, 1, {"name": "Doe"},
                              {"custom": CUSTOM, "enabled_from": date(2027, 1, 1)})],
                      run_info(update=1))
    before, after = logged(store, run, "update", 1)
    assert json.loads(before or "")["login"] == "bob"  # the history holds every column
    assert json.loads(after or "")["name"] == "Doe"
    stale = Change(LEARNER, UPDATE, 1, {"name": "Roe"}, {"custom": {"g-1": "y"}})
    with pytest.raises(StoreError, match=r"^Learner 'bob' was changed by run 3 \(.*\) since "
                                         r"the check \(custom is now "):
        store.apply([stale], run_info(update=1))
    assert stored(store, 1, ("name",)) == ("Doe",)


def test_a_delete_is_checked_and_logged_as_the_creation_logged_it(store: Store) -> None:
    created = store.apply([Change(ENTITY, CREATE, -1, {"name": "HQ"}),
                           Change(LEARNER, CREATE, -2, {"login": "ann", **GIVEN})],
                          run_info(create=2))
    # As the planner gives it: every column, as the check read them (real ids, Python values).
    every = {**{c: None for c in ("ref_number", "email", "name", "firstname", "validity",
                                  "languages", "time_zone", "presentation", "guid")},
             "login": "ann", **GIVEN, "entity_id": 1}
    deleted = store.apply([Change(LEARNER, DELETE, 2, before=every)], run_info(delete=1))
    assert raw_sql(store.path, "SELECT id FROM learner") == [(1,)]
    assert logged(store, deleted, "delete", 2)[1] is None
    # Read back, what the delete logged is what the creation logged.
    [gone] = store.run_changes(deleted)
    made = next(c for c in store.run_changes(created) if c.table is LEARNER)
    assert gone.before == made.after == {**every, "custom": CUSTOM}


def test_two_updates_of_a_record_in_one_run_follow_each_other(store: Store) -> None:
    run = store.apply([
        Change(LEARNER, UPDATE, 1, {"enabled_from": date(2027, 1, 1)}, {"enabled_from": None}),
        Change(LEARNER, UPDATE, 1, {"custom": CUSTOM}, {"enabled_from": date(2027, 1, 1)}),
    ], run_info(update=2))
    assert stored(store, 1, ("enabled_from", "custom")) == STORED[2:4]
    first, second = raw_sql(store.path, "SELECT CAST(before AS TEXT), CAST(after AS TEXT) FROM"
                                         " run_change WHERE run_id = ? ORDER BY seq", (run,))
    assert second[0] == first[1]  # the second is checked against, and logged from, the first


@pytest.mark.parametrize("change", [
    Change(LEARNER, CREATE, -2, {"login": "ann", "entity_id": -5}),
    Change(LEARNER, UPDATE, 1, {"entity_id": -5}, {"entity_id": None}),
], ids=["create", "update"])
def test_a_placeholder_never_created_is_refused_in_either_shape(store: Store,
                                                                change: Change) -> None:
    with pytest.raises(StoreError) as failure:
        store.apply([change], run_info(create=1))
    assert str(failure.value) == ("The changes refer to entity -5, which they never create: "
                                  f"nothing was written to {store.path}.")
    assert raw_sql(store.path, "SELECT count(*) FROM import_run") == [(1,)]


@pytest.mark.parametrize("values, before", [({"nick": "b"}, {}), ({"name": "B"}, {"nick": "b"})],
                         ids=["values", "before"])
def test_an_unknown_column_is_refused_in_an_update(store: Store, values: dict[str, Any],
                                                   before: dict[str, Any]) -> None:
    with pytest.raises(StoreError) as failure:
        store.apply([Change(LEARNER, UPDATE, 1, values, before)], run_info(update=1))
    assert str(failure.value) == (f"Unknown learner column nick: nothing was written to "
                                  f"{store.path}.")
    assert stored(store, 1, ("name",)) == (None,)


def test_records_created_twice_are_refused_where_the_placeholders_grow(store: Store) -> None:
    """Created records come in runs of one table (queued together); a run whose placeholders
    reach past the ones given so far, and include some of them, creates those twice."""
    def entities(first: int, count: int) -> list[Any]:
        return [EntityRec(-n, name=f"E{n}") for n in range(first, first + count)]

    writes = [*entities(1020, 4), Change(LEARNER, CREATE, -1, {"login": "ann"}),
              *entities(1022, 9)]
    with pytest.raises(StoreError) as refused:
        store.apply(writes, run_info(create=14))
    assert str(refused.value).startswith("The changes create entity -1022 twice")
    assert len(store.history()) == 1  # the fixture's run alone
