"""registerLearnerAction planned by column: the usual month's registrations, each learner
and course found by one field, each session by its title in its course or made by the first
row naming it, with the row planner's outcomes and words (actions/registration.py). A file
holding anything else (an unregistration, a session whose title or dates a row changes, a
GUID taken, a learner to reactivate, a row with a warning of its own) is left to the row
planner: nothing is changed before that is known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import compress, repeat
from operator import attrgetter
from types import ModuleType
from typing import Any

from importer_gui.core.actions.registration import (
    _BY_TITLE,
    _BY_TRAINING_NUMBERS,
    _DATE_COLUMN,
    _GUID_COLUMN,
    _SESSION_COLUMNS,
    DATE,
    DISABLED,
    GUID,
    REGISTER_FLAG,
    SESSION_ID,
    SPEC,
    TITLE,
    UNREGISTER,
    _Setup,
    _setup,
)
from importer_gui.core.binding import BoundAction
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.columns import engine
from importer_gui.core.columns.codes import every_cell
from importer_gui.core.columns.fields import FieldColumn, Keys, read_fields
from importer_gui.core.columns.finders import learners_by, trainings_by
from importer_gui.core.columns.frame import Frame, TakenParts, chunks, listed
from importer_gui.core.columns.progress import progress
from importer_gui.core.columns.rows import (
    cells_at,
    file_in_parts,
    flagged,
    hold_made,
    no_ids,
    numbers,
    part_changes,
    present,
    taken_below,
    unclean_rows,
)
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.near_titles import near_title, numbers_of
from importer_gui.core.overlay import Overlay, record_defaults
from importer_gui.core.plan import OUTCOME_CODE, CreatedRecords, ImportPlan, KeptCells
from importer_gui.core.progress import Monitor
from importer_gui.core.records import RECORD_TYPES, MadeColumns, Table
from importer_gui.core.setting_rows import SettingRows
from importer_gui.core.stored_columns import StoredColumns

SPEC_NAME = SPEC.name


def takes(action: BoundAction) -> bool:
    """Whether the column planner plans this action's rows (given a plain file): the usual
    searches, one field each, a session found by its title."""
    setup = _setup(action)
    return (setup.learner_column is not None and setup.training_field is not None
            and setup.by_title and setup.has_title and not action.has(SESSION_ID))


# Why a row is in error, in the order the row planner finds them (0: none).
(_NONE, _READ, _NO_SEARCH, _NOT_FOUND, _NO_TRAINING, _NO_TITLE, _NO_COURSE_FOR_SESSION,
 _SEVERAL) = range(8)


@dataclass
class _Rows:
    """The columns a plan of registrations is worked out on (polars Series, one per row)."""

    learner: Any  # the learner's id (null: none)
    training: Any  # the course's id (null: none)
    session: Any  # the stored session's id (null: none found; -1: several)
    error: Any  # why the row is in error (_NONE when it is not)


def plan(pl: ModuleType, frame: Frame, action: BoundAction, overlay: Overlay,
         imp_plan: ImportPlan, _setters: SettingRows, monitor: Monitor, what: str,
         filed: Callable[[], None]) -> bool:
    """Plan the frame's rows into ``imp_plan.rows`` and the overlay, ``filed`` told after
    each part of them; False, with nothing changed, when a row needs the row planner. (A
    registration sets no record a later row may set again: nothing for SettingRows.)"""
    setup = _setup(action)
    done = partial(progress, monitor, frame.height, what)
    done(0.1)  # read
    try:
        decided = _decide(pl, frame, action, setup, overlay, imp_plan.rows.kept)
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return False
    if decided is None:
        return False
    done(0.7)
    _write(decided, setup, action, overlay, imp_plan, frame, filed)
    done(1.0)
    return True


@dataclass
class _Decided:
    """What the columns decided: the rows in error (and why), the rows already registered,
    and the rows that register (with what their records hold, taken a part at a time as
    their records are made)."""

    height: int
    errors: list[tuple[int, int]]  # (row, why)
    read_issues: dict[int, list[Issue]]
    known: Sequence[int]
    rows: Sequence[int]  # the rows that register, in order
    ids: TakenParts  # each one's registration id
    learners: TakenParts
    sessions: TakenParts
    guids: TakenParts
    dates: TakenParts
    makers: list[tuple[int, int, int]]  # (row, new session's id, its course's id)
    session_values: dict[str, list[Any]]  # per maker, the values of its session's fields
    cells: list[tuple[str, ...]]  # each row's cells, where the plan keeps them


def _decide(pl: ModuleType, frame: Frame, action: BoundAction, setup: _Setup,
            overlay: Overlay, kept: KeptCells) -> _Decided | None:
    """Each row's fate, worked out on the columns; None when a row needs the row planner.
    Where only the rows in error keep their cells, the file's text is let go as soon as
    those are taken: the columns left are numbers."""
    fields = read_fields(pl, frame, action, overlay)
    read_issues = unclean_rows(pl, frame, action, overlay, fields)
    if read_issues is None or _unregisters(pl, fields, read_issues):
        return None
    keys = {name: _keys(pl, fields.get(field), frame.height) for name, field in _KEYED}
    rows = _found(pl, setup, fields, overlay, read_issues, keys["title"])
    if rows is None:
        return None
    # Kept, the text of its column with it, for the rows that register (known only below).
    guids, dates = fields.get(GUID), fields.get(DATE)
    if kept is KeptCells.ERRORS:
        cells = cells_at(frame, listed((rows.error != _NONE).arg_true()))
        frame.rows = None
    del fields  # the file's other columns go with it
    work = _work_frame(pl, rows, keys)
    del rows
    if not _sessions_unchanged(pl, work, keys, overlay):
        return None
    work = _registrations(pl, work, overlay)
    if work is None:
        return None
    creating = _creating(pl, work, overlay.next_placeholder())
    registering = creating.get_column("row")
    if not _guids_free(pl, guids, registering, overlay):
        return None
    places = numbers(registering)
    if kept is KeptCells.ALL:
        cells = every_cell(pl, frame)
    elif kept is KeptCells.ISSUES:  # the rows in error or warned about, and those that may be
        cells = cells_at(frame, listed(work.filter(~pl.col("reach") | pl.col("known") | pl.col(
            "makes")).get_column("row")))
    makers = creating.filter(pl.col("makes")).join(
        work.select("row", "training", *keys), on="row", how="left", maintain_order="left")
    return _Decided(
        frame.height,
        list(work.filter(~pl.col("reach")).select("row", "error").iter_rows()), read_issues,
        numbers(work.filter(pl.col("known")).get_column("row")), places,
        TakenParts(chunks(creating.get_column("id"), copied=True)),
        _shared(creating.get_column("learner"), _records(overlay, Table.LEARNER)),
        _shared(creating.get_column("session"), overlay.tables[Table.SESSION]),
        _at(pl, guids, registering), _at(pl, dates, registering),
        list(makers.select("row", "session_id", "training").iter_rows()),
        {field: _values(makers.get_column(name), keys[name]) for name, field in _KEYED},
        cells)


def _at(pl: ModuleType, field: FieldColumn | None, places: Any) -> TakenParts:
    """The field's values at the rows ``places`` (None everywhere without the field)."""
    if field is None:
        return TakenParts([pl.repeat(None, places.len(), dtype=pl.Null, eager=True)])
    return field.taken_at(places)


