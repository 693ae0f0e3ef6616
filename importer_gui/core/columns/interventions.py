"""createOrUpdateInterventionAction planned a part of the file at a time: each field's
distinct cells read once, the course, session, teacher and room each distinct value names
found once, and the rows creating a meeting (and the room they first name) made together,
with the row planner's ids, outcomes and words (actions/intervention.py). Rows come from any
reader, a sheet's as a text file's: no engine of its own is needed.

A row whose cells do not read, or that names no known course, session or teacher, is in
error: it changes nothing, and what it says hangs on the courses, sessions and teachers
alone, which this action never changes. The row planner plans it in its turn. A part holding
anything else (a meeting a row changes, a GUID twice, a room a row changes, a cell with a
warning or of a kind read its own way) is planned row by row, and so is the rest of the
import (``parts``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, repeat
from operator import attrgetter, sub
from typing import TYPE_CHECKING, Any

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
from importer_gui.core.columns.parts import (
    PART,
    Fate,
    Parts,
    Row,
    at,
    changed,
    found,
    found_by_key,
    read_fields,
    records_made,
)
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.overlay import SEVERAL, Overlay, record_defaults
from importer_gui.core.plan import CreatedRecords, ImportPlan, Rows
from importer_gui.core.records import RECORD_TYPES, Table
from importer_gui.core.setting_rows import SettingRows

if TYPE_CHECKING:
    from importer_gui.core.planner import Planned, RowPlanner

SPEC_NAME = SPEC.name
_CODE_COLUMN, _LOGIN_COLUMN = STORE_COLUMNS[TRAINING_CODE], STORE_COLUMNS[LOGIN]
# The session by title within its course: the overlay's index and key the row planner uses.
_BY_TITLE = next((name, key) for field, name, key, _ in _SESSION_BY if field == SESSION_TITLE)

# A row's fate here: None for the row planner; the records it creates, as the plan holds
# them (its meeting, or its room and its meeting); or the stored meeting it leaves as it is
# (_Kept).


def takes(action: BoundAction) -> bool:
    """Whether this action's rows may be planned here: a GUID every row must give, the
    course by its code and the session by its title (by GUID, the row planner's)."""
    fields = action.fields
    guid = fields.get(GUID)
    return (action.spec.name == SPEC_NAME and guid is not None and guid.mandatory
            and TRAINING_CODE in fields and SESSION_TITLE in fields
            and TRAINING_GUID not in fields and SESSION_GUID not in fields)


def parts_of(overlay: Overlay, action: BoundAction, imp_plan: ImportPlan,
             setters: SettingRows | None, row_planner: RowPlanner) -> Parts:
    """The import's rows planned a part at a time, each part decided here."""
    decide = partial(_decide, overlay, action)
    planned = _Planned(imp_plan.rows, setters)
    return Parts(decide, planned.of, row_planner, imp_plan, PART, planned.noted)


class _Planned:
    """A row decided here, planned: its results, what it holds, its outcome; the records
    the rows set noted in ``setters`` a part at a time, as it is decided."""

    def __init__(self, rows: Rows, setters: SettingRows | None) -> None:
        from importer_gui.core.planner import NO_CHANGES, _clean_results, _shared_results

        self._rows, self._setters = rows, setters
        self._clean = {outcome: _clean_results(SPEC_NAME, outcome)
                       for outcome in (Outcome.CREATE, Outcome.UNCHANGED)}
        self._warned = partial(_shared_results, SPEC_NAME)
        self._no_changes = NO_CHANGES
        self._warnings: dict[int, list[Issue]] = {}  # by row number: what it sets again

    def noted(self, first: int, fates: list[Fate]) -> None:
        """The records the part's rows set, from row ``first`` on, noted at once: the
        meeting each creates or keeps, the room it first names. No two rows of a part set
        the same meeting (a GUID given twice makes the part the row planner's), and the rows
        in error set nothing: what a row sets again, an earlier part's row set."""
        if self._setters is None:
            return
        meetings = [0] * len(fates)
        rooms: list[int] | None = None
        for k, fate in enumerate(fates):
            kind = type(fate)
            if kind is _Kept:
                meetings[k] = fate.meeting.id
            elif kind is CreatedRecords:
                room, meeting = fate
                meetings[k] = meeting.id
                if rooms is None:
                    rooms = [0] * len(fates)
                rooms[k] = room.id
            elif fate is not None:
                meetings[k] = fate.id
        by_room = {} if rooms is None else self._setters.ahead(Table.ROOM, first, rooms,
                                                               ROOM_GUID)
        by_meeting = self._setters.ahead(Table.INTERVENTION, first, meetings, GUID)
        # A row's warnings in the order its RowContext sets its records: room, then meeting.
        self._warnings = {row: [issue for issue in (by_room.get(row), by_meeting.get(row))
                                if issue is not None]
                          for row in by_room.keys() | by_meeting.keys()}

    def of(self, fate: Fate) -> Planned:
        """The row whose fate is ``fate`` (its records, or _Kept) as planned, with the
        warnings ``noted`` found for it."""
        if type(fate) is _Kept:
            outcome, held = Outcome.UNCHANGED, self._no_changes
        else:
            outcome, held = Outcome.CREATE, fate
        if self._warnings and (warnings := self._warnings.pop(len(self._rows.cells) + 1,
                                                              None)):
            return self._warned(outcome, warnings), held, outcome
        return self._clean[outcome], held, outcome


def _decide(overlay: Overlay, action: BoundAction, rows: list[Row]) -> list[Fate] | None:
    """Each row's fate, the records the rows create made and filed in the overlay; None,
    with nothing changed, when the part is the row planner's."""
    read = read_fields(overlay, action, rows, GUID)
    if read is None:
        return None
    values, failing = read
    trainings = found(values[TRAINING_CODE], partial(
        overlay.find_each, Table.TRAINING, _CODE_COLUMN))
    keys = [None if training is None or title is None else (training.id, title)
            for training, title in zip(trainings, values[SESSION_TITLE], strict=True)]
    sessions = found(keys, partial(overlay.find_singles, Table.SESSION, *_BY_TITLE))
    logins = values.get(LOGIN)
    teachers = None if logins is None else found(logins, partial(
        overlay.find_each, Table.TEACHER, _LOGIN_COLUMN))
    # A login given finds its teacher (none given: the row goes on without one).
    taught: Iterable[bool] = repeat(True) if logins is None or teachers is None else [
        login is None or teacher is not None
        for login, teacher in zip(logins, teachers, strict=True)]
    reaching = [i for i, (session, ok) in enumerate(zip(sessions, taught, strict=False))
                if ok and session is not None and session is not SEVERAL and i not in failing]
    rooms = _rooms(overlay, values, reaching)
    if rooms is None:
        return None
    stored = found_by_key(overlay, Table.INTERVENTION, _GUID_COLUMN, at(values[GUID], reaching))
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
        columns = {_GUID_COLUMN: at(values[GUID], rows),
                   "session_id": list(map(_ID, at(self.sessions, rows))),
                   "room_id": room_ids,
                   **{column: at(values[field], rows)
                      for field, column in _COLUMNS if field in values}}
        if self.teachers is not None:
            columns["teacher_id"] = [None if teacher is None else teacher.id
                                     for teacher in at(self.teachers, rows)]
        return columns

    def room_guids(self, rows: list[int]) -> list[Any]:
        """The room GUID each of the rows at ``rows`` gives (None: none)."""
        guids = self.values.get(ROOM_GUID)
        return [None] * len(rows) if guids is None else at(guids, rows)


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
    guids = looked.room_guids(rows)
    named = set(guids)
    named.discard(None)
    if any(rooms[guid] is None for guid in named):
        return False
    room_ids = {guid: rooms[guid].id for guid in named}
    return not changed(looked.given(rows, list(map(room_ids.get, guids))), meetings)


_ID = attrgetter("id")


def _rooms(overlay: Overlay, values: dict[str, list[Any]], creating: list[int],
           ) -> dict[Any, Any] | None:
    """Each room GUID the creating rows give, and the room it finds (None: the first row
    naming it creates it); None when a row would change a room: rows naming one give it
    one label and capacity, which a room found holds already."""
    guids = values.get(ROOM_GUID)
    if guids is None:
        return {}
    given = at(guids, creating), *(
        repeat(None) if values.get(field) is None else at(values[field], creating)
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
    meetings = records_made(Table.INTERVENTION, ids, given)
    overlay.hold_made(first, len(creating) + len(makers))
    overlay.file_records(Table.ROOM, new_rooms.values())
    overlay.file_records(Table.INTERVENTION, meetings)
    fates: list[Fate] = [None] * height
    for i, meeting in zip(creating, meetings, strict=True):
        fates[i] = meeting
    for k, room in new_rooms.items():
        fates[creating[k]] = CreatedRecords((room, meetings[k]))
    return fates


def _room(room_id: int, guid: Any, values: dict[str, list[Any]], row: int) -> Any:
    """The room the row ``row`` creates, as create() makes it: its defaults overlaid with
    the row's values."""
    columns = {**record_defaults(Table.ROOM), _ROOM_GUID_COLUMN: guid}
    for name, column in _ROOM_COLUMNS:
        value = values[name][row] if name in values else None
        if value is not None:
            columns[column] = value
    return RECORD_TYPES[Table.ROOM](room_id, *columns.values())
