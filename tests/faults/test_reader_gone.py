"""A reader that stops reading (``| head``) cuts the output, not the command's word.

A script reads the exit code as each command's --help documents it: ``check --json | head``
of fine rows is still 0, ``history | head`` still 0 (history has no 1), and nothing is said
on stderr, since stopping to read is the reader's choice, not a failure.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.builders import by_hand, teachers_import, write_config
from tests.faults import HANG_GUARD, ROOT, Done
from tests.stores import existing_store

ROWS = 5000  # their JSON, a line each, is far more than a pipe holds


def first_line_only(*argv: str) -> tuple[str, Done]:
    """``python -m importer_gui ARGV | head -1``: the reader takes one line and goes."""
    child = subprocess.Popen([sys.executable, "-m", "importer_gui", *argv],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                             env=dict(os.environ))
    assert child.stdout is not None and child.stderr is not None
    line = child.stdout.readline().decode()
    child.stdout.close()
    err = child.stderr.read().decode()
    code = child.wait(timeout=HANG_GUARD)
    child.stderr.close()
    return line, Done(code, "", err)


def fine_teachers(folder: Path) -> Path:
    """A configuration whose every row is fine."""
    rows = [(f"t{n}", "Name", "First", f"t{n}@example.org") for n in range(ROWS)]
    return write_config(folder, teachers_import(folder, rows))


def test_a_check_whose_reader_stops_says_its_rows_are_fine(tmp_path: Path) -> None:
    store = existing_store(tmp_path / "s.db")
    line, done = first_line_only("check", str(fine_teachers(tmp_path)), "--json",
                                 "--store", store)
    assert line == "{\n"
    assert (done.code, done.err) == (0, "")


def test_a_commit_whose_reader_stops_says_every_row_was_committed(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    line, done = first_line_only("commit", str(fine_teachers(tmp_path)), "--json",
                                 "--store", str(store))
    assert line == "{\n"
    assert (done.code, done.err) == (0, "")
    assert by_hand_count(store) == ROWS


def by_hand_count(store: Path) -> int:
    """How many teachers the store holds, read as another program would."""
    conn = sqlite3.connect(store)
    try:
        return int(conn.execute("SELECT count(*) FROM teacher").fetchone()[0])
    finally:
        conn.close()


def test_a_history_whose_reader_stops_exits_as_shown(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    subprocess.run([sys.executable, "-m", "importer_gui", "commit",
                    str(fine_teachers(tmp_path)), "--store", str(store)],
                   capture_output=True, check=True, cwd=ROOT, timeout=HANG_GUARD)
    for _ in range(11):  # 2,048 runs: their lines are far more than a pipe holds
        by_hand(store, "INSERT INTO import_run (started, finished, kind, config_path, "
                       "config_xml, files, counts, user_name, machine) SELECT started, "
                       "finished, kind, config_path, config_xml, files, counts, user_name, "
                       "machine FROM import_run")
    for json in ([], ["--json"]):
        line, done = first_line_only("history", *json, "--store", str(store))
        assert line.startswith("Run 2048 " if not json else "{")
        assert (done.code, done.err) == (0, ""), json
