"""Checks across the fields of one row, which no single field's rule can see."""

from __future__ import annotations

from datetime import date

from importer_gui.core.actions.base import RowContext
from importer_gui.core.errors import QT_TRANSLATE_NOOP

START, END = "sessionStartDate", "sessionEndDate"

# The platform documents no rule for it: a WARNING, for the user to look at.
SESSION_ENDS_BEFORE_START = QT_TRANSLATE_NOOP(
    "errors", "Field {end_field}: the session ends on {end}, before it starts on {start} "
              "({start_field}); check the two dates.")


def session_dates(ctx: RowContext) -> None:
    """Warn when a row's session ends before it starts."""
    start, end = ctx.values.get(START), ctx.values.get(END)
    if isinstance(start, date) and isinstance(end, date) and end < start:
        ctx.warning(END, SESSION_ENDS_BEFORE_START.format(
            end_field=END, end=_shown(ctx, end), start=_shown(ctx, start), start_field=START))


def _shown(ctx: RowContext, day: date) -> str:
    """A date as the file writes it (its configured format)."""
    try:
        return day.strftime(ctx.action.date_pattern)
    except ValueError:
        return day.isoformat()
