"""The steps a user takes, headless: check files against the store, then commit the plan.

The CLI and the wizard both call these, so the preview and the commit come from one plan.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from threading import Event

from importer_gui.core import columns, config_xml, guess, readers, remap
from importer_gui.core.actions import tables_of
from importer_gui.core.binding import full_access
from importer_gui.core.cells import Cell
from importer_gui.core.config import Action, Column, Import, ImportConfig, Provider
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    ConfigError,
    DataFileError,
    ImporterError,
)
from importer_gui.core.feeding import Feeder, plan_and_commit
from importer_gui.core.plan import KeptCells, Plan, RowPlan
from importer_gui.core.planner import PlannerState, is_empty_row, paused_gc, plan_config
from importer_gui.core.planner import recheck_row as _recheck_row
from importer_gui.core.progress import Monitor
from importer_gui.core.schema import Table
from importer_gui.core.store import RunInfo, Store

# Two: the machines we measure on have two cores, and the planner keeps one of them busy.
OPENING_THREADS = 2
# Seconds between two looks at the cancel while a file is measured or loaded for the check.
CANCEL_LOOK = 0.05

# Messages the window shows in the user's language (see core/errors.py).
NOT_ENOUGH_MEMORY = QT_TRANSLATE_NOOP(
    "errors", "There is not enough memory to check these files; nothing was written. Check "
              "fewer or smaller files at a time, or close other programs.")
NO_FILE_NAME = QT_TRANSLATE_NOOP("errors", "<fileName> is empty: no data file is named.")
# The window shows these too (for a name typed in its configuration editor), hence "on the
# command line" before the flag; their French, for the window only, leaves the flag out.
NO_FILE_MATCHES = QT_TRANSLATE_NOOP(
    "errors", "fileName {name} matches no file in {folder}; correct it, or choose the data file "
              "yourself (on the command line: --data).")
FILES_MATCH = QT_TRANSLATE_NOOP(
    "errors", "fileName {name} matches {count} files in {folder}; make it match one, or choose "
              "the data file yourself (on the command line: --data).")
FILE_CHANGED = QT_TRANSLATE_NOOP(
    "errors", "the file changed since it was checked; check it again before committing.")
FILE_GONE = QT_TRANSLATE_NOOP(
    "errors", "the file is no longer there (moved or deleted since it was checked): put it "
              "back, or check it again where it now is (on the command line: --data).")
# A file holding its headers alone is fine to check, but likely the wrong one (last month's
# export, or one saved before it was filled): said, not an error.
NO_ROWS = QT_TRANSLATE_NOOP("errors", "{file} holds no rows.")
# Every line one column short or more: the configuration's last fields get nothing, which a
# file of another import, mapped by position, also looks like.
LINES_NARROWER = QT_TRANSLATE_NOOP(
    "errors", "{file}: its lines hold {count} cells where the configuration maps {mapped} "
              "columns; nothing is read for {fields}.")
# A commit that would change nothing records no run (there would be nothing to revert).
NOTHING_TO_COMMIT = QT_TRANSLATE_NOOP(
    "errors", "Nothing was committed: the store already holds every row; no run was recorded.")
NOTHING_TO_COMMIT_ERRORS = QT_TRANSLATE_NOOP(
    "errors", "Nothing was committed: every row has an error or is already in the store; no "
              "run was recorded.")


@dataclass(frozen=True)
class CommitResult:
    """What a commit wrote: its run in the history and its outcomes."""

    run_id: int
    counts: dict[str, int]


def resolve_data_files(config: ImportConfig, overrides: Sequence[Path] | None = None) -> list[Path]:
    """The data file of each import: ``--data`` files first, in order, then the config's."""
    overrides = list(overrides or [])
    if len(overrides) > len(config.imports):
        raise ConfigError(_too_many_files(config.imports, overrides), path=config.source)
    return [overrides[i] if i < len(overrides) else _configured_file(config, imp)
            for i, imp in enumerate(config.imports)]


