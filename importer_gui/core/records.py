"""Store records as plain values, and the changes a plan makes to them.

The record types are made from the schema (``schema.py``): one slotted dataclass per table,
its fields the id and the table's columns. The planner works on these in memory;
``core/store/`` loads them and applies changes. A record created by a plan has a negative id
until the store gives it a real one; changes that refer to it (a session's training, an
intervention's room) use that negative id.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, make_dataclass
from enum import StrEnum
from typing import Any

from importer_gui.core import schema
from importer_gui.core.schema import Table


def _record_type(table: Table) -> type:
    """The slotted dataclass of one table's records: the id, then ``schema.columns``."""
    spec: list[tuple[str, Any] | tuple[str, Any, Any]] = [("id", int)]
    for column in schema.columns(table):
        kind: Any = schema.PYTHON_TYPES[column.type]
        if column.record_default is schema.REQUIRED:
            spec.append((column.name, kind))
        else:
            spec.append((column.name, kind | None, field(default=column.record_default)))
    record = make_dataclass(f"{table.value.capitalize()}Rec", spec, slots=True)
    record.__module__ = __name__
    record.__doc__ = schema.table_def(table).doc
    return record


TeacherRec = _record_type(Table.TEACHER)
TrainingRec = _record_type(Table.TRAINING)
SessionRec = _record_type(Table.SESSION)
RoomRec = _record_type(Table.ROOM)
InterventionRec = _record_type(Table.INTERVENTION)

Record = TeacherRec | TrainingRec | SessionRec | RoomRec | InterventionRec

RECORD_TYPES: dict[Table, type] = {
    Table.TEACHER: TeacherRec,
    Table.TRAINING: TrainingRec,
    Table.SESSION: SessionRec,
    Table.ROOM: RoomRec,
    Table.INTERVENTION: InterventionRec,
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
