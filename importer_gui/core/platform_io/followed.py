"""A refresh's registrations and tracking rows: what learners follow, and how far.

A row names its learner as the candidates' export does (GUID, login, number, e-mail) and its
session by GUID, else by title (within its training course when the row names one). Neither
is created here: the learners' and sessions' exports, earlier in the same configuration,
bring them. The consolidated tracking export's row is a registration, and the learner's
progress in the whole session (kept as a tracking row without a learning object); the
tracking export's row is the progress in one learning object, and implies its registration.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from importer_gui.core.actions.base import RowContext, shown_name, shown_names
from importer_gui.core.catalogue import exports as cat
from importer_gui.core.issues import Outcome
from importer_gui.core.platform_io import learners
from importer_gui.core.platform_io.shared import Shared
from importer_gui.core.schema import Table

SESSION_GUID, SESSION_TITLE = "sessionGuid", "sessionTitle"
TRAINING_GUID, TRAINING_CODE = "trainingGuid", "trainingPathCode"
REGISTRATION_GUID, REGISTRATION_DATE = "registrationGuid", "registrationDate"
LOV_CODE, LOV_GUID = "lovCode", "lovGuid"
# A tracking row's values: the tracking import's field, and its column.
TRACKED = (("firstAccessDate", "first_access"), ("lastAccessDate", "last_access"),
           ("firstCompletionDate", "first_completion"), ("progression", "progression"),
           ("trackingStatus", "status"), ("timeSpent", "time_spent"), ("score", "score"))
_BY_TRAINING_AND_TITLE = attrgetter("training_id", "title")
_BY_TITLE = attrgetter("title")


# --- what a row names ------------------------------------------------------------------------

def find_learner(ctx: RowContext) -> Any:
    """The learner the row names, as the candidates' export finds it; None after an error."""
    learner = learners.found(ctx, Table.LEARNER, learners.FINDING)
    if learner is not None:
        return learner
    named = [(name, ctx.values[name]) for name, _ in learners.FINDING if name in ctx.values]
    if named:
        field, value = named[0]
        ctx.error(field, cat.LEARNER_NOT_IN_STORE.format(field=shown_name(ctx.action, field),
                                                         value=value))
    else:
        ctx.error(learners.LOGIN, cat.NO_LEARNER_NAMED.format(
            fields=shown_names(ctx.action, (name for name, _ in learners.FINDING))))
    return None


def find_session(ctx: RowContext) -> Any:
    """The session by GUID, else by title (in the row's training course when it names one);
    None after an error. A session the store holds under another GUID is another one."""
    values, overlay = ctx.values, ctx.overlay
    guid, title = values.get(SESSION_GUID), values.get(SESSION_TITLE)
    if guid is not None:
        session = overlay.find_one(Table.SESSION, "guid", guid)
        if session is not None or title is None:
            if session is None:
                ctx.error(SESSION_GUID, cat.SESSION_NOT_IN_STORE.format(
                    field=shown_name(ctx.action, SESSION_GUID), value=guid))
            return session
    if title is None:
        ctx.error(SESSION_GUID, cat.NO_SESSION_NAMED.format(
            fields=shown_names(ctx.action, (SESSION_GUID, SESSION_TITLE))))
        return None
    found = [s for s in _titled(ctx, title) if guid is None or s.guid in (None, guid)]
    if len(found) == 1:
        return found[0]
    if found:
        ctx.error(SESSION_TITLE, cat.SESSION_TITLE_SHARED.format(
            field=shown_name(ctx.action, SESSION_TITLE), count=len(found), value=title))
    else:
        field = SESSION_GUID if guid is not None else SESSION_TITLE
        ctx.error(field, cat.SESSION_NOT_IN_STORE.format(field=shown_name(ctx.action, field),
                                                        value=guid or title))
    return None


def _titled(ctx: RowContext, title: str) -> list[Any]:
    """The sessions titled so: in the row's training course when it names one, else in
    any."""
    values, overlay = ctx.values, ctx.overlay
    training = None
    if TRAINING_GUID in values:
        training = overlay.find_one(Table.TRAINING, "guid", values[TRAINING_GUID])
    if training is None and TRAINING_CODE in values:
        training = overlay.find_one(Table.TRAINING, "path_code", values[TRAINING_CODE])
    if training is not None:
        return overlay.find(Table.SESSION, "refresh:title", _BY_TRAINING_AND_TITLE,
                            (training.id, title))
    if TRAINING_GUID in values or TRAINING_CODE in values:
        return []  # a course the store lacks has no session here
    return overlay.find(Table.SESSION, "refresh:title only", _BY_TITLE, title)


def keep_named(shared: Shared, learner: Any, session: Any) -> None:
    """The learner, session and course a row names stay through --prune even when their own
    export lacks them: the platform holds them (its learners' export may leave some out)."""
    if learner is not None:
        shared.seen[Table.LEARNER].add(learner.id)
    if session is not None:
        shared.seen[Table.SESSION].add(session.id)
        shared.seen[Table.TRAINING].add(session.training_id)


