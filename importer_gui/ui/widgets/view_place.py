"""Where the user is in a table view (the rows selected, the current cell, the first row
shown), by the ids of the records on those rows: rows read again, with new ones above them,
show the same records selected and at the same place."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

IdOfRow = Callable[[int], int | None]
RowOfId = Callable[[int], int | None]


@dataclass
class ViewPlace:
    """A view's selection, current cell and scroll, by record id."""

    selected: list[int] = field(default_factory=list)
    current: tuple[int, int] | None = None  # the current record's id, and its column
    top: int | None = None  # the record on the first row shown
    top_shift: int = 0  # pixels of that row above the view's top edge (scrolled per pixel)
    horizontal: int = 0


def place_of(view: QTableView, id_of_row: IdOfRow) -> ViewPlace:
    """Where the user is in ``view``."""
    place = ViewPlace(horizontal=view.horizontalScrollBar().value())
    selection = view.selectionModel()
    # By its ranges: all 50,000 rows selected are one range, but 50,000 indexes to list.
    rows = dict.fromkeys(row for part in selection.selection()
                         for row in range(part.top(), part.bottom() + 1))
    place.selected = [i for i in map(id_of_row, rows) if i is not None]
    current = selection.currentIndex()
    if current.isValid():
        record = id_of_row(current.row())
        place.current = None if record is None else (record, current.column())
    top = view.rowAt(0)
    if top >= 0:
        place.top = id_of_row(top)
        place.top_shift = -view.rowViewportPosition(top)
    return place


def restore_place(view: QTableView, place: ViewPlace, row_of_id: RowOfId) -> None:
    """Put the user back where they were in ``view``: the same records selected and current,
    the same record on the first row shown (those no longer shown are let go of)."""
    model, selection = view.model(), view.selectionModel()
    view.doItemsLayout()  # the scroll bars' range is that of the rows read again
    chosen = QItemSelection()
    last = model.columnCount() - 1
    for first, final in _runs(row for row in map(row_of_id, place.selected) if row is not None):
        chosen.select(model.index(first, 0), model.index(final, last))
    flags = QItemSelectionModel.SelectionFlag
    selection.select(chosen, flags.ClearAndSelect)
    current = None if place.current is None else row_of_id(place.current[0])
    if current is not None and place.current is not None:
        selection.setCurrentIndex(model.index(current, place.current[1]), flags.NoUpdate)
    top = None if place.top is None else row_of_id(place.top)
    if top is not None:
        _scroll_to_top(view, top, place.top_shift)
    view.horizontalScrollBar().setValue(place.horizontal)


def _scroll_to_top(view: QTableView, row: int, shift: int) -> None:
    """Show ``row`` first, as far past the top edge as it was."""
    bar = view.verticalScrollBar()
    if view.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerItem:
        bar.setValue(row)
    else:
        bar.setValue(view.rowViewportPosition(row) + bar.value() + shift)


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Rows as runs of consecutive ones, first and last: a selection of as many ranges, which
    Qt merges one by one, took it a quarter of a minute for 50,000 rows one at a time."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
