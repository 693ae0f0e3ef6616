"""createOrUpdateConsolidatedTrackingAction: one row is a learner's whole progress in a
learning object of a session, and replaces the one before (notAttempted resets it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.actions.learners_lookup import find_learner
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.actions import (
    DEFAULT_SCORE_MAX,
    DEFAULT_TIME,
    TIME_ZONE,
)
from importer_gui.core.catalogue.actions import TRACKING_ACTION as SPEC
from importer_gui.core.issues import Outcome
from importer_gui.core.records import LearnerRec, SessionRec, Table, TrainingRec

CANDIDATES = ("candidateLogin", "candidateRefNumber", "candidateEmail")
LOV_CODE, LOV_GUID = "lovCode", "lovGuid"
SESSION_GUID, TITLE, SESSION_ID = "sessionGuid", "sessionTitle", "sessionId"
PATH_CODE, TRAINING_ID = "trainingPathCode", "trainingId"
STATUS, FIRST_COMPLETION, SCORE_MAX = "trackingStatus", "firstCompletionDate", "scoreMax"
NOT_ATTEMPTED = "notAttempted"
# Statuses of a learning object the learner went through to the end: a first completion
# date makes sense for these only (failed is finished, if not passed).
COMPLETED = frozenset({"completed", "passed", "failed"})
# Publishers and types whose reports the platform keeps to itself.
CROSSKNOWLEDGE, EASYQUIZZ = "crossknowledge", "easyquizz"
# How a training's lovCodes separate steps ("||") and the codes of a step (",").
_LOV_SPLIT = re.compile(r"\|\||,")

# The tracking columns the row's values fill, from the fields that hold them.
_VALUE_COLUMNS = SPEC.columns("firstAccessDate", "lastAccessDate", FIRST_COMPLETION,
                              "progression", STATUS, "timeSpent", "score", SCORE_MAX)


def plan_tracking(ctx: RowContext) -> Outcome:
    """Plan one row of the consolidated tracking action."""
    if ctx.failed:  # a value the row reader refused says it all
        return Outcome.ERROR
    learner = _learner(ctx)
    session = _session(ctx)
    lo = _learning_object(ctx, session)
    if ctx.failed or learner is None or session is None or lo is None:
        return Outcome.ERROR
    if ctx.overlay.registration(learner.id, session.id) is None:
        ctx.error(_first_filled(ctx, CANDIDATES), msg.NO_REGISTRATION_FOUND)
        return Outcome.ERROR
    code, guid = lo
    existing = _existing(ctx, learner, session, code, guid)
    status = ctx.values.get(STATUS)
    if status == NOT_ATTEMPTED:
        return _reset(ctx, existing)
    columns = _columns(ctx, status, existing)
    if columns is None:
        return Outcome.ERROR
    columns.update(learner_id=learner.id, session_id=session.id, lo_code=code, lo_guid=guid)
    if existing is None:
        ctx.add(ctx.overlay.create(Table.TRACKING, columns))
        return Outcome.CREATE
    changed = ctx.add(ctx.overlay.update(Table.TRACKING, existing, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _first_filled(ctx: RowContext, fields: tuple[str, ...]) -> str:
    """The first of ``fields`` the row fills, else the first the file has."""
    return next((f for f in fields if f in ctx.values),
                next((f for f in fields if ctx.action.has(f)), fields[0]))


def _learner(ctx: RowContext) -> LearnerRec | None:
    """The learner every filled candidate field names, jointly."""
    fields = [f for f in CANDIDATES if f in ctx.values]
    if not fields:
        ctx.error(_first_filled(ctx, CANDIDATES), msg.NO_LEARNER_REFERENCE)
        return None
    ok, learner = find_learner(ctx, fields)
    if ok and learner is None:
        shown = " / ".join(str(ctx.values[f]) for f in fields)
        ctx.error(fields[0], msg.NO_LEARNER_WITH.format(field=fields[0], value=shown))
    return learner


def _training(ctx: RowContext) -> tuple[bool, TrainingRec | None]:
    """The training course the row names, if it names one: (ok, training)."""
    fields = [f for f in (PATH_CODE, TRAINING_ID) if f in ctx.values]
    if not fields:
        return True, None
    training = lookup.find_training(ctx, fields)
    if training is None:
        shown = " / ".join(str(ctx.values[f]) for f in fields)
        ctx.error(fields[0], msg.NO_TRAINING_WITH.format(field=fields[0], value=shown))
        return False, None
    return True, training


def _session(ctx: RowContext) -> SessionRec | None:
    """The session: by GUID, by id, or by title inside the training course."""
    ok, training = _training(ctx)
    if not ok:
        return None
    values = ctx.values
    if SESSION_GUID in values or SESSION_ID in values:
        field = SESSION_GUID if SESSION_GUID in values else SESSION_ID
        value = values[field]
        found = (ctx.overlay.find_one(Table.SESSION, "guid", value) if field == SESSION_GUID
                 else ctx.overlay.get(Table.SESSION, value))
        if found is None:
            ctx.error(field, msg.NO_SESSION_WITH_ID.format(field=field, value=value)
                      if field == SESSION_ID else
                      msg.NO_SESSION_WITH.format(field=field, value=value))
        elif training is not None and found.training_id != training.id:
            ctx.error(field, msg.SESSION_NOT_OF_TRAINING.format(
                field=field, value=value, code=training.path_code))
            return None
        return found
    if TITLE not in values or training is None:
        ctx.error(_first_filled(ctx, (SESSION_GUID, TITLE, PATH_CODE)), msg.NO_TRACKING_CONTEXT)
        return None
    ok, found = lookup.find_session(ctx, training, [TITLE])
    if ok and found is None:
        ctx.error(TITLE, msg.NO_SESSION_WITH.format(field=TITLE, value=values[TITLE]))
    return found


def _learning_object(ctx: RowContext, session: SessionRec | None
                     ) -> tuple[str | None, str | None] | None:
    """(code, GUID) of the row's learning object, or None after an error.

    Nothing imports learning objects: the store knows them from the platform's exports.
    While it knows none, the row's code and GUID are taken on trust, within the training
    course's lovCodes when it lists some (issue 15); once it knows some, they must name one.
    """
    values = ctx.values
    code, guid = values.get(LOV_CODE), values.get(LOV_GUID)
    if code is None and guid is None:
        ctx.error(_first_filled(ctx, (LOV_CODE, LOV_GUID)), msg.NO_LEARNING_OBJECT)
        return None
    overlay = ctx.overlay
    if not overlay.tables[Table.LEARNING_OBJECT]:
        return _trusted(ctx, session, code, guid)
    field, value = (LOV_CODE, code) if code is not None else (LOV_GUID, guid)
    lo = overlay.find_one(Table.LEARNING_OBJECT, "code" if field == LOV_CODE else "guid", value)
    if lo is None:
        ctx.error(field, msg.LEARNING_OBJECT_UNKNOWN.format(field=field, value=value))
        return None
    if guid is not None and lo.guid is not None and lo.guid != guid:
        ctx.error(LOV_GUID, msg.LEARNING_OBJECT_UNKNOWN.format(
            field=LOV_GUID, value=f"{guid} with code {code}"))
        return None
    if (lo.publisher or "").strip().lower() == CROSSKNOWLEDGE:
        ctx.error(field, msg.CROSSKNOWLEDGE_OBJECT)
        return None
    if (lo.type or "").strip().lower() == EASYQUIZZ:
        ctx.error(field, msg.EASYQUIZZ_OBJECT)
        return None
    return lo.code, lo.guid


def _trusted(ctx: RowContext, session: SessionRec | None, code: str | None,
             guid: str | None) -> tuple[str | None, str | None] | None:
    """A learning object the store cannot check: its training's lovCodes are the list."""
    if session is None or code is None:
        return code, guid
    training = ctx.overlay.get(Table.TRAINING, session.training_id)
    listed = [c.strip() for c in _LOV_SPLIT.split(training.lov_codes or "")] if training else []
    listed = [c for c in listed if c]
    if listed and code not in listed:
        ctx.error(LOV_CODE, msg.NOT_A_LEARNING_OBJECT_OF.format(
            field=LOV_CODE, value=code, code=training.path_code, codes=", ".join(listed)))
        return None
    return code, guid


