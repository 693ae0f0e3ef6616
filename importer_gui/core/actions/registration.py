"""registerLearnerAction: register a learner to a session (created when not found), or
unregister them (the session's last learner takes the session along unless keepSession)."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, meaning_or, per_action, register
from importer_gui.core.actions.learners_lookup import SEARCH_COLUMNS as LEARNER_COLUMNS
from importer_gui.core.actions.learners_lookup import find_learner, learner_by
from importer_gui.core.binding import BoundAction
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.actions import (
    DONT_UPDATE_EXISTING_SESSIONS,
    KEEP_SESSION,
    REACTIVATE_REGISTERED_LEARNERS,
    REGISTER_FLAG,
    SESSION_SEARCH_FIELD,
    STORE_COLUMNS,
    TRAINEE_SEARCH_FIELD,
    TRAINING_SEARCH_FIELD,
)
from importer_gui.core.catalogue.actions import REGISTRATION_ACTION as SPEC
from importer_gui.core.catalogue.specs import YES
from importer_gui.core.issues import Outcome
from importer_gui.core.near_titles import near_title, numbers_of
from importer_gui.core.overlay import BY_LEARNER_SESSION, SEVERAL, id_pair
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


@dataclass(frozen=True, slots=True)
class _Setup:
    """What an action's options say, read once per bound action rather than once per row."""

    trainees: list[str]  # traineeSearchField
    trainings: list[str]  # trainingSearchField
    sessions: list[str]  # sessionSearchField
    has_results: bool  # trainingSearchField hasResults="yes": the course must be found
    dont_update: bool  # dontUpdateExistingSessions
    reactivate: bool  # reactivateRegisteredLearners
    keep_session: bool  # registerFlag's keepSession
    has_title: bool  # a column holds sessionTitle
    # The usual one-field searches, answered by one index look-up each (None: the general
    # finders): the learner column, the training course's field, a session by title alone.
    learner_column: str | None
    training_field: str | None
    by_title: bool

    @property
    def trainee(self) -> str:
        """The field an issue about the learner names."""
        return self.trainees[0] if self.trainees else ""

    @property
    def training(self) -> str:
        """The field an issue about the training course names."""
        return self.trainings[0] if self.trainings else ""

    @property
    def session(self) -> str:
        """The field an issue about the session names."""
        return self.sessions[0] if self.sessions else ""


@per_action
def _setup(action: BoundAction) -> _Setup:
    """The options of a bound action, read once."""
    flag = action.fields.get(REGISTER_FLAG)
    attributes = action.config.attributes.get(TRAINING_SEARCH_FIELD, {})
    return _Setup(
        action.field_list(TRAINEE_SEARCH_FIELD), action.field_list(TRAINING_SEARCH_FIELD),
        action.field_list(SESSION_SEARCH_FIELD),
        attributes.get(HAS_RESULTS, "").strip().lower() == YES,
        action.option_yes(DONT_UPDATE_EXISTING_SESSIONS),
        action.option_yes(REACTIVATE_REGISTERED_LEARNERS),
        flag is not None and flag.settings.get(KEEP_SESSION, "").strip().lower() in ("y", YES),
        action.has(TITLE), *_fast_paths(action))


def _fast_paths(action: BoundAction) -> tuple[str | None, str | None, bool]:
    """Which searches are of one plain field (most files' are)."""
    trainees = action.field_list(TRAINEE_SEARCH_FIELD)
    trainings = action.field_list(TRAINING_SEARCH_FIELD)
    learner_column = (LEARNER_COLUMNS.get(trainees[0]) if len(trainees) == 1 else None)
    training_field = (trainings[0] if len(trainings) == 1 and trainings[0] in _TRAINING_FIELDS
                      else None)
    return learner_column, training_field, action.field_list(SESSION_SEARCH_FIELD) == [TITLE]


# The index lookup.find_session files sessions under for a search by title alone (the same
# name and key, so the overlay keeps one index for both).
_BY_TITLE = ("search:title", attrgetter("training_id", "title"))
# A course's sessions with the same numbers in their titles: those a title may be a slip of.
_BY_TRAINING_NUMBERS = ("training+numbers",
                        lambda session: (session.training_id, numbers_of(session.title)))
_TRAINING_FIELDS = {"trainingPathCode": STORE_COLUMNS["trainingPathCode"], "trainingId": "id"}


def plan_registration(ctx: RowContext) -> Outcome:
    """Plan one row of the registration action."""
    # No column, or an empty optional one, registers.
    meaning = meaning_or(ctx, REGISTER_FLAG, REGISTER)
    if ctx.failed or meaning is None:  # a value the row reader refused says it all
        return Outcome.ERROR
    setup = _setup(ctx.action)
    learner = _learner(ctx, setup)
    if learner is None:
        return Outcome.ERROR
    training = _training(ctx, setup)
    if training is None and setup.has_results:
        ctx.error(setup.training, msg.TRAINING_MANDATORY)
        return Outcome.ERROR
    ok, session = _find_session(ctx, setup, training)
    if not ok:
        return Outcome.ERROR
    if meaning == UNREGISTER:
        return _unregister(ctx, setup, learner, session)
    return _register(ctx, setup, learner, training, session)


