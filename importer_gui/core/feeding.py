"""The writes of planned rows, handed to a write running alongside the planner
(``store/alongside.py``) as the rows are planned.

``plan_and_commit`` plans and commits so, a refresh's and an import's alike.

A batch is the rows planned since the last one, in the order and with the rows
``Plan.writes`` gives (rows with errors left out); its created records are taken as their
values (``records.CreatedRows``, or a column planner's ``CreatedColumns``), since later rows
may change a record in place. A
finished row does not change afterwards (a warning may be added to it, never an error): the
rows' outcomes handed over are kept, and ``send_rest`` refuses to go on when they changed,
so that the write is made the usual way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from itertools import chain, compress, islice, repeat
from operator import ne
from typing import Any, TypeVar

from importer_gui.core.errors import StoreLockedError
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import (
    OUTCOME_CODE,
    CreatedRecords,
    ImportPlan,
    Plan,
    Rows,
    results_have_errors,
)
from importer_gui.core.progress import Monitor
from importer_gui.core.records import (
    ROW_OF,
    TABLE_OF_RECORD,
    Change,
    CreatedColumns,
    CreatedRows,
)
from importer_gui.core.store import RunInfo, Store
from importer_gui.core.store.alongside import WriteAlongside

BATCH_ROWS = 2000  # rows planned between two batches handed over
_NO_ROW = object()  # the rows' end

log = logging.getLogger(__name__)

T = TypeVar("T")
P = TypeVar("P")


def plan_and_commit(store: Store, run: RunInfo, expected: int,
                    plan: Callable[[Feeder | None], P], plan_of: Callable[[P], Plan],
                    run_of: Callable[[P], RunInfo], commit: Callable[[P], int],
                    monitor: Monitor | None = None) -> tuple[P, int | None]:
    """``plan(feeder)``, committed: the run's id, None when it writes nothing (no run).

    Where the store allows it, the rows are written as ``run`` while they are planned
    (about ``expected`` writes), and the run takes its configuration, files and counts from
    ``run_of(planned)`` (the run the usual commit records) at the end, where they are
    learnt. Otherwise, or should that write fail or a file change meanwhile,
    ``commit(planned)`` writes the usual way, and says why when it fails too (a store
    another program kept locked is said at once). ``plan_of(planned)`` is the Plan that
    ``planned`` holds. A wait for another writer's lock is said as ``monitor`` says it.
    """
    if not store.writes_alongside:
        planned = plan(None)
        return planned, commit(planned) if plan_of(planned).writes_anything() else None
    write = WriteAlongside(store, run, expected, monitor)
    feeder = Feeder(write)
    try:
        planned = plan(feeder)
        described = plan_of(planned)
        if not described.writes_anything():
            return planned, None
        if described.file_not_as_read() is None and feeder.send_rest(described.imports):
            done = run_of(planned)
            run.config_xml, run.files[:] = done.config_xml, done.files
            run.counts.update(done.counts)
            with suppress(Exception):  # rolled back; said by the usual write below
                return planned, write.finish()
        if isinstance(write.failure, StoreLockedError):
            raise write.failure  # the usual write would wait for the other writer as long
    finally:
        write.abandon()
    # Right either way, but slower: said in the log, for whoever wonders why.
    log.info("The write beside the check was not finished (%s); written again after it",
             write.failure or "a file or a row changed meanwhile")
    return planned, commit(planned)


class Feeder:
    """Hands each import's planned rows over to ``write``, a batch at a time."""

    def __init__(self, write: WriteAlongside) -> None:
        self._write = write
        self._fed: dict[int, int] = {}  # by id() of an import: its rows handed over
        self._outcomes: dict[int, bytearray] = {}  # their outcomes then
        self._taken = True  # False once the writer takes no more while planning
        self._imports: list[ImportPlan] = []  # in the order they are planned

    def through(self, imp: ImportPlan, rows: Iterable[T]) -> Iterator[T]:
        """``rows`` as they come, the planned ones handed over every BATCH_ROWS, after
        what earlier imports still hold (a short file's rows are all read ahead before one
        is planned: its last batch goes when the next import starts)."""
        self._join(imp)
        # Chained in C: a generator of ours between the file and the planner took a step
        # of Python on every row.
        return chain.from_iterable(self._batches(imp, iter(rows)))

    def planned(self, imp: ImportPlan) -> None:
        """Hand over the rows of an import planned by column (all, or those filed so far:
        told again as more are), after what earlier imports still hold, BATCH_ROWS rows at
        a time."""
        if id(imp) not in self._fed:
            self._join(imp)
        while self._taken and self._fed[id(imp)] < len(imp.rows):
            self._taken = self._hand_over(imp, BATCH_ROWS)

    def _join(self, imp: ImportPlan) -> None:
        """Take ``imp`` after the imports planned before it, whose rows not handed over yet
        go first."""
        for earlier in self._imports:
            if self._taken:
                self._taken = self._hand_over(earlier)
        self._imports.append(imp)
        self._fed.setdefault(id(imp), 0)
        self._outcomes.setdefault(id(imp), bytearray())

    def _batches(self, imp: ImportPlan, rows: Iterator[T]) -> Iterator[Iterable[T]]:
        """``rows`` BATCH_ROWS at a time; before each batch but the first, and after the
        last, the rows planned so far are handed over (the planner asks for a row once the
        one before is planned)."""
        first = True
        while (row := next(rows, _NO_ROW)) is not _NO_ROW:
            if not first and self._taken:
                self._taken = self._hand_over(imp)
            first = False
            yield (row,)  # type: ignore[misc]  # not _NO_ROW
            yield islice(rows, BATCH_ROWS - 1)
        if self._taken:
            self._taken = self._hand_over(imp)

    def send_rest(self, imports: Sequence[ImportPlan]) -> bool:
        """Hand over every row not handed over yet (the planning is over); False when a
        row handed over changed since, or the writer failed: nothing more is sent."""
        for imp in imports:
            fed = self._fed.get(id(imp), 0)
            if bytes(imp.rows.outcomes[:fed]) != self._outcomes.get(id(imp), b""):
                return False
        self._write.planned()
        for imp in imports:
            self._fed.setdefault(id(imp), 0)
            self._outcomes.setdefault(id(imp), bytearray())
            while self._fed[id(imp)] < len(imp.rows):
                if not self._hand_over(imp, BATCH_ROWS):
                    return False
        return True

    def _hand_over(self, imp: ImportPlan, most: int | None = None) -> bool:
        """Send the import's rows planned since the last batch (at most ``most``); False
        when the writer took none."""
        rows, start = imp.rows, self._fed[id(imp)]
        stop = len(rows) if most is None else min(len(rows), start + most)
        writes = _writes(rows, start, stop)
        if writes and not self._write.send(writes):
            return False
        self._fed[id(imp)] = stop
        self._outcomes[id(imp)] += rows.outcomes[start:stop]
        return True


