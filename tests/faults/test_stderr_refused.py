"""A stderr the system refuses (``2>>errors.log`` on a full disk, ``2>&-``) leaves the exit
code as each command's --help documents it: its one line cannot be said, but a script
still reads 2 for nothing done, never 1 (which says that rows were committed).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import teachers_import, write_config
from tests.faults import HANG_GUARD, ROOT

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def code_with_stderr_refused(*argv: str, closed: bool) -> int:
    """``python -m importer_gui ARGV 2>/dev/full`` (or ``2>&-``); its exit code."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run([sys.executable, "-m", "importer_gui", *argv],
                              stdout=subprocess.DEVNULL, stderr=full, timeout=HANG_GUARD,
                              check=False, cwd=ROOT, env=dict(os.environ),
                              preexec_fn=(lambda: os.close(2)) if closed else None)
    return done.returncode


@pytest.mark.parametrize("closed", [False, True], ids=["full disk", "closed"])
def test_a_command_that_could_do_nothing_exits_2_unsaid(tmp_path: Path, closed: bool) -> None:
    assert code_with_stderr_refused("check", str(tmp_path / "missing.xml"), closed=closed) == 2
    assert code_with_stderr_refused("history", "--store", str(tmp_path / "none.db"),
                                    closed=closed) == 2
    assert code_with_stderr_refused("nonsense", closed=closed) == 2


@pytest.mark.parametrize("closed", [False, True], ids=["full disk", "closed"])
def test_a_revert_that_can_revert_nothing_exits_2_unsaid(tmp_path: Path, closed: bool) -> None:
    store = tmp_path / "s.db"
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "Name", "First", "")]))
    subprocess.run([sys.executable, "-m", "importer_gui", "commit", str(config), "--store",
                    str(store)], capture_output=True, check=True, cwd=ROOT,
                   timeout=HANG_GUARD)
    subprocess.run([sys.executable, "-m", "importer_gui", "revert", "1", "--store",
                    str(store)], capture_output=True, check=True, cwd=ROOT,
                   timeout=HANG_GUARD)
    assert code_with_stderr_refused("revert", "1", "--store", str(store), closed=closed) == 2
    conn = sqlite3.connect(store)
    try:
        assert conn.execute("SELECT count(*) FROM import_run").fetchone()[0] == 2
    finally:
        conn.close()
