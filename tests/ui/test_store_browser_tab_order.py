"""The store browser from the keyboard: Tab passes each table on, to Revert…, Refresh and
Close."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QPushButton, QWidget

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser

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



def letters(browser: StoreBrowser) -> dict[str, list[str]]:
    """Every Alt+letter of the browser seen with the learners' tabs shown, and of its history
    page and its search label: its tabs', labels' and buttons' texts by letter."""
    tabs = browser.tabs.tabBar(), browser.learner_tabs.tabBar()
    texts = [bar.tabText(n) for bar in tabs for n in range(bar.count())]
    texts += [browser.revert_button.text(), browser.record_tabs[Table.TEACHER].search.parent()
              .findChild(QLabel).text()]
    texts += [b.text() for b in browser.findChild(QDialogButtonBox).buttons()]
    found: dict[str, list[str]] = {}
    for text in texts:
        place = text.replace("&&", "").find("&")
        if place >= 0:
            found.setdefault(text[place + 1].lower(), []).append(text)
    return found


def clashes(browser: StoreBrowser) -> dict[str, list[str]]:
    """The letters more than one text answers."""
    return {letter: texts for letter, texts in letters(browser).items() if len(texts) > 1}


def test_no_two_tabs_or_buttons_share_a_letter(browser: StoreBrowser) -> None:
    assert clashes(browser) == {}


def test_no_two_tabs_or_buttons_share_a_letter_in_french(french: None, tmp_path: Path,
                                                          qtbot: object) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        shown = StoreBrowser(store)
        qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(shown)  # type: ignore[attr-defined]
        assert clashes(shown) == {}
        assert letters(shown)["l"] == ["Re&lire"]
