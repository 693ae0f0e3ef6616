"""What the rows of one refresh share: the records the exports named, and the learners
waiting for a manager further down their export."""

from __future__ import annotations

from dataclasses import dataclass, field

from importer_gui.core.schema import Table


@dataclass
class Shared:
    """State the row handlers of one refresh read and write."""

    # The stored records some export row named, by table: --prune deletes the others (those
    # the refresh created are named by their own rows).
    seen: dict[Table, set[int]] = field(default_factory=lambda: {t: set() for t in Table})
    # A manager's login -> the learners naming it before its own row: (row index, learner id).
    waiting: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    row: int = 0  # the index, in its export, of the row being planned
