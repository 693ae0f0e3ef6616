"""createOrUpdateTrainingCourseAction: training courses, found by path code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, meaning_or, per_action, register
from importer_gui.core.binding import BoundAction
from importer_gui.core.catalogue import TRAINING_ACTION as SPEC
from importer_gui.core.catalogue import actions as catalogue
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.guids import MADE_WHEN_WRITTEN
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table, TrainingRec

ACTION, CODE, TITLE, GUID = "trainingAction", "trainingPathCode", "trainingTitle", "trainingGuid"
MODALITY, LOV_CODES, STEPS = "trainingModality", "lovCodes", "trainingSteps"
# trainingAction's meanings, as the catalogue lists them: create or update, then delete.
CREATE_UPDATE, DELETE = (meaning for meaning, _ in SPEC.by_name[ACTION].codes)

# The columns a row sets as it gives them, from the fields that hold them (the key apart;
# lovCodes and trainingSteps are checked first, so they come apart too).
_COLUMNS = SPEC.columns(
    TITLE, GUID, "trainingLocale", MODALITY, "trainingDescription", "trainingDuration",
    "trainingCost", "trainingWhatYouWillLearn", "trainingOverview", "trainingOutcomes",
    "trainingAudience", "trainingFurtherInformation", "trainingWelcomeText")
_CODE_COLUMN, _TITLE_COLUMN, _GUID_COLUMN, _MODALITY_COLUMN, _LOV_COLUMN, _STEPS_COLUMN = (
    SPEC.by_name[f].column for f in (CODE, TITLE, GUID, MODALITY, LOV_CODES, STEPS))

# lovCodes: steps apart with "||", learning objects of a step apart with ",".
# trainingSteps: steps apart with "||", a step's title and its duration in days with "|>".
STEP_SEPARATOR, LOV_SEPARATOR, DURATION_SEPARATOR = "||", ",", "|>"

# The overlay index keys: a learning object's code, a session's training.
_CODE_OF, _TRAINING_OF = attrgetter("code"), attrgetter("training_id")


@dataclass(frozen=True, slots=True)
class _Shape:
    """What an action's file holds of the fields a row reads beyond its key."""

    columns: tuple[tuple[str, str], ...]  # (field, column) of the fields it holds
    legacy: tuple[str, ...]  # the legacy fields it holds
    lov_codes: bool
    steps: bool


@per_action
def _shape(action: BoundAction) -> _Shape:
    """The fields of ``action`` a row may give, asked once per action rather than per row."""
    return _Shape(tuple((f, c) for f, c in _COLUMNS if action.has(f)),
                  tuple(f for f in catalogue.TRAINING_LEGACY_FIELDS if action.has(f)),
                  action.has(LOV_CODES), action.has(STEPS))


