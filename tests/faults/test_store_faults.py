"""Faults around the store, through the real command line: kills, locks and a full disk."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from importer_gui import cli as cli_module
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config
from tests.disks import fill_up
from tests.faults import HANG_GUARD, ROOT, cli, one_line_failure

Dump = dict[str, list[tuple[object, ...]]]
VOLATILE = {"started", "finished"}  # a run's clock times differ between two runs


def dump(path: Path) -> Dump:
    """Every table's rows in order (run times left out), after an integrity check."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        result: Dump = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")
                       if r[1] not in VOLATILE]
            listed = ", ".join(f'"{c}"' for c in columns)
            result[table] = conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY rowid'
                                         ).fetchall()
        return result
    finally:
        conn.close()


def teachers(folder: Path, count: int, first: int = 0) -> Path:
    """A configuration of ``count`` new teachers (and one row with an error)."""
    rows = [(f"t{i}", f"Name {i}", "F", f"t{i}@example.org") for i in range(first, first + count)]
    return write_config(folder, teachers_import(folder, [*rows, ("", "No login", "", "")]))


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A store that already holds one committed run of three teachers."""
    store = tmp_path / "base.sqlite3"
    small = tmp_path / "small"
    small.mkdir()
    done = cli("commit", str(teachers(small, 3)), "--store", str(store))
    assert done.code == 1, done.err  # the row without a login is skipped
    return store


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a closed store (its write-ahead log is folded in when it closes)."""
    assert not Path(f"{source}-wal").exists() or Path(f"{source}-wal").stat().st_size == 0
    shutil.copyfile(source, target)
    return target


def wait_for_size(grown: Path, size: int, child: subprocess.Popen[bytes]) -> None:
    """Until the file ``grown`` holds ``size`` bytes, or the child has ended."""
    deadline = time.monotonic() + HANG_GUARD
    while child.poll() is None and time.monotonic() < deadline:
        if grown.exists() and grown.stat().st_size >= size:
            return
        time.sleep(0.002)


def killed_commits(base: Path, tmp_path: Path, grown: str) -> set[str]:
    """Commit 40,000 teachers into copies of ``base``, each killed at another point: a
    fraction of a whole run, or the moment the file ``grown`` names (``{store}``: the copy's
    path) has grown to a given size (surely mid-commit, whatever the machine's speed).
    Each killed copy holds what ``base`` held or all of the commit; which states were seen."""
    config = teachers(tmp_path, 40_000, first=100)
    before = dump(base)
    reference = copy_store(base, tmp_path / "reference.sqlite3")
    started = time.monotonic()
    done = cli("commit", str(config), "--store", str(reference), memory_limit=False)
    duration = time.monotonic() - started  # only to spread the kills, never asserted
    assert done.code == 1, done.err
    after = dump(reference)
    assert len(after["teacher"]) == len(before["teacher"]) + 40_000
    runs = len(before["import_run"])
    seen = set()
    for point in (0.3, 0.6, 0.9, 1 << 16, 1 << 20, 4 << 20):
        store = copy_store(base, tmp_path / f"killed-{point}.sqlite3")
        child = subprocess.Popen([sys.executable, "-m", "importer_gui", "commit", str(config),
                                  "--store", str(store)], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if isinstance(point, float):
            time.sleep(duration * point)
        else:
            wait_for_size(Path(grown.format(store=store)), point, child)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=HANG_GUARD)
        found = dump(store)
        assert found in (before, after), f"a partial commit (killed at {point})"
        seen.add("before" if found == before else "after")
        with Store.open(store) as opened:  # and the program opens it as usual
            assert len(opened.history()) in (runs, runs + 1)
    return seen


