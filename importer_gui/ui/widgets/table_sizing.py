"""How table views size their columns to their contents."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView

# Rows whose contents size the columns. Qt asks 1,000 by default, every role of every cell:
# 0.1 s for the preview and 0.4 s for the store browser's five tables, on the GUI thread.
SIZED_ROWS = 50


def size_columns_from_first_rows(view: QTableView) -> None:
    """Let resizeColumnsToContents() look at the first SIZED_ROWS rows only."""
    view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)


def contents_widths(view: QTableView, rows: int = SIZED_ROWS) -> list[int | None]:
    """Each column's width to show its title and its texts in ``rows`` rows from the first
    one shown, as ``resizeColumnsToContents()`` sizes plain text (None for a hidden one).

    Qt asks every cell eight roles and has its delegate size each, most of what the
    window's thread does as a large check ends; here each cell is asked its text alone,
    measured in the view's font (a font a cell has of its own, such as a corrected cell's
    italics, is not asked), with the margins Qt's style puts around a cell's text.
    """
    model, header = view.model(), view.horizontalHeader()
    metrics = QFontMetricsF(view.font())  # Qt rounds a text's width up, not to nearest
    margins = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                            view) + 1) + (1 if view.showGrid() else 0)
    first = max(view.rowAt(0), 0)
    shown = range(first, min(first + rows, model.rowCount()))
    widths: list[int | None] = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            widths.append(None)
            continue
        texts = {str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
                 for row in shown}
        lines = [line for text in texts for line in text.split("\n")]
        widest = max(map(metrics.horizontalAdvance, lines), default=0)
        widths.append(max(ceil(widest) + margins, header.sectionSizeHint(column)))
    return widths


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
