"""What a check finds and a commit does: one plan, shown by the preview, applied by commit."""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from importer_gui.core.catalogue.actions import REGISTRATION_ACTION
from importer_gui.core.cells import Cell
from importer_gui.core.config import ImportConfig
from importer_gui.core.errors import DataFileError
from importer_gui.core.issues import OUTCOME_ORDER, Issue, Level, Outcome, outcome_totals_by_name
from importer_gui.core.records import Change, MadeColumns, Record

if TYPE_CHECKING:
    from importer_gui.core.ordering import ColumnCodes
    from importer_gui.core.overlay import Creations

NO_ISSUES: tuple[Issue, ...] = ()


class CreatedRecords(tuple):  # type: ignore[type-arg]
    """A row's several creations held as the records themselves (overlay.Creations), as a
    row's one creation is: a Change and its dict cost some 250 bytes a record (a million
    registrations: the rows creating their session took 61 MB so)."""

    __slots__ = ()

# An outcome's code in Rows.outcomes: its place in OUTCOME_ORDER.
OUTCOME_CODE: dict[Outcome, int] = {outcome: i for i, outcome in enumerate(OUTCOME_ORDER)}


@dataclass(slots=True)
class ActionResult:
    """What one action does with one row."""

    action: str
    outcome: Outcome
    issues: tuple[Issue, ...] = NO_ISSUES


@dataclass(slots=True)
class RowPlan:
    """One data row: its cells as text, each action's result, and the changes it makes."""

    line: int  # line (CSV) or row number (workbook) in the file, 1-based
    cells: tuple[Cell, ...]  # as read (dates stay dates); edited cells are text
    results: Sequence[ActionResult]  # never changed in place: rows may share them
    changes: Sequence[Change]

    @property
    def has_errors(self) -> bool:
        """True when any action found an ERROR: the row is not committed."""
        results = self.results
        if len(results) == 1:  # one action, the usual import: no generator per row
            return results[0].outcome is Outcome.ERROR
        return any(r.outcome is Outcome.ERROR for r in results)

    @property
    def outcome(self) -> Outcome:
        """The row's outcome: error if any action failed, else the first action's."""
        results = self.results
        if len(results) == 1:
            return results[0].outcome
        if self.has_errors:
            return Outcome.ERROR
        return results[0].outcome if results else Outcome.UNCHANGED

    @property
    def has_issues(self) -> bool:
        """True when any action left an issue (an error or a warning)."""
        return any(r.issues for r in self.results)

    def issues(self) -> Iterator[Issue]:
        """Every issue of every action, in order."""
        for result in self.results:
            yield from result.issues

    def issue_fields(self, level: Level | None = None) -> set[str]:
        """Fields that carry an issue (of one level, when given)."""
        return {i.field for i in self.issues() if level is None or i.level is level}


class KeptCells(Enum):
    """Which rows of a plan keep their cells: all of them where the rows are shown (the
    window, and a package written from them); where nobody looks at them again (the command
    line prints issues, never cells, and its package reads the file again as it writes it),
    only those an error log or the date-format guess reads. A million registrations' check
    then holds what it planned, not every text it read: a third of its memory."""

    ALL = "all"
    ISSUES = "issues"  # rows with an error or a warning: an error log writes their cells
    ERRORS = "errors"  # the date-format guess reads the cells of rows with errors

    @property
    def keeps_every_row(self) -> bool:
        """Whether every row keeps its cells (what a file's memory estimate counts)."""
        return self is KeptCells.ALL

    @property
    def shares_cells(self) -> bool:
        """Whether the rows read for such a plan share the cells that repeat: worth its
        look-ups where every row keeps its cells, not where few do."""
        return self.keeps_every_row

    def keeps(self, results: Sequence[ActionResult], outcome: Outcome) -> bool:
        """Whether a row with these results and this outcome keeps its cells."""
        if self is KeptCells.ALL or outcome is Outcome.ERROR:
            return True
        if self is KeptCells.ERRORS:
            return False
        # One action, the usual import: no generator per row.
        return bool(results[0].issues) if len(results) == 1 else any(r.issues for r in results)