def _writes(rows: Rows, start: int, stop: int,
            ) -> list[Change | CreatedRows | CreatedColumns]:
    """What rows[start:stop] without errors write, as ``Plan.writes`` gives it, but the
    records created one after the other taken as CreatedRows (a column planner's as
    CreatedColumns). ``plan.expanded`` inline: this runs on every row."""
    created = _created_only(rows, start, stop)
    if created is not None:
        return [*created]
    out: list[Change | CreatedRows | CreatedColumns] = []
    append, creations = out.append, rows.creations
    block: list[tuple[Any, ...]] = []  # the rows of the CreatedRows last appended
    block_kind: type | None = None  # their record type; None when a change came after them
    read: Callable[[Any], tuple[Any, ...]] = tuple  # ROW_OF[block_kind]
    as_themselves: bool | None = None  # no record changed in place: each written as it is
    for results, held in zip(rows.results[start:stop], rows.changes[start:stop], strict=True):
        if (results[0].outcome is Outcome.ERROR if len(results) == 1
                else results_have_errors(results)):
            continue
        kind = type(held)
        if kind is Change:
            append(held)
            block_kind = None
        elif kind is tuple or kind is list:
            out.extend(held)
            block_kind = None if held else block_kind
        else:
            assert creations is not None, "a record held without the planner's creations"
            if as_themselves is None:
                as_themselves = not creations.any_changed()
            for record in held if kind is CreatedRecords else (held,):
                write = record if as_themselves else creations.written(record)
                if type(write) is Change:
                    append(write)
                    block_kind = None
                    continue
                if type(write) is not block_kind:
                    block_kind, block, read = type(write), [], ROW_OF[type(write)]
                    append(CreatedRows(TABLE_OF_RECORD[block_kind], block))
                block.append(read(write))
    return out


_ERROR = OUTCOME_CODE[Outcome.ERROR]


def _created_only(rows: Rows, start: int, stop: int,
                  ) -> list[CreatedRows] | list[CreatedColumns] | None:
    """The rows' writes when each row without an error creates one record of the same
    table (a column planner's rows: with the records some create first), none changed in
    place since (a first refresh's or import's usual batch, a file's mistakes among them):
    read in C, no step per row; otherwise None."""
    if rows.creations is None or rows.creations.any_changed():
        return None
    outcomes = rows.outcomes[start:stop]
    made = rows.made
    if made is not None:  # the rows a column planner is filing: their records' columns
        # Each row without an error created one of them, or the rows are read as below.
        created = made.between(start, stop, stop - start - outcomes.count(_ERROR))
        if created is not None:
            return created
    held = rows.changes[start:stop]
    if _ERROR in outcomes:  # a row in error writes nothing: left out in C
        held = list(compress(held, map(ne, outcomes, repeat(_ERROR))))
    kinds = set(map(type, held))
    if len(kinds) != 1:
        return None
    kind = kinds.pop()
    read = ROW_OF.get(kind)
    if read is None:  # changes, not records
        return None
    return [CreatedRows(TABLE_OF_RECORD[kind], list(map(read, held)))]
