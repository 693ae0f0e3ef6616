"""Page 5, Preview: check every row in the background, then show what a commit would do."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
    QWizard,
)

from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.issues import OUTCOME_ORDER, Outcome
from importer_gui.core.plan import Plan
from importer_gui.core.reports import error_log_name, write_error_log, write_issues_workbook
from importer_gui.core.session import run_check
from importer_gui.ui.i18n import arg
from importer_gui.ui.models.preview_model import PreviewModel, RowFilter
from importer_gui.ui.pages.base import BasePage, collected
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import NOTICE_STYLE, outcome_badge
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.progress import ProgressRow
from importer_gui.ui.widgets.signals import signals_blocked
from importer_gui.ui.widgets.table_sizing import size_columns_from_first_rows

log = logging.getLogger(__name__)


class PreviewPage(BasePage):
    """Every row with its line, outcome and values; bad cells coloured; edit to re-check."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr(
            "What committing would do to each row. Coloured cells have a problem: hover for "
            "the message, double-click to correct the value."))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Commit"))
        self.runner = TaskRunner(self)
        # Reports are written in the background too (1.4 s for a 100,000-row plan's
        # workbook): a runner of their own, so that saving one never cancels a check.
        self.export_runner = TaskRunner(self)
        self.last_export: Path | None = None  # the report written last
        self._exporting = False
        self.model = PreviewModel(state, parent=self)
        self.model.counts_changed.connect(self._show_counts)
        self.model.recheck_failed.connect(self.show_error)
        self._checking = False
        self._stale = False
        self._build()
        state.plan_changed.connect(self._on_plan_changed)
        state.store_changed.connect(self._on_store_changed)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        """Progress line, notice, counts and filters, the table, the export buttons."""
        self.notice = QLabel(self)
        self.notice.setObjectName("previewNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        self.notice.hide()
        self.body.addWidget(self.notice)
        self.body.addLayout(self._progress_row())
        self.body.addLayout(self._filter_row())
        self.table = self._table()
        self.body.addWidget(self.table, 1)
        self.body.addLayout(self._export_row())

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_row = ProgressRow(self.tr("C&ancel check"), self,
                                        working_text=self.tr("Checking…"))
        self.progress_row.cancel_button.clicked.connect(self.cancel)
        self.runner.progressed.connect(self.progress_row.show_progress)
        self.progress_label = self.progress_row.status
        self.progress = self.progress_row.bar
        self.recheck_button = QPushButton(self.tr("Check a&gain"), self)
        self.recheck_button.setToolTip(self.tr("Read the file again and check every row"))
        self.recheck_button.clicked.connect(self.start_check)
        row.addWidget(self.progress_row, 1)
        row.addWidget(self.recheck_button)
        return row

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("previewCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        self.counts_label.setWordWrap(True)  # large counts in French: a second line, not a cut
        row.addWidget(self.counts_label, 1)
        self.import_label = QLabel(self.tr("&File:"), self)
        self.import_box = QComboBox(self)
        self.import_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.import_label.setBuddy(self.import_box)
        self.import_box.currentIndexChanged.connect(self._on_import_chosen)
        row.addWidget(self.import_label)
        row.addWidget(self.import_box)
        show = QLabel(self.tr("&Show:"), self)
        self.filter_box = QComboBox(self)
        show.setBuddy(self.filter_box)
        for mode, text in self._filter_texts():
            self.filter_box.addItem(text, mode.value)
        self.filter_box.currentIndexChanged.connect(self._on_filter_chosen)
        row.addWidget(show)
        row.addWidget(self.filter_box)
        return row

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
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed
                              | QAbstractItemView.EditTrigger.AnyKeyPressed)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        size_columns_from_first_rows(table)
        return table

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.workbook_button = QPushButton(self.tr("Export issues as &workbook…"), self)
        self.workbook_button.clicked.connect(lambda: self.export_workbook())
        self.log_button = QPushButton(self.tr("Save error &log…"), self)
        self.log_button.clicked.connect(lambda: self.save_error_log())
        row.addWidget(self.workbook_button)
        row.addWidget(self.log_button)
        row.addStretch(1)
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

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again by Back after a commit, or with its plan dropped: check the files
        against the store as they now are."""
        super().showEvent(event)
        if self._stale and not event.spontaneous() and not self._checking:
            self.start_check()

    def start_check(self) -> None:
        """Run the full check in the background, with progress and Cancel."""
        self.show_error(None)
        self._stale = False
        self._set_checking(True)
        self.progress_label.setText(self.tr("Checking…"))
        self.progress.setRange(0, 0)
        snapshot = self.session.snapshot()  # the pages may edit the configuration meanwhile
        self.runner.run(lambda monitor: collected(run_check(snapshot, monitor)),
                        self._on_checked, self._on_check_failed)

    def cancel(self) -> None:
        """Stop the running check."""
        if self.runner.busy:
            self.runner.cancel()

    def is_checking(self) -> bool:
        """True while the check runs."""
        return self._checking

    def _on_checked(self, plan: Plan) -> None:
        self._set_checking(False)
        self.session.set_plan(plan)  # _on_plan_changed shows it

    def _on_check_failed(self, error: ImporterError) -> None:
        self._set_checking(False)
        if isinstance(error, Cancelled):
            self.progress_label.setText(self.tr("Check cancelled."))
            self.show_error(self.tr("The check was cancelled: press Check again to see the rows."))
        else:
            self.progress_label.setText(self.tr("Check failed."))
            self.show_error(error.message)

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        self.progress_row.set_running(checking)
        self.recheck_button.setEnabled(not checking)
        for widget in (self.workbook_button, self.log_button, self.table, self.filter_box):
            widget.setEnabled(not checking)
        self.completeChanged.emit()

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
        self.model.show_import(self._fill_imports(plan))
        self.progress_label.setText(self.tr("Checked.") if plan else "")
        self._size_columns()
        self.completeChanged.emit()

    def _fill_imports(self, plan: Plan | None) -> int | None:
        """One entry per import, shown only when there are several; the import to show."""
        imports = plan.imports if plan else []
        with signals_blocked(self.import_box):
            self.import_box.clear()
            for imp in imports:
                errors = imp.row_counts()[Outcome.ERROR]  # counted with the plan: no pass here
                text = imp.file.name if not errors else arg(
                    self.tr("%1 (%Ln with errors)", "", errors), imp.file.name)
                self.import_box.addItem(text, imp.index)
            if len(imports) > 1:
                self.import_box.addItem(self.tr("All files"), -1)
        several = len(imports) > 1
        self.import_label.setVisible(several)
        self.import_box.setVisible(several)
        return 0 if imports else None

    def _on_import_chosen(self, position: int) -> None:
        value = self.import_box.itemData(position)
        self.model.show_import(None if value in (None, -1) else int(value))
        self._size_columns()

    def _on_filter_chosen(self, position: int) -> None:
        self.model.set_filter(RowFilter(self.filter_box.itemData(position)))

    def set_filter(self, mode: RowFilter) -> None:
        """Choose a filter as the user would in the Show box."""
        self.filter_box.setCurrentIndex(self.filter_box.findData(mode.value))

    def _size_columns(self) -> None:
        """Fit columns to what is visible, within reason (long texts stay readable by tooltip)."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for section in range(header.count()):
            header.resizeSection(section, min(max(header.sectionSize(section), 60), 320))

    def _show_counts(self) -> None:
        counts = self.model.counts()
        parts = [self.tr("<b>%Ln row(s)</b>", "", self.model.total_rows())]
        for outcome in OUTCOME_ORDER:
            parts.append(outcome_badge(outcome, self._outcome_text(outcome, counts[outcome])))
        self.counts_label.setText(" ".join(parts))

    def _outcome_text(self, outcome: Outcome, n: int) -> str:
        texts = {
            Outcome.CREATE: self.tr("%Ln to create", "", n),
            Outcome.UPDATE: self.tr("%Ln to update", "", n),
            Outcome.UNCHANGED: self.tr("%Ln unchanged", "", n),
            Outcome.DELETE: self.tr("%Ln to delete", "", n),
            Outcome.ERROR: self.tr("%Ln with errors", "", n),
        }
        return texts[outcome]

    def show_notice(self, text: str | None) -> None:
        """A message above the table (e.g. why the commit page sent the user back)."""
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))

    def isComplete(self) -> bool:
        """The user may go on once a plan is shown and no check runs."""
        return (not self._checking and not self._exporting
                and self.session.choices.plan is not None)

    # --- exports -----------------------------------------------------------------------------

    def _default_folder(self) -> Path:
        """Where reports go unless the user says otherwise: the error logger's location,
        else the configuration's folder, else the data file's."""
        choices = self.session.choices
        config = choices.config
        base = config.folder if config.source else (
            choices.data_files[0].parent if choices.data_files else Path.home())
        for imp in config.imports:
            location = imp.error_log_location()
            if location:
                return base / location
        return base

    def export_workbook(self, path: Path | None = None) -> None:
        """Save the rows with issues as a workbook (asks where when no path is given)."""
        plan = self.session.choices.plan
        if plan is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export issues as workbook"),
                str(self._default_folder() / "issues.xlsx"), self.tr("Workbooks (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        self._export(lambda: write_issues_workbook(plan, path))

    def save_error_log(self, path: Path | None = None) -> None:
        """Save the platform's error log (asks where when no path or folder is given)."""
        plan = self.session.choices.plan
        if plan is None:
            return
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save error log"),
                str(self._default_folder() / error_log_name()), self.tr("Logs (*.log *.txt)"))
            if not chosen:
                return
            path = Path(chosen)
        self._export(lambda: write_error_log(plan, path))

    def _export(self, write: Callable[[], Path]) -> None:
        """Write a report in the background; the rows cannot be edited meanwhile."""
        self._set_exporting(True)
        self.progress_label.setText(self.tr("Saving…"))
        self.export_runner.run(lambda _monitor: write(), self._on_exported,
                               self._on_export_failed)

    def _on_exported(self, written: Path) -> None:
        self._set_exporting(False)
        self.last_export = written
        self.show_error(None)
        self.progress_label.setText(arg(self.tr("Saved %1."), written))

    def _on_export_failed(self, error: ImporterError) -> None:
        self._set_exporting(False)
        self.progress_label.setText("")
        self.show_error(error.message)

    def _set_exporting(self, exporting: bool) -> None:
        self._exporting = exporting
        for widget in (self.workbook_button, self.log_button, self.table, self.recheck_button):
            widget.setEnabled(not exporting)
        self.completeChanged.emit()
