"""createOrUpdateTeacherAction (ours): teachers, found by login."""

from __future__ import annotations

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
    columns = {column: values[field] for field, column in COLUMNS.items() if field in values}
    login = values["teacherLogin"]
    existing = ctx.overlay.find_one(Table.TEACHER, "login", login)
    if existing is None:
        ctx.add(ctx.overlay.create(Table.TEACHER, {"login": login, **columns}))
        return Outcome.CREATE
    changed = ctx.add(ctx.overlay.update(Table.TEACHER, existing, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


register(NAME, plan_teacher)
