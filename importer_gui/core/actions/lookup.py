"""Finding the records rows name, creating or updating them, and who may change them."""

from __future__ import annotations

from typing import Any

from importer_gui.core.actions.base import RowContext
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table, TeacherRec, TrainingRec


def create_or_update(ctx: RowContext, table: Table, key_column: str,
                     columns: dict[str, Any]) -> tuple[int, Outcome]:
    """The record whose ``key_column`` is ``columns[key_column]``, created or updated with
    ``columns`` (the key among them: one dict serves both ways)."""
    overlay = ctx.overlay
    existing = overlay.find_one(table, key_column, columns[key_column])
    if existing is None:
        change = overlay.create(table, columns)
        ctx.add(change)
        return change.record_id, Outcome.CREATE
    changed = ctx.add(overlay.update(table, existing, columns))
    return existing.id, Outcome.UPDATE if changed else Outcome.UNCHANGED


def may_change(ctx: RowContext, table: Table, record_id: int, field: str,
               described: str) -> bool:
    """fullAccess=no only lets an import change records that an import created."""
    if ctx.action.full_access or ctx.overlay.was_created_by_import(table, record_id):
        return True
    ctx.error(field, f"fullAccess is no: {described} was not created by an import, so this "
                     "import may not change it.")
    return False


def teacher(ctx: RowContext, unknown: str) -> tuple[bool, TeacherRec | None]:
    """The row's teacher: (ok, record); ``unknown`` words an unknown login ({login})."""
    login = ctx.values.get("teacherLogin")
    if login is None:
        return True, None
    found = ctx.overlay.find_one(Table.TEACHER, "login", login)
    if found is None:
        ctx.error("teacherLogin", unknown.format(login=login))
        return False, None
    return True, found


def training_by_code(ctx: RowContext, code: str, unknown: str) -> TrainingRec | None:
    """A training course by its path code; ``unknown`` words a miss ({code})."""
    found = ctx.overlay.find_one(Table.TRAINING, "path_code", code)
    if found is None:
        ctx.error("trainingPathCode", unknown.format(code=code))
    return found


def training_by_guid(ctx: RowContext, guid: str) -> TrainingRec | None:
    """A training course by its GUID."""
    found = ctx.overlay.find_one(Table.TRAINING, "guid", guid)
    if found is None:
        ctx.error("trainingGuid", f"Training with guid {guid} is not found.")
    return found
