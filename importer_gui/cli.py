"""The headless command line: check, commit, history, revert; no command opens the wizard."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import ImporterError
from importer_gui.core.issues import OUTCOME_ORDER
from importer_gui.core.paths import default_store_path
from importer_gui.core.plan import Plan
from importer_gui.core.store import RunSummary, Store

if TYPE_CHECKING:
    from importer_gui.core.revert import RevertPlan, RevertResult

EXIT_OK, EXIT_ROW_ERRORS, EXIT_FAILED = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="importer-gui",
        description="Check and commit training-catalogue spreadsheets against an import "
                    "configuration. Without a command, opens the wizard.")
    parser.add_argument("--version", action="store_true", help="print versions and folders")
    parser.add_argument("--store", type=Path,
                        help=f"the SQLite store (default: {default_store_path()})",
                        default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in (("check", "check every row; write nothing"),
                          ("commit", "check, then write every row without errors")):
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.add_argument("config", type=Path, metavar="CONFIG", help="the XML configuration")
        sub.add_argument("--data", type=Path, action="append", default=[], metavar="FILE",
                         help="replaces the data file of the next <import>, in order")
        _common(sub)
    _common(commands.add_parser("history", help="list import runs, newest first"))
    summary = "undo an import run, as a new run; records changed since are skipped"
    sub = commands.add_parser("revert", help=summary, description=summary)
    sub.add_argument("run", type=int, metavar="RUN_ID", help="the run to revert (see history)")
    sub.add_argument("--dry-run", action="store_true", help="show what reverting does; "
                     "write nothing")
    _common(sub)
    return parser


def _common(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="the SQLite store")
    sub.add_argument("--json", action="store_true", help="print JSON on stdout")


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan as the documented JSON shape."""
    imports = []
    for imp in plan.imports:
        rows = [{"line": row.line, "action": result.action, "outcome": result.outcome.value,
                 "issues": [{"level": i.level.value, "field": i.field, "message": i.message}
                            for i in result.issues]}
                for row in imp.rows for result in row.results]
        imports.append({"file": str(imp.file), "rows": rows})
    return {"imports": imports, "counts": plan.counts()}


def write_json(document: dict[str, Any], out: TextIO) -> None:
    """The plan's JSON, indented, one row per line.

    json's fast (C) encoder only runs without indentation: indenting 100,000 rows with the
    pure-Python one took longer than the check itself.
    """
    out.write("{\n")
    for n, (key, value) in enumerate(document.items()):
        comma = "," if n < len(document) - 1 else ""
        if key != "imports":
            out.write(f"  {json.dumps(key)}: {json.dumps(value)}{comma}\n")
            continue
        out.write('  "imports": [\n')
        for i, imp in enumerate(value):
            head = {k: v for k, v in imp.items() if k != "rows"}
            out.write(f"    {json.dumps(head)[:-1]}, \"rows\": [\n")
            rows = imp.get("rows", [])
            out.write(",\n".join(f"      {json.dumps(row)}" for row in rows))
            out.write(f"\n    ]}}{',' if i < len(value) - 1 else ''}\n")
        out.write(f"  ]{comma}\n")
    out.write("}\n")


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def print_plan(plan: Plan, out: TextIO) -> None:
    """The readable summary: counts per import, then every issue with file and line."""
    for imp in plan.imports:
        counts = {o.value: n for o, n in imp.counts().items()}
        full = {o.value: counts.get(o.value, 0) for o in OUTCOME_ORDER}
        out.write(f"Import {imp.index + 1}: {imp.file} ({', '.join(imp.actions)})\n")
        out.write(f"  {_counts_text(full)}\n")
        for row in imp.rows:
            for result in row.results:  # plain loops: most of 100,000 rows have no issue
                for issue in result.issues:
                    field = f" {issue.field}" if issue.field else ""
                    out.write(f"{imp.file.name}:{row.line}: {issue.level.value}{field}: "
                              f"{issue.message}\n")
    out.write(f"Total: {_counts_text(plan.counts())}\n")


