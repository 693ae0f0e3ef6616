"""The bulk writer behind ``Store.apply``: a run's changes, per table, in bulk batches.

Changes are grouped per table for bulk statements while each table keeps its own order (the
dialect defers the reference checks to the commit). A created record's placeholder id (a
negative one) becomes its real id here, and every change is logged in ``run_change`` with the
record's full values before and after, so that the run can be reverted. A batch of created
records goes in without the columns none of them fills, and where its rows read back as they
were given (``Dialect.logged_as_stored``), the engine writes their log from the rows in one
statement (``Dialect.log_inserted``): the same JSON, a fraction of binding every value again.

A write may run in a thread beside the planning of what it writes (``store/alongside.py``):
then a batch of created records goes in as one statement where the dialect allows it, and a
statement of a row at a time (whose every row takes the GIL back from the planner) first
waits until the planning is over (``wait_quiet``).

What the check saw is checked again here, inside the write transaction (one writer at a
time): an updated or deleted record must still hold the values it had, and a created record
must not have been created meanwhile by another commit (the engine's unique keys; for a
session, an entity or a tracking row, which have none, one equal in ``found_by``; for a
learner or a learning object holding none, one equal in ``found_by_unkeyed``). So two
commits of the same files at the same moment leave the store as one would, and the second
names the conflict. Its
errors are templates marked for translation, one per wording ("nothing was written" included).
"""

from __future__ import annotations

import json
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, partial
from itertools import accumulate, chain, compress, groupby, islice, pairwise
from operator import add, attrgetter, is_not, itemgetter, lt, neg
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from importer_gui.core import schema
from importer_gui.core.catalogue.columns import field_named, record_kind
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    RevertedMeanwhileError,
    StoreChangedError,
    StoreError,
)
from importer_gui.core.guids import MADE_WHEN_WRITTEN, made
from importer_gui.core.paths import readable
from importer_gui.core.progress import Monitor
from importer_gui.core.records import (
    RECORD_TYPES,
    TABLE_OF_RECORD,
    Change,
    ChangeKind,
    CreatedColumns,
    CreatedRows,
    Record,
)
from importer_gui.core.schema import Table, Type
from importer_gui.core.store.dialect import AT_ONCE_ROWS, Connection, Converter, Dialect
from importer_gui.core.store.holders import (  # one wording, one look-up
    HISTORY_BY_RECORD_OF_C,
    by_whom,
    creating_run,
    label_of,
    last_change,
    subject,
)
from importer_gui.core.store.runs import (
    REVERT_KIND,
    RevertLink,
    RunInfo,
    revert_link,
    reverted_marks,
)
from importer_gui.core.store.statements import Drained, Statements

# Changes per executemany, and between two looks at the monitor (where a cancel is heard).
CHUNK = 2000
IN_CHUNK = 500  # ids per "WHERE id IN (...)"
_INTERLEAVED = 64  # CreatedRows in a run from which they are queued a table at a time
# The changes of a run from which a table it creates records in while it holds none has its
# indexes made after its rows (Dialect.set_indexes_aside): below, dropping and making them
# again saves next to nothing.
INDEXES_AFTER = 10_000
GUID = "guid"  # the column a created record's GUID is in, when the plan leaves it to the write

_TABLE_OF: dict[str, Table] = {t.value: t for t in Table}  # a Table is its own value, too
_KIND_OF: dict[str, ChangeKind] = {k.value: k for k in ChangeKind}

# The writer's errors: {subject} is a record by its label ("Teacher 'zoe'") or, without one,
# its id ("Session 12"); {kind} {id} a table's record ("session -3", a placeholder id). The
# window words the CHANGED ones itself, with the field's label (ui/messages_text.py).
# A revert whose run another program's revert wholly reverted since it was planned (two
# administrators reverting the same run), by who reverted it ({run} the revert, {reverted}
# the run; as holders words who wrote a value), or that is gone from the store.
REVERTED_BY_USER_ON = QT_TRANSLATE_NOOP("errors", "Run {reverted} was reverted by run {run} "
                                                  "({user} on {machine}) since the revert was "
                                                  "planned: nothing was written to {path}.")
REVERTED_BY_RUN_OF = QT_TRANSLATE_NOOP("errors", "Run {reverted} was reverted by run {run} "
                                                 "({who}) since the revert was planned: "
                                                 "nothing was written to {path}.")
REVERTED_MEANWHILE = QT_TRANSLATE_NOOP("errors", "Run {reverted} was reverted by run {run} "
                                                 "since the revert was planned: nothing was "
                                                 "written to {path}.")
# The last stands for "by another program" too, which cannot be: a revert is a run.
_REVERTED_SAID = (REVERTED_BY_USER_ON, REVERTED_BY_RUN_OF, REVERTED_MEANWHILE,
                  REVERTED_MEANWHILE)
NO_RUN_TO_REVERT = QT_TRANSLATE_NOOP("errors", "The store {path} holds no run {run}: nothing "
                                               "was written.")
CREATED_TWICE = QT_TRANSLATE_NOOP("errors", "The changes create {kind} {id} twice: nothing was "
                                            "written to {path}.")
NEVER_CREATED = QT_TRANSLATE_NOOP("errors", "The changes refer to {kind} {id}, which they never "
                                            "create: nothing was written to {path}.")
UNKNOWN_COLUMN = QT_TRANSLATE_NOOP("errors", "Unknown {kind} column {column}: nothing was "
                                             "written to {path}.")
GONE = QT_TRANSLATE_NOOP("errors", "{subject} is no longer in the store (it changed since the "
                                   "check; check again): nothing was written to {path}.")
CHANGED = QT_TRANSLATE_NOOP("errors", "{subject} changed since the check ({field} is now "
                                      "{value}); check again: nothing was written to {path}.")
# The same, by the run that deleted the record or wrote the value found (run and user and
# machine, run and one of them, run), the two above when no run of ours did.
GONE_BY_USER_ON = QT_TRANSLATE_NOOP("errors", "{subject} was deleted by run {run} ({user} on "
                                              "{machine}) since the check; check again: nothing "
                                              "was written to {path}.")
GONE_BY_RUN_OF = QT_TRANSLATE_NOOP("errors", "{subject} was deleted by run {run} ({who}) since "
                                             "the check; check again: nothing was written to "
                                             "{path}.")
GONE_BY_RUN = QT_TRANSLATE_NOOP("errors", "{subject} was deleted by run {run} since the check; "
                                          "check again: nothing was written to {path}.")
CHANGED_BY_USER_ON = QT_TRANSLATE_NOOP("errors", "{subject} was changed by run {run} ({user} on "
                                                 "{machine}) since the check ({field} is now "
                                                 "{value}); check again: nothing was written "
                                                 "to {path}.")
CHANGED_BY_RUN_OF = QT_TRANSLATE_NOOP("errors", "{subject} was changed by run {run} ({who}) "
                                                "since the check ({field} is now {value}); "
                                                "check again: nothing was written to {path}.")
CHANGED_BY_RUN = QT_TRANSLATE_NOOP("errors", "{subject} was changed by run {run} since the "
                                             "check ({field} is now {value}); check again: "
                                             "nothing was written to {path}.")
# The same for a revert, which has no check: it is planned, then written.
GONE_REVERTING = QT_TRANSLATE_NOOP("errors", "{subject} is no longer in the store (it changed "
                                             "since the revert was planned; try the revert "
                                             "again): nothing was written to {path}.")
CHANGED_REVERTING = QT_TRANSLATE_NOOP("errors", "{subject} changed since the revert was planned "
                                                "({field} is now {value}); try the revert "
                                                "again: nothing was written to {path}.")
BACK_REVERTING = QT_TRANSLATE_NOOP("errors", "{subject} is in the store again since the revert "
                                             "was planned; try the revert again: nothing was "
                                             "written to {path}.")
# The same three, by the run that deleted, changed or brought back the record.
GONE_REVERTING_BY_USER_ON = QT_TRANSLATE_NOOP(
    "errors", "{subject} was deleted by run {run} ({user} on {machine}) since the revert was "
              "planned; try the revert again: nothing was written to {path}.")
GONE_REVERTING_BY_RUN_OF = QT_TRANSLATE_NOOP(
    "errors", "{subject} was deleted by run {run} ({who}) since the revert was planned; try "
              "the revert again: nothing was written to {path}.")
GONE_REVERTING_BY_RUN = QT_TRANSLATE_NOOP(
    "errors", "{subject} was deleted by run {run} since the revert was planned; try the "
              "revert again: nothing was written to {path}.")
