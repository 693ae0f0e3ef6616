"""A run another program made while the store browser was open is shown when the browser is
come back to; and its Refresh button (F5) reads the store again at any time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.store_browser import StoreBrowser


def teacher_run(path: Path, login: str) -> None:
    """One import run creating one teacher, made through a connection of its own."""
    with Store.open(path) as other:
        other.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": login})],
                    RunInfo("teachers.xml", "<import-config/>", ["teachers.csv"],
                            {"create": 1}))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """A store of one run."""
    teacher_run(tmp_path / "store.sqlite3", "ada")
    return tmp_path / "store.sqlite3"


@pytest.fixture
def browser(path: Path, qtbot: object) -> Iterator[StoreBrowser]:
    """The browser, active."""
    with Store.open(path) as store:
        shown = StoreBrowser(store)
        qtbot.waitUntil(lambda: not shown.busy)  # type: ignore[attr-defined]
        qtbot.addWidget(shown)  # type: ignore[attr-defined]
        shown.show()
        shown.activateWindow()
        qtbot.waitActive(shown)  # type: ignore[attr-defined]
        yield shown


def test_a_run_made_elsewhere_shows_when_the_browser_is_come_back_to(
        browser: StoreBrowser, path: Path, qtbot: object) -> None:
    elsewhere = QWidget()  # the terminal the other program ran in
    qtbot.addWidget(elsewhere)  # type: ignore[attr-defined]
    elsewhere.show()
    elsewhere.activateWindow()
    qtbot.waitUntil(lambda: not browser.isActiveWindow())  # type: ignore[attr-defined]
    teacher_run(path, "bob")
    browser.activateWindow()
    qtbot.waitUntil(lambda: browser.history_model.rowCount() == 2)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    tab = browser.record_tabs[Table.TEACHER]
    assert tab.count_label.text() == "2 records"


def test_the_refresh_button_reads_the_store_again(browser: StoreBrowser, path: Path,
                                                  qtbot: object) -> None:
    teacher_run(path, "bob")
    buttons = browser.findChild(QDialogButtonBox)
    [refresh] = [b for b in buttons.buttons() if b.objectName() == "refreshStore"]
    assert refresh.text() == "Re&fresh" and "F5" in refresh.toolTip()
    refresh.click()
    qtbot.waitUntil(lambda: not browser.busy)  # type: ignore[attr-defined]
    assert browser.history_model.rowCount() == 2
