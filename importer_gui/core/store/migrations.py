"""Stores written by older versions, brought to the current schema in place.

Each schema version after the first says what it added; an upgrade adds it, version after
version, through peewee's migrator (which words the ALTERs for each engine from the same
field as a new store's table), inside the one transaction the dialect holds, so that a store
is either upgraded whole or left as it was.
"""

from __future__ import annotations

from dataclasses import replace

import peewee as pw
from playhouse.migrate import PostgresqlMigrator, SchemaMigrator, SqliteMigrator, migrate

from importer_gui.core import schema
from importer_gui.core.schema import TableDef
from importer_gui.core.store.models import Fields, column_field, driver_errors

# Version -> the nullable columns it added to each table (older rows hold NULL in them).
ADDED_COLUMNS: dict[int, tuple[tuple[str, tuple[str, ...]], ...]] = {
    2: (("import_run", ("user_name", "machine")),),  # who committed a run, and where
}


def tables_at(version: int) -> tuple[TableDef, ...]:
    """The schema's tables as a store of ``version`` holds them."""
    later = {(table, column) for v, added in ADDED_COLUMNS.items() if v > version
             for table, columns in added for column in columns}
    return tuple(replace(t, columns=tuple(c for c in t.columns if (t.name, c.name) not in later))
                 for t in schema.TABLES)


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
