"""The command line's journeys on both engines: check, commit, history, revert, store copy.

The same commands and outputs whether --store names a SQLite file or a PostgreSQL database
(a database of the session's throwaway cluster); a PostgreSQL store's password comes from
libpq's usual places or the terminal, and is never printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.cli.command import store_path
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import PostgresUrl, RunInfo, Store, StoreLocation, parse_location
from tests.builders import teachers_import, write_config
from tests.faults import HANG_GUARD
from tests.postgres import PASSWORD_ROLE, Cluster, raw_sql
from tests.stores import existing_store, writing_meanwhile

ROOT = Path(__file__).resolve().parents[2]
RECORD_TABLES = [t.value for t in Table]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) with its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def records(location: StoreLocation) -> dict[str, list[tuple]]:
    """Every record of every record table, by id, as another program reads them."""
    return {t: raw_sql(location, f'SELECT * FROM "{t}" ORDER BY id') for t in RECORD_TABLES}


def test_a_new_user_tries_the_sample_on_each_engine(
        sample: Path, store_url: StoreLocation, capsys: pytest.CaptureFixture[str]) -> None:
    config, store = str(sample / "sample-config.xml"), existing_store(store_url)
    code, out, _ = run(capsys, "check", config, "--store", store, "--json")
    assert code == 1 and json.loads(out)["counts"] == {
        "create": 19, "update": 1, "unchanged": 3, "delete": 0, "error": 17}
    code, out, _ = run(capsys, "commit", config, "--store", store, "--json")
    assert code == 1 and json.loads(out)["run"] == 1
    code, out, _ = run(capsys, "check", config, "--store", store, "--json")
    assert json.loads(out)["counts"] == {"create": 0, "update": 2, "unchanged": 21,
                                         "delete": 0, "error": 17}
    code, out, _ = run(capsys, "history", "--store", store, "--json")
    [committed] = json.loads(out)["runs"]
    assert (code, committed["id"], committed["counts"]["create"]) == (0, 1, 19)
    code, out, _ = run(capsys, "revert", "1", "--store", store)
    assert (code, out) == (0, "Run 2 reverted run 1: 23 deleted.\n")
    assert all(rows == [] for rows in records(store_url).values())
    code, out, _ = run(capsys, "history", "--store", store)
    assert out.startswith("Run 2  ") and "revert" in out.splitlines()[0]


def test_store_copy_carries_everything_from_sqlite_to_postgresql_and_back(
        sample: Path, tmp_path: Path, postgres_store: PostgresUrl,
        capsys: pytest.CaptureFixture[str]) -> None:
    original = tmp_path / "team.sqlite3"
    assert run(capsys, "commit", str(sample / "sample-config.xml"), "--store",
               str(original))[0] == 1
    with Store.open(original) as store:  # a deleted room: its id must never come back
        store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-GONE"})],
                    RunInfo("c.xml", "", [], {"create": 1}))
        gone = max(store.load_state([Table.ROOM]).rooms)
        store.apply([Change(Table.ROOM, ChangeKind.DELETE, gone, before={"guid": "R-GONE"})],
                    RunInfo("c.xml", "", [], {"delete": 1}))
    code, out, err = run(capsys, "store", "copy", str(original), str(postgres_store))
    assert (code, err) == (0, "")
    assert out == (f"Copied 3 runs and 23 records from {original} to {postgres_store}.\n")
    back = tmp_path / "back.sqlite3"
    assert run(capsys, "store", "copy", str(postgres_store), str(back))[0] == 0
    with Store.open(original) as first, Store.open(postgres_store) as shared, \
            Store.open(back) as returned:
        for store in (shared, returned):
            assert store.load_state() == first.load_state()
            assert [(r.id, r.kind, r.counts, r.files, r.started, r.user_name, r.machine)
                    for r in store.history()] == [
                (r.id, r.kind, r.counts, r.files, r.started, r.user_name, r.machine)
                for r in first.history()]
            assert store.run_changes(1) == first.run_changes(1)
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-NEW"})],
                        RunInfo("c.xml", "", [], {"create": 1}))
            assert max(store.load_state([Table.ROOM]).rooms) == gone + 1


@pytest.mark.parametrize("into", ["sqlite", "postgres"])
def test_store_copy_of_a_store_with_a_reference_to_nothing_names_it_on_each_engine(
        sample: Path, tmp_path: Path, store_url: StoreLocation, into: str,
        request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]) -> None:
    source = existing_store(store_url)
    assert run(capsys, "commit", str(sample / "sample-config.xml"), "--store", source)[0] == 1
    # What a restore without its checks leaves (PostgreSQL checks only with its triggers on).
    unchecked = "SET session_replication_role = replica; " \
        if isinstance(store_url, PostgresUrl) else ""
    raw_sql(store_url, f"{unchecked}UPDATE session SET training_id = 999 WHERE id = 1")
    cluster: Cluster | None = None
    if into == "postgres":
        cluster = request.getfixturevalue("postgres_cluster")
        database = cluster.new_database("target")
        target: StoreLocation = PostgresUrl(cluster.url(database))
    else:
        target = tmp_path / "copy.sqlite3"
    try:
        code, out, err = run(capsys, "store", "copy", source, str(target))
        assert (code, out) == (2, "")
        assert err == (f"importer-gui: The store {source} holds a reference it cannot follow: "
                       "Session 'Sécurité incendie - Lyon janvier' refers by its training_id "
                       f"to training 999, which the store does not hold; nothing was written "
                       f"to {target}.\n")
        assert tables_in(target) == [] if isinstance(target, PostgresUrl) \
            else not target.exists()
    finally:
        if cluster is not None:
            cluster.drop_database(database)


def test_store_copy_refuses_a_store_that_is_not_empty(
        tmp_path: Path, store_url: StoreLocation, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "source.sqlite3"
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "")]))
    assert run(capsys, "commit", str(config), "--store", str(source))[0] == 0
    assert run(capsys, "commit", str(config), "--store", str(store_url))[0] == 0
    before = records(store_url)
    code, out, err = run(capsys, "store", "copy", str(source), str(store_url))
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: The store {store_url} is not empty: nothing was copied "
                   "(a copy goes into a new or empty store).\n")
    assert records(store_url) == before


def test_two_copies_into_one_empty_postgresql_store_one_after_the_other(
        tmp_path: Path, postgres_store: PostgresUrl) -> None:
    """Both copies start while the store is empty and wait for its writer lock (held here
    until both wait), saying so: the first copies, the second finds the first's rows. The
    second's line names the writer it found holding the lock when it asked: the holder
    here, or the first copy (its user and machine), or none, between the two."""
    import psycopg

    from importer_gui.core.store.dialect import APPLICATION_ID

    source = tmp_path / "source.sqlite3"
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "")]))
    assert cli("commit", str(config), "--store", str(source)).returncode == 0
    target = existing_store(postgres_store)
    with psycopg.connect(postgres_store.url, autocommit=True) as holder:
        holder.execute("BEGIN")
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
        copies = [subprocess.Popen([sys.executable, "-m", "importer_gui", "store", "copy",
                                    str(source), target], cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                  for _ in range(2)]
        try:
            while waiting_for_lock(holder) < 2:
                assert all(copy.poll() is None for copy in copies), [
                    copy.communicate() for copy in copies]
                time.sleep(0.005)
        finally:
            holder.execute("ROLLBACK")
        done = sorted((copy.wait(timeout=120), copy.stdout.read(),
                       re.sub(ANY_WAITING_LINE, "", copy.stderr.read()))
                      for copy in copies if copy.stdout and copy.stderr)
    assert done == [
        (0, f"Copied 1 run and 1 record from {source} to {target}.\n", ""),
        (2, "", f"importer-gui: The store {target} is not empty: nothing was copied (a copy "
                "goes into a new or empty store).\n")]
    assert records(postgres_store) == records(source)


def waiting_for_lock(conn: object) -> int:
    """How many connections wait for the store's writer lock: in the server's queue, or
    trying it again in steps (a write that says it waits). The activity is read afresh:
    inside a transaction, the server gives its first reading again."""
    conn.execute("SELECT pg_stat_clear_snapshot()")  # type: ignore[attr-defined]
    return int(conn.execute(  # type: ignore[attr-defined]
        "SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database()"
        " AND a.pid <> pg_backend_pid() AND (a.query LIKE 'SELECT pg_try_advisory_xact_lock%'"
        " OR EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid"
        " AND l.locktype = 'advisory' AND NOT l.granted))").fetchone()[0])


def test_store_copy_of_a_store_that_does_not_exist_makes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing, target = tmp_path / "typo.sqlite3", tmp_path / "copy.sqlite3"
    code, _, err = run(capsys, "store", "copy", str(missing), str(target))
    assert code == 2 and err == f"importer-gui: The store {missing} does not exist.\n"
    assert not missing.exists() and not target.exists()


def test_a_url_without_a_database_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:  # as argparse says of any bad argument
        main(["history", "--store", "postgresql://someone:secret@db.example.org"])
    err = capsys.readouterr().err
    assert done.value.code == 2 and "secret" not in err
    assert err.splitlines()[-1] == (
        "importer-gui history: error: argument --store: postgresql://someone@db.example.org "
        "names no database (postgresql://USER@HOST/DATABASE)")


# ---------------------------------------------------------------- passwords

def keeper_url(cluster: Cluster, database: str, password: str | None = None) -> str:
    """The URL of a database as the role that must give a password."""
    user, _ = PASSWORD_ROLE
    secret = f":{password.replace(' ', '%20')}" if password else ""
    return f"postgresql://{user}{secret}@127.0.0.1:{cluster.port}/{database}"


def cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a child process without a terminal, as a script runs it."""
    return subprocess.run([sys.executable, "-m", "importer_gui", *argv], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL,
                          env=env)