def _existing(ctx: RowContext, learner: LearnerRec, session: SessionRec, code: str | None,
              guid: str | None) -> Any:
    """The tracking row this one replaces: the same learner, session and learning object."""
    for tracking in ctx.overlay.trackings(learner.id, session.id):
        if (tracking.lo_code == code) if code is not None else (tracking.lo_guid == guid):
            return tracking
    return None


def _reset(ctx: RowContext, existing: Any) -> Outcome:
    """notAttempted: the learner's tracking of the learning object is deleted."""
    if existing is None:
        ctx.warning(STATUS, msg.NOTHING_TO_RESET)
        return Outcome.UNCHANGED
    ctx.add(ctx.overlay.delete(Table.TRACKING, existing))
    return Outcome.DELETE


def _columns(ctx: RowContext, status: str | None, existing: Any) -> dict[str, Any] | None:
    """Every value column, from the row alone: a row replaces the tracking before it."""
    values = ctx.values
    columns = {column: values.get(field) for field, column in _VALUE_COLUMNS}
    completed = status in COMPLETED
    if FIRST_COMPLETION in values and status is not None and not completed:
        ctx.error(FIRST_COMPLETION, msg.COMPLETION_NOT_COMPLETED)
        return None
    zone = _zone(ctx)
    if zone is False:
        return None
    if zone is not None:  # the file's times are the zone's; the store keeps UTC
        for column, value in columns.items():
            if isinstance(value, datetime):
                columns[column] = _in_utc(value, zone)
    if completed and columns["first_completion"] is None:
        columns["first_completion"] = _first_completion(ctx, existing, zone)
    if columns["score_max"] is None:
        columns["score_max"] = _default_score_max(ctx)
    return columns


