"""Planning an import by column: a file's rows read into columns by a native engine, each
field's distinct values converted once, records looked up in bulk.

Where a file and its action hold nothing the column planner cannot prove it plans as the
row planner would (``planner.plan_row``), the row planner is left to do it: the two give the
same plan, row for row, and the column planner is the faster on a large file.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

from importer_gui.core.readers import budget

if TYPE_CHECKING:
    from importer_gui.core.binding import BoundAction
    from importer_gui.core.columns.frame import Frame
    from importer_gui.core.overlay import Overlay
    from importer_gui.core.plan import ImportPlan
    from importer_gui.core.progress import Monitor
    from importer_gui.core.readers import Table
    from importer_gui.core.setting_rows import SettingRows


# False: every import is planned row by row (the tests compare both ways).
ENABLED = True


def plan_import(overlay: Overlay, actions: list[BoundAction], table: Table,
                imp_plan: ImportPlan, setters: SettingRows, monitor: Monitor,
                what: str, filed: Callable[[], None]) -> int | None:
    """Plan an import's rows by column into ``imp_plan.rows`` and the overlay, the records
    they set noted in ``setters``, ``filed`` told when a part of them is in the plan (its
    write may start); the file's width (cells a row) when done, None when the row planner
    is to plan them (nothing then changed)."""
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
        frame = read_plain(pl, table)
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return None
    if frame is None or not planner(pl, frame, actions[0], overlay, imp_plan, setters, monitor,
                                    what, filed):
        return None
    imp_plan.by_columns = True
    return frame.width


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
