"""Ctrl+C, or Copy in a table's context menu (the Menu key opens it), copies the selected
records of the store browser as shown, a line each, for a spreadsheet or a message."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser

TEACHERS = [("ada", "Lovelace", "Ada"), ("bob", 'Martin "Bobby"', "Bob\tJr")]


@pytest.fixture
def browser(tmp_path: Path, qtbot: object) -> Iterator[StoreBrowser]:
    """The browser on two teachers, one with a quote and a tab in his names."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n - 1,
                            {"login": login, "name": name, "firstname": first})
                     for n, (login, name, first) in enumerate(TEACHERS)],
                    RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"],
                            {"create": 2}))
        shown = StoreBrowser(store)
        qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(shown)  # type: ignore[attr-defined]
        shown.show()
        shown.activateWindow()
        qtbot.waitActive(shown)  # type: ignore[attr-defined]
        shown.show_table(Table.TEACHER)
        yield shown


def test_ctrl_c_copies_the_selected_records_whole(browser: StoreBrowser) -> None:
    view = browser.record_tabs[Table.TEACHER].view
    view.setFocus()
    view.selectAll()
    QGuiApplication.clipboard().clear()
    QTest.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == (
        "1\tada\tLovelace\tAda\t\n"
        '2\tbob\t"Martin ""Bobby"""\t"Bob\tJr"\t\n')


def test_the_context_menu_offers_copy(browser: StoreBrowser) -> None:
    view = browser.record_tabs[Table.TEACHER].view
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    [copy] = view.actions()
    assert copy.text() == "&Copy" and copy.shortcut().toString() == "Ctrl+C"
    view.selectRow(0)
    QGuiApplication.clipboard().clear()
    copy.trigger()
    assert QGuiApplication.clipboard().text() == "1\tada\tLovelace\tAda\t\n"


def test_a_run_of_the_history_is_copied_too(browser: StoreBrowser) -> None:
    browser.show_history()
    browser.history_view.setFocus()
    browser.history_view.selectRow(0)
    QGuiApplication.clipboard().clear()
    QTest.keyClick(browser.history_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().startswith("1\t")
    assert "\timport\t2 created\t" in QGuiApplication.clipboard().text()


def test_copy_is_said_in_french(french: None, qtbot: object, tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        shown = StoreBrowser(store)
        qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(shown)  # type: ignore[attr-defined]
        assert [a.text() for a in shown.history_view.actions()] == ["&Copier"]
