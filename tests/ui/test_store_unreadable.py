"""File ▸ Open store… on a SQLite store this user may not read (the file, or the folder it is
in): said as the command line says it, with the system's reason, in the window's language;
the window keeps its store."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from importer_gui.core.store import Store
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.main_window import MainWindow

NOBODY = 65534  # the unprivileged user whose reads permissions refuse, even here as root

SAID = {ENGLISH: "The store {path} could not be read: Permission denied.",
        FRENCH: "La base {path} n'a pas pu être lue\u00a0: Permission refusée."}


@contextmanager
def as_nobody() -> Iterator[None]:
    """This process (every thread) acting as a user whom permissions apply to: root reads
    any file."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder everyone may go through and write, holding a store."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o777)
        Store.open(folder / "store.sqlite3").close()
        yield folder


def unreadable_file(shared: Path) -> Path:
    """The store, its permissions taken away."""
    store = shared / "store.sqlite3"
    store.chmod(0o000)
    return store


def in_a_closed_folder(shared: Path) -> Path:
    """The store, in a folder only its owner (root) may enter."""
    closed = shared / "closed"
    closed.mkdir(mode=0o700)
    return (shared / "store.sqlite3").rename(closed / "store.sqlite3")


@pytest.mark.parametrize("unreadable", [unreadable_file, in_a_closed_folder],
                         ids=["file", "folder"])
def test_a_store_this_user_may_not_read_is_said_so(
        window: MainWindow, shared: Path, speaking: str, unreadable: object,
        warnings: list[str]) -> None:
    store = unreadable(shared)  # type: ignore[operator]
    before = window.state.store_path
    with as_nobody():
        assert not window.use_store(store)
    assert warnings == [SAID[speaking].format(path=store)]
    assert window.state.store_path == before
