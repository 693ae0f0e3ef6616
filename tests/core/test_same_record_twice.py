"""QA 10: a row that sets (creates or updates) a record an earlier row of the same file set is
warned, naming that line; it is still committed, after the earlier one."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import ImportSpec, by_hand, teachers_import, write_config, write_csv
from tests.core.test_cli import outcomes, run
from tests.stores import existing_store

LEARNER_COLUMNS = ("candidateLogin", "candidateName", "candidateFirstname", "candidateEmail")
BY_LOGIN = "<traineeSearchField><candidateLogin/></traineeSearchField>"
SESSION_COLUMNS = ("sessionAction", "trainingPathCode", "sessionTitle", "sessionStartDate",
                   "teacherLogin")
MEETING_COLUMNS = ("interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
                   "interventionDuration", "roomGuid", "roomLabel", "teacherLogin",
                   "interventionStatus")


def again(line: int, kind: str) -> str:
    """The warning of a row setting a record line ``line`` set."""
    return (f"Line {line} of this file already sets this {kind}; this row's values are applied "
            "after it.")


def learners(folder: Path, lines: list[list[str]],
             file_name: str = "learners.csv") -> ImportSpec:
    """A learner import (found by login) of ``lines`` and its CSV file."""
    write_csv(folder / file_name, [LEARNER_COLUMNS, *lines])
    return ImportSpec(file_name, LEARNER_COLUMNS, "createOrUpdateLearnerAction",
                      options=BY_LOGIN)


def check(capsys: pytest.CaptureFixture[str], config: Path, store: str) -> dict:
    """``check --json`` of a configuration: its report."""
    code, out, err = run(capsys, "check", str(config), "--store", store, "--json")
    assert code in (0, 1), err
    return json.loads(out)


def test_a_learner_set_on_lines_3_and_7_is_warned_on_7_and_committed_last(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, learners(tmp_path, [
        ["amartin", "Martin", "Anne", "anne@example.org"],
        ["lpetit", "Petit", "Lou", "lou@example.org"],
        ["bdurand", "Durand", "Bruno", "bruno@example.org"],
        ["cdupont", "Dupont", "Chloé", "chloe@example.org"],
        ["dmoreau", "Moreau", "David", "david@example.org"],
        ["lpetit", "Petit", "Louise", "lou@example.org"]]))
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, _ = run(capsys, "check", str(config), "--store", store)
    assert code == 0  # a warning: the row is committed
    assert out.splitlines()[1:3] == [
        "  create 5, update 1, unchanged 0, delete 0, error 0",
        f"learners.csv:7: WARNING candidateLogin: {again(3, 'learner')}"]
    code, out, _ = run(capsys, "commit", str(config), "--store", store)
    assert code == 0
    with Store.open(Path(store)) as opened:
        stored = opened.load_state([Table.LEARNER]).learners.values()
    assert sorted((r.login, r.firstname) for r in stored if r.login == "lpetit") == [
        ("lpetit", "Louise")]


def test_a_learner_stored_before_is_warned_as_set_twice_by_one_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(tmp_path / "store.sqlite3")
    first = write_config(tmp_path, learners(tmp_path, [["lpetit", "Petit", "Lou", ""]],
                                            file_name="first.csv"), name="first.xml")
    assert run(capsys, "commit", str(first), "--store", store)[0] == 0
    config = write_config(tmp_path, learners(tmp_path, [
        ["lpetit", "Petit", "Lou", ""], ["lpetit", "Petit", "Louise", ""],
        ["lpetit", "Petit", "Louise", ""]]))
    assert outcomes(check(capsys, config, store), 0) == [
        (2, "unchanged", []), (3, "update", [again(2, "learner")]),
        (4, "unchanged", [again(3, "learner")])]


def test_training_courses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    columns = ("trainingPathCode", "trainingTitle")
    write_csv(tmp_path / "trainings.csv", [columns, ["TR-1", "Premier titre"],
                                           ["TR-2", "Autre"], ["TR-1", "Second titre"]])
    config = write_config(tmp_path, ImportSpec("trainings.csv", columns,
                                               "createOrUpdateTrainingCourseAction"))
    report = check(capsys, config, existing_store(tmp_path / "store.sqlite3"))
    assert outcomes(report, 0) == [(2, "create", []), (3, "create", []),
                                   (4, "update", [again(2, "training course")])]
    assert report["imports"][0]["rows"][2]["issues"][0]["field"] == "trainingPathCode"


def catalogue(folder: Path, teachers: list[list[str]], sessions: list[list[str]],
              meetings: list[list[str]]) -> Path:
    """A configuration of teachers, one training course (SEC-101), sessions and meetings."""
    columns = ("trainingPathCode", "trainingTitle")
    write_csv(folder / "trainings.csv", [columns, ["SEC-101", "Sécurité"]])
    write_csv(folder / "sessions.csv", [SESSION_COLUMNS, *sessions])
    write_csv(folder / "meetings.csv", [MEETING_COLUMNS, *meetings])
    return write_config(
        folder, teachers_import(folder, teachers),
        ImportSpec("trainings.csv", columns, "createOrUpdateTrainingCourseAction"),
        ImportSpec("sessions.csv", SESSION_COLUMNS, "createOrUpdateSessionAction",
                   options="<sessionSearchField><sessionTitle/></sessionSearchField>"),
        ImportSpec("meetings.csv", MEETING_COLUMNS, "createOrUpdateInterventionAction"))


MARIE = ["mdupont", "Dupont", "Marie", "marie@example.org"]


def session(title: str, start: str) -> list[str]:
    return ["M", "SEC-101", title, start, "mdupont"]


def meeting(guid: str, room_label: str, status: str = "A") -> list[str]:
    return [guid, "SEC-101", "Lyon", "2027-01-12T09:00", "3", "R1", room_label, "mdupont",
            status]


def test_teachers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = catalogue(tmp_path, [MARIE, ["jmartin", "Martin", "Jean", ""],
                                  ["mdupont", "Dupont", "Marie-Anne", ""]],
                       [session("Lyon", "2027-01-12")], [])
    report = check(capsys, config, existing_store(tmp_path / "store.sqlite3"))
    assert outcomes(report, 0) == [(2, "create", []), (3, "create", []),
                                   (4, "update", [again(2, "teacher")])]
    assert report["imports"][0]["rows"][2]["issues"][0] == {
        "level": "WARNING", "field": "teacherLogin", "message": again(2, "teacher")}


def test_a_teacher_stored_under_a_very_large_id(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    store = existing_store(tmp_path / "store.sqlite3")
    by_hand(Path(store), "INSERT INTO teacher (id, login, name) VALUES (5000000000, 'mdupont', "
                         "'Dupont')")
    config = write_config(tmp_path, teachers_import(tmp_path, [
        MARIE, ["jmartin", "Martin", "Jean", ""], ["mdupont", "Dupont", "Marie-Anne", ""]]))
    assert outcomes(check(capsys, config, store), 0) == [
        (2, "update", []), (3, "create", []), (4, "update", [again(2, "teacher")])]


def test_sessions_set_twice_and_not_the_course_they_find(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = catalogue(tmp_path, [MARIE], [
        session("Lyon", "2027-01-12"), session("Paris", "2027-02-01"),
        session("Lyon", "2027-01-19"), session("Lille", "2027-03-01")], [])
    report = check(capsys, config, existing_store(tmp_path / "store.sqlite3"))
    # Every row finds SEC-101 (created by the import before): finding is not setting.
    assert outcomes(report, 2) == [(2, "create", []), (3, "create", []),
                                   (4, "update", [again(2, "session")]), (5, "create", [])]
    assert report["imports"][2]["rows"][2]["issues"][0]["field"] == "sessionTitle"


def test_interventions_and_their_rooms(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    config = catalogue(tmp_path, [MARIE], [session("Lyon", "2027-01-12")], [
        meeting("I1", "Salle Rhône"), meeting("I2", "Salle Rhône"),
        meeting("I1", "Salle Saône", status="C"), meeting("I3", "Salle Saône")])
    report = check(capsys, config, existing_store(tmp_path / "store.sqlite3"))
    # Line 3 meets in the room line 2 made, as line 2 left it: it does not set the room.
    assert outcomes(report, 3) == [
        (2, "create", []), (3, "create", []),
        (4, "update", [again(2, "room"), again(2, "intervention")]), (5, "create", [])]
    assert [i["field"] for i in report["imports"][3]["rows"][2]["issues"]] == [
        "roomGuid", "interventionGuid"]


def test_a_row_with_an_error_sets_nothing(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, learners(tmp_path, [
        ["lpetit", "Petit", "Lou", "lou@example.org"],
        ["lpetit", "Petit", "Lou", "not-an-email"],
        ["lpetit", "Petit", "Louise", "lou@example.org"],
        ["nmartin", "Martin", "Noé", "noe-at-example.org"],
        ["nmartin", "Martin", "Noé", "noe@example.org"]]))
    report = check(capsys, config, existing_store(tmp_path / "store.sqlite3"))
    assert outcomes(report, 0) == [
        (2, "create", []),
        (3, "error", ["Field candidateEmail: not-an-email is not an e-mail address."]),
        (4, "update", [again(2, "learner")]),
        (5, "error", ["Field candidateEmail: noe-at-example.org is not an e-mail address."]),
        (6, "create", [])]


def test_the_same_learner_in_two_imports_of_one_configuration_is_not_warned(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(
        tmp_path,
        learners(tmp_path, [["lpetit", "Petit", "Lou", ""], ["amartin", "Martin", "Anne", ""]]),
        learners(tmp_path, [["amartin", "Martin", "Anne", ""], ["lpetit", "Petit", "Louise", ""],
                            ["lpetit", "Petit", "Lou", ""]], file_name="more-learners.csv"))
    report = check(capsys, config, existing_store(tmp_path / "store.sqlite3"))
    assert outcomes(report, 0) == [(2, "create", []), (3, "create", [])]
    assert outcomes(report, 1) == [(2, "unchanged", []), (3, "update", []),
                                   (4, "update", [again(3, "learner")])]


def test_an_edited_row_is_warned_against_the_rows_as_they_stand(tmp_path: Path) -> None:
    config = config_xml.load(write_config(tmp_path, learners(tmp_path, [
        ["lpetit", "Petit", "Lou", ""], ["amartin", "Martin", "Anne", ""],
        ["lpetit", "Petit", "Louise", ""], ["bdurand", "Durand", "Bruno", ""]])))
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)

    def messages(index: int) -> list[str]:
        return [i.message for i in plan.imports[0].rows[index].issues()]

    assert messages(2) == [again(2, "learner")]
    # Line 3 now names lpetit too: the nearest line before it that sets lpetit is line 2.
    edited = pipeline.recheck_row(plan, 0, 1, ("lpetit", "Petit", "Lou", ""))
    assert [i.message for i in edited.issues()] == [again(2, "learner")]
    assert messages(1) == [again(2, "learner")]
    # Line 4, edited in turn, is told of line 3, as it stands now.
    edited = pipeline.recheck_row(plan, 0, 2, ("lpetit", "Petit", "Louise", "l@example.org"))
    assert [i.message for i in edited.issues()] == [again(3, "learner")]
    # Line 3 given back its own learner sets lpetit no more; line 5 then names lpetit.
    pipeline.recheck_row(plan, 0, 1, ("amartin", "Martin", "Anne", ""))
    assert messages(1) == []
    edited = pipeline.recheck_row(plan, 0, 3, ("lpetit", "Petit", "Lou", ""))
    assert [i.message for i in edited.issues()] == [again(4, "learner")]
    # An edit that makes a row wrong sets nothing: line 5 is then told of line 2.
    pipeline.recheck_row(plan, 0, 2, ("lpetit", "Petit", "Louise", "not-an-email"))
    edited = pipeline.recheck_row(plan, 0, 3, ("lpetit", "Petit", "Lou", ""))
    assert [i.message for i in edited.issues()] == [again(2, "learner")]
    # A new check words every row against the others.
    with Store.open(tmp_path / "store.sqlite3") as store:
        fresh = pipeline.replan(plan, store)
    assert [[i.message for i in r.issues()] for r in fresh.imports[0].rows] == [
        [], [], ["Field candidateEmail: not-an-email is not an e-mail address."],
        [again(2, "learner")]]


def test_edits_in_any_order_warn_as_a_new_check_would(tmp_path: Path) -> None:
    """Rows linked by the record they set stay right through edits: after each one, the
    edited row's warning is the one a new check of the file as it now stands gives it.
    (The learners are in the store: a row creating one, edited, would leave the rows that
    found it stale until the next check, which is another matter.)"""
    shuffle = random.Random(18)
    logins = ["lpetit", "amartin", "bdurand", "zoe"]
    known = write_config(tmp_path, learners(tmp_path, [[login, "Nom", "Prénom", ""]
                                                        for login in logins], "known.csv"),
                         name="known.xml")
    with Store.open(tmp_path / "store.sqlite3") as store:
        pipeline.commit(pipeline.check(config_xml.load(known), store), store)
        lines = [[shuffle.choice(logins), "Nom", "Prénom", ""] for _ in range(12)]
        config = config_xml.load(write_config(tmp_path, learners(tmp_path, lines)))
        plan = pipeline.check(config, store)
        for _ in range(60):
            index = shuffle.randrange(len(lines))
            lines[index] = [shuffle.choice(logins), "Nom", f"Prénom {index}", ""]
            edited = pipeline.recheck_row(plan, 0, index, tuple(lines[index]))
            fresh = pipeline.check(config_xml.load(
                write_config(tmp_path, learners(tmp_path, lines))), store)
            assert [i.message for i in edited.issues()] == [
                i.message for i in fresh.imports[0].rows[index].issues()], (index, lines)
