"""Typing in the configuration's XML as a power user: a pause mid-edit leaves the cursor
where the user types, and a valid edit keeps its undo history over a look back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from tests.ui.test_config_editor_mistakes import configuration_page, line_of
from tests.ui.test_hand_edits_kept import click
from tests.ui.test_unsaved_configuration import EMAIL

COMMENT = "<!-- Anne's -->"


def type_at(page: ConfigPage, qtbot: QtBot, at: int, typed: str) -> None:
    """Put the cursor at ``at`` in the XML and type ``typed`` there."""
    cursor = page.editor.textCursor()
    cursor.setPosition(at)
    page.editor.setTextCursor(cursor)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, typed)


def commented_then_back(window: MainWindow, page: ConfigPage,
                        qtbot: QtBot) -> tuple[str, int, str]:
    """A comment typed before ``<dateFormat>``, checked, then Back to the mapping page: the
    XML before it, where it went, the XML with it."""
    text = page.editor.toPlainText()
    at = text.index("<dateFormat>")
    type_at(page, qtbot, at, COMMENT)
    qtbot.waitUntil(lambda: page.isComplete(), timeout=3000)
    typed = page.editor.toPlainText()
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
    return text, at, typed


def undo_until(page: ConfigPage, qtbot: QtBot, text: str) -> None:
    """Ctrl+Z in the editor until it holds ``text`` (at most once a character of the comment)."""
    page.editor.setFocus()
    for _ in range(len(COMMENT)):
        if page.editor.toPlainText() == text:
            break
        qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_pause_mid_tag_leaves_the_cursor_where_the_user_types(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    at = text.index("</columnsMapping>")
    type_at(page, qtbot, at, "<teacherPhone ")
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=3000)  # the typing pause
    assert page.error_text().startswith("The configuration is not well-formed XML")
    qtbot.keyClicks(page.editor, "/>")  # the user goes on typing
    assert page.editor.toPlainText() == text[:at] + "<teacherPhone />" + text[at:]


def test_a_valid_edit_is_undone_after_a_look_at_the_mapping(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text, at, typed = commented_then_back(window, page, qtbot)
    click(qtbot, window.wizard, QWizard.WizardButton.NextButton)
    assert page.editor.toPlainText() == typed
    assert page.editor.textCursor().position() == at + len(COMMENT)
    undo_until(page, qtbot, text)
    assert page.editor.toPlainText() == text


def test_a_pasted_configuration_too_long_to_colour_is_shown_plain_then_coloured_again(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    start, end = text.index("  <import>"), text.index("</import-config>")
    long = text[:start] + text[start:end] * 200 + text[end:]  # 6,000 lines
    QApplication.clipboard().setText(long)
    page.editor.setFocus()
    page.editor.selectAll()
    qtbot.keyClick(page.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)  # the window idle once: nothing is coloured later either
    assert page.editor.toPlainText() == long
    assert colours(page, "<import>") == []
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == text
    qtbot.waitUntil(lambda: colours(page, "<import>") != [], timeout=3000)


def colours(page: ConfigPage, part: str) -> list[str]:
    """The colours Qt draws on the first line holding ``part``."""
    block = page.editor.document().findBlockByNumber(line_of(page.editor.toPlainText(), part) - 1)
    return [r.format.foreground().color().name() for r in block.layout().formats()]


def test_a_field_changed_on_the_mapping_keeps_the_cursor_and_what_can_be_undone(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text, _, typed = commented_then_back(window, page, qtbot)
    window.wizard.mapping_page.set_field(EMAIL, IGNORED_COLUMN)
    click(qtbot, window.wizard, QWizard.WizardButton.NextButton)
    changed = page.editor.toPlainText()
    assert changed == config_xml.dumps(page.session.choices.config)
    assert "teacherEmail" not in changed and COMMENT in changed
    cursor = page.editor.textCursor().position()
    assert changed[:cursor].endswith(COMMENT)  # where the user left it
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == typed  # the mapping's change is one step
    undo_until(page, qtbot, text)  # what was typed before can still be undone
    assert page.editor.toPlainText() == text
