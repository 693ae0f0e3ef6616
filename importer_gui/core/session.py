"""The wizard's state without Qt: the steps' data, copies for workers, and announcements.

One ``Session`` per window. Views read ``session.choices`` and change it only through the
session's steps (open, map, check, commit); each change other views must hear of is
announced to the subscribed listeners, as a model whose setters announce. Work that runs in
a worker thread gets a ``Snapshot`` (copies), never the live choices the pages edit. The
session is used from the window's thread only, and calls its listeners there.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from importer_gui.core import binding, pipeline, reports
from importer_gui.core.catalogue import CONFIG_SUFFIXES
from importer_gui.core.cells import Shown, cell_text
from importer_gui.core.config import (
    Import,
    ImportConfig,
    Provider,
    kept_imports,
)
from importer_gui.core.corrections import (
    NUL_TYPED,
    Correction,
    Corrections,
    Reading,
    Unmatched,
    apply_to_plan,
    before_as_edited,
    cell_as_read,
    corrected_cell,
    fields_fed,
    recorded_config,
    write_corrected_copy,
)
from importer_gui.core.errors import QT_TRANSLATE_NOOP, ImporterError
from importer_gui.core.paths import resolved
from importer_gui.core.plan import FileStamp, Plan, ReadStamp
from importer_gui.core.planner import PlannerState
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import is_workbook
from importer_gui.core.store import REPLACED, RunSummary, Store


class Event(StrEnum):
    """What a session announces."""

    CONFIG_CHANGED = "config_changed"  # the configuration or data files: re-read, re-check
    PLAN_CHANGED = "plan_changed"  # a new plan (or none), or a row of it re-checked
    STORE_CHANGED = "store_changed"  # a run (a commit or a revert) changed the store
    # Another store is where the session's was (its identity differs): every view reads the
    # one there now, and says so (``Session.replaced_text``).
    STORE_REPLACED = "store_replaced"


Listener = Callable[[Event, int | None], None]  # the event, and the run of a STORE_CHANGED
# Takes what the session dropped out of the list it is handed (``list.pop``), so that no
# reference is left on the caller's thread: the window frees a plan in the background.
LetGoHook = Callable[[list[object]], None]


@dataclass
class Choices:
    """The user's choices so far; the configuration is the single source of truth."""

    config: ImportConfig = field(default_factory=ImportConfig)
    data_files: list[Path] = field(default_factory=list)  # one per <import>, in order
    config_path: Path | None = None  # where the configuration was loaded from / saved to
    config_stamp: FileStamp | None = None  # that file as we last read or wrote it
    import_index: int = 0  # the <import> the mapping pages edit
    plan: Plan | None = None  # the last check's plan, shown by the preview
    plan_edited: bool = False  # cells were edited since the last full check
    # The user's corrections, by data file: every check of the file applies them again.
    corrections: Corrections = field(default_factory=Corrections)
    # Per import: the unfed mandatory fields the user chose to go on without.
    missing_accepted: dict[int, tuple[str, ...]] = field(default_factory=dict)
    # The user changed the configuration by hand (not the window's first guesses) since it
    # was opened or last saved: lost on leaving unless saved.
    config_edited: bool = False
    # How the file is read (encoding, delimiter, sheet, header line) chosen by hand: a change
    # once the configuration has an action; before, it is no configuration to save yet.
    reading_chosen: bool = False
    # Rows were committed with this configuration: even the window's guesses alone are then
    # worth keeping, for next month's file.
    committed: bool = False


@dataclass(frozen=True)
class Snapshot:
    """What a check reads, copied: the pages may edit the configuration meanwhile."""

    config: ImportConfig
    data_files: tuple[Path, ...]
    store_path: Path
    corrections: Corrections = field(default_factory=Corrections)
    create_store: bool = False  # the check may make the store (see Session.store_create)
    store_identity: str | None = None  # the store's the session had, None while unknown


# One cell to change in the shown plan: (import index, row index, column, new text).
CellEdit = tuple[int, int, int, str]


