"""What every action handler gets: the row's values, the overlay, and where issues go."""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import time
from typing import Any, TypeVar

from importer_gui.core.binding import BoundAction, BoundField, KeyText, date_time_format
from importer_gui.core.catalogue import Kind
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.document import DEFAULT_TIME
from importer_gui.core.catalogue.exports import NOT_IN_TIME_FORMAT, TIME_GLOBAL_FORMAT
from importer_gui.core.cells import Cell, Garbled, Shown, Unreadable
from importer_gui.core.issues import Issue, Level, Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.records import Change, Table
from importer_gui.core.values import (
    INT_MAX,
    INT_MIN,
    date_pattern,
    parse_date,
    parse_datetime,
    parse_datetime_as,
    parse_duration,
    parse_float,
    parse_int,
    parse_time,
    text,
    with_default_time,
)

# A value that empties a column (the catalogue says which text means it, e.g. sessionEndDate's
# "NULL").
CLEAR = object()


@dataclass(slots=True, init=False)
class RowContext:
    """One row seen by one action: typed values of the filled fields, issues and changes."""

    action: BoundAction
    overlay: Overlay
    values: dict[str, Any]
    issues: list[Issue]
    changes: list[Change]
    # True once an ERROR was recorded (kept as a flag: handlers ask often, rows rarely fail).
    failed: bool
    # The record the row's previous action handed on, as (table, id): the platform's actions
    # hand theirs to the row's next one. ``handing`` is this action's; None when none.
    given: tuple[Table, int] | None
    handing: tuple[Table, int] | None
    # The records this action creates or updates (those the row stands for), each with the
    # field that names it: the planner warns a later row of the import that sets one again.
    subjects: tuple[tuple[Table, int, str], ...]

    def __init__(self, action: BoundAction, overlay: Overlay) -> None:
        # Written out: one is made per row and action, and default factories cost a call each.
        self.action = action
        self.overlay = overlay
        self.values = {}
        self.issues = []
        self.changes = []
        self.failed = False
        self.given = None
        self.handing = None
        self.subjects = ()

    def error(self, field_name: str, message: str) -> None:
        """Record an ERROR."""
        self.issues.append(Issue(Level.ERROR, field_name, message))
        self.failed = True

    def warning(self, field_name: str, message: str) -> None:
        """Record a WARNING."""
        self.issues.append(Issue(Level.WARNING, field_name, message))

    def hand_on(self, table: Table, record_id: int, field_name: str) -> None:
        """Hand the record this row's action stands for (named by ``field_name``) to the
        row's next action."""
        self.handing = (table, record_id)
        self.subjects = (*self.subjects, (table, record_id, field_name))  # stands_for's, inline

    def stands_for(self, table: Table, record_id: int, field_name: str) -> None:
        """Note a record this action creates or updates, named by ``field_name``."""
        self.subjects = (*self.subjects, (table, record_id, field_name))

    def add(self, change: Change | None) -> bool:
        """Keep a planned change; True when there was one."""
        if change is None:
            return False
        self.changes.append(change)
        return True


Handler = Callable[[RowContext], Outcome]

_T = TypeVar("_T")
_ACTIONS_KEPT = 64  # a window checks again and again: forget old actions now and then


def per_action(read: Callable[[BoundAction], _T]) -> Callable[[BoundAction], _T]:
    """``read`` made to answer once per bound action: handlers ask on every row."""
    # Bound action id -> (the action, its answer); the action is kept so its id is not reused.
    answers: dict[int, tuple[BoundAction, _T]] = {}

    def answer(action: BoundAction) -> _T:
        cached = answers.get(id(action))
        if cached is not None and cached[0] is action:
            return cached[1]
        if len(answers) >= _ACTIONS_KEPT:
            answers.clear()
        value = read(action)
        answers[id(action)] = (action, value)
        return value

    return answer


def meaning_or(ctx: RowContext, field_name: str, default: str) -> str | None:
    """A coded field's meaning; ``default`` without its column, or when it is optional and
    the row leaves it empty (None after an error)."""
    bound = ctx.action.fields.get(field_name)
    if bound is None:
        return default
    meaning = ctx.values.get(field_name)
    if meaning is None and not bound.mandatory and not ctx.failed:
        return default
    return meaning


