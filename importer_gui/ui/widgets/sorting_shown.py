"""What a table shows while its model sorts the rows in the background."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, SignalInstance
from PySide6.QtWidgets import QAbstractItemView, QLabel


class SortingShown(QObject):
    """A busy cursor over the table's rows while they are sorted, and a status line that
    says so, then says again what it said before (unless it has been told something else
    meanwhile)."""

    def __init__(self, view: QAbstractItemView, sorting_changed: SignalInstance,
                 status: QLabel | None = None) -> None:
        super().__init__(view)
        self._view, self._status = view, status
        self._said = ""  # what the status line said before the sort
        sorting_changed.connect(self._show)

    def text(self) -> str:
        """What the status line says while the rows are sorted."""
        return self.tr("Sorting the rows…")

    def _show(self, sorting: bool) -> None:
        """Show that the rows are being sorted, or no longer."""
        viewport, status = self._view.viewport(), self._status
        if sorting:
            viewport.setCursor(Qt.CursorShape.BusyCursor)
            if status is not None and status.text() != self.text():
                self._said = status.text()
                status.setText(self.text())
            return
        viewport.unsetCursor()
        if status is not None and status.text() == self.text():
            status.setText(self._said)
