"""The store on PostgreSQL (its tables, its lock, its roles and schemas), and what both
engines share beyond test_store.py: upgrades of older stores, and who committed each run."""

from __future__ import annotations

import getpass
import platform
import threading
from pathlib import Path

import pytest

from importer_gui.core import schema
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table, TeacherRec
from importer_gui.core.revert import plan_revert
from importer_gui.core.store import PostgresUrl, RunInfo, Store, StoreLocation, dialect_for, queries
from importer_gui.core.store.dialect import APPLICATION_ID
from importer_gui.core.store.migrations import tables_at
from tests.postgres import Cluster, raw_sql

CREATE = ChangeKind.CREATE


def run_info(**counts: int) -> RunInfo:
    """A run made from one configuration and one data file."""
    return RunInfo(config_path="/cfg/t.xml", config_xml="<import-config/>",
                   files=["/data/t.csv"], counts=dict(counts))


def empty_store_at(location: StoreLocation, schema_version: int) -> None:
    """An empty store as that version made it."""
    dialect = dialect_for(location)
    conn = dialect.connect(location, 1.0)
    try:
        dialect.create(conn, tables_at(schema_version), schema_version)
    finally:
        conn.close()


def store_at_version_1(location: StoreLocation) -> None:
    """A store as version 1 made it, with one run (no user, no machine) of one teacher."""
    empty_store_at(location, 1)
    raw_sql(location, "INSERT INTO import_run (started, finished, kind, config_path, "
                      "config_xml, files, counts) VALUES ('2024-05-02T09:00:00+02:00', "
                      "'2024-05-02T09:00:01+02:00', 'import', 'old.xml', '', '[\"t.csv\"]', "
                      "'{\"create\": 1}')")
    raw_sql(location, "INSERT INTO teacher (login, name) VALUES ('jdoe', 'Doe')")
    raw_sql(location, "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, "
                      "after) VALUES (1, 0, 'teacher', 'create', 1, '{\"login\": \"jdoe\", "
                      "\"name\": \"Doe\", \"firstname\": null, \"email\": null}')")


def version(location: StoreLocation) -> int:
    """The schema version a store is stamped with."""
    if isinstance(location, PostgresUrl):
        return raw_sql(location, "SELECT schema_version FROM import_assistant_store")[0][0]
    return raw_sql(location, "PRAGMA user_version")[0][0]


def columns_of(location: StoreLocation, table: str) -> list[str]:
    """A table's columns, in order ([] when it does not exist)."""
    if isinstance(location, PostgresUrl):
        return [r[0] for r in raw_sql(
            location, "SELECT column_name FROM information_schema.columns WHERE "
                      f"table_name = '{table}' ORDER BY ordinal_position")]
    return [r[1] for r in raw_sql(location, f"PRAGMA table_info('{table}')")]


# ---------------------------------------------------------------- both engines

def test_a_store_of_version_1_is_upgraded_in_place(store_url: StoreLocation) -> None:
    store_at_version_1(store_url)
    assert "user_name" not in columns_of(store_url, "import_run")
    with Store.open(store_url) as store:
        [old] = store.history()
        assert (old.id, old.config, old.files, old.user_name, old.machine) == (
            1, "old.xml", ["t.csv"], None, None)
        assert store.load_state([Table.TEACHER]).teachers == {1: TeacherRec(1, "jdoe", "Doe")}
        store.apply([Change(Table.TEACHER, CREATE, -1, {"login": "asmith"})],
                    run_info(create=1))
        newest = store.history()[0]
        assert (newest.user_name, newest.machine) == (getpass.getuser(), platform.node())
    assert version(store_url) == schema.SCHEMA_VERSION == 6
    assert columns_of(store_url, "import_run")[-2:] == ["user_name", "machine"]


def store_at_version_2(location: StoreLocation) -> None:
    """A store as version 2 made it, with one training and one session."""
    empty_store_at(location, 2)
    raw_sql(location, "INSERT INTO training (path_code, title) VALUES ('TR-1', 'Safety')")
    raw_sql(location, "INSERT INTO session (training_id, title) VALUES (1, 'Spring')")


