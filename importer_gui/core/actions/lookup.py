"""Finding the records rows name, creating or updating them, and who may change them."""

from __future__ import annotations

from typing import Any

from importer_gui.core.actions.base import RowContext
from importer_gui.core.catalogue import STORE_COLUMNS
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table, TeacherRec, TrainingRec

LOGIN, PATH_CODE, TRAINING_GUID = "teacherLogin", "trainingPathCode", "trainingGuid"
_LOGIN_COLUMN, _PATH_CODE_COLUMN, _GUID_COLUMN = (
    STORE_COLUMNS[f] for f in (LOGIN, PATH_CODE, TRAINING_GUID))


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
    ctx.error(field, msg.NOT_CREATED_BY_IMPORT.format(record=described))
    return False


def teacher(ctx: RowContext, unknown: str) -> tuple[bool, TeacherRec | None]:
    """The row's teacher: (ok, record); ``unknown`` words an unknown login (catalogue
    template with {field} and {login})."""
    login = ctx.values.get(LOGIN)
    if login is None:
        return True, None
    found = ctx.overlay.find_one(Table.TEACHER, _LOGIN_COLUMN, login)
    if found is None:
        ctx.error(LOGIN, unknown.format(field=LOGIN, login=login))
        return False, None
    return True, found


def training_by_code(ctx: RowContext, code: str, unknown: str) -> TrainingRec | None:
    """A training course by its path code; ``unknown`` words a miss ({code})."""
    found = ctx.overlay.find_one(Table.TRAINING, _PATH_CODE_COLUMN, code)
    if found is None:
        ctx.error(PATH_CODE, unknown.format(code=code))
    return found


def training_by_guid(ctx: RowContext, guid: str) -> TrainingRec | None:
    """A training course by its GUID."""
    found = ctx.overlay.find_one(Table.TRAINING, _GUID_COLUMN, guid)
    if found is None:
        ctx.error(TRAINING_GUID, msg.TRAINING_GUID_UNKNOWN.format(guid=guid))
    return found
