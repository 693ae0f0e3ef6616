"""createOrUpdateInterventionAction, with its rooms, and the platform's messages."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import ImportSpec, teachers_import, trainings_import, write_csv
from tests.core.harness import Env, row, rows

ACTION = "createOrUpdateInterventionAction"
COLUMNS = ("interventionGuid", "trainingGuid", "trainingPathCode", "sessionGuid",
           "sessionTitle", "interventionDate", "interventionDuration", "roomGuid", "roomLabel",
           "roomCapacity", "teacherLogin", "interventionStatus")


def meeting(**changes: str) -> list[str]:
    """A valid row, with some cells changed."""
    cells = {"interventionGuid": "I1", "trainingGuid": "", "trainingPathCode": "SEC-101",
             "sessionGuid": "", "sessionTitle": "Lyon", "interventionDate": "2027-01-12T09:00",
             "interventionDuration": "3", "roomGuid": "R1", "roomLabel": "Salle Rhône",
             "roomCapacity": "12", "teacherLogin": "mdupont", "interventionStatus": "A"}
    cells.update(changes)
    return [cells[c] for c in COLUMNS]


@pytest.fixture
def env(tmp_path: Path) -> Env:
    """Teachers, training courses and one session "Lyon" (GUID S-LYON) of SEC-101."""
    env = Env(tmp_path)
    columns = ("sessionAction", "trainingPathCode", "sessionGuid", "sessionTitle")
    write_csv(tmp_path / "sessions.csv", [columns, ["M", "SEC-101", "S-LYON", "Lyon"]])
    env.commit(teachers_import(tmp_path, [["mdupont", "Dupont", "Marie", "m@example.org"]]),
               trainings_import(tmp_path, [["SEC-101", "Sécurité", "G-SEC"],
                                           ["MGT-200", "Management", "G-MGT"]]),
               ImportSpec("sessions.csv", columns, "createOrUpdateSessionAction"))
    return env


def meetings(env: Env, data: list[list[str]], **extra: object) -> ImportSpec:
    """An intervention import of these rows."""
    write_csv(env.folder / "meetings.csv", [COLUMNS, *data])
    return ImportSpec("meetings.csv", COLUMNS, ACTION, **extra)


@pytest.mark.parametrize(("changes", "message"), [
    ({"interventionGuid": ""}, "Field interventionGuid is empty."),
    ({"trainingGuid": "G-NONE"}, "Training with guid G-NONE is not found."),
    ({"trainingPathCode": "XLS-9"}, "Training with path code XLS-9 is not found."),
    ({"sessionGuid": "S-NONE"}, "Session with guid S-NONE is not found for this training."),
    ({"sessionTitle": "Paris"}, "Session with title Paris is not found for this training."),
    ({"trainingPathCode": "MGT-200"},
     "Session with title Lyon is not found for this training."),
    ({"interventionDate": "le 3 mars"}, "Date le 3 mars not valid."),
    ({"interventionDate": "2027-13-01T09:00"}, "Date 2027-13-01T09:00 not valid."),
    ({"teacherLogin": "inconnu"}, "Teacher with login inconnu is not found."),
    ({"interventionStatus": "X"}, "Status has invalid value X, A or C expected."),
    ({"interventionDuration": "3h"}, "Field interventionDuration: 3h is not a whole number."),
    ({"roomLabel": ""}, "Field roomLabel is empty."),
])
def test_each_message(env: Env, changes: dict[str, str], message: str) -> None:
    assert row(env.check(meetings(env, [meeting(**changes)])), 2) == ("error", [message])


def test_create_update_unchanged_and_rooms(env: Env) -> None:
    spec = meetings(env, [meeting(), meeting(interventionGuid="I2", sessionTitle="",
                                             sessionGuid="S-LYON")])
    plan = env.commit(spec)
    assert rows(plan) == [(2, "create", []), (3, "create", [])]
    assert rows(env.check(spec)) == [(2, "unchanged", []), (3, "unchanged", [])]
    changed_room = meetings(env, [meeting(roomLabel="Salle Saône")])
    assert rows(env.check(changed_room)) == [(2, "update", [])]
    env.commit(changed_room)
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.ROOM, Table.INTERVENTION])
    assert [(r.guid, r.label, r.capacity) for r in state.rooms.values()] == [
        ("R1", "Salle Saône", 12)]
    first = next(i for i in state.interventions.values() if i.guid == "I1")
    assert (first.start, first.duration, first.status) == (datetime(2027, 1, 12, 9), 3,
                                                           "active")


def test_repeated_cells_read_the_same_and_a_bad_one_fails_on_every_row(env: Env) -> None:
    """Converted cells are remembered per field: errors must not be remembered with them."""
    plan = env.check(meetings(env, [
        meeting(interventionGuid=f"I{n}", interventionDuration=duration,
                interventionDate=when, interventionStatus=status)
        for n, (duration, when, status) in enumerate([
            ("3", "2027-01-12T09:00", "A"), ("3h", "le 3 mars", "X"),
            ("3", "2027-01-12T09:00", "C"), ("3h", "le 3 mars", "X")])]))
    bad = ["Date le 3 mars not valid.",
           "Field interventionDuration: 3h is not a whole number.",
           "Status has invalid value X, A or C expected."]
    assert rows(plan) == [(2, "create", []), (3, "error", bad), (4, "create", []),
                          (5, "error", bad)]
    created = [c.values for r in plan.imports[0].rows for c in r.changes
               if c.table is Table.INTERVENTION]
    assert [(v["start"], v["duration"], v["status"]) for v in created] == [
        (datetime(2027, 1, 12, 9), 3, "active"), (datetime(2027, 1, 12, 9), 3, "cancelled")]


def test_custom_status_codes_are_in_the_message(env: Env) -> None:
    spec = meetings(env, [meeting(interventionStatus="Z"), meeting(interventionStatus="ANN")],
                    column_children={"interventionStatus":
                                     "<active>ACT</active><cancelled>ANN</cancelled>"})
    assert rows(env.check(spec)) == [
        (2, "error", ["Status has invalid value Z, ACT or ANN expected."]), (3, "create", [])]


def test_training_and_session_may_come_from_an_earlier_import(env: Env) -> None:
    columns = ("sessionAction", "trainingPathCode", "sessionTitle")
    write_csv(env.folder / "new-sessions.csv", [columns, ["M", "MGT-200", "Paris"]])
    plan = env.check(ImportSpec("new-sessions.csv", columns, "createOrUpdateSessionAction"),
                     meetings(env, [meeting(trainingPathCode="MGT-200", sessionTitle="Paris")]))
    assert rows(plan, 0) == [(2, "create", [])]
    assert rows(plan, 1) == [(2, "create", [])]


def test_neither_training_field_filled(env: Env) -> None:
    plan = env.check(meetings(env, [meeting(trainingPathCode="")]))
    assert row(plan, 2) == ("error", [
        "Fields trainingGuid and trainingPathCode are both empty: one of them must name the "
        "training course."])
