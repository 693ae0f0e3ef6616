"""The preview table: every planned row with its line, outcome and values, bad cells coloured.

Rows are an index array into the plan's rows (pairs of import and row index), so sorting and
filtering rebuild arrays and never copy rows; ``data()`` costs the same on 100,000 rows as on
ten. Issue colours are worked out per row the first time the row is painted.
"""

from __future__ import annotations

import textwrap
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from itertools import compress
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from importer_gui.core import ordering
from importer_gui.core.cells import Cell, cell_text
from importer_gui.core.corrections import Correction, EditTexts
from importer_gui.core.errors import ImporterError
from importer_gui.core.issues import OUTCOME_ORDER, Issue, Level, Outcome, outcome_totals
from importer_gui.core.paths import readable
from importer_gui.core.plan import (
    OUTCOME_CODE,
    ActionResult,
    ImportPlan,
    Plan,
    RowPlan,
    results_have_errors,
    results_outcome,
    unregisters,
)
from importer_gui.core.session import Session
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.labels import field_title, has_label
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import row_message_text
from importer_gui.ui.models.positions import (
    FREED_AFTER,
    KEYS_AT_A_TIME,
    PositionsModel,
    ascending,
)
from importer_gui.ui.shown import shown
from importer_gui.ui.state import WizardState
from importer_gui.ui.steps import StepRunner
from importer_gui.ui.styles import Fill, fill_brush, fill_text_brush, outcome_brush
from importer_gui.ui.tasks import free_later

Index = QModelIndex | QPersistentModelIndex

OUTCOME_RANK = {o: i for i, o in enumerate(OUTCOME_ORDER)}

LINE_COLUMN = 0
OUTCOME_COLUMN = 1
FIRST_VALUE_COLUMN = 2

# A value longer than CUT_CHARS may be cut in its column (the preview fits none wider than
# 320 px): its tooltip gives it whole, in lines of TIP_LINE_CHARS (a tooltip never wraps
# plain text), up to TOOLTIP_CHARS (a 5,000-character cell would cover the screen).
CUT_CHARS, TIP_LINE_CHARS, TOOLTIP_CHARS = 30, 80, 2000

# A column of files that head it differently is titled by their headers up to this length;
# past it, joined headers were cut in the column, unreadable, and it is titled by its place.
MIXED_TITLE_CHARS = 30

# What the columns that hold no field are remembered by (no field name starts so).
LINE_KEY, OUTCOME_KEY, FILE_KEY = ":line", ":outcome", ":file"


def shown_imports(plan: Plan | None, import_index: int | None) -> list[ImportPlan]:
    """The imports of ``plan`` a view shows: one (by its index), or every one (None)."""
    if plan is None:
        return []
    if import_index is None:
        return plan.imports
    return plan.imports[import_index:import_index + 1]


def view_kind(imports: Sequence[ImportPlan]) -> str:
    """What a view of these imports' rows is remembered under: their actions (next month's
    file of the same kind finds it), those of several files shown together joined."""
    kinds = ["+".join(imp.actions) for imp in imports]
    kind = kinds[0] if len(kinds) == 1 else "all files:" + "&".join(kinds)
    return kind.replace("/", "_").replace("\\", "_")  # a settings key's separators


def view_column_keys(imports: Sequence[ImportPlan]) -> list[str]:
    """Each column of a view of these imports' rows by what it shows: the line, the
    outcome, each value by its field ("field#2" for its second column), or by its place
    when the files' columns differ, then the file when there are several."""
    if not imports:
        return []
    columns = imports[0].columns
    if all(imp.columns == columns for imp in imports):
        seen: Counter[str] = Counter()
        values = []
        for name in columns:
            seen[name] += 1
            values.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    else:
        values = [f":column {n + 1}" for n in range(max(len(i.columns) for i in imports))]
    return [LINE_KEY, OUTCOME_KEY, *values] + ([FILE_KEY] if len(imports) > 1 else [])


def outcome_label(outcome: Outcome, actions: Iterable[str] = ()) -> str:
    """An outcome for people; ``actions``, the row's import's, may word a deletion (the
    core's rule, ``unregisters``)."""
    if outcome is Outcome.DELETE and unregisters(actions):
        return translate("PreviewModel", "unregister")
    return {
        Outcome.CREATE: translate("PreviewModel", "create"),
        Outcome.UPDATE: translate("PreviewModel", "update"),
        Outcome.UNCHANGED: translate("PreviewModel", "unchanged"),
        Outcome.DELETE: translate("PreviewModel", "delete"),
        Outcome.ERROR: translate("PreviewModel", "error"),
    }[outcome]