# --- registrations ---------------------------------------------------------------------------

def plan_registration(ctx: RowContext, shared: Shared) -> Outcome:
    """A consolidated tracking row: the registration, and the progress in the session."""
    learner, session = find_learner(ctx), find_session(ctx)
    keep_named(shared, learner, session)
    if ctx.failed or learner is None or session is None:
        return Outcome.ERROR
    outcome = _registration(ctx, shared, learner, session)
    if outcome is Outcome.ERROR:
        return outcome
    tracked = tracked_columns(ctx)
    summary = next((t for t in ctx.overlay.trackings(learner.id, session.id)
                    if t.lo_code is None and t.lo_guid is None), None)
    if summary is None and not any(v is not None for v in tracked.values()):
        return outcome  # no progress to keep
    return combined(outcome, _write_tracking(ctx, shared, summary, {
        "learner_id": learner.id, "session_id": session.id, **tracked}))


def _registration(ctx: RowContext, shared: Shared, learner: Any, session: Any) -> Outcome:
    """The learner's registration to the session: created, or given the row's GUID and date."""
    overlay, values = ctx.overlay, ctx.values
    existing = overlay.registration(learner.id, session.id)
    guid = values.get(REGISTRATION_GUID)
    if guid is not None:
        other = overlay.find_one(Table.REGISTRATION, "guid", guid)
        if other is not None and other is not existing:
            ctx.error(REGISTRATION_GUID, cat.REGISTRATION_GUID_TAKEN.format(
                field=shown_name(ctx.action, REGISTRATION_GUID), guid=guid))
            return Outcome.ERROR
    columns: dict[str, Any] = {}
    if guid is not None:
        columns["guid"] = guid
    if values.get(REGISTRATION_DATE) is not None:
        columns["registered_on"] = values[REGISTRATION_DATE]
    if existing is None:
        ctx.add(overlay.create(Table.REGISTRATION, {"learner_id": learner.id,
                                                    "session_id": session.id, **columns}))
        return Outcome.CREATE
    shared.seen[Table.REGISTRATION].add(existing.id)
    changed = ctx.add(overlay.update(Table.REGISTRATION, existing, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


# --- tracking --------------------------------------------------------------------------------

def plan_tracking(ctx: RowContext, shared: Shared) -> Outcome:
    """A tracking row: the learner's progress in one learning object of the session (and the
    registration it implies)."""
    learner, session = find_learner(ctx), find_session(ctx)
    keep_named(shared, learner, session)
    lo = _learning_object(ctx)
    if ctx.failed or learner is None or session is None or lo is None:
        return Outcome.ERROR
    registered = _registration(ctx, shared, learner, session)
    if registered is Outcome.ERROR:
        return registered
    code, guid = lo
    existing = next((t for t in ctx.overlay.trackings(learner.id, session.id)
                     if (t.lo_code == code if code is not None else t.lo_guid == guid)), None)
    columns = {"learner_id": learner.id, "session_id": session.id, "lo_code": code,
               "lo_guid": guid, **tracked_columns(ctx)}
    return combined(registered, _write_tracking(ctx, shared, existing, columns))


def _learning_object(ctx: RowContext) -> tuple[str | None, str | None] | None:
    """(code, GUID) of the row's learning object version, the one it lacks taken from the
    store when the store knows the version."""
    code, guid = ctx.values.get(LOV_CODE), ctx.values.get(LOV_GUID)
    if code is None and guid is None:
        ctx.error(LOV_CODE, cat.NO_LO_NAMED.format(
            fields=shown_names(ctx.action, (LOV_CODE, LOV_GUID))))
        return None
    overlay = ctx.overlay
    known = overlay.find_one(Table.LEARNING_OBJECT, "guid", guid) if guid is not None else None
    if known is None and code is not None:
        known = overlay.find_one(Table.LEARNING_OBJECT, "code", code)
    if known is not None and (guid is None or known.guid in (None, guid)):
        return code if code is not None else known.code, guid if guid is not None else known.guid
    return code, guid


def tracked_columns(ctx: RowContext) -> dict[str, Any]:
    """The tracking columns the export has, from the row (an empty cell empties one)."""
    action, values = ctx.action, ctx.values
    return {column: values.get(name) for name, column in TRACKED if action.has(name)}


def _write_tracking(ctx: RowContext, shared: Shared, existing: Any,
                    columns: dict[str, Any]) -> Outcome:
    """A tracking row created, or updated to the row's values."""
    if existing is None:
        ctx.add(ctx.overlay.create(Table.TRACKING, columns))
        return Outcome.CREATE
    shared.seen[Table.TRACKING].add(existing.id)
    changed = ctx.add(ctx.overlay.update(Table.TRACKING, existing, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def combined(*outcomes: Outcome) -> Outcome:
    """A row's outcome from its parts': a creation first, then an update."""
    for outcome in (Outcome.CREATE, Outcome.UPDATE):
        if outcome in outcomes:
            return outcome
    return Outcome.UNCHANGED
