"""createOrUpdateInterventionAction planned a part of the file at a time: each field's
distinct cells read once, the course, session, teacher and room each distinct value names
found once, and the rows creating a meeting (and the room they first name) made together,
with the row planner's ids, outcomes and words (actions/intervention.py). Rows come from any
reader, a sheet's as a text file's: no engine of its own is needed.

A row whose cells do not read, or that names no known course, session or teacher, is in
error: it changes nothing, and what it says hangs on the courses, sessions and teachers
alone, which this action never changes. The row planner plans it in its turn. A part holding
anything else (a meeting its GUID finds, a GUID twice, a room a row changes, a cell with a
warning or of a kind read its own way) is planned row by row; the next part is looked at
again, from the overlay as those rows left it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import partial
from itertools import accumulate, chain, compress, count, islice, repeat
from operator import attrgetter, itemgetter, sub
from typing import TYPE_CHECKING, Any

from importer_gui.core.actions.base import CLEAR, FieldReader, _readers, read_as_itself
from importer_gui.core.actions.intervention import (
    _COLUMNS,
    _GUID_COLUMN,
    _ROOM_COLUMNS,
    _ROOM_GUID_COLUMN,
    _SESSION_BY,
    GUID,
    ROOM_CAPACITY,
    ROOM_GUID,
    ROOM_LABEL,
    SESSION_GUID,
    SESSION_TITLE,
    SPEC,
    TRAINING_CODE,
    TRAINING_GUID,
)
from importer_gui.core.actions.lookup import LOGIN
from importer_gui.core.binding import BoundAction
from importer_gui.core.catalogue import STORE_COLUMNS
from importer_gui.core.cells import Cell
from importer_gui.core.columns.fields import read_each
from importer_gui.core.issues import Level, Outcome
from importer_gui.core.overlay import SEVERAL, Overlay, record_defaults
from importer_gui.core.plan import CreatedRecords, ImportPlan
from importer_gui.core.records import RECORD_TYPES, Table
from importer_gui.core.setting_rows import Subjects, Warn

if TYPE_CHECKING:
    from importer_gui.core.planner import Planned, RowPlanner

SPEC_NAME = SPEC.name
# Rows decided at a time. A part's cells are held until it is planned, beside all a commit
# holds (a thousand bytes or so a row): more rows a part run faster and peak higher.
PART = 1 << 13
_PIECE = 1 << 10  # rows given (then let go of) at a time
# The kinds of cell read alike in any row, none ever equal to a cell of another kind: a
# part holding any other (a text read with a warning, an unreadable cell) is the row
# planner's.
_PLAIN_CELLS = frozenset({str, datetime, date, time})
_CODE_COLUMN, _LOGIN_COLUMN = STORE_COLUMNS[TRAINING_CODE], STORE_COLUMNS[LOGIN]
# The session by title within its course: the overlay's index and key the row planner uses.
_BY_TITLE = next((name, key) for field, name, key, _ in _SESSION_BY if field == SESSION_TITLE)

Row = tuple[Cell, ...]
# A row's fate: None for the row planner; the records it creates, as the plan holds them
# (its meeting, or its room and its meeting); or the stored meeting it leaves as it is
# (_Kept).
Fate = Any


def takes(action: BoundAction) -> bool:
    """Whether this action's rows may be planned here: a GUID every row must give, the
    course by its code and the session by its title (by GUID, the row planner's)."""
    fields = action.fields
    guid = fields.get(GUID)
    return (action.spec.name == SPEC_NAME and guid is not None and guid.mandatory
            and TRAINING_CODE in fields and SESSION_TITLE in fields
            and TRAINING_GUID not in fields and SESSION_GUID not in fields)


class Parts:
    """The rows of one import, a part at a time: each part decided when its first row is
    to be planned (every row before it planned by then, whatever was read ahead), each row
    then planned in its turn (``plan_one``)."""

    def __init__(self, overlay: Overlay, action: BoundAction, imp_plan: ImportPlan,
                 warn: Warn | None, row_planner: RowPlanner) -> None:
        from importer_gui.core.planner import NO_CHANGES, _clean_results, _shared_results

        self._overlay, self._action, self._warn = overlay, action, warn
        self._imp_plan = imp_plan
        self._row_planner = row_planner
        self._by_rows = False  # every part from now on the row planner's
        self._clean = {outcome: _clean_results(SPEC_NAME, outcome)
                       for outcome in (Outcome.CREATE, Outcome.UNCHANGED)}
        self._warned = partial(_shared_results, SPEC_NAME)
        self._no_changes = NO_CHANGES
        self._pending: deque[list[Row]] = deque()  # the parts read, not decided yet
        self._fates: list[Fate] = []  # the fates of the part's rows left, the next last
        self._known = _Known()

    def through(self, rows: Iterable[tuple[int, tuple[int, Row]]],
                ) -> Iterator[tuple[int, tuple[int, Row]]]:
        """The numbered rows as they come, a part at a time, each part held until decided
        (the rows given let go of a few at a time, so that a part read ahead is held beside
        the rest of the one before, not all of it)."""
        return chain.from_iterable(self._pieces(iter(rows)))

    def _pieces(self, rows: Iterator[tuple[int, tuple[int, Row]]],
                ) -> Iterator[list[tuple[int, tuple[int, Row]]]]:
        while part := list(islice(rows, PART)):
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
        if type(fate) is _Kept:
            outcome, held = Outcome.UNCHANGED, self._no_changes
            subjects: Subjects = ((Table.INTERVENTION, fate.meeting.id, GUID),)
        else:
            outcome, held, subjects = Outcome.CREATE, fate, _subjects(fate)
        if self._warn is not None and (warnings := self._warn(subjects)):
            return self._warned(outcome, list(warnings)), held, outcome
        return self._clean[outcome], held, outcome

    def _decide_next(self) -> Fate:
        """Decide the next part read, the rows before it all planned: its first row's
        fate (the others' kept, last first). Once a part is the row planner's, so is the
        rest of the import: a part found so after it was read cost that reading for
        nothing, and the parts after it are most often like it."""
        rows = self._pending.popleft()
        fates = None if self._by_rows else _decide(self._overlay, self._action, rows,
                                                   self._known)
        if fates is None:
            self._by_rows = True
            fates = [None] * len(rows)
        else:
            self._imp_plan.by_columns = True
        fates.reverse()
        self._fates = fates
        return fates.pop()


@dataclass
class _Known:
    """The course, session or teacher each value found so far (None: none; SEVERAL): this
    action changes none of them, so a value finds the same in every part of its import."""

    trainings: dict[Any, Any] = field(default_factory=dict)
    sessions: dict[Any, Any] = field(default_factory=dict)
    teachers: dict[Any, Any] = field(default_factory=dict)


def _decide(overlay: Overlay, action: BoundAction, rows: list[Row],
            known: _Known) -> list[Fate] | None:
    """Each row's fate, the records the rows create made and filed in the overlay; None,
    with nothing changed, when the part is the row planner's."""
    rows = _padded(action, rows)
    read = _read(overlay, action, rows)
    if read is None:
        return None
    values, failing = read
    trainings = _found(values[TRAINING_CODE], known.trainings, partial(
        overlay.find_one, Table.TRAINING, _CODE_COLUMN))
    keys = [None if training is None or title is None else (training.id, title)
            for training, title in zip(trainings, values[SESSION_TITLE], strict=True)]
    sessions = _found(keys, known.sessions, partial(
        overlay.find_single, Table.SESSION, *_BY_TITLE))
    logins = values.get(LOGIN)
    teachers = None if logins is None else _found(logins, known.teachers, partial(
        overlay.find_one, Table.TEACHER, _LOGIN_COLUMN))
    # A login given finds its teacher (none given: the row goes on without one).
    taught: Iterable[bool] = repeat(True) if logins is None or teachers is None else [
        login is None or teacher is not None
        for login, teacher in zip(logins, teachers, strict=True)]
    reaching = [i for i, (session, ok) in enumerate(zip(sessions, taught, strict=False))
                if ok and session is not None and session is not SEVERAL and i not in failing]
    rooms = _rooms(overlay, values, reaching)
    if rooms is None:
        return None
    stored = _stored(overlay, _at(values[GUID], reaching))
    kept = [i for i, meeting in zip(reaching, stored, strict=True) if meeting is not None]
    meetings = [meeting for meeting in stored if meeting is not None]  # theirs, in order
    looked = _Looked(values, sessions, teachers)
    if kept and not _unchanged(looked, kept, meetings, rooms):
        return None
    creating = [i for i, meeting in zip(reaching, stored, strict=True) if meeting is None]
    fates = _made(overlay, looked, creating, rooms, len(rows))
    for i, meeting in zip(kept, meetings, strict=True):
        fates[i] = _Kept(meeting)
    return fates


@dataclass
class _Looked:
    """A part's values by field, and the session and teacher each row found (None: none;
    no teachers where the file gives none)."""

    values: dict[str, list[Any]]
    sessions: list[Any]
    teachers: list[Any] | None

    def given(self, rows: list[int], room_ids: list[Any]) -> dict[str, list[Any]]:
        """The meeting columns the rows at ``rows`` set, as plan_intervention sets them
        (None where a row sets none), their rooms' ids given."""
        values = self.values
        columns = {_GUID_COLUMN: _at(values[GUID], rows),
                   "session_id": list(map(_ID, _at(self.sessions, rows))),
                   "room_id": room_ids,
                   **{column: _at(values[field], rows)
                      for field, column in _COLUMNS if field in values}}
        if self.teachers is not None:
            columns["teacher_id"] = [None if teacher is None else teacher.id
                                     for teacher in _at(self.teachers, rows)]
        return columns

    def room_guids(self, rows: list[int]) -> list[Any]:
        """The room GUID each of the rows at ``rows`` gives (None: none)."""
        guids = self.values.get(ROOM_GUID)
        return [None] * len(rows) if guids is None else _at(guids, rows)


class _Kept:
    """A stored meeting a row finds and leaves as it is."""

    __slots__ = ("meeting",)

    def __init__(self, meeting: Any) -> None:
        self.meeting = meeting


def _unchanged(looked: _Looked, rows: list[int], meetings: list[Any],
               rooms: dict[Any, Any]) -> bool:
    """Whether the meetings the rows at ``rows`` find (``meetings``) hold every column
    they set already, their rooms among those found (a room the part creates changes the
    meeting it is given to)."""
    room_ids = []
    for guid in looked.room_guids(rows):
        room = None if guid is None else rooms[guid]
        if guid is not None and room is None:
            return False
        room_ids.append(None if room is None else room.id)
    for column, given in looked.given(rows, room_ids).items():
        held = map(attrgetter(column), meetings)
        if any(value is not None and value != was
               for value, was in zip(given, held, strict=True)):
            return False
    return True


def _padded(action: BoundAction, rows: list[Row]) -> list[Row]:
    """The rows, each filled with empty cells to the action's width as read_values fills
    it."""
    if action.readers is None:
        action.readers = _readers(action)
    width = action.width
    if not rows or min(map(len, rows)) >= width:
        return rows
    return [row if len(row) >= width else (*row, *[""] * (width - len(row))) for row in rows]


def _read(overlay: Overlay, action: BoundAction, rows: list[Row],
          ) -> tuple[dict[str, list[Any]], set[int]] | None:
    """Per field, each row's value (None where it gives none), and the rows whose cells
    do not all read (the rows as wide as the action reads); None when a cell reads with a
    warning, empties a column, or is of a kind read its own way, or when a GUID is given
    twice (looked at first)."""
    values: dict[str, list[Any]] = {}
    failing: set[int] = set()
    for reader in sorted(action.readers, key=lambda reader: reader[0] != GUID):
        name, index, _mandatory, limit, convert, _converted, key = reader
        column = list(map(itemgetter(index), rows))
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
        if name == GUID and _twice([guid for guid in values[GUID] if guid is not None]):
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


def _found(values: list[Any], known: dict[Any, Any], find: Callable[[Any], Any]) -> list[Any]:
    """Per row, what ``find`` finds by its value (None where it gives none), asked once for
    each value not ``known`` (which then keeps its answer)."""
    known.update({value: find(value) for value in dict.fromkeys(values)
                  if value is not None and value not in known})
    return list(map(known.get, values))


def _stored(overlay: Overlay, guids: list[Any]) -> list[Any]:
    """The meeting each GUID finds (None: none); a file of new meetings told in one pass."""
    meetings = overlay.groups(Table.INTERVENTION, _GUID_COLUMN, attrgetter(_GUID_COLUMN))
    if meetings.keys().isdisjoint(guids):
        return [None] * len(guids)
    return _found(guids, {}, partial(overlay.find_one, Table.INTERVENTION, _GUID_COLUMN))


def _twice(guids: list[Any]) -> bool:
    """Whether a GUID is given twice (its second row would find what the first set)."""
    return len(set(guids)) != len(guids)


def _at(values: list[Any], rows: list[int]) -> list[Any]:
    """The values at ``rows``."""
    return list(map(values.__getitem__, rows))


_ID = attrgetter("id")


def _rooms(overlay: Overlay, values: dict[str, list[Any]], creating: list[int],
           ) -> dict[Any, Any] | None:
    """Each room GUID the creating rows give, and the room it finds (None: the first row
    naming it creates it); None when a row would change a room: rows naming one give it
    one label and capacity, which a room found holds already."""
    guids = values.get(ROOM_GUID)
    if guids is None:
        return {}
    given = _at(guids, creating), *(
        repeat(None) if values.get(field) is None else _at(values[field], creating)
        for field in (ROOM_LABEL, ROOM_CAPACITY))  # (None for a field the file lacks)
    named = [room for room in dict.fromkeys(zip(*given, strict=False)) if room[0] is not None]
    held = {guid: (label, capacity) for guid, label, capacity in named}
    if len(held) != len(named):  # a room given two labels or capacities
        return None
    rooms = {guid: overlay.find_one(Table.ROOM, _ROOM_GUID_COLUMN, guid) for guid in held}
    for guid, room in rooms.items():
        label, capacity = held[guid]
        if room is not None and not ((label is None or label == room.label)
                                     and (capacity is None or capacity == room.capacity)):
            return None
    return rooms


def _made(overlay: Overlay, looked: _Looked, creating: list[int], rooms: dict[Any, Any],
          height: int) -> list[Fate]:
    """The meetings the rows at ``creating`` create, and the rooms they first name, made
    with the ids the row planner gives them (a row's room, then its meeting) and filed in
    the overlay; each row's fate (None but for those rows)."""
    named = looked.room_guids(creating)
    # The first row naming a room no record holds makes it: the places of those rows.
    firsts = dict(zip(reversed(named), range(len(named) - 1, -1, -1), strict=True))
    makers = sorted(k for guid, k in firsts.items() if guid is not None and rooms[guid] is None)
    made = bytearray(len(creating))
    for k in makers:
        made[k] = 1
    first = overlay.next_placeholder()
    # Each row's meeting takes the next id, after its room's when it makes one.
    ids = list(map(sub, range(first, first - len(creating), -1), accumulate(made)))
    new_rooms = {k: _room(ids[k] + 1, named[k], looked.values, creating[k]) for k in makers}
    room_ids = {guid: room.id for guid, room in rooms.items() if room is not None}
    room_ids.update((named[k], room.id) for k, room in new_rooms.items())
    given = looked.given(creating, list(map(room_ids.get, named)))
    meetings = list(map(RECORD_TYPES[Table.INTERVENTION], ids, *(
        _or_default(given.get(column), default)
        for column, default in record_defaults(Table.INTERVENTION).items())))
    count = len(creating) + len(makers)
    overlay.take_placeholders(count)
    overlay.creations.hold_placeholders(first, count)
    overlay.file_records(Table.ROOM, new_rooms.values())
    overlay.file_records(Table.INTERVENTION, meetings)
    fates: list[Fate] = [None] * height
    for i, meeting in zip(creating, meetings, strict=True):
        fates[i] = meeting
    for k, room in new_rooms.items():
        fates[creating[k]] = CreatedRecords((room, meetings[k]))
    return fates


def _subjects(held: Any) -> Subjects:
    """The records a row creating ``held`` sets, as its RowContext would say them."""
    if type(held) is CreatedRecords:
        room, meeting = held
        return ((Table.ROOM, room.id, ROOM_GUID), (Table.INTERVENTION, meeting.id, GUID))
    return ((Table.INTERVENTION, held.id, GUID),)


def _room(room_id: int, guid: Any, values: dict[str, list[Any]], row: int) -> Any:
    """The room the row ``row`` creates, as create() makes it: its defaults overlaid with
    the row's values."""
    columns = {**record_defaults(Table.ROOM), _ROOM_GUID_COLUMN: guid}
    for name, column in _ROOM_COLUMNS:
        value = values[name][row] if name in values else None
        if value is not None:
            columns[column] = value
    return RECORD_TYPES[Table.ROOM](room_id, *columns.values())


def _or_default(given: list[Any] | None, default: Any) -> Iterable[Any]:
    """A column of new records: the values given, the default where none is."""
    if given is None:
        return repeat(default)
    return [default if value is None else value for value in given] if None in given else given
