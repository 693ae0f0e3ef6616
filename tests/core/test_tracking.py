"""createOrUpdateConsolidatedTrackingAction, row by row, with the platform's messages."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.plan import Plan
from importer_gui.core.store import Store
from tests.builders import ImportSpec, by_hand, config_text, trainings_import, write_csv
from tests.core.harness import Env, row, rows

ACTION = "createOrUpdateConsolidatedTrackingAction"
COLUMNS = ("candidateLogin", "trainingPathCode", "sessionTitle", "lovCode", "trackingStatus",
           "firstAccessDate", "lastAccessDate", "firstCompletionDate", "progression",
           "timeSpent", "score", "scoreMax")
PARAMETERS = ("<dateTimeFormat>YYYY-MM-DD HH:II:SS</dateTimeFormat>"
              "<defaultTime>08:30:00</defaultTime>")


class TrackingEnv(Env):
    """An Env whose tracking imports carry a <parameters> block."""

    def run(self, spec: ImportSpec, parameters: str, *, commit: bool = False,
            before: tuple[ImportSpec, ...] = ()) -> Plan:
        text = config_text(*before, spec).replace(
            f"</fields></{ACTION}>", f"</fields><parameters>{parameters}</parameters></{ACTION}>")
        path = self.folder / "tracking.xml"
        path.write_text(text, encoding="utf-8")
        with Store.open(self.store_path) as store:
            plan = pipeline.check(config_xml.load(path), store)
            if commit:
                pipeline.commit(plan, store)
        return plan


@pytest.fixture
def env(tmp_path: Path) -> TrackingEnv:
    """Two courses (one listing its learning objects), learners, sessions, registrations."""
    env = TrackingEnv(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                           ["MGT-200", "Management", "GUID-MGT"]]))
    for sql in (
        "UPDATE training SET lov_codes = 'LO-1,LO-2||LO-3' WHERE path_code = 'MGT-200'",
        "INSERT INTO learner (id, login, ref_number, email, name, firstname) VALUES "
        "(1, 'mdupont', 'R-001', 'marie@example.org', 'Dupont', 'Marie'), "
        "(2, 'jmartin', 'R-002', 'jean@example.org', 'Martin', 'Jean')",
        "INSERT INTO session (id, training_id, title, guid) VALUES "
        "(10, (SELECT id FROM training WHERE path_code = 'SEC-101'), 'Lyon', 'S-LYON'), "
        "(20, (SELECT id FROM training WHERE path_code = 'MGT-200'), 'Paris', 'S-PARIS')",
        "INSERT INTO registration (learner_id, session_id) VALUES (1, 10), (1, 20), (2, 20)",
    ):
        by_hand(env.store_path, sql)
    return env


def tracking(env: Env, data: list[list[object]], *, columns: tuple[str, ...] = COLUMNS,
             **extra: object) -> ImportSpec:
    """A tracking import of these rows (a header line is added)."""
    write_csv(env.folder / "tracking.csv", [list(columns), *data])
    return ImportSpec("tracking.csv", columns, ACTION, **extra)


def stored(env: Env) -> list[tuple]:
    """Every tracking row, as another program reads it."""
    conn = sqlite3.connect(env.store_path)
    try:
        return conn.execute(
            "SELECT learner_id, session_id, lo_code, status, first_access, last_access, "
            "first_completion, progression, time_spent, score, score_max FROM tracking "
            "ORDER BY id").fetchall()
    finally:
        conn.close()


ROW = ["mdupont", "SEC-101", "Lyon", "LO-9", "completed", "2027-01-12 09:00:00",
       "2027-01-13", "2027-01-13 17:45:00", "100", "01:25:15", "12,5", "20"]


def test_a_row_creates_then_replaces_and_the_same_file_again_is_unchanged(env: TrackingEnv
                                                                          ) -> None:
    plan = env.run(tracking(env, [ROW]), PARAMETERS, commit=True)
    assert rows(plan) == [(2, "create", [])]
    assert stored(env) == [(1, 10, "LO-9", "completed", "2027-01-12T09:00:00",
                            "2027-01-13T08:30:00", "2027-01-13T17:45:00", 100.0, 5115, 12.5,
                            20)]
    assert rows(env.run(tracking(env, [ROW]), PARAMETERS)) == [(2, "unchanged", [])]
    # A row replaces the whole tracking: what it leaves empty is emptied.
    partial = ["mdupont", "SEC-101", "Lyon", "LO-9", "incomplete", "", "", "", "40", "", "",
               ""]
    assert rows(env.run(tracking(env, [partial]), PARAMETERS, commit=True)) == [
        (2, "update", [])]
    assert stored(env) == [(1, 10, "LO-9", "incomplete", None, None, None, 40.0, None, None,
                            None)]


def test_the_pages_example_with_its_options_and_parameters(env: TrackingEnv) -> None:
    columns = ("candidateEmail", "candidateLogin", "candidateRefNumber", "firstAccessDate",
               "firstCompletionDate", "lastAccessDate", "lovCode", "lovGuid", "progression",
               "score", "scoreMax", "sessionTitle", "sessionGuid", "sessionId", "timeSpent",
               "trackingStatus", "trainingPathCode", "trainingId")
    spec = tracking(env, [["", "mdupont", "", "2027-01-12 09:00:00", "", "", "LO-2", "", "0,5",
                           "", "", "", "S-PARIS", "", "PT1H25M15S", "incomplete", "", ""]],
                    columns=columns, options="<defaultScoreMax>100</defaultScoreMax>")
    parameters = ("<dateTimeFormat>YYYY-MM-DD HH:II:SS</dateTimeFormat>"
                  "<timeZone>America/Sao_Paulo</timeZone><defaultTime>00:00:00</defaultTime>")
    plan = env.run(spec, parameters, commit=True)
    assert rows(plan) == [(2, "create", [])]
    # Sao Paulo is three hours behind UTC: the store keeps UTC.
    assert stored(env) == [(1, 20, "LO-2", "incomplete", "2027-01-12T12:00:00", None, None,
                            0.5, 5115, None, 100)]


def test_a_completed_row_without_a_completion_date_is_completed_today(env: TrackingEnv) -> None:
    data = [["mdupont", "SEC-101", "Lyon", "LO-9", "passed", "", "", "", "", "", "", ""]]
    env.run(tracking(env, data), PARAMETERS, commit=True)
    assert stored(env)[0][6] == f"{date.today().isoformat()}T08:30:00"


def test_tracking_status_mapping_and_not_attempted_resets(env: TrackingEnv) -> None:
    parameters = PARAMETERS + ("<trackingStatus><notAttempted>n</notAttempted><incomplete/>"
                               "<completed>c</completed></trackingStatus>")
    first = [*ROW[:4], "c", *ROW[5:]]
    assert rows(env.run(tracking(env, [first]), parameters, commit=True)) == [(2, "create", [])]
    reset = [*ROW[:4], "n", "", "", "", "", "", "", ""]
    plan = env.run(tracking(env, [reset, reset]), parameters, commit=True)
    assert rows(plan) == [(2, "delete", []), (3, "unchanged", [
        "No tracking matches this row: there is nothing to reset."])]
    assert stored(env) == []


def test_no_learning_object(env: TrackingEnv) -> None:
    data = [[*ROW[:3], "", *ROW[4:]]]
    assert row(env.run(tracking(env, data), PARAMETERS), 2) == (
        "error", ["At least one of these element must be present: learning object version "
                  "code or GUID."])


def test_no_learner_reference(env: TrackingEnv) -> None:
    data = [["", *ROW[1:]]]
    assert row(env.run(tracking(env, data), PARAMETERS), 2) == (
        "error", ["At least one of these element must be present: learner login, reference "
                  "number or email."])


def test_no_precise_context(env: TrackingEnv) -> None:
    data = [[ROW[0], "", *ROW[2:]]]
    assert row(env.run(tracking(env, data), PARAMETERS), 2) == (
        "error", ['At least one of the following to provide a precise context : "session '
                  'GUID" or the couple "session title" & "training code".'])


def test_no_registration_found(env: TrackingEnv) -> None:
    data = [["jmartin", *ROW[1:]]]
    assert row(env.run(tracking(env, data), PARAMETERS), 2) == (
        "error", ["No registration found for given parameters."])


def test_a_first_completion_date_needs_a_completed_status(env: TrackingEnv) -> None:
    data = [[*ROW[:4], "incomplete", *ROW[5:]]]
    assert row(env.run(tracking(env, data), PARAMETERS), 2) == (
        "error", ["You cannot set a first completion date if the LO is not completed."])


def test_learning_objects_on_trust_within_the_trainings_lov_codes(env: TrackingEnv) -> None:
    paris = ["mdupont", "MGT-200", "Paris"]
    plan = env.run(tracking(env, [[*paris, "LO-3", *ROW[4:]], [*paris, "LO-9", *ROW[4:]]]),
                   PARAMETERS)
    assert rows(plan) == [(2, "create", []), (3, "error", [
        "Field lovCode: LO-9 is not one of the learning objects of training course MGT-200 "
        "(LO-1, LO-2, LO-3)."])]


def test_known_learning_objects_are_checked(env: TrackingEnv) -> None:
    by_hand(env.store_path, "INSERT INTO learning_object (code, guid, publisher, type) VALUES "
                            "('LO-9', 'G-9', 'Acme', 'scorm'), "
                            "('CK-1', 'G-CK', 'CrossKnowledge', 'video'), "
                            "('EQ-1', 'G-EQ', 'Acme', 'EasyQuizz')")
    lyon = ROW[:3]
    plan = env.run(tracking(env, [[*lyon, code, *ROW[4:]] for code in
                                  ("LO-9", "LO-8", "CK-1", "EQ-1")]), PARAMETERS)
    assert rows(plan) == [
        (2, "create", []),
        (3, "error", ["Field lovCode: no learning object has LO-8."]),
        (4, "error", ["This learning object is provided by CrossKnowledge, and this report "
                      "cannot be updated."]),
        (5, "error", ["This learning object is an EasyQuizz, and this report cannot be "
                      "updated."])]


def test_unknown_learner_and_session_name_the_field(env: TrackingEnv) -> None:
    columns = ("candidateLogin", "sessionGuid", "lovCode", "trackingStatus")
    plan = env.run(tracking(env, [["nobody", "S-LYON", "LO-1", "incomplete"],
                                  ["mdupont", "S-NONE", "LO-1", "incomplete"],
                                  ["mdupont", "S-LYON", "LO-1", "incomplete"]],
                            columns=columns), PARAMETERS)
    assert rows(plan) == [(2, "error", ["Field candidateLogin: no learner has nobody."]),
                          (3, "error", ["Field sessionGuid: no session has S-NONE."]),
                          (4, "create", [])]


def test_default_score_max_as_a_parameter_and_an_unknown_time_zone(env: TrackingEnv) -> None:
    data = [[*ROW[:11], ""]]
    plan = env.run(tracking(env, data), PARAMETERS + "<defaultScoreMax>50</defaultScoreMax>",
                   commit=True)
    assert rows(plan) == [(2, "create", [])]
    assert stored(env)[0][10] == 50
    plan = env.run(tracking(env, data), PARAMETERS + "<timeZone>Mars/Olympus</timeZone>")
    assert row(plan, 2) == ("error", ["timeZone Mars/Olympus is not a time zone of the tz "
                                      "database (such as Europe/Paris)."])


def test_a_completed_row_keeps_the_first_completion_it_had(env: TrackingEnv) -> None:
    env.run(tracking(env, [ROW]), PARAMETERS, commit=True)
    again = [*ROW[:7], "", *ROW[8:]]
    assert rows(env.run(tracking(env, [again]), PARAMETERS)) == [(2, "unchanged", [])]


def test_a_learning_object_by_guid_alone(env: TrackingEnv) -> None:
    columns = ("candidateLogin", "sessionGuid", "lovGuid", "trackingStatus", "progression")
    env.run(tracking(env, [["mdupont", "S-LYON", "G-1", "incomplete", "10"]], columns=columns),
            PARAMETERS, commit=True)
    plan = env.run(tracking(env, [["mdupont", "S-LYON", "G-1", "incomplete", "20"],
                                  ["mdupont", "S-LYON", "G-2", "incomplete", "5"]],
                            columns=columns), PARAMETERS)
    assert rows(plan) == [(2, "update", []), (3, "create", [])]


def test_values_the_reader_refuses_are_the_rows_only_errors(env: TrackingEnv) -> None:
    data = [["", *ROW[1:4], "done", *ROW[5:8], "beaucoup", "1h", *ROW[10:]]]
    spec = tracking(env, data, column_children={"candidateLogin": "<mandatory>yes</mandatory>"})
    outcome, messages = row(env.run(spec, PARAMETERS), 2)
    assert outcome == "error" and messages[0] == "Field candidateLogin is empty."
    assert len(messages) == 4  # the login, the status, the progression, the time spent


def test_a_registration_earlier_in_the_same_run_is_enough(env: TrackingEnv) -> None:
    columns = ("candidateLogin", "trainingPathCode", "sessionTitle")
    write_csv(env.folder / "registrations.csv", [list(columns), ["jmartin", "SEC-101", "Lyon"]])
    registrations = ImportSpec("registrations.csv", columns, "registerLearnerAction",
                               options="<sessionSearchField><sessionTitle/></sessionSearchField>")
    data = [["jmartin", *ROW[1:]]]
    plan = env.run(tracking(env, data), PARAMETERS, before=(registrations,))
    assert rows(plan, 0) == [(2, "create", [])] and rows(plan) == [(2, "create", [])]


def test_a_date_not_in_the_date_and_time_format_says_what_ii_stands_for(
        env: TrackingEnv) -> None:
    data = [[*ROW[:5], "12/01/2027 09:00", *ROW[6:]]]
    assert row(env.run(tracking(env, data), PARAMETERS), 2) == ("error", [
        "Field firstAccessDate: 12/01/2027 09:00 is not a date and time in the format "
        "YYYY-MM-DD HH:II:SS (II: minutes)."])
