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
    # Where the step begins is where Ctrl+Z puts the cursor back: the user's, not the top.
    cursor.setPosition(editor.textCursor().position())
    cursor.beginEditBlock()
    # From the end, so the lines before keep their places.
    for i1, i2, j1, j2 in reversed(_differing(old, new)):
        cursor.setPosition(_line_start(document, i1))
        cursor.setPosition(_line_start(document, i2), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText("".join(new[j1:j2]))
    cursor.endEditBlock()


def _differing(old: list[str], new: list[str]) -> list[tuple[int, int, int, int]]:
    """The runs of lines [i1, i2) of ``old`` that ``new`` replaces by its lines [j1, j2).

    No line is junk: in a configuration of 200 lines or more, the lines every import repeats
    (``<fields>``, ``</columnsMapping>``) would be, and a mapping changed in one import came
    out as lines put in at one place and a run of lines taken out further on, the lines
    between them written anew (the cursor on them thrown off, a held edit's lines doubled).
    """
    # The lines alike at both ends are left out of the comparison, which without junk costs
    # the more the longer the text (a change within one import: the lines around it only).
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    matcher = SequenceMatcher(None, old[start:len(old) - end], new[start:len(new) - end],
                              autojunk=False)
    return [(start + i1, start + i2, start + j1, start + j2)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _lines(text: str) -> list[str]:
    """``text``'s lines, each with its "\\n": one per block of the document holding it."""
    lines = text.split("\n")  # not splitlines: a U+2028 stays within its block
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def _line_start(document: QTextDocument, line: int) -> int:
    """Where line number ``line`` (from 0) starts; past the last line, the end."""
    if line < document.blockCount():
        return document.findBlockByNumber(line).position()
    return document.characterCount() - 1


Change = tuple[int, int, list[str], bool]  # base lines [i1, i2) replaced; the user's change


def merged(base: str, mine: str, theirs: str) -> tuple[str, int | None]:
    """``mine`` and ``theirs``, each changed from ``base``, in one text: each one's changes
    where the other left the lines as they were; where both changed the same lines, the
    lines as ``mine`` has them. With the first line (from 1) of the text where ``theirs``
    was not taken, None when all of it was."""
    old = _lines(base)
    changes = sorted([*_changes(old, _lines(mine), True), *_changes(old, _lines(theirs), False)],
                     key=lambda change: change[:2])
    out: list[str] = []
    at, not_taken, k = 0, None, 0
    while k < len(changes):
        start, end = changes[k][:2]
        group = [changes[k]]
        k += 1
        while k < len(changes) and _overlaps(changes[k], start, end):
            end = max(end, changes[k][1])
            group.append(changes[k])
            k += 1
        out += old[at:start]
        ours = [change for change in group if change[3]]
        if ours and len(ours) < len(group):  # both changed these lines: the user's stay
            not_taken = len(out) + 1 if not_taken is None else not_taken
            group = ours
        out += _applied(old, start, end, group)
        at = end
    out += old[at:]
    return "".join(out), not_taken


def _changes(old: list[str], new: list[str], mine: bool) -> list[Change]:
    """The lines of ``old`` that ``new`` changes, each with what replaces them."""
    return [(i1, i2, new[j1:j2], mine) for i1, i2, j1, j2 in _differing(old, new)]


def _overlaps(change: Change, start: int, end: int) -> bool:
    """Whether ``change`` touches the lines [start, end) changed already: the same lines,
    or lines put in at the same place (in which order is for the user to say)."""
    return change[0] < end or change[0] == change[1] == start == end


def _applied(old: list[str], start: int, end: int, changes: list[Change]) -> list[str]:
    """``old``'s lines [start, end) with ``changes`` (one text's, apart) made to them."""
    out, at = [], start
    for i1, i2, lines, _mine in changes:
        out += old[at:i1] + lines
        at = i2
    return out + old[at:end]
