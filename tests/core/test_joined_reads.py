"""A large table's parts past its first, read by SQLite joining each column's values of a
part (store/joined.py), are the records a row-by-row load makes; a part's column that
cannot be joined as it is stored is read row by row, that part's alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import schema
from importer_gui.core.records import Table
from importer_gui.core.store import Store, joined, queries
from tests.builders import by_hand
from tests.core.harness import Env


@pytest.fixture
def read_by_rows(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Parts of 16 records after a first of 8; each column a part had read row by row, with
    the first id the part may hold."""
    monkeypatch.setattr(queries, "WHOLE_ROWS", 8)
    monkeypatch.setattr(joined, "JOINED_ROWS", 16)
    read: list[tuple[str, int]] = []
    by_rows = joined.JoinedReads._read

    def noted(self: joined.JoinedReads, conn: Any, n: int, span: tuple[int, int]) -> Any:
        read.append((self.names[n], span[0] + 1))
        return by_rows(self, conn, n, span)

    monkeypatch.setattr(joined.JoinedReads, "_read", noted)
    return read


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """An empty store's file."""
    path = Env(tmp_path).store_path
    with Store.open(path):
        pass
    return path


def loads(path: Path, table: Table) -> tuple[dict[int, Any], dict[int, Any]]:
    """The records of ``table`` loaded row by row, and made from the columns held."""
    with Store.open(path) as store:
        records = store.load_state([table]).table(table)
        held = store.load_state([table], as_columns={table})
    return records, held.table(table)


def test_courses_read_joined_are_the_records_a_load_makes(
        store_path: Path, read_by_rows: list[tuple[str, int]]) -> None:
    # 100 courses: a GUID missing on course 30, a title holding the separator on course
    # 50, a duration (a column the first part leaves empty) on course 60, courses 75 to 77
    # gone (the ids then skip), a description with a comma on every course.
    by_hand(store_path, "INSERT INTO training (path_code, guid, title, modality,"
            " duration, description) VALUES " + ", ".join(
                f"('TR-{n}', {'NULL' if n == 30 else repr(f'G-{n}')},"
                f" {'char(65, 0, 66)' if n == 50 else repr(f'Titre é {n}')}, 'blended',"
                f" {90 if n == 60 else 'NULL'}, 'Un, deux')" for n in range(1, 101)))
    by_hand(store_path, "DELETE FROM training WHERE id BETWEEN 75 AND 77")
    records, made = loads(store_path, Table.TRAINING)
    assert made == records
    assert len(made) == 97
    assert (made[50].title, made[30].guid, made[60].duration, made[99].description) == (
        "A\x00B", None, 90, "Un, deux")
    empty = [c for c in schema.column_names("training")
             if c not in ("path_code", "guid", "title", "modality", "description")]
    # Each part starts after the last id of the one before: 8, 24, 40, 56, 72, 91 (the
    # part after 72 holds ids 73, 74 and 78 to 91).
    assert sorted(read_by_rows) == sorted([
        ("guid", 25), ("title", 41), *((c, 57) for c in empty)])


def test_learners_ints_read_joined_unless_another_program_stored_a_text(
        store_path: Path, read_by_rows: list[tuple[str, int]]) -> None:
    by_hand(store_path, "INSERT INTO learner (login, email, name, manager_id) VALUES "
            + ", ".join(f"('l{n}', 'same@example.org', 'Nom {n}', 1)" for n in range(1, 61)))
    # Stored by another program: a manager that is a text (which an int's digits never
    # say), and one that is a number with a fraction; then a negative id.
    by_hand(store_path, "UPDATE learner SET manager_id = 'x12' WHERE id = 20")
    by_hand(store_path, "UPDATE learner SET manager_id = 2.5 WHERE id = 45")
    by_hand(store_path, "UPDATE learner SET manager_id = -3 WHERE id = 55")
    records, made = loads(store_path, Table.LEARNER)
    assert made == records
    assert (made[20].manager_id, made[45].manager_id, made[55].manager_id,
            made[60].manager_id) == ("x12", 2.5, -3, 1)
    assert sorted(read_by_rows) == [("manager_id", 9), ("manager_id", 41)]


