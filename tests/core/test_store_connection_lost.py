"""A team's store whose connection the server ended (restarted, an administrator's
pg_terminate_backend, a network that dropped it): the store connects again at its next use,
rather than saying "the connection is closed" until the window opens it again."""

from __future__ import annotations

import pytest

from importer_gui.core import schema
from importer_gui.core.errors import StoreError, StoreReplacedError
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import PostgresUrl, Store
from tests.builders import run_info
from tests.postgres import raw_sql

ENDED = "could not be read: terminating connection due to administrator command."


def end_other_connections(store: PostgresUrl) -> None:
    """End every other session on the store's database, as an administrator does."""
    raw_sql(store, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE"
                   " datname = current_database() AND pid <> pg_backend_pid()")


def test_a_store_whose_connection_was_ended_works_again_at_its_next_use(
        postgres_store: PostgresUrl) -> None:
    with Store.open(postgres_store) as store:
        store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-1"})],
                    run_info(create=1))
        end_other_connections(postgres_store)
        with pytest.raises(StoreError) as failure:
            store.history()  # the read under way when it ended fails, and says why
        assert str(failure.value) == f"The store {postgres_store} {ENDED}"

        assert [run.id for run in store.history()] == [1]
        store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-2"})],
                    run_info(create=1))
    assert raw_sql(postgres_store, "SELECT guid FROM room ORDER BY id") == [("R-1",), ("R-2",)]


def test_another_store_found_when_connecting_again_is_said_and_nothing_done_in_it(
        postgres_store: PostgresUrl) -> None:
    with Store.open(postgres_store) as store:
        end_other_connections(postgres_store)
        raw_sql(postgres_store, f'UPDATE "{schema.IDENTITY_TABLE}" SET guid = ?',
                ("another-store",))  # as a copy of another store put in its place
        with pytest.raises(StoreError):
            store.history()
        with pytest.raises(StoreReplacedError) as failure:
            store.apply([Change(Table.ROOM, ChangeKind.CREATE, -1, {"guid": "R-1"})],
                        run_info(create=1))
    assert failure.value.found == "another-store"
    assert str(failure.value).startswith(f"The store {postgres_store} is not the one the "
                                         "window had open")
    assert raw_sql(postgres_store, "SELECT guid FROM room") == []
