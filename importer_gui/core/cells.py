"""A data cell as read from a file, and its text for people."""

from __future__ import annotations

from datetime import date, datetime

# Text from a CSV or a workbook; a workbook's date cells stay dates (spec: "accepted as that
# date"). Numbers are never floats here: readers turn 42.0 into "42".
Cell = str | date | datetime


def cell_text(cell: Cell | None) -> str:
    """The cell as people read it: dates in ISO 8601."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        if cell.hour == cell.minute == cell.second == 0 and not cell.microsecond:
            return cell.date().isoformat()
        return cell.isoformat(timespec="seconds")
    if isinstance(cell, date):
        return cell.isoformat()
    return cell
