"""What an engine says in its own words: the ``Dialect`` interface, and SQLite's.

Everything the store says to its engine that another engine (PostgreSQL, ``postgres.py``)
says in other words goes through a ``Dialect``: the queries and the bulk writer build their
SQL from its placeholder and helpers, and the store turns its ``Fault`` into a message for
people. The tables themselves are peewee's to word (``models.py``), from the one schema
definition, and so are the columns an upgrade adds (``migrations.py``).

SQLite's choices, and why:

- ``journal_mode=WAL``: a SIGKILL mid-commit is atomic in either mode (uncommitted WAL frames
  are ignored on recovery, a hot rollback journal is played back), but WAL lets another
  program (the CLI, a second window) read the store while a long commit runs, and a commit
  never waits for readers. It is set when the store is created, and stays in the file, but
  for the first write (``write_journal``).
- ``synchronous=FULL``: its cost is one extra fsync per *transaction*, and a run is a single
  transaction, so it is negligible; in exchange a run reported as committed survives a power
  cut, not only a crash of the program.
- ``AUTOINCREMENT`` for the tables whose ids are never reused (see ``schema.TableDef``, and
  ``models.SQLITE_FIELDS``).
- ``BEGIN IMMEDIATE``: a writer takes the write lock at once, and waits for another one (the
  connection's busy timeout) rather than failing halfway through its transaction. A write
  told whom it waits for (``transaction``'s ``waiting``) tries again in steps instead, the
  busy timeout set aside, so that it says it waits and hears a cancel meanwhile.
- ``defer_foreign_keys``: within a commit, references are checked at COMMIT, which lets
  changes be grouped per table for ``executemany`` while each table keeps its own order.
- ``foreign_keys`` off for a large write (``references_unchecked``): the writer checks the
  references it wrote at its end, under the writer lock, once for each record referred to
  rather than at every INSERT; and a table that held no row gets its indexes after its rows
  (``set_indexes_aside``).
- ``page_size=16384`` for a new store (an existing one keeps its own): a large commit writes
  its pages twice through WAL, into the log and then into the file, and larger pages are
  fewer B-tree pages for the same rows (README, Performance).
- ``application_id`` and ``user_version`` tell our stores from other SQLite files, and say
  which schema version wrote the file. A file is new (ours to create tables in) only when
  both are 0 and it holds nothing: another program's database, even empty, is left alone.
- A store the user may not write (a read-only medium, a file without write permission) is
  opened read-only, so that it can still be checked and browsed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from importer_gui.core import schema
from importer_gui.core.paths import resolved
from importer_gui.core.schema import TableDef, Type
from importer_gui.core.store import syncing
from importer_gui.core.store.location import StoreLocation

# A write's page cache (see SqliteDialect.write_cache): about a 4 KB page per 64 changes,
# at most 24 MB: with GUIDs made in order, most indexes take their new keys at their end, but
# a million registrations' index by learner and session, and the learners their references
# look up, take keys and reads all over them (some 24 MB together); a larger cache buys
# nothing more, and its memory counts against the commit's (issue 18).
CACHE_BYTES_PER_CHANGE = 64
CACHE_MAX_KIB = 24 * 1024
# The rows of one INSERT ... VALUES a write alongside the planner makes (insert_at_once),
# and so of the writer's batches beside it: each statement's end waits for the GIL back in
# the thread running them, so fewer, larger statements wait less; each holds its values
# meanwhile, which bounds it.
AT_ONCE_ROWS = 8000
# The rows of the smaller INSERT ... VALUES a batch's rest goes in by (a parent's records
# written before the batch that refers to them: the sessions of registrations, a few
# hundred at a time, which bound cost less than as JSON).
REST_AT_ONCE_ROWS = 250
# The changes of a write from which SQLite checks no reference, the writer checking those it
# wrote at its end (SqliteDialect.references_unchecked).
UNCHECKED_FROM = 10_000
WAL_RETRY = 0.01  # seconds between two tries of SqliteDialect._into_wal
PAGE_SIZE = 16384  # bytes, a new store's page (see the module's notes)
# Seconds between two tries of a writer lock another writer holds, when the wait is said
# and may be cancelled (``Waiting``): a cancel is heard, and a lock freed taken, as soon.
LOCK_STEP = 0.1
APPLICATION_ID = 0x49415354  # PRAGMA application_id, "IAST": tells our stores from others

Converter = Callable[[Any], Any]
# Called when another writer holds the store's writer lock, then between two tries of it:
# says that the write waits, and raises (Cancelled) to stop waiting.
Waiting = Callable[[], None]


class Connection(Protocol):
    """What the store asks of a connection (``sqlite3.Connection`` has it)."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...

    def close(self) -> None: ...

    @property
    def in_transaction(self) -> bool: ...


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
    PASSWORD = "password needed"
    WRONG_PASSWORD = "password refused"
    NO_SUCH_USER = "no such user"
    NOT_ALLOWED = "connection not allowed"
    OTHER = "other"


