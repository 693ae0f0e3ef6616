"""Find and replace within one column of the preview's rows: a bulk correction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.cells import cell_text
from importer_gui.core.session import CellEdit
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel
from importer_gui.ui.styles import SUCCESS_STYLE


def replaced(text: str, find: str, replacement: str, *, whole: bool) -> str:
    """``text`` with ``find`` replaced: the whole cell, or every place it occurs in it."""
    if whole:
        return replacement if text == find else text
    return text.replace(find, replacement) if find else text


class FindReplaceDialog(QDialog):
    """Which column, what to find and what to put instead; every row shown is corrected."""

    def __init__(self, model: PreviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setWindowTitle(self.tr("Find and replace"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every row the preview shows is corrected and checked again; "
                               "a filtered view corrects only its rows."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.column_combo = QComboBox(self)
        for n in range(model.columnCount() - FIRST_VALUE_COLUMN):
            title = model.headerData(FIRST_VALUE_COLUMN + n, Qt.Orientation.Horizontal)
            if n != _file_column(model):
                self.column_combo.addItem(str(title).replace("\n", " "), n)  # one line
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.whole_check = QCheckBox(self.tr("The &whole cell only"), self)
        form.addRow(self.tr("&Column:"), self.column_combo)
        form.addRow(self.tr("Fi&nd:"), self.find_edit)
        form.addRow(self.tr("Replace &with:"), self.replace_edit)
        form.addRow("", self.whole_check)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("replaceResult")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet(SUCCESS_STYLE)
        layout.addWidget(self.result_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.replace_button = QPushButton(self.tr("Replace &all"), self)
        self.replace_button.setDefault(True)
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.replace_button.clicked.connect(self.replace_all)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_column(self, n: int) -> None:
        """Start on the value column ``n`` (the one the user was in)."""
        self.column_combo.setCurrentIndex(max(self.column_combo.findData(n), 0))

    def edits(self) -> list[CellEdit]:
        """The cells of the rows shown that the replacement changes."""
        n = self.column_combo.currentData()
        find = self.find_edit.text()
        if n is None or (not find and not self.whole_check.isChecked()):
            return []
        found: list[CellEdit] = []
        for view_row in range(self.model.rowCount()):
            shown = self.model.row_at(view_row)
            if shown is None or n >= len(shown[0].columns):
                continue
            imp, r, row = shown
            text = cell_text(row.cells[n]) if n < len(row.cells) else ""
            new = replaced(text, find, self.replace_edit.text(),
                           whole=self.whole_check.isChecked())
            if new != text:
                found.append((imp.index, r, n, new))
        return found

    def replace_all(self) -> int:
        """Correct every cell found; say how many."""
        changed = self.model.edit_cells(self.edits())
        self.result_label.setText(self.tr("%n cell(s) corrected.", "", changed))
        return changed


def _file_column(model: PreviewModel) -> int | None:
    """The value-column place of the File column, if the model shows one."""
    column = model.file_column()
    return None if column is None else column - FIRST_VALUE_COLUMN
