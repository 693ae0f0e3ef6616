"""Store records as plain values, and the changes a plan makes to them.

The record types are made from the schema (``schema.py``): one slotted dataclass per table,
its fields the id and the table's columns. The planner works on these in memory;
``core/store/`` loads them and applies changes. A record created by a plan has a negative id
until the store gives it a real one; changes that refer to it (a session's training, an
intervention's room) use that negative id.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, make_dataclass
from enum import StrEnum
from itertools import repeat
from operator import attrgetter, setitem
from typing import Any

from importer_gui.core import schema
from importer_gui.core.schema import Table
from importer_gui.core.stored_columns import StoredColumns


def _record_type(table: Table) -> type:
    """The slotted dataclass of one table's records: the id, then ``schema.columns``."""
    spec: list[tuple[str, Any] | tuple[str, Any, Any]] = [("id", int)]
    for column in schema.columns(table):
        kind: Any = schema.PYTHON_TYPES[column.type]
        if column.record_default is schema.REQUIRED:
            spec.append((column.name, kind))
        else:
            spec.append((column.name, kind | None, field(default=column.record_default)))
    name = "".join(part.capitalize() for part in table.value.split("_"))
    record = make_dataclass(f"{name}Rec", spec, slots=True)
    record.__module__ = __name__
    record.__doc__ = schema.table_def(table).doc
    return record


TeacherRec = _record_type(Table.TEACHER)
TrainingRec = _record_type(Table.TRAINING)
SessionRec = _record_type(Table.SESSION)
RoomRec = _record_type(Table.ROOM)
InterventionRec = _record_type(Table.INTERVENTION)
EntityRec = _record_type(Table.ENTITY)
LearnerRec = _record_type(Table.LEARNER)
LearningObjectRec = _record_type(Table.LEARNING_OBJECT)
RegistrationRec = _record_type(Table.REGISTRATION)
TrackingRec = _record_type(Table.TRACKING)

Record = (TeacherRec | TrainingRec | SessionRec | RoomRec | InterventionRec | EntityRec
          | LearnerRec | LearningObjectRec | RegistrationRec | TrackingRec)

RECORD_TYPES: dict[Table, type] = {
    Table.TEACHER: TeacherRec,
    Table.TRAINING: TrainingRec,
    Table.SESSION: SessionRec,
    Table.ROOM: RoomRec,
    Table.INTERVENTION: InterventionRec,
    Table.ENTITY: EntityRec,
    Table.LEARNER: LearnerRec,
    Table.LEARNING_OBJECT: LearningObjectRec,
    Table.REGISTRATION: RegistrationRec,
    Table.TRACKING: TrackingRec,
}
# Each record type's table.
TABLE_OF_RECORD: dict[type, Table] = {kind: table for table, kind in RECORD_TYPES.items()}


def record_values(record: Record) -> dict[str, Any]:
    """All columns of a record but its id, in the schema's order."""
    names, read = _COLUMNS_OF[type(record)]
    return dict(zip(names, read(record), strict=True))


# Each record type's columns but the id, and a reader of their values as a tuple (attrgetter
# gives one: every table has two columns or more). record_values runs once per created or
# reverted record, where dataclasses.fields() per record cost more than the rest.
_COLUMNS_OF: dict[type, tuple[tuple[str, ...], Any]] = {
    kind: (schema.column_names(table), attrgetter(*schema.column_names(table)))
    for table, kind in RECORD_TYPES.items()}


# Each record type's reader of its id and columns as one tuple (CreatedRows' rows).
ROW_OF: dict[type, Any] = {kind: attrgetter("id", *schema.column_names(table))
                           for table, kind in RECORD_TYPES.items()}


@dataclass(slots=True)
class CreatedRows:
    """Records of one table created one after the other, as their values were when taken:
    ``(id, *columns)`` tuples in the schema's order (``ROW_OF``). A plan changes its records
    in place; what it has handed over to a write must not change with them, and a tuple
    costs less than a copy of the record, to make and to read."""

    table: Table
    rows: list[tuple[Any, ...]]


