"""createOrUpdateLearnerAction: learners, found by traineeSearchField, with their entity,
manager, account validity, languages, time zone and custom fields.

Decisions on what the learner page leaves open (said in the catalogue's descriptions too):
- A login already another learner's keeps the row's learner working: an updated learner keeps
  the login it has, a new one (or one without a login) gets the login followed by "_1", "_2"...
  (the first free); the page's WARNING says which.
- No entity column filled: a new learner goes to defaultEntityId, an updated one stays where
  it is. defaultEntityId is taken on trust while the store knows no entity (see entity.py).
- candidatePassword is checked as text and never stored.
- disableImportFlag is kept in the configuration; the store knows which learners an import
  created from its run history, which the flag cannot change.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from functools import cache
from typing import Any

from importer_gui.core.actions import lookup
from importer_gui.core.actions.base import RowContext, per_action, register
from importer_gui.core.actions.entity import NAME_KEY, default_entity
from importer_gui.core.actions.learners_lookup import (
    CUSTOM_PREFIX,
    EMAIL,
    LOGIN,
    REF_NUMBER,
    find_learner,
    learner_by,
    learner_name,
)
from importer_gui.core.binding import BoundAction
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.actions import (
    CUSTOM,
    DEFAULT_ENTITY_ID,
    DEFAULT_LANG_CODE,
    ENABLE_ALL_LEARNERS,
    TRAINEE_SEARCH_FIELD,
    VALIDITY_MEANINGS,
)
from importer_gui.core.catalogue.actions import LEARNER_ACTION as SPEC
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import LearnerRec, Table
from importer_gui.core.values import looks_like_email

VALIDITY, FROM, UNTIL = "candidateValidity", "enabledFrom", "enabledUntil"
LANGUAGES, TIME_ZONE = "candidateLanguages", "candidateTimeZone"
ENTITY_GUID, ENTITY_ID, ENTITY_NAME = "entityGuid", "entityId", "entityName"
MANAGER_LOGIN, MANAGER_REF_NUMBER = "managerLogin", "managerRefNumber"
# The fields one of which names the learner (the catalogue's "learner" group).
_NAMING = (LOGIN, REF_NUMBER, EMAIL)
# The columns a row sets as they are, from the fields that hold them.
_PLAIN = SPEC.columns(REF_NUMBER, EMAIL, "candidateName", "candidateFirstname", TIME_ZONE,
                      FROM, UNTIL, "presentation")
_LOGIN_COLUMN, _LANGUAGES_COLUMN, _CUSTOM_COLUMN = (
    SPEC.by_name[f].column for f in (LOGIN, LANGUAGES, CUSTOM))
_ENABLED_UNTIL = VALIDITY_MEANINGS["enabledUntilValue"]
_ENABLED = VALIDITY_MEANINGS["enabledValue"]
# A language code: "fr", "fr-FR", "zh_Hans_CN"...
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True, slots=True)
class _Setup:
    """What an action's options say, read once per bound action rather than once per row."""

    trainees: list[str]  # traineeSearchField
    default_entity: int | None
    default_lang: str | None
    enable_all: bool
    customs: list[str]  # the custom fields' bound names, custom:GUID


@per_action
def _setup(action: BoundAction) -> _Setup:
    """The options of a bound action, read once."""
    return _Setup(action.field_list(TRAINEE_SEARCH_FIELD), action.option_int(DEFAULT_ENTITY_ID),
                  action.option_text(DEFAULT_LANG_CODE), action.option_yes(ENABLE_ALL_LEARNERS),
                  [b for b in action.repeated(CUSTOM) if b.startswith(CUSTOM_PREFIX)])


def plan_learner(ctx: RowContext) -> Outcome:
    """Plan one row of the learner action."""
    if ctx.failed:
        return Outcome.ERROR
    if not _named(ctx):
        return Outcome.ERROR
    setup = _setup(ctx.action)
    ok, learner = find_learner(ctx, setup.trainees)
    if not ok or (learner is not None and not _may_change(ctx, learner)):
        return Outcome.ERROR
    columns = _columns(ctx, setup, learner)
    _check_email(ctx)
    _validity(ctx, setup, learner, columns)
    _entity(ctx, setup, learner, columns)
    _manager(ctx, learner, columns)
    if ctx.failed:
        return Outcome.ERROR
    _login(ctx, learner, columns)
    # One search field (the usual option) is the one filled: find_learner saw to it.
    trainees = setup.trainees
    named_by = trainees[0] if len(trainees) == 1 else _naming_field(ctx, setup)
    if learner is None:
        created = ctx.overlay.create(Table.LEARNER, columns)
        ctx.add(created)
        ctx.hand_on(Table.LEARNER, created.record_id, named_by)
        return Outcome.CREATE
    changed = ctx.add(ctx.overlay.update(Table.LEARNER, learner, columns))
    ctx.hand_on(Table.LEARNER, learner.id, named_by)
    return Outcome.UPDATE if changed else Outcome.UNCHANGED


