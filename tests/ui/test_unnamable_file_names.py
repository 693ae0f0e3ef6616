"""A configuration naming a file the locale cannot name: the window says so with its name,
as the command line does, not as an unexpected error."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from importer_gui.ui.main_window import MainWindow
from tests.builders import teachers_import, write_config

TEACHER = ("jdoe", "Doe", "John", "jdoe@example.org")


@pytest.fixture
def ascii_names(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names are ASCII, as under PYTHONUTF8=0 PYTHONCOERCECLOCALE=0 LC_ALL=C: an accent
    cannot be given to the system (os.fsencode raises as Python does there)."""
    real = os.path.realpath

    def realpath(path: str | os.PathLike[str], **kw: bool) -> str:
        os.fspath(path).encode("ascii")
        return real(path, **kw)

    monkeypatch.setattr(sys, "getfilesystemencoding", lambda: "ascii")
    monkeypatch.setattr(os.path, "realpath", realpath)


def _opened_naming_e_acute(window: MainWindow, tmp_path: Path) -> str:
    """The page's error after opening a configuration naming é.csv."""
    config = write_config(tmp_path, teachers_import(tmp_path, [TEACHER], file_name="é.csv"))
    page = window.wizard.open_page
    assert not page.open_path(config)
    assert not page.error_label.isHidden()
    return page.error_label.text()


def test_a_data_file_the_locale_cannot_name_is_said_with_its_name(
        ascii_names: None, window: MainWindow, tmp_path: Path) -> None:
    assert _opened_naming_e_acute(window, tmp_path) == (
        f"{tmp_path}/é.csv: this file name cannot be given to the system, whose file names "
        "are ASCII under the current locale; run with a UTF-8 locale (LC_ALL=C.UTF-8) or "
        "PYTHONUTF8=1.")


def test_it_is_said_in_french(french: None, ascii_names: None, window: MainWindow,
                              tmp_path: Path) -> None:
    # A no-break space before : and ; as French typography has it.
    assert _opened_naming_e_acute(window, tmp_path) == (
        f"{tmp_path}/é.csv\u00a0: ce nom de fichier ne peut pas être donné au système, dont "
        "les noms de fichiers sont en ASCII avec les paramètres régionaux actuels\u00a0; "
        "lancez le "
        "programme avec des paramètres régionaux UTF-8 (LC_ALL=C.UTF-8) ou PYTHONUTF8=1.")
