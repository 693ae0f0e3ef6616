"""The store browser from the keyboard: it opens with the keyboard on the first control to
work with (not the tab bar), and Tab passes each table on, to Revert…, Refresh and Close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QWidget

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.test_alt_letters import Clashes, clashes, each_tab

PRESSES = 8  # "a few": search, table, then the buttons


@pytest.fixture
def browser(tmp_path: Path, qtbot: object) -> Iterator[StoreBrowser]:
    """A browser shown over a store with two teachers written by one run."""
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": f"t{n}", "name": "N"})
                     for n in (1, 2)],
                    RunInfo(config_path="t.xml", config_xml="<import-config/>", files=[],
                            counts={"create": 2}))
        shown = StoreBrowser(store)
        qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(shown)  # type: ignore[attr-defined]
        shown.show()
        shown.activateWindow()
        qtbot.waitExposed(shown)  # type: ignore[attr-defined]
        yield shown


def tab_until(start: QWidget, wanted: QWidget) -> list[str]:
    """Press Tab from ``start`` until ``wanted`` has the focus (or PRESSES ran out): the
    object names met on the way."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    met = []
    for _ in range(PRESSES):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        met.append(focus.objectName() or type(focus).__name__)
        if focus is wanted:
            break
    return met


def close_button(browser: StoreBrowser) -> QPushButton:
    return browser.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)


def shown(browser: StoreBrowser, qtbot: object) -> StoreBrowser:
    """``browser`` shown, as the window shows it, its reads done."""
    qtbot.addWidget(browser)  # type: ignore[attr-defined]
    browser.show()
    browser.activateWindow()
    qtbot.waitExposed(browser)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    return browser


def test_it_opens_with_the_keyboard_in_the_search_box(browser: StoreBrowser) -> None:
    assert QApplication.focusWidget() is browser.record_tabs[Table.TEACHER].search


def test_on_the_history_it_opens_with_the_keyboard_on_the_runs(tmp_path: Path,
                                                               qtbot: object) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        browser = StoreBrowser(store)
        browser.show_history()  # as the commit page opens it
        shown(browser, qtbot)
        assert QApplication.focusWidget() is browser.history_view


def test_opened_in_the_background_the_keyboard_goes_to_the_search_box_once_open(
        tmp_path: Path, qtbot: object) -> None:
    Store.open(tmp_path / "store.sqlite3").close()
    browser = shown(StoreBrowser(None, location=tmp_path / "store.sqlite3"), qtbot)
    assert browser.store is not None
    assert QApplication.focusWidget() is browser.record_tabs[Table.TEACHER].search


def test_tab_leaves_a_records_table_for_close(browser: StoreBrowser) -> None:
    tab = browser.record_tabs[Table.TEACHER]
    met = tab_until(tab.search, close_button(browser))
    assert QApplication.focusWidget() is close_button(browser), met
    assert met[0] == "view_teacher" and met.count("view_teacher") == 1


def test_tab_leaves_the_runs_for_revert_then_close(browser: StoreBrowser) -> None:
    browser.show_history()
    browser.history_view.selectRow(0)
    assert browser.revert_button.isEnabled()
    met = tab_until(browser.history_view, browser.revert_button)
    assert QApplication.focusWidget() is browser.revert_button, met
    met = tab_until(browser.revert_button, close_button(browser))
    assert met == ["refreshStore", close_button(browser).objectName() or "QPushButton"]



def tab_clashes(browser: StoreBrowser) -> dict[str, Clashes]:
    """The letters two controls share, with each tab of the browser shown in turn."""
    found = {tab: clashes(browser) for tab in each_tab(browser)}
    assert len(found) > 5  # the records' tabs, the learners' own, the history
    return found


def test_no_two_tabs_or_buttons_share_a_letter(browser: StoreBrowser) -> None:
    found = tab_clashes(browser)
    assert found == {tab: {} for tab in found}


def test_no_two_tabs_or_buttons_share_a_letter_in_french(french: None, tmp_path: Path,
                                                          qtbot: object) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        shown = StoreBrowser(store)
        qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(shown)  # type: ignore[attr-defined]
        shown.show()
        found = tab_clashes(shown)
        assert found == {tab: {} for tab in found}
        assert shown.findChild(QPushButton, "refreshStore").text() == "Re&lire"