CHANGED_REVERTING_BY_USER_ON = QT_TRANSLATE_NOOP(
    "errors", "{subject} was changed by run {run} ({user} on {machine}) since the revert was "
              "planned ({field} is now {value}); try the revert again: nothing was written "
              "to {path}.")
CHANGED_REVERTING_BY_RUN_OF = QT_TRANSLATE_NOOP(
    "errors", "{subject} was changed by run {run} ({who}) since the revert was planned "
              "({field} is now {value}); try the revert again: nothing was written to {path}.")
CHANGED_REVERTING_BY_RUN = QT_TRANSLATE_NOOP(
    "errors", "{subject} was changed by run {run} since the revert was planned ({field} is "
              "now {value}); try the revert again: nothing was written to {path}.")
BACK_REVERTING_BY_USER_ON = QT_TRANSLATE_NOOP(
    "errors", "{subject} was brought back by run {run} ({user} on {machine}) since the revert "
              "was planned; try the revert again: nothing was written to {path}.")
BACK_REVERTING_BY_RUN_OF = QT_TRANSLATE_NOOP(
    "errors", "{subject} was brought back by run {run} ({who}) since the revert was planned; "
              "try the revert again: nothing was written to {path}.")
BACK_REVERTING_BY_RUN = QT_TRANSLATE_NOOP(
    "errors", "{subject} was brought back by run {run} since the revert was planned; try the "
              "revert again: nothing was written to {path}.")
# By who (as ``by_whom`` takes them), for a commit and for a revert.
_GONE_SAID = ((GONE_BY_USER_ON, GONE_BY_RUN_OF, GONE_BY_RUN, GONE),
              (GONE_REVERTING_BY_USER_ON, GONE_REVERTING_BY_RUN_OF, GONE_REVERTING_BY_RUN,
               GONE_REVERTING))
_CHANGED_SAID = ((CHANGED_BY_USER_ON, CHANGED_BY_RUN_OF, CHANGED_BY_RUN, CHANGED),
                 (CHANGED_REVERTING_BY_USER_ON, CHANGED_REVERTING_BY_RUN_OF,
                  CHANGED_REVERTING_BY_RUN, CHANGED_REVERTING))
_BACK_SAID = (BACK_REVERTING_BY_USER_ON, BACK_REVERTING_BY_RUN_OF, BACK_REVERTING_BY_RUN,
              BACK_REVERTING)


@dataclass(frozen=True)
class _CreatedMeanwhile:
    """A record of one table created by another commit since the check, by who created it:
    {name} is the record's label (quoted) or id, {path} the store."""

    by_program: str  # no run of ours created it
    by_run: str  # run {run}, neither user nor machine known
    by_run_of: str  # run {run} ({who}): its user or its machine
    by_user_on: str  # run {run} ({user} on {machine})


# By table with ``found_by`` (those without a unique key): the engine's unique keys name the
# others' conflicts (the store's UNIQUE message).
_CREATED_MEANWHILE = {
    Table.SESSION: _CreatedMeanwhile(
        by_program=QT_TRANSLATE_NOOP("errors", "Session {name} was created by another program "
                                               "since the check; check again: nothing was "
                                               "written to {path}."),
        by_run=QT_TRANSLATE_NOOP("errors", "Session {name} was created by run {run} since the "
                                           "check; check again: nothing was written to "
                                           "{path}."),
        by_run_of=QT_TRANSLATE_NOOP("errors", "Session {name} was created by run {run} ({who}) "
                                              "since the check; check again: nothing was "
                                              "written to {path}."),
        by_user_on=QT_TRANSLATE_NOOP("errors", "Session {name} was created by run {run} ({user} "
                                               "on {machine}) since the check; check again: "
                                               "nothing was written to {path}.")),
    Table.ENTITY: _CreatedMeanwhile(
        by_program=QT_TRANSLATE_NOOP("errors", "Entity {name} was created by another program "
                                               "since the check; check again: nothing was "
                                               "written to {path}."),
        by_run=QT_TRANSLATE_NOOP("errors", "Entity {name} was created by run {run} since the "
                                           "check; check again: nothing was written to "
                                           "{path}."),
        by_run_of=QT_TRANSLATE_NOOP("errors", "Entity {name} was created by run {run} ({who}) "
                                              "since the check; check again: nothing was "
                                              "written to {path}."),
        by_user_on=QT_TRANSLATE_NOOP("errors", "Entity {name} was created by run {run} ({user} "
                                               "on {machine}) since the check; check again: "
                                               "nothing was written to {path}.")),
    Table.TRACKING: _CreatedMeanwhile(
        by_program=QT_TRANSLATE_NOOP("errors", "Tracking row {name} was created by another "
                                               "program since the check; check again: nothing "
                                               "was written to {path}."),
        by_run=QT_TRANSLATE_NOOP("errors", "Tracking row {name} was created by run {run} since "
                                           "the check; check again: nothing was written to "
                                           "{path}."),
        by_run_of=QT_TRANSLATE_NOOP("errors", "Tracking row {name} was created by run {run} "
                                              "({who}) since the check; check again: nothing "
                                              "was written to {path}."),
        by_user_on=QT_TRANSLATE_NOOP("errors", "Tracking row {name} was created by run {run} "
                                               "({user} on {machine}) since the check; check "
                                               "again: nothing was written to {path}.")),
    Table.LEARNER: _CreatedMeanwhile(
        by_program=QT_TRANSLATE_NOOP("errors", "Learner {name} was created by another "
                                               "program since the check; check again: nothing "
                                               "was written to {path}."),
        by_run=QT_TRANSLATE_NOOP("errors", "Learner {name} was created by run {run} since "
                                           "the check; check again: nothing was written to "
                                           "{path}."),
        by_run_of=QT_TRANSLATE_NOOP("errors", "Learner {name} was created by run {run} "
                                              "({who}) since the check; check again: nothing "
                                              "was written to {path}."),
        by_user_on=QT_TRANSLATE_NOOP("errors", "Learner {name} was created by run {run} "
                                               "({user} on {machine}) since the check; check "
                                               "again: nothing was written to {path}.")),
    Table.LEARNING_OBJECT: _CreatedMeanwhile(
        by_program=QT_TRANSLATE_NOOP("errors", "Learning object {name} was created by another "
                                               "program since the check; check again: nothing "
                                               "was written to {path}."),
        by_run=QT_TRANSLATE_NOOP("errors", "Learning object {name} was created by run {run} since "
                                           "the check; check again: nothing was written to "
                                           "{path}."),
        by_run_of=QT_TRANSLATE_NOOP("errors", "Learning object {name} was created by run {run} "
                                              "({who}) since the check; check again: nothing "
                                              "was written to {path}."),
        by_user_on=QT_TRANSLATE_NOOP("errors", "Learning object {name} was created by run {run} "
                                               "({user} on {machine}) since the check; check "
                                               "again: nothing was written to {path}.")),
}


def _found_by(table: Table) -> tuple[str, ...]:
    """The columns a record created since the check is found equal by (see ``TableDef``)."""
    definition = schema.table_def(table)
    return definition.found_by or definition.found_by_unkeyed


@runtime_checkable
class Batched(Protocol):
    """Writes that come in batches already (a write alongside's), read once."""

    def batches(self) -> Iterator[Sequence[Write]]:
        """The batches, in order."""
        ...


def _parts(changes: Iterable[Write]) -> Iterator[list[Write]]:
    """The changes, CHUNK at a time."""
    writes = iter(changes)
    while part := list(islice(writes, CHUNK)):
        yield part


def _encoded(encode: Converter, values: list[Any], days: dict[Any, Any]) -> list[Any]:
    """``values`` encoded, NULL left NULL: a column of dates each distinct day once, kept in
    ``days`` for the next batches (the days repeat), other values one by one (equal values
    of other types may encode apart: 1 and True, 1 and 1.0)."""
    if not set(map(type, values)) <= _DAYS:
        return [None if v is None else encode(v) for v in values]
    if len(days) > DAYS_KEPT:
        days.clear()
    new = set(values).difference(days)
    new.discard(None)
    days.update((v, encode(v)) for v in new)
    return list(map(days.get, values))


DAYS_KEPT = 100_000  # distinct dates (and times) kept encoded per encoder
_DAYS = frozenset({date, datetime, type(None)})


def _placeholders_only(values: list[Any]) -> bool:
    """Whether a reference column holds placeholders only (negative ids, no NULL)."""
    try:
        return bool(values) and max(values) < 0
    except TypeError:  # NULL among them
        return False


