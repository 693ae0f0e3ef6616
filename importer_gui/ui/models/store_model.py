"""Lazy tables over the store for the browser: records page by page, and the run history."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from importer_gui.core import schema
from importer_gui.core.errors import ImporterError
from importer_gui.core.issues import Outcome
from importer_gui.core.revert import SKIPPED, counts_said
from importer_gui.core.schema import Table
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.labels import column_title, field_title, reference_title
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.models.preview_model import outcome_label

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200


class RecordSource(Protocol):
    """What the model needs of a store."""

    def count(self, table: Table, search: str) -> int: ...

    def page(self, table: Table, search: str, offset: int, limit: int) -> list[Any]: ...

    def get(self, table: Table, record_id: int) -> Any: ...


def quantities(table: Table) -> frozenset[str]:
    """The columns holding amounts (a duration, a capacity), written as numbers are."""
    return frozenset(c.name for c in schema.columns(table)
                     if c.type is schema.Type.INTEGER and c.references is None)


def shown(value: Any, text: LocaleText, *, quantity: bool = False) -> str:
    """A stored value for people: a number with a fraction as the locale writes it, custom
    fields as "GUID: value" pairs, anything else as ``LocaleText.stored`` writes it."""
    if isinstance(value, float):
        return f"{value:g}" if text.iso else text.locale.toString(value, "g", 12)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {shown(item, text)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(shown(item, text) for item in value)
    return text.stored(value, quantity=quantity)


def run_kind(kind: str) -> str:
    """A run's kind for people."""
    kinds = {"import": translate("StoreModel", "import"),
             "refresh": translate("StoreModel", "refresh"),
             "revert": translate("StoreModel", "revert")}
    return kinds.get(kind, kind)


def counts_text(counts: dict[str, int], text: LocaleText, kind: str = "import") -> str:
    """"create 3, update 1": each outcome a run had, by its name for people; a revert's
    errors are the conflicts it skipped, and named so, as the revert dialog says."""
    names = {o.value: outcome_label(o) for o in Outcome}
    names[SKIPPED] = translate("StoreModel", "skipped")
    return ", ".join(f"{names.get(k, k)} {text.number(v)}"
                     for k, v in counts_said(kind, counts).items() if v)