def whole_text(text: str) -> str:
    """A long text as a tooltip gives it: in lines a screen holds, at most TOOLTIP_CHARS."""
    if len(text) > TOOLTIP_CHARS:
        text = text[:TOOLTIP_CHARS - 1] + "…"
    lines = (textwrap.wrap(line, TIP_LINE_CHARS, break_on_hyphens=False) or [""]
             for line in text.splitlines())
    return "\n".join(piece for pieces in lines for piece in pieces)


def issue_text(level: Level, message: str) -> str:
    """"ERROR: message", in the user's language (the platform's messages too)."""
    message = row_message_text(message)
    if level is Level.ERROR:
        return arg(translate("PreviewModel", "ERROR: %1"), message)
    return arg(translate("PreviewModel", "WARNING: %1"), message)


def names_its_field(issue: Issue) -> bool:
    """Whether an issue's message, as the window shows it, already names the issue's field by
    its title (the field it opens with): nothing to say about the field beside it."""
    return bool(issue.field) and field_title(issue.field) in row_message_text(issue.message)


def with_its_field(issue: Issue, text: str) -> str:
    """``text`` (the issue as people read it) then its field by label and name, as in "ERROR:
    … (Session title — sessionTitle)", unless the message opens with them."""
    if not issue.field or names_its_field(issue):
        return text
    return arg(translate("PreviewPage", "%1 (%2)"), text, field_title(issue.field))


class RowFilter(StrEnum):
    """Which rows the preview shows: all, with issues, or of one outcome."""

    ALL = "all"
    ERRORS = "errors"
    WARNINGS = "warnings"
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    DELETE = "delete"


Results = Sequence[ActionResult]


def _row_filter(mode: RowFilter, issue: Issue | None = None) -> Callable[[Results], bool]:
    """The test a row's results must pass to be shown under ``mode`` (and with ``issue``, if
    given). Rows are tested by their results, as the plan holds them: no row object made."""
    if issue is not None:
        kept = _row_filter(mode)
        return lambda results: (any(issue in r.issues for r in results if r.issues)
                                and kept(results))
    if mode is RowFilter.ALL:
        return lambda results: True
    if mode is RowFilter.ERRORS:
        return results_have_errors
    if mode is RowFilter.WARNINGS:
        return lambda results: any(i.level is Level.WARNING for r in results for i in r.issues)
    wanted = Outcome(mode.value)
    return lambda results: results_outcome(results) is wanted


def _outcome_mask(mode: RowFilter, imp: ImportPlan) -> Iterable[bool] | None:
    """For the filters an outcome decides (errors, one outcome), which rows of ``imp`` are
    kept, read from the rows' outcome codes in C; None for the other filters."""
    if mode is RowFilter.ERRORS:
        code = OUTCOME_CODE[Outcome.ERROR]
    elif mode.value in _OUTCOME_VALUES:
        code = OUTCOME_CODE[Outcome(mode.value)]
    else:
        return None
    return map(code.__eq__, imp.rows.outcomes)


_OUTCOME_VALUES = frozenset(o.value for o in Outcome)
# The roles a cell may answer (data()); the line column alone is aligned.
_ROLES_ANSWERED = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole})


def _header(imp: ImportPlan, n: int) -> str:
    """The file's header of column ``n`` ("" when the file has none there)."""
    headers = imp.headers or []
    return headers[n] if n < len(headers) else ""


def _column_keys(imp: ImportPlan, column: int) -> list[Any]:
    """Every row's sort key for one column, in plan order: ints or strings, no tuples."""
    parts = list(_key_parts(imp, column, len(imp.rows) or 1))
    return parts[0] if parts else []


