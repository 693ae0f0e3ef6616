"""Page 4: the XML the choices make, editable; save it anywhere or into the library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from importer_gui.core import first_rows
from importer_gui.core.catalogue import ACTIONS, CONFIG_SUFFIXES
from importer_gui.core.config import Import, ImportConfig, kept_imports, relocated
from importer_gui.core.errors import ConfigError, ImporterError
from importer_gui.core.paths import resolved
from importer_gui.ui.i18n import arg
from importer_gui.ui.labels import catalogue_text
from importer_gui.ui.messages_text import message_kind, message_text, system_reason_text
from importer_gui.ui.pages.base import BasePage, read_head, read_in_background
from importer_gui.ui.settings import CONFIGURATIONS, Settings, library_name_for
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look, current, look_of, on_scheme_change, set_look
from importer_gui.ui.tasks import TaskRunner, saving_pool
from importer_gui.ui.widgets.ask import ask
from importer_gui.ui.widgets.editor_text import change_lines, merged, plain_text
from importer_gui.ui.widgets.find_bar import FindBar
from importer_gui.ui.widgets.spoken import Politeness, SpokenLine
from importer_gui.ui.widgets.xml_highlighter import XmlHighlighter

PARSE_DELAY_MS = 500  # parse once typing pauses, not at every key
# A check's outcome as a screen reader is told of it: valid, or a mistake's line and kind.
CheckOutcome = tuple[int, str]
VALID: CheckOutcome = (0, "")
NOTHING_SAID: CheckOutcome = (-1, "")


class ConfigPage(BasePage):
    """The configuration as XML: highlighted, parsed back after each edit."""

    def __init__(self, state: WizardState, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.settings = settings or Settings()
        self.setTitle(self.tr("The configuration"))
        self.setSubTitle(self.tr(
            "This is the XML the platform reads. Edit it here if you like: the earlier pages "
            "follow. Save it to send it on, or into your library to use it again."))
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("xmlEditor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # Tab leaves the editor as it leaves any field: without it the page was a trap to a
        # keyboard. Indenting is the space bar's (the parser reads no indentation).
        self.editor.setTabChangesFocus(True)
        self.highlighter = XmlHighlighter(self.editor.document())
        on_scheme_change(self._recolour_error_line)
        self.body.addWidget(self.editor, 1)
        self.find_bar = FindBar(self.editor, self, self)  # Ctrl+F anywhere on the page
        self.body.addWidget(self.find_bar)
        self.status_label = SpokenLine(self)
        self.status_label.setObjectName("xmlStatus")
        self.status_label.setWordWrap(True)
        self.body.addWidget(self.status_label)
        self.body.addLayout(self._buttons())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARSE_DELAY_MS)
        self._timer.timeout.connect(self._parse_in_background)
        # The parse running in the background still wanted: a newer text, or a parse on the
        # spot (Back, a save), overtakes it and its outcome is dropped.
        self._parsing: object | None = None
        self._showing = False  # text is being set from the state, not typed
        self._shown = ""  # the text last set from the state
        self._shows: tuple[object, ...] | None = None  # what it is the configuration of
        self._valid = True
        self._error = ""
        self._said = NOTHING_SAID  # the outcome of a check last announced
        # Where an edit held kept its lines over the earlier pages' change, said until typing.
        self._note = ""
        self._typing = False  # the text parsed is the one being typed: the cursor is the user's
        # The import edited when the user last moved the cursor (by typing, a click, a key, a
        # find): coming back for that import, the cursor stays where they left it.
        self._moved_on: int | None = None
        self._placing = False  # the page moves the cursor, not the user
        self.editor.textChanged.connect(self._edited)
        self.editor.cursorPositionChanged.connect(self._cursor_moved)
        self.runner = TaskRunner(self)  # a large file's headers are read off the GUI thread
        self._checking: object | None = None  # the check in the background still wanted
        # A large configuration takes a second to copy, write and read back: saved off the
        # window's thread, in a pool of its own, which Back, Next and quitting wait for.
        self.save_runner = TaskRunner(self, pool=saving_pool())

    def _buttons(self) -> QHBoxLayout:
        """Save as… and Save to library."""
        row = QHBoxLayout()
        self.save_as_button = QPushButton(self.tr("Save &as…"), self)
        self.save_as_button.clicked.connect(self._ask_save_as)
        self.library_button = QPushButton(self.tr("Save to l&ibrary…"), self)
        self.library_button.clicked.connect(self._ask_library_name)
        row.addWidget(self.save_as_button)
        row.addWidget(self.library_button)
        row.addStretch(1)
        return row

    def initializePage(self) -> None:
        """Show the configuration as XML; an edit not valid yet, left by Back, stays, with
        what the earlier pages changed in the configuration since (``_take_held``)."""
        from importer_gui.core import config_xml

        text = config_xml.dumps(self.session.choices.config)
        self._typing = False
        if self._holds_edit():
            self._take_held(text)
            self.parse_now()  # its error said again, at its line
            return
        self._stop_parsing()
        self._note = ""
        self._shown = text
        self._show(text)
        if self._moved_on != self.session.choices.import_index:
            self._go_to_import(text)
        refused = self._refused(text)
        if refused is not None:
            self._set_status(refused)
            return
        choices = self.session.choices
        self._check_columns(choices.config, list(choices.data_files), apply=False)

    def _show(self, text: str) -> None:
        """Put the state's ``text`` in the editor: the same configuration changed on the
        earlier pages, only the lines it changed, the user's cursor, scroll and undo
        history kept; another configuration (or data file), all of it anew."""
        choices = self.session.choices
        shows, self._shows = self._shows, (choices.config_path, tuple(choices.data_files))
        if plain_text(self.editor) == text:
            return  # its undo history and cursor are kept
        with self._setting_text():
            if shows == self._shows:
                change_lines(self.editor, text)
            else:
                self.editor.setPlainText(text)
                self._moved_on = None  # another configuration: nowhere the user left the cursor

    @contextmanager
    def _setting_text(self) -> Iterator[None]:
        """The editor's text changed by the page, not typed by the user."""
        self._showing = True
        try:
            yield
        finally:
            self._showing = False

    def _cursor_moved(self) -> None:
        """The user moved the cursor: it is theirs while this import is edited."""
        if not (self._showing or self._placing):
            self._moved_on = self.session.choices.import_index

    def _place_cursor(self, cursor: QTextCursor) -> None:
        """Put the cursor at ``cursor`` for the user, who did not move it there."""
        self._placing = True
        try:
            self.editor.setTextCursor(cursor)
        finally:
            self._placing = False

    def _go_to_import(self, text: str) -> None:
        """The cursor at the start of the edited import's <import> (``text`` is the
        editor's), that line at the top of the editor: in a configuration of many imports,
        the one the earlier pages show, not the first."""
        from importer_gui.core import config_xml

        lines = config_xml.import_lines(text)
        index = self.session.choices.import_index
        if len(lines) < 2 or index >= len(lines):
            return
        block = self.editor.document().findBlockByNumber(lines[index] - 1)
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + max(block.text().find("<import"), 0))
        self._place_cursor(cursor)
        self.editor.verticalScrollBar().setValue(block.blockNumber())

    def _refused(self, text: str) -> ConfigError | None:
        """What the check refuses in the state's configuration, said here too, not only by
        the preview: the check binds that configuration, not the text, so the text shown
        (``text``) is parsed only to say a refusal at its line there."""
        from importer_gui.core import config_xml

        config = self.session.choices.config
        try:
            _bind(config)
        except ConfigError as exc:
            refused = exc
        else:
            return None
        try:  # bound again as parsed, its line is the editor's, not the file's it came from
            _bind(config_xml.loads(text, source=config.source))
        except ConfigError as exc:
            return exc
        return refused

    def going_back(self) -> None:
        """Back: XML typed and not parsed yet (Back pressed within the parse delay) goes
        into the state as Next takes it; an edit not valid stays in the editor, to be
        shown again on the way back and refused by a save (``unwritten``)."""
        if self._unparsed():
            self.parse_now(at_once=True)

    def unwritten(self) -> bool:
        """Whether the page, left by Back, holds an edit not valid, kept out of the state,
        on the configuration still open (changed on the earlier pages since, or not)."""
        return self._holds_edit()

    def refusal(self) -> str:
        """Why the editor's text is not in the configuration yet (an edit left by Back, not
        valid: ``unwritten``), as the status says it."""
        if self._checking is not None:
            return self._still_checking()
        return self._error or self.tr("Fix the configuration first.")

    def drop_unwritten(self) -> None:
        """The edit not valid, left by Back, dropped (the user agreed): the editor shows the
        state's configuration again, checked anew once the user comes to the page."""
        if self.unwritten():
            self._stop_parsing()
            self._show(self._shown)

    def _holds_edit(self) -> bool:
        """Whether the editor holds an edit not parsed into the state (nor being checked),
        made on the configuration still open (another one, or another file, drops it)."""
        choices = self.session.choices
        return (not self._valid and self._checking is None
                and plain_text(self.editor) != self._shown
                and self._shows == (choices.config_path, tuple(choices.data_files)))

    def _take_held(self, text: str) -> None:
        """The edit held made on the state's configuration as now (``text``): the earlier
        pages' changes since (a mapping written by Next) go into it where the user did not
        type; where they changed the lines the user typed on, the user's lines stay, and the
        status says so."""
        if text == self._shown:
            return
        held, not_taken = merged(self._shown, plain_text(self.editor), text)
        self._shown = text
        with self._setting_text():
            change_lines(self.editor, held)
        self._note = "" if not_taken is None else arg(self.tr(
            "Kept as you typed it at line %1, where the earlier pages changed the "
            "configuration too: their change is not in it."), not_taken)

    def _edited(self) -> None:
        """Typing restarts the parse delay; the page waits for a valid document. What the
        user types, valid or not yet, is a change to save."""
        if self._showing:
            return
        self.session.config_edited_by_hand()
        self._checking = None  # of the text before: this one is checked once parsed
        self._parsing = None  # likewise
        self._typing = True
        self._note = ""  # the text is the user's as it is now
        self._valid = False
        self.completeChanged.emit()
        self._timer.start()

    def _unparsed(self) -> bool:
        """Whether the text typed is not parsed yet (the typing pause, or its parse in the
        background, not over)."""
        return self._timer.isActive() or self._parsing is not None

    def _stop_parsing(self) -> None:
        """The text typed is parsed no more: the typing pause stopped, a parse in the
        background dropped (the page shows another text, or parses this one on the spot)."""
        self._timer.stop()
        self._parsing = None

    def _parse_in_background(self) -> None:
        """Parse the text once typing pauses, off the window's thread (a configuration of
        thousands of lines takes half a second); then as ``parse_now``."""
        text, source, imports, files = self._to_parse()
        token = self._parsing = object()

        def parsed(outcome: tuple[ImportConfig, list[Path]] | ConfigError) -> None:
            if token is self._parsing:  # else overtaken: edited since, or parsed on the spot
                self._parsing = None
                self._take_parse(outcome, at_once=False, typed=True)

        def failed(error: ImporterError) -> None:
            if token is self._parsing:
                self._parsing = None
                self._set_status(ConfigError(error.message), typed=True)

        self.runner.run(lambda _monitor: _parsed(text, source, imports, files), parsed, failed)

    def _to_parse(self) -> tuple[str, Path | None, list[Import], list[Path]]:
        """The text, and what ``_parsed`` reads of the session's configuration: copies a
        worker may read while the earlier pages change the session's."""
        choices = self.session.choices
        imports = [replace(imp, provider=replace(imp.provider), actions=list(imp.actions))
                   for imp in choices.config.imports]
        return plain_text(self.editor), choices.config.source, imports, list(choices.data_files)

    def parse_now(self, *, at_once: bool = False) -> bool:
        """Parse the text on the spot; valid: update the state (``at_once``: before a large
        file's columns are checked), else show the error at its line."""
        self._stop_parsing()
        return self._take_parse(_parsed(*self._to_parse()), at_once=at_once)

    def _take_parse(self, outcome: tuple[ImportConfig, list[Path]] | ConfigError, *,
                    at_once: bool, typed: bool = False) -> bool:
        """The parse's ``outcome`` said (``typed``: of a pause in typing), its configuration
        checked and applied as ``parse_now`` says; whether it is valid (False meanwhile,
        checked in the background)."""
        if isinstance(outcome, ConfigError):
            self._set_status(outcome, typed=typed)
            return False
        config, files = outcome
        if at_once:
            self._apply(config, files)
        return self._check_columns(config, files, apply=not at_once, typed=typed)

    def _check_columns(self, config: ImportConfig, files: list[Path], *, apply: bool,
                       typed: bool = False) -> bool:
        """Whether each file has the columns the configuration maps by header (said in the
        status, as ``_say_status`` says when ``typed``); ``apply``: the configuration parsed
        goes into the state once checked.

        A large file's header line or first rows may take a second to read (an .xls or .ods
        sheet loads whole, a text file is measured whole, an .xlsx's shared strings are
        measured): unless kept from an earlier read, they are read in the background, Next
        waiting for them, and False is returned meanwhile; the earlier pages, which show the
        configuration anew once it is applied, find them read.
        """
        self._checking = None  # a check still running is of another configuration
        current = self._current_in(config) if apply else None  # shown anew once applied
        if not read_in_background(*_to_read(config.imports, files, current)):
            if apply:
                self._apply(config, files)
            missing = missing_columns(config.imports, files, current)
            self._set_status(missing, typed=typed)
            return missing is None
        self._valid = False
        self._error = ""
        set_look(self.status_label, Look.PLAIN)
        checking = self.tr("Checking the columns mapped by header against the file…")
        if typed:  # a step on the way to the outcome, which is said if it is news
            self.status_label.show_unsaid(checking)
        else:
            self.status_label.setText(checking)
        self.editor.setExtraSelections([])
        self.completeChanged.emit()
        imports = [_worker_copy(imp) for imp in config.imports]
        token = self._checking = object()

        def checked(missing: ConfigError | None) -> None:
            if token is not self._checking:
                return  # edited since: that text is checked once parsed
            self._checking = None
            if apply:
                self._apply(config, files)
            self._set_status(missing, typed=typed)

        def failed(error: ImporterError) -> None:
            if token is self._checking:
                self._checking = None
                self._set_status(ConfigError(error.message), typed=typed)

        self.runner.run(lambda _monitor: missing_columns(imports, files, current),
                        checked, failed)
        return False

    def _apply(self, config: ImportConfig, files: list[Path]) -> None:
        """The configuration parsed from the editor into the session; the import the user
        left the cursor on follows its place, as the edited import does."""
        if self._moved_on is not None:
            kept = kept_imports(self.session.choices.config.imports, config.imports)
            self._moved_on = kept.get(self._moved_on)
        self.session.set_config(config, files)

    def _current_in(self, config: ImportConfig) -> int:
        """Where the import the earlier pages show is in ``config``, as the session finds
        it when ``config`` is applied."""
        choices = self.session.choices
        kept = kept_imports(choices.config.imports, config.imports)
        return kept.get(choices.import_index, choices.import_index)

    def _set_status(self, error: ConfigError | None, *, typed: bool = False) -> None:
        """Show the parse result (``typed``: of a pause in typing, said as ``_say_status``
        says); an error's line is highlighted and scrolled to."""
        self._valid = error is None
        self._error = ""
        if error is None:
            set_look(self.status_label, Look.SUCCESS)
            self._say_status("\n".join(filter(None, [
                self.tr("The configuration is valid."), self._note])), VALID, typed)
            self.editor.setExtraSelections([])
        else:
            where = "" if error.names_its_line else arg(self.tr("Line %1: "), error.line)
            self._error = where + message_text(error.detail)
            set_look(self.status_label, Look.ERROR)  # before the text: an error is said at once
            self._say_status("\n".join(filter(None, [self._error, self._note])),
                             (error.line or 0, message_kind(error.detail)), typed)
            self._highlight_line(error.line)
        self.completeChanged.emit()

    def _say_status(self, text: str, outcome: CheckOutcome, typed: bool) -> None:
        """Show a check's ``text``, always; announce it as a spoken line does, but of a
        pause in typing (``typed``) only when its ``outcome`` is news, and politely.

        Typing is checked at each pause, and a screen-reader user pauses at every key to
        hear it echoed: a longer pause would not tell news from chatter, the outcome does.
        Mid-tag, each key gives the parser another wording of one mistake ("value for
        attribute h", "…he", "…hea"): announced, that is a message at every key cutting off
        its echo. So what is announced is a change of outcome: valid to a mistake, a mistake
        of another kind or at another line, a mistake to valid. Politely: the user is at the
        line she types, and an error of a text half typed is no alarm. What a sighted user
        sees stays live, and the line, gone to, reads the latest text. A check asked for
        (Back, a save, the page shown) is said as any spoken line."""
        if typed:
            self.status_label.show_unsaid(text)
            if outcome != self._said:
                self.status_label.say(Politeness.Polite)
        else:
            self.status_label.setText(text)
        self._said = outcome

    def _recolour_error_line(self) -> None:
        """The error's line in the new scheme's fill, the cursor left where it is."""
        selections = self.editor.extraSelections()
        for selection in selections:
            selection.format.setBackground(QColor(current().error_line_fill))
        self.editor.setExtraSelections(selections)

    def _highlight_line(self, line: int | None) -> None:
        """Colour the whole line the error is on, and show it; while the user types, the
        cursor stays where they type (a pause mid-tag is an error at every turn)."""
        if not line:
            self.editor.setExtraSelections([])
            return
        block = self.editor.document().findBlockByNumber(line - 1)
        selection = QTextEdit.ExtraSelection()
        selection.format.setBackground(QColor(current().error_line_fill))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection.format.setFontWeight(QFont.Weight.Bold)
        selection.cursor = QTextCursor(block)
        self.editor.setExtraSelections([selection])
        if not self._typing:
            self._place_cursor(QTextCursor(block))
            self.editor.ensureCursorVisible()

    def error_text(self) -> str:
        """The shown parse error ('' when valid or not parsed yet)."""
        return self._error

    def isComplete(self) -> bool:
        """Only a valid configuration goes to the preview."""
        return self._valid

    def save(self) -> None:
        """Parse pending edits before going on, once a save running has ended."""
        self.finish_saving()
        if self._unparsed() and not self.parse_now():
            raise ImporterError(self._still_checking() if self._checking is not None
                                else self.tr("Fix the configuration first."))

    def _still_checking(self) -> str:
        """Why the page waits while a large file's columns are checked in the background."""
        return self.tr("The file's columns are still being checked: wait until the "
                       "configuration is said to be valid.")

    def settle(self) -> None:
        """The editor's text parsed into the session, to be saved; ImporterError when it is
        not a valid configuration (nothing of it can be saved)."""
        if self._unparsed():
            self.parse_now()  # its mistake, if any, is said in the status
        if self._checking is not None:
            raise ImporterError(self._still_checking())
        if not self._valid:
            raise ImporterError(self.tr("Fix the configuration before saving it."))

    # --- saving -------------------------------------------------------------------------

    def _ask_save_as(self) -> None:
        """Ask where to save, then save."""
        start = self.session.choices.config_path or self._default_save_path()
        patterns = " ".join(f"*{suffix}" for suffix in CONFIG_SUFFIXES)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the configuration"), str(start),
            arg(self.tr("Configurations (%1)"), patterns))
        if name:
            self.save_config_as(Path(name) if name.lower().endswith(CONFIG_SUFFIXES)
                                else Path(name + CONFIG_SUFFIXES[0]))

    def _default_save_path(self) -> Path:
        """Named after the data file, in the folder a configuration was last saved in or
        opened from (else next to the data file)."""
        files = self.session.choices.data_files
        name = f"{files[0].stem if files else 'import-config'}{CONFIG_SUFFIXES[0]}"
        return self.settings.last_folder(CONFIGURATIONS,
                                         files[0].parent if files else None) / name

    def _ask_library_name(self) -> None:
        """Ask for a name, then save into the library."""
        files = self.session.choices.data_files
        suggested = library_name_for(files[0] if files else None)
        name, ok = QInputDialog.getText(self, self.tr("Save to library"),
                                        self.tr("&Name of the configuration:"), text=suggested)
        if ok and name.strip():
            self.save_to_library(name.strip())

    def save_config_as(self, path: Path) -> bool:
        """Start saving the configuration as the editor has it (data paths made relative to
        it), in the background; its outcome is said on the page when it ends. False if it
        could not start (said on the page, or the user kept a file changed on disk)."""
        self.finish_saving()
        try:
            self.settle()
        except ImporterError as exc:
            self.show_error(exc.message)
            return False
        if not self._may_overwrite(path):
            return False
        self._start_saving(path)
        return True

    def _start_saving(self, path: Path, ended: Callable[[str | None], None] | None = None
                      ) -> None:
        """Save the session's configuration at ``path`` in the background, the page saying
        so meanwhile, then saved or why not; ``ended`` then gets None once saved, else that
        text (the file named)."""
        choices = self.session.choices
        config, files = choices.config, list(choices.data_files)
        status, look = self.status_label.text(), look_of(self.status_label)
        set_look(self.status_label, Look.PLAIN)  # not saved yet
        self.status_label.setText(arg(self.tr("Saving to %1…"), path))

        def failed(text: str) -> None:
            set_look(self.status_label, look)
            self.status_label.setText(status)  # as it was, an error still one
            self.show_error(text)
            if ended is not None:
                ended(text)

        def done(outcome: ImportConfig | OSError) -> None:
            if isinstance(outcome, OSError):
                failed(self._not_saved_text(path, outcome))
                return
            self._record_save(path, outcome, config)
            if ended is not None:
                ended(None)

        self.save_runner.run(lambda _monitor: _written(config, files, path), done,
                             lambda error: failed(error.message))

    @property
    def saving(self) -> bool:
        """Whether a save runs in the background."""
        return self.save_runner.busy

    def finish_saving(self) -> None:
        """Wait for a save running to end, its outcome said (before the configuration
        changes, or the window closes)."""
        if self.save_runner.busy:
            self.save_runner.wait()
            QApplication.sendPostedEvents()  # its outcome, handed over queued
            QApplication.processEvents()

    def write_config(self, path: Path, ended: Callable[[str | None], None]) -> bool:
        """Start saving the session's configuration at ``path`` (data paths made relative to
        it, its folder made if need be) in the background, as Save as… does; ``ended`` gets
        None once saved, else why not. False, nothing started, when the user keeps a file
        changed on disk."""
        self.finish_saving()
        if not self._may_overwrite(path):
            return False
        self._start_saving(path, ended)
        return True

    def _record_save(self, path: Path, saved: ImportConfig, was: ImportConfig) -> None:
        """``was`` saved at ``path`` as ``saved``: the session takes it unless edited since
        (the edit is still to save), and the page says so."""
        if self.session.choices.config is was:
            self.session.record_save(path, saved)
        self.settings.add_recent(path)
        self.settings.remember_folder(CONFIGURATIONS, path)
        self.show_error(None)
        set_look(self.status_label, Look.SUCCESS)
        self.status_label.setText(arg(self.tr("Saved to %1."), path))

    def _not_saved_text(self, path: Path, exc: OSError) -> str:
        """That the configuration could not be saved at ``path``, and the system's why."""
        return arg(self.tr("%1: could not save (%2)."), path, system_reason_text(exc))

    def _may_overwrite(self, path: Path) -> bool:
        """The file we hold changed on disk since we read it: overwrite only if asked to."""
        stamp = self.session.choices.config_stamp
        held = self.session.choices.config_path
        if stamp is None or held is None or not path.exists():
            return True
        if resolved(held) != resolved(path) or not stamp.changed():
            return True
        answer = ask(self, self.tr("The configuration changed on disk"), arg(self.tr(
            "%1 was changed by another program since it was opened here. Replace it with "
            "this configuration? (Its changes would be lost.)"), path),
            [self.tr("&Keep it", "the file changed on disk"),
             self.tr("&Replace it", "the file changed on disk")], escape=0)
        if answer != 1:
            self.status_label.setText(arg(self.tr("Not saved: %1 was changed on disk. Open it "
                                                  "again or save under another name."), path))
            return False
        return True

    def save_to_library(self, name: str) -> Path | None:
        """Save into the library under ``name``; the path, or None if it failed or the user
        kept the configuration already saved under that name."""
        path = self.settings.library_path(name)
        if not self._may_replace_in_library(name, path):
            return None
        return path if self.save_config_as(path) else None

    def _may_replace_in_library(self, name: str, path: Path) -> bool:
        """Another configuration saved under that name is replaced only if the user says
        so; the one held here (saved or opened there) is simply saved again."""
        held = self.session.choices.config_path
        if not path.exists() or (held is not None and resolved(held) == resolved(path)):
            return True
        answer = ask(self, self.tr("Replace the saved configuration?"), arg(self.tr(
            "A configuration named %1 is already in your library: %2.\n\nReplace it with "
            "this one? The one in the library would be lost."), name, self._holds(path)),
            [self.tr("Cancel"), self.tr("&Replace it")], escape=0)
        if answer != 1:
            self.status_label.setText(arg(self.tr(
                "Not saved: your library keeps its configuration %1. Save under another "
                "name."), name))
            return False
        return True

    def _holds(self, path: Path) -> str:
        """What a saved configuration imports, in a few words: each action and its file."""
        from importer_gui.core import config_xml

        try:
            config = config_xml.load(path)
        except ImporterError:
            return self.tr("a configuration that cannot be read")
        parts = [arg(self.tr("%1 (%2) from %3"), self._action_label(action.name),
                     action.name, imp.provider.file_name)
                 for imp in config.imports for action in imp.actions]
        return "; ".join(parts) or self.tr("no import")

    @staticmethod
    def _action_label(name: str) -> str:
        """An action's label as the action page shows it (its name when unknown)."""
        spec = ACTIONS.get(name)
        return catalogue_text(spec.label).replace("&", "") if spec else name


