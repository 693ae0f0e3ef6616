"""Planning rows in file order against the overlay: the engine behind check and preview."""

from __future__ import annotations

import gc
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importer_gui.core import columns
from importer_gui.core.actions import HANDLERS, RowContext
from importer_gui.core.actions.base import read_values
from importer_gui.core.binding import BoundAction, bind_import
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.cells import Cell
from importer_gui.core.columns import interventions
from importer_gui.core.config import ImportConfig
from importer_gui.core.first_rows import HEAD_ROWS, file_columns, head_width
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.plan import (
    OUTCOME_CODE,
    ActionResult,
    CreatedRecords,
    FileStamp,
    ImportPlan,
    KeptCells,
    Plan,
    RowPlan,
    expanded,
    outcome_counts,
)
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import Table as DataTable
from importer_gui.core.readers import is_workbook
from importer_gui.core.readers.budget import give_memory_back
from importer_gui.core.readers.table import is_blank
from importer_gui.core.records import Change, ChangeKind, StoreState
from importer_gui.core.setting_rows import SettingRows, Subjects, Warn

if TYPE_CHECKING:
    from importer_gui.core.feeding import Feeder

NOT_COMMITTED = Issue.warning("", "Not committed: another action of this row has errors.")


@dataclass
class PlannerState:
    """What rechecking one row needs: the overlay, each import's bound actions, the widths
    its rows may have without a warning and the records its rows set."""

    overlay: Overlay
    bound: list[list[BoundAction]]
    widths: list[Widths] = field(default_factory=list)
    setters: list[SettingRows] = field(default_factory=list)


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
    elif all(change.kind is ChangeKind.CREATE for change in changes):
        hold, tables = overlay.creations.hold, overlay.tables
        held = CreatedRecords(hold(tables[c.table][c.record_id]) for c in changes)
    else:
        held = tuple(changes)
    if not ctx.issues:  # _clean_results inline: most rows
        results = _CLEAN_RESULTS.get((name, outcome))
        if results is not None:
            return results, held, outcome
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
                monitor: Monitor, feeder: Feeder | None = None, *,
                kept: KeptCells = KeptCells.ALL) -> Plan:
    """Plan every row of every import, in order, each seeing what earlier rows write (a
    ``feeder`` hands their writes to a write running alongside as they are planned; ``kept``
    says which rows keep their cells)."""
    with paused_gc():
        return _plan_config(config, state, tables, monitor, feeder, kept)