def _values(keyed: Any, keys: Keys) -> list[Any]:
    """What each number stands for (None for a null one)."""
    values = keys.values
    return [None if number is None else values[number] for number in listed(keyed)]


# The fields rows are told apart by, and their names in the work frame.
_KEYED = (("title", TITLE), ("start", "sessionStartDate"), ("end", "sessionEndDate"))


def _keys(pl: ModuleType, field: FieldColumn | None, height: int) -> Keys:
    """A field's values as numbers (FieldColumn.keys); none for a field the file lacks."""
    if field is None:
        return Keys(no_ids(pl, height), [], {})
    return field.keys()


def _unregisters(pl: ModuleType, fields: dict[str, FieldColumn],
                 read_issues: dict[int, list[Issue]]) -> bool:
    """Whether a row read without error unregisters (the row planner's work)."""
    flag = fields.get(REGISTER_FLAG)
    if flag is None:
        return False
    if flag.codes is None:  # a flag read as text: never, the catalogue gives it codes
        return True
    rows = pl.Series([value == UNREGISTER for value in flag.values],
                     dtype=pl.Boolean).gather(flag.codes).arg_true()
    return any(row not in read_issues for row in listed(rows))


def _found(pl: ModuleType, setup: _Setup, fields: dict[str, FieldColumn], overlay: Overlay,
           read_issues: dict[int, list[Issue]], title: Keys) -> _Rows | None:
    """Each row's learner, course and stored session, and why it is in error (the row
    planner's order); None when a learner found would be reactivated."""
    height = next(iter(fields.values())).clean.len()
    trainee = fields.get(setup.trainee)
    nothing = no_ids(pl, height)
    learner = nothing if trainee is None else trainee.mapped(*learners_by(
        overlay, setup.learner_column or ""))
    if setup.reactivate and _reactivates(learner, overlay):
        return None
    course = fields.get(setup.training)
    training = nothing if course is None else course.mapped(*trainings_by(
        overlay, setup.training_field or ""))
    read = flagged(pl, height, list(read_issues))
    facts = pl.DataFrame({"read": read, "search": present(pl, trainee, height),
                          "learner": learner, "training": training,
                          "title": present(pl, fields.get(TITLE), height)})
    for used in fields.values():  # their trimmed text is read no more
        used.let_go()
    no_training = pl.col("training").is_null()
    error = facts.select(
        pl.when(pl.col("read")).then(_READ)
        .when(~pl.col("search")).then(_NO_SEARCH)
        .when(pl.col("learner").is_null()).then(_NOT_FOUND)
        .when(no_training & setup.has_results).then(_NO_TRAINING)
        .when(~pl.col("title")).then(_NO_TITLE)
        .when(no_training).then(_NO_COURSE_FOR_SESSION)
        .otherwise(_NONE).alias("error")).to_series()
    session = _stored_sessions(pl, title, training, error, overlay)
    error = pl.DataFrame({"error": error, "session": session}).select(
        pl.when((pl.col("error") == _NONE) & (pl.col("session") == -1)).then(_SEVERAL)
        .otherwise(pl.col("error"))).to_series()
    return _Rows(learner, training, session, error)


