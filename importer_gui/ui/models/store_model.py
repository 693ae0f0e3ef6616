"""Lazy tables over the store for the browser: records page by page, and the run history."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from importer_gui.core import schema
from importer_gui.core.errors import ImporterError
from importer_gui.core.issues import Outcome
from importer_gui.core.revert import SKIPPED, revert_counts
from importer_gui.core.schema import Table
from importer_gui.core.store import ISO_FORMS, DateForms, Order
from importer_gui.core.store.runs import REVERT_KIND, mark_reverts
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.labels import (
    column_title,
    field_title,
    reference_title,
    referred_text,
)
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import joined
from importer_gui.ui.tasks import TaskRunner

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
# Files listed in a tooltip: beyond these, counted on one line, as a tooltip taller
# than the screen hides its end (and runs from a folder of 30 files are common).
TIP_FILES = 10


class RecordSource(Protocol):
    """What the model needs of a store."""

    def count(self, table: Table, search: str) -> int: ...

    def page(self, table: Table, search: str, offset: int, limit: int) -> list[Any]: ...

    def ids(self, table: Table, search: str, *, order: Order | None,
            dates: DateForms) -> list[int]: ...

    def by_ids(self, table: Table, ids: list[int]) -> list[Any]: ...


def _four_digit_year(qt_format: str) -> str:
    """A Qt date format with ``yyyy`` where it had ``yy``, as LocaleText writes dates."""
    return qt_format if "yyyy" in qt_format else qt_format.replace("yy", "yyyy")


def date_forms(text: LocaleText) -> DateForms:
    """How ``text`` writes dates, for the store's search to read them as shown."""
    if text.iso:
        return ISO_FORMS
    short = QLocale.FormatType.ShortFormat
    return DateForms(date=_four_digit_year(text.locale.dateFormat(short)),
                     datetime=_four_digit_year(text.locale.dateTimeFormat(short)),
                     am=text.locale.amText(), pm=text.locale.pmText())


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


class RunCounts(QObject):
    """The words of a run's counts, the count first and the word agreeing with it ("188
    unchanged", « 188 inchangés »); a revert's in its own words, as the revert dialog says
    them (a class of its own: nobody subclasses it, so its plurals are found)."""

    def said(self, kind: str, counts: dict[str, int], text: LocaleText,
             unregistering: bool = False) -> str:
        """"3 created, 1 updated": each count a run had (none of those at zero), its
        deletions "2 unregistered" when ``unregistering`` (RunSummary.unregisters); a
        revert's "2 deleted, 1 restored", its errors the conflicts it skipped."""
        if kind == REVERT_KIND:
            return ", ".join(self._revert_words(name, n, text.number(n))
                             for name, n in revert_counts(counts))
        return ", ".join(self._words(name, n, text.number(n), unregistering)
                         for name, n in counts.items() if n)

    def revert_count(self, name: str, n: int, text: LocaleText) -> str:
        """One count of a revert, at zero too ("0 restored"), as the revert dialog says it."""
        return self._revert_words(name, n, text.number(n))

    def _words(self, name: str, n: int, number: str, unregistering: bool = False) -> str:
        """One count of an import or a refresh."""
        if name == Outcome.DELETE.value and unregistering:
            return arg(self.tr("%1 unregistered", "", n), number)
        if name == Outcome.CREATE.value:
            return arg(self.tr("%1 created", "", n), number)
        if name == Outcome.UPDATE.value:
            return arg(self.tr("%1 updated", "", n), number)
        if name == Outcome.UNCHANGED.value:
            return arg(self.tr("%1 unchanged", "", n), number)
        if name == Outcome.DELETE.value:
            return arg(self.tr("%1 deleted", "", n), number)
        if name == Outcome.ERROR.value:
            return arg(self.tr("%1 error(s)", "", n), number)
        return f"{name} {number}"  # a count a later version records

    def _revert_words(self, name: str, n: int, number: str) -> str:
        """One count of a revert: what it deleted, restored, recreated and skipped."""
        if name == Outcome.UPDATE.value:
            return arg(self.tr("%1 restored", "", n), number)
        if name == Outcome.CREATE.value:
            return arg(self.tr("%1 recreated", "", n), number)
        if name == SKIPPED:
            return arg(self.tr("%1 skipped", "", n), number)
        return self._words(name, n, number)


