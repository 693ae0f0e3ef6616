"""A store's first write goes through a rollback journal (its pages reach the file once), and
the store is back in WAL, which lets others read while it is written, as soon as it ends."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.runs import RunInfo


def courses(count: int, first: int = 1) -> list[Change]:
    return [Change(Table.TRAINING, ChangeKind.CREATE, -n, {"path_code": f"PC-{n}",
                                                          "title": f"Course {n}"})
            for n in range(first, first + count)]


def read_one(path: Path, sql: str) -> object:
    """One value, as another connection reads it from the store's file."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def journal(path: Path) -> object:
    """The store's journal mode."""
    return read_one(path, "PRAGMA journal_mode")


def modes_while_writing(store: Store, changes: list[Change]) -> set[str]:
    """The journal modes the write's progress reports see."""
    conn = store._conn()
    seen: set[str] = set()

    def progress(done: int, total: int, what: str) -> None:
        seen.add(conn.execute("PRAGMA journal_mode").fetchone()[0])

    store.apply(changes, RunInfo("courses.xml", "<import-config/>", [],
                                 {"create": len(changes)}), monitor=Monitor(progress))
    return seen


def stored_courses(path: Path) -> object:
    """How many training courses the store holds."""
    return read_one(path, "SELECT count(*) FROM training")


def test_the_first_write_uses_a_rollback_journal_then_wal(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        assert modes_while_writing(store, courses(5_000)) == {"delete"}
        assert journal(path) == "wal"
        assert modes_while_writing(store, courses(10, first=6_000)) == {"wal"}
    assert stored_courses(path) == 5_010
    assert not Path(f"{path}-journal").exists()


def test_another_program_reading_keeps_the_first_write_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    other = sqlite3.connect(path)
    try:
        other.execute("SELECT count(*) FROM training").fetchone()  # open, as a window is
        with Store.open(path) as store:
            assert modes_while_writing(store, courses(100)) == {"wal"}
        assert other.execute("SELECT count(*) FROM training").fetchone()[0] == 100
    finally:
        other.close()


def test_a_failed_first_write_leaves_the_store_empty_and_in_wal(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        twice = [*courses(3_000), Change(Table.TRAINING, ChangeKind.CREATE, -3_001,
                                         {"path_code": "PC-1", "title": "Again"})]
        with pytest.raises(StoreError, match="another training already has this trainingPathCode"):
            store.apply(twice, RunInfo("courses.xml", "<import-config/>", [], {}))
        assert store.history() == []
    assert journal(path) == "wal"
    assert stored_courses(path) == 0


def test_a_store_left_in_the_rollback_journal_is_back_in_wal_at_its_next_write(
        tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with Store.open(path) as store:
        store.apply(courses(10), RunInfo("courses.xml", "<import-config/>", [], {}))
    left = sqlite3.connect(path)  # as a process killed between its commit and WAL leaves it
    assert left.execute("PRAGMA journal_mode=DELETE").fetchone()[0] == "delete"
    left.close()
    with Store.open(path) as store:
        assert modes_while_writing(store, courses(10, first=100)) == {"wal"}
    assert journal(path) == "wal"
    assert stored_courses(path) == 20
