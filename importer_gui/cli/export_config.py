"""export-config: the export configuration to schedule on the platform for ``refresh``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from importer_gui.cli.command import EXIT_OK, Command
from importer_gui.cli.output import visible
from importer_gui.core.atomic import write_bytes_atomically
from importer_gui.core.errors import ImporterError
from importer_gui.core.platform_io.export_config import DEFAULT_EXPORT_FOLDER, scheduled_document


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--out", type=Path, metavar="FILE",
                     help="write it to FILE (default: print it)")
    sub.add_argument("--folder", default=DEFAULT_EXPORT_FOLDER, metavar="PATH",
                     help="the platform's folder the files are moved to (moveToFolder's "
                          f"folderPath; default {DEFAULT_EXPORT_FOLDER})")


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Print the configuration, or write it to --out."""
    text = scheduled_document(args.folder)
    if args.out is None:
        out.write(json.dumps({"config": text}) + "\n" if args.json else text)
        return EXIT_OK
    try:
        write_bytes_atomically(args.out, text.encode("utf-8"))
    except OSError as exc:
        raise ImporterError(f"{args.out}: the export configuration could not be written: "
                            f"{exc.strerror or exc}.") from None
    if args.json:
        out.write(json.dumps({"written": str(args.out)}) + "\n")
    else:
        out.write(visible(f"Written: {args.out}") + "\n")
    return EXIT_OK


EXPORT_CONFIG = Command("export-config", "write the export configuration to schedule on the "
                        "platform, so that it produces the files refresh reads", run,
                        _arguments)
