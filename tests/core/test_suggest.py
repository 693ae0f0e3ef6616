"""Suggested mappings: what a user sees pre-selected on the mapping page."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core import pipeline
from importer_gui.core.catalogue import (
    ACTIONS,
    IGNORED_COLUMN,
    INTERVENTION_ACTION,
    SESSION_ACTION,
    TEACHER_ACTION,
    TRAINING_ACTION,
)
from importer_gui.core.config import Column
from importer_gui.core.store import Store
from importer_gui.core.suggest import (
    CLOSE_COLUMNS,
    Suggestion,
    best_match,
    likely_action,
    map_columns,
    near_field,
    near_values,
    normalise,
    suggest_fields,
)
from tests.builders import write_csv

SESSION_FIELDS = [f.name for f in SESSION_ACTION.fields]
INTERVENTION_FIELDS = [f.name for f in INTERVENTION_ACTION.fields]
TRAINING_FIELDS = [f.name for f in TRAINING_ACTION.fields]
TEACHER_FIELDS = [f.name for f in TEACHER_ACTION.fields]


def test_exact_field_names_are_not_guesses() -> None:
    result = suggest_fields(["sessionAction", "trainingPathCode"], SESSION_FIELDS)
    assert result == [Suggestion("sessionAction", "exact"), Suggestion("trainingPathCode", "exact")]
    assert not any(s.guessed for s in result)


@pytest.mark.parametrize(("header", "field"), [
    ("SESSIONTITLE", "sessionTitle"),
    ("Session title", "sessionTitle"),
    ("session_id", "sessionId"),
    ("  Teacher-Login ", "teacherLogin"),
])
def test_case_spaces_and_punctuation_are_normalised(header: str, field: str) -> None:
    assert best_match(header, SESSION_FIELDS) == Suggestion(field, "normalised")


@pytest.mark.parametrize(("header", "fields", "field"), [
    ("Code formation", SESSION_FIELDS, "trainingPathCode"),
    ("Titre de la session", SESSION_FIELDS, "sessionTitle"),
    ("Formateur", SESSION_FIELDS, "teacherLogin"),
    ("Date de début", SESSION_FIELDS, "sessionStartDate"),
    ("DATE DE DEBUT", SESSION_FIELDS, "sessionStartDate"),
    ("Salle", INTERVENTION_FIELDS, "roomLabel"),
    ("Capacité", INTERVENTION_FIELDS, "roomCapacity"),
    ("Statut", INTERVENTION_FIELDS, "interventionStatus"),
    ("Statut", SESSION_FIELDS, "sessionStatus"),
    ("Durée", INTERVENTION_FIELDS, "interventionDuration"),
    ("Durée", TRAINING_FIELDS, "trainingDuration"),
    ("Titre", TRAINING_FIELDS, "trainingTitle"),
    ("Prénom", TEACHER_FIELDS, "teacherFirstname"),
    ("Start date", SESSION_FIELDS, "sessionStartDate"),
    ("Room", INTERVENTION_FIELDS, "roomLabel"),
])
def test_synonyms_in_english_and_french_follow_the_action(
        header: str, fields: list[str], field: str) -> None:
    assert best_match(header, fields) == Suggestion(field, "synonym")


def test_typos_are_close_matches() -> None:
    assert best_match("seesionId", SESSION_FIELDS) == Suggestion("sessionId", "close")
    assert best_match("trainingPathCod", SESSION_FIELDS) == Suggestion("trainingPathCode", "close")
    assert best_match("Formatuer", SESSION_FIELDS) == Suggestion("teacherLogin", "close")


def test_past_a_sheets_width_near_spellings_are_not_looked_for() -> None:
    # A file of thousands of columns is no import's: difflib on each, for each action, took
    # minutes; exact, normalised and synonym matches are still made.
    filler = [f"c{i}" for i in range(CLOSE_COLUMNS)]
    assert suggest_fields(["seesionId", "sessionTitle", *filler], SESSION_FIELDS)[:2] == [
        Suggestion(IGNORED_COLUMN, None), Suggestion("sessionTitle", "exact")]
    assert suggest_fields(["seesionId", "sessionTitle", *filler[2:]], SESSION_FIELDS)[:2] == [
        Suggestion("sessionId", "close"), Suggestion("sessionTitle", "exact")]


def test_unrelated_and_empty_headers_are_ignored_without_a_guess() -> None:
    result = suggest_fields(["Remarques internes", "", None], SESSION_FIELDS)
    assert result == [Suggestion(IGNORED_COLUMN, None)] * 3


def test_a_field_goes_to_one_column_the_better_match_wins() -> None:
    # "Titre" (a synonym) comes first, but the exact "sessionTitle" column keeps its field.
    result = suggest_fields(["Titre", "sessionTitle", "Session title"], SESSION_FIELDS)
    assert result == [
        Suggestion(IGNORED_COLUMN, None),
        Suggestion("sessionTitle", "exact"),
        Suggestion(IGNORED_COLUMN, None),
    ]


def test_within_a_tier_the_leftmost_column_wins() -> None:
    result = suggest_fields(["Formateur", "Intervenant"], SESSION_FIELDS)
    assert result == [Suggestion("teacherLogin", "synonym"), Suggestion(IGNORED_COLUMN, None)]


def test_fields_of_another_action_are_never_suggested() -> None:
    # roomLabel is an intervention field: a sessions file's "Salle" column is not mapped.
    assert best_match("Salle", SESSION_FIELDS) == Suggestion(IGNORED_COLUMN, None)
    assert best_match("roomLabel", SESSION_FIELDS).field == IGNORED_COLUMN


def test_a_whole_french_sessions_sheet() -> None:
    headers = ["Action", "Code formation", "Intitulé de la formation", "Titre de la session",
               "Date de début", "Date de fin", "Formateur", "Commentaire"]
    fields = [s.field for s in suggest_fields(headers, SESSION_FIELDS)]
    assert fields == ["sessionAction", "trainingPathCode", "trainingTitle", "sessionTitle",
                      "sessionStartDate", "sessionEndDate", "teacherLogin", IGNORED_COLUMN]


def test_normalise_drops_accents_case_and_punctuation() -> None:
    assert normalise("Date de début") == "date de debut"
    assert normalise("sessionStartDate") == "session start date"
    assert normalise("Nombre d'heures") == "nombre d heures"


def test_a_saved_mapping_follows_its_headers_when_columns_moved() -> None:
    known = [("Code", "trainingPathCode"), ("Titre", "sessionTitle"), ("Notes", IGNORED_COLUMN)]
    result = map_columns(["Titre", "Notes", "Code", "Formateur"], known, SESSION_FIELDS)
    assert result == [
        Suggestion("sessionTitle", None),
        Suggestion(IGNORED_COLUMN, None),
        Suggestion("trainingPathCode", None),
        Suggestion("teacherLogin", "synonym"),  # a new column: suggested, marked as a guess
    ]


def test_a_header_the_file_repeats_keeps_each_column_s_saved_field() -> None:
    known = [("Courriel", "teacherEmail"), ("Nom", "teacherName"), ("Courriel", IGNORED_COLUMN)]
    result = map_columns(["Nom", "courriel ", "Courriel"], known, TEACHER_FIELDS)
    assert result == [
        Suggestion("teacherName", None),
        Suggestion("teacherEmail", None),
        Suggestion(IGNORED_COLUMN, None),
    ]


def test_a_saved_mapping_without_headers_applies_by_position() -> None:
    known = [(None, "teacherLogin"), (None, "teacherName")]
    result = map_columns(["Login", "Nom", "Prénom"], known, TEACHER_FIELDS)
    assert result == [
        Suggestion("teacherLogin", None),
        Suggestion("teacherName", None),
        Suggestion("teacherFirstname", "synonym"),
    ]


def test_a_saved_field_of_another_action_is_suggested_again() -> None:
    result = map_columns(["Salle"], [("Salle", "roomLabel")], SESSION_FIELDS)
    assert result == [Suggestion(IGNORED_COLUMN, None)]


def test_a_whole_french_interventions_sheet() -> None:
    headers = ["Identifiant", "Code formation", "Session", "Début", "Durée (h)", "Salle (id)",
               "Salle", "Places", "Formateur", "Statut"]
    fields = [s.field for s in suggest_fields(headers, INTERVENTION_FIELDS)]
    assert fields == ["interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
                      "interventionDuration", "roomGuid", "roomLabel", "roomCapacity",
                      "teacherLogin", "interventionStatus"]


def test_identifiant_is_the_login_in_a_teachers_sheet() -> None:
    fields = [s.field for s in suggest_fields(["Identifiant", "Nom", "Prénom", "Courriel"],
                                              TEACHER_FIELDS)]
    assert fields == ["teacherLogin", "teacherName", "teacherFirstname", "teacherEmail"]


def test_names_in_a_learners_sheet_are_the_learners() -> None:
    fields = [f.name for f in ACTIONS["createOrUpdateLearnerAction"].fields]
    headers = ["Login", "Nom", "Prénom", "Email", "Matricule", "Entité"]
    assert [s.field for s in suggest_fields(headers, fields)] == [
        "candidateLogin", "candidateName", "candidateFirstname", "candidateEmail",
        "candidateRefNumber", "entityName"]
    teachers = ["Login du formateur", "Nom du formateur", "Prénom du formateur",
                "Courriel du formateur"]
    assert [s.field for s in suggest_fields(teachers, TEACHER_FIELDS)] == TEACHER_FIELDS[:4]


@pytest.mark.parametrize(("headers", "action"), [
    (["Identifiant", "Code formation", "Session", "Début", "Salle", "Statut"],
     "createOrUpdateInterventionAction"),
    (["Action", "Code formation", "Titre de la session", "Date de début"],
     "createOrUpdateSessionAction"),
    # Names and e-mail addresses alone fit both: the platform's learners, not our teachers
    # (the platform has no teacher import); a header saying "formateur" makes it the teachers'.
    (["Identifiant", "Nom", "Prénom", "Courriel"], "createOrUpdateLearnerAction"),
    (["Login", "Nom", "Prénom", "Email"], "createOrUpdateLearnerAction"),
    (["Formateur", "Nom", "Prénom", "Courriel"], "createOrUpdateTeacherAction"),
    (["Nom du formateur", "Prénom du formateur"], "createOrUpdateTeacherAction"),
    (["Login", "Nom", "Prénom", "Email", "Matricule"], "createOrUpdateLearnerAction"),
    (["Login", "Nom", "Prénom", "Email", "Entité"], "createOrUpdateLearnerAction"),
    (["Login", "Name", "First name", "E-mail", "Validity"], "createOrUpdateLearnerAction"),
    (["Login", "Nom", "Prénom", "Email", "Manager"], "createOrUpdateLearnerAction"),
    (["Apprenant", "Nom", "Prénom", "Courriel"], "createOrUpdateLearnerAction"),
    (["Learner login", "Last name", "First name", "Email"], "createOrUpdateLearnerAction"),
    (["Matricule", "Identifiant", "Nom de l'apprenant", "Prénom de l'apprenant", "Entité",
      "Manager", "Actif"],
     "createOrUpdateLearnerAction"),
    (["Niveau 1", "Niveau 2"], "createOrUpdateEntityAction"),
    (["Code formation", "Titre de la formation", "Langue"], "createOrUpdateTrainingCourseAction"),
    (["Code"], "createOrUpdateTrainingCourseAction"),  # a tie: the first action offered
    (["Couleur", "Poids"], None),
    ([], None),
    (None, None),
])
def test_the_likely_action_of_a_file(headers: list[str] | None, action: str | None) -> None:
    assert likely_action(headers) == action


def test_a_file_named_for_teachers_settles_a_tie_with_the_learners() -> None:
    headers = ["Identifiant", "Nom", "Prénom", "Courriel"]
    assert likely_action(headers, "teachers.csv") == "createOrUpdateTeacherAction"
    assert likely_action(headers, "Formateurs 2027.xlsx") == "createOrUpdateTeacherAction"
    assert likely_action(headers, "people.csv") == "createOrUpdateLearnerAction"
    # a header only the learners have wins whatever the name
    assert likely_action([*headers, "Matricule"], "teachers.csv") == "createOrUpdateLearnerAction"


def test_a_code_nothing_has_gets_the_close_ones_of_the_store_and_the_rows(
        tmp_path: Path) -> None:
    data = write_csv(tmp_path / "t.csv", [["Code", "Titre"], ["XLS-300", "Excel"],
                                          ["SEC-101", "Sécurité"]])
    config = pipeline.new_config(data, "createOrUpdateTrainingCourseAction",
                                 [Column("trainingPathCode"), Column("trainingTitle")])
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
    assert near_values(plan, "trainingPathCode", "XLS-30") == ["XLS-300"]
    assert near_values(plan, "trainingPathCode", "xls-300") == ["XLS-300"]
    assert near_values(plan, "trainingPathCode", "XLS-300") == []  # it is known
    assert near_values(plan, "trainingPathCode", "ZZZ") == []
    assert near_values(plan, "trainingTitle", "Exel") == []  # a title is no code
    assert near_field("teacherLogin") == ("teacher", "login")
    assert near_field("roomLabel") is None


def test_a_french_tracking_export_s_learning_object_columns() -> None:
    """"Objet" alone, as a French tracking sheet heads its learning object, is its code."""
    fields = [f.name for f in ACTIONS["createOrUpdateConsolidatedTrackingAction"].fields]
    headers = ["Identifiant", "Objet", "GUID de l'objet", "Objet d'apprentissage",
               "Code de l'objet pédagogique", "Statut"]
    assert [s.field for s in map_columns(headers, [], fields)] == [
        "candidateLogin", "lovCode", "lovGuid", IGNORED_COLUMN, IGNORED_COLUMN,
        "trackingStatus"]
    for header in ("Objet", "Code objet", "Objet d'apprentissage",
                   "Code de l'objet pédagogique", "Référence de l'objet"):
        assert best_match(header, fields) == Suggestion("lovCode", "synonym"), header
    for header in ("GUID objet", "GUID de l'objet", "GUID de l'objet pédagogique"):
        assert best_match(header, fields) == Suggestion("lovGuid", "synonym"), header
