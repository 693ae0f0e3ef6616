"""The main window: the wizard in the middle, File / Tools / Help menus around it.

Kept apart from ``app.py`` so that ``run_gui`` can report a Qt that does not load before any
Qt import happens. File ▸ Open store… (and Recent stores) changes the store the wizard,
the store browser and About work on: a file, or a team's PostgreSQL database.
"""

from __future__ import annotations

import filecmp
import logging
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QWidget

from importer_gui.core.paths import data_dir, default_store_path, readable
from importer_gui.core.store import PostgresUrl, StoreLocation
from importer_gui.resources import sample_config_path
from importer_gui.ui import labels, store_dialog, tasks
from importer_gui.ui.about import AboutDialog
from importer_gui.ui.i18n import arg
from importer_gui.ui.language import language_menu
from importer_gui.ui.messages_text import message_text, system_reason_text
from importer_gui.ui.refresh_dialog import RefreshDialog
from importer_gui.ui.settings import Settings
from importer_gui.ui.state import WizardState
from importer_gui.ui.store_browser import (
    BROWSER_KEY,
    StoreBrowser,
    browser_of,
    close_browsers,
    session_browser,
)
from importer_gui.ui.store_dialog import StoreDialog
from importer_gui.ui.wizard import Wizard

log = logging.getLogger(__name__)

T = TypeVar("T")  # what a numbered menu lists

DEFAULT_SIZE = (1180, 760)  # fits a 1280x800 screen with its panels
WINDOW_SETTINGS = "mainWindow"  # where its size and place are remembered


def user_sample(shipped: Path) -> Path:
    """The shipped sample folder copied into the user's data folder (``data_dir()/sample``):
    a commit writes its error logs beside the configuration, and the application's own
    folder is no place for them (read-only when installed). A file is copied when the copy
    lacks it or differs from it; what a commit wrote there stays. OSError when it cannot
    be copied."""
    target = data_dir() / shipped.name
    for source in sorted(shipped.rglob("*")):
        if not source.is_file() or source.suffix == ".py" or "__pycache__" in source.parts:
            continue  # the sample's generator is the maintainers'
        copy = target / source.relative_to(shipped)
        if copy.is_file() and filecmp.cmp(source, copy, shallow=False):
            continue  # as shipped: untouched, so a file checked before keeps its stamp
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
    return target


