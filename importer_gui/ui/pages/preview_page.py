"""Page 5, Preview: check every row in the background, then show what a commit would do.

Beside the table, the messages the rows got, each with its count (choosing one shows only
its rows), and the selected row in words, with what the user may have meant for a code or
login nothing has. Corrections are the session's: every later check applies them again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.cells import cell_text
from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Unmatched,
    before_as_edited,
    corrected_name,
)
from importer_gui.core.errors import Cancelled, ImporterError, StoreReplacedError
from importer_gui.core.guess import Guess, date_columns, date_fixes, parses
from importer_gui.core.issues import OUTCOME_ORDER, Issue, Level, Outcome
from importer_gui.core.paths import readable
from importer_gui.core.plan import ImportPlan, Plan, RowPlan, issue_counts, plan_unregisters
from importer_gui.core.progress import Monitor
from importer_gui.core.reports import (
    error_log_name,
    write_error_log,
    write_issues_workbook,
)
from importer_gui.core.session import run_check
from importer_gui.core.suggest import near_field, near_values
from importer_gui.ui.find_replace import FindReplaceDialog, Found, Replaced, correct_cells
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.labels import field_title
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import message_text, platform_words, workbook_words
from importer_gui.ui.models.message_model import MessageModel
from importer_gui.ui.models.preview_model import (
    FIRST_VALUE_COLUMN,
    LINE_COLUMN,
    OUTCOME_COLUMN,
    TOOLTIP_CHARS,
    PreviewModel,
    RowFilter,
    issue_text,
    outcome_label,
    shown_imports,
    view_column_keys,
    view_kind,
    with_its_field,
)
from importer_gui.ui.pages.base import BasePage, kept_off_the_collector, let_go
from importer_gui.ui.settings import CORRECTED_COPIES, REPORTS, Settings
from importer_gui.ui.shown import shown
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look, on_scheme_change, outcome_badge
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.ask import ask
from importer_gui.ui.widgets.beside_or_above import BesideOrAbove
from importer_gui.ui.widgets.elided_combo import ElidedCombo
from importer_gui.ui.widgets.header_highlight import HeaderHighlight
from importer_gui.ui.widgets.line_tips import Line, LineTips
from importer_gui.ui.widgets.lines_header import LinesElidedHeader
from importer_gui.ui.widgets.message_list import MessageList
from importer_gui.ui.widgets.progress import ProgressRow
from importer_gui.ui.widgets.rows import message_line
from importer_gui.ui.widgets.signals import signals_blocked
from importer_gui.ui.widgets.sorting_shown import SortingShown
from importer_gui.ui.widgets.spoken import announce_in_sight
from importer_gui.ui.widgets.table_sizing import (
    TITLE_FLOOR_CHARS,
    FitInView,
    ResizedByHand,
    contents_widths,
    size_columns_from_first_rows,
)

SIDE_WIDTH = 270  # pixels of the messages and details beside the table
SPLITTER_SETTINGS = "preview"  # where the widths of the table and the side are remembered
TABLE_SETTINGS = "previewTable"  # where its columns' widths and sort are, per kind of import
WIDEST = 4000  # pixels: a column remembered wider comes from a settings file edited by hand
# Pixels a column is fitted to, at least and at most (a longer title or value is cut there,
# read whole in its tooltip, or widened by the user).
FITTED_MIN, FITTED_MAX = 60, 320

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Checked:
    """A check's plan, with what the page shows of it that takes a pass over its rows."""

    plan: Plan
    date_fixes: dict[int, Guess]


def _checked(plan: Plan) -> _Checked:
    """What the page shows of a new plan that takes a pass over its rows, made in the
    check's worker: its dates' fixes. (Its messages are put in words on the window's
    thread: a language chosen meanwhile empties their cache there.)"""
    return _Checked(plan, date_fixes(plan))


@dataclass
class _Columns:
    """How the user left the table for one kind of import (``view_kind``): the widths given
    its columns and the column sorted by, downwards or not, each by ``view_column_keys``."""

    widths: dict[str, int]
    sort: tuple[str, bool] | None
    changed: bool = False  # since kept in the settings


