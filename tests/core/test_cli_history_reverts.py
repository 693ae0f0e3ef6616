"""``history`` says a revert as the store browser's History does: its counts in its own words
("1 deleted, 1 restored"), and no configuration or files, as it read none. Its JSON keeps the
keys scripts read: the reverted run's configuration and files, the outcome names."""

from __future__ import annotations

import getpass
import json
import re
import socket
from pathlib import Path

import pytest

from tests.core.test_cli import run
from tests.core.test_cli_store_and_empty_runs import teachers

ADA = ("ada", "Lovelace", "Ada", "ada@example.org")
BOB = ("bob", "Martin", "Bob", "bob@example.org")
BOB_RENAMED = ("bob", "Martineau", "Bob", "bob@example.org")
CARL = ("carl", "Sagan", "Carl", "carl@example.org")


def two_imports_and_two_reverts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Run 1 creates Ada and Bob, run 2 renames Bob and creates Carl, run 3 reverts run 2
    (Carl deleted, Bob's name restored), run 4 reverts run 3 (Carl recreated, Bob renamed)."""
    store = tmp_path / "store.sqlite3"
    first, second = teachers(tmp_path / "one", ADA, BOB), teachers(tmp_path / "two", BOB_RENAMED,
                                                                    CARL)
    assert run(capsys, "commit", str(first), "--store", str(store))[0] == 0
    assert run(capsys, "commit", str(second), "--store", str(store))[0] == 0
    assert run(capsys, "revert", "2", "--store", str(store))[0] == 0
    assert run(capsys, "revert", "3", "--store", str(store))[0] == 0
    return store


def undated(text: str) -> str:
    """The history's text with each run's start (the clock's) as <started>."""
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", "<started>", text)


def test_the_history_says_a_revert_in_its_own_words_and_no_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = two_imports_and_two_reverts(tmp_path, capsys)
    by = f"  by: {getpass.getuser()} on {socket.gethostname()}\n"
    one, two = tmp_path / "one", tmp_path / "two"
    code, out, _ = run(capsys, "history", "--store", str(store))
    assert (code, undated(out)) == (0, (
        "Run 4  <started>  revert (reverts run 3)\n"
        "  1 restored, 1 recreated\n" + by +
        "Run 3  <started>  revert (reverts run 2) (reverted by run 4)\n"
        "  1 deleted, 1 restored\n" + by +
        f"Run 2  <started>  import  {two / 'config.xml'}\n"
        "  create 1, update 1, unchanged 0, delete 0, error 0\n" + by +
        f"  files: {two / 'teachers.csv'}\n"
        f"Run 1  <started>  import  {one / 'config.xml'}\n"
        "  create 2, update 0, unchanged 0, delete 0, error 0\n" + by +
        f"  files: {one / 'teachers.csv'}\n"))
    code, out, _ = run(capsys, "history", "3", "--store", str(store))
    assert (code, undated(out)) == (0, (
        "Run 3  <started>  revert (reverts run 2) (reverted by run 4)\n"
        "  1 deleted, 1 restored\n" + by + "  corrections: none\n"))


def test_the_history_json_keeps_a_reverts_keys(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = two_imports_and_two_reverts(tmp_path, capsys)
    code, out, _ = run(capsys, "history", "3", "--store", str(store), "--json")
    document = json.loads(out)
    assert code == 0 and document.pop("started")[:2] == "20"
    assert document == {
        "id": 3, "kind": "revert", "config": str(tmp_path / "two" / "config.xml"),
        "files": [str(tmp_path / "two" / "teachers.csv")],
        "counts": {"create": 0, "update": 1, "unchanged": 0, "delete": 1, "error": 0},
        "reverts": 2, "reverted_by": 4, "partly_reverted_by": [],
        "user": getpass.getuser(), "machine": socket.gethostname(), "corrections": []}


def test_the_revert_says_its_counts_as_the_history_then_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The dry run, the revert and the history say the same counts in the same words; the
    revert's JSON keeps the outcome names."""
    store = tmp_path / "store.sqlite3"
    first, second = teachers(tmp_path / "one", ADA, BOB), teachers(tmp_path / "two", BOB_RENAMED,
                                                                    CARL)
    assert run(capsys, "commit", str(first), "--store", str(store))[0] == 0
    assert run(capsys, "commit", str(second), "--store", str(store))[0] == 0
    assert run(capsys, "revert", "2", "--store", str(store), "--dry-run")[:2] == (
        0, "Run 2 would be reverted: 1 deleted, 1 restored.\nDry run: nothing was written.\n")
    code, out, _ = run(capsys, "revert", "2", "--store", str(store), "--dry-run", "--json")
    assert (code, json.loads(out)["counts"]) == (0, {"create": 0, "update": 1, "unchanged": 0,
                                                     "delete": 1, "error": 0})
    assert run(capsys, "revert", "2", "--store", str(store))[:2] == (
        0, "Run 3 reverted run 2: 1 deleted, 1 restored.\n")
    code, out, _ = run(capsys, "history", "3", "--store", str(store))
    assert (code, out.splitlines()[1]) == (0, "  1 deleted, 1 restored")