def _too_many_files(imports: Sequence[Import], overrides: Sequence[Path]) -> str:
    """'3 data files were given, ...', saying which <import> each file goes to.

    The files are laid by order, not by what they hold: the count alone does not tell which
    one is extra, or that an earlier one was left out and every later file is one import off.
    """
    taken, extra = overrides[:len(imports)], overrides[len(imports):]
    laid = [f"{path.name} to <import> {number} ({_named(imp)})"
            for number, (imp, path) in enumerate(zip(imports, taken, strict=True), start=1)]
    return (f"{len(overrides)} data files were given, but the configuration has only "
            f"{len(imports)} <import>, which take them in order: {', '.join(laid)}; "
            f"{', '.join(path.name for path in extra)} to none.")


def _named(imp: Import) -> str:
    """The file an import names, as the user wrote it in its configuration."""
    name = imp.provider.file_name
    return f"fileName {name}" if name else "no fileName"


def _configured_file(config: ImportConfig, imp: Import) -> Path:
    """The provider's file, relative to the configuration's folder; wildcards must match one."""
    provider = imp.provider
    if not provider.file_name:
        raise ConfigError(NO_FILE_NAME, path=config.source)
    target = provider.resolve(config.folder)
    if "*" not in provider.file_name and "?" not in provider.file_name:
        return target
    matches = sorted(p for p in target.parent.glob(target.name) if p.is_file())
    if len(matches) != 1:
        template = FILES_MATCH if matches else NO_FILE_MATCHES
        raise DataFileError(template.format(name=provider.file_name, count=len(matches),
                                            folder=target.parent), path=target)
    return matches[0]


@dataclass(frozen=True)
class _Source:
    """A data file as an import reads it: two imports reading it alike share one table."""

    path: Path
    encoding: str
    delimiter: str
    skip_first_line: bool
    sheet: str | None
    # How many columns the provider maps: tells a wrong delimiter exactly (readers.prepare).
    # Not part of what makes two imports read a file alike.
    columns: int | None = field(default=None, compare=False)

    @classmethod
    def of(cls, imp: Import, path: Path) -> _Source:
        """The file of ``imp``, as its provider reads it."""
        provider = imp.provider
        return cls(path, provider.file_encoding, provider.delimiter_char,
                   provider.skip_first_line, provider.sheet, len(provider.columns) or None)

    def prepare(self, budget: readers.MemoryBudget, monitor: Monitor) -> readers.Prepared:
        """Measure the file and charge its cost (Cancelled as ``monitor`` says)."""
        return readers.prepare(self.path, budget, encoding=self.encoding,
                               delimiter=self.delimiter,
                               skip_first_line=self.skip_first_line, sheet=self.sheet,
                               columns=self.columns, monitor=monitor)


class _Replayed:
    """A table several imports read: its rows are read once, then handed to each again."""

    # Read row by row for each import (DataTable.text): the file is read once.
    text = None

    def __init__(self, table: readers.Table) -> None:
        self.path = table.path
        self.headers = table.headers
        self.row_count_hint = table.row_count_hint
        self._table: readers.Table | None = table
        self._rows: list[tuple[int, tuple[Cell, ...]]] = []

    def rows(self, *, shared: bool = True) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """The rows, read from the file the first time only (then as ``shared`` says)."""
        if self._table is None:
            yield from self._rows
            return
        for row in self._table.rows(shared=shared):
            self._rows.append(row)
            yield row
        self._table = None  # read: the workbook's sheet is no longer needed