# A row's line in 4 bytes (up to 4,294,967,295; 8 would take 4 MB more a million rows); a
# line past that, in a file of billions of blank lines, makes the array 8 bytes a line.
LINES = "I"


class Rows(Sequence[RowPlan]):
    """An import's planned rows, held compactly: a row is its line in an array and three
    references (its cells, its results, its changes), not an object of its own.

    A million rows held as RowPlan objects took 150 bytes each for the object, its line
    number, and the tuple of its one change; here they take 32. ``rows[i]`` and iteration
    give RowPlan objects made on the spot (equal, not identical, from one access to the
    next); the plan's own passes read the columns (``lines``, ``cells``, ``results``,
    ``changes``) directly. A row's one change is held as itself, without a tuple. A row
    that ``kept`` says keeps no cells holds an empty tuple in their place.
    """

    __slots__ = ("cells", "changes", "codes", "creations", "kept", "lines", "made",
                 "outcomes", "results")

    def __init__(self, rows: Iterable[RowPlan] = ()) -> None:
        self.lines = array(LINES)
        # Each row's outcome as its place in OUTCOME_ORDER: the preview filters in C on it.
        self.outcomes = bytearray()
        self.cells: list[tuple[Cell, ...]] = []
        self.results: list[Sequence[ActionResult]] = []
        # Per row: its changes; one change as itself; a record when the row's one change
        # creates it (the planner's, see overlay.Creations, which ``creations`` then is).
        self.changes: list[Any] = []
        self.creations: Creations | None = None
        # The records the part of the rows a column planner is filing created, by column,
        # while it is filed (a commit's write takes them so); None otherwise.
        self.made: MadeColumns | None = None
        self.kept = KeptCells.ALL
        # The columns of cells that repeat their texts, coded as the file was planned (by
        # their places; core/columns/codes.py): one is let go of once a cell of it changes.
        self.codes: dict[int, ColumnCodes] = {}
        for row in rows:
            self.append(row)

    def __len__(self) -> int:
        return len(self.cells)

    @overload
    def __getitem__(self, index: int) -> RowPlan: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowPlan]: ...

    def __getitem__(self, index: int | slice) -> RowPlan | list[RowPlan]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        return _held_row(self, index, self.lines[index], self.cells[index],
                         self.results[index], self.changes[index])

    def __iter__(self) -> Iterator[RowPlan]:
        for index, line, cells, results, changes in zip(
                range(len(self)), self.lines, self.cells, self.results, self.changes,
                strict=True):
            yield _held_row(self, index, line, cells, results, changes)

    def coded(self, place: int) -> ColumnCodes | None:
        """The codes of the cells at ``place``, when held for every row."""
        codes = self.codes.get(place)
        return codes if codes is not None and len(codes) == len(self.cells) else None

    def where(self, outcome: Outcome) -> Iterator[int]:
        """The places of the rows with this outcome, in order, found in C (bytes.find)."""
        outcomes, code = self.outcomes, OUTCOME_CODE[outcome]
        place = outcomes.find(code)
        while place >= 0:
            yield place
            place = outcomes.find(code, place + 1)

    def expand(self, held: Any) -> Sequence[Change]:
        """A row's changes from what is held for it."""
        return expanded(held, self.creations)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Rows({len(self)} rows)"

    def append(self, row: RowPlan) -> None:
        """Add a row at the end."""
        outcome = results_outcome(row.results)
        try:
            self.lines.append(row.line)
        except OverflowError:
            self.widen_lines().append(row.line)
        self.outcomes.append(OUTCOME_CODE[outcome])
        self.cells.append(row.cells if self.kept.keeps(row.results, outcome) else ())
        self.results.append(row.results)
        self.changes.append(_held(row.changes))

    def __setitem__(self, index: int, row: RowPlan) -> None:
        outcome = results_outcome(row.results)
        try:
            self.lines[index] = row.line
        except OverflowError:
            self.widen_lines()[index] = row.line
        self.outcomes[index] = OUTCOME_CODE[outcome]
        self.set_cells(index, row.cells if self.kept.keeps(row.results, outcome) else ())
        self.results[index] = row.results
        self.changes[index] = _held(row.changes)
        self.made = None

    def set_cells(self, index: int, cells: tuple[Cell, ...]) -> None:
        """Give row ``index`` these cells; the codes of a place whose cell changes are let
        go of."""
        old = self.cells[index]
        self.cells[index] = cells
        if self.codes:
            self.codes = {place: codes for place, codes in self.codes.items()
                          if place < min(len(old), len(cells)) and old[place] == cells[place]}

    def widen_lines(self) -> array[int]:
        """The lines as 8-byte numbers, for one past what LINES holds (a file of billions of
        blank lines, or a line the caller made up); the new array."""
        self.lines = array("q", self.lines)
        return self.lines

    def clear(self) -> None:
        """Forget every row."""
        self.lines = array(LINES)
        self.outcomes = bytearray()
        self.cells.clear()
        self.results.clear()
        self.changes.clear()
        self.made = None
        self.codes = {}

    def changes_of(self, index: int) -> Sequence[Change]:
        """Row ``index``'s changes, without making its RowPlan."""
        return self.expand(self.changes[index])


