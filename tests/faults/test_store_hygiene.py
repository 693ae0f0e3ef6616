"""Store hygiene: damaged history, mistyped stores, read-only media, other programs' databases.

Through the real command line; each fault is one line on stderr (exit 2) and the store is as
it was. The engine-independent ones run on a SQLite file and on a PostgreSQL database.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest

from importer_gui.core import schema
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Table
from importer_gui.core.store import PostgresUrl, Store, StoreLocation
from tests.builders import teachers_import, write_config
from tests.core.test_store_postgres import empty_store_at, store_at_version_1
from tests.faults import cli, one_line_failure
from tests.postgres import raw_sql, record_tables


def teachers(folder: Path, count: int = 3) -> Path:
    """A configuration of ``count`` new teachers."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_config(folder, teachers_import(
        folder, [(f"t{i}", f"Name {i}", "F", "") for i in range(count)]))


@pytest.fixture
def committed(tmp_path: Path, store_url: StoreLocation) -> StoreLocation:
    """A store of each engine holding one committed run of three teachers."""
    assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(store_url)).code == 0
    return store_url


# ---------------------------------------------------------------- damaged history

def test_a_run_whose_files_are_not_a_list_is_one_line_naming_it(committed: StoreLocation
                                                                 ) -> None:
    raw_sql(committed, """UPDATE import_run SET files = '{"a": 1}' WHERE id = 1""")
    line = one_line_failure(cli("history", "--store", str(committed)))
    assert line == (f"importer-gui: The store {committed} holds a value it cannot read in run "
                    "1 (its files are not a list of names: {'a': 1}).")


def test_a_run_of_bad_json_is_one_line_naming_it(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(store)).code == 0
    raw_sql(store, "UPDATE import_run SET counts = '{create: 3' WHERE id = 1")
    line = one_line_failure(cli("history", "--store", str(store)))
    assert line.startswith(f"importer-gui: The store {store} holds a value it cannot read in "
                           "run 1 (Expecting property name enclosed in double quotes")


def test_an_unknown_table_in_a_run_is_one_line_naming_it(committed: StoreLocation) -> None:
    raw_sql(committed, "UPDATE run_change SET table_name = 'teachers' WHERE seq = 1")
    before = record_tables(committed)
    line = one_line_failure(cli("revert", "1", "--store", str(committed)))
    assert line == (f"importer-gui: The store {committed} holds a value it cannot read in run "
                    "1 (unknown table 'teachers').")
    assert record_tables(committed) == before


def test_recorded_values_that_are_not_an_object_are_one_line(committed: StoreLocation) -> None:
    raw_sql(committed, "UPDATE run_change SET after = '[1, 2]' WHERE seq = 0")
    line = one_line_failure(cli("revert", "1", "--dry-run", "--store", str(committed)))
    assert line == (f"importer-gui: The store {committed} holds a value it cannot read in run "
                    "1 (a teacher's recorded values are not an object: [1, 2]).")


# ---------------------------------------------------------------- a mistyped --store

@pytest.mark.parametrize("command", [["check", "CONFIG"], ["history"], ["revert", "1"]])
def test_a_mistyped_store_is_said_not_made(tmp_path: Path, command: list[str]) -> None:
    config = teachers(tmp_path / "files")
    typo = tmp_path / "stroes" / "store.sqlite3"
    argv = [str(config) if word == "CONFIG" else word for word in command]
    line = one_line_failure(cli(*argv, "--store", str(typo)))
    assert line == (f"importer-gui: The store {typo} does not exist (nor its folder "
                    f"{typo.parent}); check --store.")
    assert not typo.parent.exists()


def test_commit_makes_the_store_and_its_folder(tmp_path: Path) -> None:
    new = tmp_path / "new" / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(new)).code == 0
    assert len(record_tables(new)["teacher"]) == 3


# ---------------------------------------------------------------- not a store file

COMMANDS = [["check", "CONFIG"], ["commit", "CONFIG"], ["history"], ["revert", "1"]]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_pipe_given_as_the_store_is_said_so(tmp_path: Path, command: list[str]) -> None:
    config = teachers(tmp_path / "files")
    pipe = tmp_path / "store.sqlite3"
    os.mkfifo(pipe)
    argv = [str(config) if word == "CONFIG" else word for word in command]
    assert one_line_failure(cli(*argv, "--store", str(pipe))) == (
        f"importer-gui: {pipe} is a pipe or a device, not a store.")
    assert [p.name for p in tmp_path.iterdir()] == sorted(["files", "store.sqlite3"])