def _reactivates(learner: Any, overlay: Overlay) -> bool:
    """Whether a learner found is disabled (reactivated by a row: the row planner's)."""
    found = listed(learner.drop_nulls().unique())
    stored = overlay.stored(Table.LEARNER)
    if stored is not None:  # the store's columns, no record made
        validity = dict(zip(stored.ids, stored.values("validity"), strict=True))
        return any(validity[learner_id] == DISABLED for learner_id in found)
    records = overlay.tables[Table.LEARNER]
    return any(records[learner_id].validity == DISABLED for learner_id in found)


def _stored_sessions(pl: ModuleType, title: Keys, training: Any, error: Any,
                     overlay: Overlay) -> Any:
    """Per row reaching the session search, the stored (or earlier planned) session its
    course and title find: its id, null when none, -1 when several (Overlay.find_single
    on the index the row planner searches by title)."""
    trainings: list[int] = []
    titles: list[int] = []
    found: list[int] = []
    for (training_id, value), group in overlay.groups(Table.SESSION, *_BY_TITLE).items():
        number = title.numbers.get(value)
        if number is None or not group:
            continue
        trainings.append(training_id)
        titles.append(number)
        found.append(-1 if type(group) is dict and len(group) > 1 else
                     next(iter(group.values())).id if type(group) is dict else group.id)
    if not found:
        return no_ids(pl, len(training))
    pairs = pl.DataFrame({"training": pl.Series(trainings, dtype=pl.Int64),
                          "title": pl.Series(titles, dtype=pl.Int64),
                          "session": pl.Series(found, dtype=pl.Int64)})
    rows = pl.DataFrame({"training": training, "title": title.rows.cast(pl.Int64),
                         "reach": error == _NONE})
    on: Any = ["training", "title"]
    if _stored_ids(training):  # a course and a title as one number: a third of the memory
        key = _pair(pl.col("training"), pl.col("title")).alias("key")
        pairs = pairs.filter(pl.col("training") >= 0).select(key, "session")
        rows, on = rows.select(key, "reach"), "key"
    return rows.join(pairs, on=on, how="left", maintain_order="left").select(
        pl.when(pl.col("reach")).then(pl.col("session"))).to_series()


