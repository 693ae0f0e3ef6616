"""The revert preview's table: one table's records, what reverting does to each, conflicts red.

The rows are positions into the plan's rows (one int each), so sorting moves one array; the
cells' text is made here, when a cell is shown, from the records' values. A column's sort
keys are made once per table shown, each distinct value's text once (``_ColumnKeys``). A
reference to another record shows that record as the store browser does: by its label,
read with the plan (``RevertPlan.labels``), by "#id" when it has none or is gone.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import compress
from operator import attrgetter, methodcaller, ne
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from importer_gui.core import ordering, schema
from importer_gui.core.catalogue.columns import field_named
from importer_gui.core.issues import OUTCOME_ORDER, Outcome, outcome_totals
from importer_gui.core.ordering import counting
from importer_gui.core.revert import Labels, RevertRow, RevertTable, Values
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.labels import column_title, reference_title, referred_text
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.models.positions import PositionsModel
from importer_gui.ui.models.preview_model import issue_text
from importer_gui.ui.styles import Fill, fill_brush, fill_text_brush, outcome_brush

Index = QModelIndex | QPersistentModelIndex

RECORD_COLUMN = 0
OUTCOME_COLUMN = 1
FIRST_VALUE_COLUMN = 2
OUTCOME_RANK = {o: i for i, o in enumerate(OUTCOME_ORDER)}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles a cell may answer (data()); the record column alone is aligned.
_ROLES_ANSWERED = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole})
ISO_TEXT = LocaleText(QLocale.c())  # dates that sort as text

# Records whose sort keys a background sort makes at a time: a record's key costs more than
# a preview row's (its values looked up, the label of a record it refers to made), and a
# part must stay within a step of the window's thread (``core.steps.STEP_SECONDS``).
KEYS_AT_A_TIME = 1 << 12


def outcome_label(outcome: Outcome) -> str:
    """What reverting does to a record, for people."""
    return {
        Outcome.CREATE: translate("RevertModel", "recreate"),
        Outcome.UPDATE: translate("RevertModel", "restore"),
        Outcome.UNCHANGED: translate("RevertModel", "unchanged"),
        Outcome.DELETE: translate("RevertModel", "delete"),
        Outcome.ERROR: translate("RevertModel", "conflict (skipped)"),
    }[outcome]


def value_text(row: RevertRow, column: str, text: LocaleText = ISO_TEXT,
               referred: Mapping[Any, str] | None = None) -> str:
    """A record's cell: what the record holds once reverted, or "now → restored"; a
    reference as ``referred`` writes the record referred to.

    A record the revert deletes, or skips as a conflict, shows what it holds now.
    """
    value = _shown_of(row).get(column)
    if row.outcome is Outcome.UPDATE and row.now:
        now = row.now.get(column)
        if now != value:
            return f"{_cell(now, text, referred)} → {_cell(value, text, referred)}"
    return _cell(value, text, referred)


def _cell(value: Any, text: LocaleText, referred: Mapping[Any, str] | None) -> str:
    """A value as its cell writes it: a reference through ``referred``."""
    return _text(value, text) if referred is None else referred[value]


def _text(value: Any, text: LocaleText) -> str:
    """A stored value as text: dates as the locale writes them, nothing for None."""
    return text.cell(value) if value is None or isinstance(value, date) else str(value)


class _Referred(dict[Any, str]):
    """The records one table's references point to, as their cells show them (by label,
    "#id" without one), each made once, by its id (nothing for None)."""

    def __init__(self, labels: dict[int, Any]) -> None:
        super().__init__()
        self._labels = labels

    def __missing__(self, record_id: Any) -> str:
        self[record_id] = text = "" if record_id is None else referred_text(
            self._labels.get(record_id), record_id)
        return text


@dataclass
class _Shown:
    """Each record of a table as its cells read it: the values shown (``value_text``'s),
    and the records restored from other values now, with those."""

    values: list[Values]
    changed_at: array[int]  # the records an update restores, each with values now
    now: list[Values]  # their values now, in the same order


def _shown_of(row: RevertRow) -> Values:
    """The values a record's cells show: those it holds once reverted, or, when the revert
    deletes it or skips it as a conflict, those it holds now."""
    values = row.now if row.outcome in (Outcome.DELETE, Outcome.ERROR) else row.before
    return values or row.after or {}


def shown_values(rows: list[RevertRow]) -> _Shown:
    """What ``value_text`` reads of each record, for every column at once."""
    shown = _Shown(list(map(_shown_of, rows)), array("i"), [])
    for n, row in enumerate(rows):
        if row.outcome is Outcome.UPDATE and row.now:
            shown.changed_at.append(n)
            shown.now.append(row.now)
    return shown


class _TextKeys(dict[tuple[Any, ...], Any]):
    """A value's sort key (as ``value_text`` writes it, folded), made once per value;
    typed, since 1, 1.0 and True are equal but not written alike."""

    def __init__(self, fold: Callable[[str], Any]) -> None:
        super().__init__()
        self._fold = fold

    def __missing__(self, typed: tuple[Any, ...]) -> Any:
        self[typed] = key = self._fold(_text(typed[1], ISO_TEXT))
        return key


class _ChangeKeys(_TextKeys):
    """A restored record's sort key, "now → restored" (two values that differ), once per
    pair."""

    def __missing__(self, typed: tuple[Any, ...]) -> Any:
        self[typed] = key = self._fold(f"{_text(typed[1], ISO_TEXT)} → {_text(typed[3], ISO_TEXT)}")
        return key


def column_keys(shown: _Shown, column: str, referred: Mapping[Any, str] | None = None,
                fold: Callable[[str], Any] = str.casefold) -> list[Any]:
    """Every record's sort key for one value column, in the run's order: its text as
    ``value_text`` writes it, folded (casefolded, or coded: ``ordering.Coder``). The values
    are read and looked up in C, a text made in Python once per distinct value (a date
    column of 74,000 records written record by record held the window 0.1 s). Raises
    TypeError for a value that cannot be looked up (unhashable)."""
    get = methodcaller("get", column)
    values = list(map(get, shown.values))
    if referred is not None:
        return _reference_keys(shown, get, values, referred, fold)
    try:  # every value a text: its own key, folded in C
        keys = list(map(fold, values))
    except TypeError:
        keys = list(map(_TextKeys(fold).__getitem__,
                        zip(map(type, values), values, strict=True)))
    if shown.changed_at:  # "now → restored" where the two differ
        now = list(map(get, shown.now))
        restored = list(map(values.__getitem__, shown.changed_at))
        differ = list(map(ne, now, restored))
        at, now, restored = (list(compress(x, differ)) for x in (shown.changed_at, now,
                                                                 restored))
        changed = map(_ChangeKeys(fold).__getitem__,
                      zip(map(type, now), now, map(type, restored), restored, strict=True))
        deque(map(keys.__setitem__, at, changed), maxlen=0)
    return keys


def _reference_keys(shown: _Shown, get: methodcaller, ids: list[Any],
                    referred: Mapping[Any, str], fold: Callable[[str], Any]) -> list[Any]:
    """A reference column's sort keys: the records referred to as shown, folded; "now →
    restored" where the ids differ (as ``value_text``)."""
    keys = list(map(fold, map(referred.__getitem__, ids)))
    for at, now in zip(shown.changed_at, map(get, shown.now), strict=True):
        if now != ids[at]:
            keys[at] = fold(f"{referred[now]} → {referred[ids[at]]}")
    return keys


def _titles(table: str, columns: tuple[str, ...]) -> list[str]:
    """Each column's header: the field it holds, or the record it refers to (as the store
    browser says it)."""
    references = schema.references(table)
    return [reference_title(references[c], c, table) if c in references
            else column_title(table, c) for c in columns]


def _referring(table: str, labels: Labels) -> dict[str, _Referred]:
    """Each reference column of ``table`` with the records it may point to, as shown."""
    references = schema.references(table)
    by_target = {target: _Referred(labels.get(target, {})) for target in set(references.values())}
    return {column: by_target[target] for column, target in references.items()}


class RevertModel(PositionsModel):
    """The records of one table of a revert plan, read-only, sortable by any column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._table: RevertTable | None = None
        self._columns: tuple[str, ...] = ()
        self._fields: tuple[str, ...] = ()  # each column as its conflicts name it
        self._titles: list[str] = []
        self._text = LocaleText()  # dates as the user's locale writes them
        self._shown: _Shown | None = None  # the shown table's values, once it is sorted
        self._referred: dict[str, _Referred] = {}  # the reference columns, as shown

    def show_table(self, table: RevertTable | None, labels: Labels | None = None) -> None:
        """Show one table's records (in the run's order, or the current sort's), the records
        they refer to by their ``labels`` (the plan's)."""
        self.beginResetModel()
        self._table = table
        self._columns = schema.column_names(table.table) if table is not None else ()
        self._referred = _referring(table.table, labels or {}) if table is not None else {}
        self._fields = tuple(field_named(table.table, c) for c in self._columns) \
            if table is not None else ()
        self._titles = _titles(table.table, self._columns) if table is not None else []
        self._drop_background_sort()  # it sorts the records of the table shown before
        self._forget_keys()
        self._positions = counting(len(table.rows) if table is not None else 0)
        self._shown = None
        if self._sort is not None and self._sort[0] >= self.columnCount():
            self._sort = None  # a column of the table shown before: this one has no such
        # None (a closed preview) has no rows to order; the sort stays for the next table.
        if self._sort is not None and table is not None:
            self._sort_shown(*self._sort)
        self.endResetModel()

    def counts(self) -> dict[Outcome, int]:
        """Records per outcome in the shown table, every outcome present."""
        return outcome_totals([self._table.counts] if self._table else [])

    def row(self, view_row: int) -> RevertRow:
        """The record shown on a row."""
        assert self._table is not None
        return self._table.rows[self._positions[view_row]]

    # --- Qt's model ------------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_VALUE_COLUMN + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Vertical:
            return None
        n = section - FIRST_VALUE_COLUMN
        if role == Qt.ItemDataRole.DisplayRole:
            if section == RECORD_COLUMN:
                return self.tr("Record")
            if section == OUTCOME_COLUMN:
                return self.tr("Outcome")
            return self._titles[n] if 0 <= n < len(self._titles) else None
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= n < len(self._columns):
            return arg(self.tr("Store column: %1"), self._columns[n])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        # Most roles a view asks of every cell have no answer here: said before the row is
        # read (as the preview's model does).
        if role not in _ROLES_ANSWERED or (role == Qt.ItemDataRole.TextAlignmentRole
                                           and column != RECORD_COLUMN):
            return None
        if not index.isValid() or index.row() >= len(self._positions):
            return None
        row = self.row(index.row())
        if column == RECORD_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.record_id
            return _RIGHT if role == Qt.ItemDataRole.TextAlignmentRole else None
        if column == OUTCOME_COLUMN:
            return self._outcome_data(row, role)
        n = column - FIRST_VALUE_COLUMN
        return self._value_data(row, self._columns[n], self._fields[n], role)

    def _outcome_data(self, row: RevertRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return outcome_label(row.outcome)
        if role == Qt.ItemDataRole.BackgroundRole:
            return outcome_brush(row.outcome)
        if role == Qt.ItemDataRole.ForegroundRole:
            return fill_text_brush()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{i.field} - {issue_text(i.level, i.message)}" if i.field
                             else issue_text(i.level, i.message) for i in row.issues) or None
        return None

    def _value_data(self, row: RevertRow, column: str, field: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return value_text(row, column, self._text, self._referred.get(column))
        issues = [i for i in row.issues if i.field == field]
        if not issues:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(issue_text(i.level, i.message) for i in issues)
        if role == Qt.ItemDataRole.BackgroundRole:
            return fill_brush(Fill.ERROR)  # every issue of a revert is a conflict
        if role == Qt.ItemDataRole.ForegroundRole:
            return fill_text_brush()
        return None

    # --- sorting ---------------------------------------------------------------------------

    def _sortable(self) -> bool:
        return self._table is not None

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Reorder the positions by one column's keys, from the run's order."""
        assert self._table is not None
        key = self._sort_key(column)
        self._positions = array("i", sorted(range(len(self._table.rows)), key=key,
                                            reverse=order == Qt.SortOrder.DescendingOrder))

    def _positions_to_sort(self) -> array[int]:
        return counting(len(self._positions))  # the run's order, as a sort here starts from

    def _make_keys(self, column: int) -> list[Any]:
        assert self._table is not None
        return self._keys_of(column, self._table.rows, self._shown_values)

    def _key_parts(self, column: int) -> Iterator[list[Any]] | ordering.Coded:
        assert self._table is not None
        rows = self._table.rows
        coder = self._coder(column)
        fold: Callable[[str], Any] = str.casefold if coder is None else coder.__getitem__

        def parts() -> Iterator[list[Any]]:
            for start in range(0, len(rows), KEYS_AT_A_TIME):
                part = rows[start:start + KEYS_AT_A_TIME]
                yield self._keys_of(column, part, lambda part=part: shown_values(part), fold)

        return parts() if coder is None else ordering.Coded(parts(), coder)

    def _coder(self, column: int) -> ordering.Coder | None:
        """A coder of a value column's texts when its records repeat their values (those
        referring to one record, most often), else None."""
        assert self._table is not None
        if column < FIRST_VALUE_COLUMN:
            return None
        get = methodcaller("get", self._columns[column - FIRST_VALUE_COLUMN])
        try:
            repeated = ordering.repeats(self._table.rows, lambda row: get(_shown_of(row)))
        except TypeError:  # a value no set can hold
            return None
        return ordering.Coder(str.casefold) if repeated else None

    def _shown_values(self) -> _Shown:
        """What the shown table's records show, made once per table."""
        assert self._table is not None
        if self._shown is None:
            self._shown = shown_values(self._table.rows)
        return self._shown

    def _keys_of(self, column: int, rows: list[RevertRow], shown: Callable[[], _Shown],
                 fold: Callable[[str], Any] = str.casefold) -> list[Any]:
        """The key of each of ``rows`` for one column (``shown``: what they show; a value
        column's texts folded by ``fold``)."""
        if column == RECORD_COLUMN:
            return list(map(attrgetter("record_id"), rows))
        if column == OUTCOME_COLUMN:
            return list(map(OUTCOME_RANK.__getitem__, map(attrgetter("outcome"), rows)))
        name = self._columns[column - FIRST_VALUE_COLUMN]
        referred = self._referred.get(name)
        try:
            return column_keys(shown(), name, referred, fold)
        except TypeError:  # a value no dict can hold: its text made record by record
            return [fold(value_text(row, name, referred=referred)) for row in rows]
