"""Find and replace within one column of the preview's rows (in every file at once, within
one field): a bulk correction the dialog can undo."""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from weakref import WeakKeyDictionary

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
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
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.plan import ImportPlan, Plan
from importer_gui.core.progress import Monitor
from importer_gui.core.session import CellEdit, Session
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import field_title, has_label
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.progress import ProgressRow

Target = dict[int, int]  # import index -> the value column searched in that import
Found = list[tuple[CellEdit, str]]  # each cell to change, with its text before
SEARCH_PIECE = 20_000  # rows searched between two looks for a cancel (some 10 ms)
EDIT_PIECE = 200  # cells corrected between two looks for a cancel (some 10 ms)


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


def _row_of(plan: Plan, cell: ChangedCell,
            lines: dict[int, dict[int, int]]) -> tuple[ImportPlan, int] | None:
    """Where a changed cell's row is in the plan now (a new check may have renumbered it;
    ``lines``: each import's rows by line, made once when one is needed)."""
    imports = plan.imports
    imp = imports[cell.import_index] if cell.import_index < len(imports) else None
    if imp is None or imp.file != cell.file:
        imp = next((i for i in imports if i.file == cell.file), None)
    if imp is None or cell.column >= len(imp.columns) or imp.columns[cell.column] != cell.field:
        return None  # the file is gone, or its columns were mapped again
    rows = imp.rows
    if cell.row_index < len(rows) and rows.lines[cell.row_index] == cell.line:
        return imp, cell.row_index
    if imp.index not in lines:  # a search of a million lines per cell took seconds
        lines[imp.index] = {line: r for r, line in enumerate(rows.lines)}
    r = lines[imp.index].get(cell.line)
    return None if r is None else (imp, r)


def undo_edits(plan: Plan | None,
               cells: list[ChangedCell]) -> tuple[list[ChangedCell], list[CellEdit]]:
    """The cells that still hold the replacement and the edits putting them back (a cell
    edited since is left as it is)."""
    undone: list[ChangedCell] = []
    edits: list[CellEdit] = []
    if plan is None:
        return undone, edits
    text = EditTexts(plan)
    lines: dict[int, dict[int, int]] = {}
    for cell in cells:
        found = _row_of(plan, cell, lines)
        if found is None or text(found[0], found[1], cell.column) != cell.after:
            continue
        undone.append(cell)
        edits.append((found[0].index, found[1], cell.column, cell.before))
    return undone, edits


# --- the long work, in a worker ----------------------------------------------------------------

@dataclass
class Search:
    """What a replace looks for and where, read from the preview on the window's thread (the
    shown rows are copied: the worker never reads the table's model)."""

    plan: Plan
    imports: list[ImportPlan]
    starts: list[int]  # where each import's rows begin among the shown imports' rows
    positions: array[int]  # each shown row's place among them, in the shown order
    target: Target
    find: str
    replacement: str
    whole: bool


@dataclass
class Replaced:
    """What a replace (or an undo) did: every edit made (their rows are shown anew) and the
    cells that now hold the new text; cancelled, it changed nothing."""

    edits: list[CellEdit] = field(default_factory=list)
    changed: list[ChangedCell] = field(default_factory=list)
    cancelled: bool = False
    error: str = ""  # a row's re-check failed: the cells before it stay corrected


def find_cells(search: Search, monitor: Monitor, what: str) -> Found:
    """Each cell of the rows shown that the replacement changes, with its text before, in the
    order the rows are shown; a cancel raises ``Cancelled`` (nothing changed yet)."""
    if not search.target or (not search.find and not search.whole):
        return []
    text_of = EditTexts(search.plan)
    total = sum(len(imp.rows) for imp in search.imports)
    hits: dict[int, tuple[CellEdit, str]] = {}
    done = 0
    for imp, start in zip(search.imports, search.starts, strict=True):
        n = search.target.get(imp.index)
        if n is not None and n < len(imp.columns):
            for r, cells in enumerate(imp.rows.cells):
                if r % SEARCH_PIECE == 0:
                    monitor.check_cancelled()
                    monitor.progress(done + r, total, what)
                cell = cells[n] if n < len(cells) else ""
                text = cell if type(cell) is str else text_of(imp, r, n)
                new = replaced(text, search.find, search.replacement, whole=search.whole)
                if new != text:
                    hits[start + r] = ((imp.index, r, n, new), text)
        done += len(imp.rows)
    monitor.check_cancelled()
    return [hits[p] for p in search.positions if p in hits] if hits else []


