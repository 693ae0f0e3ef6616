"""Finding the records rows name, creating or updating them, and who may change them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any

from importer_gui.core.actions.base import CLEAR, RowContext
from importer_gui.core.catalogue import STORE_COLUMNS
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import SessionRec, Table, TeacherRec, TrainingRec

LOGIN, PATH_CODE, TRAINING_GUID = "teacherLogin", "trainingPathCode", "trainingGuid"
_LOGIN_COLUMN, _PATH_CODE_COLUMN, _GUID_COLUMN = (
    STORE_COLUMNS[f] for f in (LOGIN, PATH_CODE, TRAINING_GUID))


def create_or_update(ctx: RowContext, table: Table, key_column: str,
                     columns: dict[str, Any], key_field: str) -> tuple[int, Outcome]:
    """The record whose ``key_column`` is ``columns[key_column]``, created or updated with
    ``columns`` (the key among them: one dict serves both ways); the row stands for it
    (named by ``key_field``)."""
    overlay = ctx.overlay
    existing = overlay.find_one(table, key_column, columns[key_column])
    if existing is None:
        change = overlay.create(table, columns)
        ctx.add(change)
        ctx.stands_for(table, change.record_id, key_field)
        return change.record_id, Outcome.CREATE
    changed = ctx.add(overlay.update(table, existing, columns))
    ctx.stands_for(table, existing.id, key_field)
    return existing.id, Outcome.UPDATE if changed else Outcome.UNCHANGED


def may_change(ctx: RowContext, table: Table, record_id: int, field: str,
               described: Callable[[], str]) -> bool:
    """fullAccess=no only lets an import change records that an import created; the
    record is ``described()`` only when refused (most rows are allowed)."""
    if ctx.action.full_access or ctx.overlay.was_created_by_import(table, record_id):
        return True
    ctx.error(field, msg.NOT_CREATED_BY_IMPORT.format(record=described()))
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


# --- shared finders: trainingSearchField and sessionSearchField --------------------------------

TRAINING_ID = "trainingId"
# trainingSearchField's fields and the unique training column each one is: one record at most.
TRAINING_SEARCH_COLUMNS: dict[str, str] = {
    PATH_CODE: _PATH_CODE_COLUMN, TRAINING_ID: "id", TRAINING_GUID: _GUID_COLUMN}


def find_training(ctx: RowContext, fields: Sequence[str]) -> TrainingRec | None:
    """The training course that every filled field of ``fields`` (trainingSearchField: any of
    trainingPathCode, trainingId, trainingGuid) names, searched jointly; None when no field
    is filled or they name none or different ones. Nothing is reported: each page words its
    own miss ("The training could not be found and it is mandatory.")."""
    found: TrainingRec | None = None
    values = ctx.values
    for field_name in fields:
        value = values.get(field_name)
        column = TRAINING_SEARCH_COLUMNS.get(field_name)
        if value is None or column is None:
            continue
        record = (ctx.overlay.get(Table.TRAINING, value) if column == "id"
                  else ctx.overlay.find_one(Table.TRAINING, column, value))
        if record is None or (found is not None and record is not found):
            return None
        found = record
    return found


def any_filled(ctx: RowContext, fields: Sequence[str]) -> bool:
    """True when the row fills one of ``fields`` (so that a miss is a miss, not a blank)."""
    values = ctx.values
    for field in fields:  # noqa: SIM110 - a loop, not any(<genexpr>): this runs per row
        if values.get(field) is not None:
            return True
    return False


SESSION_ID = "sessionId"
# sessionSearchField's fields and the session columns they hold (sessionId: the record's id).
SESSION_SEARCH_COLUMNS: dict[str, str] = {
    f: STORE_COLUMNS[f] for f in ("sessionGuid", "sessionTitle", SESSION_ID,
                                  "sessionStartDate", "sessionEndDate")}


def find_session(ctx: RowContext, training: TrainingRec, fields: Sequence[str]
                 ) -> tuple[bool, SessionRec | None]:
    """The session of ``training`` whose columns equal the row's filled ``fields``
    (sessionSearchField), jointly: (ok, session). Empty fields are left out, so any one of
    sessionGuid, sessionTitle and sessionId identifies a session; a cleared end date (NULL)
    searches for none. (True, None) when none matches or no field is filled; several
    matches are the platform's "Group with name X is duplicated." and (False, None)."""
    values = ctx.values
    filled = [f for f in fields if values.get(f) is not None and f in SESSION_SEARCH_COLUMNS]
    if not filled:
        return True, None
    if SESSION_ID in filled:  # the id finds one record at most: the others only check it
        session = ctx.overlay.get(Table.SESSION, values[SESSION_ID])
        if session is None or session.training_id != training.id or any(
                getattr(session, SESSION_SEARCH_COLUMNS[f]) != _searched(values[f])
                for f in filled if f != SESSION_ID):
            return True, None
        return True, session
    name, key = _session_index(tuple(filled))
    searched = [training.id]
    for field in filled:  # a loop, not a generator: this runs on every session row
        searched.append(_searched(values[field]))
    found = ctx.overlay.find_single(Table.SESSION, name, key, tuple(searched))
    if found is SEVERAL:
        shown = values.get("sessionTitle") or " / ".join(str(values[f]) for f in filled)
        ctx.error(filled[0], msg.GROUP_DUPLICATED.format(name=shown))
        return False, None
    return True, found


def _searched(value: Any) -> Any:
    """A search value as the store holds it: NULL (a cleared date) is None."""
    return None if value is CLEAR else value


_SESSION_INDEXES: dict[tuple[str, ...], tuple[str, Callable[[SessionRec], tuple]]] = {}


def _session_index(fields: tuple[str, ...]) -> tuple[str, Callable[[SessionRec], tuple]]:
    """The overlay index name and key of some search fields, made once per field list."""
    found = _SESSION_INDEXES.get(fields)
    if found is None:
        columns = [SESSION_SEARCH_COLUMNS[f] for f in fields]
        # attrgetter of two or more names returns their tuple: (training_id, *columns).
        found = _SESSION_INDEXES[fields] = ("search:" + ",".join(columns),
                                            attrgetter("training_id", *columns))
    return found
