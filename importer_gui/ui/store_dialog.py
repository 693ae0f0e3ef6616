"""Choosing the store the wizard works on: a file of one's own, or a team's PostgreSQL
database; and the password such a database may ask for (held in memory, never saved)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.core.store import Store
from importer_gui.core.store.location import PostgresUrl, StoreLocation, is_url, parse_location
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.messages_text import message_text, os_error_words
from importer_gui.ui.settings import STORES, Settings
from importer_gui.ui.tasks import TaskRunner, opening_pool
from importer_gui.ui.widgets.path_edit import PathEdit
from importer_gui.ui.widgets.progress import ProgressRow


class StoreDialog(QDialog):
    """File ▸ Open store…: a SQLite file (new or existing), or a PostgreSQL URL."""

    def __init__(self, current: StoreLocation, parent: QWidget | None = None,
                 settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.setWindowTitle(self.tr("Open store"))
        self.file_choice = QRadioButton(self.tr("A &file on this computer (SQLite)"))
        self.url_choice = QRadioButton(self.tr("A &team's PostgreSQL database"))
        group = QButtonGroup(self)
        for button in (self.file_choice, self.url_choice):
            group.addButton(button)
        # Under a choice rather than beside a label: a screen reader needs their names.
        self.path_edit = PathEdit()
        self.path_edit.setAccessibleName(self.tr("Store file"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        self.url_edit = QLineEdit()
        self.url_edit.setAccessibleName(self.tr("PostgreSQL URL"))
        self.url_edit.setPlaceholderText(self._url_example())
        self.url_hint = QLabel(self.tr(
            "One database for the team, one URL for each administrator. A password is asked "
            "for when the server wants one (or read from ~/.pgpass), and never saved."))
        self.url_hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        if isinstance(current, PostgresUrl):
            self.url_choice.setChecked(True)
            self.url_edit.setText(str(current))
        else:
            self.file_choice.setChecked(True)
            self.path_edit.set_path(current)
        group.buttonToggled.connect(self._update)
        self.path_edit.textChanged.connect(self._update)
        self.url_edit.textChanged.connect(self._update)
        self._update()

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.addWidget(self.file_choice, 0, 0, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        grid.addLayout(row, 1, 1)
        grid.addWidget(self.url_choice, 2, 0, 1, 2)
        grid.addWidget(self.url_edit, 3, 1)
        grid.addWidget(self.url_hint, 4, 1)
        grid.setColumnMinimumWidth(0, 16)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def _update(self) -> None:
        """Only the chosen kind's fields are editable; Open needs something to open."""
        url = self.url_choice.isChecked()
        self.path_edit.setEnabled(not url)
        self.browse_button.setEnabled(not url)
        self.url_edit.setEnabled(url)
        self.url_hint.setEnabled(url)
        text = self.url_edit.text() if url else self.path_edit.text()
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(bool(text.strip()))

    def _browse(self) -> None:
        """A store file, existing or new, from the folder the last one was chosen in (else
        the folder of the path in the box)."""
        try:
            typed = Path(self.path_edit.path_text()).expanduser()
        except RuntimeError:  # ~name of no user on this machine
            typed = Path()
        usual = typed.parent if typed.is_absolute() else None
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Store file"), str(self.settings.last_folder(STORES, usual)),
            self.tr("Import Assistant stores (*.sqlite3 *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path_edit.set_path(chosen)
            self.settings.remember_folder(STORES, Path(chosen))

    def _url_example(self) -> str:
        """A PostgreSQL URL's form, in the user's words (the placeholder and the refusal)."""
        return self.tr("postgresql://user@host/database")

    def location(self) -> StoreLocation:
        """What was chosen; ValueError for a URL that is not one."""
        if self.url_choice.isChecked():
            text = self.url_edit.text().strip()
            if not is_url(text):
                raise ValueError(arg(self.tr("%1 is not a PostgreSQL URL (%2)."), text,
                                     self._url_example()))
            return parse_location(text)
        typed = self.path_edit.path_text()
        try:
            path = Path(typed).expanduser()
        except RuntimeError:  # ~name of no user on this machine
            raise ValueError(arg(self.tr("%1: no user of this machine has the home folder it "
                                         "names."), typed)) from None
        if not path.is_absolute():  # it would be made wherever the program was started
            raise ValueError(arg(self.tr("%1 is not a full path: give the store's whole path, "
                                         "or choose it with the Browse button."), typed))
        return path

    def accept(self) -> None:
        """Close only with a location that reads as one."""
        try:
            self.location()
        except ValueError as exc:  # the core's message (location.py's) in the user's language
            QMessageBox.warning(self, self.windowTitle(), message_text(str(exc)))
            return
        super().accept()


def ask_password(parent: QWidget | None, location: PostgresUrl) -> str | None:
    """The password a PostgreSQL store wants, typed (hidden); None when cancelled."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.ArrowCursor)  # over the wait cursor
    try:
        text, ok = QInputDialog.getText(
            parent, translate("StoreDialog", "Password"),
            arg(translate("StoreDialog", "Password for %1:"), location),
            QLineEdit.EchoMode.Password)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return text if ok else None


class _PasswordAsker(QObject):
    """Asks on the window's thread for the password a worker opening a store wants."""

    wanted = Signal(object, object)  # the location, where the answer goes

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__()
        self._parent = parent
        self.wanted.connect(self._ask)  # queued: emitted on the worker

    def _ask(self, location: PostgresUrl, reply: list[Any]) -> None:
        reply.append(ask_password(self._parent, location))
        reply[0].set()

    def asking(self, cancelled: Callable[[], bool]) -> Callable[[PostgresUrl], str | None]:
        """What a worker calls for a password: the answer typed, None once cancelled."""
        def ask(location: PostgresUrl) -> str | None:
            reply: list[Any] = [threading.Event()]
            self.wanted.emit(location, reply)
            while not reply[0].wait(0.05):
                if cancelled():
                    return None
            return reply[1]
        return ask


class ConnectingDialog(QDialog):
    """Opening a store in the background: said, with a busy bar and Cancel; the window
    goes on meanwhile."""

    def __init__(self, location: StoreLocation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open store"))
        self.progress_row = ProgressRow(self.tr("Cancel"), self, working_text=arg(
            self.tr("Opening the store %1…"), location))
        self.progress_row.show_progress(0, 0, "")
        self.progress_row.set_running(True)
        self.progress_row.cancel_button.clicked.connect(self.reject)
        QVBoxLayout(self).addWidget(self.progress_row)
        self.resize(520, self.sizeHint().height())
        self.runner = TaskRunner(self, pool=opening_pool())
        self.outcome: Any = None  # the location opened, or the ImporterError/OSError raised
        self._asker = _PasswordAsker(self)
        self.rejected.connect(self.runner.cancel)
        cancelled = threading.Event()
        self.rejected.connect(cancelled.set)
        if isinstance(location, PostgresUrl):
            location = PostgresUrl(location.url, location.password,
                                   self._asker.asking(cancelled.is_set))
        self.runner.run(lambda monitor: _opened_path(location, monitor), self._opened,
                        self._failed)

    def _opened(self, opened: StoreLocation) -> None:
        self.outcome = opened
        self.accept()

    def _failed(self, error: ImporterError) -> None:
        if not isinstance(error, Cancelled):
            self.outcome = error
            self.accept()


def _opened_path(location: StoreLocation, monitor: Monitor) -> StoreLocation:
    """On a worker: the store opened once (made when new, upgraded when older), closed;
    its location, with the password given."""
    try:
        with Store.open(location, monitor=monitor) as store:
            monitor.check_cancelled()
            return store.path
    except OSError as exc:  # a name too long for the system
        raise ImporterError(os_error_words(exc) or str(exc)) from exc


def connect(parent: QWidget | None, location: StoreLocation) -> StoreLocation | None:
    """Open the store once, in the background (a password asked for when wanted): the
    location to work on from now on, with its password; None when cancelled, or, said in
    a message, when it cannot be opened."""
    dialog = ConnectingDialog(location, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        opened = dialog.outcome
    finally:
        dialog.deleteLater()
    if isinstance(opened, ImporterError):
        QMessageBox.warning(parent, translate("StoreDialog", "Import Assistant"),
                            message_text(opened.message))
        return None
    # Workers open the store again: with the password, never asking (no dialog can be
    # shown from a worker thread).
    if isinstance(opened, PostgresUrl):
        return PostgresUrl(opened.url, opened.password)
    return opened
