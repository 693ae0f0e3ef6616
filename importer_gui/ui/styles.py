"""Every colour and style sheet of the window, in one place.

Two colour schemes: text colours dark enough to read on a light window, or light enough to
read on a dark one (Windows, macOS and GNOME in dark mode), chosen from the application
palette's window colour, at start and whenever the palette changes (the system switching to
dark mode at dusk). The fills of table cells and count badges are pale under dark text in the
light scheme, deep under light text in the dark one. Each meaning keeps one colour per scheme
(an error is the same red on a page, in a table cell and in the revert preview).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from importer_gui.core.issues import Outcome

# --- colours ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scheme:
    """The colours of one colour scheme: texts readable on its window and base colours, and
    the boxes (notices, the XML error line) that hold the palette's text or their own."""

    error_text: str
    warning_text: str  # a warning, or a guess to confirm
    success_text: str
    heading_text: str
    muted_text: str
    notice_text: str
    notice_fill: str
    notice_border: str
    error_line_fill: str  # the line of an XML error, under the editor's text
    # The configuration XML: tags, attribute names, values, comments.
    xml_tag: str
    xml_attribute: str
    xml_value: str
    xml_comment: str
    # Table cells and the preview's count badges: fill_text on each fill.
    fill_text: str
    error_fill: str  # also a notice of conflicts
    warning_fill: str
    create_fill: str
    update_fill: str
    delete_fill: str
    unchanged_fill: str


LIGHT = Scheme(
    error_text="#a40000", warning_text="#8a5a00", success_text="#1d6b2f",
    heading_text="#333333", muted_text="#555555",
    notice_text="#202020", notice_fill="#fff4ce", notice_border="#e0c060",
    error_line_fill="#ffd7d7",
    xml_tag="#1f4e9c", xml_attribute="#8a3b00", xml_value="#1d6b2f", xml_comment="#6b6b6b",
    fill_text="#202020", error_fill="#ffc7ce", warning_fill="#ffeb9c", create_fill="#c6efce",
    update_fill="#bdd7ee", delete_fill="#f8cbad", unchanged_fill="#e6e6e6",
)
# At least 4.5:1 on a dark window or base up to #353535; notices, cells and badges are deep
# fills under light text, as a pale one would glare among the dark ones.
DARK = Scheme(
    error_text="#ff8a80", warning_text="#e8b84a", success_text="#6fcf7f",
    heading_text="#e6e6e6", muted_text="#a8a8a8",
    notice_text="#f2f2f2", notice_fill="#3d3420", notice_border="#8a7430",
    error_line_fill="#5c2327",
    xml_tag="#7fb2ff", xml_attribute="#f0a060", xml_value="#7fd08a", xml_comment="#a0a0a0",
    fill_text="#f2f2f2", error_fill="#6e2a31", warning_fill="#5a4714", create_fill="#1f5230",
    update_fill="#1f4468", delete_fill="#633a18", unchanged_fill="#3c3c3c",
)


class Text(Enum):
    """A text colour's meaning, for what is coloured without a style sheet."""

    ERROR = "error_text"
    WARNING = "warning_text"
    SUCCESS = "success_text"
    HEADING = "heading_text"
    MUTED = "muted_text"


class Fill(Enum):
    """A fill's meaning: a cell's issue, or a row's outcome."""

    ERROR = "error_fill"
    WARNING = "warning_fill"
    CREATE = "create_fill"
    UPDATE = "update_fill"
    DELETE = "delete_fill"
    UNCHANGED = "unchanged_fill"


OUTCOME_FILLS: dict[Outcome, Fill] = {
    Outcome.CREATE: Fill.CREATE,
    Outcome.UPDATE: Fill.UPDATE,
    Outcome.DELETE: Fill.DELETE,
    Outcome.UNCHANGED: Fill.UNCHANGED,
    Outcome.ERROR: Fill.ERROR,
}


def scheme_of(palette: QPalette) -> Scheme:
    """The scheme whose texts read on ``palette``'s window colour."""
    return DARK if palette.color(QPalette.ColorRole.Window).lightness() < 128 else LIGHT


def current() -> Scheme:
    """The scheme in use."""
    if _followers:
        return _followers[0].scheme
    return scheme_of(QGuiApplication.palette()) if QGuiApplication.instance() else LIGHT


def colour(text: Text) -> str:
    """``text``'s colour in the scheme in use."""
    return getattr(current(), text.value)


def text_brush(text: Text) -> QBrush:
    """A table's foreground brush for ``text`` in the scheme in use."""
    return _brush(colour(text))


def fill_brush(fill: Fill) -> QBrush:
    """A table's background brush for ``fill`` in the scheme in use."""
    return _brush(getattr(current(), fill.value))


