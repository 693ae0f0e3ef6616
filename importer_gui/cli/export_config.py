"""export-config: the export configuration to schedule on the platform for ``refresh``."""

from __future__ import annotations

import argparse
import json
import os
import unicodedata

from importer_gui.cli.command import EXIT_OK, NOTHING_DONE, Command, path_argument
from importer_gui.cli.output import Output, visible
from importer_gui.core.atomic import write_bytes_atomically
from importer_gui.core.cells import NOT_UTF8_BYTE, NOT_XML, code_points, not_xml_characters
from importer_gui.core.errors import ImporterError, system_reason
from importer_gui.core.platform_io.export_config import (
    DEFAULT_EXPORT_FOLDER,
    is_full_path,
    is_scheduled_document,
    scheduled_document,
)

NO_FOLDER = ("--folder is empty: the platform needs the full path of the folder the files are "
             "moved to, from the root (for example {example}).")
NOT_FULL_PATH = ('--folder "{folder}" is not a full path: the platform has no base folder, so '
                 "give it from the root (for example {example}).")
NOT_PRINTABLE = ('--folder "{folder}" holds a control character (a line break, a tab, an '
                 "escape), which no folder path holds: type it again (for example {example}).")
NOT_XML_FOLDER = ('--folder "{folder}" holds a character XML cannot hold ({characters}), so '
                  "the export configuration cannot name it: type it again (for example "
                  "{example}).")
NOT_UTF8_FOLDER = ('--folder "{folder}" holds bytes that are not UTF-8 (the folder\'s name is '
                   "in another encoding), so the export configuration cannot name it: type "
                   "it again (for example {example}).")
NOT_SHOWN = ('--folder "{folder}" holds a character that shows as a blank or as nothing '
             "({characters}), which would name another folder than the one you see: type it "
             "again (for example {example}).")
NOT_REPLACED = ("{path} already exists and is not an export configuration as export-config "
                "wrote it; it was not replaced. Nothing was written; choose another file, or "
                "move that one away first.")


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--out", type=path_argument, metavar="FILE",
                     help="write it to FILE (default: print it); a FILE that exists is replaced "
                          "only when it is an export configuration as export-config wrote it")
    sub.add_argument("--folder", default=DEFAULT_EXPORT_FOLDER, metavar="PATH",
                     help="the full path of the platform's folder the files are moved to "
                          f"(moveToFolder's folderPath; default {DEFAULT_EXPORT_FOLDER})")


def run(args: argparse.Namespace, out: Output) -> int:
    """Print the configuration, or write it to --out (replacing only one written so)."""
    _refuse_folder(args.folder)
    text = scheduled_document(args.folder)
    if args.out is None:
        out.write(json.dumps({"config": text}) + "\n" if args.json else text)
        return EXIT_OK
    if os.path.lexists(args.out) and not is_scheduled_document(args.out):
        raise ImporterError(NOT_REPLACED.format(path=args.out))
    try:
        write_bytes_atomically(args.out, text.encode("utf-8"))
    except OSError as exc:
        raise ImporterError(f"{args.out}: the export configuration could not be written: "
                            f"{system_reason(exc)}.") from None
    out.wrote(f"the export configuration {args.out} was written")
    if args.json:
        out.write(json.dumps({"written": str(args.out)}) + "\n")
    else:
        out.write(visible(f"Written: {args.out}") + "\n")
    return EXIT_OK


def _refuse_folder(folder: str) -> None:
    """Refuse a folder the platform would refuse once the export is scheduled."""
    if not folder.strip():
        raise ImporterError(NO_FOLDER.format(example=DEFAULT_EXPORT_FOLDER))
    if not is_full_path(folder):
        raise ImporterError(NOT_FULL_PATH.format(folder=folder, example=DEFAULT_EXPORT_FOLDER))
    if refusal := _unfit_characters(folder):
        raise ImporterError(refusal)


def _unfit_characters(folder: str) -> str | None:
    """Why ``folder`` holds a character no folder typed holds, or None: a control character,
    bytes that are not UTF-8 (read as lone surrogates), another character the configuration's
    XML cannot hold, or one that shows as a blank or as nothing."""
    if any(unicodedata.category(c) == "Cc" for c in folder):
        template, characters = NOT_PRINTABLE, ""
    elif NOT_UTF8_BYTE.search(folder):
        template, characters = NOT_UTF8_FOLDER, ""
    elif NOT_XML.search(folder):
        template, characters = NOT_XML_FOLDER, not_xml_characters(folder)
    elif not folder.isprintable():
        template, characters = NOT_SHOWN, code_points(c for c in folder if not c.isprintable())
    else:
        return None
    return template.format(folder=folder, characters=characters, example=DEFAULT_EXPORT_FOLDER)


EXPORT_CONFIG = Command("export-config", "write the export configuration to schedule on the "
                        "platform, so that it produces the files refresh reads", run,
                        _arguments, f"Exit codes: 0 printed or written; {NOTHING_DONE}, "
                        "nothing written; 3 written (--out), but the output could not be.")
