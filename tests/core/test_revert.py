"""Reverting an import run: what the preview shows, what the commit writes, and conflicts.

Every test runs on both engines (a SQLite file, a database of a throwaway PostgreSQL
cluster).
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core import revert as revert_module
from importer_gui.core.errors import Cancelled, ImporterError, StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import (
    RevertPlan,
    RevertStopped,
    commit_revert,
    plan_revert,
    revert_later_first,
)
from importer_gui.core.store import Store, StoreLocation
from tests.builders import run_info
from tests.postgres import raw_sql, record_tables

CREATE, UPDATE, DELETE = ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.DELETE


def rows(plan: RevertPlan) -> list[tuple[str, int, str, list[str]]]:
    """(table, record, outcome, messages) of every row of a revert plan."""
    return [(row.table.value, row.record_id, row.outcome.value, [i.message for i in row.issues])
            for row in plan.rows()]


@pytest.fixture
def store(store_url: StoreLocation) -> Iterator[Store]:
    """Run 1: teacher 1, trainings 1-2, room 1, sessions 1-2, interventions 1-3."""
    with Store.open(store_url) as opened:
        opened.apply([
            Change(Table.TEACHER, CREATE, -1, {"login": "jdoe", "name": "Doe"}),
            Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-1", "title": "Safety"}),
            Change(Table.TRAINING, CREATE, -2, {"path_code": "PC-2", "title": "First aid"}),
            Change(Table.ROOM, CREATE, -1, {"guid": "R-1", "label": "Blue"}),
            Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "May",
                                               "start_date": date(2024, 5, 2)}),
            Change(Table.SESSION, CREATE, -2, {"training_id": -2, "title": "June",
                                               "teacher_id": -1}),
            Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-1", "session_id": -1,
                                                    "start": datetime(2024, 5, 2, 9),
                                                    "room_id": -1, "teacher_id": -1}),
            Change(Table.INTERVENTION, CREATE, -2, {"guid": "I-2", "session_id": -2}),
            Change(Table.INTERVENTION, CREATE, -3, {"guid": "I-3", "session_id": -2}),
        ], run_info(create=9))
        yield opened


def wrong_run(store: Store) -> int:
    """Run 2, the wrong file: creates, updates and deletes (a session with its interventions)."""
    return store.apply([
        Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-3", "title": "Wrong"}),
        Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "Wrong session"}),
        Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-9", "session_id": -1,
                                                "room_id": 1}),
        Change(Table.SESSION, UPDATE, 1, {"title": "Mai", "status": "open"}, {"title": "May"}),
        Change(Table.TRAINING, UPDATE, 1, {"title": "Safety 2"}, {"title": "Safety"}),
        Change(Table.ROOM, UPDATE, 1, {"label": "Green", "capacity": 12}, {"label": "Blue"}),
        Change(Table.INTERVENTION, DELETE, 2), Change(Table.INTERVENTION, DELETE, 3),
        Change(Table.SESSION, DELETE, 2),
    ], run_info(create=3, update=3, delete=1))


def test_revert_undoes_creates_updates_and_deletes_table_by_table(store: Store) -> None:
    before = record_tables(store.path)
    run = wrong_run(store)
    after = record_tables(store.path)
    plan = plan_revert(store, run)
    outcomes = {(t, r): o for t, r, o, _ in rows(plan)}
    assert outcomes == {
        ("training", 3): "delete", ("training", 1): "update", ("room", 1): "update",
        ("session", 3): "delete", ("session", 1): "update", ("session", 2): "create",
        ("intervention", 4): "delete", ("intervention", 2): "create",
        ("intervention", 3): "create"}
    assert plan.counts() == {"create": 3, "update": 3, "unchanged": 0, "delete": 3, "error": 0}
    assert record_tables(store.path) == after  # planning writes nothing
    # Parents come back before children, children go before parents.
    order = [(c.kind.value, c.table.value) for c in plan.changes()]
    assert order.index(("delete", "intervention")) < order.index(("delete", "session"))
    assert order.index(("create", "session")) < order.index(("create", "intervention"))
    # An updated record keeps its values now and the ones it gets back.
    session_row = next(r for r in plan.rows() if r.table is Table.SESSION and r.record_id == 1)
    assert session_row.now is not None and session_row.before is not None
    assert (session_row.now["title"], session_row.before["title"]) == ("Mai", "May")
    assert (session_row.now["status"], session_row.before["status"]) == ("open", None)
    result = commit_revert(store, plan)
    assert record_tables(store.path) == before
    history = {r.id: r for r in store.history()}
    assert history[run].reverted_by == result.run_id
    assert history[result.run_id].kind == "revert"
    assert history[result.run_id].reverts_run == run
    assert result.skipped == 0


def test_revert_then_revert_again_is_a_redo(store: Store) -> None:
    before = record_tables(store.path)
    run = wrong_run(store)
    after = record_tables(store.path)
    first = commit_revert(store, plan_revert(store, run))
    redo_plan = plan_revert(store, first.run_id)
    assert redo_plan.conflicts() == 0
    redo = commit_revert(store, redo_plan)
    assert record_tables(store.path) == after
    reverted_by = {r.id: r.reverted_by for r in store.history()}
    assert reverted_by[first.run_id] == redo.run_id
    assert reverted_by[run] is None  # redone, so in effect again: it can be reverted again
    with pytest.raises(StoreError) as failure:
        plan_revert(store, first.run_id)
    assert str(failure.value) == (f"Run {first.run_id} was already reverted by run "
                                  f"{redo.run_id}; revert run {redo.run_id} to redo it.")
    again = plan_revert(store, run)
    assert again.conflicts() == 0
    assert commit_revert(store, again).reverts == run
    assert record_tables(store.path) == before


def test_a_record_a_later_run_changed_is_skipped_and_the_run_named(store: Store) -> None:
    run = wrong_run(store)
    later = store.apply([Change(Table.SESSION, UPDATE, 1, {"title": "X"}, {"title": "Mai"})],
                        run_info(update=1))
    plan = plan_revert(store, run)
    conflict = [r for r in rows(plan) if r[2] == "error"]
    assert conflict == [("session", 1, "error", [
        f"Session 'Mai' was changed after run {run} by run {later} (sessionTitle is now 'X', "
        f"run {run} left 'Mai'); skipped."])]
    assert plan.later_runs == [later]
    assert plan.summary() == [
        f"1 conflicting record will be skipped (changed since run {run}, or still needed by "
        "other records); the others will be reverted.",
        f"Run {later} changed records of run {run} again, or records linked to them: "
        "revert it first to revert those "
        "records as well."]
    result = commit_revert(store, plan)
    assert result.skipped == 1
    session = store.get(Table.SESSION, 1)
    assert session is not None and (session.title, session.status) == ("X", "open")
    training = store.get(Table.TRAINING, 1)
    assert training is not None and training.title == "Safety"  # the others were reverted


def test_reverting_the_later_run_first_restores_everything(store: Store) -> None:
    before = record_tables(store.path)
    run = wrong_run(store)
    store.apply([Change(Table.SESSION, UPDATE, 1, {"title": "X"}, {"title": "Mai"})],
                run_info(update=1))
    results = revert_later_first(store, plan_revert(store, run))
    assert [r.reverts for r in results] == [run + 1, run]
    assert [r.skipped for r in results] == [0, 0]
    assert record_tables(store.path) == before


@pytest.mark.parametrize("read", ["the run's", "a later run's"])
def test_a_cancel_stops_the_preview_while_the_changes_are_read(
        store: Store, read: str, monkeypatch: pytest.MonkeyPatch) -> None:
    run = wrong_run(store)
    later = store.apply([Change(Table.SESSION, UPDATE, 1, {"title": "X"}, {"title": "Mai"}),
                         Change(Table.ROOM, UPDATE, 1, {"label": "Red"}, {"label": "Green"})],
                        run_info(update=2))
    stream, asked, pulled = store.run_changes_stream, [], []
    watched = run if read == "the run's" else later

    def run_changes_stream(run_id: int) -> Iterator[object]:
        for row in stream(run_id):
            if run_id == watched:
                asked.append(True)  # Cancel pressed as this run's first change is read
                pulled.append(row)
            yield row

    monkeypatch.setattr(store, "run_changes_stream", run_changes_stream)
    read_after: list[object] = []
    monitor = Monitor(cancelled=lambda: bool(asked), every=1)
    by_ids = store.by_ids
    monkeypatch.setattr(store, "by_ids", lambda *a: read_after.append(a) or by_ids(*a))
    with pytest.raises(Cancelled):
        plan_revert(store, run, monitor)
    # Stopped at once: the rest of the changes and the records are not read first.
    assert len(pulled) == 1
    if read == "the run's":
        assert read_after == []


def test_a_stop_after_the_later_run_was_reverted_says_that_revert(store: Store) -> None:
    run = wrong_run(store)
    later = store.apply([Change(Table.SESSION, UPDATE, 1, {"title": "X"}, {"title": "Mai"})],
                        run_info(update=1))
    seen: list[str] = []
    # Cancelled once the later run's revert is written, as the run is compared again.
    monitor = Monitor(progress=lambda _d, _t, what: seen.append(what), every=1,
                      cancelled=lambda: f"Comparing the records of run {run} with the store"
                      in seen)
    with pytest.raises(RevertStopped) as stopped:
        revert_later_first(store, plan_revert(store, run), monitor)
    assert [(r.run_id, r.reverts) for r in stopped.value.done] == [(later + 1, later)]
    assert [(r.id, r.reverted_by) for r in store.history()][:3] == [
        (later + 1, None), (later, later + 1), (run, None)]


def test_a_store_error_after_the_later_run_was_reverted_says_that_revert(store: Store) -> None:
    run = wrong_run(store)
    later = store.apply([Change(Table.SESSION, UPDATE, 1, {"title": "X"}, {"title": "Mai"})],
                        run_info(update=1))
    edited: list[str] = []

    def edit_by_hand(_done: int, _total: int, what: str) -> None:
        """Another program changes room 1 once run 2 is compared with the store again."""
        if what == f"Comparing the records of run {run} with the store" and not edited:
            edited.append(what)
            raw_sql(store.path, "UPDATE room SET label = 'Purple' WHERE id = 1")

    with pytest.raises(ImporterError) as failure:
        revert_later_first(store, plan_revert(store, run), Monitor(progress=edit_by_hand,
                                                                   every=1))
    assert str(failure.value) == (
        "Room 'Green' changed since the revert was planned (roomLabel is now 'Purple'); try "
        f"the revert again: nothing was written to {store.path}. Before it, run {later} was "
        f"reverted (run {later + 1}); run {run} was not.")
    assert [(r.run_id, r.reverts) for r in failure.value.done] == [  # type: ignore[attr-defined]
        (later + 1, later)]
    assert [(r.id, r.reverted_by) for r in store.history()][:3] == [
        (later + 1, None), (later, later + 1), (run, None)]


def test_a_record_edited_by_hand_is_skipped(store: Store) -> None:
    run = wrong_run(store)
    raw_sql(store.path, "UPDATE room SET capacity = 30 WHERE id = 1")  # another program
    plan = plan_revert(store, run)
    assert [r for r in rows(plan) if r[2] == "error"] == [("room", 1, "error", [
        f"Room 'Green' was changed after run {run} (roomCapacity is now 30, run {run} left 12); "
        "skipped."])]
    assert plan.later_runs == []
    assert plan.summary()[1:] == []


def test_a_created_record_s_empty_columns_are_logged_left_out_and_read_back_as_null(
        store: Store) -> None:
    # What a run logs of the records it creates leaves out the columns its batch left empty
    # in every record (most of a course's texts): read back as NULL, the run is reverted as
    # it was written, and a value set there since is a change since.
    run = store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-8", "label": "Rouge"}),
                       Change(Table.ROOM, CREATE, -2, {"guid": "R-9"})], run_info(create=2))
    logged = raw_sql(store.path, "SELECT after FROM run_change WHERE run_id = ? ORDER BY seq",
                     (run,))
    assert [text if isinstance(text, dict) else json.loads(text) for (text,) in logged] == [
        {"guid": "R-8", "label": "Rouge"}, {"guid": "R-9", "label": None}]
    assert [c.after for c in store.run_changes(run)] == [
        {"guid": "R-8", "label": "Rouge", "capacity": None},
        {"guid": "R-9", "label": None, "capacity": None}]
    assert rows(plan_revert(store, run)) == [("room", 2, "delete", []), ("room", 3, "delete", [])]
    raw_sql(store.path, "UPDATE room SET capacity = 30 WHERE guid = 'R-9'")
    assert rows(plan_revert(store, run)) == [("room", 2, "delete", []), ("room", 3, "error", [
        f"Room 3 was changed after run {run} (roomCapacity is now 30, run {run} left empty); "
        "skipped."])]


def test_a_conflicting_record_without_a_label_is_named_by_its_id(store: Store) -> None:
    store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-9"})], run_info(create=1))
    [(room,)] = raw_sql(store.path, "SELECT id FROM room WHERE guid = 'R-9'")
    run = store.apply([Change(Table.ROOM, UPDATE, room, {"capacity": 9}, {"capacity": None})],
                      run_info(update=1))
    raw_sql(store.path, f"UPDATE room SET capacity = 10 WHERE id = {room}")
    assert [r for r in rows(plan_revert(store, run)) if r[2] == "error"] == [
        ("room", room, "error", [f"Room {room} was changed after run {run} (roomCapacity is "
                                 f"now 10, run {run} left 9); skipped."])]


def test_a_record_edited_while_the_revert_is_planned_stops_it_in_a_revert_s_words(
        store: Store) -> None:
    run = wrong_run(store)
    plan = plan_revert(store, run)  # as the window's preview waits for its Revert button
    raw_sql(store.path, "UPDATE room SET label = 'Purple' WHERE id = 1")  # another program
    before = record_tables(store.path)
    with pytest.raises(StoreError) as failure:
        commit_revert(store, plan)
    assert str(failure.value) == (
        "Room 'Green' changed since the revert was planned (roomLabel is now 'Purple'); try "
        f"the revert again: nothing was written to {store.path}.")
    [(gone,)] = raw_sql(store.path, "SELECT id FROM intervention WHERE guid = 'I-9'")
    raw_sql(store.path, "UPDATE room SET label = 'Green' WHERE id = 1")
    raw_sql(store.path, f"DELETE FROM intervention WHERE id = {gone}")
    with pytest.raises(StoreError) as failure:
        commit_revert(store, plan)
    assert str(failure.value) == (
        "Intervention 'I-9' is no longer in the store (it changed since the revert was "
        f"planned; try the revert again): nothing was written to {store.path}.")
    assert len(record_tables(store.path)["intervention"]) == len(before["intervention"]) - 1
    assert [r.id for r in store.history()] == [run, run - 1]


def test_a_created_session_later_interventions_use_is_not_deleted(store: Store) -> None:
    run = wrong_run(store)
    later = store.apply([Change(Table.INTERVENTION, CREATE, -1,
                                {"guid": "I-10", "session_id": 3})], run_info(create=1))
    plan = plan_revert(store, run)
    assert [r for r in rows(plan) if r[2] == "error"] == [
        # The session that stays keeps its training course in turn.
        ("training", 3, "error", [
            f"Training 'PC-3' was created by run {run}, but session 'Wrong session' refers to "
            "it; not deleted."]),
        ("session", 3, "error", [
            f"Session 'Wrong session' was created by run {run}, but intervention 'I-10' (run "
            f"{later}) refers to it; not deleted."])]
    assert plan.later_runs == [later]
    commit_revert(store, plan)
    assert store.get(Table.SESSION, 3) is not None
    assert store.get(Table.INTERVENTION, 4) is None  # the run's own intervention went
    assert store.get(Table.TRAINING, 3) is not None


def test_the_records_that_refer_to_deleted_ones_are_found_a_part_at_a_time(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(revert_module, "_REFERRED_AT_ONCE", 1)  # a part per deleted record
    run = store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "A"}),
                       Change(Table.SESSION, CREATE, -2, {"training_id": 1, "title": "B"}),
                       Change(Table.SESSION, CREATE, -3, {"training_id": 1, "title": "C"})],
                      run_info(create=3))
    later = store.apply([Change(Table.INTERVENTION, CREATE, -1,
                                {"guid": "I-10", "session_id": 5})], run_info(create=1))
    assert [r for r in rows(plan_revert(store, run)) if r[2] == "error"] == [
        ("session", 5, "error", [
            f"Session 'C' was created by run {run}, but intervention 'I-10' (run {later}) refers "
            "to it; not deleted."])]


def test_a_deleted_record_whose_unique_value_is_taken_cannot_come_back(store: Store) -> None:
    run = store.apply([Change(Table.ROOM, DELETE, 1, before={"guid": "R-1"}),
                       Change(Table.INTERVENTION, UPDATE, 1, {"room_id": None},
                              {"room_id": 1})], run_info(delete=1, update=1))
    store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1", "label": "New"})],
                run_info(create=1))
    plan = plan_revert(store, run)
    assert [r for r in rows(plan) if r[2] == "error"] == [
        ("room", 1, "error", ["Room 'Blue' cannot be restored: room 'New' now has roomGuid "
                              "'R-1'; skipped."]),
        ("intervention", 1, "error", [
            "Intervention 'I-1' cannot be restored: it refers to room 'Blue', which is not in "
            "the store; skipped."])]


def login_taken_run(store: Store) -> tuple[int, int]:
    """Learner l0, renamed x0 by the run returned; then a later run makes another learner
    l0. Returns the run and the renamed learner's id."""
    store.apply([Change(Table.LEARNER, CREATE, -1, {"login": "l0"})], run_info(create=1))
    [(learner,)] = raw_sql(store.path, "SELECT id FROM learner WHERE login = 'l0'")
    run = store.apply([Change(Table.LEARNER, UPDATE, learner, {"login": "x0"}, {"login": "l0"})],
                      run_info(update=1))
    store.apply([Change(Table.LEARNER, CREATE, -1, {"login": "l0"})], run_info(create=1))
    return run, learner