@dataclass(frozen=True)
class Committed:
    """What a commit wrote: its run, its outcomes, and the error logs written after it."""

    run_id: int
    counts: dict[str, int]
    error_logs: list[Path] = field(default_factory=list)
    log_failures: list[str] = field(default_factory=list)  # one line per log not written
    corrections: int = 0  # corrected cells recorded with the run (history RUN lists them)


class Session:
    """The wizard's steps over one store; listeners hear of every change to share."""

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path  # (the setter looks whether it is there)
        self.choices = Choices()
        self._listeners: list[Listener] = []
        # Given every plan the session drops, once its listeners heard of it; None: the
        # plan is freed where it is dropped (the command line has no window to keep free).
        self.let_go_hook: LetGoHook | None = None

    # --- the store ------------------------------------------------------------------------

    @property
    def store_path(self) -> Path:
        """The store the wizard checks against and commits to."""
        return self._store_path

    @store_path.setter
    def store_path(self, location: Path) -> None:
        self._store_path = location
        self._store_seen = _there(location)
        self._store_identity: str | None = None  # learnt when first opened

    @property
    def store_identity(self) -> str | None:
        """The identity of the store the session had open (``Store.identity``); None until
        a check or a view opened it."""
        return self._store_identity

    def store_seen(self, found: str | None) -> bool:
        """A store opened at ``store_path`` has the identity ``found``: learnt when the
        session had none; True when it is another store than the session's, announced
        (``store_replaced``)."""
        if self._store_identity is None:
            self._store_identity = found
            return False
        return self.store_replaced(found)

    def store_replaced(self, found: str | None) -> bool:
        """Another store (of identity ``found``) is where the session's was, copied over it
        say: it is the session's store from now on; the plan checked against the other goes
        (never committed into this one), and every view hears of it, to read this one and
        say so. False when the session knew it already."""
        if found == self._store_identity:
            return False
        self._store_identity = found
        taken = self._take_plan()
        self.choices.plan_edited = False
        if taken:  # the views showing it let it go
            self._announce(Event.PLAN_CHANGED)
        self._announce(Event.STORE_REPLACED)
        self._let_go(taken)
        return True

    def replaced_text(self) -> str:
        """What the window says of another store put in the place of its own."""
        return REPLACED.format(path=self._store_path)

    def store_create(self) -> bool:
        """Whether opening the store now may make it: only while it was never there (the
        first run's usual store, a new one named on the command line). A store that was
        there and is gone is said to be gone (``Store.reopen``), not made again empty."""
        if not self._store_seen:
            self._store_seen = _there(self._store_path)
        return not self._store_seen

    def open_store(self) -> Store:
        """The store opened on the window's thread, made only as ``store_create`` says (the
        view showing it tells the session what it found: ``store_seen``)."""
        store = opened_store(self._store_path, self.store_create())
        self.store_found()
        return store

    def store_found(self) -> None:
        """The store was opened where it is (made or not): never to be made again."""
        self._store_seen = True

    # --- listeners -----------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every announcement; returns what unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _announce(self, event: Event, run_id: int | None = None) -> None:
        for listener in list(self._listeners):  # a listener may unsubscribe meanwhile
            listener(event, run_id)

    def _take_plan(self) -> list[object]:
        """The shown plan taken out of the choices (none left there), to ``_let_go``."""
        taken: list[object] = [] if self.choices.plan is None else [self.choices.plan]
        self.choices.plan = None
        return taken

    def _let_go(self, taken: list[object]) -> None:
        """A dropped plan goes to the hook once the listeners heard of the change (the
        views let it go then): ``taken`` holds the one reference left."""
        if taken and self.let_go_hook is not None:
            self.let_go_hook(taken)

    # --- opening -------------------------------------------------------------------------

    def open_configuration(self, path: Path, config: ImportConfig, stamp: FileStamp | None,
                           data_files: list[Path] | None = None) -> None:
        """A saved configuration: its data files are ``data_files`` (one per import, some
        the user is still to choose), else where it says, relative to ``path`` (one it
        names outside its folder is refused: ConfigError)."""
        files = data_files if data_files is not None else pipeline.resolve_data_files(config)
        self._opened(path, stamp)
        self.set_config(config, files)

    def open_data_file(self, data_file: Path, provider: Provider,
                       sheets: Sequence[str] | None = None) -> bool:
        """A spreadsheet: a new configuration of one import, read as ``provider`` says.

        While a saved configuration is loaded, the file is this month's file for the edited
        import instead: the configuration applies to it (encoding, delimiter, date format,
        mapping, its columns matched by header on the next pages and checks). True then.
        ``sheets``: the workbook's sheets when already looked up, else looked up here
        (opening a large workbook takes seconds).
        """
        if self._applies_to_data_files():
            self._new_file_for_import(data_file, provider, sheets)
            return True
        self._opened(None, None)
        self.set_config(ImportConfig(imports=[Import(provider=provider, actions=[])]),
                        [data_file])
        return False

    def _new_file_for_import(self, data_file: Path, provider: Provider,
                             sheets: Sequence[str] | None) -> None:
        """The edited import reads ``data_file``, its reading options and mapping kept."""
        take_new_file(self.current_import().provider, provider, data_file, sheets)
        files = list(self.choices.data_files)
        files += [data_file] * (len(self.choices.config.imports) - len(files))
        files[self.choices.import_index] = data_file
        self.set_config(self.choices.config, files)

    def _applies_to_data_files(self) -> bool:
        """Whether a spreadsheet opened now is read by the configuration held (a saved one),
        rather than starting a new one."""
        return self.choices.config_path is not None and bool(self.choices.config.imports)

    def _opened(self, path: Path | None, stamp: FileStamp | None) -> None:
        self.choices.config_path = path
        self.choices.config_stamp = stamp
        # Another configuration: none of the one before follows it, nor what was said of
        # its imports; its first import is edited.
        self.choices.config = ImportConfig()
        self.choices.import_index = 0
        self.choices.missing_accepted = {}
        self.choices.config_edited = self.choices.reading_chosen = False
        self.choices.committed = False

    def new_import(self) -> None:
        """Forget every choice (corrections included): an empty configuration."""
        taken = self._take_plan()
        self.choices = Choices()
        self._announce(Event.CONFIG_CHANGED)
        self._let_go(taken)

    def close_file(self) -> None:
        """Nothing open any more (an open that failed); the corrections stay with their
        files."""
        taken = self._take_plan()
        self.choices = Choices(corrections=self.choices.corrections)
        self._announce(Event.CONFIG_CHANGED)
        self._let_go(taken)

    # --- mapping -------------------------------------------------------------------------

    def choose_import(self, index: int) -> None:
        """Edit another <import> of the configuration (nothing in it changes)."""
        self.choices.import_index = index
        self._edit_within()

    def _edit_within(self) -> None:
        """The edited import is one the configuration has: when its last ones are gone (the
        user deleted them from its XML), the last one left, never an empty one made up in
        their place."""
        last = max(len(self.choices.config.imports) - 1, 0)
        self.choices.import_index = min(self.choices.import_index, last)

    def _follow_imports(self, kept: dict[int, int]) -> None:
        """The edited import, and what was said per import, go where their import now is
        (``kept_imports``): another deleted before it changes its place, not which one is
        edited. When the edited one is gone, the one now at its place is edited; what was
        said of an import gone goes with it."""
        choices = self.choices
        choices.import_index = kept.get(choices.import_index, choices.import_index)
        choices.missing_accepted = {kept[index]: fields for index, fields
                                    in choices.missing_accepted.items() if index in kept}
        self._edit_within()

    def current_import(self) -> Import:
        """The <import> being edited, created when the configuration has none yet."""
        imports = self.choices.config.imports
        if not imports:
            imports.append(Import(provider=Provider(), actions=[]))
        return imports[self.choices.import_index]

    def missing_accepted(self) -> tuple[str, ...] | None:
        """The unfed mandatory fields the user accepted for the edited import, if any."""
        return self.choices.missing_accepted.get(self.choices.import_index)

    def accept_missing(self, fields: tuple[str, ...] | None) -> None:
        """Go on without these fields for the edited import (None: ask again)."""
        if fields is None:
            self.choices.missing_accepted.pop(self.choices.import_index, None)
        else:
            self.choices.missing_accepted[self.choices.import_index] = fields

    def data_file(self) -> Path | None:
        """The data file of the edited import, if known."""
        files, index = self.choices.data_files, self.choices.import_index
        return files[index] if index < len(files) else None

    def set_reading_options(self, *, sheet: str | None, encoding: str, delimiter: str,
                            skip_first_line: bool) -> None:
        """How the edited import's file is read (``sheet`` None: as it was)."""
        provider = self.current_import().provider
        if sheet:
            provider.sheet = sheet
        provider.file_encoding = encoding
        provider.delimiter = delimiter
        provider.skip_first_line = skip_first_line
        self.set_config(self.choices.config)

    def set_date_format(self, import_index: int, date_format: str) -> None:
        """An import's dates are read in ``date_format`` (the fix a check offered)."""
        self.choices.config.imports[import_index].provider.date_format = date_format
        self.config_edited_by_hand()
        self.set_config(self.choices.config)

    def set_config(self, config: ImportConfig, data_files: list[Path] | None = None) -> None:
        """Replace the configuration (and data files); the plan is now out of date."""
        kept = kept_imports(self.choices.config.imports, config.imports)
        self.choices.config = config
        self._follow_imports(kept)
        if data_files is not None:
            self.choices.data_files = data_files
        taken = self._take_plan()
        self._announce(Event.CONFIG_CHANGED)
        self._let_go(taken)

    def record_save(self, path: Path, config: ImportConfig) -> None:
        """The configuration was saved as ``config`` at ``path`` (paths relative to it).

        Not announced: the same imports read the same files, nothing is to be read again.
        """
        self.choices.config = config
        self.choices.config_path = path
        self.choices.config_stamp = FileStamp.of(path)
        self.choices.config_edited = self.choices.reading_chosen = False

    def config_edited_by_hand(self) -> None:
        """The user changed the configuration (a page's field, its XML): lost unless saved."""
        self.choices.config_edited = True

    def reading_chosen_by_hand(self) -> None:
        """The user chose how the file is read (not the page's detection): lost unless
        saved, once the configuration has an action (saved without one, it is refused)."""
        self.choices.reading_chosen = True

    def unsaved_config(self) -> bool:
        """Whether the configuration is worth keeping and saved nowhere: the user's changes
        to it, or one rows were committed with (``committed_unsaved``). A commit records the
        configuration with its run, but nothing gives it back to be used again: only a saved
        file counts."""
        return self.hand_changes_unsaved() or self.committed_unsaved()

    def hand_changes_unsaved(self) -> bool:
        """Whether the user's own changes to the configuration are saved nowhere."""
        has_action = any(imp.actions for imp in self.choices.config.imports)
        return self.choices.config_edited or (self.choices.reading_chosen and has_action)

    def committed_unsaved(self) -> bool:
        """Whether rows were committed with a configuration never saved (the window's
        guesses, taken as they were): next month's file would be guessed again."""
        return self.choices.committed and self.choices.config_path is None

    def opening_drops_config(self, path: Path) -> bool:
        """Whether opening ``path`` loses changes to the configuration not saved: another
        configuration replaces it, and so does a spreadsheet unless a saved configuration is
        held (it then reads the spreadsheet, the changes kept)."""
        if not self.unsaved_config():
            return False
        return path.suffix.lower() in CONFIG_SUFFIXES or not self._applies_to_data_files()

    # --- checking and committing ---------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Copies of what a check reads, for a worker thread."""
        return Snapshot(copy.deepcopy(self.choices.config), tuple(self.choices.data_files),
                        self.store_path, self.choices.corrections.copy(), self.store_create(),
                        self._store_identity)

    def set_plan(self, plan: Plan | None) -> None:
        """A full check's plan; None when the shown plan no longer holds (check again). The
        plan it replaces goes to the hook once every view heard of the change."""
        taken = [] if self.choices.plan is plan else self._take_plan()
        self.choices.plan = plan
        self.choices.plan_edited = False
        if plan is not None:  # checked against the store
            self.store_found()
            if self._store_identity is None:
                self._store_identity = plan.store_identity
        self._announce(Event.PLAN_CHANGED)
        self._let_go(taken)

    def set_aside(self, checked_with: Corrections) -> Unmatched:
        """Before a check's plan is set (``run_check`` of a snapshot whose corrections are
        ``checked_with``): the corrections it found no longer matching their file are taken
        out, so that none is shown, saved or committed on the row now on their line; those
        taken out."""
        return self.choices.corrections.set_aside(checked_with)

    def row_rechecked(self) -> None:
        """A row of the plan was edited and checked again on its own."""
        self.choices.plan_edited = True
        self._announce(Event.PLAN_CHANGED)

    # --- correcting ----------------------------------------------------------------------

    def edit_cell(self, import_index: int, row_index: int, column: int, text: str) -> bool:
        """Correct one cell of the shown plan and check its row again; False when the cell
        already holds ``text``. A failed re-check raises ImporterError."""
        return self.edit_cells([(import_index, row_index, column, text)]) > 0

    def edit_cells(self, edits: Iterable[CellEdit]) -> int:
        """Correct cells of the shown plan, each row checked again at once; how many cells
        changed (announced once)."""
        plan = self.choices.plan
        if plan is None:
            return 0
        changed = 0
        try:
            for import_index, row_index, column, text in edits:
                changed += self._edit(plan, import_index, row_index, column, text)
        finally:
            if changed:
                self.row_rechecked()
        return changed

    def _edit(self, plan: Plan, import_index: int, row_index: int, column: int,
              text: str) -> bool:
        imp = plan.imports[import_index]
        row = imp.rows[row_index]
        shown = cell_text(row.cells[column]) if column < len(row.cells) else ""
        if shown == text:
            return False  # nothing changed: keep the row (and its dates) as read
        if "\x00" in text:  # pasted: read from a file, the same character is refused too
            raise ImporterError(NUL_TYPED.format(path=imp.file, line=row.line,
                                                 column=column + 1, name=imp.columns[column]))
        # The row as the file has it, before this edit: a check applies the correction
        # again only where the file's line still holds it.
        as_read = self.choices.corrections.row_as_read(imp.file, row.line, row.cells)
        cells = list(row.cells) + [""] * (len(imp.columns) - len(row.cells))
        earlier = self.choices.corrections.at(imp.file, row.line, column)
        # Corrected from the file's cell, as a check applies the correction again: a number
        # shown "12 h" typed "15", then "16 h", is 16 hours now as after Check again.
        read = cell_as_read(earlier) if earlier is not None else cells[column]
        cells[column] = corrected_cell(read, text)
        pipeline.recheck_row(plan, import_index, row_index, tuple(cells))
        header = imp.headers[column] if imp.headers and column < len(imp.headers) else ""
        provider = plan.config.imports[import_index].provider
        if earlier is not None and text == before_as_edited(plan, import_index, earlier):
            text = earlier.before  # a date cell's own date typed back: no correction left
        self.choices.corrections.record(imp.file, Reading.of(provider), Correction(
            row.line, column, shown, text, imp.columns[column], header or "", as_read,
            read.value if isinstance(read, Shown) else ""), imp.read)
        return True

    def correction(self, file: Path, line: int, column: int) -> Correction | None:
        """The user's correction of one cell of a data file, if any."""
        return self.choices.corrections.at(file, line, column)

    def unsaved_corrections(self) -> int:
        """Corrected cells neither committed nor saved in a corrected copy."""
        return self.choices.corrections.unsaved()

    def discard_corrections(self) -> None:
        """Forget every correction; the next check shows the files as they are."""
        self.choices.corrections = Corrections()

    def corrected_files(self) -> list[Path]:
        """The data files that have corrections."""
        return [entry.file for entry in self.choices.corrections.files()]

    def save_corrected_copy(self, file: Path, target: Path) -> Path:
        """Write ``file`` with its corrections to ``target`` (ImporterError when it cannot);
        its corrections count as saved."""
        written = self.corrected_copy(file, target)(Monitor())
        self.choices.corrections.mark_saved([file])
        return written

    def corrected_copy(self, file: Path, target: Path) -> Callable[[Monitor], Path]:
        """The writing of ``file``'s corrected copy at ``target``, which a worker may run
        with its monitor (progress, cancel): the corrections as they are now, never over a
        file the check reads, a cell it cannot write named by the field its column feeds
        (ImporterError)."""
        entry = self.choices.corrections.of(file)
        if entry is None:
            raise ImporterError(QT_TRANSLATE_NOOP("errors", "{path} has no corrections.").format(
                path=file))
        kept = copy.deepcopy(entry)  # the user may correct more while a worker writes
        read = self._files_read()
        fields = fields_fed(self.choices.plan, file)
        return lambda monitor: write_corrected_copy(kept, target, read, fields, monitor)

    def _files_read(self) -> list[Path]:
        """The files a check reads: the shown plan's, and those the next one reads (a data
        file chosen since, the configuration saved elsewhere)."""
        choices = self.choices
        shown = reports.files_read(choices.plan) if choices.plan is not None else []
        source = [choices.config_path] if choices.config_path is not None else []
        return [*shown, *choices.data_files, *source]

    def record_commit(self, committed: Committed, files: list[Path]) -> None:
        """A commit of these files wrote their corrections: they are saved; its configuration
        is worth keeping now, saved or not; every view hears of the run."""
        self.choices.corrections.mark_saved(files)
        self.choices.committed = True
        self.record_run(committed.run_id)

    def record_run(self, run_id: int) -> None:
        """A run (a commit, or a revert from the history) changed the store."""
        self.store_found()
        self._announce(Event.STORE_CHANGED, run_id)


