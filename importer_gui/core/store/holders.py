"""Who took a unique value a write was refused for: the record holding it, and the run."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import suppress
from typing import Any

from importer_gui.core import schema
from importer_gui.core.catalogue.columns import field_named, record_kind, record_name
from importer_gui.core.errors import QT_TRANSLATE_NOOP
from importer_gui.core.records import TABLE_OF_RECORD, Change, ChangeKind, Record, Table
from importer_gui.core.store.dialect import Connection, Dialect, Failure, Fault

# {kind} and {field} as the check's messages name a record's kind and a field (catalogue's
# columns), {value} quoted, {path} the store: the command line's words. The window words these
# itself, with the field's label (ui/messages_text.py), so their French here is never shown.
BY_USER_ON = QT_TRANSLATE_NOOP("errors", "Another {kind} has the {field} {value}, written by "
                                         "run {run} ({user} on {machine}) since the check; "
                                         "check again: nothing was written to {path}.")
BY_RUN_OF = QT_TRANSLATE_NOOP("errors", "Another {kind} has the {field} {value}, written by "
                                        "run {run} ({who}) since the check; check again: "
                                        "nothing was written to {path}.")
BY_RUN = QT_TRANSLATE_NOOP("errors", "Another {kind} has the {field} {value}, written by run "
                                     "{run} since the check; check again: nothing was written "
                                     "to {path}.")
BY_PROGRAM = QT_TRANSLATE_NOOP("errors", "Another {kind} has the {field} {value}, written by "
                                         "another program since the check; check again: "
                                         "nothing was written to {path}.")
# The same for a revert, which has no check: it is planned, then written.
BY_USER_ON_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Another {kind} has the {field} {value}, written by run {run} ({user} on "
              "{machine}) since the revert was planned; try the revert again: nothing was "
              "written to {path}.")
BY_RUN_OF_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Another {kind} has the {field} {value}, written by run {run} ({who}) since "
              "the revert was planned; try the revert again: nothing was written to {path}.")
BY_RUN_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Another {kind} has the {field} {value}, written by run {run} since the revert "
              "was planned; try the revert again: nothing was written to {path}.")
BY_PROGRAM_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Another {kind} has the {field} {value}, written by another program since the "
              "revert was planned; try the revert again: nothing was written to {path}.")
# By who wrote the value (run and user and machine, run and one of them, run, no run): the
# templates of a commit, and of a revert.
_SAID = ((BY_USER_ON, BY_RUN_OF, BY_RUN, BY_PROGRAM),
         (BY_USER_ON_REVERTING, BY_RUN_OF_REVERTING, BY_RUN_REVERTING, BY_PROGRAM_REVERTING))
# A registration refused for its (learner, session) pair, the store's one key of two columns:
# {learner} and {session} are each a record's label (quoted) or id.
REGISTERED_BY_USER_ON = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by run {run} ({user} on "
              "{machine}) since the check; check again: nothing was written to {path}.")
REGISTERED_BY_RUN_OF = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by run {run} ({who}) "
              "since the check; check again: nothing was written to {path}.")
REGISTERED_BY_RUN = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by run {run} since the "
              "check; check again: nothing was written to {path}.")
REGISTERED_BY_PROGRAM = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by another program since "
              "the check; check again: nothing was written to {path}.")
REGISTERED_BY_USER_ON_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by run {run} ({user} on "
              "{machine}) since the revert was planned; try the revert again: nothing was "
              "written to {path}.")
REGISTERED_BY_RUN_OF_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by run {run} ({who}) "
              "since the revert was planned; try the revert again: nothing was written to "
              "{path}.")
REGISTERED_BY_RUN_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by run {run} since the "
              "revert was planned; try the revert again: nothing was written to {path}.")
REGISTERED_BY_PROGRAM_REVERTING = QT_TRANSLATE_NOOP(
    "errors", "Learner {learner} was registered to session {session} by another program since "
              "the revert was planned; try the revert again: nothing was written to {path}.")
REGISTERED = ((REGISTERED_BY_USER_ON, REGISTERED_BY_RUN_OF, REGISTERED_BY_RUN,
                REGISTERED_BY_PROGRAM),
               (REGISTERED_BY_USER_ON_REVERTING, REGISTERED_BY_RUN_OF_REVERTING,
                REGISTERED_BY_RUN_REVERTING, REGISTERED_BY_PROGRAM_REVERTING))
# A registration's key, (learner_id, session_id): its table's unique index, as the schema says.
_PAIR = next(index.columns for index in schema.table_def(Table.REGISTRATION).indexes
             if index.unique)
IN_CHUNK = 500  # values in one IN (...)
_RECORD_TABLES = frozenset(table.value for table in TABLE_OF_RECORD.values())


def taken(conn: Connection, dialect: Dialect, writes: Iterable[Change | Record],
          fault: Fault, path: object, *, reverting: bool = False) -> str | None:
    """The refusal of a write whose value of a unique column another record holds, naming
    the value and the run that wrote it (in a revert's words when ``reverting``); None when
    that cannot be told (then the engine's own words stand). Read after the write's
    transaction was rolled back."""
    column = fault.column
    if fault.failure is not Failure.UNIQUE or iter(writes) is writes:
        return None  # writes that cannot be read again
    if fault.table == Table.REGISTRATION.value and column.split(",")[0] == _PAIR[0]:
        with suppress(*dialect.errors):
            return _registered(conn, dialect, writes, path, reverting)
        return None
    if fault.table not in _RECORD_TABLES or column not in schema.unique_columns(fault.table):
        return None
    with suppress(*dialect.errors):
        found = _holder(conn, dialect, fault.table, column,
                        list(dict.fromkeys(_written(writes, fault.table, column))))
        if found is None:
            return None
        value, record_id = found
        said = {"kind": record_kind(fault.table), "field": field_named(fault.table, column),
                "value": repr(value), "path": path}
        return by_whom(_SAID[reverting], _writer(conn, dialect, fault.table, record_id), said)
    return None


def _writer(conn: Connection, dialect: Dialect, table: str, record_id: int
            ) -> tuple[int, str | None, str | None] | None:
    """The last run that wrote a record: its id, user and machine; None: no run of ours."""
    last = last_change(conn, dialect, table, record_id)
    return None if last is None else last[:3]


# A run's change of a record: the run's id, user and machine, the change's kind and the
# record's values after it (JSON; None after a delete).
LastChange = tuple[int, str | None, str | None, str, Any]


def last_change(conn: Connection, dialect: Dialect, table: str, record_id: int,
                other_than: int = 0) -> LastChange | None:
    """The last change a run of ours (but run ``other_than``) made to a record; None: none.

    Its changes but its creation come from the history's index by record; its creation from
    the spans of created ids (run_created), then that run's history: a one-off look-up, for
    a message.
    """
    p = dialect.param
    changed = conn.execute(
        "SELECT c.run_id, c.seq, r.user_name, r.machine, c.kind, c.after FROM run_change c"
        f" JOIN import_run r ON r.id = c.run_id WHERE c.table_name = {p} AND c.record_id = {p}"
        f" AND {HISTORY_BY_RECORD_OF_C} AND c.run_id <> {p}"
        " ORDER BY c.run_id DESC, c.seq DESC LIMIT 1",
        (table, record_id, other_than)).fetchone()
    creator = creating_run(conn, dialect, table, record_id, other_than)
    created = None if creator is None else conn.execute(
        "SELECT c.run_id, c.seq, r.user_name, r.machine, c.kind, c.after FROM run_change c"
        f" JOIN import_run r ON r.id = c.run_id WHERE c.run_id = {p} AND c.table_name = {p}"
        f" AND c.record_id = {p} AND c.kind = 'create' ORDER BY c.seq DESC LIMIT 1",
        (creator[0], table, record_id)).fetchone()
    found = [row for row in (changed, created) if row is not None]
    if not found:
        return None
    run_id, _, user, machine, kind, after = max(found, key=lambda row: (row[0], row[1]))
    return run_id, user, machine, kind, after


def creating_run(conn: Connection, dialect: Dialect, table: str, record_id: int,
                 other_than: int = 0) -> tuple[int, str | None, str | None] | None:
    """The last run (but ``other_than``) that created a record (a revert may make a deleted
    one again), by the spans of created ids: its id, user and machine; None: none of ours."""
    p = dialect.param
    return conn.execute(
        f"SELECT r.id, r.user_name, r.machine FROM {schema.CREATED_TABLE} c"
        f" JOIN import_run r ON r.id = c.run_id WHERE c.table_name = {p}"
        f" AND c.first_id <= {p} AND c.last_id >= {p} AND c.run_id <> {p}"
        " ORDER BY c.run_id DESC LIMIT 1", (table, record_id, record_id, other_than)).fetchone()


# The index by record's condition, said of the history as "c" (the engines use a partial
# index only for a query that says its condition).
HISTORY_BY_RECORD_OF_C = f"c.{schema.HISTORY_BY_RECORD}"


def by_whom(templates: tuple[str, str, str, str],
             run: tuple[int, str | None, str | None] | None, said: dict[str, Any]) -> str:
    """One of the four ``templates`` (run, user and machine; run and one; run; no run)."""
    by_user_on, by_run_of, by_run, by_program = templates
    if run is None:
        return by_program.format(**said)
    run_id, user, machine = run
    if user and machine:
        return by_user_on.format(run=run_id, user=user, machine=machine, **said)
    if user or machine:
        return by_run_of.format(run=run_id, who=user or machine, **said)
    return by_run.format(run=run_id, **said)


def _registered(conn: Connection, dialect: Dialect, writes: Iterable[Change | Record],
                path: object, reverting: bool) -> str | None:
    """A registration refused for its learner and session, registered meanwhile: who did."""
    table = Table.REGISTRATION.value
    pairs = list(dict.fromkeys(zip(*(_written_all(writes, table, c) for c in _PAIR),
                                   strict=True)))
    learners = sorted({learner for learner, _ in pairs if isinstance(learner, int)})
    held: dict[tuple[Any, Any], int] = {}
    for start in range(0, len(learners), IN_CHUNK):
        part = learners[start:start + IN_CHUNK]
        marks = ", ".join([dialect.param] * len(part))
        for record_id, *pair in conn.execute(
                f'SELECT id, {", ".join(_PAIR)} FROM "{table}" WHERE {_PAIR[0]} IN ({marks})',
                part):
            held[tuple(pair)] = record_id  # type: ignore[index]
    found = next((pair for pair in pairs if pair in held), None)
    if found is None:
        return None
    said = {"learner": label_of(conn, dialect, Table.LEARNER, found[0]),
            "session": label_of(conn, dialect, Table.SESSION, found[1]), "path": path}
    return by_whom(REGISTERED[reverting], _writer(conn, dialect, table, held[found]), said)


def label_of(conn: Connection, dialect: Dialect, table: Table, record_id: int) -> str:
    """A stored record as a message names it: its label quoted, or its id."""
    label = schema.table_def(table).label
    row = conn.execute(f'SELECT {label} FROM "{table.value}" WHERE id = {dialect.param}',
                       (record_id,)).fetchone()
    return named(row[0] if row else None, record_id)


def broken_reference(conn: Connection, dialect: Dialect) -> dict[str, str] | None:
    """The first reference of a store that leads nowhere, as a message names it: the record
    holding it ({subject}), its column ({field}), and the record it names that the store does
    not hold ({kind} {ref}); None when every reference leads somewhere."""
    found = dialect.broken_reference(conn)
    if found is None:
        return None
    holder = (label_of(conn, dialect, Table(found.table), found.row_id)
              if found.table in _RECORD_TABLES else str(found.row_id))
    # The missing record by the value that names it: an id, or text quoted (a code typed
    # where its id belongs).
    return {"subject": record_name(found.table, holder),
            "field": field_named(found.table, found.column),
            "kind": record_kind(found.parent),
            "ref": named(None if isinstance(found.value, int) else found.value, found.value)}


def subject(table: Table, record_id: int, *known: dict[str, Any] | None) -> str:
    """A record as a message names it, "Teacher 'zoe'": by its label as the first of
    ``known`` holding one has it (what the writer expected, then the store's...), or
    "Teacher 1" when none does."""
    return record_name(table.value, named(known_label(table, *known), record_id))


def known_label(table: Table, *known: dict[str, Any] | None) -> Any:
    """A record's label as the first of ``known`` (its values, each maybe None) holding one
    has it; None when none does."""
    label = schema.table_def(table).label
    return next((values[label] for values in known
                 if values and values.get(label) is not None), None)


def named(label: Any, record_id: int) -> str:
    """A record as a message names it: its label quoted ('zoe'), or its id when it has none."""
    return repr(label) if label is not None else str(record_id)


def _written_all(writes: Iterable[Change | Record], table: str, column: str) -> Iterator[Any]:
    """The value each write creating a record of ``table`` gives ``column`` (None too)."""
    for write in writes:
        if type(write) is Change:
            if write.table.value == table and write.kind is ChangeKind.CREATE:
                yield write.values.get(column)
        elif TABLE_OF_RECORD[type(write)].value == table:
            yield getattr(write, column)


def _written(writes: Iterable[Change | Record], table: str, column: str) -> Iterator[Any]:
    """The values the writes give ``column`` of ``table`` (creations and updates)."""
    for write in writes:
        if type(write) is Change:
            if (write.table.value == table and write.kind is not ChangeKind.DELETE
                    and write.values.get(column) is not None):
                yield write.values[column]
        elif TABLE_OF_RECORD[type(write)].value == table:
            value = getattr(write, column)
            if value is not None:
                yield value


def _holder(conn: Connection, dialect: Dialect, table: str, column: str,
            values: list[Any]) -> tuple[Any, int] | None:
    """The first of ``values`` (in the writes' order) a stored record holds, with its id."""
    held: dict[Any, int] = {}
    for start in range(0, len(values), IN_CHUNK):
        part = values[start:start + IN_CHUNK]
        marks = ", ".join([dialect.param] * len(part))
        held.update(conn.execute(f'SELECT "{column}", id FROM "{table}"'
                                 f' WHERE "{column}" IN ({marks})', part).fetchall())
    return next(((value, held[value]) for value in values if value in held), None)