def missing_columns(imports: list[Import], data_files: list[Path],
                    current: int | None = None) -> ConfigError | None:
    """A column mapped by its header that a file lacks, in check's own words: the
    configuration is not valid on that file (check stops on it). The header line of the
    files it maps by header is read, and the first rows of the ``current`` import's, which
    the earlier pages show next (all kept)."""
    from importer_gui.core import remap

    found: ConfigError | None = None
    for index, (imp, data_file) in enumerate(zip(imports, data_files, strict=False)):
        if index != current and not _by_header(imp):
            continue  # mapped by position: nothing to check, and a sheet is slow to load
        try:
            # The current import's rows are shown next; the others' header line alone is
            # read, a large sheet not loaded whole beside the preview's check.
            headers = (read_head(imp.provider, data_file)[0] if index == current
                       else first_rows.read_header_line(imp.provider, data_file))
        except ImporterError:
            continue  # the file's own problem: said where it is read
        if not imp.provider.skip_first_line or found is not None:
            continue
        laid = remap.remap(imp.provider.columns, headers)
        if laid.missing:
            found = remap.missing_error(laid.missing, data_file)
    return found


def _by_header(imp: Import) -> bool:
    """Whether the import's columns are found by the headers they were mapped from."""
    from importer_gui.core import remap

    return imp.provider.skip_first_line and remap.recorded(imp.provider.columns)


