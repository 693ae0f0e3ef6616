"""Find and replace within one column of the preview's rows (in every file at once, within
one field): a bulk correction the dialog can undo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from weakref import WeakKeyDictionary

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

from importer_gui.core.corrections import EditTexts
from importer_gui.core.plan import ImportPlan, Plan
from importer_gui.core.session import CellEdit
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import field_title, has_label
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel
from importer_gui.ui.styles import SUCCESS_STYLE

Target = dict[int, int]  # import index -> the value column searched in that import


def replaced(text: str, find: str, replacement: str, *, whole: bool) -> str:
    """``text`` with ``find`` replaced: the whole cell, or every place it occurs in it."""
    if whole:
        return replacement if text == find else text
    return text.replace(find, replacement) if find else text


@dataclass(frozen=True)
class ChangedCell:
    """A cell a replace changed: where it is (by file, line and field, which outlast a new
    check) and its text before and after."""

    file: Path
    line: int
    import_index: int
    row_index: int
    column: int
    field: str
    before: str
    after: str


# The last replace made over each preview's model: the dialog opens afresh every time, and
# the user may want to undo after closing it.
_LAST: WeakKeyDictionary[PreviewModel, list[ChangedCell]] = WeakKeyDictionary()


def _row_of(plan: Plan, cell: ChangedCell) -> tuple[ImportPlan, int] | None:
    """Where a changed cell's row is in the plan now (a new check may have renumbered it)."""
    imports = plan.imports
    imp = imports[cell.import_index] if cell.import_index < len(imports) else None
    if imp is None or imp.file != cell.file:
        imp = next((i for i in imports if i.file == cell.file), None)
    if imp is None or cell.column >= len(imp.columns) or imp.columns[cell.column] != cell.field:
        return None  # the file is gone, or its columns were mapped again
    rows = imp.rows
    if cell.row_index < len(rows) and rows.lines[cell.row_index] == cell.line:
        return imp, cell.row_index
    try:
        return imp, list(rows.lines).index(cell.line)
    except ValueError:
        return None


def undo_edits(plan: Plan | None,
               cells: list[ChangedCell]) -> tuple[list[ChangedCell], list[CellEdit]]:
    """The cells that still hold the replacement and the edits putting them back (a cell
    edited since is left as it is)."""
    undone: list[ChangedCell] = []
    edits: list[CellEdit] = []
    if plan is None:
        return undone, edits
    text = EditTexts(plan)
    for cell in cells:
        found = _row_of(plan, cell)
        if found is None or text(found[0], found[1], cell.column) != cell.after:
            continue
        undone.append(cell)
        edits.append((found[0].index, found[1], cell.column, cell.before))
    return undone, edits


