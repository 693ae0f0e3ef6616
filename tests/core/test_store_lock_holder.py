"""A team's store another administrator is writing to: a commit that waited for its writer
lock in vain names who holds it, and since when, not only "another program"."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from importer_gui.core.errors import Cancelled, StoreLockedError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import PostgresUrl, Store
from importer_gui.core.store.runs import machine_name, os_user
from tests.builders import run_info
from tests.faults import HANG_GUARD, ROOT
from tests.postgres import raw_sql

# A commit that stops inside its transaction, holding the store's writer lock, until told.
HOLDING = """
import sys
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from tests.builders import run_info

def changes():
    yield Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-1"})
    print("holding", flush=True)
    sys.stdin.readline()  # the test's word to go on

with Store.open(sys.argv[1]) as store:
    print("committed", store.apply(changes(), run_info(create=1)), flush=True)
"""


def test_a_commit_waiting_in_vain_names_who_writes_and_since_when(
        postgres_store: PostgresUrl) -> None:
    with Store.open(postgres_store):
        pass  # the store made, so that the holder only writes
    holder = subprocess.Popen([sys.executable, "-c", HOLDING, str(postgres_store)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        with Store.open(postgres_store, busy_timeout=0.2) as store, \
                pytest.raises(StoreLockedError) as failure:
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                        run_info(create=1))
        said = str(failure.value)
        assert re.fullmatch(
            re.escape(f"The store {postgres_store} is being written by {os_user()} on "
                      f"{machine_name()} since ") + r"\d\d:\d\d:\d\d"
            + re.escape("; try again when it has finished."), said), said
        out, _ = holder.communicate("go\n", timeout=HANG_GUARD)
        assert out == "committed 1\n"  # the holder goes on, untouched
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_a_store_locked_by_nobody_known_still_says_another_program(
        tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout=0.1) as store, \
                pytest.raises(StoreLockedError) as failure:
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                        run_info(create=1))
    finally:
        other.close()
    assert str(failure.value) == (f"The store {path} is locked by another program; try again "
                                  "when it has finished.")


def test_another_program_holding_the_lock_is_named_by_its_role_and_address(
        postgres_store: PostgresUrl) -> None:
    import psycopg

    from importer_gui.core.store.dialect import APPLICATION_ID

    Store.open(postgres_store).close()
    with psycopg.connect(postgres_store.url, autocommit=True) as other:
        other.execute("BEGIN")
        other.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
        with Store.open(postgres_store, busy_timeout=0.2) as store, \
                pytest.raises(StoreLockedError) as failure:
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                        run_info(create=1))
    said = str(failure.value)
    assert re.fullmatch(re.escape(f"The store {postgres_store} is being written by postgres on "
                                  "127.0.0.1 since ") + r"\d\d:\d\d:\d\d"
                        + re.escape("; try again when it has finished."), said), said


# HOLDING, with the server told to end a transaction of ours paused for a second (a minute
# by default), and saying what its commit then said.
PAUSED = HOLDING.replace("from importer_gui.core.store import Store", """\
from importer_gui.core.errors import StoreError
from importer_gui.core.store import Store, postgres
postgres.PAUSED_TRANSACTION = 1""").replace(
    '    print("committed", store.apply(changes(), run_info(create=1)), flush=True)', """\
    try:
        print("committed", store.apply(changes(), run_info(create=1)), flush=True)
    except StoreError as error:
        print("refused", error, flush=True)""")


def test_a_commit_paused_inside_its_transaction_does_not_keep_the_store_locked(
        postgres_store: PostgresUrl) -> None:
    # Ctrl+Z on a command line, a laptop put to sleep: the team's store is not held for it.
    with Store.open(postgres_store):
        pass
    holder = subprocess.Popen([sys.executable, "-c", PAUSED, str(postgres_store)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        with Store.open(postgres_store, busy_timeout=HANG_GUARD) as store:
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                        run_info(create=1))  # once the server ended the paused one
        out, _ = holder.communicate("go\n", timeout=HANG_GUARD)
        assert out == (f"refused The store {postgres_store} could not be written: terminating "
                       "connection due to idle-in-transaction timeout.\n")
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert raw_sql(postgres_store, "SELECT guid FROM room") == [("R-2",)]
    assert len(raw_sql(postgres_store, "SELECT id FROM import_run")) == 1


# A commit of many rooms, its transactions ended by the server once paused for a second.
WRITING = """
import sys
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store, postgres
from tests.builders import run_info
postgres.PAUSED_TRANSACTION = 1

