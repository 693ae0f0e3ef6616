"""Models that show rows through an array of positions: reordering them keeps selections."""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import compress, repeat
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from importer_gui.core import ordering
from importer_gui.core.errors import ImporterError
from importer_gui.ui.steps import StepRunner
from importer_gui.ui.tasks import free_later

_SEARCHED = 64  # more selected rows than this: one map of every position is quicker
_FEW = 8  # fewer positions than one in this many of all rows: sorted rather than marked

# Rows a sort orders from which its lists (positions, keys) are freed in the background.
FREED_AFTER = 50_000
# Rows shown from which a sort by a column's keys runs in the background: Python's sort of
# as many holds the window's thread for about a tenth of a second.
SORTED_IN_BACKGROUND = 150_000
# Keys a background sort makes at a time: a few milliseconds of the window's thread, so that
# its steps (``core.steps.STEP_SECONDS``) end on time.
KEYS_AT_A_TIME = 1 << 14


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
    Many rows sorted by a column's keys are sorted in the background (``sorting_changed``),
    and shown so once sorted: the keys made a part at a time between the window's events
    (``_key_parts``), the sort itself on a worker (``ordering.steps``).
    """

    sorting_changed = Signal(bool)  # whether a sort runs in the background now
    sort_failed = Signal(str)  # why a sort in the background failed, for people

    def __init__(self, parent: QObject | None = None, *,
                 sorter: StepRunner | None = None) -> None:
        super().__init__(parent)
        # Each shown row as the position of its row: one int per row, so sorting and
        # filtering move one array.
        self._positions: array[int] = array("i")
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # Large sorts run here, in steps between the window's events (a million rows: some
        # 0.6 s), the sort itself on a worker.
        self.sorter = sorter or StepRunner(self)
        self.sorted_in_background = SORTED_IN_BACKGROUND
        self._sorting = False
        # The last column sorted by its keys, and those keys, kept while no row changes: the
        # same column sorted the other way (a second click on its header) does not make them
        # again. One column's only: a column of unique texts keeps a folded copy of each.
        self._keys: tuple[int, ordering.Keys] | None = None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
                 ) -> int:  # Qt's signature
        return 0 if parent.isValid() else len(self._positions)

    @property
    def sorting(self) -> bool:
        """Whether a sort runs in the background: the rows shown are reordered once it ends."""
        return self._sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by one column, stably; selections follow their rows. Many
        rows sorted by a column's keys are sorted in the background, and shown so once
        sorted."""
        if self._sortable() and column >= 0 and self._in_background(column):
            self._sort = (column, order)
            self._sort_in_background(column, order)
            return
        self._drop_background_sort()
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
        """Reorder ``_positions`` by one column, at once."""
        raise NotImplementedError

    def _sort_shown(self, column: int, order: Qt.SortOrder) -> None:
        """Sort the rows just shown by one column: in the background when many (they stay
        as they are meanwhile), else at once."""
        if self._in_background(column):
            self._sort_in_background(column, order)
        else:
            self._apply_sort(column, order)

    def _make_keys(self, column: int) -> list[Any]:
        """One column's sort key for every row (ints or texts, never a tuple per row): a
        row's position is its place among them."""
        raise NotImplementedError

    def _key_parts(self, column: int,
                   ) -> Iterator[list[Any]] | ordering.Coded | ordering.Precoded:
        """``_make_keys``, a few thousand rows at a time (KEYS_AT_A_TIME), or codes of them
        so (a column that repeats its texts), or codes made before."""
        raise NotImplementedError

    def _keep_sorted(self) -> None:
        """The shown positions were sorted: keep what a later filter may reuse."""

    def _sort_key(self, column: int) -> Callable[[int], Any]:
        """A row's sort key by its position: of ``_make_keys``, or of those kept from the
        last sort by that column."""
        kept = self._kept_keys(column)
        if kept is None:
            self._forget_keys()
            kept = ordering.Keys(self._make_keys(column))
            self._keys = (column, kept)
        return kept.key()

    def _kept_keys(self, column: int) -> ordering.Keys | None:
        """The keys kept from the last sort, if it was by ``column``."""
        return self._keys[1] if self._keys is not None and self._keys[0] == column else None

    def _forget_keys(self) -> None:
        """Let go of the kept sort keys: freed in the background when many (a million texts
        freed here would keep the window waiting)."""
        if self._keys is not None and len(self._keys[1].every) >= FREED_AFTER:
            free_later(self._keys[1].every)
        self._keys = None

    def _in_background(self, column: int) -> bool:
        """Whether a sort by ``column`` runs in the background: of many rows, or of a few
        whose keys are made for many (a filter's rows of a large plan: its keys are made
        for every row, each a row's position)."""
        rows = len(self._positions)
        if self._kept_keys(column) is None:
            rows = max(rows, self._keyed_rows())
        return rows >= self.sorted_in_background

    def _keyed_rows(self) -> int:
        """How many keys a sort makes (``_make_keys``): a key a row, shown or not."""
        return len(self._positions)

    def _sort_in_background(self, column: int, order: Qt.SortOrder) -> None:
        """Sort the shown rows by a column's keys in the background (a sort running is
        dropped): the keys (those kept for it, else made here) taken in and the positions
        given back a part at a time between the window's events, the sort itself on a
        worker (``ordering.steps``)."""
        keys: ordering.Keys | ordering.Coded | ordering.Precoded | Iterator[list[Any]] | None = \
            self._kept_keys(column)
        if keys is None:
            keys = self._key_parts(column)
        self._set_sorting(True)
        self.sorter.run(ordering.steps(keys, self._positions_to_sort(),
                                       order == Qt.SortOrder.DescendingOrder),
                        lambda done: self._take_sorted(column, *done), self._failed_sort)

    def _positions_to_sort(self) -> array[int]:
        """What a sort in the background orders: the shown rows in their order now (a copy,
        for the worker to read)."""
        return array("i", self._positions)

    def _take_sorted(self, column: int, positions: array[int], keys: ordering.Keys) -> None:
        """Show the rows as the background sort ordered them; its keys are kept."""
        self._set_sorting(False)
        if self._keys is None or self._keys[1] is not keys:
            self._forget_keys()
            self._keys = (column, keys)

        def reorder() -> None:
            self._positions = positions
            self._keep_sorted()

        reorder_rows(self, lambda: self._positions, reorder)

    def _failed_sort(self, error: ImporterError) -> None:
        """A background sort failed: the rows stay as shown, and why is said."""
        self._set_sorting(False)
        self.sort_failed.emit(error.message)

    def _drop_background_sort(self) -> None:
        """Stop a sort running in the background: its order is of no use now."""
        self.sorter.cancel()
        self._set_sorting(False)

    def _set_sorting(self, sorting: bool) -> None:
        """Say whether a sort runs in the background, when that changes."""
        if sorting != self._sorting:
            self._sorting = sorting
            self.sorting_changed.emit(sorting)
