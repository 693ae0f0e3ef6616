"""registerLearnerAction: register a learner to a session (created when not found), or
unregister them (the session's last learner takes the session along unless keepSession)."""

from __future__ import annotations

from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.actions.learners_lookup import find_learner
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.actions import (
    DONT_UPDATE_EXISTING_SESSIONS,
    KEEP_SESSION,
    REACTIVATE_REGISTERED_LEARNERS,
    REGISTER_FLAG,
    SESSION_SEARCH_FIELD,
    TRAINEE_SEARCH_FIELD,
    TRAINING_SEARCH_FIELD,
)
from importer_gui.core.catalogue.actions import REGISTRATION_ACTION as SPEC
from importer_gui.core.issues import Outcome
from importer_gui.core.records import LearnerRec, SessionRec, Table, TrainingRec

TITLE, SESSION_ID, START, END = "sessionTitle", "sessionId", "sessionStartDate", "sessionEndDate"
GUID, DATE = "registrationGuid", "registrationDate"
# registerFlag's meanings, as the catalogue lists them: register, then unregister.
REGISTER, UNREGISTER = (meaning for meaning, _ in SPEC.by_name[REGISTER_FLAG].codes)
HAS_RESULTS = "hasResults"
# A learner's validity (the learner table's meanings): reactivating makes a disabled one this.
DISABLED, ENABLED = "disabled", "enabled"

# The session columns a row sets, from the fields that hold them.
_SESSION_COLUMNS = SPEC.columns(TITLE, START, END)
_GUID_COLUMN, _DATE_COLUMN = SPEC.by_name[GUID].column, SPEC.by_name[DATE].column


def plan_registration(ctx: RowContext) -> Outcome:
    """Plan one row of the registration action."""
    meaning = _meaning(ctx)
    if ctx.failed or meaning is None:  # a value the row reader refused says it all
        return Outcome.ERROR
    learner = _learner(ctx)
    if learner is None:
        return Outcome.ERROR
    action = ctx.action
    training = lookup.find_training(ctx, action.field_list(TRAINING_SEARCH_FIELD))
    if training is None and _has_results(ctx):
        ctx.error(_first(action.field_list(TRAINING_SEARCH_FIELD)), msg.TRAINING_MANDATORY)
        return Outcome.ERROR
    ok, session = _find_session(ctx, training)
    if not ok:
        return Outcome.ERROR
    if meaning == UNREGISTER:
        return _unregister(ctx, learner, session)
    return _register(ctx, learner, training, session)


def _first(fields: list[str]) -> str:
    return fields[0] if fields else ""


def _has_results(ctx: RowContext) -> bool:
    """trainingSearchField hasResults="yes": the training must be found."""
    attributes = ctx.action.config.attributes.get(TRAINING_SEARCH_FIELD, {})
    return attributes.get(HAS_RESULTS, "").strip().lower() == "yes"


def _meaning(ctx: RowContext) -> str | None:
    """registerValue or unregisterValue; no column, or an empty optional one, registers."""
    if not ctx.action.has(REGISTER_FLAG):
        return REGISTER
    meaning = ctx.values.get(REGISTER_FLAG)
    if meaning is None and not ctx.action.fields[REGISTER_FLAG].mandatory and not ctx.failed:
        return REGISTER
    return meaning


def _learner(ctx: RowContext) -> LearnerRec | None:
    """The learner traineeSearchField finds; the page's words when none is given or found."""
    fields = ctx.action.field_list(TRAINEE_SEARCH_FIELD)
    if not lookup.any_filled(ctx, fields):
        ctx.error(_first(fields), msg.NO_CANDIDATE_SEARCH)
        return None
    ok, learner = find_learner(ctx, fields)
    if ok and learner is None:
        ctx.error(_first(fields), msg.CANDIDATE_NOT_FOUND)
    return learner


