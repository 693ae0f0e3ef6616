"""A SQLite store the window had open, deleted or moved by another program meanwhile: a
revert, a commit, a check or a refresh says it is gone and makes nothing in its place (SQLite
would make an empty file, and the work would go on in it, every record new). The first
run's usual store is still made on its first use, and the command line refuses too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.paths import default_store_path
from importer_gui.core.store import Store
from importer_gui.ui.app import start_window
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.revert_dialog import RevertDialog
from tests.conftest import SAMPLE
from tests.faults import cli, one_line_failure
from tests.ui.wizards import sample_preview, shot, teacher_previewed


def gone(store: Path) -> str:
    """What the window says of the store gone."""
    return (f"The store {store} is no longer there: it was moved or deleted since it was "
            "opened. File ▸ Open store… opens it where it is now, or another.")


def test_a_revert_on_a_store_deleted_meanwhile_says_it_is_gone(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state, wizard, _preview, commit = teacher_previewed(tmp_path, qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
    store = state.store_path
    store.unlink()  # a cleanup, another program
    browser.history_view.selectionModel().select(
        browser.history_model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.mouseClick(browser.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.revert_dialog is not None)  # once the store is looked at
    dialog = browser.revert_dialog
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == gone(store)
    assert dialog.plan is None
    assert not store.exists()
    dialog.resize(1000, 500)
    shot(dialog, screenshots, "revert-store-gone")
    dialog.close()
    browser.close()


def test_a_commit_on_a_store_deleted_after_the_preview_says_it_is_gone(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state, wizard, _preview, commit = teacher_previewed(tmp_path, qtbot)
    store = state.store_path
    assert store.exists()  # made by the check: the first use of a new store
    store.unlink()
    wizard.next()
    qtbot.waitUntil(lambda: not commit.is_running(), timeout=20_000)
    assert commit.status.text() == "Nothing was written."
    assert commit.error_label.text() == gone(store)
    assert not store.exists()
    shot(wizard, screenshots, "commit-store-gone")


def test_a_check_again_on_a_store_deleted_meanwhile_says_it_is_gone(
        tmp_path: Path, qtbot: QtBot) -> None:
    state, _wizard, preview, _commit = teacher_previewed(tmp_path, qtbot)
    store = state.store_path
    store.unlink()
    preview.start_check()
    qtbot.waitUntil(lambda: not preview.is_checking(), timeout=20_000)
    assert preview.error_label.text() == gone(store)
    assert not store.exists()


def test_the_store_gone_reads_in_french(french: None, tmp_path: Path, qtbot: QtBot) -> None:
    store = tmp_path / "store.sqlite3"
    Store.open(store).close()
    store.unlink()
    dialog = RevertDialog(store, 1, synchronous=True)  # a run of the store, seen in its history
    qtbot.addWidget(dialog)
    assert dialog.error.text() == (
        f"La base {store} n'est plus là\u00a0: elle a été déplacée ou supprimée depuis son "
        "ouverture. Fichier ▸ Ouvrir une base… l'ouvre là où elle se trouve maintenant, ou en "
        "ouvre une autre.")
    assert not store.exists()


def test_the_store_browser_on_a_store_deleted_meanwhile_says_it_is_gone(
        tmp_path: Path, qtbot: QtBot) -> None:
    state, _wizard, _preview, commit = teacher_previewed(tmp_path, qtbot)
    store = state.store_path
    store.unlink()
    browser = commit.open_browser()  # opened in the background: the browser says it
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy, timeout=20_000)
    assert browser.store_notice.text() == f"{gone(store)} Refresh (F5) tries again."
    assert not browser.tabs.isEnabled()
    assert not store.exists()
    browser.close()


def test_a_refresh_on_the_windows_store_deleted_meanwhile_says_it_is_gone(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    state, *_pages = teacher_previewed(tmp_path, qtbot)
    store = state.store_path
    store.unlink()
    dialog = RefreshDialog(store, config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True, session=state.session)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 600)
    dialog.show()
    shot(dialog, screenshots, "refresh-store-gone")
    assert dialog.error.text() == gone(store)
    assert dialog.planned is None
    assert not store.exists()


def test_the_first_runs_usual_store_is_still_made_on_its_first_use(
        qtbot: QtBot, sample: Path) -> None:
    store = default_store_path()
    assert not store.exists()  # a fresh machine
    window = start_window([])
    qtbot.addWidget(window)
    assert window.store_path == store
    sample_preview(window, sample, qtbot)
    with Store.open(store, create=False) as opened:
        assert opened.history() == []


def test_a_new_store_refreshed_first_is_made(tmp_path: Path, qtbot: QtBot) -> None:
    store = tmp_path / "new" / "store.sqlite3"
    dialog = RefreshDialog(store, config_path=SAMPLE / "exports" / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)
    assert dialog.planned is not None and not dialog.error.isVisible()
    assert store.exists()


def test_the_command_line_refuses_to_revert_in_a_store_that_is_not_there(
        tmp_path: Path) -> None:
    store = tmp_path / "gone" / "store.sqlite3"
    for dry_run in ((), ("--dry-run",)):
        assert one_line_failure(cli("revert", "1", *dry_run, "--store", str(store))) == (
            f"importer-gui: The store {store} does not exist (nor its folder "
            f"{store.parent}); check --store.")
    assert not store.parent.exists()


def test_an_empty_database_in_place_of_the_store_says_what_it_is_in_french(
        french: None, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    import sqlite3

    store = tmp_path / "store.sqlite3"
    conn = sqlite3.connect(store)  # another program's database, empty, put in its place
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    dialog = RevertDialog(store, 1, synchronous=True)  # a run of the store, seen in its history
    qtbot.addWidget(dialog)
    assert dialog.error.text() == (
        f"{store} est une base de données vide, pas une base d'Import Assistant\u00a0: elle "
        "ne contient aucune table, et rien n'y a été écrit.")
    dialog.resize(1000, 500)
    shot(dialog, screenshots, "revert-store-empty-database")
