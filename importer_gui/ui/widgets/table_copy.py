"""Copying a table's selected rows as shown, for a spreadsheet or a message: Ctrl+C, or Copy
in the table's context menu (the Menu key opens it too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QTableView

from importer_gui.ui.i18n import translate

_QUOTED = ('"', "\t", "\n", "\r")  # what would split a cell once pasted


def _cell(text: str) -> str:
    """A cell as spreadsheets write it: quoted, its quotes doubled, when it would split."""
    if any(mark in text for mark in _QUOTED):
        return '"' + text.replace('"', '""') + '"'
    return text


def selected_rows_text(view: QTableView) -> str:
    """The selected rows (the current one when none is), top to bottom, a line each; their
    shown columns in the header's order, a tab between cells."""
    model = view.model()
    rows = sorted({index.row() for index in view.selectionModel().selectedIndexes()})
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    header = view.horizontalHeader()
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    columns = [column for column in columns if not header.isSectionHidden(column)]
    lines = []
    for row in rows:
        cells = (model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
                 for column in columns)
        lines.append("\t".join(_cell("" if text is None else str(text)) for text in cells))
    return "".join(f"{line}\n" for line in lines)


def add_copy(view: QTableView) -> QAction:
    """Give ``view`` a Copy of its selected rows: Ctrl+C, and its context menu."""
    action = QAction(translate("TableCopy", "&Copy"), view)
    action.setShortcut(QKeySequence.StandardKey.Copy)
    # The view's own Ctrl+C copies its current cell only: this one takes over, in the view.
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(
        lambda: QGuiApplication.clipboard().setText(selected_rows_text(view)))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