class _Loads:
    """The files being loaded, of every check, each with the event that says its check
    ended: a check cancelled returns at once, while calamine goes on loading its sheet (one
    call, which cannot be stopped). A check's loads wait for such leftovers to end, so that
    one budget's worth of sheets is loaded at a time, as when the cancel waited for them."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._under_way: list[Event] = []

    @contextmanager
    def one(self, ended: Event, monitor: Monitor) -> Iterator[None]:
        """Around one load of a check that ends with ``ended``: first waits, hearing the
        cancel, for the loads of checks that ended."""
        with self._changed:
            while any(other.is_set() for other in self._under_way):
                monitor.check_cancelled()
                self._changed.wait(CANCEL_LOOK)
            self._under_way.append(ended)
        try:
            yield
        finally:
            with self._changed:
                self._under_way.remove(ended)
                self._changed.notify_all()


_LOADS = _Loads()


def _opened(source: _Source, budget: readers.MemoryBudget, ended: Event, monitor: Monitor,
            *, after: Event | None = None, measured: Event | None = None,
            ahead: bool = False) -> readers.Table:
    """Measure a file once ``after`` is set, charge its cost, then load it (with ``ahead``,
    a text file is also read as columns for the column planner, while the store is read);
    ``measured`` is set as soon as its measurement ends, failed or not. Cancelled as
    ``monitor`` says, but for the sheet's load itself: what it loaded for a check cancelled
    meanwhile is freed here, on this thread."""
    if after is not None:
        _awaited(after, monitor)
    try:
        monitor.check_cancelled()
        prepared = source.prepare(budget, monitor)
    finally:
        if measured is not None:
            measured.set()
    with _LOADS.one(ended, monitor):
        table = prepared.open()
    if ahead and not monitor.cancelled():
        table.ahead = columns.read_ahead(table)
    if monitor.cancelled():
        del table, prepared  # its sheet, freed on this thread rather than the window's
        raise Cancelled()
    return table


def _awaited(event: Event, monitor: Monitor) -> None:
    """Wait until ``event`` is set, Cancelled as soon as ``monitor`` says so."""
    while not event.wait(CANCEL_LOOK):
        monitor.check_cancelled()


def _result(loading: Future[readers.Table], monitor: Monitor) -> readers.Table:
    """The table once measured and loaded, or Cancelled as soon as the monitor says so:
    the load then ends in its thread, which frees what it loaded."""
    while not monitor.cancelled():
        try:
            return loading.result(timeout=CANCEL_LOOK)
        except TimeoutError:
            continue
    del loading  # not held by the Cancelled's traceback: its table would be freed with it
    raise Cancelled()


def _opening(pool: ThreadPoolExecutor, sources: list[_Source], budget: readers.MemoryBudget,
             ended: Event, monitor: Monitor, measured: Event,
             ahead: AbstractSet[_Source] = frozenset(),
             ) -> dict[_Source, Future[readers.Table]]:
    """Each distinct file opened in ``pool``: the largest measured alone (``measured`` set
    then, or at once when there is none), then loaded while the others are measured and
    loaded in import order (those in ``ahead`` read as columns too).

    Measuring scans the sheet's XML with the GIL held, and calamine's load does not hold it:
    measured alone, the largest file (the longest wait of the planner) starts loading sooner,
    and the others' scans run while it loads.
    """
    distinct = list(dict.fromkeys(sources))
    if not distinct:
        measured.set()
        return {}
    largest = max(distinct, key=lambda source: _size(source.path))
    opening = {largest: pool.submit(_opened, largest, budget, ended, monitor,
                                    measured=measured, ahead=largest in ahead)}
    opening.update((source, pool.submit(_opened, source, budget, ended, monitor,
                                        after=measured, ahead=source in ahead))
                   for source in distinct if source != largest)
    return opening


def _size(path: Path) -> int:
    """The file's size in bytes (0 when it cannot be read: its reader says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _tables(sources: list[_Source], loading: dict[_Source, Future[readers.Table]],
            monitor: Monitor) -> Iterator[readers.Table | _Replayed]:
    """Each import's table, in import order; a file several imports read, read once;
    Cancelled while one is awaited as soon as ``monitor`` says so."""
    uses = Counter(sources)
    opened: dict[_Source, _Replayed] = {}
    for source in sources:
        uses[source] -= 1
        if source in opened:
            table: readers.Table | _Replayed = opened[source]
        else:
            table = _result(loading.pop(source), monitor)
            if uses[source]:
                table = opened[source] = _Replayed(table)
        if not uses[source]:
            opened.pop(source, None)
        yield table


def _read_ahead(config: ImportConfig, sources: list[_Source]) -> set[_Source]:
    """The file read as columns as soon as it is opened, while the store is read rather than
    after it: the first that one import alone reads and the column planner will likely plan.
    One only: a second one's columns would be held through the planning of the first."""
    uses = Counter(sources)
    return set(islice((source for imp, source in zip(config.imports, sources, strict=True)
                       if uses[source] == 1 and columns.may_take(imp)), 1))


