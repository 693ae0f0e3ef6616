"""createOrUpdateInterventionAction: a classroom meeting of a session, its room and teacher."""

from __future__ import annotations

from operator import attrgetter

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.catalogue import INTERVENTION_ACTION as SPEC
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import SessionRec, Table, TrainingRec

GUID = "interventionGuid"
ROOM_GUID, ROOM_LABEL, ROOM_CAPACITY = "roomGuid", "roomLabel", "roomCapacity"
TRAINING_GUID, TRAINING_CODE = "trainingGuid", "trainingPathCode"
SESSION_GUID, SESSION_TITLE = "sessionGuid", "sessionTitle"

# Columns copied as they are: the intervention's own, and its room's (the key apart).
_COLUMNS = SPEC.columns("interventionDate", "interventionDuration", "interventionStatus")
_ROOM_COLUMNS = SPEC.columns(ROOM_LABEL, ROOM_CAPACITY)
_GUID_COLUMN, _ROOM_GUID_COLUMN = SPEC.by_name[GUID].column, SPEC.by_name[ROOM_GUID].column


def plan_intervention(ctx: RowContext) -> Outcome:
    """Plan one row of the intervention action."""
    training = _training(ctx)
    session = _session(ctx, training) if training is not None else None
    ok, teacher = lookup.teacher(ctx, msg.TEACHER_UNKNOWN)
    if ctx.failed or session is None or not ok:
        return Outcome.ERROR
    room_id, room_changed = _room(ctx)
    values = ctx.values
    columns: dict[str, object] = {_GUID_COLUMN: values[GUID], "session_id": session.id}
    if room_id is not None:
        columns["room_id"] = room_id
    for field, column in _COLUMNS:
        if field in values:
            columns[column] = values[field]
    if teacher is not None:
        columns["teacher_id"] = teacher.id
    _, outcome = lookup.create_or_update(ctx, Table.INTERVENTION, _GUID_COLUMN, columns,
                                          GUID)
    # A meeting whose room changed is an update, even when the meeting itself did not change.
    return Outcome.UPDATE if outcome is Outcome.UNCHANGED and room_changed else outcome


def _training(ctx: RowContext) -> TrainingRec | None:
    """The training course by GUID and by path code: one of them must be filled, and when
    both are they must name the same course."""
    values = ctx.values
    by_guid = by_code = None
    if TRAINING_GUID in values:
        by_guid = lookup.training_by_guid(ctx, values[TRAINING_GUID])
    if TRAINING_CODE in values:
        by_code = lookup.training_by_code(ctx, values[TRAINING_CODE],
                                          msg.TRAINING_PATH_CODE_UNKNOWN)
    if by_guid is not None and by_code is not None and by_guid is not by_code:
        ctx.error(TRAINING_GUID, msg.TRAININGS_DIFFER.format(
            guid_field=TRAINING_GUID, code_field=TRAINING_CODE, guid=values[TRAINING_GUID],
            other=msg.A_TRAINING.format(code=by_guid.path_code),
            code=values[TRAINING_CODE]))
        return None
    if TRAINING_GUID not in values and TRAINING_CODE not in values:
        ctx.error(TRAINING_GUID, msg.NO_TRAINING_NAMED.format(
            fields=f"{TRAINING_GUID} and {TRAINING_CODE}"))
    return by_guid if TRAINING_GUID in values else by_code


# The session by GUID, else by title: the field, its overlay index and key, the message of a
# miss. Made once rather than for every row.
_SESSION_BY = tuple(
    (field, "training+" + column, attrgetter("training_id", column), unknown)
    for field, column, unknown in (
        (SESSION_GUID, SPEC.by_name[SESSION_GUID].column, msg.SESSION_GUID_UNKNOWN),
        (SESSION_TITLE, SPEC.by_name[SESSION_TITLE].column, msg.SESSION_TITLE_UNKNOWN)))


def _session(ctx: RowContext, training: TrainingRec) -> SessionRec | None:
    """The session inside the training, by GUID, else by title."""
    values = ctx.values
    for field, name, key, unknown in _SESSION_BY:
        if field in values:
            value = values[field]
            found = ctx.overlay.find_single(Table.SESSION, name, key, (training.id, value))
            if found is None:
                ctx.error(field, unknown.format(value=value))
            elif found is SEVERAL:
                ctx.error(field, msg.GROUP_DUPLICATED.format(name=value))
                return None
            return found
    ctx.error(SESSION_GUID, msg.NO_SESSION_NAMED.format(
        fields=f"{SESSION_GUID} and {SESSION_TITLE}"))
    return None


def _room(ctx: RowContext) -> tuple[int | None, bool]:
    """The room by GUID, created or updated from the row: (id, changed)."""
    values = ctx.values
    guid = values.get(ROOM_GUID)
    if guid is None:
        return None, False
    room = ctx.overlay.find_one(Table.ROOM, _ROOM_GUID_COLUMN, guid)
    # Most rows name a room as earlier rows did: answer that without building a change (such
    # a row does not set the room, so it is not warned as setting it again).
    if room is not None and values.get(ROOM_LABEL, room.label) == room.label and (
            values.get(ROOM_CAPACITY, room.capacity) == room.capacity):
        return room.id, False
    columns = {_ROOM_GUID_COLUMN: guid}
    for field, column in _ROOM_COLUMNS:
        if field in values:
            columns[column] = values[field]
    room_id, outcome = lookup.create_or_update(ctx, Table.ROOM, _ROOM_GUID_COLUMN, columns,
                                               ROOM_GUID)
    return room_id, outcome is not Outcome.UNCHANGED


register(SPEC.name, plan_intervention,
         (Table.TRAINING, Table.SESSION, Table.ROOM, Table.TEACHER, Table.INTERVENTION))
