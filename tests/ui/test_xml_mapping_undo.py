"""A mapping changed in a long configuration (30 imports) comes into the XML page as one
step Ctrl+Z undoes whole: the lines around the change stay where they were, and so do the
cursor the user left in the import and the scroll, before and after the undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, MAPPING, OPEN
from tests.ui.conftest import Questions
from tests.ui.test_mapping_next_unchanged import EMAIL, back_to
from tests.ui.wizards import sample_preview

TEACHERS = 12  # the 13th import of 30: the sample's six imports five times over


def thirty_imports(sample: Path) -> None:
    """The sample's configuration with its six imports written five times over."""
    path = sample / "sample-config.xml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  <import>"), text.rindex("</import>\n") + len("</import>\n")
    path.write_text(text[:start] + text[start:end] * 5 + text[end:], encoding="utf-8")


def where(editor: QPlainTextEdit) -> tuple[int, str, int]:
    """The cursor's line (from 0), that line's text, and the first line in view."""
    block = editor.textCursor().block()
    return block.blockNumber(), block.text(), editor.firstVisibleBlock().blockNumber()


def test_a_mapping_change_in_a_long_configuration_is_undone_in_place(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    thirty_imports(sample)
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    back_to(window, OPEN)
    wizard.open_page.import_combo.setCurrentIndex(TEACHERS)
    while wizard.currentId() != CONFIG:
        wizard.next()
    editor = wizard.config_page.editor
    before = editor.toPlainText()
    assert before.count("<import>") == 30
    # The user puts the cursor on the import's <delimiter>, a few lines below its mapping.
    line = before.splitlines().index("        <delimiter>semicolon</delimiter>",
                                     editor.textCursor().blockNumber())
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(line).position() + 8)
    editor.setTextCursor(cursor)
    shown = where(editor)
    wizard.go_back()
    assert wizard.currentId() == MAPPING
    wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    wizard.next()
    assert wizard.currentId() == CONFIG
    assert '          <ignoredColumn ia:header="Courriel"/>\n' in editor.toPlainText()
    assert where(editor) == shown
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == before
    assert where(editor) == shown
    assert not editor.document().isUndoAvailable()
    questions.answers.append("Discard them and quit")
    assert window.close()