class _HeldRow(RowPlan):
    """A row made on the spot from Rows: what is set on it is written back to the Rows
    (the preview's corrections set a row's cells)."""

    __slots__ = ("_index", "_rows")

    # Its changes are what Rows holds for it, made into Change objects only when read: the
    # command line's report and the date-format guess read every row but not its changes.
    @property  # type: ignore[override]
    def changes(self) -> Sequence[Change]:
        held = _CHANGES_SLOT.__get__(self)
        rows = getattr(self, "_rows", None)  # None in a copy (dataclasses.replace): its own
        return held if rows is None else rows.expand(held)  # type: ignore[no-any-return]

    @changes.setter
    def changes(self, value: Sequence[Change]) -> None:
        _CHANGES_SLOT.__set__(self, value)

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        rows = getattr(self, "_rows", None)  # None in a copy (dataclasses.replace): its own
        if rows is not None and name in _WRITTEN_BACK:
            if name == "cells":
                rows.set_cells(self._index, value)  # type: ignore[arg-type]
                return
            column = getattr(rows, name)
            column[self._index] = _held(value) if name == "changes" else value  # type: ignore[arg-type]
            if name == "results":
                rows.outcomes[self._index] = OUTCOME_CODE[results_outcome(value)]  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RowPlan):
            return NotImplemented
        return (self.line, self.cells, self.results, self.changes) == (
            other.line, other.cells, other.results, other.changes)

    __hash__ = None  # type: ignore[assignment]


_WRITTEN_BACK = frozenset({"line", "cells", "results", "changes"})
# Slots set through their descriptors (RowPlan's own, for the four fields): a held row is
# made without running __setattr__, and its changes slot holds what Rows holds.
_CHANGES_SLOT = vars(RowPlan)["changes"]
_SET = {name: vars(RowPlan)[name].__set__ for name in ("line", "cells", "results", "changes")}
_SET |= {name: vars(_HeldRow)[name].__set__ for name in ("_rows", "_index")}
_SET_LINE, _SET_CELLS, _SET_RESULTS, _SET_CHANGES, _SET_ROWS, _SET_INDEX = _SET.values()


def _held_row(rows: Rows, index: int, line: int, cells: tuple[Cell, ...],
              results: Sequence[ActionResult], changes: Any) -> RowPlan:
    """Row ``index`` of ``rows`` as a RowPlan that writes back what is set on it."""
    row = object.__new__(_HeldRow)
    _SET_LINE(row, line)
    _SET_CELLS(row, cells)
    _SET_RESULTS(row, results)
    _SET_CHANGES(row, changes)
    _SET_ROWS(row, rows)
    _SET_INDEX(row, index)
    return row


