"""Row outcomes and issues as plain values, shared by the checker, the store and the UI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How serious an issue is: an ERROR stops the row from being committed."""

    ERROR = "ERROR"
    WARNING = "WARNING"


class Outcome(StrEnum):
    """What committing a row does (or would do)."""

    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    DELETE = "delete"
    ERROR = "error"


OUTCOME_ORDER: tuple[Outcome, ...] = tuple(Outcome)


def outcome_totals(parts: Iterable[Mapping[Outcome, int]]) -> dict[Outcome, int]:
    """The counts of ``parts`` added up, every outcome in OUTCOME_ORDER (zero when none)."""
    total: Counter[Outcome] = Counter()
    for part in parts:
        total.update(part)
    return {o: total[o] for o in OUTCOME_ORDER}


def outcome_totals_by_name(parts: Iterable[Mapping[Outcome, int]]) -> dict[str, int]:
    """``outcome_totals`` keyed by the outcomes' names, as runs store and JSON says them."""
    return {o.value: n for o, n in outcome_totals(parts).items()}


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem found on one row: level, field (may be empty) and message."""

    level: Level
    field: str
    message: str

    @classmethod
    def error(cls, field: str, message: str) -> Issue:
        """An ERROR on a field."""
        return cls(Level.ERROR, field, message)

    @classmethod
    def warning(cls, field: str, message: str) -> Issue:
        """A WARNING on a field."""
        return cls(Level.WARNING, field, message)
