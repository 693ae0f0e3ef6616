"""Undo an import run: plan what reverting does to each record, then commit it as a new run.

A ``RevertPlan`` holds one row per record the run touched, grouped per table (parents first):
its values before the run, as the run left it and as it is now, and the change that puts it
back. Each record goes back to the values it had before the run: what the run created is
deleted, what it updated is restored, what it deleted comes back with its old id (ids are
never reused, so references to it stay right).

A record whose values are no longer those the run left (a later run or someone else changed
it) is a conflict: an ERROR row that the commit skips; unless it is back as before the run,
which leaves nothing to undo. So is a created record that records
staying in the store still refer to, and a record that cannot come back because what it
refers to is gone or its unique value is taken. Conflicts never stop the other records. A
conflict's issue names the platform's field, as every issue does (``field_named``: roomCapacity,
or a reference's ``session_id``), or none when it is about the whole record.

A revert that skipped conflicts leaves its run revertible for the rest: reverting it again
starts from what the run and its reverts (and theirs: a revert can be reverted) last made of
each record, so a record already put back is left alone. Only a revert that puts back every
record marks the run reverted; reverting a revert makes the run it reverted revertible again,
and reverting that one marks it reverted again (store.runs.reverted_marks says which revert
reverted each run). A revert that would change nothing is refused: it would be an empty run.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from heapq import nsmallest
from itertools import chain
from operator import methodcaller
from typing import Any, TypeVar

from importer_gui.core import schema
from importer_gui.core.catalogue.columns import field_named, record_kind
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    Cancelled,
    ImporterError,
    StoreChangedError,
    StoreError,
)
from importer_gui.core.issues import Issue, Outcome, outcome_totals_by_name
from importer_gui.core.progress import Monitor
from importer_gui.core.records import NO_VALUES, Change, ChangeKind, RecordIds, record_values
from importer_gui.core.schema import Table
from importer_gui.core.store import RunChangeRow, RunInfo, RunSummary, Store
from importer_gui.core.store.holders import known_label, named, subject
from importer_gui.core.store.queries import BATCH
from importer_gui.core.store.runs import NO_SUCH_RUN, REVERT_KIND, UNDOABLE_KINDS, revert_chain
from importer_gui.core.store.writer import reverted_meanwhile

# Parents before children: recreated in this order, deleted in the reverse one.
TABLE_ORDER: tuple[Table, ...] = (Table.TEACHER, Table.TRAINING, Table.ROOM, Table.SESSION,
                                  Table.INTERVENTION, Table.ENTITY, Table.LEARNER,
                                  Table.LEARNING_OBJECT, Table.REGISTRATION, Table.TRACKING)
MAX_NAMED = 6  # referring records named in one message (beyond, one fewer and a count)
# A revert is a run of REVERT_KIND; the records it skips as conflicts are counted as its
# errors (the JSON's "error" key) and said as "skipped" to people.
SKIPPED = "skipped"

# The conflicts' lines ({subject} "Session 'May'", or "Session 12" without a label, {later}
# " by run 5" or "", {kind} a table's name, {holder} and {ref} another record by its label
# ('zoe') or its id, {referrers} "session 'May' (run 5) and 2 more", {verb} "refers" or
# "refer") and the revert's errors, in English; the window shows them in the user's language.
DELETED_AFTER = QT_TRANSLATE_NOOP("messages", "{subject} was deleted after run {run}{later}; "
                                              "skipped.")
BACK_SINCE = QT_TRANSLATE_NOOP("messages", "{subject} is in the store again since run "
                                           "{run}{later}; skipped.")
CHANGED_AFTER = QT_TRANSLATE_NOOP("messages", "{subject} was changed after run {run}{later} "
                                              "({field} is now {now}, run {run} left {left}); "
                                              "skipped.")
VALUE_TAKEN = QT_TRANSLATE_NOOP("messages", "{subject} cannot be restored: {kind} {holder} now "
                                            "has {field} {value}; skipped.")
# The same where the other record's label is that value (a login, a code): named once.
VALUE_TAKEN_BY_ANOTHER = QT_TRANSLATE_NOOP("messages", "{subject} cannot be restored: another "
                                                       "{kind} now has {field} {value}; "
                                                       "skipped.")
STILL_REFERRED = QT_TRANSLATE_NOOP("messages", "{subject} was created by run {run}, but "
                                               "{referrers} {verb} to it; not deleted.")
REFERENCE_GONE = QT_TRANSLATE_NOOP("messages", "{subject} cannot be restored: it refers to "
                                               "{kind} {ref}, which is not in the store; "
                                               "skipped.")
REFERENCE_DELETED = QT_TRANSLATE_NOOP("messages", "{subject} cannot be restored: it refers to "
                                                  "{kind} {ref}, which run {run} deleted "
                                                  "(revert run {run} first to bring it back); "
                                                  "skipped.")
ALREADY_REVERTED = QT_TRANSLATE_NOOP("errors", "Run {run} was already reverted by run {other}; "
                                               "revert run {other} to redo it.")
NOTHING_REVERTED_ONE = QT_TRANSLATE_NOOP("errors", "Nothing was reverted: all {count} record of "
                                                   "run {run} changed since or are needed by "
                                                   "other records; nothing was written.")
NOTHING_REVERTED = QT_TRANSLATE_NOOP("errors", "Nothing was reverted: all {count} records of "
                                               "run {run} changed since or are needed by other "
                                               "records; nothing was written.")
# Reverting the later runs first, refused: a run committed since the plan changed records of
# the run again, which the plan (and the user) never saw ({later} "4", or "4, 5").
LATER_SINCE_ONE = QT_TRANSLATE_NOOP("errors", "Run {later} changed records of run {run} since "
                                              "the revert was planned; try the revert again: "
                                              "nothing was written to {path}.")
LATER_SINCE = QT_TRANSLATE_NOOP("errors", "Runs {later} changed records of run {run} since the "
                                          "revert was planned; try the revert again: nothing "
                                          "was written to {path}.")
NOTHING_LEFT = QT_TRANSLATE_NOOP("errors", "Nothing was reverted: every record of run {run} "
                                           "is already as it was before the run; nothing was "
                                           "written.")
# A run recorded with no record changed (an import or a refresh that changed nothing, as
# earlier versions recorded them): reverting it would be an empty run.
NOTHING_IN_RUN = QT_TRANSLATE_NOOP("errors", "Nothing was reverted: run {run} changed no "
                                             "record; nothing was written.")

Values = dict[str, Any]
Key = tuple[Table, int]
Labels = dict[Table, dict[int, Any]]

# ---------------------------------------------------------------- values


@dataclass(slots=True)
class RevertRow:
    """One record the run touched, and what reverting does to it."""

    table: Table
    record_id: int
    outcome: Outcome  # ERROR: a conflict, which the commit skips
    issues: tuple[Issue, ...]
    before: Values | None  # before the run, what reverting restores (None: the run created it)
    after: Values | None  # as the run left it (None: the run deleted it)
    now: Values | None  # in the store now (None: not there)

    @property
    def change(self) -> Change | None:
        """What the commit writes (None: nothing, or a conflict), made when asked: a plan
        may hold a million rows, and their changes are read once, as they are written."""
        return _undoing(self.table, self.record_id, _KIND_OF.get(self.outcome), self.before,
                        self.after)


@dataclass
class RevertTable:
    """The records of one table the run touched, in the run's order."""

    table: Table
    rows: list[RevertRow]
    counts: Counter[Outcome] = field(init=False)  # rows per outcome

    def __post_init__(self) -> None:
        self.counts = Counter(row.outcome for row in self.rows)

    @property
    def conflicts(self) -> int:
        """Records of this table the commit skips."""
        return self.counts[Outcome.ERROR]


