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


def test_the_course_is_found_by_its_code_or_its_id() -> None:
    by_id = SAMPLE_SESSIONS - {"trainingPathCode"} | {"trainingId"}
    assert SESSION_ACTION.missing_mandatory(by_id) == ()
    neither = SAMPLE_SESSIONS - {"trainingPathCode"}
    assert SESSION_ACTION.missing_mandatory(neither) == ("trainingTitle",)
    assert mapping_problems(SESSION_ACTION, sorted(neither)).missing_groups == (
        ("trainingPathCode", "trainingId"),)
    with pytest.raises(ConfigError, match="needs a column for trainingPathCode or trainingId"):
        bind_action(Action(SESSION_ACTION.name), [Column(f) for f in sorted(neither)],
                    "YYYY-MM-DD")


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