@dataclass(frozen=True)
class Registration:
    """An action's handler and the tables it reads."""

    handler: Handler
    tables: frozenset[Table]


HANDLERS: dict[str, Registration] = {}


def register(action: str, handler: Handler, tables: Iterable[Table]) -> None:
    """Make ``handler`` plan the rows of ``action``, which reads and writes ``tables``."""
    HANDLERS[action] = Registration(handler, frozenset(tables))


def tables_of(actions: Iterable[str]) -> set[Table]:
    """The store tables some of these actions read or write: all a check needs to load."""
    return {table for action in actions if action in HANDLERS
            for table in HANDLERS[action].tables}


def read_values(ctx: RowContext, cells: tuple[Cell, ...]) -> None:
    """Fill ``ctx.values`` with the typed values of the row's filled fields."""
    action = ctx.action
    readers = action.readers
    if readers is None:
        readers = action.readers = _readers(action)
    values = ctx.values
    if len(cells) < action.width:  # checked once per row rather than once per field
        cells = filled(cells, action.width)
    for name, index, mandatory, limit, convert, known, key in readers:
        raw = cells[index]
        if convert is not None and raw in known:  # a value converted before: no parsing
            values[name] = known[raw]
            continue
        if type(raw) is str:
            value_text = raw.strip()
        elif type(raw) is Unreadable:  # a cell the reader could not turn into a value
            if raw.whole_row:
                ctx.error("", raw.reason)
                return
            ctx.error(name, raw.reason.format(field=shown_name(action, name), value=raw))
            continue
        elif isinstance(raw, Shown):  # a number shown with text around it, as "TC-0042"
            if convert is not None:  # a number, a duration, a code: the number held
                raw = raw.value
            value_text = raw.strip()
        elif type(raw) is Garbled:  # taken as it is: it may be meant
            ctx.warning(name, _garbled_text(shown_name(action, name), raw))
            value_text = raw.strip()
        else:
            value_text = text(raw)
        if not value_text:
            if mandatory:
                ctx.error(name, msg.FIELD_EMPTY.format(field=shown_name(action, name)))
        elif convert is not None:
            value = convert(ctx, raw, value_text)
            if value is not None:
                values[name] = value
                if len(known) < KNOWN_VALUES and type(raw) is not Garbled:  # warned each time
                    known[raw] = value
        elif len(value_text) <= limit:  # text, the hot and common case: checked without a call
            values[name] = value_text if not key or value_text.isascii() else (
                _key_text(ctx, name, value_text, key))
        else:
            ctx.error(name, msg.TOO_LONG.format(field=shown_name(action, name), limit=limit,
                                                length=len(value_text)))


def filled(cells: tuple[Cell, ...], width: int) -> tuple[Cell, ...]:
    """A short row's cells with empty ones after them, ``width`` in all: the fields read a
    cell a row lacks as empty."""
    return (*cells, *[""] * (width - len(cells)))


def read_as_itself(cell: Cell, limit: int, key: KeyText) -> bool:
    """Whether read_values reads a cell of a text field (its length ``limit``, its ``key``)
    as the cell itself, without an issue: a text with nothing to trim, not empty, within
    the limit, and in ASCII where it finds records (beyond, it is put in NFC). Most cells
    are: a column planner need not read them one by one."""
    return (type(cell) is str and 0 < len(cell) <= limit and not cell[0].isspace()
            and not cell[-1].isspace() and (not key or cell.isascii()))


def _garbled_text(field: str, cell: Garbled) -> str:
    """The warning a garbled cell gives: its repair, or its lost letter."""
    if cell.repaired is None:
        return msg.LOST_LETTER.format(field=field, value=cell)
    return msg.GARBLED_TEXT.format(field=field, value=cell, encoding=cell.misread,
                                   repaired=cell.repaired)


# Characters that show nothing yet make two codes differ: zero-width ones, the soft hyphen,
# and the controls of the bidirectional algorithm.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u2069\ufeff]")


