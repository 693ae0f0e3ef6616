"""A large write has SQLite check none of its references as it goes, and checks those it
wrote at its end: a record referring to one that is not there (another program removed it
since the check) still fails the whole commit, with the same message, and nothing is
written."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.dialect import UNCHECKED_FROM
from importer_gui.core.store.runs import RunInfo

CREATE, UPDATE, DELETE = ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.DELETE


def run() -> RunInfo:
    return RunInfo("import.xml", "<import-config/>", [], {})


def courses(count: int = UNCHECKED_FROM) -> list[Change]:
    """Enough new courses to make a write large."""
    return [Change(Table.TRAINING, CREATE, -n, {"path_code": f"PC-{n}", "title": f"C{n}"})
            for n in range(1, count + 1)]


def registered(path: Path) -> Store:
    """A store holding a course (id 1), its session (1), a learner (1) registered to it (1)."""
    store = Store.open(path)
    store.apply([Change(Table.TRAINING, CREATE, -1, {"path_code": "PC", "title": "C"}),
                 Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "S"}),
                 Change(Table.LEARNER, CREATE, -1, {"login": "jdoe"}),
                 Change(Table.REGISTRATION, CREATE, -1,
                        {"learner_id": -1, "session_id": -1, "guid": "R1"})], run())
    return store


def refused(path: Path) -> str:
    return (f"Nothing was written to {path}: the store changed since the check, and a change"
            " would leave a record referring to one that does not exist (FOREIGN KEY"
            " constraint failed); check again.")


def counts(path: Path) -> tuple[object, ...]:
    """Runs, courses, sessions and registrations, as another connection reads them."""
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("import_run", "training", "session", "registration"))
    finally:
        conn.close()


@pytest.mark.parametrize("broken", [
    Change(Table.REGISTRATION, CREATE, -1, {"learner_id": 999, "session_id": 1, "guid": "R2"}),
    Change(Table.SESSION, CREATE, -1, {"training_id": 99_999, "title": "Lost"}),
    Change(Table.REGISTRATION, UPDATE, 1, {"session_id": 999}, {"session_id": 1}),
    Change(Table.SESSION, DELETE, 1),
], ids=["created", "created-first", "updated", "deleted"])
def test_a_large_write_leaving_a_broken_reference_writes_nothing(
        tmp_path: Path, broken: Change) -> None:
    path = tmp_path / "store.sqlite3"
    with registered(path) as store, pytest.raises(StoreError) as failed:
        store.apply([*courses(), broken], run())
    assert str(failed.value) == refused(path)
    assert counts(path) == (1, 1, 1, 1)


def test_references_are_checked_again_as_they_are_written_after_a_large_write(
        tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with registered(path) as store:
        store.apply(courses(), run())
        with pytest.raises(StoreError) as failed:
            store.apply([Change(Table.SESSION, DELETE, 1)], run())
    assert str(failed.value) == refused(path)
    assert counts(path) == (2, 1 + UNCHECKED_FROM, 1, 1)


def test_no_other_program_removes_a_record_while_a_large_write_runs(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    refusals: list[str] = []

    def another_program_removes_the_session(done: int, total: int, what: str) -> None:
        other = sqlite3.connect(path, timeout=0)
        try:
            other.execute("DELETE FROM session WHERE id = 1")
            other.commit()
        except sqlite3.OperationalError as exc:
            refusals.append(str(exc))
        finally:
            other.close()

    with registered(path) as store:
        store.apply([*courses(), Change(Table.LEARNER, CREATE, -1, {"login": "asmith"}),
                     Change(Table.REGISTRATION, CREATE, -1,
                            {"learner_id": -1, "session_id": 1, "guid": "R2"})],
                    run(), monitor=Monitor(another_program_removes_the_session))
    assert refusals and set(refusals) == {"database is locked"}
    assert counts(path) == (2, 1 + UNCHECKED_FROM, 1, 2)
