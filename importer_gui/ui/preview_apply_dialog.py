"""What the dialogs whose work runs in the background share: the work's progress with
Cancel, an error line, and Close cancelling the work running (``WorkDialog``, which the
package dialog uses too); and what the "preview, then apply" dialogs (the refresh and the
revert) add to it: a read-only table of what will change, Close and one action button.

A subclass lays out its own rows around them and passes its own texts: Qt translates a text
in the context of the class whose ``tr()`` marks it, so every ``tr()`` stays in the subclass
(the ``.ts`` keeps matching).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.store import StoreLocation
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.models.positions import PositionsModel
from importer_gui.ui.settings import Settings
from importer_gui.ui.state import Writer, stop_asked
from importer_gui.ui.styles import Look
from importer_gui.ui.tasks import TaskRunner, Work
from importer_gui.ui.widgets.header_highlight import HeaderHighlight
from importer_gui.ui.widgets.progress import ProgressRow
from importer_gui.ui.widgets.rows import message_line
from importer_gui.ui.widgets.sorting_shown import SortingShown
from importer_gui.ui.widgets.table_copy import add_copy
from importer_gui.ui.widgets.table_sizing import size_columns_from_first_rows

PREVIEW_SIZE = (1100, 700)  # a preview dialog's size until the user gives it another


def preview_table(parent: QWidget, name: str, model: QAbstractItemModel, *,
                  model_order_first: bool = False) -> QTableView:
    """A read-only table of whole rows over ``model``, sorted by a click on a header (by the
    first column at once, unless ``model_order_first``); Ctrl+C copies the rows selected."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)  # Tab goes on to the next control, as elsewhere
    if model_order_first:  # before sorting is enabled, which sorts by the indicator at once
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    size_columns_from_first_rows(view)
    HeaderHighlight(view)  # a selection of every row must not have the header read them all
    add_copy(view)  # whole rows, as the store browser's tables copy them
    return view


class WorkDialog(QDialog):
    """A dialog whose work runs in the background, its progress and Cancel shown meanwhile;
    closing cancels the work running (nothing is left half written then)."""

    def __init__(self, parent: QWidget | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self, synchronous=synchronous)

    def remember_size(self, name: str, size: tuple[int, int],
                      settings: Settings | None = None) -> None:
        """Open at the size and place the user left the dialog at last (``size``, no
        larger than the screen, the first time), and keep them when it closes."""
        self._size_kept = (name, settings or Settings())
        self._size_kept[1].restore_geometry(name, self, size, within_screen=True)
        self.finished.connect(self._keep_size)

    def _keep_size(self) -> None:
        """Keep the size and place the dialog is closed at, for the next time it opens."""
        name, settings = self._size_kept
        settings.save_geometry(name, self.saveGeometry())

    def _add_progress_and_error(self, layout: QVBoxLayout, name: str, cancel: str, *,
                                describe: Callable[[str], str] | None = None) -> None:
        """Add the progress row (``cancel`` on its button; each step the work reports shown
        through ``describe`` when given) and the error line under it to ``layout``; their
        object names start with ``name``."""
        self.progress_row = ProgressRow(cancel, self)
        self.progress_row.cancel_button.clicked.connect(self.runner.cancel)
        if describe is None:
            self.runner.progressed.connect(self.progress_row.show_progress)
        else:
            self.runner.progressed.connect(
                lambda done, total, what: self.progress_row.show_progress(done, total,
                                                                          describe(what)))
        self.status = self.progress_row.status
        self.status.setObjectName(f"{name}Status")
        layout.addWidget(self.progress_row)
        self.error = message_line(self, f"{name}Error", Look.ERROR)
        layout.addWidget(self.error)

    def _show_error(self, text: str) -> None:
        """Show ``text`` (a message from the core or the subclass's tr()) in the error line."""
        self.error.setText(message_text(text))
        self.error.show()

    def _running(self, running: bool, text: str) -> None:
        """Show the progress row while work runs (an old error hidden), ``text`` in it."""
        self.progress_row.set_running(running)
        if running:
            self.error.hide()
        self.status.setText(text)

    def reject(self) -> None:
        """Close; running work is cancelled (nothing is left half written then), once the
        user agreed when it writes the store (a ``Writer`` asks its own question)."""
        if isinstance(self, Writer) and self.writes_store() and not stop_asked(self, self):
            return
        self.runner.cancel()
        super().reject()


