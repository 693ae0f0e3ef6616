"""A large table's stored records held as columns, made into records only when asked for.

The column planners never read a store's registrations or courses as records: they want
their learners, sessions and GUIDs, or codes and the values a file gives, as columns. Held
here as ids, each column's distinct values with a code a record, the texts each record has
its own end to end, and a column of ints as an array, they take about a quarter of the
records' memory;
the row planner, which does read records, has them made from these columns (the same
state: nothing is read from the store again).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import filterfalse
from typing import Any

from importer_gui.core import schema
from importer_gui.core.schema import Table, Type

Reader = Callable[[Any], Any]

# Between two records' texts of a batch held as one text: a character a text in the store
# seldom holds (PostgreSQL refuses it; the app never writes it), split on in C.
SEPARATOR = "\x00"

# The most distinct values each width of code tells apart (a column of a few values, or of
# NULLs alone, takes a byte a record).
_LARGEST = {"B": 1 << 8, "H": 1 << 16, "I": 1 << 32}
_NULL_ONLY = [None]  # the distinct values of a column that holds NULLs alone
_INT = {int}


@dataclass(frozen=True)
class Joined:
    """A batch's ``count`` texts of one column as the engine joined them, apart by
    SEPARATOR (none of them NULL, none holding the separator)."""

    text: str
    count: int

    def values(self) -> list[str]:
        """Each record's text."""
        return self.text.split(SEPARATOR)


Stored = Sequence[Any] | Joined  # a batch's values of one column, as stored


def only_ints(values: Iterable[Any]) -> bool:
    """Whether every value is an int (not a bool, which an array takes as one too)."""
    return set(map(type, values)) <= _INT


def _each(stored: Stored) -> Sequence[Any]:
    """A batch's values, one a record."""
    return stored.values() if isinstance(stored, Joined) else stored


class _Coded:
    """A column as its distinct values (read back once each) and each record's code."""

    __slots__ = ("_known", "codes", "values")

    def __init__(self) -> None:
        self.codes = array("B")  # widened as the distinct values outgrow it
        self.values: list[Any] = []
        self._known: dict[Any, int] | None = {}  # stored value -> code, while loading

    def extend(self, stored: Stored, read: Reader | None) -> None:
        """Add the values of a batch of records, as stored."""
        stored = _each(stored)
        known, values = self._known, self.values
        assert known is not None, "a column is added to while it is loaded only"
        if values == _NULL_ONLY and stored.count(None) == len(stored):
            # A column empty so far, and in this batch (most of a course's texts): its
            # codes are zeros, laid at once.
            self.codes.frombytes(bytes(len(stored) * self.codes.itemsize))
            return
        distinct = set(stored)
        # Not ``distinct - known.keys()``: that goes through every value known.
        for value in filterfalse(known.__contains__, distinct):
            known[value] = len(values)
            values.append(value if value is None or read is None else read(value))
        if len(values) > _LARGEST[self.codes.typecode]:
            self.codes = array("H" if len(values) <= _LARGEST["H"] else "I", self.codes)
        # Filled in C as far as it goes: a column of one value (NULL) at once, bytes as such.
        codes = self.codes
        if len(distinct) == 1:
            codes.extend(array(codes.typecode, [known[distinct.pop()]]) * len(stored))
        elif codes.typecode == "B":
            codes.frombytes(bytes(map(known.__getitem__, stored)))
        else:
            codes.fromlist(list(map(known.__getitem__, stored)))

    def loaded(self) -> None:
        """Every record is in: the look-up of stored values is let go."""
        self._known = None

    def part(self, _number: int, start: int, end: int) -> Iterable[Any]:
        """The values of records ``start`` to ``end`` (batch ``_number``)."""
        return map(self.values.__getitem__, self.codes[start:end])


class _Decoded:
    """A column of JSON values (a learner's custom fields, mostly none), each record's as
    stored (a text, or what the driver decoded: not one a dict tells apart), read back by
    the store's reader when asked for (a text decoded anew each time)."""

    __slots__ = ("_read", "stored")

    def __init__(self) -> None:
        self.stored: list[Any] = []
        self._read: Reader | None = None

    def extend(self, stored: Stored, read: Reader | None) -> None:
        """Add the values of a batch of records, as stored."""
        self._read = read
        self.stored.extend(_each(stored))

    def loaded(self) -> None:
        """Every record is in."""

    def part(self, _number: int, start: int, end: int) -> Iterable[Any]:
        """The values of records ``start`` to ``end``, each read back."""
        held, read = self.stored[start:end], self._read
        return held if read is None else [None if value is None else read(value)
                                          for value in held]


