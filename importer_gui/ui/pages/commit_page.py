"""Page 6, Commit: write the previewed plan in the background, then sum up what it did."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from importer_gui.core import pipeline
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import Plan
from importer_gui.core.progress import Monitor
from importer_gui.core.store import Store
from importer_gui.ui.pages.base import BasePage
from importer_gui.ui.state import WizardState
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.progress import ProgressRow

log = logging.getLogger(__name__)


# --- the work, Qt-free, run in the worker thread ---------------------------------------------

def commit_plan(store_path: Path, plan: Plan, monitor: Monitor) -> pipeline.CommitResult:
    """Commit the plan into the store at ``store_path``."""
    with Store.open(store_path) as store:
        return pipeline.commit(plan, store, monitor=monitor)


def replan_at(store_path: Path, plan: Plan, monitor: Monitor,
              ) -> tuple[Plan, list[tuple[int, int]]]:
    """Re-plan against the store at ``store_path``; the fresh plan and the rows whose
    outcome differs from ``plan`` (compared here: 0.07 s for 100,000 rows)."""
    with Store.open(store_path) as store:
        fresh = pipeline.replan(plan, store, monitor=monitor)
    return fresh, pipeline.changed_lines(plan, fresh)


# --- the page --------------------------------------------------------------------------------

SUMMARY_ROWS = (Outcome.CREATE, Outcome.UPDATE, Outcome.DELETE, Outcome.UNCHANGED, Outcome.ERROR)


class CommitPage(BasePage):
    """Commits the plan with a progress bar and Cancel, then shows what was written."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("Commit"))
        self.setSubTitle(self.tr("The rows without errors are written to the store in one "
                                 "transaction: all of them, or none."))
        self.setFinalPage(True)
        self.runner = TaskRunner(self)
        self.result: pipeline.CommitResult | None = None
        self._running = False
        self._build()

    def _build(self) -> None:
        self.progress_row = ProgressRow(self.tr("C&ancel"), self)
        self.progress_row.cancel_button.clicked.connect(self.cancel)
        self.runner.progressed.connect(self.progress_row.show_progress)
        self.status = self.progress_row.status
        self.status.setObjectName("commitStatus")
        self.progress = self.progress_row.bar
        self.body.addWidget(self.progress_row)
        self.summary = QWidget(self)
        form = QFormLayout(self.summary)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_labels: dict[Outcome, QLabel] = {}
        for outcome, text in self._summary_texts():
            value = QLabel("0", self.summary)
            value.setObjectName(f"count_{outcome.value}")
            self.count_labels[outcome] = value
            form.addRow(text, value)
        self.body.addWidget(self.summary)
        self.retry_button = QPushButton(self.tr("Commit a&gain"), self)
        self.retry_button.clicked.connect(self.start)
        self.recheck_button = QPushButton(self.tr("C&heck again"), self)
        self.recheck_button.clicked.connect(self.check_again)
        self.browser_button = QPushButton(self.tr("Open the store b&rowser and history…"), self)
        self.browser_button.clicked.connect(self.open_browser)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recheck_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.browser_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.browser: QWidget | None = None

    def _summary_texts(self) -> list[tuple[Outcome, str]]:
        return [
            (Outcome.CREATE, self.tr("Created:")),
            (Outcome.UPDATE, self.tr("Updated:")),
            (Outcome.DELETE, self.tr("Deleted:")),
            (Outcome.UNCHANGED, self.tr("Unchanged:")),
            (Outcome.ERROR, self.tr("Skipped with errors:")),
        ]

    # --- running -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        """Commit as soon as the user arrives from the preview (its Next button says Commit)."""
        self.result = None
        self.start()

    def cleanupPage(self) -> None:
        """Going back: stop a running commit (nothing is written then); after a commit the
        preview must check again, so it shows the store as it now is."""
        self.cancel()
        if self.result is not None:
            self.result = None
            self.state.set_plan(None)
            preview = self._preview_page()
            if preview is not None:
                preview.mark_stale()  # re-checked when shown, not when the wizard closes

    def start(self) -> None:
        """Re-check first when cells were edited, then commit."""
        plan = self.state.choices.plan
        self.show_error(None)
        self.summary.hide()
        self.browser_button.hide()
        self.retry_button.hide()
        self.recheck_button.hide()
        if plan is None:
            self.show_error(self.tr("There is nothing to commit: go back to the preview."))
            return
        self._set_running(True)
        if self.state.choices.plan_edited:
            self.status.setText(self.tr("Checking every row again with your corrections…"))
            path = self.state.store_path
            self.runner.run(lambda m: replan_at(path, plan, m), self._on_replanned,
                            self._on_failed)
        else:
            self._commit(plan)

    def _commit(self, plan: Plan) -> None:
        self.status.setText(self.tr("Committing…"))
        self.progress.setRange(0, 0)
        path = self.state.store_path
        self.runner.run(lambda m: commit_plan(path, plan, m), self._on_committed,
                        self._on_failed)

    def cancel(self) -> None:
        """Stop the running work; a cancelled commit writes nothing."""
        if self.runner.busy:
            self.runner.cancel()

    def _on_replanned(self, replanned: tuple[Plan, list[tuple[int, int]]]) -> None:
        fresh, differing = replanned
        self.state.set_plan(fresh)  # the preview shows this plan from now on
        if not differing:
            self._commit(fresh)
            return
        self._set_running(False)
        self._send_back(differing)

    def _send_back(self, differing: list[tuple[int, int]]) -> None:
        """Back to the preview, saying which rows changed and why."""
        first = differing[0][1]
        text = self.tr(
            "Checked again with your corrections, %n row(s) now have a different outcome "
            "(the first on line %1). Nothing was written: look at them, then commit.",
            "", len(differing)).replace("%1", str(first))
        preview = self._preview_page()
        if preview is not None:
            preview.show_notice(text)
        self.show_error(text)
        wizard = self.wizard()
        if wizard is not None:
            QTimer.singleShot(0, wizard.back)

    def _on_committed(self, result: pipeline.CommitResult) -> None:
        self._set_running(False)
        self.result = result
        self.state.choices.run_id = result.run_id
        self.status.setText(self.tr("Committed: run %1 is in the history.")
                            .replace("%1", str(result.run_id)))
        for outcome, label in self.count_labels.items():
            label.setText(str(result.counts.get(outcome.value, 0)))
        self.summary.show()
        self.browser_button.show()
        self.completeChanged.emit()

    def _on_failed(self, error: ImporterError) -> None:
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was written."))
        else:
            self.status.setText(self.tr("Nothing was written."))
            self.show_error(error.message)
        plan = self.state.choices.plan
        if plan is not None and plan.files_changed():
            # Committing again would fail again: the rows shown are not the file's any more.
            self.status.setText(self.tr("Nothing was written: a data file changed since it "
                                        "was checked. Check it again, then commit."))
            self.recheck_button.show()
            return
        self.retry_button.show()

    def check_again(self) -> None:
        """Back to the preview, which checks the files as they now are."""
        self.state.set_plan(None)
        preview = self._preview_page()
        if preview is not None:
            preview.mark_stale()  # type: ignore[attr-defined]
        wizard = self.wizard()
        if wizard is not None:
            wizard.back()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.progress_row.set_running(running)
        self.completeChanged.emit()

    def is_running(self) -> bool:
        """True while checking again or committing."""
        return self._running

    def isComplete(self) -> bool:
        """Finish only once the commit is done (or failed: nothing to wait for)."""
        return not self._running

    def _preview_page(self) -> object | None:
        """The wizard's preview page, to send the user back to it with a message."""
        from importer_gui.ui.pages.preview_page import PreviewPage

        wizard = self.wizard()
        if wizard is None:
            return None
        for page_id in wizard.pageIds():
            page = wizard.page(page_id)
            if isinstance(page, PreviewPage):
                return page
        return None

    # --- the browser -------------------------------------------------------------------------

    def open_browser(self) -> QWidget | None:
        """Show the store browser on the history of runs."""
        from importer_gui.ui.store_browser import StoreBrowser

        try:
            store = Store.open(self.state.store_path)
        except ImporterError as exc:
            self.show_error(exc.message)
            return None
        browser = StoreBrowser(store, self)
        browser.finished.connect(lambda _code: store.close())
        browser.show_history()
        browser.show()
        self.browser = browser
        return browser