def label_of(table: Table, record: Any, record_id: int) -> str:
    """A record referred to, by its name (its id when it has none, or is gone)."""
    name = getattr(record, schema.table_def(table).label, None) if record is not None else None
    return referred_text(name, record_id)


def _in_order(records: list[Any], ids: list[int]) -> list[Any]:
    """The records of ``ids``, in their order (those missing left out)."""
    found = {record.id: record for record in records}
    return [found[i] for i in ids if i in found]


@dataclass
class _Rows:
    """What a read of a table found: its first records and the names they refer to."""

    ids: list[int] | None  # a search's or sort's ids, in order (None: the store's order)
    total: int
    records: list[Any]
    labels: dict[tuple[Table, int], str]


def _labels_of(store: RecordSource,
               referred: list[tuple[Table, int]]) -> dict[tuple[Table, int], str]:
    """The names of records referred to, read a table at a time."""
    labels: dict[tuple[Table, int], str] = {}
    for table in {table for table, _ in referred}:
        wanted = [record_id for other, record_id in referred if other is table]
        found = {record.id: record for record in store.by_ids(table, wanted)}
        labels.update(((table, i), label_of(table, found.get(i), i)) for i in wanted)
    return labels


class StoreModel(QAbstractTableModel):
    """One store table, filtered by a search text and sorted by a column, fetched a page at
    a time as the view scrolls.

    Every read is made in the background when the model has a runner (never on the
    window's thread: a distant server answers each statement in a round trip). Records in
    the store's order and unfiltered are counted and paged by id, quick at any depth. A
    search or a sort asks the store for the matching ids in their order (on 100,000 records
    it takes a good part of a second); pages are then read by their ids. Each page comes
    with the names of the records it refers to.
    """

    loading = Signal()  # what the model shows is being read in the background
    loaded = Signal()  # what the model shows is read (``total``, ``error``)
    # The rows shown are about to be replaced by the same rows read again (``reread``), and
    # were: the view's place is to be kept, by record id.
    rereading = Signal()
    reread = Signal()

    def __init__(self, store: RecordSource, table: Table, parent: QObject | None = None, *,
                 runner: TaskRunner | None = None, read_now: bool = True) -> None:
        super().__init__(parent)
        self._store = store
        self._table = Table(table)
        self._columns = ["id", *schema.column_names(self._table)]
        self._references = schema.references(self._table)
        self._quantities = quantities(self._table)
        self._text = LocaleText()  # dates and amounts as the user's locale writes them
        self._dates = date_forms(self._text)
        self._runner = runner or TaskRunner(self, synchronous=True)
        self._labels: dict[tuple[Table, int], str] = {}
        self._search = ""
        self._order: Order | None = None
        self._ids: list[int] | None = None  # a search's or sort's ids, in order
        self._asked = 0  # the latest read asked for: an older one's answer is dropped
        self._records: list[Any] = []
        self._total = 0
        self.error: str | None = None  # the last failure to read, for the view to show
        if read_now:  # else once shown (``read_once``): a hidden tab need not be read
            self.refresh()

    @property
    def table(self) -> Table:
        """The store table shown."""
        return self._table

    @property
    def columns(self) -> list[str]:
        """The store's names of the columns shown, in order."""
        return list(self._columns)

    @property
    def total(self) -> int:
        """Records matching the search, loaded or not."""
        return self._total

    @property
    def busy(self) -> bool:
        """True while records are read in the background."""
        return self._runner.busy

    @property
    def runner(self) -> TaskRunner:
        """What reads the records in the background (to stop it, and wait for it)."""
        return self._runner

    @property
    def unread(self) -> bool:
        """True until the first read is asked for."""
        return self._asked == 0

    def read_once(self) -> None:
        """Read the first page now, unless a read was asked for already."""
        if self.unread:
            self.refresh()

    @property
    def searched_or_sorted(self) -> bool:
        """True when a search or a sort picks the records shown."""
        return bool(self._search) or self._order is not None

    def searched(self) -> list[str]:
        """The titles of the columns a search reads, as the header says them."""
        kinds = (schema.Type.DATE, schema.Type.DATETIME)
        names = set(schema.table_def(self._table).searched) | set(self._references) | {
            c.name for c in schema.columns(self._table) if c.type in kinds}
        return [str(self.headerData(n, Qt.Orientation.Horizontal))
                for n, column in enumerate(self._columns) if column in names]

    def set_search(self, text: str) -> None:
        """Show only records matching ``text`` (as shown: names of the records referred to,
        dates as the locale writes them)."""
        self._search = text.strip()
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column, in the store: a reference by the name shown, dates by date."""
        if not 0 <= column < len(self._columns):
            return
        wanted = Order(self._columns[column], order == Qt.SortOrder.DescendingOrder)
        natural = wanted == Order("id")
        if (self._order or Order("id")) == wanted:
            return
        self._order = None if natural else wanted
        if not self.unread:  # else the first read is in this order (a tab not shown yet)
            self.refresh()

    @property
    def order(self) -> Order | None:
        """The sort asked for; None for the store's order (by id)."""
        return self._order

    def set_store(self, store: RecordSource) -> None:
        """Read another store from now on (``refresh`` reads it)."""
        self._runner.cancel()  # what is being read is of the other one
        self._store = store

    def refresh(self) -> None:
        """Read again, in the background, what the model shows: its count and its first page,
        shown together once read (``loaded``)."""
        self._asked += 1
        asked, search, order, dates = self._asked, self._search, self._order, self._dates
        store = self._store
        self.loading.emit()
        self._runner.run(
            lambda _monitor: self._read_rows(store, search, order, dates, PAGE_SIZE),
            lambda rows: self._show(asked, rows),
            lambda error: self._failed(asked, error))

    def _show(self, asked: int, rows: _Rows) -> None:
        """Show the first records read, of ``rows.total``."""
        if asked != self._asked:
            return
        self.beginResetModel()
        self._take(rows)
        self.endResetModel()
        self.loaded.emit()

    def _take(self, rows: _Rows) -> None:
        """Hold the records read, in place of those held."""
        self._ids, self._total, self._records = rows.ids, rows.total, rows.records
        self._labels = rows.labels
        self.error = None

    def reread_shown(self) -> None:
        """Read again, in the background, the records shown (as many as are loaded), their
        count and the names of the records they refer to: the rows are replaced in one go
        once read (``rereading``, ``reread``), never leaving the view empty meanwhile; nothing
        while unread (its first read reads what is there then)."""
        if self.unread:
            return
        self._asked += 1
        asked, search, order, dates = self._asked, self._search, self._order, self._dates
        wanted = max(len(self._records), PAGE_SIZE)
        store, before = self._store, self._total
        self._runner.run(
            lambda _monitor: self._read_rows(store, search, order, dates, wanted, before),
            lambda rows: self._show_again(asked, rows),
            lambda error: self._failed(asked, error))

    def _read_rows(self, store: RecordSource, search: str, order: Order | None,
                   dates: DateForms, wanted: int, before: int | None = None) -> _Rows:
        """On a worker: the ids (None: the store's order), the total, the first ``wanted``
        records and, given the total ``before``, as many more as were added since (those
        shown stay loaded, though new ones came above them); and the names of the records
        they refer to."""
        table = self._table
        if not search and order is None:
            ids, total = None, store.count(table, "")
            wanted += max(0, total - before) if before is not None else 0
            records = store.page(table, "", 0, min(wanted, total)) if total else []
        else:
            ids = store.ids(table, search, order=order, dates=dates)
            total = len(ids)
            shown = ids[:wanted + (max(0, total - before) if before is not None else 0)]
            records = _in_order(store.by_ids(table, shown), shown)
        return _Rows(ids, total, records, _labels_of(store, self._referred(records, {})))

    def _show_again(self, asked: int, rows: _Rows) -> None:
        """Show the records read again in place of those shown."""
        if asked != self._asked:
            return
        self.rereading.emit()
        self.beginResetModel()
        self._take(rows)
        self.endResetModel()
        self.reread.emit()

    def rows_by_id(self) -> dict[int, int]:
        """The row of each loaded record, by its id."""
        return {record.id: row for row, record in enumerate(self._records)}

    def _failed(self, asked: int, error: ImporterError) -> None:
        if asked != self._asked:
            return
        self.error = error.message
        self.beginResetModel()
        self._ids, self._records, self._total = [], [], 0
        self.endResetModel()
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        # Not while a read is under way: a page asked for would replace it (the view asks
        # again once its rows come).
        return not parent.isValid() and not self._runner.busy \
            and len(self._records) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Read the next page in the background; its rows are added once read."""
        if not self.canFetchMore(parent):
            return
        asked, start = self._asked, len(self._records)
        store, ids, known = self._store, self._ids, set(self._labels)
        limit = min(PAGE_SIZE, self._total - start)
        self._runner.run(
            lambda _monitor: self._read_page(store, ids, start, limit, known),
            lambda page: self._add(asked, start, *page),
            lambda error: self._page_failed(asked, start, error))

    def _read_page(self, store: RecordSource, ids: list[int] | None, start: int, limit: int,
                   known: set[tuple[Table, int]]) -> tuple[list[Any], dict[Any, str]]:
        """On a worker: the next records, by id from the store or those of the next ids in
        their order (those deleted since the ids were read left out), and the names of the
        records they refer to not ``known`` yet."""
        if ids is None:
            page = store.page(self._table, "", start, limit)
        else:
            wanted = ids[start:start + limit]
            page = _in_order(store.by_ids(self._table, wanted), wanted)
        return page, _labels_of(store, self._referred(page, known))

    def _add(self, asked: int, start: int, page: list[Any],
             labels: dict[tuple[Table, int], str]) -> None:
        """Show a page read below the rows shown (unless read again since)."""
        if asked != self._asked or start != len(self._records):
            return
        if not page:
            self._total = start  # the store has fewer than it counted: stop asking
            return
        self._labels.update(labels)
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._records.extend(page)
        self.endInsertRows()

    def _page_failed(self, asked: int, start: int, error: ImporterError) -> None:
        """Say why the next page could not be read; no more is asked for until read again."""
        if asked != self._asked:
            return
        self.error, self._total = error.message, start
        self.loaded.emit()

    def _referred(self, records: list[Any],
                  known: Container[tuple[Table, int]]) -> list[tuple[Table, int]]:
        """The records ``records`` refer to whose names are not ``known``: read together, a
        query a table, rather than one a cell as the view paints them."""
        wanted = {(table, record_id) for record in records
                  for column, table in self._references.items()
                  if (record_id := getattr(record, column, None)) is not None}
        return sorted(key for key in wanted if key not in known)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The tooltip says the title whole: a narrow column elides it.
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation is Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
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
        """A referenced record by its name (its id when it has none), read with its page:
        never read here, on the window's thread."""
        label = self._labels.get((table, record_id))
        return label_of(table, None, record_id) if label is None else label

    def record(self, row: int) -> Any:
        """The record shown on a row."""
        return self._records[row]


