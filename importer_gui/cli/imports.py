"""check and commit: plan every row of a configuration's files; commit writes them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from importer_gui.cli.command import (
    EXIT_OK,
    EXIT_ROW_ERRORS,
    EXIT_WRITTEN_UNSAID,
    NOTHING_DONE,
    Command,
    config_arguments,
    open_store,
)
from importer_gui.cli.output import (
    plan_json,
    print_plan,
    say,
    visible,
    waits_said,
    write_json,
)
from importer_gui.cli.process import collector_kept_off_the_plan, keep_until_exit
from importer_gui.core import config_xml, pipeline
from importer_gui.core.plan import KeptCells, Plan
from importer_gui.core.reports import error_log_folders, write_error_logs


def _arguments(sub: argparse.ArgumentParser) -> None:
    config_arguments(sub)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check (and with ``commit``, write) every row; print the plan.

    What can be refused is refused before the commit (exit 2, nothing written); once the
    rows are committed, a log that cannot be written is said with the run (exit 3). A plan
    that changes nothing (every row wrong or already in the store) is no run: said, and not
    recorded as an empty one.
    """
    config = config_xml.load(args.config)
    log_folders = error_log_folders(config)
    committing = args.command == "commit"
    # What is printed names lines, never cells: only the rows an error log or the date
    # format's guess reads keep theirs.
    kept = KeptCells.ISSUES if committing and log_folders else KeptCells.ERRORS
    with open_store(args) as store, collector_kept_off_the_plan():
        if committing:
            plan, result = pipeline.check_and_commit(config, store, data_files=args.data,
                                                     kept=kept, monitor=waits_said())
        else:
            plan, result = pipeline.check(config, store, data_files=args.data, kept=kept), None
    logs, failures = ([], []) if result is None else write_error_logs(
        plan, log_folders, result.run_id)
    keep_until_exit(plan)
    _print(plan, result, logs, failures, out, as_json=args.json, committing=committing)
    for failure in failures:
        say(visible(f"importer-gui: {failure}") + "\n")
    if failures:
        return EXIT_WRITTEN_UNSAID
    return EXIT_ROW_ERRORS if plan.has_errors() else EXIT_OK


def _print(plan: Plan, result: pipeline.CommitResult | None, logs: list[Path],
           failures: list[str], out: TextIO, *, as_json: bool, committing: bool) -> None:
    """The plan, and after a commit its run (or that nothing was committed) and error
    logs, as text or JSON."""
    if as_json:
        document = plan_json(plan)
        if plan.notices:
            document["notices"] = plan.notices
        if committing:
            document["run"] = None if result is None else result.run_id
            document["error_logs"] = [str(log) for log in logs]
            document["error_log_failures"] = failures
        write_json(document, out)
        return
    for notice in plan.notices:
        out.write(visible(notice) + "\n")
    print_plan(plan, out)
    if committing:
        out.write(pipeline.nothing_to_commit(plan) + "\n" if result is None
                  else f"Committed as run {result.run_id}.\n")
    for log in logs:
        out.write(visible(f"Error log: {log}") + "\n")


CHECK = Command("check", "check every row; write nothing", run, _arguments,
                f"Exit codes: 0 every row is fine; 1 some rows have errors; {NOTHING_DONE}.")
COMMIT = Command("commit", "check, then write every row without errors", run, _arguments,
                 "Exit codes: 0 every row is fine, all committed; 1 some rows have errors, the "
                 f"others were committed; {NOTHING_DONE}, nothing written; 3 the rows were "
                 "committed, but an error log or the output could not be written.")
