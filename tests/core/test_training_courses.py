"""createOrUpdateTrainingCourseAction's documented fields and rules (issue 15)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.issues import Level
from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config, write_csv
from tests.core.harness import Env, row, rows

ACTION = "createOrUpdateTrainingCourseAction"


@pytest.fixture
def env(tmp_path: Path) -> Env:
    return Env(tmp_path)


def courses(env: Env, columns: tuple[str, ...], data: list[list[object]],
            name: str = "courses.csv") -> ImportSpec:
    """A training course import of these rows (a header line is added)."""
    write_csv(env.folder / name, [list(columns), *data])
    return ImportSpec(name, columns, ACTION)


def stored(env: Env, code: str) -> object:
    """The stored training course with this code."""
    with Store.open(env.store_path) as store:
        state = store.load_state([Table.TRAINING])
    return next(t for t in state.trainings.values() if t.path_code == code)


def add_learning_objects(env: Env, *codes: str) -> None:
    """Learning objects as a refresh from the platform's exports would store them."""
    connection = sqlite3.connect(env.store_path)
    with connection:
        connection.executemany("INSERT INTO learning_object (code, title) VALUES (?, ?)",
                               [(code, f"Objet {code}") for code in codes])
    connection.close()


METADATA = ("trainingPathCode", "trainingTitle", "trainingCost", "trainingWhatYouWillLearn",
            "trainingOverview", "trainingOutcomes", "trainingAudience",
            "trainingFurtherInformation", "trainingWelcomeText", "lovCodes")


def test_every_documented_field_is_stored(env: Env) -> None:
    env.commit(courses(env, METADATA, [[
        "SEC-101", "Sécurité", "450 €", "Éteindre un feu", "Trois modules", "Savoir évacuer",
        "Tout le personnel", "Voir l'intranet", "Bienvenue !", " REF1 , REF2 || REF3 "]]))
    course = stored(env, "SEC-101")
    assert (course.cost, course.what_you_will_learn, course.overview, course.outcomes,
            course.audience, course.further_information, course.welcome_text,
            course.lov_codes) == (
        "450 €", "Éteindre un feu", "Trois modules", "Savoir évacuer", "Tout le personnel",
        "Voir l'intranet", "Bienvenue !", "REF1,REF2||REF3")


def test_training_action_m_updates_and_a_deletes(env: Env) -> None:
    columns = ("trainingAction", "trainingPathCode", "trainingTitle")
    env.commit(courses(env, columns, [["M", "SEC-101", "Sécurité"], ["M", "OLD", "Ancienne"]]))
    plan = env.commit(courses(env, columns, [
        ["M", "SEC-101", "Sécurité incendie"], ["A", "OLD", "Ancienne"],
        ["A", "NONE", "Absente"], ["X", "SEC-101", "Sécurité"]]))
    assert rows(plan) == [
        (2, "update", []), (3, "delete", []),
        (4, "unchanged", ["No training course matches this row: there is nothing to delete."]),
        (5, "error", ["Field trainingAction: X is not one of M, A."])]
    assert plan.imports[0].rows[2].issues().__next__().level is Level.WARNING
    with Store.open(env.store_path) as store:
        codes = {t.path_code for t in store.load_state([Table.TRAINING]).trainings.values()}
    assert codes == {"SEC-101"}


def test_a_course_with_sessions_is_not_deleted(env: Env) -> None:
    env.commit(courses(env, ("trainingPathCode", "trainingTitle"), [["SEC-101", "Sécurité"]]))
    columns = ("sessionAction", "trainingPathCode", "sessionTitle")
    write_csv(env.folder / "sessions.csv", [columns, ["M", "SEC-101", "Lyon"]])
    env.commit(ImportSpec("sessions.csv", columns, "createOrUpdateSessionAction",
                          options="<sessionSearchField><sessionTitle/></sessionSearchField>"))
    plan = env.check(courses(env, ("trainingAction", "trainingPathCode", "trainingTitle"),
                             [["A", "SEC-101", "Sécurité"]]))
    assert row(plan, 2) == ("error", [
        "Training course SEC-101 has sessions (1): delete them first (sessionAction A), then "
        "the course."])