def _first_completion(ctx: RowContext, existing: Any, zone: ZoneInfo | None) -> datetime:
    """A completed row without a first completion (IO_items): the tracking's own first one
    when it has one, else today at defaultTime."""
    if existing is not None and existing.first_completion is not None:
        return existing.first_completion
    today = datetime.combine(datetime.now(zone).date(), _default_time(ctx))
    return today if zone is None else _in_utc(today, zone)


def _default_score_max(ctx: RowContext) -> int | None:
    """defaultScoreMax, which the page's example puts in <options> and lists as a parameter."""
    return ctx.action.option_int(DEFAULT_SCORE_MAX)


def _default_time(ctx: RowContext) -> time:
    text = ctx.action.option_text(DEFAULT_TIME) or "00:00:00"
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return time()


_ZONES: dict[str, ZoneInfo | None] = {}


def _zone(ctx: RowContext) -> ZoneInfo | bool | None:
    """The timeZone the file's dates are in (None: as written); False after an error."""
    name = ctx.action.option_text(TIME_ZONE)
    if not name:
        return None
    if name not in _ZONES:
        try:
            _ZONES[name] = ZoneInfo(name.strip())
        except (ZoneInfoNotFoundError, ValueError):
            _ZONES[name] = None
    zone = _ZONES[name]
    if zone is None:
        ctx.error(TIME_ZONE, msg.TIME_ZONE_UNKNOWN.format(zone=name))
        return False
    return zone


def _in_utc(moment: datetime, zone: ZoneInfo) -> datetime:
    """A date and time of the file's time zone as the store keeps it: in UTC."""
    local = moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


register(SPEC.name, plan_tracking,
         (Table.LEARNER, Table.TRAINING, Table.SESSION, Table.REGISTRATION, Table.TRACKING,
          Table.LEARNING_OBJECT))
