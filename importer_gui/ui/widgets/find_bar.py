"""Find and replace in a plain text editor: a bar under it, driven from the keyboard."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QWidget,
)

from importer_gui.ui.i18n import arg
from importer_gui.ui.widgets.editor_text import plain_text

RECOUNT_DELAY_MS = 200  # matches counted again once an edit in the text pauses
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # two UTF-16 units each in the document

Match = tuple[int, int]  # start and end, as the document counts positions


def matches_in(text: str, needle: str, *, match_case: bool) -> list[Match]:
    """Where ``needle`` occurs in ``text`` (not overlapping), in document positions: one
    pass of a regular expression over the plain text, however long."""
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), 0 if match_case else re.IGNORECASE)
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return found
    return [(start + bisect_left(astral, start), end + bisect_left(astral, end))
            for start, end in found]


class FindBar(QWidget):
    """Finds as the user types, from where the editor's cursor was; next and previous wrap
    around; replaces one match or all of them in one undo step. Edits go through the
    editor's document, as typing does."""

    def __init__(self, editor: QPlainTextEdit, keys_on: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.editor = editor
        self._matches: list[Match] | None = None  # None: to count again
        self._searched = ("", False)  # the text and case the matches are of
        self._anchor = 0  # where typing in the find field searches from
        self._build()
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(RECOUNT_DELAY_MS)
        self._recount.timeout.connect(self._show_count)
        editor.document().contentsChanged.connect(self._text_changed)
        editor.installEventFilter(self)
        self._shortcuts(keys_on)
        self.hide()

    def _build(self) -> None:
        """The find row, and the replace row under it."""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.find_field = QLineEdit(self)
        self.find_field.setObjectName("findField")
        self.find_field.textEdited.connect(lambda _text: self._typed())
        find_label = QLabel(self.tr("Fin&d:"), self)
        find_label.setBuddy(self.find_field)
        self.previous_button = self._arrow(Qt.ArrowType.UpArrow, self.previous, self.tr(
            "Previous match (%1)"), QKeySequence.StandardKey.FindPrevious)
        self.next_button = self._arrow(Qt.ArrowType.DownArrow, self.next, self.tr(
            "Next match (%1)"), QKeySequence.StandardKey.FindNext)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("findCount")
        self.case_box = QCheckBox(self.tr("Match &case"), self)
        self.case_box.toggled.connect(lambda _checked: self._typed())
        self.close_button = QToolButton(self)
        self.close_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.close_button.setToolTip(self.tr("Close the find bar (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close the find bar"))
        self.close_button.clicked.connect(lambda: self.close_bar())
        self.replace_field = QLineEdit(self)
        self.replace_field.setObjectName("replaceField")
        self.replace_label = QLabel(self.tr("R&eplace with:"), self)
        self.replace_label.setBuddy(self.replace_field)
        self.replace_button = QPushButton(self.tr("&Replace"), self)
        self.replace_button.clicked.connect(lambda: self.replace())
        self.replace_all_button = QPushButton(self.tr("Re&place all"), self)
        self.replace_all_button.clicked.connect(lambda: self.replace_all())
        for column, widget in enumerate((find_label, self.find_field, self.previous_button,
                                         self.next_button, self.count_label, self.case_box,
                                         self.close_button)):
            grid.addWidget(widget, 0, column)
        grid.addWidget(self.replace_label, 1, 0)
        grid.addWidget(self.replace_field, 1, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_button)
        buttons.addWidget(self.replace_all_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 1, 2, 1, 5)
        grid.setColumnStretch(1, 1)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 16))

    def _arrow(self, arrow: Qt.ArrowType, slot: Callable[[], None], tip: str,
               keys: QKeySequence.StandardKey) -> QToolButton:
        """A small button going to a match, its keys said in its tip."""
        button = QToolButton(self)
        button.setArrowType(arrow)
        said = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(arg(tip, said))
        button.setAccessibleName(arg(tip, said))
        button.clicked.connect(lambda: slot())
        return button

    def _shortcuts(self, keys_on: QWidget) -> None:
        """The keys every editor finds with, wherever the keyboard is in ``keys_on``."""
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QKeySequence.StandardKey.Find, self.open_find),
                           (QKeySequence.StandardKey.Replace, self.open_replace),
                           (QKeySequence.StandardKey.FindNext, self.next),
                           (QKeySequence.StandardKey.FindPrevious, self.previous)):
            QShortcut(keys, keys_on, context=context).activated.connect(slot)

    # --- opening and closing -------------------------------------------------------------

    def open_find(self) -> None:
        """Show the bar to find: the editor's selection searched, the field focused."""
        self._open(replacing=False)

    def open_replace(self) -> None:
        """Show the bar with the replace field too."""
        self._open(replacing=True)

    def _open(self, *, replacing: bool) -> None:
        """Show the bar, the find field holding the selection (one line of it)."""
        cursor = self.editor.textCursor()
        selected = cursor.selectedText()
        if selected and "\u2029" not in selected:
            self.find_field.setText(selected)
        self._anchor = cursor.selectionStart()
        for widget in (self.replace_label, self.replace_field, self.replace_button,
                       self.replace_all_button):
            widget.setVisible(replacing)
        self.show()
        field = self.replace_field if replacing and self.find_field.text() else self.find_field
        field.setFocus()
        field.selectAll()
        self._show_count()

    def close_bar(self) -> None:
        """Hide the bar; the editor has the keyboard back, the match found selected."""
        self.hide()
        self.editor.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter finds the next match (Shift: the previous), in the replace field replaces;
        Esc closes. Neither reaches the wizard (its Next, its Cancel)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.replace_field.hasFocus():
                self.replace()
            elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous()
            else:
                self.next()
        elif event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the editor closes the bar too, while it is open."""
        if (watched is self.editor and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape
                and self.isVisible()):
            self.close_bar()
            return True
        return super().eventFilter(watched, event)

    # --- finding ------------------------------------------------------------------------

    def matches(self) -> list[Match]:
        """Where the searched text is in the editor: counted once per change of the search
        or of the text."""
        searched = (self.find_field.text(), self.case_box.isChecked())
        if self._matches is None or searched != self._searched:
            self._searched = searched
            self._matches = matches_in(plain_text(self.editor), searched[0],
                                       match_case=searched[1])
        return self._matches

    def _typed(self) -> None:
        """The search changed: the first match from where the search started."""
        found = self.matches()
        at = bisect_left(found, (self._anchor, -1))
        if found:
            self._select(found[at % len(found)])
        else:
            cursor = self.editor.textCursor()
            cursor.setPosition(min(self._anchor, self.editor.document().characterCount() - 1))
            self.editor.setTextCursor(cursor)
        self._show_count()

    def next(self) -> None:
        """The match after the cursor (the first after the last)."""
        if self._revealed():
            return
        found = self.matches()
        if found:
            current = self._current()
            at = (current + 1 if current is not None
                  else bisect_left(found, (self.editor.textCursor().position(), -1)))
            self._select(found[at % len(found)])
        self._show_count()

    def previous(self) -> None:
        """The match before the cursor (the last before the first)."""
        if self._revealed():
            return
        found = self.matches()
        if found:
            at = bisect_left(found, (self.editor.textCursor().selectionStart(), -1)) - 1
            self._select(found[at % len(found)])
        self._show_count()

    def _revealed(self) -> bool:
        """F3 with the bar closed and nothing searched yet: the bar opened to type it in
        (True); with a search, the bar is shown and the keyboard stays where it is."""
        if self.isVisible():
            return False
        if not self.find_field.text():
            self.open_find()
            return True
        self.show()
        return False

    def _select(self, match: Match) -> None:
        """Select ``match`` in the editor, shown; typing searches on from it."""
        cursor = self.editor.textCursor()
        cursor.setPosition(match[0])
        cursor.setPosition(match[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        self._anchor = match[0]

    def _current(self) -> int | None:
        """Which match the editor's selection is, if it is one."""
        cursor = self.editor.textCursor()
        found = self.matches()
        selected = (cursor.selectionStart(), cursor.selectionEnd())
        at = bisect_left(found, selected)
        return at if at < len(found) and found[at] == selected else None

    def _text_changed(self) -> None:
        """The text changed: the matches are counted again once the edit pauses."""
        self._matches = None
        if self.isVisible():
            self._recount.start()

    def _show_count(self, text: str | None = None) -> None:
        """'3 of 12', 'Not found', or how many there are (the cursor off them)."""
        self._recount.stop()
        if text is None:
            text = self._count_text()
        self.count_label.setText(text)

    def _count_text(self) -> str:
        """What the count label says of the matches now."""
        if not self.find_field.text():
            return ""
        found = self.matches()
        if not found:
            return self.tr("Not found")
        current = self._current()
        locale = QLocale()
        if current is None:
            return self.tr("%Ln match(es)", "", len(found))
        return arg(self.tr("%1 of %2"), locale.toString(current + 1), locale.toString(len(found)))

    # --- replacing ----------------------------------------------------------------------

    def replace(self) -> None:
        """Replace the match selected, then go to the next; with none selected, find it."""
        current = self._current()
        if current is not None:
            cursor = self.editor.textCursor()
            cursor.insertText(self.replace_field.text())
            self.editor.setTextCursor(cursor)
            self._matches = None
        self.next()

    def replace_all(self) -> None:
        """Replace every match, as one step Ctrl+Z undoes; the editor's cursor stays."""
        found = self.matches()
        if not found:
            self._show_count()
            return
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        for start, end in reversed(found):  # the ones before keep their positions
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(self.replace_field.text())
        cursor.endEditBlock()
        self._matches = None
        self._show_count(self.tr("%Ln replaced", "", len(found)))
