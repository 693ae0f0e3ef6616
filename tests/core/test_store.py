"""The store: schema, one-transaction commits with placeholder ids, history and failures.

Tests taking ``store`` or ``store_url`` run on both engines (a SQLite file, a database of a
throwaway PostgreSQL cluster); the others are about SQLite's file.
"""

from __future__ import annotations

import dataclasses
import gc
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core.errors import Cancelled, StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import (
    ROW_OF,
    Change,
    ChangeKind,
    CreatedColumns,
    CreatedRows,
    InterventionRec,
    RoomRec,
    SessionRec,
    StoreState,
    Table,
    TeacherRec,
    TrainingRec,
)
from importer_gui.core.schema import SCHEMA_VERSION
from importer_gui.core.store import PostgresUrl, RunInfo, Store, StoreLocation, queries
from importer_gui.core.store.dialect import APPLICATION_ID, SqliteDialect
from importer_gui.core.store.migrations import tables_at
from importer_gui.core.store.runs import machine_name, os_user
from importer_gui.core.store.writer import CHUNK
from tests.postgres import raw_sql

CREATE, UPDATE, DELETE = ChangeKind.CREATE, ChangeKind.UPDATE, ChangeKind.DELETE


def run_info(**counts: int) -> RunInfo:
    """A run made from one configuration and one data file."""
    return RunInfo(config_path="/cfg/sessions.xml", config_xml="<import-config/>",
                   files=["/data/sessions.csv"], counts=dict(counts))


def by_hand(path: StoreLocation, sql: str) -> None:
    """Change the store as another program would, through its own connection."""
    raw_sql(path, sql)


def snapshot(store: Store) -> tuple[StoreState, int]:
    """Every record and the number of runs, to compare before and after a failure."""
    return store.load_state(), len(store.history())


def with_a_teacher_and_a_training(location: StoreLocation) -> Iterator[Store]:
    """A new store at ``location`` with one teacher and one training course (ids 1 and 1)."""
    with Store.open(location) as opened:
        opened.apply([
            Change(Table.TEACHER, CREATE, -1, {"login": "jdoe", "name": "Doe"}),
            Change(Table.TRAINING, CREATE, -1, {"path_code": "PC-1", "title": "Safety"}),
        ], run_info(create=2))
        yield opened


@pytest.fixture
def store(store_url: StoreLocation, tmp_path: Path) -> Iterator[Store]:
    """A new store with one teacher and one training course (ids 1 and 1), on each engine."""
    if isinstance(store_url, Path):
        store_url = tmp_path / "data" / "store.sqlite3"
    yield from with_a_teacher_and_a_training(store_url)


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """The same store in a SQLite file, for what is SQLite's own."""
    yield from with_a_teacher_and_a_training(tmp_path / "data" / "store.sqlite3")


def test_open_creates_folder_and_schema(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "store.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"teacher", "training", "session", "room", "intervention", "import_run",
            "run_change"} <= tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    with Store.open(path) as again:  # reopening an existing store keeps it as it is
        assert again.load_state() == StoreState(created_by_import={t: set() for t in Table})
        assert again.history() == []


# The stored file format of version 1, word for word: what stores held before version 2.
FILE_FORMAT_V1 = [
    'CREATE TABLE "teacher" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "login" TEXT '
    'NOT NULL, "name" TEXT, "firstname" TEXT, "email" TEXT)',
    'CREATE UNIQUE INDEX "teacher_login" ON "teacher" ("login")',
    'CREATE TABLE "training" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "path_code" '
    'TEXT NOT NULL, "guid" TEXT, "title" TEXT NOT NULL, "locale" TEXT, "modality" TEXT, '
    '"description" TEXT, "duration" INTEGER)',
    'CREATE UNIQUE INDEX "training_path_code" ON "training" ("path_code")',
    'CREATE UNIQUE INDEX "training_guid" ON "training" ("guid")',
    'CREATE TABLE "session" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "training_id" '
    'INTEGER NOT NULL, "title" TEXT, "guid" TEXT, "status" TEXT, "start_date" TEXT, '
    '"end_date" TEXT, "teacher_id" INTEGER, FOREIGN KEY ("training_id") REFERENCES '
    '"training" ("id"), FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id"))',
    'CREATE INDEX "session_guid" ON "session" ("guid")',
    'CREATE INDEX "session_teacher_id" ON "session" ("teacher_id")',
    'CREATE INDEX "session_training_id_title" ON "session" ("training_id", "title")',
    'CREATE TABLE "room" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "guid" TEXT NOT '
    'NULL, "label" TEXT, "capacity" INTEGER)',
    'CREATE UNIQUE INDEX "room_guid" ON "room" ("guid")',
    'CREATE TABLE "intervention" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "guid" '
    'TEXT NOT NULL, "session_id" INTEGER NOT NULL, "start" TEXT, "duration" INTEGER, '
    '"room_id" INTEGER, "teacher_id" INTEGER, "status" TEXT NOT NULL, FOREIGN KEY '
    '("session_id") REFERENCES "session" ("id"), FOREIGN KEY ("room_id") REFERENCES "room" '
    '("id"), FOREIGN KEY ("teacher_id") REFERENCES "teacher" ("id"))',
    'CREATE UNIQUE INDEX "intervention_guid" ON "intervention" ("guid")',
    'CREATE INDEX "intervention_session_id" ON "intervention" ("session_id")',
    'CREATE INDEX "intervention_room_id" ON "intervention" ("room_id")',
    'CREATE INDEX "intervention_teacher_id" ON "intervention" ("teacher_id")',
    'CREATE TABLE "import_run" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "started" '
    'TEXT NOT NULL, "finished" TEXT, "kind" TEXT NOT NULL, "config_path" TEXT NOT NULL, '
    '"config_xml" TEXT NOT NULL, "files" TEXT NOT NULL, "counts" TEXT NOT NULL, '
    '"reverts_run" INTEGER, "reverted_by" INTEGER)',
    'CREATE TABLE "run_change" ("id" INTEGER NOT NULL PRIMARY KEY, "run_id" INTEGER NOT NULL, '
    '"seq" INTEGER NOT NULL, "table_name" TEXT NOT NULL, "kind" TEXT NOT NULL, "record_id" '
    'INTEGER NOT NULL, "before" TEXT, "after" TEXT, FOREIGN KEY ("run_id") REFERENCES '
    '"import_run" ("id"))',
    'CREATE UNIQUE INDEX "run_change_run_id_seq" ON "run_change" ("run_id", "seq")',
    'CREATE INDEX "run_change_table_name_kind_record_id" ON "run_change" ("table_name", '
    '"kind", "record_id")',
]