class StoreModel(QAbstractTableModel):
    """One store table, filtered by a search text, fetched a page at a time as the view scrolls."""

    def __init__(self, store: RecordSource, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._table = Table(table)
        self._columns = ["id", *schema.column_names(self._table)]
        self._references = schema.references(self._table)
        self._quantities = quantities(self._table)
        self._text = LocaleText()  # dates and amounts as the user's locale writes them
        self._labels: dict[tuple[Table, int], str] = {}
        self._search = ""
        self._records: list[Any] = []
        self._total = 0
        self.error: str | None = None  # the last failure to read, for the view to show
        self.refresh()

    @property
    def table(self) -> Table:
        """The store table shown."""
        return self._table

    @property
    def total(self) -> int:
        """Records matching the search, loaded or not."""
        return self._total

    def set_search(self, text: str) -> None:
        """Show only records matching ``text``."""
        self._search = text.strip()
        self.refresh()

    def refresh(self) -> None:
        """Count again and drop what was loaded; the view fetches the first page."""
        self.beginResetModel()
        self._records = []
        self._labels.clear()
        self._total = self._read(lambda: self._store.count(self._table, self._search), 0)
        self.endResetModel()

    def _read(self, call: Any, fallback: Any) -> Any:
        """Call the store; a failure is kept as a message, never raised into Qt."""
        try:
            result = call()
        except ImporterError as exc:
            self.error = exc.message
            return fallback
        self.error = None
        return result

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and len(self._records) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        start = len(self._records)
        limit = min(PAGE_SIZE, self._total - start)
        page = self._read(
            lambda: self._store.page(self._table, self._search, start, limit), [])
        if not page:
            self._total = start  # the store has fewer than it counted: stop asking
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._records.extend(page)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation is Qt.Orientation.Vertical:
            return section + 1
        if section >= len(self._columns):
            return None
        column = self._columns[section]
        if column in self._references:  # shown by name, not id: "Training course"
            return reference_title(self._references[column], column, self._table)
        return column_title(self._table, column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self._columns[index.column()]
            value = getattr(self._records[index.row()], column, None)
            if value is not None and column in self._references:
                return self._label(self._references[column], value)
            return shown(value, self._text, quantity=column in self._quantities)
        return None

    def _label(self, table: Table, record_id: int) -> str:
        """A referenced record by its name (its id when it has none), read once per refresh."""
        key = (table, record_id)
        label = self._labels.get(key)
        if label is None:
            record = self._read(lambda: self._store.get(table, record_id), None)
            label_column = schema.table_def(table).label
            name = getattr(record, label_column, None) if record is not None else None
            label = self._labels[key] = str(name) if name else f"#{record_id}"
        return label

    def record(self, row: int) -> Any:
        """The record shown on a row."""
        return self._records[row]


class HistoryModel(QAbstractTableModel):
    """The import runs, newest first (the store's order)."""

    # What tells runs apart comes first; long paths last, as names (full paths in tooltips).
    COLUMNS = ("id", "started", "kind", "counts", "reverts", "by", "config", "files")

    def __init__(self, runs: list[Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[Any] = list(runs or [])
        self._locale_text = LocaleText()

    def set_runs(self, runs: list[Any]) -> None:
        """Show these runs."""
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def run(self, row: int) -> Any:
        """The run shown on a row."""
        return self._runs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation is Qt.Orientation.Vertical:
            return None
        titles = (self.tr("Run"), self.tr("Started"), self.tr("Kind"), self.tr("Outcomes"),
                  self.tr("Reverts"), self.tr("By"), self.tr("Configuration"), self.tr("Files"))
        return titles[section] if section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._runs):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        run = self._runs[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("config", "files"):
            return "\n".join(str(p) for p in ([run.config] if column == "config" else run.files)
                             if p)
        return self._text(run, column)

    def _text(self, run: Any, column: str) -> str:
        """One column of a run as text."""
        if column == "config":
            return Path(run.config).name if run.config else self.tr("(not saved)")
        if column == "files":
            return ", ".join(Path(f).name for f in (run.files or []))
        if column == "counts":
            return counts_text(run.counts or {}, self._locale_text,
                               run.kind)
        if column == "reverts":
            parts = []
            if getattr(run, "reverts_run", None):
                parts.append(arg(self.tr("reverts run %1"), run.reverts_run))
            if getattr(run, "reverted_by", None):
                parts.append(arg(self.tr("reverted by run %1"), run.reverted_by))
            partly = getattr(run, "partly_reverted_by", ())
            if partly:
                parts.append(arg(self.tr("partly reverted by run %1, the rest can be reverted"),
                                 ", ".join(map(str, partly))))
            return "; ".join(parts)
        if column == "kind":
            return run_kind(run.kind)
        if column == "by":
            return self._committed_by(run)
        return self._locale_text.stored(getattr(run, column, None))

    def _committed_by(self, run: Any) -> str:
        """"jdoe on pc-12" as ``history`` says it; nothing for a run that did not record it."""
        user, machine = getattr(run, "user_name", None), getattr(run, "machine", None)
        if user and machine:
            return arg(self.tr("%1 on %2", "who committed a run, from which machine"),
                       user, machine)
        return user or (arg(self.tr("on %1", "the machine a run was committed from"), machine)
                        if machine else "")


class CorrectionsModel(QAbstractTableModel):
    """The cells corrected in the preview before a run was committed, as the run recorded
    them (``history RUN`` lists the same)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._corrections: list[Any] = []
        self._italic = QFont()
        self._italic.setItalic(True)

    def set_corrections(self, corrections: list[Any]) -> None:
        """Show these recorded corrections."""
        self.beginResetModel()
        self._corrections = list(corrections)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._corrections)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation is Qt.Orientation.Vertical:
            return None
        titles = (self.tr("File and line"), self.tr("Column"), self.tr("Field"),
                  self.tr("Before"), self.tr("After"))
        return titles[section] if section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._corrections):
            return None
        c = self._corrections[index.row()]
        if role == Qt.ItemDataRole.FontRole:  # "(empty)" is said, not a value the cell had
            empty = index.column() >= 3 and not (c.before if index.column() == 3 else c.after)
            return self._italic if empty else None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return c.file  # the full path; the cell has its name
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._text(c, index.column())

    def _text(self, c: Any, column: int) -> str:
        """One column of a correction as text."""
        if column == 0:
            return f"{Path(c.file).name}:{c.line}"
        if column == 1:
            return c.header or arg(self.tr("column %1"), c.column)
        if column == 2:
            return field_title(c.field) if c.field else ""
        value = c.before if column == 3 else c.after
        return value or self.tr("(empty)")
