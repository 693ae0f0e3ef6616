"""A package killed while writing (SIGKILL: nothing of it runs again) leaves its files under
their hidden names; the next package into that folder removes them, and only them."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.core.test_package_failures import PACKAGE, ROOT, everything, source
from tests.stores import existing_store

__all__ = ["source"]  # the fixture, used by name

# Killed once every file is written under its hidden name, before any is renamed over its
# name: the kill itself is the system's, as a user's `kill -9` or a power cut would be.
KILLED_WHILE_WRITING = """
import os, signal, sys
from importer_gui.cli import main
from importer_gui.core import package
package._put_in_place = lambda staged: os.kill(os.getpid(), signal.SIGKILL)
sys.exit(main(sys.argv[1:]))
"""
LEFTOVER = re.compile(r"\.(few\.csv|many\.csv|two\.xml)\.[0-9a-f]{12}\.part")
# Hidden files of the user's, some named nearly as a package's: none is the package's own.
USERS = {".notes": b"mine", ".few.csv.part": b"mine too",
         ".few.csv.0123456789AB.part": b"capitals", ".two.xml.0123456789ab.old": b"set aside",
         ".few.csv.0123456789ab.part.bak": b"a copy",
         ".notes.txt.0123456789ab.part": b"a name this package does not write"}


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is a POSIX signal")
def test_the_next_package_removes_what_a_killed_one_left_and_nothing_else(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(tmp_path / "s.sqlite3")
    out = tmp_path / "pk"
    argv = ["package", str(source), "--out", str(out), "--store", store]
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, *argv], cwd=ROOT,
                            capture_output=True, timeout=120, check=False)
    assert killed.returncode == -signal.SIGKILL
    left = sorted(everything(out))
    assert len(left) == 3 and all(LEFTOVER.fullmatch(name) for name in left), left
    for name, data in USERS.items():
        (out / name).write_bytes(data)
    (out / ".two.xml.0123456789ab.part").mkdir()  # a folder so named is not a file written

    assert main(argv) == 0
    said = capsys.readouterr().out
    assert ".part" not in said
    assert main([*argv[:3], str(tmp_path / "fresh"), *argv[4:]]) == 0  # the same, elsewhere
    assert said == capsys.readouterr().out.replace(str(tmp_path / "fresh"), str(out))
    found = everything_but_folders(out)
    assert sorted(found) == sorted([*PACKAGE, *USERS])
    assert {name: found[name] for name in USERS} == USERS
    assert (out / ".two.xml.0123456789ab.part").is_dir()


def test_a_refused_package_leaves_the_leftovers_the_next_one_removes_them(
        source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(tmp_path / "s.sqlite3")
    out = tmp_path / "pk"
    out.mkdir()
    leftover = out / ".many.csv.0123456789ab.part"
    leftover.write_bytes(b"half a file")
    (out / "mine.txt").write_text("not a package's")  # refused: nothing there is touched
    argv = ["package", str(source), "--out", str(out), "--store", store]
    assert main(argv) == 2
    capsys.readouterr()
    assert leftover.read_bytes() == b"half a file"
    (out / "mine.txt").unlink()
    assert main(argv) == 0
    assert sorted(everything(out)) == PACKAGE


def everything_but_folders(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder``, hidden ones too, with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.is_dir()}
