"""What every column planner does with a file's rows: the issues of those that do not read
cleanly, the cells a plan keeps, row numbers held compactly, columns of one value."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from importer_gui.core.actions.base import RowContext, read_values
from importer_gui.core.binding import BoundAction
from importer_gui.core.columns.fields import FieldColumn
from importer_gui.core.columns.frame import PART, Frame, listed, parts
from importer_gui.core.issues import Issue
from importer_gui.core.overlay import Overlay
from importer_gui.core.plan import ActionResult, ImportPlan


def unclean_rows(pl: ModuleType, frame: Frame, action: BoundAction, overlay: Overlay,
                fields: dict[str, FieldColumn]) -> dict[int, list[Issue]] | None:
    """The issues of the rows whose cells do not all read cleanly, read as the row planner
    reads them; None when one holds a warning alone (its row goes on: the row planner's)."""
    if not fields:
        return {}
    clean = pl.DataFrame([field.clean.alias(str(i)) for i, field in
                          enumerate(fields.values())]).select(pl.all_horizontal(pl.all()))
    unclean = listed(clean.to_series().not_().arg_true())
    issues: dict[int, list[Issue]] = {}
    for index, cells in zip(unclean, frame.cells(unclean), strict=True):
        ctx = RowContext(action, overlay)
        read_values(ctx, cells)
        if not ctx.failed:
            return None
        issues[index] = ctx.issues
    return issues


def flagged(pl: ModuleType, height: int, rows: list[int]) -> Any:
    """A column of booleans, true at ``rows``."""
    flags = pl.repeat(False, height, eager=True)
    return flags.scatter(rows, True) if rows else flags


def no_ids(pl: ModuleType, height: int) -> Any:
    """A column of ids, every one null."""
    return pl.repeat(None, height, dtype=pl.Int64, eager=True)


def present(pl: ModuleType, field: FieldColumn | None, height: int) -> Any:
    """Per row, whether the field has a value (False for a field the file lacks)."""
    return pl.repeat(False, height, eager=True) if field is None else field.present()


def cells_at(frame: Frame, places: list[int]) -> list[tuple[str, ...]]:
    """Each row's cells at ``places`` (an empty tuple elsewhere)."""
    cells: list[tuple[str, ...]] = [()] * frame.height
    for row, row_cells in zip(places, frame.cells(places), strict=True):
        cells[row] = row_cells
    return cells


def numbers(column: Any, typecode: str = "q") -> array[int]:
    """A column of row numbers (or ids) as an array of ``typecode``: a million rows' numbers
    as ints would stay in the interpreter's memory after they are let go. OverflowError
    when one does not fit."""
    held = array(typecode)
    for part in parts(column):
        held.extend(part)
    return held


def file_in_parts(imp_plan: ImportPlan, frame: Frame, results: list[Sequence[ActionResult]],
                  outcomes: bytearray, cells: list[tuple[str, ...]],
                  make: Callable[[range], list[Any]], filed: Callable[[], None]) -> None:
    """The rows planned by column put in the plan as the row planner puts them (Rows), PART
    rows at a time: ``make`` gives the records a part's rows hold (a change per row), then
    the part is filed and ``filed`` told (a commit writes it while the next part is made).
    What ``make`` notes in the Rows' ``made`` is let go of once ``filed`` is told.

    ``results``, ``outcomes`` and ``cells`` (the whole frame's) are used up as their parts
    are filed: they would otherwise stay beside the plan's own through the write. The
    frame's coded columns go with the cells.
    """
    held = imp_plan.rows
    results_left, cells_left = UsedUp(results), UsedUp(cells)
    for first in range(0, frame.height, PART):
        part = range(first, min(first + PART, frame.height))
        changes = make(part)
        held.lines.extend(range(frame.first_line + part.start, frame.first_line + part.stop))
        held.outcomes += taken(outcomes, len(part))
        held.results.extend(results_left.take(len(part)))
        held.changes.extend(changes)
        held.cells.extend(cells_left.take(len(part)))
        filed()
        held.made = None
    held.codes = frame.codes


def part_changes(part: range, rows: Sequence[int], records: Sequence[Any]) -> list[Any]:
    """The changes of the rows ``part`` as file_in_parts files them: each of ``rows`` (row
    numbers within the part) holds its record, the others nothing."""
    changes: list[Any] = [()] * len(part)
    first = part.start
    for row, record in zip(rows, records, strict=True):
        changes[row - first] = record
    return changes


def taken(values: Any, count: int) -> Any:
    """The first ``count`` of ``values`` (an array, a bytearray), taken out of it: a list
    is used up by UsedUp, which does not move the rest of it at every part."""
    first = values[:count]
    del values[:count]
    return first


class UsedUp:
    """A list used up from its start a part at a time (``take``). What was taken is let go
    of in bulk, once it is as long as what is left: deleting each part from the front would
    move the rest of a long list at every part."""

    __slots__ = ("_start", "_values")

    def __init__(self, values: list[Any]) -> None:
        self._values, self._start = values, 0

    def take(self, count: int) -> list[Any]:
        """The next ``count`` values."""
        start = self._start
        part = self._values[start:start + count]
        start += count
        if 2 * start >= len(self._values):
            del self._values[:start]
            start = 0
        self._start = start
        return part


def taken_below(rows: Any, stop: int) -> Any:
    """The row numbers (in order) below ``stop`` at the start of ``rows``, taken out of it."""
    return taken(rows, bisect_left(rows, stop))


def hold_made(imp_plan: ImportPlan, overlay: Overlay, made: tuple[int, int]) -> None:
    """The records the rows make (``made``: the first placeholder id and how many from it
    down) counted as given and held by their rows (overlay.Creations), before they are."""
    overlay.hold_made(*made)
    imp_plan.rows.creations = overlay.creations
