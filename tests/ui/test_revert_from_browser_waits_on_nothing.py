"""Revert… in the store browser's history opens no store on the window's thread: whether
another store is in the browser's place, the run's records and what became of them are all
read in the background, on SQLite as on a PostgreSQL server a round trip away."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui import revert_dialog, store_browser
from importer_gui.ui.store_browser import StoreBrowser
from tests.ui.test_store_browser_since import run, settle, statements

TEACHERS = 2_000


def opened_on_window_thread(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each store opened again from now on (by the browser or its revert preview),
    whether the window's thread opened it."""
    seen: list[bool] = []
    reopen = Store.reopen.__func__  # type: ignore[attr-defined]

    def recorded(cls: type[Store], location: Any, **options: Any) -> Store:
        seen.append(threading.current_thread() is threading.main_thread())
        return reopen(cls, location, **options)

    for module in (store_browser, revert_dialog):
        monkeypatch.setattr(module.Store, "reopen", classmethod(recorded))
    return seen


@pytest.mark.parametrize("store_url", ["sqlite", "postgres"], indirect=True)
def test_revert_from_the_history_opens_and_reads_the_store_in_the_background(
        store_url: StoreLocation, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(store_url) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": f"t{n:05}"})
                     for n in range(1, TEACHERS + 1)], run(TEACHERS))
        seen = statements(store)
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        browser.show_history()
        browser.show()
        settle(browser, qtbot)
        browser.history_view.selectionModel().select(
            browser.history_model.index(0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        settle(browser, qtbot)
        opened = opened_on_window_thread(monkeypatch)
        qtbot.mouseClick(browser.revert_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: browser.revert_dialog is not None, timeout=20_000)
        dialog = browser.revert_dialog
        qtbot.waitUntil(lambda: dialog.revert_button.isEnabled(), timeout=60_000)
        assert dialog.counts.text() == f"delete: {TEACHERS}"
        assert dialog.model.rowCount() == TEACHERS
        assert opened and True not in opened, opened  # the browser's look, then the plan's
        assert [sql for sql, window in seen if window] == []
        dialog.close()
        browser.close()