def test_a_value_taken_by_a_record_labelled_by_it_is_said_once(store: Store) -> None:
    """The other learner's label is the login itself: it is not named by it again."""
    run, learner = login_taken_run(store)
    assert rows(plan_revert(store, run)) == [
        ("learner", learner, "error", ["Learner 'x0' cannot be restored: another learner now "
                                       "has candidateLogin 'l0'; skipped."])]


def others_named_run(store: Store) -> int:
    """Training PC-8 'Safety' with session 'May', intervention I-8 in room 'Blue' (GUID
    R-8); then the run returned: it makes training PC-9, deletes room Blue (I-8 leaves
    it) and renames PC-8; then a later run makes session 'Lyon, and Paris' of PC-9 and room
    'New' with GUID R-8. Reverting the run meets three conflicts, each naming another record
    by its label."""
    store.apply([Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-8", "title": "Safety"}),
                 Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "May"}),
                 Change(Table.ROOM, CREATE, -1, {"guid": "R-8", "label": "Blue"}),
                 Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-8", "session_id": -1,
                                                         "room_id": -1})], run_info(create=4))
    [(room, intervention, safety)] = raw_sql(
        store.path, "SELECT i.room_id, i.id, s.training_id FROM intervention i JOIN session s"
                    " ON s.id = i.session_id WHERE i.guid = 'I-8'")
    run = store.apply([Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-9", "title": "New"}),
                       Change(Table.TRAINING, UPDATE, safety, {"title": "Safety 2"},
                              {"title": "Safety"}),
                       Change(Table.INTERVENTION, UPDATE, intervention, {"room_id": None},
                              {"room_id": room}),
                       Change(Table.ROOM, DELETE, room)], run_info(create=1, update=2, delete=1))
    [(training,)] = raw_sql(store.path, "SELECT id FROM training WHERE path_code = 'PC-9'")
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": training,
                                                    "title": "Lyon, and Paris"}),
                 Change(Table.ROOM, CREATE, -1, {"guid": "R-8", "label": "New"})],
                run_info(create=2))
    return run


