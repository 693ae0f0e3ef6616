"""The mapping page's column rows: each file column's title, samples, field combo and guess."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from importer_gui.core.binding import bound_names
from importer_gui.core.catalogue import IGNORED_COLUMN, ActionSpec
from importer_gui.core.config import KEYED_BY, KEYED_FIELDS, Action, Column
from importer_gui.core.errors import ConfigError
from importer_gui.core.suggest import CLOSE, EXACT, NORMALISED, SYNONYM, Suggestion
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import catalogue_text, field_title
from importer_gui.ui.styles import HEADING_STYLE, MUTED_TEXT, WARNING_TEXT, text_colour

SAMPLES = 3  # sample values shown per column
SAMPLE_WIDTH = 240  # pixels of sample values before an ellipsis
TITLE_WIDTH = 200  # pixels of a column's header before an ellipsis
RENAMED = "renamed"  # a suggestion's how: a new column proposed for a saved one gone
# Characters of a sample value its tooltip shows: a comments cell may hold 100 KB of text.
TIP_LENGTH = 200


@dataclass
class ColumnRow:
    """The widgets of one file column."""

    header: str | None
    combo: QComboBox
    note: QLabel
    suggestion: Suggestion
    # A custom field's GUID (shown when the column feeds one): it tells custom fields apart.
    guid: QLineEdit
    guid_before: str = ""  # the GUID the field-list boxes know it by
    was: str = ""  # for a column proposed as a saved one renamed: that one's header
    chosen: bool = False  # the user chose its field (the one guessed, or another)

    @property
    def guessed(self) -> bool:
        """The field is a guess the user has yet to look at: one they chose is theirs."""
        return self.suggestion.guessed and not self.chosen

    def bound(self) -> str:
        """The field as the check binds it: ``custom:GUID`` for a custom field with a GUID."""
        field = self.combo.currentData()
        guid = self.guid.text().strip()
        return f"{field}:{guid}" if field in KEYED_FIELDS and guid else field


class FieldCombo(QComboBox):
    """A column's choice of field. The rows' combos offer one list, so one measure of it a
    font (a guess is in italics) sizes them all, rather than each measuring every title."""

    def __init__(self, sizes: dict[tuple[bool, str], QSize], parent: QWidget) -> None:
        super().__init__(parent)
        self._sizes = sizes  # shared by the rows' combos, with their list

    def sizeHint(self) -> QSize:
        """As QComboBox measures it, once a font."""
        return self._measured(False, super().sizeHint)

    def minimumSizeHint(self) -> QSize:
        """As QComboBox measures it, once a font."""
        return self._measured(True, super().minimumSizeHint)

    def _measured(self, minimum: bool, measure: Callable[[], QSize]) -> QSize:
        key = (minimum, self.font().key())
        if key not in self._sizes:
            self._sizes[key] = measure()
        return QSize(self._sizes[key])


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


def _tip(text: str) -> str:
    """A sample value as its tooltip shows it: whole, or its beginning cut."""
    return text if len(text) <= TIP_LENGTH else f"{text[:TIP_LENGTH]}…"


def column_guids(spec: ActionSpec, columns: list[Column], action: Action) -> list[str]:
    """Each column's custom-field GUID as the configuration gives it ("" for none)."""
    try:
        names = bound_names(spec, columns, action)
    except ConfigError:  # a custom column without a GUID: the ones the columns give
        return [c.options.settings.get(KEYED_BY, "") for c in columns]
    return [name.partition(":")[2] if name else "" for name in names]


