"""The text of a plain text editor, every character as it holds it, and changed line by
line."""

from __future__ import annotations

from difflib import SequenceMatcher

from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

PARAGRAPH = "\u2029"  # how the document's raw text ends each line


def plain_text(editor: QPlainTextEdit) -> str:
    """The editor's text, lines ended by "\\n": ``toPlainText`` would turn a non-breaking
    space into a space and a line separator (U+2028) into a line break, and so change a
    header, a file name or a sheet name the configuration finds its data by."""
    return editor.document().toRawText().replace(PARAGRAPH, "\n")


def change_lines(editor: QPlainTextEdit, text: str) -> None:
    """Make the editor hold ``text`` by replacing only the lines that differ, as one step
    Ctrl+Z undoes: the cursor, the scroll and the undo history before stay, and only the
    lines changed are coloured again (``setPlainText`` coloured every line anew)."""
    old, new = _lines(plain_text(editor)), _lines(text)
    document = editor.document()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    # From the end, so the lines before keep their places.
    for tag, i1, i2, j1, j2 in reversed(SequenceMatcher(None, old, new).get_opcodes()):
        if tag != "equal":
            cursor.setPosition(_line_start(document, i1))
            cursor.setPosition(_line_start(document, i2), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText("".join(new[j1:j2]))
    cursor.endEditBlock()


def _lines(text: str) -> list[str]:
    """``text``'s lines, each with its "\\n": one per block of the document holding it."""
    lines = text.split("\n")  # not splitlines: a U+2028 stays within its block
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def _line_start(document: QTextDocument, line: int) -> int:
    """Where line number ``line`` (from 0) starts; past the last line, the end."""
    if line < document.blockCount():
        return document.findBlockByNumber(line).position()
    return document.characterCount() - 1
