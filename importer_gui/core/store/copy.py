"""A whole store, history included, copied into an empty one (SQLite to PostgreSQL or back).

Every table but the store's identity, in the schema's order (parents first), row by row with
its id, each value read back from the source's engine and written as the target's keeps it;
each table's highest id ever given is carried over too, so that the copy never gives a
deleted record's id again.
The source is read in one snapshot, the target written in one transaction: a copy that
fails leaves the target as empty as it was. A source of an older schema version is read as it
is (never upgraded: it may be a backup on a read-only medium) and its copy written as an
upgrade would leave it: the columns and tables later versions added, NULL and empty (the
spans of created records read from its history, as the upgrade reads them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from importer_gui.core import schema
from importer_gui.core.progress import Monitor
from importer_gui.core.schema import TableDef
from importer_gui.core.store.dialect import Connection, Converter, Dialect

BATCH = 5000  # rows read, converted and written at a time
# What a copy carries: not the source's identity, since the copy is another store from then
# on (its own, made with it, tells the two apart when one is put in the other's place).
COPIED = tuple(t for t in schema.TABLES if t.name != schema.IDENTITY_TABLE)


class SourceFailed(Exception):  # noqa: N818 - a carrier, not an error of its own
    """The source failed (not the target): its own error, for its store to word."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


class SequenceFailed(SourceFailed):
    """The source failed reading a table's id sequence (a role may be granted its tables
    and not their sequences)."""


def is_empty(conn: Connection) -> bool:
    """True when no table of the store holds a row (asked in the copy's transaction, once
    it holds the writer lock: two copies at once never both find the store empty); its
    identity is no content."""
    return all(conn.execute(f'SELECT 1 FROM "{t.name}" LIMIT 1').fetchone() is None
               for t in COPIED)


def copy_tables(source: tuple[Connection, Dialect], target: tuple[Connection, Dialect],
                monitor: Monitor, version: int = schema.SCHEMA_VERSION) -> dict[str, int]:
    """Copy every table's rows from a source of schema ``version``; the rows copied per
    table. The caller holds the target's transaction and the source's snapshot."""
    (src, src_dialect), (dst, dst_dialect) = source, target
    dst_dialect.defer_references(dst)
    held = _held(version)
    copied: dict[str, int] = {}
    for n, table in enumerate(COPIED):
        monitor.step(n, len(COPIED), f"Copying {table.name}")
        if table.name not in held:  # made by a later version: empty, as an upgrade makes it
            copied[table.name] = 0
            continue
        copied[table.name] = _copy_table(table, held[table.name], source, target)
        with _from_source(SequenceFailed):
            highest = src_dialect.next_id(src, table.name) - 1
        dst_dialect.claim_ids(dst, table.name, highest)
    if version < schema.SPANS_SINCE:  # as an upgrade fills them, from the history copied
        from importer_gui.core.store.migrations import SPANS_FROM_HISTORY

        copied[schema.CREATED_TABLE] = dst.execute(SPANS_FROM_HISTORY).rowcount
    return copied


def _held(version: int) -> dict[str, frozenset[str]]:
    """The columns each table holds in a store of ``version`` (its tables only)."""
    if version == schema.SCHEMA_VERSION:
        tables = schema.TABLES
    else:  # the migrations say what each version added (peewee: only for an older store)
        from importer_gui.core.store.migrations import tables_at

        tables = tables_at(version)
    return {t.name: frozenset(c.name for c in t.columns) for t in tables}


@contextmanager
def _from_source(carrier: type[SourceFailed] = SourceFailed) -> Iterator[None]:
    """The source's failures marked as such (``carrier``): the caller says which store
    failed, and at what."""
    try:
        yield
    except Exception as exc:
        raise carrier(exc) from exc


def _converters(table: TableDef, source: Dialect, target: Dialect
                ) -> list[tuple[int, Converter | None, Converter | None]]:
    """Per column (after the id): its position, how the source's value is read back and how
    the target keeps it."""
    return [(i, source.decoders.get(c.type), target.encoders.get(c.type))
            for i, c in enumerate(table.columns, start=1)
            if c.type in source.decoders or c.type in target.encoders]


def _copy_table(table: TableDef, held: frozenset[str], source: tuple[Connection, Dialect],
                target: tuple[Connection, Dialect]) -> int:
    """One table's rows, by id, in batches; the columns the source does not hold (``held``
    those it does) are NULL."""
    (src, src_dialect), (dst, dst_dialect) = source, target
    columns = ("id", *(c.name for c in table.columns))
    listed = ", ".join(f'"{c}"' if c == "id" or c in held else "NULL" for c in columns)
    converters = _converters(table, src_dialect, dst_dialect)
    with _from_source():
        cursor = src.execute(f'SELECT {listed} FROM "{table.name}" ORDER BY id')
    count = 0
    while True:
        with _from_source():
            batch = [_converted(row, converters) for row in cursor.fetchmany(BATCH)]
        if not batch:
            return count
        dst_dialect.insert_many(dst, table.name, columns, batch)
        count += len(batch)


def _converted(row: tuple[Any, ...], converters: list[tuple[int, Converter | None,
                                                            Converter | None]]
               ) -> tuple[Any, ...]:
    """A source row as the target keeps it."""
    values = list(row)
    for i, read, write in converters:
        value = values[i]
        if value is None:
            continue
        if read is not None:
            value = read(value)
        values[i] = write(value) if write is not None else value
    return tuple(values)
