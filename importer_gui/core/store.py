"""The local store: peewee models over one SQLite file, bulk loads and one-transaction commits.

The peewee models define the schema; reads and bulk writes go through the connection's raw
``execute``/``executemany`` because building model instances per row is far too slow for
100,000-row imports.

Choices, and why:

- ``journal_mode=WAL``: a SIGKILL mid-commit is atomic in either mode (uncommitted WAL frames
  are ignored on recovery, a hot rollback journal is played back), but WAL lets another
  program (the CLI, a second window) read the store while a long commit runs, and a commit
  never waits for readers. It is set once, when the store is created, and stays in the file.
- ``synchronous=FULL``: its cost is one extra fsync per *transaction*, and a run is a single
  transaction, so it is negligible; in exchange a run reported as committed survives a power
  cut, not only a crash of the program.
- Ids are ``AUTOINCREMENT`` and never reused, so a run's recorded changes always name the same
  records: reverting a run later cannot hit a newer record that took a deleted one's id.
- Within ``apply`` foreign keys are checked at COMMIT (``defer_foreign_keys``), which lets
  changes be grouped per table for ``executemany`` while each table keeps its own order.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import MISSING, dataclass, field, fields
from datetime import date, datetime
from itertools import starmap
from pathlib import Path
from typing import Any, get_args, get_type_hints

import peewee as pw
from playhouse.sqlite_ext import AutoIncrementField

from importer_gui.core.errors import StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import (
    RECORD_TYPES,
    REFERENCES,
    Change,
    ChangeKind,
    Record,
    StoreState,
    Table,
)

SCHEMA_VERSION = 1  # PRAGMA user_version: bump and migrate when the schema changes
APPLICATION_ID = 0x49415354  # PRAGMA application_id, "IAST": tells our stores from others
CHUNK = 2000  # changes per executemany, and between two looks at the monitor
IN_CHUNK = 500  # ids per "WHERE id IN (...)"

_SQLITE_BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
_SQLITE_READONLY = 8
_SQLITE_FULL = 13
_SQLITE_NOTADB = 26
_SQLITE_CORRUPT = 11
_SQLITE_CONSTRAINT = 19


# ---------------------------------------------------------------- schema (peewee models)

class _Base(pw.Model):
    """Unbound: each store binds the models only while it creates its schema."""

    class Meta:
        database = None
        legacy_table_names = False  # index names after the tables: "room_guid"


class TeacherModel(_Base):
    """A teacher."""

    id = AutoIncrementField()
    login = pw.TextField(unique=True)
    name = pw.TextField(null=True)
    firstname = pw.TextField(null=True)
    email = pw.TextField(null=True)

    class Meta:
        table_name = "teacher"


class TrainingModel(_Base):
    """A training course."""

    id = AutoIncrementField()
    path_code = pw.TextField(unique=True)
    guid = pw.TextField(unique=True, null=True)
    title = pw.TextField()
    locale = pw.TextField(null=True)
    modality = pw.TextField(null=True)
    description = pw.TextField(null=True)
    duration = pw.IntegerField(null=True)

    class Meta:
        table_name = "training"


class SessionModel(_Base):
    """A session of a training course."""

    id = AutoIncrementField()
    training = pw.ForeignKeyField(TrainingModel, column_name="training_id", index=False)
    title = pw.TextField(null=True)
    guid = pw.TextField(null=True, index=True)
    status = pw.TextField(null=True)
    start_date = pw.TextField(null=True)  # ISO dates
    end_date = pw.TextField(null=True)
    teacher = pw.ForeignKeyField(TeacherModel, column_name="teacher_id", null=True)

    class Meta:
        table_name = "session"
        indexes = ((("training", "title"), False),)


class RoomModel(_Base):
    """A room."""

    id = AutoIncrementField()
    guid = pw.TextField(unique=True)
    label = pw.TextField(null=True)
    capacity = pw.IntegerField(null=True)

    class Meta:
        table_name = "room"


class InterventionModel(_Base):
    """A classroom meeting of a session."""

    id = AutoIncrementField()
    guid = pw.TextField(unique=True)
    session = pw.ForeignKeyField(SessionModel, column_name="session_id")
    start = pw.TextField(null=True)  # ISO datetime
    duration = pw.IntegerField(null=True)
    room = pw.ForeignKeyField(RoomModel, column_name="room_id", null=True)
    teacher = pw.ForeignKeyField(TeacherModel, column_name="teacher_id", null=True)
    status = pw.TextField(default="active")

    class Meta:
        table_name = "intervention"


class ImportRunModel(_Base):
    """One commit (or revert) and what it was made from."""

    id = AutoIncrementField()
    started = pw.TextField()
    finished = pw.TextField(null=True)
    kind = pw.TextField()
    config_path = pw.TextField()
    config_xml = pw.TextField()
    files = pw.TextField()  # JSON list
    counts = pw.TextField()  # JSON object
    reverts_run = pw.IntegerField(null=True)
    reverted_by = pw.IntegerField(null=True)

    class Meta:
        table_name = "import_run"


class RunChangeModel(_Base):
    """One record a run created, changed or deleted, with its values before and after."""

    run = pw.ForeignKeyField(ImportRunModel, column_name="run_id", index=False)
    seq = pw.IntegerField()
    table_name = pw.TextField()
    kind = pw.TextField()
    record_id = pw.IntegerField()
    before = pw.TextField(null=True)  # JSON object, all columns (update, delete)
    after = pw.TextField(null=True)  # JSON object, all columns (create, update)

    class Meta:
        table_name = "run_change"
        indexes = (
            (("run", "seq"), True),
            (("table_name", "kind", "record_id"), False),
        )


MODELS: tuple[type[_Base], ...] = (
    TeacherModel, TrainingModel, SessionModel, RoomModel, InterventionModel, ImportRunModel,
    RunChangeModel,
)
_BIND_LOCK = threading.Lock()  # binding models is class-wide state

# The main text columns searched by count() and page().
SEARCH_COLUMNS: dict[Table, tuple[str, ...]] = {
    Table.TEACHER: ("login", "name", "firstname", "email"),
    Table.TRAINING: ("path_code", "title", "guid"),
    Table.SESSION: ("title", "guid", "status"),
    Table.ROOM: ("guid", "label"),
    Table.INTERVENTION: ("guid", "status"),
}


# ---------------------------------------------------------------- public values

@dataclass
class RunInfo:
    """What a run is made from, written with its changes."""

    config_path: str
    config_xml: str
    files: list[str]
    counts: dict[str, int]
    kind: str = "import"  # or "revert"
    reverts_run: int | None = None


@dataclass
class RunSummary:
    """One run, as the history shows it."""

    id: int
    started: datetime
    finished: datetime | None
    kind: str
    config: str
    files: list[str]
    counts: dict[str, int]
    reverts_run: int | None
    reverted_by: int | None


@dataclass
class RunChangeRow:
    """One recorded change of a run: full values before (update, delete) and after."""

    table: Table
    kind: ChangeKind
    record_id: int
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- columns and values

def _columns(table: Table) -> tuple[str, ...]:
    """A table's columns but the id, in the record dataclass's order."""
    return tuple(f.name for f in fields(RECORD_TYPES[table]) if f.name != "id")


def _defaults(table: Table) -> dict[str, Any]:
    """Values a CREATE may leave out: the record dataclass's defaults."""
    return {f.name: f.default for f in fields(RECORD_TYPES[table])
            if f.name != "id" and f.default is not MISSING}