def plan_training(ctx: RowContext) -> Outcome:
    """Plan one row of the training course action."""
    # Without the column, or empty and optional, createUpdate (the platform's default: "When
    # unset, the default behaviour is to update it").
    meaning = meaning_or(ctx, ACTION, CREATE_UPDATE)
    shape = _shape(ctx.action)
    for legacy in shape.legacy:
        if legacy in ctx.values:
            ctx.warning(legacy, msg.LEGACY_FIELD_IGNORED.format(field=legacy))
    if ctx.failed or meaning is None:
        return Outcome.ERROR
    code = ctx.values[CODE]
    existing = ctx.overlay.find_one(Table.TRAINING, _CODE_COLUMN, code)
    if meaning == DELETE:
        return _delete(ctx, existing)
    columns = _row_columns(ctx, existing, shape)
    if columns is None or not _guid_is_free(ctx, columns.get(_GUID_COLUMN), existing):
        return Outcome.ERROR
    if existing is None:
        if _TITLE_COLUMN not in columns:
            ctx.error(TITLE, msg.FIELD_EMPTY.format(field=TITLE))
            return Outcome.ERROR
        if _GUID_COLUMN not in columns:
            columns[_GUID_COLUMN] = MADE_WHEN_WRITTEN
        created = ctx.overlay.create(Table.TRAINING, {_CODE_COLUMN: code, **columns})
        ctx.add(created)
        ctx.hand_on(Table.TRAINING, created.record_id, CODE)
        return Outcome.CREATE
    if not _may_change(ctx, existing):
        return Outcome.ERROR
    changed = ctx.add(ctx.overlay.update(Table.TRAINING, existing, columns))
    ctx.hand_on(Table.TRAINING, existing.id, CODE)
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _row_columns(ctx: RowContext, existing: TrainingRec | None,
                 shape: _Shape) -> dict[str, Any] | None:
    """The columns the row sets, its modality, learning objects and steps checked; None
    after an error."""
    values = ctx.values
    columns = {column: values[field] for field, column in shape.columns if field in values}
    modality = columns.get(_MODALITY_COLUMN)
    if existing is not None and not _same_modality(ctx, existing, modality):
        return None
    if shape.lov_codes:
        lov_codes = _lov_codes(ctx)
        if lov_codes is not None:
            columns[_LOV_COLUMN] = lov_codes
    if shape.steps:
        # A row that says its training is blended must give its steps; an update that does
        # not say only adds to a blended training's steps and learning objects.
        steps = _steps(ctx, catalogue.modality(modality) == catalogue.BLENDED)
        if steps is not None:
            columns[_STEPS_COLUMN] = steps
    if ctx.failed:
        return None
    if existing is not None and catalogue.modality(existing.modality) == catalogue.BLENDED:
        _keep_blended_contents(ctx, existing, columns)
    return columns


def _same_modality(ctx: RowContext, existing: TrainingRec, modality: str | None) -> bool:
    """An existing training course keeps its modality (its two names are one modality)."""
    if modality is None or modality == existing.modality or existing.modality is None or (
            catalogue.modality(modality) == catalogue.modality(existing.modality)):
        return True
    ctx.error(MODALITY, msg.MODALITY_CHANGED)
    return False


def _lov_codes(ctx: RowContext) -> str | None:
    """lovCodes as stored (trimmed around its separators), each learning object checked
    against the store once it knows some; None when the row has none."""
    text = ctx.values.get(LOV_CODES)
    if text is None:
        return None
    steps = [[code.strip() for code in step.split(LOV_SEPARATOR)]
             for step in text.split(STEP_SEPARATOR)]
    # Learning objects are only known from the platform's exports: while the store knows
    # none, the codes are taken on trust (issue 15), as the platform would check them.
    known = ctx.overlay.tables[Table.LEARNING_OBJECT]
    if known:
        for code in dict.fromkeys(c for step in steps for c in step if c):
            if len(ctx.overlay.find(Table.LEARNING_OBJECT, "code", _CODE_OF, code)) != 1:
                ctx.error(LOV_CODES, msg.LOV_CODE_UNKNOWN.format(code=code))
    for number, step in enumerate(steps, 1):
        if not all(step):
            ctx.error(LOV_CODES, msg.LOV_CODE_EMPTY.format(field=LOV_CODES, step=number,
                                                           value=text))
            break
    return STEP_SEPARATOR.join(LOV_SEPARATOR.join(step) for step in steps)


# What a step title's sanitization takes away: markup, and white space at either end.
_MARKUP = re.compile(r"<[^>]*>")


def _steps(ctx: RowContext, blended: bool) -> str | None:
    """trainingSteps as stored ("Title|>days||..."), each step checked; a blended training
    must have some, when the file has the column (a field the file does not hold is never
    checked for emptiness: the format's rule). None when the row has none."""
    text = ctx.values.get(STEPS)
    if text is None:
        if blended:  # asked only of a file that holds the field
            ctx.error(STEPS, msg.STEPS_EMPTY_FOR_BLENDED)
        return None
    steps = []
    for number, step in enumerate(text.split(STEP_SEPARATOR), 1):
        title, _, days = step.partition(DURATION_SEPARATOR)
        title, days = _MARKUP.sub("", title).strip(), days.strip()
        if not title:
            ctx.error(STEPS, msg.STEP_TITLE_EMPTY.format(step=number))
        if days and not days.isdecimal():
            ctx.error(STEPS, msg.STEP_DURATION_INVALID.format(field=STEPS, step=number,
                                                              value=days))
        steps.append(f"{title}{DURATION_SEPARATOR}{days}" if days else title)
    return STEP_SEPARATOR.join(steps)