def test_a_run_logged_before_an_upgrade_added_columns_is_reverted(
        store_url: StoreLocation) -> None:
    # A course a version-2 program created, logged without the columns version 3 added
    # (NULL in it since): a column its values leave out reads as NULL, so the revert
    # deletes it rather than taking it for one changed since.
    empty_store_at(store_url, 2)
    raw_sql(store_url, "INSERT INTO training (path_code, title) VALUES ('TR-1', 'Safety')")
    raw_sql(store_url, "INSERT INTO import_run (started, finished, kind, config_path, "
                       "config_xml, files, counts) VALUES ('2024-05-02T09:00:00+02:00', "
                       "'2024-05-02T09:00:01+02:00', 'import', 'old.xml', '', '[\"t.csv\"]', "
                       "'{\"create\": 1}')")
    raw_sql(store_url, "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, "
                       "after) VALUES (1, 0, 'training', 'create', 1, '{\"path_code\": "
                       "\"TR-1\", \"title\": \"Safety\", \"guid\": null, \"locale\": null, "
                       "\"modality\": null, \"description\": null, \"duration\": null}')")
    with Store.open(store_url) as store:
        plan = plan_revert(store, 1)
    assert [(row.table, row.record_id, row.outcome.value, row.issues)
            for row in plan.rows()] == [(Table.TRAINING, 1, "delete", ())]


def test_a_store_of_version_2_gets_the_learners_tables(store_url: StoreLocation) -> None:
    store_at_version_2(store_url)
    assert columns_of(store_url, "learner") == []
    with Store.open(store_url) as store:
        [training] = store.load_state([Table.TRAINING]).trainings.values()
        assert (training.path_code, training.lov_codes, training.steps) == ("TR-1", None, None)
        store.apply([
            Change(Table.ENTITY, CREATE, -1, {"name": "Sales", "guid": None,
                                              "parent_id": None}),
            Change(Table.LEARNER, CREATE, -2, {**schema.defaults(Table.LEARNER),
                                               "login": "ada", "entity_id": -1}),
            Change(Table.REGISTRATION, CREATE, -3, {"learner_id": -2, "session_id": 1,
                                                    "guid": "R-1", "registered_on": None}),
            Change(Table.TRACKING, CREATE, -4, {**schema.defaults(Table.TRACKING),
                                                "learner_id": -2, "session_id": 1,
                                                "lo_code": "LO-1", "progression": 12.5}),
            Change(Table.TRAINING, ChangeKind.UPDATE, 1, {"lov_codes": "LO-1"},
                   {"lov_codes": None}),
        ], run_info(create=4, update=1))
        state = store.load_state()
        [learner] = state.learners.values()
        [tracking] = state.trackings.values()
        assert (learner.login, state.entities[learner.entity_id].name) == ("ada", "Sales")
        assert (tracking.lo_code, tracking.progression) == ("LO-1", 12.5)
        assert state.trainings[1].lov_codes == "LO-1"
    assert version(store_url) == schema.SCHEMA_VERSION
    assert columns_of(store_url, "training")[-2:] == ["welcome_text", "steps"]
    assert columns_of(store_url, "learning_object") == [
        "id", "code", "guid", "title", "publisher", "type"]


def refused_open(location: StoreLocation) -> str:
    """Why the store cannot be opened, as the error says it."""
    with pytest.raises(StoreError) as failure:
        Store.open(location)
    assert str(failure.value).startswith(f"The store {location} could not be opened: ")
    return str(failure.value)


def test_an_upgrade_to_3_that_fails_leaves_the_store_at_2(store_url: StoreLocation) -> None:
    store_at_version_2(store_url)
    raw_sql(store_url, "CREATE TABLE tracking (id INTEGER)")  # in the way
    assert "tracking" in refused_open(store_url)
    assert version(store_url) == 2
    assert "lov_codes" not in columns_of(store_url, "training")  # rolled back
    assert columns_of(store_url, "entity") == []


