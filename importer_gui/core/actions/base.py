"""What every action handler gets: the row's values, the overlay, and where issues go."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from importer_gui.core.binding import BoundAction, BoundField
from importer_gui.core.catalogue import Kind
from importer_gui.core.cells import Cell
from importer_gui.core.issues import Issue, Level, Outcome
from importer_gui.core.overlay import Overlay
from importer_gui.core.records import Change
from importer_gui.core.values import parse_date, parse_datetime, parse_int, text

# A value that empties a column: "NULL" in sessionEndDate.
CLEAR = object()

InvalidMessage = Callable[[str, BoundField], str]


@dataclass(slots=True)
class RowContext:
    """One row seen by one action: typed values of the filled fields, issues and changes."""

    action: BoundAction
    overlay: Overlay
    values: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def error(self, field_name: str, message: str) -> None:
        """Record an ERROR."""
        self.issues.append(Issue(Level.ERROR, field_name, message))

    def warning(self, field_name: str, message: str) -> None:
        """Record a WARNING."""
        self.issues.append(Issue(Level.WARNING, field_name, message))

    @property
    def failed(self) -> bool:
        """True once an ERROR was recorded."""
        return any(i.level is Level.ERROR for i in self.issues)

    def add(self, change: Change | None) -> bool:
        """Keep a planned change; True when there was one."""
        if change is None:
            return False
        self.changes.append(change)
        return True


Handler = Callable[[RowContext], Outcome]


@dataclass(frozen=True)
class Registration:
    """An action's handler and its wording for invalid coded values."""

    handler: Handler
    invalid: dict[str, InvalidMessage]


HANDLERS: dict[str, Registration] = {}


def register(action: str, handler: Handler,
             invalid: dict[str, InvalidMessage] | None = None) -> None:
    """Make ``handler`` plan the rows of ``action``."""
    HANDLERS[action] = Registration(handler, invalid or {})


def read_values(ctx: RowContext, cells: tuple[Cell, ...]) -> None:
    """Fill ``ctx.values`` with the typed values of the row's filled fields."""
    invalid = HANDLERS[ctx.action.name].invalid
    count = len(cells)
    for name, bound in ctx.action.fields.items():
        raw = cells[bound.index] if bound.index < count else ""
        value_text = raw.strip() if isinstance(raw, str) else text(raw)
        if not value_text:
            if bound.mandatory:
                ctx.error(name, f"Field {name} is empty.")
            continue
        value = _typed(ctx, bound, raw, value_text, invalid)
        if value is not None:
            ctx.values[name] = value


def _typed(ctx: RowContext, bound: BoundField, raw: Cell, value_text: str,
           invalid: dict[str, InvalidMessage]) -> Any:
    """The value of one filled cell for its field's type, or None after an issue."""
    spec = bound.spec
    kind = spec.kind
    name = bound.name
    if kind is Kind.STRING or kind is Kind.LONGTEXT:
        limit = spec.limit
        if limit is not None and len(value_text) > limit:
            ctx.error(name, f"Field {name} is longer than {limit} characters "
                            f"({len(value_text)}).")
            return None
        return value_text
    if kind is Kind.ENUM:
        meaning = bound.meanings.get(value_text)
        if meaning is None:
            message = invalid.get(name)
            ctx.error(name, message(value_text, bound) if message else
                      f"Field {name}: {value_text} is not one of "
                      f"{', '.join(bound.codes.values())}.")
        return meaning
    if kind is Kind.INT:
        number = parse_int(raw) if isinstance(raw, str) else None
        if number is None:
            ctx.error(name, f"Field {name}: {value_text} is not a whole number.")
        return number
    if kind is Kind.DATE:
        return _date(ctx, bound, raw, value_text)
    if kind is Kind.DATETIME:
        moment = parse_datetime(raw)
        if moment is None:
            ctx.error(name, f"Date {value_text} not valid.")
        return moment
    return value_text


def _date(ctx: RowContext, bound: BoundField, raw: Cell, value_text: str) -> Any:
    """A date in the configured format; NULL clears an end date."""
    if value_text == "NULL" and bound.name == "sessionEndDate":
        return CLEAR
    day = parse_date(raw, ctx.action.date_pattern)
    if day is None:
        ctx.error(bound.name, f"Field {bound.name}: {value_text} is not a date in the format "
                              f"{ctx.action.date_format}.")
    return day
