"""What every command shares: exit codes, its registration, the store option."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from importer_gui.core.paths import default_store_path

EXIT_OK, EXIT_ROW_ERRORS, EXIT_FAILED = 0, 1, 2

Run = Callable[[argparse.Namespace, TextIO], int]


@dataclass(frozen=True)
class Command:
    """A command's name, one-line summary, its own arguments and what it runs."""

    name: str
    summary: str
    run: Run
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None


def add_common(sub: argparse.ArgumentParser) -> None:
    """--store and --json, which every command takes."""
    sub.add_argument("--store", type=Path, default=argparse.SUPPRESS, help="the SQLite store")
    sub.add_argument("--json", action="store_true", help="print JSON on stdout")


def store_path(args: argparse.Namespace) -> Path:
    """The store the command works on."""
    return args.store or default_store_path()
