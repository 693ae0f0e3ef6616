"""A read-only text whose lines may each have a tooltip, shown over that line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

Line = tuple[str, str | None]  # a line's text and its tooltip (None: none)


class LineTips(QPlainTextEdit):
    """Lines of text; hovering a line with a tooltip shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self._tips: list[str | None] = []

    def set_lines(self, lines: list[Line]) -> None:
        """Show ``lines``; each block of a line's text has the line's tooltip."""
        super().setPlainText("\n".join(text for text, _tip in lines))
        self._tips = [tip for text, tip in lines for _block in range(text.count("\n") + 1)]

    def setPlainText(self, text: str) -> None:
        """Text without tooltips (``set_lines`` gives them)."""
        self._tips = []
        super().setPlainText(text)

    def tip_at(self, point: QPoint) -> str | None:
        """The tooltip of the line at ``point`` (in the viewport), if it has one."""
        cursor = self.cursorForPosition(point)
        block = cursor.block()
        if not block.isValid() or block.blockNumber() >= len(self._tips):
            return None
        shape = self.blockBoundingGeometry(block).translated(self.contentOffset())
        return self._tips[block.blockNumber()] if shape.contains(point.toPointF()) else None

    def viewportEvent(self, event: QEvent) -> bool:
        """A tooltip asked for over a line: that line's."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)
