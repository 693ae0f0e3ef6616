"""Stores made beforehand for the commands that only read one (check, history, package,
revert, refresh --dry-run): a --store naming no store is refused by them (exit 2); and a
store another program writes into between a check and its commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import StoreError
from importer_gui.core.store import Store, StoreLocation
from tests.builders import ImportSpec, write_config


def existing_store(location: StoreLocation) -> str:
    """An empty store made at ``location`` (a file and its folder, or a database's tables),
    as --store's text."""
    with Store.open(location):
        pass
    return str(location)


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
