"""The local store: one SQLite file of records and runs, bulk loads, one-transaction commits.

- the tables are ``core/schema.py``'s, said once;
- ``dialect.py``: what is SQLite's own (the file's identity, ids, error codes), behind the
  small interface another engine would implement;
- ``models.py``: peewee models made from the schema, whose DDL creates a new store's tables;
- ``queries.py``: the planner's loads, the browser's pages and searches, the history;
- ``writer.py``: the bulk writer behind ``Store.apply`` (one run, one transaction);
- ``runs.py``: a run as values.

``Store`` holds one connection, shared in turn by the window's thread and its worker, and
turns every engine error into one ``StoreError`` sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from importer_gui.core import schema
from importer_gui.core.errors import StoreError
from importer_gui.core.progress import Monitor
from importer_gui.core.records import Change, Record, StoreState
from importer_gui.core.schema import Table
from importer_gui.core.store.dialect import SQLITE, Connection, Dialect, Failure, Fault
from importer_gui.core.store.queries import Queries
from importer_gui.core.store.runs import RUN_KINDS, RunChangeRow, RunInfo, RunSummary
from importer_gui.core.store.writer import write_run

__all__ = ["RunChangeRow", "RunInfo", "RunSummary", "Store"]


class Store:
    """The local store of teachers, trainings, sessions, rooms, interventions and runs."""

    def __init__(self, path: Path, dialect: Dialect = SQLITE) -> None:
        """An unopened store; use ``Store.open``."""
        self.path = path
        self._dialect = dialect
        self._queries = Queries(dialect)
        self._connection: Connection | None = None
        # One connection shared by the GUI thread and the worker; calls take turns.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, *, busy_timeout: float = 10.0) -> Store:
        """Open the store at ``path``, creating its folder and schema when new.

        Another program writing to it is waited for ``busy_timeout`` seconds.
        """
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder {path.parent} for the store: "
                             f"{exc.strerror or exc}.") from exc
        store = cls(path)
        with store._guard("opened"):
            store._connection = store._dialect.connect(path, busy_timeout)
            try:
                store._prepare()
            except BaseException:
                store.close()
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

    def _prepare(self) -> None:
        """Check the file is one of our stores (or empty), and create the schema if needed."""
        conn = self._conn()
        identity = self._dialect.identity(conn)
        if identity.new:
            self._dialect.create(conn, schema.TABLES, schema.SCHEMA_VERSION)
            return
        if not identity.ours:
            raise StoreError(f"{self.path} is not an Import Assistant store.")
        if identity.version > schema.SCHEMA_VERSION:
            raise StoreError(f"The store {self.path} was written by a newer version of "
                             "Import Assistant; please update the program.")
        if identity.version < schema.SCHEMA_VERSION:
            raise StoreError(f"The store {self.path} has an unknown schema version "
                             f"{identity.version}.")

    # ------------------------------------------------------------ plumbing

    def _conn(self) -> Connection:
        """The open connection."""
        if self._connection is None:
            raise StoreError(f"The store {self.path} is closed.")
        return self._connection

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """Hold the lock; turn the engine's failures into StoreError."""
        with self._lock:
            try:
                yield
            except self._dialect.errors as exc:
                raise StoreError(self._message(self._dialect.fault(exc), doing)) from exc
            except ValueError as exc:  # stored text that is not a date, a JSON, a table
                raise StoreError(f"The store {self.path} holds a value it cannot read "
                                 f"({exc}).") from exc

    def _message(self, fault: Fault, doing: str) -> str:
        """The user's sentence for a failure of the engine."""
        path, text = self.path, fault.text
        return {
            Failure.LOCKED: f"The store {path} is locked by another program; try again when "
                            "it has finished.",
            Failure.DISK_FULL: f"The disk is full: nothing was written to {path}.",
            Failure.NOT_A_STORE: f"{path} is not an Import Assistant store.",
            Failure.DAMAGED: f"The store {path} is damaged ({text}).",
            Failure.READ_ONLY: f"The store {path} is read-only: nothing was written.",
            Failure.UNIQUE: f"Nothing was written to {path}: another {fault.table} already "
                            f"has this {fault.column} ({text}).",
            Failure.REFERENCE: f"Nothing was written to {path}: a change would leave a record "
                               f"referring to one that does not exist ({text}).",
            Failure.REFUSED: f"Nothing was written to {path}: the store refused a change "
                             f"({text}).",
        }.get(fault.failure, f"The store {path} could not be {doing}: {text}.")

    # ------------------------------------------------------------ reading

    def load_state(self, tables: Iterable[Table] | None = None) -> StoreState:
        """The records of the tables asked for (all by default), and who created them."""
        wanted = list(Table) if tables is None else list(tables)
        with self._guard("read"):
            return self._queries.load_state(self._conn(), wanted)

    def get(self, table: Table, record_id: int) -> Record | None:
        """One record by id, or None."""
        with self._guard("read"):
            return self._queries.get(self._conn(), table, record_id)

    def count(self, table: Table, search: str = "") -> int:
        """How many records of a table match ``search`` (all when empty)."""
        with self._guard("read"):
            return self._queries.count(self._conn(), table, search)

    def page(self, table: Table, search: str = "", offset: int = 0,
             limit: int = 200) -> list[Record]:
        """Records matching ``search``, by id, from ``offset`` on, at most ``limit``."""
        with self._guard("read"):
            return self._queries.page(self._conn(), table, search, offset, limit)

    def history(self) -> list[RunSummary]:
        """Every run, newest first."""
        with self._guard("read"):
            return self._queries.history(self._conn())

    def run_changes(self, run_id: int) -> list[RunChangeRow]:
        """What a run did, in the order it did it."""
        with self._guard("read"):
            return self._queries.run_changes(self._conn(), run_id, self.path)

    # ------------------------------------------------------------ writing

    def apply(self, changes: Iterable[Change], run: RunInfo, *,
              monitor: Monitor | None = None) -> int:
        """Write every change and the run in one transaction; return the run's id."""
        if run.kind not in RUN_KINDS:
            raise StoreError(f"Unknown run kind {run.kind!r}: nothing was written.")
        with self._guard("written"):
            conn = self._conn()
            with self._dialect.transaction(conn):
                return write_run(conn, self._dialect, self.path, changes, run,
                                 monitor or Monitor())
