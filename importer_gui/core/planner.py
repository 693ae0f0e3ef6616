"""Planning rows in file order against the overlay: the engine behind check and preview."""

from __future__ import annotations

import gc
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import Any

from importer_gui.core.actions import HANDLERS, RowContext
from importer_gui.core.actions.base import read_values
from importer_gui.core.binding import BoundAction, bind_import
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.cells import Cell
from importer_gui.core.config import ImportConfig
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.plan import (
    OUTCOME_CODE,
    ActionResult,
    FileStamp,
    ImportPlan,
    Plan,
    RowPlan,
    Rows,
    expanded,
    outcome_counts,
)
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import Table as DataTable
from importer_gui.core.readers import is_workbook
from importer_gui.core.readers.budget import give_memory_back
from importer_gui.core.readers.table import is_blank
from importer_gui.core.records import Change, ChangeKind, StoreState, Table

NOT_COMMITTED = Issue.warning("", "Not committed: another action of this row has errors.")


@dataclass
class PlannerState:
    """What rechecking one row needs: the overlay, each import's bound actions, the widths
    its rows may have without a warning and the records its rows set."""

    overlay: Overlay
    bound: list[list[BoundAction]]
    widths: list[Widths] = field(default_factory=list)
    setters: list[SettingRows] = field(default_factory=list)


# What a row's action stands for: (table, record id, the field that names it); see
# RowContext.subjects.
Subjects = tuple[tuple[Table, int, str], ...]
# Given the records a row without errors sets, the warnings it gets for setting them again.
Warn = Callable[[Subjects], Sequence[Issue]]
# No warning: shared, as most rows set their records once.
_NO_WARNINGS: tuple[Issue, ...] = ()

# The warning a row gets for setting a record an earlier row of its import set, by table.
SET_AGAIN: dict[Table, str] = {
    Table.LEARNER: msg.LEARNER_SET_AGAIN, Table.TRAINING: msg.TRAINING_SET_AGAIN,
    Table.SESSION: msg.SESSION_SET_AGAIN, Table.TEACHER: msg.TEACHER_SET_AGAIN,
    Table.INTERVENTION: msg.INTERVENTION_SET_AGAIN, Table.ROOM: msg.ROOM_SET_AGAIN}

# Stored ids past this many times a table's records (and this margin) are remembered in a
# dict rather than an array of that length: a store's ids are mostly 1..n, yet one may be
# far out.
_DENSE, _MARGIN = 2, 4096