@pytest.fixture
def database(postgres_cluster: Cluster) -> str:
    """A new database's name (dropped at the end)."""
    name = postgres_cluster.new_database("keeper")
    yield name
    postgres_cluster.drop_database(name)


def test_a_password_comes_from_pgpass_or_pgpassword_and_is_never_shown(
        postgres_cluster: Cluster, database: str, tmp_path: Path) -> None:
    import os

    url = keeper_url(postgres_cluster, database)
    password = PASSWORD_ROLE[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    asked = cli("history", "--store", url, env=env)
    assert asked.returncode == 2 and asked.stdout == ""
    assert asked.stderr == (
        f"importer-gui: The store {url} wants a password (connection to server at "
        f'"127.0.0.1", port {postgres_cluster.port} failed: fe_sendauth: no password '
        "supplied); give it in ~/.pgpass or PGPASSWORD, or type it when asked.\n")
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres_cluster.port}:*:keeper:{password}\n",
                        encoding="utf-8")
    passfile.chmod(0o600)
    done = cli("history", "--store", url, env={**env, "PGPASSFILE": str(passfile)})
    assert (done.returncode, done.stdout) == (
        0, "No runs yet: the store holds no import, refresh or revert.\n"), done.stderr
    done = cli("history", "--store", url, env={**env, "PGPASSWORD": password})
    assert done.returncode == 0, done.stderr
    for wrong in (cli("history", "--store", keeper_url(postgres_cluster, database, "not it"),
                      env=env),
                  cli("history", "--store", url, env={**env, "PGPASSWORD": "not it"})):
        assert (wrong.returncode, wrong.stdout) == (2, "")
        assert wrong.stderr == (
            f"importer-gui: The store {url} refused the password given (connection to server "
            f'at "127.0.0.1", port {postgres_cluster.port} failed: FATAL: password '
            f'authentication failed for user "keeper"); correct it in ~/.pgpass, PGPASSWORD '
            "or the URL, or type it again when asked.\n")
    done = cli("history", "--store", keeper_url(postgres_cluster, database, password),
               env=env)
    assert done.returncode == 0 and password not in done.stdout + done.stderr


