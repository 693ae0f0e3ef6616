"""store copy: a whole store, history included, copied into a new or empty one.

``importer-gui store copy SOURCE DESTINATION``: each a SQLite file or a PostgreSQL URL, so
that a team moves one person's file onto the database their IT runs (or back). The source
must exist, and is never written (one of an older version included: its copy is the one
upgraded); the destination is created when new (and taken away again when the copy fails
or is interrupted), and refused when it holds anything.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TextIO

from importer_gui.cli.command import (
    EXIT_OK,
    NOTHING_DONE,
    Command,
    ask_on_terminal,
    open_made,
    says_unknown_options,
    store_argument,
    store_read_to_refuse,
)
from importer_gui.cli.output import dump_json, visible, waits_said
from importer_gui.core.records import Table
from importer_gui.core.store import PostgresUrl, Store, StoreLocation

RECORD_TABLES = frozenset(Table)  # the others hold the runs and their history
EXITS = f"Exit codes: 0 copied; {NOTHING_DONE}, nothing copied."


def _arguments(sub: argparse.ArgumentParser) -> None:
    actions = sub.add_subparsers(dest="store_action", metavar="ACTION", required=True)
    copy = actions.add_parser("copy", help="copy a store, history included, into a new or "
                              "empty one", description="copy a store, history included, into "
                              "a new or empty one (SQLite or PostgreSQL, either way)",
                              epilog=EXITS)
    copy.add_argument("source", type=store_argument, metavar="SOURCE",
                      help="the store to copy: a SQLite file or a postgresql:// URL")
    copy.add_argument("destination", type=store_argument, metavar="DESTINATION",
                      help="where to copy it: a new or empty store")
    # Also after the stores, where a user puts it; given before "copy", it is kept.
    copy.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                      help="print JSON on stdout")
    store_read_to_refuse(copy)
    says_unknown_options(copy)


def _asking(location: StoreLocation) -> StoreLocation:
    """A PostgreSQL store asks for its password on the terminal when needed."""
    return replace(location, ask=ask_on_terminal) if isinstance(location, PostgresUrl) \
        else location


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Copy SOURCE into DESTINATION; say how many runs and records were copied."""
    # A new destination (a SQLite file, the tables made in an empty PostgreSQL database) is
    # taken away when the copy fails or is interrupted: it is left as it was.
    # The source is only read, as it is: an older one is not upgraded where it is (a backup
    # on a read-only medium, say); its copy is written at the current version.
    with Store.open_as_it_is(_asking(args.source)) as source, \
            open_made(_asking(args.destination), keep_empty=True,
                      fill_empty=True) as destination:
        copied = source.copy_into(destination, waits_said())
    runs = copied.get("import_run", 0)
    records = sum(n for table, n in copied.items() if table in RECORD_TABLES)
    if args.json:
        dump_json({"source": str(args.source), "destination": str(args.destination),
                   "runs": runs, "records": records, "rows": copied}, out)
    else:
        out.write(visible(f"Copied {runs} run{'s' if runs != 1 else ''} and {records} "
                          f"record{'s' if records != 1 else ''} from {args.source} to "
                          f"{args.destination}.") + "\n")
    return EXIT_OK


STORE = Command("store", "copy a store, history included (store copy SOURCE DESTINATION)",
                run, _arguments, EXITS)
