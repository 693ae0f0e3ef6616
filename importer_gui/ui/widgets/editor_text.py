"""The text of a plain text editor, every character as it holds it."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

PARAGRAPH = "\u2029"  # how the document's raw text ends each line


def plain_text(editor: QPlainTextEdit) -> str:
    """The editor's text, lines ended by "\\n": ``toPlainText`` would turn a non-breaking
    space into a space and a line separator (U+2028) into a line break, and so change a
    header, a file name or a sheet name the configuration finds its data by."""
    return editor.document().toRawText().replace(PARAGRAPH, "\n")
