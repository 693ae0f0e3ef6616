"""The commit page's Package for the platform… and Send to the platform…: the previewed plan
(corrections included) written as a folder the platform reads as it is, then, when asked,
sent to its SFTP drop folder. Files bearing the package's names that no earlier package wrote
as they are (the user's own, or changed since) are replaced only once the user says so. An
unknown host key is shown for the user to accept, a changed one offered to replace the old
(never by default), and a password is asked for when no key
logs in; it is kept nowhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from importer_gui.core import sftp
from importer_gui.core.errors import Cancelled, ImporterError
from importer_gui.core.package import (
    NotOurFilesError,
    NotSentError,
    PackageResult,
    lower_first,
    package,
    send,
)
from importer_gui.core.plan import Plan
from importer_gui.core.progress import Monitor
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.messages_text import message_text, placed, workbook_words
from importer_gui.ui.preview_apply_dialog import WorkDialog
from importer_gui.ui.settings import KEYS, Settings
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.widgets.ask import ask
from importer_gui.ui.widgets.path_edit import PathEdit
from importer_gui.ui.widgets.rows import add_edit_with_button, message_line

DEFAULT_FOLDER_NAME = "platform-package"
SIZE_SETTINGS = "packageDialog"  # where its size and place are remembered
# How many rows left out the summary names, as check names them (the rest are counted).
ROWS_NAMED = 20

# What the core reports while packaging and sending, as it words it, for the window.
STEPS = (("Packaging ", QT_TRANSLATE_NOOP("PackageDialog", "Packaging %1")),
         ("Sending ", QT_TRANSLATE_NOOP("PackageDialog", "Sending %1")))


def step_text(what: str) -> str:
    """A step of packaging or sending, in the user's language."""
    for prefix, text in STEPS:
        if what.startswith(prefix):
            return arg(translate("PackageDialog", text), what[len(prefix):])
    return what


def typed_path(text: str) -> Path:
    """A path as typed or pasted: the spaces and line breaks around it are none of it, and
    "~" is the home folder (as the key file's placeholder writes it)."""
    path = Path(text.strip())
    try:
        return path.expanduser()
    except RuntimeError:  # "~name" and no user of that name: a relative path
        return path


# --- the work, Qt-free, run in the worker thread ---------------------------------------------

def package_and_send(plan: Plan, folder: Path, url: str, key_file: Path | None,
                     password: str | None, replace: Sequence[str], monitor: Monitor
                     ) -> tuple[PackageResult, list[str]]:
    """Write the package (replacing the files ``replace`` names, which the user agreed to
    lose); send it when ``url`` names a drop folder."""
    target = sftp.parse_target(url) if url else None
    result = package(plan, folder, monitor=monitor, replace=replace)
    if target is None:
        return result, []
    ask = None if password is None else (lambda _target: password)
    return result, send(result, target, key_file=key_file, ask_password=ask, monitor=monitor)


# --- the dialog ------------------------------------------------------------------------------

