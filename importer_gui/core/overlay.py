"""The store as the planner sees it: what is stored plus what earlier rows would write.

Rows are planned in file order against this view, so a session created on line 3 can be
updated on line 10 and used by the next import's interventions. Every change is applied here
as it is planned, and can be reverted so that one edited row can be planned again.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator
from datetime import date, datetime
from itertools import chain
from operator import attrgetter
from typing import Any

from importer_gui.core import schema
from importer_gui.core.records import (
    NO_VALUES,
    RECORD_TYPES,
    TABLE_OF_RECORD,
    Change,
    ChangeKind,
    Record,
    StoreState,
    record_values,
)
from importer_gui.core.schema import REQUIRED, Table
from importer_gui.core.stored_columns import StoredColumns

KeyFn = Callable[[Any], Hashable]

# Records filed at a time (add_records, _Index.add_all): a C loop over a million holds the
# GIL some 0.1 s, and the window's thread waits as long.
_PART = 1 << 16

# What find_single answers when two or more records share the key.
SEVERAL: Any = object()


def _emptied(groups: dict[Hashable, Any]) -> None:
    """Empty a large index a part at a time: let go of whole, its entries are freed in one
    call, which holds the GIL (and the window's thread) as long."""
    while len(groups) > _PART:
        for _ in range(_PART):
            groups.popitem()


class _Index:
    """Records of one table grouped by a key computed from the record.

    Most keys are unique (a GUID, a login), so a key's single record is stored as it is and
    only a key shared by two or more records gets a dict (id -> record, in filing order):
    a dict per record would cost an allocation per row and a fifth of the planner's memory.
    """

    def __init__(self, key: KeyFn, records: Iterable[Record]) -> None:
        self.key = key
        self.groups: dict[Hashable, Record | dict[int, Record]] = {}
        self.add_all(list(records))
        if not _in_nfc(self.groups):
            # A store written before keys were read in NFC: its texts are compared in NFC
            # too (rows give theirs in NFC), so "café" typed two ways is one record.
            filed = [r for group in self.groups.values()
                     for r in (group.values() if type(group) is dict else (group,))]
            self.key = lambda record: _nfc(key(record))
            self.groups = {}
            for record in filed:
                self.add(record)

    def add(self, record: Record) -> None:
        """File a record under its key."""
        key = self.key(record)
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = record
        elif type(group) is dict:
            group[record.id] = record
        elif group.id == record.id:
            self.groups[key] = record
        else:
            self.groups[key] = {group.id: group, record.id: record}

    def add_all(self, records: list[Record]) -> None:
        """File records in turn (``add``); at once where their keys are all new and each
        their own (new GUIDs, say), a part at a time."""
        groups = self.groups
        keys: list[Hashable] = []
        seen: set[Hashable] = set()
        for start in range(0, len(records), _PART):
            part = list(map(self.key, records[start:start + _PART]))
            seen.update(part)
            keys += part
            if len(seen) != len(keys) or not groups.keys().isdisjoint(part):
                for record in records:
                    self.add(record)
                return
        for start in range(0, len(records), _PART):
            groups.update(zip(keys[start:start + _PART], records[start:start + _PART],
                              strict=True))

    def remove(self, record: Record) -> None:
        """Take a record out of its key's group."""
        key = self.key(record)
        group = self.groups.get(key)
        if type(group) is dict:
            group.pop(record.id, None)
        elif group is not None and group.id == record.id:
            del self.groups[key]


class Creations:
    """Records created by rows that changed nothing else, held by the plan as the records
    themselves rather than as Change objects (a change and its dict of values took 256 of
    a created row's 900 bytes), and the change of each made again when asked.

    A record is changed in place by later rows (an update applied here): before the first
    such change, the values it was created with are kept, so that its creation is asked for
    as it was planned.
    """

    __slots__ = ("_before", "_given", "_watched")

    def __init__(self) -> None:
        self._watched = bytearray()  # by -placeholder id: 1 for a record held as a creation
        self._given: set[int] = set()  # id() of such records with an id of their own
        self._before: dict[int, tuple[Record, dict[str, Any]]] = {}  # id() -> creation values

    def hold(self, record: Record) -> Record:
        """Watch a record a row holds as its creation; the record itself is returned."""
        record_id = record.id
        if record_id < 0:
            watched, slot = self._watched, -record_id
            if slot >= len(watched):  # grown by half at least: amortised, like a list
                watched.extend(bytes(max(slot + 1 - len(watched), len(watched) // 2 + 1024)))
            watched[slot] = 1
        else:
            self._given.add(id(record))
        return record

    def hold_placeholders(self, first: int, count: int) -> None:
        """Watch the ``count`` records made with placeholder ids from ``first`` down, each
        held by a row as its creation (``hold``, for many at once)."""
        low, high = -first, -first + count
        watched = self._watched
        if high > len(watched):
            watched.extend(bytes(max(high - len(watched), len(watched) // 2 + 1024)))
        watched[low:high] = b"\x01" * count

    def before_change(self, record: Record) -> None:
        """A record is about to change in place: keep the values a held one was created with."""
        record_id = record.id
        if record_id < 0:
            slot = -record_id
            if slot >= len(self._watched) or not self._watched[slot]:
                return
        elif id(record) not in self._given:
            return
        if id(record) not in self._before:  # the record kept too, so its id() stays its own
            self._before[id(record)] = (record, record_values(record))

    def any_changed(self) -> bool:
        """Whether a held record changed in place since its creation (else ``written`` gives
        every record as itself)."""
        return bool(self._before)

    def written(self, record: Record) -> Change | Record:
        """What a commit writes for a held record: the record itself, unless it changed in
        place since its creation (then its creation as planned)."""
        values = self._created_with(record)
        return record if values is None else self._creation(record, values)

    def change(self, record: Record) -> Change:
        """The creation of a held record, as it was planned."""
        values = self._created_with(record)
        return self._creation(record, record_values(record) if values is None else values)

    def _created_with(self, record: Record) -> dict[str, Any] | None:
        """The values a held record was created with, when it changed in place since."""
        kept = self._before.get(id(record))
        return kept[1] if kept is not None and kept[0] is record else None

    @staticmethod
    def _creation(record: Record, values: dict[str, Any]) -> Change:
        return Change(TABLE_OF_RECORD[type(record)], ChangeKind.CREATE, record.id, values,
                      NO_VALUES)


class _Tables(dict[Table, dict[int, Record]]):
    """Records by table; a table the store loaded as columns (StoreState.stored) is made
    into records the first time it is asked for (``[]``, ``get``), or a view of them all
    is. Asking whether a table is there makes none."""

    def __init__(self, state: StoreState) -> None:
        super().__init__((t, state.table(t)) for t in Table if t not in state.stored)
        self.state = state

    def __missing__(self, table: Table) -> dict[int, Record]:
        if table not in self.state.stored:
            raise KeyError(table)
        records = self[table] = self.state.table(table)
        return records

    def make_all(self) -> None:
        """Make every table held as columns into records now."""
        for table in list(self.state.stored):
            self.__missing__(table)

    def stored(self, table: Table) -> StoredColumns | None:
        """A table's records as the store's columns, while none has been asked for as a
        record (else None)."""
        return self.state.stored.get(table)

    def clear(self) -> None:
        self.state.stored.clear()
        super().clear()

    # A view of them all sees every table, as records.
    def __iter__(self) -> Iterator[Table]:
        self.make_all()
        return super().__iter__()

    def __len__(self) -> int:
        self.make_all()
        return super().__len__()

    def __contains__(self, table: object) -> bool:
        return super().__contains__(table) or table in self.state.stored

    def get(self, table: Table, default: Any = None) -> Any:  # type: ignore[override]
        return self[table] if table in self else default  # noqa: SIM401 - this is get

    def keys(self) -> Any:
        self.make_all()
        return super().keys()

    def values(self) -> Any:
        self.make_all()
        return super().values()

    def items(self) -> Any:
        self.make_all()
        return super().items()


class Overlay:
    """Records by table, with indexes kept up to date as changes are applied."""

    def __init__(self, state: StoreState) -> None:
        self.creations = Creations()
        self.tables = _Tables(state)
        self.created_by_import = dict(state.created_by_import)  # read only: shared
        self._indexes: dict[tuple[Table, str], _Index] = {}
        self._table_indexes: dict[Table, list[_Index]] = {t: [] for t in Table}
        self._next_placeholder = -1

    def new_id(self) -> int:
        """A placeholder id for a record this plan creates."""
        placeholder = self._next_placeholder
        self._next_placeholder -= 1
        return placeholder

    def next_placeholder(self) -> int:
        """The placeholder id the next record created gets."""
        return self._next_placeholder

    def hold_made(self, first: int, count: int) -> None:
        """Count the ``count`` placeholder ids from ``first`` (next_placeholder()) down as
        given to records made elsewhere than in create(), each held by the row making it
        (Creations)."""
        self._next_placeholder -= count
        self.creations.hold_placeholders(first, count)

    def add_records(self, table: Table, records: list[Record]) -> None:
        """Add many new records at once; the table's indexes are made again when next asked
        for (filing each record in each of them would cost more than that)."""
        if not records:  # a table still held as the store's columns stays so
            return
        records_by_id = self.tables[table]
        for start in range(0, len(records), _PART):  # a part at a time: the GIL changes hands
            part = records[start:start + _PART]
            records_by_id.update(zip(map(attrgetter("id"), part), part, strict=True))
        indexes = self._table_indexes[table]
        for key in [key for key, index in self._indexes.items() if index in indexes]:
            del self._indexes[key]
        for index in indexes:
            _emptied(index.groups)
        indexes.clear()

    def file_records(self, table: Table, records: Iterable[Record]) -> None:
        """Add new records, each filed in the table's indexes in turn as create() files it:
        the indexes stay as rows creating them one by one would leave them (add_records
        makes them again, in the table's order)."""
        records = list(records)
        self.tables[table].update(zip(map(attrgetter("id"), records), records, strict=True))
        for index in self._table_indexes[table]:
            index.add_all(records)

    def stored(self, table: Table) -> StoredColumns | None:
        """The stored records of a table as the store's columns, while this plan has read
        none of them as records nor changed any (then None: ``tables`` holds them)."""
        return self.tables.stored(table)

    def count(self, table: Table) -> int:
        """How many records a table holds (one held as columns is not made records)."""
        stored = self.stored(table)
        return len(self.tables[table]) if stored is None else len(stored)

    def make_records(self) -> None:
        """Make the records of the tables held as columns now (a row re-checked later
        then does not wait for them)."""
        self.tables.make_all()

    def clear(self) -> None:
        """Forget every record and index (to free memory when a plan cannot be finished)."""
        self.tables.clear()
        self._indexes.clear()
        self._table_indexes.clear()

    def get(self, table: Table, record_id: int) -> Any:
        """The record with this id, or None."""
        return self.tables[table].get(record_id)

    def find(self, table: Table, name: str, key: KeyFn, value: Hashable) -> list[Any]:
        """Records of ``table`` whose ``key`` (indexed under ``name``) equals ``value``."""
        index = self._indexes.get((table, name)) or self._index(table, name, key)
        group = index.groups.get(value)  # _Index.find inline: this runs several times a row
        if group is None:
            return []
        return list(group.values()) if type(group) is dict else [group]

    def groups(self, table: Table, name: str, key: KeyFn) -> dict[Hashable, Any]:
        """The index ``name`` of a table (made if need be): each key's record, or its
        records by id (a dict) when several share it. Read only."""
        index = self._indexes.get((table, name)) or self._index(table, name, key)
        return index.groups

    def find_single(self, table: Table, name: str, key: KeyFn, value: Hashable) -> Any:
        """The one record whose ``key`` equals ``value``: None if none, SEVERAL if more."""
        index = self._indexes.get((table, name)) or self._index(table, name, key)
        return _single(index.groups.get(value))

    def find_singles(self, table: Table, name: str, key: KeyFn, values: list[Hashable],
                     ) -> list[Any]:
        """find_single's answer for each of ``values``, looked up in C."""
        return _each(self.groups(table, name, key), values, _single)

    def find_one(self, table: Table, column: str, value: Hashable) -> Any:
        """The first record whose ``column`` equals ``value``, or None."""
        index = self._indexes.get((table, column)) or self._index(table, column, _attr(column))
        return _first(index.groups.get(value))

    def find_each(self, table: Table, column: str, values: list[Hashable]) -> list[Any]:
        """find_one's record for each of ``values``, looked up in C."""
        return _each(self.groups(table, column, _attr(column)), values, _first)

    def _index(self, table: Table, name: str, key: KeyFn) -> _Index:
        """Build the index ``name`` of a table, kept up to date from now on."""
        index = _Index(key, self.tables[table].values())
        self._indexes[(table, name)] = index
        self._table_indexes[table].append(index)
        return index

    def interventions_of(self, session_id: int) -> list[Any]:
        """Every intervention of a session."""
        return self.find(Table.INTERVENTION, "session_id", _attr("session_id"), session_id)

    def registrations_of(self, session_id: int) -> list[Any]:
        """Every registration to a session."""
        return self.find(Table.REGISTRATION, "session_id", _attr("session_id"), session_id)

    def trackings_of(self, session_id: int) -> list[Any]:
        """Every tracking row of a session."""
        return self.find(Table.TRACKING, "session_id", _attr("session_id"), session_id)

    def registration(self, learner_id: int, session_id: int) -> Any:
        """A learner's registration to a session, or None (the store keeps one at most)."""
        found = self.find(Table.REGISTRATION, *BY_LEARNER_SESSION,
                          id_pair(learner_id, session_id))
        return found[0] if found else None

    def trackings(self, learner_id: int, session_id: int) -> list[Any]:
        """A learner's tracking rows in a session (one per learning object)."""
        return self.find(Table.TRACKING, *BY_LEARNER_SESSION, id_pair(learner_id, session_id))

    def was_created_by_import(self, table: Table, record_id: int) -> bool:
        """True for a record some import run (or this plan) created."""
        return record_id < 0 or record_id in self.created_by_import.get(table, ())

    # -- changes ---------------------------------------------------------------------------

    def apply(self, change: Change) -> None:
        """Make a planned change visible to the rows planned after it."""
        records = self.tables[change.table]
        if change.kind is ChangeKind.CREATE:
            record = RECORD_TYPES[change.table](id=change.record_id, **change.values)
            records[record.id] = record
            self._file(change.table, record)
        elif change.kind is ChangeKind.UPDATE:
            record = records[change.record_id]
            self.creations.before_change(record)
            self._unfile(change.table, record)
            for column, value in change.values.items():
                setattr(record, column, value)
            self._file(change.table, record)
        else:
            record = records.pop(change.record_id)
            self._unfile(change.table, record)

    def revert(self, change: Change) -> None:
        """Undo ``apply(change)``; changes must be reverted newest first."""
        self.apply(_inverse(change))

    def _file(self, table: Table, record: Record) -> None:
        for index in self._table_indexes[table]:
            index.add(record)

    def _unfile(self, table: Table, record: Record) -> None:
        for index in self._table_indexes[table]:
            index.remove(record)

    # -- change builders -------------------------------------------------------------------

    def create(self, table: Table, values: dict[str, Any], record_id: int | None = None
               ) -> Change:
        """Plan and apply the creation of a record; a given id is kept (sessionId)."""
        new_id = self.new_id() if record_id is None else record_id
        # Every column in field order: the defaults overlaid with the given values.
        if not _REQUIRED[table] <= values.keys():  # a set comparison in C: rows rarely lack one
            missing = sorted(_REQUIRED[table] - values.keys())
            raise TypeError(f"{table} needs {', '.join(missing)}")
        columns = {**_DEFAULTS[table], **values}
        # Positional: binding eight keyword arguments took a third of create(). A column the
        # record does not have makes one argument too many, so that still fails.
        record = RECORD_TYPES[table](new_id, *columns.values())
        # The change keeps the given columns only (the writer and apply() fill in the
        # defaults), and shares one empty "before": a plan holds one per created row, and
        # every column of a training course in a dict of its own was 460 bytes of a row's
        # 1.5 KB (tracemalloc, 100,000 rows).
        change = Change(table, ChangeKind.CREATE, new_id, dict(values), NO_VALUES)
        # What apply() would do, without building the record a second time.
        self.tables[table][new_id] = record
        self._file(table, record)
        return change

    def update(self, table: Table, record: Record, values: dict[str, Any]) -> Change | None:
        """Plan and apply the columns of ``values`` that differ; None when nothing does."""
        changed: dict[str, Any] = {}
        for column, value in values.items():  # a loop: a comprehension is one more call
            if getattr(record, column) != value:
                changed[column] = value
        if not changed:
            return None
        change = Change(table, ChangeKind.UPDATE, record.id, changed,
                        {c: getattr(record, c) for c in changed})
        self.apply(change)
        return change

    def delete(self, table: Table, record: Record) -> Change:
        """Plan and apply the deletion of a record."""
        change = Change(table, ChangeKind.DELETE, record.id, before=record_values(record))
        self.apply(change)
        return change


def first_filed(group: dict[int, Record]) -> Record | None:
    """The record of those sharing a key that the look-ups give: the first filed (None once
    each was taken out)."""
    return next(iter(group.values()), None)


def _first(group: Any) -> Any:
    """An index's entry for a key as find_one gives it: its record, the first filed of
    those sharing it, or None."""
    return first_filed(group) if type(group) is dict else group


def _single(group: Any) -> Any:
    """An index's entry for a key as find_single gives it: its record, SEVERAL when more
    than one share it, or None."""
    if type(group) is dict:
        return first_filed(group) if len(group) < 2 else SEVERAL
    return group


def _each(groups: dict[Hashable, Any], values: list[Hashable],
          answer: Callable[[Any], Any]) -> list[Any]:
    """Each value's entry in an index (``groups``), as ``answer`` gives it: looked up in C,
    ``answer`` asked only where records share a value (rare)."""
    found = list(map(groups.get, values))
    if dict in set(map(type, found)):
        return list(map(answer, found))
    return found


def index_keys(keys: list[Hashable]) -> list[Hashable]:
    """Records' keys as an index files them (_Index): each text in NFC where one is not."""
    return keys if _in_nfc(keys) else list(map(_nfc, keys))


def _in_nfc(keys: Collection[Hashable]) -> bool:
    """Whether every text in these keys (alone, or in a tuple) is in NFC."""
    kinds = set(map(type, keys))
    if kinds == {tuple}:  # keys of several values (a session's course and title): the values
        keys = list(chain.from_iterable(keys))  # type: ignore[arg-type]
        kinds = set(map(type, keys))
    if kinds <= _PLAIN_KEYS:
        return True
    if kinds <= _PLAIN_OR_TEXT_KEYS:  # ASCII text is in NFC: checked in C
        texts = list(filter(None, keys)) if kinds <= _TEXT_KEYS else [
            key for key in keys if type(key) is str]
        return all(map(str.isascii, texts)) or all(map(_nfc_text, texts))
    return all(_nfc(key) == key for key in keys)


_PLAIN_KEYS = frozenset({int, type(None), date, datetime})
_TEXT_KEYS = frozenset({str, type(None)})
_PLAIN_OR_TEXT_KEYS = _PLAIN_KEYS | _TEXT_KEYS


def _nfc_text(key: str | None) -> bool:
    """Whether a text key is in NFC."""
    return key is None or key.isascii() or unicodedata.is_normalized("NFC", key)


def _nfc(key: Any) -> Any:
    """A key with its texts in NFC."""
    if type(key) is str:
        return key if key.isascii() else unicodedata.normalize("NFC", key)
    if type(key) is tuple:
        return tuple(map(_nfc, key))
    return key


def _inverse(change: Change) -> Change:
    """The change that undoes ``change``: a creation's deletion, an update's way back."""
    if change.kind is ChangeKind.CREATE:
        return Change(change.table, ChangeKind.DELETE, change.record_id, before=change.values)
    if change.kind is ChangeKind.UPDATE:
        return Change(change.table, ChangeKind.UPDATE, change.record_id, change.before,
                      change.values)
    return Change(change.table, ChangeKind.CREATE, change.record_id, change.before)


def _attr(column: str) -> KeyFn:
    """A key function reading one attribute."""
    return attrgetter(column)


_HALF_SPAN = 1 << 31


def id_pair(first: int, second: int) -> Hashable:
    """Two ids as one index key: an int (32 bytes) where a tuple took 72 with the cycle
    collector's header, which a million registrations' index by learner and session paid
    40 MB for. Ids past 31 bits (none a store of ours gives) stay a tuple, which equals no
    int."""
    if -_HALF_SPAN <= first < _HALF_SPAN and -_HALF_SPAN <= second < _HALF_SPAN:
        return (first << 32) + second
    return (first, second)


def _learner_session(record: Any) -> Hashable:
    """A registration's or tracking row's key in the index by learner and session."""
    return id_pair(record.learner_id, record.session_id)


# The index of registrations (and of tracking rows) by learner and session: its name and
# key, looked up with id_pair(learner id, session id).
BY_LEARNER_SESSION: tuple[str, KeyFn] = ("learner_session", _learner_session)


def record_defaults(table: Table) -> dict[str, Any]:
    """Every column of a table's records but the id, in order, with its default."""
    return _DEFAULTS[table]


# Every column but the id, in the records' order, with its default (or REQUIRED).
_DEFAULTS: dict[Table, dict[str, Any]] = {table: schema.defaults(table) for table in Table}
_REQUIRED: dict[Table, frozenset[str]] = {
    table: frozenset(c for c, default in columns.items() if default is REQUIRED)
    for table, columns in _DEFAULTS.items()}
