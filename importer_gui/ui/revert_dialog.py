"""Revert a run: preview what it does to each record, table by table, then commit it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core import revert
from importer_gui.core.errors import (
    ImporterError,
    RevertedMeanwhileError,
    StoreChangedError,
    StoreReplacedError,
)
from importer_gui.core.progress import Monitor
from importer_gui.core.revert import (
    REVERT_WRITES,
    LaterNotReverted,
    NothingToRevertError,
    PassedOver,
    RevertInterruptedError,
    RevertPlan,
    RevertResult,
    RevertStopped,
    RevertTable,
)
from importer_gui.core.store import Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import table_name
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import joined
from importer_gui.ui.models.revert_model import RevertModel, outcome_label
from importer_gui.ui.models.store_model import RunCounts
from importer_gui.ui.pages.base import kept_off_the_collector
from importer_gui.ui.preview_apply_dialog import PREVIEW_SIZE, PreviewApplyDialog, preview_table
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.tasks import free_later
from importer_gui.ui.widgets.rows import message_line, picker_row, show_counts
from importer_gui.ui.widgets.signals import signals_blocked
from importer_gui.ui.widgets.table_sizing import fit_to_contents

SIZE_SETTINGS = "revertDialog"  # where its size and place are remembered

# --- the work, Qt-free, run in the worker thread (its own connection: the GUI keeps reading) --

def plan_at(store_path: StoreLocation, run_id: int, monitor: Monitor,
            identity: str | None = None) -> RevertPlan:
    """Plan the revert of one run against the store at ``store_path`` (which holds the run:
    where it is gone, said, never made again empty; another store than ``identity``'s there,
    said, StoreReplacedError), and of the later runs to revert first: the preview says which
    of them cannot be."""
    with Store.reopen(store_path, identity=identity, monitor=monitor) as store:
        return revert.plan_later_runs(store, revert.plan_revert(store, run_id, monitor), monitor)


def commit_at(store_path: StoreLocation, plan: RevertPlan, later_first: bool,
              monitor: Monitor, identity: str | None = None) -> list[RevertResult]:
    """Commit the revert (after reverting the later runs, when asked) into the store the
    plan was made on (``identity``): another one put there meanwhile is left untouched."""
    with Store.reopen(store_path, identity=identity, monitor=monitor) as store:
        if later_first:
            return revert.revert_later_first(store, plan, monitor)
        return [revert.commit_revert(store, plan, monitor)]


# --- the dialog ------------------------------------------------------------------------------

class RevertDialog(PreviewApplyDialog):
    """The revert preview of one run: each record, conflicts coloured, then Revert."""

    # Another store was found where the one previewed was: the identity of the one there.
    store_replaced = Signal(object)

    def __init__(self, store_path: StoreLocation, run_id: int,
                 parent: QWidget | None = None, *,
                 synchronous: bool = False, identity: str | None = None) -> None:
        super().__init__(store_path, parent, synchronous=synchronous)
        self.run_id = run_id
        self.identity = identity  # the store the run was read from (None: any)
        self.plan: RevertPlan | None = None
        self.results: list[RevertResult] = []  # the reverts written (before a stop, too)
        self._writing = False  # Revert pressed, its work not ended yet
        # The preview no longer holds (the store moved on since it): it is never written.
        self._stale = False
        self._closed = False  # closed: a plan that comes now is nobody's to look at
        self.setWindowTitle(arg(self.tr("Revert run %1"), run_id))
        self.model = RevertModel(self)
        self._build()
        self.remember_size(SIZE_SETTINGS, PREVIEW_SIZE)
        self.start()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(arg(self.tr(
            "Reverting run %1 deletes what it created, restores what it changed and recreates "
            "what it deleted. Nothing is written until you press Revert."), self.run_id), self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.notice = message_line(self, "revertNotice", Look.NOTICE)
        layout.addWidget(self.notice)
        layout.addLayout(self._table_row())
        # The run's own order first; a click on a header sorts.
        self.view = preview_table(self, "revertPreview", self.model, model_order_first=True)
        self.view.setAccessibleName(self.tr("What the revert changes"))
        layout.addWidget(self.view, 1)
        layout.addLayout(self._choice_rows())
        self.revert_button = self._add_progress_and_buttons(
            layout, "revert", self.tr("C&ancel"), self.tr("&Revert"))
        self._show_sorting(self.model)
        self.progress = self.progress_row.bar
        # Offered once the store moved on since the plan: the preview made again from it.
        self.replan_button = QPushButton(self.tr("&Plan again"), self)
        self.replan_button.setObjectName("revertPlanAgain")
        self.replan_button.clicked.connect(self.plan_again)
        self.buttons.addButton(self.replan_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.replan_button.hide()
        self._default_shown()

    def _default_shown(self) -> None:
        """Close is the default while Plan again is hidden: Qt would otherwise pick a button
        itself at opening, the hidden one or Revert (Enter presses neither: see
        ``keyPressEvent``)."""
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

    def _table_row(self) -> QHBoxLayout:
        self.tables = QComboBox(self)
        self.tables.setObjectName("revertTables")
        self.tables.currentIndexChanged.connect(self._show_table)
        self.counts = QLabel(self)
        self.counts.setObjectName("revertCounts")
        return picker_row(self.tr("&Table:"), self.tables, self.counts)

    def _choice_rows(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.skip_choice = QRadioButton(self.tr("&Skip the conflicting records and revert the "
                                                "others"), self)
        self.skip_choice.setChecked(True)
        self.later_choice = QRadioButton(self)
        # When every record left is a conflict, skipping them reverts nothing: reverting the
        # later runs first is then the one thing Revert can do, ticked to be chosen.
        self.later_only = QCheckBox(self)
        for choice in (self.skip_choice, self.later_choice, self.later_only):
            box.addWidget(choice)
            choice.hide()
        self.later_choice.toggled.connect(self._offer_revert)
        self.later_only.toggled.connect(self._offer_revert)
        return box

    # --- planning ----------------------------------------------------------------------------

    def start(self) -> None:
        """Plan the revert in the background."""
        path, run_id, identity = self.store_path, self.run_id, self.identity
        # The plan (a record and its values per row) is frozen out of the collector's reach:
        # a collection over it, on the window's thread, held the window as long as a sort.
        self._work(self.tr("Comparing the run's records with the store…"),
                   lambda m: kept_off_the_collector(lambda: plan_at(path, run_id, m, identity),
                                                    shown_plan_dropped=False),
                   self._on_planned)

    def plan_again(self) -> None:
        """Plan the revert again, from the store as it now is."""
        if self.runner.busy:
            return
        # The keyboard goes to the new preview, as at opening, and the button gone is no
        # default; Revert never is one (it writes the store).
        if self.replan_button.hasFocus():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.replan_button.hide()
        self._default_shown()
        # Revert waits for the new preview; reverts written before a refusal were said, and
        # the new preview starts from the store they left.
        self.plan, self._stale, self.results = None, False, []
        self.start()

    def _on_planned(self, plan: RevertPlan) -> None:
        if self._closed:
            free_later(plan)  # off the window's thread, as on closing
            del plan
            return
        self.plan = plan
        with signals_blocked(self.tables):
            self.tables.clear()
            for table in plan.tables:
                self.tables.addItem(self._table_label(table))
        first = next((n for n, table in enumerate(plan.tables) if table.conflicts), 0)
        self.tables.setCurrentIndex(first)
        self._show_table(first)
        self._show_notice(plan)
        self._show_choices(plan)
        self._offer_revert()
        if not plan.tables:
            self.status.setText(arg(self.tr(
                "Run %1 changed no record: there is nothing to revert."), self.run_id))
        elif not plan.conflicts() and not plan.change_count():
            self.status.setText(arg(self.tr(
                "Every record of run %1 is already as it was before the run: there is nothing "
                "to revert."), self.run_id))
        elif plan.conflicts_only() and (to_revert := plan.later_to_revert()):
            self.status.setText(arg(self.tr(
                "Every record of run %1 left to revert is a conflict: nothing can be reverted "
                "without reverting later run(s) %2 first.", "", len(to_revert)),
                self.run_id, _runs(to_revert)))
        elif plan.conflicts_only():
            self.status.setText(arg(self.tr(
                "Every record of run %1 left to revert is a conflict: nothing can be "
                "reverted."), self.run_id))

    def _offer_revert(self) -> None:
        """Revert is offered when it would change something (see ``_would_revert``)."""
        if self.plan is not None:
            self.revert_button.setEnabled(self._can_apply())

    def _would_revert(self) -> bool:
        """Whether Revert would change something: a record of the run to put back, or the
        later runs chosen to go first (a run that changed no record has none: reverting it
        would be an empty run)."""
        plan = self.plan
        if plan is None:
            return False
        return self._later_first() or plan.change_count() > 0

    def _later_first(self) -> bool:
        """Whether the later runs are chosen to be reverted first."""
        # isHidden, not isVisible: the plan may come before the dialog is shown.
        return any(not choice.isHidden() and choice.isChecked()
                   for choice in (self.later_choice, self.later_only))

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (again): plans are looked at."""
        self._closed = False
        super().showEvent(event)

    def done(self, result: int) -> None:
        """Close (any way): the plan is freed in the background, not on the window's thread
        (the browser keeps the dialog until the next revert, and a plan of a million rows
        held the window that long as it was freed)."""
        super().done(result)
        self._closed = True
        plan, self.plan = self.plan, None
        if plan is None:
            return
        self.model.show_table(None)
        with signals_blocked(self.tables):
            self.tables.clear()
        show_counts(self.counts, [])
        free_later(plan)
        del plan

    def _table_label(self, table: RevertTable) -> str:
        """"Session: 4 record(s), 1 conflict(s)"."""
        text = arg(self.tr("%1: %Ln record(s)", "", len(table.rows)), table_name(table.table))
        if table.conflicts:
            text += self.tr(", %Ln conflict(s)", "", table.conflicts)
        return text

    def _show_table(self, index: int) -> None:
        if index < 0 or self.plan is None or index >= len(self.plan.tables):
            return
        self.model.show_table(self.plan.tables[index], self.plan.labels)
        counts = self.model.counts()
        number = LocaleText().number  # 12 345 in French, as the preview counts
        show_counts(self.counts, [arg(self.tr("%1: %2"), outcome_label(o), number(counts[o]))
                                  for o in counts if counts[o]])
        fit_to_contents(self.view)

    def _show_notice(self, plan: RevertPlan) -> None:
        lines = self._summary(plan)
        self.notice.setText("\n".join(lines))
        self.notice.setVisible(bool(lines))
        set_look(self.notice, Look.CONFLICT_NOTICE if plan.conflicts() else Look.NOTICE)

    def _summary(self, plan: RevertPlan) -> list[str]:
        """What the preview says above the table: conflicts, and which runs to revert first
        (the command line says the same in English, with ``RevertPlan.summary``)."""
        lines: list[str] = []
        conflicts = plan.conflicts()
        if plan.conflicts_only():
            lines.append(arg(self.tr(
                "%Ln conflicting record(s) cannot be reverted (changed since run %1, or still "
                "needed by other records).", "", conflicts), plan.run_id))
        elif conflicts:
            lines.append(arg(self.tr(
                "%Ln conflicting record(s) will be skipped (changed since run %1, or still "
                "needed by other records); the others will be reverted.", "", conflicts),
                plan.run_id))
        if plan.later_runs:
            lines.append(arg(self.tr(
                "Later run(s) %1 changed records of run %2 again, or records linked to them: "
                "revert them first (newest first) to revert those records as well.", "",
                len(plan.later_runs)),
                _runs(plan.later_runs), plan.run_id))
        lines.extend(self._not_revertible_text(later, plan.run_id)
                     for later in plan.later_not_reverted)
        return lines

    def _not_revertible_text(self, later: LaterNotReverted, reverted: int) -> str:
        """What the preview of run ``reverted`` says of a later run nothing of which can be
        reverted first (``LaterNotReverted.said`` in English)."""
        if later.nothing_left:
            return arg(self.tr(
                "Run %1 has nothing left to revert: every record of it is already as it was "
                "before run %1; the records of run %2 it changed again, or that are linked to "
                "records it changed, will stay skipped."),
                later.run_id, reverted)
        return arg(self.tr(
            "Run %1 cannot be reverted first: its %Ln conflicting record(s) changed since run "
            "%1, or are still needed by other records; the records of run %2 it changed again, "
            "or that are linked to records it changed, will stay skipped.", "", later.conflicts),
            later.run_id, reverted)

    def _show_choices(self, plan: RevertPlan) -> None:
        """Skip the conflicts, or revert the later runs first; the later runs only when
        skipping would revert nothing; not when none of them can be reverted (the notice says
        why)."""
        skipping = plan.conflicts() > 0 and not plan.conflicts_only()
        # Those the notice says cannot be reverted first are passed over: not named here.
        later = plan.later_to_revert()
        self.skip_choice.setVisible(skipping)
        self.later_choice.setVisible(bool(later) and skipping)
        self.later_only.setVisible(bool(later) and not skipping)
        if later:
            text = arg(self.tr("Revert &later run(s) %1 first (newest first), then run %2", "",
                               len(later)), _runs(later), self.run_id)
            self.later_choice.setText(text)
            self.later_only.setText(text)
        self.skip_choice.setChecked(True)
        self.later_only.setChecked(False)
        for choice in self._choices():  # a new preview: chosen again (see _moved_on)
            choice.setEnabled(True)

    def _choices(self) -> tuple[QRadioButton | QCheckBox, ...]:
        """The ways to revert the preview's run the user chooses from."""
        return (self.skip_choice, self.later_choice, self.later_only)

    # --- committing --------------------------------------------------------------------------

    def commit(self) -> None:
        """Write the revert (and the later runs' first, when chosen) in the background."""
        plan = self.plan
        if plan is None or self.runner.busy:
            return
        later = self._later_first()
        path, identity = self.store_path, self.identity
        self._writing = True
        # The later runs' plans made while writing are kept off the collector too.
        self._work(self.tr("Reverting…"),
                   lambda m: kept_off_the_collector(
                       lambda: commit_at(path, plan, later, m, identity),
                       shown_plan_dropped=False),
                   self._on_committed)

    def writes_store(self) -> bool:
        """True while the revert is written (``state.Writer``); its preview writes nothing,
        and is stopped without a question."""
        return self._writing and self.runner.busy

    def stop_question(self) -> tuple[str, str, list[str]]:
        """What the user is asked before the revert being written is stopped."""
        plan = self.plan
        later = plan.later_to_revert() if plan is not None and self._later_first() else []
        if later:
            # Each run's revert is written on its own: those written stay.
            text = arg(self.tr(
                "Later run(s) %1, then run %2, are being reverted in the store, each in a "
                "revert of its own. Stop the revert? The runs already reverted stay "
                "reverted; nothing more will be written.", "", len(later)),
                _runs(later), self.run_id)
        else:
            text = arg(self.tr("Run %1 is being reverted in the store. Stop the revert? "
                               "Nothing will be written."), self.run_id)
        return (self.tr("A revert is running"), text,
                [self.tr("&Stop the revert"), self.tr("&Go on reverting")])

    def _on_failed(self, error: ImporterError) -> None:
        self._writing = False
        if isinstance(error, StoreReplacedError):
            self.plan = None  # made on the other store: nothing of it is to be written here
            self.store_replaced.emit(error.found)
        if isinstance(error, RevertStopped):  # later runs' reverts written: they stay
            self.results = error.done
        cause = error.error if isinstance(error, RevertInterruptedError) else error
        # Before Revert is offered. A revert left nothing to write after the later runs
        # went first (all conflicts now) is as stale: the preview showed something to write;
        # so is a stop past what the preview said.
        self._stale = isinstance(cause, StoreChangedError | NothingToRevertError) or (
            isinstance(error, RevertStopped) and not self._preview_holds(error))
        if isinstance(error, RevertInterruptedError):  # the same, stopped by an error
            self.results = error.done
            super()._on_failed(cause)  # the error in the user's language
            self.status.setText(arg(self.tr("Before the error below: %1; run %2 was not."),
                                    self._reverted_text(), self.run_id)
                                if self.results else "")
        else:
            super()._on_failed(error)
        if self.results:  # the preview is of the store before them: no Revert again
            self._written(self.results)
        if self._stale:
            self._moved_on(cause)
        if isinstance(error, RevertStopped | RevertInterruptedError):
            # The later runs passed over before the ending, as after a whole revert.
            lines = [*self._passed_text(error.passed), self.status.text()]
            self.status.setText("\n".join(line for line in lines if line))

    def _preview_holds(self, stop: RevertStopped) -> bool:
        """Whether the preview still holds after a stop: nothing written, and the later runs
        passed over only those it said cannot be reverted first (one reverted meanwhile, or
        found stuck unforeseen, is the store or the plan moved on)."""
        foreseen = {later.run_id for later in self.plan.later_not_reverted} if self.plan else set()
        passed = stop.passed
        return not stop.done and not passed.meanwhile and all(
            later.run_id in foreseen for later in passed.not_reverted)

    def _moved_on(self, error: ImporterError) -> None:
        """The store moved on since the plan, or left nothing of the run to write (the error
        line says how; the status what was written before it), or a stop left the preview
        behind (the status says what it left done and undone): the preview is stale, Revert
        and its choices are never offered on it, and planning again is, unless the run was
        reverted meanwhile (nothing is left to plan)."""
        for choice in self._choices():
            choice.setEnabled(False)
        if isinstance(error, RevertedMeanwhileError):
            if not self.results:
                self.status.setText(arg(self.tr(
                    "Nothing was written: run %1 is reverted now, by run %2."), self.run_id,
                    error.reverted_by))
            return
        if isinstance(error, RevertStopped) and self.results:
            self.status.setText(arg(self.tr(
                "Stopped: %1; run %2 was not. Plan again to preview the revert of run %2 on "
                "the store as it now is."), self._reverted_text(), self.run_id))
        elif isinstance(error, RevertStopped):
            self.status.setText(arg(self.tr(
                "Cancelled: nothing was written. Plan again to preview the revert of run %1 on "
                "the store as it now is."), self.run_id))
        elif self.results:
            self.status.setText(arg(self.tr(
                "Before the error below: %1; run %2 was not. Plan again to preview the revert "
                "of run %2 on the store as it now is."), self._reverted_text(), self.run_id))
        elif isinstance(error, NothingToRevertError):  # the error line says what is left
            self.status.setText(arg(self.tr(
                "Nothing was written. Plan again to preview the revert of run %1 on the store "
                "as it now is."), self.run_id))
        else:
            self.status.setText(self.tr(
                "Nothing was written: the store changed since this preview was made. Plan "
                "again to preview the revert on the store as it now is."))
        self.replan_button.show()
        self.replan_button.setDefault(True)

    def _on_committed(self, results: list[RevertResult]) -> None:
        self._writing = False
        self.results = results
        lines = [line for r in results for line in (*self._passed_text(r.passed),
                                                    self._result_text(r))]
        self.status.setText("\n".join(lines))
        self._written(results)
        # Closing is the one thing left to do: the keyboard goes there, not to the tables.
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus(
            Qt.FocusReason.OtherFocusReason)

    def _written(self, results: list[RevertResult]) -> None:
        """Reverts were written: the choices are over, and the store's views hear of it."""
        for choice in self._choices():
            choice.setEnabled(False)
        if results:
            self.store_changed.emit(results[-1].run_id)

    def _passed_text(self, passed: PassedOver) -> list[str]:
        """The later runs to revert first that were passed over, one line each
        (``PassedOver.said`` in English)."""
        return [*(self._meanwhile_text(later, by) for later, by in passed.meanwhile),
                *map(self._not_reverted_text, passed.not_reverted)]

    def _meanwhile_text(self, later: int, by: int) -> str:
        """A later run to revert first that a colleague's revert reverted meanwhile."""
        return arg(self.tr("Run %1 was reverted meanwhile, by run %2: it was not reverted "
                           "again."), later, by)

    def _not_reverted_text(self, later: LaterNotReverted) -> str:
        """A later run to revert first every record of which was a conflict, or already as
        before it: left as it is (the next line says what of the run asked for was skipped
        for it)."""
        if later.nothing_left:
            return arg(self.tr("Run %1 had nothing left to revert: every record of it was "
                               "already as it was before run %1."), later.run_id)
        return arg(self.tr("Run %1 was not reverted first: its %Ln conflicting record(s) "
                           "changed since run %1, or are still needed by other records.", "",
                           later.conflicts), later.run_id)

    def _result_text(self, result: RevertResult) -> str:
        words, numbers = RunCounts(), LocaleText()
        # The History's words, each agreeing with its count ("1 supprimé", "2 rétablis"),
        # and each said even at zero: the sentence names all three.
        said = [words.revert_count(name, result.counts.get(name, 0), numbers)
                for name in REVERT_WRITES]
        text = arg(self.tr("Run %1 reverted run %2: %3, %4, %5."), result.run_id,
                   result.reverts, *said)
        if result.skipped:  # the run stays revertible for them (the command line says so)
            text += " " + self.tr("%Ln record(s) skipped as conflicts.", "", result.skipped)
            text += " " + arg(self.tr("Run %1 can be reverted again for what was skipped."),
                              result.reverts)
        return text

    def _cancelled_text(self) -> str:
        if not self.results:
            return self.tr("Cancelled: nothing was written.")
        # Stopped between later runs' reverts: those written stay, the run asked for is not.
        return arg(self.tr("Stopped: %1; run %2 was not."), self._reverted_text(), self.run_id)

    def _reverted_text(self) -> str:
        """"run 3 was reverted (run 4)", for each revert written."""
        return joined([arg(self.tr("run %1 was reverted (run %2)"), r.reverts, r.run_id)
                       for r in self.results])

    def _ended_text(self) -> str | None:
        # A stop between later runs' reverts leaves those written, as the question said.
        if not self.results or self.results[-1].reverts != self.run_id:
            return None
        return arg(self.tr("The revert had ended before it could be stopped: run %1 was "
                           "reverted by run %2."), self.run_id, self.results[-1].run_id)

    def _can_apply(self) -> bool:
        return (self.plan is not None and not self.results and not self._stale
                and self._would_revert())


def _runs(runs: list[int]) -> str:
    """"5, 3": the later runs, as the preview lists them."""
    return ", ".join(str(r) for r in runs)
