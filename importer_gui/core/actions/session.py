"""createOrUpdateSessionAction: create, update or delete a session of a training course."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import CLEAR, RowContext, register
from importer_gui.core.binding import BoundField
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import SessionRec, Table, TrainingRec

NAME = "createOrUpdateSessionAction"

# Row field -> session column, for the fields a row can set and search by.
COLUMNS = {"sessionTitle": "title", "sessionGuid": "guid", "sessionStatus": "status",
           "sessionStartDate": "start_date", "sessionEndDate": "end_date", "sessionId": "id"}

# The columns a row sets (the id is only searched by, never set).
_SET_COLUMNS = tuple((field, column) for field, column in COLUMNS.items() if column != "id")


def plan_session(ctx: RowContext) -> Outcome:
    """Plan one row of the session action."""
    meaning = _meaning(ctx)
    training = _training(ctx)
    ok, teacher = lookup.teacher(ctx, "Field teacherLogin: no teacher has the login {login}.")
    if ctx.failed or meaning is None or training is None or not ok:
        return Outcome.ERROR
    if training.title and ctx.values.get("trainingTitle", training.title) != training.title:
        ctx.warning("trainingTitle", f"Field trainingTitle: {ctx.values['trainingTitle']} is "
                                     f"not the title of training course {training.path_code} "
                                     f"({training.title}); the training course is not changed.")
    found = _search(ctx, training)
    if found is None:
        return Outcome.ERROR
    if meaning == "cancel":
        return _delete(ctx, found)
    return _create_or_update(ctx, training, found, teacher.id if teacher else None)


def _meaning(ctx: RowContext) -> str | None:
    """createUpdate or cancel; an empty, optional sessionAction means createUpdate."""
    if not ctx.action.has("sessionAction"):
        return "createUpdate"
    meaning = ctx.values.get("sessionAction")
    if meaning is None and not ctx.action.fields["sessionAction"].mandatory and not ctx.failed:
        return "createUpdate"
    return meaning


def _training(ctx: RowContext) -> TrainingRec | None:
    """The session's training course, by path code (or by id when the file has no code)."""
    values = ctx.values
    action = ctx.action
    if action.has("trainingPathCode"):
        code = values.get("trainingPathCode")
        if code is None:
            if not action.fields["trainingPathCode"].mandatory:
                ctx.error("trainingPathCode", "Field trainingPathCode is empty.")
            return None
        training = lookup.training_by_code(
            ctx, code, "Training with training path code {code} is not found.")
    elif "trainingId" in values:
        training = ctx.overlay.get(Table.TRAINING, values["trainingId"])
        if training is None:
            ctx.error("trainingId", f"Field trainingId: no training course has the id "
                                    f"{values['trainingId']}.")
    else:
        ctx.error("trainingPathCode", "Field trainingPathCode is empty.")
        return None
    if training is not None and values.get("trainingId", training.id) != training.id:
        ctx.error("trainingId", f"Field trainingId: {values['trainingId']} is not the id of "
                                f"training course {training.path_code}.")
        return None
    return training


def _search(ctx: RowContext, training: TrainingRec) -> list[SessionRec] | None:
    """Sessions of the training whose search fields equal the row's values."""
    fields = ctx.action.search_fields
    values = ctx.values
    key = tuple([None if (v := values.get(f)) is CLEAR else v for f in fields])
    if key.count(None) == len(key):
        ctx.error(fields[0], f"Field {fields[0]} is empty: the session cannot be found "
                             f"(sessionSearchField is {', '.join(fields)}).")
        return None
    name, index_key = _search_index(tuple(fields))
    found = ctx.overlay.find_single(Table.SESSION, name, index_key, (training.id, *key))
    if found is SEVERAL:
        name = values.get("sessionTitle") or " / ".join(str(v) for v in key if v)
        ctx.error(fields[0], f"Group with name {name} is duplicated.")
        return None
    return [] if found is None else [found]


_SEARCH_INDEXES: dict[tuple[str, ...], tuple[str, Callable[[SessionRec], tuple]]] = {}


def _search_index(fields: tuple[str, ...]) -> tuple[str, Callable[[SessionRec], tuple]]:
    """The overlay index name and key of a sessionSearchField, made once per field list."""
    found = _SEARCH_INDEXES.get(fields)
    if found is None:
        columns = [COLUMNS[f] for f in fields]
        # attrgetter of two or more names returns their tuple: (training_id, *columns).
        found = _SEARCH_INDEXES[fields] = ("search:" + ",".join(columns),
                                           attrgetter("training_id", *columns))
    return found


def _may_change(ctx: RowContext, session: SessionRec) -> bool:
    return lookup.may_change(ctx, Table.SESSION, session.id, "sessionAction",
                             f"session {session.title}")


def _delete(ctx: RowContext, found: list[SessionRec]) -> Outcome:
    """Delete the session and its interventions; deleting nothing is harmless."""
    if not found:
        ctx.warning("sessionAction", "No session matches this row: there is nothing to "
                                     "delete.")
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
    wanted_id = ctx.values.get("sessionId")
    if wanted_id is not None and ctx.overlay.get(Table.SESSION, wanted_id) is not None:
        ctx.error("sessionId", f"Field sessionId: {wanted_id} is already the id of a session "
                               "of another training course.")
        return Outcome.ERROR
    columns["training_id"] = training.id
    ctx.add(ctx.overlay.create(Table.SESSION, columns, wanted_id))
    return Outcome.CREATE


def _invalid_action(value: str, bound: BoundField) -> str:
    return f"Invalid sessionAction value: {value}"


# A deleted session takes its interventions with it.
register(NAME, plan_session, (Table.TRAINING, Table.SESSION, Table.TEACHER, Table.INTERVENTION),
         {"sessionAction": _invalid_action})
