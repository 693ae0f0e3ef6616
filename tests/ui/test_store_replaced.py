"""Another store put in the place of the window's SQLite store while it works (a colleague's,
made by the app, copied over the file): the window says the store at PATH is not the one it
had open, shows the one there now (the browser's history is the new store's), writes nothing
into it on the strength of the other's plan, and reverts none of its runs from the other's
history."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from importer_gui.ui import store_browser
from importer_gui.ui.app import start_window
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.wizard import PREVIEW
from tests.builders import teachers_import, write_config
from tests.conftest import SAMPLE
from tests.core.test_session_store_replaced import NOT_THE_ONE, colleagues_store, runs
from tests.ui.wizards import Previewed, shot, teacher_previewed


def not_the_one(store: Path) -> str:
    """What the window says of another store put in place of its own."""
    return NOT_THE_ONE.format(path=store)


def shown_runs(browser: StoreBrowser) -> list[tuple[int, str]]:
    """The runs the browser's history shows."""
    model = browser.history_model
    return [(model.run(row).id, model.run(row).config) for row in range(model.rowCount())]


def committed_with_browser(tmp_path: Path, qtbot: QtBot) -> tuple[Previewed, StoreBrowser]:
    """A teacher committed as run 1 of the window's store, the browser open on its history."""
    previewed = teacher_previewed(tmp_path, qtbot)
    _state, wizard, _preview, commit = previewed
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
    assert [run_id for run_id, _config in shown_runs(browser)] == [1]
    return previewed, browser


