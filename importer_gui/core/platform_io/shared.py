"""What the rows of one refresh share: the records the exports named, and the learners
waiting for a manager further down their export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from importer_gui.core.actions.base import RowContext
from importer_gui.core.schema import Table
from importer_gui.core.setting_rows import SET_AGAIN


@dataclass
class Shared:
    """State the row handlers of one refresh read and write."""

    # The stored records some export row named, by table: --prune deletes the others (those
    # the refresh created are named by their own rows).
    seen: dict[Table, set[int]] = field(default_factory=lambda: {t: set() for t in Table})
    # A manager's login -> the learners naming it before its own row: (row index, learner id).
    waiting: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    row: int = 0  # the index, in its export, of the row being planned
    # The lines of the export being planned, by row index (its plan's, as it grows).
    lines: Sequence[int] = ()
    # The records a row of their own export created or updated, by table: record id -> that
    # row's index. The platform exports each record once: a second row naming one (a file
    # edited by hand) overwrites the first row's record, which the user is told.
    # One attribute per table: an Enum member hashes in Python, on every row.
    trainings_named: dict[int, int] = field(default_factory=dict)
    sessions_named: dict[int, int] = field(default_factory=dict)
    learners_named: dict[int, int] = field(default_factory=dict)

    def begin_export(self, lines: Sequence[int]) -> None:
        """Plan the rows of the next export, whose plan's lines are ``lines``: the records
        an earlier export's rows set are not this file's lines to name."""
        self.lines = lines
        self.trainings_named.clear()
        self.sessions_named.clear()
        self.learners_named.clear()


def warn_if_named_before(ctx: RowContext, shared: Shared, named: dict[int, int], table: Table,
                         record: Any, field_name: str) -> None:
    """Warn on ``field_name`` when an earlier row of this export created or updated
    ``record`` (``named``: its table's rows that did), as an import warns a row setting a
    record again: its values are applied after the earlier row's."""
    earlier = named.get(record.id)
    if earlier is not None:
        ctx.warning(field_name, SET_AGAIN[table].format(line=shared.lines[earlier]))
