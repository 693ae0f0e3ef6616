"""Refreshing the store from the platform's exports: each row planned like an import's.

An export's columns are read as the import fields they hold (``catalogue.exports``), so a
value is checked exactly as a check reads it; each row then finds its record the way the
platform names it (a GUID first, then a code or a title) and plans its creation or update
against the overlay (``courses``, ``learners``, ``followed`` and ``events``, each the rows of
its exports). With ``prune``, the records of a refreshed table that no export row
named are deleted, a training course with its sessions, a session with its interventions,
registrations and tracking, a registration with its tracking; an export that cannot say what
is gone (classroom events, activities) prunes nothing and says so. The plan is an ordinary
``Plan`` (the preview shows it, ``check``'s output prints it); committing it is one run of
the history, which ``revert`` undoes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from importer_gui.core import readers
from importer_gui.core.actions.base import RowContext, read_values
from importer_gui.core.actions.learners_lookup import learner_name
from importer_gui.core.binding import BoundAction, BoundField, key_text
from importer_gui.core.catalogue import (
    IGNORED_COLUMN,
    ActionSpec,
    FieldDef,
    field_def,
)
from importer_gui.core.catalogue import exports as cat
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.config import Action, ImportConfig
from importer_gui.core.errors import QT_TRANSLATE_NOOP, ConfigError, DataFileError, ImporterError
from importer_gui.core.feeding import Feeder, plan_and_commit
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.plan import (
    ActionResult,
    FileStamp,
    ImportPlan,
    KeptCells,
    Plan,
    RowPlan,
)
from importer_gui.core.planner import Planned, paused_gc, plan_rows_into, planned
from importer_gui.core.platform_io import (
    courses,
    events,
    export_config,
    followed,
    learners,
    session_parts,
)
from importer_gui.core.platform_io.export_config import Export, ExportConfig, data_files
from importer_gui.core.platform_io.shared import Shared
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import text as text_files
from importer_gui.core.records import Change
from importer_gui.core.schema import Table
from importer_gui.core.store import RunInfo, RunSummary, Store
from importer_gui.core.values import date_pattern

# A refresh is a run of its own kind in the history, reverted as an import is.
REFRESH_RUN_KIND = "refresh"
# The line of a row that deletes a record the export lacks (it is in no file).
PRUNE_LINE = 0
# A refresh that would change nothing records no run (there would be nothing to revert).
NOTHING_TO_REFRESH = QT_TRANSLATE_NOOP("errors", "Nothing was refreshed: the store already holds "
                                                 "what the exports hold; no run was recorded.")
# A file whose first line is another export's headers: read by position, it would make
# learners of learning objects.
OTHER_EXPORTS_FILE = QT_TRANSLATE_NOOP(
    "errors", "line 1 names the columns of the <{other}> export, not those of <{provider}>: "
              "give this file for the <{other}> export.")
NOT_EXPORTS_FILE = QT_TRANSLATE_NOOP(
    "errors", "line 1 names the columns {found}, not those the <{provider}> export writes "
              "({expected}): is this the file it produced?")
MISSING_EXPORT_COLUMNS = QT_TRANSLATE_NOOP(
    "errors", "line 1 lacks the columns {missing} of the <{provider}> export; it names "
              "{found}.")
EXPORT_COLUMN_TWICE = QT_TRANSLATE_NOOP(
    "errors", "line 1 names a column of the <{provider}> export twice ({found}): which one "
              "holds it?")
FILE_CHANGED = QT_TRANSLATE_NOOP("errors", "the file changed since it was read; refresh again.")
FILE_GONE = QT_TRANSLATE_NOOP(
    "errors", "the file is no longer there (moved or deleted since it was read): put it back, "
              "or give it where it now is, and refresh again.")
NOTHING_TO_REFRESH_ERRORS = QT_TRANSLATE_NOOP("errors", "Nothing was refreshed: every row has an "
                                                        "error or is already in the store; no "
                                                        "run was recorded.")

# An export older than the store's last refresh: written, it would put older data back (a
# learner's new e-mail, a session's new dates) over what that refresh, and the imports since,
# wrote. Said before anything is written; the caller asks (the window) or wants a flag.
OLDER_THAN_LAST_REFRESH = QT_TRANSLATE_NOOP(
    "errors", "{file} was last changed on {dated}, before the store's last refresh (run {run}, "
              "on {refreshed}): refreshing from it may put older data back in the store.")
# How a moment is said in that message: on the reader's clock, as history says a run's start.
MOMENT = "%Y-%m-%d %H:%M"

_LEARNER_FIELDS = frozenset(name for name, _ in learners.FINDING)
# The tables a refresh reads: a pruned session takes its interventions with it.
TABLES = (Table.TRAINING, Table.SESSION, Table.INTERVENTION, Table.ENTITY, Table.LEARNER,
          Table.LEARNING_OBJECT)
# And what --prune deletes with a session or a learner.
PRUNED_WITH = (Table.REGISTRATION, Table.TRACKING)
# The tables read besides, when an export refreshes the first (or with --prune).
READ_WITH: dict[Table, tuple[Table, ...]] = {
    Table.REGISTRATION: PRUNED_WITH, Table.TRACKING: PRUNED_WITH,
    Table.INTERVENTION: (Table.ROOM,)}


@dataclass
class RefreshPlan:
    """What a refresh finds, row by row, and what it left aside (notes for people)."""

    config: ExportConfig
    plan: Plan
    notes: list[str] = field(default_factory=list)
    # An export older than the store's last refresh whose rows would change the store, said
    # (one that changes nothing puts nothing back).
    older: str | None = None

    def counts(self) -> dict[str, int]:
        """Outcomes over every export, every outcome present."""
        return self.plan.counts()

    def has_errors(self) -> bool:
        """True when some row will not be written."""
        return self.plan.has_errors()


Handler = Callable[[RowContext, Shared], Outcome]


# --- checking the exports --------------------------------------------------------------------

def refusal(export: Export, *, prune: bool) -> ImporterError | None:
    """Why an export cannot be refreshed from (one line), or None."""
    provider, action = export.provider, export.action
    spec = provider.spec
    if spec.stores is None:
        template = cat.NO_EVENT_GUID if spec.lacking == cat.EVENTS else cat.NOT_STORED
        return ImporterError(template.format(provider=spec.name, what=spec.lacking))
    if action.format not in cat.READ_FORMATS:
        return ConfigError(cat.NOT_READ_FORMAT.format(action=action.name,
                                                      format=action.format))
    names = {c.name for c in provider.columns}
    for key in (spec.key, *spec.also_keys):
        if names.isdisjoint(key):
            return ConfigError(cat.NO_KEY_COLUMN.format(provider=spec.name,
                                                        columns=", ".join(key)))
    time_format = provider.parameters.get(cat.TIME_GLOBAL_FORMAT)
    reads_time = any(spec.fields.get(name) == cat.TIME_SPENT for name in names)
    if reads_time and time_format and time_format not in cat.TIME_GLOBAL_FORMATS:
        return ConfigError(cat.NOT_READ_TIME_FORMAT.format(
            provider=spec.name, format=time_format, formats=", ".join(cat.TIME_GLOBAL_FORMATS)))
    filters = provider.filters()
    if prune and filters and not spec.unpruned:  # those it never prunes from may filter
        return ImporterError(cat.PRUNE_FILTERED.format(provider=spec.name,
                                                       parameters=", ".join(filters)))
    return None


def field_names(export: Export) -> list[str]:
    """The import field each column holds, in file order (a column read twice, or one a
    refresh does not keep, is ignoredColumn)."""
    fields = export.provider.spec.fields
    names: list[str] = []
    for column in export.provider.columns:
        name = fields.get(column.name, IGNORED_COLUMN)
        if name == learners.CUSTOM and column.text:  # its text is the custom field's GUID
            name = f"{learners.CUSTOM_PREFIX}{column.text}"
        names.append(IGNORED_COLUMN if name in names else name)
    return names


def _definition(name: str) -> FieldDef | None:
    """The field a column is read as: an import's, an export's own, or a custom field."""
    if name.startswith(learners.CUSTOM_PREFIX):
        return field_def(learners.CUSTOM)
    return cat.EXPORT_FIELDS.get(name) or field_def(name)


def _bind(export: Export, names: list[str]) -> BoundAction:
    """The row reader of an export: each kept column read as its import field is."""
    bound: dict[str, BoundField] = {}
    for index, name in enumerate(names):
        definition = _definition(name)
        if name == IGNORED_COLUMN or definition is None:
            continue
        codes = _codes(export, name, definition)
        # Messages name the export's column (a custom field's holds its GUID: named as read).
        label = "" if name.startswith(learners.CUSTOM_PREFIX) else (
            export.provider.columns[index].name)
        bound[name] = BoundField(name, index, definition, False, codes,
                                 {code: meaning for meaning, code in codes.items()},
                                 key_text(definition), label=label)
    spec = ActionSpec(export.provider.name, export.provider.name, "",
                      tuple(b.spec for b in bound.values()))
    fmt = export.provider.date_format
    action = Action(name=spec.name, parameters={
        cat.DATE_TIME_FORMAT: export.provider.date_time_format,
        cat.TIME_GLOBAL_FORMAT: export.provider.parameters.get(cat.TIME_GLOBAL_FORMAT, "")})
    return BoundAction(spec, action, bound, date_pattern(fmt), fmt,
                       width=1 + max((b.index for b in bound.values()), default=-1))


def _codes(export: Export, name: str, definition: FieldDef) -> dict[str, str]:
    """A coded field's codes in this export: an export's own (a tracking status is "not
    attempted"), each renamed as statusFormat says."""
    codes = cat.EXPORT_CODES.get(name)
    if codes is None:
        return definition.default_codes
    return {**codes, **export.provider.codes.get(cat.STATUS_FORMAT, {})}


# --- planning --------------------------------------------------------------------------------

def laid_files(config: ExportConfig, data: Sequence[Path] | None = None, *,
               prune: bool = False) -> list[Path]:
    """Each export's file (``data_files``: the files given laid out by their first lines),
    once every export is one a refresh reads (else why not, in one line)."""
    _refuse(config, prune)
    return data_files(config, list(data or []))


def _refuse(config: ExportConfig, prune: bool) -> None:
    """Raise the first export's ``refusal``, naming the configuration."""
    for export in config.exports:
        refused = refusal(export, prune=prune)
        if refused is not None:
            if isinstance(refused, ConfigError) and refused.path is None:
                raise ConfigError(refused.detail, path=config.source)
            raise refused


def plan_refresh(config: ExportConfig, store: Store, *, data: Sequence[Path] | None = None,
                 files: Sequence[Path] | None = None, prune: bool = False,
                 monitor: Monitor | None = None, feeder: Feeder | None = None,
                 kept: KeptCells = KeptCells.ALL) -> RefreshPlan:
    """Plan every row of every export against the store; nothing is written here (``files``:
    the exports' files as ``laid_files`` laid out ``data``, not laid out again; a
    ``feeder`` hands the rows' writes to a write running alongside as they are planned;
    ``kept`` says which rows keep their cells)."""
    monitor = monitor or Monitor()
    if files is None:
        files = laid_files(config, data, prune=prune)
    else:
        _refuse(config, prune)
    for path in files:
        readers.check_file(path)
    older = older_exports(store, config, files)
    with paused_gc():
        overlay = Overlay(store.load_state(_tables(config, prune)))
        refresh = RefreshPlan(config, Plan(ImportConfig(source=config.source)),
                              list(config.warnings))
        shared = Shared()
        last: dict[Table, ImportPlan] = {}
        for index, (export, path) in enumerate(zip(config.exports, files, strict=True)):
            imp = _plan_export(index, export, path, overlay, shared, monitor, config.exports,
                               feeder, kept)
            refresh.plan.imports.append(imp)
            if not export.provider.spec.unpruned:
                last[_table(export)] = imp
            elif prune:
                refresh.notes.append(export.provider.spec.unpruned.format(file=path.name))
        if prune:
            for table, imp in last.items():
                _prune(refresh, table, imp, overlay, shared)
    refresh.older = _older_said(refresh, older)
    return refresh


def older_exports(store: Store, config: ExportConfig, files: Sequence[Path]
                  ) -> list[tuple[datetime, int, RunSummary]]:
    """The exports' ``files`` last changed before the store's last refresh (not reverted)
    of that same export: when, their place in ``files``, and that refresh; oldest first.
    Another export's refresh says nothing of this one's file, downloaded with it."""
    kinds = [export.provider.name for export in config.exports]
    last: dict[str, RunSummary] = {}
    for run in store.history():  # newest first
        if run.kind == REFRESH_RUN_KIND and run.reverted_by is None:
            for kind in _refreshed(store, run).intersection(kinds).difference(last):
                last[kind] = run
            if len(last) == len(set(kinds)):
                break
    older = []
    for index, (path, kind) in enumerate(zip(files, kinds, strict=True)):
        moment = _changed(path) if kind in last else None
        if moment is not None and moment < last[kind].started:
            older.append((moment, index, last[kind]))
    return sorted(older, key=lambda found: found[:2])


def _changed(path: Path) -> datetime | None:
    """When the file was last changed; None when it cannot be told (reading it says why)."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return None


def _refreshed(store: Store, run: RunSummary) -> set[str]:
    """The exports a refresh run read (none when its recorded configuration cannot be)."""
    try:
        text = store.run_config(run.id)
        return {export.provider.name for export in export_config.loads(text or "").exports}
    except ImporterError:
        return set()


def _older_said(refresh: RefreshPlan, older: list[tuple[datetime, int, RunSummary]]
                ) -> str | None:
    """The oldest of the ``older`` exports whose rows would change the store, said; None
    when none would (the same files again put nothing back)."""
    for moment, index, last in older:
        counts = refresh.plan.imports[index].row_counts()
        if counts[Outcome.CREATE] or counts[Outcome.UPDATE] or counts[Outcome.DELETE]:
            return OLDER_THAN_LAST_REFRESH.format(
                file=refresh.plan.imports[index].file.name,
                dated=f"{moment.astimezone():{MOMENT}}", run=last.id,
                refreshed=f"{last.started.astimezone():{MOMENT}}")
    return None


def _tables(config: ExportConfig, prune: bool) -> tuple[Table, ...]:
    """The tables a refresh of these exports reads."""
    stored = {export.provider.spec.stores for export in config.exports}
    more = [table for table in READ_WITH if table in stored or prune]
    return (*TABLES, *dict.fromkeys(t for table in more for t in READ_WITH[table]))


def _table(export: Export) -> Table:
    """The table an export refreshes (``refusal`` turned away those that refresh none)."""
    table = export.provider.spec.stores
    assert table is not None
    return table


def _plan_export(index: int, export: Export, path: Path, overlay: Overlay, shared: Shared,
                 monitor: Monitor, exports: list[Export], feeder: Feeder | None,
                 kept: KeptCells) -> ImportPlan:
    """One export's rows, in file order, put straight into the plan's columns (Rows) as the
    import planner puts a one-action import's: no RowPlan made and taken apart per row, a
    row's creation held as its record (overlay.Creations), its clean result shared."""
    action = export.action
    try:
        table = readers.open_table(path, encoding=action.encoding,
                                   delimiter=action.delimiter_char,
                                   skip_first_line=action.show_headers,
                                   columns=len(export.provider.columns) or None,
                                   keeps_cells=kept.keeps_every_row)
    except text_files.Utf8NotDeclaredError as exc:
        raise exc.in_export() from None
    except text_files.OtherDelimiterError as exc:
        if action.format == cat.TSV:
            raise exc.in_tsv_export() from None
        raise
    cut: dict[int, str] = {}  # the rows the file's cut shortened, by their place: why
    width = _width(table.headers) if action.show_headers else len(export.provider.columns)
    rows: Iterable[tuple[int, tuple[Any, ...]]] = _whole_rows(
        table.rows(shared=kept.shares_cells), path, width,
        text_files.ends_its_last_line(path, action.encoding), cut)
    headers = table.headers or export.headers
    if action.show_headers:
        order = _header_order(export, path, table.headers or [], exports)
        if order != list(range(len(order))):  # columns moved: each read by its header
            rows, headers = _by_header(rows, order), [headers[i] for i in order]
    names = field_names(export)
    bound = _bind(export, names)
    handler = _HANDLERS[_table(export)]
    imp = ImportPlan(index, path, names, headers, [export.provider.name],
                     stamp=FileStamp.of(path))
    imp.rows.kept = kept
    shared.begin_export(imp.rows.lines)
    name, total, what = export.provider.name, table.row_count_hint or 0, f"Checking {path.name}"

    def plan_one(cells: tuple[Any, ...]) -> Planned:
        shared.row = place = len(imp.rows.lines)  # the rows held so far: this row's place
        ctx = RowContext(bound, overlay)
        if cut and place in cut:  # its values are cut short: none is written, none deletes
            ctx.error("", cut.pop(place))
            return planned(ctx, name, Outcome.ERROR)
        read_values(ctx, cells)
        return planned(ctx, name, handler(ctx, shared))

    numbered: Iterable[tuple[int, tuple[int, tuple[Any, ...]]]] = enumerate(rows, start=1)
    if session_parts.takes(bound, _table(export)):
        parts = session_parts.parts_of(overlay, bound, imp, shared, cut, plan_one)
        numbered, plan_one = parts.through(numbered), parts.plan_one
    plan_rows_into(imp, overlay, numbered if feeder is None else feeder.through(imp, numbered),
                   plan_one, monitor, total, what)
    for row, login in learners.unknown_managers(shared):
        _warn(imp, row, learners.MANAGER, cat.MANAGER_UNKNOWN.format(
            field=learners.MANAGER, login=login))
    return imp


def _header_order(export: Export, path: Path, headers: list[str],
                  exports: list[Export]) -> list[int]:
    """Where the export's columns are in the file, by its first line; a line that is not
    the export's headers is refused (another export's file, or none of theirs)."""
    order = export.header_order(headers, extra=True)  # a column added by hand is left
    if order is not None:
        return order
    other = next((e for e in exports if e.holds_headers(headers)), None)
    if other is not None:
        raise DataFileError(OTHER_EXPORTS_FILE.format(other=other.provider.name,
                                                      provider=export.provider.name),
                            path=path, line=1)
    named = [h for h in headers if h]
    # A file that is not the export (another encoding, a whole file on one line) may name
    # thousands of columns, each any length: a message names a few, shortened.
    found = ", ".join([*map(msg.shortened, named[:_HEADERS_SHOWN]),
                       *(["…"] if len(named) > _HEADERS_SHOWN else [])]) or '""'
    missing = export.missing_headers(headers)
    if not missing:
        template = EXPORT_COLUMN_TWICE
    elif len(missing) < len(export.headers):
        template = MISSING_EXPORT_COLUMNS
    else:
        template = NOT_EXPORTS_FILE
    raise DataFileError(template.format(
        found=found, provider=export.provider.name, expected=", ".join(export.headers),
        missing=", ".join(missing)), path=path, line=1)


_HEADERS_SHOWN = 12  # of a first line that is not the export's, the names a message gives


def _width(headers: list[str] | None) -> int:
    """The cells the header line names, up to its last named one (a line ending with the
    delimiter names no column after it)."""
    width = len(headers or ())
    while width and not headers[width - 1]:  # type: ignore[index]
        width -= 1
    return width


def _whole_rows(rows: Iterable[tuple[int, tuple[Any, ...]]], path: Path, width: int,
                ended: bool, cut: dict[int, str]) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The rows, each narrower than ``width`` (the platform writes every column) noted in
    ``cut`` by its place and given empty cells up to it; when the file does not end its last
    line (``ended`` false), the last row is noted too, held back one row to know it."""
    held: tuple[int, tuple[Any, ...]] | None = None
    place = -1
    for place, (line, cells) in enumerate(rows):
        if len(cells) < width:
            cut[place] = cat.LINE_CUT_SHORT.format(count=len(cells), width=width)
            cells = (*cells, *("",) * (width - len(cells)))
        if ended:
            yield line, cells
            continue
        if held is not None:
            yield held
        held = line, cells
    if held is not None:
        cut[place] = cat.LAST_LINE_CUT
        yield held
    elif not ended and place < 0:  # the header line alone, cut: every row is gone
        raise DataFileError(cat.HEADER_CUT, path=path, line=1)


def _by_header(rows: Iterable[tuple[int, tuple[Any, ...]]], order: list[int]
               ) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """The rows with their cells in the export's column order."""
    for line, cells in rows:
        yield line, tuple(cells[i] if i < len(cells) else "" for i in order)


def _warn(imp: ImportPlan, index: int, field_name: str, message: str) -> None:
    """A warning added to a row planned already."""
    row = imp.rows[index]
    first, *others = row.results
    warned = ActionResult(first.action, first.outcome,
                          (*first.issues, Issue.warning(field_name, message)))
    imp.replace_row(index, replace(row, results=(warned, *others)))


_HANDLERS: dict[Table, Handler] = {Table.TRAINING: courses.plan_training,
                                   Table.SESSION: courses.plan_session,
                                   Table.LEARNER: learners.plan_learner,
                                   Table.LEARNING_OBJECT: learners.plan_learning_object,
                                   Table.REGISTRATION: followed.plan_registration,
                                   Table.TRACKING: followed.plan_tracking,
                                   Table.INTERVENTION: events.plan_event}


# --- pruning ---------------------------------------------------------------------------------

def _prune(refresh: RefreshPlan, table: Table, imp: ImportPlan, overlay: Overlay,
           shared: Shared) -> None:
    """Delete what the store holds of ``table`` and no export row named; refused for an
    export with errors (the records its failed rows name would go)."""
    errors = imp.row_counts()[Outcome.ERROR]
    if errors:
        refresh.notes.append(cat.PRUNE_SKIPPED.format(file=imp.file.name, count=errors))
        return
    named = shared.seen[table]
    # A record this refresh created (a placeholder id, below 0) is named by its own row.
    for record in [r for r in overlay.tables[table].values() if r.id >= 0
                   and r.id not in named and not _session_progress(table, r)]:
        cells = _cells(imp, record, overlay)
        changes: list[Change] = []
        if table is Table.TRAINING:
            for session in overlay.find(Table.SESSION, "training_id",
                                        attrgetter("training_id"), record.id):
                changes += _delete_session(overlay, session)
            changes.append(overlay.delete(table, record))
        elif table is Table.SESSION:
            changes += _delete_session(overlay, record)
        elif table is Table.LEARNER:
            changes += _delete_learner(overlay, record)
        elif table is Table.REGISTRATION:
            changes += [overlay.delete(Table.TRACKING, t)
                        for t in overlay.trackings(record.learner_id, record.session_id)]
            changes.append(overlay.delete(table, record))
        else:
            changes.append(overlay.delete(table, record))
        pruned = cat.PRUNED.format(record=_record_named(table, record, overlay))
        imp.add_row(RowPlan(PRUNE_LINE, cells, (ActionResult(
            imp.actions[0], Outcome.DELETE, (Issue.warning("", pruned),)),), changes))


def _record_named(table: Table, record: Any, overlay: Overlay) -> str:
    """The record a deletion takes, as people know it: a training course's code and title,
    a session's title and course, a learner's login; for a deletion to be reviewed."""
    if table is Table.TRAINING:
        return cat.PRUNED_TRAINING.format(code=record.path_code, title=record.title)
    if table is Table.LEARNER:
        return msg.A_LEARNER.format(name=learner_name(record))
    if table is Table.LEARNING_OBJECT:
        return cat.PRUNED_LEARNING_OBJECT.format(code=record.code or record.guid)
    if table is Table.SESSION:
        training = overlay.get(Table.TRAINING, record.training_id)
        return cat.PRUNED_SESSION.format(
            title=record.title, code=training.path_code if training else record.training_id)
    learner = overlay.get(Table.LEARNER, record.learner_id)
    session = overlay.get(Table.SESSION, record.session_id)
    login = learner_name(learner) if learner else record.learner_id
    title = session.title if session else record.session_id
    if table is Table.TRACKING:
        return cat.PRUNED_TRACKING.format(login=login, code=record.lo_code or record.lo_guid,
                                          session=title)
    return cat.PRUNED_REGISTRATION.format(login=login, session=title)


def _session_progress(table: Table, record: Any) -> bool:
    """True for a tracking row of a whole session (no learning object): the consolidated
    export's, which goes with its registration, not with the tracking export."""
    return table is Table.TRACKING and record.lo_code is None and record.lo_guid is None


def _delete_session(overlay: Overlay, session: Any) -> list[Change]:
    """A session's deletion, its trackings', registrations' and interventions' first."""
    changes = [overlay.delete(Table.TRACKING, t) for t in overlay.trackings_of(session.id)]
    changes += [overlay.delete(Table.REGISTRATION, r)
                for r in overlay.registrations_of(session.id)]
    changes += [overlay.delete(Table.INTERVENTION, i)
                for i in overlay.interventions_of(session.id)]
    changes.append(overlay.delete(Table.SESSION, session))
    return changes


def _delete_learner(overlay: Overlay, learner: Any) -> list[Change]:
    """A learner's deletion: its trackings and registrations first; the learners it
    managed keep going, without a manager."""
    changes: list[Change] = []
    for table in (Table.TRACKING, Table.REGISTRATION):
        changes += [overlay.delete(table, r) for r in overlay.find(
            table, "learner_id", attrgetter("learner_id"), learner.id)]
    for managed in overlay.find(Table.LEARNER, "manager_id", attrgetter("manager_id"),
                                learner.id):
        change = overlay.update(Table.LEARNER, managed, {"manager_id": None})
        if change is not None:
            changes.append(change)
    changes.append(overlay.delete(Table.LEARNER, learner))
    return changes


def _cells(imp: ImportPlan, record: Any, overlay: Overlay) -> tuple[str, ...]:
    """A record's values laid out as the export's columns, for the preview: a session's or a
    registration's course, session and learner each read from its own record."""
    session = overlay.get(Table.SESSION, record.session_id) if hasattr(record, "session_id") \
        else record if hasattr(record, "training_id") else None
    training = overlay.get(Table.TRAINING, session.training_id) if session else record
    learner = overlay.get(Table.LEARNER, record.learner_id) if hasattr(record, "learner_id") \
        else record
    cells = []
    for name in imp.columns:
        holder = (training if name in courses.TRAINING_OF_SESSION
                  else session if name in courses.SESSION_SET
                  else learner if name in _LEARNER_FIELDS else record)
        definition = _definition(name)
        column = definition.column if definition is not None else ""
        value = getattr(holder, column, None) if holder and column else None
        cells.append("" if value is None or isinstance(value, dict) else str(value))
    return tuple(cells)


# --- committing ------------------------------------------------------------------------------

@dataclass(frozen=True)
class RefreshResult:
    """What a refresh wrote: its run in the history and its outcomes."""

    run_id: int
    counts: dict[str, int]


def nothing_to_refresh(refresh: RefreshPlan) -> str:
    """Why committing ``refresh`` writes nothing (it changes nothing)."""
    return NOTHING_TO_REFRESH_ERRORS if refresh.has_errors() else NOTHING_TO_REFRESH


def commit_refresh(refresh: RefreshPlan, store: Store, *,
                   monitor: Monitor | None = None) -> RefreshResult:
    """Write every row without errors (and what --prune deletes) in one transaction, as a
    run of the history."""
    refresh.plan.refuse_files_not_as_read(FILE_GONE, FILE_CHANGED)
    if not refresh.plan.writes_anything():
        raise ImporterError(nothing_to_refresh(refresh))
    run = _run_info(refresh)
    return RefreshResult(store.apply(refresh.plan.writes(), run, monitor=monitor), run.counts)


def _run_info(refresh: RefreshPlan) -> RunInfo:
    """The run that commits ``refresh``."""
    source = refresh.config.source
    # Absolute: the history is read from anywhere, long after the refresh's folder is gone.
    return RunInfo(config_path=os.path.abspath(source) if source else "",
                   config_xml=refresh.config.text,
                   files=[os.path.abspath(imp.file) for imp in refresh.plan.imports],
                   counts=refresh.counts(), kind=REFRESH_RUN_KIND)


def refresh_in_one_pass(config: ExportConfig, store: Store, *,
                        data: Sequence[Path] | None = None,
                        files: Sequence[Path] | None = None, prune: bool = False,
                        monitor: Monitor | None = None, kept: KeptCells = KeptCells.ALL
                        ) -> tuple[RefreshPlan, RefreshResult | None]:
    """Plan the refresh and commit it (None: it changes nothing, no run); without --prune
    (whose deletions come after every export), the rows are written as they are planned
    where the store allows it (``feeding.plan_and_commit``). ``files`` as for
    ``plan_refresh``."""
    laid = list(files) if files is not None else laid_files(config, data, prune=prune)
    run = RunInfo(config_path=os.path.abspath(config.source) if config.source else "",
                  config_xml=config.text, files=[], counts={}, kind=REFRESH_RUN_KIND)
    planned, run_id = plan_and_commit(
        store, run, _expected_writes(laid),
        lambda feeder: plan_refresh(config, store, files=laid, prune=prune, monitor=monitor,
                                    feeder=None if prune else feeder, kept=kept),
        lambda planned: planned.plan, _run_info,
        lambda planned: commit_refresh(planned, store, monitor=monitor).run_id, monitor)
    return planned, None if run_id is None else RefreshResult(run_id, planned.counts())


def _expected_writes(files: Sequence[Path]) -> int:
    """About how many rows the exports hold (an export's row takes 60 bytes or more), for
    the write's page cache; 0 when the files cannot be told yet (planning says why)."""
    try:
        return sum(path.stat().st_size for path in files) // 60
    except OSError:
        return 0
