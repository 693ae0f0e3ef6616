"""File names whose bytes are no UTF-8 (a Latin-1 disk's on Linux, which Python holds as
lone surrogates): the window works with them as the command line does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, paths
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.package_dialog import DEFAULT_FOLDER_NAME
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.settings import CONFIGURATIONS, Settings, settings_path
from importer_gui.ui.state import WizardState
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.store_dialog import StoreDialog
from tests.builders import (
    TEACHER_COLUMNS,
    latin1,
    teachers_import,
    trainings_import,
    write_config,
)
from tests.conftest import SAMPLE
from tests.core.test_session_store_replaced import colleagues_store
from tests.ui.test_remembered_package_folder import checked, shown
from tests.ui.test_store_replaced import not_the_one
from tests.ui.wizards import preview_and_commit, sample_preview, shot


def test_a_store_named_in_latin1_takes_the_commit(tmp_path: Path, qtbot: QtBot) -> None:
    data = tmp_path / "teachers.csv"
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [])))
    data.write_text(";".join(TEACHER_COLUMNS) + "\nzoe;Zoe;Z;zoe@example.org\n",
                    encoding="utf-8")
    store = latin1(tmp_path, b"caf\xe9.sqlite3")
    state = WizardState(store)
    state.session.set_config(config, [data])
    wizard, _preview, commit = preview_and_commit(state, qtbot)
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert commit.count_labels[Outcome.CREATE].text() == "1"
    assert os.listdir(os.fsencode(tmp_path)).count(b"caf\xe9.sqlite3") == 1


def test_the_sample_in_a_folder_named_in_latin1_is_checked_and_committed(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    folder = latin1(tmp_path, b"d\xe9")
    sample.rename(folder)
    preview = sample_preview(window, folder, qtbot)
    assert preview.shows_plan()
    commit = window.wizard.commit_page
    window.wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=20_000)
    assert [commit.count_labels[outcome].text() for outcome in Outcome] == [
        "19", "1", "3", "0", "17"]
    logs = os.listdir(os.fsencode(folder / "logs"))
    assert len(logs) == 1 and logs[0].startswith(b"import_errors_")


def test_a_configuration_in_a_latin1_folder_is_shown_whole_and_remembered(
        window: MainWindow, sample: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, screenshots: Path) -> None:
    folder = latin1(tmp_path, b"d\xe9")
    sample.rename(folder)
    config = folder / "sample-config.xml"
    page = sample_preview(window, folder, qtbot)
    page.save_error_log(folder)
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=10_000)
    shown = f"{tmp_path}/d\\xe9/{page.last_export.name}"
    assert page.progress_label.text() == f"Saved {shown}."
    shot(window, screenshots, "latin1_saved")
    opened: list[Path] = []
    monkeypatch.setattr(window, "open_file", opened.append)
    Settings().remember_folder(CONFIGURATIONS, config)
    window._fill_recent()
    first = window.recent_menu.actions()[0]
    assert (first.text(), first.toolTip()) == (
        "&1 sample-config.xml", f"{tmp_path}/d\\xe9/sample-config.xml")
    first.trigger()
    assert opened == [config]
    assert Settings().last_folder(CONFIGURATIONS) == folder


def test_plain_paths_are_kept_in_the_settings_as_before(tmp_path: Path) -> None:
    folder = tmp_path / "dé"
    folder.mkdir()
    Settings().remember_folder(CONFIGURATIONS, folder)
    assert f"{CONFIGURATIONS}={folder}\n" in settings_path().read_text(encoding="utf-8")


def test_the_refresh_of_an_export_configuration_in_a_latin1_folder_names_it_whole(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    exports = Path(shutil.copytree(SAMPLE / "exports", latin1(tmp_path, b"exports\xe9")))
    dialog = RefreshDialog(tmp_path / "store.sqlite3", config_path=exports / "export-config.xml",
                           synchronous=True)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 650)
    dialog.show()
    assert dialog.config_edit.text() == f"{tmp_path}/exports\\xe9/export-config.xml"
    # The box shows the escapes; the preview read the file they stand for.
    assert dialog.planned is not None and dialog.refresh_button.isEnabled()
    chosen = [str(exports / "platform_sessions.csv")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args, **kwargs: (chosen, "")))
    dialog.choose_files()
    assert dialog.files_label.toolTip() == f"{tmp_path}/exports\\xe9/platform_sessions.csv"
    assert dialog.refresh_button.isEnabled()
    shot(dialog, screenshots, "latin1_refresh")


def test_another_store_put_in_place_of_a_latin1_named_one_is_named_whole(
        tmp_path: Path, qtbot: QtBot) -> None:
    path = latin1(tmp_path, b"caf\xe9.sqlite3")
    with Store.open(path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "zoe"})],
                    RunInfo(config_path="/ours.xml", config_xml="", files=[],
                            counts={"create": 1}))
        browser = StoreBrowser(store)
        qtbot.addWidget(browser)
        qtbot.waitUntil(lambda: not browser.busy)
        shutil.copyfile(colleagues_store(tmp_path), path)
        browser.refresh()
        qtbot.waitUntil(lambda: not browser.busy)
        assert browser.store_notice.text() == not_the_one(tmp_path / "caf\\xe9.sqlite3")
        browser.close()


def test_a_file_named_in_latin1_is_named_whole_in_the_preview(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    config = config_xml.load(write_config(
        tmp_path, teachers_import(tmp_path, [("zoe", "Zoe", "Z", "zoe@example.org")]),
        trainings_import(tmp_path, [("T1", "Safety", "")])))
    teachers = latin1(tmp_path, b"enseignants\xe9.csv")
    (tmp_path / "teachers.csv").rename(teachers)
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_config(config, [teachers, tmp_path / "trainings.csv"])
    _wizard, preview, _commit = preview_and_commit(state, qtbot)
    box = preview.import_box
    assert [box.itemText(n) for n in range(box.count())] == [
        "enseignants\\xe9.csv", "trainings.csv", "All files"]
    box.setCurrentIndex(2)
    model = preview.model
    first = model.index(0, model.file_column())
    assert (model.data(first), model.data(first, Qt.ItemDataRole.ToolTipRole)) == (
        "enseignants\\xe9.csv", f"{tmp_path}/enseignants\\xe9.csv")
    preview.table.scrollTo(first)
    shot(preview, screenshots, "latin1_preview_files")


def test_a_library_configuration_named_in_latin1_is_listed_whole(
        window: MainWindow, sample: Path, screenshots: Path) -> None:
    library = paths.library_dir()
    library.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(sample / "sample-config.xml", latin1(library, b"Caf\xe9.xml"))
    shutil.copyfile(sample / "sample-config.xml", library / "Café.xml")
    page = window.wizard.open_page
    page.refresh_lists()
    assert page.library_model.stringList() == ["Café", "Caf\\xe9"]
    shot(window, screenshots, "latin1_library")


def test_the_store_dialog_shows_a_latin1_store_whole_and_opens_that_one(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    current, chosen = latin1(tmp_path, b"caf\xe9.sqlite3"), latin1(tmp_path, b"th\xe9.sqlite3")
    dialog = StoreDialog(current)
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.path_edit.text(), dialog.location()) == (
        f"{tmp_path}/caf\\xe9.sqlite3", current)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(chosen), "")))
    dialog._browse()
    assert (dialog.path_edit.text(), dialog.location()) == (
        f"{tmp_path}/th\\xe9.sqlite3", chosen)
    shot(dialog, screenshots, "latin1_store_dialog")


def test_the_package_dialog_writes_and_keys_with_latin1_paths_whole(
        tmp_path: Path, sample: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        screenshots: Path) -> None:
    folder = latin1(tmp_path, b"d\xe9")
    sample.rename(folder)
    dialog = shown(qtbot, checked(folder / "sample-config.xml", tmp_path / "store.sqlite3"))
    assert dialog.folder_edit.text() == f"{tmp_path}/d\\xe9/{DEFAULT_FOLDER_NAME}"
    dialog.package_button.click()
    assert dialog.result is not None and dialog.result.folder == folder / DEFAULT_FOLDER_NAME
    chosen, key = latin1(tmp_path, b"paquet\xe9"), latin1(tmp_path, b"cl\xe9")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(chosen)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(key), "")))
    dialog.choose_folder()
    dialog.choose_key()
    assert (dialog.folder_edit.text(), dialog.key_edit.text()) == (
        f"{tmp_path}/paquet\\xe9", f"{tmp_path}/cl\\xe9")
    assert dialog.key_edit.path_text() == str(key)  # the key a send would use
    shot(dialog, screenshots, "latin1_package")
    dialog.package_button.click()
    assert dialog.result.folder == chosen
