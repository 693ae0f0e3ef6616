"""What every command shares: exit codes, its registration, the store option."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TextIO

from importer_gui.core.errors import StoreError
from importer_gui.core.paths import default_store_path
from importer_gui.core.store.location import PostgresUrl, StoreLocation, parse_location

EXIT_OK, EXIT_ROW_ERRORS, EXIT_FAILED = 0, 1, 2

STORE_HELP = "the store: a SQLite file, or postgresql://USER@HOST[:PORT]/DATABASE"
# Commands that may make a new store where --store names none; the others only read one.
CREATING = ("commit",)

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


def store_path(args: argparse.Namespace) -> StoreLocation:
    """The store the command works on.

    A PostgreSQL store asks for its password on the terminal when libpq finds none. A
    --store in a folder that does not exist is a typing mistake for a command that reads:
    said, rather than made (and every row then reported as new).
    """
    location = args.store or default_store_path()
    if isinstance(location, PostgresUrl):
        return replace(location, ask=ask_on_terminal)
    if args.store and args.command not in CREATING and not location.exists() \
            and not location.parent.is_dir():
        raise StoreError(f"The store {location} does not exist (nor its folder "
                         f"{location.parent}); check --store.")
    return location


def ask_on_terminal(location: PostgresUrl) -> str | None:
    """The password typed on the terminal (not echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"Password for {location}: ")
    except (EOFError, KeyboardInterrupt):
        return None
