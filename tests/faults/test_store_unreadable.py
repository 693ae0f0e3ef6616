"""A SQLite store this user may not read (the file, or the folder it is in): every command
says so with the system's reason, as ``store copy`` does, not SQLite's "unable to open
database file"; nothing is made or changed.

Through the real command line, run by a user whom permissions apply to (see ``as_a_user``).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from importer_gui.core.store import PostgresUrl
from tests.core.test_store_identity import reader_of
from tests.faults import cli, one_line_failure
from tests.faults.test_store_copy_older import as_a_user
from tests.faults.test_store_hygiene import teachers
from tests.postgres import Cluster

# What each command is given, CONFIG and OUT put in their place.
COMMANDS = [["check", "CONFIG"], ["commit", "CONFIG"], ["history"], ["history", "1"],
            ["revert", "1"], ["package", "CONFIG", "--out", "OUT"]]


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder everyone may go through and write, holding a configuration anyone may read
    and a store of one committed run."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o777)
        config = teachers(folder / "files")
        done = cli("commit", str(config), "--store", str(folder / "store.sqlite3"))
        assert done.code == 0, done.err
        yield folder


def run_on(store: Path, shared: Path, command: list[str]) -> str:
    """The one line ``command`` says about ``store``, run as a user who may not read it."""
    config = next((shared / "files").glob("*.xml"))
    given = {"CONFIG": str(config), "OUT": str(shared / "package")}
    return one_line_failure(as_a_user(*(given.get(word, word) for word in command),
                                      "--store", str(store)))


def digest(path: Path) -> str:
    """What the file holds, byte for byte."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_store_file_this_user_may_not_read_is_said_so(shared: Path, command: list[str]
                                                        ) -> None:
    store = shared / "store.sqlite3"
    before = digest(store)
    store.chmod(0o000)
    assert run_on(store, shared, command) == (
        f"importer-gui: The store {store} could not be read: Permission denied.")
    assert digest(store) == before
    assert sorted(p.name for p in shared.iterdir()) == ["files", "store.sqlite3"]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_store_in_a_folder_this_user_may_not_enter_is_said_so(shared: Path,
                                                                command: list[str]) -> None:
    closed = shared / "closed"
    closed.mkdir()
    store = (shared / "store.sqlite3").rename(closed / "store.sqlite3")
    before = digest(store)
    closed.chmod(0o700)  # its owner's only: here root's
    assert run_on(store, shared, command) == (
        f"importer-gui: The store {store} could not be read: Permission denied.")
    assert digest(store) == before
    assert sorted(p.name for p in closed.iterdir()) == ["store.sqlite3"]


def test_a_new_store_in_a_folder_this_user_may_not_enter_is_said_so(shared: Path) -> None:
    closed = shared / "closed"
    closed.mkdir(mode=0o700)
    store = closed / "new.sqlite3"
    assert run_on(store, shared, ["commit", "CONFIG"]) == (
        f"importer-gui: The store {store} could not be read: Permission denied.")
    assert list(closed.iterdir()) == []


# ---------------------------------------------------------------- a PostgreSQL role

def test_a_role_that_may_read_the_tables_but_not_their_sequences_is_told_what_to_grant(
        tmp_path: Path, postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    done = cli("commit", str(teachers(tmp_path / "files")), "--store", str(postgres_store))
    assert done.code == 0, done.err
    reader = reader_of(postgres_store, postgres_cluster)  # its tables only, not its sequences
    copy = tmp_path / "copy.sqlite3"
    line = one_line_failure(cli("store", "copy", str(reader), str(copy)))
    assert line == (
        f"importer-gui: The store {reader} could not be read: this user may read its tables "
        "but not their id sequences (permission denied for sequence teacher_id_seq), "
        "which a copy reads so that it never gives a deleted record's id again. Nothing was "
        "copied; ask the store's administrator to grant this user SELECT on its sequences "
        "too.")
    assert not copy.exists()