def test_a_password_is_asked_on_the_terminal_when_needed(
        postgres_cluster: Cluster, database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse
    import getpass

    for variable in ("PGPASSWORD", "PGPASSFILE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    prompts: list[str] = []
    answers = iter(["wrong", PASSWORD_ROLE[1]])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt)
                        or next(answers))
    url = keeper_url(postgres_cluster, database)
    args = argparse.Namespace(store=parse_location(url), command="history")
    with Store.open(store_path(args)) as store:
        assert store.history() == []
    assert prompts == [f"Password for {url}: "] * 2
    assert str(store.path) == url  # the password stays out of everything shown


def test_a_password_typed_wrong_each_time_is_said_refused(
        postgres_cluster: Cluster, database: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse
    import getpass

    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or "wrong")
    url = keeper_url(postgres_cluster, database)
    args = argparse.Namespace(store=parse_location(url), command="history")
    with pytest.raises(StoreError) as said:
        Store.open(store_path(args))
    assert len(prompts) == 3  # asked again after each refusal
    assert str(said.value).startswith(f"The store {url} refused the password given (")
    assert "password authentication failed" in str(said.value)


def test_no_terminal_no_password_is_one_line(postgres_cluster: Cluster, database: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    url = keeper_url(postgres_cluster, database)
    args = argparse.Namespace(store=parse_location(url), command="history")
    with pytest.raises(StoreError, match="wants a password"):
        Store.open(store_path(args))


def test_store_copy_shows_a_control_character_in_a_name_as_its_escape(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = tmp_path / "mine.sqlite3"
    assert run(capsys, "commit", str(sample / "sample-config.xml"), "--store",
               str(original))[0] == 1
    copy = tmp_path / "copy\x1b[2J.sqlite3"  # an escape that would clear the terminal
    code, out, err = run(capsys, "store", "copy", str(original), str(copy))
    assert (code, err) == (0, "")
    assert out == (f"Copied 1 run and 23 records from {original} to {tmp_path}/copy\\x1b[2J"
                   ".sqlite3.\n")


# ---------------------------------------------------------------- users the server refuses

@pytest.fixture
def rejected_role(postgres_cluster: Cluster) -> str:
    """A role that pg_hba.conf's first line rejects from this computer (put back after)."""
    import os

    import psycopg

    name = f"rejected_{os.getpid()}"
    postgres_cluster.sql(f"CREATE ROLE {name} LOGIN")
    hba = postgres_cluster.folder / "data" / "pg_hba.conf"
    rules = hba.read_text(encoding="utf-8")
    hba.write_text(f"host all {name} 127.0.0.1/32 reject\n{rules}", encoding="utf-8")
    try:
        postgres_cluster.sql("SELECT pg_reload_conf()")
        deadline = time.monotonic() + 30
        while True:  # the server reads its rules again in its own time
            try:
                psycopg.connect(postgres_cluster.url("postgres", name)).close()
            except psycopg.OperationalError as refused:
                if "rejects" in str(refused):
                    break
            assert time.monotonic() < deadline, "the server never read its new rules"
            time.sleep(0.05)
        yield name
    finally:
        hba.write_text(rules, encoding="utf-8")
        postgres_cluster.sql("SELECT pg_reload_conf()")
        postgres_cluster.sql(f"DROP ROLE {name}")


def test_a_user_the_server_does_not_know_is_said_so(postgres_cluster: Cluster,
                                                    database: str) -> None:
    url = f"postgresql://nobody_here@127.0.0.1:{postgres_cluster.port}/{database}"
    done = cli("history", "--store", url)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"importer-gui: The server of the store {url} knows no such user (connection to "
        f'server at "127.0.0.1", port {postgres_cluster.port} failed: FATAL: role '
        '"nobody_here" does not exist); correct the user name in the URL, or ask its '
        "administrator to create that user.\n")


def test_a_user_pg_hba_rejects_is_said_not_let_in(
        postgres_cluster: Cluster, database: str, rejected_role: str) -> None:
    url = f"postgresql://{rejected_role}@127.0.0.1:{postgres_cluster.port}/{database}"
    done = cli("history", "--store", url)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"importer-gui: The server of the store {url} does not let this user connect to "
        f'this database from this computer (connection to server at "127.0.0.1", port '
        f"{postgres_cluster.port} failed: FATAL: pg_hba.conf rejects connection for host "
        f'"127.0.0.1", user "{rejected_role}", database "{database}", no encryption); ask '
        "its administrator to let this user in, or check the user and database in the "
        "URL.\n")


