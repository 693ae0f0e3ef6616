"""createOrUpdateSessionAction, row by row, with the platform's messages."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from importer_gui.core.records import Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import Store
from tests.builders import (
    ImportSpec,
    tables,
    teachers_import,
    trainings_import,
    write_csv,
    write_xlsx,
)
from tests.core.harness import Env, row, rows

ACTION = "createOrUpdateSessionAction"
COLUMNS = ("sessionAction", "trainingPathCode", "sessionTitle", "sessionStartDate",
           "sessionEndDate", "teacherLogin")
BY_TITLE = "<sessionSearchField><sessionTitle/></sessionSearchField>"


@pytest.fixture
def env(tmp_path: Path) -> Env:
    """A store holding two teachers and two training courses."""
    env = Env(tmp_path)
    env.commit(teachers_import(tmp_path, [["mdupont", "Dupont", "Marie", "m@example.org"],
                                          ["jmartin", "Martin", "Jean", "j@example.org"]]),
               trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                           ["MGT-200", "Management", "GUID-MGT"]]))
    return env


def sessions(env: Env, data: list[list[object]], *, options: str = BY_TITLE,
             columns: tuple[str, ...] = COLUMNS, **extra: object) -> ImportSpec:
    """A session import of these rows (a header line is added)."""
    write_csv(env.folder / "sessions.csv", [list(columns), *data])
    if "fields" not in extra:  # as in the platform's example: the teacher is optional
        extra["fields"] = "".join(
            "<teacherLogin><mandatory>no</mandatory></teacherLogin>" if c == "teacherLogin"
            else f"<{c}/>" for c in columns)
    return ImportSpec("sessions.csv", columns, ACTION, options=options, **extra)


def stored_sessions(env: Env) -> list[tuple[str | None, date | None, date | None]]:
    """(title, start, end) of every stored session, by title."""
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.SESSION])
    return sorted((s.title, s.start_date, s.end_date) for s in state.sessions.values())


def test_rows_create_then_update_what_earlier_rows_created(env: Env) -> None:
    plan = env.check(sessions(env, [
        ["M", "SEC-101", "Lyon janvier", "2027-01-12", "2027-01-13", "mdupont"],
        ["M", "MGT-200", "Paris mars", "2027-03-02", "2027-03-03", "jmartin"],
        ["M", "SEC-101", "Lyon janvier", "2027-01-12", "2027-01-14", "mdupont"],
        ["M", "SEC-101", "Lyon janvier", "2027-01-12", "2027-01-14", "mdupont"],
    ]))
    again = ("Line {} of this file already sets this session; this row's values are applied "
             "after it.")
    assert rows(plan) == [(2, "create", []), (3, "create", []),
                          (4, "update", [again.format(2)]), (5, "unchanged", [again.format(4)])]
    assert plan.counts() == {"create": 2, "update": 1, "unchanged": 1, "delete": 0, "error": 0}


def test_commit_writes_and_the_same_check_again_is_unchanged(env: Env) -> None:
    spec = sessions(env, [["M", "SEC-101", "Lyon janvier", "2027-01-12", "2027-01-13",
                           "mdupont"]])
    env.commit(spec)
    assert stored_sessions(env) == [("Lyon janvier", date(2027, 1, 12), date(2027, 1, 13))]
    assert rows(env.check(spec)) == [(2, "unchanged", [])]


def test_empty_mandatory_field(env: Env) -> None:
    plan = env.check(sessions(env, [["M", "SEC-101", "", "2027-01-12", "", "mdupont"]]))
    assert row(plan, 2) == ("error", ["Field sessionTitle is empty."])


def test_every_row_must_fill_a_mandatory_field_even_to_delete(env: Env) -> None:
    spec = sessions(env, [["A", "SEC-101", "Lyon", "", "", ""]], fields=None)
    assert row(env.check(spec), 2) == ("error", ["Field teacherLogin is empty."])


def test_unknown_training_path_code(env: Env) -> None:
    plan = env.check(sessions(env, [["M", "XLS-999", "Nantes", "", "", "mdupont"]]))
    assert row(plan, 2) == ("error", ["Training with training path code XLS-999 is not found."])


def test_empty_training_path_code_even_when_not_mandatory(env: Env) -> None:
    spec = sessions(env, [["M", " ", "Nantes", "", "", "mdupont"]],
                    column_children={"trainingPathCode": "<mandatory>no</mandatory>"})
    assert row(env.check(spec), 2) == ("error", ["Field trainingPathCode is empty."])


def test_invalid_session_action(env: Env) -> None:
    plan = env.check(sessions(env, [["X", "SEC-101", "Nantes", "", "", "mdupont"]]))
    assert row(plan, 2) == ("error", ["Invalid sessionAction value: X"])


def test_empty_optional_session_action_means_create(env: Env) -> None:
    spec = sessions(env, [["", "SEC-101", "Nantes", "", "", "mdupont"]],
                    fields="<sessionAction><mandatory>no</mandatory></sessionAction>"
                           "<trainingPathCode/><sessionTitle/><sessionStartDate/>"
                           "<sessionEndDate/><teacherLogin/>")
    assert row(env.check(spec), 2) == ("create", [])


def test_empty_mandatory_session_action(env: Env) -> None:
    plan = env.check(sessions(env, [["", "SEC-101", "Nantes", "", "", "mdupont"]]))
    assert row(plan, 2) == ("error", ["Field sessionAction is empty."])


def test_value_mappings_of_the_action_fields_win(env: Env) -> None:
    spec = sessions(
        env, [["C", "SEC-101", "Nantes", "", "", ""], ["S", "SEC-101", "Nantes", "", "", ""]],
        column_children={"sessionAction": "<createUpdate>M</createUpdate><cancel>A</cancel>"},
        fields="<sessionAction><createUpdate>C</createUpdate><cancel>S</cancel></sessionAction>"
               "<trainingPathCode/><sessionTitle/><sessionStartDate/><sessionEndDate/>"
               "<teacherLogin><mandatory>no</mandatory></teacherLogin>")
    assert rows(env.check(spec)) == [(2, "create", []), (3, "delete", [])]


def test_duplicated_group(env: Env) -> None:
    by_guid = "<sessionSearchField><sessionGuid/></sessionSearchField>"
    columns = ("sessionAction", "trainingPathCode", "sessionGuid", "sessionTitle")
    env.commit(sessions(env, [["M", "SEC-101", "G1", "Lyon"], ["M", "SEC-101", "G2", "Lyon"]],
                        options=by_guid, columns=columns))
    plan = env.check(sessions(env, [["M", "SEC-101", "Lyon", "", "", "mdupont"]]))
    assert row(plan, 2) == ("error", ["Group with name Lyon is duplicated."])


def test_unknown_teacher_and_unreadable_dates_name_field_and_value(env: Env) -> None:
    plan = env.check(sessions(env, [
        ["M", "SEC-101", "Lyon", "2027-02-31", "13/01/2027", "nobody"]]))
    assert row(plan, 2) == ("error", [
        "Field sessionStartDate: 2027-02-31 is not a date in the format YYYY-MM-DD.",
        "Field sessionEndDate: 13/01/2027 is not a date in the format YYYY-MM-DD.",
        "Field teacherLogin: no teacher has the login nobody."])


def test_date_format_and_workbook_date_cells(env: Env) -> None:
    write_xlsx(env.folder / "sessions.xlsx", [
        list(COLUMNS), ["M", "SEC-101", "Lyon", "12/01/2027", date(2027, 1, 13), "mdupont"]])
    spec = ImportSpec("sessions.xlsx", COLUMNS, ACTION, options=BY_TITLE,
                      provider_extra="<dateFormat>DD/MM/YYYY</dateFormat>")
    env.commit(spec)
    assert stored_sessions(env) == [("Lyon", date(2027, 1, 12), date(2027, 1, 13))]


def test_null_clears_the_end_date(env: Env) -> None:
    env.commit(sessions(env, [["M", "SEC-101", "Lyon", "2027-01-12", "2027-01-13", "jmartin"]]))
    plan = env.commit(sessions(env, [["M", "SEC-101", "Lyon", "", "NULL", "jmartin"]]))
    assert rows(plan) == [(2, "update", [])]
    assert stored_sessions(env) == [("Lyon", date(2027, 1, 12), None)]


def test_values_are_trimmed_of_non_breaking_spaces(env: Env) -> None:
    env.commit(sessions(env, [["M", "SEC-101", "Lyon", "", "", "mdupont"]]))
    plan = env.check(sessions(env, [["\u00a0M ", " SEC-101\u00a0", "\u00a0Lyon\t", "", "",
                                     " mdupont"]]))
    assert rows(plan) == [(2, "unchanged", [])]


def test_delete_takes_the_interventions_with_it(env: Env) -> None:
    env.commit(sessions(env, [["M", "SEC-101", "Lyon", "2027-01-12", "", "mdupont"]]))
    columns = ("interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
               "interventionDuration", "roomGuid", "roomLabel", "teacherLogin",
               "interventionStatus")
    write_csv(env.folder / "meetings.csv", [columns, [
        "I1", "SEC-101", "Lyon", "2027-01-12T09:00", "3", "R1", "Salle", "mdupont", "A"]])
    env.commit(ImportSpec("meetings.csv", columns, "createOrUpdateInterventionAction"))
    plan = env.commit(sessions(env, [["A", "SEC-101", "Lyon", "", "", ""]]))
    assert rows(plan) == [(2, "delete", [])]
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.SESSION, Table.INTERVENTION])
    assert state.sessions == {} and state.interventions == {}


def test_deleting_a_missing_session_is_harmless(env: Env) -> None:
    plan = env.check(sessions(env, [["A", "SEC-101", "Ancienne", "", "", ""]]))
    assert row(plan, 2) == ("unchanged",
                            ["No session matches this row: there is nothing to delete."])
    assert plan.imports[0].rows[0].issues().__next__().level.value == "WARNING"


def test_full_access_no_protects_sessions_no_import_created(env: Env) -> None:
    connection = sqlite3.connect(env.store_path)
    with connection:
        training_id = connection.execute(
            "SELECT id FROM training WHERE path_code = 'SEC-101'").fetchone()[0]
        connection.execute("INSERT INTO session (training_id, title) VALUES (?, 'Manuelle')",
                           (training_id,))
    connection.close()
    no_access = BY_TITLE + "<fullAccess>no</fullAccess>"
    plan = env.check(sessions(env, [["M", "SEC-101", "Manuelle", "2027-01-01", "", ""],
                                    ["M", "SEC-101", "Importée", "2027-01-01", "", ""],
                                    ["M", "SEC-101", "Importée", "2027-01-02", "", ""]],
                              options=no_access))
    assert rows(plan) == [
        (2, "error", ["fullAccess is no: session Manuelle was not created by an import, so "
                      "this import may not change it."]),
        (3, "create", []), (4, "update", ["Line 3 of this file already sets this session; "
                                          "this row's values are applied after it."])]


def test_search_by_several_fields_together(env: Env) -> None:
    both = "<sessionSearchField><sessionTitle/><sessionStartDate/></sessionSearchField>"
    plan = env.check(sessions(env, [["M", "SEC-101", "Lyon", "2027-01-12", "", ""],
                                    ["M", "SEC-101", "Lyon", "2027-02-12", "", ""],
                                    ["M", "SEC-101", "Lyon", "2027-01-12", "2027-01-13", ""]],
                              options=both))
    assert [r[1] for r in rows(plan)] == ["create", "create", "update"]


def stored_id(env: Env, title: str) -> int:
    """The store's id of the session with this title."""
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.SESSION])
    return next(s.id for s in state.sessions.values() if s.title == title)