# What version 2 changed: a run records who made it, and on which machine.
IMPORT_RUN_V2 = (
    'CREATE TABLE "import_run" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "started" '
    'TEXT NOT NULL, "finished" TEXT, "kind" TEXT NOT NULL, "config_path" TEXT NOT NULL, '
    '"config_xml" TEXT NOT NULL, "files" TEXT NOT NULL, "counts" TEXT NOT NULL, '
    '"reverts_run" INTEGER, "reverted_by" INTEGER, "user_name" TEXT, "machine" TEXT)')
# The stored file format of version 2: what stores held before version 3.
FILE_FORMAT_V2 = [IMPORT_RUN_V2 if statement.startswith('CREATE TABLE "import_run"')
                  else statement for statement in FILE_FORMAT_V1]


# What version 3 added: the training-course import's columns, and five tables (issue 15).
TRAINING_V3 = (
    'CREATE TABLE "training" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "path_code" '
    'TEXT NOT NULL, "guid" TEXT, "title" TEXT NOT NULL, "locale" TEXT, "modality" TEXT, '
    '"description" TEXT, "duration" INTEGER, "lov_codes" TEXT, "cost" TEXT, '
    '"what_you_will_learn" TEXT, "overview" TEXT, "outcomes" TEXT, "audience" TEXT, '
    '"further_information" TEXT, "welcome_text" TEXT, "steps" TEXT)')
NEW_IN_V3 = [
    'CREATE TABLE "entity" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT '
    'NULL, "guid" TEXT, "parent_id" INTEGER, FOREIGN KEY ("parent_id") REFERENCES "entity" '
    '("id"))',
    'CREATE INDEX "entity_name" ON "entity" ("name")',
    'CREATE UNIQUE INDEX "entity_guid" ON "entity" ("guid")',
    'CREATE INDEX "entity_parent_id" ON "entity" ("parent_id")',
    'CREATE TABLE "learner" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "login" TEXT, '
    '"ref_number" TEXT, "email" TEXT, "name" TEXT, "firstname" TEXT, "entity_id" INTEGER, '
    '"manager_id" INTEGER, "validity" TEXT, "enabled_from" TEXT, "enabled_until" TEXT, '
    '"languages" TEXT, "time_zone" TEXT, "presentation" TEXT, "custom" TEXT, "guid" TEXT, '
    'FOREIGN KEY ("entity_id") REFERENCES "entity" ("id"), FOREIGN KEY ("manager_id") '
    'REFERENCES "learner" ("id"))',
    'CREATE UNIQUE INDEX "learner_login" ON "learner" ("login")',
    'CREATE INDEX "learner_ref_number" ON "learner" ("ref_number")',
    'CREATE INDEX "learner_email" ON "learner" ("email")',
    'CREATE INDEX "learner_entity_id" ON "learner" ("entity_id")',
    'CREATE INDEX "learner_manager_id" ON "learner" ("manager_id")',
    'CREATE UNIQUE INDEX "learner_guid" ON "learner" ("guid")',
    'CREATE TABLE "learning_object" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "code" '
    'TEXT, "guid" TEXT, "title" TEXT, "publisher" TEXT, "type" TEXT)',
    'CREATE INDEX "learning_object_code" ON "learning_object" ("code")',
    'CREATE UNIQUE INDEX "learning_object_guid" ON "learning_object" ("guid")',
    'CREATE TABLE "registration" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, '
    '"learner_id" INTEGER NOT NULL, "session_id" INTEGER NOT NULL, "guid" TEXT, '
    '"registered_on" TEXT, FOREIGN KEY ("learner_id") REFERENCES "learner" ("id"), FOREIGN '
    'KEY ("session_id") REFERENCES "session" ("id"))',
    'CREATE INDEX "registration_session_id" ON "registration" ("session_id")',
    'CREATE UNIQUE INDEX "registration_guid" ON "registration" ("guid")',
    'CREATE UNIQUE INDEX "registration_learner_id_session_id" ON "registration" '
    '("learner_id", "session_id")',
    'CREATE TABLE "tracking" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "learner_id" '
    'INTEGER NOT NULL, "session_id" INTEGER NOT NULL, "lo_code" TEXT, "lo_guid" TEXT, '
    '"first_access" TEXT, "last_access" TEXT, "first_completion" TEXT, "progression" REAL, '
    '"status" TEXT, "time_spent" INTEGER, "score" REAL, "score_max" INTEGER, FOREIGN KEY '
    '("learner_id") REFERENCES "learner" ("id"), FOREIGN KEY ("session_id") REFERENCES '
    '"session" ("id"))',
    'CREATE INDEX "tracking_session_id" ON "tracking" ("session_id")',
    'CREATE INDEX "tracking_learner_id_session_id_lo_code" ON "tracking" ("learner_id", '
    '"session_id", "lo_code")',
]

# The stored file format of version 3: what stores held before version 4.
FILE_FORMAT_V3 = [TRAINING_V3 if statement.startswith('CREATE TABLE "training"') else statement
                  for statement in FILE_FORMAT_V2] + NEW_IN_V3

# What version 4 added: the store's identity, one GUID.
NEW_IN_V4 = ['CREATE TABLE "store_identity" ("id" INTEGER NOT NULL PRIMARY KEY, "guid" TEXT '
             'NOT NULL)']

# The stored file format of version 4 and 5: what stores held before version 6.
FILE_FORMAT_V5 = FILE_FORMAT_V3 + NEW_IN_V4

# What version 6 changed: the records a run created are found by their spans of ids, and the
# history's index by record leaves their creation out.
HISTORY_BY_RECORD_V5 = ('CREATE INDEX "run_change_table_name_kind_record_id" ON "run_change" '
                        '("table_name", "kind", "record_id")')
NEW_IN_V6 = [
    'CREATE INDEX "run_change_table_name_record_id" ON "run_change" ("table_name", '
    '"record_id") WHERE kind <> \'create\'',
    'CREATE TABLE "run_created" ("id" INTEGER NOT NULL PRIMARY KEY, "run_id" INTEGER NOT NULL, '
    '"table_name" TEXT NOT NULL, "first_id" INTEGER NOT NULL, "last_id" INTEGER NOT NULL, '
    'FOREIGN KEY ("run_id") REFERENCES "import_run" ("id"))',
    'CREATE INDEX "run_created_table_name_first_id" ON "run_created" ("table_name", "first_id")',
]

# The stored file format: what every store holds since version 6 (new or upgraded), word for word.
FILE_FORMAT = [s for s in FILE_FORMAT_V5 if s != HISTORY_BY_RECORD_V5] + NEW_IN_V6


