"""A refresh's learners (with their entities and managers) and learning objects: each row
finds its record the way the platform names it (a GUID first, then a login, a number or a
code) and plans its creation or update, as ``refresh.py`` does for training courses.

A learner's entity is found by name (the oldest when several share it), and created at the
top of the tree when the store lacks it. A manager named before its own row is set once that
row is planned (its change goes with that row, after the manager's creation).
"""

from __future__ import annotations

from typing import Any

from importer_gui.core.actions.base import RowContext, shown_name, shown_names
from importer_gui.core.catalogue import exports as cat
from importer_gui.core.catalogue.actions import VALIDITY_MEANINGS
from importer_gui.core.issues import Outcome
from importer_gui.core.platform_io.shared import Shared, warn_if_named_before
from importer_gui.core.schema import Table

LOGIN, REF_NUMBER, EMAIL = "candidateLogin", "candidateRefNumber", "candidateEmail"
MANAGER, ENTITY, VALIDITY = "managerLogin", "entityName", "candidateValidity"
CUSTOM, CUSTOM_PREFIX = "custom", "custom:"  # a custom field, bound as custom:<GUID>
# Fields read, not kept as they are: what names other records, the validity's code.
_APART = frozenset({MANAGER, ENTITY, VALIDITY})
# The learner's columns a refresh finds it by, in the order it tries them.
FINDING = ((cat.CANDIDATE_GUID, "guid"), (LOGIN, "login"), (REF_NUMBER, "ref_number"),
            (EMAIL, "email"))
_LO_FINDING = ((cat.LO_GUID, "guid"), (cat.LO_CODE, "code"))


def columns_of(ctx: RowContext) -> dict[str, Any]:
    """The store columns the row's filled fields set as they are (custom fields aside)."""
    fields = ctx.action.fields
    return {fields[name].spec.column: value for name, value in ctx.values.items()
            if name in fields and name not in _APART and fields[name].spec.column
            and not name.startswith(CUSTOM_PREFIX)}


def found(ctx: RowContext, table: Table, finding: tuple[tuple[str, str], ...]) -> Any:
    """The record the row names: by the first filled field that finds one whose GUID is not
    another's (a record the platform knows under another GUID is another record)."""
    values, overlay = ctx.values, ctx.overlay
    guid = values.get(finding[0][0])
    for name, column in finding:
        value = values.get(name)
        if value is None:
            continue
        record = overlay.find_one(table, column, value)
        if record is not None and (guid is None or record.guid in (None, guid)):
            return record
    return None


def _named(ctx: RowContext, shared: Shared, table: Table, finding: tuple[tuple[str, str], ...],
           field: str, none_named: str) -> tuple[bool, Any]:
    """The record the row names (None: a new one), seen by the refresh; False after an error,
    or when the row fills none of ``finding`` (said on ``field`` with ``none_named``)."""
    record = found(ctx, table, finding)
    if record is not None:
        shared.seen[table].add(record.id)
    if ctx.failed:
        return False, record
    if not any(ctx.values.get(name) is not None for name, _ in finding):
        ctx.error(field, none_named.format(
            fields=shown_names(ctx.action, (name for name, _ in finding))))
        return False, record
    return True, record


# --- learners ----------------------------------------------------------------------------------

def plan_learner(ctx: RowContext, shared: Shared) -> Outcome:
    """A learner: found by GUID, login, reference number or e-mail; created or updated, with
    its entity and manager."""
    ok, learner = _named(ctx, shared, Table.LEARNER, FINDING, LOGIN, cat.NO_LEARNER_NAMED)
    if not ok or not _login_free(ctx, learner):
        return Outcome.ERROR
    if learner is not None and learner.id in shared.learners_named:
        warn_if_named_before(ctx, shared, shared.learners_named, Table.LEARNER, learner,
                             _naming(ctx))
    columns = columns_of(ctx)
    _validity(ctx, columns)
    _custom(ctx, learner, columns)
    _entity(ctx, shared, columns)
    manager = _manager(ctx, shared, learner, columns)
    if learner is None:
        change = ctx.overlay.create(Table.LEARNER, columns)
        ctx.add(change)
        learner = ctx.overlay.get(Table.LEARNER, change.record_id)
        outcome = Outcome.CREATE
    else:
        changed = ctx.add(ctx.overlay.update(Table.LEARNER, learner, columns))
        outcome = Outcome.UPDATE if changed else Outcome.UNCHANGED
    if manager is not None:
        shared.waiting.setdefault(manager, []).append((shared.row, learner.id))
    _managed(ctx, shared, learner)
    shared.learners_named[learner.id] = shared.row
    return outcome


