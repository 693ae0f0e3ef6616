"""The actions that feed training courses and teachers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from importer_gui.core.records import Table
from importer_gui.core.store import Store
from tests.builders import ImportSpec, by_hand, teachers_import, trainings_import, write_csv
from tests.core.harness import Env, row, rows
from tests.core.test_refresh import commit as refresh_commit
from tests.core.test_refresh import write_export


def test_teachers_create_update_and_email(tmp_path: Path) -> None:
    env = Env(tmp_path)
    plan = env.commit(teachers_import(tmp_path, [
        ["mdupont", "Dupont", "Marie", "marie@example.org"],
        ["sleroy", "Leroy", "Sophie", "sophie-at-example.org"],
        ["", "Sans", "Login", ""]]))
    assert rows(plan) == [
        (2, "create", []),
        (3, "error", ["Field teacherEmail: sophie-at-example.org is not an e-mail address."]),
        (4, "error", ["Field teacherLogin is empty."])]
    again = env.check(teachers_import(tmp_path, [["mdupont", "Dupont", "Marie-Anne", ""]]))
    assert rows(again) == [(2, "update", [])]


def test_a_record_the_file_holds_twice_is_updated_each_time(tmp_path: Path) -> None:
    env = Env(tmp_path)
    spec = teachers_import(tmp_path, [["mdupont", "Dupont", "Marie", ""],
                                      ["mdupont", "Durand", "Marie", ""]])
    assert [r[1] for r in rows(env.commit(spec))] == ["create", "update"]
    assert [r[1] for r in rows(env.check(spec))] == ["update", "update"]


def test_training_guid_is_generated_and_kept(tmp_path: Path) -> None:
    env = Env(tmp_path)
    spec = trainings_import(tmp_path, [["SEC-101", "Sécurité", ""]])
    env.commit(spec)
    assert rows(env.check(spec)) == [(2, "unchanged", [])]
    with Store.open(env.store_path) as store:
        training = next(iter(store.load_state([Table.TRAINING]).trainings.values()))
    assert len(training.guid) == 36


def test_training_modality_and_duration(tmp_path: Path) -> None:
    columns = ("trainingPathCode", "trainingTitle", "trainingModality", "trainingDuration")
    write_csv(tmp_path / "t.csv", [columns, ["A", "Un", "campus", "7"],
                                   ["B", "Deux", "elearning", "7"],
                                   ["C", "Trois", "blended", "sept"]])
    plan = Env(tmp_path).check(ImportSpec("t.csv", columns,
                                          "createOrUpdateTrainingCourseAction"))
    assert row(plan, 2) == ("create", [])
    # Issue 15: the page's Error Messages table, not IO_items.yml's list (still accepted).
    assert row(plan, 3) == ("error", [
        "The modality must be distancelearning, knowledgecommunity, learning_channel or "
        "blended, elearning detected."])
    assert row(plan, 4) == ("error", ["Field trainingDuration: sept is not a whole number."])


def test_guid_of_another_training(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["SEC-101", "Sécurité", "G1"]]))
    plan = env.check(trainings_import(tmp_path, [["MGT-200", "Management", "G1"]]))
    assert row(plan, 2) == ("error", [
        "Field trainingGuid: G1 is already the GUID of training course SEC-101."])


def test_longer_than_the_type_allows(tmp_path: Path) -> None:
    columns = ("teacherLogin", "teacherName")
    write_csv(tmp_path / "t.csv", [columns, ["x" * 256, "n"]])
    plan = Env(tmp_path).check(ImportSpec("t.csv", columns, "createOrUpdateTeacherAction"))
    assert row(plan, 2) == ("error", ["Field teacherLogin is longer than 255 characters (256)."])


def test_empty_rows_are_skipped(tmp_path: Path) -> None:
    write_csv(tmp_path / "teachers.csv", [("teacherLogin",), ("a",), ("",), (" ",), ("b",)])
    plan = Env(tmp_path).check(ImportSpec("teachers.csv", ("teacherLogin",),
                                          "createOrUpdateTeacherAction"))
    assert [(r[0], r[1]) for r in rows(plan)] == [(2, "create"), (5, "create")]


def test_full_access_no_protects_training_courses_no_import_created(tmp_path: Path) -> None:
    env = Env(tmp_path)
    env.commit(teachers_import(tmp_path, []))  # creates the store
    connection = sqlite3.connect(env.store_path)
    with connection:
        connection.execute("INSERT INTO training (path_code, title) VALUES ('OLD', 'Ancienne')")
    connection.close()
    spec = trainings_import(tmp_path, [["OLD", "Renommée", ""], ["NEW", "Nouvelle", ""]])
    spec.options = "<fullAccess>no</fullAccess>"
    assert rows(env.check(spec)) == [
        (2, "error", ["fullAccess is no: training course OLD was not created by an import, so "
                      "this import may not change it."]),
        (3, "create", [])]


def test_full_access_no_on_one_import_of_several_knows_what_imports_made(
        tmp_path: Path) -> None:
    # The store is asked which records imports created for the guarded action's tables,
    # whichever import of the configuration it is.
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["MINE", "Créée ici", ""]]))
    by_hand(env.store_path, "INSERT INTO training (path_code, title) VALUES ('OLD', 'Ancienne')")
    guarded = trainings_import(tmp_path, [["MINE", "Renommée", ""], ["OLD", "Changée", ""]],
                               file_name="guarded.csv")
    guarded.options = "<fullAccess>no</fullAccess>"
    plan = env.check(teachers_import(tmp_path, [["jdoe", "Doe", "John", ""]]), guarded)
    assert rows(plan, 1) == [
        (2, "update", []),
        (3, "error", ["fullAccess is no: training course OLD was not created by an import, so "
                      "this import may not change it."])]


def test_full_access_no_opens_what_imports_made_whether_or_not_a_refresh_ran(
        tmp_path: Path) -> None:
    """Courses an import created may be changed under fullAccess=no, in a store only imports
    wrote as in one a refresh wrote too; the course the platform's export brought may not."""
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, [["MINE", "Créée ici", ""]]))
    expected_mine = [(2, "update", [])]
    spec = trainings_import(tmp_path, [["MINE", "Renommée", ""]], file_name="again.csv")
    spec.options = "<fullAccess>no</fullAccess>"
    assert rows(env.check(spec)) == expected_mine
    export = write_export(tmp_path, "trainingCourseMetadataProvider",
                          ["trainingPathCode", "title"], ["THEIRS;Venue de la plateforme"])
    refresh_commit(export, env.store_path)
    spec = trainings_import(tmp_path, [["MINE", "Renommée", ""], ["THEIRS", "Changée", ""]],
                            file_name="both.csv")
    spec.options = "<fullAccess>no</fullAccess>"
    assert rows(env.check(spec)) == [*expected_mine, (
        3, "error", ["fullAccess is no: training course THEIRS was not created by an import, "
                     "so this import may not change it."])]