@dataclass
class RevertPlan:
    """What reverting one run does, record by record, one table after another (parents first)."""

    run_id: int  # the run reverted
    run: RunSummary | None = None
    tables: list[RevertTable] = field(default_factory=list)
    # Later runs (newest first) that changed records of this run again, or records referring
    # to them or referred to by them (``_LaterRuns.to_revert_first``): reverting them first
    # lets this revert restore those records too.
    later_runs: list[int] = field(default_factory=list)
    newest_run: int = 0  # the store's newest run when planned: any after it, the plan never saw
    # Later runs nothing of which reverting first can revert: conflicts no run reverted
    # before them made (``plan_later_runs``); the records of this run they changed, or that
    # are linked to records they changed, stay skipped.
    later_not_reverted: list[LaterNotReverted] = field(default_factory=list)
    # The labels of the records the rows refer to, by table then id (None: a record without
    # one); a record gone from the store that the run did not touch is left out.
    labels: Labels = field(default_factory=dict)

    def rows(self) -> Iterator[RevertRow]:
        """Every record's row, table by table."""
        for table in self.tables:
            yield from table.rows

    def changes(self) -> Iterator[Change]:
        """Deletes (children first), then updates, then creates (parents first); each
        table's in the run's order, made as they are read."""
        parents_first = sorted(self.tables, key=lambda t: TABLE_ORDER.index(t.table))
        for kind, tables in ((ChangeKind.DELETE, parents_first[::-1]),
                             (ChangeKind.UPDATE, self.tables),
                             (ChangeKind.CREATE, parents_first)):
            outcome = _OUTCOMES[kind]
            for table in tables:
                for row in table.rows:
                    change = row.change if row.outcome is outcome else None
                    if change is not None:
                        yield change

    def as_read(self) -> Iterator[tuple[Table, int, Values | None]]:
        """The records the commit leaves alone (conflicts, and those already as before), as
        the plan read them: the write refuses the plan when any changed since."""
        for table in self.tables:
            for row in table.rows:
                if row.outcome not in _KIND_OF:
                    yield row.table, row.record_id, row.now

    def change_count(self) -> int:
        """How many changes the commit writes."""
        return sum(table.counts[o] for table in self.tables for o in _OUTCOMES.values())

    def counts(self) -> dict[str, int]:
        """Records per outcome, every outcome present (zero when none)."""
        return outcome_totals_by_name(table.counts for table in self.tables)

    def conflicts(self) -> int:
        """Records the commit skips."""
        return sum(table.conflicts for table in self.tables)

    def writes_nothing(self) -> bool:
        """True when reverting writes no record: the run changed none, or each is a
        conflict, or already as before the run."""
        return not self.change_count()

    def conflicts_only(self) -> bool:
        """True when every record left to revert is a conflict: skipping them reverts
        nothing."""
        return self.conflicts() > 0 and not self.change_count()

    def later_to_revert(self) -> list[int]:
        """The later runs reverting first may revert: those not known to be stuck."""
        stuck = {later.run_id for later in self.later_not_reverted}
        return [r for r in self.later_runs if r not in stuck]

    def summary(self, *, done: bool = False) -> list[str]:
        """What the preview says above the table (or, once ``done``, below the revert):
        conflicts, and which runs to revert first."""
        lines: list[str] = []
        conflicts = self.conflicts()
        run, later = self.run_id, self.later_runs
        if not done and self.conflicts_only():
            lines.append(f"{_count(conflicts, 'conflicting record')} cannot be reverted "
                         f"(changed since run {run}, or still needed by other records).")
        elif conflicts and not done:
            lines.append(f"{_count(conflicts, 'conflicting record')} will be skipped (changed "
                         f"since run {run}, or still needed by other records); the others "
                         "will be reverted.")
        elif conflicts:
            lines.append(f"{_count(conflicts, 'conflicting record')} "
                         f"{'was' if conflicts == 1 else 'were'} skipped (changed since run "
                         f"{run}, or still needed by other records); run {run} can be "
                         "reverted again for them.")
        if later and not done:
            lines.append(f"{runs_text(later).capitalize()} changed records of run {run} "
                         f"again, or records linked to them: revert {_them(later)} first to "
                         "revert those records as well.")
        elif later:
            lines.append(f"{runs_text(later).capitalize()} changed records of run {run} "
                         f"again, or records linked to them: revert {_them(later)}, then run "
                         f"{run} again, to revert those records as well.")
        if not done:
            lines.extend(stuck.said(run) for stuck in self.later_not_reverted)
        return lines