class FindReplaceDialog(QDialog):
    """Which column (which field, over every file), what to find and what to put instead;
    every row shown is corrected, and the last replace can be undone."""

    def __init__(self, model: PreviewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.by_field = model.file_column() is not None  # several files shown at once
        self._targets: list[Target] = []
        self.setWindowTitle(self.tr("Find and replace"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Every row the preview shows is corrected and checked again; "
                               "a filtered view corrects only its rows."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.column_combo = QComboBox(self)
        self.column_combo.setObjectName("findColumn")
        self.files_label = QLabel(self)
        self.files_label.setObjectName("findFiles")
        self.files_label.setWordWrap(True)
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        self.files_label.setVisible(self.by_field)
        if self.by_field:
            self._offer_fields()
        else:
            self._offer_columns()
        self.column_combo.currentIndexChanged.connect(self._show_files)
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.whole_check = QCheckBox(self.tr("The &whole cell only"), self)
        form.addRow(self.tr("&Field:") if self.by_field else self.tr("&Column:"),
                    self.column_combo)
        form.addRow("", self.files_label)
        form.addRow(self.tr("Fi&nd:"), self.find_edit)
        form.addRow(self.tr("Replace &with:"), self.replace_edit)
        form.addRow("", self.whole_check)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("replaceResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setStyleSheet(SUCCESS_STYLE)
        layout.addWidget(self.result_label)
        layout.addWidget(self._buttons())
        self._show_files()
        for signal in (model.dataChanged, model.modelReset, model.counts_changed):
            signal.connect(self._offer_undo)
        self._offer_undo()

    def _buttons(self) -> QDialogButtonBox:
        """Replace all, Undo the last replace, Close."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.replace_button = QPushButton(self.tr("Replace &all"), self)
        self.replace_button.setDefault(True)
        self.undo_button = QPushButton(self.tr("&Undo the last replace"), self)
        self.undo_button.setObjectName("undoReplace")
        buttons.addButton(self.replace_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.replace_button.clicked.connect(self.replace_all)
        self.undo_button.clicked.connect(self.undo)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- what is searched ------------------------------------------------------------------

    def _offer_columns(self) -> None:
        """One file shown: its columns, as the table titles them."""
        imports = self.model.imports()
        index = imports[0].index if imports else -1
        for n in range(self.model.columnCount() - FIRST_VALUE_COLUMN):
            title = self.model.headerData(FIRST_VALUE_COLUMN + n, Qt.Orientation.Horizontal)
            self.column_combo.addItem(str(title).replace("\n", " "), n)  # one line
            self._targets.append({index: n})

    def _offer_fields(self) -> None:
        """Several files shown: each field once, searched in every file that maps it (a
        column no field reads is left to its own file's view)."""
        fields: dict[str, Target] = {}
        for imp in self.model.imports():
            for n, name in enumerate(imp.columns):
                if has_label(name):
                    fields.setdefault(name, {}).setdefault(imp.index, n)
        for name, target in fields.items():
            self.column_combo.addItem(field_title(name), name)
            self._targets.append(target)

    def _target(self) -> Target:
        """Which column of which import the chosen entry searches."""
        i = self.column_combo.currentIndex()
        return self._targets[i] if 0 <= i < len(self._targets) else {}

    def _show_files(self) -> None:
        """Under a field: the files searched and the column that feeds it in each."""
        if not self.by_field:
            return
        plan = self.model.plan
        places = []
        for index, n in self._target().items():
            imp = plan.imports[index] if plan is not None else None
            if imp is None:
                continue
            header = imp.headers[n] if imp.headers and n < len(imp.headers) else ""
            places.append(arg(self.tr("%1 (column %2)"), imp.file.name, header)
                          if header else imp.file.name)
        self.files_label.setText(arg(self.tr("Searched in: %1"), ", ".join(places))
                                 if places else "")

    def choose_column(self, n: int, view_row: int | None = None) -> None:
        """Start on the value column ``n`` (the one the user was in; over several files, the
        field it holds in ``view_row``'s file, else in the first file that has it)."""
        if not self.by_field:
            self.column_combo.setCurrentIndex(max(self.column_combo.findData(n), 0))
            return
        shown = self.model.row_at(view_row) if view_row is not None else None
        imports = [shown[0]] if shown is not None else self.model.imports()
        for imp in imports:
            if n < len(imp.columns):
                found = self.column_combo.findData(imp.columns[n])
                if found >= 0:
                    self.column_combo.setCurrentIndex(found)
                    return

    # --- replacing -------------------------------------------------------------------------

    def edits(self) -> list[CellEdit]:
        """The cells of the rows shown that the replacement changes."""
        return [edit for edit, _before in self._found()]

    def _found(self) -> list[tuple[CellEdit, str]]:
        """Each cell of the rows shown that the replacement changes, with its text before."""
        target = self._target()
        find = self.find_edit.text()
        plan = self.model.plan
        if plan is None or not target or (not find and not self.whole_check.isChecked()):
            return []
        text_of = EditTexts(plan)
        found: list[tuple[CellEdit, str]] = []
        for view_row in range(self.model.rowCount()):
            shown = self.model.row_at(view_row)
            if shown is None:
                continue
            imp, r, _row = shown
            n = target.get(imp.index)
            if n is None or n >= len(imp.columns):
                continue
            text = text_of(imp, r, n)
            new = replaced(text, find, self.replace_edit.text(),
                           whole=self.whole_check.isChecked())
            if new != text:
                found.append(((imp.index, r, n, new), text))
        return found

    def replace_all(self) -> int:
        """Correct every cell found; say how many (in which files, over several); the
        replace is the one Undo puts back."""
        found = self._found()
        self.model.edit_cells([edit for edit, _before in found])
        changed = self._changed(found)
        if changed:
            _LAST[self.model] = changed
        self.result_label.setText(self._said(
            changed, self.tr("%n cell(s) corrected.", "", len(changed)),
            self.tr("%n cell(s) corrected: %1.", "", len(changed))))
        self._offer_undo()
        return len(changed)

    def _changed(self, found: list[tuple[CellEdit, str]]) -> list[ChangedCell]:
        """The cells that now hold what the replace put there (a failed check leaves some
        as they were)."""
        plan = self.model.plan
        if plan is None:
            return []
        text_of = EditTexts(plan)
        changed = []
        for (i, r, n, text), before in found:
            imp = plan.imports[i]
            if text_of(imp, r, n) == text:
                changed.append(ChangedCell(imp.file, imp.rows.lines[r], i, r, n,
                                           imp.columns[n], before, text))
        return changed

    def _said(self, cells: list[ChangedCell], one_file: str, by_file: str) -> str:
        """``one_file`` with the count, or over several files (or cells of several) ``by_file``
        with how many cells in each: "5 cell(s) corrected: 3 in sessions.xlsx, 2 in
        interventions.xlsx."."""
        files: dict[str, int] = {}
        for cell in cells:
            files[cell.file.name] = files.get(cell.file.name, 0) + 1
        if not files or (len(files) == 1 and not self.by_field):
            return one_file
        parts = [arg(self.tr("%n in %1", "", count), name) for name, count in files.items()]
        return arg(by_file, ", ".join(parts))

    # --- undoing ---------------------------------------------------------------------------

    def _offer_undo(self) -> None:
        """Undo is offered while a cell of the last replace still holds the replacement."""
        cells = _LAST.get(self.model, [])
        _undone, edits = undo_edits(self.model.plan, cells)
        self.undo_button.setEnabled(bool(edits))
        self.undo_button.setToolTip(
            self.tr("Put back the %n cell(s) the last replace changed", "", len(edits))
            if edits else self.tr("Nothing to undo"))

    def undo(self) -> int:
        """Put back the text each cell of the last replace had, as if the user typed it
        (each row checked again; a correction back to the file's text goes away); cells
        edited since are left as they are, and said so."""
        cells = _LAST.pop(self.model, [])
        undone, edits = undo_edits(self.model.plan, cells)
        self.model.edit_cells(edits)
        message = self._said(
            undone, self.tr("%n cell(s) put back as they were.", "", len(undone)),
            self.tr("%n cell(s) put back as they were: %1.", "", len(undone)))
        kept = len(cells) - len(undone)
        if kept:
            message += " " + self.tr("%n cell(s) edited since were left as they are.", "",
                                     kept)
        self.result_label.setText(message)
        self._offer_undo()
        return len(undone)