OTHERS_NAMED = [  # reverting others_named_run's run ({run}): its conflicts, in their order
    "Training 'PC-9' was created by run {run}, but session 'Lyon, and Paris' (run {later}) "
    "refers to it; not deleted.",
    "Room 'Blue' cannot be restored: room 'New' now has roomGuid 'R-8'; skipped.",
    "Intervention 'I-8' cannot be restored: it refers to room 'Blue', which is not in the "
    "store; skipped."]


def test_a_conflict_names_the_other_records_by_their_labels(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """The record still referring to a created one, the one now holding a unique value and
    the one a record refers to are named by their labels, as the dry run says them."""
    run = others_named_run(store)
    said = [line.format(run=run, later=run + 1) for line in OTHERS_NAMED]
    assert [m for *_, ms in rows(plan_revert(store, run)) for m in ms] == said
    code, out, err = cli(capsys, "revert", str(run), "--store", str(store.path), "--dry-run")
    assert (code, err) == (1, "")
    assert [line.split(": ", 2)[2] for line in out.splitlines() if ": ERROR" in line] == said


def test_a_reference_another_program_deleted_is_named_by_its_id(store: Store) -> None:
    """Nothing recorded the label of a record deleted by another program: its id stays."""
    run = store.apply([Change(Table.INTERVENTION, UPDATE, 1, {"room_id": None},
                              {"room_id": 1})], run_info(update=1))
    raw_sql(store.path, "UPDATE intervention SET room_id = NULL")
    raw_sql(store.path, "DELETE FROM room WHERE id = 1")
    assert [r for r in rows(plan_revert(store, run)) if r[2] == "error"] == [
        ("intervention", 1, "error", [
            "Intervention 'I-1' cannot be restored: it refers to room 1, which is not in the "
            "store; skipped."])]


def test_a_unique_value_the_revert_frees_lets_its_first_record_come_back(store: Store) -> None:
    # The run replaced room 1 by room 2 under the same GUID: reverting it deletes room 2,
    # which frees the GUID room 1 comes back with.
    run = store.apply([Change(Table.INTERVENTION, UPDATE, 1, {"room_id": None}, {"room_id": 1}),
                       Change(Table.ROOM, DELETE, 1, before={"guid": "R-1"}),
                       Change(Table.ROOM, CREATE, -1, {"guid": "R-1", "label": "New"})],
                      run_info(delete=1, update=1, create=1))
    plan = plan_revert(store, run)
    assert rows(plan) == [("room", 1, "create", []), ("room", 2, "delete", []),
                          ("intervention", 1, "update", [])]
    commit_revert(store, plan)
    room = store.get(Table.ROOM, 1)
    assert room is not None and room.guid == "R-1" and room.label == "Blue"
    assert store.get(Table.ROOM, 2) is None
    intervention = store.get(Table.INTERVENTION, 1)
    assert intervention is not None and intervention.room_id == 1


def test_a_record_deleted_after_the_run_is_skipped(store: Store) -> None:
    run = store.apply([Change(Table.INTERVENTION, UPDATE, 1, {"duration": 3},
                              {"duration": None})], run_info(update=1))
    later = store.apply([Change(Table.INTERVENTION, DELETE, 1)], run_info(delete=1))
    plan = plan_revert(store, run)
    assert rows(plan) == [("intervention", 1, "error", [
        f"Intervention 'I-1' was deleted after run {run} by run {later}; skipped."])]
    with pytest.raises(ImporterError) as failure:
        commit_revert(store, plan)
    assert str(failure.value) == (
        f"Nothing was reverted: all 1 record of run {run} changed since or are needed by "
        "other records; nothing was written.")


def test_records_later_runs_put_back_are_already_as_before_the_run(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """A title the run changed and a later run changed back, and an intervention the run
    created and a later run deleted, are as before the run: no conflict, nothing to write;
    the others are reverted, and the run wholly."""
    before = record_tables(store.path)
    run = wrong_run(store)
    store.apply([Change(Table.TRAINING, UPDATE, 1, {"title": "Safety"}, {"title": "Safety 2"}),
                 Change(Table.INTERVENTION, DELETE, 4)], run_info(update=1, delete=1))
    plan = plan_revert(store, run)
    assert {(t, r): o for t, r, o, _ in rows(plan)} == {
        ("training", 3): "delete", ("training", 1): "unchanged", ("room", 1): "update",
        ("session", 3): "delete", ("session", 1): "update", ("session", 2): "create",
        ("intervention", 4): "unchanged", ("intervention", 2): "create",
        ("intervention", 3): "create"}
    assert (plan.later_runs, plan.summary()) == ([], [])
    code, out, err = cli(capsys, "revert", str(run), "--store", str(store.path))
    assert (code, err) == (0, "")
    assert out == (f"Run {run + 2} reverted run {run}: 2 deleted, 2 restored, 3 recreated, "
                   "2 unchanged.\n")
    assert record_tables(store.path) == before
    assert {r.id: r.reverted_by for r in store.history()}[run] == run + 2


def test_a_run_a_later_run_wholly_put_back_has_nothing_to_revert(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """Run 2 renamed a course, run 3 renamed it back: reverting run 2 would write nothing."""
    run = store.apply([Change(Table.TRAINING, UPDATE, 1, {"title": "Fire"}, {"title": "Safety"})],
                      run_info(update=1))
    store.apply([Change(Table.TRAINING, UPDATE, 1, {"title": "Safety"}, {"title": "Fire"})],
                run_info(update=1))
    before = record_tables(store.path)
    code, out, err = cli(capsys, "revert", str(run), "--store", str(store.path))
    assert (code, out) == (2, f"Run {run} cannot be reverted: 1 unchanged.\n")
    assert err == (f"importer-gui: Nothing can be reverted: every record of run {run} is "
                   "already as it was before the run.\n")
    assert record_tables(store.path) == before


def test_a_deleted_record_back_with_the_same_values_is_already_as_before(store: Store) -> None:
    """Intervention 3, deleted by the run, put back by another program as it was (from a
    backup) is as before the run; intervention 2, put back otherwise, is a conflict."""
    run = store.apply([Change(Table.INTERVENTION, DELETE, 2), Change(Table.INTERVENTION, DELETE, 3),
                       Change(Table.ROOM, UPDATE, 1, {"label": "Red"}, {"label": "Blue"})],
                      run_info(delete=2, update=1))
    raw_sql(store.path, "INSERT INTO intervention (id, guid, session_id, status) "
                        "VALUES (3, 'I-3', 2, 'active')")
    raw_sql(store.path, "INSERT INTO intervention (id, guid, session_id, status, duration) "
                        "VALUES (2, 'I-2', 2, 'active', 4)")
    plan = plan_revert(store, run)
    assert rows(plan) == [
        ("room", 1, "update", []),
        ("intervention", 2, "error", [f"Intervention 'I-2' is in the store again since run {run}; "
                                      "skipped."]),
        ("intervention", 3, "unchanged", [])]
    assert commit_revert(store, plan).skipped == 1
    room = store.get(Table.ROOM, 1)
    assert room is not None and room.label == "Blue"


def test_an_unknown_run_is_reported(store: Store) -> None:
    with pytest.raises(StoreError) as failure:
        plan_revert(store, 42)
    assert str(failure.value) == f"The store {store.path} holds no run 42."


# ---------------------------------------------------------------- the command line


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) with its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_dry_run_then_revert_then_history(store: Store,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    run = wrong_run(store)
    raw_sql(store.path, "UPDATE room SET capacity = 30 WHERE id = 1")
    before = record_tables(store.path)
    path = str(store.path)
    code, out, err = cli(capsys, "revert", str(run), "--store", path, "--json", "--dry-run")
    assert (code, err) == (1, "")
    document = json.loads(out)
    assert document["run"] is None and document["reverts"] == run
    lines = [line.removesuffix(",") for line in out.splitlines()]  # a row a line, as check's
    assert all(f"    {json.dumps(row)}" in lines for row in document["rows"])
    assert document["counts"] == {"create": 3, "update": 2, "unchanged": 0, "delete": 3,
                                  "error": 1}
    assert {"table": "room", "record": 1, "outcome": "error", "issues": [{
        "level": "ERROR", "field": "roomCapacity", "message":
        f"Room 'Green' was changed after run {run} (roomCapacity is now 30, run {run} left 12); "
        "skipped."}]} in document["rows"]
    assert record_tables(store.path) == before
    code, out, err = cli(capsys, "revert", str(run), "--store", path)
    assert (code, err) == (1, "")
    assert f"room 1: ERROR roomCapacity: Room 'Green' was changed after run {run}" in out
    assert out.endswith(f"Run {run + 1} reverted run {run}: 3 deleted, 2 restored, "
                        "3 recreated, 1 skipped.\n")
    # Room 1 was skipped: the run stays revertible for it (QA 5), and the history says so.
    code, out, _ = cli(capsys, "history", "--store", path)
    assert f"Run {run + 1}" in out and f"  revert (reverts run {run})\n" in out
    assert (f"import  /cfg/sessions.xml (partly reverted by run {run + 1}; the rest can be "
            "reverted)\n") in out
    code, out, _ = cli(capsys, "history", "--store", path, "--json")
    runs = {r["id"]: r for r in json.loads(out)["runs"]}
    assert runs[run]["reverted_by"] is None and runs[run + 1]["reverts"] == run
    assert runs[run]["partly_reverted_by"] == [run + 1]
    code, out, err = cli(capsys, "revert", str(run), "--store", path)
    assert code == 2
    assert f"room 1: ERROR roomCapacity: Room 'Green' was changed after run {run}" in out
    assert err == (f"importer-gui: Nothing can be reverted: the records of run {run} not put "
                   "back yet changed since or are needed by other records.\n")


def test_cli_conflicts_name_the_platform_s_field_as_check_s_issues_do(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """A changed value, a unique value taken and a reference gone: each conflict's field is
    the platform's (trainingTitle, roomGuid), or the store's column no field holds (room_id),
    in the text and in the JSON scripts read."""
    run = store.apply([Change(Table.ROOM, DELETE, 1, before={"guid": "R-1"}),
                       Change(Table.INTERVENTION, UPDATE, 1, {"room_id": None},
                              {"room_id": 1}),
                       Change(Table.TRAINING, UPDATE, 1, {"title": "Safety 2"},
                              {"title": "Safety"}),
                       Change(Table.SESSION, UPDATE, 1, {"title": "Mai"}, {"title": "May"})],
                      run_info(delete=1, update=3))
    store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1", "label": "New"})],
                run_info(create=1))
    raw_sql(store.path, "UPDATE training SET title = 'Safety 3' WHERE id = 1")
    path = str(store.path)
    code, out, err = cli(capsys, "revert", str(run), "--store", path, "--dry-run")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[-2:] == [f"Run {run} would be reverted: 1 restored, 3 skipped.",
                          "Dry run: nothing was written."]
    assert lines[:3] == [
        f"training 1: ERROR trainingTitle: Training 'PC-1' was changed after run {run} "
        f"(trainingTitle is now 'Safety 3', run {run} left 'Safety 2'); skipped.",
        "room 1: ERROR roomGuid: Room 'Blue' cannot be restored: room 'New' now has roomGuid "
        "'R-1'; skipped.",
        "intervention 1: ERROR room_id: Intervention 'I-1' cannot be restored: it refers to "
        "room 'Blue', which is not in the store; skipped."]
    code, out, err = cli(capsys, "revert", str(run), "--store", path, "--dry-run", "--json")
    assert (code, err) == (1, "")
    assert [(row["table"], row["issues"]) for row in json.loads(out)["rows"]] == [
        ("training", [{"level": "ERROR", "field": "trainingTitle", "message":
                       f"Training 'PC-1' was changed after run {run} (trainingTitle is now "
                       f"'Safety 3', run {run} left 'Safety 2'); skipped."}]),
        ("room", [{"level": "ERROR", "field": "roomGuid", "message":
                   "Room 'Blue' cannot be restored: room 'New' now has roomGuid 'R-1'; "
                   "skipped."}]),
        ("session", []),
        ("intervention", [{"level": "ERROR", "field": "room_id", "message":
                           "Intervention 'I-1' cannot be restored: it refers to room 'Blue', "
                           "which is not in the store; skipped."}])]


def test_cli_revert_without_conflicts_exits_0(store: Store,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = record_tables(store.path)
    run = wrong_run(store)
    code, out, err = cli(capsys, "revert", str(run), "--store", str(store.path), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["run"] == run + 1
    assert record_tables(store.path) == before


KILLED_MID_REVERT = """
import os, signal, sys
from importer_gui.core.progress import Monitor

calls = []

def killed(self):
    calls.append(1)
    if len(calls) == 2:  # thousands of changes written, the transaction still open
        os.kill(os.getpid(), signal.SIGKILL)

Monitor.check_cancelled = killed  # the store looks at its monitor between batches
from importer_gui.cli import main
sys.exit(main(["revert", sys.argv[2], "--store", sys.argv[1]]))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_revert_killed_midway_leaves_the_store_whole(store: Store) -> None:
    changes = [Change(Table.ROOM, CREATE, -i, {"guid": f"R-{i + 1}"}) for i in range(1, 6000)]
    changes += [Change(Table.SESSION, UPDATE, 1, {"title": "Mai"}, {"title": "May"})]
    run = store.apply(changes, run_info(create=5999, update=1))
    after = record_tables(store.path)
    store.close()
    done = subprocess.run([sys.executable, "-c", KILLED_MID_REVERT, str(store.path), str(run)],
                          check=False, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    if isinstance(store.path, Path):
        conn = sqlite3.connect(store.path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    assert record_tables(store.path) == after
    with Store.open(store.path) as reopened:
        assert reopened.history()[0].id == run  # no revert run was recorded
        assert reopened.history()[0].reverted_by is None


def test_cli_revert_of_only_conflicts_does_nothing_and_exits_2(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    run = store.apply([Change(Table.ROOM, UPDATE, 1, {"capacity": 9}, {"capacity": None})],
                      run_info(update=1))
    raw_sql(store.path, "UPDATE room SET capacity = 10 WHERE id = 1")
    before = record_tables(store.path)
    code, out, err = cli(capsys, "revert", str(run), "--store", str(store.path))
    assert code == 2
    assert f"room 1: ERROR roomCapacity: Room 'Blue' was changed after run {run} (roomCapacity " \
           f"is now 10, run {run} left 9); skipped.\n" in out
    # Nothing else would be reverted: the summary says none of "the others will be reverted".
    assert out.endswith(f"1 conflicting record cannot be reverted (changed since run {run}, or "
                        "still needed by other records).\n"
                        f"Run {run} cannot be reverted: 1 skipped.\n")
    assert err == (f"importer-gui: Nothing can be reverted: every record of run {run} changed "
                   "since or is needed by other records.\n")
    assert record_tables(store.path) == before
    assert store.history()[0].reverted_by is None


def test_a_revert_that_would_change_nothing_is_no_run(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """A run that changed a record and changed it back leaves nothing to revert."""
    run = store.apply([Change(Table.ROOM, UPDATE, 1, {"label": "Red"}, {"label": "Blue"}),
                       Change(Table.ROOM, UPDATE, 1, {"label": "Blue"}, {"label": "Red"})],
                      run_info(update=1))
    before = record_tables(store.path)
    code, out, err = cli(capsys, "revert", str(run), "--store", str(store.path))
    assert (code, out) == (2, f"Run {run} cannot be reverted: 1 unchanged.\n")
    assert err == (f"importer-gui: Nothing can be reverted: every record of run {run} is "
                   "already as it was before the run.\n")
    with pytest.raises(ImporterError) as failure:  # as the window commits it
        commit_revert(store, plan_revert(store, run))
    assert str(failure.value) == (f"Nothing was reverted: every record of run {run} is "
                                  "already as it was before the run; nothing was written.")
    assert record_tables(store.path) == before
    assert [r.id for r in store.history()] == [run, run - 1]


def test_reverting_a_run_that_changed_no_record_is_refused_and_records_no_run(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """An import whose rows were all errors, recorded as a run by an earlier version."""
    run = store.apply([], run_info(error=3))
    before = record_tables(store.path)
    why = f"importer-gui: Nothing can be reverted: run {run} changed no record.\n"
    assert cli(capsys, "revert", str(run), "--store", str(store.path), "--dry-run") == (
        2, f"Run {run} cannot be reverted.\nDry run: nothing was written.\n", why)
    assert cli(capsys, "revert", str(run), "--store", str(store.path)) == (
        2, f"Run {run} cannot be reverted.\n", why)
    code, out, _ = cli(capsys, "revert", str(run), "--store", str(store.path), "--json")
    assert (code, json.loads(out)["run"]) == (2, None)
    with pytest.raises(ImporterError) as failure:  # as the window commits it
        commit_revert(store, plan_revert(store, run))
    assert str(failure.value) == (f"Nothing was reverted: run {run} changed no record; "
                                  "nothing was written.")
    assert record_tables(store.path) == before
    code, out, _ = cli(capsys, "history", "--store", str(store.path), "--json")
    assert [(r["id"], r["kind"], r["reverted_by"]) for r in json.loads(out)["runs"]] == [
        (run, "import", None), (run - 1, "import", None)]


# ---------------------------------------------------------------- learners and their sessions


def learners_run(store: Store) -> int:
    """Run 2: an entity tree, two learners (one the other's manager), registered to session 1,
    one of them tracked there."""
    return store.apply([
        Change(Table.ENTITY, CREATE, -1, {"name": "Acme"}),
        Change(Table.ENTITY, CREATE, -2, {"name": "Sales", "parent_id": -1}),
        Change(Table.LEARNER, CREATE, -1, {"login": "boss", "entity_id": -1}),
        Change(Table.LEARNER, CREATE, -2, {"login": "ada", "entity_id": -2, "manager_id": -1,
                                           "custom": {"G-1": "blue"},
                                           "enabled_until": date(2025, 1, 31)}),
        Change(Table.LEARNING_OBJECT, CREATE, -1, {"code": "LO-1", "title": "Intro"}),
        Change(Table.REGISTRATION, CREATE, -1, {"learner_id": -1, "session_id": 1}),
        Change(Table.REGISTRATION, CREATE, -2, {"learner_id": -2, "session_id": 1,
                                                "registered_on": datetime(2024, 5, 1, 8)}),
        Change(Table.TRACKING, CREATE, -1, {"learner_id": -2, "session_id": 1,
                                            "lo_code": "LO-1", "progression": 62.5,
                                            "time_spent": 3600, "score": 7.5}),
    ], run_info(create=8))


def test_a_deleted_session_comes_back_with_its_registrations_and_tracking(store: Store
                                                                           ) -> None:
    learners_run(store)
    before = record_tables(store.path)
    state = store.load_state()
    registrations = [r for r in state.registrations.values() if r.session_id == 1]
    trackings = [t for t in state.trackings.values() if t.session_id == 1]
    interventions = [i for i in state.interventions.values() if i.session_id == 1]
    deleting = store.apply([
        *(Change(Table.TRACKING, DELETE, t.id) for t in trackings),
        *(Change(Table.REGISTRATION, DELETE, r.id) for r in registrations),
        *(Change(Table.INTERVENTION, DELETE, i.id) for i in interventions),
        Change(Table.SESSION, DELETE, 1),
    ], run_info(delete=1))
    assert store.get(Table.SESSION, 1) is None and store.load_state().registrations == {}
    plan = plan_revert(store, deleting)
    assert [t.table for t in plan.tables] == [Table.SESSION, Table.INTERVENTION,
                                              Table.REGISTRATION, Table.TRACKING]
    assert {o for _, _, o, _ in rows(plan)} == {"create"}
    commit_revert(store, plan)
    assert record_tables(store.path) == before
    [tracking] = store.load_state([Table.TRACKING]).trackings.values()
    assert (tracking.progression, tracking.score, tracking.time_spent) == (62.5, 7.5, 3600)


def test_reverting_the_learners_deletes_them_children_first(store: Store) -> None:
    before = record_tables(store.path)
    run = learners_run(store)
    plan = plan_revert(store, run)
    assert [t.table for t in plan.tables] == [Table.ENTITY, Table.LEARNER, Table.LEARNING_OBJECT,
                                              Table.REGISTRATION, Table.TRACKING]
    assert plan.conflicts() == 0
    commit_revert(store, plan)
    assert record_tables(store.path) == before


def test_a_learner_a_later_registration_names_is_not_deleted(store: Store) -> None:
    run = learners_run(store)
    refresh = run_info(create=1)
    refresh.kind = "refresh"
    later = store.apply([Change(Table.REGISTRATION, CREATE, -1, {"learner_id": 2,
                                                                "session_id": 2})], refresh)
    plan = plan_revert(store, run)
    assert [r for r in rows(plan) if r[2] == "error"] == [
        ("entity", 1, "error", [f"Entity 'Acme' was created by run {run}, but entity 'Sales' "
                                "and learner 'boss' refer to it; not deleted."]),
        ("entity", 2, "error", [f"Entity 'Sales' was created by run {run}, but learner 'ada' "
                                "refers to it; not deleted."]),
        ("learner", 1, "error", [f"Learner 'boss' was created by run {run}, but learner 'ada' "
                                 "refers to it; not deleted."]),
        # A registration has no label unless a GUID: it is named by its id.
        ("learner", 2, "error", [f"Learner 'ada' was created by run {run}, but registration 3 "
                                 f"(run {later}) refers to it; not deleted."])]
    assert plan.later_runs == [later]  # a refresh in effect is reverted first, as an import
    results = revert_later_first(store, plan)
    assert [r.skipped for r in results] == [0, 0]
    assert store.load_state().learners == {}
    assert store.history()[-1].kind == "import"
    assert {r.id: r.kind for r in store.history()}[later] == "refresh"


def reference_deleted_by_a_partial_revert(store: Store, capsys: pytest.CaptureFixture[str]
                                           ) -> tuple[int, int, int, int, int]:
    """After the store's first run: ``first`` makes entity Acme, learners ada (in Acme) and
    bob; ``second`` makes entity Beta, moves ada there and makes cy; ``partial`` reverts
    ``first`` partly: Acme and bob go, ada (moved since) is skipped. Reverting ``second``
    cannot put ada back in Acme, which ``partial`` deleted. Returns ``(first, second,
    partial, ada's id, Acme's)``."""
    first = store.apply([Change(Table.ENTITY, CREATE, -1, {"name": "Acme"}),
                         Change(Table.LEARNER, CREATE, -1, {"login": "ada", "entity_id": -1}),
                         Change(Table.LEARNER, CREATE, -2, {"login": "bob"})], run_info(create=3))
    [(acme, ada)] = raw_sql(store.path, "SELECT entity_id, id FROM learner WHERE login = 'ada'")
    second = store.apply([Change(Table.ENTITY, CREATE, -1, {"name": "Beta"}),
                          Change(Table.LEARNER, UPDATE, ada, {"entity_id": -1},
                                 {"entity_id": acme}),
                          Change(Table.LEARNER, CREATE, -2, {"login": "cy"})],
                         run_info(create=2, update=1))
    assert cli(capsys, "revert", str(first), "--store", str(store.path))[0] == 1
    return first, second, second + 1, ada, acme


def test_a_record_whose_reference_a_partial_revert_deleted_names_that_revert(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """Reverting ``second`` says which revert to revert first, and lists it as a run to
    revert first: following it, then reverting ``second`` and ``first``, restores the store
    exactly."""
    before = record_tables(store.path)
    first, second, partial, ada, _ = reference_deleted_by_a_partial_revert(store, capsys)
    path = str(store.path)
    code, out, err = cli(capsys, "revert", str(second), "--store", path)
    assert (code, err) == (1, "")
    # Entity Acme is gone: it is named as the revert that deleted it found it.
    assert (f"learner {ada}: ERROR entity_id: Learner 'ada' cannot be restored: it refers to "
            f"entity 'Acme', which run {partial} deleted (revert run {partial} first to bring "
            "it back); skipped.\n") in out
    assert out.endswith(
        f"Run {partial} changed records of run {second} again, or records linked to them: "
        f"revert it, then run {second} "
        f"again, to revert those records as well.\nRun {partial + 1} reverted run "
        f"{second}: 1 deleted, 2 skipped.\n")
    for reverted in (partial, second, first):
        code, out, err = cli(capsys, "revert", str(reverted), "--store", path)
        assert (code, err) == (0, ""), out
    assert record_tables(store.path) == before
    runs = {r.id: r.reverted_by for r in store.history()}
    assert (runs[first], runs[second], runs[partial]) == (partial + 4, partial + 3, partial + 2)


def test_reverting_first_the_revert_that_deleted_a_reference_restores_the_record(
        store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """As the window's "Revert later runs first": the revert the message names goes first,
    then ``second`` puts ada back in Acme, skipping nothing."""
    _first, second, partial, ada, acme = reference_deleted_by_a_partial_revert(store, capsys)
    code, out, err = cli(capsys, "revert", str(second), "--store", str(store.path), "--dry-run")
    assert (code, err) == (1, "")
    assert out.endswith(f"Run {partial} changed records of run {second} again, or records "
                        "linked to them: revert it first to revert those records as well.\n"
                        f"Run {second} would be reverted: 1 deleted, 2 skipped.\n"
                        "Dry run: nothing was written.\n")
    plan = plan_revert(store, second)
    assert plan.later_runs == [partial]
    results = revert_later_first(store, plan)
    assert [(r.reverts, r.skipped) for r in results] == [(partial, 0), (second, 0)]
    learner = store.get(Table.LEARNER, ada)
    assert learner is not None and learner.entity_id == acme
    assert store.get(Table.ENTITY, acme) is not None
    assert {r.id: r.reverted_by for r in store.history()}[second] == results[-1].run_id