@dataclass(frozen=True)
class LaterNotReverted:
    """A later run to revert first of which nothing can be reverted: every record of it left
    to revert is a conflict (``conflicts`` of them), or none is left (0: every record of it
    is already as it was before it)."""

    run_id: int
    conflicts: int

    @property
    def nothing_left(self) -> bool:
        """True when every record of the run is already as before it: passed over."""
        return not self.conflicts

    def said(self, reverted: int) -> str:
        """What the preview of run ``reverted`` says of it, in English (the window says it in
        the user's)."""
        stays = (f"the records of run {reverted} it changed again, or that are linked to "
                 "records it changed, will stay skipped.")
        if self.nothing_left:
            return (f"Run {self.run_id} has nothing left to revert: every record of it is "
                    f"already as it was before run {self.run_id}; {stays}")
        return f"Run {self.run_id} cannot be reverted first: {self._why()}; {stays}"

    def said_after(self) -> str:
        """What became of it once the later runs were reverted first, in English."""
        if self.nothing_left:
            return (f"Run {self.run_id} had nothing left to revert: every record of it was "
                    f"already as it was before run {self.run_id}.")
        return f"Run {self.run_id} was not reverted first: {self._why()}."

    def _why(self) -> str:
        """Why nothing of it can be reverted, before or after the others were."""
        verb = "is" if self.conflicts == 1 else "are"
        return (f"its {_count(self.conflicts, 'conflicting record')} changed since run "
                f"{self.run_id}, or {verb} still needed by other records")


def meanwhile_said(later: int, by: int) -> str:
    """A later run to revert first that another program's revert reverted since the plan,
    in English."""
    return f"Run {later} was reverted meanwhile, by run {by}: it was not reverted again."


@dataclass(frozen=True)
class PassedOver:
    """The later runs to revert first that were not: reverted meanwhile (each with the run
    that did), or nothing of them could be (``revert_later_first``)."""

    meanwhile: tuple[tuple[int, int], ...] = ()
    not_reverted: tuple[LaterNotReverted, ...] = ()

    def __bool__(self) -> bool:
        """True when any later run was passed over."""
        return bool(self.meanwhile or self.not_reverted)

    def said(self) -> list[str]:
        """One sentence per run passed over, in English."""
        return [*(meanwhile_said(later, by) for later, by in self.meanwhile),
                *(later.said_after() for later in self.not_reverted)]


@dataclass(frozen=True)
class RevertResult:
    """What a committed revert wrote: its run, the run it reverted, and its outcomes."""

    run_id: int
    reverts: int
    counts: dict[str, int]
    skipped: int
    # The later runs to revert first that were passed over before this revert
    # (``revert_later_first``): what they left of this run, ``skipped`` counts.
    passed: PassedOver = PassedOver()


class NothingToRevertError(ImporterError):
    """A revert refused because it would write nothing: every record of the run left to
    revert is a conflict, or none is left, or the run changed none. Its plan may have said
    otherwise (the store changed since): plan again."""


class RevertStopped(Cancelled):
    """Cancelled after the reverts of some later runs were written, each in a transaction of
    its own, or some passed over: ``done`` says which were written (they stay, maybe none),
    ``passed`` which were passed over; the run asked for was not reverted."""

    def __init__(self, done: list[RevertResult], passed: PassedOver = PassedOver()) -> None:
        super().__init__()
        self.done = done
        self.passed = passed


class RevertInterruptedError(ImporterError):
    """An error (a store's, or a revert refused) after the reverts of some later runs were
    written, each in a transaction of its own, or some passed over: ``done`` says which were
    written (they stay), ``passed`` which were passed over, ``error`` is what stopped the
    rest; the run asked for was not reverted."""

    def __init__(self, error: ImporterError, done: list[RevertResult], run_id: int,
                 passed: PassedOver = PassedOver()) -> None:
        before = f" Before it, {_join(_reverted(done))}; run {run_id} was not." if done else ""
        super().__init__(" ".join([f"{error.message}{before}", *passed.said()]))
        self.error = error
        self.done = done
        self.passed = passed


def _reverted(done: list[RevertResult]) -> list[str]:
    """"run 3 was reverted (run 4)", one per revert written."""
    return [f"run {r.reverts} was reverted (run {r.run_id})" for r in done]


@dataclass(slots=True)
class _Entry:
    """One record the run touched: as it was before the run, after it, and now."""

    table: Table
    record_id: int
    before: Values | None  # None: the run created it
    after: Values | None  # None: the run deleted it
    current: Values | None = None  # None: not in the store now
    # What undoes the record's net change (None: nothing): its Change is made only when
    # the commit reads it (RevertRow.change), a million of them being some 80 MB.
    kind: ChangeKind | None = None
    # Tuples, empty and shared for all but conflicts: a run may touch millions of records.
    issues: tuple[Issue, ...] = ()
    referrers: tuple[Key, ...] = ()  # records that keep it from going

    @property
    def conflict(self) -> bool:
        """True when the commit skips this record."""
        return bool(self.issues)

    def target(self) -> Values | None:
        """The record's values once the revert is committed (None: not in the store)."""
        if self.kind is None or self.conflict:
            return self.current
        return self.before

    def restored(self) -> Values | None:
        """The values a create or update writes (None for a delete, or nothing to undo)."""
        if self.kind is ChangeKind.CREATE:
            return self.before or {}
        if self.kind is ChangeKind.UPDATE:
            return _put_back(self.before or {}, self.after or {})
        return None


class _Entries:
    """The records the run touched, by table, then id: a run may touch millions of records,
    and a dict keyed by (table, id) would hold a tuple of 64 bytes for each."""

    __slots__ = ("by_table",)

    def __init__(self) -> None:
        self.by_table: dict[Table, dict[int, _Entry]] = {table: {} for table in Table}

    def __len__(self) -> int:
        return sum(map(len, self.by_table.values()))

    def get(self, table: Table, record_id: int) -> _Entry | None:
        """The record's entry, or None when the run did not touch it."""
        return self.by_table[table].get(record_id)

    def add(self, entry: _Entry) -> None:
        """Hold one more record's entry."""
        self.by_table[entry.table][entry.record_id] = entry

    def values(self) -> Iterator[_Entry]:
        """Every entry, table after table, each table's in the run's order."""
        return chain.from_iterable(entries.values() for entries in self.by_table.values())

    def clear(self) -> None:
        """Let every entry go."""
        for entries in self.by_table.values():
            entries.clear()


# ---------------------------------------------------------------- planning


