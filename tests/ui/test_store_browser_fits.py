"""The store browser at its usual width and at 700 px, in English and French: its tabs,
its count and its column titles read whole, or elided with the whole title in a tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.store_browser import DEFAULT_SIZE, StoreBrowser
from tests.ui.fit import clipped, headers_cut

TEACHER_TITLES = {
    ENGLISH: ["Id", "Teacher's login — teacherLogin", "Teacher's last name — teacherName",
              "Teacher's first name — teacherFirstname",
              "Teacher's e-mail address — teacherEmail"],
    FRENCH: ["N° d'enregistrement", "Identifiant du formateur — teacherLogin",
             "Nom du formateur — teacherName", "Prénom du formateur — teacherFirstname",
             "Courriel du formateur — teacherEmail"],
}



def teacher(n: int) -> Change:
    """Create teacher n, with an e-mail address."""
    return Change(Table.TEACHER, ChangeKind.CREATE, -n - 1,
                  {"login": f"teacher{n:03d}", "name": "Dupont", "firstname": "Jean",
                   "email": f"jean.dupont{n}@example.org"})


def teachers_store(path: Path, count: int) -> Store:
    """A store with ``count`` teachers written by one run."""
    opened = Store.open(path)
    run = RunInfo(config_path="teachers.xml", config_xml="<import-config/>",
                  files=["/data/teachers.csv"], counts={"create": count})
    opened.apply([teacher(n) for n in range(count)], run)
    return opened


# Two teachers; and enough for a scroll bar beside the rows, taking room from the columns.
@pytest.mark.parametrize("count", [2, 60])
@pytest.mark.parametrize("width", [DEFAULT_SIZE[0], 700])
def test_the_teachers_tab_shows_whole(speaking: str, width: int, count: int, tmp_path: Path,
                                      qtbot: QtBot, screenshots: Path) -> None:
    store = teachers_store(tmp_path / "store.sqlite3", count)
    browser = StoreBrowser(store)
    browser.finished.connect(store.close)
    qtbot.addWidget(browser)
    browser.resize(width, DEFAULT_SIZE[1])
    browser.show()
    qtbot.waitUntil(lambda: not browser.busy)
    QApplication.processEvents()
    browser.grab().save(str(screenshots / f"store-browser-{speaking}-{width}-{count}.png"))
    tab = browser.record_tabs[Table.TEACHER]
    assert tab.count_label.text() == (f"{count} records" if speaking == ENGLISH
                                      else f"{count} enregistrements")
    assert clipped(browser) == []
    assert headers_cut(tab.view) == []
    assert not tab.view.horizontalScrollBar().isVisible()  # every column in sight
    model = tab.model
    tips = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(model.columnCount())]
    assert tips == TEACHER_TITLES[speaking]


def test_the_current_tab_is_the_one_shown_at_700_px(speaking: str, tmp_path: Path,
                                                    qtbot: QtBot) -> None:
    store = teachers_store(tmp_path / "store.sqlite3", 2)
    browser = StoreBrowser(store)
    browser.finished.connect(store.close)
    qtbot.addWidget(browser)
    browser.resize(700, DEFAULT_SIZE[1])
    browser.show()
    browser.show_history()
    QApplication.processEvents()
    bar = browser.tabs.tabBar()
    assert bar.rect().contains(bar.tabRect(bar.currentIndex()))
    assert browser.tabs.tabToolTip(bar.currentIndex()) == (
        "History of the runs: imports, refreshes, reverts" if speaking == ENGLISH
        else "Historique des exécutions\u00a0: imports, actualisations et exécutions qui en "
        "défont une autre")