@dataclass(frozen=True)
class Opening:
    """The files of a check being opened: each import's table in turn, and the event set
    once the largest file is measured."""

    tables: Iterator[readers.Table | _Replayed]
    measured: Event


@contextmanager
def opened_in_background(config: ImportConfig, files: Sequence[Path],
                         budget: readers.MemoryBudget, monitor: Monitor | None = None,
                         ) -> Iterator[Opening]:
    """Each import's table, in order: every file measured, then loaded, in worker threads
    ahead of the planner (``_opening``).

    Every file's cost (what its reader holds, what the plan keeps of it) is charged to
    ``budget`` before it is loaded, so loading them all ahead stays within it, and a file
    that would take the check past it is refused before it allocates anything. Loading a
    workbook sheet is calamine's work and releases the GIL: the files load while the store
    is read and earlier imports are planned. A file named by several imports is measured,
    loaded and read once. A missing, empty or folder path is reported at once, before any
    planning; a file that cannot be read raises its error when the planner reaches it, in
    import order, as opening them all first would.

    A cancel (``monitor``), or the check ending otherwise before every file is loaded, is
    not kept waiting for a sheet's load: it goes on in its thread, which frees it, and the
    next check's loads wait for it (``_Loads``).
    """
    for path in files:
        readers.check_file(path)
    sources = [_Source.of(imp, path) for imp, path in zip(config.imports, files, strict=True)]
    ended = Event()
    outer = monitor or Monitor()
    heard = Monitor(cancelled=lambda: ended.is_set() or outer.cancelled())
    pool = ThreadPoolExecutor(max_workers=OPENING_THREADS, thread_name_prefix="open-table")
    measured = Event()
    opening = _opening(pool, sources, budget, ended, heard, measured,
                       _read_ahead(config, sources))
    try:
        yield Opening(_tables(sources, opening, heard), measured)
    except BaseException:
        ended.set()
        opening.clear()  # a table loaded but not taken is freed here, not with the error
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    ended.set()
    pool.shutdown(wait=True, cancel_futures=True)


# The tables a check loads as columns, their records made only when something asks for them
# as records (stored_columns.py): a store's million registrations or training courses, and
# the learners registrations find, which the column planners read as columns alone.
AS_COLUMNS = frozenset({Table.LEARNER, Table.REGISTRATION, Table.TRAINING})


def tables_needed(config: ImportConfig) -> set[Table]:
    """The store tables the configuration's actions read or write: all a check loads."""
    return tables_of(action.name for action in _actions(config))


def tables_guarded(config: ImportConfig) -> set[Table]:
    """The tables whose records some action may change only if an import created them
    (fullAccess=no): the store's history is asked which those are for these alone."""
    return tables_of(action.name for action in _actions(config) if not full_access(action))


def _actions(config: ImportConfig) -> Iterator[Action]:
    """Every action of the configuration, import by import."""
    return (action for imp in config.imports for action in imp.actions)


def check(config: ImportConfig, store: Store, *, data_files: Sequence[Path] | None = None,
          monitor: Monitor | None = None, feeder: Feeder | None = None,
          kept: KeptCells = KeptCells.ALL) -> Plan:
    """Plan every row of every import against the store; nothing is written here (a
    ``feeder`` hands the rows' writes to a write running alongside as they are planned;
    ``kept`` says which rows keep their cells).

    Columns mapped by header follow their header in each file (``remap``): the
    configuration's columns are laid on the files as read (in ``config`` itself, which the
    plan holds), and the plan's notices say what was skipped.
    """
    files = resolve_data_files(config, data_files)
    notices: list[str] = []
    try:
        budget = readers.MemoryBudget(keeps_cells=kept.keeps_every_row)
        watched = monitor or Monitor()
        with opened_in_background(config, files, budget, watched) as opening:
            # The store is read once the largest file is measured (failed or not), not
            # beside it: both hold the GIL, and the store's reading lets go of it at each
            # row SQLite steps to, so that side by side each waits on the other at every row.
            _awaited(opening.measured, watched)
            with paused_gc():
                state = store.load_state(tables_needed(config), as_columns=AS_COLUMNS,
                                         created_of=tables_guarded(config))
            plan = plan_config(config, state, _remapped(config, opening.tables, notices),  # type: ignore[arg-type]
                               watched, feeder, kept=kept)
    except MemoryError as exc:
        raise _not_enough_memory(exc) from None
    plan.notices.extend(notices)
    plan.notices.extend(NO_ROWS.format(file=Path(imp.file).name)
                        for imp in plan.imports if not imp.rows)
    plan.notices.extend(_narrower_notices(plan))
    for index, fix in guess.date_fixes(plan).items():
        plan.notices.append(guess.date_fix_notice(plan, index, fix))
    plan.notices.extend(guess.windows_1252_notices(plan))
    return plan


