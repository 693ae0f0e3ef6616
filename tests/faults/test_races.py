"""Races: two commits of the same files at the same moment, on one store of each engine.

Two processes check the same files against the same store, wait for each other, then
commit at once. The store must hold what one commit writes: one committed, the other was
refused with the conflict named (its sessions were created meanwhile), never a session
created twice (after which every row of the file would fail with "Group with name ... is
duplicated.").
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from importer_gui.core.store import PostgresUrl, Store, StoreLocation
from importer_gui.core.store.runs import machine_name, os_user
from tests.builders import (
    ImportSpec,
    config_text,
    trainings_import,
    write_config,
    write_csv,
)
from tests.faults import HANG_GUARD, ROOT, cli
from tests.postgres import Cluster, raw_sql, record_tables
from tests.stores import existing_store

SESSION_COLUMNS = ("trainingPathCode", "sessionTitle", "sessionGuid")
SESSIONS = 40

CHECK_WAIT_COMMIT = """
import sys, time
from pathlib import Path
from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import ImporterError
from importer_gui.core.store import Store

config, store, ready, go = sys.argv[1:5]
with Store.open(store) as opened:
    plan = pipeline.check(config_xml.load(Path(config)), opened)
    Path(ready).touch()
    while not Path(go).exists():  # both have checked: commit at the same moment
        time.sleep(0.001)
    try:
        print("committed", pipeline.commit(plan, opened).run_id)
    except ImporterError as error:
        print("refused", error)
"""


def sessions_config(folder: Path) -> Path:
    """Trainings committed first; then a file of new sessions of them (what the race is on)."""
    write_csv(folder / "sessions.csv", [SESSION_COLUMNS] + [
        (f"PC-{i % 4}", f"Session {i}", f"S-{i}") for i in range(SESSIONS)])
    return write_config(folder, ImportSpec("sessions.csv", SESSION_COLUMNS,
                                           "createOrUpdateSessionAction"), name="sessions.xml")


def prepared(folder: Path, store: StoreLocation) -> Path:
    """The store with its training courses; the sessions' configuration."""
    folder.mkdir(exist_ok=True)
    trainings = write_config(folder, trainings_import(
        folder, [(f"PC-{i}", f"Course {i}", f"T-{i}") for i in range(4)]), name="trainings.xml")
    assert cli("commit", str(trainings), "--store", str(store)).code == 0
    return sessions_config(folder)


