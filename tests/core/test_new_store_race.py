"""Two commands making the same new store at once (QA 13 D1).

A command that made a new store takes it away when it fails, but only a store it created
itself, that no other program has open and that holds no row: the store the other command
committed into is never removed. Real processes, real stores.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.cli.command import MadeStore, _make_new, _take_away
from importer_gui.core import schema
from importer_gui.core.errors import StoreError, StoreLockedError
from importer_gui.core.progress import Monitor
from importer_gui.core.store import Store
from importer_gui.core.store.dialect import SQLITE
from importer_gui.core.store.models import SQLITE_FIELDS, BorrowedSqlite, create_tables
from tests.builders import emptied_long_ago, teachers_import, write_config
from tests.postgres import record_tables

ROOT = Path(__file__).resolve().parents[2]
# A command started at a given moment, its modules loaded, so that two start together.
AT = ("import sys, time; from importer_gui.cli import main; "
      "time.sleep(max(0.0, float(sys.argv[1]) - time.time())); sys.exit(main(sys.argv[2:]))")
# A program that opens a store and holds it open until its stdin closes.
HOLDER = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
          "c.execute('SELECT count(*) FROM sqlite_master').fetchone(); print('open', flush=True); "
          "sys.stdin.read()")


def teachers(folder: Path, count: int) -> Path:
    """A configuration importing ``count`` teachers."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [(f"t{i}", f"Name{i}", "Anne", f"t{i}@example.org") for i in range(count)]
    return write_config(folder, teachers_import(folder, rows))


def history(store: Path) -> list[int]:
    """The ids of the store's runs."""
    done = subprocess.run([sys.executable, "-m", "importer_gui", "history", "--store", str(store),
                           "--json"], capture_output=True, text=True, cwd=ROOT, check=True)
    return [run["id"] for run in json.loads(done.stdout)["runs"]]


