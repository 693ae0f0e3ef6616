"""Ctrl+C and SIGTERM through the real command line: what they stop, and what they leave.

Once a write is committed, an interrupt must not say "interrupted" of a run the store
holds. To send one at a moment that is surely after the COMMIT and before the command ends,
whatever the machine's speed, the command's output goes into a pipe already full: the
command blocks on its first output, which every write command prints after its COMMIT; the
signal is sent once the store shows the write, and the pipe is read afterwards.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pytest

from importer_gui.core.store import PostgresUrl, StoreLocation
from tests.builders import teachers_import, write_config
from tests.faults import HANG_GUARD, ROOT, cli
from tests.postgres import Cluster, raw_sql, record_tables
from tests.stores import existing_store, writing_meanwhile

if TYPE_CHECKING:
    import psycopg

fcntl = pytest.importorskip("fcntl", reason="a full pipe is made with POSIX's fcntl")
FILLER = b"x" * 4096


def full_pipe() -> tuple[int, int, int]:
    """A pipe whose buffer is full (its reading end, its writing end, the bytes in it):
    whoever writes into it waits until it is read."""
    read, write = os.pipe()
    flags = fcntl.fcntl(write, fcntl.F_GETFL)
    fcntl.fcntl(write, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    filled = 0
    try:
        while True:
            filled += os.write(write, FILLER)
    except BlockingIOError:
        pass
    fcntl.fcntl(write, fcntl.F_SETFL, flags)
    return read, write, filled


def runs_in(store: StoreLocation) -> int:
    """The runs another program sees in a store (0 while it cannot read one)."""
    if isinstance(store, PostgresUrl):
        import psycopg

        try:
            return int(raw_sql(store, "SELECT count(*) FROM import_run")[0][0])
        except psycopg.Error:  # its tables not made yet
            return 0
    try:
        conn = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM import_run").fetchone()[0])
    except sqlite3.Error:  # not made yet, or its first write under way
        return 0
    finally:
        conn.close()


def signalled_on_a_full_pipe(argv: list[str], number: int, ready: Callable[[int], bool],
                             never: str, *, into: Literal["stdout", "stderr"] = "stdout",
                             poll: float = 0.005) -> subprocess.CompletedProcess[str]:
    """``importer-gui ARGV``, its output ``into`` waiting on a full pipe, sent the signal
    ``number`` once ``ready(pid)``; its exit code and what it printed (after the filler)."""
    read, write, filled = full_pipe()
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, into: write}
    child = subprocess.Popen([sys.executable, "-m", "importer_gui", *argv], cwd=ROOT,
                             text=True, **streams)
    os.close(write)
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not ready(child.pid):
            assert child.poll() is None and time.monotonic() < deadline, (
                f"{never} (its exit code: {child.returncode})")
            time.sleep(poll)
        child.send_signal(number)
        with os.fdopen(read, "rb") as reading:
            piped = reading.read()
        other = child.stderr if into == "stdout" else child.stdout
        heard = other.read() if other else ""
        child.wait(timeout=HANG_GUARD)
    finally:
        if child.poll() is None:
            child.kill()
    assert piped[:filled] == FILLER * (filled // len(FILLER))
    said = piped[filled:].decode()
    out, err = (said, heard) if into == "stdout" else (heard, said)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


def teachers(folder: Path, count: int) -> Path:
    """A configuration of ``count`` new teachers."""
    return write_config(folder, teachers_import(
        folder, [(f"t{i}", f"Name {i}", "F", f"t{i}@example.org") for i in range(count)]))


def committed(tmp_path: Path, store: StoreLocation) -> StoreLocation:
    """``store`` holding one run of three teachers."""
    assert cli("commit", str(teachers(tmp_path, 3)), "--store", str(store)).code == 0
    return store


SIGNALS = [pytest.param(signal.SIGINT, id="ctrl-c"), pytest.param(signal.SIGTERM, id="sigterm")]
# A command that writes: its arguments, the store it writes, the runs it then holds, and the
# command's last line.
Case = Callable[[Path, StoreLocation], tuple[list[str], int, str]]


def a_commit(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """A first commit into a new store."""
    return (["commit", str(teachers(tmp_path, 3)), "--store", str(store)], 1,
            "Committed as run 1.\n")


def a_revert(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """The revert of a run."""
    committed(tmp_path, store)
    return ["revert", "1", "--store", str(store)], 2, "Run 2 reverted run 1: 3 deleted.\n"


def a_store_copy(tmp_path: Path, store: StoreLocation) -> tuple[list[str], int, str]:
    """A store copied into a new one."""
    source = committed(tmp_path, tmp_path / "source.sqlite3")
    return (["store", "copy", str(source), str(store)], 1,
            f"Copied 1 run and 3 records from {source} to {store}.\n")


@pytest.mark.parametrize("number", SIGNALS)
@pytest.mark.parametrize("case", [pytest.param(a_commit, id="commit"),
                                  pytest.param(a_revert, id="revert"),
                                  pytest.param(a_store_copy, id="store-copy")])
def test_an_interrupt_once_committed_waits_and_the_command_says_what_it_wrote(
        tmp_path: Path, store_url: StoreLocation, case: Case, number: int) -> None:
    argv, runs, last_line = case(tmp_path, store_url)
    done = signalled_on_a_full_pipe(argv, number, lambda _pid: runs_in(store_url) >= runs,
                                    "the command never showed its write in the store")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.endswith(last_line)
    assert runs_in(store_url) == runs


@pytest.mark.parametrize("number", SIGNALS)
def test_a_commit_interrupted_while_it_waits_for_a_colleague_writes_nothing(
        tmp_path: Path, store_url: StoreLocation, number: int) -> None:
    argv, _runs, _last = a_commit(tmp_path, existing_store(store_url))
    with writing_meanwhile(store_url):
        child = subprocess.Popen([sys.executable, "-m", "importer_gui", *argv], cwd=ROOT,
                                 text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert child.stderr is not None
            said = child.stderr.readline()  # it waits for the colleague's write
            child.send_signal(number)
            out, rest = child.communicate(timeout=HANG_GUARD)
        finally:
            if child.poll() is None:
                child.kill()
    assert said.startswith("importer-gui: Waiting for "), said
    assert (child.returncode, out, rest) == (2, "", "importer-gui: interrupted.\n")
    assert runs_in(store_url) == 0


# ---------------------------------------------------------------- a copy interrupted

def waiting_for(holder: psycopg.Connection, table: str, child: subprocess.Popen[str]) -> None:
    """Until another connection waits for the lock ``holder`` holds on ``table`` (the
    copy, halfway: the tables before it copied, in its open transaction)."""
    deadline = time.monotonic() + HANG_GUARD
    while child.poll() is None and time.monotonic() < deadline:
        waiting = holder.execute(
            "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
            " WHERE c.relname = %s AND NOT l.granted", (table,)).fetchone()
        if waiting and waiting[0]:
            return
        time.sleep(0.005)
    raise AssertionError(f"the copy never read {table}: {child.communicate()}")


def interrupted_copy(source: PostgresUrl, target: StoreLocation, number: int
                     ) -> subprocess.CompletedProcess[str]:
    """``store copy SOURCE TARGET`` sent the signal ``number`` while it waits to read the
    source's history, which this test keeps locked: surely after the target was made and
    the records were copied into it, before its COMMIT."""
    import psycopg

    with psycopg.connect(source.url, autocommit=True) as holder:
        holder.execute("BEGIN")
        holder.execute("LOCK TABLE run_change IN ACCESS EXCLUSIVE MODE")
        child = subprocess.Popen([sys.executable, "-m", "importer_gui", "store", "copy",
                                  str(source), str(target)], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            waiting_for(holder, "run_change", child)
            child.send_signal(number)
            out, err = child.communicate(timeout=HANG_GUARD)
        finally:
            if child.poll() is None:
                child.kill()
            holder.execute("ROLLBACK")
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.mark.parametrize("number", SIGNALS)
def test_a_copy_interrupted_takes_away_the_new_store_it_was_making(
        tmp_path: Path, postgres_store: PostgresUrl, number: int) -> None:
    source = committed(tmp_path, postgres_store)
    target = tmp_path / "new" / "copy.sqlite3"
    done = interrupted_copy(source, target, number)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", "importer-gui: interrupted.\n")
    assert not (tmp_path / "new").exists()  # nor its journal, nor the folder made for it


@pytest.mark.parametrize("number", SIGNALS)
def test_a_copy_interrupted_leaves_an_empty_store_that_was_there(
        tmp_path: Path, postgres_store: PostgresUrl, number: int) -> None:
    source = committed(tmp_path, postgres_store)
    target = Path(existing_store(tmp_path / "empty.sqlite3"))
    identity = (target.stat().st_dev, target.stat().st_ino)
    done = interrupted_copy(source, target, number)
    assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")
    assert (target.stat().st_dev, target.stat().st_ino) == identity
    assert runs_in(target) == 0 and all(rows == [] for rows in record_tables(target).values())


def pg_tables(location: PostgresUrl) -> list[str]:
    """The tables of a PostgreSQL store's schema, as another program lists them."""
    return [name for (name,) in raw_sql(
        location, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]


@pytest.mark.parametrize("number", SIGNALS)
def test_a_copy_interrupted_leaves_an_empty_postgresql_database_empty(
        tmp_path: Path, postgres_store: PostgresUrl, postgres_cluster: Cluster,
        number: int) -> None:
    source = committed(tmp_path, postgres_store)
    name = postgres_cluster.new_database("target")
    try:
        target = PostgresUrl(postgres_cluster.url(name))
        done = interrupted_copy(source, target, number)
        assert (done.returncode, done.stdout, done.stderr) == (
            2, "", "importer-gui: interrupted.\n")
        assert pg_tables(target) == []  # a second copy finds it empty, as it was
        done = interrupted_copy(source, target, number)
        assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")
        assert pg_tables(target) == []
    finally:
        postgres_cluster.drop_database(name)


@pytest.mark.parametrize("number", SIGNALS)
def test_a_copy_interrupted_keeps_an_empty_postgresql_store_that_was_there(
        tmp_path: Path, postgres_store: PostgresUrl, postgres_cluster: Cluster,
        number: int) -> None:
    source = committed(tmp_path, postgres_store)
    name = postgres_cluster.new_database("target")
    try:
        target = PostgresUrl(postgres_cluster.url(name))
        existing_store(target)
        made = sorted(pg_tables(target))
        done = interrupted_copy(source, target, number)
        assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")
        assert sorted(pg_tables(target)) == made != []
        assert all(rows == [] for rows in record_tables(target).values())
    finally:
        postgres_cluster.drop_database(name)


def proc(pid: int, name: str) -> str:
    """The process's ``/proc/PID/NAME`` (Linux); empty once the process has ended."""
    try:
        return Path(f"/proc/{pid}/{name}").read_text()
    except OSError:
        return ""


def writing_to_stderr(pid: int) -> bool:
    """Whether the process's main thread waits in write(2) on its standard error (Linux)."""
    return proc(pid, "syscall").startswith("1 0x2 ")


@pytest.mark.skipif(not Path("/proc/self/syscall").exists(), reason="Linux's /proc tells it")
@pytest.mark.parametrize("number", SIGNALS)
def test_an_interrupt_while_the_command_says_its_error_is_ignored(tmp_path: Path,
                                                                 number: int) -> None:
    # A Ctrl+C held down goes on after the command has ended: once its error is being said
    # (here a run the store does not hold, said into a full pipe, where it waits), another
    # interrupt must neither raise in its place (a traceback) nor lose its exit code.
    store = existing_store(tmp_path / "store.sqlite3")
    done = signalled_on_a_full_pipe(["revert", "9", "--store", store], number,
                                    writing_to_stderr, "the command never said its error",
                                    into="stderr")
    assert done.stderr == f"importer-gui: The store {store} holds no run 9.\n"
    assert done.returncode == 2


# ---------------------------------------------------------------- an interrupt at the start

def loading_the_command_line(pid: int) -> bool:
    """Whether the process has started loading the command line's modules (Linux): its
    store's SQLite module, among the first, is in its memory, and the command's own signal
    handler comes only after every module is loaded and the arguments read."""
    return "_sqlite3" in proc(pid, "maps")


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="Linux's /proc tells it")
@pytest.mark.parametrize("number", SIGNALS)
def test_an_interrupt_while_the_command_line_loads_says_interrupted(tmp_path: Path,
                                                                   number: int) -> None:
    # Sent as soon as the command line's modules load, and so well before the command's own
    # handler; the output goes into a full pipe, so that a signal sent later (a slow machine)
    # still finds the command running, waiting to print its output. (One sent even earlier,
    # while Python itself starts, is Python's own to say.)
    store = existing_store(tmp_path / "store.sqlite3")
    for _attempt in range(3):
        # Polled often: the moment is between the modules loading and the handler being set.
        done = signalled_on_a_full_pipe(["history", "--store", store], number,
                                        loading_the_command_line,
                                        "the command line never loaded", poll=0.0005)
        assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")



