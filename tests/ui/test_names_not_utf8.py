"""File names whose bytes are no UTF-8 (a Latin-1 disk's on Linux, which Python holds as
lone surrogates): the window works with them as the command line does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.issues import Outcome
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.settings import CONFIGURATIONS, Settings, settings_path
from importer_gui.ui.state import WizardState
from tests.builders import TEACHER_COLUMNS, latin1, teachers_import, write_config
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
