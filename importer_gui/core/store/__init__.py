"""The store: records and runs in one SQLite file or one PostgreSQL database; bulk loads,
one-transaction commits, one writer at a time.

- the tables are ``core/schema.py``'s, said once;
- ``location.py``: where a store is (a path, or a PostgreSQL URL and its password);
- ``dialect.py``: the small interface each engine implements, and SQLite's (the file's
  identity, ids, error codes); ``postgres.py``: PostgreSQL's;
- ``models.py``: peewee models made from the schema, whose DDL creates a new store's tables;
  ``migrations.py``: what a store of an older schema version gets added, in place;
- ``queries.py``: the planner's loads, the browser's pages and searches, the history;
- ``writer.py``: the bulk writer behind ``Store.apply`` (one run, one transaction);
- ``runs.py``: a run as values; ``copy.py``: a whole store copied into an empty one.

``Store`` holds one connection, shared in turn by the window's thread and its worker, and
turns every engine error into one ``StoreError`` sentence.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from collections.abc import Set as AbstractSet
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importer_gui.core import interrupts, schema
from importer_gui.core.catalogue.columns import field_named, record_kind
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    StoreChangedError,
    StoreError,
    StoreGoneError,
    StoreLockedError,
    StoreReplacedError,
    system_reason,
)
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, Record, StoreState
from importer_gui.core.schema import Table
from importer_gui.core.store.dialect import (
    SQLITE,
    Connection,
    Dialect,
    Failure,
    Fault,
    write_locked,
)
from importer_gui.core.store.holders import broken_reference, taken
from importer_gui.core.store.journals import foreign_journal
from importer_gui.core.store.location import PostgresUrl, StoreLocation, parse_location
from importer_gui.core.store.queries import ISO_FORMS, DateForms, Order, Queries
from importer_gui.core.store.runs import (
    REVERT_KIND,
    RUN_KINDS,
    DamagedRunError,
    RunChangeRow,
    RunInfo,
    RunSummary,
)
from importer_gui.core.store.writer import AsRead, write_run

if TYPE_CHECKING:
    from importer_gui.core.store.copy import SourceFailed

# The store's errors, in English; the window shows them in the user's language.
DOES_NOT_EXIST = QT_TRANSLATE_NOOP("errors", "The store {path} does not exist.")
# A store the window opened before, gone since (see Store.reopen): the window's words.
GONE = QT_TRANSLATE_NOOP("errors", "The store {path} is no longer there: it was moved or "
                                   "deleted since it was opened. File ▸ Open store… opens it "
                                   "where it is now, or another.")
# A store the window opened before, another store in its place since (another identity: see
# Store.reopen): the window's words.
REPLACED = QT_TRANSLATE_NOOP("errors", "The store {path} is not the one the window had open: "
                                       "another store was put in its place. Nothing was done "
                                       "in it; the window now shows the store that is there "
                                       "(check again before committing).")
# Any other failure of the engine, by what was being done.
FAILED_DOING = {
    "opened": QT_TRANSLATE_NOOP("errors", "The store {path} could not be opened: {detail}."),
    "read": QT_TRANSLATE_NOOP("errors", "The store {path} could not be read: {detail}."),
    "written": QT_TRANSLATE_NOOP("errors", "The store {path} could not be written: {detail}."),
}
# A store's file there with nothing in it: most likely a store lost (a failed copy, a sync
# tool), whose history a new store made in its place would quietly start again.
EMPTY_FILE = QT_TRANSLATE_NOOP("errors", "{path} is empty (0 bytes): it holds no store, and "
                                         "nothing was written to it. If it held your runs, "
                                         "put it back from a copy; to start a new store "
                                         "there, delete the empty file first.")
# A store file another command is making: created empty (cli.command's _make_new), given
# its header by the engine a moment later. Such a file is waited for while it is this young
# (seconds since it was last written, either way: a shared folder's clock may differ) or
# while its maker holds its SQLite lock; an empty file nobody makes is a store lost.
MAKING = 5.0
MAKING_STEP = 0.05  # seconds between two looks at a store file being made
# What an opening says while it waits for that (a step of the work, as WAITING is).
WAITING_MADE = "Waiting for another program to finish making the store {path}"
NOT_A_STORE = QT_TRANSLATE_NOOP("errors", "{path} is not an Import Assistant store.")
# A SQLite database there with nothing in it (a header, no tables), where no store may be
# made: said as what it is, not as a store that is not there.
EMPTY_DATABASE = QT_TRANSLATE_NOOP("errors", "{path} is an empty database, not an Import "
                                             "Assistant store: it holds no tables, and "
                                             "nothing was written to it.")
# Another database's journal found beside a store file ({side}: its name), which SQLite would
# merge into the store as it opened it, making the store that other database: refused
# before, nothing changed, and what the user does about it.
FOREIGN_JOURNAL = QT_TRANSLATE_NOOP("errors", "The store {path} was not opened: {side} beside "
                                              "it is another database's journal, which SQLite "
                                              "would merge into the store, replacing it. "
                                              "Nothing was changed; move {side} out of this "
                                              "folder, then open the store again.")
NEWER_VERSION = QT_TRANSLATE_NOOP("errors", "The store {path} was written by a newer version of "
                                            "Import Assistant; please update the program.")
UNKNOWN_VERSION = QT_TRANSLATE_NOOP("errors", "The store {path} has an unknown schema version "
                                              "{version}.")
CLOSED = QT_TRANSLATE_NOOP("errors", "The store {path} is closed.")
UNREADABLE_IN_RUN = QT_TRANSLATE_NOOP("errors", "The store {path} holds a value it cannot read "
                                                "in run {run} ({detail}).")
UNREADABLE = QT_TRANSLATE_NOOP("errors", "The store {path} holds a value it cannot read "
                                         "({detail}).")
LOCKED = QT_TRANSLATE_NOOP("errors", "The store {path} is locked by another program; try again "
                                     "when it has finished.")
# The same where the engine tells who holds the lock ({who}: a user, or a role of the
# server), from where ({where}: a machine, or an address), since when ({since}: a time).
LOCKED_BY_FROM = QT_TRANSLATE_NOOP("errors", "The store {path} is being written by {who} on "
                                             "{where} since {since}; try again when it has "
                                             "finished.")
LOCKED_BY = QT_TRANSLATE_NOOP("errors", "The store {path} is being written by {who} since "
                                        "{since}; try again when it has finished.")
# What a write says while another writer holds the store's lock, as LOCKED_BY_FROM,
# LOCKED_BY and LOCKED name that writer: a step of the work (the window words it itself,
# ui/widgets/progress.py).
WAITING_FOR_FROM = "Waiting for {who} on {where} to finish writing to the store (since {since})"
WAITING_FOR = "Waiting for {who} to finish writing to the store (since {since})"
WAITING = "Waiting for another program to finish writing to the store"
DISK_FULL = QT_TRANSLATE_NOOP("errors", "The disk is full, or the store would grow larger than "
                                        "this system allows a file to be: nothing was written "
                                        "to {path}.")
# The same where a store file was being opened (or made): the disk to make room on.
DISK_FULL_OPENING = QT_TRANSLATE_NOOP("errors", "The disk holding {folder} is full, or the store "
                                                "would grow larger than this system allows a "
                                                "file to be: the store {path} could not be "
                                                "opened, and nothing was written to it.")
DAMAGED = QT_TRANSLATE_NOOP("errors", "The store {path} is damaged ({detail}).")
READ_ONLY = QT_TRANSLATE_NOOP("errors", "The store {path} is read-only: nothing was written.")
# A store older than schema.READ_AS_IT_IS that cannot be upgraded where it is, even to be
# read: what is true of it, and what lets it be read (``store copy`` too: it reads its source
# as it is, see Store.open_as_it_is).
OLDER_READ_ONLY = QT_TRANSLATE_NOOP("errors", "The store {path} was written by an older version "
                                              "of Import Assistant: it must be upgraded once "
                                              "before it can be read, and it cannot be upgraded "
                                              "where it is (read-only). Copy the file somewhere "
                                              "it can be written and open the copy, or open it "
                                              "once where it can be written.")
OLDER_READ_ONLY_ROLE = QT_TRANSLATE_NOOP("errors", "The store {path} was written by an older "
                                                   "version of Import Assistant: it must be "
                                                   "upgraded once before it can be read, and "
                                                   "this user may only read it. Have it opened "
                                                   "once by a user who may write to it.")
UNIQUE = QT_TRANSLATE_NOOP("errors", "Nothing was written to {path}: another {kind} already has "
                                     "this {field} ({detail}).")
REFERENCE = QT_TRANSLATE_NOOP("errors", "Nothing was written to {path}: a change would leave a "
                                        "record referring to one that does not exist "
                                        "({detail}).")
# A copy whose target refused a reference: the copy writes what its source holds, so the
# source ({path}) is the one holding a reference that leads nowhere.
UNFOLLOWED = QT_TRANSLATE_NOOP("errors", "The store {path} holds a reference it cannot follow "
                                         "({detail}): nothing was written to {target}.")
# The same, naming the reference the source's own check finds first (holders.broken_reference):
# the engines' words name no record, or name neither store.
UNFOLLOWED_AT = QT_TRANSLATE_NOOP("errors", "The store {path} holds a reference it cannot "
                                            "follow: {subject} refers by its {field} to {kind} "
                                            "{ref}, which the store does not hold; nothing was "
                                            "written to {target}.")
# A reference the check (or a revert's plan) found whole, broken at the write: by a change
# another program made in between.
REFERENCE_SINCE_CHECK = QT_TRANSLATE_NOOP("errors", "Nothing was written to {path}: the store "
                                                    "changed since the check, and a change "
                                                    "would leave a record referring to one "
                                                    "that does not exist ({detail}); check "
                                                    "again.")
REFERENCE_SINCE_PLAN = QT_TRANSLATE_NOOP("errors", "Nothing was written to {path}: the store "
                                                   "changed since the revert was planned, and a "
                                                   "change would leave a record referring to "
                                                   "one that does not exist ({detail}); try the "
                                                   "revert again.")
REFUSED = QT_TRANSLATE_NOOP("errors", "Nothing was written to {path}: the store refused a change "
                                      "({detail}).")
PASSWORD = QT_TRANSLATE_NOOP("errors", "The store {path} wants a password ({detail}); give it in "
                                       "~/.pgpass or PGPASSWORD, or type it when asked.")
WRONG_PASSWORD = QT_TRANSLATE_NOOP("errors", "The store {path} refused the password given "
                                             "({detail}); correct it in ~/.pgpass, PGPASSWORD "
                                             "or the URL, or type it again when asked.")
NO_SUCH_USER = QT_TRANSLATE_NOOP("errors", "The server of the store {path} knows no such user "
                                           "({detail}); correct the user name in the URL, or "
                                           "ask its administrator to create that user.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("errors", "The server of the store {path} does not let this user "
                                          "connect to this database from this computer "
                                          "({detail}); ask its administrator to let this user "
                                          "in, or check the user and database in the URL.")
# A copy's source whose role may read its tables and not their id sequences (the copy carries
# each table's highest id ever given): what could not be read, and what to grant.
SEQUENCES_UNREADABLE = QT_TRANSLATE_NOOP("errors", "The store {path} could not be read: this "
                                                   "user may read its tables but not their id "
                                                   "sequences ({detail}), which a copy reads "
                                                   "so that it never gives a deleted record's "
                                                   "id again. Nothing was copied; ask the "
                                                   "store's administrator to grant this user "
                                                   "SELECT on its sequences too.")
NOT_EMPTY = QT_TRANSLATE_NOOP("errors", "The store {path} is not empty: nothing was copied (a "
                                        "copy goes into a new or empty store).")
UNKNOWN_RUN_KIND = QT_TRANSLATE_NOOP("errors", "Unknown run kind {kind}: nothing was written.")
NO_FOLDER = QT_TRANSLATE_NOOP("errors", "Cannot create the folder {folder} for the store: "
                                        "{reason}.")
A_FOLDER = QT_TRANSLATE_NOOP("errors", "{path} is a folder, not a store: name a store file "
                                       "(such as store.sqlite3) inside it.")
NOT_REGULAR = QT_TRANSLATE_NOOP("errors", "{path} is a pipe or a device, not a store.")
FOLDER_READ_ONLY = QT_TRANSLATE_NOOP("errors", "Cannot create the store {path}: the folder "
                                               "{folder} cannot be written to.")

__all__ = ["ISO_FORMS", "DateForms", "Order", "PostgresUrl", "RunChangeRow", "RunInfo",
           "RunSummary", "Store", "StoreLocation", "parse_location", "refuse_not_a_file"]

# The system's errno for a disk full, a file past its size limit, a quota used up.
NO_ROOM = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})

PASSWORD_TRIES = 3  # a password asked for again after a wrong one


def dialect_for(location: StoreLocation) -> Dialect:
    """The engine of a store."""
    if isinstance(location, PostgresUrl):
        from importer_gui.core.store.postgres import POSTGRES  # psycopg: only when asked

        return POSTGRES
    return SQLITE


class Store:
    """The store of teachers, trainings, sessions, rooms, interventions, entities, learners,
    learning objects, registrations, tracking, and runs."""

    def __init__(self, location: StoreLocation, dialect: Dialect = SQLITE) -> None:
        """An unopened store; use ``Store.open``."""
        self.path = location  # a file, or a PostgreSQL URL: what messages name
        self._dialect = dialect
        self._queries = Queries(dialect)
        self._connection: Connection | None = None
        self._identity: str | None = None  # read when opened
        self._version = schema.SCHEMA_VERSION  # the schema it is read as; older as it is
        self._busy_timeout = 10.0  # given when opened: a connection made again waits as long
        # One connection shared by the GUI thread and the worker; calls take turns.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, location: StoreLocation | str, *, busy_timeout: float = 10.0,
             create: bool = True, empty_file: bool = False,
             monitor: Monitor | None = None) -> Store:
        """Open the store at ``location``: created (with its folder) when new and ``create``
        says so, upgraded in place when an older version wrote it.

        A SQLite file there that is empty is refused (EMPTY_FILE), unless ``empty_file``
        says it is this store's to be made in: the caller has just made it (or seen another
        command make it a moment ago), or was told to copy a store there. One that another
        program is making is waited for (said to ``monitor``), then opened.

        Another program writing to it is waited for ``busy_timeout`` seconds.
        """
        return cls._open(location, busy_timeout, create, DOES_NOT_EXIST,
                         empty_file=empty_file, monitor=monitor)

    @classmethod
    def open_as_it_is(cls, location: StoreLocation | str, *,
                      busy_timeout: float = 10.0) -> Store:
        """Open a store that must exist only to read it whole (a copy's source): one of an
        older version is read as that version wrote it, never upgraded nor otherwise
        written, so that a backup on a read-only medium is copied and left as it was."""
        return cls._open(location, busy_timeout, False, DOES_NOT_EXIST, as_it_is=True)

    @classmethod
    def reopen(cls, location: StoreLocation | str, *, busy_timeout: float = 10.0,
               identity: str | None = None, monitor: Monitor | None = None) -> Store:
        """Open again a store that was there: where it is gone (moved, deleted by another
        program) that is said (GONE) and nothing is made in its place, since SQLite would
        make an empty file and the work would go on in it, every record new. Given the
        ``identity`` it had, a store of another identity there (copied over it, say) is said
        (REPLACED, StoreReplacedError) and closed: nothing is to be done in it on the
        strength of what was read from the other. One another program is making is waited
        for, as ``open`` waits for it (said to ``monitor``)."""
        store = cls._open(location, busy_timeout, False, GONE, monitor=monitor)
        if identity is not None and store.identity != identity:
            store.close()
            raise StoreReplacedError(REPLACED.format(path=store.path), store.identity)
        return store

    @classmethod
    def _open(cls, location: StoreLocation | str, busy_timeout: float, create: bool,
              missing: str, *, as_it_is: bool = False, empty_file: bool = False,
              monitor: Monitor | None = None) -> Store:
        """Open (see ``open``); ``missing`` says a store not there when not ``create``;
        ``as_it_is``: see ``open_as_it_is``."""
        try:
            location = parse_location(location)
        except ValueError as exc:  # location.py's message, exactly: its template translates it
            raise StoreError(str(exc)) from exc
        if isinstance(location, Path):
            _folder_ready(location, create, missing)
            _readable(location)
            if not empty_file:
                _refuse_empty(location, busy_timeout, monitor or Monitor())
            _refuse_foreign_journal(location, busy_timeout)
        store = cls(location, dialect_for(location))
        store._busy_timeout = busy_timeout
        try:
            with store._guard("opened"):
                store._connection = store._connect(busy_timeout, create)
                try:
                    if store._prepare(create, missing, as_it_is):
                        store._identity = store._read_identity()
                except BaseException:
                    store.close()
                    raise
        except StoreError:
            if isinstance(location, Path) and not create and not location.exists():
                raise _not_there(missing, location) from None  # gone meanwhile
            raise
        return store

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> Store:
        """The store itself; closed on leaving the block."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the store."""
        self.close()

    def _connect(self, busy_timeout: float, create: bool) -> Connection:
        """A connection; a password asked for (when the location can ask) while refused."""
        location = self.path
        for _attempt in range(PASSWORD_TRIES):
            try:
                return self._dialect.connect(location, busy_timeout, create=create)
            except self._dialect.errors as exc:
                asked = self._password(location, exc)
                if asked is None:
                    raise
                self.path = location = asked
        return self._dialect.connect(location, busy_timeout, create=create)

    def _password(self, location: StoreLocation, exc: BaseException) -> PostgresUrl | None:
        """The location with a password typed by the user, when the server wants one or
        refused the one given."""
        if not isinstance(location, PostgresUrl) or location.ask is None \
                or self._dialect.fault(exc).failure not in (Failure.PASSWORD,
                                                            Failure.WRONG_PASSWORD):
            return None
        password = location.ask(location)
        return None if password is None else location.with_password(password)

    def _prepare(self, create: bool, missing: str, as_it_is: bool = False) -> bool:
        """Check it is one of our stores (or empty); create or upgrade its schema if needed
        (an empty one not to be created is ``missing``; an older one read ``as_it_is`` is
        left so). False for a store read as an older version wrote it, which nobody here
        may upgrade (see schema.READ_AS_IT_IS) or which is read ``as_it_is``."""
        conn = self._conn()
        identity = self._dialect.identity(conn)
        if identity.new:
            if not create:
                raise _not_there(missing, self.path, EMPTY_DATABASE if isinstance(
                    self.path, Path) else None)
            self._dialect.create(conn, schema.TABLES, schema.SCHEMA_VERSION)
            return True
        if not identity.ours:
            raise StoreError(NOT_A_STORE.format(path=self.path))
        if identity.version > schema.SCHEMA_VERSION:
            raise StoreError(NEWER_VERSION.format(path=self.path))
        if identity.version < schema.FIRST_SCHEMA_VERSION:
            raise StoreError(UNKNOWN_VERSION.format(path=self.path, version=identity.version))
        if as_it_is:  # nothing written: not even the grants an upgrade's tables are given
            self._version = identity.version
            return identity.version >= schema.IDENTITY_SINCE  # older: no identity yet
        if identity.version < schema.SCHEMA_VERSION:
            try:
                self._dialect.upgrade(conn, schema.SCHEMA_VERSION)
            except self._dialect.errors as exc:
                if self._dialect.fault(exc).failure is not Failure.READ_ONLY:
                    raise
                if identity.version < schema.READ_AS_IT_IS:
                    raise StoreError(self._older_read_only()) from exc
                self._version = identity.version
                # Checked and browsed as it is, with the identity it has.
                return identity.version >= schema.IDENTITY_SINCE
        self._dialect.share_grants(conn)
        return True

    def _older_read_only(self) -> str:
        """Why a store too old to be read as it is cannot be read where it is."""
        template = OLDER_READ_ONLY_ROLE if isinstance(self.path, PostgresUrl) \
            else OLDER_READ_ONLY
        return template.format(path=self.path)

    def _read_identity(self) -> str | None:
        """The store's identity; None where this connection may not read it (a role granted
        the tables that were there before the identity's)."""
        try:
            return self._queries.identity(self._conn())
        except self._dialect.errors as exc:
            if self._dialect.fault(exc).failure is not Failure.READ_ONLY:
                raise
            return None

    @property
    def identity(self) -> str | None:
        """The store's GUID, made with it (a copy gets its own), read when it was opened;
        None for a store that has lost it."""
        return self._identity

    # ------------------------------------------------------------ plumbing

    def _conn(self) -> Connection:
        """The open connection; made again when the server ended it (restarted, or an
        administrator ended the session): the window keeps its store, rather than failing
        every use of it until it is opened again."""
        if self._connection is None:
            raise StoreError(CLOSED.format(path=self.path))
        if self._dialect.lost(self._connection):
            self._connect_again()
        return self._connection

    def _connect_again(self) -> None:
        """A new connection in place of the lost one, to this store only: another store
        found there (another identity) is said (REPLACED) and nothing is done in it."""
        conn = self._dialect.connect(self.path, self._busy_timeout, create=False)
        try:
            found = self._queries.identity(conn) if self._identity is not None else None
        except BaseException:
            conn.close()
            raise
        if found != self._identity:
            conn.close()
            raise StoreReplacedError(REPLACED.format(path=self.path), found)
        lost, self._connection = self._connection, conn
        if lost is not None:
            with suppress(*self._dialect.errors):  # ended already: nothing to give back
                lost.close()

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """Hold the lock; turn the engine's failures into StoreError."""
        with self._lock:
            try:
                yield
            except self._dialect.errors as exc:
                fault = self._dialect.fault(exc, self.path)
                if fault.failure is Failure.LOCKED:
                    raise StoreLockedError(self._locked(fault, doing)) from exc
                raise StoreError(self._message(fault, doing)) from exc
            except DamagedRunError as exc:  # a run's history that cannot be read back
                raise StoreError(UNREADABLE_IN_RUN.format(
                    path=self.path, run=exc.run_id, detail=exc.reason)) from exc
            except ValueError as exc:  # stored text that is not a date, a JSON, a table
                raise StoreError(UNREADABLE.format(path=self.path, detail=exc)) from exc
            except OSError as exc:  # a file of ours the system would not let grow
                if exc.errno not in NO_ROOM:
                    raise
                raise StoreError(self._disk_full(doing)) from exc

    def _disk_full(self, doing: str) -> str:
        """No room for the store: while opening a file, the folder whose disk is full named."""
        if doing == "opened" and isinstance(self.path, Path):
            return DISK_FULL_OPENING.format(path=self.path, folder=self.path.absolute().parent)
        return DISK_FULL.format(path=self.path)

    def _locked(self, fault: Fault, doing: str) -> str:
        """A lock waited for in vain: who holds it and since when, where the engine tells."""
        return self._writer_named(LOCKED_BY_FROM, LOCKED_BY) or self._message(fault, doing)

    def _writer_named(self, by_from: str, by: str) -> str | None:
        """``by_from`` (who, where, since) or ``by`` (who, since) naming the writer holding
        the store's lock; None where the engine does not tell."""
        holder = None
        if self._connection is not None:
            with suppress(*self._dialect.errors):
                holder = self._dialect.writer(self._connection)
        if holder is None:
            return None
        who, where, since = holder
        return (by_from if where else by).format(
            path=self.path, who=who, where=where, since=since.astimezone().strftime("%H:%M:%S"))

    @contextmanager
    def _transaction(self, conn: Connection, monitor: Monitor) -> Iterator[None]:
        """The dialect's write transaction. While another writer holds the lock: who it
        waits for, said once, and a cancel heard (rolled back, nothing written); once the
        lock is taken after such a wait, that the wait is over."""
        said = False

        def waiting() -> None:
            nonlocal said
            monitor.check_cancelled()
            if not said:
                said = True
                monitor.waiting(self._writer_named(WAITING_FOR_FROM, WAITING_FOR) or WAITING)

        with self._dialect.transaction(conn, waiting):
            if said:
                monitor.waited()
            yield

    def _message(self, fault: Fault, doing: str) -> str:
        """The user's sentence for a failure of the engine."""
        path, text = self.path, fault.text
        if fault.failure is Failure.DISK_FULL:
            return self._disk_full(doing)
        if fault.failure is Failure.NOT_A_STORE:
            return NOT_A_STORE.format(path=path)
        template = {
            Failure.LOCKED: LOCKED,
            Failure.DAMAGED: DAMAGED,
            Failure.READ_ONLY: READ_ONLY,
            Failure.UNIQUE: UNIQUE,
            Failure.REFERENCE: REFERENCE,
            Failure.REFUSED: REFUSED,
            Failure.PASSWORD: PASSWORD,
            Failure.WRONG_PASSWORD: WRONG_PASSWORD,
            Failure.NO_SUCH_USER: NO_SUCH_USER,
            Failure.NOT_ALLOWED: NOT_ALLOWED,
        }.get(fault.failure)
        if template is None:
            template = FAILED_DOING[doing]
        return template.format(path=path, detail=text, kind=record_kind(fault.table),
                               field=field_named(fault.table, fault.column))

    # ------------------------------------------------------------ reading

    def load_state(self, tables: Iterable[Table] | None = None, *,
                   as_columns: AbstractSet[Table] = frozenset(),
                   created_of: AbstractSet[Table] | None = None) -> StoreState:
        """The records of the tables asked for (all by default), and which of those of
        ``created_of`` (all) an import created: one state of the store, read in one read
        transaction (another program's commit made while the tables are read one after
        the other shows in none of them). The tables of ``as_columns`` are held as
        columns, their records made when first asked for."""
        wanted = list(Table) if tables is None else list(tables)
        with self._guard("read"):
            conn = self._conn()
            with nullcontext() if conn.in_transaction else self._dialect.snapshot(conn):
                return self._queries.load_state(conn, wanted, as_columns, created_of,
                                                self._version)

    def get(self, table: Table, record_id: int) -> Record | None:
        """One record by id, or None."""
        with self._guard("read"):
            return self._queries.get(self._conn(), table, record_id)

    def count(self, table: Table, search: str = "", *, dates: DateForms = ISO_FORMS) -> int:
        """How many records of a table match ``search`` (all when empty): its text columns,
        the names of the records it refers to, its dates as ``dates`` writes them."""
        with self._guard("read"):
            return self._queries.count(self._conn(), table, search, dates)

    def page(self, table: Table, search: str = "", offset: int = 0, limit: int = 200, *,
             order: Order | None = None, dates: DateForms = ISO_FORMS) -> list[Record]:
        """Records matching ``search`` (as ``count``), in ``order`` (by id when None), from
        ``offset`` on, at most ``limit``."""
        with self._guard("read"):
            return self._queries.page(self._conn(), table, search, offset, limit, order, dates)

    def ids(self, table: Table, search: str = "", *, order: Order | None = None,
            dates: DateForms = ISO_FORMS) -> list[int]:
        """The ids of the records ``page`` would give, all of them, in its order."""
        with self._guard("read"):
            return self._queries.ids(self._conn(), table, search, order, dates)

    def history(self) -> list[RunSummary]:
        """Every run, newest first."""
        with self._guard("read"):
            return self._queries.history(self._conn())

    def newer_runs(self, than: int) -> list[RunSummary] | None:
        """The runs made after run ``than``, newest first, not yet marked reverted (see
        ``runs.mark_reverts``); None when the store's history went back (put back from a
        copy): read it whole again."""
        with self._guard("read"):
            return self._queries.newer_runs(self._conn(), than)

    def run_config(self, run_id: int) -> str | None:
        """The configuration a run recorded, as text (None when it recorded none: a revert);
        StoreError when the store holds no such run."""
        with self._guard("read"):
            return self._queries.run_config(self._conn(), run_id, self.path)

    def run_changes(self, run_id: int) -> list[RunChangeRow]:
        """What a run did, in the order it did it."""
        with self._guard("read"):
            return self._queries.run_changes(self._conn(), run_id, self.path)

    def run_changes_stream(self, run_id: int) -> Iterator[RunChangeRow]:
        """What a run did, in order, without holding all of it (read a batch at a time)."""
        # The lock is held while a batch is read, never across a yield: a stream left
        # half-read (a cancelled preview) is often finalised on another thread than the one
        # that read it, which could not release a lock that thread holds, and meanwhile no
        # other thread could use the store.
        with self._guard("read"):
            batches = self._queries.run_change_batches(self._conn(), run_id, self.path)
        while True:
            with self._guard("read"):
                batch = next(batches, None)
            if batch is None:
                return
            yield from batch

    def by_ids(self, table: Table, ids: Iterable[int]) -> list[Record]:
        """The records of a table among ``ids`` (those missing are left out)."""
        with self._guard("read"):
            return list(self._queries.by_ids(self._conn(), table, ids))

    def labels(self, table: Table, ids: Iterable[int]) -> dict[int, Any]:
        """The label people name a record by, for the records of a table among ``ids``
        (those missing are left out; None: a record without one)."""
        with self._guard("read"):
            return dict(self._queries.labels(self._conn(), table, ids))

    def holders(self, table: Table, column: str, values: Iterable[Any]) -> list[tuple[Any, int]]:
        """The ids of the records whose ``column`` (text or integer) is one of ``values``,
        each with that value."""
        with self._guard("read"):
            return list(self._queries.holders(self._conn(), table, column, values))

    # ------------------------------------------------------------ writing

    def copy_into(self, target: Store, monitor: Monitor | None = None) -> dict[str, int]:
        """Copy every record and run, with their ids, into ``target``, which must be empty;
        the rows copied per table. One transaction: a failure leaves ``target`` empty. A
        store read as an older version wrote it is copied as an upgrade would make it."""
        from importer_gui.core.store.copy import SourceFailed, copy_tables, is_empty

        monitor = monitor or Monitor()
        try:
            with target._guard("written"), self._lock, self._unfollowed_said(target):
                src, dst = self._conn(), target._conn()
                with self._dialect.snapshot(src), target._dialect.write_journal(dst), \
                        interrupts.commit_under_way() as committing, \
                        target._transaction(dst, monitor):
                    # Under the transaction's writer lock: a copy that went in meanwhile is
                    # seen here, not run into halfway.
                    if not is_empty(dst):
                        raise StoreError(NOT_EMPTY.format(path=target.path))
                    copied = copy_tables((src, self._dialect), (dst, target._dialect),
                                         monitor, self._version)
                    committing()
                    return copied
        except SourceFailed as failed:
            refused = self._sequences_refused(failed)
            if refused is not None:
                raise StoreError(refused) from failed.cause
            with self._guard("read"):
                raise failed.cause from None

    @contextmanager
    def _unfollowed_said(self, target: Store) -> Iterator[None]:
        """A reference the target refuses in a copy, said of this store (UNFOLLOWED): the
        target was empty, and holds only what was copied from here."""
        try:
            yield
        except target._dialect.errors as exc:
            fault = target._dialect.fault(exc, target.path)
            if fault.failure is not Failure.REFERENCE:
                raise
            raise StoreError(self._unfollowed(fault, target)) from exc

    def _unfollowed(self, fault: Fault, target: Store) -> str:
        """A copy's reference refused, named as this store's check finds it (read after the
        copy failed: a copy that succeeds never pays for it); the engine's words when the
        check finds none or fails."""
        found = None
        with suppress(StoreError, *self._dialect.errors):  # a failed check names nothing
            found = broken_reference(self._conn(), self._dialect)
        if found is None:
            return UNFOLLOWED.format(path=self.path, detail=fault.text, target=target.path)
        return UNFOLLOWED_AT.format(path=self.path, target=target.path, **found)

    def _sequences_refused(self, failed: SourceFailed) -> str | None:
        """A copy's source whose role was refused its id sequences, said so (the engine
        calls it a lack of privilege, which elsewhere means a write refused); None for any
        other failure of the source."""
        from importer_gui.core.store.copy import SequenceFailed

        if not isinstance(failed, SequenceFailed) \
                or not isinstance(failed.cause, self._dialect.errors):
            return None
        fault = self._dialect.fault(failed.cause)
        if fault.failure is not Failure.READ_ONLY:
            return None
        return SEQUENCES_UNREADABLE.format(path=self.path, detail=fault.text)

    def take_away(self) -> bool:
        """Undo this opening's making of a store in an empty PostgreSQL database (the command
        that made it failed, or recorded nothing): its tables dropped while they hold no row
        and no other program is connected; True when dropped. A new SQLite file is its
        command's to remove (``cli.command``)."""
        with self._lock:
            return self._connection is not None and self._dialect.take_away(self._connection)

    def interrupt(self) -> None:
        """Stop the statement another thread runs on the store now, if any: it fails, and
        its transaction is rolled back (not taking the lock that thread holds)."""
        stop = getattr(self._connection, "interrupt", None)
        if stop is not None:
            stop()

    @property
    def writes_alongside(self) -> bool:
        """Whether a write may run in a thread beside the planning of what it writes."""
        return self._dialect.writes_alongside

    def apply(self, changes: Iterable[Change | Record], run: RunInfo, *,
              monitor: Monitor | None = None,
              wait_quiet: Callable[[], None] | None = None,
              as_read: Iterable[AsRead] = ()) -> int:
        """Write every change (a created record may come as itself) and the run in one
        transaction; return the run's id. ``wait_quiet``: the changes come from a planner
        running beside the write (see ``alongside.py``); ``as_read``: records the plan read
        and leaves alone, refused (StoreChangedError) when they changed since."""
        if run.kind not in RUN_KINDS:
            raise StoreError(UNKNOWN_RUN_KIND.format(kind=repr(run.kind)))
        expected = len(changes) if isinstance(changes, Sized) else 0
        monitor = monitor or Monitor()
        with self._guard("written"):
            conn = self._conn()
            try:
                with self._dialect.write_journal(conn), \
                        self._dialect.write_cache(conn, expected), \
                        self._dialect.references_unchecked(conn, expected) as unchecked, \
                        interrupts.commit_under_way() as committing, \
                        self._transaction(conn, monitor), \
                        self._dialect.synced_meanwhile(self.path, expected):
                    run_id = write_run(conn, self._dialect, self.path, changes, run,
                                       monitor, expected, wait_quiet, as_read,
                                       check_references=unchecked)
                    committing()
                    return run_id
            except self._dialect.errors as exc:
                said = self._refused_since(conn, changes, run, self._dialect.fault(exc))
                if said is None:
                    raise
                raise StoreChangedError(said) from exc

    def _refused_since(self, conn: Connection, changes: Iterable[Change | Record],
                       run: RunInfo, fault: Fault) -> str | None:
        """A write refused for what another program changed since its check (or its revert's
        plan): a unique value taken (said with who took it), a reference broken; None for
        any other refusal."""
        reverting = run.kind == REVERT_KIND
        said = taken(conn, self._dialect, changes, fault, self.path, reverting=reverting)
        if said is None and fault.failure is Failure.REFERENCE:
            template = REFERENCE_SINCE_PLAN if reverting else REFERENCE_SINCE_CHECK
            said = template.format(path=self.path, detail=fault.text)
        return said


def _not_there(missing: str, path: object, said: str | None = None) -> StoreError:
    """A store not there, said as ``missing`` (or as ``said``, what is there instead): one
    opened before is gone (StoreGoneError)."""
    return (StoreGoneError if missing == GONE else StoreError)(
        (said or missing).format(path=path))


def refuse_not_a_file(path: Path) -> None:
    """A folder, a pipe, a device or a loop of links given as the store, said as such, and
    one in a folder this user may not enter (see ``_unreadable``): the engine would say
    "disk I/O error", "unable to open database file", or that it does not exist. A name too
    long is the system's reason (OSError)."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # a new store, or one not there: said when it must be there
    except PermissionError as exc:
        raise _unreadable(path, exc) from None
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise StoreError(FAILED_DOING["opened"].format(path=path, detail=system_reason(exc))
                         ) from None
    if stat.S_ISDIR(mode):
        raise StoreError(A_FOLDER.format(path=path))
    if not stat.S_ISREG(mode):
        raise StoreError(NOT_REGULAR.format(path=path))


def _readable(path: Path) -> None:
    """A store file (a file, when there) the system will not let this user read, said
    with its reason (see ``_unreadable``)."""
    try:
        with path.open("rb"):
            pass
    except FileNotFoundError:
        return  # a new store, made by the engine
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> StoreError:
    """A store this user may not read (the file, or a folder on the way to it), said with
    the system's reason, by every command and the window alike: the engine says only
    "unable to open database file"."""
    return StoreError(FAILED_DOING["read"].format(path=path, detail=system_reason(exc)))


def _refuse_foreign_journal(path: Path, busy_timeout: float) -> None:
    """Another database's journal beside the store file, said (FOREIGN_JOURNAL) before
    SQLite would merge it into the store; the store's own journal is merged as it opens."""
    side = foreign_journal(path, busy_timeout)
    if side is not None:
        raise StoreError(FOREIGN_JOURNAL.format(path=path, side=side))


def _refuse_empty(path: Path, busy_timeout: float, monitor: Monitor) -> None:
    """A store file there that holds nothing, said (EMPTY_FILE) before anything is written:
    SQLite would take it for a new database, and the store be made again empty in it. One
    another program is making is waited for, as long as a writer's lock is (said LOCKED
    when not made by then), and a cancel heard meanwhile."""
    deadline = time.monotonic() + busy_timeout
    said = False
    while _empty(path):
        if not _being_made(path):
            raise StoreError(EMPTY_FILE.format(path=path))
        if time.monotonic() >= deadline:
            raise StoreLockedError(LOCKED.format(path=path))
        if not said:
            said = True
            monitor.waiting(WAITING_MADE.format(path=path))
        monitor.check_cancelled()
        time.sleep(MAKING_STEP)
    if said:
        monitor.waited()


def _empty(path: Path) -> bool:
    """Whether the file there holds nothing; not there: a new store, made by the engine (or
    one its maker took away again)."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return False


def _being_made(path: Path) -> bool:
    """Whether another program is making a store in the empty file ``path``: it was made
    a moment ago (see MAKING), or its SQLite write lock is held."""
    try:
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return False
    return abs(age) < MAKING or write_locked(path)


def _folder_ready(path: Path, create: bool, missing: str) -> None:
    """The store file's folder made when the store may be created; a missing store (said
    as ``missing``), a folder given as the store, and a new store in a folder nobody may
    write said (the engine would say only "unable to open database file")."""
    refuse_not_a_file(path)
    if not create:
        if not path.exists():
            raise _not_there(missing, path)
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(NO_FOLDER.format(folder=path.parent,
                                          reason=system_reason(exc))) from exc
    if not path.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(FOLDER_READ_ONLY.format(path=path, folder=path.parent))
