"""A SQLite store whose values another program changed to a type the program never writes
(SQLite keeps a blob in a text column, a text in an integer one): through the real command
line, one line naming the store (exit 2), and nothing written to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import teachers_import, write_config
from tests.faults import cli, one_line_failure
from tests.postgres import raw_sql, record_tables


def teachers(folder: Path, first: int, count: int = 3) -> Path:
    """A configuration of ``count`` new teachers, numbered from ``first``."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_config(folder, teachers_import(
        folder, [(f"t{i}", f"Name {i}", "F", "") for i in range(first, first + count)]))


def everything(store: Path) -> dict[str, list[tuple]]:
    """The records and the runs, as another program reads them."""
    return {**record_tables(store), "import_run": raw_sql(store, "SELECT * FROM import_run"),
            "run_change": raw_sql(store, "SELECT * FROM run_change")}


@pytest.fixture
def sessions(tmp_path: Path, sample: Path) -> Path:
    """A store holding the sample's committed run (sessions with their dates among it)."""
    store = tmp_path / "store.sqlite3"
    done = cli("commit", str(sample / "sample-config.xml"), "--store", str(store))
    assert done.code == 1, done.err  # the sample's rows with errors are left out
    return store


@pytest.mark.parametrize("command", [["revert", "1", "--dry-run"], ["revert", "1"],
                                     ["store", "copy", "STORE", "COPY"]])
def test_a_date_stored_as_bytes_is_one_line_naming_the_store(
        tmp_path: Path, sessions: Path, command: list[str]) -> None:
    raw_sql(sessions, "UPDATE session SET start_date = x'00ff' WHERE id = 1")
    before = everything(sessions)
    copy = tmp_path / "copy.sqlite3"
    argv = [{"STORE": str(sessions), "COPY": str(copy)}.get(word, word) for word in command]
    if "copy" not in command:
        argv += ["--store", str(sessions)]
    line = one_line_failure(cli(*argv))
    assert line == (f"importer-gui: The store {sessions} holds a value it cannot read (Invalid "
                    r"isoformat string: b'\x00\xff').")
    assert everything(sessions) == before
    assert not copy.exists()


def test_a_recorded_id_that_is_not_a_number_is_one_line_naming_the_run(tmp_path: Path
                                                                        ) -> None:
    store = tmp_path / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path / "files", 0)), "--store", str(store)).code == 0
    raw_sql(store, "UPDATE run_change SET record_id = 'x' WHERE seq = 1")
    before = everything(store)
    for dry in (["--dry-run"], []):
        line = one_line_failure(cli("revert", "1", *dry, "--store", str(store)))
        assert line == (f"importer-gui: The store {store} holds a value it cannot read in run 1 "
                        "(a teacher's recorded id is not a whole number: 'x').")
    assert everything(store) == before


def test_a_reverted_run_that_is_not_a_number_is_one_line_naming_the_revert(
        tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    for first in (0, 10):
        assert cli("commit", str(teachers(tmp_path / f"files{first}", first)),
                   "--store", str(store)).code == 0
    assert cli("revert", "2", "--store", str(store)).code == 0
    raw_sql(store, "UPDATE import_run SET reverts_run = 'two' WHERE id = 3")
    before = everything(store)
    for command in (["history"], ["revert", "1"]):
        line = one_line_failure(cli(*command, "--store", str(store)))
        assert line == (f"importer-gui: The store {store} holds a value it cannot read in run 3 "
                        "(the run it reverts is not a run's number: 'two').")
    assert everything(store) == before