def _check(args: argparse.Namespace, out: TextIO) -> int:
    with Store.open(_store_path(args)) as store:
        with _collector_kept_off_the_plan():
            plan = pipeline.check(config_xml.load(args.config), store, data_files=args.data)
        result = pipeline.commit(plan, store) if args.command == "commit" else None
    logs = write_error_logs(plan) if result is not None else []
    _keep_until_exit(plan)
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


def _run_json(run: RunSummary) -> dict[str, Any]:
    return {"id": run.id, "started": run.started.isoformat(timespec="seconds"),
            "kind": run.kind, "config": run.config, "files": run.files, "counts": run.counts,
            "reverts": run.reverts_run, "reverted_by": run.reverted_by}


def _history(args: argparse.Namespace, out: TextIO) -> int:
    with Store.open(_store_path(args)) as store:
        runs = store.history()
    if args.json:
        json.dump({"runs": [_run_json(r) for r in runs]}, out, indent=2)
        out.write("\n")
        return EXIT_OK
    if not runs:
        out.write("No import runs yet.\n")
    for run in runs:
        note = f" (reverts run {run.reverts_run})" if run.reverts_run else ""
        note += f" (reverted by run {run.reverted_by})" if run.reverted_by else ""
        out.write(f"Run {run.id}  {run.started:%Y-%m-%d %H:%M:%S}  {run.kind}  {run.config}"
                  f"{note}\n  files: {', '.join(run.files)}\n  {_counts_text(run.counts)}\n")
    return EXIT_OK


def _store_path(args: argparse.Namespace) -> Path:
    return args.store or default_store_path()


def _version(out: TextIO, store: Path | None) -> int:
    from importer_gui import about

    out.write(about.version_text(store) + "\n")
    return EXIT_OK


def _revert(args: argparse.Namespace, out: TextIO) -> int:
    from importer_gui.core import revert

    with Store.open(_store_path(args)) as store:
        plan = revert.plan_revert(store, args.run)
        stuck = plan.conflicts() > 0 and next(plan.changes(), None) is None
        result = None if args.dry_run or stuck else revert.commit_revert(store, plan)
    _keep_until_exit(plan)
    if args.json:
        json.dump(_revert_json(plan, result), out, indent=2)
        out.write("\n")
    else:
        _print_revert(plan, result, out)
    if stuck:  # every record is a conflict: nothing can be reverted
        sys.stderr.write(f"importer-gui: Nothing can be reverted: every record of run "
                         f"{args.run} changed since or is needed by other records.\n")
        return EXIT_FAILED
    return EXIT_ROW_ERRORS if plan.conflicts() else EXIT_OK


def _revert_json(plan: RevertPlan, result: RevertResult | None) -> dict[str, Any]:
    """A revert plan like check's JSON: one row per record."""
    rows = [{"table": row.table.value, "record": row.record_id, "outcome": row.outcome.value,
             "issues": [{"level": i.level.value, "field": i.field, "message": i.message}
                        for i in row.issues]}
            for row in plan.rows()]
    return {"run": result.run_id if result else None, "reverts": plan.run_id, "rows": rows,
            "counts": plan.counts(), "later_runs": plan.later_runs}


def _print_revert(plan: RevertPlan, result: RevertResult | None, out: TextIO) -> None:
    """Counts, every conflict with its record, and what was written."""
    out.write(f"Revert of run {plan.run_id}: {_counts_text(plan.counts())}\n")
    for row in plan.rows():
        for issue in row.issues:
            field = f" {issue.field}" if issue.field else ""
            out.write(f"{row.table.value} {row.record_id}: {issue.level.value}{field}: "
                      f"{issue.message}\n")
    for line in plan.summary():
        out.write(f"{line}\n")
    if result is None:
        out.write("Dry run: nothing was written.\n")
        return
    skipped = plan.conflicts()
    tail = f"; {skipped} record{'s' if skipped != 1 else ''} skipped" if skipped else ""
    out.write(f"Reverted run {plan.run_id} as run {result.run_id}{tail}.\n")


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "check": _check, "commit": _check, "history": _history, "revert": _revert}