def _key_text(ctx: RowContext, name: str, value_text: str, key: KeyText) -> str:
    """A text that finds records, beyond ASCII: in NFC, so that "café" typed two ways is
    one teacher; a code or login with invisible characters gets a warning."""
    value = unicodedata.normalize("NFC", value_text)
    if key is KeyText.CODE and _INVISIBLE.search(value):
        chars = sorted(set(_INVISIBLE.findall(value)))
        ctx.warning(name, msg.INVISIBLE_CHARACTERS.format(
            field=shown_name(ctx.action, name),
            value=_INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", value),
            chars=", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '')}".rstrip()
                            for c in chars)))
    return value


# A field's converter: (ctx, raw cell, its trimmed text) -> typed value, or None after an issue.
# Converters depend on the cell and the field's settings only, so a cell's value can be kept.
Converter = Callable[[RowContext, Cell, str], Any]

# A field's reader: name, column, mandatory flag, longest text, converter (None for text),
# the values it converted so far (cell -> value; values with an issue are never kept), and
# whether its text finds records (KeyText.NONE is false).
FieldReader = tuple[str, int, bool, int, Converter | None, dict[Cell, Any], KeyText]

# Files repeat their dates, durations, capacities and codes: a field keeps this many
# converted cells, so 100,000 distinct times cannot make it grow without end.
KNOWN_VALUES = 4096


def shown_name(action: BoundAction, name: str) -> str:
    """How messages name a field: as the configuration names its column (a field the
    action does not read, by its own name)."""
    bound = action.fields.get(name)
    return name if bound is None else bound.shown


def shown_names(action: BoundAction, names: Iterable[str]) -> str:
    """Several fields named as ``shown_name`` names each, for a message listing them."""
    return ", ".join(shown_name(action, name) for name in names)


def _readers(action: BoundAction) -> list[FieldReader]:
    """Each field's column, mandatory flag, length limit and converter, once per action."""
    return [(name, bound.index, bound.mandatory, _limit(bound), _converter(action, bound), {},
             bound.key_text) for name, bound in action.fields.items()]


def _limit(bound: BoundField) -> int:
    """The longest text a field takes (sys.maxsize when it has no limit)."""
    kind = bound.spec.kind
    limit = bound.spec.limit if kind is Kind.STRING or kind is Kind.LONGTEXT else None
    return sys.maxsize if limit is None else limit


def _converter(action: BoundAction, bound: BoundField) -> Converter | None:
    """The converter for one field's type; None when the trimmed text is the value."""
    kind = bound.spec.kind
    if kind is Kind.ENUM:
        return _enum_converter(bound)
    if kind is Kind.INT:
        if bound.spec.column == ID_COLUMN:
            return _int_converter(bound, 1, MAX_FILE_ID, msg.ID_OUT_OF_RANGE)
        return _int_converter(bound, INT_MIN, INT_MAX, msg.NUMBER_OUT_OF_RANGE)
    if kind is Kind.DATE:
        return _date_converter(action, bound)
    if kind is Kind.DATETIME:
        return _datetime_converter(action, bound)
    if kind is Kind.FLOAT:
        return _float_converter(bound)
    if kind is Kind.DURATION:
        return _duration_converter(action, bound)
    return None  # STRING, LONGTEXT: read_values checks the length itself


def _enum_converter(bound: BoundField) -> Converter:
    meanings, name, shown = bound.meanings, bound.name, bound.shown
    template = bound.spec.invalid or msg.NOT_A_CODE
    codes = list(bound.codes.values())
    listed, expected = ", ".join(codes), msg.either(codes)

    def convert(ctx: RowContext, raw: Cell, value_text: str) -> Any:
        meaning = meanings.get(value_text)
        if meaning is None:
            ctx.error(name, template.format(field=shown, value=value_text, codes=listed,
                                            expected=expected))
        return meaning
    return convert


# A store's own id column (sessionId, trainingId name records by it).
ID_COLUMN = "id"
# The largest id a file may give: 2^53 - 1, the largest whole number every JSON reader
# holds exactly. It leaves the store's id sequence room to go on (a session given 2^63 - 1
# would leave it none), and ids from 0 down are the planner's own, for what a plan creates.
MAX_FILE_ID = 2**53 - 1