def stored_schema(path: Path) -> list[str]:
    """The statements a store file keeps for its tables and indexes, sorted."""
    conn = sqlite3.connect(path)
    try:
        return sorted(sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name != 'sqlite_sequence'"))
    finally:
        conn.close()


def test_a_new_store_has_the_file_format_every_store_has(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    assert stored_schema(path) == sorted(FILE_FORMAT)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID == 0x49415354
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 6
    conn.close()


def test_a_store_written_before_keeps_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    for statement in FILE_FORMAT_V1:
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {0x49415354}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO teacher (login, name) VALUES ('jdoe', 'Doe')")
    conn.close()
    with Store.open(path) as store:
        assert store.load_state([Table.TEACHER]).teachers == {1: TeacherRec(1, "jdoe", "Doe")}
        store.apply([Change(Table.TEACHER, UPDATE, 1, {"email": "j@x.org"}, {"email": None})],
                    run_info(update=1))
        assert store.get(Table.TEACHER, 1) == TeacherRec(1, "jdoe", "Doe", email="j@x.org")
    # Upgraded in place to the last version: word for word the tables a new store gets.
    assert stored_schema(path) == sorted(FILE_FORMAT)
    assert tables_at(1) != tables_at(SCHEMA_VERSION)


def test_a_full_disk_while_creating_a_store_writes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    connect = SqliteDialect.connect

    def one_page(self: SqliteDialect, path: Path, busy_timeout: float, *,
                 create: bool = True) -> sqlite3.Connection:
        conn = connect(self, path, busy_timeout, create=create)
        conn.execute("PRAGMA max_page_count = 1")  # the file's header page, no table's
        return conn

    monkeypatch.setattr(SqliteDialect, "connect", one_page)
    path = tmp_path / "store.sqlite3"
    with pytest.raises(StoreError) as failure:  # raised by peewee's CREATE TABLE
        Store.open(path)
    assert str(failure.value) == (
        f"The disk holding {tmp_path} is full, or the store would grow larger than this "
        f"system allows a file to be: the store {path} could not be opened, and nothing was "
        "written to it.")
    monkeypatch.undo()
    assert stored_schema(path) == []
    Store.open(path).close()
    assert stored_schema(path) == sorted(FILE_FORMAT)


OPEN_AND_LIST_PEEWEE = """
import sys
from pathlib import Path
from importer_gui.core.store import Store
Store.open(Path(sys.argv[1])).close()
print(sorted(m for m in sys.modules if m.split(".")[0] in ("peewee", "playhouse")))
"""


def test_only_a_new_store_imports_peewee(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"

    def imported() -> str:
        done = subprocess.run([sys.executable, "-c", OPEN_AND_LIST_PEEWEE, str(path)],
                              check=True, capture_output=True, text=True)
        return done.stdout.strip()

    assert "'peewee'" in imported()  # its tables are created by peewee
    assert imported() == "[]"  # the command line's start-up does not grow


def test_apply_creates_with_placeholders_remapped(store: Store) -> None:
    start = datetime(2024, 5, 2, 9, 30)
    changes = [
        Change(Table.TRAINING, CREATE, -7, {"path_code": "PC-2", "title": "First aid",
                                            "guid": "T-2", "duration": 7}),
        Change(Table.SESSION, CREATE, -1, {"training_id": -7, "title": "May", "teacher_id": 1,
                                           "start_date": date(2024, 5, 2),
                                           "end_date": date(2024, 5, 3)}),
        Change(Table.ROOM, CREATE, -3, {"guid": "R-1", "label": "Blue room", "capacity": 12}),
        Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-1", "session_id": -1,
                                                "start": start, "duration": 3,
                                                "room_id": -3, "teacher_id": 1}),
    ]
    run_id = store.apply(changes, run_info(create=4))
    state = store.load_state()
    assert state.trainings[2] == TrainingRec(2, "PC-2", "First aid", guid="T-2", duration=7)
    assert state.sessions == {1: SessionRec(1, 2, "May", start_date=date(2024, 5, 2),
                                            end_date=date(2024, 5, 3), teacher_id=1)}
    assert state.rooms == {1: RoomRec(1, "R-1", "Blue room", 12)}
    assert state.interventions == {1: InterventionRec(1, "I-1", 1, start, 3, 1, 1, "active")}
    assert state.created_by_import[Table.SESSION] == {1}
    assert state.created_by_import[Table.TRAINING] == {1, 2}
    assert [c.record_id for c in store.run_changes(run_id)] == [2, 1, 1, 1]
    # The caller's changes are not altered by the remapping.
    assert changes[1].values["training_id"] == -7


def test_created_rows_are_written_as_records_are(store: Store) -> None:
    # A write alongside the planner hands created records over as their values; placeholders
    # with a gap (a row with an error gave its creation back) go one by one.
    rows = [(-1, 1, "May", None, None, date(2024, 5, 2), None, None),
            (-2, 1, "June", "S-2", "open", None, None, 1)]
    gap = [(-4, 1, "July", None, None, None, None, None),
           (-6, 1, "August", None, None, None, None, None)]
    run_id = store.apply([CreatedRows(Table.SESSION, rows),
                          Change(Table.SESSION, UPDATE, -2, {"title": "Late June"},
                                 {"title": "June"}),
                          CreatedRows(Table.SESSION, gap)], run_info(create=4, update=1))
    assert store.load_state().sessions == {
        1: SessionRec(1, 1, "May", start_date=date(2024, 5, 2)),
        2: SessionRec(2, 1, "Late June", "S-2", "open", teacher_id=1),
        3: SessionRec(3, 1, "July"), 4: SessionRec(4, 1, "August")}
    assert [(c.kind, c.record_id) for c in store.run_changes(run_id)] == [
        (CREATE, 1), (CREATE, 2), (UPDATE, 2), (CREATE, 3), (CREATE, 4)]


def by_column(rows: list[tuple[Any, ...]]) -> CreatedColumns:
    """Sessions' CreatedRows' rows as a column planner hands them over."""
    ids, *columns = zip(*rows, strict=True)
    placeholders = range(ids[0], ids[-1] - 1, -1)
    return CreatedColumns(Table.SESSION, [placeholders if list(placeholders) == list(ids)
                                          else list(ids), *map(list, columns)])


def test_created_columns_are_written_as_their_rows_are(store: Store) -> None:
    # A column planner's records go over as columns: the same records, ids and history as
    # their rows, placeholders with a gap one by one.
    rows = [(-1, 1, "May", None, None, date(2024, 5, 2), None, None),
            (-2, 1, "June", "S-2", "open", None, None, 1)]
    gap = [(-4, 1, "July", None, None, None, None, None),
           (-6, 1, "August", None, None, None, None, None)]
    update = Change(Table.SESSION, UPDATE, -2, {"title": "Late June"}, {"title": "June"})
    by_rows = store.apply([CreatedRows(Table.SESSION, rows), update,
                           CreatedRows(Table.SESSION, gap)], run_info(create=4, update=1))
    written = store.load_state().sessions
    by_rows_history = store.run_changes(by_rows)
    store.apply([Change(Table.SESSION, DELETE, n) for n in range(1, 5)], run_info(delete=4))
    by_columns = store.apply([by_column(rows), update, by_column(gap)],
                             run_info(create=4, update=1))
    assert store.load_state().sessions == {
        n + 4: dataclasses.replace(record, id=n + 4) for n, record in written.items()}
    assert [(c.kind, c.record_id - 4, c.before, c.after) for c in store.run_changes(
        by_columns)] == [(c.kind, c.record_id, c.before, c.after) for c in by_rows_history]


def test_many_created_columns_are_written_a_batch_at_a_time(sqlite_store: Store) -> None:
    # Past a batch, its whole batches are written, the rest with the next records; a change
    # to one of them still comes after it.
    count = CHUNK + 10
    first = [(-n, 1, f"S{n}", *[None] * 5) for n in range(1, count + 1)]
    then = [(-n, 1, f"S{n}", *[None] * 5) for n in range(count + 1, count + 21)]
    run_id = sqlite_store.apply([
        by_column(first), by_column(then),
        Change(Table.SESSION, UPDATE, -(count + 20), {"title": "Last"},
               {"title": f"S{count + 20}"})], run_info(create=count + 20, update=1))
    sessions = sqlite_store.load_state().sessions
    assert sorted(sessions) == list(range(1, count + 21))
    assert sessions[CHUNK + 1] == SessionRec(CHUNK + 1, 1, f"S{CHUNK + 1}")
    assert sessions[count + 20].title == "Last"
    changes = sqlite_store.run_changes(run_id)
    assert [c.record_id for c in changes] == [*range(1, count + 21), count + 20]
    assert changes[CHUNK].after["title"] == f"S{CHUNK + 1}"


def test_created_columns_find_a_session_created_since_the_check(sqlite_store: Store) -> None:
    store = sqlite_store
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "Old"})],
                run_info(create=1))
    by_hand(store.path, "INSERT INTO session (training_id, title) VALUES (1, 'May')")
    before = snapshot(store)
    with pytest.raises(StoreError) as failure:
        store.apply([by_column([(-1, 1, "June", *[None] * 5),
                                (-2, 1, "May", *[None] * 5)])], run_info(create=2))
    assert str(failure.value) == (
        "Session 'May' was created by another program since the check; check again: nothing"
        f" was written to {store.path}.")
    assert snapshot(store) == before


