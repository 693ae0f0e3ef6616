"""Store records as plain values, and the changes a plan makes to them.

The planner works on these in memory; ``core/store.py`` loads them and applies changes.
A record created by a plan has a negative id until the store gives it a real one; changes
that refer to it (a session's training, an intervention's room) use that negative id.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Table(StrEnum):
    """The store's record tables."""

    TEACHER = "teacher"
    TRAINING = "training"
    SESSION = "session"
    ROOM = "room"
    INTERVENTION = "intervention"


@dataclass(slots=True)
class TeacherRec:
    """A teacher, found by login."""

    id: int
    login: str
    name: str | None = None
    firstname: str | None = None
    email: str | None = None


@dataclass(slots=True)
class TrainingRec:
    """A training course, found by path code or GUID."""

    id: int
    path_code: str
    title: str
    guid: str | None = None
    locale: str | None = None
    modality: str | None = None
    description: str | None = None
    duration: int | None = None


@dataclass(slots=True)
class SessionRec:
    """A session of a training course."""

    id: int
    training_id: int
    title: str | None = None
    guid: str | None = None
    status: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    teacher_id: int | None = None


@dataclass(slots=True)
class RoomRec:
    """A room, found by GUID."""

    id: int
    guid: str
    label: str | None = None
    capacity: int | None = None


@dataclass(slots=True)
class InterventionRec:
    """A classroom meeting of a session."""

    id: int
    guid: str
    session_id: int
    start: datetime | None = None
    duration: int | None = None
    room_id: int | None = None
    teacher_id: int | None = None
    status: str = "active"  # "active" or "cancelled": meanings, not file codes


Record = TeacherRec | TrainingRec | SessionRec | RoomRec | InterventionRec

RECORD_TYPES: dict[Table, type] = {
    Table.TEACHER: TeacherRec,
    Table.TRAINING: TrainingRec,
    Table.SESSION: SessionRec,
    Table.ROOM: RoomRec,
    Table.INTERVENTION: InterventionRec,
}

# Columns holding another record's id, per table: column -> table referred to.
REFERENCES: dict[Table, dict[str, Table]] = {
    Table.TEACHER: {},
    Table.TRAINING: {},
    Table.SESSION: {"training_id": Table.TRAINING, "teacher_id": Table.TEACHER},
    Table.ROOM: {},
    Table.INTERVENTION: {"session_id": Table.SESSION, "room_id": Table.ROOM,
                         "teacher_id": Table.TEACHER},
}


def record_values(record: Record) -> dict[str, Any]:
    """All columns of a record but its id."""
    return {f.name: getattr(record, f.name) for f in fields(record) if f.name != "id"}


class ChangeKind(StrEnum):
    """What a change does to a record."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(slots=True)
class Change:
    """One write to the store.

    CREATE: ``values`` holds every column; ``record_id`` is negative (a placeholder).
    UPDATE: ``values`` holds the changed columns only, ``before`` their old values.
    DELETE: ``before`` holds every column of the record as it was.
    """

    table: Table
    kind: ChangeKind
    record_id: int
    values: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)


@dataclass
class StoreState:
    """Everything the planner needs from the store, loaded once per check."""

    teachers: dict[int, TeacherRec] = field(default_factory=dict)
    trainings: dict[int, TrainingRec] = field(default_factory=dict)
    sessions: dict[int, SessionRec] = field(default_factory=dict)
    rooms: dict[int, RoomRec] = field(default_factory=dict)
    interventions: dict[int, InterventionRec] = field(default_factory=dict)
    # Ids of the sessions (and other records) some import run created: fullAccess=no needs it.
    created_by_import: dict[Table, set[int]] = field(default_factory=dict)

    def table(self, table: Table) -> dict[int, Any]:
        """The records of one table, by id."""
        return {
            Table.TEACHER: self.teachers,
            Table.TRAINING: self.trainings,
            Table.SESSION: self.sessions,
            Table.ROOM: self.rooms,
            Table.INTERVENTION: self.interventions,
        }[table]