def plan_revert(store: Store, run_id: int, monitor: Monitor | None = None) -> RevertPlan:
    """What reverting run ``run_id`` does to each record it touched; nothing is written."""
    monitor = monitor or Monitor()
    runs = store.history()
    run = _run(store, runs, run_id)
    # Memory grows with the records the run touched, never with the whole store: the run's
    # changes are streamed, and only the records they name are read, a batch of ids at a time.
    # Every step looks for a cancel as it goes: reading a huge run's changes alone takes
    # seconds.
    entries = _entries(_watched(store.run_changes_stream(run_id), monitor))
    reverts = _reverts_of(runs, run_id)
    for revert_id in reverts:
        _revert_applied(entries, _watched(store.run_changes_stream(revert_id), monitor))
    _read_current(store, entries, monitor)
    later = _LaterRuns(store, run_id, set(reverts), monitor)
    for n, entry in enumerate(entries.values()):
        monitor.step(n, len(entries), f"Comparing the records of run {run_id} with the store")
        _plan_entry(entry, run_id, later)
    _check_unique(store, entries, monitor)
    referred = _referred_labels(store, entries, monitor)
    _check_references(entries, _Stored(store, entries, referred, monitor), run_id, later,
                      monitor)
    first = later.to_revert_first(e for e in entries.values() if e.conflict)
    return RevertPlan(run_id, run, _tables(entries), first, max(r.id for r in runs),
                      labels=referred)


_T = TypeVar("_T")


def _watched(items: Iterable[_T], monitor: Monitor) -> Iterator[_T]:
    """``items``, a cancel looked for every ``monitor.every`` of them."""
    for n, item in enumerate(items):
        if n % monitor.every == 0:
            monitor.check_cancelled()
        yield item


def _run(store: Store, runs: list[RunSummary], run_id: int) -> RunSummary:
    """The run to revert; a clear error when it is unknown or already reverted."""
    run = next((r for r in runs if r.id == run_id), None)
    if run is None:
        raise StoreError(NO_SUCH_RUN.format(path=store.path, run=run_id))
    if run.reverted_by is not None:
        raise StoreError(ALREADY_REVERTED.format(run=run_id, other=run.reverted_by))
    return run


def _entries(rows: Iterable[RunChangeRow]) -> _Entries:
    """Each record's net change over the run: its first before and its last after."""
    entries = _Entries()
    for row in rows:
        entry = entries.get(row.table, row.record_id)
        if entry is None:
            before = None if row.kind is ChangeKind.CREATE else row.before
            entry = _Entry(row.table, row.record_id, before, None)
            entries.add(entry)
        entry.after = None if row.kind is ChangeKind.DELETE else row.after
    return entries


def _reverts_of(runs: list[RunSummary], run_id: int) -> list[int]:
    """The reverts of a run, of those reverts, and so on, oldest first."""
    reverting: dict[int, list[int]] = {}
    for run in runs:
        if run.reverts_run is not None:
            reverting.setdefault(run.reverts_run, []).append(run.id)
    return sorted(revert_chain(run_id, reverting))


def _revert_applied(entries: _Entries, rows: Iterable[RunChangeRow]) -> None:
    """A revert of the run (or of one of its reverts): the records it wrote were last left
    as it left them, which is what reverting the run now starts from."""
    for row in rows:
        entry = entries.get(row.table, row.record_id)
        if entry is not None:  # a revert touches only the records of the run it reverts
            entry.after = None if row.kind is ChangeKind.DELETE else row.after


def _read_current(store: Store, entries: _Entries, monitor: Monitor) -> None:
    """Each touched record's values now, read a batch of ids at a time (None: not there)."""
    for table in TABLE_ORDER:
        touched = entries.by_table[table]
        ids = list(touched)
        for start in range(0, len(ids), BATCH):
            monitor.check_cancelled()
            for record in store.by_ids(table, ids[start:start + BATCH]):
                entry = touched[record.id]
                current = record_values(record)
                # A record as the run left it, or as it was before, shares those values:
                # one dict, not two.
                entry.current = (entry.after if current == entry.after
                                 else entry.before if current == entry.before else current)


def _plan_entry(entry: _Entry, run_id: int, later: _LaterRuns) -> None:
    """The change that undoes one record's net change, or the conflict that prevents it."""
    if entry.before == entry.after:
        return  # created and deleted by the run, or already put back: nothing to undo
    if entry.current == entry.before:
        # A later run (or another program) already left it as before the run: changed back,
        # deleted once created, or back as it was once deleted. Nothing is left to undo.
        return
    if entry.current != entry.after:
        entry.issues += tuple(_changed_issues(entry, run_id, later))
        return
    if entry.after is None:
        entry.kind = ChangeKind.CREATE
    elif entry.before is None:
        entry.kind = ChangeKind.DELETE
    elif entry.before != entry.after:
        entry.kind = ChangeKind.UPDATE


def _put_back(before: Values, after: Values) -> Values:
    """The columns an update puts back: those the run changed."""
    return {c: v for c, v in before.items() if after.get(c) != v}


def _undoing(table: Table, record_id: int, kind: ChangeKind | None, before: Values | None,
             after: Values | None) -> Change | None:
    """The change of ``kind`` that undoes a record's net change over the run."""
    if kind is ChangeKind.DELETE:
        return Change(table, kind, record_id, NO_VALUES, after or {})
    if kind is ChangeKind.UPDATE:
        return Change(table, kind, record_id, _put_back(before or {}, after or {}),
                      dict(after or {}))
    # A create shares the recorded values (nothing writes to them): no copy per record.
    return None if kind is None else Change(table, kind, record_id, before or {})


def _changed_issues(entry: _Entry, run_id: int, later: _LaterRuns) -> list[Issue]:
    """Why a record the run left one way is now another: one issue per differing column."""
    name = _subject(entry)
    by = later.by(entry.table, entry.record_id)
    if entry.current is None:
        return [Issue.error("", DELETED_AFTER.format(subject=name, run=run_id, later=by))]
    if entry.after is None:
        return [Issue.error("", BACK_SINCE.format(subject=name, run=run_id, later=by))]
    issues = []
    for column, now in entry.current.items():
        left = entry.after.get(column)
        if left != now:
            field = field_named(entry.table, column)
            issues.append(Issue.error(field, CHANGED_AFTER.format(
                subject=name, run=run_id, later=by, field=field, now=_show(now),
                left=_show(left))))
    return issues


