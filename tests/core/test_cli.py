"""The headless command line, end to end, as power users and scripts call it."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.builders import teachers_import, trainings_import, write_config, write_csv
from tests.stores import existing_store


@pytest.fixture
def sample_config(sample: Path) -> Path:
    """The private sample's configuration, so that its error log lands in tmp_path."""
    return sample / "sample-config.xml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) with its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def outcomes(document: dict, import_index: int) -> list[tuple[int, str, list[str]]]:
    """(line, outcome, messages) of one import of the JSON report."""
    return [(r["line"], r["outcome"], [i["message"] for i in r["issues"]])
            for r in document["imports"][import_index]["rows"]]


def test_sample_as_a_new_user_tries_it(sample_config: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, _ = run(capsys, "check", str(sample_config), "--store", store, "--json")
    assert code == 1
    document = json.loads(out)
    assert [Path(i["file"]).name for i in document["imports"]] == [
        "teachers.csv", "trainings.xlsx", "sessions.xlsx", "interventions.xlsx", "learners.csv",
        "registrations.xlsx"]
    assert outcomes(document, 0) == [
        (2, "create", []), (3, "create", []),
        (4, "error", ["Field teacherEmail: sophie.leroy-at-example.org is not an e-mail "
                      "address."]),
        (5, "create", [])]
    assert outcomes(document, 1)[3] == (5, "error", [
        "The modality must be distancelearning, knowledgecommunity, learning_channel or "
        "blended, elearning detected."])
    assert [o[1] for o in outcomes(document, 1)] == ["create"] * 3 + ["error"]
    assert outcomes(document, 2) == [
        (2, "create", []), (3, "create", []),
        (4, "error", ["Training with training path code XLS-999 is not found."]),
        (5, "error", ["Field sessionStartDate: 31/02/2027 is not a date in the format "
                      "DD/MM/YYYY."]),
        (6, "unchanged", ["No session matches this row: there is nothing to delete."]),
        (7, "error", ["Invalid sessionAction value: X"]),
        (8, "error", ["Field teacherLogin: no teacher has the login sleroy."]),
        (9, "update", ["Line 3 of this file already sets this session; this row's values "
                       "are applied after it."])]
    assert outcomes(document, 3) == [
        (2, "create", []), (3, "create", []), (4, "create", []),
        (5, "error", ["Session with title Session inconnue is not found for this training."]),
        (6, "error", ["Date le 3 mars not valid."]),
        (7, "error", ["Teacher with login inconnu is not found."]),
        (8, "error", ["Status has invalid value X, A or C expected."])]
    assert outcomes(document, 5) == [
        (2, "create", []), (3, "create", []), (4, "create", []),
        (5, "error", ["The candidate was not found."]),
        (6, "error", ["The training could not be found and it is mandatory."]),
        (7, "error", ["Register flag has invalid value X, Y or N expected."]),
        (8, "unchanged", ["The learner is already registered to this training session."]),
        (9, "unchanged", ["The candidate is not registered to this training."]),
        (10, "error", ["Start date 31/02/2027 not valid."])]
    assert document["counts"] == {"create": 19, "update": 1, "unchanged": 3, "delete": 0,
                                  "error": 17}
    # Each import says its actions and counts, as the readable output does: no script
    # counts rows itself.
    assert [(i["actions"], list(i["counts"].values())) for i in document["imports"]] == [
        (["createOrUpdateTeacherAction"], [3, 0, 0, 0, 1]),
        (["createOrUpdateTrainingCourseAction"], [3, 0, 0, 0, 1]),
        (["createOrUpdateSessionAction"], [2, 1, 1, 0, 4]),
        (["createOrUpdateInterventionAction"], [3, 0, 0, 0, 4]),
        (["createOrUpdateLearnerAction"], [5, 0, 0, 0, 3]),
        (["registerLearnerAction"], [3, 0, 2, 0, 4])]
    assert all(list(i["counts"]) == list(document["counts"]) for i in document["imports"])

    code, out, _ = run(capsys, "commit", str(sample_config), "--store", store, "--json")
    assert code == 1 and json.loads(out)["run"] == 1
    code, out, _ = run(capsys, "check", str(sample_config), "--store", store, "--json")
    again = json.loads(out)
    changed = [(i, r["line"]) for i, imp in enumerate(again["imports"]) for r in imp["rows"]
               if r["outcome"] not in ("unchanged", "error")]
    # The sessions file holds "Management - Paris printemps" twice with different end dates.
    assert changed == [(2, 3), (2, 9)]
    assert again["counts"] == {"create": 0, "update": 2, "unchanged": 21, "delete": 0,
                               "error": 17}


def test_readable_summary_and_exit_codes(sample_config: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(sample_config), "--store",
                         existing_store(tmp_path / "s.db"))
    assert code == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == (f"Import 1: {sample_config.parent / 'teachers.csv'} "
                        "(createOrUpdateTeacherAction)")
    assert lines[1] == "  create 3, update 0, unchanged 0, delete 0, error 1"
    assert ("teachers.csv:4: ERROR teacherEmail: Field teacherEmail: "
            "sophie.leroy-at-example.org is not an e-mail address.") in lines
    assert "interventions.xlsx:6: ERROR interventionDate: Date le 3 mars not valid." in lines
    assert lines[-1] == "Total: create 19, update 1, unchanged 3, delete 0, error 17"


def test_exit_zero_when_every_row_is_fine_and_data_replaces_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [["bad", "B", "b", "nope"]]))
    good = tmp_path / "good.csv"
    good.write_text("teacherLogin;teacherName;teacherFirstname;teacherEmail\n"
                    "mdupont;Dupont;Marie;m@example.org\n", encoding="utf-8")
    store = existing_store(tmp_path / "s.db")
    assert run(capsys, "check", str(config), "--store", store)[0] == 1
    code, out, _ = run(capsys, "commit", str(config), "--data", str(good), "--store", store)
    assert code == 0 and out.splitlines()[-1] == "Committed as run 1."


