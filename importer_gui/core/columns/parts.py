"""Rows planned a part at a time, from any reader's rows: each part's rows decided together
when its first row is to be planned (every row before it planned by then, whatever was read
ahead), each row then given to the plan in its turn as decided, or planned by the row
planner. What is read of a part, a field at a time, is read as the row planner reads it.

A planner of parts (``interventions``; the refresh's sessions) gives ``Parts`` its own
``decide``, which says each row's fate: None for the row planner, else what its
``planned_of`` makes of it; and may give ``noted``, told each part's fates (and its first
row's number) before its rows are planned.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time
from itertools import chain, compress, count, islice, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from importer_gui.core.actions.base import CLEAR, FieldReader, _readers, filled, read_as_itself
from importer_gui.core.binding import BoundAction
from importer_gui.core.cells import Cell
from importer_gui.core.columns.fields import read_each
from importer_gui.core.issues import Level
from importer_gui.core.overlay import Overlay, record_defaults
from importer_gui.core.plan import ImportPlan
from importer_gui.core.records import RECORD_TYPES, Table

if TYPE_CHECKING:
    from importer_gui.core.planner import Planned, RowPlanner

# Rows decided at a time. A part's cells are held until it is planned, beside all a commit
# holds (a thousand bytes or so a row): more rows a part run faster and peak higher.
PART = 1 << 13
_PIECE = 1 << 10  # rows given (then let go of) at a time
# The kinds of cell read alike in any row, none ever equal to a cell of another kind: a
# part holding any other (a text read with a warning, an unreadable cell) is the row
# planner's.
_PLAIN_CELLS = frozenset({str, datetime, date, time})

Row = tuple[Cell, ...]
# A row's fate: None for the row planner, or what the planner of parts made of the row.
Fate = Any
# A part's rows -> their fates; None, with nothing changed, when the part is the row
# planner's.
Decide = Callable[[list[Row]], "list[Fate] | None"]
# The number of a part's first row (counted from 1), and its rows' fates.
Noted = Callable[[int, list[Fate]], None]


class Parts:
    """The rows of one import, a part at a time (``size`` rows): each part decided when its
    first row is to be planned, each row then planned in its turn (``plan_one``)."""

    def __init__(self, decide: Decide, planned_of: Callable[[Fate], Planned],
                 row_planner: RowPlanner, imp_plan: ImportPlan, size: int = PART,
                 noted: Noted | None = None) -> None:
        self._decide, self._planned_of, self._noted = decide, planned_of, noted
        self._row_planner, self._imp_plan, self._size = row_planner, imp_plan, size
        self._by_rows = False  # every part from now on the row planner's
        self._pending: deque[list[Row]] = deque()  # the parts read, not decided yet
        self._fates: list[Fate] = []  # the fates of the part's rows left, the next last

    def through(self, rows: Iterable[tuple[int, tuple[int, Row]]],
                ) -> Iterator[tuple[int, tuple[int, Row]]]:
        """The numbered rows as they come, a part at a time, each part held until decided
        (the rows given let go of a few at a time, so that a part read ahead is held beside
        the rest of the one before, not all of it)."""
        return chain.from_iterable(self._pieces(iter(rows)))

    def _pieces(self, rows: Iterator[tuple[int, tuple[int, Row]]],
                ) -> Iterator[list[tuple[int, tuple[int, Row]]]]:
        while part := list(islice(rows, self._size)):
            self._pending.append([cells for _, (_, cells) in part])
            pieces = [part[start:start + _PIECE] for start in range(0, len(part), _PIECE)]
            del part
            pieces.reverse()
            while pieces:
                yield pieces.pop()

    def plan_one(self, cells: Row) -> Planned:
        """The next row planned: as decided, or by the row planner."""
        fate = self._fates.pop() if self._fates else self._decide_next()
        if fate is None:
            return self._row_planner(cells)
        return self._planned_of(fate)

    def _decide_next(self) -> Fate:
        """Decide the next part read, the rows before it all planned: its first row's
        fate (the others' kept, last first). Once a part is the row planner's, so is the
        rest of the import: a part found so after it was read cost that reading for
        nothing, and the parts after it are most often like it."""
        rows = self._pending.popleft()
        fates = None if self._by_rows else self._decide(rows)
        if fates is None:
            self._by_rows = True
            fates = [None] * len(rows)
        else:
            self._imp_plan.by_columns = True
            if self._noted is not None:
                self._noted(len(self._imp_plan.rows.cells) + 1, fates)
        fates.reverse()
        self._fates = fates
        return fates.pop()


def _padded(action: BoundAction, rows: list[Row]) -> list[Row]:
    """The rows as the action's fields read them (``filled``), its readers made."""
    if action.readers is None:
        action.readers = _readers(action)
    width = action.width
    if not rows or min(map(len, rows)) >= width:
        return rows
    return [row if len(row) >= width else filled(row, width) for row in rows]


def read_fields(overlay: Overlay, action: BoundAction, rows: list[Row], unique: str,
                ) -> tuple[dict[str, list[Any]], set[int]] | None:
    """Per field, each row's value (None where it gives none), and the rows whose cells
    do not all read (a short row's missing cells read as empty); None when a cell reads
    with a warning, empties a column, or is of a kind read its own way, or when a value of
    the field ``unique`` is given twice (that field read first)."""
    rows = _padded(action, rows)
    # Every column in one pass over the rows, in C: as many as the shortest row holds, the
    # action's width at least.
    columns = list(zip(*rows, strict=False)) or [()] * action.width
    values: dict[str, list[Any]] = {}
    failing: set[int] = set()
    for reader in sorted(action.readers, key=lambda reader: reader[0] != unique):
        name, index, _mandatory, limit, convert, _converted, key = reader
        column = list(columns[index])
        if not set(map(type, column)) <= _PLAIN_CELLS:
            return None
        distinct: Iterable[Cell] = dict.fromkeys(column)
        if convert is None:  # a text field: most cells are read as themselves
            distinct = [cell for cell in distinct if not read_as_itself(cell, limit, key)]
        read = _read_cells(overlay, action, reader, distinct)
        if read is None:
            return None
        value_of, failed = read
        if convert is not None:
            values[name] = list(map(value_of.__getitem__, column))
        else:
            values[name] = list(map(value_of.get, column, column)) if value_of else column
        if failed:
            failing.update(compress(count(), map(failed.__contains__, column)))
        if name == unique and twice([value for value in values[name] if value is not None]):
            return None
    return values, failing


def _read_cells(overlay: Overlay, action: BoundAction, reader: FieldReader,
                cells: Iterable[Cell]) -> tuple[dict[Cell, Any], set[Cell]] | None:
    """Each cell's value in the field of ``reader`` (None where it gives none), and the
    cells that do not read; None when one reads with a warning or empties a column."""
    value_of: dict[Cell, Any] = {}
    failed: set[Cell] = set()
    cells = list(cells)
    for cell, ctx in zip(cells, read_each(action, reader, overlay, cells), strict=True):
        value = ctx.values.get(reader[0])
        if value is CLEAR or any(issue.level is Level.WARNING for issue in ctx.issues):
            return None
        value_of[cell] = value
        if ctx.failed:
            failed.add(cell)
    return value_of, failed


def found(values: list[Any], find_each: Callable[[list[Any]], list[Any]]) -> list[Any]:
    """Per row, the record ``find_each`` finds by its value (an overlay's look-up of many
    at once, Overlay.find_each), None where the row gives none."""
    records = find_each(values)
    if None in values:  # (an index may file records whose key is None)
        return [None if value is None else record
                for value, record in zip(values, records, strict=True)]
    return records


def found_by_key(overlay: Overlay, table: Table, column: str, keys: list[Any]) -> list[Any]:
    """The record of ``table`` each key (none None) finds by its unique ``column`` (None:
    none); keys none of which is held told in one pass."""
    held = overlay.groups(table, column, attrgetter(column))
    if held.keys().isdisjoint(keys):
        return [None] * len(keys)
    return overlay.find_each(table, column, keys)


def records_made(table: Table, ids: Iterable[int], given: dict[str, list[Any]]) -> list[Any]:
    """New records of ``table`` with these ids, as create() makes them: each column's
    default where ``given`` (column -> each record's value, None for none) has none."""
    return list(map(RECORD_TYPES[table], ids, *(
        _or_default(given.get(column), default)
        for column, default in record_defaults(table).items())))


def _or_default(given: list[Any] | None, default: Any) -> Iterable[Any]:
    """A column of new records: the values given, the default where none is."""
    if given is None:
        return repeat(default)
    return [default if value is None else value for value in given] if None in given else given


def changed(given: dict[str, list[Any]], records: list[Any]) -> set[int]:
    """The places of the ``records`` that a column ``given`` (column -> each record's new
    value, None for none) would change, as Overlay.update compares them."""
    places: set[int] = set()
    for column, values in given.items():
        held = list(map(attrgetter(column), records))
        if held != values:  # most columns of records found hold what the rows give: told in C
            places.update(place for place, (value, was) in enumerate(zip(values, held, strict=True))
                          if value is not None and value != was)
    return places


def twice(values: list[Any]) -> bool:
    """Whether a value is given twice (its second row would find what the first set)."""
    return len(set(values)) != len(values)


def at(values: list[Any], rows: list[int]) -> list[Any]:
    """The values at ``rows``."""
    return list(map(values.__getitem__, rows))