@pytest.mark.parametrize("command", COMMANDS)
def test_a_loop_of_links_given_as_the_store_is_said_so(tmp_path: Path, command: list[str]
                                                       ) -> None:
    config = teachers(tmp_path / "files")
    (tmp_path / "back.sqlite3").symlink_to("store.sqlite3")
    (tmp_path / "store.sqlite3").symlink_to("back.sqlite3")
    store = tmp_path / "store.sqlite3"
    argv = [str(config) if word == "CONFIG" else word for word in command]
    assert one_line_failure(cli(*argv, "--store", str(store))) == (
        f"importer-gui: The store {store} could not be opened: Too many levels of symbolic "
        "links.")
    assert os.readlink(store) == "back.sqlite3"


# ---------------------------------------------------------------- a read-only medium

@contextmanager
def read_only_medium(tmp_path: Path, fill: Callable[[Path], object]) -> Iterator[Path]:
    """A store ``fill`` makes, then on a medium that cannot be written (as root: a tmpfs
    remounted read-only; otherwise a folder and file without write permission)."""
    medium = tmp_path / "medium"
    medium.mkdir()
    mounted = os.geteuid() == 0 and shutil.which("mount") is not None and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(medium)],
        capture_output=True, check=False).returncode == 0
    if os.geteuid() == 0 and not mounted:
        pytest.skip("root ignores permissions, and no file system can be mounted here")
    store = medium / "store.sqlite3"
    fill(store)
    if mounted:
        subprocess.run(["mount", "-o", "remount,ro", str(medium)], check=True)
    else:
        store.chmod(0o444)
        medium.chmod(0o555)
    try:
        yield store
    finally:
        if mounted:
            subprocess.run(["umount", str(medium)], check=False)
        else:
            medium.chmod(0o755)


@pytest.fixture
def read_only_store(tmp_path: Path) -> Iterator[Path]:
    """A store with one run on a medium that cannot be written."""
    def commit(store: Path) -> None:
        assert cli("commit", str(teachers(tmp_path / "files")), "--store", str(store)).code == 0

    with read_only_medium(tmp_path, commit) as store:
        yield store


def test_a_store_on_a_read_only_medium_is_checked_and_browsed(
        tmp_path: Path, read_only_store: Path) -> None:
    config = teachers(tmp_path / "more", 5)
    checked = cli("check", str(config), "--store", str(read_only_store))
    assert checked.code == 0, checked.err
    assert "Total: create 2, update 0, unchanged 3, delete 0, error 0" in checked.out
    history = cli("history", "--store", str(read_only_store))
    assert history.code == 0 and history.out.startswith("Run 1  "), history.err
    with Store.open(read_only_store) as store:  # what the store browser reads
        assert store.count(Table.TEACHER) == 3
        assert [t.login for t in store.page(Table.TEACHER, "t1")] == ["t1"]
    line = one_line_failure(cli("commit", str(config), "--store", str(read_only_store)))
    assert line == f"importer-gui: The store {read_only_store} is read-only: nothing was written."
    assert sorted(p.name for p in read_only_store.parent.iterdir()) == ["store.sqlite3"]



@pytest.mark.parametrize("older", [1, 2])
def test_an_older_store_on_a_read_only_medium_is_said_to_need_an_upgrade_first(
        tmp_path: Path, older: int) -> None:
    # Stores older than READ_AS_IT_IS are read only once upgraded, which needs writing.
    assert older < schema.READ_AS_IT_IS
    fill = store_at_version_1 if older == 1 else partial(empty_store_at, schema_version=older)
    with read_only_medium(tmp_path, fill) as store:
        line = one_line_failure(cli("history", "--store", str(store)))
        assert line == (
            f"importer-gui: The store {store} was written by an older version of Import "
            "Assistant: it must be upgraded once before it can be read, and it cannot be "
            "upgraded where it is (read-only). Copy the file somewhere it can be written and "
            "open the copy, or open it once where it can be written.")
        copy = shutil.copy(store, tmp_path / "copy.sqlite3")  # as it says: the copy is read
    assert cli("history", "--store", str(copy)).code == 0

# ---------------------------------------------------------------- other programs' databases

def test_another_programs_empty_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "theirs.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 7")  # stamped by its program; no table yet
    conn.close()
    line = one_line_failure(cli("commit", str(teachers(tmp_path / "files")), "--store",
                                str(path)))
    assert line == f"importer-gui: {path} is not an Import Assistant store."
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 7
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    conn.close()


def test_another_programs_postgresql_database_is_left_alone(
        tmp_path: Path, postgres_store: PostgresUrl) -> None:
    raw_sql(postgres_store, "CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)")
    raw_sql(postgres_store, "INSERT INTO invoices VALUES (1, 99.5)")
    line = one_line_failure(cli("commit", str(teachers(tmp_path / "files")), "--store",
                                str(postgres_store)))
    assert line == f"importer-gui: {postgres_store} is not an Import Assistant store."
    assert raw_sql(postgres_store, "SELECT tablename FROM pg_tables WHERE schemaname = "
                                   "'public'") == [("invoices",)]
    with pytest.raises(StoreError, match="is not an Import Assistant store"):
        Store.open(postgres_store)
