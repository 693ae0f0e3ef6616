"""Page 3: which field each column feeds, value mappings and the action's options.

Everything about the action comes from its catalogue entry: its fields, their codes, its
options by kind. What is wrong with a mapping is the core's answer (``mapping_problems``);
the page only words and shows it.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.binding import (
    configured_codes,
)
from importer_gui.core.catalogue import (
    ACTIONS,
    IGNORED_COLUMN,
    ActionSpec,
)
from importer_gui.core.config import (
    KEYED_BY,
    KEYED_FIELDS,
    Action,
    ActionField,
    Column,
    FieldOptions,
    Import,
    ImportConfig,
)
from importer_gui.core.errors import ConfigError, ImporterError
from importer_gui.core.first_rows import HeadRow, head_width
from importer_gui.core.remap import Remapped, remap, renamed
from importer_gui.core.suggest import Suggestion, map_columns
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import field_label
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.pages.base import BasePage, first_action, read_head
from importer_gui.ui.pages.mapping.choices import MappingChoices
from importer_gui.ui.pages.mapping.codes import CodesBoxes
from importer_gui.ui.pages.mapping.columns_view import ColumnsDelegate, ColumnsModel, ColumnsView
from importer_gui.ui.pages.mapping.field_lists import FieldLists
from importer_gui.ui.pages.mapping.notices import MappingNotices
from importer_gui.ui.pages.mapping.options import DATE_FORMAT, OptionsBox
from importer_gui.ui.pages.mapping.rows import (
    RENAMED,
    SAMPLES,
    ColumnRow,
    ColumnRows,
    column_guids,
    proposed_columns,
)
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.widgets.focus_in_sight import keep_focus_in_sight
from importer_gui.ui.widgets.signals import follow_hand, signals_blocked

ROOM_FIRST = 1000  # the columns' table's share of the page's height against the stretch's 1

# What the page is built from: the configuration (the one held, compared by identity: one
# opened anew is another), the edited import's index, the import (a copy), its data file.
Place = tuple[ImportConfig, int, Import | None, Path | None]
class MappingPage(ColumnRows, MappingNotices, MappingChoices, CodesBoxes, OptionsBox, FieldLists,
                  BasePage):
    """Each file column next to a choice of field; guesses are marked until the user looks."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("Map the columns"))
        self.setSubTitle(arg(self.tr(
            "Choose the field each column feeds. Suggestions in italics are guesses: check "
            "them. Columns set to “%1” are skipped."), field_label(IGNORED_COLUMN)))
        self.rows: list[ColumnRow] = []
        self.code_edits: dict[str, dict[str, QLineEdit]] = {}
        self.code_notes: dict[str, QLabel] = {}  # why a box's codes are greyed out
        # The action's field-list options: a box per field each may name.
        self.field_list_checks: dict[str, dict[str, QCheckBox]] = {}
        # The first of them (sessionSearchField for sessions): its boxes by field.
        self.search_checks: dict[str, QCheckBox] = {}
        # Under each field list's boxes: the check's words for a field it names that no
        # column feeds (hidden while every one is fed).
        self.field_list_notes: dict[str, QLabel] = {}
        # The layouts of the field lists that may name a custom field (custom:GUID).
        self._keyed_lists: dict[str, QVBoxLayout] = {}
        # Its other options: a combo for a choice, a line for text.
        self.option_inputs: dict[str, QComboBox | QLineEdit] = {}
        # Its <parameters> not also options (consolidated tracking's dateTimeFormat...).
        self.parameter_inputs: dict[str, QComboBox | QLineEdit] = {}
        self.spec: ActionSpec | None = None
        self.date_format_edit: QLineEdit | None = None
        # The fields a column may feed, one list the rows' combos share (built per action).
        self._field_model: QStandardItemModel | None = None
        # The columns the saved mapping fed by header that this file lacks.
        self.saved_missing: list[Column] = []
        # How the saved mapping met the file's columns, and the new columns proposed for
        # missing ones, by place (said above the columns while they are guesses).
        self._laid: Remapped | None = None
        self._proposed: dict[int, Column] = {}
        self._initialised = False
        # The edited import as the page was left by Back: coming back to it unchanged, the
        # page shows what it held (guesses still marked) rather than being built anew.
        self._left: Place | None = None
        # Left by Back with a mapping Next refuses, not written: why Next refuses it.
        self._unwritten: str | None = None
        self._by_hand = False  # the user changed something here since the page was built
        # Why the data file could not be read, if it could not: the page says only that.
        self._unread: str | None = None
        self._build()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        """Warnings on top; below them, one scrolled column: the file's columns, then value
        mappings and options side by side (two columns of boxes would not fit a small
        screen in French)."""
        self.add_import_line()
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("mappingWarning")
        self.warning_label.setWordWrap(True)
        set_look(self.warning_label, Look.WARNING)
        self.confirm_check = QCheckBox(self)  # worded for the fields missing: update_warning
        self.confirm_check.toggled.connect(self._confirmed)
        self.body.addWidget(self.warning_label)
        self.body.addWidget(self.confirm_check)
        # A saved mapping laid on a new file: what moved, what is new, what is missing.
        self.changes_label = QLabel(self)
        self.changes_label.setObjectName("mappingChanges")
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextFormat(Qt.TextFormat.PlainText)
        set_look(self.changes_label, Look.NOTICE)
        self.changes_label.hide()
        self.body.addWidget(self.changes_label)
        content = QWidget()
        column = QVBoxLayout(content)
        self.columns_model = ColumnsModel(self._choose, self._name, self)
        self.columns_view = ColumnsView(self.columns_model, lambda view: ColumnsDelegate(
            lambda: self._field_model, self._field_words, view), content)
        self.columns_view.setObjectName("mappingColumns")
        self.columns_view.setAccessibleName(self.tr("Map the columns"))
        self._word_table()
        # The table takes the page's height its rows need, before the stretch below.
        column.addWidget(self.columns_view, ROOM_FIRST)
        self.side_widget = QWidget(content)
        self.side_layout = QHBoxLayout(self.side_widget)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.side_widget)
        column.addStretch(1)  # rows and boxes stay at the top
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # No Tab stop of its own (an empty one before the first field): the fields inside are,
        # and the area scrolls to the one Tab reaches.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        keep_focus_in_sight(scroll)  # from the wizard's buttons too
        scroll.setWidget(content)
        self.body.addWidget(scroll, 1)

    def _clear(self) -> None:
        """Remove the column rows and the side boxes (rebuilt for each file and action)."""
        self.rows = []
        self.columns_model.show_rows(self.rows, {})  # its editor, if open, closed
        self.columns_view.fit_height()
        while self.side_layout.count():
            widget = self.side_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # gone at once: deleted later, it would still be painted
                widget.deleteLater()
        if self._field_model is not None:
            self._field_model.deleteLater()  # deleted after the combo showing it, above
            self._field_model = None
        self.columns_view.columns_delegate.sizes.clear()
        self._laid, self._proposed = None, {}
        self.saved_missing = []
        self.code_edits = {}
        self.code_notes = {}
        self.field_list_checks = {}
        self.search_checks = {}
        self.field_list_notes = {}
        self._keyed_lists = {}
        self.option_inputs = {}
        self.parameter_inputs = {}
        self._unread = None

    # --- filling from the session -------------------------------------------------------

    def initializePage(self) -> None:
        """Rebuild from the session: the file's columns, the configured or suggested fields;
        back to the import as the page was left by Back, what it held, as it was."""
        self.show_import_line()
        left, self._left, self._unwritten = self._left, None, None
        if left is not None and _same_place(left, self._place()):
            self.update_warning()
            return
        self._clear()
        self._by_hand = False
        imp = self.current_import()
        action = first_action(imp)
        self.spec = ACTIONS.get(action.name) if action is not None else None
        if self.spec is None or action is None:
            self.show_error(self.tr("Choose an action first."))
            self.update_warning()  # no mapping to speak of: another import's notices go
            return
        headers, rows = self._head(len(imp.provider.columns))
        self._field_model = self._fields_offered()
        fields = [f.name for f in self.spec.fields]
        named = headers if imp.provider.skip_first_line and any(headers) else None
        laid = remap(imp.provider.columns, named)
        self.saved_missing = [*laid.missing, *self._past_the_file(laid.columns, len(headers))]
        known = [(c.header, c.field) for c in laid.columns]
        suggestions = map_columns(headers, known, fields)
        proposed = proposed_columns(renamed(laid.missing, laid.new), suggestions, fields)
        self._laid, self._proposed = laid, proposed
        guids = column_guids(self.spec, laid.columns, action)
        shown = LocaleText()  # a workbook's dates as the open page and the preview write them
        for index, (header, suggestion) in enumerate(zip(headers, suggestions, strict=True)):
            samples = [(line, shown.cell(cells[index])) for line, cells in rows[:SAMPLES]
                       if index < len(cells)]
            was = proposed.get(index)
            if was is not None:
                suggestion = Suggestion(was.field, RENAMED)
            self._add_column(index, header, samples, suggestion,
                             (was.header or "") if was else "")
            if suggestion.field in KEYED_FIELDS and index < len(guids):
                self.rows[-1].guid = self.rows[-1].guid_before = guids[index]
        self._show_rows()
        self._build_side(action)
        self._initialised = True
        # Going on without some fields was said for one import and one set of fields only.
        with signals_blocked(self.confirm_check):
            self.confirm_check.setChecked(self.session.missing_accepted() == self.unfed())
        self.update_warning()

    def _past_the_file(self, columns: list[Column], width: int) -> list[Column]:
        """The saved mapping's fields placed past the file's last column (mapped by place):
        missing from it, each called by its place when it has no header."""
        return [replace(column, header=column.header or arg(self.tr("Column %1"), place + 1))
                for place, column in enumerate(columns) if place >= width and not column.ignored]

    def _head(self, configured: int) -> tuple[list[str | None], list[HeadRow]]:
        """Column titles and first rows (with their lines): the file's columns, however many
        the saved mapping has; without a readable file, the configured columns."""
        data_file = self.data_file()
        headers: list[str] | None = None
        rows: list[HeadRow] = []
        width = configured
        if data_file is not None:
            try:
                headers, rows = read_head(self.current_import().provider, data_file)
            except ImporterError as exc:
                self._unread = exc.message
                self._show_unread()
            else:
                self.show_error(None)
                width = head_width(headers, rows)
        named: list[str | None] = list(headers or [])
        named += [None] * (width - len(named))
        return named, rows

    def _show_unread(self) -> None:
        """Say why the file could not be read, and where to choose it again."""
        assert self._unread is not None
        self.show_errors([self._unread, self.tr(
            "Its columns cannot be shown without it: go Back to “Open a spreadsheet” and "
            "choose the file again.")])

    def _field_chosen(self, row: ColumnRow) -> None:
        """The user picked a field: it is no longer a guess, but a change to save; warnings
        and options follow."""
        self._edited_by_hand()
        row.chosen = True
        self._mark(row)
        self._show_guid_column()
        self._update_codes_enabled()
        self._update_keyed_checks()
        self.update_warning()

    def _guid_changed(self, row: ColumnRow) -> None:
        """A GUID typed: the field lists' box for the old one now names the new one."""
        field = row.field
        if field in KEYED_FIELDS:
            before, after = row.guid_before, row.guid.strip()
            others = {r.bound() for r in self.rows if r is not row}
            if before and f"{field}:{before}" not in others:
                self._rename_keyed_check(f"{field}:{before}", f"{field}:{after}" if after
                                         else None)
            row.guid_before = after
        self._update_keyed_checks()
        self.update_warning()

    def _build_side(self, action: Action) -> None:
        """Value mappings for coded fields and the action's options, defaults shown."""
        assert self.spec is not None
        imp = self.current_import()
        top = Qt.AlignmentFlag.AlignTop
        for field in self.spec.fields:
            if field.remapped or field.name in self._parameter_mappings():
                self.side_layout.addWidget(self._codes_box(field, action), 0, top)
        self.side_layout.addWidget(self._options_box(action, imp.provider.date_format), 0, top)
        self.side_layout.addStretch(1)
        self._update_codes_enabled()
        self._update_keyed_checks()

    def _follow_hand(self, widget: QComboBox | QLineEdit | QCheckBox) -> None:
        """What the user changes in ``widget`` (never what the page fills in) is a change to
        the configuration to save."""
        follow_hand(widget, self._edited_by_hand)

    def _edited_by_hand(self) -> None:
        """The user changed the mapping: a change to save, which Back keeps too."""
        self._by_hand = True
        self.session.config_edited_by_hand()

    def isComplete(self) -> bool:
        """No field twice, none the import cannot go on without; missing mandatory fields,
        and saved ones no column feeds any more, only once the user confirmed."""
        if self.spec is None or not self.rows or self.duplicates():
            return False
        problems = self.problems()
        if self.columns_without_guid() or problems.not_without or problems.unfed_lists:
            return False
        return not self.unfed() or self.confirm_check.isChecked()

    # --- writing the choices ------------------------------------------------------------

    def validatePage(self) -> bool:
        """Next refused on a file that could not be read says that again, not what the
        mapping lacks (its columns are not known)."""
        if super().validatePage():
            return True
        if self._unread is not None:
            self._show_unread()
        return False

    def going_back(self) -> None:
        """Back: a mapping the user changed goes into the session as Next writes it; one
        Next refuses (not complete yet) stays on the page only. Either is shown again on the
        way back to the same import. The page's guesses alone are not written: made on the
        file as read now, they are made afresh once it is read otherwise (another sheet)."""
        if self._by_hand:
            try:
                self.save()
            except ImporterError as exc:
                self._unwritten = exc.message
        # A file that could not be read is read again on the way back (put back meanwhile).
        self._left = self._place() if self._unread is None else None

    def unwritten(self) -> bool:
        """Whether the page, left by Back, holds a mapping Next refuses, not written into
        the session, for the import still edited there."""
        return (self._unwritten is not None and self._left is not None
                and _same_place(self._left, self._place()))

    def drop_unwritten(self) -> None:
        """The mapping Next refuses, left by Back, dropped (the user agreed): the page is
        built from the session once the user comes to it."""
        if self._unwritten is not None:
            self._left, self._unwritten = None, None

    def _place(self) -> Place:
        """What the page is built from now."""
        choices = self.session.choices
        index, imports = choices.import_index, choices.config.imports
        held = copy.deepcopy(imports[index]) if index < len(imports) else None
        return choices.config, index, held, self.data_file()

    def save(self) -> None:
        """Write columns, fields, value mappings and options into the configuration; a
        mapping as the configuration has it leaves the configuration as it was."""
        if self.spec is None or not self._initialised:
            return
        if not self.isComplete():  # the button is disabled; a programmatic next() is not
            raise ImporterError(self._unread or self.warning_label.text()
                                or self.tr("Map the columns first."))
        imp = self.current_import()
        was = copy.deepcopy(imp)
        config, index = self.session.choices.config, self.session.choices.import_index
        try:
            self._write_into(imp)
            kept = _as_it_was(was, imp)
            # What is written is checked: a header the configuration will not record (one
            # that records none) cannot stop it.
            _validate(config, was if kept else imp, self.data_file())
        except Exception:
            # Refused, the mapping stays on the page only: the configuration as it was, so
            # that discarding the page's changes drops all of them and a save writes none.
            config.imports[index] = was
            raise
        if kept:
            # Back and Next, or Next through the page, rewrite nothing: the file's headers
            # alone are not recorded in a configuration that records none (the platform's).
            config.imports[index] = was
            return
        self.session.set_config(config)

    def _write_into(self, imp: Import) -> None:
        """The page's columns, fields, value mappings and options written into ``imp``, the
        edited import."""
        action = first_action(imp)
        assert action is not None
        imp.provider.columns = self._columns()
        fields = self._action_fields(action)
        if (action.fields is None and self.session.choices.config_path is not None
                and fields == _every_column(imp.provider.columns)):
            # A file's action without <fields>, fed every column, still is; an import the
            # window made gets its fields written, as the platform's examples have them.
            fields = None
        action.fields = fields
        self._save_parameter_codes(action)
        self._save_options(action)
        edit = self.date_format_edit
        imp.provider.date_format = (edit.text().strip() if edit else "") or DATE_FORMAT.default

    def _columns(self) -> list[Column]:
        """The columnsMapping, keeping each field's column options (its codes) wherever its
        column moved."""
        kept: dict[str, list[Column]] = {}  # a repeated field's columns (custom...) in order
        for old in self.current_import().provider.columns:
            if not old.ignored:
                kept.setdefault(old.field, []).append(old)
        columns: list[Column] = []
        for row in self.rows:
            name = row.field
            same = kept.get(name) if name != IGNORED_COLUMN else None
            old = same.pop(0) if same else None
            options = old.options if old else FieldOptions()
            if KEYED_BY in options.settings:  # the column names its custom field: the GUID typed
                options = replace(options, settings={**options.settings,
                                                     KEYED_BY: row.guid.strip()})
            columns.append(Column(name, options, header=row.header,
                                  alias=old.alias if old else None))
        return columns

    def _action_fields(self, action: Action) -> list[ActionField]:
        """The action's fields: the mapped ones, with value mappings that differ from defaults."""
        assert self.spec is not None
        previous: dict[str, list[ActionField]] = {}  # a repeated field's entries in order
        for entry in action.fields or []:
            previous.setdefault(entry.name, []).append(entry)
        fields: list[ActionField] = []
        columns = self.current_import().provider.columns  # as _columns wrote them
        for row, column in zip(self.rows, columns, strict=True):
            name = row.field
            if name == IGNORED_COLUMN:
                continue
            same = previous.get(name)
            entry = same.pop(0) if same else ActionField(name)
            options = entry.options
            if name in KEYED_FIELDS and (KEYED_BY in options.settings
                                         or KEYED_BY not in column.options.settings):
                # Its GUID with the field, as the platform's example writes it (unless only
                # its column names it).
                options = replace(options, settings={**options.settings,
                                                     KEYED_BY: row.guid.strip()})
            edits = self.code_edits.get(name)
            if name in self._parameter_mappings():
                edits = None  # written in <parameters> (_save_parameter_codes)
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


