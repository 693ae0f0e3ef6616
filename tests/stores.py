"""Stores made beforehand for the commands that only read one (check, history, package,
revert, refresh --dry-run): a --store naming no store is refused by them (exit 2); a
store another program writes into between a check and its commit; and rooms named by runs,
for reverts, with a colleague's connection writing beside the test's; and a colleague
holding a store's writer lock."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import StoreError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import PostgresUrl, Store, StoreLocation
from importer_gui.core.store.dialect import APPLICATION_ID
from tests.builders import ImportSpec, run_info, write_config


def existing_store(location: StoreLocation) -> str:
    """An empty store made at ``location`` (a file and its folder, or a database's tables),
    as --store's text."""
    with Store.open(location):
        pass
    return str(location)


@contextmanager
def writing_meanwhile(location: StoreLocation) -> Iterator[None]:
    """Another program writing to the store at ``location`` until the block ends: it holds
    the store's writer lock (the superuser's, on PostgreSQL), and then lets go of it,
    nothing written."""
    if isinstance(location, PostgresUrl):
        import psycopg

        with psycopg.connect(location.url, autocommit=True) as holder:
            holder.execute("BEGIN")
            holder.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
            try:
                yield
            finally:
                holder.execute("ROLLBACK")
        return
    holder = sqlite3.connect(location, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        yield
    finally:
        holder.close()


def taken_meanwhile(folder: Path, imp: ImportSpec, sql: str) -> str:
    """Check the import ``imp`` into a new store, let another program write ``sql`` into it,
    commit: the commit's refusal (nothing written)."""
    config = write_config(folder, imp)
    store_path = folder / "store.sqlite3"
    with Store.open(store_path) as store:
        plan = pipeline.check(config_xml.load(config), store)
        other = sqlite3.connect(store_path)
        other.execute(sql)
        other.commit()
        other.close()
        with pytest.raises(StoreError) as refused:
            pipeline.commit(plan, store)
        assert store.history() == []
    return str(refused.value)


def renamed(store: Store, room: int, label: str, was: str) -> int:
    """A run that renames one room from ``was`` to ``label``; its id."""
    return store.apply([Change(Table.ROOM, ChangeKind.UPDATE, room, {"label": label},
                               {"label": was})], run_info(update=1))


def rooms_named(store: Store) -> None:
    """Run 1 makes rooms 1 and 2 (A and B); run 2 names them Blue and Green."""
    store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-1", "label": "A"}),
                 Change(Table.ROOM, ChangeKind.CREATE, -2, {"guid": "R-2", "label": "B"})],
                run_info(create=2))
    store.apply([Change(Table.ROOM, ChangeKind.UPDATE, 1, {"label": "Blue"}, {"label": "A"}),
                 Change(Table.ROOM, ChangeKind.UPDATE, 2, {"label": "Green"}, {"label": "B"})],
                run_info(update=2))


def rooms_changed_again(store: Store) -> None:
    """As ``rooms_named``, then run 3 changes room 2 again (Teal)."""
    rooms_named(store)
    renamed(store, 2, "Teal", "Green")


def colleague_renames(location: StoreLocation, room: int, label: str, was: str) -> int:
    """Another administrator's run, through their own connection, renames a room; its id."""
    with Store.open(location) as colleague:
        return renamed(colleague, room, label, was)


def colleague_reverts(location: StoreLocation, *run_ids: int) -> int:
    """Another administrator reverts runs in turn in the same store; the last revert's run."""
    with Store.open(location) as colleague:
        return [commit_revert(colleague, plan_revert(colleague, run_id)).run_id
                for run_id in run_ids][-1]
