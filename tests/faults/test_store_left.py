"""What a damaged store's file leaves a user with: an empty file where a store was (a failed
copy, a sync tool), another database's journal beside it. Through the real command line:
one line naming the file (exit 2), nothing written."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.builders import emptied_long_ago, teachers_import, write_config
from tests.faults import cli, one_line_failure
from tests.postgres import raw_sql


def teachers(folder: Path) -> Path:
    """A configuration of three new teachers."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_config(folder, teachers_import(
        folder, [(f"t{i}", f"Name {i}", "F", "") for i in range(3)]))


def empty_said(path: Path) -> str:
    """What every opening says of an empty file given as the store."""
    return (f"{path} is empty (0 bytes): it holds no store, and nothing was written to it. "
            "If it held your runs, put it back from a copy; to start a new store there, "
            "delete the empty file first.")


@pytest.mark.parametrize("command", [["history"], ["check", "CONFIG"], ["commit", "CONFIG"],
                                     ["revert", "1", "--dry-run"], ["package", "CONFIG",
                                                                    "--out", "OUT"]],
                         ids=" ".join)
def test_an_empty_store_file_is_said_lost_and_left_empty(tmp_path: Path,
                                                         command: list[str]) -> None:
    store = tmp_path / "store.sqlite3"
    emptied_long_ago(store)
    given = {"CONFIG": str(teachers(tmp_path / "files")), "OUT": str(tmp_path / "out")}
    line = one_line_failure(cli(*(given.get(word, word) for word in command),
                                "--store", str(store)))
    assert line == f"importer-gui: {empty_said(store)}"
    assert store.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files", "store.sqlite3"]


def test_a_copy_from_an_empty_file_is_said_lost(tmp_path: Path) -> None:
    source = tmp_path / "store.sqlite3"
    emptied_long_ago(source)
    line = one_line_failure(cli("store", "copy", str(source), str(tmp_path / "copy.sqlite3")))
    assert line == f"importer-gui: {empty_said(source)}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.sqlite3"]


def test_a_copy_from_an_empty_database_says_what_it_is(tmp_path: Path) -> None:
    source = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA journal_mode=WAL")  # its header written, no table
    conn.close()
    line = one_line_failure(cli("store", "copy", str(source), str(tmp_path / "copy.sqlite3")))
    assert line == (f"importer-gui: {source} is an empty database, not an Import Assistant "
                    "store: it holds no tables, and nothing was written to it.")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.sqlite3"]


def test_a_copy_puts_a_store_back_into_an_empty_file(tmp_path: Path) -> None:
    backup, lost = tmp_path / "backup.sqlite3", tmp_path / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(backup)).code == 0
    emptied_long_ago(lost)
    done = cli("store", "copy", str(backup), str(lost))
    assert done.code == 0, done.err
    assert cli("history", "--store", str(lost)).out.startswith("Run 1 ")


def another_databases_wal(folder: Path, beside: Path) -> Path:
    """Another database's -wal, its commits not yet merged, put beside ``beside``."""
    other = folder / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    shutil.copy(f"{other}-wal", f"{beside}-wal")
    conn.close()
    return Path(f"{beside}-wal")


def another_databases_hot_journal(folder: Path, beside: Path) -> Path:
    """Another database's hot -journal (a write cut short after it spilled pages into its
    file), put beside ``beside``."""
    other = folder / "other.sqlite3"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA cache_size=2")  # the update spills: the journal is synced first
    conn.execute("CREATE TABLE t(x)")
    conn.execute("INSERT INTO t SELECT zeroblob(100) FROM "
                 "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
                 " SELECT i FROM n)")
    conn.execute("BEGIN")
    conn.execute("UPDATE t SET x = zeroblob(200)")
    shutil.copy(f"{other}-journal", f"{beside}-journal")
    conn.execute("ROLLBACK")
    conn.close()
    return Path(f"{beside}-journal")


@pytest.mark.parametrize("journal", [another_databases_wal, another_databases_hot_journal],
                         ids=["wal", "journal"])
@pytest.mark.parametrize("command", [["history"], ["commit", "CONFIG"]], ids=" ".join)
def test_another_databases_journal_beside_the_store_is_named_and_left(
        tmp_path: Path, command: list[str], journal: Callable[[Path, Path], Path]) -> None:
    store = tmp_path / "store.sqlite3"
    config = teachers(tmp_path / "files")
    assert cli("commit", str(config), "--store", str(store)).code == 0
    side = journal(tmp_path / "files", store)
    kept = store.read_bytes(), side.read_bytes()
    line = one_line_failure(cli(*({"CONFIG": str(config)}.get(word, word) for word in command),
                                "--store", str(store)))
    assert line == (f"importer-gui: The store {store} was not opened: {side} beside it is "
                    "another database's journal, which SQLite would merge into the store, "
                    f"replacing it. Nothing was changed; move {side} out of this folder, then "
                    "open the store again.")
    assert (store.read_bytes(), side.read_bytes()) == kept
    side.rename(tmp_path / side.name.replace("store", "moved"))
    assert cli("history", "--store", str(store)).out.startswith("Run 1 ")