class PackageDialog(WorkDialog):
    """Where the package goes (and where it is sent), progress and Cancel, what it holds;
    closing cancels the work running (a file being sent is not left half written)."""

    def __init__(self, plan: Plan, parent: QWidget | None = None, *, send: bool = False,
                 folder: Path | None = None, synchronous: bool = False,
                 settings: Settings | None = None) -> None:
        super().__init__(parent, synchronous=synchronous)
        self.plan = plan
        self.settings = settings or Settings()
        self.result: PackageResult | None = None
        self.sent: list[str] = []
        self._password: str | None = None  # for one attempt only
        # The files the user agreed to replace in that folder: for one attempt only.
        self._replace: tuple[Path, list[str]] | None = None
        self._sending = send
        self._busy = False  # packaging or sending runs
        self.setWindowTitle(self.tr("Send to the platform") if send
                            else self.tr("Package for the platform"))
        self._build(send)
        self.remember_size(SIZE_SETTINGS, (760, 420), self.settings)
        self.folder_edit.set_path(folder or self._last_folder())
        address, key_file = self.settings.send_to()  # where last month's package went
        self.url_edit.setText(address)
        self._say_send_to()  # an empty box emits nothing
        self.key_edit.set_path(key_file)

    def _last_folder(self) -> Path:
        """Where this configuration's last package went (a shared folder, every month);
        beside the configuration the first time, or once that place is gone."""
        source = self.plan.config.source
        remembered = self.settings.package_folder(source) if source else None
        return remembered or self._base() / DEFAULT_FOLDER_NAME

    def _base(self) -> Path:
        """Where the package goes by default: beside the configuration (home, unsaved)."""
        source = self.plan.config.source
        return source.parent if source else Path.home()

    def _build(self, send: bool) -> None:
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr(
            "The package holds the configuration as the platform reads it and one CSV file "
            "per import with the rows without errors, as the preview shows them (your "
            "corrections included). The teachers' import is Import Assistant's own and stays "
            "out."), self)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.folder_edit = PathEdit(self)
        self.folder_edit.setObjectName("packageFolder")
        self.folder_edit.setPlaceholderText(self.tr("Choose the folder to write the package in"))
        self.folder_edit.textChanged.connect(self._offer_actions)
        add_edit_with_button(form, self.tr("&Folder:"), self.folder_edit, self.tr("&Browse…"),
                             self.choose_folder)
        self.url_edit = QLineEdit(self)
        self.url_edit.setObjectName("packageUrl")
        self.url_edit.setPlaceholderText(self.tr("sftp://user@host/folder"))
        self.url_edit.textChanged.connect(self._say_send_to)
        form.addRow(self.tr("Send &to (SFTP):"), self.url_edit)
        self.key_edit = PathEdit(self)
        self.key_edit.setObjectName("packageKey")
        self.key_edit.setPlaceholderText(self.tr(
            "Optional: your usual SSH key, else a password is asked for"))
        self.key_edit.setToolTip(self.tr(
            "When empty, the keys of your SSH agent or of your .ssh folder are tried"))
        add_edit_with_button(form, self.tr("&Key file:"), self.key_edit, self.tr("C&hoose…"),
                             self.choose_key)
        layout.addLayout(form)
        self.summary = message_line(self, "packageSummary", Look.NOTICE)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # messages name <elements>
        # Its box takes the spare height: centred in it, a band of space showed above it.
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Scrolled: it names every row left out (up to ROWS_NAMED).
        self.summary_area = QScrollArea(self)
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary_area.setWidget(self.summary)
        self.summary_area.hide()
        layout.addWidget(self.summary_area, 1)
        # Until a summary shows, the spare height goes below the fields (the stretch above is
        # hidden with it): shared out, it opened bands above the explanation and the fields.
        layout.addStretch(0)
        self._add_progress_and_error(layout, "package", self.tr("C&ancel"), describe=step_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.package_button = QPushButton(self.tr("&Package"), self)
        self.package_button.clicked.connect(lambda: self.start(send=False))
        self.send_button = QPushButton(self.tr("Package and &send"), self)
        self.send_button.clicked.connect(lambda: self.start(send=True))
        buttons.addButton(self.package_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        (self.send_button if send else self.package_button).setDefault(True)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)

    def choose_folder(self) -> None:
        """Pick the package's folder."""
        path = QFileDialog.getExistingDirectory(self, self.tr("Package folder"),
                                                self.folder_edit.path_text())
        if path:
            self.folder_edit.set_path(path)

    def choose_key(self) -> None:
        """Pick a private key file, from the folder the last one was chosen in (else the
        key file's in the box, else ~/.ssh)."""
        typed = self.key_edit.path_text()
        usual = typed_path(typed).parent if typed else Path.home() / ".ssh"
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Private key"), str(self.settings.last_folder(KEYS, usual)))
        if path:
            self.key_edit.set_path(path)
            self.settings.remember_folder(KEYS, Path(path))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape while the work runs cancels it as Cancel does, and the dialog stays to say
        what was left (as the wizard's Escape); once nothing runs, Escape closes."""
        if event.key() == Qt.Key.Key_Escape and self.runner.busy:
            self.runner.cancel()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- working -----------------------------------------------------------------------------

    def start(self, *, send: bool) -> None:
        """Package (and send, when asked) in the background."""
        if self.runner.busy:
            return
        folder = self._folder()
        if folder is None:
            return
        url = self.url_edit.text().strip() if send else ""
        if send and not url:
            self._show_error(self.tr("Give the platform's SFTP address "
                                     "(sftp://user@host/folder) to send the package to."))
            self.url_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # where to type it
            return
        self._running(True, self.tr("Packaging…"))
        self.summary_area.hide()  # an earlier package's summary would not be this one's
        self._sending = send
        plan = self.plan
        key_file = self.key_edit.path_text()
        key = typed_path(key_file) if key_file else None
        password, self._password = self._password, None
        agreed, self._replace = self._replace, None
        replace = agreed[1] if agreed is not None and agreed[0] == folder else []
        self.runner.run(lambda m: package_and_send(plan, folder, url, key, password, replace,
                                                   m),
                        self._on_done, self._on_failed)

    def _folder(self) -> Path | None:
        """The folder typed, or None (the refusal shown): a relative path is refused, since
        nothing the user sees says what it would be relative to (the program's working
        folder is not shown anywhere, and the configuration's folder only by the default),
        and the safety checks must name the folder the package would really go in."""
        text = self.folder_edit.path_text()
        if not text:  # the actions are off meanwhile
            return None
        if text.lower().startswith("file:"):  # pasted from a file manager's address bar
            url = QUrl(text)
            if url.host() not in ("", "localhost"):
                self._show_error(arg(self.tr(
                    "%1 names a folder of another computer (%2): choose a folder of this "
                    "one."), text, url.host()))
                return None
            text = url.path() or text
        folder = typed_path(text)
        if not folder.is_absolute():
            self._show_error(arg(self.tr(
                "%1 is not a full path: give the folder's whole path, such as %2, or choose "
                "the folder with the Browse button."), text, self._base() / folder))
            return None
        return folder

    def _on_done(self, outcome: tuple[PackageResult, list[str]]) -> None:
        self._running(False, "")
        self.result, self.sent = outcome
        if self.plan.config.source is not None:
            self.settings.remember_package_folder(self.plan.config.source, self.result.folder)
        if self.sent:
            self.settings.remember_send_to(self.url_edit.text().strip(),
                                           self.key_edit.path_text())
        self._show_summary(self.result, self.sent)
        # Done: Enter closes; packaging again over this package takes a deliberate click.
        for button in (self.package_button, self.send_button):
            button.setDefault(False)
        self.close_button.setDefault(True)

    def _show_summary(self, result: PackageResult, sent: list[str]) -> None:
        """What the package written holds (and where it was sent)."""
        lines = [arg(self.tr("Package written in %1:"), result.folder),
                 arg(self.tr("%1 (the configuration)"), result.config.name)]
        lines += [arg(self.tr("%1: %Ln row(s) from %2", "", f.rows), f.path.name,
                      f.source.name) for f in result.files]
        lines += [message_text(notice) for notice in result.notices]
        if sent:
            lines.append(arg(self.tr("Sent to %1: %Ln file(s).", "", len(sent)),
                             self.url_edit.text().strip()))
        if result.left_out:
            lines.append(self.tr("%Ln row(s) with errors were left out.", "",
                                 len(result.left_out)))
            lines += self._left_out_lines(result)
        self.summary.setText("\n".join(lines))
        whole = sent or not self._sending  # what was asked was done
        set_look(self.summary, Look.SUCCESS if whole and not result.left_out
                 else Look.NOTICE)
        self.summary.show()
        self.summary_area.show()

    def _left_out_lines(self, result: PackageResult) -> list[str]:
        """The rows left out as check names them ("learners.csv:5: ERROR candidateName: …"),
        in the user's language: the first ROWS_NAMED rows, then how many more."""
        issue_text = workbook_words().issue_text
        lines = [placed(f"{row.file.name}:{row.line}", issue_text(issue))
                 for row in result.left_out[:ROWS_NAMED] for issue in row.issues]
        more = len(result.left_out) - ROWS_NAMED
        if more > 0:
            lines.append(arg(self.tr("Other rows left out, not listed here: %1."),
                             LocaleText().number(more)))
        return lines

    def _on_failed(self, error: ImporterError) -> None:
        self._running(False, "")
        if isinstance(error, NotSentError):  # written, then not sent: say where it is
            self.result, self.sent = error.result, []
            self._show_summary(error.result, [])
            self._not_sent(error)
        elif isinstance(error, Cancelled):
            self.status.setText(self.tr("Cancelled: what was sent is whole; nothing is half "
                                        "written."))
        elif isinstance(error, sftp.UnknownHostKeyError):
            if self._accept_host_key(error.key):
                self.start(send=True)
        elif isinstance(error, sftp.ChangedHostKeyError):
            if self._replace_host_key(error):
                self.start(send=True)
        elif isinstance(error, sftp.PasswordNeededError):
            if self._ask_password(error.target):
                self.start(send=True)
        elif isinstance(error, NotOurFilesError):
            if self._agree_to_replace(error):
                self.start(send=self._sending)
        else:
            self._show_error(error.message)

    def _not_sent(self, error: NotSentError) -> None:
        """Sending the package written failed: ask what it needs (a host key, a password)
        and send again, else say why, and that the package is in its folder."""
        cause = error.error
        if isinstance(cause, Cancelled):
            self.status.setText(arg(self.tr(
                "Cancelled: the package is in %1; what was sent is whole, nothing is half "
                "written."), error.result.folder))
        elif isinstance(cause, sftp.UnknownHostKeyError | sftp.ChangedHostKeyError
                        | sftp.PasswordNeededError):
            self._on_failed(cause)
        elif error.says_sending:  # "sending to … failed: …" is its own
            self._show_error(arg(self.tr(
                "The package was written in %1; %2 Send it again with Package and send."),
                error.result.folder, lower_first(message_text(cause.message))))
        else:
            self._show_error(arg(self.tr(
                "The package was written in %1; sending it failed: %2 Send it again with "
                "Package and send."), error.result.folder,
                lower_first(message_text(cause.message))))

    def _agree_to_replace(self, error: NotOurFilesError) -> bool:
        """Ask before replacing files with the package's names that no earlier package
        wrote as they are; the refusal is shown when the user keeps them."""
        count = len(error.names)
        answer = ask(self, self.tr("Replace these files?", "", count), arg(self.tr(
            "%1 already holds files with the package's names that no earlier package wrote "
            "as they are now (your own, or changed since):\n\n%2\n\nThe package would "
            "replace them; they cannot be got back. Replace them?", "", count), error.folder,
            "\n".join(error.names)), [self.tr("&Keep them", "", count),
                                     self.tr("&Replace them", "", count)], escape=0)
        if answer != 1:
            self._show_error(error.message)
            return False
        self._replace = (error.folder, error.names)
        return True

    def _accept_host_key(self, key: sftp.HostKey) -> bool:
        """Show an unknown host key; remember it when the user trusts it (not the default:
        a key is trusted on purpose, never by Enter)."""
        answer = ask(self, self.tr("Unknown host key"), arg(self.tr(
            "The server %1 is not in your known hosts. Its %2 key has the fingerprint\n\n%3\n\n"
            "Trust it only if it is the one your platform's administrators gave you."),
            key.host, key.key_type, key.fingerprint),
            [self.tr("&Don't send"), self.tr("&Trust this key and send")], escape=0)
        return self._kept_if(answer == 1, lambda: sftp.remember_host_key(key),
                             self.tr("The host key was not accepted: nothing was sent."))

    def _replace_host_key(self, error: sftp.ChangedHostKeyError) -> bool:
        """Show a host key that changed beside the old one; put it in place of the old in the
        known hosts when the user says so (not the default: never by Enter)."""
        answer = ask(self, self.tr("Host key changed"), arg(self.tr(
            "The host key of %1 has changed since you last sent to it. Its %2 key now has the "
            "fingerprint\n\n%3\n\ninstead of\n\n%4\n\nSomeone may be posing as the server. "
            "Replace the old key only if your platform's administrators told you it changed: "
            "the server's old key is then removed from %5."),
            error.key.host, error.key.key_type, error.new_fingerprint, error.old_fingerprint,
            error.known_hosts),
            [self.tr("&Don't send"), self.tr("&Replace the old key and send")], escape=0)
        return self._kept_if(answer == 1, lambda: sftp.replace_host_key(error),
                             self.tr("The changed host key was not accepted: nothing was "
                                     "sent."))

    def _kept_if(self, accepted: bool, keep: Callable[[], None], refused: str) -> bool:
        """A host key the user answered for: kept in the known hosts by ``keep`` when
        ``accepted``, else ``refused`` said; False when not kept (its failure said)."""
        if not accepted:
            self._show_error(refused)
            return False
        try:
            keep()
        except ImporterError as exc:
            self._show_error(exc.message)
            return False
        return True

    def _ask_password(self, target: sftp.SftpTarget) -> bool:
        """Ask for the password of one attempt; it is never written anywhere."""
        password, ok = QInputDialog.getText(
            self, self.tr("Password"), arg(self.tr("Password of %1 on %2:"), target.user,
                                           target.host), QLineEdit.EchoMode.Password)
        if not ok:
            self._show_error(self.tr("No password was given: nothing was sent."))
            return False
        self._password = password
        return True

    def _running(self, running: bool, text: str) -> None:
        """The shared progress row, and neither action offered while one runs."""
        if running and (self.package_button.hasFocus() or self.send_button.hasFocus()):
            # Disabled, the button pressed would hand the keyboard on to Close: the next Enter
            # (the key held) would close the dialog and stop the work. In the folder box,
            # Enter presses the default, off while the work runs.
            self.folder_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        super()._running(running, text)
        self._busy = running
        self._offer_actions()

    def _say_send_to(self) -> None:
        """Package and send's tooltip: where it sends, or that it needs an address first."""
        url = self.url_edit.text().strip()
        self.send_button.setToolTip(arg(self.tr("Write the package, then send it to %1"), url)
                                    if url else self.tr(
            "Give the platform's SFTP address in Send to (SFTP) first"))

    def _offer_actions(self) -> None:
        """Package and Package and send, offered while nothing runs and a folder is given
        (an empty field is no folder: never the program's working folder)."""
        ready = not self._busy and bool(self.folder_edit.text().strip())
        self.package_button.setEnabled(ready)
        self.send_button.setEnabled(ready)
