"""peewee models made from ``core/schema.py``: how a new store's tables are created.

The schema is said once, as data; peewee turns it into each engine's DDL (a second engine
needs its own ``Fields``, not another DDL writer). Only a new store needs this: rows are
read and written through the connection's raw ``execute``/``executemany``, because building a
model instance per row is far too slow for 100,000-row imports. So this module, and peewee
with it, is imported only when a store is created or upgraded, and the command line starts
without it.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import peewee as pw
from playhouse.sqlite_ext import AutoIncrementField

from importer_gui.core import schema
from importer_gui.core.schema import Column, Index, TableDef, Type

FieldClass = type[pw.Field]


@dataclass(frozen=True)
class Fields:
    """The peewee fields one engine keeps the schema's columns and ids in."""

    types: Mapping[Type, FieldClass]  # a plain column's field, by the column's type
    key: FieldClass  # the id of a table whose ids may be reused
    never_reused_key: FieldClass  # the id of a table whose ids are never given twice
    deferrable: str | None = None  # how a reference may be checked at COMMIT, when said


# SQLite: dates, times and JSON as text (the dialect's encoders write ISO and JSON text), and
# AUTOINCREMENT where a deleted row's id must not be given again (a bare INTEGER PRIMARY KEY
# reuses the largest one).
SQLITE_FIELDS = Fields(
    types={Type.INTEGER: pw.IntegerField, Type.TEXT: pw.TextField, Type.DATE: pw.TextField,
           Type.DATETIME: pw.TextField, Type.JSON: pw.TextField, Type.REAL: pw.DoubleField},
    key=pw.AutoField, never_reused_key=AutoIncrementField)

class JsonTextField(pw.Field):
    """PostgreSQL's ``json``: checked on the way in, kept as written, its keys in the order
    they were given (``jsonb``, peewee's JSONField, sorts them)."""

    field_type = "json"  # not peewee's "JSON", which PostgreSQL's type map makes jsonb


# PostgreSQL: dates as dates and JSON as json; date-times as ISO text, because the schema's
# DATETIME holds both local times (an intervention's start, as the files give it) and times
# with their offset (a run's), which no single PostgreSQL type keeps as they are. A serial
# id never gives a number twice. References are DEFERRABLE, so that a commit checks them at
# its end (``SET CONSTRAINTS ALL DEFERRED``), as SQLite's defer_foreign_keys does.
POSTGRES_FIELDS = Fields(
    types={Type.INTEGER: pw.IntegerField, Type.TEXT: pw.TextField, Type.DATE: pw.DateField,
           Type.DATETIME: pw.TextField, Type.JSON: JsonTextField, Type.REAL: pw.DoubleField},
    key=pw.AutoField, never_reused_key=pw.AutoField, deferrable="INITIALLY IMMEDIATE")


def _class_name(table: str) -> str:
    """A model's class name for a table: ImportRun for import_run."""
    return "".join(part.title() for part in table.split("_"))


def _field(column: Column, fields: Fields, built: Mapping[str, type[pw.Model]],
           table: str) -> pw.Field:
    """One column's field; a reference is a foreign key to the id of a table built before,
    or of its own table (an entity's parent, a learner's manager)."""
    options: dict[str, Any] = {"null": column.null, "unique": column.unique,
                               "index": column.index, "default": column.default}
    if column.references is None:
        return fields.types[column.type](**options)
    # backref "+": no accessor on the parent, so two references to one table never clash.
    target: Any = "self" if column.references == table else built[column.references]
    return pw.ForeignKeyField(target, column_name=column.name, backref="+",
                              deferrable=fields.deferrable, **options)


def _attribute(column: Column) -> str:
    """A column's attribute on its model: a foreign key is named without its "_id"."""
    return column.name.removesuffix("_id") if column.references else column.name


def models(database: pw.Database, fields: Fields,
           tables: Sequence[TableDef] = schema.TABLES) -> list[type[pw.Model]]:
    """A model per table, bound to ``database`` and to no other, in the order of ``tables``.

    Each call makes its own classes, so two stores never share binding state (peewee binds
    a model class-wide). A table referred to must come before the tables referring to it.
    """
    built: dict[str, type[pw.Model]] = {}
    for table in tables:
        key = fields.never_reused_key if table.ids_never_reused else fields.key
        attributes: dict[str, Any] = {"id": key()}
        for column in table.columns:
            name = _attribute(column)
            if name in attributes:
                raise ValueError(f"{table.name}.{column.name}: its model attribute {name!r} "
                                 "is taken")
            attributes[name] = _field(column, fields, built, table.name)
        # peewee names an index after its table and columns ("session_training_id_title");
        # legacy_table_names off, as the models always had it.
        meta = type("Meta", (), {
            "database": database, "table_name": table.name, "legacy_table_names": False,
            "indexes": tuple((index.columns, index.unique) for index in table.indexes
                             if index.where is None)})
        model = built[table.name] = type(_class_name(table.name), (pw.Model,),
                                         {"__doc__": table.doc, "Meta": meta, **attributes})
        for index in table.indexes:
            if index.where is not None:
                model.add_index(model_index(model, index))
    return list(built.values())


