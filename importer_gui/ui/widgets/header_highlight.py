"""A table's column headers show which columns the selection reaches, without Qt reading
every row to paint them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtWidgets import QTableView


class HeaderHighlight(QObject):
    """The column headers of ``view`` follow a selection of their own: one cell per column
    the table's selection reaches.

    Qt's header asks, for each section it paints, whether its whole column is selected, and
    answers by asking the model for the flags of every row of the column: over a selection
    of every row (Ctrl+A) each paint of the header then read every cell's flags, in Python,
    and the window waited seconds. One cell per column keeps the headers of the columns the
    user selected in bold, and the question is answered at the first row.
    """

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._own = QItemSelectionModel(view.model(), self)
        view.horizontalHeader().setSelectionModel(self._own)
        view.selectionModel().selectionChanged.connect(lambda *_: self._follow())

    def columns(self) -> set[int]:
        """The columns the headers show as selected."""
        return {index.column() for index in self._own.selectedIndexes()}

    def _follow(self) -> None:
        """One cell per column the table's selection reaches, by its ranges (all rows
        selected are one range)."""
        model = self._view.model()
        reached = {column for part in self._view.selectionModel().selection()
                   for column in range(part.left(), part.right() + 1)}
        own = QItemSelection()
        if model.rowCount() > 0:
            for column in sorted(reached):
                index = model.index(0, column)
                own.select(index, index)
        self._own.select(own, QItemSelectionModel.SelectionFlag.ClearAndSelect)