def _narrower_notices(plan: Plan) -> list[str]:
    """What the fields a file's usual lines are too short for get (nothing): said once per
    file rather than warned on every row (a row narrower than its file's lines is)."""
    planner = plan.planner
    if not isinstance(planner, PlannerState):
        return []
    notices = []
    for imp, planned, widths in zip(plan.config.imports, plan.imports, planner.widths,
                                    strict=True):
        empty = [c.field for c in imp.provider.columns[widths.low:] if not c.ignored]
        # A workbook's row ends where its cells do: its missing cells are empty ones.
        if (widths.low < widths.mapped and empty and len(planned.rows)
                and not readers.is_workbook(planned.file)):
            notices.append(LINES_NARROWER.format(
                file=Path(planned.file).name, count=widths.low, mapped=widths.mapped,
                fields=", ".join(empty)))
    return notices


def _remapped(config: ImportConfig, tables: Iterable[readers.Table | _Replayed],
              notices: list[str]) -> Iterator[readers.Table | _Replayed]:
    """Each import's table, its columns first laid on the table's headers (the planner
    binds an import once its table is handed over); a mapped column gone is a ConfigError."""
    for imp, table in zip(config.imports, tables, strict=True):
        provider = imp.provider
        headers = table.headers if provider.skip_first_line else None
        laid = remap.remap(provider.columns, headers)
        if laid.missing:
            raise remap.missing_error(laid.missing, table.path)
        if headers and not laid.by_header:
            notices.extend(filter(None, [remap.fields_notice(provider.columns, headers,
                                                             table.path)]))
        if laid.changed:
            provider.columns = laid.columns
        notice = remap.new_notice(laid.new, table.path)
        if notice:
            notices.append(notice)
        yield table


def _not_enough_memory(exc: MemoryError) -> ImporterError:
    """The one line for a check that ran out of memory, once its half-built plan is freed.

    The frames the error went through hold that plan and the files' readers; clearing them
    outermost first frees the plan before a reader is closed, so that closing it finds the
    memory it needs (rather than failing again, and printing that it did).
    """
    traceback.clear_frames(exc.__traceback__)
    return ImporterError(NOT_ENOUGH_MEMORY)


def recheck_row(plan: Plan, import_index: int, row_index: int,
                cells: tuple[Cell, ...]) -> RowPlan:
    """Plan one edited row again; its cost does not grow with the file."""
    return _recheck_row(plan, import_index, row_index, cells)


@dataclass
class _PlannedRows:
    """An import's rows as the preview holds them (edits included), read like a data file."""

    path: Path
    headers: list[str] | None
    planned: list[RowPlan]
    # No text file is read (DataTable.text): the rows are the preview's, edits included.
    text: None = None

    @property
    def row_count_hint(self) -> int:
        """The number of rows, known in advance."""
        return len(self.planned)

    def rows(self, *, shared: bool = True) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """(line, cells) in file order; a row the user blanked is skipped, as on reading
        (the rows are held already: ``shared`` changes nothing)."""
        for row in self.planned:
            if not is_empty_row(row.cells):
                yield row.line, row.cells


def replan(plan: Plan, store: Store, *, monitor: Monitor | None = None) -> Plan:
    """Plan a preview's rows (with the user's edits) again, in order, from the store as it is.

    Re-checking one edited row cannot update the rows after it that depend on it; this full
    pass does, so a commit writes exactly what a fresh preview would show.
    """
    tables = [_PlannedRows(imp.file, imp.headers, imp.rows) for imp in plan.imports]
    try:
        with paused_gc():
            state = store.load_state(tables_needed(plan.config),
                                     created_of=tables_guarded(plan.config))
        fresh = plan_config(plan.config, state, tables, monitor or Monitor())  # type: ignore[arg-type]
    except MemoryError as exc:
        raise _not_enough_memory(exc) from None
    for old, new in zip(plan.imports, fresh.imports, strict=True):
        new.stamp = old.stamp  # the file must still be the one first read
        new.read = old.read
    fresh.notices = list(plan.notices)
    return fresh


