"""The output of a configuration of several imports: their counts read at a glance after the
issues (and given with each import in the JSON), a run's files one a line in the history."""

from __future__ import annotations

import getpass
import json
import socket
from pathlib import Path

import pytest

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from tests.builders import teachers_import, trainings_import, write_config
from tests.core.test_cli import run
from tests.stores import existing_store

COUNTS_HEADING = "import  create  update  unchanged  delete  error  file"


def three_imports(folder: Path) -> Path:
    """Twelve teachers and a wrong one, a training course, two more teachers from a site."""
    teachers = [[f"t{n}", f"Name{n}", "F", f"t{n}@example.org"] for n in range(12)]
    return write_config(
        folder,
        teachers_import(folder, [*teachers, ["bad", "Bad", "B", "nope"]]),
        trainings_import(folder, [["SEC-101", "Sécurité", ""]]),
        teachers_import(folder, [["lyon1", "L", "F", ""], ["lyon2", "M", "F", ""]],
                        "2027-06 teachers Mérignac.csv"))


def test_check_ends_with_each_import_s_counts_then_the_total(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = three_imports(tmp_path)
    code, out, err = run(capsys, "check", str(config), "--store",
                         existing_store(tmp_path / "s.sqlite3"))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[:3] == [
        f"Import 1: {tmp_path / 'teachers.csv'} (createOrUpdateTeacherAction)",
        "  create 12, update 0, unchanged 0, delete 0, error 1",
        "teachers.csv:14: ERROR teacherEmail: Field teacherEmail: nope is not an e-mail "
        "address."]
    assert lines[-6:] == [
        "",
        COUNTS_HEADING,
        "     1      12       0          0       0      1  teachers.csv",
        "     2       1       0          0       0      0  trainings.csv",
        "     3       2       0          0       0      0  2027-06 teachers Mérignac.csv",
        "Total: create 15, update 0, unchanged 0, delete 0, error 1"]


def test_the_json_gives_each_import_s_actions_and_counts_as_the_table_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(three_imports(tmp_path)), "--store",
                       existing_store(tmp_path / "s.sqlite3"), "--json")
    document = json.loads(out)
    assert code == 1
    assert [{k: v for k, v in i.items() if k != "rows"} for i in document["imports"]] == [
        {"file": str(tmp_path / "teachers.csv"), "actions": ["createOrUpdateTeacherAction"],
         "counts": {"create": 12, "update": 0, "unchanged": 0, "delete": 0, "error": 1}},
        {"file": str(tmp_path / "trainings.csv"),
         "actions": ["createOrUpdateTrainingCourseAction"],
         "counts": {"create": 1, "update": 0, "unchanged": 0, "delete": 0, "error": 0}},
        {"file": str(tmp_path / "2027-06 teachers Mérignac.csv"),
         "actions": ["createOrUpdateTeacherAction"],
         "counts": {"create": 2, "update": 0, "unchanged": 0, "delete": 0, "error": 0}}]
    assert document["counts"] == {"create": 15, "update": 0, "unchanged": 0, "delete": 0,
                                  "error": 1}


def test_an_import_of_two_actions_counts_each_action_s_result(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two rows, each through two actions: four results, counted as the total counts them.
    spec = teachers_import(tmp_path, [["a", "A", "F", "a@example.org"], ["b", "B", "F", "no"]])
    spec.then = ("<createOrUpdateTeacherAction><fields><teacherLogin/><teacherName/>"
                 "<teacherFirstname/><teacherEmail/></fields></createOrUpdateTeacherAction>")
    code, out, _ = run(capsys, "check", str(write_config(tmp_path, spec)), "--store",
                       existing_store(tmp_path / "s.sqlite3"), "--json")
    imp = json.loads(out)["imports"][0]
    assert code == 1
    assert imp["actions"] == ["createOrUpdateTeacherAction"] * 2
    assert imp["counts"] == {"create": 1, "update": 0, "unchanged": 1, "delete": 0, "error": 2}


def test_a_commit_s_counts_come_before_its_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "commit", str(three_imports(tmp_path)), "--store",
                       str(tmp_path / "s.sqlite3"))
    assert code == 1
    assert out.splitlines()[-3:] == [
        "     3       2       0          0       0      0  2027-06 teachers Mérignac.csv",
        "Total: create 15, update 0, unchanged 0, delete 0, error 1",
        "Committed as run 1."]


def test_one_import_has_no_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [["a", "A", "F", ""]]))
    code, out, _ = run(capsys, "check", str(config), "--store",
                       existing_store(tmp_path / "s.sqlite3"))
    assert code == 0
    assert out.splitlines() == [
        f"Import 1: {tmp_path / 'teachers.csv'} (createOrUpdateTeacherAction)",
        "  create 1, update 0, unchanged 0, delete 0, error 0",
        "Total: create 1, update 0, unchanged 0, delete 0, error 0"]


def test_the_history_lists_a_run_s_files_one_a_line_after_its_counts(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = str(tmp_path / "s.sqlite3")
    assert run(capsys, "commit", str(three_imports(tmp_path)), "--store", store)[0] == 1
    files = ["  files: 3", f"    {tmp_path / 'teachers.csv'}",
             f"    {tmp_path / 'trainings.csv'}",
             f"    {tmp_path / '2027-06 teachers Mérignac.csv'}"]
    code, out, _ = run(capsys, "history", "--store", store)
    lines = out.splitlines()
    assert code == 0 and lines[0].endswith(f"  import  {tmp_path / 'config.xml'}")
    assert lines[1:] == ["  create 15, update 0, unchanged 0, delete 0, error 1",
                         f"  by: {getpass.getuser()} on {socket.gethostname()}", *files]
    code, out, _ = run(capsys, "history", "1", "--store", store)
    assert code == 0 and out.splitlines()[3:] == [*files, "  corrections: none"]


def test_a_run_of_no_file_says_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                    ) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "ada"})],
                    RunInfo("/cfg/export.xml", "<import-config/>", [], {"create": 1},
                            kind="refresh"))
    code, out, _ = run(capsys, "history", "--store", str(tmp_path / "s.sqlite3"))
    assert code == 0 and "  files: none" in out.splitlines()