def expanded(held: Any, creations: Creations | None, *,
             written: bool = False) -> Sequence[Change | Record]:
    """A row's changes from what Rows holds for it (a change, changes, or a created record
    and the ``creations`` that hold it); ``written``: such a record as the store writes it
    (Creations.written), not as a Change."""
    kind = type(held)
    if kind is tuple or kind is list:
        return held  # type: ignore[no-any-return]
    if kind is Change:
        return (held,)
    assert creations is not None, "a record held without the planner's creations"
    remade = creations.written if written else creations.change
    return tuple(map(remade, held)) if kind is CreatedRecords else (remade(held),)


def _held(changes: Sequence[Change]) -> Change | Sequence[Change]:
    """A row's changes as Rows holds them: one change as itself."""
    return changes[0] if len(changes) == 1 else changes


def results_have_errors(results: Sequence[ActionResult]) -> bool:
    """True when any of a row's results is an ERROR (RowPlan.has_errors, from its results)."""
    if len(results) == 1:
        return results[0].outcome is Outcome.ERROR
    return any(r.outcome is Outcome.ERROR for r in results)


def results_outcome(results: Sequence[ActionResult]) -> Outcome:
    """A row's outcome from its results (RowPlan.outcome)."""
    if len(results) == 1:
        return results[0].outcome
    if results_have_errors(results):
        return Outcome.ERROR
    return results[0].outcome if results else Outcome.UNCHANGED


@dataclass
class FileStamp:
    """Size and modification time of a data file, to notice it changed before a commit."""

    path: Path
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStamp:
        """Stamp a file as it is now."""
        st = path.stat()
        return cls(path, st.st_size, st.st_mtime_ns)

    def changed(self) -> bool:
        """True when the file is gone or differs from the stamp."""
        try:
            return FileStamp.of(self.path) != self
        except OSError:
            return True

    def gone(self) -> bool:
        """True when no file is at the stamp's path any more (moved or deleted)."""
        return not self.path.is_file()


@dataclass(frozen=True)
class ReadStamp:
    """A data file as a check found it before reading it: size, modification time and a
    digest of its bytes. A file holding it still holds the rows the check read (the time
    alone may stay the same when a file is written again within its tick, or set back)."""

    size: int
    mtime_ns: int
    digest: bytes

    @classmethod
    def of(cls, path: Path) -> ReadStamp:
        """Stamp a file as it is now (OSError when it cannot be read); stat first, so that
        a change while its bytes are read leaves a stamp no file holds."""
        st = path.stat()
        with path.open("rb") as stream:
            digest = hashlib.file_digest(stream, "blake2b").digest()
        return cls(st.st_size, st.st_mtime_ns, digest)

    def held_by(self, path: Path) -> bool:
        """True when the file at ``path`` is still the one stamped."""
        try:
            st = path.stat()
            if (st.st_size, st.st_mtime_ns) != (self.size, self.mtime_ns):
                return False
            return ReadStamp.of(path) == self
        except OSError:
            return False


@dataclass
class ImportPlan:
    """The rows of one ``<import>``.

    Rows are added and replaced through add_row and replace_row, which keep the rows per
    outcome counted: the preview and the summary show them at once, without a pass over
    100,000 rows scattered in memory (30 ms, a third of the preview's first paint).
    """

    index: int
    file: Path
    columns: list[str]  # field name per column, file order ("ignoredColumn" included)
    headers: list[str] | None  # the header line, when skipFirstLine is yes
    actions: list[str]
    rows: Rows = field(default_factory=Rows)  # a list of RowPlan is held as Rows
    stamp: FileStamp | None = None
    read: ReadStamp | None = None  # the file as the check found it before reading it
    by_columns: bool = False  # some rows planned by column (core/columns), not one by one
    _row_counts: Counter[Outcome] = field(init=False, repr=False, compare=False)
    # Each issue's count, once asked for (None before): kept up to date row by row.
    _issues: Counter[Issue] | None = field(default=None, init=False, repr=False,
                                           compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.rows, Rows):
            self.rows = Rows(self.rows)
        self._row_counts = Counter(map(results_outcome, self.rows.results))

    def add_row(self, row: RowPlan) -> None:
        """Append a row."""
        self.rows.append(row)
        self._row_counts[results_outcome(row.results)] += 1
        if self._issues is not None:
            self._issues.update(row.issues())

    def add_counts(self, counts: Counter[Outcome]) -> None:
        """Count rows put into ``rows`` directly (the planner's fast way), by outcome."""
        self._row_counts.update(counts)
        self._issues = None  # counted again when next asked

    def replace_row(self, row_index: int, row: RowPlan) -> None:
        """Put a re-checked row in place of the old one."""
        old = self.rows.results[row_index]
        self._row_counts[results_outcome(old)] -= 1
        self.rows[row_index] = row
        self._row_counts[row.outcome] += 1
        if self._issues is not None:
            self._issues.subtract(_issues_of((old,)))
            self._issues.update(row.issues())
            self._issues = +self._issues  # the issues corrected away are gone

    def issue_counts(self) -> Counter[Issue]:
        """How many rows' results hold each issue: counted once (over a million rows, too
        long a pass for the window's thread), then kept up to date."""
        if self._issues is None:
            self._issues = Counter(_issues_of(self.rows.results))
        return self._issues

    def row_counts(self) -> Counter[Outcome]:
        """Rows per outcome (a row with an error in any action counts as an error)."""
        return +self._row_counts  # a copy, without the outcomes counted down to zero

    def counts(self) -> Counter[Outcome]:
        """Outcomes per action result."""
        if len(self.actions) == 1:  # one result per row: the rows' outcomes
            return self.row_counts()
        return Counter(r.outcome for results in self.rows.results for r in results)


