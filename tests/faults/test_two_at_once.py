"""Two administrators at once, as a team meets it: real processes on one store of each
engine (``tests/faults/test_races.py`` holds the commits of one file raced at one moment)."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.store import StoreLocation
from importer_gui.core.store.runs import machine_name, os_user
from tests.builders import ImportSpec, trainings_import, write_config, write_csv
from tests.faults import cli
from tests.faults.test_races import race
from tests.postgres import raw_sql, record_tables

REGISTRATION_COLUMNS = ("candidateLogin", "trainingPathCode", "sessionTitle", "registerFlag")


def registrations_config(folder: Path, store: StoreLocation) -> Path:
    """A store with a course, its session 'Lyon' and five learners; a file registering them."""
    folder.mkdir()
    trainings = write_config(folder, trainings_import(folder, [("PC-1", "Course", "")]),
                             name="trainings.xml")
    assert cli("commit", str(trainings), "--store", str(store)).code == 0
    for i in range(5):  # as a refresh of the platform's exports brings them
        raw_sql(store, "INSERT INTO learner (id, login) VALUES (?, ?)", (i + 1, f"l{i}"))
    raw_sql(store, "INSERT INTO session (id, training_id, title) VALUES (10, 1, 'Lyon')")
    write_csv(folder / "registrations.csv", [REGISTRATION_COLUMNS] + [
        (f"l{i}", "PC-1", "Lyon", "") for i in range(5)])
    return write_config(folder, ImportSpec(
        "registrations.csv", REGISTRATION_COLUMNS, "registerLearnerAction",
        options="<sessionSearchField><sessionTitle/></sessionSearchField>"),
        name="registrations.xml")


def test_two_commits_of_the_same_registrations_at_once_name_who_registered_them(
        tmp_path: Path, store_url: StoreLocation) -> None:
    config = registrations_config(tmp_path / "files", store_url)

    said = race(config, store_url, tmp_path)

    # The engine's words ("UNIQUE constraint failed: registration.learner_id, ...") named
    # neither who registered the learner nor what to do.
    assert said == ["committed 2",
                    f"refused Learner 'l0' was registered to session 'Lyon' by run 2 "
                    f"({os_user()} on {machine_name()}) since the check; check again: nothing "
                    f"was written to {store_url}."], said
    assert len(record_tables(store_url)["registration"]) == 5