@dataclass(slots=True)
class CreatedColumns:
    """Records of one table created one after the other, by column: ``columns[0]`` their
    placeholder ids, then their columns in the schema's order (``ROW_OF``'s), each a list.
    ``first``: records of another table created just before the one at a place among them
    (a registration's new session), as (place, table, CreatedRows' row), in order. Read
    only, as CreatedRows' rows are: a column planner's (MadeColumns), which a write takes as
    they are rather than as rows made of them and taken apart again."""

    table: Table
    columns: list[Sequence[Any]]
    first: Sequence[tuple[int, Table, tuple[Any, ...]]] = ()


@dataclass(slots=True)
class MadeColumns:
    """The records some rows created, by column, as they were made: what a write takes of
    them (CreatedColumns) sliced in C rather than read from each record.

    ``rows``: the numbers of the rows that created one, in order; ``columns``: the records'
    ids, then their columns in the schema's order (``ROW_OF``'s), each a list of values or
    a ``repeat`` of the one value every record holds. ``first``: records some of those rows
    created before their own (a registration's new session), each by its row's place in
    ``rows`` (in order).
    """

    table: Table
    rows: Sequence[int]
    columns: list[Any]
    first: Sequence[tuple[int, Record]] = ()

    def between(self, start: int, stop: int, count: int) -> list[CreatedColumns] | None:
        """What the rows ``start`` to ``stop`` (excluded) created, by column; None unless
        ``count`` of them created one of the records."""
        low, high = bisect_left(self.rows, start), bisect_left(self.rows, stop)
        if high - low != count:
            return None
        if high == low:
            return []
        ids, *columns = self.columns
        # (place,) sorts before (place, record): the records of the places low to high.
        first = [(at - low, TABLE_OF_RECORD[type(record)], ROW_OF[type(record)](record))
                 for at, record in self.first[bisect_left(self.first, (low,)):
                                              bisect_left(self.first, (high,))]]
        return [CreatedColumns(self.table, [ids[low:high], *(
            [next(c)] * (high - low) if type(c) is repeat else c[low:high]
            for c in columns)], first)]