def _work_frame(pl: ModuleType, rows: _Rows, keys: dict[str, Keys]) -> Any:
    """The columns the sessions and registrations are worked out on, a row each."""
    height = rows.error.len()
    work = pl.DataFrame({
        "row": pl.Series(range(height), dtype=pl.Int64), "learner": rows.learner,
        "training": rows.training, "session": rows.session, "error": rows.error,
        **{name: key.rows for name, key in keys.items()}}).with_columns(
        (pl.col("error") == _NONE).alias("reach"))
    # A session's course and title as one number where they fit (a stored course's id and
    # a title's number): grouped by far faster than as a pair.
    return work.with_columns((_pair(pl.col("training"), pl.col("title"))
                              if _stored_ids(work.get_column("training"))
                              else pl.struct("training", "title")).alias("group"))


def _stored_ids(ids: Any) -> bool:
    """Whether every id of a column (nulls aside) is a stored record's, below 2^31."""
    low, high = ids.min(), ids.max()
    return low is None or (low >= 0 and high < 1 << 31)


def _sessions_unchanged(pl: ModuleType, work: Any, keys: dict[str, Keys],
                        overlay: Overlay) -> bool:
    """Whether no row changes its session: a stored one's title and dates are the row's,
    and every row of a new session gives the dates its first row gives."""
    reach = work.filter(pl.col("reach"))
    new = reach.filter(pl.col("session").is_null())
    if new.height and new.group_by("group").agg(
            _differ(pl.col("start")) | _differ(pl.col("end"))).to_series(1).any():
        return False  # a new session's rows give it two sets of dates
    names = [name for name, _field in _KEYED]
    stored = reach.filter(pl.col("session").is_not_null()).select(
        "session", *names).unique()
    columns = dict(_SESSION_COLUMNS)
    compared = [(columns[field], keys[name].values) for name, field in _KEYED]
    sessions = overlay.tables[Table.SESSION]
    for session_id, *row_keys in stored.iter_rows():
        record = sessions[session_id]
        for (column, values), key in zip(compared, row_keys, strict=True):
            value = None if key is None else values[key]
            if value is not None and getattr(record, column) != value:
                return False
    return True


def _differ(key: Any) -> Any:
    """Whether a group's rows hold more than one key (a null one counted as a key)."""
    return (key.min() != key.max()).fill_null(False) | key.null_count().is_between(
        1, key.len() - 1)