def test_too_many_data_files_says_which_import_each_goes_to(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, []),
                          trainings_import(tmp_path, []))
    given = [write_csv(tmp_path / name, [["x"]])
             for name in ("june-teachers.csv", "june-trainings.csv", "june-sessions.csv")]
    code, out, err = run(capsys, "check", str(config), "--store",
                         existing_store(tmp_path / "s.db"),
                         *[arg for path in given for arg in ("--data", str(path))])
    assert code == 2 and out == ""
    assert err == (f"importer-gui: {config}: 3 data files were given, but the configuration "
                   "has only 2 <import>, which take them in order: june-teachers.csv to "
                   "<import> 1 (fileName teachers.csv), june-trainings.csv to <import> 2 "
                   "(fileName trainings.csv); june-sessions.csv to none.\n")


@pytest.mark.parametrize(("setup", "message"), [
    # The message names its line; the file is not given as config.xml:1 on top of it.
    (lambda p: p.write_text("<import-config><import>", encoding="utf-8"),
     "config.xml: The configuration is not well-formed XML (line 1)"),
    (lambda p: None, "config.xml"),
])
def test_nothing_could_be_done_is_exit_two_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: Callable[[Path], object],
        message: str) -> None:
    config = tmp_path / "config.xml"
    setup(config)
    store = tmp_path / "s.db"
    code, out, err = run(capsys, "check", str(config), "--store", str(store))
    assert code == 2 and out == ""
    assert err.startswith("importer-gui: ") and message in err and len(err.splitlines()) == 1


def test_missing_data_file_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, []))
    (tmp_path / "teachers.csv").unlink()
    code, _, err = run(capsys, "check", str(config), "--store", existing_store(tmp_path / "s.db"))
    assert code == 2 and "teachers.csv" in err and len(err.splitlines()) == 1