def _to_read(imports: list[Import], data_files: list[Path],
             current: int | None) -> list[Path]:
    """The files ``missing_columns`` reads and does not find kept: the ``current`` import's
    first rows, the header line of the others mapped by header (kept, they are read at once
    however large the file)."""
    found = []
    for index, (imp, data_file) in enumerate(zip(imports, data_files, strict=False)):
        if index == current:
            kept = first_rows.head_cached(imp.provider, data_file)
        elif _by_header(imp):
            kept = first_rows.header_line_cached(imp.provider, data_file)
        else:
            continue
        if not kept:
            found.append(data_file)
    return found


def _worker_copy(imp: Import) -> Import:
    """What ``missing_columns`` reads of an import, the worker's own: its provider and
    columns (the pages replace them, never change them in place), not its actions."""
    provider = replace(imp.provider, columns=[replace(column) for column in imp.provider.columns])
    return Import(provider=provider)


def _parsed(text: str, source: Path | None, imports: list[Import],
            data_files: list[Path]) -> tuple[ImportConfig, list[Path]] | ConfigError:
    """The editor's ``text`` parsed and bound as the check will, with each import's data
    file (``_data_files``: ``imports`` and ``data_files`` are the session's before it), or
    why it is not a valid configuration. Reads no widget: it may run on a worker."""
    from importer_gui.core import config_xml

    try:
        config = config_xml.loads(text, source=source)
        _bind(config)
        files = _data_files(config, imports, data_files)
    except ConfigError as exc:
        return exc
    except ImporterError as exc:  # e.g. a fileName no file matches
        return ConfigError(exc.message)
    config.source = source
    return config, files