class MainWindow(QMainWindow):
    """Holds the wizard; menus reach opening, the sample, the store browser and About."""

    def __init__(self, store_path: StoreLocation | None = None, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        """On ``store_path``; None: the store used last, else the default one."""
        super().__init__(parent)
        self.settings = settings or Settings()
        self.store_path: StoreLocation = store_path or next(
            iter(self.settings.recent_stores()), default_store_path())
        self.state = WizardState(self.store_path, self)
        # Another store put in place of the window's: said where the window says of its store.
        self.state.store_replaced.connect(
            lambda text: self.statusBar().showMessage(message_text(text)))
        self.wizard = Wizard(self.state, self.settings, self)
        # A QWizard is a dialog: made a plain widget, it lives inside the window.
        self.wizard.setWindowFlags(Qt.WindowType.Widget)
        self.setCentralWidget(self.wizard)
        self._show_store()
        # As left last; the first time no larger than the screen (a 1280x720 projector).
        self.settings.restore_geometry(WINDOW_SETTINGS, self, DEFAULT_SIZE, within_screen=True)
        self.setAcceptDrops(True)
        self._build_menus()
        if isinstance(self.store_path, PostgresUrl):  # its password, once the window shows
            QTimer.singleShot(0, lambda: self.use_store(self.store_path))
        tasks.load_workbook_reader()  # while the user chooses a file

    # --- menus --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        """File, Tools and Help, each entry with a mnemonic (and shortcut where usual)."""
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open…"), self.wizard.choose_file,
                                        QKeySequence.StandardKey.Open)
        file_menu.addAction(self.open_action)
        self.sample_action = self._action(self.tr("Open &sample"), self.open_sample)
        self.sample_action.setEnabled(sample_config_path().is_file())
        file_menu.addAction(self.sample_action)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent files"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        self.store_action = self._action(self.tr("Open s&tore…"), self.open_store)
        file_menu.addAction(self.store_action)
        self.stores_menu = file_menu.addMenu(self.tr("R&ecent stores"))
        self.stores_menu.aboutToShow.connect(self._fill_recent_stores)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&New import"), self.wizard.new_import,
                                         QKeySequence.StandardKey.New))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close,
                                         QKeySequence.StandardKey.Quit))
        tools = self.menuBar().addMenu(self.tr("&Tools"))
        tools.addAction(self._action(self.tr("&Store browser…"), self.open_store_browser,
                                     QKeySequence(BROWSER_KEY)))
        tools.addAction(self._action(self.tr("&Refresh from the platform's exports…"),
                                     self.open_refresh))
        self.menuBar().addMenu(language_menu(self))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Import Assistant"), self.show_about))

    def _action(self, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        """A menu action with an optional shortcut."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    def _fill_numbered(self, menu: QMenu, items: Sequence[T], name: Callable[[T], str],
                       chosen: Callable[[T], object], clear: Callable[[], None],
                       none: str) -> list[QAction]:
        """``menu`` anew: one action per item, by its name (numbered for the keyboard up to
        9, its full text in the tooltip), and Clear the list, or ``none`` said when there
        is none; the items' actions."""
        menu.clear()
        actions = []
        for number, item in enumerate(items, start=1):
            prefix = f"&{number} " if number < 10 else ""
            action = menu.addAction(f"{prefix}{readable(name(item))}")
            action.setToolTip(readable(str(item)))
            action.triggered.connect(lambda _=False, i=item: chosen(i))
            actions.append(action)
        if not items:
            menu.addAction(none).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(self.tr("&Clear the list"), clear)
        return actions

    def _fill_recent(self, menu: QMenu | None = None) -> None:
        """The recent files, newest first."""
        self._fill_numbered(menu or self.recent_menu, self.settings.recent_files(),
                            lambda path: path.name, self.open_file, self.settings.clear_recent,
                            self.tr("(none yet)", "files"))

    def _fill_recent_stores(self, menu: QMenu | None = None) -> None:
        """The stores opened before, the last one first; the one in use is checked."""
        stores = self.settings.recent_stores()
        actions = self._fill_numbered(menu or self.stores_menu, stores, self.store_name,
                                      self.use_recent_store, self.settings.clear_recent_stores,
                                      self.tr("(none yet)", "stores"))
        for location, action in zip(stores, actions, strict=True):
            action.setCheckable(True)
            action.setChecked(str(location) == str(self.store_path))

    def store_name(self, location: StoreLocation) -> str:
        """A store, short, in the user's language: a file's name, or a database and its
        host."""
        return labels.store_name(location)

    # --- commands -----------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open a data file or configuration in the wizard."""
        return self.wizard.open_file(path)

    def open_sample(self) -> bool:
        """Open the sample configuration (and its workbooks), from its copy in the user's
        data folder: straight to the preview."""
        path = sample_config_path()
        if not path.is_file():
            self._error(arg(self.tr("The sample is not installed (%1)."), path))
            return False
        try:
            folder = user_sample(path.parent)
        except OSError as exc:
            self._error(arg(self.tr("The sample could not be copied to %1: %2"),
                            data_dir() / path.parent.name, system_reason_text(exc)))
            return False
        return self.open_file(folder / path.name)

    def open_store(self) -> bool:
        """File ▸ Open store…: choose a store file or a PostgreSQL URL, and work on it."""
        if not self.wizard.may_stop_commit():
            return False
        dialog = StoreDialog(self.store_path, self, self.settings)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            return self.use_store(dialog.location())
        finally:
            dialog.deleteLater()

    def use_recent_store(self, location: StoreLocation) -> bool:
        """A store chosen in File ▸ Recent stores: a file gone since the menu was shown (a
        share unmounted, the file moved) is said gone, never made again empty there."""
        if isinstance(location, Path) and not location.exists():
            self.statusBar().showMessage(arg(self.tr(
                "The store %1 is no longer there. File ▸ Open store… opens another."), location))
            return False
        return self.use_store(location)

    def use_store(self, location: StoreLocation) -> bool:
        """Work on another store (or the same, with its password): opened once here, so that
        a password is asked for now and a store that cannot be opened says so, and the
        wizard's current store stays as it was. A commit running is stopped first (once
        the user agreed): its rows would go to the store left, which the window no longer
        shows."""
        if not self.wizard.may_stop_commit():
            return False
        opened = store_dialog.connect(self, location)
        if opened is None:
            return False
        changed = str(opened) != str(self.store_path)
        if changed:  # the one left stays a click away
            self.settings.add_recent_store(self.store_path)
        self.store_path = opened
        self.state.session.store_path = opened
        self.settings.add_recent_store(opened)
        self._show_store()
        if changed:
            # What the status bar said was of the other store (the last one gone, say).
            self.statusBar().clearMessage()
            # The shown plan was checked against the other store: every view reads this
            # one now (the preview checks again), as after a run.
            self.state.store_changed.emit(0)
        return True

    def _show_store(self) -> None:
        """The title names the store, unless it is the usual one."""
        if str(self.store_path) == str(default_store_path()):
            self.setWindowTitle(self.tr("Import Assistant"))
        else:
            self.setWindowTitle(arg(self.tr("Import Assistant — %1"),
                                   self.store_name(self.store_path)))

    def open_refresh(self) -> None:
        """Tools ▸ Refresh from the platform's exports…; its run reaches every view."""
        dialog = RefreshDialog(self.store_path, self, session=self.state.session,
                               settings=self.settings)
        dialog.store_changed.connect(self.state.session.record_run)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_store_browser(self) -> StoreBrowser:
        """Show the store's records and the history of runs beside the wizard, one browser
        per store: one already open on the window's store is brought to the front. A revert
        from it reaches every view, and a run made meanwhile refreshes it."""
        shown = browser_of(self, self.store_path)
        if shown is not None:
            shown.bring_to_front()
            return shown
        browser = session_browser(self.state.session, self, settings=self.settings)
        # Deleted once closed: what it still reads goes to nobody.
        browser.finished.connect(browser.deleteLater)
        self.state.follow_store(browser)
        browser.show()
        return browser

    def show_about(self) -> None:
        """The About dialog (versions, where the data and the log live)."""
        AboutDialog(self.store_path, self).exec()

    def _error(self, text: str) -> None:
        """One clear line in a message box."""
        QMessageBox.warning(self, self.tr("Import Assistant"), message_text(text))

    # --- events -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quit and the window's close button ask first when a commit runs or corrections
        are not saved; the work in the background is stopped before the window goes, and
        its size and place are kept for the next start."""
        if not self.wizard.may_close(self.close):
            event.ignore()
            return
        self.settings.save_geometry(WINDOW_SETTINGS, self.saveGeometry())
        # Gone from the screen first: a workbook's sheet being loaded hears the cancel only
        # once loaded, and the window would stand frozen meanwhile.
        self.hide()
        self.wizard.stop_work()
        close_browsers(self)  # those of Tools ▸ Store browser…, beside the window
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Files dropped anywhere on the window go to the wizard."""
        self.wizard.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped file."""
        self.wizard.dropEvent(event)