def changed_lines(shown: Plan, fresh: Plan) -> list[tuple[int, int]]:
    """(import index, line) of rows whose outcome differs between two plans of the same rows."""
    differing: list[tuple[int, int]] = []
    for old, new in zip(shown.imports, fresh.imports, strict=True):
        if [r.line for r in old.rows] != [r.line for r in new.rows]:
            differing.extend((old.index, r.line) for r in old.rows)
            continue
        differing.extend((old.index, a.line) for a, b in zip(old.rows, new.rows, strict=True)
                         if a.outcome is not b.outcome)
    return differing


def check_and_commit(config: ImportConfig, store: Store, *,
                     data_files: Sequence[Path] | None = None, monitor: Monitor | None = None,
                     kept: KeptCells = KeptCells.ALL) -> tuple[Plan, CommitResult | None]:
    """``check``, then ``commit`` what it found (None: it changes nothing, no run); the rows
    are written as they are planned where the store allows it (``feeding.plan_and_commit``)."""
    run = RunInfo(config_path=os.path.abspath(config.source) if config.source else "",
                  config_xml="", files=[], counts={})
    plan, run_id = plan_and_commit(
        store, run, _expected_writes(config, data_files),
        lambda feeder: check(config, store, data_files=data_files, monitor=monitor,
                             feeder=feeder, kept=kept),
        lambda plan: plan, _run_info, lambda plan: commit(plan, store, monitor=monitor).run_id,
        monitor)
    return plan, None if run_id is None else CommitResult(run_id, plan.counts())


def _expected_writes(config: ImportConfig, data_files: Sequence[Path] | None) -> int:
    """About how many rows the files hold (a row takes 40 bytes or more of a text file or
    a workbook), for the write's page cache; 0 when they cannot be told yet (the check
    says why)."""
    try:
        return sum(path.stat().st_size
                   for path in resolve_data_files(config, data_files)) // 40
    except (ImporterError, OSError):
        return 0


def commit(plan: Plan, store: Store, *, monitor: Monitor | None = None) -> CommitResult:
    """Write every row without errors in one transaction, and record the run; a plan that
    changes nothing (every row wrong or already in the store) is refused, no run recorded."""
    plan.refuse_files_not_as_read(FILE_GONE, FILE_CHANGED)
    if not plan.writes_anything():
        raise ImporterError(nothing_to_commit(plan))
    run = _run_info(plan)
    return CommitResult(store.apply(plan.writes(), run, monitor=monitor), run.counts)


def _run_info(plan: Plan) -> RunInfo:
    """The run that commits ``plan``."""
    source = plan.config.source
    # Absolute: the history is read from anywhere, long after the commit's folder is gone.
    return RunInfo(config_path=os.path.abspath(source) if source else "",
                   config_xml=config_xml.dumps(plan.config),
                   files=[os.path.abspath(imp.file) for imp in plan.imports],
                   counts=plan.counts())


def nothing_to_commit(plan: Plan) -> str:
    """Why committing ``plan`` writes nothing (it changes nothing)."""
    return NOTHING_TO_COMMIT_ERRORS if plan.has_errors() else NOTHING_TO_COMMIT


def new_config(data_file: Path, action: str, columns: list[Column], *,
               sheet: str | None = None, encoding: str = "UTF-8",
               delimiter: str = "semicolon", skip_first_line: bool = True) -> ImportConfig:
    """A one-import configuration for a spreadsheet opened in the wizard."""
    provider = Provider(file_name=data_file.name, path=str(data_file.parent),
                        skip_first_line=skip_first_line,
                        file_encoding=encoding, delimiter=delimiter, columns=columns,
                        sheet=sheet)
    return ImportConfig(imports=[Import(provider=provider, actions=[Action(name=action)])])
