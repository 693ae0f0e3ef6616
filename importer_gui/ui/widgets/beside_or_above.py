"""A row of two parts: a wrapping text (the preview's counts) beside its controls, or on a
line of its own above them where beside them it would wrap into more lines than that."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class _Placing(NamedTuple):
    """Where the two parts go within a width: beside or not, each part's width, the height."""

    beside: bool
    text_width: int
    controls_width: int
    height: int


class BesideOrAbove(QLayout):
    """``text`` takes the room ``controls`` leave on their line, as a box layout with a
    stretch would give it; where that room would make it taller than a line of its own,
    it goes above the controls at the whole width, so the rows below keep their room."""

    def __init__(self, text: QWidget, controls: QLayout) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self._text: QLayoutItem = QWidgetItem(text)
        self._controls = controls
        self._items: list[QLayoutItem] = [self._text, controls]
        self.addChildWidget(text)
        self.addChildLayout(controls)

    def addItem(self, item: QLayoutItem) -> None:
        """The two parts are given at construction; nothing else is laid out."""
        raise TypeError("BesideOrAbove lays out its two parts only")

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._placing(width).height

    def sizeHint(self) -> QSize:
        text, controls = self._text.sizeHint(), self._controls.sizeHint()
        return QSize(text.width() + self._gap() + controls.width(),
                     max(text.height(), controls.height()))

    def minimumSize(self) -> QSize:
        text, controls = self._text.minimumSize(), self._controls.minimumSize()
        return QSize(max(text.width(), controls.width()),
                     self._placing(max(text.width(), controls.width())).height)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        placing = self._placing(rect.width())
        controls_height = self._controls.sizeHint().height()
        if placing.beside:
            self._text.setGeometry(QRect(rect.x(), rect.y(), placing.text_width, rect.height()))
            self._controls.setGeometry(QRect(rect.right() + 1 - placing.controls_width, rect.y(),
                                             placing.controls_width, rect.height()))
            return
        text_height = self._text_height(rect.width())
        self._text.setGeometry(QRect(rect.x(), rect.y(), rect.width(), text_height))
        self._controls.setGeometry(QRect(rect.x(), rect.y() + text_height + self._gap(),
                                         placing.controls_width, controls_height))

    def _gap(self) -> int:
        """The room between the parts, the controls' own spacing."""
        return max(self._controls.spacing(), 0)

    def _text_height(self, width: int) -> int:
        """The text's height at ``width``: its lines wrapped there, else its one line."""
        height = self._text.heightForWidth(width)
        return height if height >= 0 else self._text.sizeHint().height()

    def _placing(self, width: int) -> _Placing:
        """Beside where that is no taller than above; above where the text would not fit."""
        controls = self._controls.sizeHint()
        controls_width = min(controls.width(), width)
        if self._text.isEmpty():
            return _Placing(True, 0, controls_width, controls.height())
        left = width - controls.width() - self._gap()
        above = _Placing(False, width, controls_width,
                         self._text_height(width) + self._gap() + controls.height())
        if left < self._text.minimumSize().width():
            return above
        beside = _Placing(True, left, controls.width(),
                          max(self._text_height(left), controls.height()))
        return beside if beside.height <= above.height else above
