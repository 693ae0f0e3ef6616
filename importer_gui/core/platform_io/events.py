"""A refresh's classroom events: the interventions of a session, matched by their start.

The platform's event export gives no intervention GUID, which is what the store (and an
import) finds an intervention by. So an event updates the session's intervention that starts
at the same time (on the same day, when the export gives the day only) and, when the event
names its room, the one in that room; an event that matches none is an error on its row (it
is left out, and not "unchanged": the store does not hold it): created without its GUID, it
would be created a second time by the import that names it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from importer_gui.core.actions.base import RowContext, shown_name
from importer_gui.core.catalogue import exports as cat
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.platform_io.followed import find_session, keep_named
from importer_gui.core.platform_io.shared import Shared
from importer_gui.core.schema import Table
from importer_gui.core.values import date_part, date_pattern

ROOM_CAPACITY = "roomCapacity"
_SECONDS_PER_HOUR = 3600  # an intervention's duration is in whole hours


def plan_event(ctx: RowContext, shared: Shared) -> Outcome:
    """One event: its intervention updated (status, duration, room capacity), or a notice."""
    session = find_session(ctx)
    keep_named(shared, None, session)
    start = _moment(ctx, cat.EVENT_START)
    end = _moment(ctx, cat.EVENT_END)
    if ctx.failed or session is None:
        return Outcome.ERROR
    if start is None:
        ctx.error(cat.EVENT_START, msg.FIELD_EMPTY.format(
            field=shown_name(ctx.action, cat.EVENT_START)))
        return Outcome.ERROR
    room = ctx.values.get(cat.EVENT_ROOM)
    intervention = _match(ctx, shared, session, start, room)
    if intervention is None:  # left out: an error, as a row a commit does not write is
        ctx.error(cat.EVENT_START, cat.EVENT_NOT_MATCHED.format(
            session=session.title or session.guid, start=ctx.values[cat.EVENT_START],
            room=cat.EVENT_IN_ROOM.format(room=room) if room else ""))
        return Outcome.ERROR
    shared.seen[Table.INTERVENTION].add(intervention.id)
    changed = ctx.add(ctx.overlay.update(Table.INTERVENTION, intervention,
                                         _columns(ctx, start, end)))
    changed = _room_capacity(ctx, intervention) or changed
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _moment(ctx: RowContext, name: str) -> tuple[datetime, bool] | None:
    """A date and time as the export's dateTimeFormat writes it (or ISO 8601), or a date
    alone: (moment, whether it has its time); None when empty or after an error."""
    text = ctx.values.get(name)
    if text is None:
        return None
    written = ctx.action.parameter(cat.DATE_TIME_FORMAT) or cat.DEFAULT_DATE_TIME_FORMAT
    pattern = date_pattern(written)
    try:
        return datetime.strptime(text, pattern), True
    except ValueError:
        pass
    try:  # ISO 8601, with its time when longer than a date; as written, as the store keeps it
        moment = datetime.fromisoformat(text).replace(tzinfo=None)
        return moment, len(text) > len("2027-01-12")
    except ValueError:
        pass
    try:
        return datetime.strptime(text, date_part(pattern) or pattern), False
    except ValueError:
        pass
    ctx.error(name, cat.NOT_A_MOMENT.format(field=shown_name(ctx.action, name), value=text,
                                              format=written))
    return None


def _match(ctx: RowContext, shared: Shared, session: Any, start: tuple[datetime, bool],
           room: str | None) -> Any:
    """The session's intervention this event is: starting then (that day, for a date alone),
    in its room when it names one (one whose room the store does not know may be it), not
    matched by an earlier row."""
    moment, timed = start
    seen = shared.seen[Table.INTERVENTION]
    found = [i for i in ctx.overlay.interventions_of(session.id)
             if i.id not in seen and i.start is not None
             and (i.start == moment if timed else i.start.date() == moment.date())]
    if room is not None:
        labels = {i.id: _room_label(ctx, i) for i in found}
        found = [i for i in found if labels[i.id] in (None, room)]
        found.sort(key=lambda i: labels[i.id] != room)  # those in that room first
    return found[0] if found else None


def _room_label(ctx: RowContext, intervention: Any) -> str | None:
    room = ctx.overlay.get(Table.ROOM, intervention.room_id) if intervention.room_id else None
    return room.label if room is not None else None


def _columns(ctx: RowContext, start: tuple[datetime, bool],
             end: tuple[datetime, bool] | None) -> dict[str, Any]:
    """The intervention's status, and its duration when the event's start and end have
    times a whole number of hours apart."""
    columns: dict[str, Any] = {}
    status = ctx.values.get(cat.EVENT_STATUS)
    if status is not None:
        columns["status"] = cat.EVENT_STATUS_MEANINGS[status]
    if end is not None and start[1] and end[1]:
        seconds = (end[0] - start[0]).total_seconds()
        if seconds > 0 and seconds % _SECONDS_PER_HOUR == 0:
            columns["duration"] = int(seconds // _SECONDS_PER_HOUR)
    return columns


def _room_capacity(ctx: RowContext, intervention: Any) -> bool:
    """The capacity of the intervention's room, as the event gives it; True when it changed."""
    capacity = ctx.values.get(ROOM_CAPACITY)
    room = ctx.overlay.get(Table.ROOM, intervention.room_id) if intervention.room_id else None
    if capacity is None or room is None:
        return False
    return ctx.add(ctx.overlay.update(Table.ROOM, room, {"capacity": capacity}))