def test_an_upgrade_that_fails_leaves_the_store_as_it_was(store_url: StoreLocation) -> None:
    store_at_version_1(store_url)
    raw_sql(store_url, "ALTER TABLE import_run ADD COLUMN machine TEXT")  # in the way
    assert "machine" in refused_open(store_url)
    assert version(store_url) == 1
    assert "user_name" not in columns_of(store_url, "import_run")  # the first ALTER was rolled back


def test_each_run_says_who_committed_it_and_from_which_machine(store_url: StoreLocation
                                                               ) -> None:
    with Store.open(store_url) as store:
        info = run_info(create=1)
        info.user_name, info.machine = "jdoe", "training-pc-4"
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], info)
        [run] = store.history()
    assert (run.user_name, run.machine, run.committed_by) == (
        "jdoe", "training-pc-4", "jdoe on training-pc-4")


# ---------------------------------------------------------------- PostgreSQL's own

def test_the_tables_have_postgresql_types_from_the_one_schema(postgres_store: PostgresUrl
                                                              ) -> None:
    Store.open(postgres_store).close()
    types = dict(((t, c), d) for t, c, d in raw_sql(
        postgres_store, "SELECT table_name, column_name, data_type FROM "
                        "information_schema.columns WHERE table_schema = 'public'"))
    assert types[("session", "start_date")] == "date"
    assert types[("intervention", "start")] == "text"  # local times and offsets, as written
    assert types[("import_run", "files")] == "json"
    assert types[("teacher", "id")] == "integer"
    assert {t.name for t in schema.TABLES} | {"import_assistant_store"} == {
        t for t, _ in types}
    deferrable = raw_sql(postgres_store, "SELECT count(*) FROM information_schema."
                                         "table_constraints WHERE constraint_type = "
                                         "'FOREIGN KEY' AND is_deferrable = 'YES'")[0][0]
    assert deferrable == sum(1 for t in schema.TABLES for c in t.columns if c.references)
    assert raw_sql(postgres_store, "SELECT * FROM import_assistant_store") == [
        (APPLICATION_ID, schema.SCHEMA_VERSION)]


def test_a_writer_waits_for_another_then_reports_the_lock(postgres_store: PostgresUrl,
                                                          postgres_cluster: Cluster) -> None:
    import psycopg

    Store.open(postgres_store).close()
    other = psycopg.connect(postgres_store.url, autocommit=True)
    other.execute("SELECT pg_advisory_lock(%s)", (APPLICATION_ID,))  # another commit runs
    try:
        with Store.open(postgres_store, busy_timeout=0.2) as store, \
                pytest.raises(StoreError) as failure:
            store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
        assert str(failure.value) == (f"The store {postgres_store} is locked by another "
                                      "program; try again when it has finished.")
        release = threading.Timer(0.5, lambda: other.execute(
            "SELECT pg_advisory_unlock(%s)", (APPLICATION_ID,)))
        release.start()
        with Store.open(postgres_store) as store:  # waits, then writes
            assert store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})],
                               run_info(create=1)) == 1
        release.join()
    finally:
        other.close()


def test_a_store_another_program_is_creating_is_opened_once_created(
        postgres_store: PostgresUrl) -> None:
    """Two administrators opening a new team store at once: the second sees the first's
    tables before its stamp, and must wait for the creation, not call the store foreign."""
    import psycopg

    Store.open(postgres_store).close()
    raw_sql(postgres_store, "ALTER TABLE import_assistant_store RENAME TO stamp_aside")
    creating = psycopg.connect(postgres_store.url, autocommit=True)
    creating.execute("BEGIN")
    creating.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
    creating.execute("ALTER TABLE stamp_aside RENAME TO import_assistant_store")
    outcome: list[object] = []

    def open_it() -> None:
        try:
            with Store.open(postgres_store) as store:
                outcome.append(store.path)
        except StoreError as exc:
            outcome.append(str(exc))

    opener = threading.Thread(target=open_it)
    opener.start()
    try:
        waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        while not outcome and not raw_sql(postgres_store, waiting)[0][0]:
            opener.join(0.01)
        assert outcome == []  # waiting for the creation to end, not refused
        creating.execute("COMMIT")
        opener.join(10)
        assert outcome == [postgres_store]
    finally:
        creating.close()
        opener.join(10)


