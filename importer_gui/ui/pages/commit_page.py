"""Page 6, Commit: write the previewed plan in the background, then sum up what it did."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
    QWizard,
)

from importer_gui.core.errors import (
    Cancelled,
    ImporterError,
    StoreChangedError,
    StoreGoneError,
    StoreReplacedError,
)
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import Plan, plan_unregisters
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Committed, run_as_now, run_commit, run_replan
from importer_gui.core.store import RunSummary, StoreLocation
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import store_name
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import joined
from importer_gui.ui.package_dialog import PackageDialog
from importer_gui.ui.pages.base import BasePage, free_let_go, kept_off_the_collector, let_go
from importer_gui.ui.state import WizardState
from importer_gui.ui.store_browser import (
    StoreBrowser,
    browser_of,
    close_browsers,
    session_browser,
)
from importer_gui.ui.styles import Look
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.progress import ProgressRow
from importer_gui.ui.widgets.rows import message_line
from importer_gui.ui.widgets.spoken import announce_in_sight

log = logging.getLogger(__name__)


class CommitPage(BasePage):
    """Commits the plan with a progress bar and Cancel, then shows what was written."""

    sent_back = Signal(str)  # why the user goes back to the preview (the wizard shows it there)

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.setTitle(self.tr("Commit"))
        self.setSubTitle(self.tr("The rows without errors are written to the store in one "
                                 "transaction: all of them, or none."))
        self.setFinalPage(True)
        self.runner = TaskRunner(self)
        self.result: Committed | None = None
        self._running = False
        self._writing = False  # running, past the check of the corrections: writing
        # Where the committed run went (the store and its identity), to read it as it is now.
        self._committed_to: tuple[StoreLocation, str | None] | None = None
        self._undone: str | None = None  # why Package is withdrawn: the run was reverted
        self._run_reader = TaskRunner(self)  # the committed run read again, off this thread
        self._build()
        state.store_changed.connect(self._on_store_changed)
        state.left_store_changed.connect(self._on_left_store_changed)

    def _build(self) -> None:
        self.progress_row = ProgressRow(self.tr("C&ancel"), self)
        self.progress_row.cancel_button.clicked.connect(self.cancel)
        self.runner.progressed.connect(self.progress_row.show_progress)
        self.status = self.progress_row.status
        self.status.setObjectName("commitStatus")
        self.progress = self.progress_row.bar
        self.body.addWidget(self.progress_row)
        self.summary = QWidget(self)
        form = self._form = QFormLayout(self.summary)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_labels: dict[Outcome, QLabel] = {}
        for outcome, text in self._summary_texts():
            value = QLabel("0", self.summary)
            value.setObjectName(f"count_{outcome.value}")
            self.count_labels[outcome] = value
            form.addRow(text, value)
        self.body.addWidget(self.summary)
        self.logs_label = message_line(self, "commitLogs", Look.PLAIN)
        self.logs_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(self.logs_label)
        self.retry_button = QPushButton(self.tr("Commit a&gain"), self)
        self.retry_button.clicked.connect(self.start)
        self.recheck_button = QPushButton(self.tr("C&heck again"), self)
        self.recheck_button.clicked.connect(self.check_again)
        self.browser_button = QPushButton(self)
        self._name_browser_button()
        self.browser_button.clicked.connect(self.open_browser)
        self.package_button = QPushButton(self.tr("&Package for the platform…"), self)
        self.package_button.clicked.connect(lambda: self.open_package(send=False))
        self.send_button = QPushButton(self.tr("Sen&d to the platform…"), self)
        self.send_button.clicked.connect(lambda: self.open_package(send=True))
        self._offer_package()
        buttons = QHBoxLayout()
        buttons.addWidget(self.recheck_button)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.browser_button)
        buttons.addWidget(self.package_button)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addStretch(1)
        self.browser: StoreBrowser | None = None

    def _summary_texts(self) -> list[tuple[Outcome, str]]:
        return [
            (Outcome.CREATE, self.tr("Created:")),
            (Outcome.UPDATE, self.tr("Updated:")),
            (Outcome.DELETE, self.tr("Unregistered:") if self._unregisters()
             else self.tr("Deleted:")),
            (Outcome.UNCHANGED, self.tr("Unchanged:")),
            (Outcome.ERROR, self.tr("Skipped with errors:")),
        ]

    def _unregisters(self) -> bool:
        """True when the plan's rows delete registrations alone: said "unregistered"."""
        return plan_unregisters(self.session.choices.plan)

    # --- running -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        """Commit as soon as the user arrives from the preview (its Next button says Commit)."""
        self.result = None
        self.start()

    def cleanupPage(self) -> None:
        """Going back: stop a running commit (nothing is written then); a committed plan is
        done with (the preview checks again, against the store as it now is)."""
        self.cancel()
        if self.result is not None:
            self.result = None
            let_go(self.session)  # freed in pieces, in the background

    def start(self) -> None:
        """Re-check first when cells were edited, then commit."""
        plan = self.session.choices.plan
        self.show_error(None)
        self._committed_to, self._undone = None, None
        self._offer_package()
        self.summary.hide()
        self.logs_label.hide()
        self.browser_button.hide()
        for button in (self.retry_button, self.recheck_button):
            button.setDefault(False)
            button.hide()
        if plan is None:
            self.show_error(self.tr("There is nothing to commit: go back to the preview."))
            return
        self._set_running(True)
        if self.session.choices.plan_edited:
            self.status.setText(self.tr("Checking every row again with your corrections…"))
            path, held = self.session.store_path, [plan]
            del plan  # the job takes it from ``held``: nothing keeps it once the job is done
            self.runner.run(lambda m: kept_off_the_collector(
                lambda: run_replan(path, held.pop(), m), shown_plan_dropped=False),
                            self._on_replanned, self._on_failed)
        else:
            self._commit(plan)

    def _commit(self, plan: Plan) -> None:
        self._writing = True
        self.status.setText(self.tr("Committing…"))
        self.progress.setRange(0, 0)
        path = self.session.store_path
        self._committed_to = (path, plan.store_identity)
        corrections = self.session.choices.corrections.copy()  # recorded with the run

        def commit(monitor: Monitor) -> object:
            free_let_go()  # the plan a re-check replaced: freed here, before the writing
            return run_commit(path, plan, monitor, corrections)

        self.runner.run(commit, self._on_committed, self._on_failed)

    def cancel(self) -> None:
        """Stop the running work; a cancelled commit writes nothing."""
        if self.runner.busy:
            self.runner.cancel()

    def stop(self) -> str | None:
        """Stop the running work and wait until it has stopped: the store's transaction is
        rolled back and the page says that nothing was written. What was, when the commit
        had ended before it could be stopped (``state.Writer``)."""
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
            QApplication.processEvents()  # its outcome: the status says what happened
        if self.result is None:
            return None
        return arg(self.tr("The commit had ended before it could be stopped: run %1 is in "
                           "the store."), self.result.run_id)

    def _on_replanned(self, replanned: tuple[Plan, list[tuple[int, int]]]) -> None:
        fresh, differing = replanned
        # The preview shows this plan from now on; the edited one is freed by the worker.
        let_go(self.session, fresh)
        if not differing:
            self._commit(fresh)
            return
        self._set_running(False)
        self._send_back(differing, fresh)

    def _send_back(self, differing: list[tuple[int, int]], plan: Plan) -> None:
        """Back to the preview, saying which rows changed (the first by its file: the
        preview may show another) and why."""
        import_index, line = differing[0]
        text = arg(self.tr(
            "Checked again with your corrections, %Ln row(s) now have a different outcome "
            "(the first on line %1 of %2). Nothing was written: look at them, then commit.",
            "", len(differing)), line, plan.imports[import_index].file.name)
        self.sent_back.emit(text)
        self.show_error(text)
        wizard = self.wizard()
        if wizard is not None:
            QTimer.singleShot(0, wizard.back)

    def _on_committed(self, result: Committed) -> None:
        self.result = result
        self._set_running(False)
        self.status.setText(self._committed_text(result))
        numbers = LocaleText()
        for outcome, label in self.count_labels.items():
            label.setText(numbers.number(result.counts.get(outcome.value, 0)))
        deleted = self._form.labelForField(self.count_labels[Outcome.DELETE])
        if isinstance(deleted, QLabel):
            deleted.setText(dict(self._summary_texts())[Outcome.DELETE])
        self.summary.show()
        self._say_counts(result.counts)
        self._show_logs(result)
        self._name_browser_button()
        self.browser_button.show()
        self.completeChanged.emit()
        self._focus_finish()
        plan = self.session.choices.plan
        files = [imp.file for imp in plan.imports] if plan is not None else []
        self.session.record_commit(result, files)  # every view over the store hears of it

    def _say_counts(self, counts: dict[str, int]) -> None:
        """The counts as one sentence, announced as they appear (after the status line's
        "Committed"): read label by label they are a column of numbers a blind user hears
        only by going to them, one at a time."""
        numbers = {outcome: counts.get(outcome.value, 0) for outcome in self.count_labels}
        texts = {
            Outcome.CREATE: self.tr("%Ln created", "", numbers[Outcome.CREATE]),
            Outcome.UPDATE: self.tr("%Ln updated", "", numbers[Outcome.UPDATE]),
            Outcome.DELETE: (self.tr("%Ln unregistered", "", numbers[Outcome.DELETE])
                             if self._unregisters()
                             else self.tr("%Ln deleted", "", numbers[Outcome.DELETE])),
            Outcome.UNCHANGED: self.tr("%Ln unchanged", "", numbers[Outcome.UNCHANGED]),
            Outcome.ERROR: self.tr("%Ln skipped with errors", "", numbers[Outcome.ERROR]),
        }
        sentence = arg(self.tr("%1: %2.", "the commit's counts as a screen reader says them"),
                       self.tr("%Ln row(s)", "", sum(numbers.values())),
                       ", ".join(texts[outcome] for outcome in self.count_labels))
        self.summary.setAccessibleName(sentence)  # said again by going to it
        announce_in_sight(self.summary, sentence)

    def _committed_text(self, result: Committed) -> str:
        """What the status line says of a commit done (and not reverted)."""
        status = arg(self.tr("Committed: run %1 is in the history."), result.run_id)
        if result.corrections:
            # The window's own History, not the command line, which an administrator lacks.
            status += " " + self.tr(
                "The %Ln correction(s) made in the preview are recorded with it: the store "
                "browser's History tab shows them.", "", result.corrections)
        return status

    def _on_store_changed(self, run_id: int) -> None:
        """Another run changed the window's store (a revert from the browser, say), or the
        window went to another store (run 0): the run committed here is read again when
        that store is its own; a run in another tells nothing of it."""
        self._name_browser_button()
        if self._in_run_store(self.session.store_path):
            self._read_run_again(run_id)

    def _on_left_store_changed(self, location: StoreLocation, run_id: int) -> None:
        """A run made in a store the window has left since (a revert from a browser left
        open on it): the run committed here is read again when that store is its own."""
        if self._in_run_store(location):
            self._read_run_again(run_id)

    def _read_run_again(self, run_id: int) -> None:
        """Another run changed the store of the run committed here: that run is read again
        in the background, and said reverted when it is."""
        result, committed_to = self.result, self._committed_to
        if result is None or committed_to is None or self._running or run_id == result.run_id:
            return
        path, identity = committed_to
        mine = result.run_id
        self._run_reader.run(lambda _monitor: run_as_now(path, mine, identity),
                             lambda run: self._show_run(mine, run))

    def _show_run(self, run_id: int, run: RunSummary | None) -> None:
        """Say whether the run committed here (``run_id``, still) is reverted now, wholly or
        in part; Package and Send only while it is not."""
        result = self.result
        if result is None or result.run_id != run_id or run is None or self._running:
            return
        if run.reverted_by is not None:
            self.status.setText(arg(self.tr(
                "Run %1 was reverted by run %2: what it wrote is no longer in the store."),
                run_id, run.reverted_by))
            self._undone = arg(self.tr(
                "Run %1 was reverted by run %2: its rows are no longer in the store."),
                run_id, run.reverted_by)
        elif run.partly_reverted_by:
            reverts = joined([str(revert) for revert in run.partly_reverted_by])
            self.status.setText(arg(self.tr(
                "Run %1 was partly reverted by run(s) %2: only part of what it wrote is still "
                "in the store.", "", len(run.partly_reverted_by)), run_id, reverts))
            self._undone = arg(self.tr(
                "Run %1 was partly reverted by run(s) %2: some of its rows are no longer in "
                "the store.", "", len(run.partly_reverted_by)), run_id, reverts)
        else:  # its revert was reverted in turn: what it wrote is back
            self.status.setText(self._committed_text(result))
            self._undone = None
        self._offer_package()

    def _focus_finish(self) -> None:
        """Once committed, Enter presses Finish: the Cancel button that had the focus is
        gone, and the focus would fall on Back, which takes the user to the preview to
        check every row again."""
        wizard = self.wizard()
        if wizard is None:
            return
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        # Once the wizard has shown its buttons (Finish appears when the page is complete).
        QTimer.singleShot(0, finish, finish.setFocus)

    def _show_logs(self, result: Committed) -> None:
        """The error logs the configuration asks for, written as the platform would, and
        any that could not be."""
        lines = [arg(self.tr("Error log: %1"), log) for log in result.error_logs]
        self.logs_label.setText("\n".join(lines))
        self.logs_label.setVisible(bool(lines))
        if result.log_failures:
            self.show_errors(result.log_failures)

    def _on_failed(self, error: ImporterError) -> None:
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was written."))
        else:
            self.status.setText(self.tr("Nothing was written."))
            self.show_error(error.message)
        if isinstance(error, StoreReplacedError):
            # The plan was made from the other store: the session drops it, every view reads
            # the store there now, and only a new check may commit into it.
            self.session.store_replaced(error.found)
            self._make_default(self.recheck_button)
            return
        if isinstance(error, StoreGoneError):
            # Committing again fails again until the store is put back (or opened where it
            # is now, which starts over): offered, but not on Enter; nor is Finish.
            self.retry_button.show()
            QTimer.singleShot(0, self, self._nothing_default)
            return
        if isinstance(error, StoreChangedError):
            # Another program wrote what the check read since: the same plan is refused
            # again, and only a check of the store as it now is may commit.
            self._make_default(self.recheck_button)
            return
        plan = self.session.choices.plan
        not_as_read = plan.file_not_as_read() if plan is not None else None
        if not_as_read is not None:
            # Committing again would fail again: the rows shown are not the file's any more.
            self.status.setText(self._changed_text(gone=not_as_read[1]))
            self._make_default(self.recheck_button)
            return
        self._make_default(self.retry_button)

    def _changed_text(self, *, gone: bool) -> str:
        """Why nothing was written when a data file is not as it was checked (the one the
        commit's error names): gone (moved or deleted: checking again cannot help until it
        is back or opened where it is), or changed."""
        if gone:
            return self.tr("Nothing was written: a data file is no longer there (moved or "
                           "deleted since it was checked). Put it back and check it again, "
                           "or open it where it now is.")
        return self.tr("Nothing was written: a data file changed since it was checked. "
                       "Check it again, then commit.")

    def _nothing_default(self) -> None:
        """Enter presses nothing: no button of the page, nor Finish (which would start a new
        import), once the wizard has laid out its buttons (it makes Finish the default)."""
        wizard = self.wizard()
        buttons = self.findChildren(QPushButton)
        if wizard is not None:
            buttons.append(wizard.button(QWizard.WizardButton.FinishButton))
        for button in buttons:
            button.setDefault(False)
        self.error_label.setFocus()

    def _make_default(self, button: QPushButton) -> None:
        """After a cancel or a failure, Enter presses ``button`` (Commit again, or Check
        again), not Finish, which would start a new import: the import was not done."""
        button.show()
        self._default_now(button)
        # Again once the wizard has laid out its buttons (it makes Finish the default then);
        # the button as context: a page closed meanwhile takes the call away with it.
        QTimer.singleShot(0, button, lambda: self._default_now(button))

    def _default_now(self, button: QPushButton) -> None:
        if button.isVisible() and not self._running:
            button.setDefault(True)  # the wizard's Finish is no longer the default
            button.setFocus()

    def check_again(self) -> None:
        """Back to the preview, which checks the files as they now are."""
        let_go(self.session)  # freed off the window's thread, in pieces
        wizard = self.wizard()
        if wizard is not None:
            wizard.back()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self._writing = self._writing and running
        self.progress_row.set_running(running)
        self._offer_package()
        self.completeChanged.emit()

    def _offer_package(self) -> None:
        """Package and Send only once the rows are committed: not while the commit runs
        (it may still be cancelled or fail), nor after a cancelled or refused one, nor once
        the run is reverted (its rows are no longer those of the store)."""
        committed = self.result is not None and not self._running
        for button in (self.package_button, self.send_button):
            button.setEnabled(committed and self._undone is None)
            button.setToolTip(self.tr("Available once the rows are committed")
                              if not committed else self._undone or "")

    def is_running(self) -> bool:
        """True while checking again or committing."""
        return self._running

    def writes_store(self) -> bool:
        """True while a commit runs, checking the corrections again first included: its
        rows are to end in the store (``state.Writer``)."""
        return self._running

    def stop_question(self) -> tuple[str, str, list[str]]:
        """What the user is asked before the commit running is stopped."""
        doing = (self.tr("The rows are being written to the store.") if self._writing
                 else self.tr("The rows are being checked again with your corrections, to "
                              "be written to the store next."))
        return (self.tr("A commit is running"),
                arg(self.tr("%1 Stop the commit? Nothing will be written."), doing),
                [self.tr("&Stop the commit"), self.tr("&Go on committing")])

    def isComplete(self) -> bool:
        """Finish only once the commit is done (or failed: nothing to wait for)."""
        return not self._running

    # --- the browser -------------------------------------------------------------------------

    def open_package(self, *, send: bool) -> None:
        """The checked rows, corrections included, as a folder the platform reads (and sent)."""
        plan = self.session.choices.plan
        if plan is None:
            return
        dialog = PackageDialog(plan, self, send=send)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _run_store(self) -> StoreLocation | None:
        """The store the run committed here went to; None before a commit is done."""
        committed_to = self._committed_to
        return committed_to[0] if self.result is not None and committed_to is not None else None

    def _in_run_store(self, location: StoreLocation) -> bool:
        """Whether ``location`` is the store the run committed here went to."""
        run_store = self._run_store()
        return run_store is not None and str(run_store) == str(location)

    def _store_left(self) -> StoreLocation | None:
        """The store the run committed here went to, when the window has left it since."""
        run_store = self._run_store()
        if run_store is None or self._in_run_store(self.session.store_path):
            return None
        return run_store

    def _name_browser_button(self) -> None:
        """The browser button names the run's store when the window works on another."""
        left, result = self._store_left(), self.result
        if left is None or result is None:
            self.browser_button.setText(self.tr("Open the store b&rowser and history…"))
            self.browser_button.setToolTip("")
            return
        name = store_name(left).replace("&", "&&")  # an "&" of the name is no shortcut
        self.browser_button.setText(
            arg(self.tr("Open the store b&rowser of %1 and its history…"), name))
        self.browser_button.setToolTip(arg(self.tr(
            "Run %1 went to the store %2, not to the one the window works on now (%3)."),
            result.run_id, left, self.session.store_path))

    def open_browser(self) -> StoreBrowser:
        """Show the store browser on the history of runs and the run committed here, of the
        store that run went to (the window may have left it since); one already open on it,
        opened here or from Tools, is brought to the front, not opened a second time."""
        left = self._store_left()
        browser = browser_of(self.window(), left or self.session.store_path)
        if browser is None:
            browser = self._new_browser(left)
        if self.result is not None:
            browser.show_run(self.result.run_id)
        else:
            browser.show_history()
        browser.bring_to_front()
        self.browser = browser
        return browser

    def _new_browser(self, left: StoreLocation | None) -> StoreBrowser:
        """A browser of the store left, or of the session's, opened in the background. It is
        followed even on a store left: the window asks about its reverts before it closes,
        they reach this page as any store view's, and it is the session's again once the
        window is back."""
        browser = (StoreBrowser(None, self, location=left) if left is not None
                   else session_browser(self.session, self))
        # Deleted once closed, as the main window's: what it still reads goes to nobody.
        browser.finished.connect(browser.deleteLater)
        self.state.follow_store(browser)
        return browser

    def close_browsers(self) -> None:
        """The window is closing: every store browser it opened (one on a store the window
        has left too) is closed, its reads stopped and waited for, and deleted at once, so
        that no outcome still on its way starts another read."""
        close_browsers(self)
        self.browser = None
