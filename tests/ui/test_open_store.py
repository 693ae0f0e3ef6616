"""File ▸ Open store…: the wizard on a team's PostgreSQL store as on a file; recent stores;
a password asked for once, held in memory and never written to the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table
from importer_gui.core.store import PostgresUrl, Store
from importer_gui.ui import store_dialog
from importer_gui.ui.language import FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import Settings
from importer_gui.ui.store_dialog import StoreDialog
from importer_gui.ui.wizard import COMMIT, PREVIEW
from tests.builders import emptied_long_ago
from tests.disks import fill_up
from tests.postgres import PASSWORD_ROLE, Cluster, record_tables


def plan_counts(window: MainWindow) -> dict[str, int]:
    """The outcomes of the wizard's plan, every import ({} while there is none)."""
    plan = window.state.choices.plan
    return plan.counts() if plan is not None else {}


def test_the_wizard_commits_to_a_postgresql_store_as_to_a_file(
        window: MainWindow, postgres_store: PostgresUrl, sample: Path, qtbot: QtBot,
        warnings: list[str]) -> None:
    assert window.use_store(postgres_store), warnings
    assert window.state.store_path == postgres_store
    assert window.windowTitle() == f"Import Assistant — {postgres_store.name}"
    # The private copy: a commit writes its error log beside the configuration.
    assert window.open_file(sample / "sample-config.xml")
    wizard = window.wizard
    assert wizard.currentId() == PREVIEW
    preview = wizard.currentPage()
    qtbot.waitUntil(preview.isComplete, timeout=20_000)
    assert plan_counts(window)["create"] == 19
    wizard.next()
    assert wizard.currentId() == COMMIT
    commit = wizard.currentPage()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert len(record_tables(postgres_store)["teacher"]) == 3
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
    assert browser.history_model.rowCount() == 1
    browser.show_table(Table.SESSION)  # read once shown
    qtbot.waitUntil(lambda: not browser.busy)
    assert browser.record_tabs[Table.SESSION].model.total == 3  # one by a registration
    browser.close()
    assert warnings == []


def test_changing_the_store_checks_the_shown_preview_against_it(
        window: MainWindow, postgres_store: PostgresUrl, sample: Path, qtbot: QtBot,
        warnings: list[str]) -> None:
    from importer_gui.core import config_xml, pipeline

    with Store.open(postgres_store) as team:  # the team's store already holds the sample
        pipeline.commit(pipeline.check(config_xml.load(sample / "sample-config.xml"), team),
                        team)
    assert window.open_file(sample / "sample-config.xml")
    preview = window.wizard.currentPage()
    qtbot.waitUntil(preview.isComplete, timeout=20_000)
    assert plan_counts(window)["create"] == 19  # the file of one's own is empty
    assert window.use_store(postgres_store)
    qtbot.waitUntil(lambda: preview.shows_plan()  # nothing to commit: Commit is disabled
                    and plan_counts(window).get("create") == 0, timeout=20_000)
    assert plan_counts(window)["unchanged"] == 21
    assert preview.model.counts()[Outcome.UNCHANGED] == 3  # the shown import: teachers


def test_a_password_is_asked_once_and_never_written(
        window: MainWindow, postgres_cluster: Cluster, monkeypatch: pytest.MonkeyPatch,
        private_folders: Path, warnings: list[str]) -> None:
    monkeypatch.setenv("PGPASSFILE", "/nonexistent")
    monkeypatch.delenv("PGPASSWORD", raising=False)
    database = postgres_cluster.new_database("window")
    user, password = PASSWORD_ROLE
    url = PostgresUrl(f"postgresql://{user}@127.0.0.1:{postgres_cluster.port}/{database}")
    asked: list[PostgresUrl] = []
    monkeypatch.setattr(store_dialog, "ask_password",
                        lambda parent, location: asked.append(location) or password)
    try:
        assert window.use_store(url), warnings
        assert len(asked) == 1 and str(asked[0]) == str(url)
        assert window.state.store_path.password == password  # for the workers, in memory
        with Store.open(window.state.store_path) as store:  # as a worker opens it
            assert store.history() == []
        ini = (private_folders / "config" / "settings.ini").read_text(encoding="utf-8")
        assert str(url) in ini and password not in ini
        assert Settings().recent_stores()[0] == url
    finally:
        postgres_cluster.drop_database(database)


def test_a_store_that_cannot_be_opened_is_said_and_the_wizard_keeps_its_own(
        window: MainWindow, warnings: list[str]) -> None:
    before = window.state.store_path
    nowhere = PostgresUrl("postgresql://nobody@127.0.0.1:1/none")
    assert not window.use_store(nowhere)
    assert len(warnings) == 1
    assert warnings[0].startswith(f"The store {nowhere} could not be opened: ")
    assert window.state.store_path == before
    assert Settings().recent_stores() == []


def test_a_store_on_a_full_disk_is_said_to_need_room_there(
        speaking: str, window: MainWindow, warnings: list[str], tiny_disk: Path) -> None:
    store = tiny_disk / "store.sqlite3"
    Store.open(store).close()  # closed cleanly: its -shm file is to be made again
    fill_up(tiny_disk)
    before = window.state.store_path
    assert not window.use_store(store)
    assert warnings == [
        f"Le disque qui contient {tiny_disk} est plein, ou la base dépasserait la taille de "
        f"fichier que ce système autorise\u00a0: la base {store} n'a pas pu être ouverte, et "
        "rien n'y a été écrit." if speaking == FRENCH else
        f"The disk holding {tiny_disk} is full, or the store would grow larger than this "
        f"system allows a file to be: the store {store} could not be opened, and nothing was "
        "written to it."]
    assert window.state.store_path == before