def _registrations(pl: ModuleType, work: Any, overlay: Overlay) -> Any | None:
    """The work frame with, per row reaching its registration, the session it is in
    (``ref``: a stored one's id, or -1 - its first row for a new one), whether it makes
    that session (``makes``: a new one's first row) and whether its learner is registered
    there already (``known``: stored, or by an earlier row). None when an id the overlay
    holds is not a stored one (``_pair`` takes those alone): the row planner's."""
    reach = pl.col("reach")
    first = pl.when(reach).then(pl.col("row")).min().over("group")
    work = work.with_columns(
        pl.when(reach).then(pl.coalesce(pl.col("session"), -1 - first)).alias("ref"),
        (reach & pl.col("session").is_null() & (pl.col("row") == first)).alias("makes"))
    # A learner and a session as one number where they fit (a session's ref lifted to 0 up).
    pair = (_pair(pl.col("learner"), pl.col("ref") + (1 << 31))
            if _stored_ids(work.get_column("learner")) and _stored_ids(work.get_column("session"))
            else pl.struct("learner", "ref"))
    again = ~pl.when(reach).then(pair).is_first_distinct()
    known = again
    if work.select((reach & pl.col("session").is_not_null()).any()).item():
        stored = _stored_registrations(pl, overlay)
        if stored is None:
            return None
        known = again | _pair(pl.col("learner"), pl.col("session")).is_in(stored.implode())
    return work.with_columns((reach & known).fill_null(False).alias("known"))


def _pair(first: Any, second: Any) -> Any:
    """Two numbers as one: ``first`` from 0 to 2^31 - 1, ``second`` from 0 to 2^32 - 1 (a
    registration's stored learner and session, a session's stored course and title)."""
    return first * (1 << 32) + second


def _stored_registrations(pl: ModuleType, overlay: Overlay) -> Any | None:
    """Every registration the overlay holds, as one number each (``_pair``); None when one
    holds ids that are not stored ones (an earlier import of the plan made it)."""
    stored = overlay.stored(Table.REGISTRATION)
    if stored is not None:  # the store's columns, no record made
        if not stored:
            return pl.Series([], dtype=pl.Int64)
        learners = _column(pl, stored, "learner_id")
        sessions = _column(pl, stored, "session_id")
    else:
        records = overlay.tables[Table.REGISTRATION].values()
        if not records:
            return pl.Series([], dtype=pl.Int64)
        learners = pl.Series(list(map(attrgetter("learner_id"), records)), dtype=pl.Int64)
        sessions = pl.Series(list(map(attrgetter("session_id"), records)), dtype=pl.Int64)
    if min(learners.min(), sessions.min()) < 0 or max(learners.max(),
                                                      sessions.max()) >= 1 << 31:
        return None
    return _pair(learners, sessions)


def _column(pl: ModuleType, stored: StoredColumns, name: str) -> Any:
    """A stored column of ids as one Series, a value a record."""
    ints = stored.ints(name)
    if ints is not None:
        return pl.Series(ints, dtype=pl.Int64)
    values, codes = stored.coded(name)
    return pl.Series(values, dtype=pl.Int64).gather(pl.Series(codes, dtype=pl.UInt32))


def _guids_free(pl: ModuleType, field: FieldColumn | None, rows: Any,
                overlay: Overlay) -> bool:
    """Whether every GUID a new registration (the rows at ``rows``) gives is its own (a
    taken one is an error after the row's session is made: the row planner's)."""
    if field is None:
        return True
    try:
        given = field.texts_at(rows).drop_nulls()
    except TypeError:  # a value that is no text: Python tells them apart
        return _values_free(field.at(rows), overlay)
    if given.n_unique() != given.len():
        return False
    if not given.len():
        return True
    try:
        taken = pl.Series(_stored_guids(overlay), dtype=pl.String)
    except TypeError:  # a stored GUID that is no text
        return _values_free(listed(given), overlay)
    return not bool(given.is_in(taken.implode()).any())


def _values_free(guids: list[Any], overlay: Overlay) -> bool:
    """_guids_free of GUIDs read as Python's values."""
    given = [guid for guid in guids if guid is not None]
    seen = set(given)
    return len(seen) == len(given) and seen.isdisjoint(_stored_guids(overlay))


def _stored_guids(overlay: Overlay) -> list[Any]:
    """Every GUID the overlay's registrations hold."""
    columns = overlay.stored(Table.REGISTRATION)
    if columns is not None:  # the store's columns, no record made
        return list(columns.values(_GUID_COLUMN))
    return [getattr(record, _GUID_COLUMN) for record in
            overlay.tables[Table.REGISTRATION].values()]


