"""How the window names fields, store columns and tables: in the user's language, with the
technical name second where people meet it in messages and configurations.
"""

from __future__ import annotations

from functools import cache

from importer_gui.core.catalogue.actions import (
    CATALOGUE,
    CODE_LABELS,
    FIELD_LABELS,
    IGNORED_COLUMN,
    IGNORED_LABEL,
)
from importer_gui.core.catalogue.columns import column_field
from importer_gui.core.catalogue.exports import EXPORT_FIELDS
from importer_gui.core.paths import readable
from importer_gui.core.schema import Table
from importer_gui.core.store import PostgresUrl, StoreLocation
from importer_gui.ui.i18n import arg, tr, translate

ID_COLUMN = "id"


def store_name(location: StoreLocation) -> str:
    """A store, short, in the user's language: a file's name, or a database and its host."""
    if isinstance(location, PostgresUrl):
        return arg(translate("labels", "%1 on %2"), location.database, location.host)
    return readable(location.name)  # Qt drops the bytes of a name that are no UTF-8


def catalogue_text(text: str) -> str:
    """A text of the catalogue (a label, summary or description) in the user's language."""
    return tr(CATALOGUE, text) if text else ""


def _label(name: str) -> str | None:
    """A field's label: an import's, or a field only the platform's exports carry."""
    found = FIELD_LABELS.get(name)
    if found is None and name in EXPORT_FIELDS:
        found = EXPORT_FIELDS[name].label
    return found


def has_label(name: str) -> bool:
    """Whether a field has a label: an import's field, or one of the exports' own."""
    return _label(name) is not None


def _named(name: str) -> str | None:
    """A field's label, or what people call a skipped column ("Not imported")."""
    return IGNORED_LABEL if name == IGNORED_COLUMN else _label(name)


def field_label(name: str) -> str:
    """What people call a field, in their language; the name itself for an unknown one."""
    label = _named(name)
    return catalogue_text(label) if label else name


@cache  # the preview asks it of every issue of every row it shows; forgotten per language
def field_title(name: str) -> str:
    """"Session title — sessionTitle": the label first, the technical name second."""
    return _titled(_named(name), name)


def forget_titles() -> None:
    """Forget the titles worked out (the language changed, as tests do)."""
    field_title.cache_clear()


def code_title(meaning: str) -> str:
    """"Create or update — createUpdate": a coded field's meaning, then its element's name."""
    return _titled(CODE_LABELS.get(meaning), meaning)


def _titled(label: str | None, name: str) -> str:
    """A catalogue's label translated, then the technical name; the name alone without one."""
    return _then_name(catalogue_text(label), name) if label else name


def _then_name(words: str, name: str) -> str:
    """"Session title — sessionTitle": words in the user's language, then a technical name."""
    return arg(translate("labels", "%1 — %2"), words, name)


def table_name(table: str) -> str:
    """One record of a store table, as people call it: "Session", "Training course"."""
    return _of_table({
        Table.TEACHER: translate("labels", "Teacher"),
        Table.TRAINING: translate("labels", "Training course"),
        Table.SESSION: translate("labels", "Session"),
        Table.ROOM: translate("labels", "Room"),
        Table.INTERVENTION: translate("labels", "Intervention"),
        Table.ENTITY: translate("labels", "Entity"),
        Table.LEARNER: translate("labels", "Learner"),
        Table.LEARNING_OBJECT: translate("labels", "Learning object"),
        Table.REGISTRATION: translate("labels", "Registration"),
        Table.TRACKING: translate("labels", "Tracking"),
    }, table)


def feminine(table: str) -> bool:
    """Whether the words about a record of ``table`` agree in the feminine in the user's
    language ("la salle", "elle"): each kind's gender is translated as a word, "masculine"
    or "feminine", and English says none."""
    gender = _of_table({
        Table.TEACHER: translate("labels", "masculine", "grammatical gender of Teacher"),
        Table.TRAINING: translate("labels", "masculine", "grammatical gender of Training course"),
        Table.SESSION: translate("labels", "masculine", "grammatical gender of Session"),
        Table.ROOM: translate("labels", "masculine", "grammatical gender of Room"),
        Table.INTERVENTION: translate("labels", "masculine",
                                      "grammatical gender of Intervention"),
        Table.ENTITY: translate("labels", "masculine", "grammatical gender of Entity"),
        Table.LEARNER: translate("labels", "masculine", "grammatical gender of Learner"),
        Table.LEARNING_OBJECT: translate("labels", "masculine",
                                         "grammatical gender of Learning object"),
        Table.REGISTRATION: translate("labels", "masculine",
                                      "grammatical gender of Registration"),
        Table.TRACKING: translate("labels", "masculine", "grammatical gender of Tracking"),
    }, table)
    return gender == translate("labels", "feminine")