def _no_placeholders(values: Sequence[Any]) -> bool:
    """Whether a reference column holds ids and NULL only, no placeholder: found in C, as
    registrations name learners the store holds already, a million of them in a large file."""
    try:
        return min(filter(partial(is_not, None), values), default=0) >= 0
    except TypeError:  # not ids alone: looked at one by one
        return False


def _no_wait() -> None:
    """Nothing to wait for: no planner runs beside the write."""


def _placeholder(write: Change | Record | tuple[Any, ...]) -> bool:
    """True for a record this run creates anew (not one a revert brings back with its id)."""
    kind = type(write)
    return (write.record_id if kind is Change else write[0] if kind is tuple  # type: ignore
            else write.id) < 0


def write_run(conn: Connection, dialect: Dialect, path: Path, changes: Iterable[Write],
              run: RunInfo, monitor: Monitor, total: int = 0,
              wait_quiet: Callable[[], None] | None = None,
              as_read: Iterable[AsRead] = (), *, check_references: bool = False) -> int:
    """Write the run's row, every change and its log; the caller holds the transaction.
    ``total``: how many changes there are, for the progress (0: unknown); ``wait_quiet``:
    the write runs beside the planner, and this returns once the planning is over. The
    run's configuration, files and counts are recorded as they are at its end: a write
    beside the planner learns them last (an import's configuration as its files' headers
    laid it out). ``as_read``: records the plan read and the changes leave alone, which must
    still be as read (see ``BulkWriter.check_as_read``); ``check_references``: the engine
    checks none meanwhile, and the writer checks those it wrote."""
    dialect.defer_references(conn)
    run_id = _insert_run(conn, dialect, path, run)
    writer = BulkWriter(conn, dialect, path, run_id, monitor, total, wait_quiet,
                        reverting=run.kind == REVERT_KIND, check_references=check_references)
    try:
        writer.check_as_read(as_read)
        for part in changes.batches() if isinstance(changes, Batched) else _parts(changes):
            writer.add_all(part)
        writer.finish()
    finally:
        writer.close()
    p, moment, encode = dialect.param, dialect.encoders[Type.DATETIME], dialect.encoders[Type.JSON]
    conn.execute(f"UPDATE import_run SET finished = {p}, config_xml = {p}, files = {p},"
                 f" counts = {p} WHERE id = {p}", (moment(_now()), run.config_xml,
                                                   encode(_files(run)),
                                                   encode(dict(run.counts)), run_id))
    return run_id


def _now() -> datetime:
    """The local time, with its offset."""
    return datetime.now().astimezone()


def _files(run: RunInfo) -> list[str]:
    """The run's files as its history keeps them."""
    return [readable(f) for f in run.files]


def _insert_run(conn: Connection, dialect: Dialect, path: Path, run: RunInfo) -> int:
    """The run's row (finished is set at the end); a revert's also marks, in the run's
    transaction, which runs are now wholly reverted and by which revert. Its number is one
    past the last committed run's: the transaction holds the writer lock, so no other
    commit takes it meanwhile, and a commit rolled back or killed gives its number back
    (PostgreSQL's sequence would not; it is raised to the run, for other programs)."""
    moment, encode = dialect.encoders[Type.DATETIME], dialect.encoders[Type.JSON]
    number = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM import_run").fetchone()[0]
    dialect.claim_ids(conn, "import_run", number)
    run_id = dialect.insert(conn, "import_run", {
        "id": number, "started": moment(_now()), "kind": run.kind,
        "config_path": readable(run.config_path), "config_xml": run.config_xml,
        "files": encode(_files(run)),
        "counts": encode(dict(run.counts)), "reverts_run": run.reverts_run,
        "user_name": run.user_name or None, "machine": run.machine or None})
    if run.reverts_run is not None:
        _mark_reverted(conn, dialect, path, run_id, run)
    return run_id


def reverted_meanwhile(path: object, reverted: int,
                       revert: tuple[int, str | None, str | None]) -> RevertedMeanwhileError:
    """A revert of run ``reverted`` refused: ``revert`` (its run, user and machine) wholly
    reverted it since the revert was planned."""
    return RevertedMeanwhileError(by_whom(_REVERTED_SAID, revert,
                                          {"reverted": reverted, "path": path}), revert[0])


def _mark_reverted(conn: Connection, dialect: Dialect, path: Path, run_id: int,
                   run: RunInfo) -> None:
    """Refuse a revert of a run that is gone or wholly reverted meanwhile; then store each
    run's revert in effect (runs.reverted_marks: a revert of a revert makes the run that one
    reverted revertible again, and reverting that again marks it reverted again)."""
    rows = conn.execute("SELECT id, reverts_run, counts, reverted_by, user_name, machine"
                        " FROM import_run").fetchall()
    read = dialect.decoders[Type.JSON]
    links = [_link(read, other, reverts, counts)
             for other, reverts, counts, *_ in rows if reverts is not None and other != run_id]
    if run.reverts_run not in {row[0] for row in rows} - {run_id}:
        raise StoreError(NO_RUN_TO_REVERT.format(path=path, run=run.reverts_run))
    other = reverted_marks(links).get(run.reverts_run)
    if other is not None:
        _, _, _, _, user, machine = next(row for row in rows if row[0] == other)
        raise reverted_meanwhile(path, run.reverts_run, (other, user, machine))
    marks = reverted_marks([*links, revert_link(run_id, run.reverts_run, run.counts)])
    p = dialect.param
    conn.executemany(f"UPDATE import_run SET reverted_by = {p} WHERE id = {p}",
                     [(marks.get(other), other) for other, _, _, stored, *_ in rows
                      if marks.get(other) != stored])


def _link(read: Converter, revert: int, reverts: int, counts: Any) -> RevertLink:
    """A stored revert's link; one whose counts cannot be read (the history refuses to read
    them too) counts as partial: it never marks a run reverted."""
    try:
        said = read(counts)
    except (ValueError, TypeError):
        said = None
    if not isinstance(said, dict):
        return RevertLink(revert, reverts, whole=False)
    return revert_link(revert, reverts, said)


@dataclass(frozen=True)
class _Layout:
    """One table as the writer writes it, worked out once per dialect."""

    columns: tuple[str, ...]  # but the id, in the records' order
    column_set: frozenset[str]
    template: dict[str, Any]  # a CREATE's base: every column, its default or None
    # The columns not stored as given (BulkWriter._as_stored), references first: the table a
    # reference's placeholders are of, the dialect's encoder of its type (None: not either).
    converted: tuple[tuple[str, Table | None, Converter | None], ...]
    json_columns: tuple[str, ...]  # read back as the engine keeps them, compared as text
    read_all: Callable[[dict[str, Any]], tuple[Any, ...]]  # a full CREATE's values, in order
    read_record: Callable[[Any], tuple[Any, ...]]  # a created record's values, in order
    read_columns: tuple[Callable[[Any], Any], ...]  # a record's value of each column, in order
    # By column: the types of stored values the log may read back from the row (see
    # Dialect.log_inserted), NoneType included.
    logged_as_stored: tuple[frozenset[type], ...]
    # Every column's stored values of the dialect's at_once_types: its records are created
    # beside the planning (Dialect.insert_at_once), not after it.
    at_once: bool


@cache
def _layout(dialect: Dialect, table: Table) -> _Layout:
    """The layout of one table for one dialect."""
    columns = schema.column_names(table)
    template = {c: None if default is schema.REQUIRED else default
                for c, default in schema.defaults(table).items()}
    references = schema.references(table)
    encoders = {c.name: dialect.encoders[c.type] for c in schema.columns(table)
                if c.type in dialect.encoders}
    converted = tuple((c, references.get(c), encoders.get(c))
                      for c in (*references, *(c for c in encoders if c not in references)))
    json_columns = tuple(c.name for c in schema.columns(table) if c.type is Type.JSON)
    getter = itemgetter(*columns)
    read_all = getter if len(columns) > 1 else lambda values: (getter(values),)
    # Every table has two columns or more besides its id: attrgetter gives a tuple.
    read_record = attrgetter(*columns)
    logged = tuple(frozenset({type(None), *dialect.logged_as_stored.get(c.type, ())})
                   for c in schema.columns(table))
    at_once = all(types <= dialect.at_once_types for types in logged)
    return _Layout(columns, frozenset(columns), template, converted, json_columns, read_all,
                   read_record, tuple(map(attrgetter, columns)), logged, at_once)


_NULL_ONLY = frozenset({type(None)})  # the types of a column NULL in every record
# The other tables each table's records refer to.
_PARENTS = {t: tuple(dict.fromkeys(p for p in schema.references(t).values() if p != t))
            for t in Table}


