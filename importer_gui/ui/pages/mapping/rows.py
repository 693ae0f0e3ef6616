"""The mapping page's column rows: each file column's title, samples, field and guess."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from importer_gui.core.binding import bound_names
from importer_gui.core.catalogue import IGNORED_COLUMN, ActionSpec
from importer_gui.core.config import KEYED_BY, KEYED_FIELDS, Action, Column
from importer_gui.core.errors import ConfigError
from importer_gui.core.suggest import CLOSE, EXACT, NORMALISED, SYNONYM, Suggestion
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import catalogue_text, field_title
from importer_gui.ui.pages.mapping.columns_view import GUID
from importer_gui.ui.shown import shown

SAMPLES = 3  # sample values shown per column
RENAMED = "renamed"  # a suggestion's how: a new column proposed for a saved one gone


@dataclass
class ColumnRow:
    """One file column as the page shows it: plain data the columns' table draws."""

    header: str | None
    title: str  # its header, or its place for a column without one
    samples: str  # its first values, as the table shows them
    samples_tip: str  # each with its line in the file
    suggestion: Suggestion
    field: str  # the field it feeds now
    guid: str = ""  # a custom field's GUID (asked when it feeds one): tells them apart
    guid_before: str = ""  # the GUID the field-list boxes know it by
    was: str = ""  # for a column proposed as a saved one renamed: that one's header
    chosen: bool = False  # the user chose its field (the one guessed, or another)
    note: str = ""  # why its field is a guess, while it is one
    note_tip: str = ""

    @property
    def guessed(self) -> bool:
        """The field is a guess the user has yet to look at: one they chose is theirs."""
        return self.suggestion.guessed and not self.chosen

    def bound(self) -> str:
        """The field as the check binds it: ``custom:GUID`` for a custom field with a GUID."""
        guid = self.guid.strip()
        return f"{self.field}:{guid}" if self.field in KEYED_FIELDS and guid else self.field


def proposed_columns(found: dict[int, Column], suggestions: list[Suggestion],
                     fields: list[str]) -> dict[int, Column]:
    """The renamed columns worth proposing: on a column left skipped, for an action's field
    no other column is suggested for."""
    taken = {s.field for s in suggestions}
    return {place: column for place, column in found.items()
            if suggestions[place].field == IGNORED_COLUMN and column.field in fields
            and column.field not in taken}


def _offered(text: str, field: str, description: str = "") -> QStandardItem:
    """A field as a column's combo offers it: its title, its name as the item's data."""
    item = QStandardItem(text)
    item.setData(field, Qt.ItemDataRole.UserRole)
    if description:
        item.setToolTip(description)
    return item


def column_guids(spec: ActionSpec, columns: list[Column], action: Action) -> list[str]:
    """Each column's custom-field GUID as the configuration gives it ("" for none)."""
    try:
        names = bound_names(spec, columns, action)
    except ConfigError:  # a custom column without a GUID: the ones the columns give
        return [c.options.settings.get(KEYED_BY, "") for c in columns]
    return [name.partition(":")[2] if name else "" for name in names]


class ColumnRows:
    """The page's table of the file's columns, a row each (the page holds the table)."""

    def _word_table(self) -> None:
        """The table's titles and a GUID cell's words, in the page's language."""
        model = self.columns_model
        model.headers = [self.tr("Column"), self.tr("Sample values"), self.tr("Field"),
                         self.tr("GUID of the custom field"), ""]
        model.guid_words = (self.tr("GUID of the custom field"), self.tr(
            "The platform's GUID of the custom field this column feeds."))

    def _add_column(self, index: int, header: str | None, samples: list[tuple[int, str]],
                    suggestion: Suggestion, was: str = "") -> None:
        """One row: title, samples, field, guess note (``was``: the header of the saved
        column it is proposed for). Shown once every row is added (``_show_rows``)."""
        values = " · ".join(text for _line, text in samples if text) or "—"
        # Each value with its line in the file, as the preview and the check number it.
        tip = "\n".join(arg(self.tr("Line %1: %2"), line, shown(text)) for line, text in samples)
        assert self.spec is not None
        offered = suggestion.field in self.spec.by_name  # else not imported, first offered
        row = ColumnRow(header, header or arg(self.tr("Column %1"), index + 1), values, tip,
                        suggestion, suggestion.field if offered else IGNORED_COLUMN, was=was)
        self.rows.append(row)
        self._word_note(row)

    def _show_rows(self) -> None:
        """The rows added, in the table; sized to them."""
        model = self._field_model
        titles = {} if model is None else {
            model.item(place).data(Qt.ItemDataRole.UserRole): model.item(place).text()
            for place in range(model.rowCount())}
        self.columns_model.show_rows(self.rows, titles)
        self.columns_view.size_parts(model)
        self._show_guid_column()

    def _field_words(self, place: int, part: str) -> tuple[str, str]:
        """An editor's accessible name and placeholder in the row at ``place``."""
        title = self.rows[place].title
        if part == "field":
            return arg(self.tr("Field for column %1"), title), ""
        return (arg(self.tr("GUID of the custom field in column %1"), title),
                self.tr("GUID of the custom field"))

    def _choose(self, place: int, field: str) -> None:
        """The user chose a column's field (the one shown, or another)."""
        row = self.rows[place]
        row.field = field
        self._field_chosen(row)

    def _name(self, place: int, guid: str) -> None:
        """The user typed a column's custom-field GUID."""
        self._edited_by_hand()
        self.rows[place].guid = guid
        self._guid_changed(self.rows[place])

    def _fields_offered(self) -> QStandardItemModel:
        """"Not imported" then the action's fields, mandatory ones starred, described: one
        list for every column's combo, each title worded once rather than once a column."""
        assert self.spec is not None
        model = QStandardItemModel(self)
        model.appendRow(_offered(field_title(IGNORED_COLUMN), IGNORED_COLUMN))
        for field in self.spec.fields:
            title = field_title(field.name)
            model.appendRow(_offered(f"{title} *" if field.mandatory else title, field.name,
                                     catalogue_text(field.description)))
        return model

    def _mark(self, row: ColumnRow) -> None:
        """Italic and a note for a guess; plain once the user chose."""
        self._word_note(row)
        self.columns_model.row_changed(self.rows.index(row))

    def _word_note(self, row: ColumnRow) -> None:
        """Why a row's field is a guess, while it is one."""
        guessed = row.guessed
        if row.suggestion.how == RENAMED:
            row.note = arg(self.tr("guessed (was “%1”)"), row.was) if guessed else ""
            row.note_tip = arg(self.tr(
                "The saved mapping fed %1 from the column “%2”, which this file lacks: this "
                "column may be it, renamed. Check it."), field_title(row.suggestion.field),
                row.was) if guessed else ""
            return
        how = self._how(row.suggestion.how)
        row.note = arg(self.tr("guessed (%1)"), how) if guessed else ""
        row.note_tip = arg(self.tr("Suggested from the header \"%1\" (%2 match): check it."),
                           row.header or "", how) if guessed else ""

    def _how(self, how: str | None) -> str:
        """How a suggestion was found, in words."""
        words = {EXACT: self.tr("exact"), NORMALISED: self.tr("normalised"),
                 SYNONYM: self.tr("synonym"), CLOSE: self.tr("close")}
        return words.get(how or "", how or "")

    def _show_guid_column(self) -> None:
        """The GUIDs' column, while a column feeds a custom field."""
        self.columns_view.setColumnHidden(GUID, not any(r.field in KEYED_FIELDS
                                                         for r in self.rows))
        self.columns_view.fit_height()