def _from_date(text: str) -> date:
    """An ISO date as stored."""
    return date.fromisoformat(text[:10])


def _readers(table: Table) -> dict[str, Callable[[str], Any]]:
    """Columns stored as ISO text, and how to read them back."""
    readers: dict[str, Callable[[str], Any]] = {}
    for name, hint in get_type_hints(RECORD_TYPES[table]).items():
        kinds = set(get_args(hint)) | {hint}
        if datetime in kinds:
            readers[name] = datetime.fromisoformat
        elif date in kinds:
            readers[name] = _from_date
    return readers


COLUMNS: dict[Table, tuple[str, ...]] = {t: _columns(t) for t in Table}
DEFAULTS: dict[Table, dict[str, Any]] = {t: _defaults(t) for t in Table}
READERS: dict[Table, dict[str, Callable[[str], Any]]] = {t: _readers(t) for t in Table}
COLUMN_SETS: dict[Table, frozenset[str]] = {t: frozenset(COLUMNS[t]) for t in Table}
# Every column, in order, with its default (None when the record has none): a CREATE's base.
TEMPLATES: dict[Table, dict[str, Any]] = {
    t: {c: DEFAULTS[t].get(c) for c in COLUMNS[t]} for t in Table}
REFERENCE_ITEMS: dict[Table, tuple[tuple[str, Table], ...]] = {
    t: tuple(REFERENCES[t].items()) for t in Table}