def _find_session(ctx: RowContext, training: TrainingRec | None
                  ) -> tuple[bool, SessionRec | None]:
    """The session sessionSearchField finds: (ok, session or None when there is none)."""
    fields = ctx.action.field_list(SESSION_SEARCH_FIELD)
    if not lookup.any_filled(ctx, fields):
        ctx.error(_first(fields), msg.SESSION_MANDATORY)
        return False, None
    if training is None:
        # Without a training course only an id finds a session (of any course).
        wanted = ctx.values.get(SESSION_ID) if SESSION_ID in fields else None
        found = None if wanted is None else ctx.overlay.get(Table.SESSION, wanted)
        return True, found
    issues = len(ctx.issues)
    ok, found = lookup.find_session(ctx, training, fields)
    if not ok:
        # Several sessions match: the registration page words it as a session it cannot
        # retrieve (the session page's "Group with name X is duplicated." is not its own).
        del ctx.issues[issues:]
        ctx.error(_first(fields), msg.SESSION_NOT_RETRIEVED)
    return ok, found


# --- registering ------------------------------------------------------------------------------

def _register(ctx: RowContext, learner: LearnerRec, training: TrainingRec | None,
              session: SessionRec | None) -> Outcome:
    changed = False
    if session is None:
        session = _create_session(ctx, learner, training)
        if session is None:
            return Outcome.ERROR
        changed = True
    else:
        changed = _update_session(ctx, session)
    existing = ctx.overlay.registration(learner.id, session.id)
    if existing is not None:
        ctx.warning(_first(ctx.action.field_list(TRAINEE_SEARCH_FIELD)), msg.ALREADY_REGISTERED)
        changed = _reactivate(ctx, learner) or changed
        return Outcome.UPDATE if changed else Outcome.UNCHANGED
    guid = ctx.values.get(GUID)
    if guid is not None and ctx.overlay.find_one(Table.REGISTRATION, _GUID_COLUMN, guid):
        ctx.error(GUID, msg.REGISTRATION_GUID_TAKEN.format(field=GUID, guid=guid))
        return Outcome.ERROR
    ctx.add(ctx.overlay.create(Table.REGISTRATION, {
        "learner_id": learner.id, "session_id": session.id, _GUID_COLUMN: guid,
        _DATE_COLUMN: ctx.values.get(DATE)}))
    _rename(ctx, learner, session)
    _reactivate(ctx, learner)
    return Outcome.CREATE


def _create_session(ctx: RowContext, learner: LearnerRec, training: TrainingRec | None
                    ) -> SessionRec | None:
    """A new session for the row, in its training course, with its title and dates."""
    fields = ctx.action.field_list(SESSION_SEARCH_FIELD)
    if training is None:
        ctx.error(_first(ctx.action.field_list(TRAINING_SEARCH_FIELD)),
                  msg.NO_TRAINING_FOR_SESSION)
        return None
    if ctx.values.get(SESSION_ID) is not None:
        # An id names a session the platform made; a file never gives a new session its id.
        ctx.error(SESSION_ID if SESSION_ID in fields else _first(fields), msg.SESSION_MANDATORY)
        return None
    columns = _row_columns(ctx)
    columns.setdefault("title", _session_for(learner))
    columns["training_id"] = training.id
    change = ctx.overlay.create(Table.SESSION, columns)
    ctx.add(change)
    return ctx.overlay.get(Table.SESSION, change.record_id)


def _row_columns(ctx: RowContext) -> dict[str, Any]:
    """The session columns the row fills."""
    values = ctx.values
    return {column: values[field] for field, column in _SESSION_COLUMNS if field in values}


