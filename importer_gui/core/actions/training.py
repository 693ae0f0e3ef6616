"""createOrUpdateTrainingCourseAction: training courses, found by path code."""

from __future__ import annotations

import uuid

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.catalogue import TRAINING_ACTION as SPEC
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table, TrainingRec

CODE, TITLE, GUID = "trainingPathCode", "trainingTitle", "trainingGuid"

# The columns a row sets, from the fields that hold them (the key apart).
_COLUMNS = SPEC.columns(TITLE, GUID, "trainingLocale", "trainingModality",
                        "trainingDescription", "trainingDuration")
_CODE_COLUMN, _TITLE_COLUMN, _GUID_COLUMN = (SPEC.by_name[f].column for f in (CODE, TITLE, GUID))


def plan_training(ctx: RowContext) -> Outcome:
    """Plan one row of the training course action."""
    if ctx.failed:
        return Outcome.ERROR
    values = ctx.values
    code = values[CODE]
    columns = {column: values[field] for field, column in _COLUMNS if field in values}
    existing = ctx.overlay.find_one(Table.TRAINING, _CODE_COLUMN, code)
    if not _guid_is_free(ctx, columns.get(_GUID_COLUMN), existing):
        return Outcome.ERROR
    if existing is None:
        if _TITLE_COLUMN not in columns:
            ctx.error(TITLE, msg.FIELD_EMPTY.format(field=TITLE))
            return Outcome.ERROR
        columns.setdefault(_GUID_COLUMN, str(uuid.uuid4()))
        ctx.add(ctx.overlay.create(Table.TRAINING, {_CODE_COLUMN: code, **columns}))
        return Outcome.CREATE
    if not _may_change(ctx, existing):
        return Outcome.ERROR
    changed = ctx.add(ctx.overlay.update(Table.TRAINING, existing, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


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
                             msg.A_TRAINING.format(code=training.path_code))


register(SPEC.name, plan_training, (Table.TRAINING,))
