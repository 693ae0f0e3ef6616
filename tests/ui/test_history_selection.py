"""The run selected in the store browser's history stays selected when the history is read
again: after F5, a run made elsewhere, or a revert made from the browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser


def teacher_run(store: Store, login: str) -> None:
    """One import run creating one teacher."""
    store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": login})],
                RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"], {"create": 1}))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Two import runs."""
    with Store.open(tmp_path / "store.sqlite3") as opened:
        teacher_run(opened, "ada")
        teacher_run(opened, "bob")
        yield opened


@pytest.fixture
def browser(store: Store, qtbot: object) -> StoreBrowser:
    """The browser on its history, run 1 selected."""
    shown = StoreBrowser(store)
    qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
    qtbot.addWidget(shown)  # type: ignore[attr-defined]
    shown.show()
    shown.show_history()
    shown.history_view.selectRow(1)
    assert shown.selected_run().id == 1
    return shown


def test_f5_keeps_the_selected_run_and_its_corrections_said(browser: StoreBrowser,
                                                            qtbot: object) -> None:
    QTest.keyClick(browser.history_view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.selected_run().id == 1
    assert browser.corrections_label.text() == "Run 1: no cell was corrected in the preview."
    assert browser.revert_button.isEnabled()


def test_a_run_made_elsewhere_comes_on_top_and_the_selected_run_stays(
        browser: StoreBrowser, store: Store, qtbot: object) -> None:
    teacher_run(store, "cy")
    browser.refresh()
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.history_model.rowCount() == 3
    assert browser.selected_run().id == 1
    assert browser.history_view.currentIndex().row() == 2


def test_the_run_reverted_from_the_browser_stays_selected_and_says_why_not_again(
        browser: StoreBrowser, qtbot: object) -> None:
    browser.revert_button.click()
    qtbot.waitUntil(lambda: browser.revert_dialog is not None)  # type: ignore[attr-defined]
    dialog = browser.revert_dialog
    qtbot.waitUntil(lambda: dialog.revert_button.isEnabled(), timeout=10000)  # type: ignore
    with qtbot.waitSignal(browser.store_changed, timeout=10000):  # type: ignore
        dialog.revert_button.click()
    dialog.close()
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.selected_run().id == 1
    assert not browser.revert_button.isEnabled()
    assert browser.revert_button.toolTip() == (
        "Run 1 was reverted by run 3; revert run 3 to redo it.")