def outcome_brush(outcome: Outcome) -> QBrush:
    """A table's background brush for a row of ``outcome`` in the scheme in use."""
    return fill_brush(OUTCOME_FILLS[outcome])


def fill_text_brush() -> QBrush:
    """A table's foreground brush for the text on any fill, in the scheme in use."""
    return _brush(current().fill_text)


def _brush(name: str) -> QBrush:
    """The brush of colour ``name``, made once: a table asks for one for every cell it paints."""
    if name not in _brushes:
        _brushes[name] = QBrush(QColor(name))
    return _brushes[name]


_brushes: dict[str, QBrush] = {}

# --- style sheets -----------------------------------------------------------------------------


class Look(Enum):
    """What a label says, which gives its style sheet."""

    PLAIN = ""
    ERROR = "error"
    WARNING = "warning"
    SUCCESS = "success"
    HEADING = "heading"
    NOTICE = "notice"
    CONFLICT_NOTICE = "conflict"


def style_sheet(look: Look, scheme: Scheme | None = None) -> str:
    """``look``'s style sheet in ``scheme`` (the one in use by default)."""
    s = scheme or current()
    box = f"border: 1px solid {s.notice_border}; padding: 6px;"
    return {
        Look.PLAIN: "",
        Look.ERROR: f"color: {s.error_text}; font-weight: bold;",
        Look.WARNING: f"color: {s.warning_text}; font-weight: bold;",
        Look.SUCCESS: f"color: {s.success_text};",
        Look.HEADING: f"font-weight: bold; color: {s.heading_text};",
        Look.NOTICE: f"color: {s.notice_text}; background: {s.notice_fill}; {box}",
        Look.CONFLICT_NOTICE: f"color: {s.notice_text}; background: {s.error_fill}; {box}",
    }[look]


_LOOK = "importerLook"  # the property naming a widget's Look, to restyle it on a change
_TEXT = "importerText"  # the property naming a widget's Text colour


def set_look(widget: QWidget, look: Look) -> None:
    """Style ``widget`` as ``look`` says, now and whenever the scheme changes; the sheet is
    set only when it differs: each setting polishes the widget anew."""
    _follow()
    widget.setProperty(_LOOK, look.value)
    sheet = style_sheet(look)
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def look_of(widget: QWidget) -> Look:
    """The Look ``set_look`` gave ``widget`` (PLAIN where it gave none)."""
    value = widget.property(_LOOK)
    return Look(value) if value else Look.PLAIN


def text_colour(widget: QWidget, text: Text) -> None:
    """Write ``widget``'s text in ``text``'s colour, now and whenever the scheme changes, as
    a ``color:`` style sheet would, through its palette: a style sheet gives each widget a
    style of its own to polish, which a page of many rows (the mapping page's) would wait
    for."""
    _follow()
    widget.setProperty(_TEXT, text.value)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour(text)))
    widget.setPalette(palette)


def on_scheme_change(slot: Callable[[], None]) -> None:
    """Call ``slot`` (a method of a Qt object, let go with it) once the scheme has changed
    and the labels have been restyled: for colours set otherwise (formats, rich text)."""
    _follow().changed.connect(slot)


# --- rich text ---------------------------------------------------------------------------------


def outcome_badge(outcome: Outcome, text: str) -> str:
    """Rich text: ``text`` on its outcome's colour in the scheme in use, as the preview's
    counts show it; a line that wraps wraps between badges, never inside one."""
    s = current()
    return (f"<span style='background:{getattr(s, OUTCOME_FILLS[outcome].value)}; "
            f"color:{s.fill_text}; white-space:nowrap'>&nbsp;{text}&nbsp;</span>")


# --- following the system's scheme ------------------------------------------------------------


class _SchemeFollower(QObject):
    """The scheme in use, chosen again when the application palette changes; the widgets
    styled here are restyled then, and ``changed`` tells the rest."""

    changed = Signal()

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.scheme = scheme_of(app.palette())
        # The one notice of a new application palette (a system theme switched, or a palette
        # set) that reaches a plain object without filtering every event of the application.
        app.paletteChanged.connect(self._palette_changed)

    def _palette_changed(self, palette: QPalette) -> None:
        scheme = scheme_of(palette)
        if scheme is self.scheme:
            return
        self.scheme = scheme
        for widget in QApplication.allWidgets():
            look, text = widget.property(_LOOK), widget.property(_TEXT)
            if look is not None:
                set_look(widget, Look(look))
            if text is not None:
                text_colour(widget, Text(text))
        self.changed.emit()


_followers: list[_SchemeFollower] = []  # the application's one, once a widget is styled


def _follow() -> _SchemeFollower:
    """The application's scheme follower, made on first need."""
    if not _followers:
        _followers.append(_SchemeFollower(QGuiApplication.instance()))
    return _followers[0]
