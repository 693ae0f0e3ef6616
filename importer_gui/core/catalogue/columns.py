"""How messages name a store's columns and records: by the platform's field a column holds
("roomCapacity") and the kind of record a table holds ("learning object"), the words the
check's messages use; the store's own names are the administrator's never.
"""

from __future__ import annotations

from functools import cache

from importer_gui.core.catalogue.actions import FIELD_LABELS, STORE_COLUMNS
from importer_gui.core.schema import Table

# The fields of the tables whose fields are not named after them (a learner is a
# "candidate" in the platform's files, a tracking row's fields have no prefix, nor has a
# training course's lovCodes).
_COLUMN_FIELDS: dict[tuple[str, str], str] = {
    (Table.TRAINING, "lov_codes"): "lovCodes",
    (Table.LEARNER, "login"): "candidateLogin",
    (Table.LEARNER, "ref_number"): "candidateRefNumber",
    (Table.LEARNER, "email"): "candidateEmail", (Table.LEARNER, "name"): "candidateName",
    (Table.LEARNER, "firstname"): "candidateFirstname",
    (Table.LEARNER, "validity"): "candidateValidity",
    (Table.LEARNER, "enabled_from"): "enabledFrom",
    (Table.LEARNER, "enabled_until"): "enabledUntil",
    (Table.LEARNER, "languages"): "candidateLanguages",
    (Table.LEARNER, "time_zone"): "candidateTimeZone",
    (Table.LEARNER, "presentation"): "presentation",
    (Table.LEARNING_OBJECT, "code"): "lovCode", (Table.LEARNING_OBJECT, "guid"): "lovGuid",
    (Table.REGISTRATION, "registered_on"): "registrationDate",
    (Table.TRACKING, "lo_code"): "lovCode", (Table.TRACKING, "lo_guid"): "lovGuid",
    (Table.TRACKING, "first_access"): "firstAccessDate",
    (Table.TRACKING, "last_access"): "lastAccessDate",
    (Table.TRACKING, "first_completion"): "firstCompletionDate",
    (Table.TRACKING, "progression"): "progression", (Table.TRACKING, "status"): "trackingStatus",
    (Table.TRACKING, "time_spent"): "timeSpent", (Table.TRACKING, "score"): "score",
    (Table.TRACKING, "score_max"): "scoreMax",
}


@cache
def column_field(table: str, column: str) -> str | None:
    """The field whose value a store column holds (session ``title``: sessionTitle), if any.

    A field's name starts with the record it is about (``STORE_COLUMNS``), and the store's
    tables are named after those records; ``_COLUMN_FIELDS`` names the others.
    """
    named = _COLUMN_FIELDS.get((table, column))
    if named is not None:
        return named if named in FIELD_LABELS else None
    for name, stored in STORE_COLUMNS.items():
        if stored == column and name.startswith(table) and name[len(table):][:1].isupper():
            return name
    return None


def field_named(table: str, column: str) -> str:
    """A store column as a message names it: the field it holds, else the column (``guid``,
    a reference's ``teacher_id``), which no field of the platform's names."""
    return column_field(table, column) or column


def record_kind(table: str) -> str:
    """A table's record as a message names its kind: "session", "learning object"."""
    return table.replace("_", " ")


def table_of_kind(kind: str) -> Table | None:
    """The table whose records are of a ``kind`` said by ``record_kind`` (any case)."""
    try:
        return Table(kind.lower().replace(" ", "_"))
    except ValueError:
        return None


def record_name(table: str, record_id: int | str) -> str:
    """A record as a message names it: "Session 12", "Learning object 3", or by its label
    quoted when given one ("Teacher 'zoe'")."""
    return f"{record_kind(table).capitalize()} {record_id}"
