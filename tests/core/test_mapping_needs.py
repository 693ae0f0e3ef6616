"""What a mapping must feed: mandatory fields, and the alternatives the catalogue gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core.binding import bind_action, mapping_problems
from importer_gui.core.catalogue import INTERVENTION_ACTION, SESSION_ACTION
from importer_gui.core.config import Action, Column
from importer_gui.core.errors import ConfigError
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import ImportSpec, trainings_import, write_csv
from tests.core.harness import Env, rows

# The sample's sessions.xlsx, as the wizard maps it.
SAMPLE_SESSIONS = {"sessionAction", "trainingPathCode", "sessionTitle", "sessionStartDate",
                   "sessionEndDate", "teacherLogin"}


def test_the_course_code_and_the_session_title_stand_for_the_ids_and_the_course_title() -> None:
    assert SESSION_ACTION.missing_mandatory(SAMPLE_SESSIONS) == ()
    assert mapping_problems(SESSION_ACTION, sorted(SAMPLE_SESSIONS)).missing_groups == ()


def test_the_course_is_found_by_its_code_its_id_or_its_title() -> None:
    # The session page: "Use Training Title, ID, and/or PathCode".
    by_id = SAMPLE_SESSIONS - {"trainingPathCode"} | {"trainingId"}
    by_title = SAMPLE_SESSIONS - {"trainingPathCode"} | {"trainingTitle"}
    for fed in (by_id, by_title):
        assert SESSION_ACTION.missing_mandatory(fed) == ()
        assert mapping_problems(SESSION_ACTION, sorted(fed)).missing_groups == ()
    neither = SAMPLE_SESSIONS - {"trainingPathCode"}
    assert SESSION_ACTION.missing_mandatory(neither) == ()
    assert mapping_problems(SESSION_ACTION, sorted(neither)).missing_groups == (
        ("trainingPathCode", "trainingId", "trainingTitle"),)
    with pytest.raises(ConfigError) as raised:
        bind_action(Action(SESSION_ACTION.name), [Column(f) for f in sorted(neither)],
                    "YYYY-MM-DD")
    assert str(raised.value) == ("<createOrUpdateSessionAction> needs a column for "
                                 "trainingPathCode or trainingId or trainingTitle, and the file "
                                 "has none.")


def test_the_session_id_is_needed_only_when_nothing_else_finds_the_session() -> None:
    assert "sessionId" in SESSION_ACTION.missing_mandatory({"trainingPathCode"})
    assert "sessionId" not in SESSION_ACTION.missing_mandatory({"sessionGuid"})


def test_fields_without_alternatives_are_needed_as_before() -> None:
    assert INTERVENTION_ACTION.missing_mandatory(set()) == (
        "interventionGuid", "interventionDate", "interventionDuration", "roomGuid",
        "roomLabel", "teacherLogin", "interventionStatus")


def test_a_session_file_naming_its_courses_by_id_says_so_of_the_id(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""]]))
    with Store.open(env.store_path) as store:
        [stored] = store.load_state([Table.TRAINING]).trainings.values()
    columns = ("sessionAction", "trainingId", "sessionTitle")
    write_csv(tmp_path / "sessions.csv", [columns, ["M", str(stored.id), "Lyon"],
                                          ["M", "", "Nantes"], ["M", "999", "Lille"]])
    search = "<sessionSearchField><sessionTitle/></sessionSearchField>"
    spec = ImportSpec("sessions.csv", columns, SESSION_ACTION.name, options=search)
    checked = env.check(spec)
    assert rows(checked) == [
        (2, "create", []), (3, "error", ["Field trainingId is empty."]),
        (4, "error", ["Field trainingId: no training course has the id 999."])]
    optional = ImportSpec("sessions.csv", columns, SESSION_ACTION.name, options=search,
                          fields="<sessionAction/><trainingId><mandatory>no</mandatory>"
                                 "</trainingId><sessionTitle/>")
    assert rows(env.check(optional))[1] == (3, "error", ["Field trainingId is empty."])


def test_a_session_file_naming_its_courses_by_title_alone_finds_them(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité incendie", ""],
                                           ["SEC-102", "Secourisme", ""],
                                           ["SEC-103", "Secourisme", ""]]))
    columns = ("sessionAction", "trainingTitle", "sessionTitle")
    write_csv(tmp_path / "sessions.csv", [columns, ["M", "Sécurité incendie", "Lyon"],
                                          ["M", "", "Nantes"], ["M", "Cuisine", "Lille"],
                                          ["M", "Secourisme", "Metz"]])
    search = "<sessionSearchField><sessionTitle/></sessionSearchField>"
    spec = ImportSpec("sessions.csv", columns, SESSION_ACTION.name, options=search)
    assert rows(env.check(spec)) == [
        (2, "create", []), (3, "error", ["Field trainingTitle is empty."]),
        (4, "error", ["Field trainingTitle: no training course has the title Cuisine."]),
        (5, "error", ["Field trainingTitle: several training courses have the title "
                      "Secourisme; name the course by its code or id."])]
    optional = ImportSpec("sessions.csv", columns, SESSION_ACTION.name, options=search,
                          fields="<sessionAction/><trainingTitle><mandatory>no</mandatory>"
                                 "</trainingTitle><sessionTitle/>")
    assert rows(env.check(optional))[1] == (3, "error", ["Field trainingTitle is empty."])
    env.commit(spec)
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.TRAINING, Table.SESSION])
    [session] = state.sessions.values()
    assert (session.title, state.trainings[session.training_id].path_code) == (
        "Lyon", "SEC-101")
