"""createOrUpdateInterventionAction: a classroom meeting of a session, its room and teacher."""

from __future__ import annotations

from operator import attrgetter

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.binding import BoundField
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import SessionRec, Table, TrainingRec

NAME = "createOrUpdateInterventionAction"


def plan_intervention(ctx: RowContext) -> Outcome:
    """Plan one row of the intervention action."""
    training = _training(ctx)
    session = _session(ctx, training) if training is not None else None
    ok, teacher = lookup.teacher(ctx, "Teacher with login {login} is not found.")
    if ctx.failed or session is None or not ok:
        return Outcome.ERROR
    room_id, room_changed = _room(ctx)
    values = ctx.values
    columns: dict[str, object] = {"guid": values["interventionGuid"], "session_id": session.id}
    if room_id is not None:
        columns["room_id"] = room_id
    for field, column in _COLUMNS:
        if field in values:
            columns[column] = values[field]
    if teacher is not None:
        columns["teacher_id"] = teacher.id
    _, outcome = lookup.create_or_update(ctx, Table.INTERVENTION, "guid", columns)
    # A meeting whose room changed is an update, even when the meeting itself did not change.
    return Outcome.UPDATE if outcome is Outcome.UNCHANGED and room_changed else outcome


# Row field -> intervention column, for the fields copied as they are.
_COLUMNS = (("interventionDate", "start"), ("interventionDuration", "duration"),
            ("interventionStatus", "status"))


def _training(ctx: RowContext) -> TrainingRec | None:
    """The training course by GUID, else by path code; one of them must be filled."""
    values = ctx.values
    if "trainingGuid" in values:
        return lookup.training_by_guid(ctx, values["trainingGuid"])
    if "trainingPathCode" in values:
        return lookup.training_by_code(ctx, values["trainingPathCode"],
                                       "Training with path code {code} is not found.")
    ctx.error("trainingGuid", "Fields trainingGuid and trainingPathCode are both empty: one "
                              "of them must name the training course.")
    return None


def _session(ctx: RowContext, training: TrainingRec) -> SessionRec | None:
    """The session inside the training, by GUID, else by title."""
    values = ctx.values
    for field, column in (("sessionGuid", "guid"), ("sessionTitle", "title")):
        if field in values:
            value = values[field]
            name, key = _SESSION_KEYS[column]
            found = ctx.overlay.find_single(Table.SESSION, name, key, (training.id, value))
            if found is None:
                ctx.error(field, f"Session with {column} {value} is not found for this "
                                 "training.")
            elif found is SEVERAL:
                ctx.error(field, f"Group with name {value} is duplicated.")
                return None
            return found
    ctx.error("sessionGuid", "Fields sessionGuid and sessionTitle are both empty: one of them "
                             "must name the session.")
    return None


# Index name and key per column, made once rather than for every row.
_SESSION_KEYS = {column: ("training+" + column, attrgetter("training_id", column))
                 for column in ("guid", "title")}


def _room(ctx: RowContext) -> tuple[int | None, bool]:
    """The room by GUID, created or updated from the row: (id, changed)."""
    values = ctx.values
    guid = values.get("roomGuid")
    if guid is None:
        return None, False
    room = ctx.overlay.find_one(Table.ROOM, "guid", guid)
    # Most rows name a room as earlier rows did: answer that without building a change.
    if room is not None and values.get("roomLabel", room.label) == room.label and (
            values.get("roomCapacity", room.capacity) == room.capacity):
        return room.id, False
    columns = {"guid": guid}
    if "roomLabel" in values:
        columns["label"] = values["roomLabel"]
    if "roomCapacity" in values:
        columns["capacity"] = values["roomCapacity"]
    room_id, outcome = lookup.create_or_update(ctx, Table.ROOM, "guid", columns)
    return room_id, outcome is not Outcome.UNCHANGED


def _invalid_status(value: str, bound: BoundField) -> str:
    codes = list(bound.codes.values())
    expected = " or ".join([", ".join(codes[:-1]), codes[-1]]) if len(codes) > 1 else codes[0]
    return f"Status has invalid value {value}, {expected} expected."


register(NAME, plan_intervention,
         (Table.TRAINING, Table.SESSION, Table.ROOM, Table.TEACHER, Table.INTERVENTION),
         {"interventionStatus": _invalid_status})
