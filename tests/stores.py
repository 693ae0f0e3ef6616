"""Stores made beforehand for the commands that only read one (check, history, package,
revert, refresh --dry-run): a --store naming no store is refused by them (exit 2)."""

from __future__ import annotations

from importer_gui.core.store import Store, StoreLocation


def existing_store(location: StoreLocation) -> str:
    """An empty store made at ``location`` (a file and its folder, or a database's tables),
    as --store's text."""
    with Store.open(location):
        pass
    return str(location)