def _int_converter(bound: BoundField, low: int, high: int, out_of_range: str) -> Converter:
    name, shown = bound.name, bound.shown

    def convert(ctx: RowContext, raw: Cell, value_text: str) -> Any:
        # isdecimal() is what \d matches, so the fast path agrees with parse_int; eighteen
        # digits or fewer cannot reach 2^63, so int() has little to convert.
        if len(value_text) < 19 and type(raw) is str and value_text.isdecimal():
            number = int(value_text)
        else:
            number = parse_int(raw) if isinstance(raw, str) else None
            if number is None:
                ctx.error(name, msg.NOT_A_WHOLE_NUMBER.format(field=shown, value=value_text))
                return None
        if low <= number <= high:
            return number
        ctx.error(name, out_of_range.format(field=shown, value=msg.shortened(value_text),
                                            low=low, high=high))
        return None
    return convert


def _date_converter(action: BoundAction, bound: BoundField) -> Converter:
    pattern, date_format = action.date_pattern, action.date_format
    name, shown, clear = bound.name, bound.shown, bound.spec.clear
    template = bound.spec.invalid or msg.NOT_A_DATE
    said = msg.shown_format(date_format)

    def convert(ctx: RowContext, raw: Cell, value_text: str) -> Any:
        if clear and value_text == clear:
            return CLEAR
        day = parse_date(raw, pattern)
        if day is None:
            ctx.error(name, template.format(field=shown, value=value_text, format=said))
        return day
    return convert


def _datetime_converter(action: BoundAction, bound: BoundField) -> Converter:
    """In the action's dateTimeFormat (given, else documented), else ISO 8601; a value with a
    date only is at the action's defaultTime (midnight without one)."""
    name, shown = bound.name, bound.shown
    default_time = parse_time(action.parameter(DEFAULT_TIME) or "") or time()
    written = date_time_format(action.config)
    if written is not None:
        pattern = date_pattern(written)
        template = bound.spec.invalid or msg.NOT_A_DATETIME
        said = msg.shown_format(written)

        def convert_as(ctx: RowContext, raw: Cell, value_text: str) -> Any:
            moment = parse_datetime_as(raw, pattern, default_time)
            if moment is None:
                ctx.error(name, template.format(field=shown, value=value_text, format=said))
            return moment
        return convert_as
    template = bound.spec.invalid or msg.DATE_NOT_VALID

    def convert(ctx: RowContext, raw: Cell, value_text: str) -> Any:
        moment = parse_datetime(raw)
        if moment is None:
            ctx.error(name, template.format(field=shown, value=value_text))
            return None
        return with_default_time(moment, raw, default_time)
    return convert


def _float_converter(bound: BoundField) -> Converter:
    """A decimal number, with a point or a comma."""
    name, shown = bound.name, bound.shown
    template = bound.spec.invalid or msg.NOT_A_NUMBER

    def convert(ctx: RowContext, raw: Cell, value_text: str) -> Any:
        number = parse_float(value_text) if isinstance(raw, str) else None
        if number is None:
            ctx.error(name, template.format(field=shown, value=msg.shortened(value_text)))
        return number
    return convert


def _duration_converter(action: BoundAction, bound: BoundField) -> Converter:
    """A duration, stored in seconds; an export's in its timeGlobalFormat."""
    name, shown = bound.name, bound.shown
    time_format = action.parameter(TIME_GLOBAL_FORMAT) or ""
    template = (NOT_IN_TIME_FORMAT.get(time_format) or bound.spec.invalid
                or msg.NOT_A_DURATION)

    def convert(ctx: RowContext, raw: Cell, value_text: str) -> Any:
        seconds = parse_duration(value_text, time_format) if isinstance(raw, str) else None
        if seconds is not None and seconds > INT_MAX:
            seconds = None
        if seconds is None:
            ctx.error(name, template.format(field=shown, value=msg.shortened(value_text)))
        return seconds
    return convert
