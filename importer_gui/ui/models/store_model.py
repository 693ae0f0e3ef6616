"""Lazy tables over the store for the browser: records page by page, and the run history."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from importer_gui.core import schema
from importer_gui.core.errors import ImporterError
from importer_gui.core.schema import Table
from importer_gui.ui import i18n

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200


def tr(text: str, *args: object) -> str:
    """Translate a string of this module, ``%1``… filled with ``args``."""
    return i18n.tr("StoreModel", text, *args)


class RecordSource(Protocol):
    """What the model needs of a store."""

    def count(self, table: Table, search: str) -> int: ...

    def page(self, table: Table, search: str, offset: int, limit: int) -> list[Any]: ...

    def get(self, table: Table, record_id: int) -> Any: ...


def column_title(name: str) -> str:
    """A record column's name for people: ``start_date`` -> ``Start date``."""
    return name.replace("_", " ").capitalize()


def display(value: Any) -> str:
    """A stored value as text: dates in ISO 8601, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value  # the user's clock, not UTC
        return local.replace(tzinfo=None).isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class StoreModel(QAbstractTableModel):
    """One store table, filtered by a search text, fetched a page at a time as the view scrolls."""

    def __init__(self, store: RecordSource, table: Table, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._table = Table(table)
        self._columns = ["id", *schema.column_names(self._table)]
        self._references = schema.references(self._table)
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
        if column in self._references:  # shown by name, not id: "Training", not "Training id"
            column = column.removesuffix("_id")
        return tr(column_title(column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = self._columns[index.column()]
            value = getattr(self._records[index.row()], column, None)
            if value is not None and column in self._references:
                return self._label(self._references[column], value)
            return display(value)
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
    COLUMNS = ("id", "started", "kind", "counts", "reverts", "config", "files")

    def __init__(self, runs: list[Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[Any] = list(runs or [])

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
        titles = (tr("Run"), tr("Started"), tr("Kind"), tr("Outcomes"), tr("Reverts"),
                  tr("Configuration"), tr("Files"))
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
            return Path(run.config).name if run.config else tr("(not saved)")
        if column == "files":
            return ", ".join(Path(f).name for f in (run.files or []))
        if column == "counts":
            counts = run.counts or {}
            return ", ".join(f"{k} {v}" for k, v in counts.items() if v)
        if column == "reverts":
            parts = []
            if getattr(run, "reverts_run", None):
                parts.append(tr("reverts run %1", run.reverts_run))
            if getattr(run, "reverted_by", None):
                parts.append(tr("reverted by run %1", run.reverted_by))
            return "; ".join(parts)
        return display(getattr(run, column, None))