def _filled(values: dict[str, Any], fields: list[str]) -> bool:
    """True when the row fills one of ``fields`` (values hold filled fields only)."""
    for field in fields:  # noqa: SIM110 - a loop: this runs twice a row
        if field in values:
            return True
    return False


def _learner(ctx: RowContext, setup: _Setup) -> LearnerRec | None:
    """The learner the row's previous action handed on, else the one traineeSearchField
    finds; the page's words when none is given or found."""
    if ctx.given is not None:
        return _handed_learner(ctx, setup, *ctx.given)
    if not _filled(ctx.values, setup.trainees):
        ctx.error(setup.trainee, msg.NO_CANDIDATE_SEARCH)
        return None
    if setup.learner_column is not None:
        ok, learner = True, learner_by(ctx, setup.learner_column, ctx.values[setup.trainee])
    else:
        ok, learner = find_learner(ctx, setup.trainees)
    if ok and learner is None:
        ctx.error(setup.trainee, msg.CANDIDATE_NOT_FOUND)
    return learner


def _handed_learner(ctx: RowContext, setup: _Setup, table: Table,
                    record_id: int) -> LearnerRec | None:
    """The learner a learner action of the same row stands for; any other record is the
    page's "not detected as a input data" (the platform hands records from action to
    action along a row, and registers the one it is given)."""
    if table is Table.LEARNER:
        return ctx.overlay.get(table, record_id)
    ctx.error(setup.trainee, msg.CANDIDATE_NOT_INPUT.format(type=table.value))
    return None


def _training(ctx: RowContext, setup: _Setup) -> TrainingRec | None:
    """The training course trainingSearchField finds, if any."""
    field = setup.training_field
    if field is None:
        return lookup.find_training(ctx, setup.trainings)
    value = ctx.values.get(field)
    if value is None:
        return None
    column = _TRAINING_FIELDS[field]
    if column == "id":
        return ctx.overlay.get(Table.TRAINING, value)
    return ctx.overlay.find_one(Table.TRAINING, column, value)


def _find_session(ctx: RowContext, setup: _Setup, training: TrainingRec | None
                  ) -> tuple[bool, SessionRec | None]:
    """The session sessionSearchField finds: (ok, session or None when there is none)."""
    fields = setup.sessions
    if not _filled(ctx.values, fields):
        ctx.error(setup.session, msg.SESSION_MANDATORY)
        return False, None
    if training is None:
        # Without a training course only an id finds a session (of any course).
        wanted = ctx.values.get(SESSION_ID) if SESSION_ID in fields else None
        found = None if wanted is None else ctx.overlay.get(Table.SESSION, wanted)
        return True, found
    if setup.by_title:
        found = ctx.overlay.find_single(Table.SESSION, *_BY_TITLE,
                                        (training.id, ctx.values[TITLE]))
        ok = found is not SEVERAL
        if not ok:
            ctx.error(setup.session, msg.SESSION_NOT_RETRIEVED)
        return ok, found if ok else None
    issues = len(ctx.issues)
    ok, found = lookup.find_session(ctx, training, fields)
    if not ok:
        # Several sessions match: the registration page words it as a session it cannot
        # retrieve (the session page's "Group with name X is duplicated." is not its own).
        del ctx.issues[issues:]
        ctx.error(setup.session, msg.SESSION_NOT_RETRIEVED)
    return ok, found


# --- registering ------------------------------------------------------------------------------

def _register(ctx: RowContext, setup: _Setup, learner: LearnerRec,
              training: TrainingRec | None, session: SessionRec | None) -> Outcome:
    if session is None:
        session = _create_session(ctx, setup, learner, training)
        if session is None:
            return Outcome.ERROR
        changed = True
    else:
        changed = _update_session(ctx, setup, session)
    overlay = ctx.overlay
    existing = overlay.find_single(Table.REGISTRATION, *BY_LEARNER_SESSION,
                                   id_pair(learner.id, session.id))
    if existing is not None:
        ctx.warning(setup.trainee, msg.ALREADY_REGISTERED)
        changed = _reactivate(ctx, setup, learner) or changed
        return Outcome.UPDATE if changed else Outcome.UNCHANGED
    values = ctx.values
    guid = values.get(GUID)
    if guid is not None and overlay.find_one(Table.REGISTRATION, _GUID_COLUMN, guid):
        ctx.error(GUID, msg.REGISTRATION_GUID_TAKEN.format(field=GUID, guid=guid))
        return Outcome.ERROR
    ctx.changes.append(overlay.create(Table.REGISTRATION, {
        "learner_id": learner.id, "session_id": session.id, _GUID_COLUMN: guid,
        _DATE_COLUMN: values.get(DATE)}))
    if not setup.has_title:
        _rename(ctx, learner, session)
    _reactivate(ctx, setup, learner)
    return Outcome.CREATE