FOUR_BYTES = 1 << 31  # the first id past what 4 bytes hold


@pytest.mark.parametrize("bulk", [True, False], ids=["created rows", "changes"])
def test_created_records_get_ids_past_what_four_bytes_hold(sqlite_store: Store,
                                                           bulk: bool) -> None:
    # The writer holds the placeholders' ids in 4 bytes while they fit.
    by_hand(sqlite_store.path, "INSERT INTO session (id, training_id, title)"
                               f" VALUES ({FOUR_BYTES - 2}, 1, 'Old')")
    made = [SessionRec(-n, 1, f"S{n}") for n in range(1, 4)]
    sessions = ([CreatedRows(Table.SESSION, [ROW_OF[SessionRec](s) for s in made])] if bulk
                else [Change(Table.SESSION, CREATE, s.id, {"training_id": 1, "title": s.title})
                      for s in made])
    session_three = Change(Table.INTERVENTION, CREATE, -1,
                           {"guid": "I-1", "session_id": -3, "status": "active"})
    run_id = sqlite_store.apply([*sessions, session_three], run_info(create=4))
    state = sqlite_store.load_state()
    assert sorted(state.sessions) == [FOUR_BYTES - 2, FOUR_BYTES - 1, FOUR_BYTES,
                                      FOUR_BYTES + 1]
    assert state.sessions[FOUR_BYTES + 1].title == "S3"
    assert state.interventions[1].session_id == FOUR_BYTES + 1
    assert [c.record_id for c in sqlite_store.run_changes(run_id)] == [
        FOUR_BYTES - 1, FOUR_BYTES, FOUR_BYTES + 1, 1]


def interleaved(pairs: int, twice: int = 0) -> list[CreatedRows]:
    """Rows each creating a session, then its first intervention: CreatedRows of one row,
    the tables taking turns, the placeholders counting across both (as the planner's do);
    ``twice``: that pair's session has the placeholder of the pair before's."""
    blocks = []
    for n in range(1, pairs + 1):
        session = -(2 * n - 1) if n != twice else -(2 * n - 3)
        made = SessionRec(session, 1, f"S{n}")
        first = InterventionRec(-2 * n, f"I-{n}", session)
        blocks += [CreatedRows(Table.SESSION, [ROW_OF[SessionRec](made)]),
                   CreatedRows(Table.INTERVENTION, [ROW_OF[InterventionRec](first)])]
    return blocks


def test_many_short_runs_of_created_rows_keep_their_ids_references_and_order(store: Store
                                                                             ) -> None:
    # Queued a table at a time (a quarter of a million such blocks in a million-row
    # registrations file), every record still gets the id, the references and the place in
    # the history that it gets queued block by block.
    blocks = interleaved(150)
    more = [ROW_OF[SessionRec](SessionRec(-n, 1, f"T{n}")) for n in range(301, 304)]
    run_id = store.apply([*blocks, CreatedRows(Table.SESSION, more)], run_info(create=303))
    state = store.load_state()
    assert state.sessions == {**{n: SessionRec(n, 1, f"S{n}") for n in range(1, 151)},
                              **{150 + n: SessionRec(150 + n, 1, f"T{300 + n}")
                                 for n in range(1, 4)}}
    assert state.interventions == {n: InterventionRec(n, f"I-{n}", n) for n in range(1, 151)}
    assert [(c.table, c.record_id) for c in store.run_changes(run_id)] == [
        *[(table, n) for n in range(1, 151) for table in (Table.SESSION, Table.INTERVENTION)],
        (Table.SESSION, 151), (Table.SESSION, 152), (Table.SESSION, 153)]