def terminated(config: Path, store: Path, grown: Path) -> subprocess.CompletedProcess[str]:
    """A commit sent SIGTERM once ``grown`` holds 64 KB (surely mid-write)."""
    child = subprocess.Popen([sys.executable, "-m", "importer_gui", "commit", str(config),
                              "--store", str(store)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    wait_for_size(grown, 1 << 16, child)
    child.send_signal(signal.SIGTERM)
    out, err = child.communicate(timeout=HANG_GUARD)
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs SIGTERM")
def test_a_first_commit_terminated_takes_its_new_store_away(tmp_path: Path) -> None:
    # As Ctrl+C does: no new store's file and journal left behind by a service manager.
    store = tmp_path / "new" / "store.sqlite3"
    done = terminated(teachers(tmp_path, 40_000, first=100), store, store)
    assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")
    assert not (tmp_path / "new").exists()


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="needs SIGTERM")
def test_a_commit_terminated_leaves_the_store_as_it_was(tmp_path: Path, base: Path) -> None:
    before = dump(base)
    store = copy_store(base, tmp_path / "copy.sqlite3")
    done = terminated(teachers(tmp_path, 40_000, first=100), store,
                      Path(f"{store}-wal"))
    assert (done.returncode, done.stderr) == (2, "importer-gui: interrupted.\n")
    assert dump(store) == before


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_commit_killed_at_any_point_leaves_before_or_after(tmp_path: Path, base: Path) -> None:
    # The write-ahead log grows while the commit runs.
    assert killed_commits(base, tmp_path, "{store}-wal")  # which ones depends on the machine


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_first_commit_killed_at_any_point_leaves_an_empty_store_or_all(
        tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    Store.open(empty).close()
    # A store's first write goes through a rollback journal: the store's own file grows.
    assert killed_commits(empty, tmp_path, "{store}")
    killed = tmp_path / "killed-0.3.sqlite3"
    assert cli("commit", str(teachers(tmp_path, 2, first=900_000)), "--store",
               str(killed)).code == 1  # written as usual afterwards
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_two_instances_check_at_once_while_a_third_writes(tmp_path: Path, base: Path) -> None:
    config = teachers(tmp_path, 2000, first=100)
    writer = sqlite3.connect(base, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another instance in the middle of its commit
    writer.execute("INSERT INTO teacher (login) VALUES ('being-written')")
    try:
        children = [subprocess.Popen([sys.executable, "-m", "importer_gui", "check", str(config),
                                      "--store", str(base), "--json"], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for _ in range(2)]
        results = [child.communicate(timeout=HANG_GUARD) for child in children]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    for child, (out, err) in zip(children, results, strict=True):
        assert child.returncode == 1, err
        assert '"create": 2000' in out
        assert '"error": 1' in out


def test_a_commit_waits_for_another_instance_to_finish(tmp_path: Path, base: Path) -> None:
    config = teachers(tmp_path, 10, first=100)
    before = dump(base)
    writer = sqlite3.connect(base, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(1.0, lambda: (writer.execute("ROLLBACK"), writer.close()))
    release.start()
    try:
        done = cli("commit", str(config), "--store", str(base))
    finally:
        release.join()
    assert done.code == 1, done.err
    assert "Committed as run 2." in done.out
    assert len(dump(base)["teacher"]) == len(before["teacher"]) + 10


def test_a_store_locked_past_the_wait_is_one_clear_line(
        tmp_path: Path, base: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, 10, first=100)
    before = dump(base)
    opened = Store.open.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(Store, "open", classmethod(
        lambda cls, path, **kw: opened(cls, path, busy_timeout=0.2)))  # not 10 s in a test
    writer = sqlite3.connect(base, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    try:
        code = cli_module.main(["commit", str(config), "--store", str(base)])
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    _out, err = capsys.readouterr()
    assert code == 2
    assert err == ("importer-gui: Waiting for another program to finish writing to the "
                   "store…\n"  # said as the wait began
                   f"importer-gui: The store {base} is locked by another program; try again "
                   "when it has finished.\n")
    assert dump(base) == before


def test_a_full_disk_is_one_clear_line_and_the_store_as_it_was(
        tmp_path: Path, tiny_disk: Path) -> None:
    store = tiny_disk / "store.sqlite3"
    small = tmp_path / "small"
    small.mkdir()
    assert cli("commit", str(teachers(small, 3)), "--store", str(store)).code == 1
    before = dump(store)
    line = one_line_failure(cli("commit", str(teachers(tmp_path, 20_000, first=100)),
                                "--store", str(store)))
    assert line == ("importer-gui: The disk is full, or the store would grow larger than this "
                    f"system allows a file to be: nothing was written to {store}.")
    assert dump(store) == before
    done = cli("commit", str(teachers(small, 5, first=50)), "--store", str(store))
    assert "Committed as run 2." in done.out, done.err  # still usable once there is room


def test_a_store_opened_on_a_full_disk_says_the_disk_is_full(
        tmp_path: Path, tiny_disk: Path) -> None:
    store = tiny_disk / "store.sqlite3"
    assert cli("commit", str(teachers(tmp_path, 3)), "--store", str(store)).code == 1
    before = dump(store)  # closed cleanly: no -shm file left beside it
    more = tmp_path / "more"
    more.mkdir()
    fill_up(tiny_disk)
    for command in (["history"], ["check", str(teachers(more, 5))]):
        line = one_line_failure(cli(*command, "--store", str(store)))
        assert line == (f"importer-gui: The disk holding {tiny_disk} is full, or the store "
                        "would grow larger than this system allows a file to be: the store "
                        f"{store} could not be opened, and nothing was written to it."), command
    (tiny_disk / "filler").unlink()
    assert dump(store) == before
    assert cli("history", "--store", str(store)).out.startswith("Run 1  ")