def _there(location: Path) -> bool:
    """Whether a SQLite store's file is there (a PostgreSQL store's tables are looked for
    when it is opened)."""
    try:
        return isinstance(location, Path) and location.exists()
    except OSError:  # a name too long to be one: opening it says why
        return False


def opened_store(store_path: Path, create: bool, identity: str | None = None,
                 monitor: Monitor | None = None) -> Store:
    """The store at ``store_path``: made when ``create`` (never there before), else opened
    again, never made anew where it is gone, nor taken for the one of ``identity`` when it
    is another (``Store.reopen``); a wait for another program making it said to ``monitor``."""
    if create:
        return Store.open(store_path, monitor=monitor)
    return Store.reopen(store_path, identity=identity, monitor=monitor)


# --- the work, run in a worker thread: never on the live choices ----------------------------

def run_check(snapshot: Snapshot, monitor: Monitor) -> Plan:
    """Check the snapshot's configuration against its store, with the user's corrections:
    the corrected rows are put in the plan, which is planned again in order. Its issues are
    counted here, in the check's thread: the window lists each message with its count."""
    refuse_shared_codes(snapshot.config)
    files = list(snapshot.data_files) or pipeline.resolve_data_files(snapshot.config)
    stamps = _read_stamps(files)  # before the readers: a change while they read shows
    with opened_store(snapshot.store_path, snapshot.create_store, snapshot.store_identity,
                      monitor) as store:
        plan = pipeline.check(snapshot.config, store, data_files=files, monitor=monitor)
        for imp in plan.imports:
            imp.read = stamps.get(resolved(imp.file))
        if snapshot.corrections and apply_to_plan(plan, snapshot.corrections):
            plan = pipeline.replan(plan, store, monitor=monitor)
        plan.store_identity = store.identity
    for imp in plan.imports:
        imp.issue_counts()
    if isinstance(plan.planner, PlannerState):
        # Made here, in the check's thread: an edited row's re-check on the window's then
        # does not wait for a million stored registrations to be made records.
        plan.planner.overlay.make_records()
    return plan


