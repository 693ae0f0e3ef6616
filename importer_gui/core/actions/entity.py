"""createOrUpdateEntityAction: the organisation tree, one level per hierarchyEntityName column.

An entity is found by its name alone, anywhere in the tree (the oldest when several share
it: the platform's rule): a known name is placed under the level before it, moving it when it
was elsewhere; an unknown one is created there. The first level goes under defaultEntityId.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from importer_gui.core.actions.base import RowContext, register
from importer_gui.core.actions.learners_lookup import age
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.actions import (
    DEFAULT_ENTITY_ID,
    HIERARCHY_ENTITY_NAME,
    TRUSTED_ENTITY_NAME,
)
from importer_gui.core.catalogue.actions import ENTITY_ACTION as SPEC
from importer_gui.core.issues import Outcome
from importer_gui.core.overlay import SEVERAL
from importer_gui.core.records import ChangeKind, EntityRec, Table

# The overlay index of entities by name, shared with the learner action.
NAME_KEY = attrgetter("name")


def plan_entity(ctx: RowContext) -> Outcome:
    """Plan one row of the entity action."""
    path = _path(ctx)
    if ctx.failed or not path:
        return Outcome.ERROR
    ok, parent = default_entity(ctx, ctx.action.option_int(DEFAULT_ENTITY_ID))
    if not ok:
        return Outcome.ERROR
    for name in path:
        entity = entity_named(ctx, name)
        if entity is None:
            change = ctx.overlay.create(Table.ENTITY, {"name": name, "parent_id": parent})
            ctx.add(change)
            parent = change.record_id
            continue
        if entity.parent_id != parent and not _place(ctx, entity, parent):
            return Outcome.ERROR
        parent = entity.id
    if any(c.kind is ChangeKind.CREATE for c in ctx.changes):
        return Outcome.CREATE
    return Outcome.UPDATE if ctx.changes else Outcome.UNCHANGED


def _path(ctx: RowContext) -> list[str]:
    """The row's entity names, top level first; a filled level below an empty one is an
    error, as is an empty first level."""
    names = ctx.action.repeated(HIERARCHY_ENTITY_NAME)
    values = ctx.values
    path: list[str] = []
    for index, bound in enumerate(names):
        value = values.get(bound)
        if value is not None:
            path.append(value)
            continue
        deeper = next((b for b in names[index + 1:] if values.get(b) is not None), None)
        if deeper is not None:
            if index == 0:
                ctx.error(bound, msg.FIELD_EMPTY.format(field=HIERARCHY_ENTITY_NAME))
            else:
                ctx.error(bound, msg.ENTITY_LEVEL_EMPTY.format(field=bound, deeper=deeper,
                                                               name=values[deeper]))
            return []
        break
    if not path and not ctx.failed:
        ctx.error(names[0], msg.FIELD_EMPTY.format(field=HIERARCHY_ENTITY_NAME))
    return path


def default_entity(ctx: RowContext, wanted: int | None) -> tuple[bool, int | None]:
    """defaultEntityId's entity (``wanted``, the option's value): (ok, its id).

    While the store (and this plan) knows no entity at all, the id is taken on trust, as the
    issue takes learning objects: the store records that entity, named "Entity <id>" (the
    page's own way of showing it), so that the tree it holds has the platform's root and a
    second run of the same file finds it. Once some entity is known, an unknown id is an
    error: the platform's task fails.
    """
    overlay = ctx.overlay
    if wanted is None:
        return True, None
    if overlay.get(Table.ENTITY, wanted) is not None:
        return True, wanted
    if not overlay.tables[Table.ENTITY] and wanted >= 1:
        ctx.add(overlay.create(Table.ENTITY, {"name": TRUSTED_ENTITY_NAME.format(id=wanted)},
                               wanted))
        return True, wanted
    ctx.error(DEFAULT_ENTITY_ID, msg.DEFAULT_ENTITY_UNKNOWN.format(id=wanted))
    return False, None


def entity_named(ctx: RowContext, name: str) -> EntityRec | None:
    """The oldest entity called ``name`` (the platform's "first entity found")."""
    found = ctx.overlay.find_single(Table.ENTITY, "name", NAME_KEY, name)
    if found is SEVERAL:
        return min(ctx.overlay.find(Table.ENTITY, "name", NAME_KEY, name), key=age)
    return found


def _place(ctx: RowContext, entity: EntityRec, parent: int | None) -> bool:
    """Move a known entity under ``parent``, unless that puts it inside itself."""
    if _inside(ctx, parent, entity.id):
        parent_name = _name_of(ctx, parent)
        ctx.error(HIERARCHY_ENTITY_NAME, msg.ENTITY_UNDER_ITSELF.format(
            name=entity.name, parent=parent_name))
        return False
    ctx.warning(HIERARCHY_ENTITY_NAME, msg.ENTITY_MOVED.format(
        name=entity.name, old=_name_of(ctx, entity.parent_id), new=_name_of(ctx, parent)))
    ctx.add(ctx.overlay.update(Table.ENTITY, entity, {"parent_id": parent}))
    return True


def _inside(ctx: RowContext, node: int | None, ancestor: int) -> bool:
    """True when ``node`` is ``ancestor`` or one of its descendants."""
    seen: set[int] = set()
    while node is not None and node not in seen:
        if node == ancestor:
            return True
        seen.add(node)
        record: Any = ctx.overlay.get(Table.ENTITY, node)
        node = record.parent_id if record is not None else None
    return False


def _name_of(ctx: RowContext, entity_id: int | None) -> str:
    """An entity as a message names it."""
    record = None if entity_id is None else ctx.overlay.get(Table.ENTITY, entity_id)
    return msg.NO_PARENT if record is None else record.name


register(SPEC.name, plan_entity, (Table.ENTITY,))
