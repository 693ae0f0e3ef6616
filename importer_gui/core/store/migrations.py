"""Stores written by older versions, brought to the current schema in place.

Each schema version after the first says what it added (columns, tables); an upgrade adds
it, version after version, through peewee (its migrator words the ALTERs for each engine
from the same field as a new store's table, its models the CREATEs), inside the one
transaction the dialect holds, so that a store is either upgraded whole or left as it was.
"""

from __future__ import annotations

from dataclasses import replace

import peewee as pw
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

from importer_gui.core import schema
from importer_gui.core.schema import Index, TableDef
from importer_gui.core.store.models import (
    Fields,
    column_field,
    create_models,
    driver_errors,
    model_index,
    models,
)

# Version -> the nullable columns it added to each table (older rows hold NULL in them).
# A copy of an older store (copy.py) reads it by these too, NULL where a column was added:
# a version that changed values as well would need the copy to do so.
ADDED_COLUMNS: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {
    2: (("import_run", ("user_name", "machine")),),  # who committed a run, and where
    3: (("training", ("lov_codes", "cost", "what_you_will_learn", "overview", "outcomes",
                      "audience", "further_information", "welcome_text", "steps")),),
}

# Version 5 changed no table: the values a run logs for a record it created leave out the
# columns its batch left NULL in every record, which a program of version 4 would read as
# values changed since. Its stores hold both ways; an upgrade to it has nothing to do.

# Version -> the tables it created (whole, as the schema says them at that version).
CREATED_TABLES: dict[int, tuple[str, ...]] = {
    3: ("entity", "learner", "learning_object", "registration", "tracking"),  # issue 15
    # The store's identity, a new one stamped as the table is made (models.create_models):
    # the upgrade runs under the writer lock and looks at the version again under it, so two
    # programs upgrading one store at once give it one identity.
    4: (schema.IDENTITY_TABLE,),
    6: (schema.CREATED_TABLE,),  # the records each run created, as spans of ids
}

# Version -> the tables whose indexes it changed, with their indexes before it: an upgrade
# drops those the schema no longer has and makes its new ones.
INDEXES_BEFORE: dict[int, dict[str, tuple[Index, ...]]] = {
    6: {"run_change": (Index(("run_id", "seq"), unique=True),  # creations since left out
                       Index(("table_name", "kind", "record_id")))},
}

# The spans of the records each run created, read from the history: the ids of a run's
# creations in a table, grouped where they follow each other (an id less its rank is the
# same along a span). Run by the upgrade to version 6, and by a copy of an older store.
SPANS_FROM_HISTORY = (
    f"INSERT INTO {schema.CREATED_TABLE} (run_id, table_name, first_id, last_id)"
    " SELECT run_id, table_name, min(record_id), max(record_id) FROM ("
    " SELECT run_id, table_name, record_id, record_id - row_number() OVER ("
    " PARTITION BY run_id, table_name ORDER BY record_id) AS span FROM run_change"
    " WHERE kind = 'create') AS created"
    " GROUP BY run_id, table_name, span ORDER BY run_id, table_name, min(record_id)")


def tables_at(version: int) -> tuple[TableDef, ...]:
    """The schema's tables as a store of ``version`` holds them."""
    later = {(table, column) for v, added in ADDED_COLUMNS.items() if v > version
             for table, columns in added for column in columns}
    created_later = {t for v, names in CREATED_TABLES.items() if v > version for t in names}
    indexes: dict[str, tuple[Index, ...]] = {}
    for v in sorted(INDEXES_BEFORE, reverse=True):  # the first change after it last
        if v > version:
            indexes.update(INDEXES_BEFORE[v])
    return tuple(replace(t, columns=tuple(c for c in t.columns if (t.name, c.name) not in later),
                         indexes=indexes.get(t.name, t.indexes))
                 for t in schema.TABLES if t.name not in created_later)


def _migrator(database: pw.Database) -> SchemaMigrator:
    if isinstance(database, pw.PostgresqlDatabase):
        return PostgresqlMigrator(database)
    return SqliteMigrator(database)


def upgrade(database: pw.Database, fields: Fields, found: int, target: int) -> None:
    """Add what each version after ``found`` added, up to ``target``; no transaction of its
    own (the caller holds one)."""
    if found < schema.FIRST_SCHEMA_VERSION:
        raise ValueError(f"no upgrade from schema version {found}")
    migrator = _migrator(database)
    with driver_errors(database):
        for version in range(found + 1, target + 1):
            migrate(*[migrator.add_column(table, column, column_field(table, column, fields))
                      for table, columns in ADDED_COLUMNS.get(version, ())
                      for column in columns])
            _create(database, fields, version)
            _reindexed(database, fields, version)
            if version == schema.SPANS_SINCE:
                database.execute_sql(SPANS_FROM_HISTORY)


def _create(database: pw.Database, fields: Fields, version: int) -> None:
    """CREATE the tables ``version`` added (and their indexes), referring to the others."""
    new = CREATED_TABLES.get(version, ())
    if not new:
        return
    # Models of every table the store then holds, so that references find their parents;
    # only the new ones are created.
    built = models(database, fields, tables_at(version))
    create_models(database, [m for m in built if m._meta.table_name in new])


def _reindexed(database: pw.Database, fields: Fields, version: int) -> None:
    """Drop the indexes ``version`` dropped, and make those it made, as a new store's."""
    tables = tables_at(version)
    for table, before in INDEXES_BEFORE.get(version, {}).items():
        model = next(m for m in models(database, fields, tables) if m._meta.table_name == table)
        indexes = next(t.indexes for t in tables if t.name == table)
        for index in before:
            if index not in indexes:
                database.execute(model._schema._drop_index(model_index(model, index), safe=False))
        for index in indexes:
            if index not in before:
                database.execute(model._schema._create_index(model_index(model, index),
                                                             safe=False))
