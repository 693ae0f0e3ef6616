"""A later run that changed none of a run's records but made records referring to them: the
revert's preview says it changed records linked to them, not that it changed the run's."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import plan_revert
from importer_gui.core.store import Store
from tests.builders import run_info


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
