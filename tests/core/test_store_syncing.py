"""A large write's files are pushed to the disk as it goes, from a thread of its own that ends
before the write's COMMIT; a small write starts none. The store ends as it would without."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from importer_gui.core.store import Store, syncing
from tests.core.test_store_indexes_after import courses, read, run


def synced_during(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Each file synced from now on (its name, and the thread that synced it), synced as
    before; a sync every millisecond, so that a test's write sees several."""
    synced: list[tuple[str, str]] = []
    sync = syncing._sync

    def noted(name: Path) -> None:
        synced.append((name.name, threading.current_thread().name))
        sync(name)

    monkeypatch.setattr(syncing, "INTERVAL", 0.001)
    monkeypatch.setattr(syncing, "_sync", noted)
    return synced


def test_a_large_write_syncs_its_store_as_it_goes_and_stops_before_its_commit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store.sqlite3"
    synced = synced_during(monkeypatch)
    with Store.open(path) as store:
        store.apply(courses(syncing.SYNCED_FROM), run())
        during = len(synced)
        assert not any(t.name == "store-sync" for t in threading.enumerate())
    assert ("store.sqlite3", "store-sync") in synced
    assert len(synced) == during  # none after the write
    assert read(path, "SELECT count(*) FROM training") == [(syncing.SYNCED_FROM,)]
    assert read(path, "PRAGMA integrity_check") == [("ok",)]


def test_a_small_write_is_left_to_sqlite_s_own_sync(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced = synced_during(monkeypatch)
    with Store.open(tmp_path / "store.sqlite3") as store:
        store.apply(courses(syncing.SYNCED_FROM - 1), run())
    assert synced == []
