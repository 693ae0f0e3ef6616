"""A run (one commit or revert) as plain values: what it is made from, and what it did."""

from __future__ import annotations

import getpass
import platform
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from importer_gui.core.errors import QT_TRANSLATE_NOOP
from importer_gui.core.issues import Outcome
from importer_gui.core.records import ChangeKind
from importer_gui.core.schema import Table

# An import commits a file; a refresh brings the store in line with the platform's exports;
# a revert undoes either (or another revert).
IMPORT_KIND = "import"
REVERT_KIND = "revert"
RUN_KINDS = (IMPORT_KIND, "refresh", REVERT_KIND)
# The kinds whose runs a revert may undo and redo: what is "in effect" until reverted.
UNDOABLE_KINDS = ("import", "refresh")
# A revert's count of the records it skipped as conflicts (an import's count of errors).
SKIPPED_COUNT = Outcome.ERROR.value

# Said in the window in the user's language (see core/errors.py).
NO_SUCH_RUN = QT_TRANSLATE_NOOP("errors", "The store {path} holds no run {run}.")


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
    reverted_by: int | None  # the revert in effect that put back every record the run left
    user_name: str | None = None  # None: a run committed before stores said who
    machine: str | None = None
    # Reverts in effect that put back some of its records only (the run stays revertible).
    partly_reverted_by: tuple[int, ...] = ()
    # Its deletions are unregistrations: its configuration's imports register learners alone.
    unregisters: bool = False

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


@dataclass(frozen=True)
class RevertLink:
    """One revert run: the run it reverts, and whether it put back every record of it."""

    revert: int
    reverts: int
    whole: bool  # False: it skipped conflicts (its counts' errors), leaving the rest in effect


def revert_link(revert: int, reverts: int, counts: dict[str, Any]) -> RevertLink:
    """A revert run's link, from its counts: the records it skipped are its errors."""
    return RevertLink(revert, reverts, not counts.get(SKIPPED_COUNT))


def reverted_marks(links: Iterable[RevertLink]) -> dict[int, int]:
    """Which runs are wholly reverted, and by which revert: {run: revert}.

    A run is reverted by a whole revert of it (which left every record of the run put back)
    as long as nothing written since in its chain of reverts (reverts of reverts, and so on)
    is still in effect: each later revert was itself wholly reverted, or undoes a run that
    came after that whole revert and is wholly reverted. So reverting a revert of a revert
    (runs 2, 3, 4 reverting 1, 2, 3) leaves run 1 reverted by run 2 again, and reverting a
    partial revert that the whole one counted on leaves the run partly in effect.
    """
    ordered = sorted(links, key=lambda link: link.revert)
    target = {link.revert: link.reverts for link in ordered}
    reverts: dict[int, list[int]] = {}
    for link in ordered:
        reverts.setdefault(link.reverts, []).append(link.revert)
    whole = {link.revert for link in ordered if link.whole}
    marks: dict[int, int] = {}
    # A run's mark depends on the marks of later runs only (a revert comes after its run).
    for run_id in sorted(reverts, reverse=True):
        chain = revert_chain(run_id, reverts)
        for revert in reversed(reverts[run_id]):
            if revert in whole and all(_undone(later, revert, target, marks)
                                       for later in chain if later > revert):
                marks[run_id] = revert
                break
    return marks


def mark_reverts(runs: list[RunSummary]) -> None:
    """Mark each of ``runs`` (every run of a store) with the revert in effect that wholly
    reverted it, or the reverts in effect that put back part of it (oldest first)."""
    marks = reverted_marks(revert_link(run.id, run.reverts_run, run.counts)
                           for run in runs if run.reverts_run is not None)
    partly: dict[int, list[int]] = {}
    for run in sorted(runs, key=lambda run: run.id):
        run.reverted_by = marks.get(run.id)
        if run.reverts_run is not None and run.reverted_by is None:
            partly.setdefault(run.reverts_run, []).append(run.id)
    for run in runs:
        run.partly_reverted_by = () if run.reverted_by is not None \
            else tuple(partly.get(run.id, ()))


def revert_chain(run_id: int, reverts: dict[int, list[int]]) -> list[int]:
    """The reverts of a run, of those reverts, and so on (``reverts``: each run's own)."""
    found: list[int] = []
    waiting = [run_id]
    while waiting:
        more = reverts.get(waiting.pop(), [])
        found.extend(more)
        waiting.extend(more)
    return found


def _undone(later: int, since: int, target: dict[int, int], marks: dict[int, int]) -> bool:
    """Whether a revert made after the whole revert ``since`` leaves nothing in effect: it was
    wholly reverted, or the run it reverts came after ``since`` and is wholly reverted."""
    return later in marks or (target[later] > since and target[later] in marks)