def test_a_store_in_its_own_schema_leaves_the_database_alone(
        postgres_store: PostgresUrl) -> None:
    raw_sql(postgres_store, "CREATE TABLE invoices (id integer)")  # the database's own
    raw_sql(postgres_store, "CREATE SCHEMA training")
    url = PostgresUrl(f"{postgres_store.url}?options=-csearch_path%3Dtraining")
    with Store.open(url) as store:
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
        assert store.count(Table.ROOM) == 1
    tables = raw_sql(postgres_store, "SELECT schemaname, count(*) FROM pg_tables WHERE "
                                     "schemaname IN ('public', 'training') GROUP BY 1")
    assert sorted(tables) == [("public", 1), ("training", len(schema.TABLES) + 1)]


def test_a_read_only_role_checks_and_browses(postgres_store: PostgresUrl,
                                            postgres_cluster: Cluster) -> None:
    with Store.open(postgres_store) as store:
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
    database = postgres_store.url.rsplit("/", 1)[1]
    postgres_cluster.sql("DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN "
                         "duplicate_object THEN NULL; END $$")
    raw_sql(postgres_store, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    reader = PostgresUrl(postgres_cluster.url(database, "reader"))
    with Store.open(reader) as store:
        assert store.count(Table.ROOM) == 1 and len(store.history()) == 1
        with pytest.raises(StoreError) as failure:
            store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-2"})], run_info(create=1))
    assert str(failure.value) == f"The store {reader} is read-only: nothing was written."


def test_a_server_that_does_not_answer_is_one_line(tmp_path: Path) -> None:
    url = PostgresUrl("postgresql://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError) as failure:
        Store.open(url)
    text = str(failure.value)
    assert text.startswith(f"The store {url} could not be opened: connection to server at")
    assert "\n" not in text and text.endswith("TCP/IP connections.")


def test_learners_and_their_tracking_copy_to_postgresql_and_back(
        tmp_path: Path, postgres_store: PostgresUrl) -> None:
    from datetime import date, datetime

    original = tmp_path / "first.sqlite3"
    with Store.open(original) as store:
        store.apply([
            Change(Table.TRAINING, CREATE, -1, {"path_code": "T1", "title": "One",
                                                "lov_codes": "LO-1,LO-2"}),
            Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "May"}),
            Change(Table.ENTITY, CREATE, -1, {"name": "Acme"}),
            Change(Table.ENTITY, CREATE, -2, {"name": "Sales", "parent_id": -1}),
            Change(Table.LEARNER, CREATE, -1, {"login": "boss", "entity_id": -1}),
            Change(Table.LEARNER, CREATE, -2, {"login": "ada", "entity_id": -2,
                                               "manager_id": -1, "custom": {"C-7": "blue"},
                                               "enabled_until": date(2027, 1, 31)}),
            Change(Table.LEARNING_OBJECT, CREATE, -1, {"code": "LO-1", "type": "SCORM"}),
            Change(Table.REGISTRATION, CREATE, -1, {"learner_id": -2, "session_id": -1,
                                                    "registered_on": datetime(2027, 1, 4, 9)}),
            Change(Table.TRACKING, CREATE, -1, {"learner_id": -2, "session_id": -1,
                                                "lo_code": "LO-1", "progression": 62.5,
                                                "score": 7.25, "time_spent": 5415}),
        ], run_info(create=9))
        store.apply([Change(Table.LEARNER, ChangeKind.UPDATE, 2, {"custom": {"C-7": "red"}},
                            {"custom": {"C-7": "blue"}})], run_info(update=1))
    back = tmp_path / "back.sqlite3"
    with Store.open(original) as first, Store.open(postgres_store) as shared:
        first.copy_into(shared)
        with Store.open(back) as returned:
            shared.copy_into(returned)
            for store in (shared, returned):
                assert store.load_state() == first.load_state()
                assert store.run_changes(2) == first.run_changes(2)
        # A learner's custom fields updated on PostgreSQL, and its run reverted there.
        shared.apply([Change(Table.LEARNER, ChangeKind.UPDATE, 2, {"custom": None},
                             {"custom": {"C-7": "red"}})], run_info(update=1))
        from importer_gui.core.revert import commit_revert, plan_revert

        plan = plan_revert(shared, 3)
        assert plan.conflicts() == 0
        commit_revert(shared, plan)
        learner = shared.get(Table.LEARNER, 2)
        assert learner is not None and learner.custom == {"C-7": "red"}