@pytest.mark.parametrize("stranger", [None, "'x12'", "2.5", "'1,2'", "'true'", "'[3]'",
                                      "'NaN'"])
def test_registrations_ids_held_as_ints_unless_a_part_holds_something_else(
        store_path: Path, read_by_rows: list[tuple[str, int]], stranger: str | None) -> None:
    # 100 registrations; another program may have stored a text or a real as registration
    # 50's learner (some that a JSON array of ints would read otherwise).
    by_hand(store_path, "INSERT INTO registration (learner_id, session_id, guid,"
            " registered_on) VALUES " + ", ".join(
                f"({n}, {n % 3 + 1}, 'R-{n}', '2026-01-0{n % 9 + 1}')"
                for n in range(1, 101)))
    if stranger is not None:
        by_hand(store_path, f"UPDATE registration SET learner_id = {stranger} WHERE id = 50")
    records, _made = loads(store_path, Table.REGISTRATION)
    with Store.open(store_path) as store:
        held = store.load_state([Table.REGISTRATION], as_columns={Table.REGISTRATION})
    columns = held.stored[Table.REGISTRATION]
    learners = columns.ints("learner_id")
    assert held.table(Table.REGISTRATION) == records
    if stranger is None:
        assert learners is not None
        assert learners.tolist() == list(range(1, 101))
    else:
        assert learners is None
        assert records[50].learner_id == (
            stranger[1:-1] if stranger.startswith("'") else float(stranger))
    assert columns.ints("session_id") is not None


def test_a_part_whose_texts_join_longer_than_the_engine_allows_is_read_as_rows(
        store_path: Path, read_by_rows: list[tuple[str, int]]) -> None:
    # SQLite makes no text longer than its limit (1 GB unless lowered, as here): a part
    # whose titles joined would pass it is read row by row, the store read all the same.
    by_hand(store_path, "INSERT INTO training (path_code, title, modality) VALUES "
            + ", ".join(f"('TR-{n}', '{n:04d}' || printf('%.996c', 'é'), 'blended')"
                        for n in range(1, 41)))
    with Store.open(store_path) as store:
        records = store.load_state([Table.TRAINING]).trainings
        store._conn().setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 8000)
        held = store.load_state([Table.TRAINING], as_columns={Table.TRAINING})
    assert held.table(Table.TRAINING) == records
    assert records[40].title == "0040" + "é" * 996
    assert read_by_rows == [(name, first) for first in (9, 25)
                            for name in ("path_code", "title", "modality")]


def test_parts_of_long_texts_hold_fewer_records(
        store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # With a part's joined text of a column held to 40,000 characters, descriptions of
    # some 4,000 make parts of 10 courses: each read by an aggregate of its own.
    monkeypatch.setattr(queries, "WHOLE_ROWS", 8)
    monkeypatch.setattr(joined, "JOINED_TEXT", 40_000)
    by_hand(store_path, "INSERT INTO training (path_code, title, modality, description)"
            " VALUES " + ", ".join(f"('TR-{n}', 'Titre', 'blended', printf('%.4000c', 'd'))"
                                   for n in range(1, 49)))
    statements: list[str] = []
    with Store.open(store_path) as store:
        records = store.load_state([Table.TRAINING]).trainings
        store._conn().set_trace_callback(statements.append)
        held = store.load_state([Table.TRAINING], as_columns={Table.TRAINING})
    assert held.table(Table.TRAINING) == records
    assert len(records[48].description) == 4000
    # 48 courses: the first part's 8, then four parts of 10 and a look past the last.
    assert sum("group_concat" in sql for sql in statements) == 5
