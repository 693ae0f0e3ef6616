"""The store browser's history says what a revert left, and why a run cannot be reverted."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from importer_gui.cli import main
from importer_gui.core.store import Store
from importer_gui.core.store.writer import GONE_REVERTING
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.store_browser import StoreBrowser
from tests.core.test_cli_store_and_empty_runs import teachers

KIND, REVERTS = 2, 4  # the history's columns of the run's kind and of reverts
NBSP = "\u00a0"


def revert_column(browser: StoreBrowser) -> list[str]:
    """The history's reverts column, newest run first."""
    model = browser.history_model
    return [model.data(model.index(row, REVERTS), Qt.ItemDataRole.DisplayRole)
            for row in range(model.rowCount())]


def select(browser: StoreBrowser, row: int) -> None:
    """Select one run of the history, as a click does."""
    view = browser.history_view
    view.selectionModel().select(
        browser.history_model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)


def test_a_partly_reverted_run_says_so_and_a_reverted_one_why_it_cannot_be_again(
        tmp_path: Path, qtbot: object, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    ada, bob = ("ada", "Lovelace", "Ada", "a@example.org"), ("bob", "Martin", "Bob", "")
    assert main(["commit", str(teachers(tmp_path / "one", ada, bob)), "--store", str(store)]) == 0
    renamed = ("bob", "Martineau", "Bob", "")
    assert main(["commit", str(teachers(tmp_path / "two", renamed)), "--store", str(store)]) == 0
    assert main(["revert", "1", "--store", str(store)]) == 1  # run 3: Bob, renamed, skipped
    assert main(["revert", "2", "--store", str(store)]) == 0  # run 4
    capsys.readouterr()
    with Store.open(store) as opened:
        browser = StoreBrowser(opened)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(browser)  # type: ignore[attr-defined]
        browser.show_history()
        assert revert_column(browser) == [
            "reverts run 2", "reverts run 1",
            "reverted by run 4", "partly reverted by run 3, the rest can be reverted"]
        select(browser, 2)  # run 2, reverted by run 4
        assert not browser.revert_button.isEnabled()
        assert browser.revert_button.toolTip() == (
            "Run 2 was reverted by run 4; revert run 4 to redo it.")
        select(browser, 3)  # run 1: the rest can be reverted
        assert browser.revert_button.isEnabled()
        assert browser.revert_button.toolTip() == (
            "Preview undoing the selected run, then undo it")


def test_a_run_partly_reverted_twice_names_both_reverts_as_history_does(
        tmp_path: Path, qtbot: object, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    ada, bob, cy = (("ada", "Lovelace", "Ada", ""), ("bob", "Martin", "Bob", ""),
                    ("cy", "Young", "Cy", ""))
    assert main(["commit", str(teachers(tmp_path / "one", ada, bob, cy)),
                 "--store", str(store)]) == 0
    for folder, renamed in (("two", ("bob", "Martineau", "Bob", "")),
                            ("three", ("cy", "Younger", "Cy", ""))):
        assert main(["commit", str(teachers(tmp_path / folder, renamed)),
                     "--store", str(store)]) == 0
    assert main(["revert", "1", "--store", str(store)]) == 1  # run 4: Bob and Cy skipped
    assert main(["revert", "2", "--store", str(store)]) == 0  # run 5: Bob back
    assert main(["revert", "1", "--store", str(store)]) == 1  # run 6: Cy skipped
    capsys.readouterr()
    with Store.open(store) as opened:
        browser = StoreBrowser(opened)
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(browser)  # type: ignore[attr-defined]
        assert revert_column(browser)[-1] == (
            "partly reverted by runs 4 and 6, the rest can be reverted")


def test_runs_partly_reverting_are_joined_in_french(french: None, qtbot: object) -> None:
    from importer_gui.ui.models.store_model import HistoryModel

    model = HistoryModel([SimpleNamespace(
        id=1, started=None, kind="import", config="", files=[], counts={}, reverts_run=None,
        reverted_by=None, partly_reverted_by=(4, 6, 9), user_name=None, machine=None)])
    assert model.data(model.index(0, REVERTS), Qt.ItemDataRole.DisplayRole) == (
        "défaite en partie par les exécutions 4, 6 et 9, le reste peut être défait")


def test_a_revert_run_is_said_with_the_verb_every_revert_uses_in_french(
        french: None, tmp_path: Path) -> None:
    from importer_gui.ui.models.store_model import HistoryModel

    model = HistoryModel([SimpleNamespace(
        id=2, started=None, kind="revert", config="", files=[], counts={}, reverts_run=1,
        reverted_by=None, partly_reverted_by=(), user_name=None, machine=None)])
    header = [model.headerData(column, Qt.Orientation.Horizontal) for column in (KIND, REVERTS)]
    assert header == ["Type", "Défaite par / défait"]
    assert [model.data(model.index(0, column)) for column in (KIND, REVERTS)] == [
        "défaire", "défait l'exécution 1"]
    gone = GONE_REVERTING.format(subject="training 1", path=tmp_path / "store.sqlite3")
    assert message_text(gone) == (
        f"Formation 1 n'est plus dans la base (elle a changé depuis l'aperçu de ce qui serait "
        f"défait{NBSP}; refaites-le, puis essayez à nouveau){NBSP}: rien n'a été écrit dans "
        f"{tmp_path / 'store.sqlite3'}.")


def test_a_revert_made_in_the_browser_is_read_in_full_in_the_history(
        tmp_path: Path, qtbot: object, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.sqlite3"
    ada = ("ada", "Lovelace", "Ada", "a@example.org")
    assert main(["commit", str(teachers(tmp_path / "one", ada)), "--store", str(store)]) == 0
    capsys.readouterr()
    with Store.open(store) as opened:
        browser = StoreBrowser(opened)
        qtbot.addWidget(browser)  # type: ignore[attr-defined]
        browser.show_history()
        browser.show()
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        select(browser, 0)
        dialog = browser.open_revert(1)
        qtbot.waitUntil(lambda: dialog.plan is not None)  # type: ignore[attr-defined]
        dialog.revert_button.click()
        qtbot.waitUntil(lambda: browser.history_model.rowCount() == 2)  # type: ignore
        qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
        assert revert_column(browser) == ["reverts run 1", "reverted by run 2"]
        view = browser.history_view
        # Each cell reads whole, not "revert…" for both: the column fits the texts now in it.
        assert view.columnWidth(REVERTS) >= view.sizeHintForColumn(REVERTS)
        dialog.close()