def _subject(entry: _Entry) -> str:
    """The record as its row's messages name it: by its label as the run left it, else as
    the store holds it now, else as it was before the run ("Room 'Blue'"); by its id when
    it has none ("Registration 7"). The values are those the plan read already."""
    return subject(entry.table, entry.record_id, entry.after, entry.current, entry.before)


def _restored(entries: _Entries) -> Iterator[tuple[_Entry, Values]]:
    """The entries whose change creates or updates a record, with the values it writes."""
    for entry in entries.values():
        values = entry.restored()
        if values is not None:
            yield entry, values


def _check_unique(store: Store, entries: _Entries, monitor: Monitor) -> None:
    """A record coming back must not take a unique value another record now holds (unless
    the revert deletes that one)."""
    # Only the holders of the values coming back are read, not whole tables.
    wanted: dict[tuple[Table, str], set[Any]] = {}
    for entry, restored in _watched(_restored(entries), monitor):
        for column in schema.unique_columns(entry.table):
            value = restored.get(column)
            if value is not None:
                wanted.setdefault((entry.table, column), set()).add(value)
    holders: dict[tuple[Table, str], dict[Any, int]] = {
        (table, column): dict(store.holders(table, column, values))
        for (table, column), values in wanted.items()}
    taken: list[tuple[_Entry, str, Any, int]] = []
    for entry, restored in _watched(_restored(entries), monitor):
        for column in schema.unique_columns(entry.table):
            value = restored.get(column)
            if value is None:
                continue
            holder = holders[(entry.table, column)].get(value)
            if holder is not None and holder != entry.record_id \
                    and not _deleted(entries.get(entry.table, holder)):
                taken.append((entry, column, value, holder))
                break
    # The holders are named as the store has them now: read once, only those of conflicts.
    labels = _labels(store, {(entry.table, holder) for entry, column, _, holder in taken
                             if not _labelled_by(entry.table, column)}, monitor)
    for entry, column, value, holder in taken:
        field = field_named(entry.table, column)
        said = {"subject": _subject(entry), "kind": record_kind(entry.table), "field": field,
                "value": _show(value)}
        if _labelled_by(entry.table, column):  # its label would repeat the value
            message = VALUE_TAKEN_BY_ANOTHER.format(**said)
        else:
            message = VALUE_TAKEN.format(
                holder=named(labels.get((entry.table, holder)), holder), **said)
        entry.issues += (Issue.error(field, message),)


def _labelled_by(table: Table, column: str) -> bool:
    """Whether ``column`` is the label of ``table``'s records (a learner's login)."""
    return column == schema.table_def(table).label


def _labels(store: Store, keys: Iterable[Key], monitor: Monitor) -> dict[Key, Any]:
    """The stored records' labels, read by table (a batch of ids per query)."""
    ids: dict[Table, list[int]] = {}
    for table, record_id in keys:
        ids.setdefault(table, []).append(record_id)
    labels: dict[Key, Any] = {}
    for table, wanted in ids.items():
        monitor.check_cancelled()
        labels.update(((table, record_id), label)
                      for record_id, label in store.labels(table, wanted).items())
    return labels


def _referred_labels(store: Store, entries: _Entries, monitor: Monitor) -> Labels:
    """The labels of the records the touched ones refer to (before, after or now): a touched
    one's from its values (as ``_gone_named`` names it), another's read from the store, a
    batch of ids per query; those the store no longer holds are left out."""
    wanted: dict[Table, set[Any]] = {table: set() for table in Table}
    for table, touched in entries.by_table.items():
        references = schema.references(table)
        if not references or not touched:
            continue
        monitor.check_cancelled()
        values = [v for e in touched.values() for v in (e.before, e.after, e.current) if v]
        for column, target in references.items():
            wanted[target].update(map(methodcaller("get", column), values))
    labels: Labels = {}
    for table, ids in wanted.items():
        ids.discard(None)
        touched = entries.by_table[table]
        found = labels[table] = {
            i: known_label(table, e.after, e.current, e.before)
            for i in ids if (e := touched.get(i)) is not None}
        untouched = sorted(ids.difference(found))
        if untouched:
            monitor.check_cancelled()
            found.update(store.labels(table, untouched))
    return labels


def _deleted(entry: _Entry | None) -> bool:
    """Whether the revert deletes this record."""
    return entry is not None and entry.kind is ChangeKind.DELETE


def _check_references(entries: _Entries, stored: _Stored, run_id: int,
                      later: _LaterRuns, monitor: Monitor) -> None:
    """Skip deletes others still refer to and restores referring to what is gone, until stable."""
    while True:
        after = _AfterRevert(entries, stored, monitor)
        found = False
        for entry in _watched(entries.values(), monitor):
            if entry.kind is None or entry.conflict:
                continue
            issue = (_still_referred(entry, after, run_id, later)
                     if entry.kind is ChangeKind.DELETE
                     else _missing_reference(entry, entries, after, later))
            if issue is not None:
                entry.issues += (issue,)
                found = True
        if not found:
            return


# Deleted records whose referrers are read in one go: one query's worth. A run's own records
# refer to those it created, and are read only to be dropped (a million registrations refer
# to the sessions of their run; a training course may have hundreds of sessions).
_REFERRED_AT_ONCE = BATCH


class _Stored:
    """What the revert asks of the records it did not touch, read once, in batches of ids."""

    def __init__(self, store: Store, entries: _Entries, referred: Labels,
                 monitor: Monitor) -> None:
        # The records touched ones refer to, with their labels: one the run did not touch is
        # among them when the store holds it (``_referred_labels``).
        self.referred = referred
        self.referrers: dict[Key, list[Key]] = {}  # untouched records referring to one record
        # Records the revert deletes: which untouched records refer to them.
        deleted = {table: [record_id for record_id, entry in touched.items() if _deleted(entry)]
                   for table, touched in entries.by_table.items()}
        for table in Table:
            for column, target in schema.references(table).items():
                ids = deleted[target]
                for start in range(0, len(ids), _REFERRED_AT_ONCE):
                    monitor.check_cancelled()
                    part = ids[start:start + _REFERRED_AT_ONCE]
                    for ref, record_id in store.holders(table, column, part):
                        if entries.get(table, record_id) is None:
                            self.referrers.setdefault((target, ref), []).append(
                                (table, record_id))
        # The labels of those a message may name (the first few of each record's), read
        # once: a deleted record may have a million referrers, and many records some.
        self.labels = _labels(store, {key for found in self.referrers.values()
                                      for key in nsmallest(MAX_NAMED, found)}, monitor)