@dataclass(frozen=True)
class Fault:
    """A classified engine error: its failure, the engine's own text, and where it applies."""

    failure: Failure
    text: str
    table: str = ""
    column: str = ""


@dataclass(frozen=True)
class BrokenReference:
    """A row's reference to a row its store does not hold: the row (``table``, ``row_id``),
    its ``column`` and the ``value`` there, which no row of ``parent`` has as its id."""

    table: str
    row_id: int
    column: str
    parent: str
    value: Any


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
    # By column type: the Python types of (encoded) values that a row written with them reads
    # back as, in the JSON of ``log_inserted``, what ``log_created`` makes of them.
    logged_as_stored: dict[Type, frozenset[type]]
    # Whether a write may run in a thread beside the planning of what it writes
    # (``store/alongside.py``): with ``insert_at_once``, a batch is one call to the engine.
    writes_alongside: bool
    at_once_types: frozenset[type]  # the Python types of values ``insert_at_once`` takes
    # An aggregate joining a column's values (``{column}``) as texts apart by the character
    # of code ``{code}``, in the order the rows are read (store/joined.py); None where the
    # engine has none to use.
    joins_texts: str | None

    def connect(self, location: StoreLocation, busy_timeout: float, *,
                create: bool = True) -> Connection:
        """An open connection that waits ``busy_timeout`` seconds for another writer; a
        store's file is made only when ``create``."""

    def lost(self, conn: Connection) -> bool:
        """Whether the engine ended the connection (a server restarted): it is to be made
        again."""

    def writer(self, conn: Connection) -> tuple[str, str, datetime] | None:
        """Who holds the store's writer lock, from where ("" unknown), and since when; None
        when it cannot be told."""

    def identity(self, conn: Connection) -> Identity:
        """Whose store is open, and its schema version."""

    def create(self, conn: Connection, tables: Sequence[TableDef], version: int) -> None:
        """Create the tables of a new, empty store and stamp it, in one transaction."""

    def take_away(self, conn: Connection) -> bool:
        """Drop the tables ``create`` made on this connection, in one transaction, while they
        hold no row and no other program is connected; True when dropped."""

    def upgrade(self, conn: Connection, version: int) -> None:
        """Bring a store of an older schema version to ``version``, in one transaction."""

    def share_grants(self, conn: Connection) -> None:
        """Give the tables an upgrade made the privileges other roles hold on the others
        (a server's roles); nothing where the engine has none."""

    def transaction(self, conn: Connection,
                    waiting: Waiting | None = None) -> AbstractContextManager[None]:
        """A write transaction, one writer at a time: committed at the end, rolled back on
        any exception; while another writer holds the lock, ``waiting`` is called."""

    def snapshot(self, conn: Connection) -> AbstractContextManager[None]:
        """A read transaction: every read inside sees the store as it was at its start."""

    def write_cache(self, conn: Connection, changes: int) -> AbstractContextManager[None]:
        """Memory for a write of about ``changes`` changes, given back when it ends."""

    def write_journal(self, conn: Connection) -> AbstractContextManager[None]:
        """The engine's journal for a write, outside its transaction."""

    def synced_meanwhile(self, location: StoreLocation,
                         changes: int) -> AbstractContextManager[None]:
        """Inside a write's transaction, until its COMMIT: the store's files pushed to the
        disk as a large write of about ``changes`` changes goes on (``syncing.py``)."""

    def defer_references(self, conn: Connection) -> None:
        """Check the transaction's references at its commit, not at each statement."""

    def broken_reference(self, conn: Connection) -> BrokenReference | None:
        """The first reference the store holds to a row it does not hold (as the engine
        declares references); None when every one leads somewhere."""

    def references_unchecked(self, conn: Connection,
                             changes: int) -> AbstractContextManager[bool]:
        """Outside a write of about ``changes`` changes: True when the engine checks none of
        its references meanwhile, and the writer checks those it wrote (``reference_refused``
        its failure)."""

    def reference_refused(self) -> BaseException:
        """A broken reference the writer found, as the engine's COMMIT would refuse it."""

    def set_indexes_aside(self, conn: Connection, table: str,
                          increasing: Sequence[str] = ()) -> tuple[list[str], list[str]]:
        """Drop the secondary indexes of ``table``, which holds no row, for a write that
        fills it, but those on one column of ``increasing`` (whose values the write gives
        in increasing order: each goes at the index's end): what makes them again
        (``make_indexes``), in the transaction, after it, and the columns of ``increasing``
        whose index is kept up."""

    def make_indexes(self, conn: Connection, statements: Sequence[str]) -> None:
        """Make again the indexes ``set_indexes_aside`` dropped (a unique one checks its
        values as an INSERT would, in the same words)."""

    def next_id(self, conn: Connection, table: str) -> int:
        """The id the table's next row gets (never a deleted row's, when so defined)."""

    def claim_ids(self, conn: Connection, table: str, highest: int) -> None:
        """Ids up to ``highest`` were given (rows written with their ids): never again."""

    def insert(self, conn: Connection, table: str, values: dict[str, Any]) -> int:
        """INSERT one row; return its new id."""

    def insert_many(self, conn: Connection, table: str, columns: Sequence[str],
                    rows: list[tuple[Any, ...]]) -> None:
        """INSERT rows of ``columns`` values (stored values), in bulk."""

    def insert_at_once(self, conn: Connection, table: str, columns: Sequence[str],
                       values: Sequence[Sequence[Any]]) -> None:
        """INSERT rows given by column (``values[i]`` the values of ``columns[i]``, of
        ``at_once_types``) in one statement, the engine's alone to run."""

    def log_created(self, conn: Connection, table: str, columns: Sequence[str],
                    rows: list[tuple[Any, ...]]) -> None:
        """run_change rows of created records: (run_id, seq, record_id, *column values)."""

    def log_inserted(self, conn: Connection, table: str, columns: Sequence[str], run_id: int,
                     seqs: Sequence[int], first_id: int) -> None:
        """run_change rows of records just inserted with the ids ``first_id``, ``first_id + 1``,
        ...: the i-th's at ``seqs[i]``, its JSON (as ``log_created``'s) read from its row.
        ``seqs`` is a range when they follow each other (a batch created in one go)."""

    def contains(self, columns: Sequence[str], needle: str) -> tuple[str, tuple[Any, ...]]:
        """A condition true when any column holds ``needle``, ignoring case; and its params."""

    def sort_text(self, expression: str) -> str:
        """SQL ordering the text ``expression`` as ``sort_text`` reads it, by code point."""

    def fault(self, exc: BaseException, where: StoreLocation | None = None) -> Fault:
        """What an engine error means; ``where`` (the store) may tell a full disk from
        another failure."""