def _as_range(numbers: Sequence[int]) -> Sequence[int]:
    """``numbers`` as a range when each follows the one before (compared in C), else
    themselves."""
    if type(numbers) is range:
        return numbers
    if numbers and numbers[-1] - numbers[0] == len(numbers) - 1:
        following = range(numbers[0], numbers[-1] + 1)
        if numbers == list(following):
            return following
    return numbers


# Records created by column (CreatedColumns'): their places in the run, their ids, and
# their columns as made.
_Made = tuple[Sequence[int], Sequence[int], list[Sequence[Any]]]


def _joined(first: _Made, then: _Made) -> _Made:
    """Records created by column, then others after them (a range where both are and the
    second follows the first)."""
    def chained(one: Sequence[int], other: Sequence[int]) -> Sequence[int]:
        if type(one) is range and type(other) is range and one.stop == other.start:
            return range(one.start, other.stop)
        return [*one, *other]

    return (chained(first[0], then[0]), chained(first[1], then[1]),
            [[*one, *other] for one, other in zip(first[2], then[2], strict=True)])


def _add_spans(spans: list[list[int]], ids: Sequence[int]) -> None:
    """Add ``ids`` (a range when they follow each other) to ``spans``, the last one
    lengthened where they go on from it."""
    if type(ids) is range:
        pieces: Iterable[list[int]] = ([ids.start, ids.stop - 1],) if ids else ()
    else:  # a revert's records coming back with their ids
        pieces = ([i, i] for i in ids)
    for first, last in pieces:
        if spans and spans[-1][1] + 1 == first:
            spans[-1][1] = last
        else:
            spans.append([first, last])


def _increasing(values: Sequence[Any]) -> bool:
    """Whether each value is greater than the one before it (NULL, or values that do not
    compare, are not): as the engine's index orders them (texts by code point)."""
    try:
        return all(map(lt, values, islice(values, 1, None)))
    except TypeError:
        return False


def _null_only(values: Sequence[Any]) -> bool:
    """True for a column NULL in every record (counted in C). Its first value answers for
    most columns: counting compares every text or number with None the slow way."""
    return not values or (values[0] is None and values.count(None) == len(values))


# What a run writes: changes, and created records handed as themselves (Plan.writes: a
# Change and a dict of its values made per created record cost more than writing it) or as
# their values (a write alongside the planner: feeding.py).
Write = Change | Record | CreatedRows | CreatedColumns
# A record a plan read and leaves alone: its table, id and values then (None: not there).
AsRead = tuple[Table, int, dict[str, Any] | None]
# Position in the run, real record id, and the change, the record, or a CreatedRows' row.
_Item = tuple[int, int, Change | Record | tuple[Any, ...]]


# Each table's references, and the references to it: (table, column, parent).
_REFERENCES = {t: tuple((t, column, parent) for column, parent in schema.references(t).items())
               for t in Table}
_REFERRED_BY = {t: tuple(r for refs in _REFERENCES.values() for r in refs if r[2] is t)
                for t in Table}


@dataclass
class _Written:
    """What a write's records refer to, and the records it updated and deleted: checked at
    its end, when the engine checks no reference."""

    referred: dict[Table, set[Any]] = field(default_factory=lambda: defaultdict(set))
    updated: dict[Table, set[int]] = field(default_factory=lambda: defaultdict(set))
    deleted: dict[Table, set[int]] = field(default_factory=lambda: defaultdict(set))

    def created(self, table: Table, columns: dict[str, Sequence[Any]]) -> None:
        """The ids new records of ``table`` refer to, by their columns as stored (a column
        left out is NULL: it refers to none)."""
        for _, column, parent in _REFERENCES[table]:
            if column in columns:
                self.referred[parent].update(columns[column])

    def whole(self, conn: Connection, dialect: Dialect) -> bool:
        """Whether every record referred to is there, every record updated refers only to
        records there, and no record deleted is referred to."""
        p = dialect.param
        for parent, ids in self.referred.items():
            ids.discard(None)
            for part in _chunks(sorted(ids)):
                if conn.execute(f'SELECT count(*) FROM "{parent.value}" WHERE id'
                                f' IN ({", ".join([p] * len(part))})', part
                                ).fetchone()[0] != len(part):
                    return False
        for table, ids in self.updated.items():
            for part in _chunks(sorted(ids)):
                if not _refer_whole(conn, table, f"t.id IN ({', '.join([p] * len(part))})",
                                    part):
                    return False
        for table, ids in self.deleted.items():
            for child, column, _ in _REFERRED_BY[table]:
                for part in _chunks(sorted(ids)):
                    if conn.execute(
                            f'SELECT 1 FROM "{child.value}" WHERE "{column}"'
                            f' IN ({", ".join([p] * len(part))}) LIMIT 1', part).fetchone():
                        return False
        return True


def _chunks(ids: list[Any]) -> Iterator[list[Any]]:
    """``ids`` IN_CHUNK at a time."""
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start:start + IN_CHUNK]


def _refer_whole(conn: Connection, table: Table, where: str, values: Sequence[int]) -> bool:
    """Whether the records of ``table`` that ``where`` selects (as ``t``) refer only to
    records there."""
    if not _REFERENCES[table]:
        return True
    # NULL (no reference) would be NOT IN a table holding no rows.
    broken = " OR ".join(f'(t."{column}" IS NOT NULL AND t."{column}" NOT IN'
                         f' (SELECT id FROM "{parent.value}"))'
                         for _, column, parent in _REFERENCES[table])
    return conn.execute(f'SELECT 1 FROM "{table.value}" AS t WHERE {where} AND ({broken})'
                        " LIMIT 1", list(values)).fetchone() is None


@dataclass
class _Batch:
    """Consecutive changes of one kind to one table, waiting for executemany."""

    kind: ChangeKind
    items: list[_Item] = field(default_factory=list)
    made: _Made | None = None  # records created by column (CreatedColumns'), for items