def _same_place(left: Place, now: Place) -> bool:
    """Whether the page would be built now from what it was left on: the same configuration
    held (not one opened anew, even from the same file), its edited import as it was."""
    return left[0] is now[0] and left[1:] == now[1:]


def _as_it_was(was: Import, now: Import) -> bool:
    """Whether ``now`` is the import ``was`` but for the headers it records on columns that
    ``was`` records none on."""
    before, after = was.provider.columns, now.provider.columns
    if len(before) != len(after):
        return False
    columns = [replace(column, header=None if old.header is None else column.header)
               for old, column in zip(before, after, strict=True)]
    return replace(now, provider=replace(now.provider, columns=columns)) == was


def _every_column(columns: list[Column]) -> list[ActionField]:
    """The fields an action without ``<fields>`` is fed, each as plain as a column gives it."""
    return [ActionField(column.field) for column in columns if not column.ignored]


def _validate(config: ImportConfig, imp: Import, data_file: Path | None) -> None:
    """What a configuration file's reader would refuse of the edited import (a date format,
    a whole number, a code meaning two things...), said without a line of a document the
    user never saw; then that import bound as the check will."""
    from importer_gui.core import config_xml
    from importer_gui.core.binding import bind_import, refuse_shared_codes
    from importer_gui.core.guess import OPEN_AGAIN, refuse_not_xml_headers
    from importer_gui.core.readers import is_workbook

    if data_file is not None:  # the file's cell to change, not the configuration's value
        refuse_not_xml_headers(data_file, [c.header for c in imp.provider.columns],
                               workbook=is_workbook(data_file), retry=OPEN_AGAIN)
    try:
        # The page writes this import alone: the others are as they were read and checked,
        # and walking them all again grows with the configuration.
        config_xml.refuse_not_xml(config, imp)
        config_xml.refuse_bad_values(imp)
        refuse_shared_codes(imp)
        bind_import(imp)
    except ConfigError as exc:
        raise ImporterError(exc.detail) from None
