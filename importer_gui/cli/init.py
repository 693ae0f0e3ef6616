"""init: the wizard's guesses, headless: a configuration of one import for a data file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TextIO

from importer_gui.cli.command import EXIT_OK, EXIT_ROW_ERRORS, NOTHING_DONE, Command, path_argument
from importer_gui.cli.output import Output, dump_json, visible
from importer_gui.core import config_xml
from importer_gui.core.atomic import file_bytes
from importer_gui.core.config import leads_outside, relocated
from importer_gui.core.errors import ImporterError
from importer_gui.core.guess import FileGuess, Guess, guess_file

# As export-config and package: a file the user may have edited, or any other, is never lost.
NOT_REPLACED = ("{path} already exists and is not the configuration init writes for this data "
                "file; it was not replaced. Nothing was written; choose another file, or move "
                "that one away first.")


def _arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("data_file", type=path_argument, metavar="DATA_FILE",
                     help="the spreadsheet or CSV file to import")
    sub.add_argument("--out", type=path_argument, required=True, metavar="CONFIG.xml",
                     help="the configuration to write; a CONFIG.xml that exists is replaced "
                          "only when it holds what init writes here")
    sub.add_argument("--action", metavar="NAME", default=None,
                     help="the action (default: the one the headers name most fields of)")
    sub.add_argument("--sheet", metavar="NAME", default=None,
                     help="a workbook's sheet to read (default: the first visible one holding "
                          "data)")


def run(args: argparse.Namespace, out: Output) -> int:
    """Guess, write the configuration, say what was guessed and how sure.

    Exit 0 when every mandatory field is fed, 1 when some are not (the configuration is
    written all the same), 2 when the file cannot be read.
    """
    data_file: Path = args.data_file
    guess = guess_file(data_file, args.action, args.sheet)
    target: Path = args.out
    config = relocated(guess.config(), [data_file], target)
    if os.path.lexists(target) and not _holds(target, config_xml.dumps(config)):
        raise ImporterError(NOT_REPLACED.format(path=target))
    config_xml.save(config, target)
    out.wrote(f"the configuration {target} was written")
    provider = config.imports[0].provider
    outside = leads_outside(provider.path)
    missing = guess.missing()
    if args.json:
        dump_json(_document(guess, target, missing, outside), out)
    else:
        _print(guess, target, missing, outside, out)
    return EXIT_ROW_ERRORS if missing else EXIT_OK


def _holds(path: Path, text: str) -> bool:
    """True when ``path`` is a file (not a link) holding ``text`` byte for byte: replacing
    it loses nothing."""
    data = text.encode("utf-8")
    return file_bytes(path, len(data)) == data


def _guess_json(guess: Guess) -> dict[str, str]:
    return {"value": guess.value, "sureness": guess.sureness, "reason": guess.reason}


def _document(guess: FileGuess, target: Path, missing: list[str],
              outside: bool) -> dict[str, Any]:
    """What was guessed and written, as JSON."""
    return {
        "config": str(target), "data_file": str(guess.path), "sheet": guess.sheet,
        "encoding": _guess_json(guess.encoding), "delimiter": _guess_json(guess.delimiter),
        "header_line": _guess_json(guess.header), "date_format": _guess_json(guess.date_format),
        "action": _guess_json(guess.action),
        "columns": [{"column": n, "header": header, "field": s.field, "how": s.how}
                    for n, (header, s) in enumerate(guess.columns, start=1)],
        "holds_rows": guess.rows > 0, "missing": missing, "data_file_outside": outside,
        "without_guid": list(guess.unkeyed)}


def _print(guess: FileGuess, target: Path, missing: list[str], outside: bool,
           out: TextIO) -> None:
    """What was guessed and written, in words."""
    def line(text: str) -> None:
        out.write(visible(text) + "\n")

    line(f"Wrote {target}: one import of {guess.path.name} with {guess.action.value}.")
    shown = [("action", guess.action), ("header line", guess.header),
             ("date format", guess.date_format)]
    if guess.sheet is None:
        shown[1:1] = [("encoding", guess.encoding), ("delimiter", guess.delimiter)]
    else:
        line(f"  sheet: {guess.sheet} ({guess.sheet_reason})")
    for name, value in shown:
        line(f"  {name}: {value.value} ({value.sureness}: {value.reason})")
    line("  columns:")
    for n, (header, suggestion) in enumerate(guess.columns, start=1):
        how = f" ({suggestion.how} match)" if suggestion.how else ""
        line(f"    {n}. {header or f'column {n}'} -> {suggestion.field}{how}")
    for n in guess.unkeyed:
        line(f"Column {n} ({guess.columns[n - 1][0]}) would feed a custom field, whose GUID "
             "init cannot know: it is left ignored. Map it in the wizard, or give the column "
             "its <guid> in the configuration.")
    for option, fields in guess.search_fields().items():
        line(f"  {option}: {', '.join(fields)} (the only one of its fields a column feeds)")
    if guess.rows == 0:
        line(f"{guess.path.name} holds no rows.")
    if missing:
        line(f"No column feeds these mandatory fields: {', '.join(missing)}. Map them in the "
             "wizard, or edit the configuration.")
    if outside:
        line("The data file is outside the configuration's folder: check and commit read it "
             "with --data, or move the configuration beside it.")


INIT = Command("init", "guess a configuration of one import for a data file", run, _arguments,
               "Exit codes: 0 every mandatory field is fed; 1 some are not (the configuration "
               f"is written all the same); {NOTHING_DONE}, nothing written; 3 the configuration "
               "was written, but the output could not be.")