def test_an_empty_training_action_is_an_error_unless_optional(env: Env) -> None:
    columns = ("trainingAction", "trainingPathCode", "trainingTitle")
    assert row(env.check(courses(env, columns, [["", "SEC-101", "Sécurité"]])), 2) == (
        "error", ["Field trainingAction is empty."])
    spec = courses(env, columns, [["", "SEC-101", "Sécurité"]])
    spec.fields = ("<trainingAction><mandatory>no</mandatory></trainingAction>"
                   "<trainingPathCode/><trainingTitle/>")
    assert row(env.check(spec), 2) == ("create", [])


def test_an_empty_lov_codes_is_an_error_unless_optional(env: Env) -> None:
    # IO_items.yml: the column may stay empty only with <mandatory>no</mandatory>.
    columns = ("trainingPathCode", "trainingTitle", "lovCodes")
    data = [["SEC-101", "Sécurité", ""], ["SEC-102", "Sécurité 2", "REF1"]]
    assert rows(env.check(courses(env, columns, data))) == [
        (2, "error", ["Field lovCodes is empty."]), (3, "create", [])]
    spec = courses(env, columns, data)
    spec.fields = ("<trainingPathCode/><trainingTitle/>"
                   "<lovCodes><mandatory>no</mandatory></lovCodes>")
    assert rows(env.check(spec)) == [(2, "create", []), (3, "create", [])]
    # A file without the column still feeds courses.
    assert rows(env.check(courses(env, columns[:2], [["SEC-103", "Sécurité 3"]],
                                  name="without.csv"))) == [(2, "create", [])]


def test_the_modality_cannot_change(env: Env) -> None:
    columns = ("trainingPathCode", "trainingTitle", "trainingModality")
    env.commit(courses(env, columns, [["SEC-101", "Sécurité", "distanciel"]]))
    plan = env.check(courses(env, columns, [["SEC-101", "Sécurité", "learning_channel"],
                                            ["SEC-101", "Sécurité", "distancelearning"],
                                            ["SEC-101", "Sécurité", ""]]))
    assert rows(plan) == [(2, "error", ["You can't change the training's modality."]),
                          # IO_items.yml's name and the page's: one modality.
                          (3, "update", []),
                          # Mandatory when the file has the column (IO_items.yml).
                          (4, "error", ["Field trainingModality is empty."])]


def test_a_blended_course_needs_steps_with_titles(env: Env) -> None:
    columns = ("trainingPathCode", "trainingTitle", "trainingModality", "trainingSteps")
    plan = env.check(courses(env, columns, [
        ["B1", "Mixte", "blended", ""],
        ["B2", "Mixte", "blended", "Intro|>1||<b> </b>|>2||Conclusion"],
        ["B3", "Mixte", "blended", "Intro|>un jour"],
        ["B4", "Mixte", "blended", "Intro|>1||Basics|>2||Advanced concepts|>4||Conclusion"],
        ["D1", "Distance", "distancelearning", ""]]))
    assert rows(plan) == [
        (2, "error", ['The field "trainingSteps" can\'t be empty when importing a blended '
                      'training.']),
        (3, "error", ["Step title error at step #2 : The result of the title's sanitization "
                      "is empty."]),
        (4, "error", ["Field trainingSteps: step #1's duration un jour is not a whole number "
                      "of days."]),
        (5, "create", []), (6, "create", [])]
    # A file without the column is never checked for it (the format's rule for every field).
    without = courses(env, columns[:3], [["B5", "Mixte", "blended"]], name="without.csv")
    assert rows(env.check(without)) == [(2, "create", [])]


def test_a_blended_update_only_adds(env: Env) -> None:
    columns = ("trainingPathCode", "trainingTitle", "trainingModality", "trainingSteps",
               "lovCodes")
    env.commit(courses(env, columns, [["B1", "Mixte", "blended", "Intro|>1||Suite",
                                       "REF1||REF2"]]))
    plan = env.commit(courses(env, columns, [
        ["B1", "Mixte", "blended", "Intro|>1||Suite||Fin", "REF1||REF3"]]))
    assert row(plan, 2) == ("update", [
        "Field lovCodes: an import never removes learning objects from blended training "
        "course B1; REF2 stay in it."])
    course = stored(env, "B1")
    assert (course.steps, course.lov_codes) == ("Intro|>1||Suite||Fin", "REF1||REF2,REF3")
    plan = env.check(courses(env, columns, [["B1", "Mixte", "blended", "Début||Suite", "REF1"]]))
    assert row(plan, 2)[1][0] == (
        "Field trainingSteps: the steps of blended training course B1 can be added to, never "
        "removed or changed; its steps are kept as they are.")


