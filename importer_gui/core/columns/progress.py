"""Progress of a plan by column, said in rows as the row planner says it."""

from __future__ import annotations

from importer_gui.core.progress import Monitor


def progress(monitor: Monitor, rows: int, what: str, share: float) -> None:
    """Say that ``share`` of the ``rows`` are planned (Cancelled when asked to stop): a
    column planner's steps are its phases, not its rows."""
    every = max(monitor.every, 1)
    monitor.step(int(rows * share) // every * every, rows, what)
