"""What is SQLite's own in the store: the file's identity, ids, SQL words, errors.

Everything the store says to its engine that another engine (PostgreSQL) would say in other
words goes through a ``Dialect``: the queries and the bulk writer build their SQL from its
placeholder and helpers, and the store turns its ``Fault`` into a message for people. The
tables themselves are peewee's to word (``models.py``), from the one schema definition.

SQLite's choices, and why:

- ``journal_mode=WAL``: a SIGKILL mid-commit is atomic in either mode (uncommitted WAL frames
  are ignored on recovery, a hot rollback journal is played back), but WAL lets another
  program (the CLI, a second window) read the store while a long commit runs, and a commit
  never waits for readers. It is set once, when the store is created, and stays in the file.
- ``synchronous=FULL``: its cost is one extra fsync per *transaction*, and a run is a single
  transaction, so it is negligible; in exchange a run reported as committed survives a power
  cut, not only a crash of the program.
- ``AUTOINCREMENT`` for the tables whose ids are never reused (see ``schema.TableDef``, and
  ``models.SQLITE_FIELDS``).
- ``BEGIN IMMEDIATE``: a writer takes the write lock at once, and waits for another one (the
  connection's busy timeout) rather than failing halfway through its transaction.
- ``defer_foreign_keys``: within a commit, references are checked at COMMIT, which lets
  changes be grouped per table for ``executemany`` while each table keeps its own order.
- ``application_id`` and ``user_version`` tell our stores from other SQLite files, and say
  which schema version wrote the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from importer_gui.core.schema import TableDef, Type

APPLICATION_ID = 0x49415354  # PRAGMA application_id, "IAST": tells our stores from others

Converter = Callable[[Any], Any]


class Connection(Protocol):
    """What the store asks of a connection (``sqlite3.Connection`` has it)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...

    def close(self) -> None: ...


class Failure(Enum):
    """What went wrong, in the store's words rather than an engine's error codes."""

    LOCKED = "locked"
    DISK_FULL = "disk full"
    NOT_A_STORE = "not a store"
    DAMAGED = "damaged"
    READ_ONLY = "read-only"
    UNIQUE = "unique value taken"
    REFERENCE = "reference to nothing"
    REFUSED = "change refused"
    OTHER = "other"


@dataclass(frozen=True)
class Fault:
    """A classified engine error: its failure, the engine's own text, and where it applies."""

    failure: Failure
    text: str
    table: str = ""
    column: str = ""


@dataclass(frozen=True)
class Identity:
    """Whose file this is: new (nothing in it yet), ours (at some schema version), or not."""

    new: bool
    ours: bool
    version: int


class Dialect(Protocol):
    """What the store asks of an engine."""

    param: str  # the query parameter's placeholder
    errors: tuple[type[BaseException], ...]  # the driver's exceptions
    decoders: dict[Type, Converter]  # stored values back to Python ones, by column type
    encoders: dict[Type, Converter]  # Python values as the engine stores them, by column type

    def connect(self, path: Path, busy_timeout: float) -> Connection:
        """An open connection that waits ``busy_timeout`` seconds for another writer."""

    def identity(self, conn: Connection) -> Identity:
        """Whose file is open, and its schema version."""

    def create(self, conn: Connection, tables: Sequence[TableDef], version: int) -> None:
        """Create the tables of a new, empty store and stamp it, in one transaction."""

    def transaction(self, conn: Connection) -> AbstractContextManager[None]:
        """A write transaction: committed at the end, rolled back on any exception."""

    def defer_references(self, conn: Connection) -> None:
        """Check the transaction's references at its commit, not at each statement."""

    def next_id(self, conn: Connection, table: str) -> int:
        """The id the table's next row gets (never a deleted row's, when so defined)."""

    def insert(self, conn: Connection, table: str, values: dict[str, Any]) -> int:
        """INSERT one row; return its new id."""

    def contains(self, columns: Sequence[str], needle: str) -> tuple[str, tuple[Any, ...]]:
        """A condition true when any column holds ``needle``, ignoring case; and its params."""

    def json_object(self, columns: Sequence[str]) -> str:
        """An SQL expression building a JSON object of ``columns`` from parameters."""

    def fault(self, exc: BaseException) -> Fault:
        """What an engine error means."""


# ---------------------------------------------------------------- SQLite

_BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
_READONLY = 8
_CORRUPT = 11
_FULL = 13
_NOTADB = 26
_CONSTRAINT = 19


def _from_date(text: str) -> date:
    """An ISO date as stored."""
    return date.fromisoformat(text[:10])


def _iso(value: Any) -> Any:
    """A date or datetime as ISO text; anything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


# JSON as text, compact; check_circular off: the values are plain, and it is faster.
_compact_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False,
                                 check_circular=False).encode


def _contains(text: str | None, needle: str) -> bool:
    """Case-insensitive substring test, for searches SQLite's LIKE cannot fold (non-ASCII)."""
    return text is not None and needle in text.lower()