def test_session_id_finds_a_session_and_never_names_a_new_one(env: Env) -> None:
    # Issue 15: sessionId is the platform's id; a file cannot choose a new session's.
    by_id = "<sessionSearchField><sessionId/></sessionSearchField>"
    columns = ("sessionAction", "trainingPathCode", "sessionId", "sessionTitle")
    spec = sessions(env, [["M", "SEC-101", "500", "Lyon"]], options=by_id, columns=columns)
    assert rows(env.check(spec)) == [(2, "error", [
        "Field sessionId: no session of training course SEC-101 has the id 500 (with this "
        "row's other search values); the platform numbers new sessions, so leave sessionId "
        "empty to create one."])]
    env.commit(sessions(env, [["M", "SEC-101", "Lyon", "", "", ""]]))
    lyon = stored_id(env, "Lyon")
    renamed = sessions(env, [["M", "SEC-101", str(lyon), "Lyon 2"]], options=by_id,
                       columns=columns)
    assert rows(env.commit(renamed)) == [(2, "update", [])]
    assert stored_id(env, "Lyon 2") == lyon


def test_any_one_of_guid_title_and_id_finds_the_session(env: Env) -> None:
    # The page's example searches by all three: each row fills the ones it knows.
    search = ("<sessionSearchField><sessionTitle/><sessionId/><sessionGuid/>"
              "</sessionSearchField>")
    columns = ("sessionAction", "trainingPathCode", "sessionTitle", "sessionId", "sessionGuid",
               "sessionStartDate")
    fields = ("<sessionAction/><trainingPathCode/><sessionTitle><mandatory>no</mandatory>"
              "</sessionTitle><sessionId><mandatory>no</mandatory></sessionId><sessionGuid/>"
              "<sessionStartDate/>")
    env.commit(sessions(env, [["M", "SEC-101", "Lyon", "", "G-LYON", "2027-01-12"]],
                        options=search, columns=columns, fields=fields))
    lyon = stored_id(env, "Lyon")
    plan = env.check(sessions(env, [
        ["M", "SEC-101", "", str(lyon), "", "2027-01-13"],
        ["M", "SEC-101", "", "", "G-LYON", "2027-01-14"],
        ["M", "SEC-101", "Lyon", "", "", "2027-01-15"],
        ["M", "SEC-101", "Lille", str(lyon), "", ""],
        ["M", "SEC-101", "Nantes", "", "", "2027-03-01"]], options=search, columns=columns,
        fields=fields))
    assert rows(plan) == [
        (2, "update", []),
        (3, "update", ["Line 2 of this file already sets this session; this row's values are "
                       "applied after it."]),
        (4, "update", ["Line 3 of this file already sets this session; this row's values are "
                       "applied after it."]),
        (5, "error", [f"Field sessionId: no session of training course SEC-101 has the id "
                      f"{lyon} (with this row's other search values); the platform numbers "
                      "new sessions, so leave sessionId empty to create one."]),
        (6, "create", [])]


