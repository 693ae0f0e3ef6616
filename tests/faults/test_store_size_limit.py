"""Under a file-size limit smaller than WAL's 32 KB -shm file (``ulimit -f 1``, QA12 D11),
the commands that only read a store still read it, and one that writes says the limit, not
"disk I/O error".

The real command line in a child process under a real RLIMIT_FSIZE, on a real store.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults import HANG_GUARD, ROOT, Done, cli, one_line_failure

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX's")

LIMIT = 1024  # bytes: as `ulimit -f 1`


def _size_limited() -> None:
    """In the child: files may not grow past LIMIT; SIGXFSZ ignored, as Python does."""
    import resource

    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.RLIM_INFINITY))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def limited(*argv: str) -> Done:
    """``python -m importer_gui ARGV`` under the file-size limit."""
    done = subprocess.run([sys.executable, "-m", "importer_gui", *argv], capture_output=True,
                          text=True, timeout=HANG_GUARD, check=False, cwd=ROOT,
                          preexec_fn=_size_limited)
    return Done(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def config(sample: Path) -> str:
    """The sample's configuration, in a copy (its error log is written beside it)."""
    return str(sample / "sample-config.xml")


@pytest.fixture
def store(tmp_path: Path, config: str) -> Path:
    """A store holding the sample's run, closed cleanly (no -shm, no -wal left)."""
    folder = tmp_path / "stores"
    folder.mkdir()
    path = folder / "store.sqlite3"
    assert cli("commit", config, "--store", str(path)).code == 1  # the sample's errors
    assert sorted(p.name for p in folder.iterdir()) == ["store.sqlite3"]
    return path


def test_reading_commands_read_the_store_under_the_limit(store: Path, config: str) -> None:
    size = store.stat().st_size
    for argv in (["history"], ["history", "1", "--json"], ["check", config],
                 ["revert", "1", "--dry-run"]):
        unlimited = cli(*argv, "--store", str(store))
        done = limited(*argv, "--store", str(store))
        assert (done.code, done.out, done.err) == (unlimited.code, unlimited.out,
                                                    unlimited.err), argv
    assert "Run 1" in limited("history", "--store", str(store)).out
    assert store.stat().st_size == size
    with sqlite3.connect(store) as conn:  # and the store is sound for the next program
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM import_run").fetchone() == (1,)


def test_a_write_under_the_limit_says_so_and_leaves_the_store(store: Path,
                                                              config: str) -> None:
    size = store.stat().st_size
    line = one_line_failure(limited("commit", config, "--store", str(store)))
    assert line == ("importer-gui: The disk is full, or the store would grow larger than this "
                    f"system allows a file to be: nothing was written to {store}.")
    assert store.stat().st_size == size
    assert "Run 2" not in cli("history", "--store", str(store)).out


def test_a_package_under_the_limit_reads_the_store_and_says_what_failed(
        store: Path, config: str, tmp_path: Path) -> None:
    line = one_line_failure(limited("package", config, "--store", str(store),
                                    "--out", str(tmp_path / "pk")))
    assert "disk I/O error" not in line and "could not be opened" not in line
    assert "sample-config.xml: the package could not be written: File too large" in line
