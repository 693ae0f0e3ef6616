"""A refresh's sessions planned a part of the export's rows at a time (``columns.parts``):
each field's distinct cells read once, each training course a value names found once an
export, the sessions new to the store made together with the ids, outcomes and words of the
row planner (``courses.plan_session``), and the sessions the store holds as the rows give
them left so.

The platform's export names every session by its GUID, and its training course by a GUID or
a code. A row whose cells do not read, one the file's cut shortened, and one changing the
session it finds (its dates, its title, its course) are the row planner's, in their turn:
none of them creates anything, and no other row of the part names what it changes. A part
holding anything else (a session without a GUID or with one twice, a course the store lacks,
a session an earlier row named, a store holding a session without a GUID, which a row may
take by its title) is planned row by row, and so is the rest of the export.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from importer_gui.core import columns
from importer_gui.core.binding import BoundAction
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
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.plan import ImportPlan
from importer_gui.core.platform_io.courses import CODE, GUID, SESSION_COLUMNS, SESSION_GUID
from importer_gui.core.platform_io.shared import Shared
from importer_gui.core.schema import Table

if TYPE_CHECKING:
    from importer_gui.core.planner import Planned, RowPlanner

# The fate of a row finding a stored session that holds what it gives: left as it is.
_KEPT = "kept"
_ID = attrgetter("id")


def takes(action: BoundAction, table: Table) -> bool:
    """Whether an export's rows may be planned here: sessions named by their GUIDs."""
    return columns.ENABLED and table is Table.SESSION and SESSION_GUID in action.fields


@dataclass
class _Export:
    """What deciding a part needs of its export: its plan (the rows planned so far), what
    its rows share, the rows its cut shortened (by place)."""

    imp: ImportPlan
    shared: Shared
    cut: dict[int, str]


def parts_of(overlay: Overlay, action: BoundAction, imp: ImportPlan, shared: Shared,
             cut: dict[int, str], row_planner: RowPlanner) -> Parts:
    """The export's rows planned a part at a time, each part decided here."""
    decide = partial(_decide, overlay, action, _Export(imp, shared, cut))
    return Parts(decide, _planned_of(action.spec.name), row_planner, imp, PART)


def _planned_of(name: str) -> Callable[[Fate], Planned]:
    """How a row decided here is planned: a new session held as its record, or nothing."""
    from importer_gui.core.planner import NO_CHANGES, _clean_results

    created = _clean_results(name, Outcome.CREATE)
    unchanged = (_clean_results(name, Outcome.UNCHANGED), NO_CHANGES, Outcome.UNCHANGED)

    def planned_of(fate: Fate) -> Planned:
        return unchanged if fate is _KEPT else (created, fate, Outcome.CREATE)

    return planned_of


def _decide(overlay: Overlay, action: BoundAction, export: _Export, rows: list[Row],
            ) -> list[Fate] | None:
    """Each row's fate, the sessions the rows create made and filed in the overlay; None,
    with nothing changed, when the part is the row planner's."""
    if overlay.find_one(Table.SESSION, "guid", None) is not None:
        return None  # a row may take that session by its title
    read = read_fields(overlay, action, rows, SESSION_GUID)
    if read is None:
        return None
    values, failing = read
    if None in values[SESSION_GUID]:
        return None
    place = len(export.imp.rows.lines)  # the first row's, in its export
    reaching = [k for k in range(len(rows)) if k not in failing and place + k not in export.cut]
    trainings = at(_trainings(overlay, values), reaching)
    if None in trainings:
        return None  # the row creates the course, or names none it can find
    sessions = found_by_key(overlay, Table.SESSION, "guid", at(values[SESSION_GUID], reaching))
    named = export.shared.sessions_named
    if any(session is not None and session.id in named for session in sessions):
        return None
    given = _given(values, reaching, trainings)
    fates: list[Fate] = [None] * len(rows)
    kept = _kept(given, sessions)
    stored = at(sessions, kept)
    for k in kept:
        fates[reaching[k]] = _KEPT
    creating = [k for k, session in enumerate(sessions) if session is None]
    made = _made(overlay, {column: at(value, creating) for column, value in given.items()})
    for k, session in zip(creating, made, strict=True):
        fates[reaching[k]] = session
    _note(export, trainings, stored, {
        place + reaching[k]: session for k, session in [
            *zip(kept, stored, strict=True), *zip(creating, made, strict=True)]})
    return fates


def _trainings(overlay: Overlay, values: dict[str, list[Any]]) -> list[Any]:
    """Each row's training course: by its GUID, else by its code (None: none found)."""
    guids, codes = values.get(GUID), values.get(CODE)
    by_guid = [None] * len(values[SESSION_GUID]) if guids is None else found(
        guids, partial(overlay.find_each, Table.TRAINING, "guid"))
    if codes is None:
        return by_guid
    by_code = found(codes, partial(overlay.find_each, Table.TRAINING, "path_code"))
    return [training or other for training, other in zip(by_guid, by_code, strict=True)]


def _given(values: dict[str, list[Any]], rows: list[int], trainings: list[Any],
           ) -> dict[str, list[Any]]:
    """The session columns the rows at ``rows`` set, as plan_session sets them (None where
    a row sets none), their courses given."""
    given = {column: at(values[name], rows) for name, column in SESSION_COLUMNS
             if name in values}
    given["training_id"] = list(map(_ID, trainings))
    return given


def _kept(given: dict[str, list[Any]], sessions: list[Any]) -> list[int]:
    """The places of the sessions found that hold every column given already (the others
    are changed by their rows, in their turn)."""
    found = [k for k, session in enumerate(sessions) if session is not None]
    differ = changed({column: at(value, found) for column, value in given.items()},
                     at(sessions, found))
    return [k for place, k in enumerate(found) if place not in differ]


def _made(overlay: Overlay, given: dict[str, list[Any]]) -> list[Any]:
    """The new sessions, made with the ids the row planner gives them, and filed."""
    count = len(given["training_id"])
    first = overlay.next_placeholder()
    sessions = records_made(Table.SESSION, range(first, first - count, -1), given)
    overlay.hold_made(first, count)
    overlay.file_records(Table.SESSION, sessions)
    return sessions


def _note(export: _Export, trainings: list[Any], kept: list[Any], named: dict[int, Any],
          ) -> None:
    """What the rows decided here tell the rest of the refresh, as plan_session tells it:
    the courses and stored sessions they found (for --prune), and the row that last named
    each session, by its place (for a row naming it again)."""
    seen = export.shared.seen
    seen[Table.TRAINING].update(map(_ID, trainings))
    seen[Table.SESSION].update(map(_ID, kept))
    export.shared.sessions_named.update(zip(map(_ID, named.values()), named, strict=True))
