"""A long value where the window shows it (a table's cell, a tooltip): its beginning, cut.

A comments cell may hold hundreds of thousands of characters on thousands of lines: shown
whole it is unreadable, and Qt lays it all out each time it paints or sizes the cell.
"""

from __future__ import annotations

SHOWN_CHARS = 200  # characters of a value shown before an ellipsis


def shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` whole, or its first ``limit`` characters and "…"."""
    return text if len(text) <= limit else f"{text[:limit]}…"
