"""createOrUpdateSessionAction: create, update or delete a session of a training course."""

from __future__ import annotations

from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import CLEAR, RowContext, register
from importer_gui.core.catalogue import SESSION_ACTION as SPEC
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.records import SessionRec, Table, TrainingRec

ACTION, TITLE, ID = "sessionAction", "sessionTitle", "sessionId"
TRAINING_CODE, TRAINING_ID, TRAINING_TITLE = "trainingPathCode", "trainingId", "trainingTitle"
# sessionAction's meanings, as the catalogue lists them: create or update, then delete.
CREATE_UPDATE, CANCEL = (meaning for meaning, _ in SPEC.by_name[ACTION].codes)

# The session columns a row sets, from the fields that hold them (the id is only searched by).
_SET_COLUMNS = SPEC.columns(TITLE, "sessionGuid", "sessionStatus", "sessionStartDate",
                            "sessionEndDate")


def plan_session(ctx: RowContext) -> Outcome:
    """Plan one row of the session action."""
    meaning = _meaning(ctx)
    training = _training(ctx)
    ok, teacher = lookup.teacher(ctx, msg.NO_TEACHER_WITH_LOGIN)
    if ctx.failed or meaning is None or training is None or not ok:
        return Outcome.ERROR
    if training.title and ctx.values.get(TRAINING_TITLE, training.title) != training.title:
        ctx.warning(TRAINING_TITLE, msg.NOT_THE_TRAINING_TITLE.format(
            field=TRAINING_TITLE, value=ctx.values[TRAINING_TITLE], code=training.path_code,
            title=training.title))
    found = _search(ctx, training)
    if found is None:
        return Outcome.ERROR
    if meaning == CANCEL:
        return _delete(ctx, found)
    return _create_or_update(ctx, training, found, teacher.id if teacher else None)


def _meaning(ctx: RowContext) -> str | None:
    """createUpdate or cancel; an empty, optional sessionAction means createUpdate."""
    if not ctx.action.has(ACTION):
        return CREATE_UPDATE
    meaning = ctx.values.get(ACTION)
    if meaning is None and not ctx.action.fields[ACTION].mandatory and not ctx.failed:
        return CREATE_UPDATE
    return meaning


def _training(ctx: RowContext) -> TrainingRec | None:
    """The session's training course, by path code, or by id when the file has no code
    (the catalogue's "training" group: binding refuses a file with neither)."""
    values = ctx.values
    action = ctx.action
    by = TRAINING_CODE if action.has(TRAINING_CODE) else TRAINING_ID
    value = values.get(by)
    if value is None:  # empty: a mandatory field has said so already
        if not action.fields[by].mandatory:
            ctx.error(by, msg.FIELD_EMPTY.format(field=by))
        return None
    if by == TRAINING_CODE:
        training = lookup.training_by_code(ctx, value, msg.TRAINING_CODE_UNKNOWN)
    else:
        training = ctx.overlay.get(Table.TRAINING, value)
        if training is None:
            ctx.error(TRAINING_ID, msg.NO_TRAINING_WITH_ID.format(field=TRAINING_ID, id=value))
    if training is not None and values.get(TRAINING_ID, training.id) != training.id:
        ctx.error(TRAINING_ID, msg.NOT_THE_TRAINING_ID.format(
            field=TRAINING_ID, id=values[TRAINING_ID], code=training.path_code))
        return None
    return training


def _search(ctx: RowContext, training: TrainingRec) -> list[SessionRec] | None:
    """The session of the training the row's search fields find: [] for none, None after
    an error."""
    fields = ctx.action.search_fields
    if not lookup.any_filled(ctx, fields):
        ctx.error(fields[0], msg.SEARCH_EMPTY.format(field=fields[0], fields=", ".join(fields)))
        return None
    ok, found = lookup.find_session(ctx, training, fields)
    if not ok:
        return None
    return [] if found is None else [found]


def _may_change(ctx: RowContext, session: SessionRec) -> bool:
    return lookup.may_change(ctx, Table.SESSION, session.id, ACTION,
                             msg.A_SESSION.format(title=session.title))


def _delete(ctx: RowContext, found: list[SessionRec]) -> Outcome:
    """Delete the session and its interventions; deleting nothing is harmless."""
    if not found:
        ctx.warning(ACTION, msg.NOTHING_TO_DELETE)
        return Outcome.UNCHANGED
    session = found[0]
    if not _may_change(ctx, session):
        return Outcome.ERROR
    for intervention in ctx.overlay.interventions_of(session.id):
        ctx.add(ctx.overlay.delete(Table.INTERVENTION, intervention))
    ctx.add(ctx.overlay.delete(Table.SESSION, session))
    return Outcome.DELETE


def _row_columns(ctx: RowContext, teacher_id: int | None) -> dict[str, Any]:
    """Session columns the row sets: filled fields only; NULL clears the end date."""
    columns: dict[str, Any] = {}
    values = ctx.values
    for field, column in _SET_COLUMNS:
        if field in values:
            value = values[field]
            columns[column] = None if value is CLEAR else value
    if teacher_id is not None:
        columns["teacher_id"] = teacher_id
    return columns


def _create_or_update(ctx: RowContext, training: TrainingRec, found: list[SessionRec],
                      teacher_id: int | None) -> Outcome:
    columns = _row_columns(ctx, teacher_id)
    if found:
        if not _may_change(ctx, found[0]):
            return Outcome.ERROR
        changed = ctx.add(ctx.overlay.update(Table.SESSION, found[0], columns))
        return Outcome.UPDATE if changed else Outcome.UNCHANGED
    wanted_id = ctx.values.get(ID)
    if wanted_id is not None and ctx.overlay.get(Table.SESSION, wanted_id) is not None:
        ctx.error(ID, msg.SESSION_ID_TAKEN.format(field=ID, id=wanted_id))
        return Outcome.ERROR
    columns["training_id"] = training.id
    ctx.add(ctx.overlay.create(Table.SESSION, columns, wanted_id))
    return Outcome.CREATE


# A deleted session takes its interventions with it.
register(SPEC.name, plan_session,
         (Table.TRAINING, Table.SESSION, Table.TEACHER, Table.INTERVENTION))