def test_short_runs_refer_to_what_they_create_whichever_table_comes_first(store: Store
                                                                         ) -> None:
    # Each intervention comes before the session it is not in: the one the row before made.
    # Its table is queued first, and its batch is written while the run is queued: the
    # sessions the run creates have their ids by then (an intervention referring to a
    # session without one would fail the write).
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S0"})],
                run_info(create=1))
    pairs = CHUNK + 500
    blocks = []
    for n in range(1, pairs + 1):
        first = InterventionRec(-(2 * n - 1), f"I-{n}", 1 if n == 1 else -(2 * n - 2))
        blocks += [CreatedRows(Table.INTERVENTION, [ROW_OF[InterventionRec](first)]),
                   CreatedRows(Table.SESSION, [ROW_OF[SessionRec](SessionRec(-2 * n, 1, f"S{n}"))])]
    store.apply(blocks, run_info(create=2 * pairs))
    state = store.load_state()
    assert {n: i.session_id for n, i in state.interventions.items()} == {
        n: n for n in range(1, pairs + 1)}  # session n is the one of the row before
    assert state.sessions[pairs + 1] == SessionRec(pairs + 1, 1, f"S{pairs}")


def as_columns(blocks: list[CreatedRows]) -> CreatedColumns:
    """``interleaved``'s blocks as a column planner hands them over: the interventions by
    column, each session first before the intervention after it."""
    rows = [row for block in blocks if block.table is Table.INTERVENTION for row in block.rows]
    first, place = [], 0
    for block in blocks:
        if block.table is Table.SESSION:
            first += [(place, Table.SESSION, row) for row in block.rows]
        else:
            place += len(block.rows)
    ids, *columns = zip(*rows, strict=True)
    return CreatedColumns(Table.INTERVENTION, [list(ids), *map(list, columns)], first)


def test_created_columns_keep_the_ids_references_and_order_of_those_created_first(
        sqlite_store: Store) -> None:
    # A registration's new session comes just before it: the same ids, references and
    # places in the history as those rows'; past a batch (CHUNK), the rest written with the
    # next ones.
    pairs = CHUNK + 500
    blocks = interleaved(pairs)
    cut = 2 * (CHUNK - 500)
    run_id = sqlite_store.apply([as_columns(blocks[:cut]), as_columns(blocks[cut:])],
                                run_info(create=2 * pairs))
    state = sqlite_store.load_state()
    assert state.sessions == {n: SessionRec(n, 1, f"S{n}") for n in range(1, pairs + 1)}
    assert state.interventions == {n: InterventionRec(n, f"I-{n}", n)
                                   for n in range(1, pairs + 1)}
    assert [(c.table, c.record_id) for c in sqlite_store.run_changes(run_id)] == [
        (table, n) for n in range(1, pairs + 1) for table in (Table.SESSION, Table.INTERVENTION)]


def test_a_record_created_twice_among_created_columns_is_refused(store: Store) -> None:
    with pytest.raises(StoreError) as refused:
        store.apply([as_columns(interleaved(100, twice=70))], run_info(create=200))
    assert str(refused.value).startswith("The changes create session -137 twice")
    assert store.load_state().sessions == {}


def test_a_record_created_twice_among_many_short_runs_is_refused(store: Store) -> None:
    with pytest.raises(StoreError) as refused:
        store.apply(interleaved(100, twice=70), run_info(create=200))
    assert str(refused.value).startswith("The changes create session -137 twice")
    assert store.load_state().sessions == {}
    assert len(store.history()) == 1  # the fixture's run alone


def test_update_and_delete_of_records_created_in_the_same_apply(store: Store) -> None:
    store.apply([
        Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "Old"}),
        Change(Table.SESSION, UPDATE, -1, {"title": "New", "status": "open"}, {"title": "Old"}),
        Change(Table.ROOM, CREATE, -1, {"guid": "R-9"}),
        Change(Table.ROOM, DELETE, -1, before={"guid": "R-9"}),
    ], run_info(create=2))
    state = store.load_state()
    assert state.sessions == {1: SessionRec(1, 1, "New", status="open")}
    assert state.rooms == {}


def test_delete_of_a_session_with_its_interventions(store: Store) -> None:
    store.apply([
        Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S"}),
        Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-1", "session_id": -1}),
        Change(Table.INTERVENTION, CREATE, -2, {"guid": "I-2", "session_id": -1}),
    ], run_info(create=3))
    store.apply([
        Change(Table.INTERVENTION, DELETE, 1), Change(Table.INTERVENTION, DELETE, 2),
        Change(Table.SESSION, DELETE, 1),
    ], run_info(delete=1))
    state = store.load_state()
    assert state.sessions == {} and state.interventions == {}


def test_run_changes_read_back_share_their_column_names_and_repeated_texts(
        store: Store) -> None:
    # A revert of 200,000 learners holds every record's values: each with its own copy of
    # every column name and repeated text was 674 MB, shared 433 MB.
    run = store.apply([Change(Table.TEACHER, CREATE, -n, {"login": f"t{n}", "name": "Same"})
                       for n in range(1, 4)], run_info(create=3))
    first, second, third = (row.after for row in store.run_changes(run))
    assert [second["login"], third["login"]] == ["t2", "t3"]
    assert all(a is b for a, b in zip(first, second, strict=True))  # the column names
    assert first["name"] == "Same" and first["name"] is second["name"] is third["name"]


def test_run_changes_keep_full_values_before_and_after(store: Store) -> None:
    first = store.apply([
        Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S",
                                           "start_date": date(2024, 1, 8)}),
    ], run_info(create=1))
    second = store.apply([
        Change(Table.SESSION, UPDATE, 1, {"title": "S2"}, {"title": "S"}),
        Change(Table.TEACHER, UPDATE, 1, {"email": "j@x.org"}, {"email": None}),
        Change(Table.SESSION, DELETE, 1, before={"title": "S2"}),
    ], run_info(update=2, delete=1))
    session = {"training_id": 1, "title": "S", "guid": None, "status": None,
               "start_date": date(2024, 1, 8), "end_date": None, "teacher_id": None}
    [created] = store.run_changes(first)
    assert (created.table, created.kind, created.record_id) == (Table.SESSION, CREATE, 1)
    assert (created.before, created.after) == ({}, session)
    update, teacher, delete = store.run_changes(second)
    assert (update.kind, update.before, update.after) == (UPDATE, session,
                                                          {**session, "title": "S2"})
    assert teacher.before == {"login": "jdoe", "name": "Doe", "firstname": None, "email": None}
    assert teacher.after == {**teacher.before, "email": "j@x.org"}
    assert (delete.kind, delete.before, delete.after) == (DELETE, {**session, "title": "S2"},
                                                          {})