class _EnterEdits(QObject):
    """Enter in the table corrects the current cell, and goes no further: the wizard's
    default button is Commit, which a user pressing Enter on a cell never meant."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter or Return edits the current cell (where it can be edited); the one that ends
        an edit, which the editor passes on once it has asked for its value to be kept,
        stops here; any other event goes on."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) \
                or event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        current = self._table.currentIndex()
        if self._table.state() is not QAbstractItemView.State.EditingState and \
                current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
            self._table.edit(current)
        return True


class PreviewPage(BasePage):
    """Every row with its line, outcome and values; bad cells coloured; edit to re-check."""

    # The mapping of the configuration's import at this index is asked for (the File box's
    # file): the wizard makes it the edited import and goes to its mapping page.
    mapping_asked = Signal(int)

    def __init__(self, state: WizardState, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(state, parent)
        self.settings = settings or Settings()
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr(
            "What committing would do to each row. Coloured cells have a problem: hover for "
            "the message, double-click or press Enter to correct the value."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Commit"))
        self.runner = TaskRunner(self)
        # Reports are written in the background too (1.4 s for a 100,000-row plan's
        # workbook): a runner of their own, so that saving one never cancels a check. So are
        # the rows "Did you mean" corrects (20,000 took 2 s).
        self.export_runner = TaskRunner(self)
        self.last_export: Path | None = None  # the report written last
        self._exporting = False
        self._saving_report = False  # a report with progress and Cancel is being written
        self._correcting = False  # the export runner corrects rows ("Did you mean")
        self.model = PreviewModel(state, parent=self)
        self.model.counts_changed.connect(self._show_counts)
        self.model.recheck_failed.connect(self.show_error)
        self.model.row_rechecked.connect(lambda *_: self._on_row_rechecked())
        # Rows were re-checked: the counts that follow are said if they changed.
        self._recounted = False
        # Rows re-checked together (a Find and replace of 2,577 cells) are taken in once
        # more on the next turn, not once each: 0.2 s of the window's time.
        self._edited_again = QTimer(self, singleShot=True, interval=0)
        self._edited_again.timeout.connect(self._rows_edited)
        self._checking = False
        self._stale = False
        self._near: dict[tuple[str, str], list[str]] = {}  # did-you-mean, per plan
        self._date_fixes: dict[int, Guess] = {}  # per import: its dates' format, per plan
        self._fixes_made: dict[int, Guess] | None = None  # the check's, for the plan it hands
        self._has_issues = False  # some row of the plan has an issue: the reports say it
        self._set_aside = ""  # the corrections the last check took out, said above the table
        # The File box's choice (an import's index, -1 for all files), kept through checks
        # while the same import of the same configuration is the one edited.
        self._file_chosen: tuple[tuple[object, int], int] | None = None
        # The messages' counts the list says: a correction that changes none of them (or
        # the rows corrected with it, taken in once more) builds no list of thousands again.
        self._listed: list[tuple[Issue, int]] | None = None
        # The list is being built: the message it makes current is the one shown already.
        self._listing = False
        self._numbers = LocaleText()  # the counts in the list, as the locale writes them
        self.messages = MessageModel(self._message_listed, self._message_whole, self)
        self._fitting = False  # the columns are being fitted: no width is the user's
        # Per kind of import shown this start: the columns as the user left them (the last
        # start's until changed), and the kind and the columns' keys shown now.
        self._columns: dict[str, _Columns] = {}
        self._kind = ""
        self._keys: list[str] = []
        self._build()
        state.plan_changed.connect(self._on_plan_changed)
        state.store_changed.connect(self._on_store_changed)
        state.store_replaced.connect(self._on_store_replaced)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        """Progress line, notice, counts and filters, the table, the export buttons."""
        self.notice = message_line(self, "previewNotice", Look.NOTICE)
        self.body.addWidget(self.notice)
        self.body.addLayout(self._progress_row())
        self.body.addLayout(self._filter_row())
        self.table = self._table()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self._side())
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, SIDE_WIDTH])  # unless the user's are, once shown
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self._splitter_restored = False
        self._splitter_moved = False
        self.body.addWidget(self.splitter, 1)
        self.body.addLayout(self._export_row())

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_row = ProgressRow(self.tr("C&ancel check"), self,
                                        working_text=self.tr("Checking…"))
        self.progress_row.cancel_button.clicked.connect(self._cancel_pressed)
        self.runner.progressed.connect(self.progress_row.show_progress)
        self.export_runner.progressed.connect(self.progress_row.show_progress)
        self.progress_label = self.progress_row.status
        self.progress = self.progress_row.bar
        self.recheck_button = QPushButton(self.tr("Check a&gain"), self)
        self.recheck_button.setToolTip(self.tr("Read the file again and check every row"))
        # Nothing changed since the rows shown were checked: they stay until the new check
        # replaces them, and come back if it is cancelled.
        self.recheck_button.clicked.connect(lambda: self.start_check(keep_shown=True))
        row.addWidget(self.progress_row, 1)
        row.addWidget(self.recheck_button)
        return row

    def _filter_row(self) -> BesideOrAbove:
        """The counts beside the File and Show boxes, or above them where that is shorter."""
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("previewCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setWordWrap(True)  # wrapped between badges, never inside one
        on_scheme_change(self._recolour_counts)
        row = QHBoxLayout()
        self.import_label = QLabel(self.tr("F&ile:"), self)
        self.import_box = ElidedCombo(self)
        self.import_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.import_label.setBuddy(self.import_box)
        self.import_box.currentIndexChanged.connect(self._on_import_chosen)
        self.mapping_button = QPushButton(self.tr("E&dit this file's mapping"), self)
        self.mapping_button.setToolTip(self.tr(
            "Go to the mapping of the file chosen in the File box; Next from there comes "
            "back here"))
        self.mapping_button.clicked.connect(self._mapping_asked)
        row.addWidget(self.import_label)
        row.addWidget(self.import_box)
        row.addWidget(self.mapping_button)
        show = QLabel(self.tr("&Show:"), self)
        self.filter_box = QComboBox(self)
        show.setBuddy(self.filter_box)
        for mode, text in self._filter_texts():
            self.filter_box.addItem(text, mode.value)
        self.filter_box.currentIndexChanged.connect(self._on_filter_chosen)
        row.addWidget(show)
        row.addWidget(self.filter_box)
        return BesideOrAbove(self.counts_label, row)

    def _filter_texts(self) -> list[tuple[RowFilter, str]]:
        return [
            (RowFilter.ALL, self.tr("All rows")),
            (RowFilter.ERRORS, self.tr("Rows with errors")),
            (RowFilter.WARNINGS, self.tr("Rows with warnings")),
            (RowFilter.CREATE, self.tr("Rows that create")),
            (RowFilter.UPDATE, self.tr("Rows that update")),
            (RowFilter.DELETE, self.tr("Rows that delete")),
            (RowFilter.UNCHANGED, self.tr("Unchanged rows")),
        ]

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("previewTable")
        table.setHorizontalHeader(LinesElidedHeader(table))
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        SortingShown(table, self.model.sorting_changed, self.progress_label)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        lines = table.verticalHeader()
        lines.hide()  # shown while the Line column is scrolled out of sight
        lines.setDefaultSectionSize(table.fontMetrics().height() + 8)
        lines.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        lines.setSectionsClickable(False)
        lines.setHighlightSections(False)  # it would ask every column's flags of each row
        table.horizontalScrollBar().valueChanged.connect(self._keep_lines_in_sight)
        table.setTabKeyNavigation(False)  # Tab goes on to the next control, as elsewhere
        _EnterEdits(table)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        ResizedByHand(table, self._on_resized_by_hand)
        header.sortIndicatorChanged.connect(self._on_sorted)
        size_columns_from_first_rows(table)
        self._fit_in_view = FitInView(table, self._fit_column)
        self.header_highlight = HeaderHighlight(table)
        table.selectionModel().currentChanged.connect(lambda *_: self._show_details())
        table.clicked.connect(self._on_cell_clicked)
        self.model.modelReset.connect(self._place_file_column)  # after the header's own reset
        return table

    def _place_file_column(self) -> None:
        """Show the File column (all files at once) right after the outcome, where it is
        read with the row, rather than past the values; the model keeps it last, so the
        values keep their column numbers."""
        header = self.table.horizontalHeader()
        for logical in range(header.count()):  # a reset keeps the columns' moved places
            if header.visualIndex(logical) != logical:
                header.moveSection(header.visualIndex(logical), logical)
        column = self.model.file_column()
        if column is not None:
            header.moveSection(header.visualIndex(column), FIRST_VALUE_COLUMN)

    def _side(self) -> QWidget:
        """The messages with their counts, then the selected row in words."""
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.summary_list = self._message_list(side)
        summary_label = QLabel(self.tr("&Messages (choose one to see its rows):"), side)
        summary_label.setWordWrap(True)
        summary_label.setBuddy(self.summary_list)
        self.details = LineTips(side)
        self.details.setObjectName("rowDetails")
        self.details.setTabChangesFocus(True)
        details_label = QLabel(self.tr("Selected &row:"), side)
        details_label.setBuddy(self.details)
        self.suggestions = QWidget(side)
        self.suggestion_layout = QVBoxLayout(self.suggestions)
        self.suggestion_layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((summary_label, 0), (self.summary_list, 3), (details_label, 0),
                                (self.details, 2), (self.suggestions, 0)):
            column.addWidget(widget, stretch)
        side.setMinimumWidth(SIDE_WIDTH - 40)
        return side

    def _message_list(self, side: QWidget) -> MessageList:
        """The messages with their counts; choosing one filters the table."""
        view = MessageList(side)
        view.setObjectName("issueSummary")
        view.setModel(self.messages)
        view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._on_summary_chosen(current.row()))
        return view

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.workbook_button = QPushButton(self.tr("Export issues as &workbook…"), self)
        self.workbook_button.clicked.connect(lambda: self.export_workbook())
        self.log_button = QPushButton(self.tr("Save &error log…"), self)
        self.log_button.clicked.connect(lambda: self.save_error_log())
        self.copy_button = QPushButton(self.tr("Save a corrected c&opy…"), self)
        self.copy_button.clicked.connect(lambda: self.save_corrected_copy())
        self.replace_button = QPushButton(self.tr("Find and re&place…"), self)
        find = QKeySequence(QKeySequence.StandardKey.Find)
        self.replace_button.setToolTip(arg(self.tr(
            "Replace a value in a column of the rows shown (%1)"),
            find.toString(QKeySequence.SequenceFormat.NativeText)))
        self.replace_button.clicked.connect(self.find_and_replace)
        # The keys every program finds and replaces with, wherever the focus is on the page.
        for keys in (find, QKeySequence(QKeySequence.StandardKey.Replace)):
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.replace_button.click)  # none while disabled
        for button in (self.workbook_button, self.log_button, self.copy_button,
                       self.replace_button):
            row.addWidget(button)
        row.addStretch(1)
        self._enable_reports()
        return row

    # --- the check ---------------------------------------------------------------------------

    def initializePage(self) -> None:
        """Check every row whenever the page is entered from the pages before it.

        Those pages may have changed the configuration in place, so an older plan is never
        trusted here (Back from the commit page does not come through this method).
        """
        self.start_check()

    def cleanupPage(self) -> None:
        """Going back: stop a running check; its result would be out of date anyway."""
        self.cancel()
        self.show_notice(None)

    def _on_store_changed(self, _run_id: int) -> None:
        """A run changed the store under the shown plan: check again, at once when shown,
        else when next shown (not when the wizard closes)."""
        if self.isVisible():
            self.start_check()
        else:
            self._stale = True

    def _on_store_replaced(self, text: str) -> None:
        """Another store is where the one checked against was: its rows are gone (the
        session dropped the plan); said here, and checked again when the user asks, or when
        next shown."""
        if self._checking:  # against the store the session had: it fails and says so
            return
        self._stale = not self.isVisible()
        self.show_error(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the messages, the row's words or a box stays on the page: the wizard's
        default button is Commit, which writes the rows; it is pressed, or Enter given to
        it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown first, the table and the side as wide as the user left them at the last
        start, when they still fit. Shown again by Back after a commit, or with its plan
        dropped: check the files against the store as they now are."""
        super().showEvent(event)
        if not self._splitter_restored:  # as wide as the window now is
            self._splitter_restored = True
            self.settings.restore_splitter(SPLITTER_SETTINGS, self.splitter)
        if self._stale and not event.spontaneous() and not self._checking:
            self.start_check()

    def hideEvent(self, event: QHideEvent) -> None:
        """Left (for another page, or the window closed): the widths the user dragged the
        table and the side to, and the columns' widths and sorts, are kept for the next
        start."""
        super().hideEvent(event)
        if self._splitter_moved:
            self._splitter_moved = False
            self.settings.save_splitter(SPLITTER_SETTINGS, self.splitter)
        self._save_columns()

    def _on_splitter_moved(self) -> None:
        self._splitter_moved = True

    def start_check(self, *, keep_shown: bool = False) -> None:
        """Run the full check in the background, with progress and Cancel. The rows shown
        so far go (they would be out of date); with ``keep_shown`` (Check again: nothing
        changed since), they stay, greyed, until the new check's rows replace them, and a
        cancel gives them back."""
        self.show_error(None)
        self._stale = False
        self._set_aside = ""
        kept = keep_shown and self.shows_plan()
        self._set_checking(True)
        if not kept:
            self.model.clear()
            self._fill_imports(None)  # the dropped plan's files and counts go with its rows
            self._show_summary()
            self._show_details()
        self.progress_label.setText(self.tr("Checking…"))
        self.progress.setRange(0, 0)
        snapshot = self.session.snapshot()  # the pages may edit the configuration meanwhile
        if not kept:
            let_go(self.session)  # none shown; this check's worker frees the old plan, in pieces
        self.runner.run(lambda monitor: kept_off_the_collector(
            lambda: _checked(run_check(snapshot, monitor)), shown_plan_dropped=not kept),
                        lambda checked: self._on_checked(checked, snapshot.corrections),
                        lambda error: self._on_check_failed(error, kept=kept))

    def cancel(self) -> None:
        """Stop the running check, or the rows being corrected (all put back)."""
        if self.runner.busy:
            self.runner.cancel()
        if self._correcting:
            self.export_runner.cancel()

    def _cancel_pressed(self) -> None:
        """Cancel stops what it shows for: that, or a report being saved (none written)."""
        self.cancel()
        if self._saving_report:
            self.export_runner.cancel()

    def is_checking(self) -> bool:
        """True while the check runs."""
        return self._checking

    def _on_checked(self, checked: _Checked, applied: Corrections) -> None:
        """Show the plan; the corrections its check found no longer matching their file go
        first, so that none is shown, saved or committed on the row now on its line."""
        self._set_checking(False)
        self._set_aside = self._set_aside_text(self.session.set_aside(applied))
        self._fixes_made = checked.date_fixes
        try:
            self.session.set_plan(checked.plan)  # _on_plan_changed shows it
        finally:
            self._fixes_made = None

    def _set_aside_text(self, taken: Unmatched) -> str:
        """The corrections taken out, per file, each with its line and texts: they are
        dropped (a correction has no row left to be on), so the user can type them again
        where they now belong."""
        by_file: dict[Path, list[Correction]] = {}
        for file, correction in taken:
            by_file.setdefault(file, []).append(correction)
        lines: list[str] = []
        for file, found in by_file.items():
            lines.append(arg(self.tr(
                "%Ln correction(s) no longer match %1, which changed since they were made: "
                "they were dropped, so that none lands on another row. Make them again where "
                "they belong:", "", len(found)), file.name))
            lines += [arg(self.tr("• line %1, %2: “%3” → “%4”"), c.line, _header_of(c),
                          c.before, c.after)
                      for c in sorted(found, key=lambda c: (c.line, c.column))]
        return "\n".join(lines)

    def _on_check_failed(self, error: ImporterError, *, kept: bool = False) -> None:
        self._set_checking(False)
        plan = self.session.choices.plan
        if kept and isinstance(error, Cancelled) and plan is not None and plan is self.model.plan:
            # Nothing changed since they were checked: the rows shown hold, and can be
            # committed (a file changed meanwhile is found at the commit, as always).
            self.progress_label.setText(self.tr(
                "Check cancelled: the rows shown are those of the last check."))
            return
        self.session.set_plan(None)  # the rows shown before are gone: none to commit
        if isinstance(error, StoreReplacedError):  # every view reads the store there now
            self.session.store_replaced(error.found)
        if isinstance(error, Cancelled):
            self.progress_label.setText(self.tr("Check cancelled."))
            self.show_error(self.tr("The check was cancelled: press Check again to see the rows."))
        else:
            self.progress_label.setText(self.tr("Check failed."))
            self.show_error(error.message)

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        cancel = self.progress_row.cancel_button
        cancel.setText(self.tr("C&ancel check"))
        if checking:
            self.progress_row.set_running(True)
            self._keyboard_off_the_idle_controls()
        # The window's focus widget, not the application's: so too while the user is in
        # another program, where the end of the check would leave it on the details.
        ended_on_cancel = not checking and self.window().focusWidget() is cancel
        for widget in (self.filter_box, self.summary_list):
            widget.setEnabled(not checking)
        self._enable_editing()
        self._enable_reports()
        if ended_on_cancel:  # hidden, Cancel would give it to the next control enabled
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # what the user works on
        self.progress_row.set_running(checking)
        self.completeChanged.emit()

    def _keyboard_off_the_idle_controls(self) -> None:
        """The keyboard, on a control a check disables (Check again pressed by keyboard),
        goes to Cancel check rather than on to Qt's next control; from there the end of
        the check gives it to the table."""
        focus = self.window().focusWidget()
        idle = (self.table, self.recheck_button, self.filter_box, self.summary_list)
        if focus is not None and any(w is focus or w.isAncestorOf(focus) for w in idle):
            self.progress_row.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- showing the plan --------------------------------------------------------------------

    def _on_plan_changed(self) -> None:
        """A new plan (not a row re-check of the shown one): show it; none means the shown
        one no longer holds (a commit, a changed file): check again when next shown."""
        plan = self.session.choices.plan
        if plan is None and not self._checking:
            self._stale = True
        if plan is not self.model.plan:
            self._show_plan()

    def _show_plan(self) -> None:
        plan = self.session.choices.plan
        self._near = {}
        if plan is None:
            self._date_fixes = {}
        else:  # made by the check's worker; a plan from elsewhere (a refresh's) here
            self._date_fixes = self._fixes_made if self._fixes_made is not None \
                else date_fixes(plan)
        if plan is not None:
            self._show_plan_notices(plan)
        self._show_import(self._fill_imports(plan))
        self.progress_label.setText(self._checked_text(plan) if plan else "")
        if plan is not None:
            self._say_counts()  # after "Checked at", what a commit would do
        self._size_columns()
        self._show_summary()
        self._show_details()
        self._enable_reports()
        self.completeChanged.emit()

    def _checked_text(self, plan: Plan) -> str:
        """What the check found, in one line: nothing to commit is said at once."""
        when = self._numbers.clock(plan.checked_at)
        if plan.writes_anything():
            return arg(self.tr("Checked at %1."), when)
        return arg(self.tr("Checked at %1. Nothing to commit: every row is unchanged or has "
                           "errors."), when)

    def _fill_imports(self, plan: Plan | None) -> int | None:
        """One entry per import, shown only when there are several; the import to show."""
        imports = plan.imports if plan else []
        with signals_blocked(self.import_box):
            self.import_box.clear()
            for imp in imports:
                self.import_box.addItem(self._import_text(imp), imp.index)
            if len(imports) > 1:
                self.import_box.addItem(self.tr("All files"), -1)
            shown = self.import_box.findData(self._file_wanted())
            self.import_box.setCurrentIndex(max(shown, 0))
        several = len(imports) > 1
        for widget in (self.import_label, self.import_box, self.mapping_button):
            widget.setVisible(several)
        self._enable_mapping()
        if not imports:
            return None
        value = self.import_box.currentData()
        return None if value == -1 else int(value)

    def _editing(self) -> tuple[object, int]:
        """The configuration and the import the earlier pages edit."""
        choices = self.session.choices
        return choices.config_path, choices.import_index

    def _file_wanted(self) -> int:
        """The file to show: the one chosen in the File box, while the import edited is the
        one edited then; else the file of the import edited (its mapping just left)."""
        editing = self._editing()
        if self._file_chosen is not None and self._file_chosen[0] == editing:
            return self._file_chosen[1]
        return editing[1]

    def _import_text(self, imp: ImportPlan) -> str:
        """A file in the File box, with its rows in error now (counted with the plan and
        kept by each correction's re-check: no pass here)."""
        errors = imp.row_counts()[Outcome.ERROR]
        return readable(imp.file.name) if not errors else arg(
            self.tr("%1 (%Ln with errors)", "", errors), imp.file.name)

    def _count_imports_again(self) -> None:
        """The File box's counts after corrections re-checked rows."""
        plan = self.model.plan
        for position in range(self.import_box.count()):
            index = self.import_box.itemData(position)
            if plan is not None and isinstance(index, int) and 0 <= index < len(plan.imports):
                self.import_box.setItemText(position, self._import_text(plan.imports[index]))

    def _on_import_chosen(self, position: int) -> None:
        value = self.import_box.itemData(position)
        if value is not None:
            self._file_chosen = (self._editing(), int(value))
        self._show_import(None if value in (None, -1) else int(value))
        self._enable_mapping()
        self._size_columns()
        self._show_summary()
        self._show_details()

    def _enable_mapping(self) -> None:
        """The mapping button goes to one file's mapping: none while all files are shown."""
        self.mapping_button.setEnabled(self.import_box.currentData() not in (None, -1))

    def _mapping_asked(self) -> None:
        """The button: the mapping of the file chosen in the File box, asked of the wizard."""
        value = self.import_box.currentData()
        if value not in (None, -1):
            self.mapping_asked.emit(int(value))

    def _on_filter_chosen(self, position: int) -> None:
        self.model.set_filter(RowFilter(self.filter_box.itemData(position)))

    def set_filter(self, mode: RowFilter) -> None:
        """Choose a filter as the user would in the Show box."""
        self.filter_box.setCurrentIndex(self.filter_box.findData(mode.value))

    def _size_columns(self) -> None:
        """Fit the columns in view to what is visible, the others as they come into view."""
        self._fit_in_view.fit()

    def _fit_column(self, section: int) -> None:
        """Fit a column to what is visible, within reason (long texts stay readable by
        tooltip); a column the user sized keeps the width the user gave it."""
        width = self._contents_width(section)
        if width is None:
            return
        fitted = min(max(width, FITTED_MIN), FITTED_MAX)
        self._fitting = True
        try:
            self.table.horizontalHeader().resizeSection(
                section, self._width_kept(section) or fitted)
        finally:
            self._fitting = False

    def _contents_width(self, section: int) -> int | None:
        """A column's width for its values in the rows shown first; a value column's title
        (two lines, the file's header over the field it feeds) is given a few characters
        and cut, whole in its tooltip: sized by its title, a column of short codes took
        the room of three. The line, outcome and file are sized by their titles too."""
        if section < FIRST_VALUE_COLUMN or section == self.model.file_column():
            return contents_widths(self.table, columns=(section,))[section]
        values = contents_widths(self.table, titles=False, columns=(section,))[section]
        if values is None:
            return None
        floor = self.table.fontMetrics().averageCharWidth() * TITLE_FLOOR_CHARS
        return max(values, min(self.table.horizontalHeader().sectionSizeHint(section), floor))

    def _width_kept(self, section: int) -> int | None:
        """The width the user gave a column of this kind of import (this start or the
        last), when one could have (a settings file edited by hand may say any)."""
        columns = self._shown_columns()
        if columns is None or section >= len(self._keys):
            return None
        width = columns.widths.get(self._keys[section])
        least = self.table.horizontalHeader().minimumSectionSize()
        return width if width is not None and least <= width <= WIDEST else None

    def _on_resized_by_hand(self, section: int, new: int) -> None:
        """A column the user sized (dragged, or double-clicked on its header's edge) keeps
        that width through later checks (not one fitted as a drag scrolls it into view)."""
        columns = self._shown_columns()
        if not self._fitting and columns is not None and section < len(self._keys):
            columns.widths[self._keys[section]] = new
            columns.changed = True

    def _on_sorted(self, section: int, order: Qt.SortOrder) -> None:
        """A sort the user chose (a click on a title) is this kind of import's from now on,
        and at the next start; by line upwards is the rows' own order."""
        columns = self._shown_columns()
        if columns is None or section >= len(self._keys):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        columns.sort = None if section == LINE_COLUMN and not descending \
            else (self._keys[section], descending)
        columns.changed = True

    def _show_import(self, import_index: int | None) -> None:
        """Show one import's rows (None: every file's), sorted as the user left that kind of
        import, this start or the last: the rows are sorted once, as they are shown."""
        imports = shown_imports(self.session.choices.plan, import_index)
        self._kind = view_kind(imports) if imports else ""
        self._keys = view_column_keys(imports)
        sort = self._sort_kept()
        self.model.keep_sort(sort)
        self.model.show_import(import_index)
        header = self.table.horizontalHeader()
        with signals_blocked(header):  # the view would sort them again
            header.setSortIndicator(*(sort or (LINE_COLUMN, Qt.SortOrder.AscendingOrder)))

    def _sort_kept(self) -> tuple[int, Qt.SortOrder] | None:
        """The column this kind of import was sorted by and how; None (their own order)
        when by none, or by a column these rows do not have."""
        columns = self._shown_columns()
        if columns is None or columns.sort is None or columns.sort[0] not in self._keys:
            return None
        key, descending = columns.sort
        return self._keys.index(key), (Qt.SortOrder.DescendingOrder if descending
                                       else Qt.SortOrder.AscendingOrder)

    def _shown_columns(self) -> _Columns | None:
        """How the user left the columns of the kind of import shown (None when none is):
        read from the settings the first time this start."""
        if not self._kind:
            return None
        if self._kind not in self._columns:
            self._columns[self._kind] = _Columns(
                self.settings.column_widths(TABLE_SETTINGS, self._kind),
                self.settings.sort_order(TABLE_SETTINGS, self._kind))
        return self._columns[self._kind]

    def _save_columns(self) -> None:
        """Keep the widths and sorts the user changed, per kind of import, for next time."""
        changed = {kind: columns for kind, columns in self._columns.items() if columns.changed}
        if not changed:
            return
        self.settings.save_column_widths(TABLE_SETTINGS, {
            kind: columns.widths for kind, columns in changed.items()})
        self.settings.save_sort_orders(TABLE_SETTINGS, {
            kind: columns.sort for kind, columns in changed.items()})
        for columns in changed.values():
            columns.changed = False

    def _show_counts(self) -> None:
        counts = self.model.counts()
        total = self.model.total_rows()
        texts = [self._outcome_text(outcome, counts[outcome]) for outcome in OUTCOME_ORDER]
        parts = [self.tr("<b>%Ln row(s)</b>", "", total)]
        parts += [outcome_badge(outcome, text)
                  for outcome, text in zip(OUTCOME_ORDER, texts, strict=True)]
        self.counts_label.setText(" ".join(parts))
        # Read from the badges, the counts ran together into one string of numbers.
        sentence = arg(self.tr("%1: %2.", "the preview's counts as a screen reader says them"),
                       self.tr("%Ln row(s)", "", total), ", ".join(texts))
        recounted, self._recounted = self._recounted, False
        if sentence != self.counts_label.accessibleName():
            self.counts_label.setAccessibleName(sentence)
            if recounted:  # a correction changed them: said, as a check's ending says them
                self._say_counts()

    def _say_counts(self) -> None:
        """Announce the counts' sentence: seen at a glance, they are otherwise heard only by
        going to them."""
        announce_in_sight(self.counts_label, self.counts_label.accessibleName())

    def _recolour_counts(self) -> None:
        """Write the counts shown again in the colours of the scheme now in use."""
        if self.counts_label.text():
            self._show_counts()

    def _outcome_text(self, outcome: Outcome, n: int) -> str:
        texts = {
            Outcome.CREATE: self.tr("%Ln to create", "", n),
            Outcome.UPDATE: self.tr("%Ln to update", "", n),
            Outcome.UNCHANGED: self.tr("%Ln unchanged", "", n),
            Outcome.DELETE: (self.tr("%Ln to unregister", "", n)
                             if plan_unregisters(self.session.choices.plan)
                             else self.tr("%Ln to delete", "", n)),
            Outcome.ERROR: self.tr("%Ln with errors", "", n),
        }
        return texts[outcome]

    def _show_plan_notices(self, plan: Plan) -> None:
        """What the check says besides rows: new columns skipped, a date format to fix."""
        lines = [self._set_aside] if self._set_aside else []
        for index, fix in self._date_fixes.items():
            current = plan.config.imports[index].provider.date_format
            lines.append(arg(self.tr(
                "%1: the dates are not in the date format %2; they read as %3. Select a row "
                "with a date error to use %3 in one click."), plan.imports[index].file.name,
                current, fix.value))
        lines += [message_text(notice) for notice in plan.notices
                  if "<dateFormat>" not in notice]  # the fix is offered in our words above
        if lines:
            self.show_notice("\n".join(lines))

    def show_notice(self, text: str | None) -> None:
        """A message above the table (e.g. why the commit page sent the user back)."""
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def shows_plan(self) -> bool:
        """True once a check's plan is shown and no check runs (whether or not it would
        write anything)."""
        plan = self.session.choices.plan
        return not self._checking and plan is not None and plan is self.model.plan

    def isComplete(self) -> bool:
        """The user may commit once a plan is shown, no check runs, and the plan would
        write something."""
        plan = self.session.choices.plan
        return (self.shows_plan() and not self._exporting and plan is not None
                and plan.writes_anything())

    def validatePage(self) -> bool:
        """Commit: rows with errors are left out, once the user agreed; a plan that writes
        nothing is not committed (the button is disabled then)."""
        if not self.isComplete():
            return False
        plan = self.session.choices.plan
        skipped = plan.skipped_rows() if plan is not None else 0
        if skipped and ask(self, self.tr("Commit"), self.tr(
                "%Ln row(s) have errors and will be skipped: they are not written. Commit the "
                "other rows?", "", skipped),
                [self.tr("&Commit the other rows"), self.tr("Cancel")]) != 0:
            return False
        return super().validatePage()

    # --- the messages and the selected row ---------------------------------------------------

    def _on_row_rechecked(self) -> None:
        """A row was corrected: said at once; the other rows corrected with it, once after."""
        self._recounted = True  # the model's counts come next
        if self._edited_again.isActive():
            return
        self._rows_edited()
        self._edited_again.start()  # the list is built again only if its counts changed

    def _take_in_edits(self) -> None:
        """The rows corrected last taken in now, not on the next turn: what is said next
        (saved, how many corrected) stays said."""
        if self._edited_again.isActive():
            self._edited_again.stop()
            self._rows_edited()

    def _rows_edited(self) -> None:
        """Rows were corrected: their messages, counts and the selected row said anew."""
        self._show_summary(unless_listed=True)
        self._count_imports_again()
        self._show_details()
        plan = self.session.choices.plan
        if plan is not None and not self._exporting:
            self.progress_label.setText(self._checked_text(plan))
        self._enable_reports()
        self.completeChanged.emit()

    def _show_summary(self, *, unless_listed: bool = False) -> None:
        """Each message of the rows shown, with its count; the one chosen stays chosen
        (``unless_listed``: the list left as it is when it already says these counts)."""
        chosen = self.model.issue_filter
        counts = issue_counts(self.model.imports())
        plan = self.model.plan
        self._has_issues = bool(counts) or (plan is not None and any(
            imp.issue_counts() for imp in plan.imports))
        self._enable_reports()
        if unless_listed and counts == self._listed:
            return
        self._listed = counts
        self._listing = True
        try:
            self.messages.show(self.tr("Every row (no message chosen)"), counts)
            place = self.messages.row_of(chosen)
            self.summary_list.setCurrentIndex(self.messages.index(place))
        finally:
            self._listing = False
        if chosen is not None and place == 0:  # corrected away: every row again
            self._every_row_again()

    def _message_listed(self, issue: Issue, count: int) -> str:
        """A message as the list shows it, with its count."""
        return arg(self.tr("%1 × %2"), self._numbers.number(count),
                   _issue_line(issue, listed=True))

    def _message_whole(self, issue: Issue, count: int) -> str:
        """A message as its tooltip says it, unbroken; the platform's words under it."""
        said = arg(self.tr("%1 × %2"), self._numbers.number(count),
                   _issue_line(issue)[:TOOLTIP_CHARS])
        words = platform_words(issue.message)
        return said if words is None else f"{said}\n{words[:TOOLTIP_CHARS]}"

    def _every_row_again(self) -> None:
        """Every row shown again, the cell the user was on still current and the keyboard
        still in the table: the editor that corrected the message away closes meanwhile."""
        current = self.table.currentIndex()
        kept = self.model.locate(current.row()) if current.isValid() else None
        focus = QApplication.focusWidget()
        in_table = focus is not None and (focus is self.table or self.table.isAncestorOf(focus))
        self.model.set_issue_filter(None)
        if kept is not None:
            view_row = self.model.view_row_of(*kept)
            self.table.setCurrentIndex(self.model.index(view_row, current.column()))
        if in_table:
            self.table.setFocus()
        self._show_details()

    def _on_summary_chosen(self, row: int) -> None:
        """Show only the rows with the message chosen (the first entry: every row)."""
        if self._listing:
            return
        issue = self.messages.data(self.messages.index(row), Qt.ItemDataRole.UserRole)
        self.show_issue(issue if isinstance(issue, Issue) else None)

    def show_issue(self, issue: Issue | None) -> None:
        """Show only the rows that have ``issue`` (None: every row the Show box keeps), the
        first one's cell with it current and in sight, ready to be corrected."""
        self.model.set_issue_filter(issue)
        if issue is not None and self.model.rowCount():
            self.go_to_issue(0, issue.field)
        self._show_details()

    def go_to_issue(self, view_row: int, field: str | None = None) -> None:
        """Make the row's cell with an issue (``field``'s, else its first) the current one,
        scrolled into sight however far right it is; a row without one is left as it is."""
        column = self.model.issue_column(view_row, field)
        if column is None:
            return
        index = self.model.index(view_row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        if self._keep_lines_in_sight():  # the lines narrowed the table: in sight again
            self.table.scrollTo(index)

    def _keep_lines_in_sight(self) -> bool:
        """The rows' lines at the table's left edge while the Line column is scrolled out
        of sight (a jump to a cell far right would leave the row without its line), as wide
        as that column; whether they came or went."""
        header, lines = self.table.horizontalHeader(), self.table.verticalHeader()
        wanted = header.sectionViewportPosition(LINE_COLUMN) < 0
        if wanted == lines.isVisibleTo(self.table):
            return False
        lines.setMinimumWidth(header.sectionSize(LINE_COLUMN))
        lines.setVisible(wanted)
        self.table.updateGeometries()  # the narrower viewport, now rather than at next layout
        return True

    def _on_cell_clicked(self, index: QModelIndex) -> None:
        """A click on a row's line or outcome chooses the row: its cell with an issue is
        what there is to do on it (those two cells hold nothing to correct). The arrow keys
        browse cell by cell and move nowhere else."""
        if index.column() in (LINE_COLUMN, OUTCOME_COLUMN):
            self.go_to_issue(index.row())

    def summary(self) -> list[str]:
        """The messages as the list shows them (the first entry is every row)."""
        return [self.messages.text(n) for n in range(self.messages.rowCount())]

    def selected_row(self) -> tuple[ImportPlan, int, RowPlan] | None:
        """The row of the current cell, if any."""
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_details(self) -> None:
        """The selected row in words: its line, outcome, messages and corrections; and what
        the user may have meant for a code or login nothing has."""
        selected = self.selected_row()
        self._clear_suggestions()
        if selected is None:
            self.details.setPlainText(self.tr("Select a row to read its messages here."))
            return
        imp, _r, row = selected
        lines: list[Line] = [(arg(self.tr("Line %1 of %2: %3"), row.line, imp.file.name,
                                  outcome_label(row.outcome, imp.actions)), None)]
        lines += [(_issue_line(issue), platform_words(issue.message)) for issue in row.issues()]
        for n in range(len(imp.columns)):
            correction = self.session.correction(imp.file, row.line, n)
            if correction is not None:
                before = before_as_edited(self.session.choices.plan, imp.index, correction) \
                    if self.session.choices.plan is not None else correction.before
                # A value of 200,000 characters would be laid out whole in the panel.
                lines.append((arg(self.tr("Corrected: %1, “%2” → “%3”"),
                                  self._column_title(imp, n, correction), shown(before),
                                  shown(correction.after)), None))
        self.details.set_lines(lines)
        self._offer_date_format(imp, row)
        self._offer_near_values(imp, row)

    def _column_title(self, imp: ImportPlan, n: int, correction: Correction) -> str:
        """A corrected column by its field; one feeding none by the file's header."""
        name = imp.columns[n]
        if name != IGNORED_COLUMN:
            return field_title(name)
        header = imp.headers[n] if imp.headers and n < len(imp.headers) else correction.header
        return arg(self.tr("%1 (not mapped)"), header or arg(self.tr("column %1"), n + 1))

    def _offer_date_format(self, imp: ImportPlan, row: RowPlan) -> None:
        """Where the date format is the cause of the row's error: use the one its dates read
        in, in one click (every row of the file is checked again)."""
        fix = self._date_fixes.get(imp.index)
        if fix is None:
            return
        wrong = row.issue_fields(Level.ERROR)
        values = [row.cells[n] for n in date_columns(imp.actions, imp.columns)
                  if n < len(row.cells) and imp.columns[n] in wrong]
        if not any(isinstance(v, str) and parses(v.strip(), fix.value) for v in values):
            return
        question = QLabel(arg(self.tr("The dates of %1 read as %2, not as the date format "
                                      "says."), imp.file.name, fix.value), self.suggestions)
        question.setWordWrap(True)
        question.setToolTip(message_text(fix.reason))
        button = QPushButton(arg(self.tr("U&se %1"), fix.value), self.suggestions)
        button.setObjectName("useDateFormat")
        button.setToolTip(arg(self.tr("Read every date of %1 as %2 and check again"),
                              imp.file.name, fix.value))
        button.clicked.connect(lambda _=False, i=imp.index, f=fix.value: self.use_date_format(i, f))
        question.setBuddy(button)
        self.suggestion_layout.addWidget(question)
        self.suggestion_layout.addWidget(button)

    def use_date_format(self, import_index: int, date_format: str) -> None:
        """Read an import's dates in ``date_format`` and check every row again."""
        self.show_notice(None)
        self.session.set_date_format(import_index, date_format)
        self.start_check()

    def _clear_suggestions(self) -> None:
        while self.suggestion_layout.count():
            widget = self.suggestion_layout.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def near_values(self, imp: ImportPlan, row: RowPlan) -> list[tuple[int, str, str]]:
        """(column, value, what the user may have meant) for the row's wrong codes."""
        plan = self.session.choices.plan
        found: list[tuple[int, str, str]] = []
        if plan is None:
            return found
        for field in dict.fromkeys(i.field for i in row.issues() if i.level is Level.ERROR):
            if field not in imp.columns or near_field(field) is None:
                continue
            n = imp.columns.index(field)
            value = cell_text(row.cells[n]) if n < len(row.cells) else ""
            key = (field, value)
            if key not in self._near:
                self._near[key] = near_values(plan, field, value)
            found += [(n, value, meant) for meant in self._near[key]]
        return found

    def _offer_near_values(self, imp: ImportPlan, row: RowPlan) -> None:
        """One button per likely value: it replaces the wrong one in every row of the file
        that has it."""
        for n, value, meant in self.near_values(imp, row):
            count = sum(1 for other in imp.rows
                        if cell_text(other.cells[n] if n < len(other.cells) else "") == value)
            question = QLabel(arg(self.tr("Did you mean %1?"), meant), self.suggestions)
            question.setWordWrap(True)
            question.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton(self.tr("&Use it in %Ln row(s)", "", count), self.suggestions)
            button.setObjectName("didYouMean")
            button.setToolTip(arg(self.tr("Replace %1 with %2 in %3 wherever it is"),
                                  value, meant, field_title(imp.columns[n])))
            button.clicked.connect(
                lambda _=False, i=imp.index, c=n, v=value, m=meant: self.replace_value(i, c, v, m))
            question.setBuddy(button)
            self.suggestion_layout.addWidget(question)
            self.suggestion_layout.addWidget(button)

    def replace_value(self, import_index: int, column: int, value: str, meant: str) -> None:
        """Put ``meant`` in every cell of a column of one file that holds ``value``, in the
        background with progress and Cancel (all or nothing), as Find and replace does."""
        plan = self.session.choices.plan
        if plan is None:
            return
        imp, session = plan.imports[import_index], self.session
        correcting = self.tr("Correcting and checking the rows…")

        def work(monitor: Monitor) -> Replaced:
            found: Found = [((import_index, r, column, meant), value)
                            for r, cells in enumerate(imp.rows.cells)
                            if cell_text(cells[column] if column < len(cells) else "") == value]
            return correct_cells(session, found, monitor, correcting)

        self._correcting = True
        self._set_exporting(True)
        self.progress_row.cancel_button.setText(self.tr("C&ancel"))
        self.progress_row.set_running(True)
        self.progress_label.setText(correcting)
        self.export_runner.run(work, self._on_corrected, self._on_correcting_failed)

    def _on_corrected(self, result: Replaced) -> None:
        """The rows "Did you mean" corrected, shown anew, and how many in words."""
        self._end_correcting()
        if result.edits:
            self.model.show_edited(result.edits)
            self._take_in_edits()
        if result.cancelled:
            self.progress_label.setText(self.tr("Cancelled: no cell was changed."))
        elif result.error:
            self.show_error(result.error)
        else:
            self.progress_label.setText(self.tr("%Ln cell(s) corrected.", "",
                                                len(result.changed)))

    def _on_correcting_failed(self, error: ImporterError) -> None:
        """Cancelled before any cell changed, or a failure of ours."""
        self._end_correcting()
        if isinstance(error, Cancelled):
            self.progress_label.setText(self.tr("Cancelled: no cell was changed."))
        else:
            self.show_error(error.message)

    def _end_correcting(self) -> None:
        self._correcting = False
        self.progress_row.set_running(False)
        self._set_exporting(False)

    def find_and_replace(self) -> None:
        """The find and replace dialog, over the rows shown."""
        dialog = FindReplaceDialog(self.model, self)
        current = self.table.currentIndex()
        if current.isValid() and current.column() >= FIRST_VALUE_COLUMN:
            dialog.choose_column(current.column() - FIRST_VALUE_COLUMN, current.row())
        dialog.exec()
        dialog.deleteLater()

    # --- exports -----------------------------------------------------------------------------

    def _default_folder(self) -> Path:
        """Where reports go: where the user saved the last one (before a restart too), else
        the usual place."""
        return self.settings.last_folder(REPORTS, self._usual_folder())

    def _usual_folder(self) -> Path:
        """The error logger's location once made (a first commit makes it; a dialog offered
        a folder that is not there opens in the program's own), else the configuration's
        folder, else the data file's."""
        choices = self.session.choices
        config = choices.config
        base = config.folder if config.source else (
            choices.data_files[0].parent if choices.data_files else Path.home())
        for imp in config.imports:
            location = imp.error_log_location()
            if location and (base / location).is_dir():
                return base / location
        return base

    def export_workbook(self, path: Path | None = None) -> None:
        """Save the rows with issues as a workbook (asks where when no path is given)."""
        plan = self.session.choices.plan
        if plan is None:
            return
        if path is None:
            path = self._ask_where(self.tr("Export issues as workbook"),
                                   self._default_folder() / "issues.xlsx",
                                   self.tr("Workbooks (*.xlsx)"))
            if path is None:
                return
        words = workbook_words()
        self._export(lambda monitor: write_issues_workbook(plan, path, words, monitor),
                     lambda: self._remember_folder(path), cancellable=True)

    def save_error_log(self, path: Path | None = None) -> None:
        """Save the platform's error log (asks where when no path or folder is given)."""
        plan = self.session.choices.plan
        if plan is None:
            return
        if path is None:
            path = self._ask_where(self.tr("Save error log"),
                                   self._default_folder() / error_log_name(),
                                   self.tr("Logs (*.log *.txt)"))
            if path is None:
                return
        self._export(lambda monitor: write_error_log(plan, path, monitor=monitor),
                     lambda: self._remember_folder(path), cancellable=True)

    def _remember_folder(self, saved: Path) -> None:
        """The next report is offered where this one went (a log given a folder: there)."""
        self.settings.remember_folder(REPORTS, saved)

    def corrected_file(self) -> Path | None:
        """The data file a corrected copy is made of: the shown file's, or the selected
        row's when every file is shown; None when it has no corrections."""
        selected = self.selected_row()
        shown = [selected[0]] if selected is not None else self.model.imports()
        for imp in shown:
            if self.session.choices.corrections.of(imp.file) is not None:
                return imp.file
        return None

    def save_corrected_copy(self, path: Path | None = None) -> None:
        """Save the data file with the corrections (asks where when no path is given)."""
        file = self.corrected_file()
        if file is None:
            return
        if path is None:
            usual = self.settings.last_folder(CORRECTED_COPIES, file.parent) / corrected_name(file)
            path = self._ask_where(self.tr("Save a corrected copy"), usual, arg(
                self.tr("Files like %1 (*%2)"), file.name, usual.suffix))
            if path is None:
                return
        self._export(self.session.corrected_copy(file, path),
                     lambda: self._copy_saved(file, path), cancellable=True)

    def _copy_saved(self, file: Path, copy: Path) -> None:
        """The corrections of ``file`` saved, and the next copy offered where this one went."""
        self.session.choices.corrections.mark_saved([file])
        self.settings.remember_folder(CORRECTED_COPIES, copy)

    def _ask_where(self, title: str, suggested: Path, kinds: str) -> Path | None:
        """Where to save, asked with ``suggested`` offered; a name typed without an extension
        gets the suggested one, before the dialog asks about replacing a file of that name
        (a workbook saved as "issues" would open nowhere)."""
        dialog = QFileDialog(self, title, str(suggested), kinds)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suggested.suffix.lstrip("."))
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted:
                return None
            chosen = dialog.selectedFiles()
        finally:
            dialog.deleteLater()
        return Path(chosen[0]) if chosen else None

    def _export(self, write: Callable[[Monitor], Path], done: Callable[[], None] | None = None,
                *, cancellable: bool = False) -> None:
        """Write a report in the background (with progress and Cancel when ``cancellable``:
        a million rows' workbook takes minutes); the rows cannot be edited meanwhile."""
        self._take_in_edits()  # the last edits' counts first, never after "Saved"
        self._set_exporting(True)
        self._saving_report = cancellable
        if cancellable:
            self.progress_row.cancel_button.setText(self.tr("C&ancel"))
            self.progress_row.set_running(True)
        self.progress_label.setText(self.tr("Saving…"))
        self.export_runner.run(write, lambda written: self._on_exported(written, done),
                               self._on_export_failed)

    def _on_exported(self, written: Path, done: Callable[[], None] | None = None) -> None:
        self._saving_report = False
        self.progress_row.set_running(False)
        self._set_exporting(False)
        self.last_export = written
        self.show_error(None)
        self.progress_label.setText(arg(self.tr("Saved %1."), written))
        if done is not None:
            done()

    def _on_export_failed(self, error: ImporterError) -> None:
        self._saving_report = False
        self.progress_row.set_running(False)
        self._set_exporting(False)
        if isinstance(error, Cancelled):
            self.progress_label.setText(self.tr("Cancelled: nothing was saved."))
            return
        self.progress_label.setText("")
        self.show_error(error.message)

    def _set_exporting(self, exporting: bool) -> None:
        self._exporting = exporting
        self._enable_editing()
        self._enable_reports()
        self.completeChanged.emit()

    def _enable_editing(self) -> None:
        """The rows are corrected (in the table or by a suggestion beside it) and checked
        again only while no check or report runs: a correction made meanwhile would be
        missing from the rows the check brings, or from the copy being saved, which would
        yet count it as saved."""
        idle = not self._checking and not self._exporting
        for widget in (self.table, self.suggestions, self.recheck_button):
            widget.setEnabled(idle)

    def _enable_reports(self) -> None:
        """Each report only when it has something to say; nothing while work runs."""
        plan = self.session.choices.plan
        idle = not self._checking and not self._exporting
        shown = idle and plan is not None and plan is self.model.plan
        self.workbook_button.setEnabled(shown and self._has_issues)
        self.log_button.setEnabled(shown and self._has_issues)
        self.copy_button.setEnabled(shown and self.corrected_file() is not None)
        self.replace_button.setEnabled(shown and self.model.rowCount() > 0)
        self._say_why_reports_wait(shown)

    def _say_why_reports_wait(self, shown: bool) -> None:
        """A report button disabled for want of something to report says so in its tooltip:
        a greyed button alone leaves the user guessing what it waits for."""
        nothing = "" if not shown or self._has_issues else self.tr(
            "Available when a row has an error or a warning: none has one for now.")
        for button in (self.workbook_button, self.log_button):
            button.setToolTip(nothing)
        purpose = self.tr("The data file with your corrections, in its own format, encoding "
                          "and delimiter.")
        if shown and self.corrected_file() is None:
            purpose += "\n" + self.tr("Available after a correction: double-click a cell, or "
                                      "use Find and replace.")
        self.copy_button.setToolTip(purpose)