def the_kind(table: str) -> str:
    """A record's kind inside a sentence with its article, as its gender wants: "the room"
    ("la salle", "le formateur", "l'entité")."""
    name = table_name(table)
    name = name[:1].lower() + name[1:]
    if name[:1].lower() in _VOWELS:
        return arg(translate("labels", "the %1", "before a vowel"), name)
    if feminine(table):
        return arg(translate("labels", "the %1", "feminine"), name)
    return arg(translate("labels", "the %1", "masculine"), name)


# The letters a word opens with that an article before it elides ("l'entité").
_VOWELS = frozenset("aeiouyàâéèêëîïôû")


def records_name(table: str) -> str:
    """A store table's records in a sentence's middle: "training courses", "learners"."""
    return _of_table({
        Table.TEACHER: translate("labels", "teachers"),
        Table.TRAINING: translate("labels", "training courses"),
        Table.SESSION: translate("labels", "sessions"),
        Table.ROOM: translate("labels", "rooms"),
        Table.INTERVENTION: translate("labels", "interventions"),
        Table.ENTITY: translate("labels", "entities"),
        Table.LEARNER: translate("labels", "learners"),
        Table.LEARNING_OBJECT: translate("labels", "learning objects"),
        Table.REGISTRATION: translate("labels", "registrations"),
        Table.TRACKING: translate("labels", "tracking"),
    }, table)


def another_record(table: str) -> str:
    """"Another teacher": a sentence's subject, one phrase a table so that its words agree
    as the language wants ("Une autre formation")."""
    return _of_table({
        Table.TEACHER: translate("messages", "Another teacher"),
        Table.TRAINING: translate("messages", "Another training course"),
        Table.SESSION: translate("messages", "Another session"),
        Table.ROOM: translate("messages", "Another room"),
        Table.INTERVENTION: translate("messages", "Another intervention"),
        Table.ENTITY: translate("messages", "Another entity"),
        Table.LEARNER: translate("messages", "Another learner"),
        Table.LEARNING_OBJECT: translate("messages", "Another learning object"),
        Table.REGISTRATION: translate("messages", "Another registration"),
        Table.TRACKING: translate("messages", "Another tracking row"),
    }, table)


def _of_table(phrases: dict[Table, str], table: str) -> str:
    """A table's phrase; an unknown table's name as it is."""
    try:
        return phrases[Table(table)]
    except ValueError:
        return table


def _column_titles() -> dict[str, str]:
    """Columns no field holds, as people call them."""
    return {
        "guid": translate("labels", "GUID"), "name": translate("labels", "Name"),
        "custom": translate("labels", "Custom fields"), "title": translate("labels", "Title"),
        "publisher": translate("labels", "Publisher"), "type": translate("labels", "Type"),
        "login": translate("labels", "Login"), "code": translate("labels", "Code"),
        "lo_code": translate("labels", "Learning object code"),
        "lo_guid": translate("labels", "Learning object GUID"),
        "time_spent": translate("labels", "Time spent (seconds)"),
        # A record's reference to one of its own table.
        "manager_id": translate("labels", "Manager"),
        "parent_id": translate("labels", "Parent entity"),
    }


def column_title(table: str, column: str) -> str:
    """A store column's header: the field it holds, else what it is ("Id")."""
    field = column_field(table, column)
    if column == ID_COLUMN:
        return _id_title(field)
    if field is not None:
        return field_title(field)
    return _column_titles().get(column) or column.replace("_", " ").capitalize()


def _id_title(field: str | None) -> str:
    """A table's id column, named alike in every table ("Id", "Id — sessionId" where a
    platform's field is that id): in French a record's number, never "Identifiant", which
    is a login there."""
    number = translate("labels", "Id")
    return _then_name(number, field) if field else number


def reference_title(table: str, column: str = "", of: str = "") -> str:
    """The header of a column naming another record: that record's kind ("Teacher"), or what
    it is to a record of the same kind (a learner's "Manager")."""
    if of and of == table and column:
        return column_title(of, column)
    return table_name(table)


def referred_text(label: object, record_id: int) -> str:
    """A record another refers to, as its cell shows it: by its label ("PC-1"), or "#5"
    when it has none or is gone."""
    return str(label) if label else f"#{record_id}"
