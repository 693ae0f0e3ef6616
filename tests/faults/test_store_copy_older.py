"""store copy of a store an older version wrote, kept where it cannot be written (a backup on
a read-only medium, a colleague's share, a read-only role): the source is read as it is and
left so, the copy is the one upgraded; a source this user may not read is said so.

Through the real command line, into a SQLite file and a PostgreSQL database.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from importer_gui.core import schema
from importer_gui.core.records import Change, ChangeKind, Table, TeacherRec
from importer_gui.core.store import PostgresUrl, Store, StoreLocation, dialect_for
from tests.core.test_store_identity import reader_of
from tests.core.test_store_postgres import columns_of, run_info, store_at_version_1, version
from tests.faults import HANG_GUARD, ROOT, Done, cli, one_line_failure
from tests.faults.test_store_hygiene import read_only_medium
from tests.postgres import Cluster, raw_sql

NOBODY = 65534  # the unprivileged user whose reads permissions refuse, even here as root


def store_at(location: StoreLocation, older: int) -> None:
    """A store as version ``older`` left it: one run (no user, no machine) of one teacher."""
    store_at_version_1(location)
    if older > 1:
        dialect = dialect_for(location)
        conn = dialect.connect(location, 1.0)
        try:
            dialect.upgrade(conn, older)
        finally:
            conn.close()
    assert version(location) == older


def digest(path: Path) -> str:
    """What the file holds, byte for byte."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_copied_and_upgraded(copy: StoreLocation) -> None:
    """The copy holds the older store's run and teacher, at the current schema version, and
    takes a commit."""
    assert version(copy) == schema.SCHEMA_VERSION
    assert "machine" in columns_of(copy, "import_run")
    # The records the older run created, read from its history as an upgrade reads them.
    assert raw_sql(copy, "SELECT run_id, table_name, first_id, last_id FROM run_created") == [
        (1, "teacher", 1, 1)]
    with Store.open(copy) as store:
        assert store.identity is not None
        [run] = store.history()
        assert (run.id, run.config, run.files, run.user_name, run.machine) == (
            1, "old.xml", ["t.csv"], None, None)
        state = store.load_state([Table.TEACHER])
        assert state.teachers == {1: TeacherRec(1, "jdoe", "Doe")}
        assert set(state.created_by_import[Table.TEACHER]) == {1}  # the run's, from its spans
        assert store.count(Table.LEARNER) == 0
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "asmith"})],
                    run_info(create=1))
        assert store.count(Table.TEACHER) == 2


@pytest.mark.parametrize("older", [1, 2, 3])
def test_an_older_store_on_a_read_only_medium_is_copied_and_left_as_it_was(
        tmp_path: Path, store_url: StoreLocation, older: int) -> None:
    with read_only_medium(tmp_path, lambda path: store_at(path, older)) as source:
        before = digest(source)
        done = cli("store", "copy", str(source), str(store_url))
        assert (done.code, done.err) == (0, ""), done.err
        assert done.out == f"Copied 1 run and 1 record from {source} to {store_url}.\n"
        assert digest(source) == before
        assert sorted(p.name for p in source.parent.iterdir()) == ["store.sqlite3"]
    assert_copied_and_upgraded(store_url)


def test_an_older_store_that_may_be_written_is_copied_not_upgraded(tmp_path: Path) -> None:
    source, copy = tmp_path / "backup.sqlite3", tmp_path / "copy.sqlite3"
    store_at(source, 1)
    before = digest(source)
    done = cli("store", "copy", str(source), str(copy))
    assert (done.code, done.err) == (0, ""), done.err
    assert digest(source) == before and version(source) == 1
    assert_copied_and_upgraded(copy)


def test_an_older_store_a_read_only_role_reads_is_copied(
        tmp_path: Path, postgres_store: PostgresUrl, postgres_cluster: Cluster) -> None:
    store_at(postgres_store, 1)
    reader = reader_of(postgres_store, postgres_cluster)
    # Its ids' sequences too, which the copy reads (so that no deleted record's id comes back).
    raw_sql(postgres_store, "GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO reader")
    copy = tmp_path / "copy.sqlite3"
    done = cli("store", "copy", str(reader), str(copy))
    assert (done.code, done.err) == (0, ""), done.err
    assert version(postgres_store) == 1
    assert_copied_and_upgraded(copy)


def test_a_store_this_user_may_not_read_is_said_so_naming_it() -> None:
    with tempfile.TemporaryDirectory() as name:
        shared = Path(name)  # a folder everyone may go through and write
        shared.chmod(0o777)
        source, copy = shared / "backup.sqlite3", shared / "copy.sqlite3"
        store_at(source, 1)
        source.chmod(0o000)
        line = one_line_failure(as_a_user("store", "copy", str(source), str(copy)))
        assert line == f"importer-gui: The store {source} could not be read: Permission denied."
        assert not copy.exists()


def as_a_user(*argv: str) -> Done:
    """The command line run by a user whom permissions apply to: here as root, by nobody."""
    if os.geteuid() != 0:
        return cli(*argv)
    if shutil.which("setpriv") is None:
        pytest.skip("root reads any file, and setpriv is not here to run as another user")
    done = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}",
                           "--clear-groups", sys.executable, "-m", "importer_gui", *argv],
                          capture_output=True, text=True, cwd=ROOT, timeout=HANG_GUARD,
                          check=False)
    return Done(done.returncode, done.stdout, done.stderr)
