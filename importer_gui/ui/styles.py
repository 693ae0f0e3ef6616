"""Every colour and style sheet of the window, in one place.

Text colours are dark enough to read on white; fills are light enough to read dark text
on; each meaning keeps one colour everywhere (an error is the same red on a page, in a
table cell and in the revert preview).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QPalette

from importer_gui.core.issues import Outcome

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# --- colours ----------------------------------------------------------------------------------

ERROR_TEXT = "#a40000"
WARNING_TEXT = "#8a5a00"  # a warning, or a guess to confirm
SUCCESS_TEXT = "#1d6b2f"
HEADING_TEXT = "#333333"
MUTED_TEXT = "#555555"
DARK_TEXT = "#202020"  # on the light fills below

ERROR_FILL = "#ffc7ce"
WARNING_FILL = "#ffeb9c"
NOTICE_FILL = "#fff4ce"
NOTICE_BORDER = "#e0c060"
ERROR_LINE_FILL = "#ffd7d7"  # the line of an XML error
OUTCOME_FILLS: dict[Outcome, str] = {
    Outcome.CREATE: "#c6efce",
    Outcome.UPDATE: "#bdd7ee",
    Outcome.DELETE: "#f8cbad",
    Outcome.UNCHANGED: "#e6e6e6",
    Outcome.ERROR: ERROR_FILL,
}

# The configuration XML: tags, attribute names, values, comments.
XML_TAG = "#1f4e9c"
XML_ATTRIBUTE = "#8a3b00"
XML_VALUE = "#1d6b2f"
XML_COMMENT = "#6b6b6b"

# --- style sheets -----------------------------------------------------------------------------

ERROR_STYLE = f"color: {ERROR_TEXT}; font-weight: bold;"
WARNING_STYLE = f"color: {WARNING_TEXT}; font-weight: bold;"
SUCCESS_STYLE = f"color: {SUCCESS_TEXT};"
HEADING_STYLE = f"font-weight: bold; color: {HEADING_TEXT};"
NOTICE_STYLE = f"background: {NOTICE_FILL}; border: 1px solid {NOTICE_BORDER}; padding: 6px;"
CONFLICT_NOTICE_STYLE = NOTICE_STYLE.replace(NOTICE_FILL, ERROR_FILL)

# --- brushes for table models -----------------------------------------------------------------

ERROR_BRUSH = QBrush(QColor(ERROR_FILL))
WARNING_BRUSH = QBrush(QColor(WARNING_FILL))
TEXT_BRUSH = QBrush(QColor(DARK_TEXT))  # dark text stays readable on the light fills
OUTCOME_BRUSHES: dict[Outcome, QBrush] = {
    outcome: ERROR_BRUSH if outcome is Outcome.ERROR else QBrush(QColor(fill))
    for outcome, fill in OUTCOME_FILLS.items()
}


def outcome_badge(outcome: Outcome, text: str) -> str:
    """Rich text: ``text`` on its outcome's colour, as the preview's counts show it; a line
    that wraps wraps between badges, never inside one."""
    return (f"<span style='background:{OUTCOME_FILLS[outcome]}; color:{DARK_TEXT}; "
            f"white-space:nowrap'>&nbsp;{text}&nbsp;</span>")


def text_colour(widget: QWidget, colour: str) -> None:
    """Write ``widget``'s text in ``colour``, as a ``color:`` style sheet would, through its
    palette: a style sheet gives each widget a style of its own to polish, which a page of
    many rows (the mapping page's) would wait for."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(palette)