def _like_pattern(search: str) -> str:
    """A LIKE pattern matching ``search`` anywhere, wildcards escaped."""
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqliteDialect:
    """SQLite 3 through the standard library's driver: dates as ISO text, JSON as text."""

    def __init__(self) -> None:
        self.param = "?"
        self.errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
        self.decoders: dict[Type, Converter] = {
            Type.DATE: _from_date, Type.DATETIME: datetime.fromisoformat, Type.JSON: json.loads}
        self.encoders: dict[Type, Converter] = {
            Type.DATE: _iso, Type.DATETIME: _iso, Type.JSON: _compact_json}

    def connect(self, path: Path, busy_timeout: float) -> sqlite3.Connection:
        """Autocommit (transactions are explicit), shared by the window's threads in turn."""
        conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA foreign_keys = 1")
            conn.execute("PRAGMA synchronous = FULL")
            conn.create_function("ia_contains", 2, _contains, deterministic=True)
        except BaseException:
            conn.close()
            raise
        return conn

    def identity(self, conn: sqlite3.Connection) -> Identity:
        """From application_id, user_version, and whether sqlite_master is empty."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return Identity(app_id == 0 and objects == 0, app_id == APPLICATION_ID, version)

    def create(self, conn: sqlite3.Connection, tables: Sequence[TableDef], version: int) -> None:
        """WAL first (a journal mode cannot change inside a transaction), then peewee's DDL."""
        # peewee only here: a store that exists needs no DDL, and the command line starts
        # without it.
        from importer_gui.core.store.models import SQLITE_FIELDS, BorrowedSqlite, create_tables

        conn.execute("PRAGMA journal_mode=WAL")
        with self.transaction(conn):
            if not self.identity(conn).new:
                return  # another program created it meanwhile
            create_tables(BorrowedSqlite(conn), SQLITE_FIELDS, tables)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={version}")

    @contextmanager
    def transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
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

    def defer_references(self, conn: sqlite3.Connection) -> None:
        """Foreign keys checked at COMMIT, for this transaction only."""
        conn.execute("PRAGMA defer_foreign_keys = ON")

    def next_id(self, conn: sqlite3.Connection, table: str) -> int:
        """Past the largest id in use and AUTOINCREMENT's sequence (its deleted ids)."""
        row = conn.execute(
            f'SELECT max(coalesce((SELECT max(id) FROM "{table}"), 0),'
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0))",
            (table,)).fetchone()
        return int(row[0]) + 1

    def insert(self, conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
        """INSERT one row; its id is the connection's last row id."""
        marks = ", ".join("?" * len(values))
        cursor = conn.execute(f'INSERT INTO "{table}" ({", ".join(values)}) VALUES ({marks})',
                              tuple(values.values()))
        return int(cursor.lastrowid or 0)

    def contains(self, columns: Sequence[str], needle: str) -> tuple[str, tuple[Any, ...]]:
        """LIKE for an ASCII needle (it folds ASCII case only, and is fast), else ia_contains."""
        if needle.isascii():
            pattern = _like_pattern(needle)
            return (" OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns),
                    (pattern,) * len(columns))
        lowered = needle.lower()
        return " OR ".join(f"ia_contains({c}, ?)" for c in columns), (lowered,) * len(columns)

    def json_object(self, columns: Sequence[str]) -> str:
        """SQLite's json_object: several times faster than Python's json for a bulk insert."""
        pairs = ", ".join(f"'{c}', ?" for c in columns)
        return f"json_object({pairs})"

    def fault(self, exc: BaseException) -> Fault:
        """SQLite's (extended) result code, or its message where the code is not given."""
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _BUSY or "locked" in text:
            return Fault(Failure.LOCKED, text)
        if primary == _FULL or "disk is full" in text:
            return Fault(Failure.DISK_FULL, text)
        if primary == _NOTADB or "not a database" in text:
            return Fault(Failure.NOT_A_STORE, text)
        if primary == _CORRUPT:
            return Fault(Failure.DAMAGED, text)
        if primary == _READONLY:
            return Fault(Failure.READ_ONLY, text)
        if primary == _CONSTRAINT or isinstance(exc, sqlite3.IntegrityError):
            return _constraint_fault(text)
        return Fault(Failure.OTHER, text)


def _constraint_fault(text: str) -> Fault:
    """A refused change: "UNIQUE constraint failed: teacher.login", a foreign key, or other."""
    if text.startswith("UNIQUE constraint failed: "):
        table, _, column = text.split(": ", 1)[1].split(",")[0].partition(".")
        return Fault(Failure.UNIQUE, text, table, column)
    if "FOREIGN KEY" in text:
        return Fault(Failure.REFERENCE, text)
    return Fault(Failure.REFUSED, text)


SQLITE = SqliteDialect()
