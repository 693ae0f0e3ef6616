"""A refresh's rows held as the import planner holds them, and what --prune keeps."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.issues import Outcome
from importer_gui.core.plan import CreatedRecords
from importer_gui.core.records import RECORD_TYPES, Change, ChangeKind
from importer_gui.core.schema import Table
from tests.core.test_refresh import commit, outcomes, records, write_export

SESSIONS = ["trainingPathCode", "trainingGuid", "trainingTitle", "sessionGuid", "title",
            "startDate"]


def test_prune_keeps_what_the_same_refresh_created(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    config = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "trainingGuid", "title"],
                          ["T1;G1;One", "T2;G2;Two"])
    planned = commit(config, store, prune=True)
    assert outcomes(planned) == [(2, "create", []), (3, "create", [])]
    assert sorted(t.path_code for t in records(store, Table.TRAINING)) == ["T1", "T2"]  # type: ignore[attr-defined]


def test_rows_hold_their_creations_and_commit_them_as_planned(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    config = write_export(tmp_path, "trainingSessionMetadataProvider", SESSIONS, [
        "T1;G1;Course;S1;Paris;2027-03-01",  # the course comes with it: two changes
        "T1;G1;Course;S2;Lyon;2027-04-01",  # one creation, held as its record
        "T1;G1;Course;S2;Lyon;2027-04-02"], parameters="<dateFormat>YYYY-MM-DD</dateFormat>")
    planned = commit(config, store)
    imp = planned.plan.imports[0]
    assert [type(held) for held in imp.rows.changes] == [
        CreatedRecords, RECORD_TYPES[Table.SESSION], Change]
    assert [(c.table, c.kind) for c in planned.plan.changes()] == [
        (Table.TRAINING, ChangeKind.CREATE), (Table.SESSION, ChangeKind.CREATE),
        (Table.SESSION, ChangeKind.CREATE), (Table.SESSION, ChangeKind.UPDATE)]
    lyon = imp.rows[1].changes[0]  # its creation as planned, though the next row changed it
    assert (lyon.values["title"], str(lyon.values["start_date"])) == ("Lyon", "2027-04-01")
    assert imp.row_counts() == {Outcome.CREATE: 2, Outcome.UPDATE: 1}
    sessions = {s.guid: s for s in records(store, Table.SESSION)}  # type: ignore[attr-defined]
    assert (sessions["S1"].title, str(sessions["S2"].start_date)) == ("Paris", "2027-04-02")
