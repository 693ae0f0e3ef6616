"""refresh: bring the store in line with the platform's exports, as a run of the history."""

from __future__ import annotations

import argparse
from typing import TextIO

from importer_gui.cli.command import (
    DASHED_DATA,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    NOTHING_DONE,
    Command,
    open_store,
    path_argument,
)
from importer_gui.cli.output import plan_json, print_plan, visible, waits_said, write_json
from importer_gui.cli.process import collector_kept_off_the_plan, keep_until_exit
from importer_gui.core.errors import ImporterError
from importer_gui.core.plan import KeptCells
from importer_gui.core.platform_io import export_config, refresh


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("config", type=path_argument, metavar="EXPORT_CONFIG",
                     help="the platform's export configuration (<export-config>)")
    sub.add_argument("--data", type=path_argument, action="append", default=[], metavar="FILE",
                     help="an export's file, in any order: read for the <export> whose "
                          "columns its first line names (default: each <export>'s "
                          "moveToFolder fileName, beside the configuration)" + DASHED_DATA)
    sub.add_argument("--prune", action="store_true",
                     help="also delete what the store holds and the exports lack")
    sub.add_argument("--dry-run", action="store_true", help="show what changes; write nothing")
    sub.add_argument("--allow-older", action="store_true",
                     help="refresh even from an export last changed before the store's last "
                          "refresh (which may put older data back)")


# The command line's way on from refresh.OLDER_THAN_LAST_REFRESH (the window asks).
OLDER_REFUSED = "{older} Nothing was written; give --allow-older to refresh from it all the same."


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Plan the refresh; write it unless --dry-run; print it as check and commit do."""
    config = export_config.load(args.config)
    with open_store(args) as store, collector_kept_off_the_plan():
        # What is printed names lines, never cells: only rows with errors keep theirs.
        files = refresh.laid_files(config, args.data, prune=args.prune)  # laid out once
        if args.dry_run:
            planned, result = refresh.plan_refresh(config, store, files=files,
                                                   prune=args.prune, kept=KeptCells.ERRORS), None
        elif args.allow_older or not refresh.older_exports(store, config, files):
            # A refresh that changes nothing is no run (nothing to revert): said.
            planned, result = refresh.refresh_in_one_pass(config, store, files=files,
                                                          prune=args.prune, kept=KeptCells.ERRORS,
                                                          monitor=waits_said())
        else:  # planned first, not written alongside: refused if an older export would write
            planned = refresh.plan_refresh(config, store, files=files, prune=args.prune,
                                           kept=KeptCells.ERRORS)
            if planned.older is not None:
                raise ImporterError(OLDER_REFUSED.format(older=planned.older))
            result = refresh.commit_refresh(planned, store, monitor=waits_said()) \
                if planned.plan.writes_anything() else None
    keep_until_exit(planned)
    run_id = None if result is None else result.run_id
    notices = [*planned.notes, *([planned.older] if planned.older else [])]
    if args.json:
        document = plan_json(planned.plan)
        document["run"] = run_id
        document["notices"] = notices  # as check and commit name theirs
        write_json(document, out)
    else:
        print_plan(planned.plan, out)
        for notice in notices:
            out.write(visible(notice) + "\n")
        if args.dry_run:
            out.write("Dry run: nothing was written.\n")
        else:
            out.write(refresh.nothing_to_refresh(planned) + "\n" if run_id is None
                      else f"Committed as run {run_id}.\n")
    # A --prune left undone is for rows with errors; other notes inform (events unpruned).
    return EXIT_ROW_ERRORS if planned.has_errors() else EXIT_OK


REFRESH = Command("refresh", "bring the store in line with the platform's exports (a run of "
                  "the history)", run, _arguments,
                  "Exit codes: 0 every row is fine; 1 some rows have errors, the others were "
                  f"committed (unless --dry-run); {NOTHING_DONE}, nothing written; 3 committed, "
                  "but the output could not be written.")
