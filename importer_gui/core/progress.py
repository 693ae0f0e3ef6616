"""How long work reports progress and learns it was cancelled, without Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from importer_gui.core.errors import Cancelled

# progress(done, total, what): total 0 means unknown; what is a short phrase for people, or
# "" where the work names no step of its own (its window says what it does).
ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]
SayFn = Callable[[str], None]


def _no_progress(done: int, total: int, what: str) -> None:
    """Report nothing."""


def _never_cancelled() -> bool:
    """Never cancelled."""
    return False


@dataclass
class Monitor:
    """Progress and cancellation for one piece of long work."""

    progress: ProgressFn = _no_progress
    cancelled: CancelFn = _never_cancelled
    every: int = 500  # report (and look for a cancel) every this many steps
    # Where a wait for someone else (another writer's lock) is said, once; None: as progress.
    waits: SayFn | None = None

    def step(self, done: int, total: int, what: str) -> None:
        """Report progress every ``every`` steps; raise Cancelled when asked to stop."""
        if done % self.every == 0:
            if self.cancelled():
                raise Cancelled()
            self.progress(done, total, what)

    def waiting(self, what: str) -> None:
        """Say that the work waits for someone else, as ``what`` words it."""
        if self.waits is not None:
            self.waits(what)
        else:
            self.progress(0, 0, what)

    def waited(self) -> None:
        """Say that the wait is over and the work goes on: where the wait was said as
        progress, a report that names no step, so that what the work does is shown again."""
        if self.waits is None:
            self.progress(0, 0, "")

    def check_cancelled(self) -> None:
        """Raise Cancelled when the user asked to stop."""
        if self.cancelled():
            raise Cancelled()