def _from_date(text: str) -> date:
    """An ISO date as stored; ValueError, as for any text that is not one, for a value of
    another type (SQLite keeps the bytes another program stored in a text column)."""
    if not isinstance(text, str):
        raise _not_text(text)
    return date.fromisoformat(text[:10])


def _from_moment(text: str) -> datetime:
    """An ISO date and time as stored (ValueError as ``_from_date``)."""
    if not isinstance(text, str):
        raise _not_text(text)
    return datetime.fromisoformat(text)


def _not_text(value: object) -> ValueError:
    """A stored date that is not text, worded as Python words a text it cannot read."""
    return ValueError(f"Invalid isoformat string: {value!r}")


def _iso(value: Any) -> Any:
    """A date or datetime as ISO text; anything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def _not_json(value: Any) -> Any:
    """A date or datetime inside a JSON value, as ISO text (what the engines keep as text)."""
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


# JSON as text, compact; check_circular off: the values are plain, and it is faster.
compact_json = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False,
                                check_circular=False, default=_not_json).encode

def _json_text(value: Any) -> Any:
    """A JSON column's value inside a run's recorded JSON: its text, read (a list or an object
    recorded as such is kept)."""
    return json.loads(value) if isinstance(value, str) else value


# Values inside a run's recorded JSON are text on every engine: how to read them back.
JSON_VALUE_DECODERS: dict[Type, Converter] = {Type.DATE: _from_date,
                                              Type.DATETIME: _from_moment,
                                              Type.JSON: _json_text}


# ---------------------------------------------------------------- SQLite

_BUSY = (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
_READONLY = 8
_CORRUPT = 11
_FULL = 13
_NOTADB = 26
_CONSTRAINT = 19
# A write or a growth the system refused: SQLite reports ENOSPC as SQLITE_FULL where it
# writes a page, but a file-size limit (EFBIG), a quota used up (EDQUOT) or a full disk
# met elsewhere as one of these, and Python's sqlite3 does not give the errno. SHMSIZE:
# WAL's 32 KB shared-memory file (-shm) could not be made as large, which is how a full
# disk first shows when a store closed cleanly is opened.
_GROWTH_REFUSED = (sqlite3.SQLITE_IOERR_WRITE, sqlite3.SQLITE_IOERR_TRUNCATE,
                   sqlite3.SQLITE_IOERR_FSYNC, sqlite3.SQLITE_IOERR_SHMSIZE)
# Less room than this left on a store's disk, a growth refused there is for the lack of
# room: the -shm file takes 32 KB, a write a few pages more.
ROOM_NEEDED = 64 * 1024


def _contains(text: str | None, needle: str) -> bool:
    """Whether ``needle`` (as ``sort_text`` reads it) is in ``text`` as ``sort_text`` reads
    it: for the texts SQLite's LIKE cannot fold (non-ASCII)."""
    return text is not None and needle in sort_text(text)