@dataclass
class Plan:
    """Everything a check found, in file order, ready to be shown or committed."""

    config: ImportConfig
    imports: list[ImportPlan] = field(default_factory=list)
    # The planner's view of the store at the end of the plan; rechecking one row uses it.
    planner: object | None = field(default=None, repr=False, compare=False)
    # What the check says besides rows: a new column skipped, a column matched by header.
    notices: list[str] = field(default_factory=list)
    # The identity of the store it was checked against (Store.identity): a commit from the
    # window writes only into that one.
    store_identity: str | None = field(default=None, compare=False)
    # When the check began to read the store (the user's clock): what it shows is as of then.
    checked_at: datetime = field(default_factory=datetime.now, compare=False)

    def counts(self) -> dict[str, int]:
        """Outcomes over every import, every outcome present (zero when none)."""
        return outcome_totals_by_name(imp.counts() for imp in self.imports)

    def has_errors(self) -> bool:
        """True when some row will not be committed."""
        return any(imp.row_counts()[Outcome.ERROR] for imp in self.imports)

    def skipped_rows(self) -> int:
        """Rows a commit leaves out for their errors."""
        return sum(imp.row_counts()[Outcome.ERROR] for imp in self.imports)

    def writes_anything(self) -> bool:
        """True when committing would change the store (not every row unchanged or wrong)."""
        for imp in self.imports:
            counts = imp.row_counts()
            if counts[Outcome.CREATE] or counts[Outcome.UPDATE] or counts[Outcome.DELETE]:
                return True
        return next(self.changes(), None) is not None  # a later action of a row may write

    def changes(self) -> Iterator[Change]:
        """The changes of every row without errors, in order: what a commit writes."""
        return self._changes(written=False)  # type: ignore[return-value]

    def writes(self) -> Writes:
        """``changes()`` as the store writes them: a row's creation held as its record comes
        as the record (Creations.written), without a Change made for it; sized, so that the
        writer knows how far it has got."""
        return Writes(self)

    def write_count(self) -> int:
        """How many changes ``writes()`` gives, counted from what the rows hold (a change,
        a created record, or several changes) without making them."""
        return sum(len(held) if isinstance(held, tuple | list) else 1
                   for _creations, held in self._committed())

    def _changes(self, *, written: bool) -> Iterator[Change | Record]:
        for creations, held in self._committed():
            if type(held) is Change:  # the usual row: no call for it
                yield held
            else:
                yield from expanded(held, creations, written=written)

    def _committed(self) -> Iterator[tuple[Creations | None, Any]]:
        """What each row without errors holds to commit, with its import's creations."""
        for imp in self.imports:  # read from the rows' columns: no RowPlan made per row
            rows = imp.rows
            for results, held in zip(rows.results, rows.changes, strict=True):
                if not results_have_errors(results):
                    yield rows.creations, held

    def file_not_as_read(self) -> tuple[Path, bool] | None:
        """The first data file that changed since it was read, and whether it is gone
        (moved or deleted: put back or given again, not merely read again); None when none
        did."""
        for imp in self.imports:
            if imp.stamp is not None and imp.stamp.changed():
                return imp.file, imp.stamp.gone()
        return None

    def refuse_files_not_as_read(self, gone: str, changed: str) -> None:
        """Raise DataFileError naming the first data file that is not as it was read: the
        message ``gone`` when it was moved or deleted, else ``changed`` (each says what to
        do again: a commit's, a refresh's)."""
        not_as_read = self.file_not_as_read()
        if not_as_read is not None:
            path, was_gone = not_as_read
            raise DataFileError(gone if was_gone else changed, path=path)