def test_a_user_that_may_not_log_in_is_said_not_let_in(postgres_cluster: Cluster,
                                                       database: str) -> None:
    import os

    name = f"nologin_{os.getpid()}"
    postgres_cluster.sql(f"CREATE ROLE {name} NOLOGIN")
    try:
        url = f"postgresql://{name}@127.0.0.1:{postgres_cluster.port}/{database}"
        done = cli("history", "--store", url)
    finally:
        postgres_cluster.sql(f"DROP ROLE {name}")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"importer-gui: The server of the store {url} does not let "
                                  "this user connect to this database from this computer (")
    assert f'role "{name}" is not permitted to log in' in done.stderr


# ---------------------------------------------------------------- an empty database left so

def tables_in(location: PostgresUrl) -> list[str]:
    """The tables of the database's schema, as another program lists them."""
    return [name for (name,) in raw_sql(
        location, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                  " ORDER BY tablename")]


def test_a_copy_that_fails_leaves_an_empty_postgresql_database_empty(
        tmp_path: Path, postgres_store: PostgresUrl,
        capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    source = tmp_path / "source.sqlite3"
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "")]))
    assert run(capsys, "commit", str(config), "--store", str(source))[0] == 0
    with sqlite3.connect(source) as conn:  # a value PostgreSQL refuses (SQLite keeps it)
        conn.execute("UPDATE teacher SET name = 'On' || char(0) || 'e'")
    code, out, err = run(capsys, "store", "copy", str(source), str(postgres_store))
    assert (code, out) == (2, "")
    assert err == (f"importer-gui: The store {postgres_store} could not be written: PostgreSQL "
                   "text fields cannot contain NUL (0x00) bytes.\n")
    assert tables_in(postgres_store) == []
    with sqlite3.connect(source) as conn:
        conn.execute("UPDATE teacher SET name = 'One'")
    code, out, err = run(capsys, "store", "copy", str(source), str(postgres_store))
    assert (code, err) == (0, "")
    assert out == f"Copied 1 run and 1 record from {source} to {postgres_store}.\n"