def _keep_blended_contents(ctx: RowContext, existing: TrainingRec,
                           columns: dict[str, Any]) -> None:
    """A blended training's update only adds (as the platform's page says): its steps stay
    as they are, new ones after them, and new learning objects join its last step; what the
    row leaves out stays, with a warning."""
    steps = columns.get(_STEPS_COLUMN)
    if steps is not None and existing.steps:
        stored, given = existing.steps.split(STEP_SEPARATOR), steps.split(STEP_SEPARATOR)
        added = given[len(stored):]
        if given[:len(stored)] != stored:
            ctx.warning(STEPS, msg.STEPS_KEPT.format(field=STEPS, code=existing.path_code))
            added = []
        columns[_STEPS_COLUMN] = STEP_SEPARATOR.join([*stored, *added])
    lov_codes = columns.get(_LOV_COLUMN)
    if lov_codes is None or not existing.lov_codes:
        return
    by_step = [step.split(LOV_SEPARATOR) for step in existing.lov_codes.split(STEP_SEPARATOR)]
    kept = [code for step in by_step for code in step]
    given_codes = lov_codes.replace(STEP_SEPARATOR, LOV_SEPARATOR).split(LOV_SEPARATOR)
    left_out = [code for code in kept if code not in given_codes]
    if left_out:
        ctx.warning(LOV_CODES, msg.LOV_CODES_KEPT.format(
            field=LOV_CODES, code=existing.path_code, codes=", ".join(left_out)))
    by_step[-1].extend(dict.fromkeys(c for c in given_codes if c not in kept))
    columns[_LOV_COLUMN] = STEP_SEPARATOR.join(LOV_SEPARATOR.join(step) for step in by_step)


def _delete(ctx: RowContext, existing: TrainingRec | None) -> Outcome:
    """Delete a training course that has no session left; deleting nothing is harmless.

    A course with sessions is refused rather than emptied: one stray A would otherwise take
    every session's registrations and tracking with it (sessions are deleted on their own,
    sessionAction A)."""
    if existing is None:
        ctx.warning(ACTION, msg.NO_TRAINING_TO_DELETE)
        return Outcome.UNCHANGED
    if not _may_change(ctx, existing):
        return Outcome.ERROR
    sessions = ctx.overlay.find(Table.SESSION, "training_id", _TRAINING_OF, existing.id)
    if sessions:
        ctx.error(ACTION, msg.TRAINING_HAS_SESSIONS.format(code=existing.path_code,
                                                           count=len(sessions)))
        return Outcome.ERROR
    ctx.add(ctx.overlay.delete(Table.TRAINING, existing))
    return Outcome.DELETE


def _guid_is_free(ctx: RowContext, guid: str | None, existing: TrainingRec | None) -> bool:
    """A GUID may not be another training course's."""
    if guid is None:
        return True
    owner = ctx.overlay.find_one(Table.TRAINING, _GUID_COLUMN, guid)
    if owner is not None and owner is not existing:
        ctx.error(GUID, msg.TRAINING_GUID_TAKEN.format(field=GUID, guid=guid,
                                                       code=owner.path_code))
        return False
    return True


def _may_change(ctx: RowContext, training: TrainingRec) -> bool:
    return lookup.may_change(ctx, Table.TRAINING, training.id, CODE,
                             lambda: msg.A_TRAINING.format(code=training.path_code))


# Sessions are read to refuse deleting a course that has some; learning objects to check
# lovCodes.
register(SPEC.name, plan_training, (Table.TRAINING, Table.SESSION, Table.LEARNING_OBJECT))
