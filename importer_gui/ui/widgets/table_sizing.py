"""How table views size their columns to their contents."""

from __future__ import annotations

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