def _read_stamps(files: Iterable[Path]) -> dict[Path, ReadStamp]:
    """Each workbook as it is before a check reads it (one it cannot read has none: the
    check says why), so that a corrected copy knows it unchanged without reading its sheet
    again. A text file is not stamped: its copy checks each corrected line in the one pass
    that writes it, and hashing it would only lengthen every check."""
    stamps = {}
    for file in files:
        if not is_workbook(Path(file)):
            continue
        try:
            stamps[resolved(file)] = ReadStamp.of(Path(file))
        except OSError:
            continue
    return stamps


def refuse_shared_codes(config: ImportConfig) -> None:
    """Codes set on the mapping page never went through a file's reader: one code, one
    meaning is checked here as the reader checks it (ConfigError)."""
    for imp in config.imports:
        binding.refuse_shared_codes(imp)


def run_replan(store_path: Path, plan: Plan, monitor: Monitor,
               ) -> tuple[Plan, list[tuple[int, int]]]:
    """Plan ``plan``'s rows (edits included) again; the fresh plan and the rows whose
    outcome differs (compared here, off the window's thread: 0.07 s for 100,000 rows)."""
    # The plan's check found it there: the same store, or nothing done.
    with Store.reopen(store_path, identity=plan.store_identity, monitor=monitor) as store:
        fresh = pipeline.replan(plan, store, monitor=monitor)
    fresh.store_identity = plan.store_identity
    return fresh, pipeline.changed_lines(plan, fresh)


