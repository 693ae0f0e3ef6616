"""createOrUpdateTeacherAction (ours): teachers, found by login."""

from __future__ import annotations

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.catalogue import TEACHER_ACTION as SPEC
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table
from importer_gui.core.values import looks_like_email

LOGIN, EMAIL = "teacherLogin", "teacherEmail"

# The columns a row sets, from the fields that hold them (the key apart).
_COLUMNS = SPEC.columns("teacherName", "teacherFirstname", EMAIL)
_LOGIN_COLUMN = SPEC.by_name[LOGIN].column


def plan_teacher(ctx: RowContext) -> Outcome:
    """Plan one row of the teacher action."""
    values = ctx.values
    email = values.get(EMAIL)
    if email is not None and not looks_like_email(email):
        ctx.error(EMAIL, msg.NOT_AN_EMAIL.format(field=EMAIL, value=email))
    if ctx.failed:
        return Outcome.ERROR
    columns = {_LOGIN_COLUMN: values[LOGIN]}
    columns.update((column, values[field]) for field, column in _COLUMNS if field in values)
    return lookup.create_or_update(ctx, Table.TEACHER, _LOGIN_COLUMN, columns, LOGIN)[1]


register(SPEC.name, plan_teacher, (Table.TEACHER,))
