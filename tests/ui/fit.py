"""Whether a window shows all of its texts: nothing cut off, nothing outside the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTabBar,
    QWidget,
)

SLACK = 1  # pixels of rounding a layout may leave


def describe(widget: QWidget) -> str:
    """A widget as a failure names it: its class, name and text."""
    text = ""
    for getter in ("text", "currentText", "title"):
        if hasattr(widget, getter):
            text = getattr(widget, getter)()
            break
    name = widget.objectName() or type(widget).__name__
    return f"{name} {text!r}"[:160]


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """True inside a scroll area's viewport, where the area clips and scrolls it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _text_problem(widget: QWidget) -> str | None:
    """Why the widget's own text does not show whole, if it does not."""
    if isinstance(widget, QLabel):
        if not widget.text():  # empty, or a picture
            return None
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            return None if needed <= widget.height() + SLACK else (
                f"needs {needed} px of height, has {widget.height()}")
        needed = widget.sizeHint().width()
        return None if needed <= widget.width() + SLACK else (
            f"needs {needed} px, has {widget.width()}")
    if isinstance(widget, QAbstractButton) and not isinstance(widget, QTabBar):
        needed = widget.sizeHint().width()
        return None if needed <= widget.width() + SLACK else (
            f"needs {needed} px, has {widget.width()}")
    if isinstance(widget, QComboBox) and not widget.isEditable():
        # The width the combo would ask for to show its current text, as QComboBox works
        # out its size hint for its longest item.
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        metrics = widget.fontMetrics()
        text = QSize(metrics.horizontalAdvance(widget.currentText()), metrics.height())
        needed = widget.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text,
                                                 widget).width()
        return None if needed <= widget.width() + SLACK else (
            f"needs {needed} px, has {widget.width()}")
    if isinstance(widget, QGroupBox):
        needed = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
        return None if needed <= widget.width() + SLACK else (
            f"title needs {needed} px, has {widget.width()}")
    if isinstance(widget, QTabBar):
        needed = widget.sizeHint().width()
        return None if needed <= widget.width() + SLACK else (
            f"tabs need {needed} px, have {widget.width()}")
    if isinstance(widget, QScrollArea) and not isinstance(widget, QAbstractItemView):
        bar = widget.horizontalScrollBar()
        return "scrolls sideways" if bar.isVisible() else None
    return None


def line_edit_cut(edit: QLineEdit, text: str) -> str | None:
    """Why ``text`` in the line edit does not show whole, if it does not: the width it needs
    as QLineEdit works out its size hint (2 px of margin each side, 1 for the cursor after
    the last character, which the text scrolls to keep in sight)."""
    margins = edit.textMargins()
    metrics = edit.fontMetrics()
    inner = QSize(metrics.horizontalAdvance(text) + 2 * 2 + 1 + margins.left() + margins.right(),
                  metrics.height())
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    needed = edit.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, inner,
                                           edit).width()
    return None if needed <= edit.width() + SLACK else (
        f"{edit.objectName()} {text!r} needs {needed} px, has {edit.width()}")


def clipped(top: QWidget) -> list[str]:
    """Every visible text that is cut off, and every widget reaching outside ``top``."""
    problems = []
    bounds = top.rect()
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow():
            continue
        place = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
        if not _scrolled(widget, top) and not bounds.contains(place):
            problems.append(f"{describe(widget)} reaches outside the window: {place}")
        problem = _text_problem(widget)
        if problem:
            problems.append(f"{describe(widget)} {problem}")
    return problems


def headers_cut(view: QAbstractItemView) -> list[str]:
    """Every column title of a table that shows neither whole nor elided with the whole
    title in its tooltip, and every column reaching past the view's right edge."""
    header = view.horizontalHeader()
    model = view.model()
    problems = []
    right = 0
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        right = max(right, header.sectionViewportPosition(column) + header.sectionSize(column))
        title = model.headerData(column, Qt.Orientation.Horizontal)
        needed, has = header.sectionSizeHint(column), header.sectionSize(column)
        if needed <= has + SLACK:
            continue
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if header.textElideMode() == Qt.TextElideMode.ElideNone or tip != title:
            problems.append(f"column {title!r} needs {needed} px, has {has}, tooltip {tip!r}")
    if right > view.viewport().width() + SLACK and not view.horizontalScrollBar().isVisible():
        problems.append(f"columns reach {right} px, past the view's {view.viewport().width()}")
    return problems
