"""A commit the system will not let the store grow for (``ulimit -f``, QA D10) says so in
the user's words, not "disk I/O error", and leaves the store as it was.

The real command line in a child process under a real file-size limit, on a real store.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from importer_gui.core.store import Store
from importer_gui.core.store.dialect import SQLITE, file_size_limited
from tests.builders import teachers_import, write_config
from tests.postgres import record_tables

ROOT = Path(__file__).resolve().parents[2]
LIMIT_KB = 1024  # ulimit -f counts 1024-byte blocks in bash

pytestmark = pytest.mark.skipif(os.name != "posix", reason="ulimit -f is a POSIX shell's")


def teachers(folder: Path, count: int, first: int = 0) -> Path:
    """A teacher configuration of ``count`` rows (long names: a store that grows fast)."""
    folder.mkdir(parents=True)
    rows = [(f"t{n}", "N" * 60, "F" * 60, f"t{n}@example.org") for n in range(first,
                                                                          first + count)]
    return write_config(folder, teachers_import(folder, rows))


def importer(*argv: str, limit_kb: int | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m importer_gui ARGV`` from a shell, under ``ulimit -f`` when given; SIGXFSZ
    ignored so that the message, not the signal, is what is seen."""
    command = f"exec {sys.executable} -m importer_gui \"$@\""
    if limit_kb is not None:
        command = f"ulimit -f {limit_kb}; {command}"
    return subprocess.run(["bash", "-c", command, "importer", *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, check=False,
                          preexec_fn=lambda: signal.signal(signal.SIGXFSZ, signal.SIG_IGN))


def history(store: Path) -> list[dict]:
    """The store's runs as ``history --json`` gives them."""
    done = importer("history", "--store", str(store), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["runs"]


def test_a_commit_past_the_file_size_limit_says_so_and_writes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    first = importer("commit", str(teachers(tmp_path / "small", 5)), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert store.stat().st_size < LIMIT_KB * 1024  # room left: the next commit outgrows it
    runs, records, size = history(store), record_tables(store), store.stat().st_size

    done = importer("commit", str(teachers(tmp_path / "big", 4000, first=100)),
                    "--store", str(store), limit_kb=LIMIT_KB)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"importer-gui: The disk is full, or the store would grow larger than this system "
        f"allows a file to be: nothing was written to {store}.\n")
    assert history(store) == runs
    assert record_tables(store) == records
    assert store.stat().st_size == size
    with Store.open(store) as opened:  # still sound: the next commit goes in
        assert len(opened.history()) == 1


@pytest.mark.skipif(file_size_limited(), reason="this process has a file-size limit")
def test_a_write_error_without_a_size_limit_keeps_sqlites_words() -> None:
    import sqlite3

    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = sqlite3.SQLITE_IOERR_WRITE  # type: ignore[attr-defined]
    assert SQLITE.fault(error).failure.name == "OTHER"  # a failing disk, not a full one
