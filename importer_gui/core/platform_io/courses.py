"""A refresh's training courses and sessions: each found as the platform names it (a GUID
first, then a code or a title), created or updated. The sessions of an export are planned a
part of the rows at a time where they allow it (``session_parts``), else row by row here.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from importer_gui.core.actions.base import RowContext, shown_name, shown_names
from importer_gui.core.catalogue import STORE_COLUMNS
from importer_gui.core.catalogue import exports as cat
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.platform_io.shared import Shared, warn_if_named_before
from importer_gui.core.schema import Table

CODE, TITLE, GUID = "trainingPathCode", "trainingTitle", "trainingGuid"
SESSION_TITLE, SESSION_GUID = "sessionTitle", "sessionGuid"
_TRAINING_SET = ("trainingPathCode", "trainingTitle", "trainingGuid", "trainingLocale",
                 "trainingModality", "trainingDescription")
SESSION_SET = ("sessionTitle", "sessionGuid", "sessionStartDate", "sessionEndDate")
TRAINING_OF_SESSION = ("trainingPathCode", "trainingTitle", "trainingGuid", "trainingModality")
_SESSION_TITLE_KEY = attrgetter("training_id", "title")


def _set(values: dict[str, Any], fields: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """The store columns the row's filled fields set (``fields``: field, column pairs)."""
    columns = {}
    for name, column in fields:  # a loop: a comprehension is one more call
        if name in values:
            columns[column] = values[name]
    return columns


def _columns(fields: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Each field with the store column it sets, made once: ``_set`` runs on every row."""
    return tuple((name, STORE_COLUMNS[name]) for name in fields)


_TRAINING_COLUMNS = _columns(_TRAINING_SET)
SESSION_COLUMNS = _columns(SESSION_SET)
_TRAINING_OF_SESSION_COLUMNS = _columns(TRAINING_OF_SESSION)


def plan_training(ctx: RowContext, shared: Shared) -> Outcome:
    """A training course: found by GUID, else by code; created, renamed or updated."""
    values, overlay = ctx.values, ctx.overlay
    code, guid = values.get(CODE), values.get(GUID)
    by_guid = overlay.find_one(Table.TRAINING, "guid", guid) if guid is not None else None
    by_code = overlay.find_one(Table.TRAINING, "path_code", code) if code is not None else None
    existing = by_guid or by_code
    if existing is not None:
        shared.seen[Table.TRAINING].add(existing.id)
    if ctx.failed:
        return Outcome.ERROR
    columns = _set(values, _TRAINING_COLUMNS)
    if existing is None:
        return _create_training(ctx, shared, columns)
    if by_code is not None and by_code is not existing:
        ctx.error(CODE, cat.TRAINING_CODE_TAKEN.format(
            field=shown_name(ctx.action, CODE), code=code, guid=by_code.guid or by_code.id))
        return Outcome.ERROR
    warn_if_named_before(ctx, shared, shared.trainings_named, Table.TRAINING, existing,
                         GUID if by_guid is not None else CODE)
    changed = ctx.add(overlay.update(Table.TRAINING, existing, columns))
    shared.trainings_named[existing.id] = shared.row
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _create_training(ctx: RowContext, shared: Shared, columns: dict[str, Any]) -> Outcome:
    """A training course the store lacks: it needs a code and a title."""
    for name in (CODE, TITLE):
        if STORE_COLUMNS[name] not in columns:
            ctx.error(name, msg.FIELD_EMPTY.format(field=shown_name(ctx.action, name)))
            return Outcome.ERROR
    change = ctx.overlay.create(Table.TRAINING, columns)
    ctx.add(change)
    shared.trainings_named[change.record_id] = shared.row
    return Outcome.CREATE


def plan_session(ctx: RowContext, shared: Shared) -> Outcome:
    """A session: found by GUID, else by its title among its training's sessions the
    platform has not named yet; created or updated (moved to its training course)."""
    values, overlay = ctx.values, ctx.overlay
    guid, title = values.get(SESSION_GUID), values.get(SESSION_TITLE)
    session = overlay.find_one(Table.SESSION, "guid", guid) if guid is not None else None
    training = _session_training(ctx, shared)
    # Only when a session lacks a GUID is there one to look for by title (not so on most
    # rows: tested here, not in a call per row).
    if (session is None and training is not None and title is not None
            and (guid is None or overlay.find_one(Table.SESSION, "guid", None) is not None)):
        session = _adoptable(overlay, training.id, title, guid, shared)
    if session is not None:
        shared.seen[Table.SESSION].add(session.id)
    if ctx.failed or training is None:
        return Outcome.ERROR
    if guid is None and title is None:
        ctx.error(SESSION_GUID, cat.NO_SESSION_NAMED.format(
            fields=shown_names(ctx.action, (SESSION_GUID, SESSION_TITLE))))
        return Outcome.ERROR
    columns = _set(values, SESSION_COLUMNS)
    columns["training_id"] = training.id
    if session is None:
        change = overlay.create(Table.SESSION, columns)
        ctx.add(change)
        shared.sessions_named[change.record_id] = shared.row
        return Outcome.CREATE
    if session.training_id != training.id:
        was = overlay.get(Table.TRAINING, session.training_id)
        ctx.warning(SESSION_GUID, cat.SESSION_GUID_ELSEWHERE.format(
            field=shown_name(ctx.action, SESSION_GUID), guid=guid,
            was=was.path_code if was else session.training_id,
            now=training.path_code))
    warn_if_named_before(ctx, shared, shared.sessions_named, Table.SESSION, session,
                         SESSION_GUID if guid is not None else SESSION_TITLE)
    changed = ctx.add(overlay.update(Table.SESSION, session, columns))
    shared.sessions_named[session.id] = shared.row
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _session_training(ctx: RowContext, shared: Shared) -> Any:
    """The session's training course: by GUID, else by code; created from the row's code
    and title when the store lacks it."""
    values, overlay = ctx.values, ctx.overlay
    code, guid = values.get(CODE), values.get(GUID)
    training = overlay.find_one(Table.TRAINING, "guid", guid) if guid is not None else None
    if training is None and code is not None:
        training = overlay.find_one(Table.TRAINING, "path_code", code)
    if training is not None:
        shared.seen[Table.TRAINING].add(training.id)
        return training
    if code is None and guid is None:
        ctx.error(CODE, cat.NO_TRAINING_NAMED.format(
            fields=shown_names(ctx.action, (CODE, GUID))))
        return None
    if code is None or TITLE not in values:
        ctx.error(CODE if guid is None else GUID,
                  msg.TRAINING_GUID_UNKNOWN.format(guid=guid) if code is None
                  else msg.TRAINING_CODE_UNKNOWN.format(code=code))
        return None
    if ctx.failed:
        return None
    change = overlay.create(Table.TRAINING, _set(values, _TRAINING_OF_SESSION_COLUMNS))
    ctx.add(change)
    return overlay.get(Table.TRAINING, change.record_id)


def _adoptable(overlay: Overlay, training_id: int, title: str, guid: str | None,
               shared: Shared) -> Any:
    """A session of the training with this title that the platform may know under ``guid``:
    one the store holds without a GUID (made by an import here), not named yet."""
    for session in overlay.find(Table.SESSION, "refresh:title", _SESSION_TITLE_KEY,
                                (training_id, title)):
        if session.id not in shared.seen[Table.SESSION] and (guid is None or session.guid is None):
            return session
    return None