_TABLE_OF: dict[str, Table] = {t.value: t for t in Table}  # a Table is its own value, too
_KIND_OF: dict[str, ChangeKind] = {k.value: k for k in ChangeKind}
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False,
                           check_circular=False).encode


def _to_db(value: Any) -> Any:
    """A value as SQLite stores it: dates and datetimes as ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decode_row(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Stored values back to Python ones (ISO text to dates)."""
    for name, read in READERS[table].items():
        if values.get(name) is not None:
            values[name] = read(values[name])
    return values


def _records(table: Table, rows: Iterable[Sequence[Any]]) -> list[Record]:
    """Records from rows (id first, then COLUMNS), ISO text read back as dates."""
    records: list[Any] = list(starmap(RECORD_TYPES[table], rows))
    # A second pass per dated column beats converting inside each row: fewer calls.
    for name, read in READERS[table].items():
        for record in records:
            value = getattr(record, name)
            if value is not None:
                setattr(record, name, read(value))
    return records


def _now() -> datetime:
    """The local time, with its offset."""
    return datetime.now().astimezone()


def _contains(text: str | None, needle: str) -> bool:
    """Case-insensitive substring test, for searches SQLite's LIKE cannot fold (non-ASCII)."""
    return text is not None and needle in text.lower()


def _like_pattern(search: str) -> str:
    """A LIKE pattern matching ``search`` anywhere, wildcards escaped."""
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# ---------------------------------------------------------------- the store

