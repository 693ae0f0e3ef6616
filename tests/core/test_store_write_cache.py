"""A large write gets a page cache sized to it, and gives the memory back afterwards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.runs import RunInfo
from importer_gui.core.store.writer import CHUNK

SQLITE_DEFAULT = -2000  # KiB, as PRAGMA cache_size reads SQLite's default


def courses(count: int) -> list[Change]:
    return [Change(Table.TRAINING, ChangeKind.CREATE, -n, {"path_code": f"PC-{n}",
                                                          "title": f"Course {n}"})
            for n in range(1, count + 1)]


def cache_seen_while_writing(store: Store, changes: list[Change]) -> list[int]:
    """PRAGMA cache_size as the writer's progress reports see it, then after the write."""
    conn = store._conn()
    seen: list[int] = []

    def progress(done: int, total: int, what: str) -> None:
        seen.append(conn.execute("PRAGMA cache_size").fetchone()[0])

    store.apply(changes, RunInfo("courses.xml", "<import-config/>", [],
                                 {"create": len(changes)}), monitor=Monitor(progress))
    seen.append(conn.execute("PRAGMA cache_size").fetchone()[0])
    return seen


def later_courses(count: int) -> list[Change]:
    """Courses other than those ``courses`` makes (a second run's)."""
    return [Change(Table.TRAINING, ChangeKind.CREATE, -n, {"path_code": f"LATER-{n}",
                                                          "title": f"Later course {n}"})
            for n in range(1, count + 1)]


def test_a_large_write_has_a_larger_cache_and_gives_it_back(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        cache_seen_while_writing(store, courses(10))
        seen = cache_seen_while_writing(store, later_courses(40_000))
    assert seen[0] == -2500  # 64 bytes a change, in KiB
    assert seen[-1] == SQLITE_DEFAULT
    stored = sqlite3.connect(tmp_path / "store.sqlite3")
    assert stored.execute("SELECT count(*) FROM training").fetchone()[0] == 40_010
    stored.close()


def test_a_new_stores_first_write_keeps_the_default_cache(tmp_path: Path) -> None:
    # Nothing to read back: its tables' pages are added in order (their indexes after).
    with Store.open(tmp_path / "store.sqlite3") as store:
        seen = cache_seen_while_writing(store, courses(40_000))
    assert set(seen) == {SQLITE_DEFAULT}
    stored = sqlite3.connect(tmp_path / "store.sqlite3")
    assert stored.execute("SELECT count(*) FROM training").fetchone()[0] == 40_000
    stored.close()


def test_a_write_keeps_its_statement_journals_in_memory_and_gives_them_back(
        tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        conn = store._conn()
        seen: list[int] = []

        def progress(done: int, total: int, what: str) -> None:
            seen.append(conn.execute("PRAGMA temp_store").fetchone()[0])

        store.apply(courses(5000), RunInfo("courses.xml", "<import-config/>", [],
                                           {"create": 5000}), monitor=Monitor(progress))
        assert seen and set(seen) == {2}  # MEMORY
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 0  # DEFAULT: a file


def test_a_small_write_keeps_the_default_cache(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        seen = cache_seen_while_writing(store, courses(10))
    assert set(seen) == {SQLITE_DEFAULT}


def test_a_failed_write_gives_the_cache_back_too(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        cache_seen_while_writing(store, courses(10))
        changes = [*later_courses(35_000), Change(Table.TRAINING, ChangeKind.CREATE, -1,
                                                  {"path_code": "again", "title": "Twice"})]
        with pytest.raises(StoreError) as refused:
            cache_seen_while_writing(store, changes)
        assert str(refused.value) == (f"The changes create training -1 twice: nothing was "
                                      f"written to {tmp_path / 'store.sqlite3'}.")
        conn = store._conn()
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == SQLITE_DEFAULT
        assert conn.execute("SELECT count(*) FROM training").fetchone()[0] == 10


def test_a_commit_reports_its_writing_against_the_number_of_changes(tmp_path: Path) -> None:
    from importer_gui.core import config_xml, pipeline
    from tests.builders import teachers_import, write_config

    config = write_config(tmp_path, teachers_import(
        tmp_path, [(f"t{n}", f"Name {n}", "F", "") for n in range(5000)]))
    reported: list[tuple[int, int]] = []

    def progress(done: int, total: int, what: str) -> None:
        if what == "Writing to the store":
            reported.append((done, total))

    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config_xml.load(config), store)
        pipeline.commit(plan, store, monitor=Monitor(progress))
    # The window's bar fills from the first report to the last (a total of 0 is unknown).
    assert reported[0] == (CHUNK, 5000) and reported[-1] == (5000, 5000)  # each CHUNK
