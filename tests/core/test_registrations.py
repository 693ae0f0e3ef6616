"""registerLearnerAction, row by row, with the platform's messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.catalogue import messages as msg
from tests.builders import ImportSpec, by_hand, trainings_import, write_csv
from tests.core.harness import Env, row, rows

ACTION = "registerLearnerAction"
COLUMNS = ("candidateLogin", "trainingPathCode", "sessionTitle", "sessionStartDate",
           "sessionEndDate", "registerFlag")
BY_TITLE = "<sessionSearchField><sessionTitle/></sessionSearchField>"


def seed(env: Env) -> None:
    """Learners and sessions as the platform's exports would have brought them."""
    for sql in (
        "INSERT INTO learner (id, login, ref_number, email, name, firstname, validity) VALUES "
        "(1, 'mdupont', 'R-001', 'marie@example.org', 'Dupont', 'Marie', 'enabled'), "
        "(2, 'jmartin', 'R-002', 'jean@example.org', 'Martin', 'Jean', 'disabled'), "
        "(3, 'ileroy', 'R-003', 'shared@example.org', 'Leroy', 'Inès', 'enabled'), "
        "(4, 'pleroy', 'R-004', 'shared@example.org', 'Leroy', 'Paul', 'enabled')",
        "INSERT INTO session (id, training_id, title, start_date, end_date) VALUES "
        "(10, (SELECT id FROM training WHERE path_code = 'SEC-101'), 'Lyon janvier', "
        "'2027-01-12', '2027-01-13'), "
        "(11, (SELECT id FROM training WHERE path_code = 'SEC-101'), 'Double', NULL, NULL), "
        "(12, (SELECT id FROM training WHERE path_code = 'SEC-101'), 'Double', NULL, NULL)",
    ):
        by_hand(env.store_path, sql)


def seeded(tmp_path: Path) -> Env:
    """A store holding two training courses, four learners and three sessions."""
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                           ["MGT-200", "Management", "GUID-MGT"]]))
    seed(env)
    return env


@pytest.fixture
def env(tmp_path: Path) -> Env:
    """A store holding two training courses, four learners and three sessions."""
    return seeded(tmp_path)


def registrations(env: Env, data: list[list[object]], *, options: str = BY_TITLE,
                  columns: tuple[str, ...] = COLUMNS, **extra: object) -> ImportSpec:
    """A registration import of these rows (a header line is added)."""
    write_csv(env.folder / "registrations.csv", [list(columns), *data])
    return ImportSpec("registrations.csv", columns, ACTION, options=options,
                      provider_extra="<dateFormat>DD/MM/YYYY</dateFormat>", **extra)


