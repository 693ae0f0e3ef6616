"""history: the store's runs, newest first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from importer_gui.cli.command import EXIT_OK, NOTHING_DONE, Command, open_store, run_number
from importer_gui.cli.output import counts_text, dump_json, visible
from importer_gui.core.corrections import RecordedCorrection, run_corrections
from importer_gui.core.errors import StoreError
from importer_gui.core.revert import revert_counts_text, runs_text
from importer_gui.core.store import RunSummary
from importer_gui.core.store.runs import NO_SUCH_RUN, REVERT_KIND

# An empty history: the runs it would list are of every kind, not imports only.
NO_RUNS = "No runs yet: the store holds no import, refresh or revert.\n"


def _run_json(run: RunSummary) -> dict[str, Any]:
    return {"id": run.id, "started": run.started.isoformat(timespec="seconds"),
            "kind": run.kind, "config": run.config, "files": run.files, "counts": run.counts,
            "reverts": run.reverts_run, "reverted_by": run.reverted_by,
            "partly_reverted_by": list(run.partly_reverted_by),
            "user": run.user_name, "machine": run.machine}


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("run_id", type=run_number, nargs="?", metavar="RUN",
                     help="one run: its summary and the corrections made in the preview")


def _correction_json(c: RecordedCorrection) -> dict[str, Any]:
    return {"file": c.file, "line": c.line, "column": c.column, "header": c.header,
            "field": c.field, "before": c.before, "after": c.after}


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print every run, newest first; or one run with its corrections."""
    with open_store(args) as store:
        runs = store.history()
        if args.run_id is not None:
            runs = [r for r in runs if r.id == args.run_id]
            if not runs:
                raise StoreError(NO_SUCH_RUN.format(path=store.path, run=args.run_id))
            corrections = run_corrections(store, args.run_id)
    if args.run_id is not None:
        return _one_run(runs[0], corrections, out, as_json=args.json)
    if args.json:
        dump_json({"runs": [_run_json(r) for r in runs]}, out)
        return EXIT_OK
    if not runs:
        out.write(NO_RUNS)
    for run in runs:
        _print_run(run, out)
    return EXIT_OK


def _print_run(run: RunSummary, out: TextIO) -> None:
    note = f" (reverts run {run.reverts_run})" if run.reverts_run else ""
    note += f" (reverted by run {run.reverted_by})" if run.reverted_by else ""
    if run.partly_reverted_by:
        note += (f" (partly reverted by {runs_text(list(run.partly_reverted_by))}; the rest "
                 "can be reverted)")
    # On the reader's clock, as the window says it: a run keeps the offset of the clock that
    # recorded it (another time zone's, a server's in UTC).
    started = run.started.astimezone()
    # A revert read no configuration and no file: the store keeps the reverted run's with it
    # (the JSON gives them), and its note says which run that is.
    reverting = run.kind == REVERT_KIND
    config = "" if reverting else f"  {run.config}"
    out.write(visible(f"Run {run.id}  {started:%Y-%m-%d %H:%M:%S}  {run.kind}{config}{note}")
              + "\n")
    counts = (revert_counts_text(run.counts) if reverting
              else counts_text(run.counts, run.unregisters))
    if counts:  # a revert whose counts are all zero (written by another program) has none
        out.write(f"  {counts}\n")
    if run.committed_by:
        out.write(visible(f"  by: {run.committed_by}") + "\n")
    if not reverting:
        _print_files(run.files, out)


def _print_files(files: list[str], out: TextIO) -> None:
    """A run's file on its line; several counted, then one a line, indented: thirty paths
    joined make a line no terminal shows whole, and one a line is copied and grepped. Last of
    the run's lines, so that a long list does not push its counts away from its heading."""
    if len(files) == 1:
        out.write(visible(f"  files: {files[0]}") + "\n")
        return
    out.write(f"  files: {len(files) or 'none'}\n")
    for file in files:
        out.write(visible(f"    {file}") + "\n")


def _one_run(run: RunSummary, corrections: list[RecordedCorrection], out: TextIO, *,
             as_json: bool) -> int:
    """One run, then the cells corrected in the preview before it was committed."""
    if as_json:
        dump_json({**_run_json(run),
                   "corrections": [_correction_json(c) for c in corrections]}, out)
        return EXIT_OK
    _print_run(run, out)
    if not corrections:
        out.write("  corrections: none\n")
    else:
        out.write(f"  corrections: {len(corrections)}\n")
    for c in corrections:
        column = c.header or f"column {c.column}"
        out.write(visible(f"    {Path(c.file).name}:{c.line} {column} ({c.field}): "
                          f'"{c.before}" -> "{c.after}"') + "\n")
    return EXIT_OK


HISTORY = Command("history", "list the store's runs (imports, refreshes, reverts), newest "
                  "first; with RUN, one run and its corrections", run, _arguments,
                  f"Exit codes: 0 shown; {NOTHING_DONE}.")