def test_history_newest_first(sample_config: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(tmp_path / "s.db")
    assert run(capsys, "history", "--store", store)[1] == (
        "No runs yet: the store holds no import, refresh or revert.\n")
    run(capsys, "commit", str(sample_config), "--store", store)
    run(capsys, "commit", str(sample_config), "--store", store)
    code, out, _ = run(capsys, "history", "--store", store, "--json")
    runs = json.loads(out)["runs"]
    assert code == 0 and [r["id"] for r in runs] == [2, 1]
    assert runs[1]["counts"]["create"] == 19 and runs[0]["counts"]["unchanged"] == 21
    assert runs[0]["config"] == str(sample_config) and len(runs[0]["files"]) == 6
    assert runs[0]["started"][:2] == "20"
    assert (runs[0]["user"], runs[0]["machine"]) == (getpass.getuser(), socket.gethostname())
    text = run(capsys, "history", "--store", store)[1]
    assert f"  by: {getpass.getuser()} on {socket.gethostname()}\n" in text


def test_python_dash_m_runs_the_same_command(sample_config: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "importer_gui", "check", str(sample_config), "--store",
         existing_store(tmp_path / "s.db"), "--json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["counts"]["create"] == 19


def test_a_commit_process_ends_quickly_with_its_output_and_store_complete(
        sample_config: Path, tmp_path: Path) -> None:
    """The process skips freeing its plan (os._exit): nothing it wrote may be lost."""
    store = tmp_path / "s.db"
    result = subprocess.run(
        [sys.executable, "-m", "importer_gui", "commit", str(sample_config), "--store", str(store)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-2:-1] == ["Committed as run 1."]
    assert lines[-1].startswith("Error log: ")
    again = subprocess.run(
        [sys.executable, "-m", "importer_gui", "check", str(sample_config), "--store", str(store)],
        capture_output=True, text=True, timeout=120)
    # As in-process (test_sample_as_a_new_user_tries_it): all created, one session twice.
    assert "Total: create 0, update 2, unchanged 21, delete 0, error 17" in again.stdout


def test_a_word_that_is_neither_command_nor_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "chek")
    assert code == 2 and out == ""
    assert err.startswith("importer-gui: chek is neither a command (check, commit, history")
    assert err.endswith("nor a file to open; see importer-gui --help.\n")


def test_a_file_argument_opens_the_wizard_on_it(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    from importer_gui.ui import app

    opened: list[list[str]] = []
    monkeypatch.setattr(app, "run_gui", lambda argv, store_path=None: opened.append(argv) or 0)
    data = tmp_path / "plan.xlsx"
    data.write_bytes(b"")
    assert main([str(data)]) == 0 and opened == [[str(data)]]


def test_commit_writes_the_error_log_where_the_consolidator_says(
        sample_config: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "commit", str(sample_config), "--store", str(tmp_path / "s.db"))
    assert code == 1
    logs = sorted((sample_config.parent / "logs").iterdir())
    assert len(logs) == 1 and f"Error log: {logs[0]}" in out.splitlines()
    lines = logs[0].read_text(encoding="utf-8").splitlines()
    assert lines[0] == ("Line number:5,ERROR,INT-0004,SEC-101,Session inconnue,"
                        "2027-01-20T09:00:00,7,ROOM-LYON-1,Lyon - Salle Rhône,12,mdupont,A,"
                        "Session with title Session inconnue is not found for this training.")
    assert len(lines) == 4  # only the interventions import has a logger


A_BUG = """
import dataclasses
import sys
from importer_gui import cli
from importer_gui.cli import history as module

def history(args, out):
    raise RuntimeError("a bug in history")

module.HISTORY = dataclasses.replace(module.HISTORY, run=history)
sys.exit(cli.main(["history", "--store", sys.argv[1]]))
"""


def test_a_bug_is_one_line_and_its_traceback_goes_to_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run([sys.executable, "-c", A_BUG, str(tmp_path / "s.db")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "IMPORTER_GUI_DATA_DIR": str(data)})
    log = data / "import-assistant.log"
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"importer-gui: unexpected error; details are in the log ({log})\n"
    text = log.read_text(encoding="utf-8")
    assert "unexpected error in: importer-gui history --store" in text
    assert "Traceback" in text and "RuntimeError: a bug in history" in text


def test_a_bug_with_a_name_that_is_not_utf8_on_the_command_line_is_logged_whole(
        tmp_path: Path) -> None:
    """A file name in another encoding (a Latin-1 é from an old USB stick) reaches the
    command as it is: the log says it escaped, rather than losing the whole record (and
    printing the logging module's own traceback on the terminal)."""
    data = tmp_path / "data"
    store = os.fsencode(tmp_path) + b"/caf\xe9.db"
    result = subprocess.run([sys.executable.encode(), b"-c", A_BUG.encode(), store],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "IMPORTER_GUI_DATA_DIR": str(data)})
    log = data / "import-assistant.log"
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"importer-gui: unexpected error; details are in the log ({log})\n"
    text = log.read_text(encoding="utf-8")
    assert f"unexpected error in: importer-gui history --store {tmp_path}/caf\\udce9.db" in text
    assert "RuntimeError: a bug in history" in text
