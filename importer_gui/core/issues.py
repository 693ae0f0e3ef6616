"""Row outcomes and issues as plain values, shared by the checker, the store and the UI."""

from __future__ import annotations

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
