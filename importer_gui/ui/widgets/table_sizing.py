"""How table views size their columns to their contents."""

from __future__ import annotations

from collections.abc import Callable, Collection
from math import ceil

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetricsF, QMouseEvent
from PySide6.QtWidgets import QStyle, QTableView

# Rows whose contents size the columns. Qt asks 1,000 by default, every role of every cell:
# 0.1 s for the preview and 0.4 s for the store browser's five tables, on the GUI thread.
SIZED_ROWS = 50
TITLE_FLOOR_CHARS = 12  # a narrowed title keeps room for about this many characters
_PRESS_AND_RELEASE = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                      QEvent.Type.MouseButtonRelease)


def size_columns_from_first_rows(view: QTableView) -> None:
    """Let resizeColumnsToContents() look at the first SIZED_ROWS rows only."""
    view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)


def contents_widths(view: QTableView, rows: int = SIZED_ROWS, *, titles: bool = True,
                    columns: Collection[int] | None = None) -> list[int | None]:
    """Each column's width to show its title (unless not ``titles``) and its texts in
    ``rows`` rows from the first one shown, as ``resizeColumnsToContents()`` sizes plain
    text (None for a hidden one, and for one not in ``columns`` when given).

    Qt asks every cell eight roles and has its delegate size each, most of what the
    window's thread does as a large check ends; here each cell is asked its text alone,
    measured in the view's font (a font a cell has of its own, such as a corrected cell's
    italics, is not asked), with the margins Qt's style puts around a cell's text.
    """
    model, header = view.model(), view.horizontalHeader()
    metrics = QFontMetricsF(view.font())  # Qt rounds a text's width up, not to nearest
    margins = _margins(view)
    first = max(view.rowAt(0), 0)
    shown = range(first, min(first + rows, model.rowCount()))
    widths: list[int | None] = []
    for column in range(header.count()):
        if header.isSectionHidden(column) or (columns is not None and column not in columns):
            widths.append(None)
            continue
        texts = {str(model.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
                 for row in shown}
        lines = [line for text in texts for line in text.split("\n")]
        widest = max(map(metrics.horizontalAdvance, lines), default=0)
        widths.append(max(ceil(widest) + margins,
                          header.sectionSizeHint(column) if titles else 0))
    return widths


def _margins(view: QTableView) -> int:
    """The width Qt's style puts around a cell's text: an empty cell's width."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                         view) + 1) + (1 if view.showGrid() else 0)


def fit_columns(view: QTableView) -> None:
    """Columns to their contents, the last one filling the rest: sizing to contents leaves
    the last column at its contents' width until the stretch is set again."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)


def narrowed(wanted: list[int | None], texts: list[int | None], room: int,
             floor: int, blank: int = 0) -> list[int | None]:
    """The ``wanted`` widths, fitted in ``room`` when they are wider, as few titles cut as
    can be (``_to_cut``), each down to the width of its texts at most (never below
    ``floor`` for the title), those cut left as wide as one another."""
    excess = sum(w for w in wanted if w is not None) - room
    least = [0 if w is None else max(t or 0, min(floor, w))
             for w, t in zip(wanted, texts, strict=True)]
    spare = {c: w - least[c] for c, w in enumerate(wanted) if w is not None and w > least[c]}
    if excess <= 0 or not spare:
        return list(wanted)
    empty = {c for c, t in enumerate(texts) if t is not None and t <= blank}
    cut = _to_cut(spare, empty, excess)
    # The one width those cut share: the widest at which they still give the excess.
    low, high = 0, max(wanted[c] or 0 for c in cut)
    while low < high:
        level = (low + high + 1) // 2
        given = sum((wanted[c] or 0) - max(least[c], level) for c in cut
                    if (wanted[c] or 0) > level)
        low, high = (level, high) if given >= excess else (low, level - 1)
    return [max(least[c], min(low, w)) if c in cut and w is not None else w
            for c, w in enumerate(wanted)]


def _to_cut(spare: dict[int, int], empty: set[int], excess: int) -> set[int]:
    """The columns whose titles are cut to give ``excess``, of those that can ``spare``
    some: those with no text first (their title is all they show), the widest first, and
    then none that the others can do without (a title cut by a few pixels is cut all the
    same)."""
    order = sorted(spare, key=lambda c: (c not in empty, -spare[c]))
    cut: list[int] = []
    for column in order:
        if sum(spare[c] for c in cut) >= excess:
            break
        cut.append(column)
    for column in sorted(cut, key=lambda c: spare[c]):
        if sum(spare[c] for c in cut if c != column) >= excess:
            cut.remove(column)
    return set(cut)


def _room(view: QTableView) -> int:
    """The width the columns have in the view, as its rows just read will leave it."""
    view.updateGeometries()  # the row numbers' width, else known at the next layout only
    room = view.viewport().width()
    bar = view.verticalScrollBar()
    if bar.maximum() > 0 and not bar.isVisible():  # it shows at the next turn of events
        room -= view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)
    return room


def fit_to_room(view: QTableView) -> None:
    """Columns to their contents, the last one filling the rest; when they are wider than
    the view, the titles wider than their texts are narrowed until they fit (the header
    elides them, as the view's elide mode says): the texts read whole without scrolling."""
    floor = view.fontMetrics().averageCharWidth() * TITLE_FLOOR_CHARS
    _set_widths(view, narrowed(contents_widths(view), contents_widths(view, titles=False),
                               _room(view), floor, _margins(view)))


