"""The store browser: what the store holds, table by table, and the history of runs (with
the cells corrected in the preview before each)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.corrections import run_corrections
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.schema import Table
from importer_gui.core.session import Session, opened_store
from importer_gui.core.store import REPLACED, Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import store_name
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.models.store_model import (
    CorrectionsModel,
    HistoryModel,
    StoreModel,
    run_files,
)
from importer_gui.ui.settings import Settings
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.tasks import TaskRunner, opening_pool
from importer_gui.ui.widgets.rows import message_line
from importer_gui.ui.widgets.spoken import SpokenLine
from importer_gui.ui.widgets.table_copy import add_copy
from importer_gui.ui.widgets.table_sizing import (
    FitWhenShown,
    ResizedByHand,
    fit_columns,
    fit_to_room,
    size_columns_from_first_rows,
)
from importer_gui.ui.widgets.view_place import ViewPlace, place_of, restore_place

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the store
DEFAULT_SIZE = (1100, 700)
BROWSER_SETTINGS = "storeBrowser"  # where its size and last tab are remembered
HISTORY_TAB = "history"  # the last tab's name when it was the history
_FILE_ROWS = 4  # rows of the selected run's files shown at once; more scroll
# Opens the browser from the window (Tools ▸ Store browser…); in the browser, brings the
# window back: the one key goes between the two (Ctrl+Tab is the tabs', Alt+Tab the system's).
BROWSER_KEY = "Ctrl+B"


def _tries_again(text: str) -> str:
    """``text`` (why the store could not be opened or read), then that F5 tries again."""
    return arg(QCoreApplication.translate("StoreBrowser", "%1 Refresh (F5) tries again."),
               text)


def _table_view(parent: QWidget, name: str,
                view_class: type[QTableView] = QTableView) -> QTableView:
    """A read-only table view, rows selected whole (and copied so), one Tab stop."""
    view = view_class(parent)
    view.setObjectName(name)
    # Tab goes on to the next control, as in the refresh dialog: moving cell by cell it would
    # never leave the table, and Revert… and Close could not be reached from the keyboard.
    view.setTabKeyNavigation(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # A narrow column's title keeps its two ends, the field's title and its platform name
    # (the model's tooltip says it whole).
    view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    size_columns_from_first_rows(view)
    add_copy(view)
    return view


class RunsView(QTableView):
    """The runs of the history: given the keyboard with none selected, it selects the run it
    outlines (Qt outlines the first), so that Revert… and what is shown below are of the run
    the keyboard is on, and Home or the arrows move from it. Home and End go to the newest
    and the oldest run (in a table they go to the row's first and last cell: a run is
    selected whole, so nothing seemed to happen)."""

    def moveCursor(self, cursorAction: QAbstractItemView.CursorAction,  # noqa: N803 - Qt's
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        ends = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
        if cursorAction in ends:
            modifiers |= Qt.KeyboardModifier.ControlModifier
        return super().moveCursor(cursorAction, modifiers)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        current, selection = self.currentIndex(), self.selectionModel()
        # A click selects the run clicked itself (none, below the last one).
        if event.reason() != Qt.FocusReason.MouseFocusReason and current.isValid() \
                and not selection.hasSelection():
            flags = QItemSelectionModel.SelectionFlag
            selection.select(current, flags.ClearAndSelect | flags.Rows)


class RecordTab(QWidget):
    """One store table with a search box over it; a header click sorts it."""

    def __init__(self, store: Any, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Searches and sorts of a large table are read off the window's thread; its first
        # page once the tab is first shown (``StoreBrowser._read_shown``).
        self.model = StoreModel(store, table, self, runner=TaskRunner(self), read_now=False)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Search:"), self)
        self.search = QLineEdit(self)
        self.search.setObjectName(f"search_{table.value}")
        self.search.setPlaceholderText(
            self.tr("Part of a text, a linked record's name or a date, as shown"))
        self.search.setToolTip(arg(self.tr("Searches: %1"), ", ".join(self.model.searched())))
        self.search.setClearButtonEnabled(True)
        label.setBuddy(self.search)
        self.count_label = QLabel(self)
        row.addWidget(label)
        row.addWidget(self.search, 1)
        row.addWidget(self.count_label)
        layout.addLayout(row)
        # Why the records could not be read, on lines of its own: a server's reason is long,
        # and beside the search box it squeezed the box and ran past the window's edge.
        self.read_error = message_line(self, "readError", Look.ERROR)
        layout.addWidget(self.read_error)
        self.view = _table_view(self, f"view_{table.value}")
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # the store's order: by id
        self.view.setSortingEnabled(True)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self.apply_search)
        self.model.loading.connect(self._show_loading)
        self.model.loaded.connect(self._show_count)
        self._place = ViewPlace()
        self._fitting = False  # the columns are being fitted: no width is the user's
        self._by_hand: dict[str, int] = {}  # a column's name -> the width the user gave it
        self._remembered: dict[str, int] | None = None  # the last start's, till first fitted
        ResizedByHand(self.view, self._on_resized_by_hand)
        self._fitted = FitWhenShown(self.view, self._fit)
        self.model.rereading.connect(self._keep_place)
        self.model.reread.connect(self._restore_place)
        if self.model.busy:  # its first page is being read
            self._show_loading()
        elif not self.model.unread:
            self._show_count()

    def remember_widths(self, widths: dict[str, int]) -> None:
        """The widths the user gave the columns at the last start, by column name: theirs
        again once the table is first fitted, when they fit the view then."""
        self._remembered = dict(widths)

    def remember_sort(self, order: tuple[str, bool] | None) -> None:
        """Sorted as at the last start (a column by name, downwards or not), while the
        table has that column; the first read reads it so."""
        if order is None or order[0] not in self.model.columns:
            return
        self.view.horizontalHeader().setSortIndicator(
            self.model.columns.index(order[0]),
            Qt.SortOrder.DescendingOrder if order[1] else Qt.SortOrder.AscendingOrder)

    def sort_order(self) -> tuple[str, bool] | None:
        """The column sorted by and whether downwards; None in the store's order."""
        order = self.model.order
        return None if order is None else (order.column, order.descending)

    def widths_by_hand(self) -> dict[str, int]:
        """The widths the user gave the columns, by name (those of the last start while the
        table was never shown)."""
        return {**(self._remembered or {}), **self._by_hand}

    def _fit(self, view: QTableView) -> None:
        """Columns to their contents and the room (``fit_to_room``), those the user sized
        at their widths; the last start's, the first time, unless one would not show."""
        self._fitting = True
        try:
            fit_to_room(view)
            if self._remembered is not None:
                if self._shows(self._remembered):
                    self._by_hand = {**self._remembered, **self._by_hand}
                self._remembered = None
            header = view.horizontalHeader()
            for section, name in enumerate(self.model.columns[:-1]):  # the last stretches
                if name in self._by_hand:
                    header.resizeSection(section, self._by_hand[name])
        finally:
            self._fitting = False

    def _shows(self, widths: dict[str, int]) -> bool:
        """Whether each column given a width would show (none narrower than a header
        allows, none wider than the view, off its edge), its name still one of the table's."""
        least = self.view.horizontalHeader().minimumSectionSize()
        room = self.view.viewport().width()
        return all(name in self.model.columns[:-1] and least <= width <= room
                   for name, width in widths.items())

    def _on_resized_by_hand(self, section: int, new: int) -> None:
        """A column the user sized (dragged, or double-clicked on its header's edge) keeps
        that width through later reads, and the next start (not one fitted as the user's
        button is down: a search's rows arriving mid-drag)."""
        if not self._fitting:
            self._by_hand[self.model.columns[section]] = new

    def apply_search(self) -> None:
        """Show the records matching the search box (at once, or once read)."""
        self._timer.stop()
        self.model.set_search(self.search.text())

    def refresh(self) -> None:
        """Read the table again (after a commit), in the background: the records selected
        and the first one shown stay so, wherever they are now."""
        self.model.reread_shown()

    def _keep_place(self) -> None:
        self._place = place_of(self.view, lambda row: self.model.record(row).id)

    def _restore_place(self) -> None:
        restore_place(self.view, self._place, self.model.rows_by_id().get)
        self._say_count()

    def _show_loading(self) -> None:
        self.count_label.setText(self.tr("Searching…") if self.model.searched_or_sorted
                                 else self.tr("Reading…"))

    def _show_count(self) -> None:
        """The number of matches, read with the first page (the view asks for more)."""
        if self._say_count():
            self._fitted.fit()

    def _say_count(self) -> bool:
        """Say how many records match, or why none could be read; False then."""
        if self.model.error:
            self.count_label.clear()
            self.read_error.setText(_tries_again(message_text(self.model.error)))
            self.read_error.show()
            return False
        self.read_error.hide()
        self.count_label.setText(self.tr("%Ln record(s)", "", self.model.total))
        return True