def _naming_field(ctx: RowContext, setup: _Setup) -> str:
    """The field that found the row's learner: traineeSearchField's first filled one."""
    values = ctx.values
    for field in setup.trainees:
        if field in values:
            return field
    return LOGIN


def _named(ctx: RowContext) -> bool:
    """A row must fill one of candidateLogin, candidateRefNumber and candidateEmail."""
    fed = [f for f in _NAMING if ctx.action.has(f)] or [LOGIN]
    if any(ctx.values.get(f) is not None for f in fed):
        return True
    if len(fed) == 1:
        ctx.error(fed[0], msg.FIELD_EMPTY.format(field=fed[0]))
    else:
        ctx.error(fed[0], msg.NO_LEARNER_NAMED.format(fields=", ".join(fed)))
    return False


def _may_change(ctx: RowContext, learner: LearnerRec) -> bool:
    return lookup.may_change(ctx, Table.LEARNER, learner.id, LOGIN,
                             lambda: msg.A_LEARNER.format(name=learner_name(learner)))


def _columns(ctx: RowContext, setup: _Setup, learner: LearnerRec | None) -> dict[str, Any]:
    """The columns the row sets from its own values: filled fields only."""
    values = ctx.values
    columns = {column: values[field] for field, column in _PLAIN if field in values}
    languages = _languages(ctx, setup, learner)
    if languages is not None:
        columns[_LANGUAGES_COLUMN] = languages
    zone = values.get(TIME_ZONE)
    if zone is not None and not _is_time_zone(zone):
        ctx.error(TIME_ZONE, msg.NOT_A_TIME_ZONE.format(field=TIME_ZONE, value=zone))
    custom = _custom(ctx, setup, learner)
    if custom is not None:
        columns[_CUSTOM_COLUMN] = custom
    return columns


def _languages(ctx: RowContext, setup: _Setup, learner: LearnerRec | None) -> str | None:
    """The row's languages as "fr-FR,en-GB"; defaultLangCode for a learner without any."""
    field, given = LANGUAGES, ctx.values.get(LANGUAGES)
    if given is None:
        if learner is not None and learner.languages:
            return None
        field, given = DEFAULT_LANG_CODE, setup.default_lang
        if not given:
            return None
    codes = [code.strip() for code in given.split(",")]
    if not all(_LANGUAGE.fullmatch(code) for code in codes):
        ctx.error(field, msg.NOT_A_LANGUAGE.format(field=field, value=given))
        return None
    return ",".join(codes)


@cache
def _time_zones() -> frozenset[str]:
    """The IANA time zones this machine knows (none without a time-zone database)."""
    return frozenset(zoneinfo.available_timezones())


def _is_time_zone(value: str) -> bool:
    known = _time_zones()
    return not known or value in known or value == "UTC"


def _custom(ctx: RowContext, setup: _Setup, learner: LearnerRec | None
            ) -> dict[str, str] | None:
    """The learner's custom fields with the row's filled ones set (None: the row has none)."""
    values = ctx.values
    given = {bound[len(CUSTOM_PREFIX):]: values[bound] for bound in setup.customs
             if bound in values}
    if not given:
        return None
    kept = learner.custom if learner is not None and learner.custom else {}
    return {**kept, **given}


def _check_email(ctx: RowContext) -> None:
    email = ctx.values.get(EMAIL)
    if email is not None and not looks_like_email(email):
        ctx.error(EMAIL, msg.NOT_AN_EMAIL.format(field=EMAIL, value=email))


def _validity(ctx: RowContext, setup: _Setup, learner: LearnerRec | None,
              columns: dict[str, Any]) -> None:
    """The account's validity (enableAllLearners first, then candidateValidity) and its
    dates, which must be in order."""
    values = ctx.values
    if setup.enable_all:
        columns["validity"] = _ENABLED
    elif VALIDITY in values:
        columns["validity"] = VALIDITY_MEANINGS[values[VALIDITY]]
    start = columns.get("enabled_from", learner.enabled_from if learner else None)
    end = columns.get("enabled_until", learner.enabled_until if learner else None)
    if start is not None and end is not None and end < start:
        ctx.error(UNTIL if UNTIL in values else FROM, msg.ENABLED_UNTIL_BEFORE_FROM)
    validity = columns.get("validity", learner.validity if learner else None)
    if validity == _ENABLED_UNTIL and end is None:
        code = ctx.action.fields[VALIDITY].codes.get(values.get(VALIDITY, ""), "")
        ctx.error(VALIDITY, msg.NO_ENABLED_UNTIL.format(field=VALIDITY, value=code))


