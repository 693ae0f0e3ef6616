"""A folder, a pipe or a device named like a spreadsheet is said to be what it is when
opened in the window, as the command line says it: never "no such file", and a pipe is
never opened (reading one nobody writes to would wait for ever)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from importer_gui.ui.main_window import MainWindow
from tests.builders import teachers_import, write_config
from tests.faults import cli, one_line_failure
from tests.stores import existing_store
from tests.ui.wizards import shot

FOLDER = "this is a folder, not a data file"
NOT_REGULAR = "this is a pipe or a device, not a data file"
NAMES = ["teachers.csv", "teachers.xlsx"]
NBSP = "\u00a0"


def made(path: Path, kind: str) -> Path:
    """A folder or a named pipe at ``path``."""
    if kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)  # nobody ever writes to it: opening it to read would wait for ever
    return path


needs_pipes = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
KINDS = [("folder", FOLDER), pytest.param("pipe", NOT_REGULAR, marks=needs_pipes)]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("kind", "said"), KINDS)
def test_the_open_page_says_what_the_path_is(window: MainWindow, tmp_path: Path, name: str,
                                             kind: str, said: str) -> None:
    path = made(tmp_path / name, kind)
    page = window.wizard.open_page
    assert not window.open_file(path)
    assert page.error_label.text() == f"{path}: {said}"
    assert page.data_file() is None


def test_a_missing_file_is_said_as_the_readers_say_it(window: MainWindow,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "teachers.csv"
    assert not window.open_file(path)
    assert window.wizard.open_page.error_label.text() == f"{path}: the file does not exist"


@pytest.mark.parametrize(("kind", "said"), KINDS)
def test_a_configurations_data_file_that_is_no_file_is_said_and_asked_for(
        window: MainWindow, tmp_path: Path, kind: str, said: str) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoe", "Z", "")]))
    (tmp_path / "teachers.csv").unlink()
    made(tmp_path / "teachers.csv", kind)
    page = window.wizard.open_page
    assert window.open_file(config)  # the configuration opens; its file is to be chosen
    assert page.unfound_label.text() == (
        f"The configuration's data file teachers.csv in {tmp_path} cannot be read: {said}. "
        "Choose the file to read for this import.")


def test_a_folder_reads_in_french_on_the_open_page(
        french: None, window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    path = made(tmp_path / "teachers.csv", "folder")
    assert not window.open_file(path)
    assert window.wizard.open_page.error_label.text() == (
        f"{path}{NBSP}: c'est un dossier, pas un fichier de données")
    shot(window, screenshots, "page0-a-folder-named-like-a-spreadsheet-fr")
    folder = tmp_path / "configured"
    folder.mkdir()
    config = write_config(folder, teachers_import(folder, [("zoe", "Zoe", "Z", "")]))
    (folder / "teachers.csv").unlink()
    made(folder / "teachers.csv", "folder")
    assert window.open_file(config)
    assert window.wizard.open_page.unfound_label.text() == (
        f"Le fichier de données de la configuration, teachers.csv, dans {folder} ne peut "
        f"pas être lu{NBSP}: c'est un dossier, pas un fichier de données. Choisissez le "
        "fichier à lire pour cet import.")


def test_a_folder_is_said_on_the_open_page(window: MainWindow, tmp_path: Path,
                                          screenshots: Path) -> None:
    path = made(tmp_path / "teachers.csv", "folder")
    assert not window.open_file(path)
    shot(window, screenshots, "page0-a-folder-named-like-a-spreadsheet")
    assert window.wizard.open_page.error_label.isVisible()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("kind", "said"), KINDS)
@pytest.mark.parametrize("command", ["check", "commit"])
def test_the_command_line_says_what_the_data_path_is(tmp_path: Path, name: str, kind: str,
                                                      said: str, command: str) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoe", "Z", "")]))
    (tmp_path / "given").mkdir()
    path = made(tmp_path / "given" / name, kind)
    store = existing_store(tmp_path / "s.db")
    assert one_line_failure(cli(command, str(config), "--data", str(path), "--store",
                                store)) == f"importer-gui: {path}: {said}"


@pytest.mark.parametrize(("kind", "said"), KINDS)
def test_the_command_line_says_what_the_configured_data_path_is(tmp_path: Path, kind: str,
                                                                 said: str) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [("zoe", "Zoe", "Z", "")]))
    path = tmp_path / "teachers.csv"
    path.unlink()
    made(path, kind)
    store = existing_store(tmp_path / "s.db")
    assert one_line_failure(cli("check", str(config), "--store", store)) == (
        f"importer-gui: {path}: {said}")
