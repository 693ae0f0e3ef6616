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
from importer_gui.core.schema import TableDef
from importer_gui.core.store.models import (
    Fields,
    column_field,
    create_models,
    driver_errors,
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
}


def tables_at(version: int) -> tuple[TableDef, ...]:
    """The schema's tables as a store of ``version`` holds them."""
    later = {(table, column) for v, added in ADDED_COLUMNS.items() if v > version
             for table, columns in added for column in columns}
    created_later = {t for v, names in CREATED_TABLES.items() if v > version for t in names}
    return tuple(replace(t, columns=tuple(c for c in t.columns if (t.name, c.name) not in later))
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


def _create(database: pw.Database, fields: Fields, version: int) -> None:
    """CREATE the tables ``version`` added (and their indexes), referring to the others."""
    new = CREATED_TABLES.get(version, ())
    if not new:
        return
    # Models of every table the store then holds, so that references find their parents;
    # only the new ones are created.
    built = models(database, fields, tables_at(version))
    create_models(database, [m for m in built if m._meta.table_name in new])