class _Texts:
    """A column of texts that are each a record's own (a GUID, a title): each batch's texts
    in one text, apart by SEPARATOR, and which are missing. A batch where a text holds the
    separator (a store another program wrote) is held as its texts."""

    __slots__ = ("missing", "parts")

    def __init__(self) -> None:
        self.parts: list[str | list[str]] = []
        self.missing = bytearray()  # 1 for a record without one (NULL)

    def extend(self, stored: Stored, _read: Reader | None) -> None:
        """Add the texts of a batch of records, as stored."""
        if isinstance(stored, Joined):  # held as the engine joined them
            self.parts.append(stored.text)
            self.missing.extend(bytes(stored.count))
            return
        if stored.count(None):
            self.missing.extend(value is None for value in stored)
            stored = ["" if value is None else value for value in stored]
        else:
            self.missing.extend(bytes(len(stored)))
        joined = SEPARATOR.join(stored)
        self.parts.append(joined if joined.count(SEPARATOR) == len(stored) - 1
                          else list(stored))

    def loaded(self) -> None:
        """Every record is in."""

    def part(self, number: int, start: int, end: int) -> Iterable[Any]:
        """The texts of records ``start`` to ``end`` (batch ``number``)."""
        held = self.parts[number]
        texts = held.split(SEPARATOR) if type(held) is str else list(held)
        missing = self.missing[start:end]
        if missing.count(1):
            texts = [None if gone else text for text, gone in zip(texts, missing, strict=True)]
        return texts


class _Ints:
    """A column of ints (the ids of other records, mostly), each record's in an array: a
    dict told a million of them apart only slowly (most of its look-ups missing the
    processor's caches). Where a batch holds something else (a NULL, a text another
    program stored), held by their distinct values from then on."""

    __slots__ = ("coded", "ints")

    def __init__(self) -> None:
        self.ints: array[int] | None = array("q")
        self.coded: _Coded | None = None

    def extend(self, stored: Stored, read: Reader | None) -> None:
        """Add the values of a batch of records, as stored."""
        stored = _each(stored)
        if self.ints is not None:
            if only_ints(stored):  # the engines' ints fit 64 bits
                self.ints.extend(stored)
                return
            self.coded = _Coded()
            self.coded.extend(self.ints.tolist(), None)
            self.ints = None
        assert self.coded is not None
        self.coded.extend(stored, read)

    def loaded(self) -> None:
        """Every record is in."""
        if self.coded is not None:
            self.coded.loaded()

    def part(self, number: int, start: int, end: int) -> Iterable[Any]:
        """The values of records ``start`` to ``end`` (batch ``number``)."""
        if self.ints is None:
            assert self.coded is not None
            return self.coded.part(number, start, end)
        return self.ints[start:end]


def _held_as(column: schema.Column) -> _Coded | _Texts | _Decoded | _Ints:
    """How a column is held: texts each record has its own (a GUID, a code, a title) end to
    end, JSON values each as stored, ints in an array, the rest by their distinct values
    (told apart by a dict)."""
    if column.type is Type.TEXT and (column.unique or not (column.null or column.repeats)):
        return _Texts()
    if column.type is Type.INTEGER and not column.null:
        return _Ints()
    return _Decoded() if column.type is Type.JSON else _Coded()


class StoredColumns:
    """The stored records of one table as columns, in the order of their ids."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.ids = array("q")
        self._starts = array("q")  # each batch's first record
        self._columns: dict[str, _Coded | _Texts | _Decoded | _Ints] = {
            c.name: _held_as(c) for c in schema.columns(table)}

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, columns: Sequence[Stored], readers: dict[str, Reader]) -> None:
        """Add a batch of stored records as columns (the ids, then the schema's columns in
        order), each column read back by its reader in ``readers`` (as stored without one)."""
        self._starts.append(len(self.ids))
        self.ids.fromlist(list(columns[0]))
        for (name, column), stored in zip(self._columns.items(), columns[1:], strict=True):
            column.extend(stored, readers.get(name))

    def loaded(self) -> None:
        """Every record is in."""
        for column in self._columns.values():
            column.loaded()

    def coded(self, name: str) -> tuple[list[Any], array[int]]:
        """A column's distinct values and each record's place among them."""
        column = self._columns[name]
        if isinstance(column, _Ints) and column.coded is not None:
            column = column.coded
        assert isinstance(column, _Coded), f"{name} is not held by its distinct values"
        return column.values, column.codes

    def ints(self, name: str) -> array[int] | None:
        """A column of ints, each record's; None where it holds something else."""
        column = self._columns[name]
        return column.ints if isinstance(column, _Ints) else None

    def values(self, name: str) -> Iterator[Any]:
        """Every record's value of a column, in order."""
        for part in self.parts(name):
            yield from part

    def parts(self, name: str) -> Iterator[Iterable[Any]]:
        """Every record's value of a column, in order, a batch of records at a time."""
        column = self._columns[name]
        for number, (start, end) in enumerate(self._parts()):
            yield column.part(number, start, end)

    def records(self, kind: type) -> dict[int, Any]:
        """The records, by id, as the store's load makes them (of type ``kind``)."""
        made: dict[int, Any] = {}
        for number, (start, end) in enumerate(self._parts()):
            ids = list(self.ids[start:end])  # one int an id, the key and the record's both
            values = [column.part(number, start, end) for column in self._columns.values()]
            made.update(zip(ids, map(kind, ids, *values), strict=True))
        return made

    def _parts(self) -> Iterator[tuple[int, int]]:
        """Each batch's first record and the one after its last."""
        ends = [*self._starts[1:], len(self.ids)] if self._starts else []
        return zip(self._starts, ends, strict=True)