def _naming(ctx: RowContext) -> str:
    """The first field the row fills of those a learner is found by."""
    return next((name for name, _ in FINDING if ctx.values.get(name) is not None), LOGIN)


def _login_free(ctx: RowContext, learner: Any) -> bool:
    """A learner may not take a login another learner has (the store's logins are unique)."""
    login = ctx.values.get(LOGIN)
    if login is None or (learner is not None and learner.login == login):
        return True
    other = ctx.overlay.find_one(Table.LEARNER, "login", login)
    if other is None or (learner is not None and other.id == learner.id):
        return True
    ctx.error(LOGIN, cat.LOGIN_TAKEN.format(field=shown_name(ctx.action, LOGIN), login=login,
                                            other=other.guid or other.id))
    return False


def _validity(ctx: RowContext, columns: dict[str, Any]) -> None:
    """The account's status as the store keeps it (a meaning, not the file's code)."""
    meaning = ctx.values.get(VALIDITY)
    if meaning is not None:
        columns["validity"] = VALIDITY_MEANINGS.get(meaning, meaning)


def _custom(ctx: RowContext, learner: Any, columns: dict[str, Any]) -> None:
    """The custom fields the export fills, over those the learner has."""
    given = {name[len(CUSTOM_PREFIX):]: value for name, value in ctx.values.items()
             if name.startswith(CUSTOM_PREFIX)}
    if given:
        kept = learner.custom if learner is not None and learner.custom else {}
        columns["custom"] = {**kept, **given}


def _entity(ctx: RowContext, shared: Shared, columns: dict[str, Any]) -> None:
    """The learner's entity, by name; created at the top of the tree when the store lacks it."""
    name = ctx.values.get(ENTITY)
    if name is None:
        return
    entity = ctx.overlay.find_one(Table.ENTITY, "name", name)
    if entity is None:
        change = ctx.overlay.create(Table.ENTITY, {"name": name})
        ctx.add(change)
        entity_id = change.record_id
    else:
        entity_id = entity.id
    shared.seen[Table.ENTITY].add(entity_id)
    columns["entity_id"] = entity_id


def _manager(ctx: RowContext, shared: Shared, learner: Any,
             columns: dict[str, Any]) -> str | None:
    """The manager's id in ``columns`` when the store knows it; else its login, to wait for."""
    login = ctx.values.get(MANAGER)
    if login is None:
        return None
    manager = ctx.overlay.find_one(Table.LEARNER, "login", login)
    if manager is not None and (learner is None or manager.id != learner.id):
        columns["manager_id"] = manager.id
        return None
    return login if manager is None else None


def _managed(ctx: RowContext, shared: Shared, manager: Any) -> None:
    """The learners that named this one as their manager before its row: their manager set."""
    if manager.login is None:
        return
    for _row, learner_id in shared.waiting.pop(manager.login, []):
        learner = ctx.overlay.get(Table.LEARNER, learner_id)
        if learner is not None and learner.id != manager.id:
            ctx.add(ctx.overlay.update(Table.LEARNER, learner, {"manager_id": manager.id}))


def unknown_managers(shared: Shared) -> list[tuple[int, str]]:
    """The rows whose manager no row named, with its login: (row index, login). Forgotten."""
    left = [(row, login) for login, waiting in shared.waiting.items() for row, _ in waiting]
    shared.waiting.clear()
    return sorted(left)


# --- learning objects --------------------------------------------------------------------------

def plan_learning_object(ctx: RowContext, shared: Shared) -> Outcome:
    """A learning object: found by GUID, else by code; created or updated."""
    ok, record = _named(ctx, shared, Table.LEARNING_OBJECT, _LO_FINDING, cat.LO_CODE,
                        cat.NO_LO_NAMED)
    if not ok:
        return Outcome.ERROR
    columns = columns_of(ctx)
    if record is None:
        ctx.add(ctx.overlay.create(Table.LEARNING_OBJECT, columns))
        return Outcome.CREATE
    changed = ctx.add(ctx.overlay.update(Table.LEARNING_OBJECT, record, columns))
    return Outcome.UPDATE if changed else Outcome.UNCHANGED