@dataclass
class _Since:
    """What the history read in the background found."""

    read: Any  # the store read
    there: Store | None  # another store found in the browser's one's place, now read
    runs: list[Any] | None  # the runs made since those shown (None: read whole)
    whole: list[Any] = field(default_factory=list)  # every run, when read whole
    read_at: datetime = field(default_factory=datetime.now)  # on the user's clock


def _store_there(store: Any) -> Store | None:
    """Another store found where ``store`` is (copied over it, say), opened; None when it
    is the same one, or gone or unreadable (what reads it next says so)."""
    try:
        there = Store.reopen(store.path)
    except ImporterError:
        return None
    if there.identity == store.identity:
        there.close()
        return None
    return there


def _close_there(since: _Since) -> None:
    """A read replaced by a newer one: the store it found there and opened is closed (the
    newer read opens it again, if still there)."""
    if since.there is not None:
        since.there.close()


def _close_found(there: Store | None) -> None:
    """A look for the store there replaced by a newer one: the store it opened is closed."""
    if there is not None:
        there.close()


def _opened_unless_cancelled(location: StoreLocation, create: bool, monitor: Any) -> Store:
    """On a worker: the store at ``location``, opened; closed again when the browser
    was closed meanwhile (nobody would close it)."""
    store = opened_store(location, create, monitor=monitor)
    if monitor.cancelled():
        store.close()
        raise Cancelled()
    return store


