"""revert: undo a run (an import, a refresh or a revert), as a new run of its own."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from importer_gui.cli.command import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    NOTHING_DONE,
    Command,
    open_store,
    run_number,
)
from importer_gui.cli.output import (
    JsonLines,
    issues_json,
    say,
    visible,
    waits_said,
    write_json,
)
from importer_gui.cli.process import keep_until_exit

if TYPE_CHECKING:
    from importer_gui.core.revert import RevertPlan, RevertResult


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("run", type=run_number, metavar="RUN_ID",
                     help="the run to revert (see history)")
    sub.add_argument("--dry-run", action="store_true", help="show what reverting does; "
                     "write nothing")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Plan the revert, and write it unless --dry-run or nothing can be reverted."""
    from importer_gui.core import revert

    with open_store(args) as store:
        plan = revert.plan_revert(store, args.run)
        stuck = plan.writes_nothing()
        result = None if args.dry_run or stuck \
            else revert.commit_revert(store, plan, waits_said())
    keep_until_exit(plan)
    if args.json:
        write_json(_revert_json(plan, result), out)
    else:
        _print_revert(plan, result, out, dry_run=args.dry_run)
    if stuck:
        say(f"importer-gui: Nothing can be reverted: {_stuck(plan)}.\n")
        return EXIT_FAILED
    return EXIT_ROW_ERRORS if plan.conflicts() else EXIT_OK


def _stuck(plan: RevertPlan) -> str:
    """Why nothing can be reverted: the run changed no record, every record left to put back
    is a conflict (an earlier revert that skipped them may have put back the others), or
    none is left."""
    if not plan.tables:
        return f"run {plan.run_id} changed no record"
    if not plan.conflicts():
        return f"every record of run {plan.run_id} is already as it was before the run"
    if plan.counts()["unchanged"]:
        return (f"the records of run {plan.run_id} not put back yet changed since or are "
                "needed by other records")
    return f"every record of run {plan.run_id} changed since or is needed by other records"


def _revert_json(plan: RevertPlan, result: RevertResult | None) -> dict[str, Any]:
    """A revert plan like check's JSON: one row per record, a line each."""
    rows = JsonLines(lambda: map(json.dumps, (
        {"table": row.table.value, "record": row.record_id, "outcome": row.outcome.value,
         "issues": issues_json(row.issues)} for row in plan.rows())))
    return {"run": result.run_id if result else None, "reverts": plan.run_id, "rows": rows,
            "counts": plan.counts(), "later_runs": plan.later_runs}


def _print_revert(plan: RevertPlan, result: RevertResult | None, out: TextIO, *,
                  dry_run: bool) -> None:
    """Every conflict with its record, then what was written, as history says that run (a
    revert that can write nothing says why on stderr)."""
    for row in plan.rows():
        for issue in row.issues:
            field = f" {issue.field}" if issue.field else ""
            out.write(visible(f"{row.table.value} {row.record_id}: {issue.level.value}{field}: "
                              f"{issue.message}") + "\n")
    for line in plan.summary(done=result is not None):
        out.write(visible(line) + "\n")
    out.write(_counts_line(plan, result) + "\n")
    if result is None and dry_run:
        out.write("Dry run: nothing was written.\n")


def _counts_line(plan: RevertPlan, result: RevertResult | None) -> str:
    """"Run 5 reverted run 1: 2 deleted, 1 skipped.": the counts in history's words (a dry
    run's "Run 1 would be reverted: ...")."""
    from importer_gui.core.revert import revert_counts_text

    if result is not None:
        said = f"Run {result.run_id} reverted run {plan.run_id}"
    elif plan.change_count():
        said = f"Run {plan.run_id} would be reverted"
    else:
        said = f"Run {plan.run_id} cannot be reverted"
    counts = revert_counts_text(result.counts if result else plan.counts())
    return f"{said}: {counts}." if counts else f"{said}."


REVERT = Command("revert", "undo a run (an import, a refresh or a revert) as a new run; "
                 "records changed since are skipped", run, _arguments,
                 "Exit codes: 0 the whole run reverted (or, with --dry-run, revertible); 1 "
                 f"records changed since were skipped, the others reverted; {NOTHING_DONE}, "
                 "nothing written, or nothing can be reverted; 3 reverted, but the output "
                 "could not be written.")
