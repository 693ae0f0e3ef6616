"""Page 3: which field each column feeds, value mappings and the action's options.

Everything about the action comes from its catalogue entry: its fields, their codes, its
options by kind. What is wrong with a mapping is the core's answer (``mapping_problems``);
the page only words and shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.binding import (
    MappingProblems,
    configured_codes,
    mapping_problems,
    option_value,
)
from importer_gui.core.catalogue import (
    ACTIONS,
    IGNORED_COLUMN,
    NO,
    PROVIDER_OPTIONS,
    YES,
    ActionSpec,
    FieldDef,
    OptionDef,
    OptionKind,
)
from importer_gui.core.cells import Cell, cell_text
from importer_gui.core.config import (
    KEYED_FIELDS,
    Action,
    ActionField,
    Column,
    FieldOptions,
    ImportConfig,
)
from importer_gui.core.errors import ConfigError, ImporterError
from importer_gui.core.remap import Remapped, remap
from importer_gui.core.suggest import CLOSE, EXACT, NORMALISED, SYNONYM, Suggestion, map_columns
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import catalogue_text, field_title
from importer_gui.ui.pages.base import BasePage, first_action, read_head
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import (
    GUESS_STYLE,
    HEADING_STYLE,
    MUTED_STYLE,
    NOTICE_STYLE,
    WARNING_STYLE,
)
from importer_gui.ui.widgets.signals import signals_blocked

SAMPLES = 3  # sample values shown per column
SAMPLE_WIDTH = 240  # pixels of sample values before an ellipsis
TITLE_WIDTH = 200  # pixels of a column's header before an ellipsis
DATE_FORMAT = PROVIDER_OPTIONS["dateFormat"]
# The date format's texts, as catalogue/document.py writes them, marked for the translators.
DATE_FORMAT_TEXTS = (
    QT_TRANSLATE_NOOP("catalogue", "&Date format"),
    QT_TRANSLATE_NOOP("catalogue", "Y, M, D, H, I (minutes), S and the characters / _ . : ; , - "
                                   "and space"),
)


@dataclass
class ColumnRow:
    """The widgets of one file column."""

    header: str | None
    combo: QComboBox
    note: QLabel
    suggestion: Suggestion


class MappingPage(BasePage):
    """Each file column next to a choice of field; guesses are marked until the user looks."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(self.tr(
            "Choose the field each column feeds. Suggestions in italics are guesses: check "
            "them. Columns set to ignoredColumn are skipped."))
        self.rows: list[ColumnRow] = []
        self.code_edits: dict[str, dict[str, QLineEdit]] = {}
        # The action's field-list options: a box per field each may name.
        self.field_list_checks: dict[str, dict[str, QCheckBox]] = {}
        # The first of them (sessionSearchField for sessions): its boxes by field.
        self.search_checks: dict[str, QCheckBox] = {}
        # Its other options: a combo for a choice, a line for text.
        self.option_inputs: dict[str, QComboBox | QLineEdit] = {}
        # Its <parameters> not also options (consolidated tracking's dateTimeFormat...).
        self.parameter_inputs: dict[str, QComboBox | QLineEdit] = {}
        self.spec: ActionSpec | None = None
        self.date_format_edit: QLineEdit | None = None
        self._initialised = False
        self._build()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        """Warnings on top; below them, one scrolled column: the file's columns, then value
        mappings and options side by side (two columns of boxes would not fit a small
        screen in French)."""
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("mappingWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.confirm_check = QCheckBox(self.tr("&Go on without them"), self)
        self.confirm_check.toggled.connect(self._confirmed)
        self.body.addWidget(self.warning_label)
        self.body.addWidget(self.confirm_check)
        # A saved mapping laid on a new file: what moved, what is new, what is missing.
        self.changes_label = QLabel(self)
        self.changes_label.setObjectName("mappingChanges")
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_label.setStyleSheet(NOTICE_STYLE)
        self.changes_label.hide()
        self.body.addWidget(self.changes_label)
        content = QWidget()
        column = QVBoxLayout(content)
        self.columns_widget = QWidget(content)
        self.grid = QGridLayout(self.columns_widget)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(3, 1)  # the rows keep to the left; room goes to the notes
        column.addWidget(self.columns_widget)
        self.side_widget = QWidget(content)
        self.side_layout = QHBoxLayout(self.side_widget)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.side_widget)
        column.addStretch(1)  # rows and boxes stay at the top
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)

    def _clear(self) -> None:
        """Remove the column rows and the side boxes (rebuilt for each file and action)."""
        for layout in (self.grid, self.side_layout):
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget()
                if widget is not None:
                    widget.hide()  # gone at once: deleted later, it would still be painted
                    widget.deleteLater()
        self.rows = []
        self.code_edits = {}
        self.field_list_checks = {}
        self.search_checks = {}
        self.option_inputs = {}
        self.parameter_inputs = {}

    # --- filling from the session -------------------------------------------------------

    def initializePage(self) -> None:
        """Rebuild from the session: the file's columns, the configured or suggested fields."""
        self._clear()
        imp = self.current_import()
        action = first_action(imp)
        self.spec = ACTIONS.get(action.name) if action is not None else None
        if self.spec is None or action is None:
            self.show_error(self.tr("Choose an action first."))
            return
        headers, rows = self._head(len(imp.provider.columns))
        self._add_titles()
        fields = [f.name for f in self.spec.fields]
        named = headers if imp.provider.skip_first_line and any(headers) else None
        laid = remap(imp.provider.columns, named)
        self._show_changes(laid)
        known = [(c.header, c.field) for c in laid.columns]
        suggestions = map_columns(headers, known, fields)
        for index, (header, suggestion) in enumerate(zip(headers, suggestions, strict=True)):
            samples = [cell_text(r[index]) for r in rows[:SAMPLES] if index < len(r)]
            self._add_column(index, header, samples, suggestion)
        self._build_side(action)
        self._initialised = True
        # Going on without some fields was said for one import and one set of fields only.
        with signals_blocked(self.confirm_check):
            self.confirm_check.setChecked(
                self.session.missing_accepted() == tuple(self.missing_mandatory()))
        self.update_warning()

    def _show_changes(self, laid: Remapped) -> None:
        """Say how the saved mapping met this file's columns, when they are not as saved."""
        if not laid.changed:
            self.changes_label.hide()
            return
        lines = [self.tr("The saved mapping was matched to this file's columns by their "
                         "headers.")]
        if laid.moved:
            lines.append(arg(self.tr("Moved: %1."), ", ".join(
                arg(self.tr("“%1” (column %2 → %3)"), m.header, m.before + 1,
                    m.after + 1) for m in laid.moved)))
        if laid.new:
            lines.append(arg(self.tr("New, skipped unless you map them: %1."), ", ".join(
                arg(self.tr("“%1” (column %2)"), header, place + 1)
                for place, header in laid.new)))
        if laid.missing:
            lines.append(arg(self.tr("Missing from this file: %1. The saved mapping fed them; "
                                     "map another column to them or go on without them."),
                             ", ".join(arg(self.tr("“%1” (%2)"), c.header or "",
                                           field_title(c.field)) for c in laid.missing)))
        self.changes_label.setText("\n".join(lines))
        self.changes_label.show()

    def _add_titles(self) -> None:
        """The grid's title row."""
        titles = (self.tr("Column"), self.tr("Sample values"), self.tr("Field"), "")
        for place, text in enumerate(titles):
            label = QLabel(text, self.columns_widget)
            label.setStyleSheet(HEADING_STYLE)
            self.grid.addWidget(label, 0, place)

    def _head(self, configured: int) -> tuple[list[str | None], list[tuple[Cell, ...]]]:
        """Column titles and first rows; without a readable file, the configured columns."""
        data_file = self.data_file()
        headers: list[str] | None = None
        rows: list[tuple[Cell, ...]] = []
        if data_file is not None:
            try:
                headers, rows = read_head(self.current_import().provider, data_file)
            except ImporterError as exc:
                self.show_error(exc.message)
            else:
                self.show_error(None)
        width = max([len(headers or []), configured] + [len(r) for r in rows])
        named: list[str | None] = list(headers or [])
        named += [None] * (width - len(named))
        return named, rows

    def _add_column(self, index: int, header: str | None, samples: list[str],
                    suggestion: Suggestion) -> None:
        """One grid row: title, samples, field combo, guess note."""
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
        shown = " · ".join(s for s in samples if s) or "—"
        sample_label = QLabel(self.columns_widget)
        # Long values are cut with an ellipsis; the tooltip has them whole.
        sample_label.setText(sample_label.fontMetrics().elidedText(
            shown, Qt.TextElideMode.ElideRight, SAMPLE_WIDTH))
        sample_label.setStyleSheet(MUTED_STYLE)
        sample_label.setToolTip("\n".join(samples))
        sample_label.setTextFormat(Qt.TextFormat.PlainText)
        combo = QComboBox(self.columns_widget)
        combo.setObjectName(f"field_{index}")
        combo.setAccessibleName(arg(self.tr("Field for column %1"), title))
        self._fill_combo(combo)
        combo.setCurrentIndex(max(combo.findData(suggestion.field), 0))
        label.setBuddy(combo)
        note = QLabel(self.columns_widget)
        note.setStyleSheet(GUESS_STYLE)
        row = ColumnRow(header, combo, note, suggestion)
        self.rows.append(row)
        self._mark(row, suggestion.guessed)
        combo.currentIndexChanged.connect(lambda *_, r=row: self._field_chosen(r))
        for place, widget in enumerate((label, sample_label, combo, note)):
            self.grid.addWidget(widget, index + 1, place)

    def _fill_combo(self, combo: QComboBox) -> None:
        """ignoredColumn then the action's fields; mandatory ones starred, described."""
        assert self.spec is not None
        combo.addItem(self.tr("ignoredColumn (skip it)"), IGNORED_COLUMN)
        for field in self.spec.fields:
            title = field_title(field.name)
            combo.addItem(f"{title} *" if field.mandatory else title, field.name)
            combo.setItemData(combo.count() - 1, catalogue_text(field.description),
                              Qt.ItemDataRole.ToolTipRole)

    def _mark(self, row: ColumnRow, guessed: bool) -> None:
        """Italic and a note for a guess; plain once the user chose."""
        font = row.combo.font()
        font.setItalic(guessed)
        row.combo.setFont(font)
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

    def _field_chosen(self, row: ColumnRow) -> None:
        """The user picked a field: it is no longer a guess; warnings and options follow."""
        self._mark(row, guessed=False)
        self._update_codes_enabled()
        self.update_warning()

    def _build_side(self, action: Action) -> None:
        """Value mappings for coded fields and the action's options, defaults shown."""
        assert self.spec is not None
        imp = self.current_import()
        top = Qt.AlignmentFlag.AlignTop
        for field in self.spec.fields:
            if field.remapped:
                self.side_layout.addWidget(self._codes_box(field, action), 0, top)
        self.side_layout.addWidget(self._options_box(action, imp.provider.date_format), 0, top)
        self.side_layout.addStretch(1)
        self._update_codes_enabled()

    def _codes_box(self, field: FieldDef, action: Action) -> QGroupBox:
        """One code per meaning for a coded field, as a check would read them now."""
        box = QGroupBox(arg(self.tr("Codes in the file for %1"), field_title(field.name)),
                        self.side_widget)
        box.setObjectName(f"codes_{field.name}")
        form = _form(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        current = configured_codes(field, action, self.current_import().provider.columns)
        edits: dict[str, QLineEdit] = {}
        for meaning, default in field.codes:
            edit = QLineEdit(current.get(meaning, default), box)
            edit.setPlaceholderText(default)
            edit.setObjectName(f"code_{field.name}_{meaning}")
            edit.setToolTip(arg(self.tr("Default: %1"), default))
            form.addRow(arg(self.tr("%1 (default %2):"), meaning, default), edit)
            edits[meaning] = edit
        self.code_edits[field.name] = edits
        return box

    def _options_box(self, action: Action, date_format: str) -> QGroupBox:
        """The action's options, each by its kind, then the provider's date format."""
        assert self.spec is not None
        box = QGroupBox(self.tr("Options"), self.side_widget)
        form = _form(box)
        for option in self.spec.options:
            value = option_value(self.spec, action, option.name)
            if option.kind is OptionKind.FIELD_LIST:
                label = QLabel(arg(self.tr("%1\n(default %2):"), catalogue_text(option.label),
                                   option.default), box)
                label.setToolTip(catalogue_text(option.description))
                form.addRow(label, self._field_list(option, value, box))
            else:
                widget = self._option_input(option, value, box)
                form.addRow(arg(self.tr("%1 (default %2):"), catalogue_text(option.label),
                                self._choice_text(option.default)), widget)
        for parameter in self._parameters():
            widget = self._option_input(parameter, action.parameter(parameter.name), box)
            self.parameter_inputs[parameter.name] = self.option_inputs.pop(parameter.name)
            form.addRow(arg(self.tr("%1 (default %2):"),
                            catalogue_text(parameter.label) or parameter.name,
                            self._choice_text(parameter.default)), widget)
        self.date_format_edit = QLineEdit(date_format, box)
        self.date_format_edit.setObjectName(DATE_FORMAT.name)
        self.date_format_edit.setPlaceholderText(DATE_FORMAT.default)
        self.date_format_edit.setToolTip(catalogue_text(DATE_FORMAT.description))
        form.addRow(arg(self.tr("%1 (default %2):"), catalogue_text(DATE_FORMAT.label),
                        DATE_FORMAT.default), self.date_format_edit)
        return box

    def _parameters(self) -> list[OptionDef]:
        """The action's simple parameters that are not also among its options."""
        assert self.spec is not None
        return [p for p in self.spec.parameters if self.spec.option(p.name) is None]

    def _field_list(self, option: OptionDef, value: object, box: QWidget) -> QWidget:
        """A check box per field the option may name, the chosen ones checked; a custom field
        only as the configuration names it (custom:GUID), a GUID being nothing to tick."""
        chosen = list(value) if isinstance(value, list) else []
        first = not self.field_list_checks
        checks = self.field_list_checks[option.name] = {}
        holder = QWidget(box)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        keyed = [name for name in chosen if name.split(":")[0] in KEYED_FIELDS and ":" in name]
        for name in [*(c for c in option.choices if c not in KEYED_FIELDS), *keyed]:
            check = QCheckBox(field_title(name.split(":")[0]) + name[len(name.split(":")[0]):],
                              holder)
            check.setObjectName(f"search_{name}" if first else f"search_{option.name}_{name}")
            check.setChecked(name in chosen)
            column.addWidget(check)
            checks[name] = check
        if first:
            self.search_checks = checks
        return holder

    def _option_input(self, option: OptionDef, value: object,
                      box: QWidget) -> QComboBox | QLineEdit:
        """A combo of the option's choices, or a line for free text."""
        text = value if isinstance(value, str) else option.default
        widget: QComboBox | QLineEdit
        if option.choices:
            widget = QComboBox(box)
            for choice in option.choices:
                widget.addItem(self._choice_text(choice), choice)
            widget.setCurrentIndex(max(widget.findData(text), 0))
        else:
            widget = QLineEdit(text, box)
            widget.setPlaceholderText(option.default)
        widget.setObjectName(option.name)
        widget.setToolTip(catalogue_text(option.description))
        self.option_inputs[option.name] = widget
        return widget

    def _choice_text(self, choice: str) -> str:
        """An option's value as people read it (the configuration keeps the value)."""
        return {YES: self.tr("yes"), NO: self.tr("no")}.get(choice, choice)

    def _update_codes_enabled(self) -> None:
        """Value mappings only matter for a field some column feeds."""
        mapped = set(self.mapped_fields())
        for name, edits in self.code_edits.items():
            for edit in edits.values():
                edit.setEnabled(name in mapped)

    # --- reading the choices ------------------------------------------------------------

    def mapped_fields(self) -> list[str]:
        """The fields the columns feed, in column order (ignored columns left out)."""
        return [f for f in (r.combo.currentData() for r in self.rows) if f != IGNORED_COLUMN]

    def set_field(self, column: int, field: str) -> None:
        """Choose a column's field (as the user would in its combo)."""
        combo = self.rows[column].combo
        combo.setCurrentIndex(combo.findData(field))

    def problems(self) -> MappingProblems:
        """What the core finds wrong with the mapping as chosen now."""
        if self.spec is None:
            return MappingProblems()
        return mapping_problems(self.spec, [r.combo.currentData() for r in self.rows])

    def missing_mandatory(self) -> list[str]:
        """Mandatory fields no column feeds, and "one of" groups none of whose fields is fed
        (a field another fed field makes unneeded is not missing: the catalogue says which)."""
        if self.spec is None:
            return []
        problems = self.problems()
        return [*self.spec.missing_mandatory(set(self.mapped_fields())),
                *(self.tr(" or ").join(group) for group in problems.missing_groups)]

    def duplicates(self) -> list[str]:
        """Fields fed by more than one column."""
        return self.problems().duplicates

    def update_warning(self) -> None:
        """Say which mandatory fields are not fed and which are fed twice."""
        lines: list[str] = []
        duplicates = self.duplicates()
        if duplicates:
            lines.append(arg(self.tr("Fed by more than one column: %1. Choose one column each."),
                             ", ".join(duplicates)))
        missing = self.missing_mandatory()
        if missing:
            lines.append(arg(self.tr("No column feeds these mandatory fields: %1. Rows cannot "
                                     "be matched or checked on them."), ", ".join(missing)))
        self.warning_label.setText("\n".join(lines))
        self.warning_label.setVisible(bool(lines))
        self.confirm_check.setVisible(bool(missing))
        if tuple(missing) != self.session.missing_accepted():
            with signals_blocked(self.confirm_check):  # other fields missing: ask again
                self.confirm_check.setChecked(False)
        self.completeChanged.emit()

    def _confirmed(self, checked: bool) -> None:
        """The user goes on without the missing fields: for this import and these fields."""
        self.session.accept_missing(tuple(self.missing_mandatory()) if checked else None)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """No field twice; missing mandatory fields only once the user confirmed."""
        if self.spec is None or not self.rows or self.duplicates():
            return False
        return not self.missing_mandatory() or self.confirm_check.isChecked()

    # --- writing the choices ------------------------------------------------------------

    def save(self) -> None:
        """Write columns, fields, value mappings and options into the configuration."""
        if self.spec is None or not self._initialised:
            return
        if not self.isComplete():  # the button is disabled; a programmatic next() is not
            raise ImporterError(self.warning_label.text() or self.tr("Map the columns first."))
        imp = self.current_import()
        action = first_action(imp)
        assert action is not None
        imp.provider.columns = self._columns()
        action.fields = self._action_fields(action)
        self._save_options(action)
        edit = self.date_format_edit
        imp.provider.date_format = (edit.text().strip() if edit else "") or DATE_FORMAT.default
        config = self.session.choices.config
        _validate(config)
        self.session.set_config(config)

    def _columns(self) -> list[Column]:
        """The columnsMapping, keeping each field's column options (its codes) wherever its
        column moved."""
        kept: dict[str, list[Column]] = {}  # a repeated field's columns (custom...) in order
        for old in self.current_import().provider.columns:
            if not old.ignored:
                kept.setdefault(old.field, []).append(old)
        columns: list[Column] = []
        for row in self.rows:
            name = row.combo.currentData()
            same = kept.get(name) if name != IGNORED_COLUMN else None
            old = same.pop(0) if same else None
            columns.append(Column(name, old.options if old else FieldOptions(),
                                  header=row.header, alias=old.alias if old else None))
        return columns

    def _action_fields(self, action: Action) -> list[ActionField]:
        """The action's fields: the mapped ones, with value mappings that differ from defaults."""
        assert self.spec is not None
        previous: dict[str, list[ActionField]] = {}  # a repeated field's entries in order
        for entry in action.fields or []:
            previous.setdefault(entry.name, []).append(entry)
        fields: list[ActionField] = []
        for name in self.mapped_fields():
            same = previous.get(name)
            entry = same.pop(0) if same else ActionField(name)
            options = entry.options
            edits = self.code_edits.get(name)
            if edits is not None:
                codes = {m: e.text().strip() or e.placeholderText() for m, e in edits.items()}
                # Written in <fields> only when they differ from what the document gives
                # without them (defaults, columns, <parameters>); settings (keepSession, a
                # custom field's guid) stay as they were.
                definition = self.spec.by_name[name]
                columns = self.current_import().provider.columns
                if codes != configured_codes(definition, action, columns):
                    below = configured_codes(definition, Action(
                        action.name, parameter_codes=action.parameter_codes), columns)
                    options = replace(options, codes={} if codes == below else codes)
            fields.append(ActionField(name, options, entry.alias))
        return fields

    def _save_options(self, action: Action) -> None:
        """Each option as chosen; one still at its default and never set stays unset."""
        assert self.spec is not None
        for option in self.spec.options:
            if option.kind is OptionKind.FIELD_LIST:
                checks = self.field_list_checks.get(option.name, {})
                chosen = [n for n, c in checks.items() if c.isChecked()]
                if not chosen and option.mandatory:
                    raise ImporterError(catalogue_text(option.none_chosen))
                action.set_option(option.name, chosen or None)
                continue
            text = _input_text(self.option_inputs[option.name])
            unset = not text or (action.option(option.name) is None and text == option.default)
            action.set_option(option.name, None if unset else text)
        for parameter in self._parameters():
            text = _input_text(self.parameter_inputs[parameter.name])
            if not text or (parameter.name not in action.parameters
                            and text == parameter.default):
                action.parameters.pop(parameter.name, None)
            else:
                action.parameters[parameter.name] = text


def _input_text(widget: QComboBox | QLineEdit) -> str:
    """An option's value as chosen or typed (trimmed)."""
    return widget.currentData() if isinstance(widget, QComboBox) else widget.text().strip()


def _form(box: QGroupBox) -> QFormLayout:
    """A form whose labels go above their fields when the box is short of room."""
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _validate(config: ImportConfig) -> None:
    """Round-trip through the XML so the core's own rules (e.g. dateFormat) speak now."""
    from importer_gui.core import config_xml

    try:
        config_xml.loads(config_xml.dumps(config), source=config.source)
    except ConfigError as exc:
        raise ImporterError(exc.detail) from None
