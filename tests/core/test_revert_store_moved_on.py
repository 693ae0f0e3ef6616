"""Another administrator writes to the shared store between a revert's plan and its write:
the stale plan is never written, nothing is half-written, and the error says what changed
(a StoreChangedError, so that the window offers to plan again)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from importer_gui.cli import main
from importer_gui.core import revert as revert_module
from importer_gui.core.errors import RevertedMeanwhileError, StoreChangedError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import RevertPlan, commit_revert, plan_revert, revert_later_first
from importer_gui.core.store import Store, StoreLocation
from importer_gui.core.store.runs import machine_name, os_user
from tests.builders import run_info
from tests.postgres import record_tables
from tests.stores import colleague_renames, colleague_reverts, rooms_changed_again


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """Run 1 makes rooms 1 and 2; run 2 names them; run 3 changes room 2 again."""
    with Store.open(store_url) as opened:
        rooms_changed_again(opened)
        yield opened


def by_colleague(run: int) -> str:
    """How a refusal names a colleague's run: with its user and machine."""
    return f"run {run} ({os_user()} on {machine_name()})"


def refused(store: Store, ours: RevertPlan,
            write: Callable[[Store, RevertPlan], object] = commit_revert,
            error: type[StoreChangedError] = StoreChangedError) -> StoreChangedError:
    """What writing the stale plan ``ours`` raises; nothing was written (the tables as before)."""
    before = record_tables(store.path)
    with pytest.raises(error) as failure:
        write(store, ours)
    assert record_tables(store.path) == before
    return failure.value


def test_a_run_a_colleague_reverted_meanwhile_says_by_which_run(store: Store) -> None:
    ours = plan_revert(store, 3)  # the preview waits for its Revert button
    theirs = colleague_reverts(store.path, 3)
    failure = refused(store, ours)
    assert str(failure).startswith(f"Run 3 was reverted by run {theirs} (")
    assert failure.reverted_by == theirs  # type: ignore[attr-defined]


def test_a_colleague_s_commit_over_a_record_the_plan_skips_stops_the_revert(
        store: Store) -> None:
    ours = plan_revert(store, 2)  # room 1 back to A; room 2 skipped (run 3 changed it)
    assert [r.outcome.value for r in ours.rows()] == ["update", "error"]
    theirs = colleague_renames(store.path, 2, "Green", "Teal")  # room 2 as run 2 left it
    assert str(refused(store, ours)) == (
        f"Room 'Teal' was changed by {by_colleague(theirs)} since the revert was planned "
        f"(roomLabel is now 'Green'); try the revert again: nothing was written to {store.path}.")
    assert [r.outcome.value for r in plan_revert(store, 2).rows()] == ["update", "update"]


def test_a_later_run_a_colleague_reverted_meanwhile_stops_the_revert(store: Store) -> None:
    ours = plan_revert(store, 2)
    assert ours.later_runs == [3]
    theirs = colleague_reverts(store.path, 3)
    assert str(refused(store, ours)) == (
        f"Room 'Teal' was changed by {by_colleague(theirs)} since the revert was planned "
        f"(roomLabel is now 'Green'); try the revert again: nothing was written to {store.path}.")
    again = plan_revert(store, 2)
    assert (again.later_runs, [r.outcome.value for r in again.rows()]) == ([], ["update",
                                                                                "update"])


def test_a_colleague_s_commit_over_a_record_the_revert_writes_stops_it(store: Store) -> None:
    ours = plan_revert(store, 2)
    theirs = colleague_renames(store.path, 1, "Red", "Blue")
    assert str(refused(store, ours)) == (
        f"Room 'Blue' was changed by {by_colleague(theirs)} since the revert was planned "
        f"(roomLabel is now 'Red'); try the revert again: nothing was written to {store.path}.")


def test_a_record_a_colleague_deletes_meanwhile_names_their_run(
        store: Store) -> None:
    ours = plan_revert(store, 2)  # room 1 back to A
    with Store.open(store.path) as colleague:
        theirs = colleague.apply([Change(Table.ROOM, ChangeKind.DELETE, 1)], run_info(delete=1))
    assert str(refused(store, ours)) == (
        f"Room 'Blue' was deleted by {by_colleague(theirs)} since the revert was planned; try the "
        f"revert again: nothing was written to {store.path}.")


def test_a_record_a_colleague_brings_back_meanwhile_stops_the_revert(store: Store) -> None:
    deleted = store.apply([Change(Table.ROOM, ChangeKind.DELETE, 2)], run_info(delete=1))
    ours = plan_revert(store, 2)  # room 2 skipped: deleted since
    theirs = colleague_reverts(store.path, deleted)  # brings room 2 back
    assert str(refused(store, ours)) == (
        f"Room 'Teal' was brought back by {by_colleague(theirs)} since the revert was planned; try "
        f"the revert again: nothing was written to {store.path}.")


def test_the_command_line_says_the_store_moved_on_in_one_line(
        store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = revert_module.plan_revert

    def planned_then_reverted_by_a_colleague(*args: Any, **kwargs: Any) -> RevertPlan:
        """The plan, then a colleague's revert of run 3 before the command writes it."""
        plan = real(*args, **kwargs)
        with Store.open(store.path) as colleague:
            commit_revert(colleague, real(colleague, 3))
        return plan

    monkeypatch.setattr(revert_module, "plan_revert", planned_then_reverted_by_a_colleague)
    assert main(["revert", "2", "--store", str(store.path)]) == 2
    assert capsys.readouterr().err == (
        f"importer-gui: Room 'Teal' was changed by {by_colleague(4)} since the revert was planned "
        f"(roomLabel is now 'Green'); try the revert again: nothing was written to "
        f"{store.path}.\n")
    # The colleague's revert alone: room 1 not put back by the command.
    assert [row[2] for row in record_tables(store.path)["room"]] == ["Blue", "Green"]


def test_later_first_skips_a_later_run_a_colleague_reverted_meanwhile_and_says_so(
        store: Store) -> None:
    ours = plan_revert(store, 2)  # "revert run 3 first, then run 2"
    theirs = colleague_reverts(store.path, 3)
    results = revert_later_first(store, ours)
    assert [(r.run_id, r.reverts, r.skipped, r.passed.meanwhile) for r in results] == [
        (theirs + 1, 2, 0, ((3, theirs),))]
    assert [row[2] for row in record_tables(store.path)["room"]] == ["A", "B"]


def test_later_first_refuses_a_later_run_committed_since_the_plan(store: Store) -> None:
    ours = plan_revert(store, 2)
    colleague_renames(store.path, 1, "Red", "Blue")  # run 4 changes room 1 again
    assert str(refused(store, ours, revert_later_first)) == (
        "Run 4 changed records of run 2 since the revert was planned; try the revert again: "
        f"nothing was written to {store.path}.")
    assert plan_revert(store, 2).later_runs == [4, 3]


def test_later_first_of_a_run_a_colleague_reverted_meanwhile_says_by_which_run(
        store: Store) -> None:
    ours = plan_revert(store, 2)
    theirs = colleague_reverts(store.path, 3, 2)  # runs 3, then 2, reverted by runs 4 and 5
    failure = refused(store, ours, revert_later_first, RevertedMeanwhileError)
    who = next(r for r in store.history() if r.id == theirs).committed_by  # "jdoe on pc-12"
    assert str(failure) == (
        f"Run 2 was reverted by run {theirs} ({who}) since the revert was planned: nothing "
        f"was written to {store.path}.")
    assert failure.reverted_by == theirs  # type: ignore[attr-defined]
