"""A run (one commit or revert) as plain values: what it is made from, and what it did."""

from __future__ import annotations

import getpass
import platform
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from importer_gui.core.records import ChangeKind
from importer_gui.core.schema import Table

# An import commits a file; a refresh brings the store in line with the platform's exports;
# a revert undoes either (or another revert).
RUN_KINDS = ("import", "refresh", "revert")
# The kinds whose runs a revert may undo and redo: what is "in effect" until reverted.
UNDOABLE_KINDS = ("import", "refresh")


class DamagedRunError(ValueError):
    """A value of a run's history that cannot be read back: which run, and why."""

    def __init__(self, run_id: int, reason: BaseException) -> None:
        super().__init__(f"run {run_id}: {reason}")
        self.run_id = run_id
        self.reason = reason


def os_user() -> str:
    """The operating system's name of the user running this program ("" when unknown)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name, no passwd entry (a bare container)
        return ""


def machine_name() -> str:
    """This computer's network name ("" when unknown)."""
    return platform.node()


@dataclass
class RunInfo:
    """What a run is made from, written with its changes."""

    config_path: str
    config_xml: str
    files: list[str]
    counts: dict[str, int]
    kind: str = "import"  # or "refresh", "revert"
    reverts_run: int | None = None
    # False: the revert skipped conflicts, so the run it reverts stays revertible for them.
    reverts_whole: bool = True
    user_name: str = field(default_factory=os_user)  # who commits it
    machine: str = field(default_factory=machine_name)  # from which computer


@dataclass
class RunSummary:
    """One run, as the history shows it."""

    id: int
    started: datetime
    finished: datetime | None
    kind: str
    config: str
    files: list[str]
    counts: dict[str, int]
    reverts_run: int | None
    reverted_by: int | None  # the revert that put back every record the run left
    user_name: str | None = None  # None: a run committed before stores said who
    machine: str | None = None
    # Reverts in effect that put back some of its records only (the run stays revertible).
    partly_reverted_by: tuple[int, ...] = ()

    @property
    def committed_by(self) -> str:
        """"jdoe on pc-12", "jdoe", or "" when the run does not say."""
        where = f"on {self.machine}" if self.machine else ""
        return " ".join(part for part in (self.user_name, where) if part)


@dataclass
class RunChangeRow:
    """One recorded change of a run: full values before (update, delete) and after."""

    table: Table
    kind: ChangeKind
    record_id: int
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
