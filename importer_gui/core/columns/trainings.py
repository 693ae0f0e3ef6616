"""createOrUpdateTrainingCourseAction planned by column: the usual file of courses, each code
once, a new course created with its row's columns, a stored one found by its code and left
as it is, with the row planner's outcomes and words (actions/training.py). A file holding
anything else (a code twice, a course a row changes or deletes, a GUID, learning objects or
steps, a legacy field, a stored course fullAccess=no may not touch, a row with a warning of
its own) is left to the row planner: nothing is changed before that is known."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from operator import attrgetter
from types import ModuleType
from typing import Any

from importer_gui.core import schema
from importer_gui.core.actions.base import CLEAR
from importer_gui.core.actions.training import (
    _CODE_COLUMN,
    _COLUMNS,
    _GUID_COLUMN,
    ACTION,
    CODE,
    DELETE,
    GUID,
    SPEC,
    TITLE,
    _shape,
)
from importer_gui.core.binding import BoundAction
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.columns import engine
from importer_gui.core.columns.codes import every_cell
from importer_gui.core.columns.fields import FieldColumn, read_fields
from importer_gui.core.columns.finders import trainings_by
from importer_gui.core.columns.frame import Frame, TakenParts, listed
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
from importer_gui.core.guids import MADE_WHEN_WRITTEN
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.overlay import Overlay, record_defaults
from importer_gui.core.plan import OUTCOME_CODE, ImportPlan, KeptCells
from importer_gui.core.progress import Monitor
from importer_gui.core.records import RECORD_TYPES, MadeColumns, Table
from importer_gui.core.setting_rows import SettingRows
from importer_gui.core.stored_columns import StoredColumns

SPEC_NAME = SPEC.name


def takes(action: BoundAction) -> bool:
    """Whether the column planner plans this action's rows (given a plain file): no field
    whose rows the row planner words or merges its own way (legacy fields, lovCodes,
    trainingSteps), and a code every row must give."""
    shape = _shape(action)
    code = action.fields.get(CODE)
    return (code is not None and code.mandatory and not shape.legacy and not shape.lov_codes
            and not shape.steps)


@dataclass
class _Decided:
    """What the columns decided: each row's fate, and what the new courses hold."""

    height: int
    read_issues: dict[int, list[Issue]]  # the rows in error as they read
    untitled: list[int]  # rows creating a course without a title (an error)
    # Row numbers and ids as polars Series (made Python's only where a loop needs them):
    unchanged: Any  # rows finding a stored course they leave as it is
    unchanged_ids: Any  # the course each of those finds
    creating: Any  # rows creating a course, in order
    # Per store column, the new courses' values: gathered here (where polars may still
    # refuse), made Python's a part at a time as the courses are made.
    columns: dict[str, TakenParts]


def plan(pl: ModuleType, frame: Frame, action: BoundAction, overlay: Overlay,
         imp_plan: ImportPlan, setters: SettingRows, monitor: Monitor, what: str,
         filed: Callable[[], None]) -> bool:
    """Plan the frame's rows into ``imp_plan.rows`` and the overlay, ``filed`` told after
    each part of them; False, with nothing changed, when a row needs the row planner."""
    done = partial(progress, monitor, frame.height, what)
    done(0.1)  # read
    kept = imp_plan.rows.kept
    try:
        decided = _decide(pl, frame, action, overlay)
        if decided is None:
            return False
        # The cells kept taken before anything changes (polars may still refuse here),
        # and the file's text let go before the records are made.
        cells = _kept_cells(pl, frame, kept, decided)
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return False
    if kept is not KeptCells.ALL:
        frame.rows = None
    done(0.6)
    start = overlay.next_placeholder()  # the first new course's id
    set_by = _set_by(pl, decided, start)  # made before the courses, which then hold memory
    _write(decided, action, overlay, imp_plan, frame, cells, filed)
    # An edited row is then warned as after a plan row by row (SettingRows.again).
    setters.note_rows(Table.TRAINING, set_by)
    done(1.0)
    return True


