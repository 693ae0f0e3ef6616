"""A revert finishing in a store browser on a store the window has left since is said in that
browser only: the window's views, on the store it works on now, are not told of a run made
in another (its preview is not checked again, its rows stay)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from tests.ui.test_store_browser_since import run
from tests.ui.wizards import revert_previewed, sample_preview


def teachers(location: Path, logins: list[str]) -> None:
    """Run 1 of the store at ``location`` made these teachers."""
    with Store.open(location) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": login})
                     for n, login in enumerate(logins, 1)], run(len(logins)))


def test_a_revert_in_the_store_left_leaves_the_preview_of_the_new_one(
        window: MainWindow, qtbot: QtBot, sample: Path, tmp_path: Path) -> None:
    teachers(window.state.store_path, ["a1", "a2"])
    other = tmp_path / "other.sqlite3"
    teachers(other, ["b1"])
    browser, dialog = revert_previewed(window, qtbot)
    qtbot.waitUntil(dialog.revert_button.isEnabled, timeout=20_000)
    assert window.use_store(other)  # the browser and its revert stay on the store left
    page = sample_preview(window, sample, qtbot)
    shown = page.model.plan
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=30_000)
    assert dialog.status.text() == "Run 2 reverted run 1: 2 deleted, 0 restored, 0 recreated."
    qtbot.waitUntil(lambda: not browser.busy, timeout=30_000)
    # The browser shows its store's history, the revert in it.
    assert [(browser.history_model.run(r).id, browser.history_model.run(r).reverted_by)
            for r in range(browser.history_model.rowCount())] == [(2, None), (1, 2)]
    # The preview, checked against the store the window works on, is left as it was.
    assert page.shows_plan() and page.model.plan is shown
    with Store.open(other) as store:
        assert [(r.id, r.reverted_by) for r in store.history()] == [(1, None)]
