"""A revert's history line says how many records it skipped as conflicts, as the revert
dialog does, not "error" (QA D10): in the command line's history and the store browser's.
The JSON keeps its key ("error"), as scripts read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core.store import Store
from importer_gui.ui.store_browser import StoreBrowser
from tests.core.test_cli_store_and_empty_runs import teachers

COUNTS = 3  # the history's column of counts


def two_runs_and_a_revert_that_skips(tmp_path: Path) -> Path:
    """Run 1 creates two teachers, run 2 renames one, run 3 reverts run 1 (skipping it)."""
    store = tmp_path / "store.sqlite3"
    ada, bob = ("ada", "Lovelace", "Ada", "a@example.org"), ("bob", "Martin", "Bob", "")
    assert main(["commit", str(teachers(tmp_path / "one", ada, bob)), "--store", str(store)]) == 0
    renamed = ("bob", "Martineau", "Bob", "")
    assert main(["commit", str(teachers(tmp_path / "two", renamed)), "--store", str(store)]) == 0
    assert main(["revert", "1", "--store", str(store)]) == 1  # Bob, renamed since, skipped
    return store


def test_the_history_says_a_revert_skipped_what_it_skipped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = two_runs_and_a_revert_that_skips(tmp_path)
    capsys.readouterr()
    assert main(["history", "--store", str(store)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == "  1 deleted, 1 skipped"  # run 3, in the words of the History
    assert "  create 2, update 0, unchanged 0, delete 0, error 0" in lines  # run 1
    assert main(["history", "3", "--store", str(store)]) == 0
    assert "  1 deleted, 1 skipped\n" in capsys.readouterr().out
    assert main(["history", "--store", str(store), "--json"]) == 0
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert run["kind"] == "revert"
    assert run["counts"] == {"create": 0, "update": 0, "unchanged": 0, "delete": 1, "error": 1}


def test_the_store_browser_says_a_revert_skipped_what_it_skipped(
        tmp_path: Path, qtbot: QtBot) -> None:
    store = two_runs_and_a_revert_that_skips(tmp_path)
    with Store.open(store) as opened:
        browser = StoreBrowser(opened)
        qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
        qtbot.addWidget(browser)
        browser.show_history()
        model = browser.history_model
        assert model.headerData(COUNTS, Qt.Orientation.Horizontal,
                                Qt.ItemDataRole.DisplayRole) == "Outcomes"
        counts = [model.data(model.index(row, COUNTS), Qt.ItemDataRole.DisplayRole)
                  for row in range(model.rowCount())]
        assert counts == ["1 deleted, 1 skipped", "1 updated", "2 created"]