class _AfterRevert:
    """Which records exist, and what they refer to, once the revert is committed."""

    def __init__(self, entries: _Entries, stored: _Stored, monitor: Monitor) -> None:
        # The touched records still there after the revert, with their values, and the ids
        # of those gone, as bits: a dict of every touched record's values would hold some
        # 70 MB while a million deletes are checked.
        self.kept: dict[Table, dict[int, Values]] = {}
        self.gone: dict[Table, RecordIds] = {}
        for table, touched in entries.by_table.items():
            kept = self.kept[table] = {}
            gone = []
            for record_id, entry in _watched(touched.items(), monitor):
                target = entry.target()
                if target is None:
                    gone.append(record_id)
                else:
                    kept[record_id] = target
            self.gone[table] = RecordIds(gone)
        self.stored = stored
        self.monitor = monitor
        self._referrers: dict[Key, list[Key]] | None = None

    def exists(self, table: Table, record_id: int) -> bool:
        """True when the record is in the store after the revert."""
        if record_id in self.kept[table]:
            return True
        if record_id in self.gone[table]:
            return False
        return record_id in self.stored.referred.get(table, {})

    def named(self, table: Table, record_id: int) -> str:
        """A record referring to another after the revert, as a message names it, "session
        'May'" (by its id when it has no label): a touched one by its values once
        reverted, another by the store's."""
        values = self.kept[table].get(record_id)
        label = (known_label(table, values) if values is not None
                 else self.stored.labels.get((table, record_id)))
        return f"{record_kind(table)} {named(label, record_id)}"

    def referrers(self, table: Table, record_id: int) -> list[Key]:
        """Records that refer to one record after the revert, by table and id."""
        if self._referrers is None:
            self._referrers = self._index()
        return self._referrers.get((table, record_id), [])

    def _index(self) -> dict[Key, list[Key]]:
        """The references of the touched records after the revert, with the untouched ones."""
        index = {key: list(found) for key, found in self.stored.referrers.items()}
        for table in Table:
            refs = schema.references(table)
            if not refs:
                continue
            for record_id, row in _watched(self.kept[table].items(), self.monitor):
                for column, target in refs.items():
                    ref = row.get(column)
                    if ref is not None:
                        index.setdefault((target, ref), []).append((table, record_id))
        return index


def _still_referred(entry: _Entry, after: _AfterRevert, run_id: int,
                    later: _LaterRuns) -> Issue | None:
    """A created record that others staying in the store refer to is not deleted."""
    referring = after.referrers(entry.table, entry.record_id)
    if not referring:
        return None
    entry.referrers = tuple(referring)
    named = sorted(referring)
    if len(named) > MAX_NAMED:  # the rest counted: never "1 more" where its name fits
        named = named[:MAX_NAMED - 1]
    names = [f"{after.named(t, i)}{later.by(t, i, short=True)}" for t, i in named]
    if len(named) < len(referring):
        names.append(f"{len(referring) - len(named)} more")
    verb = "refers" if len(referring) == 1 else "refer"
    return Issue.error("", STILL_REFERRED.format(subject=_subject(entry), run=run_id,
                                                 referrers=_join(names), verb=verb))


def _missing_reference(entry: _Entry, entries: _Entries, after: _AfterRevert,
                       later: _LaterRuns) -> Issue | None:
    """A record restored or recreated must refer to records that are in the store; the later
    run that deleted one, still in effect, is named: reverting it brings the record back (a
    partial revert of another run may have deleted it, which no other hint points to)."""
    values = entry.before or {}
    for column, target in schema.references(entry.table).items():
        ref = values.get(column)
        if ref is not None and not after.exists(target, ref):
            subject = _subject(entry)
            gone = _gone_named(target, ref, entries, later)
            deleter = later.deleted_by(target, ref)
            if deleter is not None:
                later.named_first.add(deleter)  # the message says to revert it first
                return Issue.error(field_named(entry.table, column), REFERENCE_DELETED.format(
                    subject=subject, kind=record_kind(target), ref=gone, run=deleter))
            return Issue.error(field_named(entry.table, column), REFERENCE_GONE.format(
                subject=subject, kind=record_kind(target), ref=gone))
    return None


def _gone_named(table: Table, record_id: int, entries: _Entries, later: _LaterRuns) -> str:
    """A record not in the store once reverted, as a message names it: by its label as
    this run left it (else as it is now, or was before), or as the later run that deleted
    it last had it; by its id when none of them knew one ('Acme', or 12)."""
    gone = entries.get(table, record_id)
    if gone is not None:
        return named(known_label(table, gone.after, gone.current, gone.before), record_id)
    return named(later.deleted_label(table, record_id), record_id)