_PAUSES = [0]  # paused_gc blocks under way, in any thread
_PAUSES_LOCK = threading.Lock()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cycle collector while a plan is built, or the records it starts from are
    loaded; as it was afterwards.

    A plan, and the store's records, are hundreds of thousands of small, long-lived,
    acyclic objects: the collector would walk them again and again (a sixth of a check's
    time; a million registrations' load, a third of its own) and find nothing to free.
    What happens to the finished plan's objects is the process's choice (the command line
    freezes them; see ``cli.py``), never the core's. A process that runs its collections
    itself (the window) asks ``gc_paused`` before each.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    with _PAUSES_LOCK:
        _PAUSES[0] += 1
    try:
        yield
    finally:
        with _PAUSES_LOCK:
            _PAUSES[0] -= 1
        if was_enabled:
            gc.enable()


def gc_paused() -> bool:
    """Whether some thread is inside ``paused_gc``: a collection now would walk its plan."""
    return _PAUSES[0] > 0


def _plan_config(config: ImportConfig, state: StoreState, tables: Iterable[DataTable],
                 monitor: Monitor, feeder: Feeder | None, kept: KeptCells) -> Plan:
    overlay = Overlay(state)
    planner = PlannerState(overlay, [])
    plan = Plan(config, planner=planner)
    for index, (imp, table) in enumerate(zip(config.imports, tables, strict=True)):
        actions = bind_import(imp)
        planner.bound.append(actions)
        imp_plan = ImportPlan(index, table.path, [c.field for c in imp.provider.columns],
                              table.headers, [a.name for a in actions],
                              stamp=FileStamp.of(table.path))
        imp_plan.rows.kept = kept
        plan.imports.append(imp_plan)
        # One per import: a record set by another file's rows is no repeat.
        setters = SettingRows(imp_plan.rows, overlay)
        planner.setters.append(setters)
        planner.widths.append(_plan_table(overlay, actions, table, imp_plan, monitor, plan,
                                          setters, feeder))
        # The configuration the plan holds (which a package writes) lists the file's columns.
        del imp.provider.columns[len(imp_plan.columns):]
    return plan


def _plan_table(overlay: Overlay, actions: list[BoundAction], table: DataTable,
                imp_plan: ImportPlan, monitor: Monitor, plan: Plan, setters: SettingRows,
                feeder: Feeder | None) -> Widths:
    total = table.row_count_hint or 0
    what = f"Checking {Path(table.path).name}"
    width = _plan_by_columns(overlay, actions, table, imp_plan, monitor, what, setters, feeder)
    if width is not None:
        return width
    warn = setters.warnings
    rows = _in_file_columns(enumerate(  # blank rows not given
        table.rows(shared=imp_plan.rows.kept.shares_cells), start=1), imp_plan)
    # A partial, not a lambda: one Python call less on every row.
    plan_one = partial(_planned_one, overlay, actions[0], warn) if len(actions) == 1 else None
    if plan_one is not None and columns.ENABLED and interventions.takes(actions[0]):
        parts = interventions.parts_of(overlay, actions[0], imp_plan, setters, plan_one)
        rows, plan_one = parts.through(rows), parts.plan_one
    if feeder is not None:
        rows = feeder.through(imp_plan, rows)
    try:
        if plan_one is not None:
            return plan_rows_into(imp_plan, overlay, rows, plan_one, monitor, total, what)
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


def _plan_by_columns(overlay: Overlay, actions: list[BoundAction], table: DataTable,
                     imp_plan: ImportPlan, monitor: Monitor, what: str, setters: SettingRows,
                     feeder: Feeder | None) -> Widths | None:
    """The import planned by column (core/columns) when its file and action allow (the
    records its rows set noted in ``setters``): the widths its rows may have; None when it
    is the row planner's."""
    first = len(imp_plan.rows)
    # The rows filed so far go to the write, while the rest are made.
    filed = (lambda: None) if feeder is None else partial(feeder.planned, imp_plan)
    try:
        width = columns.plan_import(overlay, actions, table, imp_plan, setters, monitor, what,
                                    filed)
    except MemoryError:
        give_memory_back()
        raise
    if width is None:
        return None
    imp_plan.add_counts(outcome_counts(imp_plan.rows.outcomes, first))
    # The file's width as the mapping page tells it (head_width), every row ``width`` wide.
    _keep_file_columns(imp_plan, head_width(imp_plan.headers, [(0, ("",) * width)]))
    if feeder is not None:  # the rows are all planned: the write takes them from here
        feeder.planned(imp_plan)
    return Widths.around(len(imp_plan.columns), width)


def plan_rows_into(imp_plan: ImportPlan, overlay: Overlay,
                   rows: Iterable[tuple[int, tuple[int, tuple[Cell, ...]]]],
                   plan_one: RowPlanner, monitor: Monitor, total: int, what: str) -> Widths:
    """Rows (numbered from 1, with their lines) planned by ``plan_one`` straight into the
    plan's columns (Rows): no RowPlan is made and taken apart again per row. Returns the
    widths the rows could have without a warning."""
    held = imp_plan.rows
    held.creations = overlay.creations
    add_line, add_cells, add_outcome = held.lines.append, held.cells.append, held.outcomes.append
    every_row_s_cells, keeps = held.kept is KeptCells.ALL, held.kept.keeps
    keeps_some = held.kept is not KeptCells.ERRORS  # rows without errors: asked of keeps
    every = monitor.every
    add_results, add_changes = held.results.append, held.changes.append
    first = len(held.outcomes)
    try:
        rows, widths = _with_widths(rows, imp_plan)
        low, high = widths.low, widths.high
        for count, (line, cells) in rows:
            if count % every == 0:  # Monitor.step inline
                monitor.step(count, total, what)
            results, changes, outcome = plan_one(cells)
            if not low <= len(cells) <= high and (issue := widths.issue(cells)):
                results = _warned(results, issue)  # a row of unusual width: rare
            try:
                add_line(line)
            except OverflowError:  # a line past what 4 bytes hold: the lines as 8 from now
                add_line = held.widen_lines().append
                add_line(line)
            add_outcome(OUTCOME_CODE[outcome])
            add_cells(cells if every_row_s_cells or outcome is Outcome.ERROR or (
                keeps_some and keeps(results, outcome)) else ())
            add_results(results)
            add_changes(changes)
    except MemoryError:
        give_memory_back()  # before the clean-up below runs (see budget.RESERVE)
        raise
    finally:
        # Counted once from the outcomes' bytes (in C), not row by row.
        imp_plan.add_counts(outcome_counts(held.outcomes, first))
    return widths


def _in_file_columns(rows: NumberedRows, imp_plan: ImportPlan) -> NumberedRows:
    """The rows (the first few read ahead, given again), once the mapping's ignored columns
    past the file's last one are dropped from ``imp_plan``: the file's width is the mapping
    page's (its header line or widest first rows), a column the file lacks none of its."""
    rows = iter(rows)
    ahead = list(islice(rows, HEAD_ROWS))
    if ahead or imp_plan.headers:
        _keep_file_columns(imp_plan, head_width(imp_plan.headers, [row for _count, row in ahead]))
    return chain(ahead, rows)


def _keep_file_columns(imp_plan: ImportPlan, width: int) -> None:
    """Drop the mapping's ignored columns past the file's last one (``width`` columns)."""
    del imp_plan.columns[file_columns(imp_plan.columns, width):]


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

    @classmethod
    def around(cls, mapped: int, usual: int) -> Widths:
        """The widths of a file whose lines usually have ``usual`` cells."""
        return cls(mapped, min(mapped, usual), max(mapped, usual))

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
    return chain(ahead, rows), Widths.around(mapped, usual)


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
    overlay = planner.overlay
    for change in reversed(old.changes):
        # A record this row changed may be gone: the row that created it was planned again
        # (and created another). There is nothing of it left to undo; the commit plans
        # every row again anyway.
        if change.kind is ChangeKind.DELETE or change.record_id in overlay.tables[change.table]:
            overlay.revert(change)
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
