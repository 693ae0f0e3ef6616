"""Colours for the configuration XML: tags, attributes, values, comments and text."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from importer_gui.ui.styles import current, on_scheme_change

_TAG = re.compile(r"</?[\w:.-]+|/?>|<\?[\w:.-]+|\?>")
# Only from a name's first character: tried at every character of a long word (a 30 KB
# header, a comment), the name's match and its failure made each line's colouring quadratic.
_ATTRIBUTE = re.compile(r"(?<![\w:.-])([\w:.-]+)\s*=")
_VALUE = re.compile(r"\"[^\"]*\"|'[^']*'")
_COMMENT_START = "<!--"
_COMMENT_END = "-->"
_IN_COMMENT = 1  # block state: the block ends inside an unfinished comment
# Qt colours every line a change touches before the window draws again, some 15 µs a line
# whatever the colouring does: a pasted configuration of 36,000 lines held the window 0.6 s.
# Longer ones are shown in plain text, coloured again once back under.
MOST_LINES = 5_000
# A line's tags, attributes and values are coloured up to here, the rest left plain: each
# keystroke colours its whole line again, and a 68,000-character line of attributes took
# the window some 80 ms a key (the formats cost Qt's layout more than finding them).
MOST_COLOURED = 3_000


def _format(colour: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    """A character format in one colour."""
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class XmlHighlighter(QSyntaxHighlighter):
    """Highlights XML line by line; comments may span lines. A document over ``MOST_LINES``
    lines is left in plain text."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._document = document
        # Told of each change before the colouring is: connected while detached, so first.
        self.setDocument(None)
        document.contentsChange.connect(self._follow_length)
        self.setDocument(document)
        self._set_formats()
        on_scheme_change(self._scheme_changed)

    def _set_formats(self) -> None:
        """The formats in the colour scheme in use; distinct for colour-blind users by
        weight and slant too."""
        scheme = current()
        self.tag_format = _format(scheme.xml_tag, bold=True)
        self.attribute_format = _format(scheme.xml_attribute)
        self.value_format = _format(scheme.xml_value)
        self.comment_format = _format(scheme.xml_comment, italic=True)

    def _scheme_changed(self) -> None:
        """The document coloured again in the new scheme's colours (unless too long)."""
        self._set_formats()
        if self.colouring():
            self.rehighlight()

    def colouring(self) -> bool:
        """Whether the document is coloured (not over ``MOST_LINES`` lines)."""
        return self.document() is not None

    def _follow_length(self, _position: int, _removed: int, _added: int) -> None:
        """Colouring stopped before a change makes the document too long to colour, and
        taken up again (all of it, once the window is idle) when it is short again."""
        short = self._document.blockCount() <= MOST_LINES
        if short != self.colouring():
            self.setDocument(self._document if short else None)

    def highlightBlock(self, text: str) -> None:
        """Colour one line."""
        self.setCurrentBlockState(0)
        self._highlight_markup(text[:MOST_COLOURED])
        self._highlight_comments(text)

    def _highlight_markup(self, text: str) -> None:
        """Tags, and the attributes and values inside them."""
        for match in _TAG.finditer(text):
            self.setFormat(match.start(), match.end() - match.start(), self.tag_format)
        for match in _ATTRIBUTE.finditer(text):
            if self._inside_tag(text, match.start()):
                self.setFormat(match.start(1), match.end(1) - match.start(1),
                               self.attribute_format)
        for match in _VALUE.finditer(text):
            if self._inside_tag(text, match.start()):
                self.setFormat(match.start(), match.end() - match.start(), self.value_format)

    @staticmethod
    def _inside_tag(text: str, pos: int) -> bool:
        """True when ``pos`` is between a '<' and its '>' (attributes live only there)."""
        return text.rfind("<", 0, pos) > text.rfind(">", 0, pos)

    def _highlight_comments(self, text: str) -> None:
        """Comments last, so they override anything inside them."""
        start = 0 if self.previousBlockState() == _IN_COMMENT else text.find(_COMMENT_START)
        while start >= 0:
            end = text.find(_COMMENT_END, start)
            length = (end + len(_COMMENT_END) if end >= 0 else len(text)) - start
            if start < MOST_COLOURED:  # further ones are looked for only to end in one
                self.setFormat(start, length, self.comment_format)
            if end < 0:
                self.setCurrentBlockState(_IN_COMMENT)
                return
            start = text.find(_COMMENT_START, start + length)