class FilesTip(QObject):
    """The words of a tooltip listing files (a class of its own: nobody subclasses it, so
    its plural is found)."""

    def text(self, files: Sequence[str]) -> str:
        """The files a line each; past TIP_FILES, the first ones and how many more (one
        more is listed rather than counted)."""
        return _listed(files, lambda more: self.tr("… and %Ln more", "", more))

    def run_text(self, files: Sequence[str]) -> str:
        """A run's files as ``text`` lists them, the count of the rest saying where the
        History lists them all."""
        return _listed(files, lambda more: self.tr(
            "… and %Ln more: select the run to see them all below", "", more))


def _listed(files: Sequence[str], rest: Callable[[int], str]) -> str:
    """The files a line each, past TIP_FILES + 1 the first ones and ``rest`` of the others."""
    if len(files) <= TIP_FILES + 1:
        return "\n".join(files)
    return "\n".join([*files[:TIP_FILES], rest(len(files) - TIP_FILES)])


def files_tip(files: Sequence[str]) -> str:
    """A tooltip listing ``files`` chosen to refresh from."""
    return FilesTip().text(files)


def run_files(run: Any) -> list[str]:
    """The files a run read, as their full paths; a revert read none (the store keeps the
    reverted run's with it)."""
    if run.kind == REVERT_KIND:
        return []
    return [str(p) for p in run.files or () if p]