class BulkWriter:
    """Applies changes in bulk: per table in their order, across tables grouped."""

    def __init__(self, conn: Connection, dialect: Dialect, path: Path, run_id: int,
                 monitor: Monitor, total: int,
                 wait_quiet: Callable[[], None] | None = None, *, reverting: bool = False,
                 check_references: bool = False) -> None:
        # Beside the planner, the bulk statements run on a thread of their own, and every
        # other use of the connection waits for them (statements.py).
        self.alongside = wait_quiet is not None
        self.statements = Statements() if self.alongside else None
        self.raw = conn
        self.conn: Connection = conn if self.statements is None else Drained(
            conn, self.statements)
        self.dialect = dialect
        self.path = path
        self.run_id = run_id
        self.monitor = monitor
        self.total = total
        self.done = 0
        self.layouts = {t: _layout(dialect, t) for t in Table}
        self.encode_json = dialect.encoders[Type.JSON]
        # Placeholder -> real id, as an array indexed by -placeholder (0: none yet). A dict
        # of a million ints held about 100 MB for the commit alone; this holds 4 bytes each,
        # 8 from an id past what 4 bytes hold (``_widened``).
        self.ids: dict[Table, array[int]] = {t: array("i") for t in Table}
        self.next_id: dict[Table, int] = {}
        self.first_id: dict[Table, int] = {}  # the first id this run gives, per table
        self.older: dict[Table, bool] = {}  # by table: whether _looks_back looks
        self.pending: dict[Table, _Batch] = {}
        self.days: dict[Converter, dict[Any, Any]] = {}  # by encoder: dates encoded
        # Creations written at a time: beside the planner, as many as the one INSERT the
        # engine keeps prepared holds (insert_at_once).
        self.created_rows = AT_ONCE_ROWS if self.alongside else CHUNK
        self.wait_quiet = wait_quiet or _no_wait
        # What a record found otherwise than planned says: check again, or revert again.
        self.gone, self.changed = _GONE_SAID[reverting], _CHANGED_SAID[reverting]
        self.reverting = reverting
        # By table created into: the statements making again the indexes set aside.
        self.indexes: dict[Table, list[str]] = {}
        # The engine checks no reference: the records written, by table, whose references
        # the writer checks at the end (created: spans of ids), and those deleted.
        self.written: _Written | None = _Written() if check_references else None
        # The ids created, by table, as spans [first, last] (run_created, at the end).
        self.spans: dict[Table, list[list[int]]] = defaultdict(list)
        # By table whose indexes are set aside: the columns whose index is kept up while
        # their values come in increasing order, with the last value written.
        self.in_order: dict[Table, dict[str, Any]] = {}

    def check_as_read(self, reads: Iterable[AsRead]) -> None:
        """Records the plan read and leaves alone still as it read them, by the rule of the
        records written (``_existing``), and those it found gone still gone: a revert skipping
        a record as a conflict, or leaving one already as before, would be written on a
        store that moved on."""
        for table, group in groupby(reads, itemgetter(0)):
            while part := list(islice(group, IN_CHUNK)):
                current = self._current(table, {record_id for _, record_id, _ in part})
                present = [(record_id, values) for _, record_id, values in part
                           if values is not None]
                stored = self._all_as_stored(table, [values for _, values in present])
                for (record_id, _), values in zip(present, stored, strict=True):
                    self._existing(current, table, record_id, values)
                back = next((record_id for _, record_id, values in part
                             if values is None and record_id in current), None)
                if back is not None:  # the run that made it again: any value will do
                    raise StoreChangedError(by_whom(
                        _BACK_SAID, self._done_by(table, back, {}),
                        {"subject": subject(table, back, current[back]),
                         "path": self.path}))

    def add_all(self, writes: list[Write]) -> None:
        """Queue writes in order; records of one table created one after the other are
        queued together."""
        brought: set[Table] = set()
        for kind, group in groupby(writes, type):
            if kind is Change:
                for change in group:
                    brought.add(change.table)
                    self.add(change)
            elif kind is CreatedRows:
                blocks = list(group)
                brought.update(map(attrgetter("table"), blocks))
                if not self._add_interleaved(blocks):
                    for block in blocks:
                        self._add_rows(block.table, block.rows)
            elif kind is CreatedColumns:
                for made in group:
                    brought.update((made.table, *(table for _, table, _ in made.first)))
                    self._add_columns(made)
            else:
                brought.add(TABLE_OF_RECORD[kind])
                self._add_records(TABLE_OF_RECORD[kind], list(group))
        if self.alongside:
            self._flush_passed(brought)

    def _flush_passed(self, brought: set[Table]) -> None:
        """Write the records a table has waiting to be created when a batch brought it none:
        the planning has most likely passed it (the next import's rows have come), and what
        waits for a whole batch is otherwise written after the planning, as the run ends."""
        for table in [table for table, batch in self.pending.items()
                      if table not in brought and batch.kind is ChangeKind.CREATE]:
            if self.layouts[table].at_once and not self._looks_back(table):
                self._flush(table)  # else it would wait for the planning's end

    def _looks_back(self, table: Table) -> bool:
        """Whether creating records of ``table`` looks for equal ones created since the
        check, among records older than the run (``_not_created_meanwhile``). Asked once a
        run: no other program adds records while it writes, a record this run brings back
        with its old id is no other commit's, and asking waits for the statements queued."""
        found = self.older.get(table)
        if found is None:
            p = self.dialect.param
            found = self.older[table] = bool(_found_by(table)) and self.conn.execute(
                f'SELECT 1 FROM "{table.value}" WHERE id < {p} LIMIT 1',
                (self.first_id[table],)).fetchone() is not None
        return found

    def _add_records(self, table: Table, records: list[Record]) -> None:
        """Queue records to create, one after the other: ``add`` for each, in bulk."""
        ids = self._new_ids(table, list(map(attrgetter("id"), records)))
        if ids is None:  # records coming back with their ids (a revert): one by one
            for record in records:
                self.add(record)
            return
        self._add_created(table, ids, records)

    def _add_rows(self, table: Table, rows: list[tuple[Any, ...]]) -> None:
        """Queue a CreatedRows' rows: as ``_add_records`` their records."""
        ids = self._new_ids(table, list(map(itemgetter(0), rows)))
        if ids is None:
            kind = RECORD_TYPES[table]
            for row in rows:
                self.add(kind(*row))
            return
        self._add_created(table, ids, rows)

    def _add_columns(self, made: CreatedColumns) -> None:
        """Queue a CreatedColumns' records: as ``_add_rows`` their rows (and those created
        first, as ``_add_interleaved``), but written by column as they come (not made rows,
        then columns again), ``created_rows`` at a time, the rest kept by column for the
        next ones."""
        table, columns = made.table, made.columns
        done = self.done
        if made.first:
            given = self._add_first(made)
        else:
            ids = self._new_ids(table, columns[0])
            given = None if ids is None else (range(done, done + len(ids)), ids)
        if given is None:  # a record created twice, or coming back with its id: the rows' way
            self._add_as_rows(made)
            return
        self.done = done + len(columns[0]) + len(made.first)
        batch = self.pending.get(table)
        ready: _Made = (*given, columns[1:])
        if batch is not None and batch.made is not None:  # the rest of the last ones
            del self.pending[table]
            ready = _joined(batch.made, ready)
        elif batch is not None:
            self._flush(table)  # a table's own changes keep their order
        seqs, ids, values = ready
        size, count = self.created_rows, len(ids)
        whole = count - count % size
        for start in range(0, whole, size):
            self._parents_first(table)
            self._creates_columns(table, seqs[start:start + size], ids[start:start + size],
                                  [column[start:start + size] for column in values])
        if whole < count:
            self.pending[table] = _Batch(ChangeKind.CREATE, made=(
                seqs[whole:], ids[whole:], [column[whole:] for column in values]))
        self._report_past(done)

    def _add_first(self, made: CreatedColumns) -> tuple[Sequence[int], Sequence[int]] | None:
        """The places in the run and the ids of a CreatedColumns' records whose ``first``
        ones (of one other table) are given their ids and queued; None, and nothing done,
        unless every placeholder of both is new and given once."""
        table, placeholders = made.table, made.columns[0]
        parents = {parent for _, parent, _ in made.first}
        if len(parents) != 1 or table in parents:
            return None  # the first ones of several tables, or of the table itself
        [parent] = parents
        places = [at for at, _, _ in made.first]
        rows = [row for _, _, row in made.first]
        slots = {table: list(map(neg, placeholders)), parent: [-row[0] for row in rows]}
        if not all(self._all_new(kind, taken) for kind, taken in slots.items()):
            return None
        given = {kind: self._give_slots(kind, taken) for kind, taken in slots.items()}
        done = self.done
        # Each first one comes just before the record at its place; the records after it
        # one place later in the run.
        ends = [*places, len(placeholders)]
        seqs = list(chain(range(done, done + ends[0]), *(
            range(done + start + shift, done + stop + shift)
            for shift, (start, stop) in enumerate(pairwise(ends), start=1))))
        self._queue_created(parent, zip(map(add, places, range(done, done + len(places))),
                                        given[parent], rows, strict=True))
        return seqs, given[table]

    def _add_as_rows(self, made: CreatedColumns) -> None:
        """Queue a CreatedColumns' records as the CreatedRows they would have been."""
        rows = list(zip(*made.columns, strict=True))
        blocks, taken = [], 0
        for at, parent, row in made.first:
            if at > taken:
                blocks.append(CreatedRows(made.table, rows[taken:at]))
                taken = at
            blocks.append(CreatedRows(parent, [row]))
        blocks.append(CreatedRows(made.table, rows[taken:]))
        if not self._add_interleaved(blocks):
            for block in blocks:
                self._add_rows(block.table, block.rows)

    def _add_interleaved(self, blocks: list[CreatedRows]) -> bool:
        """Queue many short CreatedRows of a few tables (rows each creating a session, then
        its registration) a table at a time, each row at its place in the run; False, and
        nothing queued, unless there are many and every one's placeholders are new.

        Block by block, the queueing cost more than the rows (a quarter of a million blocks
        of one row in a million registrations' commit); here it goes through C.
        """
        if len(blocks) < _INTERLEAVED:
            return False
        tables = list(map(attrgetter("table"), blocks))
        parts = list(map(attrgetter("rows"), blocks))
        starts = list(accumulate(map(len, parts), initial=self.done))
        queued = []
        for table in dict.fromkeys(tables):
            mine = list(map(table.__eq__, tables))
            rows = list(chain.from_iterable(compress(parts, mine)))
            slots = list(map(neg, map(itemgetter(0), rows)))
            if not self._all_new(table, slots):
                return False
            seqs = chain.from_iterable(map(range, compress(starts, mine),
                                           compress(starts[1:], mine)))
            queued.append((table, slots, seqs, rows))
        given = []
        for table, slots, seqs, rows in queued:  # every id first: a batch written while the
            ids = self._give_slots(table, slots)  # run is queued may refer to any of them
            given.append((table, zip(seqs, ids, rows, strict=True)))
        for table, items in given:
            self._queue_created(table, items)
        done, self.done = self.done, starts[-1]
        self._report_past(done)
        return True

    def _add_created(self, table: Table, ids: range,
                     writes: Sequence[Record] | Sequence[tuple[Any, ...]]) -> None:
        """Queue the creations of records (or rows) given the ids ``ids``."""
        done = self.done
        self.done += len(writes)
        self._queue_created(table, zip(range(done, done + len(writes)), ids, writes,
                                       strict=True))
        self._report_past(done)

    def _queue_created(self, table: Table, items: Iterable[_Item]) -> None:
        """Add creations (seq, id, record or row) to the table's batch, writing it
        ``created_rows`` at a time."""
        batch = self.pending.get(table)
        if batch is None or batch.kind is not ChangeKind.CREATE or batch.made is not None:
            if batch is not None:
                self._flush(table)  # a table's own changes keep their order
            batch = self.pending[table] = _Batch(ChangeKind.CREATE)
        batch.items.extend(items)
        size = self.created_rows
        while len(batch.items) >= size:  # size at a time, the rest kept: see insert_at_once
            rest = batch.items[size:]
            del batch.items[size:]
            self._flush(table)
            if not rest:
                break
            batch = self.pending[table] = _Batch(ChangeKind.CREATE, rest)

    def _new_ids(self, table: Table, placeholders_given: Sequence[int]) -> range | None:
        """The ids records created one after the other get, when their placeholders follow
        each other (the planner numbers its creations so); None otherwise. A range of them
        (a column planner's) follows if its ends do."""
        first, count = -placeholders_given[0], len(placeholders_given)
        if (first <= 0 or -placeholders_given[-1] != first + count - 1
                or (type(placeholders_given) is not range
                    and placeholders_given != list(range(-first, -first - count, -1)))):
            return None
        placeholders = self._placeholders(table, first + count)
        if any(placeholders[first:first + count]):
            return None  # one created twice: said by add
        ids = self._give_ids(table, count)
        try:
            placeholders[first:first + count] = array(placeholders.typecode, ids)
        except OverflowError:  # an id past what 4 bytes hold
            self._widened(table)[first:first + count] = array("q", ids)
        return ids

    def _all_new(self, table: Table, slots: list[int]) -> bool:
        """Whether placeholders (``slots``: each negated) are each new to this run and given
        once: not so for a record coming back with its id, or one created twice (said by
        add)."""
        return (min(slots) > 0 and len(set(slots)) == len(slots)
                and not any(map(self._placeholders(table, max(slots) + 1).__getitem__, slots)))

    def _give_slots(self, table: Table, slots: list[int]) -> range:
        """The next ids of ``table``, given to the placeholders ``slots`` (each negated) in
        order."""
        ids = self._give_ids(table, len(slots))
        try:
            deque(map(self.ids[table].__setitem__, slots, ids), maxlen=0)
        except OverflowError:  # an id past what 4 bytes hold
            deque(map(self._widened(table).__setitem__, slots, ids), maxlen=0)
        return ids

    def _give_ids(self, table: Table, count: int) -> range:
        """The next ``count`` ids of ``table``, given: never given again by this run."""
        first = self._next_id(table)
        self.next_id[table] = first + count
        return range(first, first + count)

    def add(self, change: Write) -> None:
        """Queue one change (or a record to create); a created placeholder gets its real id
        now."""
        # Dict lookups, not Enum calls: this runs once per change, 100,000s of times.
        if type(change) is Change:
            table, kind = _TABLE_OF[change.table], _KIND_OF[change.kind]
            record_id = change.record_id
        else:
            table, kind, record_id = TABLE_OF_RECORD[type(change)], ChangeKind.CREATE, change.id
        if kind is ChangeKind.CREATE:
            record_id = self._new_id(table, record_id)
        elif record_id < 0:
            record_id = self._resolve(table, record_id)
        batch = self.pending.get(table)
        if batch is None or batch.kind is not kind or batch.made is not None:
            if batch is not None:
                self._flush(table)  # a table's own changes keep their order
            batch = self.pending[table] = _Batch(kind)
        batch.items.append((self.done, record_id, change))
        self.done += 1
        if len(batch.items) >= CHUNK:
            self._flush(table)
        if self.done % CHUNK == 0:
            self._report()

    def finish(self) -> None:
        """Write whatever is queued; the ids given are never given again."""
        for table in list(self.pending):
            self._flush(table)
        for statements in self.indexes.values():
            self.dialect.make_indexes(self.conn, statements)
        if self.written is not None and not self.written.whole(self.conn, self.dialect):
            raise self.dialect.reference_refused()
        for table, next_id in self.next_id.items():
            self.dialect.claim_ids(self.conn, table.value, next_id - 1)
        p = self.dialect.param
        self.conn.executemany(  # waits for the statements queued: the run's are all done
            f"INSERT INTO {schema.CREATED_TABLE} (run_id, table_name, first_id, last_id)"
            f" VALUES ({p}, {p}, {p}, {p})",
            [(self.run_id, table.value, first, last)  # in the tables' order, whichever
             for table in Table for first, last in self.spans.get(table, ())])  # came first
        self._report()

    def _report_past(self, done: int) -> None:
        """``_report``, when the changes queued since there were ``done`` crossed a CHUNK."""
        if self.done // CHUNK != done // CHUNK:
            self._report()

    def _report(self) -> None:
        """Progress, and stop here when the user cancelled (the caller rolls back)."""
        self.monitor.check_cancelled()
        self.monitor.progress(self.done, self.total, "Writing to the store")

    def _fail(self, template: str, **values: object) -> StoreError:
        """A StoreError from ``template`` (which says nothing was written to {path})."""
        return StoreError(template.format(path=self.path, **values))

    def _changed_since(self, template: str, **values: object) -> StoreError:
        """The same, for what another program changed since the check (or the revert's plan):
        the same plan is refused again until it is made again."""
        return StoreChangedError(template.format(path=self.path, **values))

    def _new_id(self, table: Table, record_id: int) -> int:
        """The id a created record gets: the next free one for a placeholder."""
        next_id = self._next_id(table)
        if record_id >= 0:  # a record coming back with its old id (a revert), or named
            if not self.reverting:
                self._id_not_taken(table, record_id)
            self.next_id[table] = max(next_id, record_id + 1)
            return record_id
        placeholders, slot = self._placeholders(table, -record_id + 1), -record_id
        if placeholders[slot]:
            raise self._fail(CREATED_TWICE, kind=record_kind(table), id=record_id)
        try:
            placeholders[slot] = next_id
        except OverflowError:  # an id past what 4 bytes hold
            self._widened(table)[slot] = next_id
        self.next_id[table] = next_id + 1
        return next_id

    def _id_not_taken(self, table: Table, record_id: int) -> None:
        """A record a commit creates under the id it names (defaultEntityId's root, taken on
        trust while the store knew none) was not created meanwhile by another commit."""
        p = self.dialect.param
        if table in _CREATED_MEANWHILE and self.conn.execute(
                f'SELECT 1 FROM "{table.value}" WHERE id = {p}', (record_id,)).fetchone():
            raise self._created_meanwhile(table, record_id)

    def _next_id(self, table: Table) -> int:
        """The next id this run gives in ``table`` (the engine's, the first time)."""
        next_id = self.next_id.get(table)
        if next_id is None:
            next_id = self.first_id[table] = self.dialect.next_id(self.conn, table.value)
        return next_id

    def _placeholders(self, table: Table, size: int) -> array[int]:
        """The table's placeholder -> id array, holding ``size`` slots at least (grown by half
        at least: amortised, like a list)."""
        placeholders = self.ids[table]
        if size > len(placeholders):
            placeholders.frombytes(bytes(placeholders.itemsize * max(
                size - len(placeholders), len(placeholders) // 2 + 1024)))
        return placeholders

    def _widened(self, table: Table) -> array[int]:
        """The table's placeholder -> id array, as 8-byte ids from now on."""
        placeholders = self.ids[table] = array("q", self.ids[table])
        return placeholders

    def _resolve(self, table: Table, record_id: int) -> int:
        """A placeholder's real id."""
        placeholders, slot = self.ids[table], -record_id
        if slot < len(placeholders) and placeholders[slot]:
            return placeholders[slot]
        raise self._fail(NEVER_CREATED, kind=record_kind(table), id=record_id)

    def _merged(self, table: Table, values: dict[str, Any],
                base: dict[str, Any]) -> dict[str, Any]:
        """``base`` updated with ``values``, in base's order; an unknown column is refused."""
        layout = self.layouts[table]
        if not layout.column_set.issuperset(values):
            unknown = sorted(set(values) - layout.column_set)[0]
            raise self._fail(UNKNOWN_COLUMN, kind=table.value, column=unknown)
        return {**base, **values}  # never alters the caller's dict

    def _all_as_stored(self, table: Table,
                       dicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Copies of ``dicts`` (some columns of a table each) as stored: real ids, encoded
        values, column by column for all of them; an unknown column is refused."""
        out = [self._merged(table, values, {}) for values in dicts]
        for column, target, encode in self.layouts[table].converted:
            holders = [values for values in out if column in values]
            given = [values[column] for values in holders]
            stored = self._as_stored(target, encode, given)
            if stored is not given:
                for values, value in zip(holders, stored, strict=True):
                    values[column] = value
        return out

    def _as_stored(self, target: Table | None, encode: Converter | None,
                   values: Sequence[Any]) -> Sequence[Any]:
        """One column's values as the engine stores them (``values`` itself when that is what
        it holds): in a reference to ``target``, a placeholder's (a negative id's) real id;
        with ``encode``, its value, but NULL left NULL (not JSON's "null")."""
        if _null_only(values):  # as it is
            return values
        if target is not None and not _no_placeholders(values):
            placeholders = self.ids[target]
            size = len(placeholders)  # a placeholder past it, or 0 in it, was never created
            if _placeholders_only(values) and -min(values) < size:  # in C: the usual batch
                resolved = list(map(placeholders.__getitem__, map(neg, values)))
            else:
                resolved = [(placeholders[-v] if -v < size else 0) if type(v) is int and v < 0
                            else v for v in values]
            if 0 in resolved:
                for v in values:
                    if type(v) is int and v < 0:
                        self._resolve(target, v)  # raises for the first never created
            if resolved != values:  # else the same list: the caller has nothing to write back
                values = resolved
        if encode is not None:
            values = _encoded(encode, values, self.days.setdefault(encode, {}))
        return values

    # ------------------------------------------------------------ flushing

    def _flush(self, table: Table) -> None:
        """Write one table's queued batch, and its run_change rows."""
        batch = self.pending.pop(table, None)
        if batch is None:
            return
        if batch.made is not None:
            self._parents_first(table)
            self._creates_columns(table, *batch.made)
        elif not batch.items:
            return
        elif batch.kind is ChangeKind.CREATE:
            self._parents_first(table)
            self._creates(table, batch.items)
        elif batch.kind is ChangeKind.UPDATE:
            self._updates(table, batch.items)
        else:
            self._deletes(table, batch.items)

    def _parents_first(self, table: Table) -> None:
        """The records queued to be created that ``table``'s new records may refer to,
        written first."""
        for parent in _PARENTS[table]:
            waiting = self.pending.get(parent)
            if waiting is not None and waiting.kind is ChangeKind.CREATE:
                self._flush(parent)

    def _creates(self, table: Table, items: list[_Item]) -> None:
        """INSERT the batch; log every created record's values."""
        self._creates_columns(table, list(map(itemgetter(0), items)),
                              list(map(itemgetter(1), items)),
                              self._created_columns(table, items), items)

    def _creates_columns(self, table: Table, seqs: Sequence[int], ids: Sequence[int],
                         columns: list[Sequence[Any]], items: list[_Item] | None = None,
                         ) -> None:
        """INSERT records given by column, each at its place ``seqs`` in the run with its id
        ``ids``; log their values. Given ``items`` (a batch queued), the columns are as
        stored; without (a CreatedColumns'), as made, every record created anew."""
        layout, name = self.layouts[table], table.value
        given_ids = _as_range(ids)
        _add_spans(self.spans[table], given_ids)
        if items is None:
            columns = self._stored(layout, list(columns))
        if _found_by(table):
            self._not_created_meanwhile(table, items, columns)
        # A column NULL in every record is left out: the engine stores NULL there (the tables
        # have no defaults of their own), and each value bound costs. The log leaves it out
        # of the records' values too (read back as NULL: Queries._values): most of a course's
        # texts, which took more than half of its log's bytes.
        null_only = list(map(_null_only, columns))
        given = [(c, values) for c, values, empty in zip(layout.columns, columns, null_only,
                                                         strict=True) if not empty]
        kinds = [_NULL_ONLY if empty else set(map(type, values))
                 for values, empty in zip(columns, null_only, strict=True)]
        names, values = ("id", *(c for c, _ in given)), [ids, *(v for _, v in given)]
        if table not in self.indexes:
            self.indexes[table] = self._indexes_aside(table, layout.columns, columns)
        elif self.in_order.get(table):
            self._keep_in_order(table, layout.columns, columns)
        if self.written is not None:
            self.written.created(table, dict(given))
        if self.alongside and set().union(*kinds) <= self.dialect.at_once_types:
            self._bulk(self.dialect.insert_at_once, name, names, values)
        else:
            self.wait_quiet()
            self.dialect.insert_many(self.conn, name, names, list(zip(*values, strict=True)))
        # The log names one column at least: a record logged as {} is a damaged history.
        logged_names, logged_values = (names[1:], values[1:]) if given else (
            layout.columns[:1], columns[:1])
        if (type(given_ids) is range  # not so when a revert gives old ids
                and all(k <= logged for k, logged in zip(kinds, layout.logged_as_stored,
                                                         strict=True))):
            # The rows just written read back as given: the engine builds the log from them.
            self._bulk(self.dialect.log_inserted, name, logged_names, self.run_id,
                       _as_range(seqs), ids[0])
        else:
            self.wait_quiet()
            log = [(self.run_id, *row) for row in zip(seqs, ids, *logged_values, strict=True)]
            self.dialect.log_created(self.conn, name, logged_names, log)

    def _bulk(self, statement: Callable[..., None], *args: Any) -> None:
        """``statement(conn, *args)``, on the statements' thread where there is one."""
        if self.statements is None:
            statement(self.conn, *args)
        else:
            self.statements.call(statement, self.raw, *args)

    def close(self) -> None:
        """Stop the statements' thread; what it still holds (the write failed) is not run."""
        if self.statements is not None:
            self.statements.close(dropping=True)

    def _indexes_aside(self, table: Table, names: Sequence[str],
                       columns: list[Sequence[Any]]) -> list[str]:
        """A large run's first records of a table that holds none (``columns``, their
        values by column, ``names`` theirs): the table's indexes set aside until its end
        (its lookups read the records older than the run, by id), but those of a column
        whose values come in increasing order (the GUIDs the writer makes, codes a file
        lists in order), kept up while they do (``_keep_in_order``)."""
        if self.total < INDEXES_AFTER or self.conn.execute(
                f'SELECT 1 FROM "{table.value}" LIMIT 1').fetchone() is not None:
            return []
        increasing = {name: values[-1] for name, values in zip(names, columns, strict=True)
                      if values and _increasing(values)}
        aside, kept = self.dialect.set_indexes_aside(self.conn, table.value, tuple(increasing))
        self.in_order[table] = {name: increasing[name] for name in kept}
        return aside

    def _keep_in_order(self, table: Table, names: Sequence[str],
                       columns: list[Sequence[Any]]) -> None:
        """The next records of a table whose indexes are set aside: an index kept up whose
        column's values no longer come in increasing order is set aside too."""
        kept = self.in_order[table]
        for name, values in zip(names, columns, strict=True):
            if name not in kept:
                continue
            if values and _increasing([kept[name], *values[:1]]) and _increasing(values):
                kept[name] = values[-1]
            else:
                del kept[name]
                self.indexes[table] += self.dialect.set_indexes_aside(
                    self.conn, table.value, tuple(kept))[0]

    def _created_columns(self, table: Table, items: list[_Item]) -> list[Sequence[Any]]:
        """The batch's created values as stored, by column (in the layout's order)."""
        layout = self.layouts[table]
        read_all, count, template = layout.read_all, len(layout.columns), layout.template
        read_record = layout.read_record
        changes = list(map(itemgetter(2), items))
        kinds = set(map(type, changes))
        if kinds == {tuple}:  # CreatedRows' rows only: their columns but the ids
            # The columns as zip makes them (tuples, not copied into lists): read only.
            return self._stored(layout, list(islice(zip(*changes, strict=True), 1, None)))
        if Change not in kinds and tuple not in kinds:  # records: read a column at a time
            return self._stored(layout, [list(map(read, changes)) for read in layout.read_columns])
        rows: list[tuple[Any, ...]] = []
        for change in changes:
            if type(change) is tuple:  # a CreatedRows' row: its id, then every column
                rows.append(change[1:])
                continue
            if type(change) is not Change:  # a record: every column, in order
                rows.append(read_record(change))
                continue
            values = change.values
            if len(values) == count:  # the planner gives every column
                try:
                    rows.append(read_all(values))
                    continue
                except KeyError:
                    pass
            rows.append(tuple(self._merged(table, values, template).values()))
        return self._stored(layout, list(zip(*rows, strict=True)))

    def _stored(self, layout: _Layout, columns: list[Sequence[Any]]) -> list[Sequence[Any]]:
        """Created records' values by column (in the layout's order), as stored."""
        position = {c: i for i, c in enumerate(layout.columns)}
        if GUID in position:  # a GUID the plan left for the write to make (guids.py)
            columns[position[GUID]] = made(columns[position[GUID]])
        for column, target, encode in layout.converted:
            i = position[column]
            columns[i] = self._as_stored(target, encode, columns[i])
        return columns

    def _not_created_meanwhile(self, table: Table, items: list[_Item] | None,
                               columns: list[Sequence[Any]]) -> None:
        """No record equal in ``found_by`` to a new one (not a revert's) was written since.

        The check found none (it would have matched it): one there now came from another
        commit, and this one would create it twice.
        """
        # Records this run created are not looked at: every id it gives is a new one. Without
        # older records (a new store), there is nothing to look for.
        if not self._looks_back(table):
            return
        p, name = self.dialect.param, table.value
        self.wait_quiet()  # the records read back come a row at a time
        found_by = _found_by(table)
        # Records holding a unique key (a learner's login) are the engine's to tell apart.
        keyed = () if schema.table_def(table).found_by else schema.unique_columns(table)
        cols = self.layouts[table].columns
        looked_at = ([True] * len(columns[0]) if items is None
                     else [_placeholder(change) for _, _, change in items])
        for unique in keyed:
            looked_at = [look and value is None for look, value
                         in zip(looked_at, columns[cols.index(unique)], strict=True)]
        keys = zip(*(columns[cols.index(c)] for c in found_by), strict=True)
        wanted = set(compress(keys, looked_at))
        without_keys = "".join(f" AND {unique} IS NULL" for unique in keyed)
        # Equal in all: found by the first column, or (unkeyed) by any the record fills.
        for at, column in enumerate(found_by if keyed else found_by[:1]):
            values = sorted({key[at] for key in wanted if key[at] is not None})
            for part in _chunks(values):
                sql = (f'SELECT id, {", ".join(found_by)} FROM "{name}" WHERE {column}'
                       f' IN ({", ".join([p] * len(part))}){without_keys} AND id < {p}')
                for found_id, *found in self.conn.execute(sql, (*part, self.first_id[table])):
                    if tuple(found) in wanted:
                        raise self._created_meanwhile(table, found_id)

    def _created_meanwhile(self, table: Table, record_id: int) -> StoreError:
        """"Session 'May' was created by run 4 (jdoe on pc-12) since the check; ..."."""
        said = _CREATED_MEANWHILE[table]
        run = creating_run(self.conn, self.dialect, table.value, record_id)
        return StoreChangedError(by_whom(
            (said.by_user_on, said.by_run_of, said.by_run, said.by_program), run,
            {"name": label_of(self.conn, self.dialect, table, record_id), "path": self.path}))

    def _updates(self, table: Table, items: list[_Item]) -> None:
        """UPDATE the batch's records to their final values; log before and after."""
        self.wait_quiet()
        current = self._current(table, {record_id for _, record_id, _ in items})
        log, encode = [], self.encode_json
        changes = [change for _, _, change in items]
        befores = self._all_as_stored(table, [change.before for change in changes])
        given = self._all_as_stored(table, [change.values for change in changes])
        for (seq, record_id, _), before, values in zip(items, befores, given, strict=True):
            row = self._existing(current, table, record_id, before)
            current[record_id] = after = {**row, **values}
            log.append((self.run_id, seq, table.value, "update", record_id, encode(row),
                        encode(after)))
        if self.written is not None:
            self.written.updated[table].update(current)
        cols, p = self.layouts[table].columns, self.dialect.param
        sets = ", ".join(f"{c} = {p}" for c in cols)
        self.conn.executemany(
            f'UPDATE "{table.value}" SET {sets} WHERE id = {p}',
            [(*(row[c] for c in cols), record_id) for record_id, row in current.items()])
        self._log(log)

    def _deletes(self, table: Table, items: list[_Item]) -> None:
        """DELETE the batch's records; log what they held."""
        self.wait_quiet()
        current = self._current(table, {record_id for _, record_id, _ in items})
        log, encode = [], self.encode_json
        befores = self._all_as_stored(table, [change.before for _, _, change in items])
        for (seq, record_id, _), before in zip(items, befores, strict=True):
            row = self._existing(current, table, record_id, before)
            log.append((self.run_id, seq, table.value, "delete", record_id, encode(row), None))
            del current[record_id]
        if self.written is not None:
            self.written.deleted[table].update(i for _, i, _ in items)
        self.conn.executemany(f'DELETE FROM "{table.value}" WHERE id = {self.dialect.param}',
                              [(i,) for _, i, _ in items])
        self._log(log)

    def _log(self, rows: list[tuple[Any, ...]]) -> None:
        """INSERT run_change rows given in full."""
        marks = ", ".join([self.dialect.param] * 7)
        self.conn.executemany(
            "INSERT INTO run_change (run_id, seq, table_name, kind, record_id, before, after)"
            f" VALUES ({marks})", rows)

    def _existing(self, current: dict[int, dict[str, Any]], table: Table, record_id: int,
                  before: dict[str, Any]) -> dict[str, Any]:
        """A record as it is now; a StoreError when it is gone or differs from ``before`` (as
        stored)."""
        row = current.get(record_id)
        if row is None:
            raise StoreChangedError(by_whom(
                self.gone, self._done_by(table, record_id),
                {"subject": subject(table, record_id, before, self._deleted(table, record_id)),
                 "path": self.path}))
        # Another program may have committed since the check: never overwrite its work. A
        # GUID made when this run wrote its record is whatever the write made.
        for column, value in before.items():
            if row[column] != value and value is not MADE_WHEN_WRITTEN:
                raise StoreChangedError(by_whom(
                    self.changed, self._done_by(table, record_id, {column: row[column]}),
                    {"subject": subject(table, record_id, before, row),
                     "field": field_named(table, column),
                     "value": repr(row[column]), "path": self.path}))
        return row

    def _deleted(self, table: Table, record_id: int) -> dict[str, Any]:
        """What a record held when a run of ours last deleted it (empty: none did)."""
        p = self.dialect.param
        row = self.conn.execute(
            f"SELECT c.before FROM run_change c WHERE c.table_name = {p} AND c.record_id = {p}"
            f" AND c.kind = 'delete' AND {HISTORY_BY_RECORD_OF_C}"
            " ORDER BY c.run_id DESC, c.seq DESC LIMIT 1", (table.value, record_id)).fetchone()
        return self.dialect.decoders[Type.JSON](row[0]) if row and row[0] else {}

    def _done_by(self, table: Table, record_id: int, found: dict[str, Any] | None = None
                 ) -> tuple[int, str | None, str | None] | None:
        """The run (id, user, machine) whose change of the record is the last: when it
        deleted it (``found`` None) or wrote the values ``found`` (any, when empty); None when
        no run of ours did (the last run to touch it may well be older than the check)."""
        last = last_change(self.conn, self.dialect, table.value, record_id, self.run_id)
        if last is None or (last[3] == "delete") != (found is None):
            return None
        if found is not None:
            written = self.dialect.decoders[Type.JSON](last[4])
            # A column a created record's values leave out is NULL (Queries._values).
            if any(written.get(column) != value
                   for column, value in json.loads(self.encode_json(found)).items()):
                return None
        return last[0], last[1], last[2]

    def _current(self, table: Table, ids: set[int]) -> dict[int, dict[str, Any]]:
        """The stored values of some records, by id."""
        cols, p = self.layouts[table].columns, self.dialect.param
        found: dict[int, dict[str, Any]] = {}
        for part in _chunks(sorted(ids)):
            sql = (f'SELECT id, {", ".join(cols)} FROM "{table.value}"'
                   f' WHERE id IN ({", ".join([p] * len(part))})')
            for row in self.conn.execute(sql, part):
                found[row[0]] = dict(zip(cols, row[1:], strict=True))
        json_columns = self.layouts[table].json_columns
        for row in found.values() if json_columns else ():
            for column in json_columns:
                # PostgreSQL's driver reads json as objects: as text again, as written, so
                # that it compares with what the check saw and is logged as SQLite logs it.
                if row[column] is not None and not isinstance(row[column], str):
                    row[column] = self.encode_json(row[column])
        return found