class Store:
    """The local store of teachers, trainings, sessions, rooms, interventions and runs."""

    def __init__(self, path: Path, db: pw.SqliteDatabase) -> None:
        """Wrap an unopened database; use ``Store.open``."""
        self.path = path
        self._db = db
        # One connection shared by the GUI thread and the worker; calls take turns.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = 10.0) -> Store:
        """Open the store at ``path``, creating its folder and schema when new."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder {path.parent} for the store: "
                             f"{exc.strerror or exc}.") from exc
        db = pw.SqliteDatabase(
            str(path), timeout=busy_timeout, thread_safe=False, check_same_thread=False,
            autoconnect=False, pragmas={"foreign_keys": 1, "synchronous": "FULL"})
        db.register_function(_contains, "ia_contains", 2, deterministic=True)
        store = cls(path, db)
        with store._guard("opened"):
            db.connect()
            try:
                store._prepare()
            except BaseException:
                db.close()
                raise
        return store

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self._lock:
            if not self._db.is_closed():
                self._db.close()

    def __enter__(self) -> Store:
        """The store itself; closed on leaving the block."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store."""
        self.close()

    # ------------------------------------------------------------ opening

    def _prepare(self) -> None:
        """Check the file is one of our stores (or empty), and create the schema if needed."""
        conn = self._db.connection()
        app_id, version, tables = self._identity(conn)
        if app_id == 0 and tables == 0:
            self._create_schema(conn)
            return
        if app_id != APPLICATION_ID:
            raise StoreError(f"{self.path} is not an Import Assistant store.")
        if version > SCHEMA_VERSION:
            raise StoreError(f"The store {self.path} was written by a newer version of "
                             "Import Assistant; please update the program.")
        if version < SCHEMA_VERSION:
            raise StoreError(f"The store {self.path} has an unknown schema version {version}.")

    @staticmethod
    def _identity(conn: sqlite3.Connection) -> tuple[int, int, int]:
        """application_id, user_version and the number of tables of the open file."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return app_id, version, tables

    def _create_schema(self, conn: sqlite3.Connection) -> None:
        """Create the tables of a new store, in one transaction."""
        # Must precede the transaction: the journal mode cannot change inside one.
        conn.execute("PRAGMA journal_mode=WAL")
        with self._transaction(conn):
            if self._identity(conn)[2]:
                return  # another program created it meanwhile
            with _BIND_LOCK, self._db.bind_ctx(MODELS):
                self._db.create_tables(MODELS)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    # ------------------------------------------------------------ plumbing

    def _conn(self) -> sqlite3.Connection:
        """The open connection."""
        if self._db.is_closed():
            raise StoreError(f"The store {self.path} is closed.")
        return self._db.connection()

    @contextmanager
    def _transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back by itself (disk full, I/O error).
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """Hold the lock; turn SQLite and peewee failures into StoreError."""
        with self._lock:
            try:
                yield
            except (sqlite3.Error, pw.PeeweeException) as exc:
                raise self._error(exc, doing) from exc
            except ValueError as exc:  # stored text that is not a date, a JSON, a table
                raise StoreError(f"The store {self.path} holds a value it cannot read "
                                 f"({exc}).") from exc

    def _error(self, exc: BaseException, doing: str) -> StoreError:
        """The user's message for a database failure."""
        cause = _sqlite_cause(exc)
        code = getattr(cause, "sqlite_errorcode", None)
        text = str(cause)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _SQLITE_BUSY or "locked" in text:
            return StoreError(f"The store {self.path} is locked by another program; "
                              "try again when it has finished.")
        if primary == _SQLITE_FULL or "disk is full" in text:
            return StoreError(f"The disk is full: nothing was written to {self.path}.")
        if primary == _SQLITE_NOTADB or "not a database" in text:
            return StoreError(f"{self.path} is not an Import Assistant store.")
        if primary == _SQLITE_CORRUPT:
            return StoreError(f"The store {self.path} is damaged ({text}).")
        if primary == _SQLITE_READONLY:
            return StoreError(f"The store {self.path} is read-only: nothing was written.")
        if primary == _SQLITE_CONSTRAINT or isinstance(cause, sqlite3.IntegrityError):
            return StoreError(_constraint_message(self.path, text))
        if isinstance(exc, pw.InterfaceError) and self._db.is_closed():
            return StoreError(f"The store {self.path} is closed.")
        return StoreError(f"The store {self.path} could not be {doing}: {text}.")

    # ------------------------------------------------------------ reading

    def load_state(self, tables: Iterable[Table] | None = None) -> StoreState:
        """The records of the tables asked for (all by default), and who created them."""
        wanted = list(Table) if tables is None else list(tables)
        state = StoreState()
        with self._guard("read"):
            conn = self._conn()
            for table in wanted:
                rows = conn.execute(self._select(table) + " ORDER BY id")
                state.table(table).update((r.id, r) for r in _records(table, rows))
                state.created_by_import[table] = self._created_by_import(conn, table)
        return state

    @staticmethod
    def _select(table: Table) -> str:
        """SELECT id and every column of a table, in record order."""
        return f'SELECT id, {", ".join(COLUMNS[table])} FROM "{table.value}"'

    @staticmethod
    def _created_by_import(conn: sqlite3.Connection, table: Table) -> set[int]:
        """Ids some import run (not a revert) created in a table."""
        rows = conn.execute(
            "SELECT DISTINCT c.record_id FROM run_change c JOIN import_run r ON r.id = c.run_id"
            " WHERE c.table_name = ? AND c.kind = ? AND r.kind = 'import'",
            (table.value, ChangeKind.CREATE.value))
        return {record_id for (record_id,) in rows}

    def get(self, table: Table, record_id: int) -> Record | None:
        """One record by id, or None."""
        with self._guard("read"):
            row = self._conn().execute(self._select(table) + " WHERE id = ?",
                                       (record_id,)).fetchone()
        return None if row is None else _records(table, [row])[0]

    def count(self, table: Table, search: str = "") -> int:
        """How many records of a table match ``search`` (all when empty)."""
        where, params = _search_clause(table, search)
        with self._guard("read"):
            row = self._conn().execute(
                f'SELECT count(*) FROM "{table.value}"{where}', params).fetchone()
        return int(row[0])

    def page(self, table: Table, search: str = "", offset: int = 0,
             limit: int = 200) -> list[Record]:
        """Records matching ``search``, by id, from ``offset`` on, at most ``limit``."""
        where, params = _search_clause(table, search)
        sql = f"{self._select(table)}{where} ORDER BY id LIMIT ? OFFSET ?"
        with self._guard("read"):
            rows = self._conn().execute(sql, (*params, limit, offset)).fetchall()
        return _records(table, rows)

    def history(self) -> list[RunSummary]:
        """Every run, newest first."""
        with self._guard("read"):
            rows = self._conn().execute(
                "SELECT id, started, finished, kind, config_path, files, counts, reverts_run,"
                " reverted_by FROM import_run ORDER BY id DESC").fetchall()
        return [RunSummary(
            id=r[0], started=datetime.fromisoformat(r[1]),
            finished=datetime.fromisoformat(r[2]) if r[2] else None, kind=r[3], config=r[4],
            files=json.loads(r[5]), counts=json.loads(r[6]), reverts_run=r[7],
            reverted_by=r[8]) for r in rows]

    def run_changes(self, run_id: int) -> list[RunChangeRow]:
        """What a run did, in the order it did it."""
        with self._guard("read"):
            conn = self._conn()
            if conn.execute("SELECT 1 FROM import_run WHERE id = ?", (run_id,)).fetchone() is None:
                raise StoreError(f"The store {self.path} holds no run {run_id}.")
            rows = conn.execute(
                "SELECT table_name, kind, record_id, before, after FROM run_change"
                " WHERE run_id = ? ORDER BY seq", (run_id,)).fetchall()
        return [_change_row(*row) for row in rows]

    # ------------------------------------------------------------ writing

    def apply(self, changes: Iterable[Change], run: RunInfo, *,
              monitor: Monitor | None = None) -> int:
        """Write every change and the run in one transaction; return the run's id."""
        if run.kind not in ("import", "revert"):
            raise StoreError(f"Unknown run kind {run.kind!r}: nothing was written.")
        monitor = monitor or Monitor()
        total = len(changes) if isinstance(changes, Sequence) else 0
        with self._guard("written"):
            conn = self._conn()
            with self._transaction(conn):
                conn.execute("PRAGMA defer_foreign_keys = ON")
                run_id = self._insert_run(conn, run)
                writer = _Writer(conn, self.path, run_id, monitor, total)
                for change in changes:
                    writer.add(change)
                writer.finish()
                conn.execute("UPDATE import_run SET finished = ? WHERE id = ?",
                             (_now().isoformat(), run_id))
        return run_id

    def _insert_run(self, conn: sqlite3.Connection, run: RunInfo) -> int:
        """The run's row (finished is set at the end); a revert marks the run it reverts."""
        cursor = conn.execute(
            "INSERT INTO import_run (started, kind, config_path, config_xml, files, counts,"
            " reverts_run) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (_now().isoformat(), run.kind, run.config_path, run.config_xml,
             _encode(list(run.files)), _encode(dict(run.counts)), run.reverts_run))
        run_id = int(cursor.lastrowid or 0)
        if run.reverts_run is not None:
            marked = conn.execute(
                "UPDATE import_run SET reverted_by = ? WHERE id = ? AND reverted_by IS NULL"
                " AND id != ?", (run_id, run.reverts_run, run_id)).rowcount
            if marked != 1:
                raise StoreError(f"Run {run.reverts_run} does not exist or was already "
                                 "reverted: nothing was written.")
        return run_id


