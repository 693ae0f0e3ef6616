"""createOrUpdateTrainingCourseAction: training courses, found by path code."""

from __future__ import annotations

import uuid

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.binding import BoundField
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table, TrainingRec

NAME = "createOrUpdateTrainingCourseAction"
COLUMNS = {"trainingTitle": "title", "trainingGuid": "guid", "trainingLocale": "locale",
           "trainingModality": "modality", "trainingDescription": "description",
           "trainingDuration": "duration"}


def plan_training(ctx: RowContext) -> Outcome:
    """Plan one row of the training course action."""
    if ctx.failed:
        return Outcome.ERROR
    values = ctx.values
    code = values["trainingPathCode"]
    columns = {column: values[field] for field, column in COLUMNS.items() if field in values}
    existing = ctx.overlay.find_one(Table.TRAINING, "path_code", code)
    if not _guid_is_free(ctx, columns.get("guid"), existing):
        return Outcome.ERROR
    if existing is None:
        if "title" not in columns:
            ctx.error("trainingTitle", "Field trainingTitle is empty.")
            return Outcome.ERROR
        columns.setdefault("guid", str(uuid.uuid4()))
        ctx.add(ctx.overlay.create(Table.TRAINING, {"path_code": code, **columns}))
        return Outcome.CREATE
    if not _may_change(ctx, existing):
        return Outcome.ERROR
    changed = ctx.add(ctx.overlay.update(Table.TRAINING, existing, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _guid_is_free(ctx: RowContext, guid: str | None, existing: TrainingRec | None) -> bool:
    """A GUID may not be another training course's."""
    if guid is None:
        return True
    owner = ctx.overlay.find_one(Table.TRAINING, "guid", guid)
    if owner is not None and owner is not existing:
        ctx.error("trainingGuid", f"Field trainingGuid: {guid} is already the GUID of training "
                                  f"course {owner.path_code}.")
        return False
    return True


def _may_change(ctx: RowContext, training: TrainingRec) -> bool:
    return lookup.may_change(ctx, Table.TRAINING, training.id, "trainingPathCode",
                             f"training course {training.path_code}")


def _invalid_modality(value: str, bound: BoundField) -> str:
    codes = list(bound.codes.values())
    return f"The modality must be {', '.join(codes[:-1])} or {codes[-1]}, {value} detected."


register(NAME, plan_training, (Table.TRAINING,), {"trainingModality": _invalid_modality})