def _decide(pl: ModuleType, frame: Frame, action: BoundAction,
            overlay: Overlay) -> _Decided | None:
    """Each row's fate, worked out on the columns; None when a row needs the row planner."""
    # The codes are trimmed at once (the titles later: trimmed now, they would be held
    # through the look-up of the codes, the plan's peak of memory).
    fields = read_fields(pl, frame, action, overlay, trimmed={CODE})
    read_issues = unclean_rows(pl, frame, action, overlay, fields)
    if read_issues is None:
        return None
    height = frame.height
    read = flagged(pl, height, list(read_issues))
    reach = ~read  # the rows that read cleanly go on to find their course
    code = fields[CODE]
    if (_given(fields, GUID, reach) or _deletes(pl, fields.get(ACTION), reach)
            or _clears(fields) or not code.present().filter(reach).all()):
        return None
    trimmed = code.trimmed()
    if _repeated(code, trimmed, reach):
        return None  # a code twice: the second row sees what the first made
    found = _found(pl, code, trimmed, overlay)
    stored = (reach & found.ids.is_not_null()).arg_true()
    given = [(field, column) for field, column in _COLUMNS if field in fields]
    stored_ids = found.ids.gather(stored)
    if not _unchanged(pl, action, overlay, found.at(stored), stored_ids,
                      {column: fields[field] for field, column in given}, stored):
        return None
    new = reach & found.ids.is_null()
    titled = present(pl, fields.get(TITLE), height)
    creating = (new & titled).arg_true()
    return _Decided(height, read_issues, listed((new & ~titled).arg_true()),
                    stored, stored_ids, creating,
                    {_CODE_COLUMN: code.taken_at(creating),
                     **{column: fields[field].taken_at(creating) for field, column in given}})


def _given(fields: dict[str, FieldColumn], name: str, reach: Any) -> bool:
    """Whether a row reaching its course gives the field a value."""
    field = fields.get(name)
    return field is not None and bool(field.present().filter(reach).any())


def _deletes(pl: ModuleType, field: FieldColumn | None, reach: Any) -> bool:
    """Whether a row reaching its course deletes it (the row planner's)."""
    if field is None:
        return False
    if field.codes is None:  # read as text: never, the catalogue gives it codes
        return True
    deletes = pl.Series([value == DELETE for value in field.values], dtype=pl.Boolean)
    return bool(deletes.gather(field.codes).filter(reach).any())


def _clears(fields: dict[str, FieldColumn]) -> bool:
    """Whether a converted value empties a column (none of this action's fields has such a
    text; asked so that one added later is the row planner's)."""
    return any(value is CLEAR for field in fields.values() for value in field.values)


def _repeated(code: FieldColumn, trimmed: Any | None, reach: Any) -> bool:
    """Whether two rows reaching their course give one code."""
    reached = (code.keys().rows if trimmed is None else trimmed).filter(reach)
    # Distinct hashes are distinct codes, and hashes are told apart faster than texts: the
    # codes themselves are counted only where two hashes are alike.
    if reached.hash().n_unique() == reached.len():
        return False
    return bool(reached.n_unique() != reached.len())


@dataclass
class _Found:
    """Per row, the id of the course its code finds (null where none) and, when the store's
    courses are held as columns, that course's place among them."""

    ids: Any
    places: Any | None = None

    def at(self, rows: Any) -> Any | None:
        """The places of the courses the rows ``rows`` find (None: found among records)."""
        return None if self.places is None else self.places.gather(rows)


def _found(pl: ModuleType, code: FieldColumn, trimmed: Any | None, overlay: Overlay) -> _Found:
    """Per row, the course its code finds (the first filed, as find_one finds it)."""
    columns = overlay.stored(Table.TRAINING)  # the store's columns, while no record is made
    records = overlay.tables[Table.TRAINING] if columns is None else {}
    if not (records or columns):
        return _Found(no_ids(pl, code.cells.len()))
    codes = None if trimmed is None else _texts(pl, [
        list(map(attrgetter(_CODE_COLUMN), records.values()))] if columns is None
        else columns.parts(_CODE_COLUMN))
    if trimmed is not None and codes is not None:
        stored = pl.DataFrame({"code": codes}).with_row_index("place").drop_nulls("code")
        del codes  # held by the frame now
        keys = stored.get_column("code")
        if bool((keys.str.len_bytes() == keys.str.len_chars()).all()):
            # Stored codes in ASCII: the course each finds read off the table by a join
            # (the overlay's index of codes over a million courses is not needed), unless
            # a row's code is stored twice (the join then gives that row two rows).
            places = pl.DataFrame({"code": trimmed}).join(
                stored, on="code", how="left", maintain_order="left").get_column("place")
            if places.len() == trimmed.len():
                ids = pl.Series(list(records) if columns is None else columns.ids,
                                dtype=pl.Int64)
                return _Found(ids.gather(places), None if columns is None else places)
    return _Found(code.mapped(*trainings_by(overlay, CODE)))