# An interrupt that comes while Python runs a callback of its own (an object's __del__, the
# import system's module locks' weak references) is dropped there by Python, which prints
# "Exception ignored" and goes on. Such an object, dropped at a chosen moment, sends one.
DROPS = """
import signal, sys
from importer_gui.core import interrupts

class Drops:
    def __del__(self):
        signal.raise_signal(signal.{name})

{before}
from importer_gui.__main__ import main
{during}
sys.exit(main(sys.argv[1:]))
"""
BEFORE = "interrupts.raise_from_now_on()\nDrops()  # while the command line loads"
DURING = """import importer_gui.cli as cli
command = cli.command

class Dropping:
    def __init__(self, found):
        self.found = found
    def __getattr__(self, name):
        return getattr(self.found, name)
    def run(self, args, out):
        Drops()  # during the command, before it prints
        return self.found.run(args, out)

def dropping(name):
    return Dropping(command(name))

cli.command = dropping"""


@pytest.mark.parametrize("number", SIGNALS)
@pytest.mark.parametrize("when", ["loading", "during"])
def test_an_interrupt_python_drops_in_a_callback_still_says_interrupted(
        tmp_path: Path, number: int, when: str) -> None:
    store = existing_store(tmp_path / "store.sqlite3")
    script = DROPS.format(name=signal.Signals(number).name,
                          before=BEFORE if when == "loading" else "",
                          during=DURING if when == "during" else "")
    done = subprocess.run([sys.executable, "-c", script, "history", "--store", str(store)],
                          cwd=ROOT, capture_output=True, text=True, timeout=HANG_GUARD)
    assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")
    # Dropped while the command line loads: no command runs. During a command that writes
    # nothing: it has gone on to its end (its output), then is said interrupted.
    assert done.stdout == ("" if when == "loading" else cli("history", "--store", str(store)).out)
