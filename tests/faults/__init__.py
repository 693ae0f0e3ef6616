"""Hostile input and faults: the command line in a child process, with bounded memory."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 1024 * 1024 * 1024  # address space for one check: far above a real file's needs
HANG_GUARD = 300  # seconds; a guard against hangs only, never a timing assertion
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Done:
    """What the command printed and its exit code."""

    code: int
    out: str
    err: str


def _limit_memory(limit: int) -> Callable[[], None]:
    """In the child: a runaway allocation fails there instead of taking the machine."""

    def limit_in_child() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return limit_in_child


def cli(*argv: str, memory_limit: bool = True, env: dict[str, str] | None = None,
        limit: int = MEMORY_LIMIT) -> Done:
    """Run ``python -m importer_gui ARGV`` in a child process, as a user's shell does."""
    done = subprocess.run([sys.executable, "-m", "importer_gui", *argv], capture_output=True,
                          text=True, timeout=HANG_GUARD, check=False, cwd=ROOT,
                          env={**os.environ, **(env or {})},
                          preexec_fn=_limit_memory(limit) if memory_limit and os.name == "posix"
                          else None)
    return Done(done.returncode, done.stdout, done.stderr)


def one_line_failure(done: Done) -> str:
    """The single line a failed command printed (exit 2, nothing on stdout, no traceback)."""
    assert done.code == 2, (done.code, done.err[-2000:])
    assert done.out == ""
    lines = done.err.splitlines()
    assert len(lines) == 1, done.err[-2000:]
    assert "Traceback" not in done.err
    return lines[0]
