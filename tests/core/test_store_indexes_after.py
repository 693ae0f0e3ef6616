"""A large write into a table holding no rows makes the table's indexes after its rows: the
store ends with the same indexes, and a value written twice still fails the whole commit with
the same message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.guids import MADE_WHEN_WRITTEN
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.dialect import SqliteDialect
from importer_gui.core.store.runs import RunInfo
from importer_gui.core.store.writer import INDEXES_AFTER

MANY = INDEXES_AFTER + 500


def courses(count: int) -> list[Change]:
    return [Change(Table.TRAINING, ChangeKind.CREATE, -n,
                   {"path_code": f"PC-{n * 7919 % 100_003}", "title": f"Course {n}"})
            for n in range(1, count + 1)]


def learners(count: int) -> list[Change]:
    return [Change(Table.LEARNER, ChangeKind.CREATE, -n, {"login": f"l{n * 7919 % 100_003}"})
            for n in range(1, count + 1)]


def registrations(learner_ids: list[int], pairs: list[tuple[int, str]]) -> list[Change]:
    """A course, one session of it, and a registration of each learner (by position) with
    its GUID."""
    return [Change(Table.TRAINING, ChangeKind.CREATE, -1, {"path_code": "PC", "title": "C"}),
            Change(Table.SESSION, ChangeKind.CREATE, -1, {"training_id": -1, "title": "S"}),
            *(Change(Table.REGISTRATION, ChangeKind.CREATE, -n,
                     {"learner_id": learner_ids[at], "session_id": -1, "guid": guid})
              for n, (at, guid) in enumerate(pairs, start=1))]


def run() -> RunInfo:
    return RunInfo("import.xml", "<import-config/>", [], {})


def read(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows as another connection reads them from the store's file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def indexes(path: Path) -> list[tuple[object, ...]]:
    return read(path, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index'"
                      " ORDER BY name")


def test_a_large_first_write_leaves_every_index_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    before = indexes(path)
    with Store.open(path) as store:
        store.apply([*courses(MANY), *learners(MANY)], run())
    assert indexes(path) == before
    assert read(path, "PRAGMA integrity_check") == [("ok",)]
    assert read(path, "SELECT count(*) FROM training") == [(MANY,)]
    assert read(path, "SELECT id FROM learner INDEXED BY learner_login WHERE login = 'l7919'"
                ) == [(1,)]


def test_a_code_written_twice_fails_the_commit_as_before(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        twice = [*courses(MANY), Change(Table.TRAINING, ChangeKind.CREATE, -MANY - 1,
                                        {"path_code": "PC-7919", "title": "Again"})]
        with pytest.raises(StoreError) as refused:
            store.apply(twice, run())
        assert store.history() == []
    assert str(refused.value) == (
        f"Nothing was written to {path}: another training already has this trainingPathCode"
        " (UNIQUE constraint failed: training.path_code).")
    assert read(path, "SELECT count(*) FROM training") == [(0,)]


def test_a_registration_guid_or_pair_written_twice_fails_the_commit(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.apply(learners(MANY), run())
        ids = [row[0] for row in read(path, "SELECT id FROM learner ORDER BY id")]
        guids = [(at, f"REG-{at}") for at in range(MANY)]
        with pytest.raises(StoreError) as guid_twice:
            store.apply(registrations(ids, [*guids[1:], (0, "REG-3")]), run())
        with pytest.raises(StoreError) as pair_twice:
            store.apply(registrations(ids, [*guids, (3, "REG-new")]), run())
        assert [r.id for r in store.history()] == [1]
    assert str(guid_twice.value) == (
        f"Nothing was written to {path}: another registration already has this"
        " registrationGuid (UNIQUE constraint failed: registration.guid).")
    assert str(pair_twice.value) == (
        f"Nothing was written to {path}: another registration already has this learner_id"
        " (UNIQUE constraint failed: registration.learner_id, registration.session_id).")
    assert read(path, "SELECT count(*) FROM registration") == [(0,)]
    assert read(path, "SELECT count(*) FROM session") == [(0,)]


def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
            changes: list[Change]) -> tuple[Path, list[str]]:
    """``changes`` written as a large first write into a new store: the store, and the index
    statements the writer's dialect set aside meanwhile, as it returned them. The store ends
    with the indexes it had, whole."""
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    before = indexes(path)
    aside: list[str] = []
    original = SqliteDialect.set_indexes_aside

    def noted(self: SqliteDialect, conn: sqlite3.Connection, table: str,
              increasing: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
        found = original(self, conn, table, increasing)
        aside.extend(found[0])
        return found

    monkeypatch.setattr(SqliteDialect, "set_indexes_aside", noted)
    with Store.open(path) as store:
        store.apply(changes, run())
    assert indexes(path) == before
    assert read(path, "PRAGMA integrity_check") == [("ok",)]
    return path, aside


def test_the_guids_the_writer_makes_keep_their_index_while_it_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = [Change(c.table, c.kind, c.record_id, {**c.values, "guid": MADE_WHEN_WRITTEN})
            for c in courses(MANY)]
    path, aside = written(tmp_path, monkeypatch, made)
    assert aside == ['CREATE UNIQUE INDEX "training_path_code" ON "training" ("path_code")']
    guids = [row[0] for row in read(path, "SELECT guid FROM training ORDER BY id")]
    assert len(guids) == MANY and guids == sorted(set(guids))  # each its own, in order


def test_guids_given_by_the_rows_have_their_index_made_after_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    given = [Change(c.table, c.kind, c.record_id, {**c.values, "guid": f"G-{-c.record_id}"})
             for c in courses(MANY)]
    path, aside = written(tmp_path, monkeypatch, given)
    assert sorted(aside) == [
        'CREATE UNIQUE INDEX "training_guid" ON "training" ("guid")',
        'CREATE UNIQUE INDEX "training_path_code" ON "training" ("path_code")']
    assert read(path, "SELECT guid FROM training WHERE id = 5") == [("G-5",)]


def test_codes_in_order_keep_their_index_until_one_comes_out_of_order(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    codes = [f"PC-{n:06d}" for n in range(1, MANY + 1)]
    codes[-1] = "PA-000001"  # the last batch's last course comes first by its code
    listed = [Change(Table.TRAINING, ChangeKind.CREATE, -n, {"path_code": code,
                                                             "title": f"Course {n}"})
              for n, code in enumerate(codes, start=1)]
    path, aside = written(tmp_path, monkeypatch, listed)
    assert aside == ['CREATE UNIQUE INDEX "training_guid" ON "training" ("guid")',
                     'CREATE UNIQUE INDEX "training_path_code" ON "training" ("path_code")']
    assert read(path, "SELECT id FROM training INDEXED BY training_path_code"
                      " WHERE path_code = 'PA-000001'") == [(MANY,)]


def test_a_code_twice_in_an_index_kept_up_fails_the_commit_as_before(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    listed = [Change(Table.TRAINING, ChangeKind.CREATE, -n, {"path_code": f"PC-{n:06d}",
                                                             "title": f"Course {n}"})
              for n in range(1, MANY + 1)]
    again = Change(Table.TRAINING, ChangeKind.CREATE, -MANY - 1,
                   {"path_code": f"PC-{MANY:06d}", "title": "Again"})
    with Store.open(path) as store:
        with pytest.raises(StoreError) as refused:
            store.apply([*listed, again], run())
        assert store.history() == []
    assert str(refused.value) == (
        f"Nothing was written to {path}: another training already has this trainingPathCode"
        " (UNIQUE constraint failed: training.path_code).")
    assert read(path, "SELECT count(*) FROM training") == [(0,)]