def run_commit(store_path: Path, plan: Plan, monitor: Monitor,
               corrections: Corrections | None = None) -> Committed:
    """Commit the plan into the store at ``store_path`` (no page edits it meanwhile), its
    corrections recorded with the run; then write the error logs the configuration asks
    for, as the platform does (a log folder leading outside is refused before anything is
    written)."""
    folders = reports.error_log_folders(plan.config)
    recorded = 0
    if corrections:
        plan = replace(plan, config=recorded_config(
            plan.config, corrections, [(imp.file, imp.columns) for imp in plan.imports]))
        recorded = corrections.count(imp.file for imp in plan.imports)
    # The plan's check found it there: written into that store only, never into another put
    # in its place since (its records, ids and history are not those the plan was made of).
    with Store.reopen(store_path, identity=plan.store_identity, monitor=monitor) as store:
        result = pipeline.commit(plan, store, monitor=monitor)
    logs, failures = reports.write_error_logs(plan, folders, result.run_id)
    return Committed(result.run_id, result.counts, logs, failures, recorded)


def run_as_now(store_path: Path, run_id: int, identity: str | None) -> RunSummary | None:
    """Run ``run_id`` as the history now marks it (reverted wholly or in part, and by which
    runs), in the store of ``identity`` only; None when that store no longer holds it."""
    with Store.reopen(store_path, identity=identity) as store:
        return next((run for run in store.history() if run.id == run_id), None)


def take_new_file(provider: Provider, opened: Provider, data_file: Path,
                  sheets: Sequence[str] | None = None) -> None:
    """``provider`` reads ``data_file`` (opened as ``opened`` says) instead of its own file,
    its reading options and mapping kept: the new file's sheet only when it has none of the
    name ``provider`` reads (in any case, as the check reads it). ``sheets``: the workbook's
    sheets when already looked up (none when it cannot be read), else looked up here."""
    provider.file_name, provider.path = opened.file_name, opened.path
    provider.origin = None  # the user chose that file: made here, not read
    if opened.sheet is None or not _has_sheet(data_file, provider.sheet, sheets):
        provider.sheet = opened.sheet  # a CSV file, or a workbook without that sheet


def _has_sheet(workbook: Path, name: str | None, sheets: Sequence[str] | None) -> bool:
    """Whether the workbook, of ``sheets`` when known, has the sheet ``name`` names; not
    when it cannot be read (its check will say why)."""
    from importer_gui.core import readers

    if name is None:
        return False
    try:
        names = readers.sheet_names(workbook) if sheets is None else sheets
    except ImporterError:
        return False
    return readers.sheet_named(names, name) is not None