def model_index(model: type[pw.Model], index: Index) -> pw.ModelIndex:
    """One of the schema's indexes of ``model``'s table, named as peewee names them all."""
    return model.index(*(model._meta.columns[c] for c in index.columns), unique=index.unique,
                       where=None if index.where is None else pw.SQL(index.where))


class BorrowedSqlite(pw.SqliteDatabase):
    """A peewee database over a connection its owner opened, configured and will close."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        # Not thread-local: the store's connection is shared by its threads in turn.
        super().__init__("borrowed", thread_safe=False, autoconnect=False)
        self._borrowed = conn

    def _connect(self) -> sqlite3.Connection:
        """The owner's connection, as it is (no pragmas or functions of peewee's added)."""
        return self._borrowed

    def _close(self, conn: sqlite3.Connection) -> None:
        """Nothing: the owner closes its connection."""


class _Psycopg3(pw.Psycopg3Adapter):
    """peewee's psycopg 3 adapter, the driver's constants taken here: peewee reads them as it
    is imported, and a SQLite store imports it without the driver (``dialect.py``)."""

    def __init__(self) -> None:
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb

        super().__init__()
        self.txn_idle = TransactionStatus.IDLE
        self.txn_inerror = TransactionStatus.INERROR
        self.txn_unknown = TransactionStatus.UNKNOWN
        self.json_type, self.jsonb_type = Json, Jsonb

    def check_driver(self) -> None:
        """Nothing: the store opened its connection with psycopg itself."""


class BorrowedPostgres(pw.PostgresqlDatabase):
    """A peewee database over a psycopg connection its owner opened and will close."""

    # peewee picks an adapter by the drivers it found when imported: this one either way.
    psycopg2_adapter = psycopg3_adapter = _Psycopg3

    def __init__(self, conn: Any) -> None:
        super().__init__("borrowed", thread_safe=False, autoconnect=False)
        self._borrowed = conn

    def _connect(self) -> Any:
        """The owner's connection, as it is (in its transaction, if any)."""
        return self._borrowed

    def _close(self, conn: Any) -> None:
        """Nothing: the owner closes its connection."""


@contextmanager
def driver_errors(database: pw.Database) -> Iterator[None]:
    """``database`` connected for the block; a failure raised as the driver's own error.

    peewee wraps the driver's errors: the dialects say what the driver's mean (a full disk,
    a lock).
    """
    try:
        with database.connection_context():
            yield
    except pw.PeeweeException as exc:
        # peewee keeps the driver's error as ``orig`` (and raises while handling it).
        cause = getattr(exc, "orig", None) or exc.__context__
        if isinstance(cause, Exception):
            raise cause from None
        raise


def create_tables(database: pw.Database, fields: Fields,
                  tables: Sequence[TableDef] = schema.TABLES) -> None:
    """CREATE each table, then its indexes, through ``database``; no transaction of its own."""
    with driver_errors(database):
        create_models(database, models(database, fields, tables))


def create_models(database: pw.Database, built: Sequence[type[pw.Model]]) -> None:
    """CREATE the models' tables and indexes; the identity table, when among them, gets a
    new identity in the same transaction (a store is never seen without one)."""
    # Not "IF NOT EXISTS": the caller has just seen the store without them, and the
    # statements peewee runs are then word for word those the file keeps.
    database.create_tables(built, safe=False)
    for model in built:
        if model._meta.table_name == schema.IDENTITY_TABLE:
            model.insert(guid=str(uuid.uuid4())).execute()


def column_field(table: str, column: str, fields: Fields) -> pw.Field:
    """The field of one of the schema's plain columns, for a migration to add."""
    found = next(c for c in schema.table_def(table).columns if c.name == column)
    if found.references is not None or not found.null:
        raise ValueError(f"{table}.{column}: a migration adds nullable plain columns only")
    return fields.types[found.type](null=True)