def test_unique_violation_in_the_middle_writes_nothing(store: Store) -> None:
    before = snapshot(store)
    changes = [Change(Table.ROOM, CREATE, -i, {"guid": f"R-{i}"}) for i in range(1, 6)]
    changes.insert(3, Change(Table.TEACHER, CREATE, -1, {"login": "jdoe"}))
    with pytest.raises(StoreError) as failure:
        store.apply(changes, run_info(create=6))
    assert str(failure.value) == (
        f"Another teacher has the teacherLogin 'jdoe', written by run 1 ({os_user()} on "
        f"{machine_name()}) since the check; check again: nothing was written to {store.path}.")
    assert snapshot(store) == before


def test_deleting_a_session_but_not_its_interventions_is_refused(store: Store) -> None:
    store.apply([
        Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S"}),
        Change(Table.INTERVENTION, CREATE, -1, {"guid": "I-1", "session_id": -1}),
    ], run_info(create=2))
    before = snapshot(store)
    with pytest.raises(StoreError, match="a change would leave a record referring to one"):
        store.apply([Change(Table.SESSION, DELETE, 1)], run_info(delete=1))
    assert snapshot(store) == before


def test_a_record_changed_by_hand_since_the_check_names_no_run(store: Store) -> None:
    # The runs that wrote the record came before the check: none of them is named.
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S",
                                                    "start_date": date(2024, 1, 8)})],
                run_info(create=1))
    by_hand(store.path, "UPDATE session SET title = 'By hand'")
    by_hand(store.path, "DELETE FROM session")
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "T",
                                                    "start_date": date(2024, 1, 8)})],
                run_info(create=1))
    by_hand(store.path, "UPDATE session SET title = 'By hand'")
    with pytest.raises(StoreError) as failure:
        store.apply([Change(Table.SESSION, UPDATE, 2, {"title": "x"}, {"title": "T"})],
                    run_info(update=1))
    assert str(failure.value) == (
        "Session 'T' changed since the check (sessionTitle is now 'By hand'); check again: "
        f"nothing was written to {store.path}.")
    by_hand(store.path, "DELETE FROM session")
    with pytest.raises(StoreError) as failure:
        store.apply([Change(Table.SESSION, UPDATE, 2, {"title": "x"}, {"title": "By hand"})],
                    run_info(update=1))
    assert str(failure.value) == (
        "Session 'By hand' is no longer in the store (it changed since the check; check again): "
        f"nothing was written to {store.path}.")


def test_change_to_a_record_that_is_gone_writes_nothing(store: Store) -> None:
    before = snapshot(store)
    with pytest.raises(StoreError) as failure:
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"}),
                     Change(Table.SESSION, UPDATE, 42, {"title": "x"})], run_info(update=1))
    assert str(failure.value) == (
        "Session 42 is no longer in the store (it changed since the check; check again): "
        f"nothing was written to {store.path}.")
    assert snapshot(store) == before


def test_cancel_mid_apply_writes_nothing(store: Store) -> None:
    before = snapshot(store)
    asked: list[int] = []

    def progress(done: int, total: int, what: str) -> None:
        asked.append(done)

    monitor = Monitor(progress=progress, cancelled=lambda: bool(asked))
    changes = [Change(Table.ROOM, CREATE, -i, {"guid": f"R-{i}"}) for i in range(1, 3 * CHUNK)]
    with pytest.raises(Cancelled):
        store.apply(changes, run_info(create=len(changes)), monitor=monitor)
    assert asked == [CHUNK]
    assert snapshot(store) == before


def test_history_is_newest_first_with_counts(store: Store) -> None:
    second = store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})],
                         run_info(create=1, unchanged=4))
    runs = store.history()
    assert [r.id for r in runs] == [second, second - 1]
    latest = runs[0]
    assert latest.counts == {"create": 1, "unchanged": 4}
    assert (latest.kind, latest.config, latest.files) == (
        "import", "/cfg/sessions.xml", ["/data/sessions.csv"])
    assert latest.finished is not None and latest.started <= latest.finished
    assert (latest.reverts_run, latest.reverted_by) == (None, None)


def test_a_runs_changes_left_half_read_by_a_worker_hold_nothing_of_the_store(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # A revert's preview cancelled in the worker: what it was reading is dropped later, by
    # the window's thread (with the Cancelled that reached it).
    run = store.history()[0].id
    opened = Store.open(store.path)  # its own, closed only once this thread may take it
    left: list[Iterator[object]] = []
    failed: list[BaseException | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda raised: failed.append(raised.exc_value))

    def read_one() -> None:
        changes = opened.run_changes_stream(run)
        next(changes)
        left.append(changes)

    worker = threading.Thread(target=read_one)
    worker.start()
    worker.join()
    left.clear()  # dropped on this thread
    gc.collect()
    assert failed == []
    # The store is not held by the worker that is gone: this thread reads it.
    assert [c.record_id for c in opened.run_changes(run)] == [1, 1]
    opened.close()


def test_revert_run_marks_the_run_it_reverts(store: Store) -> None:
    created = store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
    revert = RunInfo("/cfg/sessions.xml", "<import-config/>", [], {"delete": 1},
                     kind="revert", reverts_run=created)
    undo = store.apply([Change(Table.ROOM, DELETE, 1)], revert)
    runs = {r.id: r for r in store.history()}
    assert runs[created].reverted_by == undo
    assert (runs[undo].kind, runs[undo].reverts_run) == ("revert", created)
    with pytest.raises(StoreError) as refused:
        store.apply([], revert)
    assert str(refused.value) == (
        f"Run {created} was reverted by run {undo} ({os_user()} on {machine_name()}) since the "
        f"revert was planned: nothing was written to {store.path}.")


@pytest.mark.parametrize(("user", "machine", "who"), [
    ("jdoe", "", " (jdoe)"), ("", "pc-12", " (pc-12)"), ("", "", "")])
def test_a_run_reverted_meanwhile_names_who_reverted_it_as_far_as_the_store_knows(
        store: Store, user: str, machine: str, who: str) -> None:
    created = store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
    revert = RunInfo("/cfg/sessions.xml", "<import-config/>", [], {"delete": 1},
                     kind="revert", reverts_run=created, user_name=user, machine=machine)
    undo = store.apply([Change(Table.ROOM, DELETE, 1)], revert)
    with pytest.raises(StoreError) as refused:
        store.apply([], revert)
    assert str(refused.value) == (
        f"Run {created} was reverted by run {undo}{who} since the revert was planned: nothing "
        f"was written to {store.path}.")


def test_ids_of_deleted_records_are_never_reused(store: Store) -> None:
    store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
    store.apply([Change(Table.ROOM, DELETE, 1)], run_info(delete=1))
    store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
    assert list(store.load_state([Table.ROOM]).rooms) == [2]


def test_disk_full_writes_nothing(sqlite_store: Store) -> None:
    store = sqlite_store
    before = snapshot(store)
    connection = store._connection  # the limit holds for this connection only
    assert connection is not None
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    changes = [Change(Table.ROOM, CREATE, -i, {"guid": f"R-{i}", "label": "x" * 200})
               for i in range(1, 2000)]
    with pytest.raises(StoreError) as failure:
        store.apply(changes, run_info(create=len(changes)))
    assert str(failure.value) == (
        "The disk is full, or the store would grow larger than this system allows a file "
        f"to be: nothing was written to {store.path}.")
    assert snapshot(store) == before


def test_locked_store_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    Store.open(path).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with Store.open(path, busy_timeout=0.05) as store, pytest.raises(StoreError) as failure:
            store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})], run_info(create=1))
        assert str(failure.value) == (f"The store {path} is locked by another program; "
                                      "try again when it has finished.")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with Store.open(path) as store:
        assert store.history() == []


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Dear diary,\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as failure:
        Store.open(path)
    assert str(failure.value) == f"{path} is not an Import Assistant store."
    assert path.read_text(encoding="utf-8") == "Dear diary,\n" * 100


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="is not an Import Assistant store"):
        Store.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_closed_store_says_so(store: Store) -> None:
    store.close()
    with pytest.raises(StoreError, match="is closed"):
        store.load_state()