class ChangeKind(StrEnum):
    """What a change does to a record."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


@dataclass(slots=True)
class Change:
    """One write to the store.

    CREATE: ``values`` holds the columns given (the others take their defaults);
    ``record_id`` is negative (a placeholder), or the id a record comes back with.
    UPDATE: ``values`` holds the changed columns only, ``before`` their old values.
    DELETE: ``before`` holds every column of the record as it was.
    """

    table: Table
    kind: ChangeKind
    record_id: int
    values: dict[str, Any] = field(default_factory=dict)
    before: dict[str, Any] = field(default_factory=dict)


# A change's values when it sets none (a delete), or its "before" when there was nothing (a
# creation): one dict shared by every such change, a run making millions of them; never
# written to.
NO_VALUES: dict[str, Any] = {}


class RecordIds(AbstractSet[int]):
    """Record ids, as the bits of a bytearray (an id's bit set): a set of the million ids of
    the records some import created held them in some 60 MB, and the overlay's copy in 30
    more. Ids far apart (none of ours, whose ids follow each other) are kept in a frozenset,
    so that a stray large one cannot make the bytes grow with it."""

    __slots__ = ("_bits", "_count", "_far")

    def __init__(self, ids: Iterable[int] = ()) -> None:
        given = array("q", ids)  # in C, from ints
        top = max(given, default=0)
        self._far: frozenset[int] | None = None
        self._bits = bytearray()
        if min(given, default=0) < 0 or top > 64 * len(given) + DENSE_IDS:
            self._far = frozenset(given)
            self._count = len(self._far)
            return
        self._bits = _bits(given, top)
        self._count = int.from_bytes(self._bits, "little").bit_count()

    @classmethod
    def span(cls, first: int, last: int) -> RecordIds:
        """Every id from ``first`` to ``last``: an import's records, one after the other,
        set as one number's bits rather than read one by one."""
        if first < 0 or first > last or last > 64 * (last - first + 1) + DENSE_IDS:
            return cls(range(first, last + 1))
        ids = cls()
        ids._bits = bytearray(((1 << last + 1) - (1 << first)).to_bytes(last // 8 + 1, "little"))
        ids._count = last - first + 1
        return ids

    def __contains__(self, value: object) -> bool:
        if self._far is not None:
            return value in self._far
        if type(value) is not int or not 0 <= value < 8 * len(self._bits):
            return False
        return bool(self._bits[value >> 3] >> (value & 7) & 1)

    def __iter__(self) -> Iterator[int]:
        if self._far is not None:
            return iter(sorted(self._far))
        return (8 * at + bit for at, byte in enumerate(self._bits) if byte
                for bit in range(8) if byte >> bit & 1)

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        return f"RecordIds({list(self)!r})"


def _bits(ids: array[int], top: int) -> bytearray:
    """The bits of ``ids`` (none above ``top``, none below 0). Ids that follow each other
    (an import's) are set in C: a digit "1" per id in a text of "0"s, read as a binary
    number; ids far apart, a bit at a time (that text would be their largest id long)."""
    if top > 8 * len(ids) + DENSE_IDS:
        bits = bytearray(top // 8 + 1)
        for record_id in ids:
            bits[record_id >> 3] |= 1 << (record_id & 7)
        return bits
    digits = bytearray(b"0") * (top + 1)
    deque(map(setitem, repeat(digits), ids, repeat(ord("1"))), maxlen=0)
    return bytearray(int(digits[::-1], 2).to_bytes(top // 8 + 1, "little"))


DENSE_IDS = 1 << 23  # ids up to it kept as bits however few they are (1 MB at most)


@dataclass
class StoreState:
    """Everything the planner needs from the store, loaded once per check."""

    teachers: dict[int, TeacherRec] = field(default_factory=dict)
    trainings: dict[int, TrainingRec] = field(default_factory=dict)
    sessions: dict[int, SessionRec] = field(default_factory=dict)
    rooms: dict[int, RoomRec] = field(default_factory=dict)
    interventions: dict[int, InterventionRec] = field(default_factory=dict)
    entities: dict[int, EntityRec] = field(default_factory=dict)
    learners: dict[int, LearnerRec] = field(default_factory=dict)
    learning_objects: dict[int, LearningObjectRec] = field(default_factory=dict)
    registrations: dict[int, RegistrationRec] = field(default_factory=dict)
    trackings: dict[int, TrackingRec] = field(default_factory=dict)
    # Ids of the sessions (and other records) some import run created: fullAccess=no needs it.
    created_by_import: dict[Table, AbstractSet[int]] = field(default_factory=dict)
    # Tables loaded as columns, their records not made yet (``table`` makes them).
    stored: dict[Table, StoredColumns] = field(default_factory=dict)

    def table(self, table: Table) -> dict[int, Any]:
        """The records of one table, by id (made now from its columns if loaded so)."""
        name = _STATE_FIELDS[table]
        columns = self.stored.pop(table, None)
        if columns is not None:
            made = columns.records(RECORD_TYPES[table])
            made.update(getattr(self, name))
            setattr(self, name, made)
        return getattr(self, name)


# The StoreState field holding each table's records.
_STATE_FIELDS: dict[Table, str] = {
    Table.TEACHER: "teachers",
    Table.TRAINING: "trainings",
    Table.SESSION: "sessions",
    Table.ROOM: "rooms",
    Table.INTERVENTION: "interventions",
    Table.ENTITY: "entities",
    Table.LEARNER: "learners",
    Table.LEARNING_OBJECT: "learning_objects",
    Table.REGISTRATION: "registrations",
    Table.TRACKING: "trackings",
}