def _write(decided: _Decided, setup: _Setup, action: BoundAction, overlay: Overlay,
           imp_plan: ImportPlan, frame: Frame, filed: Callable[[], None]) -> None:
    """Make the new sessions and registrations in the overlay, and the rows of the plan: a
    part of the rows at a time, ``filed`` told after each (a commit writes them meanwhile)."""
    from importer_gui.core.planner import _clean_results, _shared_results

    name = action.spec.name
    height = decided.height
    results: list[Sequence[Any]] = [_clean_results(name, Outcome.CREATE)] * height
    codes = bytearray([OUTCOME_CODE[Outcome.CREATE]]) * height
    messages = _error_messages(setup)
    for row, why in decided.errors:
        issues = decided.read_issues[row] if why == _READ else [messages[why]]
        results[row] = _shared_results(name, Outcome.ERROR, issues)
        codes[row] = OUTCOME_CODE[Outcome.ERROR]
    already = _shared_results(name, Outcome.UNCHANGED,
                              [Issue.warning(setup.trainee, msg.ALREADY_REGISTERED)])
    for row in decided.known:
        results[row] = already
        codes[row] = OUTCOME_CODE[Outcome.UNCHANGED]
    start = overlay.next_placeholder()
    sessions = _make_sessions(decided, overlay, results, name)
    if imp_plan.rows.kept is KeptCells.ISSUES:  # a session's first row keeps them when warned
        for row, _made, _course in decided.makers:
            if not results[row][0].issues:
                decided.cells[row] = ()
    hold_made(imp_plan, overlay, (start, len(decided.rows) + len(sessions)))
    given = {"id": decided.ids, "learner_id": decided.learners,
             "session_id": decided.sessions, _GUID_COLUMN: decided.guids,
             _DATE_COLUMN: decided.dates}

    def make(part: range) -> list[Any]:
        changes, imp_plan.rows.made = _make_registrations(decided, given, part, sessions,
                                                          overlay)
        return changes

    file_in_parts(imp_plan, frame, results, codes, decided.cells, make, filed)


def _error_messages(setup: _Setup) -> dict[int, Issue]:
    """The error each reason gives, as the row planner words it."""
    return {_NO_SEARCH: Issue.error(setup.trainee, msg.NO_CANDIDATE_SEARCH),
            _NOT_FOUND: Issue.error(setup.trainee, msg.CANDIDATE_NOT_FOUND),
            _NO_TRAINING: Issue.error(setup.training, msg.TRAINING_MANDATORY),
            _NO_TITLE: Issue.error(setup.session, msg.SESSION_MANDATORY),
            _NO_COURSE_FOR_SESSION: Issue.error(setup.training, msg.NO_TRAINING_FOR_SESSION),
            _SEVERAL: Issue.error(setup.session, msg.SESSION_NOT_RETRIEVED)}


def _creating(pl: ModuleType, work: Any, start: int) -> Any:
    """The rows that create a registration (and their session, for the first row of a new
    one), in order, with the ids the row planner's create() gives them from ``start`` on:
    a row's session before its registration."""
    creating = work.filter(pl.col("reach") & ~pl.col("known")).select(
        "row", "learner", "session", "ref", "makes")
    made = pl.col("makes").cast(pl.Int64)
    used = (made + 1).cum_sum()  # ids used up to and with the row
    creating = creating.with_columns((start - used + 1 + made).alias("session_id"),
                                     (start - used + 1).alias("id"))
    firsts = creating.filter(pl.col("makes")).select(
        "ref", pl.col("session_id").alias("new_session"))
    return creating.join(firsts, on="ref", how="left", maintain_order="left").with_columns(
        pl.coalesce("session", "new_session").alias("session"))