SQLITE_THEN_POSTGRES = """
import sys
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import PostgresUrl, RunInfo, Store

sqlite_path, url = sys.argv[1:3]
with Store.open(sqlite_path):
    pass
print("psycopg after the SQLite store:", "psycopg" in sys.modules)
with Store.open(PostgresUrl(url)) as store:
    store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "t1", "name": "One"})],
                RunInfo(config_path="", config_xml="", files=[], counts={}))
    teachers = store.load_state((Table.TEACHER,)).table(Table.TEACHER)
    print("teachers:", [t.login for t in teachers.values()])
"""


def test_a_new_sqlite_store_goes_without_psycopg_and_a_postgresql_one_after_it_works(
        tmp_path: Path, postgres_store: PostgresUrl) -> None:
    """Creating a SQLite store imports peewee without the PostgreSQL driver (a tenth of a
    second); a PostgreSQL store opened later in the same process is created and written."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", SQLITE_THEN_POSTGRES, str(tmp_path / "s.db"),
                           str(postgres_store)], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["psycopg after the SQLite store: False",
                                        "teachers: ['t1']"]


def test_a_record_put_back_where_its_id_is_taken_names_the_id(postgres_store: PostgresUrl
                                                               ) -> None:
    # A revert recreates a deleted record under its own id: another may hold it meanwhile.
    with Store.open(postgres_store) as store:
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
        with pytest.raises(StoreError) as failure:
            store.apply([Change(Table.ROOM, CREATE, 1, {"guid": "R-2"})], run_info(create=1))
    assert str(failure.value) == (f"Nothing was written to {postgres_store}: another room "
                                  "already has this id (Key (id)=(1) already exists).")


def test_a_refused_change_says_the_server_s_detail_once(postgres_store: PostgresUrl) -> None:
    with Store.open(postgres_store) as store:
        store.apply([Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-1", "title": "One"}),
                     Change(Table.SESSION, CREATE, -1, {"training_id": -1, "title": "S"})],
                    run_info(create=2))
        with pytest.raises(StoreError) as failure:
            store.apply([Change(Table.TRAINING, ChangeKind.DELETE, 1, {},
                                before={"path_code": "PC-1", "title": "One"})],
                        run_info(delete=1))
    assert str(failure.value) == (
        f"Nothing was written to {postgres_store}: the store changed since the check, and a "
        "change would leave a record referring to one that does not exist (update or delete on "
        'table "training" violates foreign key constraint "session_training_id_fkey" on table '
        '"session"; DETAIL: Key (id)=(1) is still referenced from table "session"); check '
        "again.")


def test_a_table_read_as_columns_holds_what_a_record_read_holds(
        store_url: StoreLocation, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read 16 at a time, columns the first records leave empty and later ones fill (a cost,
    a locale) are read on both engines as a record read reads them."""
    monkeypatch.setattr(queries, "WHOLE_ROWS", 16)
    Store.open(store_url).close()
    raw_sql(store_url, "INSERT INTO training (path_code, title, modality, locale, cost) VALUES "
            + ", ".join(f"('TR-{n}', 'Titre {n}', 'blended',"
                        f" {repr('fr') if n >= 90 else 'NULL'},"
                        f" {repr(f'{n} €') if n == 50 else 'NULL'})" for n in range(100)))
    with Store.open(store_url) as store:
        records = store.load_state([Table.TRAINING]).trainings
        held = store.load_state([Table.TRAINING], as_columns={Table.TRAINING})
    assert held.table(Table.TRAINING) == records
    assert [(r.path_code, r.cost) for r in records.values() if r.cost] == [("TR-50", "50 €")]
    assert sum(r.locale == "fr" for r in records.values()) == 10