def test_load_state_loads_only_the_tables_asked(store: Store) -> None:
    state = store.load_state([Table.TEACHER])
    assert state.teachers == {1: TeacherRec(1, "jdoe", "Doe")}
    assert state.trainings == {}
    assert set(state.created_by_import) == {Table.TEACHER}


def test_count_page_and_get_search_case_insensitively(store: Store) -> None:
    labels = ["Salle Bleue", "salle verte", "Amphi", "Éole 100%", "éole bis"]
    store.apply([Change(Table.ROOM, CREATE, -i, {"guid": f"R-{i}", "label": label})
                 for i, label in enumerate(labels, start=1)], run_info(create=5))
    assert store.count(Table.ROOM) == 5
    assert store.count(Table.ROOM, "SALLE") == 2
    assert [r.label for r in store.page(Table.ROOM, "salle", offset=1)] == ["salle verte"]
    assert [r.label for r in store.page(Table.ROOM, "ÉOLE")] == ["Éole 100%", "éole bis"]
    assert [r.label for r in store.page(Table.ROOM, "0%")] == ["Éole 100%"]
    assert store.count(Table.ROOM, "_") == 0  # wildcards are plain characters
    assert store.count(Table.ROOM, "r-3") == 1  # the guid is searched too
    assert [r.id for r in store.page(Table.ROOM, limit=2, offset=2)] == [3, 4]
    assert store.get(Table.ROOM, 3) == RoomRec(3, "R-3", "Amphi")
    assert store.get(Table.ROOM, 99) is None


def test_thousands_of_interleaved_creates_keep_their_references(store: Store) -> None:
    count = 2 * CHUNK + 7  # several bulk chunks, and a partial one
    changes = [Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S"})]
    for i in range(1, count + 1):
        changes.append(Change(Table.ROOM, CREATE, -i, {"guid": f"R-{i}"}))
        changes.append(Change(Table.INTERVENTION, CREATE, -i, {
            "guid": f"I-{i}", "session_id": -1, "room_id": -i, "teacher_id": 1}))
    run_id = store.apply(iter(changes), run_info(create=len(changes)))
    state = store.load_state([Table.ROOM, Table.INTERVENTION])
    assert len(state.interventions) == count
    assert all(state.rooms[i.room_id].guid == "R" + i.guid[1:]
               for i in state.interventions.values())
    seqs = [(c.table, c.after.get("guid")) for c in store.run_changes(run_id)]
    assert seqs[:3] == [(Table.SESSION, None), (Table.ROOM, "R-1"), (Table.INTERVENTION, "I-1")]


def test_creates_and_updates_of_one_table_keep_their_order(store: Store) -> None:
    store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1", "label": "a"})],
                run_info(create=1))
    store.apply([
        Change(Table.ROOM, CREATE, -1, {"guid": "R-2", "label": "b"}),
        Change(Table.ROOM, UPDATE, 1, {"label": "a2"}),
        Change(Table.ROOM, CREATE, -2, {"guid": "R-3", "label": "c"}),
        Change(Table.ROOM, UPDATE, -1, {"label": "b2"}),
        Change(Table.ROOM, UPDATE, -1, {"capacity": 4}),
    ], run_info(create=2, update=3))
    assert store.load_state([Table.ROOM]).rooms == {
        1: RoomRec(1, "R-1", "a2"), 2: RoomRec(2, "R-2", "b2", 4), 3: RoomRec(3, "R-3", "c")}


def test_run_changes_of_an_unknown_run(store: Store) -> None:
    with pytest.raises(StoreError) as failure:
        store.run_changes(99)
    assert str(failure.value) == f"The store {store.path} holds no run 99."


def set_version(path: StoreLocation, version: int) -> None:
    """Stamp a store with another schema version, as another version of the program would."""
    if isinstance(path, PostgresUrl):
        by_hand(path, f"UPDATE import_assistant_store SET schema_version = {version}")
    else:
        by_hand(path, f"PRAGMA user_version = {version}")


def test_a_store_from_a_newer_version_is_refused(store_url: StoreLocation) -> None:
    path = store_url
    Store.open(path).close()
    set_version(path, SCHEMA_VERSION + 1)
    with pytest.raises(StoreError) as failure:
        Store.open(path)
    assert str(failure.value) == (f"The store {path} was written by a newer version of "
                                  "Import Assistant; please update the program.")


