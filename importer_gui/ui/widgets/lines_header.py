"""A table header whose titles of several lines are cut line by line."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget


class LinesElidedHeader(QHeaderView):
    """Horizontal titles narrower than their text end in "…" line by line.

    Qt elides a title as one string, its line breaks counted as characters: a two-line
    title ("Matricule / → Learner's reference number") was either not cut at all, centred
    and clipped at both ends, or cut to its first line's start. Here each line is cut to
    the section's label on its own; the sizes Qt asks of the titles are of their whole
    text, so that a column is still sized, and double-clicked, to its title in full.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        super().setTextElideMode(Qt.TextElideMode.ElideNone)  # the lines are cut here
        self.setSectionsClickable(True)  # as the header a table makes for itself
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,
                                logicalIndex: int) -> None:  # noqa: N803
        super().initStyleOptionForIndex(option, logicalIndex)
        option.text = self.shown_title(option, logicalIndex)

    def shown_title(self, option: QStyleOptionHeader, section: int) -> str:
        """The section's title as painted: each line cut to the label's width."""
        option.rect = QRect(0, 0, self.sectionSize(section), self.height())
        width = self.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option,
                                            self).width()
        font = QFont(self.font())
        font.setBold(bool(option.state & QStyle.StateFlag.State_On))  # a selected column's
        metrics = QFontMetrics(font)
        return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
                         for line in option.text.split("\n"))

    def title_shown(self, section: int) -> str:
        """What the section's title shows now."""
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        self.initStyleOptionForIndex(option, section)
        return option.text