def outcome_counts(outcomes: bytearray, start: int = 0) -> Counter[Outcome]:
    """How many of ``outcomes`` (codes in OUTCOME_CODE), from ``start`` on, are each
    outcome; bytes.count runs in C, where counting row by row took a tenth of planning."""
    part = bytes(memoryview(outcomes)[start:])
    counts: Counter[Outcome] = Counter()
    for outcome, code in OUTCOME_CODE.items():
        count = part.count(code)
        if count:
            counts[outcome] = count
    return counts


# What a deletion by registration actions alone is said as in files and on the command line.
UNREGISTER = "unregister"
_REGISTRATIONS = frozenset({REGISTRATION_ACTION.name})


def unregisters(actions: Iterable[str]) -> bool:
    """True for registration actions alone: what their rows delete is a registration, never
    the learner, so that a deletion is said "unregister" (in files, the CLI and the window)."""
    return set(actions) == _REGISTRATIONS


def plan_unregisters(plan: Plan | None) -> bool:
    """True when every import of the plan is of registration actions alone: its deletions,
    counted together, are unregistrations."""
    return plan is not None and imports_unregister(imp.actions for imp in plan.imports)


def imports_unregister(actions_of_imports: Iterable[Iterable[str]]) -> bool:
    """True when there are imports and each ``unregisters`` (given its actions)."""
    said = [unregisters(actions) for actions in actions_of_imports]
    return bool(said) and all(said)


def recorded_unregisters(config_text: str) -> bool:
    """True when a run's recorded configuration (its text) is of imports that all
    ``unregisters``: the run's deletions, as its history says them, are unregistrations."""
    # Here: lxml is loaded only when a history holds a run that may unregister.
    from importer_gui.core import config_xml

    return imports_unregister(config_xml.import_actions(config_text))


def outcome_word(outcome: Outcome, unregistering: bool = False) -> str:
    """An outcome as files and the command line say it in English; ``unregistering`` (the
    rows' actions ``unregisters``) says a deletion "unregister"."""
    return UNREGISTER if unregistering and outcome is Outcome.DELETE else outcome.value


def issue_counts(imports: Iterable[ImportPlan]) -> list[tuple[Issue, int]]:
    """Each issue of the imports' rows and how many times it occurs: errors first, then the
    most frequent, then by field and message."""
    counts: Counter[Issue] = Counter()
    for imp in imports:
        counts.update(imp.issue_counts())
    return sorted(counts.items(), key=lambda item: (
        item[0].level is not Level.ERROR, -item[1], item[0].field, item[0].message))


def _issues_of(results_of_rows: Iterable[Sequence[ActionResult]]) -> Iterator[Issue]:
    """Every issue of these rows' results, in order."""
    return (issue for results in results_of_rows for result in results
            for issue in result.issues)


class Writes:
    """What a commit writes (Plan.writes), in order, with how many there are."""

    __slots__ = ("_count", "_plan")

    def __init__(self, plan: Plan) -> None:
        self._plan = plan
        self._count: int | None = None

    def __iter__(self) -> Iterator[Change | Record]:
        return self._plan._changes(written=True)

    def __len__(self) -> int:
        if self._count is None:
            self._count = self._plan.write_count()
        return self._count