def _key_parts(imp: ImportPlan, column: int, part: int,
               coder: ordering.Coder | None = None) -> Iterator[list[Any]]:
    """``_column_keys``, ``part`` rows at a time: a background sort makes them between the
    window's events. A value column's keys are its texts' codes when a ``coder`` is given."""
    rows = imp.rows  # read by its columns: no row object made per row
    starts = range(0, len(rows), part)
    if column == OUTCOME_COLUMN:  # a row's outcome code is its rank: read in C
        yield from (list(rows.outcomes[start:start + part]) for start in starts)
        return
    if column < 0:  # the file column: by import
        yield from ([imp.index] * len(range(start, min(start + part, len(rows))))
                    for start in starts)
        return
    n = column - FIRST_VALUE_COLUMN
    keyed: Callable[[str], Any] = str.casefold if coder is None else coder.__getitem__
    quick: Callable[[str], Any] | None = keyed
    if coder is None:
        try:
            quick = _text_folder(rows.cells, n)
        except (IndexError, TypeError, AttributeError):  # a short row, a workbook's numbers
            quick = None
    for start in starts:
        cells = rows.cells if part >= len(rows) else rows.cells[start:start + part]
        keys = None
        if quick is not None:
            try:  # every row has the cell, as text (a CSV file's): all in C, a third of the time
                keys = list(map(quick, map(itemgetter(n), cells)))
            except (IndexError, TypeError, AttributeError):
                quick = None
        yield keys if keys is not None else [
            keyed((row[n] if type(row[n]) is str else cell_text(row[n])) if n < len(row) else "")
            for row in cells]


def _text_folder(rows: Sequence[tuple[Cell, ...]], n: int) -> Callable[[str], str]:
    """How to casefold column ``n``'s texts for sorting. A column that repeats its values
    (a session's title on each of its registrations) gets one folded text per value, shared
    by the rows that hold it: the sort then compares a few texts that stay in the
    processor's cache rather than a million scattered ones, and takes some 40% less time.
    Folding each value once costs a call of Python per distinct value, so a column whose
    values seldom repeat is folded text by text, in C."""
    return _Folded().__getitem__ if ordering.repeats(rows, itemgetter(n)) else str.casefold


class _Folded(dict[str, str]):
    """Each text's casefolded form, made the first time the text is asked for."""

    def __missing__(self, text: str) -> str:
        self[text] = folded = text.casefold()
        return folded


def _coded(imports: Sequence[ImportPlan], n: int) -> bool:
    """Whether value column ``n`` of ``imports`` is best sorted by its texts' codes: each
    import's column repeats its values (a column whose values seldom repeat would make a
    code and a rank, sorted in Python, per row)."""
    try:
        return all(ordering.repeats(imp.rows.cells, itemgetter(n)) for imp in imports)
    except (IndexError, TypeError, AttributeError):  # a short row, a workbook's numbers
        return False


def _held_codes(imports: Sequence[ImportPlan], n: int) -> list[ordering.ColumnCodes] | None:
    """The codes of value column ``n`` each import holds (``Rows.coded``); None unless
    every import holds them."""
    held = []
    for imp in imports:
        codes = imp.rows.coded(n)
        if codes is None:
            return None
        held.append(codes)
    return held or None


class _RowIssues:
    """One row's issues arranged for painting: levels and messages per field."""

    __slots__ = ("errors", "row_tip", "tips", "warnings")

    def __init__(self, row: RowPlan, columns: list[str]) -> None:
        self.errors: set[str] = set()
        self.warnings: set[str] = set()
        self.tips: dict[str, list[str]] = {}
        shown = set(columns)
        every: list[str] = []
        for issue in row.issues():
            line = issue_text(issue.level, issue.message)
            every.append(with_its_field(issue, line))
            if issue.field in shown:
                (self.errors if issue.level is Level.ERROR else self.warnings).add(issue.field)
                self.tips.setdefault(issue.field, []).append(line)
        self.row_tip = "\n".join(every)


