"""An output the system refuses (stdout on a full disk, or closed) is one line on stderr.

Not "unexpected error": the reason is the system's, and a commit whose run is in the store
says so (exit 3), rather than exit 2, which says that nothing was written.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import teachers_import, trainings_import, write_config
from tests.faults import HANG_GUARD, ROOT, Done, cli
from tests.stores import existing_store

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")

FULL = "importer-gui: The output could not be written (No space left on device)."


def to_full_disk(*argv: str) -> Done:
    """``python -m importer_gui ARGV > /dev/full``, as a user's shell runs it."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run([sys.executable, "-m", "importer_gui", *argv], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=HANG_GUARD,
                              check=False, cwd=ROOT, env=dict(os.environ))
    return Done(done.returncode, "", done.stderr)


def runs(store: Path) -> list[int]:
    """The ids of the store's runs."""
    conn = sqlite3.connect(store)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM import_run ORDER BY id")]
    finally:
        conn.close()


def config(folder: Path) -> Path:
    """A configuration of one teacher import with a row to create."""
    return write_config(folder, teachers_import(folder, [("t1", "Name", "First", "")]))


@pytest.mark.parametrize("json", [[], ["--json"]])
def test_a_check_printed_on_a_full_disk_says_so_in_one_line(tmp_path: Path,
                                                             json: list[str]) -> None:
    done = to_full_disk("check", str(config(tmp_path)), *json)  # the default store
    assert (done.code, done.err) == (2, FULL + "\n")


def test_a_commit_printed_on_a_full_disk_says_its_run_is_in_the_store(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    done = to_full_disk("commit", str(config(tmp_path)), "--store", str(store))
    assert runs(store) == [1]
    assert (done.code, done.err) == (3, "importer-gui: The output could not be written (No "
                                         "space left on device); the run was committed: "
                                         "importer-gui history shows it.\n")


def test_history_and_the_version_printed_on_a_full_disk_say_so(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    subprocess.run([sys.executable, "-m", "importer_gui", "commit", str(config(tmp_path)),
                    "--store", str(store)], capture_output=True, check=True, cwd=ROOT,
                   timeout=HANG_GUARD)
    for argv in (["history", "--store", str(store)], ["history", "--json", "--store",
                                                      str(store)], ["--version"]):
        done = to_full_disk(*argv)
        assert (done.code, done.err) == (2, FULL + "\n"), argv


def test_an_output_whose_encoding_lacks_a_letter_shows_it_escaped(tmp_path: Path) -> None:
    """A console or a redirected file in a legacy encoding (Windows' cp1252 lacks Ł, an
    ASCII one lacks all accents): a character it cannot hold is shown as its escape, as on
    stderr, and every line is printed."""
    folder = tmp_path / "Łódź"
    folder.mkdir()
    done = cli("check", str(write_config(folder, teachers_import(
        folder, [("t1", "Name", "First", "bad")], "enseignants é.csv"))),
               env={"PYTHONIOENCODING": "ascii"}, memory_limit=False)
    assert (done.code, done.err) == (1, "")
    assert done.out.splitlines()[0] == (
        f"Import 1: {tmp_path}/\\u0141\\xf3d\\u017a/enseignants \\xe9.csv "
        "(createOrUpdateTeacherAction)")
    assert done.out.splitlines()[-1].startswith("Total: ")


def to_closed_stdout(*argv: str) -> Done:
    """``python -m importer_gui ARGV >&-``: started with its standard output closed."""
    done = subprocess.run([sys.executable, "-m", "importer_gui", *argv], stdout=None,
                          stderr=subprocess.PIPE, text=True, timeout=HANG_GUARD, check=False,
                          cwd=ROOT, env=dict(os.environ), preexec_fn=lambda: os.close(1))
    return Done(done.returncode, "", done.stderr)


def test_init_whose_output_fails_says_its_configuration_was_written(tmp_path: Path) -> None:
    """A script reading exit 2 would think nothing was written, and find CONFIG.xml there."""
    data = tmp_path / "teachers.csv"
    data.write_text("teacherLogin,teacherName,teacherFirstname,teacherEmail\n"
                    "t1,Doe,John,j@example.org\n", encoding="utf-8")
    out = tmp_path / "config.xml"
    done = to_full_disk("init", str(data), "--out", str(out))
    assert (done.code, done.err) == (3, "importer-gui: The output could not be written (No "
                                        "space left on device); the configuration "
                                        f"{out} was written.\n")
    assert "createOrUpdateTeacherAction" in out.read_text(encoding="utf-8")
    done = to_closed_stdout("init", str(data), "--out", str(out))  # the same, written again
    assert (done.code, done.err) == (3, "importer-gui: The output could not be written (the "
                                        "standard output is closed); the configuration "
                                        f"{out} was written.\n")


def test_export_config_whose_output_fails_says_its_file_was_written(tmp_path: Path) -> None:
    out = tmp_path / "export-config.xml"
    done = to_full_disk("export-config", "--out", str(out))
    assert (done.code, done.err) == (3, "importer-gui: The output could not be written (No "
                                        "space left on device); the export configuration "
                                        f"{out} was written.\n")
    assert "<export-config" in out.read_text(encoding="utf-8")
    done = to_full_disk("export-config")  # printed: that is all it does, and it failed
    assert (done.code, done.err) == (2, FULL + "\n")


def test_a_package_whose_output_fails_says_it_was_written(tmp_path: Path) -> None:
    made = write_config(tmp_path, trainings_import(tmp_path, [("C1", "Course", "")]))
    out = tmp_path / "package"
    done = to_full_disk("package", str(made), "--out", str(out), "--store",
                        existing_store(tmp_path / "s.db"))
    assert (done.code, done.err) == (3, "importer-gui: The output could not be written (No "
                                        "space left on device); the package was written in "
                                        f"{out}.\n")
    assert sorted(p.name for p in out.iterdir()) == ["config.xml", "trainings.csv"]


def test_a_check_started_with_its_output_closed_says_so_in_one_line(tmp_path: Path) -> None:
    """A check keeps its plan for the end of the process, which then flushes what it holds:
    a stream that was never open is nothing to flush, not a traceback and exit 1."""
    done = to_closed_stdout("check", str(config(tmp_path)), "--store",
                            existing_store(tmp_path / "s.db"))
    assert (done.code, done.err) == (2, "importer-gui: The output could not be written (the "
                                        "standard output is closed).\n")