def _make_sessions(decided: _Decided, overlay: Overlay, results: list[Sequence[Any]],
                   name: str) -> dict[int, Any]:
    """The new sessions, made in the order of their first rows; each warned about as the row
    planner warns (a title a slip of one its course has); the records by their first row."""
    columns = {column: decided.session_values[field] for field, column in _SESSION_COLUMNS}
    columns["training_id"] = [training_id for _row, _id, training_id in decided.makers]
    defaults = record_defaults(Table.SESSION)
    records = list(map(RECORD_TYPES[Table.SESSION],
                       [record_id for _row, record_id, _training in decided.makers],
                       *(columns.get(column, repeat(default))
                         for column, default in defaults.items())))
    _warn_near_titles(decided, records, overlay, results, name)
    overlay.add_records(Table.SESSION, records)
    return {row: record for (row, _id, _training), record in
            zip(decided.makers, records, strict=True)}


def _warn_near_titles(decided: _Decided, records: list[Any], overlay: Overlay,
                      results: list[Sequence[Any]], name: str) -> None:
    """The near-miss warning on the rows making a session whose title looks a slip of
    another of its course's (stored, or made by an earlier row): only titles with the same
    numbers in the same course are compared, as the row planner compares them."""
    from importer_gui.core.planner import _shared_results

    keys = [(record.training_id, numbers_of(record.title)) for record in records]
    made = Counter(keys)
    trainings = overlay.tables[Table.TRAINING]
    earlier: dict[tuple[int, tuple[str, ...]], list[str]] = {}
    for (row, _made, _course), record, key in zip(decided.makers, records, keys, strict=True):
        stored = overlay.find(Table.SESSION, *_BY_TRAINING_NUMBERS, key)
        if made[key] == 1 and not stored:
            continue  # no other title to be a slip of
        titles = [*(session.title for session in stored), *earlier.setdefault(key, [])]
        found = near_title(record.title, titles) if titles else None
        earlier[key].append(record.title)
        if found is not None:
            results[row] = _shared_results(name, Outcome.CREATE, [Issue.warning(
                TITLE, msg.SESSION_NEAR_MISS.format(
                    title=record.title, code=trainings[record.training_id].path_code,
                    near=found))])


def _make_registrations(decided: _Decided, given: dict[str, TakenParts], part: range,
                        sessions: dict[int, Any], overlay: Overlay,
                        ) -> tuple[list[Any], MadeColumns]:
    """The changes of the rows ``part``: the new registrations, a row each, held as records
    (overlay.Creations) as the row planner holds them (a row that makes its session holds
    both); their ids and columns taken out of ``given``, the decided values (``_Decided``)
    the rows come from. With them, what the rows made, as a commit's write takes it."""
    rows = taken_below(decided.rows, part.stop)
    count = len(rows)
    defaults = record_defaults(Table.REGISTRATION)
    columns = [given["id"].take(count), *(given[column].take(count) if column in given
                                          else repeat(default)
                                          for column, default in defaults.items())]
    records = list(map(RECORD_TYPES[Table.REGISTRATION], *columns))
    overlay.add_records(Table.REGISTRATION, records)
    changes = part_changes(part, rows, records)
    first = [(at, sessions[rows[at]])
             for at in compress(range(count), map(sessions.__contains__, rows))]
    for at, session in first:
        row = rows[at] - part.start
        changes[row] = CreatedRecords((session, changes[row]))
    return changes, MadeColumns(Table.REGISTRATION, rows, columns, first)


def _records(overlay: Overlay, table: Table) -> dict[int, Any]:
    """A table's records; none where it is held as the store's columns (not made records
    for this)."""
    return {} if overlay.stored(table) is not None else overlay.tables[table]


def _shared(ids: Any, records: dict[int, Any]) -> TakenParts:
    """The ids (a polars Series), taken a part at a time, each the very int its record
    holds where it has one, else one int an id (a million rows then hold references, not a
    million ints of their own)."""
    held: dict[int, int] = {}
    for record_id in listed(ids.unique()):
        record = records.get(record_id)
        held[record_id] = record_id if record is None else record.id
    return TakenParts(chunks(ids, copied=True), held.__getitem__)
