"""What every command shares: exit codes, its registration, the store option."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

from importer_gui.cli.output import Output, waits_said
from importer_gui.core import schema
from importer_gui.core.atomic import NEW_FILE_MODE
from importer_gui.core.errors import StoreError
from importer_gui.core.paths import default_store_path
from importer_gui.core.store import Store, refuse_not_a_file
from importer_gui.core.store.location import PostgresUrl, StoreLocation, parse_location

EXIT_OK, EXIT_ROW_ERRORS, EXIT_FAILED = 0, 1, 2
# A run was committed or a file written (init's, export-config's, a package), but what
# reports it (an error log, the output) could not be written: exit 2 would say that nothing
# was.
EXIT_WRITTEN_UNSAID = 3
# package --upload wrote its package, then sending it failed: neither 2 (nothing written) nor
# 3 (which, for a package sent, a script must not answer by sending it again).
EXIT_NOT_SENT = 4

STORE_HELP = "the store: a SQLite file, or postgresql://USER@HOST[:PORT]/DATABASE"
# What SQLite may leave beside a store file it made.
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")

Run = Callable[[argparse.Namespace, Output], int]

# How each command's --help ends: what its exit codes say (the README's, per command).
NOTHING_DONE = "2 nothing could be done (one line on stderr)"


@dataclass(frozen=True)
class Command:
    """A command's name, one-line summary, its own arguments, what it runs and what its
    exit codes say (the end of its --help)."""

    name: str
    summary: str
    run: Run
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None
    exits: str = ""


# An empty path argument ("$OUT" with OUT unset) would name the current folder: a package
# written there, a folder said not to be a store.
EMPTY_PATH = "empty (a variable left unset?), which would name the current folder"


# argparse takes a word starting with a dash for an option, even as an option's value
# (``--data -x.csv``): its own message for that, completed with how to give one.
_VALUE_MISSING = re.compile(r"argument (?:\S+/)?(--[\w-]+): expected one argument")
DASHED_VALUE = "a value starting with a dash is given as {option}=-VALUE"
# The end of each --data's help.
DASHED_DATA = "; a name starting with a dash as --data=-x.csv"


class Parser(argparse.ArgumentParser):
    """argparse's parser (each command's too); an option left without its value says how
    to give one starting with a dash."""

    def error(self, message: str) -> NoReturn:
        """End the process as argparse does (exit 2, with the usage)."""
        missing = _VALUE_MISSING.fullmatch(message)
        if missing is not None:
            message += f" ({DASHED_VALUE.format(option=missing[1])})"
        super().error(message)


def path_argument(text: str) -> Path:
    """A file or folder argument (argparse's ``type``); an empty one is refused."""
    if not text:
        raise argparse.ArgumentTypeError(EMPTY_PATH)
    return Path(text)


def config_arguments(sub: argparse.ArgumentParser) -> None:
    """CONFIG and --data, as each command that reads an import configuration takes them."""
    sub.add_argument("config", type=path_argument, metavar="CONFIG", help="the XML configuration")
    sub.add_argument("--data", type=path_argument, action="append", default=[], metavar="FILE",
                     help="replaces the data file of the next <import>, in order"
                          + DASHED_DATA)


def store_argument(text: str) -> StoreLocation:
    """--store's value (argparse's ``type``): a path, or a PostgreSQL URL."""
    path_argument(text)
    try:
        return parse_location(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run_number(text: str) -> int:
    """A run's number (argparse's ``type``): plain decimal digits, as history lists them
    (int() would also take "1_0" as run 10, " 1", or other scripts' digits)."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a run number: give its digits "
                                         "only, as history lists them")
    return int(text)


def says_unknown_options(parser: argparse.ArgumentParser) -> None:
    """An option ``parser``'s command does not know is said with ``parser``'s usage, which
    lists those it does know (argparse would show the whole command line's); see
    ``unknown_options_refused``."""
    parser.set_defaults(usage_of=parser)


def unknown_options_refused(parser: argparse.ArgumentParser, argv: list[str]
                            ) -> argparse.Namespace:
    """``argv`` parsed; an unknown option ends the process as argparse ends it (exit 2),
    with the usage of the command it was given to."""
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        getattr(args, "usage_of", parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def add_common(sub: argparse.ArgumentParser, *, store: bool = True) -> None:
    """--json, which every command takes, and --store, which those that open a store take."""
    if store:
        sub.add_argument("--store", type=store_argument, default=argparse.SUPPRESS,
                         help=STORE_HELP)
    else:
        store_read_to_refuse(sub)
    sub.add_argument("--json", action="store_true", help="print JSON on stdout")


def store_read_to_refuse(sub: argparse.ArgumentParser) -> None:
    """--store after a command that opens no store, read (unlisted in its --help) so that
    it is refused as it is before the command, saying why, not as an unknown option (its
    value left out too)."""
    sub.add_argument("--store", nargs="?", const="", default=argparse.SUPPRESS,
                     help=argparse.SUPPRESS)


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
    if args.store:
        refuse_not_a_file(location)
    if args.store and not creates_store(args) and not location.exists():
        folder = "" if location.parent.is_dir() else f" (nor its folder {location.parent})"
        raise StoreError(f"The store {location} does not exist{folder}; check --store.")
    return location


@contextlib.contextmanager
def open_store(args: argparse.Namespace) -> Iterator[Store]:
    """The command's store, open (see ``store_path``); a new one named with --store that
    holds no run at the end is taken away (see ``open_made``). The default store stays
    once made. A command that only reads makes no store in a file already there."""
    with open_made(store_path(args), keep_empty=args.store is None,
                   create=creates_store(args)) as store:
        yield store


@contextlib.contextmanager
def open_made(location: StoreLocation, *, keep_empty: bool, fill_empty: bool = False,
              create: bool = True) -> Iterator[Store]:
    """The store at ``location``, open; made when new: where no file was, or, when
    ``fill_empty`` (a copy's destination), in an empty file there. An empty file found
    there otherwise is a store lost, said (``Store.open``), never made again empty; one
    another command is making is waited for, the wait said on stderr. Without ``create``
    (a command that only reads), a SQLite file there is opened as the store it is, never
    made one (an empty database is said to be one); a PostgreSQL database's tables made
    for it are dropped again at the end, as they are after a command that records no run.

    A store this command makes is taken away again when the command fails or is
    interrupted, or when no run was recorded in it and not ``keep_empty``: a mistake never
    leaves an empty store behind. A SQLite store goes with the folders made for it; a
    PostgreSQL store's tables are dropped, and its database is as empty as it was. Only a
    store this command created itself, that no other program has open and that holds no
    row is taken away: two commands racing to make the same new store never remove the one
    the other committed into (see ``_remove_if_unused``, ``Store.take_away``).
    """
    made = _make_new(location)
    keep = False
    try:
        with Store.open(location, empty_file=made is not None or fill_empty,
                        create=create or made is not None
                        or isinstance(location, PostgresUrl),
                        monitor=waits_said()) as store:
            try:
                yield store
                keep = keep_empty or bool(store.history())
            finally:
                if not keep:
                    store.take_away()  # a PostgreSQL store's tables, if this opening made them
    except BaseException:
        _take_away(made)
        raise
    if not keep:
        _take_away(made)


@dataclass(frozen=True)
class MadeStore:
    """A new SQLite store: the file this command created (None when another program created
    it first), which file that was (device, inode), and the folders made for it."""

    path: Path | None
    identity: tuple[int, int]
    folders: list[Path]


def _make_new(location: StoreLocation) -> MadeStore | None:
    """The store file created, empty and exclusively, with its folders (innermost first);
    None when there is a store there already (or it is a PostgreSQL one)."""
    if isinstance(location, PostgresUrl) or location.exists():
        return None
    folders = []
    folder = location.parent
    while not folder.exists() and folder != folder.parent:
        folders.append(folder)
        folder = folder.parent
    try:
        location.parent.mkdir(parents=True, exist_ok=True)
        # Exclusive: of two commands making the same store, only one made it. With the
        # user's usual mode, as SQLite makes a database (os.open's default makes it, and its
        # -wal and -shm, executable).
        fd = os.open(location, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     NEW_FILE_MODE)
    except OSError:  # there now, or cannot be made: Store.open says why when it cannot
        return MadeStore(None, (0, 0), folders)
    try:
        stat = os.fstat(fd)
    finally:
        os.close(fd)
    return MadeStore(location, (stat.st_dev, stat.st_ino), folders)


def _take_away(made: MadeStore | None) -> None:
    """Remove a store file this command made, SQLite's files beside it, and its new folders,
    when nothing else uses them."""
    if made is None:
        return
    if made.path is not None:
        _remove_if_unused(made.path, made.identity)
    for folder in made.folders:
        with contextlib.suppress(OSError):  # not empty: something else was put there
            folder.rmdir()


def _remove_if_unused(path: Path, identity: tuple[int, int]) -> bool:
    """Remove the store file at ``path`` and SQLite's files beside it, only while it is still
    the file ``identity`` names, no other connection has it open and it holds no row (no
    run, no record); True when removed. Anything unsure keeps it."""
    if _identity(path) != identity:
        return False  # replaced, or removed, by someone else
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True, timeout=0,
                               isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        return _remove_alone(conn, path, identity)
    except sqlite3.Error:  # busy: another program has it, or is opening it
        return False
    finally:
        conn.close()


def _remove_alone(conn: sqlite3.Connection, path: Path, identity: tuple[int, int]) -> bool:
    """The removal, on ``conn`` to the store: SQLite leaves WAL mode only when no other
    connection has the file open, and the exclusive lock then keeps any newcomer from
    reading or writing it until it is gone."""
    if conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0] != "delete":
        return False
    conn.execute("BEGIN EXCLUSIVE")
    if _holds_rows(conn) or _identity(path) != identity:
        conn.execute("ROLLBACK")
        conn.execute("PRAGMA journal_mode=WAL")  # as Store.open made it
        return False
    for name in (path, *(path.with_name(path.name + tail) for tail in _SQLITE_SIDE_FILES)):
        with contextlib.suppress(OSError):
            name.unlink(missing_ok=True)
    conn.execute("ROLLBACK")
    return True


def _holds_rows(conn: sqlite3.Connection) -> bool:
    """True when any table of the store holds a row (a run, a record, anything but the
    identity every store is made with)."""
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name != ?", (schema.IDENTITY_TABLE,))]
    return any(conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for name in tables)


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file ``path`` is now (device, inode); None when there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def ask_on_terminal(location: PostgresUrl) -> str | None:
    """The password typed on the terminal (not echoed); None when there is no terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"Password for {location}: ")
    except (EOFError, KeyboardInterrupt):
        return None