def test_the_course_may_be_named_by_its_title(env: Env) -> None:
    columns = ("sessionAction", "trainingPathCode", "trainingTitle", "sessionTitle")
    fields = ("<sessionAction/><trainingPathCode><mandatory>no</mandatory></trainingPathCode>"
              "<trainingTitle/><sessionTitle/>")
    env.commit(trainings_import(env.folder, [["SEC-102", "Management", ""]]))
    plan = env.check(sessions(env, [["M", "", "Sécurité incendie", "Lyon"],
                                    ["M", "", "Inconnue", "Lyon"],
                                    ["M", "", "Management", "Lyon"]],
                              columns=columns, fields=fields))
    assert rows(plan) == [
        (2, "create", []),
        (3, "error", ["Field trainingTitle: no training course has the title Inconnue."]),
        (4, "error", ["Field trainingTitle: several training courses have the title "
                      "Management; name the course by its code or id."])]


def test_training_title_that_differs_is_a_warning(env: Env) -> None:
    columns = ("sessionAction", "trainingPathCode", "trainingTitle", "sessionTitle")
    plan = env.check(sessions(env, [["M", "SEC-101", "Incendie", "Lyon"]], columns=columns))
    assert row(plan, 2) == ("create", [
        "Field trainingTitle: Incendie is not the title of training course SEC-101 "
        "(Sécurité incendie); the training course is not changed."])


