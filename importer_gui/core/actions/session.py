"""createOrUpdateSessionAction: create, update or delete a session of a training course."""

from __future__ import annotations

from typing import Any

from importer_gui.core.actions import cross_checks, lookup
from importer_gui.core.actions.base import CLEAR, RowContext, meaning_or, register
from importer_gui.core.catalogue import SESSION_ACTION as SPEC
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import SessionRec, Table, TrainingRec

ACTION, TITLE, ID = "sessionAction", "sessionTitle", "sessionId"
TRAINING_CODE, TRAINING_ID, TRAINING_TITLE = "trainingPathCode", "trainingId", "trainingTitle"
# sessionAction's meanings, as the catalogue lists them: create or update, then delete.
CREATE_UPDATE, CANCEL = (meaning for meaning, _ in SPEC.by_name[ACTION].codes)

# The session columns a row sets, from the fields that hold them (the id is the platform's:
# it only finds a session).
_SET_COLUMNS = SPEC.columns(TITLE, "sessionGuid", "sessionStatus", "sessionStartDate",
                            "sessionEndDate")
_TRAINING_TITLE_COLUMN = SPEC.by_name[TRAINING_TITLE].column

# What goes when a session goes: its interventions, registrations and trackings.
DELETED_WITH_A_SESSION = (Table.INTERVENTION, Table.REGISTRATION, Table.TRACKING)


def plan_session(ctx: RowContext) -> Outcome:
    """Plan one row of the session action."""
    # An empty, optional sessionAction means createUpdate.
    meaning = meaning_or(ctx, ACTION, CREATE_UPDATE)
    training = _training(ctx)
    ok, teacher = lookup.teacher(ctx, msg.NO_TEACHER_WITH_LOGIN)
    if ctx.failed or meaning is None or training is None or not ok:
        return Outcome.ERROR
    title = ctx.values.get(TRAINING_TITLE, training.title)
    if training.title and title != training.title:
        ctx.warning(TRAINING_TITLE, msg.NOT_THE_TRAINING_TITLE.format(
            field=TRAINING_TITLE, value=title, code=training.path_code, title=training.title))
    found = _search(ctx, training)
    if found is None:
        return Outcome.ERROR
    if meaning == CANCEL:
        return _delete(ctx, found)
    cross_checks.session_dates(ctx)  # a WARNING when the session ends before it starts
    return _create_or_update(ctx, training, found, teacher.id if teacher else None)


def _training(ctx: RowContext) -> TrainingRec | None:
    """The session's training course: by path code, else by id, else by title, whichever the
    row fills first (the catalogue's "training" group: binding refuses a file with none of
    the three columns)."""
    values = ctx.values
    if TRAINING_CODE in values:
        training = lookup.training_by_code(ctx, values[TRAINING_CODE],
                                           msg.TRAINING_CODE_UNKNOWN)
    elif TRAINING_ID in values:
        training = ctx.overlay.get(Table.TRAINING, values[TRAINING_ID])
        if training is None:
            ctx.error(TRAINING_ID, msg.NO_TRAINING_WITH_ID.format(field=TRAINING_ID,
                                                                  id=values[TRAINING_ID]))
    elif TRAINING_TITLE in values:
        return _training_by_title(ctx, values[TRAINING_TITLE])
    else:  # empty: a mandatory field has said so already
        by = next(name for name in (TRAINING_CODE, TRAINING_ID, TRAINING_TITLE)
                  if ctx.action.has(name))
        if not ctx.action.fields[by].mandatory:
            ctx.error(by, msg.FIELD_EMPTY.format(field=by))
        return None
    if training is not None and values.get(TRAINING_ID, training.id) != training.id:
        ctx.error(TRAINING_ID, msg.NOT_THE_TRAINING_ID.format(
            field=TRAINING_ID, id=values[TRAINING_ID], code=training.path_code))
        return None
    return training


def _training_by_title(ctx: RowContext, title: str) -> TrainingRec | None:
    """The one training course with this title (titles need not be unique)."""
    found = ctx.overlay.find_single(Table.TRAINING, _TRAINING_TITLE_COLUMN, _title_of, title)
    if found is None:
        ctx.error(TRAINING_TITLE, msg.NO_TRAINING_WITH_TITLE.format(field=TRAINING_TITLE,
                                                                    title=title))
    elif found is SEVERAL:
        ctx.error(TRAINING_TITLE, msg.TRAINING_TITLE_SHARED.format(field=TRAINING_TITLE,
                                                                   title=title))
        return None
    return found


def _title_of(record: Any) -> Any:
    return record.title


def _search(ctx: RowContext, training: TrainingRec) -> list[SessionRec] | None:
    """The session of the training the row's search fields find (and its sessionId, which
    must agree): [] for none, None after an error."""
    fields = ctx.action.search_fields
    if not lookup.any_filled(ctx, fields):
        ctx.error(fields[0], msg.SEARCH_EMPTY.format(field=fields[0], fields=", ".join(fields)))
        return None
    if ID in ctx.values and ID not in fields:
        fields = [*fields, ID]
    ok, found = lookup.find_session(ctx, training, fields)
    if not ok:
        return None
    return [] if found is None else [found]


def _may_change(ctx: RowContext, session: SessionRec) -> bool:
    return lookup.may_change(ctx, Table.SESSION, session.id, ACTION,
                             lambda: msg.A_SESSION.format(title=session.title))


def _delete(ctx: RowContext, found: list[SessionRec]) -> Outcome:
    """Delete the session and all that is its; deleting nothing is harmless."""
    if not found:
        ctx.warning(ACTION, msg.NOTHING_TO_DELETE)
        return Outcome.UNCHANGED
    session = found[0]
    if not _may_change(ctx, session):
        return Outcome.ERROR
    delete_session(ctx, session)
    return Outcome.DELETE


def delete_session(ctx: RowContext, session: SessionRec) -> None:
    """Plan the deletion of a session with its interventions, registrations and trackings
    (a revert puts them all back)."""
    overlay = ctx.overlay
    for table, records in ((Table.INTERVENTION, overlay.interventions_of(session.id)),
                           (Table.TRACKING, overlay.trackings_of(session.id)),
                           (Table.REGISTRATION, overlay.registrations_of(session.id))):
        for record in records:
            ctx.add(overlay.delete(table, record))
    ctx.add(overlay.delete(Table.SESSION, session))


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
        ctx.hand_on(Table.SESSION, found[0].id, _naming_field(ctx))
        return Outcome.UPDATE if changed else Outcome.UNCHANGED
    wanted_id = ctx.values.get(ID)
    if wanted_id is not None:  # the platform numbers new sessions: an id finds, never names
        ctx.error(ID, msg.NO_SESSION_WITH_THAT_ID.format(field=ID, id=wanted_id,
                                                         code=training.path_code))
        return Outcome.ERROR
    columns["training_id"] = training.id
    created = ctx.overlay.create(Table.SESSION, columns)
    ctx.add(created)
    ctx.hand_on(Table.SESSION, created.record_id, _naming_field(ctx))
    return Outcome.CREATE


def _naming_field(ctx: RowContext) -> str:
    """The field that finds the row's session: sessionSearchField's first filled one."""
    fields = ctx.action.search_fields
    values = ctx.values
    for field in fields:  # a loop, not a generator: this runs on every row
        if field in values:
            return field
    return fields[0] if fields else TITLE


# A deleted session takes its interventions, registrations and trackings with it.
register(SPEC.name, plan_session,
         (Table.TRAINING, Table.SESSION, Table.TEACHER, *DELETED_WITH_A_SESSION))