def _data_files(config: ImportConfig, imports: list[Import],
                data_files: list[Path]) -> list[Path]:
    """Each import's data file: the one read so far (``data_files``, of ``imports``) where
    the edit left its fileName and path as they were (a file the user chose keeps serving,
    even outside the configuration's folder, as --data would), else the one the text names."""
    from importer_gui.core import pipeline

    was = {after: before for before, after in kept_imports(imports, config.imports).items()
           if before < len(data_files)}
    files = []
    for index, imp in enumerate(config.imports):
        before = imports[was[index]].provider if index in was else None
        if before is not None and (before.file_name, before.path) == (
                imp.provider.file_name, imp.provider.path):
            files.append(data_files[was[index]])
        else:
            files.append(pipeline.resolve_data_files(replace(config, imports=[imp]))[0])
    return files


def _written(config: ImportConfig, data_files: list[Path], path: Path) -> ImportConfig | OSError:
    """``config`` saved at ``path`` (its folder made), data paths relative to it: the copy
    saved, or the system's refusal to make its folder; ImporterError when it cannot be
    written. Runs on a worker: it only reads ``config``, which the earlier pages, that
    change it in place, wait to change (``finish_saving``)."""
    from importer_gui.core import config_xml

    saved = relocated(config, data_files, path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        config_xml.save(saved, path)
    except OSError as exc:
        return exc
    return saved


def _bind(config: ImportConfig) -> None:
    """Bind each import as the check will: a mapping it cannot check (a field fed twice, a
    needed field fed by none) is said at its line here, not once the preview checks."""
    from importer_gui.core.binding import bind_import

    for imp in config.imports:
        bind_import(imp)
