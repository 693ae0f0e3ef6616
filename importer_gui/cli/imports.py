"""check and commit: plan every row of a configuration's files; commit writes them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from importer_gui.cli.command import EXIT_OK, EXIT_ROW_ERRORS, Command, store_path
from importer_gui.cli.output import plan_json, print_plan, write_json
from importer_gui.cli.process import collector_kept_off_the_plan, keep_until_exit
from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import ImporterError
from importer_gui.core.plan import Plan
from importer_gui.core.store import Store


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("config", type=Path, metavar="CONFIG", help="the XML configuration")
    sub.add_argument("--data", type=Path, action="append", default=[], metavar="FILE",
                     help="replaces the data file of the next <import>, in order")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check (and with ``commit``, write) every row; print the plan."""
    with Store.open(store_path(args)) as store:
        with collector_kept_off_the_plan():
            plan = pipeline.check(config_xml.load(args.config), store, data_files=args.data)
        result = pipeline.commit(plan, store) if args.command == "commit" else None
    logs = write_error_logs(plan) if result is not None else []
    keep_until_exit(plan)
    if args.json:
        document = plan_json(plan)
        if result is not None:
            document["run"] = result.run_id
            document["error_logs"] = [str(log) for log in logs]
        write_json(document, out)
    else:
        print_plan(plan, out)
        if result is not None:
            out.write(f"Committed as run {result.run_id}.\n")
        for log in logs:
            out.write(f"Error log: {log}\n")
    return EXIT_ROW_ERRORS if plan.has_errors() else EXIT_OK


def write_error_logs(plan: Plan) -> list[Path]:
    """As the platform's timeStampedFileErrorLogger does after a run: one log per import."""
    from importer_gui.core import reports  # it imports openpyxl: not for every check

    written = []
    for imp in plan.imports:
        location = plan.config.imports[imp.index].error_log_location()
        if location is None or not any(row.has_issues for row in imp.rows):
            continue
        folder = plan.config.folder / location
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ImporterError(f"The error log folder {folder} cannot be created "
                                f"({error.strerror}); the rows were committed.") from error
        written.append(reports.write_error_log(Plan(plan.config, [imp]), folder))
    return written


CHECK = Command("check", "check every row; write nothing", run, _arguments)
COMMIT = Command("commit", "check, then write every row without errors", run, _arguments)