KILLED_MID_APPLY = """
import os, signal, sys
from pathlib import Path
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.core.store.writer import CHUNK

def die(done, total, what):
    os.kill(os.getpid(), signal.SIGKILL)  # in the middle of the transaction

store = Store.open(sys.argv[1])
changes = [Change(Table.ROOM, ChangeKind.CREATE, -i, {"guid": f"R-{i}"})
           for i in range(1, 3 * CHUNK)]
store.apply(changes, RunInfo("c.xml", "<import-config/>", [], {}), monitor=Monitor(die))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_program_killed_mid_apply_leaves_the_store_as_it_was(store: Store) -> None:
    before = snapshot(store)
    store.close()
    done = subprocess.run([sys.executable, "-c", KILLED_MID_APPLY, str(store.path)],
                          check=False, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    with Store.open(store.path) as reopened:
        assert snapshot(reopened) == before


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_the_run_after_a_killed_commit_takes_its_number(store: Store) -> None:
    # History shows runs 1 and 2, never 1 and 3 with no run 2 anywhere.
    store.close()
    done = subprocess.run([sys.executable, "-c", KILLED_MID_APPLY, str(store.path)],
                          check=False, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    with Store.open(store.path) as reopened:
        run_id = reopened.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})],
                                run_info(create=1))
        assert run_id == 2
        assert [run.id for run in reopened.history()] == [2, 1]


def test_the_run_after_a_rolled_back_commit_takes_its_number(store: Store) -> None:
    with pytest.raises(StoreError):  # refused after its run's row went in: rolled back
        store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"}),
                     Change(Table.SESSION, UPDATE, 42, {"title": "x"})], run_info(update=1))
    assert store.apply([Change(Table.ROOM, CREATE, -1, {"guid": "R-1"})],
                       run_info(create=1)) == 2
    # The run's number is also what the engine's own id sequence goes on from.
    by_hand(store.path, "INSERT INTO import_run (started, kind, config_path, config_xml,"
            " files, counts) VALUES ('2024-01-01T00:00:00+00:00', 'import', 'c', 'x',"
            " '[]', '{}')")
    assert [run.id for run in store.history()] == [3, 2, 1]


def test_a_stored_value_that_cannot_be_read_is_reported(sqlite_store: Store) -> None:
    store = sqlite_store
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1})], run_info(create=1))
    by_hand(store.path, "UPDATE session SET start_date = 'soon'")
    with pytest.raises(StoreError, match=r"holds a value it cannot read \(Invalid isoformat"):
        store.load_state([Table.SESSION])


def test_a_record_changed_since_the_check_is_not_overwritten(store: Store) -> None:
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "S",
                                                    "start_date": date(2024, 1, 8)})],
                run_info(create=1))
    store.apply([Change(Table.SESSION, UPDATE, 1, {"title": "By the CLI"}, {"title": "S"})],
                run_info(update=1))
    before = snapshot(store)
    stale = Change(Table.SESSION, UPDATE, 1, {"title": "By the window"},
                   {"title": "S", "start_date": date(2024, 1, 8)})
    with pytest.raises(StoreError) as failure:
        store.apply([stale], run_info(update=1))
    assert str(failure.value) == (
        f"Session 'S' was changed by run 3 ({os_user()} on {machine_name()}) since the check "
        f"(sessionTitle is now 'By the CLI'); check again: nothing was written to {store.path}.")
    assert snapshot(store) == before
    stale.before = {"title": "By the CLI", "start_date": date(2024, 1, 8)}
    store.apply([stale], run_info(update=1))  # dates compare as the store keeps them
    assert store.get(Table.SESSION, 1).title == "By the window"  # type: ignore[union-attr]


def test_a_record_written_by_another_program_during_a_load_waits_for_the_next(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table is read in one statement, a part at a time: a record another program adds
    between two parts is left for the next load, and the others share their equal values."""
    store.apply([Change(Table.SESSION, CREATE, -1, {"training_id": 1, "title": "May"}),
                 Change(Table.SESSION, CREATE, -2, {"training_id": 1, "title": "June"})],
                run_info(create=2))
    monkeypatch.setattr(queries, "WHOLE_ROWS", 1)
    builder = store._queries._builder

    def meanwhile(table: Table) -> object:
        build = builder(table)

        def built(rows: list[Any]) -> list[Any]:
            if table is Table.SESSION and rows[0][0] == 1:
                by_hand(store.path, "INSERT INTO session (training_id, title, status)"
                                    " VALUES (1, 'July', 'active')")
            return build(rows)
        return built

    monkeypatch.setattr(store._queries, "_builder", meanwhile)
    sessions = store.load_state([Table.SESSION]).sessions
    assert [(s.id, s.title, s.training_id) for s in sessions.values()] == [
        (1, "May", 1), (2, "June", 1)]
    assert sessions[1].training_id is sessions[2].training_id
    monkeypatch.undo()
    assert [s.title for s in store.load_state([Table.SESSION]).sessions.values()] == [
        "May", "June", "July"]


def test_a_refresh_committed_during_a_load_shows_in_none_of_its_tables(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tables are read in one read transaction: a refresh another program commits
    after the first is read shows neither in the records of the next nor in which records
    an import created (the spans of created ids alone say it while every run is an
    import's); the next load sees it, and does not count what it created as an import's."""
    created_ids = store._queries._created_spans
    calls: list[Table] = []

    def meanwhile(conn: object, table: Table, only_imports: bool) -> object:
        if not calls:
            with Store.open(store.path) as other:
                other.apply([Change(Table.TRAINING, CREATE, -1,
                                    {"path_code": "PC-2", "title": "From the platform"})],
                            RunInfo(config_path="/cfg/export.xml", config_xml="<export-config/>",
                                    files=[], counts={"create": 1}, kind="refresh"))
        calls.append(table)
        return created_ids(conn, table, only_imports)  # type: ignore[arg-type]

    monkeypatch.setattr(store._queries, "_created_spans", meanwhile)
    state = store.load_state([Table.TEACHER, Table.TRAINING])
    assert "PC-2" not in [t.path_code for t in state.trainings.values()]
    assert state.created_by_import[Table.TRAINING] == {1}
    assert state.created_by_import[Table.TEACHER] == {1}
    assert calls == [Table.TEACHER, Table.TRAINING]
    monkeypatch.undo()
    state = store.load_state([Table.TEACHER, Table.TRAINING])
    [made] = [t.id for t in state.trainings.values() if t.path_code == "PC-2"]
    assert made not in state.created_by_import[Table.TRAINING]


def test_the_records_imports_created_are_told_from_a_refresh_s_made_between_them(
        store: Store) -> None:
    """fullAccess=no: the sessions imports created, one after the other or with a
    refresh's in between, are theirs; the refresh's is the platform's."""
    def sessions(titles: list[str], kind: str = "import") -> None:
        store.apply([Change(Table.SESSION, CREATE, -n, {"training_id": 1, "title": title})
                     for n, title in enumerate(titles, start=1)],
                    RunInfo("/cfg/s.xml", "<import-config/>", [], {"create": len(titles)},
                            kind=kind))

    def created() -> list[str]:
        state = store.load_state([Table.SESSION])
        ids = state.created_by_import[Table.SESSION]
        assert len(ids) == len(list(ids))
        return [state.sessions[i].title for i in ids]

    sessions(["May", "June"])
    sessions(["July"])
    assert created() == ["May", "June", "July"]
    sessions(["Refreshed"], kind="refresh")
    sessions(["August"])
    assert created() == ["May", "June", "July", "August"]
