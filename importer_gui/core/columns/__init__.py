"""Planning an import by column: a file's rows read into columns by a native engine, each
field's distinct values converted once, records looked up in bulk.

Where a file and its action hold nothing the column planner cannot prove it plans as the
row planner would (``planner.plan_row``), the row planner is left to do it: the two give the
same plan, row for row, and the column planner is the faster on a large file. Meetings
(``interventions``) are planned so a part of the rows at a time, from any reader's rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING

from importer_gui.core.readers import budget

if TYPE_CHECKING:
    from importer_gui.core.binding import BoundAction
    from importer_gui.core.columns.frame import Frame
    from importer_gui.core.config import Import
    from importer_gui.core.overlay import Overlay
    from importer_gui.core.plan import ImportPlan
    from importer_gui.core.progress import Monitor
    from importer_gui.core.readers import Table
    from importer_gui.core.setting_rows import SettingRows


# False: every import, and a refresh's sessions, planned row by row (the tests compare both
# ways).
ENABLED = True


def plan_import(overlay: Overlay, actions: list[BoundAction], table: Table,
                imp_plan: ImportPlan, setters: SettingRows, monitor: Monitor,
                what: str, filed: Callable[[], None]) -> int | None:
    """Plan an import's rows by column into ``imp_plan.rows`` and the overlay, the records
    they set noted in ``setters``, ``filed`` told when a part of them is in the plan (its
    write may start); the file's width (cells a row) when done, None when the row planner
    is to plan them (nothing then changed)."""
    ahead: Ahead | None = getattr(table, "ahead", None)
    if ahead is not None:
        table.ahead = None  # the planner lets go of the file's columns as it is done with them
    # A table that is no text file of its own (a sheet, rows replayed or edited) has none.
    if not ENABLED or len(actions) != 1 or getattr(table, "text", None) is None:
        return None
    planner = _planner(actions[0])
    if planner is None or budget.address_space_limit():
        # Under a limit on its address space (ulimit -v) polars' allocator may fail in
        # native code, which ends the process without a word: the row planner then.
        return None
    from importer_gui.core.columns import engine
    from importer_gui.core.columns.frame import read_plain

    pl = engine.polars()
    if pl is None:
        return None
    try:
        frame = ahead.frame if ahead is not None else read_plain(pl, table)
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return None
    if frame is None or not planner(pl, frame, actions[0], overlay, imp_plan, setters, monitor,
                                    what, filed):
        return None
    imp_plan.by_columns = True
    return frame.width


@dataclass
class Ahead:
    """A file read as columns ahead of its planning: its Frame, None when it is not plain."""

    frame: Frame | None


def may_take(imp: Import) -> bool:
    """Whether the column planner will likely plan the import (its file then read ahead)."""
    from importer_gui.core.binding import bind_import

    if not ENABLED or len(imp.actions) != 1 or budget.address_space_limit():
        return False
    try:
        actions = bind_import(imp)
    except Exception:  # the planner says what is wrong, in its turn
        return False
    return _planner(actions[0]) is not None


def read_ahead(table: Table) -> Ahead | None:
    """The table's file read as columns (``read_plain``), in the thread that opened it while
    the store is read: the planner then takes it (``plan_import``). None when polars cannot
    be used here or refuses the file: the planner then tries, or leaves it to the row
    planner, as without it."""
    from importer_gui.core.columns import engine
    from importer_gui.core.columns.frame import read_plain

    if getattr(table, "text", None) is None:  # a sheet: polars not even imported for it
        return None
    pl = engine.polars()
    if pl is None:
        return None
    try:
        return Ahead(read_plain(pl, table))
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return None


Planner = Callable[["ModuleType", "Frame", "BoundAction", "Overlay", "ImportPlan",
                    "SettingRows", "Monitor", str, Callable[[], None]], bool]


def _planner(action: BoundAction) -> Planner | None:
    """The column planner of an action, when it plans this one's rows."""
    from importer_gui.core.columns import registrations

    if action.spec.name == registrations.SPEC_NAME and registrations.takes(action):
        return registrations.plan
    from importer_gui.core.columns import trainings

    if action.spec.name == trainings.SPEC_NAME and trainings.takes(action):
        return trainings.plan
    return None