def _sort_folds() -> dict[str, str]:
    """The letters a sort reads as others: a Latin letter with an accent or a stroke as the
    plain letter (É as e), the joined ones as two (œ as oe, ß as ss), in lower case."""
    folds = {}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        base = unicodedata.normalize("NFKD", letter)[0]
        if base != letter and base.isascii() and base.isalpha():
            folds[letter] = base.lower()
    folds.update({"ß": "ss", "ẞ": "ss", "Œ": "oe", "œ": "oe", "Æ": "ae", "æ": "ae",
                  "Ø": "o", "ø": "o", "Đ": "d", "đ": "d", "Ł": "l", "ł": "l", "ı": "i"})
    return folds


# A GLOB true of a text holding some letter outside ASCII.
NOT_ASCII_GLOB = "*[^\x01-\x7f]*"
# How a sort, and a search, read a text, on either engine: Émile among the e's, as a French
# reader expects.
SORT_FOLDS = _sort_folds()
_SORT_TABLE = str.maketrans(SORT_FOLDS)


def sort_text(text: str | None) -> str | None:
    """``text`` as a sort reads it: without case, accented letters as their plain letter."""
    return None if text is None else text.translate(_SORT_TABLE).lower()


def like_pattern(search: str) -> str:
    """A LIKE pattern matching ``search`` anywhere, wildcards escaped (with a backslash)."""
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _holds_run(conn: sqlite3.Connection) -> bool:
    """Whether the store holds a run: one that holds none was never written to, and holds
    no record."""
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM import_run)").fetchone()[0])


def _journal_mode(conn: sqlite3.Connection, mode: str) -> bool:
    """Whether the store's journal is now ``mode`` (the engine says when it cannot be: a
    store in memory, another connection to it, a store opened read-only)."""
    try:
        return conn.execute(f"PRAGMA journal_mode={mode}").fetchone()[0] == mode
    except sqlite3.Error:
        return False


def file_uri(path: Path) -> str:
    """SQLite's URI of a store file, from the bytes of its name: a name that is no UTF-8 (a
    Latin-1 disk's, which Python holds as lone surrogates) is still the file's."""
    return f"file:{quote(os.fsencode(resolved(path)))}"


def _read_only(path: Path) -> bool:
    """True when the store's file exists but cannot be written (nor its journal beside it)."""
    return path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def write_locked(path: Path) -> bool:
    """Whether another program holds the SQLite write lock of the file ``path`` (a command
    making a store in it, say): tried without waiting, and let go at once, nothing
    written."""
    try:
        conn = sqlite3.connect(f"{file_uri(path)}?mode=rw", uri=True, timeout=0,
                               isolation_level=None)
    except sqlite3.Error:  # gone, or not ours to write: nobody makes a store there for us
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.Error as exc:
        return SQLITE.fault(exc).failure is Failure.LOCKED
    finally:
        conn.close()