# ---------------------------------------------------------------- apply's bulk writer

_Item = tuple[int, int, Change]  # position in the plan, real record id, the change


@dataclass
class _Batch:
    """Consecutive changes of one kind to one table, waiting for executemany."""

    kind: ChangeKind
    items: list[_Item] = field(default_factory=list)


class _Writer:
    """Applies changes in bulk: per table in their order, across tables grouped."""

    def __init__(self, conn: sqlite3.Connection, path: Path, run_id: int, monitor: Monitor,
                 total: int) -> None:
        self.conn = conn
        self.path = path
        self.run_id = run_id
        self.monitor = monitor
        self.total = total
        self.done = 0
        self.ids: dict[Table, dict[int, int]] = {t: {} for t in Table}  # placeholder -> id
        self.next_id: dict[Table, int] = {}
        self.pending: dict[Table, _Batch] = {}

    def add(self, change: Change) -> None:
        """Queue one change; a created placeholder gets its real id now."""
        # Dict lookups, not Enum calls: this runs once per change, 100,000s of times.
        table, kind = _TABLE_OF[change.table], _KIND_OF[change.kind]
        record_id = change.record_id
        if kind is ChangeKind.CREATE:
            record_id = self._new_id(table, record_id)
        elif record_id < 0:
            record_id = self._resolve(table, record_id)
        batch = self.pending.get(table)
        if batch is None or batch.kind is not kind:
            if batch is not None:
                self._flush(table)  # a table's own changes keep their order
            batch = self.pending[table] = _Batch(kind)
        batch.items.append((self.done, record_id, change))
        self.done += 1
        if len(batch.items) >= CHUNK:
            self._flush(table)
        if self.done % CHUNK == 0:
            self._report()

    def finish(self) -> None:
        """Write whatever is queued."""
        for table in list(self.pending):
            self._flush(table)
        self._report()

    def _report(self) -> None:
        """Progress, and stop here when the user cancelled (the caller rolls back)."""
        self.monitor.check_cancelled()
        self.monitor.progress(self.done, self.total, "Writing to the store")

    def _fail(self, message: str) -> StoreError:
        """A StoreError saying nothing was written."""
        return StoreError(f"{message}: nothing was written to {self.path}.")

    def _new_id(self, table: Table, record_id: int) -> int:
        """The id a created record gets: the next free one for a placeholder."""
        next_id = self.next_id.get(table) or self._first_free(table)
        if record_id >= 0:  # a record coming back with its old id (a revert)
            self.next_id[table] = max(next_id, record_id + 1)
            return record_id
        placeholders = self.ids[table]
        if record_id in placeholders:
            raise self._fail(f"The changes create {table.value} {record_id} twice")
        placeholders[record_id] = next_id
        self.next_id[table] = next_id + 1
        return next_id

    def _resolve(self, table: Table, record_id: int) -> int:
        """A placeholder's real id."""
        try:
            return self.ids[table][record_id]
        except KeyError:
            raise self._fail(f"The changes refer to {table.value} {record_id}, "
                             "which they never create") from None

    def _first_free(self, table: Table) -> int:
        """The next free id of a table: never a deleted record's (AUTOINCREMENT's sequence)."""
        row = self.conn.execute(
            f'SELECT max(coalesce((SELECT max(id) FROM "{table.value}"), 0),'
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0))",
            (table.value,)).fetchone()
        return int(row[0]) + 1

    def _db_values(self, table: Table, values: dict[str, Any],
                   base: dict[str, Any]) -> dict[str, Any]:
        """``base`` updated with ``values`` as stored: real ids, ISO dates."""
        if not COLUMN_SETS[table].issuperset(values):
            unknown = sorted(set(values) - COLUMN_SETS[table])[0]
            raise self._fail(f"Unknown {table.value} column {unknown}")
        out = {**base, **values}  # base's (column) order; never alters the caller's dict
        for column, target in REFERENCE_ITEMS[table]:
            ref = out.get(column)
            if type(ref) is int and ref < 0:
                out[column] = self._resolve(target, ref)
        for column in READERS[table]:
            if column in values:
                out[column] = _to_db(out[column])
        return out

    # ------------------------------------------------------------ flushing

    def _flush(self, table: Table) -> None:
        """Write one table's queued batch, and its run_change rows."""
        batch = self.pending.pop(table, None)
        if batch is None or not batch.items:
            return
        if batch.kind is ChangeKind.CREATE:
            self._creates(table, batch.items)
        elif batch.kind is ChangeKind.UPDATE:
            self._updates(table, batch.items)
        else:
            self._deletes(table, batch.items)

    def _creates(self, table: Table, items: list[_Item]) -> None:
        """INSERT the batch; log every created record's values."""
        template, db_values = TEMPLATES[table], self._db_values
        rows, log, run_id = [], [], self.run_id
        for seq, record_id, change in items:
            row = (record_id, *db_values(table, change.values, template).values())
            rows.append(row)
            log.append((run_id, seq, *row))
        cols, name = COLUMNS[table], table.value
        marks = ", ".join("?" * (len(cols) + 1))
        self.conn.executemany(
            f'INSERT INTO "{name}" (id, {", ".join(cols)}) VALUES ({marks})', rows)
        # SQLite's json_object builds "after" several times faster than Python's json.
        after = ", ".join(f"'{c}', ?" for c in cols)
        self.conn.executemany(
            "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, after)"
            f" VALUES (?, ?, '{name}', 'create', ?, json_object({after}))", log)

    def _updates(self, table: Table, items: list[_Item]) -> None:
        """UPDATE the batch's records to their final values; log before and after."""
        current = self._current(table, {record_id for _, record_id, _ in items})
        log = []
        for seq, record_id, change in items:
            row = self._existing(current, table, record_id, change.before)
            current[record_id] = after = self._db_values(table, change.values, row)
            log.append((self.run_id, seq, table.value, "update", record_id, _encode(row),
                        _encode(after)))
        cols = COLUMNS[table]
        sets = ", ".join(f"{c} = ?" for c in cols)
        self.conn.executemany(
            f'UPDATE "{table.value}" SET {sets} WHERE id = ?',
            [(*(row[c] for c in cols), record_id) for record_id, row in current.items()])
        self._log(log)

    def _deletes(self, table: Table, items: list[_Item]) -> None:
        """DELETE the batch's records; log what they held."""
        current = self._current(table, {record_id for _, record_id, _ in items})
        log = []
        for seq, record_id, change in items:
            row = self._existing(current, table, record_id, change.before)
            log.append((self.run_id, seq, table.value, "delete", record_id, _encode(row), None))
            del current[record_id]
        self.conn.executemany(f'DELETE FROM "{table.value}" WHERE id = ?',
                              [(i,) for _, i, _ in items])
        self._log(log)

    def _log(self, rows: list[tuple[Any, ...]]) -> None:
        """INSERT run_change rows given in full."""
        self.conn.executemany(
            "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, before, after)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def _existing(self, current: dict[int, dict[str, Any]], table: Table, record_id: int,
                  before: dict[str, Any]) -> dict[str, Any]:
        """A record as it is now; a StoreError when it is gone or differs from ``before``."""
        row = current.get(record_id)
        if row is None:
            raise self._fail(f"{table.value.capitalize()} {record_id} is no longer in the "
                             "store (it changed since the check; check again)")
        # Another program may have committed since the check: never overwrite its work.
        expected = self._db_values(table, before, {})
        for column, value in expected.items():
            if row[column] != value:
                raise self._fail(f"{table.value.capitalize()} {record_id} changed since the "
                                 f"check ({column} is now {row[column]!r}); check again")
        return row

    def _current(self, table: Table, ids: set[int]) -> dict[int, dict[str, Any]]:
        """The stored values of some records, by id."""
        cols = COLUMNS[table]
        found: dict[int, dict[str, Any]] = {}
        ordered = sorted(ids)
        for start in range(0, len(ordered), IN_CHUNK):
            part = ordered[start:start + IN_CHUNK]
            sql = (f'SELECT id, {", ".join(cols)} FROM "{table.value}"'
                   f' WHERE id IN ({", ".join("?" * len(part))})')
            for row in self.conn.execute(sql, part):
                found[row[0]] = dict(zip(cols, row[1:], strict=True))
        return found


