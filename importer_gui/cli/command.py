"""What every command shares: exit codes, its registration, the store option."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from importer_gui.core.errors import StoreError
from importer_gui.core.paths import default_store_path
from importer_gui.core.store import Store
from importer_gui.core.store.location import PostgresUrl, StoreLocation, parse_location

EXIT_OK, EXIT_ROW_ERRORS, EXIT_FAILED = 0, 1, 2

STORE_HELP = "the store: a SQLite file, or postgresql://USER@HOST[:PORT]/DATABASE"
# What SQLite may leave beside a store file it made.
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")

Run = Callable[[argparse.Namespace, TextIO], int]


@dataclass(frozen=True)
class Command:
    """A command's name, one-line summary, its own arguments and what it runs."""

    name: str
    summary: str
    run: Run
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None


def store_argument(text: str) -> StoreLocation:
    """--store's value (argparse's ``type``): a path, or a PostgreSQL URL."""
    try:
        return parse_location(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_common(sub: argparse.ArgumentParser) -> None:
    """--store and --json, which every command takes."""
    sub.add_argument("--store", type=store_argument, default=argparse.SUPPRESS,
                     help=STORE_HELP)
    sub.add_argument("--json", action="store_true", help="print JSON on stdout")


def creates_store(args: argparse.Namespace) -> bool:
    """True for a command that may make a new store at the --store path given: a commit, or
    a refresh that writes (a first store is made so); the others only read one."""
    return args.command == "commit" or (args.command == "refresh" and not args.dry_run)


def store_path(args: argparse.Namespace) -> StoreLocation:
    """The store the command works on.

    A PostgreSQL store asks for its password on the terminal when libpq finds none. A
    --store where there is no store is a typing mistake for a command that reads: said,
    rather than made (and every row then reported as new).
    """
    location = args.store or default_store_path()
    if isinstance(location, PostgresUrl):
        return replace(location, ask=ask_on_terminal)
    if args.store and not creates_store(args) and not location.exists():
        folder = "" if location.parent.is_dir() else f" (nor its folder {location.parent})"
        raise StoreError(f"The store {location} does not exist{folder}; check --store.")
    return location


@contextlib.contextmanager
def open_store(args: argparse.Namespace) -> Iterator[Store]:
    """The command's store, open (see ``store_path``).

    A SQLite store this command makes is taken away again, with the folders made for it,
    when the command fails, or when it was named with --store and no run was recorded in
    it: a mistake never leaves an empty store behind. The default store stays once made.
    """
    location = store_path(args)
    made = _to_make(location)
    try:
        with Store.open(location) as store:
            yield store
            keep = not made or args.store is None or bool(store.history())
    except BaseException:
        _take_away(made)
        raise
    if not keep:
        _take_away(made)


def _to_make(location: StoreLocation) -> list[Path]:
    """The SQLite file and the folders opening ``location`` makes, innermost first."""
    if isinstance(location, PostgresUrl) or location.exists():
        return []
    made = [location]
    folder = location.parent
    while not folder.exists() and folder != folder.parent:
        made.append(folder)
        folder = folder.parent
    return made


def _take_away(made: list[Path]) -> None:
    """Remove a store file this command made, SQLite's files beside it, and its new folders."""
    if not made:
        return
    store, *folders = made
    for path in (store, *(store.with_name(store.name + tail) for tail in _SQLITE_SIDE_FILES)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    for folder in folders:
        with contextlib.suppress(OSError):  # not empty: something else was put there
            folder.rmdir()


def ask_on_terminal(location: PostgresUrl) -> str | None:
    """The password typed on the terminal (not echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"Password for {location}: ")
    except (EOFError, KeyboardInterrupt):
        return None
