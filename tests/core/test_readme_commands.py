"""The README's list of commands names every command and every option each one takes, as
their --help does, so that a user copying from it never meets an option gone or misses one."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from importer_gui.cli import build_parser

README = Path(__file__).resolve().parents[2] / "README.md"
OPTION = re.compile(r"--[a-z][a-z-]*")


def readme_synopsis() -> dict[str, set[str]]:
    """Each command of the README's Headless use block, with the options its line names."""
    text = README.read_text(encoding="utf-8")
    block = text.split("```sh\nimporter-gui check", 1)[1].split("```", 1)[0]
    lines: list[str] = []
    for line in ("importer-gui check" + block).splitlines():
        if line.startswith(" ") and lines:  # a command's line wrapped onto the next
            lines[-1] += line
        elif line.strip():
            lines.append(line)
    synopsis: dict[str, set[str]] = {}
    for line in lines:
        words = line.split("#")[0].split()[1:]
        name = " ".join(words[:2]) if words[0] == "store" else words[0]
        synopsis[name] = set(OPTION.findall(" ".join(words[1:])))
    return synopsis


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """A parser's commands by name (none when it has no subcommands)."""
    for action in parser._actions:  # argparse lists its subcommands nowhere public
        if isinstance(action.choices, dict):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> set[str]:
    """The long options a parser's --help lists, --help aside."""
    # A command that opens no store keeps a hidden --store, only to refuse it.
    return {option for action in parser._actions for option in action.option_strings
            if option.startswith("--") and option != "--help"
            and action.help != argparse.SUPPRESS}


def parser_synopsis() -> dict[str, set[str]]:
    """Each command the program takes, with its options, as the README's block lists them."""
    parser = build_parser()
    # The top-level lines: --version alone, and the wizard's [FILE] [--store STORE].
    synopsis = {"--version": set(), "[FILE]": {"--store"}}
    for name, sub in subcommands(parser).items():
        nested = subcommands(sub)
        for action, leaf in nested.items():
            synopsis[f"{name} {action}"] = options(leaf)
        if not nested:
            synopsis[name] = options(sub)
    return synopsis


def test_the_readme_lists_every_command_with_the_options_its_help_gives() -> None:
    assert readme_synopsis() == parser_synopsis()