def _read_since(store: Any, seen: int | None, *, follow: bool) -> _Since:
    """On a worker: what the history shows from now on, reading as little as it can (the
    runs after run ``seen``; all of them when None); another store there, when ``follow``,
    is read whole."""
    there = _store_there(store) if follow else None
    if there is not None:
        try:
            return _Since(there, there, None, there.history())
        except BaseException:  # not followed: the next refresh looks again
            there.close()
            raise
    runs = None if seen is None else store.newer_runs(seen)
    return _Since(store, None, runs, store.history() if runs is None else [])


class StoreBrowser(QDialog):
    """Teachers, training courses, sessions, interventions, rooms, entities, learners,
    learning objects, registrations, tracking, and the runs."""

    # A revert made from this browser changed the store: the newest run it made.
    store_changed = Signal(int)
    # Another store was found where the browser's was (copied over it): its identity.
    store_replaced = Signal(object)

    # The store it was to open is open (and shown): its identity.
    opened = Signal(object)

    def __init__(self, store: Any, parent: QWidget | None = None, *,
                 settings: Settings | None = None,
                 location: StoreLocation | None = None,
                 create: Callable[[], bool] | None = None) -> None:
        """Show ``store``; or, when None, the store at ``location``, opened in the
        background (made when ``create()`` says so, asked on this thread at each try)."""
        super().__init__(parent)
        self.store = store
        self.location: StoreLocation = store.path if store is not None else location
        self._create = create or (lambda: False)
        self._settings = settings or Settings()
        self._opened: list[Store] = []  # the stores it opened itself, closed with it
        self._open_runner = TaskRunner(self, pool=opening_pool())  # off this thread
        self._closed = False  # a store opened once closed is closed at once
        self._shown_once = False  # the keyboard is put on its first control once shown
        self.finished.connect(self._closing)
        self.finished.connect(self._close_opened)
        self.finished.connect(self._remember)
        # Named: a browser left open on the store the window has left since stays on it.
        self.setWindowTitle(arg(self.tr("Store browser — %1"), store_name(self.location)))
        layout = QVBoxLayout(self)
        # That the window works on another store now: a line of its own, so that what the
        # store notice says of the store shown (why it could not be read, say) stays said.
        self.left_notice = message_line(self, "leftNotice", Look.WARNING)
        layout.addWidget(self.left_notice)
        self.store_notice = message_line(self, "storeNotice", Look.ERROR)
        layout.addWidget(self.store_notice)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.record_tabs: dict[Table, RecordTab] = {}
        for table, title in self._tables():
            self.tabs.addTab(self._record_tab(table, title), title)
        # The learners' tables in one tab of their own: eleven tabs in a row would not fit.
        self.learner_tabs = QTabWidget(self)
        self.learner_tabs.setObjectName("learnerTabs")
        self.learner_tabs.setDocumentMode(True)
        for table, title in self._learner_tables():
            self.learner_tabs.addTab(self._record_tab(table, title), title)
        self.tabs.addTab(self.learner_tabs, self.tr("&Learners and tracking"))
        # A short title: the tabs fit a window 700 px wide; the tooltip says it whole.
        history = self.tabs.addTab(self._history_tab(), self.tr("&History"))
        self.tabs.setTabToolTip(history, self.tr(
            "History of the runs: imports, refreshes, reverts"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Where a user looking for the way back to the wizard looks: the key that keeps it open.
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(arg(self.tr(
            "Close the browser (Esc); %1 goes back to the window and leaves it open, and "
            "from the window brings it back"), QKeySequence(BROWSER_KEY).toString(
                QKeySequence.SequenceFormat.NativeText)))
        self._refresh_button(buttons)
        row = QHBoxLayout()
        # What the last reading found, beside Refresh: the rows that moved are explained.
        self.read_status = SpokenLine(self)
        self.read_status.setObjectName("readStatus")
        self.read_status.setWordWrap(True)
        row.addWidget(self.read_status, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self._focus_search)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.refresh)
        QShortcut(QKeySequence(BROWSER_KEY), self, activated=self.back_to_window)
        self._restore()
        # Each table is read once its tab is first shown, not the ten of them at once; the
        # first once the caller has picked the tab to show (the history, say: none is read).
        self.tabs.currentChanged.connect(self._read_shown)
        self.learner_tabs.currentChanged.connect(self._read_shown)
        if store is None:
            self._open()
        else:
            self._read_since(records=False)  # every run, off this thread: maybe thousands
            QTimer.singleShot(0, self, self._read_shown)

    def showEvent(self, event: QShowEvent) -> None:
        """First shown, the keyboard is on the first control to work with."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._focus_first()

    def _focus_first(self) -> None:
        """The keyboard on the first control to work with, as in the other dialogs (Qt puts
        it on the tab bar): the search box of the table shown, or the runs (the history has
        none); while the store is being opened, once it is."""
        current = self._shown_table()
        target = current.search if current is not None else self.history_view
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self) -> None:
        """Open the store in the background (a distant server may take its time to answer,
        or never answer): said meanwhile, and, when it cannot be, why."""
        self.tabs.setEnabled(False)
        self.show_notice(arg(self.tr("Opening the store %1…"), self.location), error=False)
        location, create = self.location, self._create()
        self._open_runner.run(lambda monitor: _opened_unless_cancelled(location, create,
                                                                       monitor),
                              self._show_opened, self._open_failed, on_dropped=_close_found)

    def _show_opened(self, store: Store) -> None:
        """Show the store opened: the tab shown is read, and the runs."""
        if self._closed:
            store.close()
            return
        self._opened.append(store)
        self.store = store
        for tab in self.record_tabs.values():
            tab.model.set_store(store)
        self.store_notice.hide()
        self.tabs.setEnabled(True)
        if self.focusWidget() in (None, self.findChild(QPushButton, "refreshStore")):
            self._focus_first()  # where Qt put it while the tabs could not take it
        self.opened.emit(store.identity)
        self._read_since(records=False)
        self._read_shown()

    def _open_failed(self, error: ImporterError) -> None:
        """Say why the store could not be opened, and that F5 tries again."""
        if isinstance(error, Cancelled):
            return
        self.show_notice(_tries_again(message_text(error.message)))

    def _restore(self) -> None:
        """Open at the size and on the tab it was closed with last."""
        self._settings.restore_geometry(BROWSER_SETTINGS, self, DEFAULT_SIZE,
                                        within_screen=True)
        shown = self._settings.last_tab(BROWSER_SETTINGS)
        if shown == HISTORY_TAB:
            self.show_history()
        elif shown in {table.value for table in self.record_tabs}:
            self.show_table(Table(shown))

    def _remember(self) -> None:
        """Keep the size, the tab shown, and the columns' widths and sort the user chose, for
        the next time it opens."""
        self._settings.save_geometry(BROWSER_SETTINGS, self.saveGeometry())
        self._settings.save_column_widths(BROWSER_SETTINGS, {
            table.value: tab.widths_by_hand() for table, tab in self.record_tabs.items()})
        self._settings.save_sort_orders(BROWSER_SETTINGS, {
            table.value: tab.sort_order() for table, tab in self.record_tabs.items()})
        current = self._shown_table()
        self._settings.save_last_tab(BROWSER_SETTINGS, current.model.table.value
                                     if current is not None else HISTORY_TAB)

    def _shown_table(self) -> RecordTab | None:
        """The record tab shown (one of the learners' when theirs is), None for the history."""
        current = self.tabs.currentWidget()
        if current is self.learner_tabs:
            current = self.learner_tabs.currentWidget()
        return current if isinstance(current, RecordTab) else None

    def _read_shown(self) -> None:
        """The table shown is read, the first time it is (once the store is open)."""
        current = self._shown_table()
        if current is not None and self.store is not None:
            current.model.read_once()

    def _refresh_button(self, buttons: QDialogButtonBox) -> None:
        """Refresh (F5): what another program (a commit from the command line, a colleague on
        the team's store) wrote since, without closing the browser."""
        button = buttons.addButton(self.tr("Re&fresh"), QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName("refreshStore")
        button.setToolTip(self.tr("Read the store again, with what was written since (F5)"))
        button.setAutoDefault(False)  # Enter on a run previews its revert, as before
        button.clicked.connect(self.refresh)

    def changeEvent(self, event: QEvent) -> None:
        """Come back to, the browser shows the runs made meanwhile (by a command in a
        terminal, say), and what they wrote."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and self.store is not None:
            self._read_since(records=False)

    def _record_tab(self, table: Table, title: str) -> RecordTab:
        tab = RecordTab(self.store, table, self)
        tab.view.setAccessibleName(title.replace("&", ""))  # a screen reader says the tab's
        tab.remember_widths(self._settings.column_widths(BROWSER_SETTINGS, table.value))
        tab.remember_sort(self._settings.sort_order(BROWSER_SETTINGS, table.value))
        self.record_tabs[table] = tab
        return tab

    def _learner_tables(self) -> list[tuple[Table, str]]:
        return [
            (Table.LEARNER, self.tr("Lear&ners")),
            (Table.ENTITY, self.tr("Entities")),  # no mnemonic: its letters are all taken
            (Table.REGISTRATION, self.tr("Registr&ations")),
            (Table.TRACKING, self.tr("Trac&king")),
            (Table.LEARNING_OBJECT, self.tr("Learning o&bjects")),
        ]

    def show_table(self, table: Table) -> None:
        """Bring one table's tab to the front."""
        tab = self.record_tabs[table]
        if self.learner_tabs.indexOf(tab) >= 0:
            self.learner_tabs.setCurrentWidget(tab)
            self.tabs.setCurrentWidget(self.learner_tabs)
        else:
            self.tabs.setCurrentWidget(tab)

    def _tables(self) -> list[tuple[Table, str]]:
        return [
            (Table.TEACHER, self.tr("&Teachers")),
            (Table.TRAINING, self.tr("T&raining courses")),
            (Table.SESSION, self.tr("S&essions")),
            (Table.INTERVENTION, self.tr("&Interventions")),
            (Table.ROOM, self.tr("R&ooms")),
        ]

    def _history_tab(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.history_error = message_line(page, "historyError", Look.ERROR)
        layout.addWidget(self.history_error)
        self.history_model = HistoryModel(parent=self)
        self.history_view = _table_view(page, "view_history", RunsView)
        self.history_view.setAccessibleName(self.tr(
            "History of the runs: imports, refreshes, reverts"))
        self._history_fitted = FitWhenShown(self.history_view)  # read while hidden, at first
        self.history_view.setModel(self.history_model)
        self.history_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.history_view)
        splitter.addWidget(self._corrections_part(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        row = QHBoxLayout()
        self.revert_button = QPushButton(self.tr("Re&vert…"), page)
        self.revert_button.setObjectName("revertRun")
        self.revert_button.setEnabled(False)
        self.revert_button.clicked.connect(self._revert_selected)
        row.addWidget(self.revert_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.revert_dialog: QDialog | None = None
        self._revert_runner = TaskRunner(self)  # the look for the store there, off this thread
        self._history_runner = TaskRunner(self)  # the history read again off this thread
        self._history_of: Any = None  # the store the runs shown were read from
        self._reading_records = False  # the read under way is to read the records too
        self._corrections_runner = TaskRunner(self)  # the selected run's, off this thread
        self._corrections_of: int | None = None  # the run whose corrections are wanted
        self._wanted_run: int | None = None  # the run to select once the history has it
        self.history_view.selectionModel().selectionChanged.connect(
            lambda *_: self._run_selected())
        self._run_selected()
        return page

    def _corrections_part(self, parent: QWidget) -> QWidget:
        """Below the runs: the cells corrected in the preview before the selected run."""
        part = QWidget(parent)
        layout = QVBoxLayout(part)
        layout.setContentsMargins(0, 0, 0, 0)
        self.run_files_label = QLabel(part)
        self.run_files_label.setObjectName("runFilesLabel")
        layout.addWidget(self.run_files_label)
        # Every file, full paths: the Files tooltip lists the first ten.
        self.run_files_view = QListWidget(part)
        self.run_files_view.setObjectName("view_run_files")
        self.run_files_label.setBuddy(self.run_files_view)
        self.run_files_view.addItem("/")  # a row to measure
        self.run_files_view.setFixedHeight(self.run_files_view.sizeHintForRow(0) * _FILE_ROWS
                                           + 2 * self.run_files_view.frameWidth())
        # Their room kept while no run is selected: the splitter sizes this part only once.
        for widget in (self.run_files_label, self.run_files_view):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        layout.addWidget(self.run_files_view)
        self.corrections_label = QLabel(part)
        self.corrections_label.setObjectName("runCorrectionsLabel")
        self.corrections_label.setWordWrap(True)
        layout.addWidget(self.corrections_label)
        self.corrections_model = CorrectionsModel(self)
        self.corrections_view = _table_view(part, "view_run_corrections")
        self.corrections_view.setModel(self.corrections_model)
        # Room for a few rows whenever it shows: the splitter shares out space only once.
        rows = self.corrections_view.verticalHeader().defaultSectionSize()
        self.corrections_view.setMinimumHeight(rows * 5 + rows // 2)
        self.corrections_label.setBuddy(self.corrections_view)
        layout.addWidget(self.corrections_view, 1)
        return part

    def _run_selected(self) -> None:
        self._enable_revert()
        self._show_files()
        self._show_corrections()

    def _show_files(self) -> None:
        """Every file the selected run read, a few rows at once (the rest scrolled to)."""
        run = self.selected_run()
        files = run_files(run) if run is not None else []
        self.run_files_view.clear()
        self.run_files_view.addItems(files)
        self.run_files_label.setText(arg(self.tr("Run %1: %Ln file(s) read:", "", len(files)),
                                         run.id) if files else "")
        self.run_files_label.setVisible(bool(files))
        self.run_files_view.setVisible(bool(files))

    def _show_corrections(self) -> None:
        """The corrections recorded with the selected run, as ``history RUN`` lists them,
        read in the background (a newer selection's read replaces one under way)."""
        run = self.selected_run()
        self._corrections_of = None if run is None else run.id
        if run is None:
            self._say_corrections(self.tr("Select a run to see the cells corrected in the "
                                          "preview before it was committed."), [])
            return
        self._say_corrections(arg(self.tr("Run %1: reading the cells corrected in the "
                                          "preview…"), run.id), [])
        store, run_id = self.store, run.id
        self._corrections_runner.run(
            lambda _monitor: run_corrections(store, run_id),
            lambda found: self._corrections_read(run_id, found),
            lambda error: self._corrections_failed(run_id, error))

    def _corrections_read(self, run_id: int, found: list[Any]) -> None:
        """Show the corrections read of run ``run_id``, while it is the one selected."""
        if run_id != self._corrections_of:
            return
        self._say_corrections(
            arg(self.tr("Run %1: %Ln cell(s) corrected in the preview before the commit:", "",
                        len(found)), run_id) if found
            else arg(self.tr("Run %1: no cell was corrected in the preview."), run_id), found)

    def _corrections_failed(self, run_id: int, error: ImporterError) -> None:
        """Say why the selected run's corrections could not be read."""
        if run_id == self._corrections_of:
            self._say_corrections(message_text(error.message), [])

    def _say_corrections(self, text: str, found: list[Any]) -> None:
        """Say ``text`` above the corrections ``found``, shown when there are any."""
        self.corrections_label.setText(text)
        self.corrections_model.set_corrections(found)
        self.corrections_view.setVisible(bool(found))
        if found:
            self._size_corrections()

    def _size_corrections(self) -> None:
        """Columns to their contents, the last one filling the rest."""
        fit_columns(self.corrections_view)

    def selected_run(self) -> Any:
        """The run selected in the history, or None."""
        rows = self.history_view.selectionModel().selectedRows()
        return self.history_model.run(rows[0].row()) if rows else None

    def _enable_revert(self) -> None:
        """Revert a selected run that was not reverted yet; greyed, its tooltip says why."""
        run = self.selected_run()
        self.revert_button.setEnabled(run is not None and run.reverted_by is None)
        self.revert_button.setToolTip(self._revert_tip(run))

    def _revert_tip(self, run: Any) -> str:
        """What Revert… does for the run selected, or why it cannot."""
        if run is None:
            return self.tr("No run is selected: select the run to revert.")
        if run.reverted_by is not None:
            return arg(self.tr("Run %1 was reverted by run %2; revert run %2 to redo it."),
                       run.id, run.reverted_by)
        return self.tr("Preview undoing the selected run, then undo it")

    def _revert_selected(self) -> None:
        """Look in the background for another store in the browser's place, then preview
        the selected run's revert."""
        run = self.selected_run()
        if run is None:
            return
        store, run_id = self.store, run.id
        self._revert_runner.run(lambda _monitor: _store_there(store),
                                lambda there: self._revert_or_follow(run_id, there),
                                on_dropped=_close_found)

    def _revert_or_follow(self, run_id: int, there: Store | None) -> None:
        """Preview the revert of run ``run_id``; with another store ``there``, the run was
        of the one that was there: the browser shows the one there instead."""
        if there is not None:
            self._follow(there)
            self.refresh()
            return
        self.open_revert(run_id).open()

    def open_revert(self, run_id: int) -> QDialog:
        """The revert preview of one run; once it reverts, the browser reads the store again
        and tells whoever listens (``store_changed``)."""
        from importer_gui.ui.revert_dialog import RevertDialog

        dialog = RevertDialog(self.store.path, run_id, self, identity=self.store.identity)
        dialog.store_changed.connect(self._reverted)
        dialog.store_replaced.connect(self.refresh)  # the browser follows to the one there
        self.revert_dialog = dialog
        return dialog

    def _reverted(self, run_id: int) -> None:
        self.refresh()
        self.store_changed.emit(run_id)

    def _read_since(self, *, records: bool) -> None:
        """Read in the background the runs made since those shown, and then, when there are
        any or ``records`` says so, the records shown (a store found in the browser's place
        when ``records``: it is followed, and read whole). A read under way is replaced,
        and what it was to do is done by this one."""
        records = records or (self._history_runner.busy and self._reading_records)
        self._reading_records = records
        store = self.store
        # Runs shown of another store (followed since) are no help: every run is read.
        seen = self.history_model.newest() if self._history_of is store else None
        self._history_runner.run(
            lambda _monitor: _read_since(store, seen, follow=records),
            lambda since: self._show_since(since, records=records),
            lambda error: self._history_failed(error, records=records),
            on_dropped=_close_there)

    def _show_since(self, since: _Since, *, records: bool) -> None:
        """Show what was read since: new runs above the others, every run when read whole;
        the run selected stays selected, and the first one shown first."""
        if since.there is not None:
            self._follow(since.there)
        self.history_error.hide()
        first, self._history_of = self._history_of is None, since.read
        place = place_of(self.history_view, lambda row: self.history_model.run(row).id)
        if since.runs is None:
            self.history_model.set_runs(since.whole)
        else:
            self.history_model.add_newer(since.runs)
        if since.runs != []:  # new texts, in the reverts column of older runs too
            self._history_fitted.fit()
        restore_place(self.history_view, place, self.history_model.rows_by_id().get)
        self._select_wanted()  # read since it was asked for: listed now, if ever
        self._wanted_run = None
        if since.runs is None and self.selected_run() is None:
            self._run_selected()  # the run selected is gone: its corrections go too
        self._enable_revert()  # the run selected may have been reverted since
        if not first:
            self._say_read(since.runs, LocaleText().clock(since.read_at), asked=records)
        if records or (not first and since.runs != []):  # the first read is the runs only
            for tab in self.record_tabs.values():
                tab.refresh()

    def _say_read(self, runs: list[Any] | None, when: str, *, asked: bool) -> None:
        """Say the runs made since the last reading (newest first), shown now, and when it
        was read; that there were none only when the user asked (F5), not at each return to
        the window."""
        if runs is not None and len(runs) == 1:
            self.read_status.setText(arg(self.tr(
                "Run %1, made since the store was last read, is shown. Read at %2."),
                runs[0].id, when))
        elif runs:
            self.read_status.setText(arg(self.tr(
                "%1 runs made since the store was last read are shown, the newest run %2. "
                "Read at %3."), len(runs), runs[0].id, when))
        elif runs == [] and asked:
            self.read_status.setText(arg(self.tr(
                "No run was made since the store was last read: it is as shown. Read at %1."),
                when))
        elif runs is None:  # read whole (another store there, say): the last said is past
            self.read_status.clear()

    def _history_failed(self, error: ImporterError, *, records: bool = False) -> None:
        """Say above the runs why they could not be read; the records are read all the same
        when asked for (each tab says its own failure)."""
        self.history_error.setText(_tries_again(message_text(error.message)))
        self.history_error.show()
        self.read_status.clear()  # what an earlier reading found is no longer what is shown
        if records:
            for tab in self.record_tabs.values():
                tab.refresh()

    @property
    def busy(self) -> bool:
        """True while the history, a run's corrections, a table or the store to revert in is
        being read in the background."""
        return self._open_runner.busy or self._history_runner.busy or (
            self._corrections_runner.busy) or self._revert_runner.busy or any(
            tab.model.busy for tab in self.record_tabs.values())

    def stop(self) -> None:
        """The window is closing: its reads are stopped and waited for, then it closes (and
        the stores it opened with it), so that nothing is left reading. A store being opened
        is not waited for (a silent server would hold the window): it is closed once open."""
        busy = [runner for runner in self._reads() if runner.busy]
        self._cancel()
        for runner in busy:
            runner.wait()
        if not self._closed:
            self.reject()

    def _reads(self) -> list[TaskRunner]:
        """What reads the store in the background, but for its opening."""
        return [self._history_runner, self._corrections_runner, self._revert_runner,
                *(tab.model.runner for tab in self.record_tabs.values())]

    def _cancel(self) -> None:
        """Stop whatever it does in the background: nobody is to see it."""
        self._open_runner.cancel()
        for runner in self._reads():
            runner.cancel()

    def shows(self, location: StoreLocation) -> bool:
        """Whether it shows the store at ``location`` (the window may have left its store
        since it opened)."""
        return str(self.location) == str(location)

    def say_window_store(self, location: StoreLocation) -> None:
        """The window works on the store at ``location``: when another than the one shown,
        it is said above the tabs (what is shown, and a revert here, are of the store left)."""
        if self.shows(location):
            self.left_notice.hide()
            return
        self.left_notice.setText(arg(self.tr(
            "This browser shows the store %1; the window works on %2 now (Tools ▸ Store "
            "browser… shows that one)."), self.location, location))
        self.left_notice.show()

    def bring_to_front(self) -> None:
        """Shown above the wizard with the keyboard, where it was left: minimized, it is put
        back first (raising a minimized window leaves it in the task bar)."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def back_to_window(self) -> None:
        """The window the browser was opened from brought to the front with the keyboard,
        on the control it had (the browser stays open behind it)."""
        owner = self.parentWidget()
        if owner is None:
            return
        window = owner.window()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()

    def show_history(self) -> None:
        """Bring the history tab to the front."""
        self.tabs.setCurrentIndex(self.tabs.count() - 1)

    def show_run(self, run_id: int) -> None:
        """Bring the history to the front, run ``run_id`` selected and in sight; a run not
        listed yet (just made) once the history is read again."""
        self.show_history()
        self.history_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self._wanted_run = run_id
        if self._select_wanted():
            self._wanted_run = None
        elif self.store is not None:  # a store being opened reads its history once open
            self._read_since(records=False)  # one under way may have begun before the run

    def _select_wanted(self) -> bool:
        """Select the run asked for by ``show_run`` when it is listed: True when it is."""
        row = (None if self._wanted_run is None
               else self.history_model.rows_by_id().get(self._wanted_run))
        if row is None:
            return False
        index = self.history_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.history_view.selectionModel().setCurrentIndex(
            index, flags.ClearAndSelect | flags.Rows)
        self.history_view.scrollTo(index)
        return True

    @Slot()
    def refresh(self) -> None:
        """Read every tab again, in the background (after a run made here or anywhere
        else), from the store that is there now; a store not opened is opened again."""
        if self.store is None:
            if not self._open_runner.busy:
                self._open()
            return
        self._read_since(records=True)

    def _follow(self, there: Store) -> None:
        """Show from now on the store ``there``, found in the place of the browser's (copied
        over it, say): it is said, and reported (``store_replaced``)."""
        self._opened.append(there)
        self.store = there
        for tab in self.record_tabs.values():
            tab.model.set_store(there)
        self.show_replaced(REPLACED.format(path=there.path))
        self.store_replaced.emit(there.identity)

    def show_replaced(self, text: str) -> None:
        """Say above the tabs that another store was put in the place of the one shown."""
        self.show_notice(message_text(text))

    def show_notice(self, text: str, *, error: bool = True) -> None:
        """Say ``text`` above the tabs: in the colour of errors, unless not one."""
        set_look(self.store_notice, Look.ERROR if error else Look.PLAIN)
        self.store_notice.setText(text)
        self.store_notice.show()

    def _closing(self) -> None:
        """Closed: its reads stop (at their next step), and a store being opened is closed
        once open."""
        self._closed = True
        self._cancel()

    def _close_opened(self) -> None:
        """The stores the browser opened itself are closed as it closes."""
        for store in self._opened:
            store.close()
        self._opened.clear()

    def _focus_search(self) -> None:
        current = self._shown_table()
        if current is not None:
            current.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            current.search.selectAll()


def browser_of(owner: QWidget, location: StoreLocation) -> StoreBrowser | None:
    """The store browser open on the store at ``location`` among ``owner``'s (its pages'
    too), or None."""
    for browser in owner.findChildren(StoreBrowser):
        if browser.isVisible() and browser.shows(location):
            return browser
    return None


def close_browsers(owner: QWidget) -> None:
    """The window is closing: every store browser ``owner`` opened is closed, its reads
    stopped and waited for, and deleted at once, so that no outcome still on its way starts
    another read."""
    for browser in owner.findChildren(StoreBrowser,
                                      options=Qt.FindChildOption.FindDirectChildrenOnly):
        browser.stop()
        shiboken6.delete(browser)


def session_browser(session: Session, parent: QWidget | None = None, *,
                    settings: Settings | None = None) -> StoreBrowser:
    """A browser of the session's store, opened in the background (made only on its
    first use, as the session says; ``WizardState.follow_store`` tells the session it was
    opened)."""
    return StoreBrowser(None, parent, settings=settings, location=session.store_path,
                        create=session.store_create)