def _texts(pl: ModuleType, parts: Iterable[Iterable[Any]]) -> Any | None:
    """A stored column's values as one polars Series of text; None when one is not a text."""
    try:
        return pl.concat([pl.Series(list(part), dtype=pl.String) for part in parts])
    except TypeError:
        return None


def _unchanged(pl: ModuleType, action: BoundAction, overlay: Overlay, places: Any | None,
               ids: Any, given: dict[str, FieldColumn], rows: Any) -> bool:
    """Whether every course found (``ids``, by the rows at ``rows``; at ``places`` among the
    store's columns, None when found among records) may be changed by the action and is
    left as it is: each column a row gives holds that value already (a modality given
    another way is a change, or an error)."""
    if not action.full_access and not all(
            overlay.was_created_by_import(Table.TRAINING, record_id)
            for record_id in numbers(ids)):
        return False
    columns = overlay.stored(Table.TRAINING)
    if places is not None and columns is not None:
        return all(_held_alike(pl, columns, column, places, field, rows)
                   for column, field in given.items())
    records = overlay.tables[Table.TRAINING]
    found = list(map(records.__getitem__, numbers(ids)))
    return all(_alike(list(map(attrgetter(column), found)), field.at(rows))
               for column, field in given.items())


def _alike(held: list[Any], values: list[Any]) -> bool:
    """Whether each course holds the value given it already (None: none given)."""
    if values == held:  # compared in C: the usual file, every value as stored
        return True
    return all(value is None or record_value == value
               for record_value, value in zip(held, values, strict=True))


def _held_alike(pl: ModuleType, columns: StoredColumns, column: str, places: Any,
                field: FieldColumn, rows: Any) -> bool:
    """Whether the stored courses at ``places`` hold the value the rows at ``rows`` give
    the field already (where they give one): compared as texts by polars, or one by one
    where either side holds something else."""
    if field.codes is not None and column in _REPEATING:
        alike = _codes_alike(pl, columns, column, places, field, rows)
        if alike is not None:
            return alike
    try:
        given = field.texts_at(rows)
    except TypeError:
        given = None
    held = None if given is None else _texts(pl, columns.parts(column))
    if held is None:
        every = list(columns.values(column))
        return _alike([every[place] for place in listed(places)], field.at(rows))
    held = held.gather(places)
    return not bool((given.is_not_null() & held.ne_missing(given)).any())


# The course's columns of a few texts repeated (a modality), which StoredColumns holds as
# each course's code among the column's distinct values.
_REPEATING = frozenset(c.name for c in schema.columns(Table.TRAINING) if c.repeats)


def _codes_alike(pl: ModuleType, columns: StoredColumns, column: str, places: Any,
                 field: FieldColumn, rows: Any) -> bool | None:
    """_held_alike of a column of a few repeated texts and a field read cell by cell: the
    value each row gives and the course's told apart by their codes, without making a text
    a course; None where a value is no text, or two stored values are one."""
    held, codes = columns.coded(column)
    if not all(value is None or isinstance(value, str) for value in [*held, *field.values]):
        return None
    number = {value: place for place, value in enumerate(held) if value is not None}
    if len(number) != len(held) - held.count(None):
        return None
    # Per distinct cell, the number of the stored value it gives (past them all: a value
    # no course holds; null: none given).
    wanted = pl.Series([None if value is None else number.get(value, len(held))
                        for value in field.values], dtype=pl.UInt32)
    given = wanted.gather(field.codes.gather(rows))
    stored = pl.Series(codes, dtype=pl.UInt32).gather(places)
    return not bool((given.is_not_null() & (given != stored)).any())