class SqliteDialect:
    """SQLite 3 through the standard library's driver: dates as ISO text, JSON as text."""

    def __init__(self) -> None:
        self.param = "?"
        self.errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
        self.decoders: dict[Type, Converter] = {
            Type.DATE: _from_date, Type.DATETIME: _from_moment, Type.JSON: json.loads}
        self.encoders: dict[Type, Converter] = {
            Type.DATE: _iso, Type.DATETIME: _iso, Type.JSON: compact_json}
        # A column's affinity converts other types (an int in a TEXT column is stored as text).
        self.logged_as_stored: dict[Type, frozenset[type]] = {
            Type.INTEGER: frozenset({int}), Type.TEXT: frozenset({str}),
            Type.DATE: frozenset({str}), Type.DATETIME: frozenset({str}),
            Type.JSON: frozenset({str}), Type.REAL: frozenset({float})}
        self.writes_alongside = True
        # What a JSON array carries to SQLite and back unchanged (a bool as 1 or 0, as the
        # driver binds it); not a real, which SQLite's own parser may round otherwise.
        self.at_once_types = frozenset({str, int, bool, type(None)})
        self.joins_texts: str | None = "group_concat({column}, char({code}))"

    def connect(self, location: StoreLocation, busy_timeout: float, *,
                create: bool = True) -> sqlite3.Connection:
        """Autocommit (transactions are explicit), shared by the window's threads in turn;
        without ``create``, a file gone since it was looked for is not made again empty."""
        path = Path(str(location))
        conn = (self._connect_read_only(path) if _read_only(path) else
                self._connect_writable(path, busy_timeout, create))
        try:
            conn.execute("PRAGMA foreign_keys = 1")
            conn.execute("PRAGMA synchronous = FULL")
            conn.create_function("ia_contains", 2, _contains, deterministic=True)
            conn.create_function("ia_sort_text", 1, sort_text, deterministic=True)
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _connect_writable(path: Path, busy_timeout: float, create: bool) -> sqlite3.Connection:
        """Shared with other programs; under a file-size limit too small for WAL's -shm
        file, in exclusive locking mode, which keeps that index in memory instead.

        So a store is still read under ``ulimit -f`` (and written as far as the limit lets
        it), while other programs wait for it as for a write.
        """
        name, uri = (str(path), False) if create else (
            f"{file_uri(path)}?mode=rw", True)

        def connected() -> sqlite3.Connection:
            return sqlite3.connect(name, timeout=busy_timeout, isolation_level=None,
                                   check_same_thread=False, uri=uri)

        conn = connected()
        if not file_size_limited():
            return conn
        try:  # the first read makes the -shm file of a store in WAL mode
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error as exc:
            conn.close()
            if getattr(exc, "sqlite_errorcode", None) != sqlite3.SQLITE_IOERR_SHMSIZE:
                raise
        conn = connected()
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # before the first read, or unused
        return conn

    @staticmethod
    def _connect_read_only(path: Path) -> sqlite3.Connection:
        """Read-only; where even the WAL's shared-memory file cannot be made, as immutable.

        A store closed cleanly keeps nothing in its WAL, so reading the file alone is whole.
        """
        uri = file_uri(path)
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.Error:
            conn.close()
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)

    def identity(self, conn: sqlite3.Connection) -> Identity:
        """From application_id, user_version, and whether sqlite_master is empty."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        new = app_id == 0 and version == 0 and objects == 0
        return Identity(new, app_id == APPLICATION_ID, version)

    def create(self, conn: sqlite3.Connection, tables: Sequence[TableDef], version: int) -> None:
        """WAL first (a journal mode cannot change inside a transaction), then peewee's DDL."""
        # peewee only here: a store that exists needs no DDL, and the command line starts
        # without it.
        with _without_postgres_driver():
            from importer_gui.core.store.models import SQLITE_FIELDS, BorrowedSqlite, create_tables

        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # before the file's first page
        self._into_wal(conn)
        with self.transaction(conn):
            if not self.identity(conn).new:
                return  # another program created it meanwhile
            create_tables(BorrowedSqlite(conn), SQLITE_FIELDS, tables)
            self._stamp(conn, version)

    def lost(self, conn: sqlite3.Connection) -> bool:
        """Never: a file's connection is not ended by another program."""
        return False

    def writer(self, conn: sqlite3.Connection) -> tuple[str, str, datetime] | None:
        """Never told: a file's lock does not say whose it is."""
        return None

    def take_away(self, conn: sqlite3.Connection) -> bool:
        """Nothing: a new store's file is its command's to remove, tables and all (see
        ``cli.command``)."""
        return False

    def _into_wal(self, conn: sqlite3.Connection) -> None:
        """PRAGMA journal_mode=WAL on a new store, tried again while another program writes
        to it, for as long as the connection's busy timeout.

        The change needs the file's exclusive lock, and SQLite does not wait for it when
        another connection holds the write lock (waiting while holding the read lock that
        connection waits to see go would deadlock): it fails at once, when two commands make
        the same store at the same moment, say. Between two tries this connection holds no
        lock.
        """
        deadline = time.monotonic() + conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
        while True:
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.Error as exc:
                if self.fault(exc).failure is not Failure.LOCKED or time.monotonic() >= deadline:
                    raise
            time.sleep(WAL_RETRY)

    def upgrade(self, conn: sqlite3.Connection, version: int) -> None:
        """ALTER the tables, then user_version, in one transaction (SQLite's DDL is too)."""
        with _without_postgres_driver():
            from importer_gui.core.store.migrations import upgrade
            from importer_gui.core.store.models import SQLITE_FIELDS, BorrowedSqlite

        with self.transaction(conn):
            found = self.identity(conn).version
            if found < version:  # not upgraded meanwhile by another program
                upgrade(BorrowedSqlite(conn), SQLITE_FIELDS, found, version)
                self._stamp(conn, version)

    def share_grants(self, conn: sqlite3.Connection) -> None:
        """Nothing: a file has no roles (its mode is the system's)."""

    @staticmethod
    def _stamp(conn: sqlite3.Connection, version: int) -> None:
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version={int(version)}")

    @contextmanager
    def transaction(self, conn: sqlite3.Connection,
                    waiting: Waiting | None = None) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
        if waiting is None:
            conn.execute("BEGIN IMMEDIATE")
        else:
            self._begin_waiting(conn, waiting)
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back by itself (disk full, I/O error).
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise

    def _begin_waiting(self, conn: sqlite3.Connection, waiting: Waiting) -> None:
        """BEGIN IMMEDIATE tried every ``LOCK_STEP`` for as long as the busy timeout, with
        ``waiting`` called between two tries: SQLite's own wait for the lock hears nothing
        until it ends. The last try's error is the one a wait in vain gives."""
        timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
        deadline = time.monotonic() + timeout / 1000
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.Error as exc:
                    if self.fault(exc).failure is not Failure.LOCKED \
                            or time.monotonic() >= deadline:
                        raise
                waiting()
                time.sleep(LOCK_STEP)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")

    @contextmanager
    def snapshot(self, conn: sqlite3.Connection) -> Iterator[None]:
        """BEGIN (deferred) ... its first read fixes what the others see (WAL)."""
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")

    @contextmanager
    def write_cache(self, conn: sqlite3.Connection, changes: int) -> Iterator[None]:
        """A page cache sized to the write, and temporary files in memory, both back to what
        they were afterwards (which frees them).

        A bulk insert updates every index of its table at places all over it: with SQLite's
        2 MB default cache, pages go out and are read back again and again (a million rows
        wrote with a fifth more CPU). The cache grows only as pages are used, so a small
        write costs nothing more.

        A store that holds no run yet holds no record either: every table a large write
        fills has its indexes made after its rows (``set_indexes_aside``; one whose keys come
        in order is added to at its end), and its pages are added in order, each written
        once. A larger cache would only keep pages done with,
        the dirty ones until it is full (24 MB of a million courses' commit): it stays as
        it is.
        """
        kib = min(changes * CACHE_BYTES_PER_CHANGE // 1024, CACHE_MAX_KIB) \
            if _holds_run(conn) else 0
        previous = conn.execute("PRAGMA cache_size").fetchone()[0]  # -KiB, or pages
        temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
        # Each INSERT keeps a statement journal (the tables' references are not declared
        # deferred, so SQLite readies every statement to be undone alone), which copies the
        # pages it changes that the transaction changed before: in memory, not through a
        # temporary file. It is freed as each statement ends.
        conn.execute("PRAGMA temp_store = MEMORY")
        if -previous < kib:  # else as large already (SQLite's default is 2,000 KiB)
            conn.execute(f"PRAGMA cache_size = -{kib}")
        try:
            yield
        finally:
            conn.execute(f"PRAGMA cache_size = {previous}")
            conn.execute(f"PRAGMA temp_store = {int(temp_store)}")

    def synced_meanwhile(self, location: StoreLocation,
                         changes: int) -> AbstractContextManager[None]:
        """The store's file and its journal or log synced every half second meanwhile."""
        assert isinstance(location, Path), "a SQLite store is a file"
        return syncing.synced_meanwhile(location, changes)

    @contextmanager
    def write_journal(self, conn: sqlite3.Connection) -> Iterator[None]:
        """A store that holds no run yet written through a rollback journal, WAL after.

        A rollback journal keeps a copy of the pages a write changes that were there before
        it, and the first write into a store adds nearly all of its pages: they reach the file
        once, where WAL writes each twice (into the log, then into the file when the commit
        checkpoints). Leaving WAL needs the only connection to the store: when another program
        has it open, the write stays in WAL. A store left in the rollback journal (a process
        killed between its commit and its return to WAL) goes back to WAL at its next write.
        """
        first = not _holds_run(conn)
        switched = first and _journal_mode(conn, "delete")
        if not first:
            _journal_mode(conn, "wal")
        try:
            yield
        finally:
            if switched:
                _journal_mode(conn, "wal")

    def defer_references(self, conn: sqlite3.Connection) -> None:
        """Foreign keys checked at COMMIT, for this transaction only."""
        conn.execute("PRAGMA defer_foreign_keys = ON")

    def broken_reference(self, conn: sqlite3.Connection) -> BrokenReference | None:
        """The first row SQLite's own check finds (a row's id is its rowid)."""
        found = conn.execute("PRAGMA foreign_key_check").fetchone()
        if found is None:
            return None
        table, row_id, parent, key = found
        column = next(reference[3] for reference in
                      conn.execute(f'PRAGMA foreign_key_list("{table}")')
                      if reference[0] == key)
        [value] = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?',
                               (row_id,)).fetchone()
        return BrokenReference(table, row_id, column, parent, value)

    @contextmanager
    def references_unchecked(self, conn: sqlite3.Connection, changes: int) -> Iterator[bool]:
        """References off for a large write (set outside a transaction only), on again after.

        Each INSERT looks up every reference it holds (a million registrations' learners and
        sessions), and readies its statement to be undone alone for them; the writer checks
        the rows it wrote at the end instead, under the writer lock the transaction took at
        its BEGIN IMMEDIATE: no other program writes between that check and the COMMIT.
        """
        if changes < UNCHECKED_FROM or not conn.execute("PRAGMA foreign_keys").fetchone()[0]:
            yield False
            return
        conn.execute("PRAGMA foreign_keys = 0")
        try:
            yield True
        finally:
            conn.execute("PRAGMA foreign_keys = 1")

    def reference_refused(self) -> BaseException:
        """The words of a COMMIT refused for a deferred reference."""
        return sqlite3.IntegrityError("FOREIGN KEY constraint failed")

    def set_indexes_aside(self, conn: sqlite3.Connection, table: str,
                          increasing: Sequence[str] = ()) -> tuple[list[str], list[str]]:
        """An index made over rows all there sorts them once; kept up by each INSERT, it
        takes them one at a time at places all over it (the registrations' index by learner
        and session), each a search and a page changed, and journaled by the statement. Keys
        that come in increasing order are added at its end, where the last page is at hand:
        kept up, such an index costs the statements less than it takes to make it after
        them, alone at the write's end."""
        found = conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                             " AND tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall()
        aside: list[str] = []
        kept: list[str] = []
        for name, sql in found:
            columns = [row[2] for row in conn.execute(f'PRAGMA index_info("{name}")')]
            if len(columns) == 1 and columns[0] in increasing:
                kept.append(columns[0])
            else:
                conn.execute(f'DROP INDEX "{name}"')
                aside.append(sql)
        return aside, kept

    def make_indexes(self, conn: sqlite3.Connection, statements: Sequence[str]) -> None:
        """A duplicate fails as an INSERT's would: "UNIQUE constraint failed: t.c".

        The keys are sorted through a temporary file, as SQLite sorts by default, not in
        the memory the write's statement journals are kept in (``write_cache``): a million
        registrations' three indexes sort some 50 MB of keys, which would add to the
        commit's peak. The operating system's cache holds the file.
        """
        temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
        conn.execute("PRAGMA temp_store = FILE")
        try:
            for sql in statements:
                conn.execute(sql)
        finally:
            conn.execute(f"PRAGMA temp_store = {int(temp_store)}")

    def next_id(self, conn: sqlite3.Connection, table: str) -> int:
        """Past the largest id in use and AUTOINCREMENT's sequence (its deleted ids)."""
        row = conn.execute(
            f'SELECT max(coalesce((SELECT max(id) FROM "{table}"), 0),'
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0))",
            (table,)).fetchone()
        return int(row[0]) + 1

    def claim_ids(self, conn: sqlite3.Connection, table: str, highest: int) -> None:
        """AUTOINCREMENT's sequence raised to ``highest`` (an insert raises it to its id)."""
        if not schema.table_def(table).ids_never_reused or highest <= 0:
            return
        conn.execute("INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS"
                     " (SELECT 1 FROM sqlite_sequence WHERE name = ?)", (table, highest, table))
        conn.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = ? AND seq < ?",
                     (highest, table, highest))

    def insert(self, conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
        """INSERT one row; its id is the connection's last row id."""
        marks = ", ".join("?" * len(values))
        cursor = conn.execute(f'INSERT INTO "{table}" ({", ".join(values)}) VALUES ({marks})',
                              tuple(values.values()))
        return int(cursor.lastrowid or 0)

    def insert_many(self, conn: sqlite3.Connection, table: str, columns: Sequence[str],
                    rows: list[tuple[Any, ...]]) -> None:
        """executemany: SQLite has no faster way in."""
        marks = ", ".join("?" * len(columns))
        conn.executemany(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({marks})', rows)

    def insert_at_once(self, conn: sqlite3.Connection, table: str, columns: Sequence[str],
                       values: Sequence[Sequence[Any]]) -> None:
        """The rows AT_ONCE_ROWS at a time in an INSERT ... VALUES, their values bound, then
        REST_AT_ONCE_ROWS at a time, and the rest as one JSON array read back by json_each.
        The driver lets go of the GIL for a whole statement (executemany takes it back at
        every row). Binding costs a third of JSON and its parsing; but the driver keeps each
        statement text prepared, and one of every size a batch can have took 65 MB more in a
        100,000-row commit: so two sizes a table's columns (the writer's batches have the
        first, or a whole share of it where the engine binds fewer values a statement)."""
        width = len(columns)
        shares = -(-AT_ONCE_ROWS * width // conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
        size = AT_ONCE_ROWS // shares
        whole = self._bound(conn, table, columns, values, size, 0)
        whole = self._bound(conn, table, columns, values, min(size, REST_AT_ONCE_ROWS), whole)
        rows = list(zip(*(column[whole:] for column in values), strict=True))
        if rows:
            read = ", ".join(f"j.value ->> {i}" for i in range(width))
            conn.execute(f'INSERT INTO "{table}" ({", ".join(columns)})'
                         f" SELECT {read} FROM json_each(?) AS j ORDER BY j.key",
                         (json.dumps(rows, ensure_ascii=False, check_circular=False),))

    def _bound(self, conn: sqlite3.Connection, table: str, columns: Sequence[str],
               values: Sequence[Sequence[Any]], size: int, start: int) -> int:
        """The rows from ``start`` on inserted ``size`` at a time, as many as fill whole
        statements; where the rows left begin. The values to bind are laid out a column at
        a time (slices in C), never as a tuple per row."""
        width = len(columns)
        stop = start + (len(values[0]) - start) // size * size
        if stop > start:
            sql = self._values_insert(table, tuple(columns), size)
            bound: list[Any] = [None] * (size * width)
            for first in range(start, stop, size):
                for i, column in enumerate(values):
                    bound[i::width] = column[first:first + size]
                conn.execute(sql, bound)
        return stop

    @staticmethod
    @lru_cache(maxsize=32)
    def _values_insert(table: str, columns: tuple[str, ...], count: int) -> str:
        """The INSERT of ``count`` rows (made once: some 40 KB of text a batch)."""
        row = f"({', '.join('?' * len(columns))})"
        return f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES {", ".join([row] * count)}'

    def log_created(self, conn: sqlite3.Connection, table: str, columns: Sequence[str],
                    rows: list[tuple[Any, ...]]) -> None:
        """SQLite's json_object builds each record's JSON: several times faster than Python's
        json for a bulk insert."""
        pairs = ", ".join(f"'{c}', ?" for c in columns)
        conn.executemany(
            "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, after)"
            f" VALUES (?, ?, '{table}', 'create', ?, json_object({pairs}))", rows)

    def log_inserted(self, conn: sqlite3.Connection, table: str, columns: Sequence[str],
                     run_id: int, seqs: Sequence[int], first_id: int) -> None:
        """One INSERT ... SELECT json_object over the rows: a quarter of binding every value
        again; the seqs go in as one JSON array, or as an offset from the ids when they
        follow each other (the rows then read in the table's order, nothing to sort)."""
        pairs = ", ".join(f"'{c}', t.\"{c}\"" for c in columns)
        if type(seqs) is range:
            conn.execute(
                "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, after)"
                f" SELECT ?, ? + t.id, '{table}', 'create', t.id, json_object({pairs})"
                f' FROM "{table}" AS t WHERE t.id BETWEEN ? AND ? ORDER BY t.id',
                (run_id, seqs.start - first_id, first_id, first_id + len(seqs) - 1))
            return
        conn.execute(
            "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, after)"
            f" SELECT ?, j.value, '{table}', 'create', t.id, json_object({pairs})"
            f' FROM json_each(?) AS j JOIN "{table}" AS t ON t.id = ? + j.key ORDER BY j.key',
            (run_id, f"[{','.join(map(str, seqs))}]", first_id))

    def contains(self, columns: Sequence[str], needle: str) -> tuple[str, tuple[Any, ...]]:
        """As ``sort_text`` reads both: LIKE for an ASCII needle (it folds ASCII case only,
        and is fast), ia_contains for the texts beyond ASCII, or for any other needle."""
        folded = sort_text(needle) or ""
        if not folded.isascii():
            return " OR ".join(f"ia_contains({c}, ?)" for c in columns), (folded,) * len(columns)
        pattern = like_pattern(folded)
        return (" OR ".join(f"({c} LIKE ? ESCAPE '\\' OR ({c} GLOB ? AND ia_contains({c}, ?)))"
                            for c in columns), (pattern, NOT_ASCII_GLOB, folded) * len(columns))

    def sort_text(self, expression: str) -> str:
        """The rule in Python: SQLite's lower() folds ASCII letters only."""
        return f"ia_sort_text({expression})"

    def fault(self, exc: BaseException, where: StoreLocation | None = None) -> Fault:
        """SQLite's (extended) result code, or its message where the code is not given; a
        growth refused is a full disk under a file-size limit or on a disk without room."""
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc)
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in _BUSY or "locked" in text:
            return Fault(Failure.LOCKED, text)
        if primary == _FULL or "disk is full" in text:
            return Fault(Failure.DISK_FULL, text)
        if code in _GROWTH_REFUSED and (file_size_limited() or no_room_beside(where)):
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


@contextmanager
def _without_postgres_driver() -> Iterator[None]:
    """peewee, when first imported meanwhile, goes without psycopg.

    peewee imports every database driver it finds as it is imported, and psycopg was most
    of a new SQLite store's creation (0.11 of 0.15 s). A PostgreSQL store imports psycopg
    itself and hands peewee what it needs of it (``models.BorrowedPostgres``).
    """
    hidden = "psycopg" not in sys.modules and "peewee" not in sys.modules
    if hidden:
        sys.modules["psycopg"] = None  # type: ignore[assignment]  # "import psycopg" fails at once
    try:
        yield
    finally:
        if hidden and sys.modules.get("psycopg", False) is None:
            del sys.modules["psycopg"]


def file_size_limited() -> bool:
    """True when this process may not write files past some size (``ulimit -f``)."""
    try:
        import resource
    except ImportError:  # not a POSIX system
        return False
    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def no_room_beside(where: StoreLocation | None) -> bool:
    """True when the disk holding the store file ``where`` has less than ROOM_NEEDED free
    (for this user); False for a server's store, or a disk that cannot be asked."""
    if not isinstance(where, Path):
        return False
    try:
        return shutil.disk_usage(resolved(where).parent).free < ROOM_NEEDED
    except OSError:
        return False


def _constraint_fault(text: str) -> Fault:
    """A refused change: "UNIQUE constraint failed: teacher.login", a foreign key, or other."""
    if text.startswith("UNIQUE constraint failed: "):
        table, _, column = text.split(": ", 1)[1].split(",")[0].partition(".")
        return Fault(Failure.UNIQUE, text, table, column)
    if "FOREIGN KEY" in text:
        return Fault(Failure.REFERENCE, text)
    return Fault(Failure.REFUSED, text)


SQLITE = SqliteDialect()
