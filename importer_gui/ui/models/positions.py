"""Models that show rows through an array of positions: reordering them keeps selections."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel


def reorder_rows(model: QAbstractItemModel, positions: Callable[[], Sequence[int]],
                 reorder: Callable[[], None]) -> None:
    """Run ``reorder``, which changes ``positions()``; selected cells follow their rows."""
    model.layoutAboutToBeChanged.emit()
    old = model.persistentIndexList()
    shown = positions()
    before = [(shown[i.row()], i.column()) for i in old]
    reorder()
    where = {p: i for i, p in enumerate(positions())} if old else {}
    model.changePersistentIndexList(old, [model.index(where[p], c) for p, c in before])
    model.layoutChanged.emit()
