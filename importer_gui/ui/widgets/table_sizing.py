"""How table views size their columns to their contents."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

# Rows whose contents size the columns. Qt asks 1,000 by default, every role of every cell:
# 0.1 s for the preview and 0.4 s for the store browser's five tables, on the GUI thread.
SIZED_ROWS = 50


def size_columns_from_first_rows(view: QTableView) -> None:
    """Let resizeColumnsToContents() look at the first SIZED_ROWS rows only."""
    view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)


def fit_columns(view: QTableView) -> None:
    """Columns to their contents, the last one filling the rest: sizing to contents leaves
    the last column at its contents' width until the stretch is set again."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)


class FitWhenShown(QObject):
    """Fits a view's columns (``fit_columns``) when asked, or, asked while the view is
    hidden (a tab not shown, a window not yet open), as soon as it shows: sizing reads its
    rows' cells, which for every tab of a window would keep it from opening."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._due = False
        view.installEventFilter(self)

    def fit(self) -> None:
        """Fit the columns now, or once the view shows."""
        self._due = not self._view.isVisible()
        if not self._due:
            fit_columns(self._view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shown with its columns not yet fitted: they are now."""
        if self._due and event.type() == QEvent.Type.Show:
            self.fit()
        return False
