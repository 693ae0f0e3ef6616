"""Store.reopen: a store opened before and gone since (deleted, moved, its folder with it) is
said to be gone, and nothing is made in its place, where Store.open would make an empty one."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core.errors import StoreError
from importer_gui.core.store import Store


@pytest.mark.parametrize("taken", ["file", "folder"])
def test_a_store_gone_is_said_and_nothing_is_made(tmp_path: Path, taken: str) -> None:
    store = tmp_path / "team" / "store.sqlite3"
    Store.open(store).close()
    store.unlink()
    if taken == "folder":
        store.parent.rmdir()
    with pytest.raises(StoreError) as info:
        Store.reopen(store)
    assert info.value.message == (
        f"The store {store} is no longer there: it was moved or deleted since it was opened. "
        "File ▸ Open store… opens it where it is now, or another.")
    assert not store.exists() and store.parent.exists() == (taken == "file")


def test_a_store_that_is_there_is_reopened(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    Store.open(store).close()
    with Store.reopen(store) as opened:
        assert opened.history() == []


def test_a_connection_that_may_not_create_makes_no_file(tmp_path: Path) -> None:
    # Store.reopen looks for the file, then connects: a file deleted in between must not come
    # back empty from the connection itself (SQLite makes what it opens, unless told not to).
    import sqlite3

    from importer_gui.core.store.dialect import SqliteDialect

    gone = tmp_path / "store.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        SqliteDialect().connect(gone, 1.0, create=False)
    assert not gone.exists()


@pytest.mark.parametrize("name", ["my store.sqlite3", "100% #1?.sqlite3", "é&ü.sqlite3"])
def test_a_store_whose_name_uri_would_misread_is_reopened(tmp_path: Path, name: str) -> None:
    store = tmp_path / "a folder" / name
    with Store.open(store) as made:
        assert made.history() == []
    with Store.reopen(store) as opened:
        assert opened.history() == []
    assert sorted(p.name for p in store.parent.iterdir() if p.suffix == ".sqlite3") == [name]


def empty_database(path: Path) -> bytes:
    """A SQLite database at ``path`` with nothing in it (its header, no tables): its bytes."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")  # writes the header
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("opening", ["reopen", "open"])
def test_an_empty_database_where_no_store_is_made_is_said_so_and_left(
        tmp_path: Path, opening: str) -> None:
    store = tmp_path / "store.sqlite3"
    before = empty_database(store)
    with pytest.raises(StoreError) as info:
        Store.reopen(store) if opening == "reopen" else Store.open(store, create=False)
    assert info.value.message == (f"{store} is an empty database, not an Import Assistant "
                                  "store: it holds no tables, and nothing was written to it.")
    assert store.read_bytes() == before
