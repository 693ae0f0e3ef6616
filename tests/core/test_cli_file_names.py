"""File names the command line must take as a user writes them: accented under a locale
that cannot name them, starting with a dash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.builders import latin1, teachers_import, write_config
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


def test_a_data_file_starting_with_a_dash(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the file named as it is in its folder
    config = str(write_config(tmp_path, teachers_import(tmp_path, [TEACHER])))
    (tmp_path / "-x.csv").write_bytes((tmp_path / "teachers.csv").read_bytes())
    store = existing_store(tmp_path / "s.db")
    with pytest.raises(SystemExit) as ended:
        main(["check", config, "--store", store, "--data", "-x.csv"])
    assert ended.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "importer-gui check: error: argument --data: expected one argument (a value starting "
        "with a dash is given as --data=-VALUE)")
    with pytest.raises(SystemExit) as ended:
        main(["check", "--help"])
    assert ended.value.code == 0
    assert "; a name starting with a dash as --data=-x.csv " in " ".join(
        capsys.readouterr().out.split())
    assert main(["check", config, "--store", store, "--data=-x.csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        "Import 1: -x.csv (createOrUpdateTeacherAction)")


def test_init_of_an_accented_data_file_the_locale_cannot_name_advises_a_utf8_locale(
        tmp_path: Path) -> None:
    data = tmp_path / "é.csv"
    data.write_text("Identifiant;Nom\njdoe;Doe\n", encoding="utf-8")
    done = cli("init", str(data), "--out", str(tmp_path / "c.xml"),
               "--action", "createOrUpdateTeacherAction", env=ASCII_NAMES)
    # The name's bytes are not the locale's: its advice, not "rename the file".
    assert one_line_failure(done) == (
        f"importer-gui: {tmp_path}/c.xml: \\xe9.csv: this file name cannot be given "
        "to the system, whose file names are ASCII under the current locale; run with a UTF-8 "
        "locale (LC_ALL=C.UTF-8) or PYTHONUTF8=1.")
    assert not (tmp_path / "c.xml").exists()


def test_the_sample_in_a_folder_named_in_latin1_is_checked_and_committed(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = latin1(tmp_path, b"d\xe9")
    sample.rename(folder)
    store = existing_store(tmp_path / "s.db")
    config = str(folder / "sample-config.xml")
    assert main(["check", config, "--store", store]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    assert "interventions.xlsx:6: ERROR interventionDate: Date le 3 mars not valid." in out
    assert out.splitlines()[-1] == "Total: create 19, update 1, unchanged 3, delete 0, error 17"
    assert main(["commit", config, "--store", store]) == 1
    assert "Committed as run 1." in capsys.readouterr().out.splitlines()
    logs = os.listdir(os.fsencode(folder / "logs"))
    assert len(logs) == 1 and logs[0].startswith(b"import_errors_")


def test_an_error_naming_a_file_in_a_latin1_folder_shows_its_byte_as_an_escape(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = latin1(tmp_path, b"d\xe9")
    folder.mkdir()
    (folder / "c.xml").write_text("<not xml", encoding="utf-8")
    assert main(["check", str(folder / "c.xml")]) == 2
    # As the history keeps the name, not d\udce9 (a character no one wrote).
    assert capsys.readouterr().err.startswith(
        f"importer-gui: {tmp_path}/d\\xe9/c.xml: The configuration is not well-formed XML")


def test_init_under_an_ascii_locale_prints_an_accented_header_as_its_escape(
        tmp_path: Path) -> None:
    """stdout is ASCII there too: an accent it cannot hold is shown escaped, as on stderr,
    not taken for a file name the system refused once the configuration is written."""
    data = tmp_path / "teachers.csv"
    data.write_text("Identifiant;Nom;Prénom;Courriel\njdoe;Doe;John;jdoe@example.org\n",
                    encoding="utf-8")
    done = cli("init", str(data), "--out", str(tmp_path / "c.xml"),
               "--action", "createOrUpdateTeacherAction", env=ASCII_NAMES)
    assert (done.code, done.err) == (0, "")
    assert "    3. Pr\\xe9nom -> teacherFirstname (synonym match)" in done.out.splitlines()