def test_recent_stores_list_the_stores_opened_and_switch_back(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, warnings: list[str]) -> None:
    first = window.state.store_path
    other = tmp_path / "other.sqlite3"
    assert window.use_store(other) and other.exists()
    assert window.use_store(first)
    window._fill_recent_stores()
    actions = [a for a in window.stores_menu.actions() if a.isCheckable()]
    assert [a.text() for a in actions] == [f"&1 {first.name}", f"&2 {other.name}"]
    assert [a.isChecked() for a in actions] == [True, False]
    actions[1].trigger()
    assert window.state.store_path == other.resolve()
    # The next window, without a store given, opens the store used last.
    later = MainWindow(settings=Settings())
    qtbot.addWidget(later)
    assert later.store_path == other.resolve()


def test_the_dialog_reads_a_file_or_a_url(qtbot: QtBot, tmp_path: Path,
                                          warnings: list[str]) -> None:
    dialog = StoreDialog(tmp_path / "mine.sqlite3")
    qtbot.addWidget(dialog)
    assert dialog.file_choice.isChecked() and not dialog.url_edit.isEnabled()
    assert dialog.location() == tmp_path / "mine.sqlite3"
    assert dialog.url_edit.placeholderText() == "postgresql://user@host/database"
    dialog.url_choice.setChecked(True)
    assert dialog.url_edit.isEnabled() and not dialog.path_edit.isEnabled()
    open_button = dialog.buttons.button(dialog.buttons.StandardButton.Open)
    assert not open_button.isEnabled()  # nothing typed yet
    dialog.url_edit.setText("postgresql://jdoe:secret@db.example.org/training")
    location = dialog.location()
    assert isinstance(location, PostgresUrl)
    assert (str(location), location.password) == (
        "postgresql://jdoe@db.example.org/training", "secret")
    dialog.url_edit.setText("db.example.org/training")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert warnings == ["db.example.org/training is not a PostgreSQL URL "
                        "(postgresql://user@host/database)."]


@pytest.mark.parametrize(("typed", "said"), [
    ("~nobody-here-xyz/store.sqlite3", "~nobody-here-xyz/store.sqlite3: no user of this machine "
                                       "has the home folder it names."),
    ("store.sqlite3", "store.sqlite3 is not a full path: give the store's whole path, or "
                      "choose it with the Browse button."),  # made wherever the program ran
])
def test_the_dialog_refuses_a_file_path_it_cannot_place(
        qtbot: QtBot, tmp_path: Path, warnings: list[str], typed: str, said: str) -> None:
    dialog = StoreDialog(tmp_path / "mine.sqlite3")
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(typed)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and warnings == [said]


def test_a_store_name_too_long_for_the_system_is_said_not_raised(
        qtbot: QtBot, tmp_path: Path, warnings: list[str]) -> None:
    long_name = tmp_path / ("z" * 300 + ".sqlite3")
    assert store_dialog.connect(None, long_name) is None
    assert warnings == [f"{long_name}: File name too long."]


def test_a_run_is_reverted_from_the_browser_of_a_postgresql_store(
        window: MainWindow, postgres_store: PostgresUrl, sample: Path, qtbot: QtBot,
        warnings: list[str]) -> None:
    from importer_gui.core import config_xml, pipeline

    with Store.open(postgres_store) as team:
        run_id = pipeline.commit(pipeline.check(
            config_xml.load(sample / "sample-config.xml"), team), team).run_id
    assert window.use_store(postgres_store)
    with Store.open(window.state.store_path) as store:
        from importer_gui.ui.store_browser import StoreBrowser

        browser = StoreBrowser(store, window)
        qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
        # Closed (and deleted) with the window, as every store browser of the window is.
        dialog = browser.open_revert(run_id)
        qtbot.waitUntil(lambda: dialog.revert_button.isEnabled(), timeout=20_000)


@pytest.mark.parametrize(("name", "stem"), [("y" * 300, "y" * 200), ("é" * 150, "é" * 100)])
def test_a_library_name_too_long_for_a_file_is_cut(name: str, stem: str) -> None:
    # Saved as it was, "File name too long" escaped the configuration page.
    from importer_gui.ui.settings import library_file_name

    assert library_file_name(name) == f"{stem}.xml"


def test_an_empty_store_file_is_said_lost_and_left_empty(
        speaking: str, window: MainWindow, warnings: list[str], tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    emptied_long_ago(store)
    before = window.state.store_path
    assert not window.use_store(store)
    assert warnings == [
        f"{store} est vide (0 octet)\u00a0: il ne contient aucune base, et rien n'y a été "
        "écrit. S'il contenait vos exécutions, remettez-le depuis une copie\u00a0; pour "
        "commencer une nouvelle base à cet endroit, supprimez d'abord le fichier vide."
        if speaking == FRENCH else
        f"{store} is empty (0 bytes): it holds no store, and nothing was written to it. If it "
        "held your runs, put it back from a copy; to start a new store there, delete the "
        "empty file first."]
    assert store.read_bytes() == b""
    assert window.state.store_path == before
