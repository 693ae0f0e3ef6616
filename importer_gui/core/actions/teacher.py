"""createOrUpdateTeacherAction (ours): teachers, found by login."""

from __future__ import annotations

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.issues import Outcome
from importer_gui.core.records import Table
from importer_gui.core.values import looks_like_email

NAME = "createOrUpdateTeacherAction"
COLUMNS = {"teacherName": "name", "teacherFirstname": "firstname", "teacherEmail": "email"}


def plan_teacher(ctx: RowContext) -> Outcome:
    """Plan one row of the teacher action."""
    values = ctx.values
    email = values.get("teacherEmail")
    if email is not None and not looks_like_email(email):
        ctx.error("teacherEmail", f"Field teacherEmail: {email} is not an e-mail address.")
    if ctx.failed:
        return Outcome.ERROR
    columns = {"login": values["teacherLogin"]}
    columns.update((column, values[field]) for field, column in COLUMNS.items()
                   if field in values)
    return lookup.create_or_update(ctx, Table.TEACHER, "login", columns)[1]


register(NAME, plan_teacher, (Table.TEACHER,))