class ColumnRows:
    """The page's grid of the file's columns, a row each (the page holds the grid)."""

    def _add_titles(self) -> None:
        """The grid's title row."""
        titles = (self.tr("Column"), self.tr("Sample values"), self.tr("Field"), "")
        for place, text in enumerate(titles):
            label = QLabel(text, self.columns_widget)
            label.setStyleSheet(HEADING_STYLE)
            self.grid.addWidget(label, 0, place)

    def _add_column(self, index: int, header: str | None, samples: list[tuple[int, str]],
                    suggestion: Suggestion, was: str = "") -> None:
        """One grid row: title, samples, field combo, guess note (``was``: the header of the
        saved column it is proposed for)."""
        title = header or arg(self.tr("Column %1"), index + 1)
        label = QLabel(self.columns_widget)
        bold = QFont(label.font())
        bold.setBold(True)
        label.setFont(bold)
        label.setTextFormat(Qt.TextFormat.PlainText)
        # A long header is cut with an ellipsis too; the tooltip has it whole.
        label.setText(QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight,
                                                    TITLE_WIDTH))
        label.setToolTip(title)
        shown = " · ".join(text for _line, text in samples if text) or "—"
        sample_label = QLabel(self.columns_widget)
        sample_label.setObjectName(f"samples_{index}")
        # Long values are cut with an ellipsis; the tooltip has them whole.
        sample_label.setText(sample_label.fontMetrics().elidedText(
            shown, Qt.TextElideMode.ElideRight, SAMPLE_WIDTH))
        text_colour(sample_label, MUTED_TEXT)
        # Each value with its line in the file, as the preview and the check number it.
        sample_label.setToolTip("\n".join(arg(self.tr("Line %1: %2"), line, _tip(text))
                                           for line, text in samples))
        sample_label.setTextFormat(Qt.TextFormat.PlainText)
        combo = FieldCombo(self._combo_sizes, self.columns_widget)
        combo.setObjectName(f"field_{index}")
        combo.setAccessibleName(arg(self.tr("Field for column %1"), title))
        label.setBuddy(combo)
        side = QWidget(self.columns_widget)
        line = QHBoxLayout(side)
        line.setContentsMargins(0, 0, 0, 0)
        note = QLabel(side)
        text_colour(note, WARNING_TEXT)  # a guess to confirm
        guid = QLineEdit(side)
        guid.setObjectName(f"guid_{index}")
        guid.setPlaceholderText(self.tr("GUID of the custom field"))
        guid.setAccessibleName(arg(self.tr("GUID of the custom field in column %1"), title))
        guid.setToolTip(self.tr("The platform's GUID of the custom field this column feeds."))
        # Room for a whole GUID (36 characters), the platform's form of it.
        guid.setMinimumWidth(guid.fontMetrics().horizontalAdvance("D" * 36) + 12)
        line.addWidget(guid)
        line.addWidget(note, 1)
        row = ColumnRow(header, combo, note, suggestion, guid, was=was)
        self.rows.append(row)
        self._mark(row)
        # Given its list once its font is set (a guess's italics): a new font lays out the
        # combo's list again, every field of it.
        combo.setModel(self._field_model)
        combo.setCurrentIndex(max(combo.findData(suggestion.field), 0))
        combo.currentIndexChanged.connect(lambda *_, r=row: self._field_chosen(r))
        # Chosen in its list, even the field guessed: the user looked, and it is theirs.
        combo.activated.connect(lambda *_, r=row: self._field_chosen(r))
        guid.textChanged.connect(lambda *_, r=row: self._guid_changed(r))
        self._follow_hand(guid)
        for place, widget in enumerate((label, sample_label, combo, side)):
            self.grid.addWidget(widget, index + 1, place)

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
        guessed = row.guessed
        font = row.combo.font()
        font.setItalic(guessed)
        row.combo.setFont(font)
        if row.suggestion.how == RENAMED:
            row.note.setText(arg(self.tr("guessed (was “%1”)"), row.was) if guessed else "")
            row.note.setToolTip(arg(self.tr(
                "The saved mapping fed %1 from the column “%2”, which this file lacks: this "
                "column may be it, renamed. Check it."), field_title(row.suggestion.field),
                row.was) if guessed else "")
            row.combo.setToolTip(row.note.toolTip())
            return
        how = self._how(row.suggestion.how)
        row.note.setText(arg(self.tr("guessed (%1)"), how) if guessed else "")
        row.note.setToolTip(arg(self.tr("Suggested from the header \"%1\" (%2 match): check it."),
                                row.header or "", how) if guessed else "")
        row.combo.setToolTip(row.note.toolTip())

    def _how(self, how: str | None) -> str:
        """How a suggestion was found, in words."""
        words = {EXACT: self.tr("exact"), NORMALISED: self.tr("normalised"),
                 SYNONYM: self.tr("synonym"), CLOSE: self.tr("close")}
        return words.get(how or "", how or "")

    def _show_guid(self, row: ColumnRow) -> None:
        """A custom field's column asks for the field's GUID."""
        row.guid.setVisible(row.combo.currentData() in KEYED_FIELDS)