# Large results a headless command leaves for the end of the process (see main_process).
# None when main() is called in-process (the tests): nothing is kept then.
_kept_until_exit: list[object] | None = None


def _keep_until_exit(value: object) -> None:
    if _kept_until_exit is not None:
        _kept_until_exit.append(value)


@contextlib.contextmanager
def _collector_kept_off_the_plan() -> Iterator[None]:
    """In a process that ends with os._exit, keep the cycle collector off the plan for good.

    A plan is hundreds of thousands of small, long-lived, acyclic objects. The planner only
    pauses the collector; left at that, the collector's first pass afterwards would walk the
    whole plan at once, and its later passes again. Here it stays paused until the plan is
    built, which is then frozen (gc.freeze): the commit and the output that follow collect
    their own garbage as usual, and the plan waits for the end of the process. Garbage
    cycles are collected first, so that none is frozen with the plan. In-process callers
    (the tests) keep the collector as it is.
    """
    if _kept_until_exit is None:
        yield
        return
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def main_process(argv: Sequence[str]) -> int:
    """main() for a process that ends right after it (``python -m importer_gui``).

    Freeing a 100,000-row plan object by object takes about 0.15 s; the operating system
    takes the memory back at once. So a headless command that kept its plan ends here with
    os._exit, once its output is flushed. The wizard returns normally: Qt saves settings
    and closes windows on the way out.
    """
    global _kept_until_exit
    _kept_until_exit = []
    code = main(argv)
    if not _kept_until_exit or sys.gettrace() or sys.getprofile():
        return code  # a profiler or coverage tool writes its report on the way out
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a reader that went away (`| head`)
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str]) -> int:
    """Run one command; return the process's exit code."""
    argv = list(argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        return _open_in_gui(argv)  # importer-gui FILE: the wizard opens that file
    args = build_parser().parse_args(argv)
    try:
        if args.version:
            return _version(sys.stdout, args.store)
        if args.command is None:
            from importer_gui.ui.app import run_gui

            return run_gui(list(argv), store_path=args.store)
        return COMMANDS[args.command](args, sys.stdout)
    except ImporterError as error:
        sys.stderr.write(f"importer-gui: {error}\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        sys.stderr.write("importer-gui: interrupted.\n")
        return EXIT_FAILED
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped reading: not our failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ROW_ERRORS
    except Exception:  # a bug: one line for the user, the traceback in the log
        sys.stderr.write(f"importer-gui: unexpected error; {_log_unexpected(argv)}\n")
        return EXIT_FAILED


def _open_in_gui(argv: list[str]) -> int:
    """Open the wizard on a spreadsheet or configuration given as the only argument."""
    path = Path(argv[0])
    if len(argv) > 1 or not path.is_file():
        sys.stderr.write(f"importer-gui: {argv[0]} is neither a command "
                         f"({', '.join(COMMANDS)}) nor a file to open; see importer-gui "
                         "--help.\n")
        return EXIT_FAILED
    from importer_gui.ui.app import run_gui

    return run_gui([str(path)])


def _log_unexpected(argv: list[str]) -> str:
    """Log the current exception's traceback; say where it is, for a bug report.

    The log is set up only now: a command that goes well never pays for it.
    """
    import logging

    from importer_gui.core import log

    written = log.configure()
    logging.getLogger(__name__).exception("unexpected error in: importer-gui %s",
                                          " ".join(argv))
    if written is None:  # the data folder cannot be written: the traceback went to stderr
        return "the details are above (the log cannot be written)"
    return log.details_hint()