def test_learning_objects_on_trust_until_the_store_knows_some(env: Env) -> None:
    columns = ("trainingPathCode", "trainingTitle", "lovCodes")
    spec = courses(env, columns, [["SEC-101", "Sécurité", "REF1,REF2||REF9"],
                                  ["SEC-102", "Sécurité 2", "REF1,,REF2"]])
    trusted = courses(env, columns, [["T", "Trust", "ANY||THING"]], name="trusted.csv")
    assert rows(env.commit(trusted)) == [
        (2, "create", [])]
    add_learning_objects(env, "REF1", "REF2", "REF2")
    assert rows(env.check(spec)) == [
        (2, "error", [
            "lovCodes error: LOV ref number REF2 is more than one LO or doesn't exist.",
            "lovCodes error: LOV ref number REF9 is more than one LO or doesn't exist."]),
        (3, "error", [
            "lovCodes error: LOV ref number REF2 is more than one LO or doesn't exist.",
            "Field lovCodes: step #1 of REF1,,REF2 has an empty learning object code."])]


def test_legacy_fields_are_read_and_ignored(env: Env) -> None:
    columns = ("trainingPathCode", "trainingTitle", "trainingScoreSuccessThreshold",
               "trainingScoresVisibleByLearners")
    plan = env.commit(courses(env, columns, [["SEC-101", "Sécurité", "80", "Y"],
                                             ["SEC-102", "Sécurité 2", "", ""]]))
    legacy = ("is ignored: the platform no longer reads this legacy field (it depends on a "
              "setting very few platforms have).")
    assert rows(plan) == [
        (2, "create", [f"Field trainingScoreSuccessThreshold {legacy}",
                       f"Field trainingScoresVisibleByLearners {legacy}"]),
        (3, "create", [])]
    assert {i.level for i in plan.imports[0].rows[0].issues()} == {Level.WARNING}


def test_the_key_and_a_new_courses_title_must_be_filled(env: Env) -> None:
    columns = ("trainingPathCode", "trainingTitle")
    spec = courses(env, columns, [["", "Sans code"], ["SEC-101", ""]])
    spec.fields = "<trainingPathCode/><trainingTitle><mandatory>no</mandatory></trainingTitle>"
    assert rows(env.check(spec)) == [(2, "error", ["Field trainingPathCode is empty."]),
                                     (3, "error", ["Field trainingTitle is empty."])]


def test_a_created_course_without_a_guid_column_gets_a_version_7_guid(env: Env) -> None:
    env.commit(courses(env, ("trainingPathCode", "trainingTitle"),
                       [["SEC-101", "Sécurité"], ["SEC-102", "Secourisme"]]))
    made = [stored(env, code).guid for code in ("SEC-101", "SEC-102")]
    assert [uuid.UUID(guid).version for guid in made] == [7, 7]
    assert made[0] < made[1]  # in the order the courses were created


@pytest.mark.parametrize("alongside", [False, True], ids=["check-then-commit", "one-pass"])
def test_a_course_created_without_a_guid_then_given_one_further_down_commits_both_steps(
        env: Env, alongside: bool) -> None:
    columns = ("trainingPathCode", "trainingTitle", "trainingGuid")
    spec = courses(env, columns, [["SEC-101", "Sécurité", ""],
                                  ["SEC-101", "Sécurité", "0B6E2F3A-1C44-4D2B-9A51-7E0F1D2C3B01"]])
    if alongside:  # the command line's commit writes while it checks
        config = write_config(env.folder, spec)
        assert main(["commit", str(config), "--store", str(env.store_path)]) == 0
    else:
        env.commit(spec)
    assert stored(env, "SEC-101").guid == "0B6E2F3A-1C44-4D2B-9A51-7E0F1D2C3B01"
    connection = sqlite3.connect(env.store_path)
    logged = connection.execute(
        "SELECT kind, json_extract(before, '$.guid'), json_extract(after, '$.guid')"
        " FROM run_change WHERE table_name = 'training' ORDER BY seq").fetchall()
    connection.close()
    (created, _, made), (updated, before, after) = logged
    assert (created, updated, after) == ("create", "update", "0B6E2F3A-1C44-4D2B-9A51-7E0F1D2C3B01")
    assert uuid.UUID(made).version == 7 and before == made  # the GUID the write made