def query(env: Env, sql: str) -> list[tuple]:
    """What the store holds, as another program reads it."""
    conn = sqlite3.connect(env.store_path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def stored(env: Env) -> list[tuple]:
    """(login, session title) of every registration."""
    return query(env, "SELECT l.login, s.title FROM registration r JOIN learner l ON "
                      "l.id = r.learner_id JOIN session s ON s.id = r.session_id ORDER BY r.id")


LYON = ["SEC-101", "Lyon janvier", "12/01/2027", "13/01/2027"]


def test_register_commit_and_again_is_already_registered(env: Env) -> None:
    spec = registrations(env, [["mdupont", *LYON, "Y"], ["jmartin", *LYON, ""]])
    plan = env.commit(spec)
    assert rows(plan) == [(2, "create", []), (3, "create", [])]
    assert stored(env) == [("mdupont", "Lyon janvier"), ("jmartin", "Lyon janvier")]
    again = env.check(spec)
    assert rows(again) == [(2, "unchanged", [msg.ALREADY_REGISTERED]),
                           (3, "unchanged", [msg.ALREADY_REGISTERED])]
    assert [i.level.value for i in again.imports[0].rows[0].issues()] == ["WARNING"]


def test_a_new_session_is_created_with_the_rows_dates(env: Env) -> None:
    plan = env.commit(registrations(env, [["mdupont", "MGT-200", "Paris mars", "02/03/2027",
                                           "03/03/2027", "Y"],
                                          ["jmartin", "MGT-200", "Paris mars", "", "", "Y"]]))
    assert rows(plan) == [(2, "create", []), (3, "create", [])]
    assert query(env, "SELECT title, start_date, end_date FROM session WHERE title = "
                      "'Paris mars'") == [("Paris mars", "2027-03-02", "2027-03-03")]
    assert stored(env)[-1] == ("jmartin", "Paris mars")


def test_a_session_created_by_a_slip_of_another_title_says_so(env: Env) -> None:
    plan = env.check(registrations(env, [
        ["mdupont", "SEC-101", "Lyon janvierr", "", "", "Y"],  # a letter too many
        ["jmartin", "SEC-101", "lyon Janvier", "", "", "Y"],  # its case alone differs
        ["ileroy", "SEC-101", "Lyon janvierr", "", "", "Y"],  # the session line 2 made
        ["pleroy", "MGT-200", "Lyon janvier", "", "", "Y"]]))  # another course's title
    assert rows(plan) == [
        (2, "create", ["No session 'Lyon janvierr' in SEC-101; 'Lyon janvier' exists: this "
                       "row creates a new session."]),
        (3, "create", ["No session 'lyon Janvier' in SEC-101; 'Lyon janvier' exists: this "
                       "row creates a new session."]),
        (4, "create", []), (5, "create", [])]


def test_a_session_of_a_series_is_created_without_a_warning(env: Env) -> None:
    by_hand(env.store_path, "INSERT INTO session (training_id, title) VALUES "
                            "((SELECT id FROM training WHERE path_code = 'MGT-200'), 'Groupe 1'), "
                            "((SELECT id FROM training WHERE path_code = 'MGT-200'), 'Lot A')")
    plan = env.check(registrations(env, [["mdupont", "MGT-200", title, "", "", "Y"]
                                         for title in ("Groupe 2", "Lot B", "Lyon mars")]))
    assert rows(plan) == [(2, "create", []), (3, "create", []), (4, "create", [])]


def test_an_existing_session_takes_the_rows_dates_unless_told_not_to(env: Env) -> None:
    data = [["mdupont", "SEC-101", "Lyon janvier", "12/01/2027", "15/01/2027", "Y"]]
    kept = env.check(registrations(
        env, data, options=BY_TITLE + "<dontUpdateExistingSessions>yes"
                                      "</dontUpdateExistingSessions>"))
    assert row(kept, 2) == ("create", ["Session Lyon janvier is not updated: "
                                       "dontUpdateExistingSessions is yes."])
    env.commit(registrations(env, data))
    assert query(env, "SELECT end_date FROM session WHERE id = 10") == [("2027-01-15",)]


def test_full_access_no_keeps_a_session_no_import_created(env: Env) -> None:
    data = [["mdupont", "SEC-101", "Lyon janvier", "12/01/2027", "15/01/2027", "Y"]]
    plan = env.check(registrations(env, data, options=BY_TITLE + "<fullAccess>no</fullAccess>"))
    assert row(plan, 2) == ("create", ["Session Lyon janvier is not updated: fullAccess is no "
                                       "and no import created it."])


def test_empty_mandatory_field(env: Env) -> None:
    spec = registrations(env, [["", *LYON, "Y"]],
                         column_children={"candidateLogin": "<mandatory>yes</mandatory>"})
    assert row(env.check(spec), 2) == ("error", ["Field candidateLogin is empty."])


def test_no_search_field_for_the_candidate(env: Env) -> None:
    assert row(env.check(registrations(env, [["", *LYON, "Y"]])), 2) == (
        "error", ["No search field was provided to find the candidate."])


def test_candidate_not_found(env: Env) -> None:
    assert row(env.check(registrations(env, [["nobody", *LYON, "Y"]])), 2) == (
        "error", ["The candidate was not found."])


def test_trainee_search_field_searches_jointly_and_takes_the_oldest(env: Env) -> None:
    columns = ("candidateEmail", "candidateRefNumber", "trainingPathCode", "sessionTitle")
    options = ("<traineeSearchField><candidateEmail/><candidateRefNumber/></traineeSearchField>"
               + BY_TITLE)
    plan = env.commit(registrations(env, [["shared@example.org", "R-004", "SEC-101",
                                           "Lyon janvier"],
                                          ["shared@example.org", "R-001", "SEC-101",
                                           "Lyon janvier"]],
                                    columns=columns, options=options))
    assert rows(plan) == [(2, "create", []), (3, "error", ["The candidate was not found."])]
    assert stored(env) == [("pleroy", "Lyon janvier")]
    by_email = ("<traineeSearchField><candidateEmail/></traineeSearchField>" + BY_TITLE)
    env.commit(registrations(env, [["shared@example.org", "", "SEC-101", "Lyon janvier"]],
                             columns=columns, options=by_email))
    assert stored(env)[-1] == ("ileroy", "Lyon janvier")  # the oldest of the two


def test_training_mandatory_with_has_results(env: Env) -> None:
    options = ('<trainingSearchField hasResults="yes"><trainingPathCode/></trainingSearchField>'
               + BY_TITLE)
    plan = env.check(registrations(env, [["mdupont", "XX-999", "Lyon janvier", "", "", "Y"]],
                                   options=options))
    assert row(plan, 2) == ("error", ["The training could not be found and it is mandatory."])


def test_no_session_without_a_valid_training(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", "XX-999", "Nantes", "", "", "Y"]]))
    assert row(plan, 2) == ("error", ["Cannot create a session without valid training course."])


def test_invalid_dates_in_the_pages_words(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", "SEC-101", "Nantes", "31/02/2027", "", "Y"],
                                         ["mdupont", "SEC-101", "Nantes", "", "mars", "Y"]]))
    assert rows(plan) == [(2, "error", ["Start date 31/02/2027 not valid."]),
                          (3, "error", ["End date mars not valid."])]