def correct_cells(session: Session, found: Found, monitor: Monitor, what: str) -> Replaced:
    """Correct the cells found as the user's edits are (each row checked again), a piece at a
    time; a cancel puts back those corrected so far, so that a replace is all or nothing."""
    edits = [edit for edit, _before in found]
    done = 0
    try:
        while done < len(edits):
            monitor.check_cancelled()
            monitor.progress(done, len(edits), what)
            session.edit_cells(edits[done:done + EDIT_PIECE])
            done += EDIT_PIECE
    except Cancelled:
        session.edit_cells([(i, r, n, before) for (i, r, n, _t), before in found[:done]])
        return Replaced(edits[:done], cancelled=True)
    except ImporterError as exc:
        made = found[:done + EDIT_PIECE]
        return Replaced([edit for edit, _b in made], changed_cells(session.choices.plan, made),
                        error=exc.message)
    return Replaced(edits, changed_cells(session.choices.plan, found))


def changed_cells(plan: Plan | None, found: Found) -> list[ChangedCell]:
    """The cells that now hold what the replace put there (a failed re-check leaves some as
    they were)."""
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


def undo_cells(session: Session, cells: list[ChangedCell], monitor: Monitor,
               what: str) -> tuple[list[ChangedCell], Replaced]:
    """Put back the cells of a replace that still hold its text (see ``undo_edits``)."""
    undone, edits = undo_edits(session.choices.plan, cells)
    found = [(edit, cell.after) for edit, cell in zip(edits, undone, strict=True)]
    return undone, correct_cells(session, found, monitor, what)


