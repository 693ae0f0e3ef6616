"""Reverting later runs first, when a later run cannot be reverted at all (every record of it
a conflict): the result says so, and the preview, where it can know, says it beforehand."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import (
    LaterNotReverted,
    NothingToRevertError,
    PassedOver,
    RevertInterruptedError,
    RevertStopped,
    plan_later_runs,
    plan_revert,
    revert_later_first,
)
from importer_gui.core.store import Store, StoreLocation
from tests.builders import run_info
from tests.postgres import raw_sql, record_tables
from tests.stores import renamed, rooms_changed_again, rooms_named


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """Run 1 makes rooms 1 and 2; run 2 names them; run 3 changes room 2 again, and another
    program changes it after run 3: nothing of run 3 can be reverted."""
    with Store.open(store_url) as opened:
        rooms_changed_again(opened)
        raw_sql(store_url, "UPDATE room SET label = 'Navy' WHERE id = 2")
        yield opened


def test_a_later_run_nothing_of_which_can_be_reverted_is_said_not_reverted(
        store: Store) -> None:
    plan = plan_revert(store, 2)
    assert plan.later_runs == [3]
    results = revert_later_first(store, plan)
    assert [(r.run_id, r.reverts, r.skipped, r.passed.not_reverted) for r in results] == [
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
        "Run 3 changed records of run 2 again, or records linked to them: "
        "revert it first to revert those records as "
        "well.",
        "Run 3 cannot be reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records; the records of run 2 it changed again, or that are "
        "linked to records it changed, will stay skipped."]
    assert [r.id for r in store.history()] == [3, 2, 1]  # planning writes nothing


def test_a_later_run_a_newer_one_changed_is_not_said_stuck(store: Store) -> None:
    """Run 4 changes room 2 again: run 3's conflict is run 4's doing, which reverting run 4
    first clears; only the result, after it, can say what happened."""
    raw_sql(store.path, "UPDATE room SET label = 'Teal' WHERE id = 2")
    renamed(store, 2, "Red", "Teal")
    plan = plan_later_runs(store, plan_revert(store, 2))
    assert (plan.later_runs, plan.later_not_reverted) == ([4, 3], [])
    results = revert_later_first(store, plan)
    assert [(r.reverts, r.skipped, r.passed.not_reverted) for r in results] == [
        (4, 0, ()), (3, 0, ()), (2, 0, ())]
    assert [row[2] for row in record_tables(store.path)["room"]] == ["A", "B"]


def test_a_later_run_whose_conflicts_come_from_a_run_not_reverted_first_is_said_stuck(
        store_url: StoreLocation) -> None:
    """Run 3 renames room 2 and makes room 3, another program renames room 2, run 4 renames
    room 3: run 4 changed no record of run 2, so it is not reverted before run 3, and nothing
    of run 3 can be."""
    with Store.open(store_url) as store:
        rooms_named(store)
        store.apply([Change(Table.ROOM, ChangeKind.UPDATE, 2, {"label": "Teal"},
                            {"label": "Green"}),
                     Change(Table.ROOM, ChangeKind.CREATE, -3, {"guid": "R-3", "label": "C"})],
                    run_info(update=1, create=1))
        raw_sql(store_url, "UPDATE room SET label = 'Navy' WHERE id = 2")
        renamed(store, 3, "Pink", "C")
        plan = plan_later_runs(store, plan_revert(store, 2))
        assert (plan.later_runs, plan.later_not_reverted) == ([3], [LaterNotReverted(3, 2)])
        assert plan_revert(store, 3).later_runs == [4]
        results = revert_later_first(store, plan)
        assert [(r.reverts, r.skipped, r.passed.not_reverted) for r in results] == [
            (2, 1, (LaterNotReverted(3, 2),))]


@pytest.fixture
def put_back(store_url: StoreLocation) -> Iterator[Store]:
    """Run 1 makes rooms 1 and 2; run 2 names them; another program renames room 2, run 3
    changes it again, and the other program puts it back: nothing of run 3 is left to undo."""
    with Store.open(store_url) as opened:
        rooms_named(opened)
        raw_sql(store_url, "UPDATE room SET label = 'Navy' WHERE id = 2")
        renamed(opened, 2, "Teal", "Navy")
        raw_sql(store_url, "UPDATE room SET label = 'Navy' WHERE id = 2")
        yield opened


def test_a_later_run_with_nothing_left_to_revert_is_passed_over(put_back: Store) -> None:
    plan = plan_revert(put_back, 2)
    assert plan.later_runs == [3]
    results = revert_later_first(put_back, plan)
    assert [(r.run_id, r.reverts, r.skipped, r.passed.not_reverted) for r in results] == [
        (4, 2, 1, (LaterNotReverted(3, 0),))]
    assert [row[2] for row in record_tables(put_back.path)["room"]] == ["A", "Navy"]
    assert [r.id for r in put_back.history()] == [4, 3, 2, 1]  # no revert of run 3 written


def test_the_plan_of_the_later_runs_says_one_has_nothing_left(put_back: Store) -> None:
    plan = plan_later_runs(put_back, plan_revert(put_back, 2))
    assert plan.later_not_reverted == [LaterNotReverted(3, 0)]
    assert plan.later_to_revert() == []
    assert plan.summary()[-1] == (
        "Run 3 has nothing left to revert: every record of it is already as it was before "
        "run 3; the records of run 2 it changed again, or that are linked to records it "
        "changed, will stay skipped.")


def test_a_later_run_put_back_by_a_newer_one_is_not_said_to_have_nothing_left(
        put_back: Store) -> None:
    """Run 4 puts room 2 back as before run 3: reverting run 4 first leaves run 3 to revert."""
    renamed(put_back, 2, "Teal", "Navy")
    renamed(put_back, 2, "Navy", "Teal")
    plan = plan_later_runs(put_back, plan_revert(put_back, 2))
    assert (plan.later_runs, plan.later_not_reverted) == ([5, 4, 3], [])


def test_every_later_run_and_the_run_all_conflicts_names_each_later_run(store: Store) -> None:
    plan = plan_revert(store, 2)  # the preview, before another program changes room 1
    raw_sql(store.path, "UPDATE room SET label = 'Purple' WHERE id = 1")
    with pytest.raises(RevertInterruptedError) as failure:
        revert_later_first(store, plan)
    assert str(failure.value) == (
        "Nothing was reverted: all 2 records of run 2 changed since or are needed by other "
        "records; nothing was written. Run 3 was not reverted first: its 1 conflicting record "
        "changed since run 3, or is still needed by other records.")
    assert (failure.value.done, failure.value.passed) == ([], PassedOver(
        (), (LaterNotReverted(3, 1),)))
    assert isinstance(failure.value.error, NothingToRevertError)  # the window plans again
    assert [r.id for r in store.history()] == [3, 2, 1]


def test_a_stop_before_anything_was_written_names_the_later_run_passed_over(
        store: Store) -> None:
    seen: list[str] = []
    # Cancelled once run 3 was passed over, as run 2 is compared: nothing was written.
    monitor = Monitor(progress=lambda _d, _t, what: seen.append(what), every=1,
                      cancelled=lambda: "Comparing the records of run 2 with the store" in seen)
    with pytest.raises(RevertStopped) as stopped:
        revert_later_first(store, plan_revert(store, 2), monitor)
    assert stopped.value.done == []
    assert stopped.value.passed == PassedOver((), (LaterNotReverted(3, 1),))
    assert [r.id for r in store.history()] == [3, 2, 1]


def test_a_stop_after_a_later_run_passed_over_names_it(store: Store) -> None:
    renamed(store, 1, "Red", "Blue")  # run 4
    seen: list[str] = []
    # Cancelled once run 4's revert is written and run 3 passed over, as run 2 is compared.
    monitor = Monitor(progress=lambda _d, _t, what: seen.append(what), every=1,
                      cancelled=lambda: "Comparing the records of run 2 with the store" in seen)
    with pytest.raises(RevertStopped) as stopped:
        revert_later_first(store, plan_revert(store, 2), monitor)
    assert [(r.run_id, r.reverts) for r in stopped.value.done] == [(5, 4)]
    assert stopped.value.passed.said() == [
        "Run 3 was not reverted first: its 1 conflicting record changed since run 3, or is "
        "still needed by other records."]


def test_an_error_after_a_later_run_passed_over_names_it(store: Store) -> None:
    renamed(store, 1, "Red", "Blue")  # run 4

    def edit_by_hand(_done: int, _total: int, what: str) -> None:
        """Another program changes room 1 once run 2 is compared with the store again."""
        if what == "Comparing the records of run 2 with the store":
            raw_sql(store.path, "UPDATE room SET label = 'Purple' WHERE id = 1")

    with pytest.raises(RevertInterruptedError) as failure:
        revert_later_first(store, plan_revert(store, 2), Monitor(progress=edit_by_hand, every=1))
    assert str(failure.value) == (
        "Room 'Blue' changed since the revert was planned (roomLabel is now 'Purple'); try the "
        f"revert again: nothing was written to {store.path}. Before it, run 4 was reverted "
        "(run 5); run 2 was not. Run 3 was not reverted first: its 1 conflicting record "
        "changed since run 3, or is still needed by other records.")