def race(config: Path, store: StoreLocation, folder: Path,
         other: Path | None = None, script: str = CHECK_WAIT_COMMIT) -> list[str]:
    """Two processes check (``config``, and ``other`` or the same), then commit at the same
    moment (``script`` says how); what each said."""
    go = folder / "go"
    ready = [folder / f"ready-{n}" for n in range(2)]
    children = [subprocess.Popen([sys.executable, "-c", script, str(each),
                                  str(store), str(flag), str(go)], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for each, flag in zip((config, other or config), ready, strict=True)]
    try:
        deadline = time.monotonic() + HANG_GUARD
        while not all(flag.exists() for flag in ready) and time.monotonic() < deadline:
            stopped = [child for child in children if child.poll() is not None]
            assert not stopped, stopped[0].communicate()
            time.sleep(0.005)
        go.touch()
        said = []
        for child in children:
            out, err = child.communicate(timeout=HANG_GUARD)
            assert child.returncode == 0 and err == "", err
            said.append(out.strip())
        return sorted(said)
    finally:
        for child in children:  # a failed race leaves no process waiting for its go
            if child.poll() is None:
                child.kill()
                child.wait()


@pytest.fixture(params=["sqlite", "postgres"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[StoreLocation, ...]:
    """Two new stores of one engine: the one raced on, and one committed to once."""
    if request.param == "sqlite":
        return tmp_path / "raced.sqlite3", tmp_path / "once.sqlite3"
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    names = [cluster.new_database("race") for _ in range(2)]
    request.addfinalizer(lambda: [cluster.drop_database(name) for name in names])
    return tuple(PostgresUrl(cluster.url(name)) for name in names)


def test_two_commits_of_the_same_sessions_at_once_leave_what_one_commit_writes(
        tmp_path: Path, two_stores: tuple[StoreLocation, ...]) -> None:
    raced, once = two_stores
    config = prepared(tmp_path / "raced", raced)
    reference = prepared(tmp_path / "once", once)
    assert cli("commit", str(reference), "--store", str(once)).code == 0

    said = race(config, raced, tmp_path)

    assert said[0] == "committed 2", said
    assert said[1].startswith("refused Session 'Session 0' was created by run 2 ("), said
    assert said[1].endswith(f") since the check; check again: nothing was written to {raced}.")
    assert record_tables(raced) == record_tables(once)
    with Store.open(raced) as store:
        assert [run.id for run in store.history()] == [2, 1]
    # The second administrator checks again: every session is there, nothing to create.
    again = cli("check", str(config), "--store", str(raced))
    assert "Total: create 0, update 0, unchanged 40, delete 0, error 0" in again.out
    # The refused commit gave its run number back: the next run is 3, on either engine.
    assert cli("commit", str(teachers_config(tmp_path / "next", "t")), "--store",
               str(raced)).code == 0
    with Store.open(raced) as store:
        assert [run.id for run in store.history()] == [3, 2, 1]


def teachers_config(folder: Path, prefix: str) -> Path:
    """A file of 30 new teachers whose logins start with ``prefix``."""
    from tests.builders import teachers_import

    folder.mkdir()
    return write_config(folder, teachers_import(
        folder, [(f"{prefix}{i}", f"Name {i}", "F", "") for i in range(30)]))


def test_two_commits_of_other_records_at_once_get_the_next_two_run_numbers(
        tmp_path: Path, store_url: StoreLocation) -> None:
    first = teachers_config(tmp_path / "first", "first-")
    assert cli("commit", str(first), "--store", str(store_url)).code == 0

    said = race(teachers_config(tmp_path / "a", "a-"), store_url, tmp_path,
                other=teachers_config(tmp_path / "b", "b-"))

    assert said == ["committed 2", "committed 3"], said
    with Store.open(store_url) as store:
        assert [run.id for run in store.history()] == [3, 2, 1]
    assert len(record_tables(store_url)["teacher"]) == 90


def test_two_commits_of_the_same_teachers_at_once_are_one(
        tmp_path: Path, store_url: StoreLocation) -> None:
    from tests.builders import teachers_import

    folder = tmp_path / "files"
    folder.mkdir()
    config = write_config(folder, teachers_import(
        folder, [(f"t{i}", f"Name {i}", "F", "") for i in range(50)]))
    said = race(config, store_url, tmp_path)
    assert said[0] == "committed 1", said
    # Which login was taken, by which run, user and machine (the README's promise).
    assert said[1] == (f"refused Another teacher has the teacherLogin 't0', written by run 1 "
                       f"({os_user()} on {machine_name()}) since the check; check again: "
                       f"nothing was written to {store_url}."), said
    assert len(record_tables(store_url)["teacher"]) == 50


def test_two_updates_of_one_record_at_once_lose_neither(
        tmp_path: Path, store_url: StoreLocation) -> None:
    from tests.builders import teachers_import

    folders = [tmp_path / name for name in ("first", "a", "b")]
    for folder in folders:
        folder.mkdir()
    first, by_a, by_b = (write_config(folder, teachers_import(folder, [("t1", "One", "F", email)]))
                         for folder, email in zip(folders, ("", "a@example.org", "b@example.org"),
                                                  strict=True))
    assert cli("commit", str(first), "--store", str(store_url)).code == 0
    said = race(by_a, store_url, tmp_path, other=by_b)
    assert said[0] == "committed 2", said
    assert said[1].startswith(
        f"refused Teacher 't1' was changed by run 2 ({os_user()} on {machine_name()}) since the "
        "check (teacherEmail is now "), said
    assert said[1].endswith(f"); check again: nothing was written to {store_url}."), said
    [teacher] = record_tables(store_url)["teacher"]
    assert teacher[4] in ("a@example.org", "b@example.org")  # the one committed, whole


ENTITY_LEVELS = ("hierarchyEntityName", "hierarchyEntityName")


def entities_config(folder: Path, lines: list[tuple[str, str]]) -> Path:
    """An entity import of ``lines`` (two levels each) under entity 8."""
    folder.mkdir()
    write_csv(folder / "entities.csv", [ENTITY_LEVELS, *lines])
    return write_config(folder, ImportSpec("entities.csv", ENTITY_LEVELS,
                                           "createOrUpdateEntityAction",
                                           options="<defaultEntityId>8</defaultEntityId>"))


def test_two_commits_naming_one_new_entity_at_once_create_it_once(
        tmp_path: Path, store_url: StoreLocation) -> None:
    # Two administrators place their own teams under one new department, "Sales": two
    # entities of that name would leave every learner naming it an error.
    first = entities_config(tmp_path / "first", [("Head office", "Board")])
    assert cli("commit", str(first), "--store", str(store_url)).code == 0
    north = entities_config(tmp_path / "north", [("Sales", "North")])
    south = entities_config(tmp_path / "south", [("Sales", "South")])

    said = race(north, store_url, tmp_path, other=south)

    assert said[0] == "committed 2", said
    assert said[1] == (f"refused Entity 'Sales' was created by run 2 ({os_user()} on "
                       f"{machine_name()}) since the check; check again: nothing was written "
                       f"to {store_url}."), said
    names = [entity[1] for entity in record_tables(store_url)["entity"]]
    assert names.count("Sales") == 1 and len(names) == 5, names


TRACKING_ACTION = "createOrUpdateConsolidatedTrackingAction"
TRACKING_COLUMNS = ("candidateLogin", "trainingPathCode", "sessionTitle", "lovCode",
                    "trackingStatus", "progression")


def tracking_config(folder: Path) -> Path:
    """A tracking import of each learner's progress in one learning object of a session."""
    folder.mkdir()
    write_csv(folder / "tracking.csv", [TRACKING_COLUMNS] + [
        (f"l{i}", "PC-0", "Lyon", "LO-1", "completed", "100") for i in range(3)])
    text = config_text(ImportSpec("tracking.csv", TRACKING_COLUMNS, TRACKING_ACTION))
    path = folder / "tracking.xml"
    path.write_text(text.replace(
        f"</fields></{TRACKING_ACTION}>",
        f"</fields><parameters><dateTimeFormat>YYYY-MM-DD HH:II:SS</dateTimeFormat>"
        f"</parameters></{TRACKING_ACTION}>"), encoding="utf-8")
    return path


def test_two_commits_of_the_same_tracking_at_once_create_each_row_once(
        tmp_path: Path, store_url: StoreLocation) -> None:
    sessions = prepared(tmp_path / "setup", store_url)
    assert cli("commit", str(sessions), "--store", str(store_url)).code == 0
    for i in range(3):  # learners registered to the session (as a refresh brings them)
        raw_sql(store_url, "INSERT INTO learner (id, login) VALUES (?, ?)", (i + 1, f"l{i}"))
        raw_sql(store_url, "INSERT INTO registration (learner_id, session_id) SELECT ?, id"
                           " FROM session WHERE title = 'Session 0'", (i + 1,))
    raw_sql(store_url, "UPDATE session SET title = 'Lyon' WHERE title = 'Session 0'")
    config = tracking_config(tmp_path / "tracking")

    said = race(config, store_url, tmp_path)

    assert said[0] == "committed 3", said
    assert said[1].startswith("refused Tracking row 'LO-1' was created by run 3 ("), said
    assert said[1].endswith(f") since the check; check again: nothing was written to "
                            f"{store_url}."), said
    assert len(record_tables(store_url)["tracking"]) == 3


# The same for a refresh of the platform's exports.
CHECK_WAIT_REFRESH = CHECK_WAIT_COMMIT.replace(
    "from importer_gui.core import config_xml, pipeline",
    "from importer_gui.core.platform_io import export_config, refresh").replace(
    "plan = pipeline.check(config_xml.load(Path(config)), opened)",
    "plan = refresh.plan_refresh(export_config.load(Path(config)), opened)").replace(
    "pipeline.commit(plan, opened).run_id", "refresh.commit_refresh(plan, opened).run_id")


@pytest.mark.parametrize(("provider", "columns", "rows", "table", "refused"), [
    ("candidatesProvider", ["candidateRefNumber", "candidateEmail", "candidateName"],
     ["R-1;ann@example.org;Ann", "R-2;;Bob", ";cid@example.org;Cid"], "learner",
     "Learner 1 was created by run 1 ("),
    ("learningObjectMetadataProvider", ["learningObjectCode", "learningObjectTitle"],
     ["LO-1;Intro", "LO-2;Next"], "learning_object",
     "Learning object 'LO-1' was created by run 1 ("),
], ids=["learners without a login", "learning objects without a GUID"])
def test_two_refreshes_at_once_create_records_without_a_unique_key_once(
        tmp_path: Path, store_url: StoreLocation, provider: str, columns: list[str],
        rows: list[str], table: str, refused: str) -> None:
    from tests.core.test_refresh import write_export

    existing_store(store_url)
    config = write_export(tmp_path, provider, columns, rows)

    said = race(config, store_url, tmp_path, script=CHECK_WAIT_REFRESH)

    assert said[0] == "committed 1", said
    assert said[1].startswith(f"refused {refused}"), said
    assert said[1].endswith(f") since the check; check again: nothing was written to "
                            f"{store_url}."), said
    assert len(record_tables(store_url)[table]) == len(rows)


LEARNER_COLUMNS = ("candidateRefNumber", "candidateLogin", "candidateEmail", "candidateName")


def test_two_commits_of_the_first_learners_at_once_name_the_entity_created_meanwhile(
        tmp_path: Path, store_url: StoreLocation) -> None:
    # A store knowing no entity yet: each commit records defaultEntityId's root under its
    # id. The second found it taken by the engine's key, and said "another entity already
    # has this entityId (Key (id)=(1) already exists)", naming neither run nor what to do.
    assert cli("commit", str(teachers_config(tmp_path / "first", "t-")), "--store",
               str(store_url)).code == 0
    folder = tmp_path / "learners"
    folder.mkdir()
    write_csv(folder / "learners.csv", [LEARNER_COLUMNS] + [
        (f"R-{i}", f"l{i}", f"l{i}@example.org", f"Name {i}") for i in range(20)])
    config = write_config(folder, ImportSpec("learners.csv", LEARNER_COLUMNS,
                                             "createOrUpdateLearnerAction"))

    said = race(config, store_url, tmp_path)

    assert said == ["committed 2",
                    f"refused Entity 'Entity 1' was created by run 2 ({os_user()} on "
                    f"{machine_name()}) since the check; check again: nothing was written "
                    f"to {store_url}."], said
    assert len(record_tables(store_url)["entity"]) == 1
    assert len(record_tables(store_url)["learner"]) == 20