class FindReplaceDialog(QDialog):
    """Which column (which field, over every file), what to find and what to put instead;
    every row shown is corrected, and the last replace can be undone."""

    done = Signal(int)  # a replace or an undo ended: how many cells it changed

    def __init__(self, model: PreviewModel, parent: QWidget | None = None, *,
                 synchronous: bool = False) -> None:
        super().__init__(parent)
        self.model = model
        # A million rows took seconds to search and correct: the work runs in a worker.
        self.runner = TaskRunner(self, synchronous=synchronous)
        self._count: int | None = None  # cells the last work changed, once it ended
        self._close_when_done = False
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
        form.addRow(self.tr("&Replace with:"), self.replace_edit)
        form.addRow("", self.whole_check)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("replaceResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        set_look(self.result_label, Look.SUCCESS)
        layout.addWidget(self.result_label)
        self.progress_row = ProgressRow(self.tr("Cance&l"), self)
        self.progress_row.cancel_button.clicked.connect(self.cancel)
        self.runner.progressed.connect(self.progress_row.show_progress)
        layout.addWidget(self.progress_row)
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

    def _search(self) -> Search | None:
        """What to look for, and the rows shown (copied); None when nothing can be found."""
        target = self._target()
        plan = self.model.plan
        if plan is None or not target:
            return None
        imports, starts, positions = self.model.shown_positions()
        return Search(plan, imports, starts, positions, target, self.find_edit.text(),
                      self.replace_edit.text(), self.whole_check.isChecked())

    def edits(self) -> list[CellEdit]:
        """The cells of the rows shown that the replacement changes (searched at once)."""
        search = self._search()
        return [] if search is None else [
            edit for edit, _before in find_cells(search, Monitor(), "")]

    def replace_all(self) -> int | None:
        """Correct every cell found, in the background with progress and Cancel; then say
        how many (in which files, over several); the replace is the one Undo puts back.
        How many, when the work ran at once; else ``done`` says it."""
        search = self._search()
        session = self.model.session
        searching = self.tr("Searching the rows…")
        correcting = self.tr("Correcting and checking the rows…")

        def work(monitor: Monitor) -> Replaced:
            found = find_cells(search, monitor, searching) if search is not None else []
            return correct_cells(session, found, monitor, correcting)

        return self._run(work, self._on_replaced)

    def _on_replaced(self, result: Replaced) -> None:
        """Show what the replace did; it becomes the one Undo puts back."""
        if result.changed:
            _LAST[self.model] = result.changed
        self._show(result, self._said(
            result.changed, self.tr("%Ln cell(s) corrected.", "", len(result.changed)),
            self.tr("%Ln cell(s) corrected: %1.", "", len(result.changed))))

    def _said(self, cells: list[ChangedCell], one_file: str, by_file: str) -> str:
        """``one_file`` with the count, or over several files (or cells of several) ``by_file``
        with how many cells in each: "5 cell(s) corrected: 3 in sessions.xlsx, 2 in
        interventions.xlsx."."""
        files: dict[str, int] = {}
        for cell in cells:
            files[cell.file.name] = files.get(cell.file.name, 0) + 1
        if not files or (len(files) == 1 and not self.by_field):
            return one_file
        parts = [arg(self.tr("%Ln in %1", "", count), name) for name, count in files.items()]
        return arg(by_file, ", ".join(parts))

    # --- undoing ---------------------------------------------------------------------------

    def _offer_undo(self) -> None:
        """Undo is offered while a cell of the last replace still holds the replacement."""
        cells = _LAST.get(self.model, [])
        _undone, edits = undo_edits(self.model.plan, cells)
        self.undo_button.setEnabled(bool(edits) and not self.runner.busy)
        self.undo_button.setToolTip(
            self.tr("Put back the %Ln cell(s) the last replace changed", "", len(edits))
            if edits else self.tr("Nothing to undo"))

    def undo(self) -> int | None:
        """Put back the text each cell of the last replace had, as if the user typed it
        (each row checked again; a correction back to the file's text goes away), in the
        background; cells edited since are left as they are, and said so. How many, when
        the work ran at once; else ``done`` says it."""
        cells = _LAST.pop(self.model, [])
        session = self.model.session
        putting_back = self.tr("Putting the cells back…")

        def work(monitor: Monitor) -> tuple[list[ChangedCell], Replaced]:
            return undo_cells(session, cells, monitor, putting_back)

        return self._run(work, lambda outcome: self._on_undone(cells, *outcome))

    def _on_undone(self, cells: list[ChangedCell], undone: list[ChangedCell],
                   result: Replaced) -> None:
        """Say what the undo put back; cancelled, the replace can still be undone."""
        if result.cancelled or result.error:
            _LAST[self.model] = cells
            undone = []
        message = self._said(
            undone, self.tr("%Ln cell(s) put back as they were.", "", len(undone)),
            self.tr("%Ln cell(s) put back as they were: %1.", "", len(undone)))
        kept = len(cells) - len(undone)
        if kept and not result.cancelled:
            message += " " + self.tr("%Ln cell(s) edited since were left as they are.", "",
                                     kept)
        result.changed = undone
        self._show(result, message)

    # --- the work in the background --------------------------------------------------------

    def _run(self, work: Callable[[Monitor], object],
             shown: Callable[[object], None]) -> int | None:
        """Run ``work`` in the background, the choices and buttons locked meanwhile; how many
        cells changed when it ran at once (a synchronous runner), else None."""
        self._count = None
        self._set_working(True)
        self.runner.run(work, shown, self._on_failed)
        return None if self.runner.busy else self._count

    def _show(self, result: Replaced, message: str) -> None:
        """The rows the work edited shown anew, and what it did in words."""
        self._set_working(False)
        if result.edits:
            self.model.show_edited(result.edits)
        if result.cancelled:
            self._say(self.tr("Cancelled: no cell was changed."), Look.PLAIN)
        elif result.error:
            self._say(arg(self.tr("%1 Stopped there: %2"), message, result.error), Look.ERROR)
        else:
            self._say(message, Look.SUCCESS)
        self._finish(len(result.changed) if not result.cancelled else 0)

    def _on_failed(self, error: ImporterError) -> None:
        """Cancelled while searching (nothing changed), or a failure of ours."""
        self._set_working(False)
        if isinstance(error, Cancelled):
            self._say(self.tr("Cancelled: no cell was changed."), Look.PLAIN)
        else:
            self._say(error.message, Look.ERROR)
        self._finish(0)

    def _say(self, text: str, look: Look) -> None:
        set_look(self.result_label, look)
        self.result_label.setText(text)

    def _finish(self, count: int) -> None:
        """The work is over: Undo offered again, and the dialog closes if asked meanwhile."""
        self._count = count
        self._offer_undo()
        self.done.emit(count)
        if self._close_when_done:
            super().reject()

    def _set_working(self, working: bool) -> None:
        """While the work runs: its progress and Cancel; nothing else to choose or press."""
        self.progress_row.set_running(working)
        if working:
            self.progress_row.status.setText(self.tr("Searching the rows…"))
            self.result_label.clear()
        else:
            self.progress_row.status.clear()
        for widget in (self.column_combo, self.find_edit, self.replace_edit, self.whole_check,
                       self.replace_button, self.undo_button):
            widget.setEnabled(not working)
        if working:
            self.progress_row.cancel_button.setFocus()

    def cancel(self) -> None:
        """Stop the running replace or undo: what it changed so far is put back."""
        self.runner.cancel()

    def reject(self) -> None:
        """Close (or Escape) while the work runs: it is cancelled, then the dialog closes."""
        if self.runner.busy:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window's close button is Close: it waits for a running work's cancel."""
        if self.runner.busy:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
