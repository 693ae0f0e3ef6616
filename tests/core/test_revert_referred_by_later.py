"""A later run that changed none of a run's records but made records referring to them: the
revert's preview says it changed records linked to them, not that it changed the run's."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import LaterNotReverted, plan_later_runs, plan_revert
from importer_gui.core.store import Store
from tests.builders import by_hand, run_info


def course_and_session_changed_by_hand(store_path: Path) -> None:
    """Run 1 makes a course; run 2 a session of it, which another program then renames."""
    with Store.open(store_path) as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                            {"path_code": "P1", "title": "Safety"})], run_info())
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1,
                            {"training_id": 1, "title": "May"})], run_info())
    by_hand(store_path, "UPDATE session SET title = 'June' WHERE id = 1")


def test_a_later_run_only_referring_to_the_records_is_said_so(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TRAINING, ChangeKind.CREATE, -1,
                            {"path_code": "P1", "title": "Safety"})], run_info())
        store.apply([Change(Table.SESSION, ChangeKind.CREATE, -1,
                            {"training_id": 1, "title": "May"})], run_info())
        plan = plan_revert(store, 1)
    assert plan.later_runs == [2]
    assert plan.summary()[-1] == (
        "Run 2 changed records of run 1 again, or records linked to them: revert it first to "
        "revert those records as well.")


def test_a_later_run_only_referring_that_cannot_be_reverted_first_is_said_so(
        tmp_path: Path) -> None:
    """Another program changed run 2's session: nothing of run 2 can be reverted first, and
    run 1's course stays for it, which run 2 did not change but made a session of."""
    store_path = tmp_path / "store.sqlite3"
    course_and_session_changed_by_hand(store_path)
    with Store.open(store_path) as store:
        plan = plan_later_runs(store, plan_revert(store, 1))
    assert plan.later_not_reverted == [LaterNotReverted(2, 1)]
    assert plan.summary()[-1] == (
        "Run 2 cannot be reverted first: its 1 conflicting record changed since run 2, or is "
        "still needed by other records; the records of run 1 it changed again, or that are "
        "linked to records it changed, will stay skipped.")
