"""The store's schema, said once: its tables, their columns, keys, indexes and references.

Everything else is made from this: the record types the planner uses (``records.py``), the
tables a new store gets (``store/models.py`` makes peewee models of them, and peewee words
their DDL for the store's engine), and what revert and the store browser ask (unique columns,
references, the columns' order).

The stored file follows it: changing a table here means a new ``SCHEMA_VERSION`` and a
migration of the stores that exist. A column's ``default`` is the application's, the value a
created record gets when the planner leaves the column out; it is not in the DDL, because a
creation always writes every column.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any

SCHEMA_VERSION = 6  # bump, and migrate older stores (store/migrations.py), when a table or
# what a program reads in one changes (an older program refuses a newer store)
FIRST_SCHEMA_VERSION = 1  # the oldest store an upgrade starts from
# The table of the store's identity (since IDENTITY_SINCE): one GUID, made with the store.
IDENTITY_TABLE = "store_identity"
IDENTITY_SINCE = 4
# The records a run created are found by their spans of ids (CREATED_TABLE) since this
# version; the history's index by record leaves them out.
SPANS_SINCE = 6
CREATED_TABLE = "run_created"
# The oldest version whose stores are read as they are where they cannot be upgraded (a
# read-only medium, a read-only role): version 4 added the identity only, read by no query;
# version 5 changed only what a run logs of a record it created, which both logs read;
# version 6 added the spans of created records, which an older store's history answers for
# through its index (Queries reads either).
READ_AS_IT_IS = 3

class _Required:
    """The default of a column the planner must always give."""

    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


class Table(StrEnum):
    """The store's record tables (the runs' own tables are not records)."""

    TEACHER = "teacher"
    TRAINING = "training"
    SESSION = "session"
    ROOM = "room"
    INTERVENTION = "intervention"
    ENTITY = "entity"
    LEARNER = "learner"
    LEARNING_OBJECT = "learning_object"
    REGISTRATION = "registration"
    TRACKING = "tracking"


class Type(StrEnum):
    """What a column holds; each engine chooses how it stores it."""

    INTEGER = "integer"
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"
    JSON = "json"  # a list or an object
    REAL = "real"  # a floating-point number (a progression, a score)


# The Python type of each column type's values, as records hold them.
PYTHON_TYPES: dict[Type, type] = {Type.INTEGER: int, Type.TEXT: str, Type.DATE: date,
                                  Type.DATETIME: datetime, Type.JSON: object, Type.REAL: float}


@dataclass(frozen=True)
class Column:
    """One column besides the id; ``references`` names the table whose id it holds."""

    name: str
    type: Type
    null: bool = False
    default: Any = None  # what a created record gets when the planner leaves it out
    unique: bool = False
    index: bool = False
    references: str | None = None
    # A text whose few values repeat over many records (a code, a status): read back, each
    # value is one object its records share (store/queries.py).
    repeats: bool = False

    @property
    def record_default(self) -> Any:
        """The default, or REQUIRED for a NOT NULL column without one."""
        return self.default if self.default is not None or self.null else REQUIRED


@dataclass(frozen=True)
class Index:
    """An index over several columns (one column's index is said on the column); ``where``:
    a partial index's condition (SQL both engines read alike), which the rows it holds meet."""

    columns: tuple[str, ...]
    unique: bool = False
    where: str | None = None


@dataclass(frozen=True)
class TableDef:
    """One table: an integer ``id`` key first, then its columns, then its indexes.

    ``ids_never_reused``: a deleted row's id is never given again, so that a run's recorded
    changes always name the same records (reverting a run cannot hit a newer record that
    took a deleted one's id). ``label`` is the column people name a record by (a session's
    training is shown by its path code); ``searched`` are the text columns a search looks in.
    ``found_by``: for a table without a unique key (the platform lets two sessions share a
    title), the columns an import may find a record by; a record created by another commit
    since the check, equal in all of them to one a commit creates, is a conflict.
    ``found_by_unkeyed``: the same for a table with unique keys, for its records holding
    none (a learner without a login or GUID, found by reference number or e-mail): such a
    record created since the check, equal in those columns to one a commit creates without
    keys either, is a conflict; records with a key are the engine's unique keys' to tell.
    """

    name: str
    doc: str
    columns: tuple[Column, ...]
    indexes: tuple[Index, ...] = ()
    ids_never_reused: bool = True
    label: str = ""
    searched: tuple[str, ...] = ()
    found_by: tuple[str, ...] = ()
    found_by_unkeyed: tuple[str, ...] = ()


INTEGER, TEXT, DATE, DATETIME, JSON = Type.INTEGER, Type.TEXT, Type.DATE, Type.DATETIME, Type.JSON
REAL = Type.REAL

# The condition of the history's index by record (a record's changes but its creation).
HISTORY_BY_RECORD = "kind <> 'create'"

# Parents before the tables that refer to them: the order a new store creates them in.
TABLES: tuple[TableDef, ...] = (
    TableDef(Table.TEACHER, "A teacher, found by login.", (
        Column("login", TEXT, unique=True),
        Column("name", TEXT, null=True),
        Column("firstname", TEXT, null=True),
        Column("email", TEXT, null=True),
    ), label="login", searched=("login", "name", "firstname", "email")),
    TableDef(Table.TRAINING, "A training course, found by path code or GUID.", (
        Column("path_code", TEXT, unique=True),
        Column("guid", TEXT, null=True, unique=True),
        Column("title", TEXT),
        Column("locale", TEXT, null=True, repeats=True),
        Column("modality", TEXT, null=True, repeats=True),
        Column("description", TEXT, null=True),
        Column("duration", INTEGER, null=True),
        # Since version 3: the rest of the training-course import's fields.
        Column("lov_codes", TEXT, null=True),  # the learning objects' codes, as the file lists
        Column("cost", TEXT, null=True),
        Column("what_you_will_learn", TEXT, null=True),
        Column("overview", TEXT, null=True),
        Column("outcomes", TEXT, null=True),
        Column("audience", TEXT, null=True),
        Column("further_information", TEXT, null=True),
        Column("welcome_text", TEXT, null=True),
        Column("steps", TEXT, null=True),
    ), label="path_code", searched=("path_code", "title", "guid")),
    TableDef(Table.SESSION, "A session of a training course.", (
        # Looked up through the (training_id, title) index below: no index of its own.
        Column("training_id", INTEGER, references=Table.TRAINING),
        Column("title", TEXT, null=True),
        Column("guid", TEXT, null=True, index=True),
        Column("status", TEXT, null=True, repeats=True),
        Column("start_date", DATE, null=True),
        Column("end_date", DATE, null=True),
        Column("teacher_id", INTEGER, null=True, index=True, references=Table.TEACHER),
    ), indexes=(Index(("training_id", "title")),), label="title",
        searched=("title", "guid", "status"),
        # sessionSearchField's columns (sessionId aside), within the training.
        found_by=("training_id", "title", "guid", "start_date", "end_date")),
    TableDef(Table.ROOM, "A room, found by GUID.", (
        Column("guid", TEXT, unique=True),
        Column("label", TEXT, null=True),
        Column("capacity", INTEGER, null=True),
    ), label="label", searched=("guid", "label")),
    TableDef(Table.INTERVENTION, "A classroom meeting of a session.", (
        Column("guid", TEXT, unique=True),
        Column("session_id", INTEGER, index=True, references=Table.SESSION),
        Column("start", DATETIME, null=True),
        Column("duration", INTEGER, null=True),
        Column("room_id", INTEGER, null=True, index=True, references=Table.ROOM),
        Column("teacher_id", INTEGER, null=True, index=True, references=Table.TEACHER),
        # "active" or "cancelled": meanings, not the files' codes.
        Column("status", TEXT, default="active", repeats=True),
    ), label="guid", searched=("guid", "status")),
    # Since version 3: the organisation, its learners, what they follow and how far.
    TableDef(Table.ENTITY, "An entity of the organisation tree, found by name.", (
        # Not unique: the platform finds an entity by name, the lowest id when several.
        Column("name", TEXT, index=True),
        Column("guid", TEXT, null=True, unique=True),
        Column("parent_id", INTEGER, null=True, index=True, references=Table.ENTITY),
    ), label="name", searched=("name", "guid"), found_by=("name",)),
    TableDef(Table.LEARNER, "A learner, found by login, reference number, e-mail or GUID.", (
        Column("login", TEXT, null=True, unique=True),
        Column("ref_number", TEXT, null=True, index=True),
        Column("email", TEXT, null=True, index=True),
        Column("name", TEXT, null=True),
        Column("firstname", TEXT, null=True),
        Column("entity_id", INTEGER, null=True, index=True, references=Table.ENTITY),
        Column("manager_id", INTEGER, null=True, index=True, references=Table.LEARNER),
        # "enabled", "disabled" or "enabledUntil": meanings, not the files' codes.
        Column("validity", TEXT, null=True, repeats=True),
        Column("enabled_from", DATE, null=True),
        Column("enabled_until", DATE, null=True),
        Column("languages", TEXT, null=True, repeats=True),
        Column("time_zone", TEXT, null=True, repeats=True),
        Column("presentation", TEXT, null=True),
        Column("custom", JSON, null=True),  # custom field GUID -> value
        Column("guid", TEXT, null=True, unique=True),
        # No password: a file's candidatePassword is checked, never stored.
    ), label="login", searched=("login", "ref_number", "email", "name", "firstname"),
        found_by_unkeyed=("ref_number", "email")),
    TableDef(Table.LEARNING_OBJECT, "A learning object, known from the platform's exports.", (
        Column("code", TEXT, null=True, index=True),  # the ref number lovCodes name
        Column("guid", TEXT, null=True, unique=True),
        Column("title", TEXT, null=True),
        Column("publisher", TEXT, null=True),
        Column("type", TEXT, null=True, repeats=True),
    ), label="code", searched=("code", "guid", "title", "publisher"),
        found_by_unkeyed=("code",)),
    TableDef(Table.REGISTRATION, "A learner registered to a session.", (
        # Looked up through the (learner_id, session_id) index below.
        Column("learner_id", INTEGER, references=Table.LEARNER),
        Column("session_id", INTEGER, index=True, references=Table.SESSION),
        Column("guid", TEXT, null=True, unique=True),
        Column("registered_on", DATETIME, null=True),
    ), indexes=(Index(("learner_id", "session_id"), unique=True),), label="guid",
        searched=("guid",)),
    TableDef(Table.TRACKING, "A learner's progress in a session's learning object.", (
        # Looked up through the (learner_id, session_id, lo_code) index below.
        Column("learner_id", INTEGER, references=Table.LEARNER),
        Column("session_id", INTEGER, index=True, references=Table.SESSION),
        Column("lo_code", TEXT, null=True, repeats=True),
        Column("lo_guid", TEXT, null=True),
        Column("first_access", DATETIME, null=True),
        Column("last_access", DATETIME, null=True),
        Column("first_completion", DATETIME, null=True),
        Column("progression", REAL, null=True),
        Column("status", TEXT, null=True, repeats=True),
        Column("time_spent", INTEGER, null=True),  # seconds
        Column("score", REAL, null=True),
        Column("score_max", INTEGER, null=True),
    ), indexes=(Index(("learner_id", "session_id", "lo_code")),), label="lo_code",
        searched=("lo_code", "lo_guid", "status"),
        found_by=("learner_id", "session_id", "lo_code", "lo_guid")),
    TableDef("import_run", "One commit (or revert) and what it was made from.", (
        Column("started", DATETIME),
        Column("finished", DATETIME, null=True),
        Column("kind", TEXT),  # "import", "refresh" or "revert"
        Column("config_path", TEXT),
        Column("config_xml", TEXT),
        Column("files", JSON),
        Column("counts", JSON),
        Column("reverts_run", INTEGER, null=True),
        Column("reverted_by", INTEGER, null=True),
        # Who committed it and where (since version 2: older runs have neither).
        Column("user_name", TEXT, null=True),
        Column("machine", TEXT, null=True),
    )),
    TableDef("run_change", "One record a run created, changed or deleted: its values before "
             "(update, delete) and after (create, update), every column.", (
        # Looked up through the (run_id, seq) index below: no index of its own.
        Column("run_id", INTEGER, references="import_run"),
        Column("seq", INTEGER),
        Column("table_name", TEXT),
        Column("kind", TEXT),
        Column("record_id", INTEGER),
        Column("before", JSON, null=True),
        Column("after", JSON, null=True),
    ), indexes=(Index(("run_id", "seq"), unique=True),
                # A record's changes, but its creation: a large run's creations of a table
                # went into the middle of this index, each a search and most of a page split
                # (some 0.7 s a million); they are found by their spans (run_created).
                # Queries say the condition word for word, or the engines pass the index by.
                Index(("table_name", "record_id"), where=HISTORY_BY_RECORD)),
        ids_never_reused=False),
    # Since version 6.
    TableDef(CREATED_TABLE, "The records a run created, as spans of ids that follow each "
             "other (first to last), by table: which run created a record, and which records "
             "imports created.", (
        Column("run_id", INTEGER, references="import_run"),
        Column("table_name", TEXT),
        Column("first_id", INTEGER),
        Column("last_id", INTEGER),
    ), indexes=(Index(("table_name", "first_id")),), ids_never_reused=False),
    # Since version 4. SQLite keeps the schema version in the file's header (user_version), an
    # integer: a GUID needs a table, the same on both engines. Not copied by a store copy,
    # which is another store from then on (it gets its own), nor by an upgrade (it stamps one).
    TableDef(IDENTITY_TABLE, "The store's identity: a GUID (uuid4) made with the store, which "
             "tells it from another store put in its place.", (
        Column("guid", TEXT),
    ), ids_never_reused=False),
)

_BY_NAME: dict[str, TableDef] = {t.name: t for t in TABLES}
_RECORD_TABLES: frozenset[str] = frozenset(Table)


def table_def(table: str) -> TableDef:
    """One table's definition, by name (a ``Table`` is its own name)."""
    return _BY_NAME[table]


@cache
def columns(table: str) -> tuple[Column, ...]:
    """A table's columns but the id, in its records' order.

    The columns a record must be given come first (a dataclass needs them first), each part
    in the table's order.
    """
    defined = table_def(table).columns
    required = tuple(c for c in defined if c.record_default is REQUIRED)
    return required + tuple(c for c in defined if c.record_default is not REQUIRED)


@cache
def column_names(table: str) -> tuple[str, ...]:
    """The names of ``columns(table)``."""
    return tuple(c.name for c in columns(table))


def defaults(table: str) -> dict[str, Any]:
    """Every column but the id, in the records' order, with its default (or REQUIRED)."""
    return {c.name: c.record_default for c in columns(table)}


@cache
def unique_columns(table: str) -> tuple[str, ...]:
    """The columns no two records of a table may share a value of."""
    return tuple(c.name for c in table_def(table).columns if c.unique)


@cache
def _references(table: str) -> tuple[tuple[str, Table], ...]:
    return tuple((c.name, Table(c.references)) for c in table_def(table).columns
                 if c.references in _RECORD_TABLES)


def references(table: str) -> dict[str, Table]:
    """The columns holding another record's id: column -> the record table referred to."""
    return dict(_references(table))