ROOMS = 200_000
with Store.open(sys.argv[1]) as store:
    store.apply((Change(Table.ROOM, ChangeKind.CREATE, -n, {"guid": f"R-{n}"})
                 for n in range(1, ROOMS + 1)), run_info(create=ROOMS))
"""


def _writing_rooms(store: PostgresUrl) -> bool:
    """Whether the store's writer lock is held by a session sending rooms (COPY, INSERT)."""
    return bool(raw_sql(
        store, "SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
               " WHERE l.locktype = 'advisory' AND l.granted"
               " AND (a.query LIKE 'COPY \"room\"%' OR a.query LIKE 'INSERT INTO \"room\"%')"))


def test_a_commit_stopped_while_it_writes_does_not_keep_the_store_locked(
        postgres_store: PostgresUrl) -> None:
    # Ctrl+Z in the middle of the rows sent: the server ends it as it ends a paused one.
    with Store.open(postgres_store):
        pass
    holder = subprocess.Popen([sys.executable, "-c", WRITING, str(postgres_store)], cwd=ROOT)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not _writing_rooms(postgres_store) and holder.poll() is None \
                and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(holder.pid, signal.SIGSTOP)
        with Store.open(postgres_store, busy_timeout=20) as store:
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-0"})],
                        run_info(create=1))  # once the server ended the stopped one
    finally:
        holder.kill()
        holder.wait()
    assert raw_sql(postgres_store, "SELECT guid FROM room") == [("R-0",)]
    assert len(raw_sql(postgres_store, "SELECT id FROM import_run")) == 1


def test_a_silent_client_is_given_up_within_the_pause_allowed(
        postgres_store: PostgresUrl) -> None:
    # A laptop asleep answers no keepalive: the server ends its connection, and its lock,
    # as soon as it would a paused transaction (TCP's defaults take over two hours).
    with Store.open(postgres_store) as store:
        settings = dict(store._conn().execute(
            "SELECT name, setting FROM pg_settings WHERE name IN ('tcp_keepalives_idle',"
            " 'tcp_keepalives_interval', 'tcp_keepalives_count', 'tcp_user_timeout',"
            " 'idle_in_transaction_session_timeout')").fetchall())
    idle, interval, probes = (int(settings[f"tcp_keepalives_{name}"])
                              for name in ("idle", "interval", "count"))
    assert idle + interval * probes == 60
    assert settings["tcp_user_timeout"] == settings["idle_in_transaction_session_timeout"] \
        == "60000"


def _cancelled_once_waiting(said: list[str]) -> Monitor:
    """A monitor that keeps what the write says, and asks it to stop once it says it waits."""
    return Monitor(progress=lambda _done, _total, what: said.append(what),
                   cancelled=lambda: any(what.startswith("Waiting for ") for what in said))


def test_a_commit_waiting_for_a_colleague_says_for_whom_and_hears_a_cancel(
        postgres_store: PostgresUrl) -> None:
    import psycopg

    from importer_gui.core.store.dialect import APPLICATION_ID

    Store.open(postgres_store).close()
    said: list[str] = []
    with psycopg.connect(postgres_store.url, autocommit=True) as other:
        other.execute("BEGIN")
        other.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
        with Store.open(postgres_store, busy_timeout=HANG_GUARD) as store, \
                pytest.raises(Cancelled):
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                        run_info(create=1), monitor=_cancelled_once_waiting(said))
    assert len(said) == 1 and re.fullmatch(
        re.escape("Waiting for postgres on 127.0.0.1 to finish writing to the store (since ")
        + r"\d\d:\d\d:\d\d\)", said[0]), said
    assert raw_sql(postgres_store, "SELECT count(*) FROM room") == [(0,)]
    assert raw_sql(postgres_store, "SELECT count(*) FROM import_run") == [(0,)]


def test_a_commit_waiting_for_another_program_on_a_file_hears_a_cancel(
        tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    said: list[str] = []
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout=HANG_GUARD) as store, pytest.raises(Cancelled):
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                        run_info(create=1), monitor=_cancelled_once_waiting(said))
    finally:
        other.close()
    assert said == ["Waiting for another program to finish writing to the store"]
    with Store.open(path) as store:
        assert store.history() == [] and store.count(Table.ROOM) == 0