def fit_to_contents(view: QTableView) -> None:
    """Columns to their titles and their texts in the first rows shown, the last one filling
    the rest, as ``resizeColumnsToContents()`` sizes plain text: Qt's own asks every role of
    every cell (a refresh's preview of 200,000 rows: some 50 ms of the window's thread)."""
    _set_widths(view, contents_widths(view))


def _set_widths(view: QTableView, widths: list[int | None]) -> None:
    """Give each column its width (None: left as it is), the last one stretched after."""
    header = view.horizontalHeader()
    stretched = header.stretchLastSection()
    header.setStretchLastSection(False)
    for column, width in enumerate(widths):
        if width is not None:
            header.resizeSection(column, width)
    header.setStretchLastSection(stretched)


class ResizedByHand(QObject):
    """Tells ``resized`` (a column, its width) of each width the user gives a view's
    column, by dragging its header's edge or double-clicking it, the stretched last column
    aside. The header resizes columns of its own too, the user's button up: a model reset
    that moves the last column gives the one stretched before back its earlier width."""

    def __init__(self, view: QTableView, resized: Callable[[int, int], None]) -> None:
        super().__init__(view)
        self._header = view.horizontalHeader()
        self._resized = resized
        self._held = False  # the user's left button is down on the header
        self._header.viewport().installEventFilter(self)
        self._header.sectionResized.connect(self._on_section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A drag or a double-click on the header is under way from its press to its release."""
        if isinstance(event, QMouseEvent) and event.type() in _PRESS_AND_RELEASE:
            self._held = bool(event.buttons() & Qt.MouseButton.LeftButton)
        return False

    def _on_section_resized(self, section: int, _old: int, new: int) -> None:
        """A column resized under the user's button is the user's width."""
        header = self._header
        stretched = header.stretchLastSection() and \
            header.visualIndex(section) == header.count() - 1
        if self._held and not stretched:
            self._resized(section, new)


class FitWhenShown(QObject):
    """Fits a view's columns (``fit_columns``, or ``fitting``) when asked, or, asked while
    the view is hidden (a tab not shown, a window not yet open), as soon as it shows: sizing
    reads its rows' cells, which for every tab of a window would keep it from opening."""

    def __init__(self, view: QTableView,
                 fitting: Callable[[QTableView], None] = fit_columns) -> None:
        super().__init__(view)
        self._view = view
        self._fitting = fitting
        self._due = False
        view.installEventFilter(self)

    def fit(self) -> None:
        """Fit the columns now, or once the view shows."""
        self._due = not self._view.isVisible()
        if not self._due:
            self._fitting(self._view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Shown with its columns not yet fitted: they are now."""
        if self._due and event.type() == QEvent.Type.Show:
            self.fit()
        return False


class FitInView(QObject):
    """Fits a view's columns one by one (``fitting``) as they come into view: those shown
    when asked (``fit``), then those a horizontal scroll or a wider view brings in. Each is
    fitted once until ``fit`` is asked again: sizing reads a column's cells, which for
    hundreds of columns at once would hold the window's thread."""

    def __init__(self, view: QTableView, fitting: Callable[[int], None]) -> None:
        super().__init__(view)
        self._view = view
        self._fitting = fitting
        self._fitted: set[int] = set()
        self._busy = False  # fitting moves the scroll bar: that is not a scroll to follow
        view.horizontalScrollBar().valueChanged.connect(self._fit_shown)
        view.viewport().installEventFilter(self)

    def fit(self) -> None:
        """Fit the columns in view now (again, for those fitted before), the others as they
        come into view."""
        self._fitted.clear()
        self._fit_shown()

    def _fit_shown(self) -> None:
        """Fit the columns in view not yet fitted; those the new widths bring into view too."""
        if self._busy:
            return
        bar = self._view.horizontalScrollBar()
        at_end = 0 < bar.maximum() == bar.value()
        self._busy = True
        try:
            while self._fit_in_view():
                self._follow_widths(at_end)
        finally:
            self._busy = False

    def _fit_in_view(self) -> bool:
        """Fit the columns in view not yet fitted, left to right (each one fitted moves the
        next); whether there were any."""
        header, right = self._view.horizontalHeader(), self._view.viewport().width()
        fitted = False
        for visual in range(max(header.visualIndexAt(0), 0), header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            if header.sectionViewportPosition(column) >= right:
                break
            if column not in self._fitted:
                self._fitted.add(column)
                self._fitting(column)
                fitted = True
        return fitted

    def _follow_widths(self, at_end: bool) -> None:
        """The scroll range for the new widths, now rather than at the next turn of events;
        scrolled to the end, the view stays at the new end, the last column whole at its
        right edge (Qt put it there as the view scrolled, by the narrower widths of then,
        and the wider ones move the end further on)."""
        self._view.updateGeometries()
        bar = self._view.horizontalScrollBar()
        if at_end or 0 < bar.maximum() == bar.value():
            bar.setValue(bar.maximum())
            self._view.horizontalHeader().setOffsetToLastSection()
            self._view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The view widened (a window, a splitter): the columns now in view are fitted."""
        if event.type() == QEvent.Type.Resize:
            self._fit_shown()
        return False