class SettingRows:
    """Which row of one import sets (creates or updates) each record, so that a later row
    setting it again is warned: the administrator seldom means a key twice in one file.

    Held as arrays, made for a table only once a row sets one of its records (a file of
    registrations sets none): while the file is planned, the last row that set each record,
    by store id and by -placeholder for the records the plan creates; and for rechecking one
    row, the record each row set. Rows are counted from 1 in them, 0 being none.
    """

    __slots__ = ("_by_row", "_created", "_far", "_stored", "overlay", "rows")

    def __init__(self, rows: Rows, overlay: Overlay) -> None:
        self.rows = rows  # the import's rows, to name an earlier row by its line
        self.overlay = overlay
        self._stored: dict[Table, array[int]] = {}
        self._created: dict[Table, array[int]] = {}
        self._far: dict[tuple[Table, int], int] = {}
        self._by_row: dict[Table, array[int]] = {}

    def warnings(self, subjects: Subjects) -> Sequence[Issue]:
        """The warnings of the row being planned (the next one of ``rows``), which sets
        ``subjects``; it is now the last row to set them."""
        row = len(self.rows.cells) + 1
        issues: Sequence[Issue] = _NO_WARNINGS
        for table, record_id, field_name in subjects:
            # _swap_last written out for the usual record, already in its array's range.
            slot = -record_id if record_id < 0 else record_id
            slots = (self._created if record_id < 0 else self._stored).get(table)
            if slots is not None and slot < len(slots):
                last = slots[slot]
                slots[slot] = row
            else:
                last = self._swap_last(table, record_id, row)
            if last and last != row:  # the same row's two actions are no repeat
                issues = [*issues, self._issue(table, field_name, last)]
            by_row = self._by_row.get(table)
            if by_row is not None and len(by_row) == row - 1:  # the usual next row: no call
                by_row.append(record_id)
            else:
                self._note(table, record_id, row)
        return issues

    def done(self) -> None:
        """The file is planned: only rechecking a row is left, which reads each row's record."""
        self._stored, self._created, self._far = {}, {}, {}

    def forget(self, index: int) -> None:
        """Row ``index`` (from 0) is planned again: it sets nothing until it says so."""
        for by_row in self._by_row.values():
            if index < len(by_row):
                by_row[index] = 0

    def again(self, index: int, subjects: Subjects) -> list[Issue]:
        """The warnings of row ``index`` (from 0), planned again, which sets ``subjects``:
        against the rows before it as they stand now."""
        row = index + 1
        issues = []
        for table, record_id, field_name in subjects:
            by_row = self._by_row.get(table)
            if by_row is not None:
                before = by_row[:index]
                before.reverse()
                with suppress(ValueError):  # raised when no row before it sets the record
                    # Looked for in C, from the nearest row back: a window's file may be long.
                    earlier = index - before.index(record_id)
                    issues.append(self._issue(table, field_name, earlier))
            self._note(table, record_id, row)
        return issues

    def _issue(self, table: Table, field_name: str, row: int) -> Issue:
        return Issue.warning(field_name, SET_AGAIN[table].format(line=self.rows.lines[row - 1]))

    def _swap_last(self, table: Table, record_id: int, row: int) -> int:
        """The last row that set a record (0: none), ``row`` from now on."""
        slot = -record_id if record_id < 0 else record_id
        slots = (self._created if record_id < 0 else self._stored).get(table)
        if slots is None or slot >= len(slots):  # the first, or past the array's end: rare
            slots = self._slots(table, record_id)
            if slots is None:  # a stored id far past the others
                last = self._far.get((table, record_id), 0)
                self._far[(table, record_id)] = row
                return last
        last = slots[slot]
        slots[slot] = row
        return last

    def _slots(self, table: Table, record_id: int) -> array[int] | None:
        """The array that holds a record's last row, long enough to hold it; None for a
        stored id too far past the table's size for an array."""
        held = self._created if record_id < 0 else self._stored
        slots = held.get(table)
        if slots is None:
            slots = held[table] = array("i")
        slot = abs(record_id)
        if slot >= len(slots):
            # Grown by half at least (amortised, like a list); stored ids up to a limit.
            wanted = max(slot + 1 - len(slots), len(slots) // 2 + 1024)
            if record_id > 0:
                limit = _DENSE * len(self.overlay.tables[table]) + _MARGIN
                if slot >= limit:
                    return None
                wanted = min(wanted, limit - len(slots))
            slots.frombytes(bytes(slots.itemsize * wanted))
        return slots

    def _note(self, table: Table, record_id: int, row: int) -> None:
        """Row ``row`` sets this record (for rechecking a row)."""
        by_row = self._by_row.get(table)
        if by_row is None:
            by_row = self._by_row[table] = array("q")
        if row <= len(by_row):
            by_row[row - 1] = record_id
            return
        if row - 1 > len(by_row):  # rows between that set none of this table's records
            by_row.frombytes(bytes(8 * (row - 1 - len(by_row))))
        by_row.append(record_id)


def is_empty_row(cells: Iterable[Cell]) -> bool:
    """True when every cell is blank: such rows are skipped."""
    for cell in cells:  # noqa: SIM110 - a loop, not all(<genexpr>): this runs per row
        if not isinstance(cell, str) or cell.strip():
            return False
    return True


def plan_row(overlay: Overlay, actions: list[BoundAction], line: int,
             cells: tuple[Cell, ...], warn: Warn | None = None) -> RowPlan:
    """Run every action on one row; a row with an error changes nothing. ``warn`` words
    the records a row without errors sets again (see SettingRows)."""
    if len(actions) == 1:
        return _plan_one(overlay, actions[0], line, cells, warn)
    results: list[ActionResult] = []
    changes: list[Change] = []
    failed = False
    given = None
    setting: list[tuple[int, Subjects]] = []  # (action's place, the records it sets)
    for action in actions:
        ctx = RowContext(action, overlay)
        ctx.given = given
        read_values(ctx, cells)
        name = action.spec.name
        outcome = HANDLERS[name].handler(ctx)
        if ctx.failed or outcome is Outcome.ERROR:
            outcome, failed = Outcome.ERROR, True
        if ctx.subjects:
            setting.append((len(results), ctx.subjects))
        results.append(_result(name, outcome, ctx.issues))
        changes += ctx.changes
        given = ctx.handing
    if not failed and warn is not None:  # a row with errors sets nothing
        for place, subjects in setting:
            warnings = warn(subjects)
            if warnings:
                result = results[place]
                results[place] = _result(result.action, result.outcome,
                                         [*result.issues, *warnings])
    row = RowPlan(line, cells, results, changes)
    if failed:  # row.has_errors, known without asking every result again
        for change in reversed(changes):
            overlay.revert(change)
        row.changes = []
        row.results = [r if r.outcome is Outcome.ERROR else
                       ActionResult(r.action, Outcome.ERROR, (*r.issues, NOT_COMMITTED))
                       for r in results]
    return row


def _plan_one(overlay: Overlay, action: BoundAction, line: int,
              cells: tuple[Cell, ...], warn: Warn | None) -> RowPlan:
    """plan_row for the usual import of one action, without gathering several results."""
    results, held, _outcome = _planned_one(overlay, action, warn, cells)
    return RowPlan(line, cells, results, expanded(held, overlay.creations))


# What a row planned into Rows gives: its results, its changes as Rows holds them (one
# change as itself, a creation as its record), and its outcome.
Planned = tuple[Sequence[ActionResult], Any, Outcome]
# Plans one row, given its cells, into those parts.
RowPlanner = Callable[[tuple[Cell, ...]], Planned]


def _planned_one(overlay: Overlay, action: BoundAction, warn: Warn | None,
                 cells: tuple[Cell, ...]) -> Planned:
    """One row of a one-action import, as the parts Rows holds (no RowPlan made)."""
    ctx = RowContext(action, overlay)
    read_values(ctx, cells)
    name = action.spec.name
    return planned(ctx, name, HANDLERS[name].handler(ctx), warn)


def planned(ctx: RowContext, name: str, outcome: Outcome, warn: Warn | None = None
            ) -> Planned:
    """A row its handler (of action ``name``) has planned, as the parts Rows holds; a row
    with an error gives its changes back to the overlay, and one without is warned by
    ``warn`` for the records it sets again."""
    overlay = ctx.overlay
    if ctx.failed or outcome is Outcome.ERROR:
        for change in reversed(ctx.changes):
            overlay.revert(change)
        return _shared_results(name, Outcome.ERROR, ctx.issues), NO_CHANGES, Outcome.ERROR
    if ctx.subjects and warn is not None and (warnings := warn(ctx.subjects)):
        ctx.issues += warnings
    changes = ctx.changes
    if not changes:
        held: Any = NO_CHANGES
    elif len(changes) == 1:
        held = change = changes[0]
        if change.kind is ChangeKind.CREATE:  # the record, not its change (overlay.Creations)
            held = overlay.creations.hold(overlay.tables[change.table][change.record_id])
    else:
        held = tuple(changes)
    return _shared_results(name, outcome, ctx.issues), held, outcome


# Results without issues, one per action and outcome: most rows share them (nothing changes
# an ActionResult once made), which saves objects per row. A one-action row shares the
# whole tuple of its results, and a row that changes nothing shares NO_CHANGES.
_CLEAN_RESULTS: dict[tuple[str, Outcome], tuple[ActionResult]] = {}
NO_CHANGES: tuple[Change, ...] = ()
# Results with issues repeat too: a file checked again after its commit says "already
# registered" on every row, and a column's mistake often repeats the same words. Rows with
# equal issues share one result (about 200 bytes a row otherwise). The table is emptied
# when full, so messages that name each row's value cannot keep the common ones out.
_SHARED_RESULTS: dict[tuple[str, Outcome, tuple[Issue, ...]], tuple[ActionResult]] = {}
SHARED_RESULTS = 4096


def _result(action: str, outcome: Outcome, issues: list[Issue]) -> ActionResult:
    """An action's result, shared with other rows' equal ones."""
    return _shared_results(action, outcome, issues)[0]


def _shared_results(action: str, outcome: Outcome, issues: list[Issue]
                    ) -> tuple[ActionResult]:
    """A one-action row's results: the tuple another row with equal ones holds, if any."""
    if not issues:
        return _clean_results(action, outcome)
    key = (action, outcome, tuple(issues))
    results = _SHARED_RESULTS.get(key)
    if results is None:
        if len(_SHARED_RESULTS) >= SHARED_RESULTS:
            _SHARED_RESULTS.clear()
        results = _SHARED_RESULTS[key] = (ActionResult(action, outcome, key[2]),)
    return results


def _clean_results(action: str, outcome: Outcome) -> tuple[ActionResult]:
    """The shared results of a one-action row with this outcome and no issue."""
    key = (action, outcome)
    results = _CLEAN_RESULTS.get(key)
    if results is None:
        results = _CLEAN_RESULTS[key] = (ActionResult(action, outcome),)
    return results


def plan_config(config: ImportConfig, state: StoreState, tables: Iterable[DataTable],
                monitor: Monitor) -> Plan:
    """Plan every row of every import, in order, each seeing what earlier rows write."""
    with paused_gc():
        return _plan_config(config, state, tables, monitor)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a plan is built; as it was afterwards.

    A plan is hundreds of thousands of small, long-lived, acyclic objects: the collector
    would walk them again and again (a sixth of a check's time) and find nothing to free.
    What happens to the finished plan's objects is the process's choice (the command line
    freezes them; see ``cli.py``), never the core's.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plan_config(config: ImportConfig, state: StoreState, tables: Iterable[DataTable],
                 monitor: Monitor) -> Plan:
    overlay = Overlay(state)
    planner = PlannerState(overlay, [])
    plan = Plan(config, planner=planner)
    for index, (imp, table) in enumerate(zip(config.imports, tables, strict=True)):
        actions = bind_import(imp)
        planner.bound.append(actions)
        imp_plan = ImportPlan(index, table.path, [c.field for c in imp.provider.columns],
                              table.headers, [a.name for a in actions],
                              stamp=FileStamp.of(table.path))
        plan.imports.append(imp_plan)
        # One per import: a record set by another file's rows is no repeat.
        setters = SettingRows(imp_plan.rows, overlay)
        planner.setters.append(setters)
        planner.widths.append(_plan_table(overlay, actions, table, imp_plan, monitor, plan,
                                          setters.warnings))
        setters.done()
    return plan


def _plan_table(overlay: Overlay, actions: list[BoundAction], table: DataTable,
                imp_plan: ImportPlan, monitor: Monitor, plan: Plan, warn: Warn) -> Widths:
    total = table.row_count_hint or 0
    what = f"Checking {Path(table.path).name}"
    rows = enumerate(table.rows(), start=1)  # blank rows are not given
    try:
        if len(actions) == 1:
            # A partial, not a lambda: one Python call less on every row.
            return plan_rows_into(imp_plan, overlay, rows,
                                  partial(_planned_one, overlay, actions[0], warn), monitor,
                                  total, what)
        add_row = imp_plan.add_row
        rows, widths = _with_widths(rows, imp_plan)
        for count, (line, cells) in rows:
            monitor.step(count, total, what)
            add_row(widths.warned(plan_row(overlay, actions, line, cells, warn)))
        return widths
    except MemoryError:
        # Free memory while the file's reader is still open (``rows`` holds it: a loop's own
        # iterator would be dropped on the way here). Closing it runs clean-up code, which
        # needs a little, and Python loops for ever when a clean-up cannot get any.
        give_memory_back()
        for planned in plan.imports:
            planned.rows.clear()
        overlay.clear()
        raise


def plan_rows_into(imp_plan: ImportPlan, overlay: Overlay,
                   rows: Iterable[tuple[int, tuple[int, tuple[Cell, ...]]]],
                   plan_one: RowPlanner, monitor: Monitor, total: int, what: str) -> Widths:
    """Rows (numbered from 1, with their lines) planned by ``plan_one`` straight into the
    plan's columns (Rows): no RowPlan is made and taken apart again per row. Returns the
    widths the rows could have without a warning."""
    held = imp_plan.rows
    held.creations = overlay.creations
    add_line, add_cells, add_outcome = held.lines.append, held.cells.append, held.outcomes.append
    add_results, add_changes = held.results.append, held.changes.append
    first = len(held.outcomes)
    try:
        rows, widths = _with_widths(rows, imp_plan)
        low, high = widths.low, widths.high
        for count, (line, cells) in rows:
            monitor.step(count, total, what)
            results, changes, outcome = plan_one(cells)
            if not low <= len(cells) <= high and (issue := widths.issue(cells)):
                results = _warned(results, issue)  # a row of unusual width: rare
            add_line(line)
            add_outcome(OUTCOME_CODE[outcome])
            add_cells(cells)
            add_results(results)
            add_changes(changes)
    except MemoryError:
        give_memory_back()  # before the clean-up below runs (see budget.RESERVE)
        raise
    finally:
        # Counted once from the outcomes' bytes (in C), not row by row.
        imp_plan.add_counts(outcome_counts(held.outcomes, first))
    return widths


# Rows read ahead to learn how many cells the file's lines usually have.
USUAL_WIDTH_ROWS = 20

NumberedRows = Iterable[tuple[int, tuple[int, tuple[Cell, ...]]]]


@dataclass(frozen=True)
class Widths:
    """The cells a row may have without a warning: from the fewer of the mapping's and the
    file's usual width to the more of them (cells past both, all blank, are no warning: a
    line ending with its delimiter)."""

    mapped: int  # the columns the configuration maps
    low: int
    high: int

    def issue(self, cells: tuple[Cell, ...]) -> Issue | None:
        """The warning a row with another number of cells gets, if any."""
        count = len(cells)
        if count < self.low:
            return Issue.warning("", msg.LINE_SHORT.format(count=count, mapped=self.mapped))
        if count > self.high and not is_blank(cells[self.high:]):
            return Issue.warning("", msg.LINE_LONG.format(count=count, mapped=self.mapped))
        return None

    def warned(self, row: RowPlan) -> RowPlan:
        """``row``, with the warning its number of cells gets, if any."""
        issue = self.issue(row.cells)
        if issue is not None:
            row.results = [*_warned(tuple(row.results), issue)]
        return row


def _with_widths(rows: NumberedRows, imp_plan: ImportPlan) -> tuple[NumberedRows, Widths]:
    """The rows (the first few read ahead, given again) and the widths they may have.

    A text file's lines usually have one width, the mapping's or not: an export with
    columns the configuration leaves unread, a trailing delimiter, a header-less file one
    column short. A row is warned about when it differs from both: cells that fell off a
    line broken in two, or a value whose delimiter shifted the rest. A workbook's row ends
    where its cells do, and its missing cells are empty ones: it is never warned about.
    """
    mapped = len(imp_plan.columns)
    if is_workbook(imp_plan.file):
        return rows, Widths(mapped, 0, sys.maxsize)
    rows = iter(rows)
    ahead = list(islice(rows, USUAL_WIDTH_ROWS))
    counts = Counter(len(cells) for _count, (_line, cells) in ahead)
    usual = counts.most_common(1)[0][0] if counts else mapped
    return chain(ahead, rows), Widths(mapped, min(mapped, usual), max(mapped, usual))


def _warned(results: Sequence[ActionResult], issue: Issue) -> tuple[ActionResult, ...]:
    """A row's results with ``issue`` first on its first action's."""
    first, *others = results
    issues = [issue, *first.issues]
    if not others:
        return _shared_results(first.action, first.outcome, issues)
    return (ActionResult(first.action, first.outcome, tuple(issues)), *others)


def recheck_row(plan: Plan, import_index: int, row_index: int,
                cells: tuple[Cell, ...]) -> RowPlan:
    """Plan one row again with new cells, against the plan's final view of the store."""
    planner = plan.planner
    assert isinstance(planner, PlannerState), "only plans made by plan_config can be rechecked"
    imp = plan.imports[import_index]
    old = imp.rows[row_index]
    for change in reversed(old.changes):
        planner.overlay.revert(change)
    # Its warning for setting a record again is worded against the other rows as they stand
    # (theirs stay as the last full check left them).
    setters = planner.setters[import_index]
    setters.forget(row_index)
    # An edited row keeps its width's warning.
    row = planner.widths[import_index].warned(
        plan_row(planner.overlay, planner.bound[import_index], old.line, cells,
                 partial(setters.again, row_index)))
    imp.replace_row(row_index, row)
    return row
