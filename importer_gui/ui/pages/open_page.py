"""Page 1: choose a spreadsheet (and how to read it) or a saved configuration."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from importer_gui.core.atomic import write_atomically
from importer_gui.core.catalogue import CONFIG_SUFFIXES, DATA_SUFFIXES, DELIMITERS, FILE_ENCODINGS
from importer_gui.core.cells import Cell
from importer_gui.core.config import ImportConfig, Provider
from importer_gui.core.errors import Cancelled, ConfigError, DataFileError, ImporterError
from importer_gui.core.first_rows import Head, HeadRow, head_cached, head_width
from importer_gui.core.guess import Guess
from importer_gui.core.paths import readable, resolved
from importer_gui.core.plan import FileStamp
from importer_gui.resources import sample_config_path
from importer_gui.ui.i18n import arg
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import (
    message_text,
    os_error_words,
    placed,
    system_reason_text,
)
from importer_gui.ui.pages.base import BasePage, column_titles, read_in_background
from importer_gui.ui.pages.open_reading import (
    Chosen,
    HeadGuesses,
    Opening,
    Rows,
    SheetList,
    guess_from_head,
    head_despite_budget,
    read_chosen,
    read_opening,
    sheets_and_rows,
    workbook_sheets,
)
from importer_gui.ui.settings import CONFIGURATIONS, DATA_FILES, Settings
from importer_gui.ui.shown import shown
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.widgets.ask import ask
from importer_gui.ui.widgets.file_entries import FileEntries, file_entry
from importer_gui.ui.widgets.progress import ProgressRow
from importer_gui.ui.widgets.rows import message_line
from importer_gui.ui.widgets.signals import follow_hand, signals_blocked
from importer_gui.ui.widgets.table_sizing import FitWhenShown, ResizedByHand, fit_to_room

log = logging.getLogger(__name__)

# A configuration's misspelt names fixed one by one, each asked: more is a file to correct.
MAX_FIXES = 10
CORRECTED = "-corrected"  # a corrected copy's name: "sessions-corrected.xml"
_Index = QModelIndex | QPersistentModelIndex
Failed = Callable[[ImporterError], None]
@dataclass(frozen=True)
class Unfound:
    """A configuration's data file the page cannot read until the user chooses it (it is
    missing, or named outside the configuration's folder): the session holds
    ``placeholder`` for it meanwhile, never read."""

    config: Path  # the configuration that names it
    placeholder: Path
    text: str  # what is wrong, in the window's words


@dataclass(frozen=True)
class ConfigurationRead:
    """A saved configuration read, not open yet: the session takes it once its first import's
    rows are read (a large file's in the background, which Cancel gives up)."""

    path: Path  # a corrected copy when the user took the fix of a misspelt name
    config: ImportConfig
    stamp: FileStamp | None  # the file as it was before reading
    files: list[Path]  # each import's, a placeholder for those to be chosen
    unfound: dict[int, Unfound]


class HeadModel(QAbstractTableModel):
    """The first rows of a file, as read with the current options."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: list[str] = []
        self._rows: list[tuple[Cell, ...]] = []
        self._lines: list[int] = []  # each row's line in the file
        self._text = LocaleText()  # a workbook's dates as the user's locale writes them

    def set_head(self, headers: list[str] | None, rows: list[HeadRow]) -> None:
        """Show new rows (an empty list clears the view), numbered by their line in the
        file as the preview and the command line number them (a blank line, or a cell
        spanning lines, counted)."""
        self.beginResetModel()
        self._titles = column_titles(headers, head_width(headers, rows))
        self._lines = [line for line, _cells in rows]
        self._rows = [cells for _line, cells in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        return shown(self._text.cell(row[index.column()])) if index.column() < len(row) else ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._titles[section] if section < len(self._titles) else None
        return self._lines[section] if section < len(self._lines) else None


class OpenPage(BasePage):
    """Choose the file; for a spreadsheet, how to read it, with a live view of its first rows."""

    configuration_opened = Signal()  # a saved configuration filled the state: go to preview

    def __init__(self, state: WizardState, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.settings = settings or Settings()
        self.setTitle(self.tr("Open a spreadsheet"))
        self.setSubTitle(self.tr(
            "Choose a workbook or CSV file to import, or a saved configuration. "
            "You can also drop a file onto this window."))
        self._read_ok = False
        # What was detected in a data file just opened, said once its first rows are read.
        self._detected: list[tuple[str, Guess]] = []
        self._as_data = ""  # why the first line is read as data, when it is
        # A data file just opened goes into the recent files once its first rows are read.
        self._opening: Path | None = None
        # The reading in the background (an opening, or first rows) whose outcome is shown;
        # None once it is shown, cancelled or replaced: the outcome of any other is dropped.
        self._wanted: object | None = None
        # How the rows shown were read, while other options chosen by hand are read: what
        # Cancel goes back to.
        self._read_before: dict[str, Any] | None = None
        self._guesses: HeadGuesses | None = None  # of the file just opened, said once shown
        # The opened configuration's data files to be chosen, by import.
        self._unfound: dict[int, Unfound] = {}
        # The sheets of the workbook shown, as last looked up: one read in the background
        # is not opened again on the window's thread.
        self._listed: SheetList | None = None
        # What the rows shown were read from (``_shown_now``): a configuration changed since
        # in nothing this page shows (a mapping) leaves them shown, not read again.
        self._rows_of: tuple[object, ...] | None = None
        # Where the keyboard was as a data file began to open: moved on to Next once its
        # rows show, unless the user moved it meanwhile (a large file opens in the background).
        self._focus_at_open: QWidget | None = None
        self._opening_focus = False  # a data file is being opened: its keyboard step due
        # The widths the user gave the first rows' columns, by title: kept as rows are read
        # again (other options, another month's file with the same headers).
        self._head_widths: dict[str, int] = {}
        self._fitting_head = False  # the page sizes the columns: no width is the user's
        # Asked before a file chosen here replaces what is open (the window's question);
        # True: open it.
        self.may_open: Callable[[Path], bool] = lambda _path: True
        # Asked before the Import box shows another import (the window's question, about
        # changes the configuration cannot take yet); True: show it.
        self.may_edit_import: Callable[[], bool] = lambda: True
        self.runner = TaskRunner(self)  # large files are read off the GUI thread
        self._build()
        self.refresh_lists()

    # --- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        """Lists on the left, the file and its live view on the right."""
        row = QHBoxLayout()
        self.body.addLayout(row, 1)
        row.addLayout(self._build_lists(), 1)
        row.addLayout(self._build_file(), 3)

    def _build_lists(self) -> QVBoxLayout:
        """The open button, recent files and saved configurations."""
        column = QVBoxLayout()
        self.open_button = QPushButton(self.tr("&Open a file…"), self)
        self.open_button.setToolTip(self.tr("Open a workbook, a CSV file or a configuration "
                                            "(Ctrl+O)"))
        self.open_button.clicked.connect(self.choose_file)
        column.addWidget(self.open_button)
        self.recent_model = QStandardItemModel(self)
        self.recent_view = self._list_view(self.recent_model, self._open_recent)
        self.recent_view.setItemDelegate(FileEntries(self.recent_view))
        self.library_model = QStringListModel(self)
        self.library_view = self._list_view(self.library_model, self._open_library)
        column.addWidget(self._buddy(self.tr("&Recent files:"), self.recent_view))
        column.addWidget(self.recent_view, 1)
        column.addWidget(self._buddy(self.tr("&Saved configurations:"), self.library_view))
        column.addWidget(self.library_view, 1)
        # An empty list says what would be in it, and how it gets there.
        self.library_empty = QLabel(self.tr(
            "None yet: a configuration you save with “Save to library…”, on the page “The "
            "configuration”, is listed here to open again."), self)
        self.library_empty.setObjectName("libraryEmpty")
        self.library_empty.setWordWrap(True)
        column.addWidget(self.library_empty)
        return column

    def _list_view(self, model: QAbstractItemModel, slot: Any) -> QListView:
        """A read-only list that opens its item on double-click or Enter."""
        view = QListView(self)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # A long entry keeps its start and its end (a configuration's name, a file's
        # folder), not the start alone.
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.activated.connect(slot)
        return view

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        """A label whose mnemonic moves the focus to ``widget``."""
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _build_file(self) -> QVBoxLayout:
        """The chosen file, its reading options and the live view."""
        column = QVBoxLayout()
        self.import_combo = QComboBox(self)
        self.import_combo.setToolTip(self.tr(
            "The configuration has several imports: the file, action and mapping pages "
            "show the one chosen here"))
        self.import_combo.currentIndexChanged.connect(self._import_chosen)
        self.import_label = self._buddy(self.tr("&Import:"), self.import_combo)
        choose = QHBoxLayout()
        choose.addWidget(self.import_label)
        choose.addWidget(self.import_combo, 1)
        column.addLayout(choose)
        self.file_label = QLabel(self.tr("No file chosen yet."), self)
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.file_label)
        self.first_start_label = QLabel(self.tr(
            "New here? File ▸ Open sample opens a sample configuration and its files, to see "
            "every page before opening your own."), self)
        self.first_start_label.setObjectName("firstStart")
        self.first_start_label.setWordWrap(True)
        set_look(self.first_start_label, Look.NOTICE)
        column.addWidget(self.first_start_label)
        # A saved configuration applied to a new file
        self.applied_label = message_line(self, "configurationApplied", Look.NOTICE)
        column.addWidget(self.applied_label)
        column.addLayout(self._build_unfound())
        box = QGroupBox(self.tr("How to read it"), self)
        self.form = QFormLayout(box)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.sheet_combo = QComboBox(box)
        self.sheet_combo.setPlaceholderText(self.tr("Choose a sheet"))  # none chosen yet
        self.encoding_combo = QComboBox(box)
        self.encoding_combo.addItems(list(FILE_ENCODINGS))
        self.delimiter_combo = QComboBox(box)
        names = self._delimiter_names()
        for name, char in DELIMITERS.items():
            shown = self.tr("tab") if char == "\t" else char
            self.delimiter_combo.addItem(arg(self.tr("%1 (%2)"), names.get(name, name), shown),
                                         name)
        self.header_check = QCheckBox(self.tr("The first line holds the col&umn headers"), box)
        self.form.addRow(self.tr("Sh&eet:"), self.sheet_combo)
        self.form.addRow(self.tr("&Encoding:"), self.encoding_combo)
        self.form.addRow(self.tr("&Delimiter:"), self.delimiter_combo)
        self.form.addRow("", self.header_check)
        for widget in (self.sheet_combo, self.encoding_combo, self.delimiter_combo):
            widget.setMinimumWidth(220)
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            widget.currentIndexChanged.connect(self._options_changed)
        self.header_check.toggled.connect(self._options_changed)
        # Chosen by hand (not detected, nor brought by a saved configuration): a change to
        # the configuration, lost unless saved.
        for widget in (self.sheet_combo, self.encoding_combo, self.delimiter_combo,
                       self.header_check):
            follow_hand(widget, self.session.reading_chosen_by_hand)
        column.addWidget(box)
        # The configuration's sheet, not in its workbook
        self.sheet_label = message_line(self, "sheetMissing", Look.NOTICE)
        column.addWidget(self.sheet_label)
        self.head_model = HeadModel(self)
        self.head_view = QTableView(self)
        self.head_view.setModel(self.head_model)
        self.head_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Read-only: one Tab stop, as the lists have (arrows move within it), not one a cell.
        self.head_view.setTabKeyNavigation(False)
        self.head_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive)
        self.head_view.horizontalHeader().setDefaultSectionSize(140)
        ResizedByHand(self.head_view, self._head_resized_by_hand)
        self._head_fitted = FitWhenShown(self.head_view, self._fit_head)
        column.addWidget(self._buddy(self.tr("First ro&ws:"), self.head_view))
        # What is read in the background, and its Cancel (a file opened, or read otherwise).
        self.reading_row = ProgressRow(self.tr("C&ancel"), self)
        self.reading_row.cancel_button.clicked.connect(self.cancel)
        self.reading_label = self.reading_row.status
        self._show_reading(None)
        column.addWidget(self.reading_row)
        # The first rows of a file the check cannot read
        self.budget_label = message_line(self, "overBudget", Look.NOTICE)
        column.addWidget(self.budget_label)
        column.addWidget(self.head_view, 1)
        self._show_options(workbook=None)
        return column

    def _build_unfound(self) -> QHBoxLayout:
        """What is wrong with a configuration's data file, and the button to choose it."""
        row = QHBoxLayout()
        self.unfound_label = message_line(self, "dataFileUnfound", Look.NOTICE)
        self.unfound_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_data_button = QPushButton(self.tr("&Choose the file…"), self)
        self.choose_data_button.setToolTip(self.tr(
            "Read this import from a file you choose; the configuration applies to it"))
        self.choose_data_button.clicked.connect(self.choose_data_file)
        row.addWidget(self.unfound_label, 1)
        row.addWidget(self.choose_data_button, 0, Qt.AlignmentFlag.AlignTop)
        self._show_unfound(None)
        return row

    def _show_unfound(self, unfound: Unfound | None) -> None:
        """Say what is wrong with the edited import's data file, or hide it."""
        self.unfound_label.setText(unfound.text if unfound else "")
        self.unfound_label.setVisible(unfound is not None)
        self.choose_data_button.setVisible(unfound is not None)

    def _delimiter_names(self) -> dict[str, str]:
        """The configuration's delimiter names, as people say them."""
        return {"semicolon": self.tr("semicolon"), "comma": self.tr("comma"),
                "pipe": self.tr("pipe"), "tabulation": self.tr("tabulation")}

    def _show_options(self, workbook: bool | None) -> None:
        """Sheet for a workbook; encoding and delimiter for CSV; nothing before a file."""
        self.form.setRowVisible(self.sheet_combo, workbook is True)
        self.form.setRowVisible(self.encoding_combo, workbook is False)
        self.form.setRowVisible(self.delimiter_combo, workbook is False)
        self.form.setRowVisible(self.header_check, workbook is not None)

    # --- lists --------------------------------------------------------------------------

    def refresh_lists(self) -> None:
        """Re-read the recent files and the library."""
        self._recent = self.settings.recent_files()
        self.recent_model.clear()
        for path in self._recent:
            self.recent_model.appendRow(file_entry(path, _shown_path(path.parent)))
        self._library = self.settings.library()
        self.library_model.setStringList([readable(p.stem) for p in self._library])
        self.library_empty.setVisible(not self._library)
        # Nothing opened or saved yet: a first start, where the sample shows the way.
        self.first_start_label.setVisible(
            not self._recent and not self._library and sample_config_path().is_file())

    def _open_recent(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._recent):
            self._open_chosen(self._recent[index.row()])

    def _open_library(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._library):
            self._open_chosen(self._library[index.row()])

    # --- opening ------------------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for a file and open it."""
        path = self.ask_file()
        if path is not None:
            self._open_chosen(path)

    def ask_file(self) -> Path | None:
        """The spreadsheet or configuration the user chooses to open; None if none."""
        patterns = " ".join(f"*{suffix}" for suffix in (*DATA_SUFFIXES, *CONFIG_SUFFIXES))
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a spreadsheet or configuration"), str(self._start_folder()),
            arg(self.tr("Spreadsheets and configurations (%1);;All files (*)"), patterns))
        return Path(name) if name else None

    def _open_chosen(self, path: Path) -> None:
        """Open a file the user chose on this page, once the window agreed (``may_open``)."""
        if self.may_open(path):
            self.open_path(path)

    def _start_folder(self) -> Path:
        """Where the file dialog starts: the folder a data file was last opened from (the
        month's export), never the library's, where saving a configuration puts it."""
        return self.settings.last_folder(DATA_FILES)

    def open_path(self, path: Path) -> bool:
        """Open a data file or a configuration; False (with the reason shown) on failure:
        the file opened before is closed then, and the failed one is not a recent file. A
        large data file, or a configuration's, is opened in the background: True once its
        reading started (what was open before stays until it is read)."""
        if path.suffix.lower() not in CONFIG_SUFFIXES:
            return self._open_data_file(path, self._open_failed)
        self._opening_focus = False  # a configuration goes on to the preview by itself
        try:
            read = self._read_configuration(path)
        except ImporterError as exc:
            self._open_failed(exc)
            return False
        except UnicodeEncodeError as exc:  # a data file's name the locale cannot give the system
            said = os_error_words(exc)
            if said is None:
                raise
            self._open_failed(ImporterError(said))
            return False
        if 0 not in read.unfound and read_in_background(read.files[0]):
            self._open_configuration_in_background(read)
        else:
            self._configuration_opened(read, self._reread)
        return True

    def _open_failed(self, error: ImporterError) -> None:
        """A file that could not be opened: the one opened before is closed, and why said."""
        self._opening = None
        self.session.close_file()
        self.initializePage()
        self.show_error(error.message)

    def _add_recent(self, path: Path) -> None:
        self.settings.add_recent(path)
        kind = CONFIGURATIONS if path.suffix.lower() in CONFIG_SUFFIXES else DATA_FILES
        self.settings.remember_folder(kind, path)
        self.refresh_lists()

    def _read_configuration(self, path: Path) -> ConfigurationRead:
        """A saved configuration, read (misspelt names fixed as the user chooses), with its
        data files found; nothing is open yet."""
        from importer_gui.core import config_xml

        # The same misspelling further down takes the fix the user chose for it: one
        # question per name, however often the file writes it.
        chosen: dict[tuple[str, str], int] = {}
        for _ in range(MAX_FIXES):
            stamp = FileStamp.of(path) if path.is_file() else None  # before reading
            try:
                config = config_xml.load(path)
                break
            except ConfigError as exc:
                fixed = self._offer_fix(path, exc, chosen)
                if fixed is None:
                    raise
                path = fixed
        else:
            raise ImporterError(arg(self.tr("%1: too many misspelt names to fix one by one; "
                                            "correct them in the file."), path))
        if not config.imports:
            raise ImporterError(arg(self.tr("%1: the configuration has no import."), path))
        # The files found, and placeholders for those to be chosen here (never read).
        return ConfigurationRead(path, config, stamp, *self._configured_files(path, config))

    def _configuration_opened(self, read: ConfigurationRead, show_rows: Callable[[], None],
                              listed: SheetList | None = None) -> None:
        """The configuration open, its first import's rows shown by ``show_rows`` (and its
        workbook's sheets ``listed``, when read in the background): a recent file now, on to
        the preview."""
        self._opening = None  # a file left being opened is not the one opened
        self._unfound = read.unfound
        self.session.open_configuration(read.path, read.config, read.stamp, read.files)
        self.show_error(None)
        self._show_session(show_rows, listed)
        self._add_recent(read.path)
        self.configuration_opened.emit()

    def _open_configuration_in_background(self, read: ConfigurationRead) -> None:
        """Read the first rows of the configuration's large data file in the background; the
        session takes the configuration once they are read (cancelled, what was open before
        stays). A file it cannot read is said as for a small one, the configuration open."""
        data_file = read.files[0]
        provider = replace(read.config.imports[0].provider)  # the worker's own copy
        self._show_opening(
            arg(self.tr("Configuration: %1\nFile: %2"), _shown_path(read.path),
                _shown_path(data_file)), data_file,
            self.tr("Stop opening this configuration; what was open before stays open "
                    "(Escape)"))
        self._show_unfound(None)
        for widget in (self.import_label, self.import_combo):
            widget.hide()  # the imports of what was open before

        def shown(outcome: tuple[SheetList | None, Rows | ImporterError]) -> None:
            listed, rows = outcome
            self._configuration_opened(read, self._rows_shown(rows), listed)

        def failed(error: ImporterError) -> None:
            if isinstance(error, Cancelled):  # the window's own stop (quitting, say)
                self.initializePage()  # what was open before, as it was
            else:
                self._configuration_opened(read, lambda: self._show_failure(error))

        token = self._wanted = object()
        self.runner.run(lambda _monitor: sheets_and_rows(provider, data_file),
                        self._if_wanted(token, shown), self._if_wanted(token, failed))

    def _configured_files(self, path: Path, config: ImportConfig,
                          ) -> tuple[list[Path], dict[int, Unfound]]:
        """Each import's data file as the configuration names it, and those the user must
        choose (by import): missing, or named outside the configuration's folder (someone
        else's configuration, written on another computer)."""
        from importer_gui.core import pipeline

        files: list[Path] = []
        unfound: dict[int, Unfound] = {}
        for index, imp in enumerate(config.imports):
            provider = imp.provider
            try:
                file = pipeline.resolve_data_files(replace(config, imports=[imp]))[0]
            except DataFileError:  # a pattern that matches no file, or several
                file = provider.resolve(config.folder)
                several = any(p.is_file() for p in file.parent.glob(file.name))
                text = arg(self.tr(
                    "The configuration's data file %1 matches several files in %2. Choose the "
                    "one to read for this import.") if several else self.tr(
                    "The configuration's data file %1 matches no file in %2. Choose the file "
                    "to read for this import."), provider.file_name, _shown_path(file.parent))
            except ConfigError:  # no name, or a path leading outside the folder
                file, text = self._outside(config.folder, provider)
            else:
                if file.is_file():
                    files.append(file)
                    continue
                text = self._no_file_text(file)
            files.append(file)
            unfound[index] = Unfound(path, file, text)
        return files, unfound

    def _no_file_text(self, file: Path) -> str:
        """What to say of a configuration's data file that is no file: missing, or a folder,
        a pipe or a device under its name (said in the readers' words)."""
        from importer_gui.core import readers
        from importer_gui.core.readers.table import FILE_MISSING

        try:
            readers.check_file(file)
        except DataFileError as exc:
            if exc.detail != FILE_MISSING:
                return arg(self.tr("The configuration's data file %1 in %2 cannot be read: %3. "
                                   "Choose the file to read for this import."),
                           file.name, _shown_path(file.parent), message_text(exc.detail))
        return arg(self.tr("The configuration's data file %1 is not in %2. Choose the file "
                           "to read for this import."), file.name, _shown_path(file.parent))

    def _outside(self, folder: Path, provider: Provider) -> tuple[Path, str]:
        """A data file the configuration names outside its folder, or not at all: a
        placeholder inside the folder (so that nothing outside is read by mistake), and
        what to say."""
        if not provider.file_name.strip():
            return folder, self.tr("The configuration names no data file for this import "
                                   "(its fileName is empty). Choose the file to read.")
        written = provider.file_name
        cut = max(written.rfind("/"), written.rfind("\\"))  # a Windows path's too
        name = written[cut + 1:]
        where = provider.path or (written[:max(cut, 1)] if cut >= 0 else _shown_path(folder))
        return folder / name, arg(self.tr(
            "The configuration reads %1 from %2, a folder outside its own (perhaps on another "
            "computer): a file from there is read only once you choose it. Choose the file "
            "to read for this import."), name, where)

    def _unfound_here(self) -> Unfound | None:
        """The edited import's data file to be chosen, if the user has not chosen it yet."""
        return self._unfound_at(self.session.choices.import_index)

    def _unfound_at(self, index: int) -> Unfound | None:
        """Import ``index``'s data file to be chosen, if still so."""
        unfound = self._unfound.get(index)
        choices = self.session.choices
        if (unfound is None or choices.config_path != unfound.config
                or index >= len(choices.data_files)
                or choices.data_files[index] != unfound.placeholder):
            return None
        return unfound

    def _first_unfound(self) -> int | None:
        """The first import whose data file is still to be chosen."""
        return next((index for index in sorted(self._unfound)
                     if self._unfound_at(index) is not None), None)

    def choose_data_file(self) -> bool:
        """Ask for the edited import's data file, in place of the one its configuration
        names (as the command line's --data does); once every import has its file, on to
        the preview as for any configuration opened. False when none was chosen or it
        cannot be read (the configuration stays open)."""
        source = self.session.choices.config_path
        patterns = " ".join(f"*{suffix}" for suffix in DATA_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the data file"),
            str(source.parent if source is not None else self._start_folder()),
            arg(self.tr("Spreadsheets (%1);;All files (*)"), patterns))
        if not name:
            return False
        return self._open_data_file(Path(name), lambda exc: self.show_error(exc.message),
                                    self._data_file_chosen)

    def _data_file_chosen(self) -> None:
        """The next import's file to choose, or on to the preview once every one is."""
        following = self._first_unfound()
        if following is not None:
            self.import_combo.setCurrentIndex(following)  # the next one to choose
        elif self.session.choices.config_path is not None:
            self.configuration_opened.emit()

    def _offer_fix(self, path: Path, error: ConfigError,
                   chosen: dict[tuple[str, str], int]) -> Path | None:
        """A misspelt name the error suggests a fix for: ask (unless ``chosen`` has the
        answer for the same fix), then write the fixed text to a corrected copy beside the
        file (or, when the user says so, into the file itself). The file opened next; None
        when the user declines or nothing can be fixed."""
        from importer_gui.core import config_xml

        if error.suggestion is None:
            return None
        wrong, right = error.suggestion
        try:
            raw = path.read_bytes()
            codec = _declared_codec(raw)
            text = raw.decode(codec)
        except (OSError, UnicodeDecodeError, LookupError):
            return None
        fixed = config_xml.apply_suggestion(text, error)
        if fixed == text:
            return None
        copy = path if path.stem.endswith(CORRECTED) else path.with_name(
            f"{path.stem}{CORRECTED}{path.suffix}")
        answer = chosen.get((wrong, right))
        if answer is None:
            answer = chosen[wrong, right] = ask(self, self.tr("A misspelt name?"), arg(self.tr(
                "%1\n\nUse %2 instead of %3? The corrected configuration is opened from a copy, "
                "%4, beside the file; the file itself is changed only if you choose so."),
                message_text(error.message), right, wrong, copy.name),
                [arg(self.tr("&Use %1 (a corrected copy)"), right),
                 arg(self.tr("Use %1 and &change the file"), right), self.tr("Cancel")],
                escape=2)
        if answer == 2:
            return None
        target = path if answer == 1 else copy
        data = fixed.encode(codec)
        try:
            write_atomically(target, lambda tmp: tmp.write_bytes(data))
        except OSError as exc:
            raise ImporterError(arg(self.tr("Could not write %1: %2"), target,
                                    system_reason_text(exc))) from None
        return target

    def _open_data_file(self, path: Path, on_failure: Failed,
                        on_opened: Callable[[], None] | None = None) -> bool:
        """Start a new configuration for a spreadsheet (or read it for the edited import of
        the configuration open); False when it cannot be opened (``on_failure`` says why).

        Choosing a large workbook's sheet loads it whole (seconds for 100,000 rows): a large
        file is opened in the background, the page saying which, with Cancel.
        """
        if path.is_file():  # read as the session names it (a link or a missing file as given)
            path = resolved(path)  # its first rows are kept under that name, not read again
        self._focus_at_open, self._opening_focus = self.window().focusWidget(), True
        on_failure = self._focus_kept_on(on_failure)
        if read_in_background(path):
            self._open_in_background(path, on_failure, on_opened)
            return True
        try:
            opening = read_opening(path)
            self._opened(path, opening, listed=opening.listed)  # not opened again to list
        except ImporterError as exc:
            on_failure(exc)
            return False
        if on_opened is not None:
            on_opened()
        return True

    def _focus_kept_on(self, on_failure: Failed) -> Failed:
        """``on_failure``, the keyboard left where it is: nothing opened to go on with."""
        def failed(error: ImporterError) -> None:
            self._opening_focus = False
            on_failure(error)
        return failed

    def _open_in_background(self, path: Path, on_failure: Failed,
                            on_opened: Callable[[], None] | None) -> None:
        """Read how to open ``path`` in the background; the session changes once it is read
        (cancelled, the file open before stays)."""
        token = self._wanted = object()
        self._show_opening(arg(self.tr("File: %1"), _shown_path(path)), path,
                           self.tr("Stop opening this file; the file open before stays open "
                                   "(Escape)"))
        # The saved configuration's reading of the edited import, which applies to the file.
        configured = (replace(self.current_import().provider)
                      if self.session.choices.config_path is not None else None)

        def read(outcome: Chosen) -> None:
            opening, rows, listed = outcome
            self._show_reading(None)
            try:
                self._opened(path, opening, None if rows is None else self._rows_shown(rows),
                             listed)
            except ImporterError as exc:
                on_failure(exc)
                return
            if on_opened is not None:
                on_opened()

        def failed(error: ImporterError) -> None:
            self._show_reading(None)
            if isinstance(error, Cancelled):  # the window's own stop (quitting, say)
                self.initializePage()  # the file open before, as it was
            else:
                on_failure(error)

        self.runner.run(lambda monitor: read_chosen(path, configured, monitor),
                        self._if_wanted(token, read), self._if_wanted(token, failed))

    def _rows_shown(self, rows: Rows | ImporterError) -> Callable[[], None]:
        """What shows first rows read in the background: them, or why they cannot be read."""
        if isinstance(rows, ImporterError):
            return lambda: self._show_failure(rows)
        return lambda: self._show_read(rows)

    def _show_opening(self, file_text: str, path: Path, cancel: str) -> None:
        """While ``path`` is opened in the background: which file (``file_text``), no rows nor
        options yet, and Cancel (``cancel`` saying what it does)."""
        self._read_ok = False
        self.completeChanged.emit()
        self.applied_label.hide()
        self.budget_label.hide()
        self.sheet_label.hide()
        self.show_error(None)
        self.file_label.setText(file_text)
        self._show_options(workbook=None)  # how to read it is not known yet
        self.head_model.set_head(None, [])
        self._show_reading(arg(self.tr("Reading the first rows of %1…"), path.name),
                           cancel=cancel)

    def _if_wanted(self, token: object, show: Callable[[Any], None]) -> Callable[[Any], None]:
        """``show`` the outcome of the reading ``token`` stands for, unless it is no longer
        wanted (cancelled, or another reading started since)."""
        def shown(outcome: Any) -> None:
            if token is self._wanted:
                self._wanted = self._read_before = None
                show(outcome)
        return shown

    @property
    def reading(self) -> bool:
        """Whether a reading whose outcome the page is to show runs in the background (one
        cancelled may still run to its end: nothing waits for it)."""
        return self._wanted is not None

    def _let_go_of_reading(self) -> None:
        """Drop the reading running, if any (stopped at its next check for a cancel)."""
        if self._wanted is not None:
            self._wanted = None
            self.runner.cancel()

    def cancel(self) -> None:
        """Stop opening a file, or reading it with other options (Cancel, Escape): the file
        open before, read as before, is shown again at once, even when the reading is too
        far on to stop (a sheet loads whole): what it reads is dropped."""
        if self._wanted is None:
            return
        before, self._read_before = self._read_before, None
        if before is not None:
            self.session.set_reading_options(**before)
        self.initializePage()

    def _show_reading(self, text: str | None, *, cancel: str | None = None) -> None:
        """Say what is read in the background (a busy bar, and Cancel, saying what it does,
        when it may be stopped), or nothing."""
        self.reading_row.set_running(text is not None)
        self.reading_row.cancel_button.setVisible(cancel is not None)
        self.reading_row.cancel_button.setToolTip(cancel or "")
        self.reading_label.setText(text or "")
        self.reading_label.setVisible(text is not None)
        self.reading_row.setVisible(text is not None)

    def _opened(self, path: Path, opening: Opening,
                show_rows: Callable[[], None] | None = None,
                listed: SheetList | None = None) -> None:
        """A new file read: the configuration reads it as guessed, and the guesses are
        said once its first rows are shown (by ``show_rows`` when already read, else read
        now; a workbook's sheets ``listed`` when looked up with them)."""
        self._detected = self._guesses_said(opening)
        self._guesses = opening.guesses
        self._opening = path
        # Chosen by the user: the edited import's file, even where its configuration
        # named this very file and it was missing.
        self._unfound.pop(self.session.choices.import_index, None)
        applied = self.session.open_data_file(  # the sheets listed: not opened again
            resolved(path), opening.provider, None if listed is None else listed.names)
        self.show_error(None)
        self._show_session(show_rows or self._reread, listed)
        source = self.session.choices.config_path
        if applied and source is not None:
            self._detected = []  # the configuration says how to read it
            self.applied_label.setText(arg(self.tr(
                "The configuration %1 applies to this file: its reading options, date format "
                "and mapping are kept, its columns matched by header. To start afresh, choose "
                "File > New import."), source.name))
            self.applied_label.show()

    def _guesses_said(self, opening: Opening) -> list[tuple[str, Guess]]:
        """What opening a file guessed that is worth saying: a CSV file's encoding and
        delimiter, a workbook's sheet after empty ones."""
        if opening.encoding is not None and opening.delimiter is not None:
            # The delimiter by the name the combo box gives it ("point-virgule" in French).
            delimiter = opening.delimiter
            named = replace(delimiter, value=self._delimiter_names().get(delimiter.value,
                                                                         delimiter.value))
            return [(self.tr("encoding"), opening.encoding), (self.tr("delimiter"), named)]
        if opening.empty_sheets and opening.provider.sheet is not None:
            empty = opening.empty_sheets  # "vide" or "vides" as they are one or several
            return [(self.tr("sheet"), Guess(opening.provider.sheet, "likely", arg(
                self.tr("the first one holding data; %1 empty", "", len(empty)),
                ", ".join(empty))))]
        return []

    def _detect_header(self, header: Guess | None) -> bool:
        """Whether a new file's first line, read as headers, is data instead, as init guesses
        it (said when it is, or when nothing tells)."""
        from importer_gui.core.guess import DEFAULT

        if self.session.choices.config_path is not None or header is None:
            return False  # a saved configuration says, or the user unticked the box
        if header.value == "no" or header.sureness == DEFAULT:
            shown = self.tr("yes") if header.value == "yes" else self.tr("no")
            self._detected.append((self.tr("header line"), replace(header, value=shown)))
        if header.value == "no":  # the one guess that changes which rows are read: said here
            self._as_data = header.reason
        return header.value == "no"

    def _detect_date_format(self, found: Guess) -> None:
        """A new file's date format, from its first rows' dates (applied, and said)."""
        from importer_gui.core.guess import DEFAULT

        if self.session.choices.config_path is not None:
            return  # a saved configuration applies: it says how to read the file
        if found.sureness != DEFAULT:
            self.current_import().provider.date_format = found.value
            self._detected.append((self.tr("date format"), found))
        if not self._detected:
            return
        sureness = {"certain": self.tr("certain"), "likely": self.tr("likely"),
                    "default": self.tr("nothing to tell")}
        shown = ", ".join(arg(self.tr("%1 %2 (%3)"), name, guess.value,
                              sureness.get(guess.sureness, guess.sureness))
                          for name, guess in self._detected)
        text = arg(self.tr(
            "Read as detected: %1. Change the reading below, and the date format on the "
            "mapping page, if they are wrong."), shown)
        if self._as_data:
            text += " " + arg(self.tr("The first line is read as data: %1."),
                              message_text(self._as_data))
            self._as_data = ""
        self.applied_label.setText(text)
        self.applied_label.setToolTip("\n".join(placed(guess.value, message_text(guess.reason))
                                                for _name, guess in self._detected))
        self.applied_label.show()
        self._detected = []

    # --- the page -----------------------------------------------------------------------

    def initializePage(self) -> None:
        """Show the state's file and options, and its first rows (a file still being opened
        is let go of: New import, say)."""
        self._rows_of = None
        self._opening_focus = False  # cancelled, failed or another import: nothing opened
        self._show_session(self._reread)

    def _state_changed(self) -> None:
        """A later page changed the configuration: shown anew, unless in nothing this page
        shows (the mapping, an action's options), its file unchanged and its rows read."""
        if (self._read_ok and not self.reading and self._rows_of is not None
                and self._rows_of == self._shown_now()):
            return
        super()._state_changed()

    def _shown_now(self) -> tuple[object, ...] | None:
        """What the page shows of the state: its configuration's file and imports, the data
        file as it is on disk and the options reading it; None without a file to read."""
        data_file = self.data_file()
        choices = self.session.choices
        if data_file is None or not choices.config.imports or self._unfound_here() is not None:
            return None
        provider = self.current_import().provider
        try:
            stamp: FileStamp | None = FileStamp.of(data_file)
        except OSError:
            stamp = None
        imports = tuple((imp.provider.file_name, tuple(a.name for a in imp.actions))
                        for imp in choices.config.imports)
        return (choices.config_path, choices.import_index, imports, stamp, provider.sheet,
                provider.file_encoding, provider.delimiter, provider.skip_first_line)

    def _show_session(self, show_rows: Callable[[], None], listed: SheetList | None = None,
                      ) -> None:
        """The state's file and options, its first rows shown by ``show_rows`` (read, or
        already read in the background, with the workbook's sheets ``listed``). A large
        workbook whose sheets are not known yet is read in the background first."""
        self._let_go_of_reading()
        self._show_reading(None)  # a reading cancelled: what was open before has nothing read
        self._read_before = None
        self.applied_label.hide()
        self.sheet_label.hide()
        self.refresh_lists()
        self._fill_imports()
        unfound = self._unfound_here()
        self._show_unfound(unfound)
        if unfound is not None:  # nothing to read until the user chooses the file
            self.file_label.setText(arg(self.tr("Configuration: %1"),
                                        _shown_path(unfound.config)))
            self._show_options(workbook=None)
            self.head_model.set_head(None, [])
            self._read_ok = False
            self.completeChanged.emit()
            return
        data_file = self.data_file()
        if data_file is None or not self.session.choices.config.imports:
            self.file_label.setText(self.tr("No file chosen yet."))
            self._show_options(workbook=None)
            self.head_model.set_head(None, [])
            self._read_ok = False
            self.completeChanged.emit()
            return
        provider = self.current_import().provider
        if listed is None and self._lists_in_background(provider, data_file):
            self._list_in_background(provider, data_file)
            return
        missing = self._load_options(provider, data_file, listed)
        if missing is not None:  # no other sheet read in its place: the user chooses
            self._show_sheet_missing(missing, data_file)
            return
        show_rows()

    def _show_sheet_missing(self, sheet: str, data_file: Path) -> None:
        """The configuration's sheet is not in its workbook: said, nothing read nor shown
        as read until the user chooses a sheet."""
        self.head_model.set_head(None, [])
        self.show_error(None)
        self.sheet_label.setText(arg(self.tr(
            "The configuration reads the sheet “%1”, which is not in %2. Choose the sheet "
            "to read."), sheet, data_file.name))
        self.sheet_label.show()
        self._read_ok = False
        self.completeChanged.emit()

    def _fill_imports(self) -> None:
        """One entry per <import> (file and actions), shown when there are several."""
        imports = self.session.choices.config.imports
        with signals_blocked(self.import_combo):
            self.import_combo.clear()
            for n, imp in enumerate(imports, start=1):
                actions = ", ".join(a.name for a in imp.actions) or self.tr("no action yet")
                self.import_combo.addItem(f"{n}. {imp.provider.file_name} ({actions})")
            self.import_combo.setCurrentIndex(self.session.choices.import_index)
        for widget in (self.import_label, self.import_combo):
            widget.setVisible(len(imports) > 1)

    def _import_chosen(self, index: int) -> None:
        """Show another <import> of the configuration; the next pages follow it."""
        edited = self.session.choices.import_index
        if index < 0 or index == edited:
            return
        if not self.may_edit_import():
            with signals_blocked(self.import_combo):
                self.import_combo.setCurrentIndex(edited)
            return
        self.session.choose_import(index)
        self.initializePage()

    def edit_import_later(self, index: int) -> None:
        """Import ``index`` edited by the next pages, as choosing it in the Import box makes
        it, while the page is not shown (``Wizard.edit_mapping``): shown anew once Back
        comes to it, its file not read for nothing meanwhile."""
        self.session.choose_import(index)
        self.passed_through = True

    def _load_options(self, provider: Provider, data_file: Path,
                      listed: SheetList | None = None) -> str | None:
        """Set the option widgets from the provider without re-reading at each one (a
        workbook's sheets as ``listed``, when looked up already); the provider's sheet when
        the workbook has no sheet of that name (none shown chosen)."""
        from importer_gui.core import readers

        options = (self.sheet_combo, self.encoding_combo, self.delimiter_combo, self.header_check)
        with signals_blocked(*options):
            self._show_file(data_file)
            workbook = data_file.is_file() and readers.is_workbook(data_file)
            self._show_options(workbook=workbook)
            self.sheet_combo.clear()
            missing = None
            if workbook:
                listed = self._sheet_list(provider, data_file, listed)
                names = list(listed.names)
                self.sheet_combo.addItems(names)
                read = listed.sheet_read(provider)
                self.sheet_combo.setCurrentIndex(names.index(read) if read in names else -1)
                # An unreadable workbook lists none: the re-read says why.
                missing = provider.sheet if provider.sheet and read is None and names else None
            self.encoding_combo.setCurrentText(provider.file_encoding)
            found = self.delimiter_combo.findData(provider.delimiter)
            self.delimiter_combo.setCurrentIndex(max(found, 0))
            self.header_check.setChecked(provider.skip_first_line)
        return missing

    def _show_file(self, data_file: Path) -> None:
        """Say which file is shown, and the configuration reading it."""
        shown = _shown_path(data_file)
        source = self.session.choices.config_path
        self.file_label.setText(
            arg(self.tr("File: %1"), shown) if source is None else
            arg(self.tr("Configuration: %1\nFile: %2"), _shown_path(source), shown))

    def _sheet_list(self, provider: Provider, data_file: Path,
                    listed: SheetList | None = None) -> SheetList:
        """The workbook's sheets: ``listed``, or as its reading in the background listed
        them (a large one), else looked up now (a small one opens at once)."""
        if listed is not None:
            self._listed = listed
        elif self._listed is None or not self._listed.lists(provider, data_file):
            self._listed = workbook_sheets(provider, data_file)
        return self._listed

    def _lists_in_background(self, provider: Provider, data_file: Path) -> bool:
        """Whether ``data_file`` is a large workbook whose sheets are not known yet (another
        import's, say): opening it reads all its shared strings, seconds for a large one."""
        from importer_gui.core import readers

        return (readers.is_workbook(data_file) and data_file.is_file()
                and read_in_background(data_file)
                and (self._listed is None or not self._listed.lists(provider, data_file)))

    def _list_in_background(self, provider: Provider, data_file: Path) -> None:
        """Look up the workbook's sheets with its first rows in the background, the page
        saying it reads the file meanwhile; then show it as for any file."""
        self._show_file(data_file)
        self._show_options(workbook=None)  # its sheets are not known yet
        self.head_model.set_head(None, [])
        self.show_error(None)
        self._read_ok = False
        self.completeChanged.emit()
        self._show_reading(arg(self.tr("Reading the first rows of %1…"), data_file.name))
        copy = replace(provider)  # the worker's own copy

        def shown(outcome: tuple[SheetList | None, Rows | ImporterError]) -> None:
            listed, rows = outcome
            self._show_session(self._rows_shown(rows), listed)

        token = self._wanted = object()
        self.runner.run(lambda _monitor: sheets_and_rows(copy, data_file),
                        self._if_wanted(token, shown),
                        self._if_wanted(token, self._show_failure))

    def _options_changed(self) -> None:
        """Ask the session to read the file so, and show its first rows read so."""
        if self.data_file() is None or self._unfound_here() is not None:
            return
        provider = self.current_import().provider
        if not self.reading:  # the rows shown were read so: what Cancel goes back to
            self._read_before = {
                "sheet": provider.sheet, "encoding": provider.file_encoding,
                "delimiter": provider.delimiter, "skip_first_line": provider.skip_first_line}
        workbook = self.form.isRowVisible(self.sheet_combo)
        # No sheet chosen yet (the configuration's is missing): it stays the one named.
        unchosen = workbook and self.sheet_combo.currentIndex() < 0
        sheet = provider.sheet if unchosen else self.sheet_combo.currentText()
        self.session.set_reading_options(
            sheet=(sheet or None) if workbook else None,
            encoding=self.encoding_combo.currentText(),
            delimiter=self.delimiter_combo.currentData() or "semicolon",
            skip_first_line=self.header_check.isChecked())
        if unchosen:  # still nothing to read: said again
            self._read_before = None
            self.initializePage()
            return
        self.sheet_label.hide()
        self._reread(cancel=self._read_before is not None)
        if not self.reading:  # read at once
            self._read_before = None

    def _reread(self, *, cancel: bool = False) -> None:
        """Read the first rows with the current options; a failure is shown, not raised;
        ``cancel``: the reading before comes back on Cancel.

        A workbook loads a whole sheet to give its first rows (about a second for 80,000
        rows), so a large file is read in the background and Next waits for it, unless its
        rows read so are kept (the header box ticked back, a sheet shown before): at once.
        """
        data_file = self.data_file()
        if data_file is None:
            return
        provider = replace(self.current_import().provider)  # the worker's own copy
        # A read still running in the background is of what was open before (a large file
        # left for a small one): its rows would replace these.
        self._let_go_of_reading()
        if not read_in_background(data_file) or head_cached(provider, data_file):
            try:
                self._show_read(head_despite_budget(provider, data_file))
            except ImporterError as exc:
                self._show_failure(exc)
            return
        self._read_ok = False
        self.completeChanged.emit()
        self._show_reading(arg(self.tr("Reading the first rows of %1…"), data_file.name),
                           cancel=self.tr("Stop reading the file so; it is read as before "
                                          "again (Escape)") if cancel else None)
        token = self._wanted = object()
        self.runner.run(lambda _monitor: head_despite_budget(provider, data_file),
                        self._if_wanted(token, self._show_read),
                        self._if_wanted(token, self._show_failure))

    def _show_read(self, read: tuple[Head, DataFileError | None]) -> None:
        """The first rows, and why the check cannot read the whole file when it cannot."""
        head, refusal = read
        self._show_head(head)
        if refusal is not None:
            self._show_over_budget(refusal)
        self._keyboard_on_next()

    def _keyboard_on_next(self) -> None:
        """A data file opened and read: the keyboard on Next, so that Enter goes on (the
        first rows are there to look at, nothing to do in them), unless the user moved it
        while the file was read, or the file cannot go on. A first line read again as data
        (the header box unticked as detected) is waited for."""
        if not self._opening_focus or self.reading:
            return
        self._opening_focus = False
        wizard = self.wizard()
        if wizard is None or wizard.currentPage() is not self or not self.isComplete():
            return
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        if self.window().focusWidget() is self._focus_at_open and next_button.isVisible():
            next_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _show_over_budget(self, refusal: DataFileError) -> None:
        """The file's first rows stay shown (which file it is, where to split it), with
        the budget's refusal; Next waits for a file the check can read."""
        self.show_error(refusal.message)
        self.budget_label.setText(self.tr(
            "These are its first rows only: the check cannot read the whole file within its "
            "memory budget (below), so Next stays unavailable until the budget is raised or "
            "the file is split."))
        self.budget_label.show()
        self._read_ok = False
        self.completeChanged.emit()

    def _show_head(self, head: Head) -> None:
        self._show_reading(None)
        self.budget_label.hide()
        self.head_model.set_head(*head)
        self._head_fitted.fit()
        self.show_error(None)
        self._read_ok = True
        self._rows_of = self._shown_now()
        self.completeChanged.emit()
        opened, self._opening = self._opening, None
        if opened is not None:  # read: now it is a file worth opening again
            self._add_recent(opened)
            guesses, self._guesses = self._guesses or guess_from_head(head), None
            data = self._detect_header(guesses.header)
            self._detect_date_format(guesses.date_format)
            if data:
                self.header_check.setChecked(False)  # re-reads its first line as a row

    def _fit_head(self, view: QTableView) -> None:
        """The first rows' columns as wide as their titles and values (the first rows, a
        bounded sample) within the table: a value too wide is cut at the room the other
        columns leave it (a third of the table at least), so that they stay in sight;
        those the user sized at the user's widths."""
        header = view.horizontalHeader()
        self._fitting_head = True
        try:
            fit_to_room(view)
            fitted = [header.sectionSize(section) for section in range(header.count())]
            view.updateGeometries()  # the row numbers' width, else known at the next layout
            room, total = view.viewport().width(), sum(fitted)
            for section, width in enumerate(fitted):
                title = self.head_model.headerData(section, Qt.Orientation.Horizontal)
                most = max(room - (total - width), room // 3)
                header.resizeSection(section, self._head_widths.get(title, min(width, most)))
        finally:
            self._fitting_head = False

    def _head_resized_by_hand(self, section: int, width: int) -> None:
        """A column the user sized keeps its width as rows are read again."""
        title = self.head_model.headerData(section, Qt.Orientation.Horizontal)
        if not self._fitting_head and title is not None:
            self._head_widths[title] = width

    def _show_failure(self, error: ImporterError) -> None:
        self._opening_focus = False  # the keyboard stays where the user can change the reading
        self._show_reading(None)
        self.budget_label.hide()
        self.head_model.set_head(None, [])
        self.show_error(error.message)
        self._read_ok = False
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """A file must be chosen and readable."""
        return self._read_ok

    def validatePage(self) -> bool:
        """Going on waits for a file still being read (the later pages show its rows), and
        needs every import's file read: a file to choose is shown, with its button."""
        if self.reading:
            return False
        unfound = self._first_unfound()
        if unfound is not None:
            self.import_combo.setCurrentIndex(unfound)  # shows it, if another import is shown
            return False
        if not self._read_ok:
            return False  # the reason is shown here, where the reading can be changed
        return super().validatePage()

    def save(self) -> None:
        """The options are already in the provider: tell the other pages."""
        self.session.set_config(self.session.choices.config)


def _declared_codec(raw: bytes) -> str:
    """The Python codec of an XML document's declared encoding (UTF-8 when it declares none)."""
    found = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", raw)
    return codecs.lookup(found.group(1).decode("ascii") if found else "utf-8").name


def _shown_path(path: Path) -> str:
    """A path as people read it: ~ for the home folder."""
    try:
        return "~/" + readable(path.relative_to(Path.home()))
    except ValueError:
        return readable(path)
