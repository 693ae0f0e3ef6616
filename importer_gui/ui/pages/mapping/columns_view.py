"""The mapping page's table of the file's columns: a model over the rows' plain data, and a
view that opens a field's combo (or a GUID's line) only on the cell the user is on, so a
file of hundreds of columns costs the window the rows on screen, not a widget per column."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from importer_gui.core.config import KEYED_FIELDS
from importer_gui.ui.styles import Text, text_brush

if TYPE_CHECKING:
    from importer_gui.ui.pages.mapping.rows import ColumnRow

TITLE, SAMPLE, FIELD, GUID, NOTE = range(5)  # the table's columns
TITLE_WIDTH = 200  # pixels of a column's header before an ellipsis
SAMPLE_WIDTH = 240  # pixels of sample values before an ellipsis
SHOWN_ROWS = 8  # rows the table shows at least (more scroll within it), or all it has

Index = QModelIndex | QPersistentModelIndex


class FieldCombo(QComboBox):
    """A column's choice of field. The rows' combos offer one list, so one measure of it a
    font (a guess is in italics) sizes them all, rather than each measuring every title."""

    def __init__(self, sizes: dict[tuple[bool, str], QSize], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._sizes = sizes  # shared by the rows' combos, with their list
        self.chosen = False  # a field was chosen in its list (even the one shown)

    def sizeHint(self) -> QSize:
        """As QComboBox measures it, once a font."""
        return self._measured(False, super().sizeHint)

    def minimumSizeHint(self) -> QSize:
        """As QComboBox measures it, once a font."""
        return self._measured(True, super().minimumSizeHint)

    def _measured(self, minimum: bool, measure: Callable[[], QSize]) -> QSize:
        key = (minimum, self.font().key())
        if key not in self._sizes:
            self._sizes[key] = measure()
        return QSize(self._sizes[key])


class ColumnsModel(QAbstractTableModel):
    """The file's columns as the page holds them: title, samples, field, GUID, guess note.
    The user's edits go to the page (``choose``, ``name``), which words and checks them."""

    def __init__(self, choose: Callable[[int, str], None], name: Callable[[int, str], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.rows: list[ColumnRow] = []
        self.titles: dict[str, str] = {}  # each field's title as the combos offer it
        self.headers: list[str] = ["", "", "", "", ""]
        self.guid_words = ("", "")  # a GUID cell's placeholder and tooltip
        self._choose, self._name = choose, name

    def show_rows(self, rows: list[ColumnRow], titles: dict[str, str]) -> None:
        """Show these rows, their fields worded by ``titles``."""
        self.beginResetModel()
        self.rows, self.titles = rows, titles
        self.endResetModel()

    def row_changed(self, place: int) -> None:
        """Repaint a row the page changed."""
        self.dataChanged.emit(self.index(place, 0), self.index(place, NOTE))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else NOTE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled
        if index.column() == FIELD or (index.column() == GUID
                                       and self.rows[index.row()].field in KEYED_FIELDS):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row, part = self.rows[index.row()], index.column()
        if part == TITLE:
            return _role(role, row.title, row.title, bold=True)
        if part == SAMPLE:
            return _role(role, row.samples, row.samples_tip, brush=text_brush(Text.MUTED))
        if part == FIELD:
            if role == Qt.ItemDataRole.EditRole:
                return row.field
            return _role(role, self.titles.get(row.field, row.field), row.note_tip,
                         italic=row.guessed)
        if part == GUID:
            return self._guid(row, role)
        return _role(role, row.note, row.note_tip, brush=text_brush(Text.WARNING))

    def _guid(self, row: ColumnRow, role: int) -> object:
        """A custom field's GUID, or its placeholder greyed; nothing for other fields."""
        if row.field not in KEYED_FIELDS:
            return None
        if role == Qt.ItemDataRole.EditRole:
            return row.guid
        placeholder, tip = self.guid_words
        return _role(role, row.guid or placeholder, tip,
                     brush=None if row.guid else text_brush(Text.MUTED))

    def setData(self, index: Index, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() == FIELD:
            self._choose(index.row(), str(value))
        elif index.column() == GUID:
            self._name(index.row(), str(value))
        else:
            return False
        return True


def _role(role: int, text: str, tip: str, *, bold: bool = False, italic: bool = False,
          brush: QBrush | None = None) -> object:
    """A cell's text, tooltip, font and colour, by the role asked."""
    if role == Qt.ItemDataRole.DisplayRole:
        return text
    if role == Qt.ItemDataRole.ToolTipRole:
        return tip or None
    if role == Qt.ItemDataRole.FontRole and (bold or italic):
        font = QFont()
        font.setBold(bold)
        font.setItalic(italic)
        return font
    if role == Qt.ItemDataRole.ForegroundRole:
        return brush
    return None


class ColumnsDelegate(QStyledItemDelegate):
    """Draws each field as a combo; the cell being edited gets a real one, offering the
    action's fields, its change taken at once (the warnings follow), as a GUID's line."""

    def __init__(self, fields: Callable[[], QStandardItemModel | None],
                 words: Callable[[int, str], tuple[str, str]], view: QTableView) -> None:
        super().__init__(view)
        self._fields = fields  # the fields offered now (one list per action)
        self._words = words  # an editor's accessible name and placeholder, by row and part
        self.sizes: dict[tuple[bool, str], QSize] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        name, placeholder = self._words(index.row(), "field" if index.column() == FIELD
                                        else "guid")
        if index.column() == FIELD:
            combo = FieldCombo(self.sizes, parent)
            combo.setObjectName(f"field_{index.row()}")
            combo.setModel(self._fields())
            combo.currentIndexChanged.connect(lambda *_: self.commitData.emit(combo))
            combo.activated.connect(lambda *_: self._chosen(combo))
            combo.setAccessibleName(name)
            return combo
        line = QLineEdit(parent)
        line.setObjectName(f"guid_{index.row()}")
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(name)
        line.textEdited.connect(lambda *_: self.commitData.emit(line))
        return line

    def _chosen(self, combo: FieldCombo) -> None:
        """A field picked in the list, even the one guessed: the user's now."""
        combo.chosen = True
        self.commitData.emit(combo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a field (its list closed) or a GUID keeps what it shows and goes on to
        the wizard, whose Next it presses, as on every page; any other key as a delegate's."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(watched, FieldCombo | QLineEdit)
                and not (isinstance(watched, FieldCombo) and watched.view().isVisible())):
            self.commitData.emit(watched)
            return False  # the editor lets it by, the table too, to the wizard
        return super().eventFilter(watched, event)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, FieldCombo):
            editor.blockSignals(True)
            editor.setCurrentIndex(max(editor.findData(value), 0))
            editor.blockSignals(False)
            self._fit_font(editor, index)
        elif isinstance(editor, QLineEdit) and editor.text() != value:
            editor.setText(str(value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, FieldCombo):
            field = editor.currentData()
            if field != index.data(Qt.ItemDataRole.EditRole) or editor.chosen:
                editor.chosen = False
                model.setData(index, field)
                self._fit_font(editor, index)
        elif isinstance(editor, QLineEdit) and editor.text() != index.data(
                Qt.ItemDataRole.EditRole):
            model.setData(index, editor.text())

    @staticmethod
    def _fit_font(combo: FieldCombo, index: Index) -> None:
        """The combo in italics while its field is a guess, as the cell shows it."""
        font = combo.font()
        font.setItalic(bool((shown := index.data(Qt.ItemDataRole.FontRole)) and shown.italic()))
        combo.setFont(font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """A field's cell looks like the combo it opens into."""
        if index.column() != FIELD:
            super().paint(painter, option, index)
            return
        box = QStyleOptionComboBox()
        box.rect = option.rect.adjusted(1, 1, -1, -1)
        box.state = option.state | QStyle.StateFlag.State_Enabled
        box.palette = option.palette
        box.currentText = str(index.data())
        box.toolTip = ""
        style = QApplication.style()
        painter.save()
        font = index.data(Qt.ItemDataRole.FontRole)
        if font is not None:
            painter.setFont(font)
        style.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, box, painter)
        style.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, box, painter)
        painter.restore()


def _widest(texts: list[str], header: QHeaderView, section: int, metrics: QFontMetrics,
            most: int) -> int:
    """Pixels of the widest of ``texts`` and the column's title, up to ``most`` (longer
    ones end in an ellipsis)."""
    title = header.model().headerData(section, Qt.Orientation.Horizontal)
    widths = [metrics.horizontalAdvance(text) for text in texts]
    return min(max([header.fontMetrics().horizontalAdvance(str(title or "")), *widths]), most)


class ColumnsView(QTableView):
    """The columns' table: Tab goes from field to field (and to a custom field's GUID),
    the cell reached opening its editor; past the last, or before the first, Tab leaves."""

    def __init__(self, model: ColumnsModel, delegate_of: Callable[[QTableView],
                 ColumnsDelegate], parent: QWidget) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.columns_delegate = delegate_of(self)
        self.setItemDelegate(self.columns_delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.CurrentChanged
                             | QAbstractItemView.EditTrigger.SelectedClicked
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setTabKeyNavigation(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        self._leaving = False  # Tab leaves the table: no editor opens on its way out

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A press on a field opens its list, as a press on a combo does: the press makes
        the cell current, which opens its editor under the mouse, whose list is shown."""
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        editor = QApplication.focusWidget()
        if (event.button() == Qt.MouseButton.LeftButton and index.column() == FIELD
                and isinstance(editor, FieldCombo) and not editor.view().isVisible()):
            editor.showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter goes on to the wizard (Next), from a field or from the table itself."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return
        super().keyPressEvent(event)

    def size_parts(self, fields: QStandardItemModel | None) -> None:
        """Columns as wide as their widest title (a field's as its combo), rows as high
        as a combo, the table as high as its rows, or the page's room for them."""
        combo = FieldCombo(self.columns_delegate.sizes, None)
        combo.setModel(fields)
        guid = QLineEdit()
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 8
        rows = self.model().rows
        bold = QFont(self.font())
        bold.setBold(True)
        self.setColumnWidth(TITLE, _widest([r.title for r in rows], self.horizontalHeader(),
                                           TITLE, QFontMetrics(bold), TITLE_WIDTH) + margin)
        self.setColumnWidth(SAMPLE, _widest([r.samples for r in rows], self.horizontalHeader(),
                                            SAMPLE, self.fontMetrics(), SAMPLE_WIDTH) + margin)
        self.setColumnWidth(FIELD, combo.sizeHint().width() + 2)
        # Room for a whole GUID (36 characters), the platform's form of it.
        self.setColumnWidth(GUID, guid.fontMetrics().horizontalAdvance("D" * 36) + 12)
        height = max(combo.sizeHint().height(), guid.sizeHint().height()) + 2
        self.verticalHeader().setDefaultSectionSize(height)
        self.fit_height()

    def fit_height(self) -> None:
        """As high as its rows where the page has room for them, else at least SHOWN_ROWS of
        them (the rest scroll within it); a scroll bar across when its columns are wider than
        it (a GUID's, in a small window)."""
        count = self.model().rowCount()
        header = self.horizontalHeader()
        wide = sum(self.columnWidth(part) for part in range(NOTE)
                   if not self.isColumnHidden(part)) + header.defaultSectionSize() > (
            self.width() - 2 * self.frameWidth())
        frame = (header.sizeHint().height() + 2 * self.frameWidth()
                 + (self.horizontalScrollBar().sizeHint().height() if wide else 0))
        row = self.verticalHeader().defaultSectionSize()
        self.setMinimumHeight(frame + min(count, SHOWN_ROWS) * row)
        self.setMaximumHeight(frame + count * row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wider or narrower: room for the scroll bar across, or none."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()

    def _stop(self, after: QModelIndex, forward: bool) -> QModelIndex:
        """The cell Tab (or Shift+Tab) reaches from ``after``: the next field, or a custom
        field's GUID; from nowhere, the first (or last); past either end, none."""
        model = self.model()
        count = model.rowCount()
        if after.isValid():
            start, part = after.row(), after.column()
        else:
            start, part = (-1, NOTE) if forward else (count, TITLE)
        rows = range(max(start, 0), count) if forward else range(min(start, count - 1), -1, -1)
        for row in rows:
            for column in (FIELD, GUID) if forward else (GUID, FIELD):
                if row == start and (column <= part if forward else column >= part):
                    continue
                index = model.index(row, column)
                if model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                    return index
        return QModelIndex()

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab and Shift+Tab go through the fields and GUIDs, none past either end."""
        moves = QAbstractItemView.CursorAction
        if action not in (moves.MoveNext, moves.MovePrevious):
            return super().moveCursor(action, modifiers)
        return self._stop(self.currentIndex(), action == moves.MoveNext)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Tab past the last field (or Shift+Tab before the first) leaves the table."""
        hints = QAbstractItemDelegate.EndEditHint
        if hint in (hints.EditNextItem, hints.EditPreviousItem):
            forward = hint == hints.EditNextItem
            action = (QAbstractItemView.CursorAction.MoveNext if forward
                      else QAbstractItemView.CursorAction.MovePrevious)
            if not self.moveCursor(action, Qt.KeyboardModifier.NoModifier).isValid():
                self._leaving = True
                try:
                    super().closeEditor(editor, hints.NoHint)
                    super().focusNextPrevChild(forward)
                finally:
                    self._leaving = False
                return
        super().closeEditor(editor, hint)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab from the table itself (no cell being edited): on to its next stop, or out."""
        action = (QAbstractItemView.CursorAction.MoveNext if forward
                  else QAbstractItemView.CursorAction.MovePrevious)
        target = self.moveCursor(action, Qt.KeyboardModifier.NoModifier)
        if target.isValid():
            self.setCurrentIndex(target)
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Reached by Tab, the first field opens; by Shift+Tab, the last stop; otherwise
        the cell the user was on."""
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            stop = self._stop(QModelIndex(), reason == Qt.FocusReason.TabFocusReason)
            if stop.isValid():
                self.setCurrentIndex(stop)
        super().focusInEvent(event)
        current = self.currentIndex()
        if (not self._leaving and reason != Qt.FocusReason.MouseFocusReason
                and current.isValid()
                and self.state() != QAbstractItemView.State.EditingState
                and self.model().flags(current) & Qt.ItemFlag.ItemIsEditable):
            self.edit(current)