def test_register_flag_invalid_value(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", *LYON, "X"]]))
    assert row(plan, 2) == ("error", ["Register flag has invalid value X, Y or N expected."])
    custom = registrations(env, [["mdupont", *LYON, "Y"], ["mdupont", *LYON, "R"]],
                           fields="".join(f"<{c}/>" for c in COLUMNS[:-1])
                           + "<registerFlag><registerValue>R</registerValue><unregisterValue/>"
                             "</registerFlag>")
    assert rows(env.check(custom)) == [
        (2, "error", ["Register flag has invalid value Y, R or N expected."]), (3, "create", [])]


def test_session_mandatory_when_the_search_values_are_empty(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", "SEC-101", "", "", "", "Y"]]))
    assert row(plan, 2) == ("error", ["The session can not be found and it's mandatory."])


def test_session_mandatory_for_an_id_no_session_has(env: Env) -> None:
    columns = ("candidateLogin", "trainingPathCode", "sessionId")
    plan = env.check(registrations(env, [["mdupont", "SEC-101", "999"], ["mdupont", "SEC-101",
                                                                         "10"]],
                                   columns=columns,
                                   options="<sessionSearchField><sessionId/></sessionSearchField>"))
    assert row(plan, 2) == ("error", ["The session can not be found and it's mandatory."])
    # No sessionTitle column: the page's note, a new registration renames its session.
    assert row(plan, 3) == ("create", ['No column holds sessionTitle: for a new registration the '
                                       'platform renames session Lyon janvier to "Session for '
                                       'Marie Dupont".'])


def test_renamed_session_is_committed(env: Env) -> None:
    columns = ("candidateLogin", "trainingPathCode", "sessionId")
    env.commit(registrations(env, [["jmartin", "SEC-101", "10"]], columns=columns,
                             options="<sessionSearchField><sessionId/></sessionSearchField>"))
    assert query(env, "SELECT title FROM session WHERE id = 10") == [("Session for Jean Martin",)]


def test_session_not_retrieved_when_two_match(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", "SEC-101", "Double", "", "", "Y"]]))
    assert row(plan, 2) == ("error",
                            ["The session could not be created or retrieved from the database."])


def test_unregister_someone_not_registered_is_a_warning(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", *LYON, "N"],
                                         ["mdupont", "SEC-101", "Nowhere", "", "", "N"]]))
    assert rows(plan) == [(2, "unchanged", ["The candidate is not registered to this training."]),
                          (3, "unchanged", ["The candidate is not registered to this training."])]


def test_unregistering_the_last_learner_deletes_the_session(env: Env) -> None:
    env.commit(registrations(env, [["mdupont", *LYON, "Y"], ["jmartin", *LYON, "Y"]]))
    plan = env.commit(registrations(env, [["mdupont", *LYON, "N"], ["jmartin", *LYON, "N"]]))
    assert rows(plan) == [(2, "delete", []), (3, "delete", [])]
    assert stored(env) == []
    assert query(env, "SELECT id FROM session WHERE id = 10") == []


def test_keep_session_keeps_it(env: Env) -> None:
    env.commit(registrations(env, [["mdupont", *LYON, "Y"]]))
    keep = "".join(f"<{c}/>" for c in COLUMNS[:-1]) + (
        "<registerFlag><keepSession>Y</keepSession></registerFlag>")
    plan = env.commit(registrations(env, [["mdupont", *LYON, "N"]], fields=keep))
    assert rows(plan) == [(2, "delete", [])]
    assert stored(env) == []
    assert query(env, "SELECT title FROM session WHERE id = 10") == [("Lyon janvier",)]


def test_full_access_no_refuses_to_unregister_what_no_import_made(env: Env) -> None:
    by_hand(env.store_path, "INSERT INTO registration (learner_id, session_id) VALUES (1, 10)")
    plan = env.check(registrations(env, [["mdupont", *LYON, "N"]],
                                   options=BY_TITLE + "<fullAccess>no</fullAccess>"))
    assert row(plan, 2) == ("error", ["fullAccess is no: the registration of mdupont to session "
                                      "Lyon janvier was not created by an import, so this "
                                      "import may not change it."])


def test_registered_learners_are_reactivated_unless_told_not_to(env: Env) -> None:
    spec = registrations(env, [["jmartin", *LYON, "Y"]],
                         options=BY_TITLE + "<reactivateRegisteredLearners>no"
                                            "</reactivateRegisteredLearners>")
    env.commit(spec)
    assert query(env, "SELECT validity FROM learner WHERE id = 2") == [("disabled",)]
    again = env.commit(registrations(env, [["jmartin", *LYON, "Y"]]))
    assert rows(again) == [(2, "update", [msg.ALREADY_REGISTERED])]
    assert query(env, "SELECT validity FROM learner WHERE id = 2") == [("enabled",)]


def test_registration_guid_and_date(env: Env) -> None:
    columns = (*COLUMNS, "registrationGuid", "registrationDate")
    plan = env.commit(registrations(env, [["mdupont", *LYON, "Y", "REG-1", "2027-01-02T09:30:00"],
                                          ["jmartin", *LYON, "Y", "REG-1", ""]],
                                    columns=columns))
    assert rows(plan) == [(2, "create", []), (
        3, "error", ["Field registrationGuid: REG-1 is already the GUID of another "
                     "registration."])]
    assert query(env, "SELECT guid, registered_on FROM registration") == [
        ("REG-1", "2027-01-02T09:30:00")]


def test_the_pages_example_loads_and_checks(env: Env) -> None:
    """The page's own example (its typo seesionId aside, and its stray </registrationDate>)."""
    columns = ("candidateRefNumber", "candidateEmail", "candidateLogin", "trainingPathCode",
               "trainingId", "sessionTitle", "sessionId", "sessionStartDate", "sessionEndDate",
               "registerFlag", "registrationGuid", "registrationDate")
    options = ("<traineeSearchField><candidateRefNumber/></traineeSearchField>"
               '<trainingSearchField hasResults="yes"><trainingPathCode/></trainingSearchField>'
               "<sessionSearchField><sessionTitle/><sessionStartDate/></sessionSearchField>")
    fields = ("<candidateRefNumber/><candidateEmail/><candidateLogin/><trainingPathCode/>"
              "<trainingId/><sessionTitle/><sessionId/><sessionStartDate/><sessionEndDate/>"
              "<registerFlag><keepSession>Y</keepSession></registerFlag><registrationGuid/>"
              "<registrationDate/>")
    plan = env.commit(registrations(env, [
        ["R-001", "", "", "SEC-101", "", "Lyon janvier", "", "12/01/2027", "", "Y", "", ""],
        ["R-002", "", "", "SEC-101", "", "Lyon février", "", "09/02/2027", "10/02/2027", "Y",
         "", ""]], columns=columns, options=options, fields=fields))
    assert rows(plan) == [(2, "create", []), (3, "create", [])]
    assert stored(env) == [("mdupont", "Lyon janvier"), ("jmartin", "Lyon février")]


def test_french_and_english_headers_are_suggested() -> None:
    from importer_gui.core.catalogue import ACTIONS
    from importer_gui.core.suggest import likely_action, suggest_fields

    fields = [f.name for f in ACTIONS[ACTION].fields]
    headers = ["Identifiant", "Code formation", "Titre de la session", "Date de début",
               "Date de fin", "Inscription", "Date d'inscription", "Registration GUID"]
    assert [s.field for s in suggest_fields(headers, fields)] == [
        "candidateLogin", "trainingPathCode", "sessionTitle", "sessionStartDate",
        "sessionEndDate", "registerFlag", "registrationDate", "registrationGuid"]
    tracking = [f.name for f in ACTIONS["createOrUpdateConsolidatedTrackingAction"].fields]
    headers = ["Courriel", "Session", "Module", "Statut", "Premier accès", "Last access",
               "Progression", "Temps passé", "Note", "Note max", "Completion date"]
    assert [s.field for s in suggest_fields(headers, tracking)] == [
        "candidateEmail", "sessionTitle", "lovCode", "trackingStatus", "firstAccessDate",
        "lastAccessDate", "progression", "timeSpent", "score", "scoreMax",
        "firstCompletionDate"]
    assert likely_action(headers) == "createOrUpdateConsolidatedTrackingAction"
    assert likely_action(["Identifiant", "Code formation", "Titre de la session",
                          "Inscription"]) == ACTION


def test_a_course_by_id_and_a_session_by_id_without_its_course(env: Env) -> None:
    training_id = query(env, "SELECT id FROM training WHERE path_code = 'SEC-101'")[0][0]
    columns = ("candidateLogin", "trainingId", "sessionTitle")
    by_id = "<trainingSearchField><trainingId/></trainingSearchField>" + BY_TITLE
    plan = env.check(registrations(env, [["mdupont", str(training_id), "Lyon janvier"]],
                                   columns=columns, options=by_id))
    assert rows(plan) == [(2, "create", [])]
    columns = ("candidateLogin", "trainingPathCode", "sessionId")
    by_session_id = "<sessionSearchField><sessionId/></sessionSearchField>"
    fields = "<candidateLogin/><trainingPathCode/><sessionId/>"
    plan = env.check(registrations(env, [["mdupont", "XX-999", "10"]], columns=columns,
                                   options=by_session_id, fields=fields))
    assert row(plan, 2)[0] == "create"  # no hasResults: the id finds the session alone


def test_a_session_a_registration_made_is_the_next_rows(env: Env) -> None:
    plan = env.check(registrations(env, [["mdupont", "MGT-200", "Nantes", "", "", "Y"],
                                         ["jmartin", "MGT-200", "Nantes", "", "", "Y"],
                                         ["mdupont", "MGT-200", "Nantes", "", "", "N"],
                                         ["jmartin", "MGT-200", "Nantes", "", "", "N"],
                                         ["jmartin", "MGT-200", "Nantes", "", "", "Y"]]))
    # The last learner out takes the session along; the next row makes it anew.
    assert rows(plan) == [(2, "create", []), (3, "create", []), (4, "delete", []),
                          (5, "delete", []), (6, "create", [])]


def test_full_access_no_keeps_an_empty_session_no_import_created(env: Env) -> None:
    env.commit(registrations(env, [["mdupont", *LYON, "Y"]]))
    plan = env.check(registrations(env, [["mdupont", *LYON, "N"]],
                                   options=BY_TITLE + "<fullAccess>no</fullAccess>"))
    assert row(plan, 2) == ("delete", ["Session Lyon janvier has no learner left but is kept: "
                                       "fullAccess is no and no import created it."])


def test_a_registration_run_is_reverted(env: Env) -> None:
    from importer_gui.cli import main

    before = query(env, "SELECT id, title FROM session ORDER BY id")
    env.commit(registrations(env, [["mdupont", *LYON, "Y"],
                                   ["jmartin", "MGT-200", "Paris", "", "", "Y"]]))
    assert len(stored(env)) == 2
    runs = query(env, "SELECT max(id) FROM import_run")[0][0]
    assert main(["revert", str(runs), "--store", str(env.store_path)]) == 0
    assert stored(env) == []
    assert query(env, "SELECT id, title FROM session ORDER BY id") == before


def test_a_learner_action_before_hands_its_learner_to_the_registration(env: Env) -> None:
    # The new learner's login is taken (mdupont_1 it becomes): searching by the file's
    # login would register mdupont; the learner handed on is the one the row made.
    columns = ("candidateRefNumber", "candidateLogin", "candidateName", "trainingPathCode",
               "sessionTitle")
    write_csv(env.folder / "new.csv", [list(columns), ["R-900", "mdupont", "Dupont",
                                                       "SEC-101", "Lyon janvier"]])
    spec = ImportSpec(
        "new.csv", columns, "createOrUpdateLearnerAction",
        options="<traineeSearchField><candidateRefNumber/></traineeSearchField>",
        fields="<candidateRefNumber/><candidateLogin/><candidateName/>",
        then=f"<{ACTION}><options>{BY_TITLE}</options><fields><candidateLogin/>"
             f"<trainingPathCode/><sessionTitle/></fields></{ACTION}>")
    plan = env.commit(spec)
    assert [r.outcome.value for r in plan.imports[0].rows[0].results] == ["create", "create"]
    assert stored(env) == [("mdupont_1", "Lyon janvier")]


def test_another_record_handed_on_is_not_a_candidate(env: Env) -> None:
    columns = ("sessionAction", "trainingPathCode", "sessionTitle", "teacherLogin",
               "candidateLogin")
    write_csv(env.folder / "both.csv", [list(columns), ["M", "SEC-101", "Lyon mars", "",
                                                        "mdupont"]])
    spec = ImportSpec(
        "both.csv", columns, "createOrUpdateSessionAction",
        fields="<sessionAction/><trainingPathCode/><sessionTitle/>"
               "<teacherLogin><mandatory>no</mandatory></teacherLogin>",
        then=f"<{ACTION}><options>{BY_TITLE}</options><fields><candidateLogin/>"
             f"<trainingPathCode/><sessionTitle/></fields></{ACTION}>")
    plan = env.check(spec)
    messages = [i.message for i in plan.imports[0].rows[0].issues()]
    assert msg.CANDIDATE_NOT_INPUT.format(type="session") in messages
    assert plan.imports[0].rows[0].outcome.value == "error"


def test_a_session_created_then_changed_further_down_commits_both_steps(env: Env) -> None:
    # The first row creates the session and the registration (held as their records); the
    # next changes the session's dates in place: the creation still commits as planned.
    plan = env.commit(registrations(env, [
        ["mdupont", "MGT-200", "Paris mars", "02/03/2027", "03/03/2027", "Y"],
        ["ileroy", "MGT-200", "Paris mars", "09/03/2027", "10/03/2027", "Y"]]))
    assert rows(plan) == [(2, "create", []), (3, "create", [])]
    assert [(c.table.value, c.kind.value, str(c.values.get("start_date", "")))
            for c in plan.changes()] == [
        ("session", "create", "2027-03-02"), ("registration", "create", ""),
        ("session", "update", "2027-03-09"), ("registration", "create", "")]
    assert query(env, "SELECT start_date, end_date FROM session WHERE title = "
                      "'Paris mars'") == [("2027-03-09", "2027-03-10")]
    logged = query(env, "SELECT c.kind, json_extract(c.after, '$.start_date') FROM run_change c "
                        "WHERE c.table_name = 'session' AND c.run_id = "
                        "(SELECT max(id) FROM import_run) ORDER BY c.seq")
    assert logged == [("create", "2027-03-02"), ("update", "2027-03-09")]
    assert stored(env)[-2:] == [("mdupont", "Paris mars"), ("ileroy", "Paris mars")]