# ---------------------------------------------------------------- helpers

def _sqlite_cause(exc: BaseException) -> BaseException:
    """The sqlite3 error behind a peewee one (peewee wraps it as its first argument)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlite3.Error):
            return seen
        if seen.args and isinstance(seen.args[0], sqlite3.Error):
            return seen.args[0]
        seen = seen.__cause__ or seen.__context__
    return exc


def _constraint_message(path: Path, text: str) -> str:
    """A refused change, said plainly."""
    if text.startswith("UNIQUE constraint failed: "):
        table, _, column = text.split(": ", 1)[1].split(",")[0].partition(".")
        return (f"Nothing was written to {path}: another {table} already has this {column} "
                f"({text}).")
    if "FOREIGN KEY" in text:
        return (f"Nothing was written to {path}: a change would leave a record referring to "
                f"one that does not exist ({text}).")
    return f"Nothing was written to {path}: the store refused a change ({text})."


def _search_clause(table: Table, search: str) -> tuple[str, tuple[Any, ...]]:
    """WHERE clause and parameters for a case-insensitive substring search."""
    needle = search.strip()
    if not needle:
        return "", ()
    cols = SEARCH_COLUMNS[table]
    if needle.isascii():
        # LIKE folds ASCII case only, which is exact for an ASCII needle, and it is fast.
        pattern = _like_pattern(needle)
        where = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols)
        return f" WHERE {where}", (pattern,) * len(cols)
    lowered = needle.lower()
    where = " OR ".join(f"ia_contains({c}, ?)" for c in cols)
    return f" WHERE {where}", (lowered,) * len(cols)


def _change_row(table: str, kind: str, record_id: int, before: str | None,
                after: str | None) -> RunChangeRow:
    """A stored run_change row as values."""
    tbl = Table(table)
    return RunChangeRow(
        table=tbl, kind=ChangeKind(kind), record_id=record_id,
        before=_decode_row(tbl, json.loads(before)) if before else {},
        after=_decode_row(tbl, json.loads(after)) if after else {})