def _write(decided: _Decided, action: BoundAction, overlay: Overlay, imp_plan: ImportPlan,
           frame: Frame, cells: list[tuple[str, ...]], filed: Callable[[], None]) -> None:
    """Make the new courses in the overlay, and the rows of the plan: a part of the rows at
    a time, ``filed`` told after each (a commit writes them meanwhile)."""
    from importer_gui.core.planner import _clean_results, _shared_results

    name = action.spec.name
    height = decided.height
    # Every row given the outcome of most (new courses, or stored ones left as they are),
    # then the rest theirs: a loop over the fewer rows only.
    (most, _rows), (fewer, fewer_rows) = sorted(
        [(Outcome.CREATE, decided.creating), (Outcome.UNCHANGED, decided.unchanged)],
        key=lambda outcome: outcome[1].len(), reverse=True)
    results: list[Sequence[Any]] = [_clean_results(name, most)] * height
    codes = bytearray([OUTCOME_CODE[most]]) * height
    errors = [*decided.read_issues.items(), *zip(decided.untitled, repeat(
        [Issue.error(TITLE, msg.FIELD_EMPTY.format(field=TITLE))]))]
    for row, issues in errors:
        results[row] = _shared_results(name, Outcome.ERROR, issues)
        codes[row] = OUTCOME_CODE[Outcome.ERROR]
    others = _clean_results(name, fewer)
    for row in numbers(fewer_rows):
        results[row] = others
        codes[row] = OUTCOME_CODE[fewer]
    start = overlay.next_placeholder()
    creating = numbers(decided.creating)  # used up as the courses are made
    hold_made(imp_plan, overlay, (start, len(creating)))
    ids = range(start, start - len(creating), -1)

    def make(part: range) -> list[Any]:
        nonlocal ids
        rows = taken_below(creating, part.stop)
        columns = _course_columns(decided.columns, ids[:len(rows)])
        ids = ids[len(rows):]
        records = list(map(RECORD_TYPES[Table.TRAINING], *columns))
        overlay.add_records(Table.TRAINING, records)
        imp_plan.rows.made = MadeColumns(Table.TRAINING, rows, columns)
        return part_changes(part, rows, records)

    file_in_parts(imp_plan, frame, results, codes, cells, make, filed)


def _set_by(pl: ModuleType, decided: _Decided, start: int) -> array[int]:
    """Per row, the course it sets (0: none, a row in error): 4 bytes an id where each
    fits, as SettingRows keeps them (it then need not narrow them)."""
    made = decided.creating.len()
    ids = pl.zeros(decided.height, dtype=pl.Int64, eager=True).scatter(
        decided.unchanged, decided.unchanged_ids).scatter(
        decided.creating, pl.int_range(start, start - made, -1, dtype=pl.Int64, eager=True))
    try:
        return numbers(ids, "i")
    except OverflowError:  # an id past what 4 bytes hold
        return numbers(ids, "q")


def _course_columns(given: dict[str, TakenParts], ids: range) -> list[Any]:
    """The next new courses by column, as MadeColumns holds them: the ids the row
    planner's create() gives them (``ids``), then each column the row's value, else the
    column's default; a GUID made when written (no row gives one). Their values are taken
    out of ``given`` (by column)."""
    columns: list[Any] = [ids]
    for column, default in record_defaults(Table.TRAINING).items():
        left = given.get(column)
        if column == _GUID_COLUMN:
            columns.append(repeat(MADE_WHEN_WRITTEN))
        elif left is None:
            columns.append(repeat(default))
        else:
            values = left.take(len(ids))
            columns.append([default if value is None else value for value in values]
                           if None in values else values)
    return columns


def _kept_cells(pl: ModuleType, frame: Frame, kept: KeptCells, decided: _Decided,
                ) -> list[tuple[str, ...]]:
    """Each row's cells where the plan keeps them (an empty tuple elsewhere): every row's, or
    those of the rows in error (the only rows with issues here)."""
    if kept is KeptCells.ALL:
        return every_cell(pl, frame)
    return cells_at(frame, sorted([*decided.read_issues, *decided.untitled]))