def test_the_browser_refreshed_shows_the_store_there_now_and_says_so(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    (state, *_pages), browser = committed_with_browser(tmp_path, qtbot)
    store = state.store_path
    shutil.copyfile(colleagues_store(tmp_path), store)
    browser.refresh()  # F5, or a run made elsewhere
    qtbot.waitUntil(lambda: not browser.busy)
    assert browser.store_notice.isVisible()
    assert browser.store_notice.text() == not_the_one(store)
    assert shown_runs(browser) == runs(store) == [(2, "/theirs/theirs.xml"),
                                                 (1, "/theirs/theirs.xml")]
    browser.show_table(Table.TEACHER)  # read once shown, from the store there
    qtbot.waitUntil(lambda: not browser.busy)
    teachers = browser.record_tabs[Table.TEACHER].model
    assert [teachers.record(row).login for row in range(teachers.rowCount())] == ["zed", "yan"]
    browser.show_history()
    shot(browser, screenshots, "store-replaced-browser")
    browser.close()


def test_a_revert_from_the_history_of_the_store_that_was_there_is_not_planned(
        tmp_path: Path, qtbot: QtBot) -> None:
    (state, *_pages), browser = committed_with_browser(tmp_path, qtbot)
    store = state.store_path
    shutil.copyfile(colleagues_store(tmp_path), store)
    browser.history_view.selectionModel().select(  # run 1 of the window's store
        browser.history_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(browser.revert_button, Qt.MouseButton.LeftButton)
    assert browser.revert_dialog is None  # the colleague's run 1 is not planned for it
    qtbot.waitUntil(lambda: not browser.busy)
    assert browser.store_notice.text() == not_the_one(store)
    assert shown_runs(browser) == [(2, "/theirs/theirs.xml"), (1, "/theirs/theirs.xml")]
    assert runs(store) == [(2, "/theirs/theirs.xml"), (1, "/theirs/theirs.xml")]
    browser.close()


def test_a_revert_previewed_before_another_store_was_put_in_place_writes_nothing_in_it(
        tmp_path: Path, qtbot: QtBot) -> None:
    (state, *_pages), browser = committed_with_browser(tmp_path, qtbot)
    store = state.store_path
    dialog = browser.open_revert(1)
    qtbot.waitUntil(lambda: dialog.revert_button.isEnabled(), timeout=20_000)
    shutil.copyfile(colleagues_store(tmp_path), store)  # while the preview of run 1 is shown
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=20_000)
    assert dialog.error.text() == not_the_one(store)
    assert not dialog.revert_button.isEnabled()
    assert runs(store) == [(2, "/theirs/theirs.xml"), (1, "/theirs/theirs.xml")]
    qtbot.waitUntil(lambda: not browser.busy)
    assert shown_runs(browser) == runs(store)  # the browser follows to the store there
    assert browser.store_notice.text() == not_the_one(store)
    dialog.close()
    browser.close()


def test_a_commit_into_another_store_put_in_place_writes_nothing_and_says_so(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    data = tmp_path / "files"
    data.mkdir()
    config = write_config(data, teachers_import(data, [["ada", "Ada", "A", "ada@x.org"]]))
    store = tmp_path / "store.sqlite3"
    window = start_window([], store)
    qtbot.addWidget(window)
    window.resize(1180, 760)
    window.show()
    assert window.open_file(config)
    preview = window.wizard.preview_page
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW and preview.shows_plan(),
                    timeout=20_000)
    theirs = runs(shutil.copyfile(colleagues_store(tmp_path), store))
    window.wizard.next()
    commit = window.wizard.currentPage()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    assert commit.status.text() == "Nothing was written."
    assert commit.error_label.text() == not_the_one(store)
    assert window.statusBar().currentMessage() == not_the_one(store)
    assert runs(store) == theirs  # nothing written into the colleague's store
    assert window.state.choices.plan is None  # the plan made from the other store is gone
    shot(window, screenshots, "store-replaced-commit")
    # Checked again, the rows are planned against the store there now, then committed into
    # it as its next run.
    commit.check_again()
    qtbot.waitUntil(lambda: preview.shows_plan() and not preview.is_checking(), timeout=20_000)
    window.wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    assert commit.status.text().startswith("Committed: run 3 is in the history.")
    assert [run_id for run_id, _config in runs(store)] == [3, 2, 1]


def test_a_check_on_another_store_put_in_place_says_so(tmp_path: Path, qtbot: QtBot) -> None:
    state, _wizard, preview, _commit = teacher_previewed(tmp_path, qtbot)
    shutil.copyfile(colleagues_store(tmp_path), state.store_path)
    preview.start_check()
    qtbot.waitUntil(lambda: not preview.is_checking(), timeout=20_000)
    assert preview.error_label.text() == not_the_one(state.store_path)
    assert not preview.shows_plan()
    preview.start_check()  # Check again: against the store there now
    qtbot.waitUntil(lambda: not preview.is_checking(), timeout=20_000)
    assert preview.shows_plan() and not preview.error_label.isVisible()


def test_another_store_put_in_place_reads_in_french(french: None, tmp_path: Path,
                                                    qtbot: QtBot) -> None:
    state, _wizard, preview, _commit = teacher_previewed(tmp_path, qtbot)
    shutil.copyfile(colleagues_store(tmp_path), state.store_path)
    preview.start_check()
    qtbot.waitUntil(lambda: not preview.is_checking(), timeout=20_000)
    assert preview.error_label.text() == (
        f"La base {state.store_path} n'est pas celle que la fenêtre avait ouverte\u00a0: une "
        "autre base a été mise à sa place. Rien n'y a été fait\u00a0; la fenêtre montre "
        "maintenant la base qui s'y trouve (vérifiez à nouveau avant de valider).")


def test_a_refresh_on_another_store_put_in_place_says_so_and_plans_nothing(
        tmp_path: Path, qtbot: QtBot) -> None:
    state, *_pages = teacher_previewed(tmp_path, qtbot)
    store = state.store_path
    shutil.copyfile(colleagues_store(tmp_path), store)
    heard: list[str] = []
    state.store_replaced.connect(heard.append)
    dialog = RefreshDialog(store, config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True, session=state.session)
    qtbot.addWidget(dialog)
    assert dialog.error.text() == not_the_one(store)
    assert dialog.planned is None and not dialog.refresh_button.isEnabled()
    assert heard == [not_the_one(store)]  # every view of the window reads the one there now
    assert runs(store) == [(2, "/theirs/theirs.xml"), (1, "/theirs/theirs.xml")]
    dialog.preview()  # again: the store there now is the window's
    assert dialog.planned is not None and not dialog.error.isVisible()


def test_a_store_found_replaced_elsewhere_is_followed_by_the_browser_in_the_background(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    (state, *_pages), browser = committed_with_browser(tmp_path, qtbot)
    store = state.store_path
    shutil.copyfile(colleagues_store(tmp_path), store)
    looked: list[bool] = []  # whether the window's thread looked at the store there
    look = store_browser._store_there

    def recorded(shown: Any) -> Store | None:
        looked.append(threading.current_thread() is threading.main_thread())
        return look(shown)

    monkeypatch.setattr(store_browser, "_store_there", recorded)
    dialog = RefreshDialog(store, config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True, session=state.session)  # finds it replaced
    qtbot.addWidget(dialog)
    assert dialog.error.text() == not_the_one(store)
    qtbot.waitUntil(lambda: not browser.busy)
    assert browser.store_notice.text() == not_the_one(store)
    assert shown_runs(browser) == [(2, "/theirs/theirs.xml"), (1, "/theirs/theirs.xml")]
    assert looked and True not in looked, looked
    browser.close()
