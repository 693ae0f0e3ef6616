"""File names the command line must take as a user writes them: accented under a locale
that cannot name them."""

from __future__ import annotations

from pathlib import Path

from tests.builders import teachers_import, write_config
from tests.faults import cli, one_line_failure
from tests.stores import existing_store

TEACHER = ("jdoe", "Doe", "John", "jdoe@example.org")
# Python's C-locale coercion and UTF-8 mode turned off on purpose: file names are ASCII.
ASCII_NAMES = {"PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "LC_ALL": "C"}


def test_an_accented_data_file_the_locale_cannot_name_is_said_not_an_unexpected_error(
        tmp_path: Path) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [TEACHER], file_name="é.csv"))
    store = existing_store(tmp_path / "s.db")
    done = cli("check", str(config), "--store", store, env=ASCII_NAMES)
    # stderr is ASCII too: the accent is shown as its escape.
    assert one_line_failure(done) == (
        f"importer-gui: {tmp_path}/\\xe9.csv: this file name cannot be given to the system, "
        "whose file names are ASCII under the current locale; run with a UTF-8 locale "
        "(LC_ALL=C.UTF-8) or PYTHONUTF8=1.")
    # What it advises reads the file.
    done = cli("check", str(config), "--store", store, env={**ASCII_NAMES, "PYTHONUTF8": "1"})
    assert done.code == 0, done.err
    assert done.out.splitlines()[-1] == "Total: create 1, update 0, unchanged 0, delete 0, error 0"