class _LaterRuns:
    """The runs after the reverted one and the records each touched, read only when needed."""

    def __init__(self, store: Store, run_id: int, reverts: set[int], monitor: Monitor) -> None:
        self.store = store
        self.monitor = monitor  # reading the later runs' changes looks for a cancel
        self.run_id = run_id
        self.reverts = reverts  # the run's own reverts: what they did is the run's "after"
        self._touched: dict[Key, list[int]] | None = None
        self._deleted: dict[Key, int] = {}  # records whose last later change was a delete
        self._deleted_labels: dict[Key, Any] = {}  # their labels as that delete found them
        self._runs: dict[int, RunSummary] = {}
        # Runs a conflict's message tells to revert first (REFERENCE_DELETED): they deleted
        # what it refers to, and may be reverts, which reverting brings that record back.
        self.named_first: set[int] = set()

    def touched(self, table: Table, record_id: int) -> list[int]:
        """Later runs (oldest first) that changed one record."""
        if self._touched is None:
            self._touched = self._load()
        return self._touched.get((table, record_id), [])

    def _load(self) -> dict[Key, list[int]]:
        """Every record each later run changed."""
        touched: dict[Key, list[int]] = {}
        runs = sorted((r for r in self.store.history()
                       if r.id > self.run_id and r.id not in self.reverts), key=lambda r: r.id)
        for run in runs:
            self._runs[run.id] = run
            for row in _watched(self.store.run_changes_stream(run.id), self.monitor):
                key = (row.table, row.record_id)
                found = touched.setdefault(key, [])
                if not found or found[-1] != run.id:
                    found.append(run.id)
                if row.kind is ChangeKind.DELETE:
                    self._deleted[key] = run.id
                    self._deleted_labels[key] = known_label(row.table, row.before)
                else:
                    self._deleted.pop(key, None)
                    self._deleted_labels.pop(key, None)
        return touched

    def deleted_by(self, table: Table, record_id: int) -> int | None:
        """The later run that deleted a record, while it is not wholly reverted (of any
        kind: reverting a revert that deleted it brings it back too)."""
        self.touched(table, record_id)  # the later runs, read once
        run_id = self._deleted.get((table, record_id))
        if run_id is None or self._runs[run_id].reverted_by is not None:
            return None
        return run_id

    def deleted_label(self, table: Table, record_id: int) -> Any:
        """The label of a record a later run deleted last, as it had it (None: no later run
        deleted it, or it had none)."""
        self.touched(table, record_id)  # the later runs, read once
        return self._deleted_labels.get((table, record_id))

    def by(self, table: Table, record_id: int, *, short: bool = False) -> str:
        """" by run 5" (or " (run 5)") when later runs changed the record, else nothing."""
        runs = self.touched(table, record_id)
        if not runs:
            return ""
        text = runs_text(runs)
        return f" ({text})" if short else f" by {text}"

    def to_revert_first(self, conflicts: Iterable[_Entry]) -> list[int]:
        """Later import or refresh runs, still in effect, that changed conflicting records,
        and the runs the conflicts' messages tell to revert first: newest first."""
        wanted: set[int] = set()
        for entry in conflicts:
            for table, record_id in [(entry.table, entry.record_id), *entry.referrers]:
                wanted.update(self.touched(table, record_id))
        return sorted({r for r in wanted if self._in_effect(r)} | self.named_first,
                      reverse=True)

    def _in_effect(self, run_id: int) -> bool:
        """An import or refresh run not reverted yet (reverting a revert would redo an older
        run)."""
        run = self._runs.get(run_id)
        return run is not None and run.kind in UNDOABLE_KINDS and run.reverted_by is None


def _tables(entries: _Entries) -> list[RevertTable]:
    """The records' rows, one table after another (parents first), each in the run's order;
    ``entries`` is emptied, and each entry let go of once its row is made: a run may touch
    millions of records, which were held twice over otherwise."""
    groups: dict[Table, list[_Entry]] = {table: [] for table in TABLE_ORDER}
    for entry in entries.values():
        group = groups.get(entry.table)
        if group is not None:
            group.append(entry)
    entries.clear()
    tables: list[RevertTable] = []
    for table, group in groups.items():
        group.reverse()  # popped from its end: in the run's order
        rows = [_row(group.pop()) for _ in range(len(group))]
        if rows:
            tables.append(RevertTable(table, rows))
    return tables


def _row(entry: _Entry) -> RevertRow:
    """A record's row: its values, what reverting does, and why it cannot (a conflict)."""
    return RevertRow(entry.table, entry.record_id, _outcome(entry), tuple(entry.issues),
                     entry.before, entry.after, entry.current)


_OUTCOMES = {ChangeKind.CREATE: Outcome.CREATE, ChangeKind.UPDATE: Outcome.UPDATE,
             ChangeKind.DELETE: Outcome.DELETE}
_KIND_OF = {outcome: kind for kind, outcome in _OUTCOMES.items()}


def _outcome(entry: _Entry) -> Outcome:
    """What reverting does to the record."""
    if entry.conflict:
        return Outcome.ERROR
    if entry.kind is None:
        return Outcome.UNCHANGED
    return _OUTCOMES[entry.kind]


# ---------------------------------------------------------------- committing


def counts_said(kind: str, counts: dict[str, int]) -> dict[str, int]:
    """A run's counts under the words people read: a revert's errors are what it skipped."""
    if kind != REVERT_KIND:
        return counts
    return {(SKIPPED if name == Outcome.ERROR.value else name): n for name, n in counts.items()}


# What a revert writes, in the order it is said ("2 deleted, 1 restored"); then what it left.
REVERT_WRITES = (Outcome.DELETE.value, Outcome.UPDATE.value, Outcome.CREATE.value)
REVERT_ORDER = (*REVERT_WRITES, Outcome.UNCHANGED.value, SKIPPED)
# Their words in English: the window says them in the user's language (ui RunCounts).
_REVERT_WORDS = {Outcome.DELETE.value: "deleted", Outcome.UPDATE.value: "restored",
                 Outcome.CREATE.value: "recreated", Outcome.UNCHANGED.value: "unchanged",
                 SKIPPED: "skipped"}


def revert_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """A revert's counts as people read them, in its order and none at zero; a count a later
    version records comes after them."""
    said = counts_said(REVERT_KIND, counts)
    order = [*REVERT_ORDER, *(name for name in said if name not in REVERT_ORDER)]
    return [(name, n) for name in order if (n := said.get(name, 0))]


def revert_counts_text(counts: dict[str, int]) -> str:
    """"2 deleted, 1 restored": a revert's counts as the History says them, in English."""
    return ", ".join(f"{n} {_REVERT_WORDS[name]}" if name in _REVERT_WORDS else f"{name} {n}"
                     for name, n in revert_counts(counts))


def commit_revert(store: Store, plan: RevertPlan, monitor: Monitor | None = None) -> RevertResult:
    """Write the plan's changes (conflicts skipped) in one transaction, as a revert run; a
    StoreChangedError when a record the plan read changed since, or the run was reverted
    meanwhile (RevertedMeanwhileError): the plan is stale, and nothing is written."""
    changes = _Changes(plan)
    skipped = plan.conflicts()
    if not len(changes) and skipped:
        template = NOTHING_REVERTED_ONE if skipped == 1 else NOTHING_REVERTED
        raise NothingToRevertError(template.format(count=skipped, run=plan.run_id))
    if not len(changes):  # a revert that changes nothing is no run
        template = NOTHING_LEFT if plan.tables else NOTHING_IN_RUN
        raise NothingToRevertError(template.format(run=plan.run_id))
    run = plan.run
    counts = plan.counts()
    # Skipped records (counted as errors) leave the run revertible for them: the store
    # marks it reverted only after a whole revert (runs.reverted_marks).
    info = RunInfo(config_path=run.config if run else "", config_xml="",
                   files=list(run.files) if run else [], counts=counts, kind=REVERT_KIND,
                   reverts_run=plan.run_id)
    run_id = store.apply(changes, info, monitor=monitor, as_read=plan.as_read())
    return RevertResult(run_id, plan.run_id, counts, skipped)


