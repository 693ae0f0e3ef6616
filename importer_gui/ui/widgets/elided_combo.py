"""A drop-down list whose chosen text loses its middle when the list is narrower than the
text (a scaled screen, a long file name), the whole text in its tooltip then."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

NARROWEST = 12  # characters the list keeps when the row is short of room


class ElidedCombo(QComboBox):
    """Sized to its items where there is room, narrower where there is not: the text
    shown then keeps its start and its end rather than being cut at the arrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(lambda _text: self._say_whole())

    def minimumSizeHint(self) -> QSize:
        """As narrow as a few characters, not as wide as the longest item."""
        hint = super().minimumSizeHint()
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        metrics = self.fontMetrics()
        least = self.style().sizeFromContents(
            QStyle.ContentsType.CT_ComboBox, option,
            QSize(metrics.horizontalAdvance("x" * NARROWEST), metrics.height()), self)
        return QSize(min(hint.width(), least.width()), hint.height())

    def shown_text(self) -> str:
        """The chosen text as the list draws it at its width."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideMiddle,
                                             field.width())

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame and arrow as the style draws them, then the text elided to fit."""
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._say_whole()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._say_whole()

    def _say_whole(self) -> None:
        """The whole text in the tooltip while the list shows only part of it."""
        text = self.currentText()
        self.setToolTip(text if self.shown_text() != text else "")