class PreviewApplyDialog(WorkDialog):
    """A preview of what will change in the store, then the change, both in the background;
    closing cancels the work running (nothing is written then)."""

    # The change was written: the newest run it made (a revert of later runs first makes
    # several).
    store_changed = Signal(int)
    view: QTableView  # the preview table (``preview_table``), laid out by the subclass

    def __init__(self, store_path: StoreLocation, parent: QWidget | None = None, *,
                 synchronous: bool = False) -> None:
        super().__init__(parent, synchronous=synchronous)
        self.store_path = store_path  # a file or a team's PostgreSQL database

    def _add_progress_and_buttons(self, layout: QVBoxLayout, name: str, cancel: str,
                                  action: str) -> QPushButton:
        """Add the progress row (``cancel`` on its button), the error line, and Close with
        the action button (``action``: disabled until a preview enables it; it calls
        ``commit``) to ``layout``; their object names start with ``name``. Returns the action
        button."""
        self._add_progress_and_error(layout, name, cancel)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.action_button = QPushButton(action, self)
        self.action_button.setEnabled(False)
        self.action_button.clicked.connect(self.commit)
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        return self.action_button

    def _show_sorting(self, model: PositionsModel) -> None:
        """A sort of the preview running in the background shown on its table and status
        line; its failure in the error line."""
        SortingShown(self.view, model.sorting_changed, self.status)
        model.sort_failed.connect(self._show_error)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the table, a list or a box presses neither the action nor Close: the
        action writes the store, and Qt would make it the default once shown or tabbed past.
        A button made the default on purpose (Plan again) still takes it; a focused button
        takes its own Enter before the dialog sees it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                self.action_button.isDefault()
                or self.buttons.button(QDialogButtonBox.StandardButton.Close).isDefault()):
            event.accept()
            return
        super().keyPressEvent(event)

    def commit(self) -> None:
        """Apply what the preview shows (the action button)."""
        raise NotImplementedError

    def _cancelled_text(self) -> str:
        """What the status line says once cancelled work stopped (the subclass's tr())."""
        raise NotImplementedError

    def _can_apply(self) -> bool:
        """True when a preview is shown and not applied yet (the action button is enabled
        again after a failure)."""
        raise NotImplementedError

    def _work(self, text: str, work: Work, done: Callable[[Any], None]) -> None:
        """Run ``work`` in the background, ``text`` in the status line and the action button
        disabled meanwhile; ``done`` gets its result once the progress row is quiet, a failure
        goes to ``_on_failed``."""
        if self.action_button.hasFocus():
            # Disabled, it would hand the focus on to Close: the next Enter (the key held)
            # would close the dialog and cancel the work. In the table, Enter does nothing.
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.action_button.setEnabled(False)
        self._running(True, text)

        def finished(result: Any) -> None:
            self._running(False, "")
            done(result)

        self.runner.run(work, finished, self._on_failed)

    def stop(self) -> str | None:
        """Stop the work running and wait until it has stopped: the store's transaction is
        rolled back, and the dialog says what was written. What was, when the change had
        ended before it could be stopped (``state.Writer``)."""
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
            QApplication.processEvents()  # its outcome: the status says what happened
        return self._ended_text()

    def _ended_text(self) -> str | None:
        """What the change wrote, when it ended rather than stopped (the subclass's tr())."""
        raise NotImplementedError

    def _on_failed(self, error: ImporterError) -> None:
        """Say why the work stopped; the action is offered again when it still applies."""
        self._running(False, "")
        if isinstance(error, Cancelled):
            self.status.setText(self._cancelled_text())
        else:
            self._show_error(error.message)
        self.action_button.setEnabled(self._can_apply())
