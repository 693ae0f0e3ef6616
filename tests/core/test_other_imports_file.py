"""A file mapped by position that is not this import's: its header line names other fields,
or its lines are too short for the configuration's last fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.test_cli import run
from tests.core.test_readers_mismatch import failure, store_in, teachers


def test_a_training_course_file_given_to_a_teacher_import_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, "\ufefftrainingPathCode;trainingTitle;trainingModality\r\n"
                                "C1;Tëst 1;blended\r\nC2;T2;blended\r\n".encode())
    store = store_in(tmp_path)
    assert failure(capsys, "commit", str(config), "--store", store) == (
        f"importer-gui: {tmp_path / 'teachers.csv'}:1: line 1 names the fields "
        "trainingPathCode, trainingTitle, trainingModality, none of which this import maps (it "
        "maps teacherLogin, teacherName, teacherFirstname, teacherEmail): is this the file of "
        "this import?")
    assert run(capsys, "history", "--store", store)[1] == (
        "No runs yet: the store holds no import, refresh or revert.\n")


def test_fields_named_in_other_columns_are_said_and_read_by_position(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, b"teacherName;teacherLogin;teacherFirstname;teacherEmail\n"
                                b"Martin;lmartin;Lea;l@e.org\n")
    code, out, _ = run(capsys, "check", str(config), "--store", store_in(tmp_path), "--json")
    document = json.loads(out)
    assert code == 0
    assert document["notices"] == [
        "teachers.csv: line 1 names teacherName (column 1) and teacherLogin (column 2), where "
        "the configuration maps teacherLogin and teacherName; the columns are read by "
        "position, as the platform reads them."]


def test_lines_a_column_short_say_which_field_gets_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, b"Login;Nom;Prenom\nlmartin;Martin;Lea\nzoe;Z;Zoe\n")
    code, out, _ = run(capsys, "check", str(config), "--store", store_in(tmp_path))
    assert code == 0
    assert ("teachers.csv: its lines hold 3 cells where the configuration maps 4 columns; "
            "nothing is read for teacherEmail.") in out.splitlines()


def test_a_file_of_the_mapped_width_has_no_notice(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = teachers(tmp_path, b"teacherLogin;teacherName;teacherFirstname;teacherEmail\n"
                                b"lmartin;Martin;Lea;l@e.org\n")
    code, out, _ = run(capsys, "check", str(config), "--store", store_in(tmp_path), "--json")
    assert code == 0 and "notices" not in json.loads(out)