def _create_session(ctx: RowContext, setup: _Setup, learner: LearnerRec,
                    training: TrainingRec | None) -> SessionRec | None:
    """A new session for the row, in its training course, with its title and dates."""
    if training is None:
        ctx.error(setup.training, msg.NO_TRAINING_FOR_SESSION)
        return None
    if SESSION_ID in ctx.values:
        # An id names a session the platform made; a file never gives a new session its id.
        ctx.error(SESSION_ID if SESSION_ID in setup.sessions else setup.session,
                  msg.SESSION_MANDATORY)
        return None
    values = ctx.values
    columns = {column: values[field] for field, column in _SESSION_COLUMNS if field in values}
    if "title" not in columns:
        columns["title"] = _session_for(learner)
    if TITLE in values:
        _warn_near_title(ctx, training, values[TITLE])
    columns["training_id"] = training.id
    change = ctx.overlay.create(Table.SESSION, columns)
    ctx.changes.append(change)
    return ctx.overlay.get(Table.SESSION, change.record_id)


def _warn_near_title(ctx: RowContext, training: TrainingRec, title: str) -> None:
    """A warning when the new session's title looks a slip of one the course has: the
    platform would quietly make a second session beside the one meant."""
    sessions = ctx.overlay.find(Table.SESSION, *_BY_TRAINING_NUMBERS,
                                (training.id, numbers_of(title)))
    near = near_title(title, (session.title for session in sessions))
    if near is not None:
        ctx.warning(TITLE, msg.SESSION_NEAR_MISS.format(title=title, code=training.path_code,
                                                        near=near))


def _update_session(ctx: RowContext, setup: _Setup, session: SessionRec) -> bool:
    """The row's title and dates on a session found; True when that changed it.

    dontUpdateExistingSessions=yes, or fullAccess=no on a session no import created, keeps
    the session as it is (the registration itself still counts), with a warning when the
    row's values differ."""
    values = ctx.values
    columns: dict[str, Any] = {}
    for field, column in _SESSION_COLUMNS:  # a loop: this runs on most rows
        if field in values and getattr(session, column) != values[field]:
            columns[column] = values[field]
    if not columns:
        return False
    reason = None
    if setup.dont_update:
        reason = msg.KEPT_BY_OPTION
    elif not (ctx.action.full_access
              or ctx.overlay.was_created_by_import(Table.SESSION, session.id)):
        reason = msg.KEPT_BY_ACCESS
    if reason is not None:
        ctx.warning(setup.session, msg.SESSION_KEPT.format(title=session.title, reason=reason))
        return False
    return ctx.add(ctx.overlay.update(Table.SESSION, session, columns))


def _session_for(learner: LearnerRec) -> str:
    """The title the platform gives a session renamed after its learner."""
    name = " ".join(p for p in (learner.firstname, learner.name) if p)
    return msg.SESSION_FOR.format(name=name or learner.login or learner.ref_number or "")


def _rename(ctx: RowContext, learner: LearnerRec, session: SessionRec) -> None:
    """The page's note: a new registration without a sessionTitle column renames the
    session after the learner. Said as a warning, since few expect it."""
    title = _session_for(learner)
    if session.title == title:
        return
    old = session.title
    ctx.add(ctx.overlay.update(Table.SESSION, session, {"title": title}))
    ctx.warning(TITLE, msg.SESSION_RENAMED.format(old=old, new=title))


def _reactivate(ctx: RowContext, setup: _Setup, learner: LearnerRec) -> bool:
    """reactivateRegisteredLearners (yes unless said): a disabled learner is enabled."""
    if learner.validity != DISABLED or not setup.reactivate:
        return False
    return ctx.add(ctx.overlay.update(Table.LEARNER, learner, {"validity": ENABLED}))


# --- unregistering ----------------------------------------------------------------------------

def _unregister(ctx: RowContext, setup: _Setup, learner: LearnerRec,
                session: SessionRec | None) -> Outcome:
    """Delete the registration; the session's last one takes the session along unless
    keepSession is Y. Unregistering someone not registered changes nothing."""
    existing = None if session is None else ctx.overlay.registration(learner.id, session.id)
    if session is None or existing is None:
        ctx.warning(REGISTER_FLAG, msg.NOT_REGISTERED)
        return Outcome.UNCHANGED
    def described() -> str:
        return msg.A_REGISTRATION.format(learner=learner.login or learner.ref_number,
                                         title=session.title)

    if not lookup.may_change(ctx, Table.REGISTRATION, existing.id, REGISTER_FLAG, described):
        return Outcome.ERROR
    ctx.add(ctx.overlay.delete(Table.REGISTRATION, existing))
    if not setup.keep_session and not ctx.overlay.registrations_of(session.id):
        _delete_session(ctx, session)
    return Outcome.DELETE


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