def _update_session(ctx: RowContext, session: SessionRec) -> bool:
    """The row's title and dates on a session found; True when that changed it.

    dontUpdateExistingSessions=yes, or fullAccess=no on a session no import created, keeps
    the session as it is (the registration itself still counts), with a warning when the
    row's values differ."""
    columns = {c: v for c, v in _row_columns(ctx).items() if getattr(session, c) != v}
    if not columns:
        return False
    action = ctx.action
    reason = None
    if action.option_yes(DONT_UPDATE_EXISTING_SESSIONS):
        reason = msg.KEPT_BY_OPTION
    elif not (action.full_access
              or ctx.overlay.was_created_by_import(Table.SESSION, session.id)):
        reason = msg.KEPT_BY_ACCESS
    if reason is not None:
        ctx.warning(_first(action.field_list(SESSION_SEARCH_FIELD)),
                    msg.SESSION_KEPT.format(title=session.title, reason=reason))
        return False
    return ctx.add(ctx.overlay.update(Table.SESSION, session, columns))


def _session_for(learner: LearnerRec) -> str:
    """The title the platform gives a session renamed after its learner."""
    name = " ".join(p for p in (learner.firstname, learner.name) if p)
    return msg.SESSION_FOR.format(name=name or learner.login or learner.ref_number or "")


def _rename(ctx: RowContext, learner: LearnerRec, session: SessionRec) -> None:
    """The page's note: a new registration without a sessionTitle column renames the
    session after the learner. Said as a warning, since few expect it."""
    if ctx.action.has(TITLE):
        return
    title = _session_for(learner)
    if session.title == title:
        return
    old = session.title
    ctx.add(ctx.overlay.update(Table.SESSION, session, {"title": title}))
    ctx.warning(TITLE, msg.SESSION_RENAMED.format(old=old, new=title))


def _reactivate(ctx: RowContext, learner: LearnerRec) -> bool:
    """reactivateRegisteredLearners (yes unless said): a disabled learner is enabled."""
    if learner.validity != DISABLED or not ctx.action.option_yes(REACTIVATE_REGISTERED_LEARNERS):
        return False
    return ctx.add(ctx.overlay.update(Table.LEARNER, learner, {"validity": ENABLED}))


# --- unregistering ----------------------------------------------------------------------------

def _unregister(ctx: RowContext, learner: LearnerRec, session: SessionRec | None) -> Outcome:
    """Delete the registration; the session's last one takes the session along unless
    keepSession is Y. Unregistering someone not registered changes nothing."""
    existing = None if session is None else ctx.overlay.registration(learner.id, session.id)
    if session is None or existing is None:
        ctx.warning(REGISTER_FLAG, msg.NOT_REGISTERED)
        return Outcome.UNCHANGED
    described = msg.A_REGISTRATION.format(learner=learner.login or learner.ref_number,
                                          title=session.title)
    if not lookup.may_change(ctx, Table.REGISTRATION, existing.id, REGISTER_FLAG, described):
        return Outcome.ERROR
    ctx.add(ctx.overlay.delete(Table.REGISTRATION, existing))
    if not _keep_session(ctx) and not ctx.overlay.registrations_of(session.id):
        _delete_session(ctx, session)
    return Outcome.DELETE


def _keep_session(ctx: RowContext) -> bool:
    """registerFlag's keepSession setting: Y keeps a session its last learner left."""
    settings = ctx.action.fields[REGISTER_FLAG].settings
    return settings.get(KEEP_SESSION, "").strip().upper() in ("Y", "YES")


def _delete_session(ctx: RowContext, session: SessionRec) -> None:
    """Delete an empty session with its meetings and tracking (fullAccess permitting)."""
    if not (ctx.action.full_access
            or ctx.overlay.was_created_by_import(Table.SESSION, session.id)):
        ctx.warning(REGISTER_FLAG, msg.SESSION_NOT_DELETED.format(title=session.title))
        return
    overlay = ctx.overlay
    for tracking in overlay.trackings_of(session.id):
        ctx.add(overlay.delete(Table.TRACKING, tracking))
    for intervention in overlay.interventions_of(session.id):
        ctx.add(overlay.delete(Table.INTERVENTION, intervention))
    ctx.add(overlay.delete(Table.SESSION, session))


register(SPEC.name, plan_registration,
         (Table.LEARNER, Table.TRAINING, Table.SESSION, Table.REGISTRATION, Table.TRACKING,
          Table.INTERVENTION))
