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