def test_a_commit_that_fails_or_records_nothing_leaves_an_empty_database_empty(
        tmp_path: Path, postgres_store: PostgresUrl,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "no")]))
    code, out, _ = run(capsys, "commit", str(config), "--store", str(postgres_store))
    assert code == 1 and out.endswith("no run was recorded.\n")
    assert tables_in(postgres_store) == []
    (tmp_path / "teachers.csv").unlink()
    assert run(capsys, "commit", str(config), "--store", str(postgres_store))[0] == 2
    assert tables_in(postgres_store) == []


def test_an_empty_store_that_was_there_stays_when_a_commit_records_nothing(
        tmp_path: Path, postgres_store: PostgresUrl,
        capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(postgres_store)
    made = tables_in(postgres_store)
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "no")]))
    assert run(capsys, "commit", str(config), "--store", store)[0] == 1
    assert tables_in(postgres_store) == made != []


def test_a_data_file_named_in_latin_1_is_committed_and_named_by_its_bytes_escapes(
        tmp_path: Path, store_url: StoreLocation, capsys: pytest.CaptureFixture[str]) -> None:
    # On Linux a name is bytes: "café.csv" copied from an old disk or archive is b"caf\xe9".
    config = write_config(tmp_path, teachers_import(tmp_path, [("jdoe", "Doe", "", "")]))
    named = Path(os.fsdecode(bytes(tmp_path / "teachers.csv").replace(b"teachers",
                                                                       b"caf\xe9")))
    (tmp_path / "teachers.csv").rename(named)
    store = existing_store(store_url)
    code, out, err = run(capsys, "commit", str(config), "--data", str(named), "--store", store)
    assert (code, err) == (0, "") and "Committed as run 1." in out
    shown = f"{tmp_path}{os.sep}caf\\xe9.csv"
    code, out, _ = run(capsys, "history", "--store", store, "--json")
    assert code == 0 and json.loads(out)["runs"][0]["files"] == [shown]
    code, out, _ = run(capsys, "history", "--store", store)
    assert code == 0 and f"  files: {shown}\n" in out
    code, out, _ = run(capsys, "revert", "1", "--store", store)
    assert (code, out) == (0, "Run 2 reverted run 1: 1 deleted.\n")
    assert raw_sql(store_url, "SELECT files FROM import_run WHERE id = 2") in (
        [([shown],)], [(json.dumps([shown]),)])  # PostgreSQL reads JSON, SQLite its text