class HistoryModel(QAbstractTableModel):
    """The import runs, newest first (the store's order)."""

    # What tells runs apart comes first; long paths last, as names (full paths in tooltips).
    COLUMNS = ("id", "started", "kind", "counts", "reverts", "by", "config", "files")

    def __init__(self, runs: list[Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runs: list[Any] = list(runs or [])
        self._locale_text = LocaleText()
        self._counts = RunCounts(self)

    def set_runs(self, runs: list[Any]) -> None:
        """Show these runs."""
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def add_newer(self, runs: list[Any]) -> None:
        """Show runs made since (newest first) above those shown, and mark again which runs
        are reverted: the reverts among the new runs may have reverted older ones."""
        if not runs:
            return
        self.beginInsertRows(QModelIndex(), 0, len(runs) - 1)
        self._runs[:0] = runs
        self.endInsertRows()
        mark_reverts(self._runs)
        column = self.COLUMNS.index("reverts")
        self.dataChanged.emit(self.index(0, column), self.index(len(self._runs) - 1, column))

    def newest(self) -> int:
        """The id of the newest run shown (0: none)."""
        return self._runs[0].id if self._runs else 0

    def rows_by_id(self) -> dict[int, int]:
        """The row of each run shown, by its id."""
        return {run.id: row for row, run in enumerate(self._runs)}

    def run(self, row: int) -> Any:
        """The run shown on a row."""
        return self._runs[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                or orientation is Qt.Orientation.Vertical:
            return None  # the tooltip says the title whole: a narrow column elides it
        titles = (self.tr("Run"), self.tr("Started"), self.tr("Kind"), self.tr("Outcomes"),
                  self.tr("Reverted by / reverts"), self.tr("By"), self.tr("Configuration"),
                  self.tr("Files"))
        return titles[section] if section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._runs):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        run = self._runs[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column == "config":
            return str(run.config) if run.config and run.kind != REVERT_KIND else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "files":
            return FilesTip().run_text(run_files(run))
        return self._text(run, column)

    def _text(self, run: Any, column: str) -> str:
        """One column of a run as text."""
        if column == "config" and run.kind == REVERT_KIND:
            return ""  # a revert read no configuration: its "reverts" cell says what it undid
        if column == "config":
            return Path(run.config).name if run.config else self.tr("(not saved)")
        if column == "files":
            return ", ".join(Path(f).name for f in run_files(run))
        if column == "counts":
            return self._counts.said(run.kind, run.counts or {}, self._locale_text,
                                     getattr(run, "unregisters", False))
        if column == "reverts":
            parts = []
            if getattr(run, "reverts_run", None):
                parts.append(arg(self.tr("reverts run %1"), run.reverts_run))
            if getattr(run, "reverted_by", None):
                parts.append(arg(self.tr("reverted by run %1"), run.reverted_by))
            partly = [str(revert) for revert in getattr(run, "partly_reverted_by", ())]
            if len(partly) == 1:
                parts.append(arg(self.tr("partly reverted by run %1, the rest can be reverted"),
                                 partly[0]))
            elif partly:
                parts.append(arg(self.tr("partly reverted by runs %1, the rest can be "
                                         "reverted"), joined(partly)))
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
            return arg(self.tr("%1 on %2"), user, machine)  # who, from which machine
        return user or (arg(self.tr("on %1"), machine) if machine else "")


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
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                or orientation is Qt.Orientation.Vertical:
            return None  # the tooltip says the title whole: a narrow column elides it
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
