"""The records a column of values finds, read off the overlay's indexes whole: each value
and the record the row planner's look-up finds by it."""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from importer_gui.core.actions.learners_lookup import age
from importer_gui.core.actions.registration import _TRAINING_FIELDS
from importer_gui.core.overlay import Overlay, first_filed, index_keys
from importer_gui.core.records import Table


def learners_by(overlay: Overlay, column: str) -> tuple[list[Any], list[int]]:
    """Each value of a learner column and the learner the row planner finds by it (the
    oldest of several: learners_lookup.learner_by)."""
    stored = overlay.stored(Table.LEARNER)
    if stored is not None:  # the store's columns, in the order of their ids: oldest first
        oldest: dict[Any, int] = {}
        values = index_keys(list(stored.values(column)))
        for value, record_id in zip(values, stored.ids, strict=True):
            if value is not None:
                oldest.setdefault(value, record_id)
        return list(oldest), list(oldest.values())
    groups = overlay.groups(Table.LEARNER, column, attrgetter(column))
    found = {key: group if type(group) is not dict else min(group.values(), key=age)
             for key, group in groups.items() if group}
    return list(found), [record.id for record in found.values()]


def trainings_by(overlay: Overlay, field: str) -> tuple[list[Any], list[int]]:
    """Each value of a course field (trainingPathCode, trainingId) and the course the row
    planner finds by it (the first filed: Overlay.find_one)."""
    column = _TRAINING_FIELDS[field]
    if column == "id":
        ids = list(overlay.tables[Table.TRAINING])
        return ids, ids
    groups = overlay.groups(Table.TRAINING, column, attrgetter(column))
    found = {key: first_filed(group) if type(group) is dict else group
             for key, group in groups.items() if group}
    return list(found), [record.id for record in found.values()]