def test_two_commits_making_one_store_keep_the_run_that_was_committed(tmp_path: Path) -> None:
    config = teachers(tmp_path / "files", 2000)
    for round_ in range(3):
        store = tmp_path / f"race{round_}.sqlite3"
        start = str(time.time() + 2.5)
        racers = [subprocess.Popen([sys.executable, "-c", AT, start, "commit", str(config),
                                    "--store", str(store)], cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                  for _ in range(2)]
        results = [(racer.wait(), *racer.communicate()) for racer in racers]
        committed = [out for code, out, _ in results if out.endswith("Committed as run 1.\n")]
        assert len(committed) == 1, results
        refused = [(code, err) for code, out, err in results if out not in committed]
        assert [code for code, _ in refused] in ([2], [0]), results
        assert not any("is empty (0 bytes)" in err for _, err in refused), results
        assert store.exists(), results
        assert history(store) == [1]
        assert len(record_tables(store)["teacher"]) == 2000


def new_store(tmp_path: Path) -> tuple[Path, MadeStore | None]:
    """A store this process made, as a command makes it (with its folder)."""
    path = tmp_path / "new" / "store.sqlite3"
    made = _make_new(path)
    Store.open(path, empty_file=made is not None).close()
    return path, made


def writing_to_the_new_file(path: Path) -> sqlite3.Connection:
    """Another program's connection to ``path`` (a new, empty file), in a write transaction:
    what the other of two commands making the same store at once holds for a moment."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_new_store_another_program_writes_to_is_waited_for(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    other = writing_to_the_new_file(path)
    done = threading.Timer(0.3, other.execute, ("COMMIT",))
    done.start()
    try:
        # As a command that lost the race to make the file opens it; refused at once when
        # the WAL's lock was not waited for.
        with Store.open(path, empty_file=True) as store:
            assert store.history() == []
    finally:
        done.join()
        other.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_new_store_another_program_keeps_writing_to_is_said_locked(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    other = writing_to_the_new_file(path)
    try:
        with pytest.raises(StoreLockedError) as refused:
            Store.open(path, busy_timeout=0.2, empty_file=True)
    finally:
        other.close()
    assert str(refused.value) == (f"The store {path} is locked by another program; try again "
                                  "when it has finished.")


def test_a_new_store_nobody_wrote_into_is_taken_away_with_its_folder(tmp_path: Path) -> None:
    _path, made = new_store(tmp_path)
    _take_away(made)
    assert list(tmp_path.iterdir()) == []


def test_a_new_store_another_program_has_open_is_kept(tmp_path: Path) -> None:
    path, made = new_store(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        _take_away(made)
        assert path.exists()
    finally:
        holder.communicate("")
    with sqlite3.connect(path) as conn:  # still as Store.open made it
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_new_store_another_command_committed_into_is_kept(tmp_path: Path) -> None:
    path, made = new_store(tmp_path)
    done = subprocess.run([sys.executable, "-m", "importer_gui", "commit",
                           str(teachers(tmp_path / "files", 3)), "--store", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.endswith("Committed as run 1.\n")
    _take_away(made)
    assert history(path) == [1]
    assert len(record_tables(path)["teacher"]) == 3


def test_a_store_put_in_place_of_the_new_one_is_kept(tmp_path: Path) -> None:
    path, made = new_store(tmp_path)
    path.rename(tmp_path / "moved.sqlite3")
    Store.open(path).close()  # another program's store, at the same path
    _take_away(made)
    assert path.exists() and (tmp_path / "moved.sqlite3").exists()


def test_a_store_another_program_created_first_is_not_ours_to_take_away(
        tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    assert _make_new(path) is None


def test_a_store_the_command_line_makes_is_not_executable(tmp_path: Path) -> None:
    store = tmp_path / "new" / "store.sqlite3"
    assert main(["commit", str(teachers(tmp_path, 3)), "--store", str(store)]) == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(store.stat().st_mode) == 0o666 & ~umask


def test_a_store_another_command_is_making_is_waited_for_not_said_lost(tmp_path: Path) -> None:
    path = tmp_path / "new" / "store.sqlite3"
    made = _make_new(path)  # the first command, held between its file and its schema
    assert made is not None and path.stat().st_size == 0
    said: list[str] = []
    waiting = threading.Event()
    opened: list[object] = []

    def waits(what: str) -> None:
        said.append(what)
        waiting.set()

    def second() -> None:
        """The second command, which found the file there: what it opened, or was told."""
        try:
            with Store.open(path, monitor=Monitor(waits=waits)) as store:
                opened.append(store.history())
        except StoreError as exc:
            opened.append(str(exc))
            waiting.set()

    other = threading.Thread(target=second)
    other.start()
    assert waiting.wait(60), "the second command neither waited nor failed"
    Store.open(path, empty_file=True).close()  # the first command goes on
    other.join()
    assert opened == [[]]
    assert said == [f"Waiting for another program to finish making the store {path}"]


def locked_empty_file(path: Path) -> sqlite3.Connection:
    """An empty file written long ago, whose SQLite write lock another program holds (a
    command making a store in it)."""
    emptied_long_ago(path)
    return writing_to_the_new_file(path)


def test_a_command_waits_for_the_empty_file_another_program_is_making_a_store_in(
        tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    maker = locked_empty_file(path)
    try:
        command = subprocess.Popen([sys.executable, "-m", "importer_gui", "history", "--store",
                                    str(path)], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE)
        assert command.stderr is not None
        assert command.stderr.readline() == ("importer-gui: Waiting for another program to "
                                             f"finish making the store {path}…\n")
        create_tables(BorrowedSqlite(maker), SQLITE_FIELDS)  # the store made, in its lock
        SQLITE._stamp(maker, schema.SCHEMA_VERSION)
        maker.execute("COMMIT")
    finally:
        maker.close()
    out, err = command.communicate()
    assert (command.returncode, out, err) == (
        0, "No runs yet: the store holds no import, refresh or revert.\n", "")


def test_an_empty_file_still_being_made_when_the_wait_ends_is_said_locked(
        tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    maker = locked_empty_file(path)
    try:
        with pytest.raises(StoreLockedError) as refused:
            Store.open(path, busy_timeout=0.2)
    finally:
        maker.close()
    assert str(refused.value) == (f"The store {path} is locked by another program; try again "
                                  "when it has finished.")
    assert path.read_bytes() == b""
