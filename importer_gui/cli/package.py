"""package: check a configuration's files, write a folder the platform reads as it is, and
optionally send it to the platform's SFTP drop folder."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from importer_gui.cli.command import (
    EXIT_NOT_SENT,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    NOTHING_DONE,
    Command,
    config_arguments,
    open_store,
    path_argument,
)
from importer_gui.cli.output import Output, dump_json, imports_json, issues_json, say, visible
from importer_gui.cli.process import collector_kept_off_the_plan, keep_until_exit
from importer_gui.core import config_xml, pipeline
from importer_gui.core.package import (
    NotSentError,
    PackageResult,
    package,
    refuse_unsafe_folder,
    send,
)
from importer_gui.core.plan import KeptCells, Plan


def _arguments(sub: argparse.ArgumentParser) -> None:
    config_arguments(sub)
    sub.add_argument("--out", type=path_argument, required=True, metavar="DIR",
                     help="the package's folder (created when missing)")
    sub.add_argument("--upload", metavar="URL",
                     help="then send it to sftp://USER@HOST[:PORT]/FOLDER")
    sub.add_argument("--identity", type=path_argument, metavar="FILE",
                     help="the private key to send with (default: the SSH agent, ~/.ssh)")


def run(args: argparse.Namespace, out: Output) -> int:
    """Check, package, send when asked; exit 1 when rows were left out, 4 when the package
    was written but not sent."""
    from importer_gui.core import sftp

    target = sftp.parse_target(args.upload) if args.upload else None
    config = config_xml.load(args.config)
    # Refused at once: not after a check of a large file, nor with the store opened.
    refuse_unsafe_folder(config, pipeline.resolve_data_files(config, args.data), args.out)
    with open_store(args) as store, collector_kept_off_the_plan():
        # The rows' cells are read again as they are written (package.py), not kept.
        plan = pipeline.check(config, store, data_files=args.data, kept=KeptCells.ERRORS)
    keep_until_exit(plan)
    result = package(plan, args.out)
    out.wrote(f"the package was written in {result.folder}")
    sent: list[str] = []
    if target is not None:
        try:
            sent = send(result, target, key_file=args.identity, ask_password=_ask_password)
        except NotSentError as error:  # written all the same: not "nothing could be done"
            say(visible(f"importer-gui: {error} Run the same command again to send it.")
                + "\n")
            return EXIT_NOT_SENT
        out.wrote(f"the package was written in {result.folder} and sent to {target}")
    if args.json:
        dump_json(_package_json(plan, result, sent,
                                None if target is None else str(target)), out)
    else:
        _print(result, sent, target, out)
    return EXIT_OK if result.complete else EXIT_ROW_ERRORS


def _ask_password(target: object) -> str | None:
    """The password typed on the terminal (not echoed); None without a terminal."""
    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"Password for {target}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def _package_json(plan: Plan, result: PackageResult, sent: list[str], target: str | None
                  ) -> dict[str, Any]:
    """The package's files and rows left out, then its imports as check --json gives them
    (actions, counts), each with the package file holding its rows (null when left out)."""
    packaged = {f.index: str(f.path) for f in result.files}
    imports = imports_json(plan)
    for index, entry in enumerate(imports["imports"]):
        entry["package_file"] = packaged.get(index)
    return {
        "folder": str(result.folder), "config": str(result.config),
        "files": [{"file": str(f.path), "source": str(f.source), "rows": f.rows}
                  for f in result.files],
        "left_out": [{"file": str(r.file), "line": r.line, "issues": issues_json(r.issues)}
                     for r in result.left_out],
        "notices": result.notices, "upload": target, "sent": sent, **imports}


def _print(result: PackageResult, sent: list[str], target: object, out: TextIO) -> None:
    out.write(visible(f"Package: {result.folder}") + "\n")
    out.write(visible(f"  {result.config.name} (the configuration)") + "\n")
    for packaged in result.files:
        rows = f"{packaged.rows} row{'s' if packaged.rows != 1 else ''}"
        out.write(visible(f"  {packaged.path.name}: {rows} from {packaged.source.name}") + "\n")
    for notice in result.notices:
        out.write(visible(notice) + "\n")
    for row in result.left_out:
        for issue in row.issues:
            field = f" {issue.field}" if issue.field else ""
            out.write(visible(f"{row.file.name}:{row.line}: {issue.level.value}{field}: "
                              f"{issue.message}") + "\n")
    if result.left_out:
        count = len(result.left_out)
        out.write(f"{count} row{'s' if count != 1 else ''} with errors left out.\n")
    if target is not None:
        out.write(visible(f"Sent to {target}: {len(sent)} files.") + "\n")


PACKAGE = Command("package", "check, then write a folder the platform reads as it is (and "
                  "send it by SFTP)", run, _arguments,
                  "Exit codes: 0 every row is in the package; 1 some rows were left out (named); "
                  f"{NOTHING_DONE}; 3 the package was written (and sent), but the output "
                  "could not be; 4 the package was written, but sending it failed (one line "
                  "on stderr).")
