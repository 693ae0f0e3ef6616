"""Saving the configuration where it cannot go: said on the page, never raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from tests.ui.test_config_editor_mistakes import configuration_page

NBSP = "\u00a0"


def test_a_library_folder_that_cannot_be_made_is_said(
        window: MainWindow, sample: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = configuration_page(window, sample)
    blocker = tmp_path / "settings"  # a file where the settings folder should be
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(blocker))
    page.save_to_library("Teachers")  # written in the background: its outcome said after
    page.finish_saving()
    target = blocker / "configurations" / "Teachers.xml"
    assert page.error_label.text() == f"{target}: could not save (Not a directory)."
    assert page.status_label.text() == "The configuration is valid."


def not_saved(window: MainWindow, sample: Path, tmp_path: Path) -> tuple[Path, str]:
    """Where a configuration was saved over a folder of that name, and what the page says
    of it."""
    page = configuration_page(window, sample)
    target = tmp_path / "teachers.xml"
    target.mkdir()
    page.save_config_as(target)
    page.finish_saving()
    return target, page.error_label.text()


def test_a_folder_in_the_way_is_said_in_the_system_s_words_in_english(
        window: MainWindow, sample: Path, tmp_path: Path) -> None:
    target, said = not_saved(window, sample, tmp_path)
    assert said == f"{target}: The configuration could not be saved: Is a directory."


def test_a_folder_in_the_way_is_said_in_french(
        french: None, sample: Path, tmp_path: Path, qtbot: QtBot) -> None:
    window = MainWindow(tmp_path / "store.sqlite3")  # built once French is installed
    qtbot.addWidget(window)
    target, said = not_saved(window, sample, tmp_path)
    assert said == (f"{target}{NBSP}: La configuration n'a pas pu être enregistrée{NBSP}: "
                    f"C'est un dossier.")


def test_a_library_folder_that_cannot_be_made_is_said_in_french(
        french: None, sample: Path, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    page = configuration_page(window, sample)
    blocker = tmp_path / "settings"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("IMPORTER_GUI_CONFIG_DIR", str(blocker))
    page.save_to_library("Teachers")
    page.finish_saving()
    target = blocker / "configurations" / "Teachers.xml"
    assert page.error_label.text() == (
        f"{target}{NBSP}: enregistrement impossible (Ce n'est pas un dossier).")
