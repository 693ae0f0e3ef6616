"""The headless command line; no command opens the wizard.

Each command is a module of this package that defines a ``Command``; adding one is a module
and an entry in ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from importer_gui.cli import process
from importer_gui.cli.command import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    EXIT_WRITTEN_UNSAID,
    NOTHING_DONE,
    STORE_HELP,
    Command,
    Parser,
    add_common,
    says_unknown_options,
    store_argument,
    unknown_options_refused,
)
from importer_gui.cli.output import Output, OutputError, say, visible
from importer_gui.core import allocator, interrupts
from importer_gui.core.errors import ImporterError, refused_path_text
from importer_gui.core.paths import default_store_path

# Where each command is defined (its module in this package, and the Command's name there),
# in the order --help lists them. A command imports its own module only: every module, and
# with them every command's core modules, took some 20 ms of each command's start-up.
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("imports", "CHECK"), "commit": ("imports", "COMMIT"),
    "history": ("history", "HISTORY"), "revert": ("revert", "REVERT"),
    "store": ("store_cmd", "STORE"), "refresh": ("refresh", "REFRESH"),
    "export-config": ("export_config", "EXPORT_CONFIG"), "package": ("package", "PACKAGE"),
    "init": ("init", "INIT")}

# The commands that open no store: --store would be taken and ignored, so it is refused.
STORELESS = ("init", "export-config", "store")
STORE_TAKEN_BY = ", ".join(name for name in COMMANDS if name not in STORELESS)

# A run is one transaction: whatever the command was doing, the store holds whole runs only.
NOT_ENOUGH_MEMORY = ("there is not enough memory to finish; the store holds whole runs only "
                     "(see importer-gui history).")

__all__ = ["COMMANDS", "EXIT_FAILED", "EXIT_OK", "EXIT_ROW_ERRORS", "build_parser", "command",
           "interrupted", "main", "main_process"]


def command(name: str) -> Command:
    """The command of that name, its module imported."""
    module, defined_as = COMMANDS[name]
    found: Command = getattr(importlib.import_module(f"{__name__}.{module}"), defined_as)
    return found


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of every command; with ``only``, that command's arguments alone
    (the others are named, their modules not imported)."""
    parser = Parser(
        prog="importer-gui",
        description="Check and commit training-catalogue spreadsheets against an import "
                    "configuration. Without a command, opens the wizard, on FILE (a "
                    "spreadsheet or configuration) when one is given: importer-gui [FILE] "
                    "[--store STORE].",
        epilog="Exit codes: 0 all went well; 1 some rows have errors (or were skipped), the "
               f"others done; {NOTHING_DONE}, nothing written; 3 the rows were committed (or "
               "the file written), but an error log or the output could not be written; 4 "
               "(package --upload) the package was written, but sending it failed. Each "
               "command's --help says its own.")
    parser.add_argument("--version", action="store_true", help="print versions and folders")
    parser.add_argument("--store", type=store_argument,
                        help=f"{STORE_HELP}, for the commands that open one ({STORE_TAKEN_BY}; "
                             f"default: {default_store_path()})",
                        default=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if only is not None and name != only:
            commands.add_parser(name)
            continue
        found = command(name)
        sub = commands.add_parser(name, help=found.summary, description=found.summary,
                                  epilog=found.exits or None)
        found.arguments(sub)
        add_common(sub, store=name not in STORELESS)
        says_unknown_options(sub)
    return parser


def _named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs; None when there is none or help is asked for before it
    (the whole parser is needed then)."""
    at = _first_word(argv)
    return None if at is None or argv[at] not in COMMANDS else argv[at]


def _first_word(argv: Sequence[str]) -> int | None:
    """Where the word argparse reads as the command is: the first after the options before
    it (--store takes a value, given whole or by a prefix); None when there is none or help
    is asked for before it."""
    takes_value = False
    for at, word in enumerate(argv):
        if takes_value:
            takes_value = False
        elif word in ("-h", "--help"):
            return None
        elif word.startswith("-"):
            takes_value = len(word) > 2 and "--store".startswith(word)
        else:
            return at
    return None


def main_process(argv: Sequence[str]) -> int:
    """main() for a process that ends right after it (``python -m importer_gui``).

    Freeing a 100,000-row plan object by object takes about 0.15 s; the operating system
    takes the memory back at once. So a headless command that kept its plan ends here with
    os._exit, once its output is flushed. The wizard returns normally: Qt saves settings
    and closes windows on the way out.
    """
    try:
        allocator.settle()
        process.start_keeping()
        code = main(argv, ending=True)
    except KeyboardInterrupt:  # before the command's own handler: its arguments being read
        interrupts.ignore()
        code = interrupted()
    interrupts.ignore()  # what ran outside a command (the wizard, argparse's exit)
    if not process.keeping() or sys.gettrace() or sys.getprofile():
        return code  # a profiler or coverage tool writes its report on the way out
    for stream in (sys.stdout, sys.stderr):
        # A reader that went away (`| head`); None: the process was started with it closed.
        with contextlib.suppress(AttributeError, OSError):
            stream.flush()
    os._exit(code)


def interrupted() -> int:
    """Say that Ctrl+C or SIGTERM ended the command; its exit code."""
    interrupts.said()
    say("importer-gui: interrupted.\n")
    return EXIT_FAILED


def main(argv: Sequence[str], *, ending: bool = False) -> int:
    """Run one command; return the process's exit code. ``ending``: the process ends with
    the command, so Ctrl+C and SIGTERM are ignored from its end on (see _interrupts_handled)."""
    argv = list(argv)
    at = _first_word(argv)
    if at is not None and argv[at] not in COMMANDS:  # importer-gui [--store STORE] FILE
        return _open_in_gui(argv[at], argv[:at] + argv[at + 1:])
    args = unknown_options_refused(build_parser(_named(argv)), argv)
    if args.command in STORELESS and args.store is not None:  # before the command or after
        args.usage_of.error("argument --store: this command opens no store (--store is for "
                            f"{STORE_TAKEN_BY})")
    out = Output(sys.stdout)
    try:
        if args.version:
            return _version(out, args.store)
        if args.command is None:
            from importer_gui.ui.app import run_gui

            return run_gui(list(argv), store_path=args.store)
        with _interrupts_handled(ending=ending):
            code = command(args.command).run(args, out)
            out.flush()  # written whole before an interrupt held since a COMMIT acts
            return code
    except OutputError as error:  # after a commit or a file written: said so
        say(visible(f"importer-gui: {error}") + "\n")
        return EXIT_WRITTEN_UNSAID if error.wrote else EXIT_FAILED
    except ImporterError as error:
        say(visible(f"importer-gui: {error}") + "\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return interrupted()
    except MemoryError:  # outside a check too (a commit, the output): one line, as a check
        say(f"importer-gui: {NOT_ENOUGH_MEMORY}\n")
        return EXIT_FAILED
    except Exception as error:  # a bug: one line for the user, the traceback in the log
        said = refused_path_text(error)
        if said is not None:  # a path the system refused: the file and its reason say it
            say(visible(f"importer-gui: {said}") + "\n")
            return EXIT_FAILED
        say(f"importer-gui: unexpected error; {process.log_unexpected(argv)}\n")
        return EXIT_FAILED


@contextlib.contextmanager
def _interrupts_handled(*, ending: bool) -> Iterator[None]:
    """Ctrl+C, and SIGTERM (a service manager's, a closed session's) as Ctrl+C, end a
    command: its write rolled back, one line said (and a new store a commit or refresh was
    making taken away); not killed mid-write with the new store's file and journal left
    behind. From a write's COMMIT on, they wait for the command's end: the run is in the
    store, and the command says so and ends as usual rather than "interrupted". When the
    process ends with the command (``ending``), they are ignored from its end on rather than
    given back to Python's handler: a Ctrl+C held down would otherwise raise again while
    "interrupted." is said or the output flushed (a traceback, a lost exit code)."""
    def interrupt(_signum: int, _frame: object) -> None:
        if not interrupts.committed():
            interrupts.interrupt()

    try:
        # A signal the parent made us ignore (a job started in the background) stays so.
        before = {number: signal.signal(number, interrupt) for number in interrupts.SIGNALS
                  if signal.getsignal(number) is not signal.SIG_IGN}
    except ValueError:  # not the main thread (a test calling main): nothing to catch there
        yield
        return
    try:
        with interrupts.listening():
            interrupts.raise_if_dropped()  # one dropped before this handler took over
            yield
            if not interrupts.committed():
                interrupts.raise_if_dropped()  # one dropped during the command
    finally:
        for number, handler in before.items():
            signal.signal(number, signal.SIG_IGN if ending else handler)


def _version(out: Output, store: Path | None) -> int:
    from importer_gui import about

    out.write(f"{about.version_text(store)}\n{about.column_engine()}\n")
    out.flush()
    return EXIT_OK


def _open_in_gui(word: str, options: list[str]) -> int:
    """Open the wizard on a spreadsheet or configuration, with the options the wizard takes
    (--store) before or after it."""
    path = Path(word)
    try:
        is_file = path.is_file()
    except OSError:  # a name too long to be one
        is_file = False
    if not is_file:
        say(f"importer-gui: {visible(word)} is neither a command ({', '.join(COMMANDS)}) "
            "nor a file to open; see importer-gui --help.\n")
        return EXIT_FAILED
    more = _first_word(options)
    if more is not None:
        say(f"importer-gui: the wizard opens one file: {visible(options[more])} is one too "
            "many; see importer-gui --help.\n")
        return EXIT_FAILED
    args = unknown_options_refused(build_parser(only=""), options)  # no command's module
    if args.version:  # said as without the file
        return main(options)
    from importer_gui.ui.app import run_gui

    return run_gui([str(path)], store_path=args.store)
