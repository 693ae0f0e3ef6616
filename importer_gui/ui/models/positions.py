"""Models that show rows through an array of positions: reordering them keeps selections."""

from __future__ import annotations

import sys
from array import array
from collections import deque
from collections.abc import Callable, Sequence
from itertools import compress, repeat

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

_SEARCHED = 64  # more selected rows than this: one map of every position is quicker
_FEW = 8  # fewer positions than one in this many of all rows: sorted rather than marked


def counting(count: int) -> array[int]:
    """0, 1, ... count - 1 as positions (4-byte ints), made a byte at a time in C.

    Every row shown in file order is such an array, made on the window's thread as a check
    ends: ``array("i", range(count))`` makes and reads an int object per row. Here each byte
    of the numbers is one repeating pattern, laid in by a slice assignment: a few times
    faster.
    """
    made = bytearray(4 * count)  # zeros: a byte that never leaves 0 is laid already
    places = range(4) if sys.byteorder == "little" else range(3, -1, -1)
    for shift, place in zip((0, 8, 16, 24), places, strict=True):
        run = 1 << shift  # each value of this byte comes this many times in a row
        values = ((count - 1) >> shift) + 1 if count else 0
        if values < 2:
            continue
        pattern = b"".join(bytes((v,)) * run for v in range(min(values, 256)))
        if values > 256:  # the byte wraps round after 255
            pattern *= -(-values // 256)
        made[place::4] = memoryview(pattern)[:count]
    positions = array("i")
    positions.frombytes(made)
    return positions


def ascending(positions: Sequence[int], total: int) -> array[int]:
    """``positions`` (each below ``total``, none twice) in ascending order. Many of them are
    marked in a byte per place and read back in order, in C, quicker than sorting them;
    a few are sorted."""
    if len(positions) * _FEW < total:
        return array("i", sorted(positions))
    marks = bytearray(total)
    deque(map(marks.__setitem__, positions, repeat(1)), maxlen=0)
    return array("i", compress(range(total), marks))


def reorder_rows(model: QAbstractItemModel, positions: Callable[[], Sequence[int]],
                 reorder: Callable[[], None]) -> None:
    """Run ``reorder``, which changes ``positions()``; selected cells follow their rows."""
    model.layoutAboutToBeChanged.emit()
    old = model.persistentIndexList()
    shown = positions()
    before = [(shown[i.row()], i.column()) for i in old]
    reorder()
    where = _places(positions(), {p for p, _c in before})
    model.changePersistentIndexList(old, [model.index(where.get(p, -1), c) for p, c in before])
    model.layoutChanged.emit()


def _places(shown: Sequence[int], wanted: set[int]) -> dict[int, int]:
    """Where each wanted position is shown now.

    A selection is a few rows: each is searched for in the positions' bytes (a million rows:
    about a millisecond each), not every position mapped (0.12 s). Many rows are mapped.
    """
    if not wanted:
        return {}
    if not isinstance(shown, array) or shown.typecode != "i" or len(wanted) > _SEARCHED:
        return {p: i for i, p in enumerate(shown) if p in wanted}
    data, size = shown.tobytes(), shown.itemsize
    where = {}
    for p in wanted:
        key = array("i", (p,)).tobytes()
        at = data.find(key)
        while at > 0 and at % size:  # found across two positions: look on
            at = data.find(key, at + 1)
        where[p] = at // size
    return where


class PositionsModel(QAbstractTableModel):
    """A table whose rows are shown through an array of positions, sortable by one column:
    a sort reorders the positions (``_apply_sort``), the selected cells following their rows.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Each shown row as the position of its row: one int per row, so sorting and
        # filtering move one array.
        self._positions: array[int] = array("i")
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
                 ) -> int:  # Qt's signature
        return 0 if parent.isValid() else len(self._positions)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by one column, stably; selections follow their rows."""
        if not self._sortable() or column < 0:
            return
        def resort() -> None:
            self._sort = (column, order)
            self._apply_sort(column, order)

        reorder_rows(self, lambda: self._positions, resort)

    def keep_sort(self, sort: tuple[int, Qt.SortOrder] | None) -> None:
        """The sort the rows shown next are in (None: their own order); none sorted now."""
        self._sort = sort

    def _sortable(self) -> bool:
        """Whether anything is shown to be sorted."""
        raise NotImplementedError

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        """Reorder ``_positions`` by one column."""
        raise NotImplementedError