def test_the_stores_own_wal_left_by_a_killed_writer_is_merged(tmp_path: Path) -> None:
    store, left = tmp_path / "store.sqlite3", tmp_path / "left" / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(store)).code == 0
    reader = sqlite3.connect(store)  # keeps the second run in the -wal: never merged
    reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    (tmp_path / "more").mkdir()
    more = write_config(tmp_path / "more", teachers_import(tmp_path / "more", [
        ("t9", "Name 9", "F", "")]))
    assert cli("commit", str(more), "--store", str(store)).code == 0
    left.parent.mkdir()
    for tail in ("", "-wal"):  # what a writer killed before merging its log leaves
        shutil.copy(f"{store}{tail}", f"{left}{tail}")
    reader.close()
    assert Path(f"{left}-wal").stat().st_size > 0
    out = cli("history", "--store", str(left)).out
    assert out.startswith("Run 2 "), out
    assert not Path(f"{left}-wal").exists() or Path(f"{left}-wal").stat().st_size == 0


def test_a_copy_of_a_store_holding_a_reference_it_cannot_follow_names_the_source(
        tmp_path: Path, sample: Path) -> None:
    store, copy = tmp_path / "store.sqlite3", tmp_path / "copy.sqlite3"
    assert cli("commit", str(sample / "sample-config.xml"), "--store", str(store)).code == 1
    raw_sql(store, "UPDATE session SET training_id = 'PC-9' WHERE id = 1")
    line = one_line_failure(cli("store", "copy", str(store), str(copy)))
    assert line == (f"importer-gui: The store {store} holds a reference it cannot follow: "
                    "Session 'Sécurité incendie - Lyon janvier' refers by its training_id to "
                    f"training 'PC-9', which the store does not hold; nothing was written to "
                    f"{copy}.")
    assert not copy.exists()


@pytest.mark.parametrize("after", ["NULL", "'{}'"])
def test_a_run_whose_recorded_values_are_missing_is_said_damaged(tmp_path: Path,
                                                                 after: str) -> None:
    store = tmp_path / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(store)).code == 0
    raw_sql(store, f"UPDATE run_change SET after = {after} WHERE seq = 1")
    [(teacher,)] = raw_sql(store, "SELECT record_id FROM run_change WHERE seq = 1")
    before = raw_sql(store, "SELECT * FROM teacher ORDER BY id")
    for dry in (["--dry-run"], []):
        line = one_line_failure(cli("revert", "1", *dry, "--store", str(store)))
        assert line == (f"importer-gui: The store {store} holds a value it cannot read in run 1 "
                        f"(the values teacher {teacher} was left with are missing).")
    assert raw_sql(store, "SELECT * FROM teacher ORDER BY id") == before


SAMPLE_EXPORT = Path(__file__).resolve().parents[2] / "resources/sample/exports/export-config.xml"


@pytest.mark.parametrize("command", [["history"], ["check", "CONFIG"], ["revert", "1"],
                                     ["revert", "1", "--dry-run"],
                                     ["refresh", "EXPORT", "--dry-run"],
                                     ["package", "CONFIG", "--out", "OUT"]],
                         ids=" ".join)
def test_a_command_that_reads_makes_no_store_in_an_empty_database(
        tmp_path: Path, command: list[str]) -> None:
    store = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(store)
    conn.execute("PRAGMA journal_mode=WAL")  # its header written, no table
    conn.close()
    before = store.read_bytes()
    given = {"CONFIG": str(teachers(tmp_path / "files")), "OUT": str(tmp_path / "out"),
             "EXPORT": str(SAMPLE_EXPORT)}
    line = one_line_failure(cli(*(given.get(word, word) for word in command),
                                "--store", str(store)))
    assert line == (f"importer-gui: {store} is an empty database, not an Import Assistant "
                    "store: it holds no tables, and nothing was written to it.")
    assert store.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["files", "store.sqlite3"]


def test_a_commit_makes_its_store_in_an_empty_database(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    sqlite3.connect(store).execute("PRAGMA journal_mode=WAL").connection.close()
    done = cli("commit", str(teachers(tmp_path / "files")), "--store", str(store))
    assert done.code == 0, done.err
    assert cli("history", "--store", str(store)).out.startswith("Run 1 ")
