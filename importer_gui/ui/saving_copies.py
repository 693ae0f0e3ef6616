"""What the window shows while the corrected copies asked for on the way out are written:
their progress, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.progress import ProgressRow


class SavingCopies(QDialog):
    """Beside the window (greyed out meanwhile): the copies being written, and Cancel, which
    leaves none of the copy being written."""

    def __init__(self, runner: TaskRunner, copies: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savingCopies")
        self.setWindowTitle(self.tr("Saving the corrected copy(ies)", "", copies))
        self.progress_row = ProgressRow(
            self.tr("&Cancel"), self,
            working_text=self.tr("Saving the corrected copy(ies)…", "", copies))
        self.progress_row.cancel_button.clicked.connect(runner.cancel)
        runner.progressed.connect(self.progress_row.show_progress)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress_row)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        # Closing it (Escape, its title bar) cancels as its button does.
        self.rejected.connect(runner.cancel)
        self.setWindowModality(Qt.WindowModality.NonModal)

    def start(self) -> None:
        """Shown as the writing starts, the keyboard on Cancel."""
        self.progress_row.set_running(True)
        self.progress_row.show_progress(0, 0, "")
        self.show()
        self.progress_row.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