# A command that writes into an existing store: its arguments (the store made, written
# before where the command needs it), its exit code and its last line once it has written.
Writing = Callable[[Path, StoreLocation], tuple[list[str], int, str]]


def a_commit(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """A first commit (on SQLite, written beside the check)."""
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "")]))
    return (["commit", str(config), "--store", existing_store(store)], 0,
            "Committed as run 1.")


def a_revert(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """The revert of the store's first run."""
    argv, _code, _last = a_commit(tmp_path, store)
    assert main(argv) == 0
    return ["revert", "1", "--store", str(store)], 0, "Run 2 reverted run 1: 1 deleted."


def a_refresh(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """A first refresh from the sample's exports (on SQLite, written beside the planning);
    two of their events have errors."""
    exports = shutil.copytree(ROOT / "resources" / "sample" / "exports", tmp_path / "exports")
    return (["refresh", str(exports / "export-config.xml"), "--store", existing_store(store)],
            1, "Committed as run 1.")


def a_store_copy(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """A store copied into an empty one."""
    source = tmp_path / "source.sqlite3"
    argv, _code, _last = a_commit(tmp_path, source)
    assert main(argv) == 0
    return (["store", "copy", str(source), existing_store(store)], 0,
            f"Copied 1 run and 1 record from {source} to {store}.")


# A waiting line at the start of a command's stderr, whoever it names.
ANY_WAITING_LINE = (r"^importer-gui: Waiting for .+ to finish writing to the store"
                    r"(?: \(since \d\d:\d\d:\d\d\))?…\n")


def waiting_line(store: StoreLocation) -> str:
    """What a command says, once, while another program writes to ``store``: the
    superuser of the cluster on this machine, or another program writing to a file."""
    if isinstance(store, PostgresUrl):
        return (re.escape("importer-gui: Waiting for postgres on 127.0.0.1 to finish writing "
                          "to the store (since ") + r"\d\d:\d\d:\d\d\)…\n")
    return re.escape("importer-gui: Waiting for another program to finish writing to the "
                     "store…\n")


@pytest.mark.parametrize("case", [pytest.param(a_commit, id="commit"),
                                  pytest.param(a_revert, id="revert"),
                                  pytest.param(a_refresh, id="refresh"),
                                  pytest.param(a_store_copy, id="store-copy")])
def test_a_write_waiting_for_a_colleague_says_once_for_whom(
        tmp_path: Path, store_url: StoreLocation, case: Writing) -> None:
    argv, code, last_line = case(tmp_path, store_url)
    with writing_meanwhile(store_url):
        child = subprocess.Popen([sys.executable, "-m", "importer_gui", *argv], cwd=ROOT,
                                 text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stderr is not None
        said = child.stderr.readline()  # while the colleague still writes
    out, rest = child.communicate(timeout=HANG_GUARD)
    assert re.fullmatch(waiting_line(store_url), said), said
    assert (child.returncode, rest, out.splitlines()[-1]) == (code, "", last_line)
