"""How the window names fields, store columns and tables: in the user's language, with the
technical name second where people meet it in messages and configurations.
"""

from __future__ import annotations

from functools import cache

from importer_gui.core.catalogue import STORE_COLUMNS
from importer_gui.core.catalogue.actions import CATALOGUE, FIELD_LABELS
from importer_gui.core.schema import Table
from importer_gui.ui.i18n import arg, tr, translate

ID_COLUMN = "id"


def catalogue_text(text: str) -> str:
    """A text of the catalogue (a label, summary or description) in the user's language."""
    return tr(CATALOGUE, text) if text else ""


def field_label(name: str) -> str:
    """What people call a field, in their language; the name itself for an unknown one."""
    label = FIELD_LABELS.get(name)
    return catalogue_text(label) if label else name


def field_title(name: str) -> str:
    """"Session title — sessionTitle": the label first, the technical name second."""
    label = FIELD_LABELS.get(name)
    return arg(translate("labels", "%1 — %2"), catalogue_text(label), name) if label else name


def table_name(table: str) -> str:
    """One record of a store table, as people call it: "Session", "Training course"."""
    names = {
        Table.TEACHER: translate("labels", "Teacher"),
        Table.TRAINING: translate("labels", "Training course"),
        Table.SESSION: translate("labels", "Session"),
        Table.ROOM: translate("labels", "Room"),
        Table.INTERVENTION: translate("labels", "Intervention"),
    }
    try:
        return names[Table(table)]
    except ValueError:
        return table


@cache
def column_field(table: str, column: str) -> str | None:
    """The field whose value a store column holds (session ``title``: sessionTitle), if any.

    A field's name starts with the record it is about (``STORE_COLUMNS``), and the store's
    tables are named after those records.
    """
    for name, stored in STORE_COLUMNS.items():
        if stored == column and name.startswith(table) and name[len(table):][:1].isupper():
            return name
    return None


def column_title(table: str, column: str) -> str:
    """A store column's header: the field it holds, else what it is ("Id")."""
    field = column_field(table, column)
    if field is not None:
        return field_title(field)
    if column == ID_COLUMN:
        return translate("labels", "Id")
    return column.replace("_", " ").capitalize()


def reference_title(table: str) -> str:
    """The header of a column naming another record: that record's kind ("Teacher")."""
    return table_name(table)


def reference_id_title(table: str) -> str:
    """The header of a column holding another record's id: "Training course (id)"."""
    return arg(translate("labels", "%1 (id)"), table_name(table))
