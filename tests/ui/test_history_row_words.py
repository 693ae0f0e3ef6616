"""The store browser's history as a walk through it found it: the keyboard on the runs selects
the run it outlines, Revert… greyed says why, a revert's row says what it did in its own words
(and reads no configuration or files), every count comes first and agrees with its word, and
a revert carried out leaves the keyboard on Close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core.schema import Table
from importer_gui.core.store import Store
from importer_gui.ui.models.store_model import HistoryModel
from importer_gui.ui.store_browser import StoreBrowser
from tests.core.test_cli_store_and_empty_runs import teachers

COUNTS, CONFIG, FILES = 3, 6, 7  # the history's columns
NO_RUN_TIP = "No run is selected: select the run to revert."


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three imports and a revert: run 3 renames Ada and creates Cy and Dee; run 4 reverts it
    (2 deleted, 1 restored, 0 recreated)."""
    store = tmp_path / "store.sqlite3"
    ada, bob = ("ada", "Lovelace", "Ada", ""), ("bob", "Martin", "Bob", "")
    for folder, rows in (("one", (ada, bob)), ("two", (("eve", "Evans", "Eve", ""),)),
                         ("three", (("ada", "Byron", "Ada", ""), bob, ("cy", "Young", "Cy", ""),
                                    ("dee", "Dean", "Dee", "")))):
        assert main(["commit", str(teachers(tmp_path / folder, *rows)),
                     "--store", str(store)]) == 0
    assert main(["revert", "3", "--store", str(store)]) == 0
    assert capsys.readouterr().out.endswith("Committed as run 3.\n"
                                            "Run 4 reverted run 3: 2 deleted, 1 restored.\n")
    return store


@pytest.fixture
def browser(store: Path, qtbot: QtBot) -> Iterator[StoreBrowser]:
    """The browser on the teachers' table, shown, the keyboard in its search box."""
    with Store.open(store) as opened:
        shown = StoreBrowser(opened)
        qtbot.addWidget(shown)
        shown.show_table(Table.TEACHER)
        shown.show()
        shown.activateWindow()
        qtbot.waitUntil(lambda: not shown.busy)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        yield shown


def cells(model: HistoryModel, row: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
          ) -> list[str]:
    """A run's Outcomes, Configuration and Files cells."""
    return [model.data(model.index(row, column), role) for column in (COUNTS, CONFIG, FILES)]


def test_alt_h_selects_the_run_outlined_and_a_greyed_revert_says_why(
        browser: StoreBrowser, qtbot: QtBot, screenshots: Path) -> None:
    assert not browser.revert_button.isEnabled()
    assert browser.revert_button.toolTip() == NO_RUN_TIP
    QTest.keyClick(browser, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    view = browser.history_view
    assert QApplication.focusWidget() is view
    assert browser.selected_run().id == 4  # the newest, the one Qt outlines
    assert view.currentIndex().row() == 0
    assert browser.revert_button.isEnabled()
    assert browser.revert_button.toolTip() == "Preview undoing the selected run, then undo it"
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert browser.selected_run().id == 3
    assert not browser.revert_button.isEnabled()
    assert browser.revert_button.toolTip() == (
        "Run 3 was reverted by run 4; revert run 4 to redo it.")
    QTest.keyClick(view, Qt.Key.Key_End)
    assert browser.selected_run().id == 1
    QTest.keyClick(view, Qt.Key.Key_Home)  # the newest run, not the row's first cell
    assert browser.selected_run().id == 4
    browser.grab().save(str(screenshots / "history_row_selected.png"))


def test_the_run_outlined_is_the_one_selected_not_the_first(browser: StoreBrowser) -> None:
    view = browser.history_view
    browser.show_history()
    view.selectRow(1)  # run 3
    view.clearSelection()  # outlined, no longer selected
    assert browser.revert_button.toolTip() == NO_RUN_TIP
    browser.record_tabs[Table.TEACHER].search.setFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert browser.selected_run().id == 3


def test_a_revert_says_what_it_did_in_its_own_words_and_read_no_files(
        browser: StoreBrowser, screenshots: Path) -> None:
    model = browser.history_model
    assert cells(model, 0) == ["2 deleted, 1 restored", "", ""]  # run 4, the revert
    assert cells(model, 0, Qt.ItemDataRole.ToolTipRole)[1:] == ["", ""]
    assert cells(model, 1) == ["2 created, 1 updated, 1 unchanged", "config.xml",
                               "teachers.csv"]  # run 3, which read them
    browser.show_history()
    browser.history_view.selectRow(0)
    assert browser.run_files_label.isHidden() and browser.run_files_view.isHidden()
    browser.history_view.selectRow(1)
    assert browser.run_files_label.text() == "Run 3: 1 file read:"
    browser.grab().save(str(screenshots / "history_revert_row.png"))


def test_a_revert_in_french_says_its_counts_as_its_dialog_does(
        french: None, store: Path, qtbot: QtBot) -> None:
    with Store.open(store) as opened:
        browser = StoreBrowser(opened)
        qtbot.addWidget(browser)
        qtbot.waitUntil(lambda: not browser.busy)
        model = browser.history_model
        assert cells(model, 0) == ["2 supprimés, 1 rétabli", "", ""]
        assert cells(model, 1)[0] == "2 créés, 1 mis à jour, 1 inchangé"


def run_counted(**counts: int) -> SimpleNamespace:
    """An import run with these counts."""
    return SimpleNamespace(id=1, started=None, kind="import", config="", files=[],
                           counts=counts, reverts_run=None, reverted_by=None,
                           partly_reverted_by=(), user_name=None, machine=None)


def skipping_revert() -> SimpleNamespace:
    """A revert that deleted one record and skipped three."""
    return SimpleNamespace(id=2, started=None, kind="revert", config="/c.xml",
                           files=["/a.csv"], counts={"create": 0, "update": 0, "unchanged": 0,
                                                     "delete": 1, "error": 3},
                           reverts_run=1, reverted_by=None, partly_reverted_by=(),
                           user_name=None, machine=None)


@pytest.mark.parametrize(("speaking", "said"), [
    ("english", ["1 created, 188 unchanged, 2 deleted, 2 errors", "1 deleted, 3 skipped"]),
    ("french", ["1 créé, 188 inchangés, 2 supprimés, 2 erreurs", "1 supprimé, 3 ignorés"]),
])
def test_each_count_comes_first_and_agrees_with_its_word(
        speaking: str, said: list[str], request: pytest.FixtureRequest) -> None:
    request.getfixturevalue(speaking)
    model = HistoryModel([skipping_revert(),
                          run_counted(create=1, update=0, unchanged=188, delete=2, error=2)])
    assert [model.data(model.index(row, COUNTS)) for row in (1, 0)] == said


def test_a_revert_carried_out_leaves_the_keyboard_on_close(
        browser: StoreBrowser, qtbot: QtBot, screenshots: Path) -> None:
    dialog = browser.open_revert(2)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.revert_button.isEnabled())
    dialog.revert_button.setFocus()
    with qtbot.waitSignal(browser.store_changed):
        QTest.keyClick(dialog.revert_button, Qt.Key.Key_Space)
    assert dialog.status.text() == "Run 5 reverted run 2: 1 deleted, 0 restored, 0 recreated."
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert QApplication.focusWidget() is close
    dialog.grab().save(str(screenshots / "revert_done_close_focused.png"))
    dialog.close()