def _entity(ctx: RowContext, setup: _Setup, learner: LearnerRec | None,
            columns: dict[str, Any]) -> None:
    """The entity the row names (entityGuid, entityId, entityName: they must agree), or for
    a new learner that names none, defaultEntityId's."""
    values = ctx.values
    found: dict[str, Any] = {}
    for field in (ENTITY_GUID, ENTITY_ID, ENTITY_NAME):
        if field in values:
            entity = _entity_by(ctx, field, values[field])
            if entity is None:
                return
            found[field] = entity
    if len({e.id for e in found.values()}) > 1:
        ctx.error(next(iter(found)), msg.ENTITIES_DISAGREE.format(
            fields=", ".join(found), names=", ".join(e.name for e in found.values())))
        return
    if found:
        columns["entity_id"] = next(iter(found.values())).id
    elif learner is None:
        ok, entity_id = default_entity(ctx, setup.default_entity)
        if ok and entity_id is not None:
            columns["entity_id"] = entity_id


def _entity_by(ctx: RowContext, field: str, value: Any) -> Any:
    """The entity one field names, or None after an error."""
    overlay = ctx.overlay
    if field == ENTITY_ID:
        entity = overlay.get(Table.ENTITY, value)
        if entity is None:
            ctx.error(field, msg.NO_ENTITY_WITH_ID.format(field=field, id=value))
        return entity
    if field == ENTITY_GUID:
        entity = overlay.find_one(Table.ENTITY, "guid", value)
        if entity is None:
            ctx.error(field, msg.NO_ENTITY_WITH_GUID.format(field=field, guid=value))
        return entity
    entity = overlay.find_single(Table.ENTITY, "name", NAME_KEY, value)
    if entity is SEVERAL:
        ctx.error(field, msg.ENTITY_NAME_DUPLICATED.format(name=value))
        return None
    if entity is None:
        ctx.error(field, msg.ENTITY_NAME_UNKNOWN.format(name=value))
    return entity


def _manager(ctx: RowContext, learner: LearnerRec | None, columns: dict[str, Any]) -> None:
    """The manager, a learner named by managerLogin or managerRefNumber (they must agree)."""
    values = ctx.values
    found: dict[str, LearnerRec] = {}
    for field, column, unknown in ((MANAGER_LOGIN, "login", msg.NO_MANAGER_WITH_LOGIN),
                                   (MANAGER_REF_NUMBER, "ref_number",
                                    msg.NO_MANAGER_WITH_REF_NUMBER)):
        if field in values:
            manager = learner_by(ctx, column, values[field])
            if manager is None:
                ctx.error(field, unknown.format(field=field, value=values[field]))
                return
            if learner is not None and manager.id == learner.id:
                ctx.error(field, msg.OWN_MANAGER.format(field=field, value=values[field]))
                return
            found[field] = manager
    if len({m.id for m in found.values()}) > 1:
        ctx.error(MANAGER_LOGIN, msg.MANAGERS_DISAGREE.format(
            fields=", ".join(found), names=", ".join(learner_name(m) for m in found.values())))
    elif found:
        columns["manager_id"] = next(iter(found.values())).id


def _login(ctx: RowContext, learner: LearnerRec | None, columns: dict[str, Any]) -> None:
    """The row's login, unless another learner has it: then the page's WARNING, and the
    learner keeps its own login or gets the first free "<login>_<n>"."""
    login = ctx.values.get(LOGIN)
    if login is None:
        return
    owner = learner_by(ctx, _LOGIN_COLUMN, login)
    if owner is None or (learner is not None and owner.id == learner.id):
        columns[_LOGIN_COLUMN] = login
        return
    if learner is not None and learner.login:
        name = learner.login
    else:
        name = next(f"{login}_{n}" for n in range(1, 1 << 30)
                    if learner_by(ctx, _LOGIN_COLUMN, f"{login}_{n}") is None)
        columns[_LOGIN_COLUMN] = name
    ctx.warning(LOGIN, msg.LOGIN_TAKEN.format(login=login, name=name))


register(SPEC.name, plan_learner, (Table.LEARNER, Table.ENTITY))
