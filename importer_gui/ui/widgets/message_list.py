"""The preview's messages list: each message wrapped to the list's width, readable whole.

A view measures each item's wrapped height before it shows any: for a few messages that is
quick, and each is as high as its text. A check may find tens of thousands of different
messages: then every item is as high as a few lines, measured once, and only the items on
the screen are made and laid out; a longer message ends in "…" (its tooltip says it whole).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# More messages than this and the list would hold the window while it measures each one.
SIZED_ONE_BY_ONE = 200
LINES = 4  # lines of each message then: most messages fit, their field named too


class _Lines(QStyledItemDelegate):
    """Items as high as their wrapped text, or (``uniform``) as high as LINES lines."""

    uniform = False

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if self.uniform:
            style = option.widget.style() if option.widget else None
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameVMargin) + 1 \
                if style else 2
            size.setHeight(LINES * option.fontMetrics.lineSpacing() + 2 * margin)
        return size


class MessageList(QListView):
    """A list of wrapped messages, sized one by one while they are few."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(1)
        self._lines = _Lines(self)
        self.setItemDelegate(self._lines)
        self._fit(0)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Show ``model``; each time it is filled anew, its items sized for how many."""
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(lambda: self._fit(model.rowCount()))

    def _fit(self, count: int) -> None:
        """Few items: each as high as its text; many: all as high as one measured."""
        many = count > SIZED_ONE_BY_ONE
        self._lines.uniform = many
        self.setUniformItemSizes(many)
        self.setTextElideMode(Qt.TextElideMode.ElideRight if many
                              else Qt.TextElideMode.ElideNone)