class PreviewModel(PositionsModel):
    """The plan's rows of one import (or of all imports) as a sortable, filterable table."""

    row_rechecked = Signal(int, int)  # import index, row index
    recheck_failed = Signal(str)  # a message for people
    counts_changed = Signal()

    def __init__(self, state: WizardState, import_index: int | None = None,
                 parent: QObject | None = None, *, line_title: str | None = None,
                 editable: bool = True,
                 outcome_text: Callable[[Outcome, Sequence[str]], str] = outcome_label,
                 sorter: StepRunner | None = None) -> None:
        super().__init__(parent, sorter=sorter)
        self._state = state
        self.sort_failed.connect(self.recheck_failed)
        # A revert preview shows records (their id in the line column), is read-only and
        # names its outcomes as what reverting does (restore, recreate, conflict).
        self._line_title = line_title
        self._cells_editable = editable
        self._outcome_text = outcome_text
        self._import_index = import_index
        self._plan: Plan | None = None
        # A shown row's position: its place among all rows of the shown imports, in plan order.
        self._starts: list[int] = []  # where each shown import's rows begin among them
        self._issues: dict[tuple[int, int], _RowIssues] = {}
        self._filter = RowFilter.ALL
        self._issue: Issue | None = None  # only the rows with this issue, when set
        # Per shown import: its file's corrections, (line, column) -> correction.
        self._corrected: dict[int, dict[tuple[int, int], Correction]] = {}
        # The text each cell is edited as, for the plan shown (see cell_edit_text).
        self._edit_texts: EditTexts | None = None
        self._italic = QFont()
        self._italic.setItalic(True)
        self._titles: list[str] = []
        self._tips: list[str] = []
        self._text = LocaleText()  # dates as the user's locale writes them
        # Every row of the shown imports in the current sort's order, kept while no row
        # changes: a filter then picks from it rather than sorting again (a million rows
        # took 0.5 s to sort, and each filter sorted them again).
        self._sorted_all: array[int] | None = None
        self._plan_order: array[int] = array("i")  # 0, 1, 2... (see _in_plan_order)
        self.reload()

    # --- what is shown ---------------------------------------------------------------------

    @property
    def plan(self) -> Plan | None:
        """The plan shown."""
        return self._plan

    @property
    def session(self) -> Session:
        """The session whose plan is shown (edits go through it)."""
        return self._state.session

    @property
    def row_filter(self) -> RowFilter:
        """The current filter."""
        return self._filter

    def show_import(self, import_index: int | None) -> None:
        """Show the rows of one import, or of all imports (None)."""
        self._import_index = import_index
        self.reload()

    def reload(self) -> None:
        """Show the state's current plan again (after a full check), keeping filter and sort."""
        self.beginResetModel()
        self._plan = self._state.session.choices.plan
        self._titles, self._tips = self._make_column_titles()
        self._issues.clear()
        self._edit_texts = None
        self._find_corrections()
        self._forget_sorts()
        self._rebuild()
        self.endResetModel()
        self.counts_changed.emit()

    def clear(self) -> None:
        """Show no rows (a new check is on its way); filter and sort stay."""
        self.beginResetModel()
        self._plan = None
        self._plan_order = array("i")
        self._titles, self._tips = [], []
        self._issues.clear()
        self._corrected = {}
        self._edit_texts = None
        self._forget_sorts()
        self._rebuild()
        self.endResetModel()
        self.counts_changed.emit()

    def set_filter(self, mode: RowFilter) -> None:
        """Show only the rows ``mode`` keeps; the sort order stays."""
        self.beginResetModel()
        self._filter = RowFilter(mode)
        self._rebuild(reuse_sort=True)
        self.endResetModel()

    @property
    def issue_filter(self) -> Issue | None:
        """The issue the shown rows must have, if one is chosen."""
        return self._issue

    def set_issue_filter(self, issue: Issue | None) -> None:
        """Show only the rows that have ``issue`` (None: every row the filter keeps)."""
        self.beginResetModel()
        self._issue = issue
        self._rebuild(reuse_sort=True)
        self.endResetModel()

    def file_column(self) -> int | None:
        """The column naming each row's file: shown for several imports at once."""
        if self._import_index is not None or len(self.imports()) < 2:
            return None
        return FIRST_VALUE_COLUMN + len(self._titles)

    def _find_corrections(self) -> None:
        """Each shown import's corrections, looked up once (cells ask for them often)."""
        corrections = self._state.session.choices.corrections
        self._corrected = {}
        for imp in self.imports():
            entry = corrections.of(imp.file) if corrections else None
            if entry is not None:
                self._corrected[imp.index] = entry.cells

    def correction(self, view_row: int, column: int) -> Correction | None:
        """The user's correction of a shown cell, if any."""
        if self._plan is None or column < FIRST_VALUE_COLUMN:
            return None
        imp, _r, row = self._row(view_row)
        cells = self._corrected.get(imp.index)
        return None if cells is None else cells.get((row.line, column - FIRST_VALUE_COLUMN))

    def cell_edit_text(self, imp: ImportPlan, row_index: int, n: int) -> str:
        """The text a cell is edited as: a workbook's date cell feeding a date field in the
        import's date format, as the check reads an edited date (the file's ISO text would
        be refused); any other cell as the check reads it."""
        if self._edit_texts is None or self._edit_texts.plan is not self._plan:
            if self._plan is None:
                return ""
            self._edit_texts = EditTexts(self._plan)
        return self._edit_texts(imp, row_index, n)

    def row_at(self, view_row: int) -> tuple[ImportPlan, int, RowPlan] | None:
        """The import, row index and row behind a shown row; None when there is none."""
        if self._plan is None or not 0 <= view_row < len(self._positions):
            return None
        return self._row(view_row)

    def issue_column(self, view_row: int, field: str | None = None) -> int | None:
        """The column of a shown row's first cell with an error, else with a warning;
        ``field``'s cell first when it has an issue. None when no cell shown has one."""
        found = self.row_at(view_row)
        if found is None:
            return None
        imp, r, row = found
        issues = self._row_issues(imp, r, row)
        columns = imp.columns[:len(self._column_titles())]
        for wanted in ({field} if field else set(), issues.errors, issues.warnings):
            hit = next((n for n, name in enumerate(columns) if name in wanted
                        and name in issues.errors | issues.warnings), None)
            if hit is not None:
                return FIRST_VALUE_COLUMN + hit
        return None

    def counts(self) -> dict[Outcome, int]:
        """Rows per outcome in the shown import(s), every outcome present."""
        return outcome_totals(imp.row_counts() for imp in self.imports())

    def total_rows(self) -> int:
        """Rows in the shown import(s), filtered or not."""
        return sum(self.counts().values())

    def imports(self) -> list[ImportPlan]:
        """The imports shown."""
        return shown_imports(self._plan, self._import_index)

    def locate(self, view_row: int) -> tuple[int, int]:
        """(import index, row index in the plan) of a shown row."""
        position = self._positions[view_row]
        n = bisect_right(self._starts, position) - 1
        return self.imports()[n].index, position - self._starts[n]

    def view_row_of(self, import_index: int, row_index: int) -> int:
        """The shown row of a plan row, or -1 when filtered out."""
        shown = [imp.index for imp in self.imports()]
        if import_index not in shown:
            return -1
        try:
            return self._positions.index(self._starts[shown.index(import_index)] + row_index)
        except ValueError:
            return -1

    def _rebuild(self, *, reuse_sort: bool = False) -> None:
        """Rebuild the shown positions from the filter, then sort them (with ``reuse_sort``,
        picked from the rows already sorted, when they are)."""
        self._drop_background_sort()  # it sorts the positions replaced here
        keep = _row_filter(self._filter, self._issue)
        every = self._filter is RowFilter.ALL and self._issue is None
        sorted_all = self._sorted_all if reuse_sort and self._sort is not None else None
        positions, starts, start = array("i"), [], 0
        mask = bytearray()  # with sorted_all: 1 for each row kept, in plan order
        for imp in self.imports():
            starts.append(start)
            n = len(imp.rows)
            kept: Iterable[bool] | None = None
            if not every:  # an outcome's filter in C; an issue's or warnings' row by row
                kept = _outcome_mask(self._filter, imp) if self._issue is None else None
                if kept is None:
                    kept = map(keep, imp.rows.results)
            if sorted_all is not None:
                mask += b"\x01" * n if every else bytes(map(bool, kept))  # type: ignore[arg-type]
            elif not every:
                positions.extend(compress(range(start, start + n), kept))  # type: ignore[arg-type]
            start += n
        self._starts = starts
        if sorted_all is not None:
            self._positions = (array("i", sorted_all) if every else
                               array("i", compress(sorted_all, map(mask.__getitem__, sorted_all))))
            return
        # Shared with the file order: the positions are replaced, never changed in place.
        self._positions = self._file_order(start) if every else positions
        if self._sort is not None and self._plan is not None:
            self._sort_shown(*self._sort)

    # --- columns ---------------------------------------------------------------------------

    def _value_columns(self) -> list[str]:
        """Field names of the value columns (the first import's, for all imports)."""
        shown = self.imports()
        return shown[0].columns if shown else []

    def _column_titles(self) -> list[str]:
        """The value columns' titles, worked out once per reload: Qt asks for them over a
        thousand times while it lays out and paints a screen."""
        return self._titles

    def _make_column_titles(self) -> tuple[list[str], list[str]]:
        """The value columns' titles and tooltips: each field by its label and name, the
        tooltip whole (for a title cut short) with the file's header; "Column N" when the
        imports shown differ."""
        shown = self.imports()
        if not shown:
            return [], []
        imp = shown[0]
        if not all(i.columns == imp.columns for i in shown):
            return self._mixed_titles(shown)
        headers = list(imp.headers or [])[:len(imp.columns)]
        headers += [""] * (len(imp.columns) - len(headers))
        titles, tips = [], []
        for name, header in zip(imp.columns, headers, strict=True):
            # A column no field reads (ignoredColumn) is best named by the file's header;
            # one that feeds a field says which column feeds what: "Début\n→ Session start".
            if not has_label(name):
                titles.append(header or field_title(name))
            elif header and header != name:
                titles.append(arg(self.tr("%1\n→ %2"), header, field_title(name)))
            else:
                titles.append(field_title(name))
            tip = arg(self.tr("Field: %1"), field_title(name))
            tips.append(tip + "\n" + arg(self.tr("Column in the file: %1"), header) if header
                        else tip)
        return titles, tips

    def _mixed_titles(self, shown: list[ImportPlan]) -> tuple[list[str], list[str]]:
        """Files of different columns shown together: each column titled by the files' own
        headers when they agree or are short together ("Formateur / Manager"), else by
        its place ("Column 3"); its tooltip says which file has what there."""
        titles, tips = [], []
        for n in range(max(len(i.columns) for i in shown)):
            names: list[str] = []
            lines = [arg(self.tr("Each file's column %1:"), n + 1)]
            for imp in shown:
                if n >= len(imp.columns):
                    continue
                name = _header(imp, n) or field_title(imp.columns[n])
                names += [] if name in names else [name]
                lines.append(arg(self.tr("%1: %2 → %3"), imp.file.name, name,
                                 field_title(imp.columns[n])))
            joined = " / ".join(names)
            titles.append(joined if len(names) == 1 or 0 < len(joined) <= MIXED_TITLE_CHARS
                          else arg(self.tr("Column %1"), n + 1))
            tips.append("\n".join(lines))
        return titles, tips

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return FIRST_VALUE_COLUMN + len(self._column_titles()) + (
            self.file_column() is not None)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Vertical:  # the line, kept in sight (see the page)
            return self.data(self.index(section, LINE_COLUMN), role) \
                if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == LINE_COLUMN:
                return self._line_title or self.tr("Line")
            if section == OUTCOME_COLUMN:
                return self.tr("Outcome")
            if section == self.file_column():
                return self.tr("File")
            titles = self._column_titles()
            n = section - FIRST_VALUE_COLUMN
            return titles[n] if 0 <= n < len(titles) else None
        if role == Qt.ItemDataRole.ToolTipRole and section >= FIRST_VALUE_COLUMN:
            n = section - FIRST_VALUE_COLUMN
            return self._tips[n] if n < len(self._tips) else None
        return None

    # --- cells -----------------------------------------------------------------------------

    def _row(self, view_row: int) -> tuple[ImportPlan, int, RowPlan]:
        """The import, row index and row behind a shown row."""
        assert self._plan is not None
        i, r = self.locate(view_row)
        imp = self._plan.imports[i]
        return imp, r, imp.rows[r]

    def _row_issues(self, imp: ImportPlan, r: int, row: RowPlan) -> _RowIssues:
        """The row's issues by field, worked out once per row."""
        key = (imp.index, r)
        found = self._issues.get(key)
        if found is None:
            found = self._issues[key] = _RowIssues(row, imp.columns)
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        # Half the roles a view asks of every cell it paints or sizes have no answer here:
        # said before the row is looked up.
        if role not in _ROLES_ANSWERED or (role == Qt.ItemDataRole.TextAlignmentRole
                                           and column != LINE_COLUMN):
            return None
        if not index.isValid() or self._plan is None or index.row() >= len(self._positions):
            return None
        imp, r, row = self._row(index.row())
        if column == LINE_COLUMN:
            return self._line_data(row, role)
        if column == OUTCOME_COLUMN:
            return self._outcome_data(imp, r, row, role)
        if column == self.file_column():
            return readable(imp.file.name) if role == Qt.ItemDataRole.DisplayRole else (
                readable(imp.file) if role == Qt.ItemDataRole.ToolTipRole else None)
        return self._value_data(imp, r, row, column - FIRST_VALUE_COLUMN, role)

    def _line_data(self, row: RowPlan, role: int) -> Any:
        # A row numbered below 1 is no line of the file: a record the store holds that the
        # file lacks (a refresh's deletion).
        if role == Qt.ItemDataRole.DisplayRole:
            return row.line if row.line > 0 else ""
        if role == Qt.ItemDataRole.ToolTipRole and row.line < 1:
            return self.tr("Not a line of the file: a record the store holds that the file "
                           "lacks")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _outcome_data(self, imp: ImportPlan, r: int, row: RowPlan, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._outcome_text(row.outcome, imp.actions)
        if role == Qt.ItemDataRole.BackgroundRole:
            return outcome_brush(row.outcome)
        if role == Qt.ItemDataRole.ForegroundRole:
            return fill_text_brush()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._row_issues(imp, r, row).row_tip or None
        return None

    def _value_data(self, imp: ImportPlan, r: int, row: RowPlan, n: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(self._text.cell(row.cells[n])) if n < len(row.cells) else ""
        if role == Qt.ItemDataRole.EditRole:  # what the check reads, as the file had it
            return self.cell_edit_text(imp, r, n)
        if role == Qt.ItemDataRole.FontRole:  # a corrected cell is in italics
            corrected = self._corrected.get(imp.index)
            return self._italic if corrected and (row.line, n) in corrected else None
        if role not in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.ForegroundRole) or n >= len(imp.columns):
            return None
        issues = self._row_issues(imp, r, row)
        name = imp.columns[n]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text.cell(row.cells[n]) if n < len(row.cells) else ""
            tips = [whole_text(text)] if len(text) > CUT_CHARS else []
            tips += issues.tips.get(name) or []
            corrected = self._corrected.get(imp.index)
            correction = corrected.get((row.line, n)) if corrected else None
            if correction is not None:
                tips = [*tips, arg(self.tr("Corrected; the file has: %1"),
                                   correction.before or self.tr("(empty)"))]
            return "\n".join(tips) if tips else None
        fill = Fill.ERROR if name in issues.errors else (
            Fill.WARNING if name in issues.warnings else None)
        if fill is None:
            return None
        return fill_brush(fill) if role == Qt.ItemDataRole.BackgroundRole else fill_text_brush()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() >= FIRST_VALUE_COLUMN and self._editable(index):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def _editable(self, index: Index) -> bool:
        """A value cell the row really has (all imports may have shorter rows)."""
        if not self._cells_editable or index.column() == self.file_column():
            return False
        imp, _r, _row = self._row(index.row())
        return index.column() - FIRST_VALUE_COLUMN < len(imp.columns)

    # --- editing ---------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Change one cell and re-check its row at once."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._plan is None:
            return False
        if index.column() < FIRST_VALUE_COLUMN or not self._editable(index):
            return False
        imp, r, _row = self._row(index.row())
        text = "" if value is None else str(value)
        column = index.column() - FIRST_VALUE_COLUMN
        if text == self.cell_edit_text(imp, r, column):
            return False  # the editor left as it opened: a date cell stays a date
        edit = (imp.index, r, column, text)
        return self.edit_cells([edit], view_row=index.row()) > 0

    def edit_cells(self, edits: list[tuple[int, int, int, str]],
                   view_row: int | None = None) -> int:
        """Correct cells of the plan through the session, each row re-checked at once, and
        repaint them (``view_row``: the one row edited, where it is shown); how many
        changed."""
        try:
            changed = self._state.session.edit_cells(edits)
        except ImporterError as exc:
            self.recheck_failed.emit(str(exc))
            changed = 0
        if changed:
            self.show_edited(edits, view_row)
        return changed

    def show_edited(self, edits: list[tuple[int, int, int, str]],
                    view_row: int | None = None) -> None:
        """Show cells the session corrected (here, or in a worker for Find and replace):
        their rows' colours and counts anew, repainted (``view_row``: the one row edited)."""
        self._find_corrections()
        self._forget_sorts()  # an edited row may sort elsewhere now
        if self._sorting and self._sort is not None:
            # The sort running read the rows before the edit: it is replaced by one of them now.
            self._sort_in_background(*self._sort)
        rows = list(dict.fromkeys((i, r) for i, r, _c, _t in edits))
        for key in rows:
            self._issues.pop(key, None)
        first, last = 0, self.rowCount() - 1  # several rows: repaint them all at once
        if len(rows) == 1:
            first = last = view_row if view_row is not None else self.view_row_of(*rows[0])
        if last >= 0 and first >= 0:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, self.columnCount() - 1))
        for import_index, r in rows:
            self.row_rechecked.emit(import_index, r)
        self.counts_changed.emit()

    def shown_positions(self) -> tuple[list[ImportPlan], list[int], array[int]]:
        """The shown imports, where each one's rows begin among theirs, and each shown row's
        place among them in the shown order: a copy, for a worker to read."""
        return list(self.imports()), list(self._starts), array("i", self._positions)

    # --- sorting ---------------------------------------------------------------------------

    def _sortable(self) -> bool:
        return self._plan is not None

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Reorder the shown positions by one column: by line, or by its keys."""
        assert self._plan is not None
        if column == LINE_COLUMN:
            self._positions = self._shown_in_file_order(order == Qt.SortOrder.DescendingOrder)
        else:
            self._sort_by_keys(column, order)
        self._keep_sorted()

    def _keep_sorted(self) -> None:
        """Keep the shown positions as every row sorted, when no filter picks them."""
        every = self._filter is RowFilter.ALL and self._issue is None
        self._sorted_all = array("i", self._positions) if every else None

    def _in_background(self, column: int) -> bool:
        """Whether a sort by ``column`` runs in the background: by keys, of many rows."""
        return column != LINE_COLUMN and super()._in_background(column)

    def _keyed_rows(self) -> int:
        return self._total_rows_shown_or_not()

    def _sort_in_background(self, column: int, order: Qt.SortOrder) -> None:
        self._sorted_all = None  # the rows in the order sorted before: of no use to a filter
        super()._sort_in_background(column, order)

    def _key_parts(self, column: int,
                   ) -> Iterator[list[Any]] | ordering.Coded | ordering.Precoded:
        keyed = -1 if column == self.file_column() else column
        shown = list(self.imports())
        if keyed >= FIRST_VALUE_COLUMN:
            n = keyed - FIRST_VALUE_COLUMN
            held = _held_codes(shown, n)
            if held is not None:  # coded as the file was planned: nothing to make a row
                return ordering.Precoded(ordering.joined(held), str.casefold)
            if _coded(shown, n):
                coder = ordering.Coder(str.casefold)
                return ordering.Coded((part for imp in shown for part in _key_parts(
                    imp, keyed, KEYS_AT_A_TIME, coder)), coder)
        return (part for imp in shown for part in _key_parts(imp, keyed, KEYS_AT_A_TIME))

    def _shown_in_file_order(self, descending: bool) -> array[int]:
        """The shown rows by line: in the plan's order, which is the files' (a refresh's
        rows that are no line of the file after them), reversed when ``descending``. No
        key is read: every row shown is the file order already made."""
        total = self._total_rows_shown_or_not()
        if len(self._positions) == total:
            ordered = self._file_order(total)
        else:
            ordered = ascending(self._positions, total)
        if descending:
            ordered = array("i", ordered)  # a copy: the file order is shared, never changed
            ordered.reverse()
        return ordered

    def _sort_by_keys(self, column: int, order: Qt.SortOrder) -> None:
        """Reorder the shown positions by one column's keys (Python's sort is stable: rows
        of equal keys keep the order they are shown in).

        Positions are sorted by a list of keys (ints or strings, never a tuple per row), so
        sorting 100,000 rows allocates nothing the cycle collector has to walk. A position
        is its row's place in the keys: the shown positions are sorted as they are, with no
        list of keys picked in the shown order and no sorted places to map back to
        positions. Keys kept as the file's codes are sorted by polars (``ordering.again``):
        they are no list to look up.
        """
        descending = order == Qt.SortOrder.DescendingOrder
        kept = self._kept_keys(column)
        if kept is not None and kept.precoded:
            self._positions = ordering.again(kept, self._positions, descending)
            return
        ordered = sorted(self._positions, key=self._sort_key(column), reverse=descending)
        self._positions = array("i", ordered)
        if len(ordered) >= FREED_AFTER:
            # An int object per row, in the sorted order: freed here, each read in another
            # place of memory, they would keep the window waiting.
            free_later(ordered)

    def _make_keys(self, column: int) -> list[Any]:
        """One column's sort key for every row of the shown imports, filtered out or not,
        in plan order (a row's position is its place here).

        Keys are made in plan order, import by import: rows visited in a sorted order lie
        all over memory, and reading them so takes about twice as long.
        """
        keyed = -1 if column == self.file_column() else column
        shown = self.imports()
        if len(shown) == 1:  # one import's keys as they are, not copied into another list
            return _column_keys(shown[0], keyed)
        every: list[Any] = []
        for imp in shown:
            every += _column_keys(imp, keyed)
        return every

    def _forget_sorts(self) -> None:
        """Let go of what sorting kept (all rows sorted, the last column's keys): the rows
        changed."""
        self._sorted_all = None
        self._forget_keys()

    def _total_rows_shown_or_not(self) -> int:
        """Rows of the shown imports, the filter's or not: one past the last position."""
        return self._starts[-1] + len(self.imports()[-1].rows) if self._starts else 0

    def _file_order(self, total: int) -> array[int]:
        """0, 1, ... total - 1: made once per number of rows."""
        if len(self._plan_order) != total:
            self._plan_order = ordering.counting(total)
        return self._plan_order