class _Changes:
    """A plan's changes as the store writes them: counted, and made anew each time they are
    read (a million rows' changes are never held all at once)."""

    def __init__(self, plan: RevertPlan) -> None:
        self._plan = plan
        self._count = plan.change_count()

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Change]:
        return self._plan.changes()


def revert_later_first(store: Store, plan: RevertPlan,
                       monitor: Monitor | None = None) -> list[RevertResult]:
    """Revert the plan's later runs (newest first), then its run, planned again; each atomic.
    A later run reverted since the plan is left, so is one every record of which is a
    conflict, or already as before it (the run's result says which, ``passed``); a
    later run committed since, or the run reverted since, is a StoreChangedError, nothing
    written. A cancel once some are written or passed over raises RevertStopped, any other
    error (a store's, a revert refused) RevertInterruptedError: each says which."""
    results: list[RevertResult] = []
    meanwhile: list[tuple[int, int]] = []
    not_reverted: list[LaterNotReverted] = []

    def passed() -> PassedOver:
        """The later runs passed over so far."""
        return PassedOver(tuple(meanwhile), tuple(not_reverted))

    try:
        _refuse_later_since(store, plan, monitor)
        for later in plan.later_runs:
            by = _reverted_by(store, later)
            if by is not None:
                meanwhile.append((later, by.id))
                continue
            first = plan_revert(store, later, monitor)
            if first.writes_nothing():  # nothing of it can be reverted: said, and go on
                not_reverted.append(LaterNotReverted(later, first.conflicts()))
                continue
            results.append(commit_revert(store, first, monitor))
        _refuse_reverted(store, plan.run_id)
        again = plan_revert(store, plan.run_id, monitor)
        results.append(replace(commit_revert(store, again, monitor), passed=passed()))
    except ImporterError as error:
        so_far = passed()
        if not results and not so_far:
            raise
        if isinstance(error, Cancelled):  # written ones stay: each is to be said
            raise RevertStopped(results, so_far) from error
        raise RevertInterruptedError(error, results, plan.run_id, so_far) from error
    return results


def plan_later_runs(store: Store, plan: RevertPlan,
                    monitor: Monitor | None = None) -> RevertPlan:
    """The plan, told which of its later runs cannot be reverted first: every record of one
    left to revert is a conflict no run to revert before it made (another program changed
    them, or records staying need them), or every record of it is already as before it and
    no run to revert before it touched them. Reverting the later runs first still tries
    each: its result says what happened. A unique value another record now holds names no
    run that made it: such a conflict counts as made by none."""
    plan.later_not_reverted = []
    before: list[int] = []  # the later runs reverted before this one (newest first)
    for later in plan.later_runs:
        first = plan_revert(store, later, monitor)
        # Conflicts made by runs not reverted before it (not in the list, or stuck) stay.
        if first.conflicts_only() and not set(first.later_runs) & set(before):
            plan.later_not_reverted.append(LaterNotReverted(later, first.conflicts()))
        elif first.writes_nothing() and not first.conflicts() \
                and not _touched_by(store, first, before):
            plan.later_not_reverted.append(LaterNotReverted(later, 0))
        else:
            before.append(later)
    return plan


def _touched_by(store: Store, plan: RevertPlan, runs: list[int]) -> bool:
    """Whether any of ``runs`` (reverted before the plan's run) changed a record of it:
    reverting them may leave something of it to revert."""
    keys = {(row.table, row.record_id) for row in plan.rows()}
    return any((row.table, row.record_id) in keys
               for run in runs for row in store.run_changes_stream(run))


def _reverted_by(store: Store, run_id: int) -> RunSummary | None:
    """The revert that wholly reverted a run (None: none, or the run is gone)."""
    runs = {run.id: run for run in store.history()}
    run = runs.get(run_id)
    return None if run is None or run.reverted_by is None else runs.get(run.reverted_by)


def _refuse_reverted(store: Store, run_id: int) -> None:
    """The run to revert, wholly reverted since the plan: RevertedMeanwhileError."""
    by = _reverted_by(store, run_id)
    if by is not None:
        raise reverted_meanwhile(store.path, run_id, (by.id, by.user_name, by.machine))


def _refuse_later_since(store: Store, plan: RevertPlan, monitor: Monitor | None) -> None:
    """Runs committed since the plan that changed records of its run again would be left in
    effect, unseen: the plan is stale (StoreChangedError). The run is planned again only when
    the store has a run the plan never saw."""
    _refuse_reverted(store, plan.run_id)
    if max((run.id for run in store.history()), default=0) <= plan.newest_run:
        return
    since = [r for r in plan_revert(store, plan.run_id, monitor).later_runs
             if r > plan.newest_run]
    if since:
        template = LATER_SINCE_ONE if len(since) == 1 else LATER_SINCE
        raise StoreChangedError(template.format(later=", ".join(map(str, sorted(since))),
                                                run=plan.run_id, path=store.path))


# ---------------------------------------------------------------- words


def _show(value: Any) -> str:
    """A value in a message: text quoted, dates in ISO 8601, "empty" for nothing."""
    if value is None or value == "":
        return "empty"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, date):
        return value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
    return str(value)


def _count(n: int, noun: str) -> str:
    """"1 record", "3 records"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _join(words: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def runs_text(runs: list[int]) -> str:
    """"run 5", "runs 5 and 7"."""
    if len(runs) == 1:
        return f"run {runs[0]}"
    return f"runs {_join([str(r) for r in runs])}"


def _them(runs: list[int]) -> str:
    """"it" or "them (newest first)"."""
    return "it" if len(runs) == 1 else "them (newest first)"
