"""A run (one commit or revert) as plain values: what it is made from, and what it did."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from importer_gui.core.records import ChangeKind
from importer_gui.core.schema import Table

RUN_KINDS = ("import", "revert")


@dataclass
class RunInfo:
    """What a run is made from, written with its changes."""

    config_path: str
    config_xml: str
    files: list[str]
    counts: dict[str, int]
    kind: str = "import"  # or "revert"
    reverts_run: int | None = None


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
    reverted_by: int | None


@dataclass
class RunChangeRow:
    """One recorded change of a run: full values before (update, delete) and after."""

    table: Table
    kind: ChangeKind
    record_id: int
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
