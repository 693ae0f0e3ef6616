"""A line edit that asks for the room its first texts need (an option's default, its value),
so that a field such as "YYYY-MM-DD HH:II:SS" shows whole instead of scrolled."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

MARGIN = 2  # QLineEdit's own room each side of its text
CURSOR = 1  # the cursor after the last character, which the text scrolls to keep in sight
WIDEST = 2  # times the usual width a line asks for at most (a long value scrolls)


class FittingLineEdit(QLineEdit):
    """Wide enough for its text and placeholder as first given, in the font it is shown in.

    Only the first texts count: a hint that followed typing would move the form about.
    """

    def __init__(self, text: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setPlaceholderText(placeholder)
        self._fitted = (text, placeholder)

    def sizeHint(self) -> QSize:
        """The usual hint, widened (up to WIDEST times) to show the first texts whole."""
        hint = super().sizeHint()
        needed = max(self._width_for(text) for text in self._fitted)
        return QSize(max(hint.width(), min(needed, WIDEST * hint.width())), hint.height())

    def _width_for(self, text: str) -> int:
        """The width showing ``text`` whole, framed as the style frames a line edit."""
        margins = self.textMargins()
        metrics = self.fontMetrics()
        inner = QSize(metrics.horizontalAdvance(text) + 2 * MARGIN + CURSOR + margins.left()
                      + margins.right(), metrics.height())
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        return self.style().sizeFromContents(QStyle.ContentsType.CT_LineEdit, option, inner,
                                             self).width()