# A message in the list is cut after this many characters (its field still named), and a
# word longer than a line may break: one quoting a 5,000-character value would widen the
# list past its messages. The tooltip gives it whole, up to TOOLTIP_CHARS.
LISTED_CHARS, WORD_CHARS = 300, 25
_LONG_WORD = re.compile(rf"(\S{{{WORD_CHARS}}})(?=\S)")


def _listed(text: str) -> str:
    """A message as the list shows it: at most LISTED_CHARS, long words breakable."""
    if len(text) > LISTED_CHARS:
        text = text[:LISTED_CHARS - 1] + "…"
    return _LONG_WORD.sub("\\1\u200b", text)


def _issue_line(issue: Issue, *, listed: bool = False) -> str:
    """An issue for people: level and message, then the field by its label and name unless
    the message opens with them; ``listed``: the message shortened as the messages list shows
    it."""
    text = issue_text(issue.level, issue.message)
    if listed:
        text = _listed(text)
    return with_its_field(issue, text)


def _header_of(correction: Correction) -> str:
    """A corrected column as the file heads it (its field when the file has no header)."""
    if correction.header:
        return correction.header
    if correction.field and correction.field != IGNORED_COLUMN:
        return field_title(correction.field)
    return arg(translate("PreviewPage", "column %1"), correction.column + 1)
