"""Reverting later runs first, when a later run cannot be reverted at all (every record of it
a conflict): the result says so, and the preview, where it can know, says it beforehand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import (
    LaterNotReverted,
    plan_later_runs,
    plan_revert,
    revert_later_first,
)
from importer_gui.core.store import Store, StoreLocation
from tests.builders import run_info
from tests.postgres import raw_sql, record_tables

UPDATE = ChangeKind.UPDATE


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """Run 1 makes rooms 1 and 2; run 2 names them; run 3 changes room 2 again, and another
    program changes it after run 3: nothing of run 3 can be reverted."""
    with Store.open(store_url) as opened:
        opened.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-1", "label": "A"}),
                      Change(Table.ROOM, ChangeKind.CREATE, -2, {"guid": "R-2", "label": "B"})],
                     run_info(create=2))
        opened.apply([Change(Table.ROOM, UPDATE, 1, {"label": "Blue"}, {"label": "A"}),
                      Change(Table.ROOM, UPDATE, 2, {"label": "Green"}, {"label": "B"})],
                     run_info(update=2))
        opened.apply([Change(Table.ROOM, UPDATE, 2, {"label": "Teal"}, {"label": "Green"})],
                     run_info(update=1))
        raw_sql(store_url, "UPDATE room SET label = 'Navy' WHERE id = 2")
        yield opened


def test_a_later_run_nothing_of_which_can_be_reverted_is_said_not_reverted(
        store: Store) -> None:
    plan = plan_revert(store, 2)
    assert plan.later_runs == [3]
    results = revert_later_first(store, plan)
    assert [(r.run_id, r.reverts, r.skipped, r.not_reverted) for r in results] == [
        (4, 2, 1, (LaterNotReverted(3, 1),))]
    assert [row[2] for row in record_tables(store.path)["room"]] == ["A", "Navy"]
    assert [r.id for r in store.history()] == [4, 3, 2, 1]  # no revert of run 3 written


def test_the_plan_of_the_later_runs_says_which_cannot_be_reverted(store: Store) -> None:
    plan = plan_later_runs(store, plan_revert(store, 2))
    assert plan.later_runs == [3]
    assert plan.later_not_reverted == [LaterNotReverted(3, 1)]
    assert plan.summary() == [
        "1 conflicting record will be skipped (changed since run 2, or still needed by other "
        "records); the others will be reverted.",
        "Run 3 changed records of run 2 again: revert it first to revert those records as "
        "well.",
        "Run 3 cannot be reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records; the records of run 2 it changed again will stay "
        "skipped."]
    assert [r.id for r in store.history()] == [3, 2, 1]  # planning writes nothing


def test_a_later_run_a_newer_one_changed_is_not_said_stuck(store: Store) -> None:
    """Run 4 changes room 2 again: run 3's conflict is run 4's doing, which reverting run 4
    first clears; only the result, after it, can say what happened."""
    raw_sql(store.path, "UPDATE room SET label = 'Teal' WHERE id = 2")
    store.apply([Change(Table.ROOM, UPDATE, 2, {"label": "Red"}, {"label": "Teal"})],
                run_info(update=1))
    plan = plan_later_runs(store, plan_revert(store, 2))
    assert (plan.later_runs, plan.later_not_reverted) == ([4, 3], [])
    results = revert_later_first(store, plan)
    assert [(r.reverts, r.skipped, r.not_reverted) for r in results] == [
        (4, 0, ()), (3, 0, ()), (2, 0, ())]
    assert [row[2] for row in record_tables(store.path)["room"]] == ["A", "B"]
