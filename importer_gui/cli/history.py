"""history: the store's import runs, newest first."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from importer_gui.cli.command import EXIT_OK, Command, store_path
from importer_gui.cli.output import counts_text, dump_json, visible
from importer_gui.core.store import RunSummary, Store


def _run_json(run: RunSummary) -> dict[str, Any]:
    return {"id": run.id, "started": run.started.isoformat(timespec="seconds"),
            "kind": run.kind, "config": run.config, "files": run.files, "counts": run.counts,
            "reverts": run.reverts_run, "reverted_by": run.reverted_by,
            "user": run.user_name, "machine": run.machine}


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print every run, newest first."""
    with Store.open(store_path(args)) as store:
        runs = store.history()
    if args.json:
        dump_json({"runs": [_run_json(r) for r in runs]}, out)
        return EXIT_OK
    if not runs:
        out.write("No import runs yet.\n")
    for run in runs:
        note = f" (reverts run {run.reverts_run})" if run.reverts_run else ""
        note += f" (reverted by run {run.reverted_by})" if run.reverted_by else ""
        out.write(visible(f"Run {run.id}  {run.started:%Y-%m-%d %H:%M:%S}  {run.kind}  "
                          f"{run.config}{note}") + "\n")
        out.write(visible(f"  files: {', '.join(run.files)}") + "\n")
        out.write(f"  {counts_text(run.counts)}\n")
        if run.committed_by:
            out.write(visible(f"  by: {run.committed_by}") + "\n")
    return EXIT_OK


HISTORY = Command("history", "list import runs, newest first", run)