def test_delete_takes_the_registrations_and_trackings_with_it_and_revert_restores(
        env: Env) -> None:
    env.commit(sessions(env, [["M", "SEC-101", "Lyon", "2027-01-12", "", "mdupont"],
                              ["M", "SEC-101", "Nantes", "2027-01-12", "", "mdupont"]]))
    lyon, nantes = stored_id(env, "Lyon"), stored_id(env, "Nantes")
    connection = sqlite3.connect(env.store_path)
    with connection:
        learner = connection.execute("INSERT INTO learner (login) VALUES ('alice')").lastrowid
        for session_id in (lyon, nantes):
            connection.execute("INSERT INTO registration (learner_id, session_id) VALUES (?, ?)",
                               (learner, session_id))
            connection.execute("INSERT INTO tracking (learner_id, session_id, lo_code) "
                               "VALUES (?, ?, 'REF1')", (learner, session_id))
    connection.close()
    before = tables(env.store_path)
    plan = env.commit(sessions(env, [["A", "SEC-101", "Lyon", "", "", ""]]))
    assert rows(plan) == [(2, "delete", [])]
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.SESSION, Table.REGISTRATION, Table.TRACKING])
        assert [s.title for s in state.sessions.values()] == ["Nantes"]
        assert [r.session_id for r in state.registrations.values()] == [nantes]
        assert [t.session_id for t in state.trackings.values()] == [nantes]
        commit_revert(store, plan_revert(store, store.history()[0].id))
    assert tables(env.store_path) == before
