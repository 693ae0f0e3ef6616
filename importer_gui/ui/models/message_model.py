"""The preview's messages list: "every row" first, then each message with its count.

A check may find tens of thousands of different messages (one per row quoting its value):
the list holds the counts the plan keeps, and a message's text is made when the view asks
for it, for the items it shows, not for every message each time the list is built.

Its rows are counted by Qt's string list, of empty strings: a view laying the list out asks
the model for every row's index, and a count in Python made that two Python calls a row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt

from importer_gui.core.issues import Issue

Index = QModelIndex | QPersistentModelIndex
Counts = list[tuple[Issue, int]]
Say = Callable[[Issue, int], str]


class MessageModel(QStringListModel):
    """Row 0: every row (no message chosen); row n: the n-th message and how many it has."""

    def __init__(self, listed: Say, whole: Say, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listed, self._whole = listed, whole  # a message as listed; whole, on hover
        self._first = ""
        self._counts: Counts = []
        self._made: dict[int, str] = {}  # the texts made so far: a view asks again on paint

    def show(self, first: str, counts: Counts) -> None:
        """List ``counts`` (in the order given) after ``first``."""
        self._first, self._counts, self._made = first, counts, {}
        self.setStringList([""] * (len(counts) + 1))  # the model reset, its rows counted

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Chosen, never edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row <= len(self._counts):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and row:
            return self._whole(*self._counts[row - 1])
        if role == Qt.ItemDataRole.UserRole and row:
            return self._counts[row - 1][0]
        return None

    def text(self, row: int) -> str:
        """The row's text as listed, made once."""
        if not row:
            return self._first
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = self._listed(*self._counts[row - 1])
        return made

    def row_of(self, issue: Issue | None) -> int:
        """The row listing ``issue``; 0 (every row) when it is not listed."""
        if issue is None:
            return 0
        return next((n + 1 for n, (listed, _c) in enumerate(self._counts) if listed == issue), 0)
