"""Finding and replacing in the configuration's XML from the keyboard: Ctrl+F opens a bar
under the editor that finds as the user types, F3 and Enter go on (around the end), Ctrl+H
replaces one match or all of them in one undo step, Esc gives the editor the keyboard back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.widgets.find_bar import matches_in
from tests.ui.test_config_editor_mistakes import configuration_page

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def put_cursor(page: ConfigPage, at: int, length: int = 0) -> None:
    """The editor's cursor at ``at`` (selecting ``length`` characters), the keyboard there."""
    cursor = page.editor.textCursor()
    cursor.setPosition(at)
    cursor.setPosition(at + length, cursor.MoveMode.KeepAnchor)
    page.editor.setTextCursor(cursor)
    page.editor.setFocus()


def selected(page: ConfigPage) -> tuple[int, str]:
    """Where the editor's selection starts, and its text."""
    cursor = page.editor.textCursor()
    return cursor.selectionStart(), cursor.selectedText()


def find(page: ConfigPage, qtbot: QtBot, typed: str) -> None:
    """Ctrl+F in the editor, then ``typed`` in the find field."""
    qtbot.keyClick(page.editor, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(page.find_bar.find_field, typed)


def found(window: MainWindow, sample: Path, qtbot: QtBot, typed: str) -> tuple[ConfigPage, str]:
    """The sample's configuration page, the cursor at the start of its XML, Ctrl+F and
    ``typed``: the page, and its XML."""
    page = configuration_page(window, sample)
    put_cursor(page, 0)
    find(page, qtbot, typed)
    return page, page.editor.toPlainText()


def test_ctrl_f_finds_as_the_user_types_from_the_cursor(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    assert not page.find_bar.isVisible()
    put_cursor(page, text.index("<columnsMapping>"))
    find(page, qtbot, "teacherN")
    bar = page.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.find_field
    assert selected(page) == (text.index('<teacherName ia:header="Nom"/>') + 1, "teacherN")
    assert bar.count_label.text() == "1 of 2"  # the mapping's, then the action's field
    qtbot.keyClicks(bar.find_field, "x")
    assert bar.count_label.text() == "Not found"


def test_ctrl_f_searches_the_selection(window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    put_cursor(page, text.index("teacherEmail"), len("teacherEmail"))
    qtbot.keyClick(page.editor, Qt.Key.Key_F, CTRL)
    bar = page.find_bar
    assert bar.find_field.text() == "teacherEmail"
    assert bar.find_field.selectedText() == "teacherEmail"  # typing replaces it
    assert bar.count_label.text() == "1 of 2"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    put_cursor(page, text.index("semicolon"), len("semicolon"))
    qtbot.keyClick(page.editor, Qt.Key.Key_F, CTRL)  # another selection searched
    assert (bar.find_field.text(), bar.count_label.text()) == ("semicolon", "1 of 1")


def test_esc_in_the_editor_closes_the_bar(window: MainWindow, sample: Path,
                                         qtbot: QtBot) -> None:
    page, _ = found(window, sample, qtbot, "import")
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Escape)
    assert not page.find_bar.isVisible() and QApplication.focusWidget() is page.editor


def test_enter_and_f3_go_on_around_the_end_and_back(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page, text = found(window, sample, qtbot, "teacherLogin")
    first, second = text.index("<teacherLogin "), text.index("<teacherLogin/>")
    field = page.find_bar.find_field
    assert selected(page) == (first + 1, "teacherLogin")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert (selected(page), page.find_bar.count_label.text()) == ((second + 1, "teacherLogin"),
                                                                  "2 of 2")
    qtbot.keyClick(field, Qt.Key.Key_F3)
    assert (selected(page), page.find_bar.count_label.text()) == ((first + 1, "teacherLogin"),
                                                                  "1 of 2")
    qtbot.keyClick(field, Qt.Key.Key_Return, SHIFT)  # before the first: the last
    assert selected(page)[0] == second + 1
    qtbot.keyClick(field, Qt.Key.Key_F3, SHIFT)
    assert selected(page)[0] == first + 1
    assert page.editor.toPlainText() == text and page.isComplete()  # Enter went nowhere else


def test_match_case(window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page, text = found(window, sample, qtbot, "Teacher")
    bar = page.find_bar
    assert bar.count_label.text() == f"1 of {text.lower().count('teacher')}"
    bar.case_box.click()
    assert bar.count_label.text() == "1 of 2"  # the action's opening and closing tags
    assert selected(page) == (text.index("TeacherAction"), "Teacher")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(bar.find_field, "R")
    assert bar.count_label.text() == "Not found"


def test_esc_gives_the_editor_the_keyboard_with_the_match_selected(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page, text = found(window, sample, qtbot, "dateFormat")
    qtbot.keyClick(page.find_bar.find_field, Qt.Key.Key_Escape)
    assert not page.find_bar.isVisible()
    assert QApplication.focusWidget() is page.editor
    assert selected(page) == (text.index("dateFormat"), "dateFormat")
    assert window.wizard.currentPage() is page


def test_replace_goes_through_the_page_s_check_like_typing(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    put_cursor(page, 0)
    qtbot.keyClick(page.editor, Qt.Key.Key_H, CTRL)
    bar = page.find_bar
    assert bar.replace_field.isVisible()
    qtbot.keyClicks(bar.find_field, "<fields>")
    bar.replace_field.setFocus()
    qtbot.keyClicks(bar.replace_field, "<field>")
    qtbot.keyClick(bar.replace_field, Qt.Key.Key_Return)  # Replace
    assert page.editor.toPlainText() == text.replace("<fields>", "<field>")
    assert bar.count_label.text() == "Not found"
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=3000)  # the typing pause
    assert page.error_text().startswith("The configuration is not well-formed XML")
    assert not page.isComplete()


def test_replace_all_is_undone_by_one_ctrl_z(window: MainWindow, sample: Path,
                                             qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    put_cursor(page, text.index("<actions>"))
    qtbot.keyClick(page.editor, Qt.Key.Key_H, CTRL)
    bar = page.find_bar
    qtbot.keyClicks(bar.find_field, "teacher")
    qtbot.keyClicks(bar.replace_field, "trainer")
    bar.case_box.click()  # not the action's Teacher
    many = text.count("teacher")
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    assert page.editor.toPlainText() == text.replace("teacher", "trainer")
    assert bar.count_label.text() == f"{many} replaced"
    after = text.replace("teacher", "trainer")
    at = after.index("<trainerLogin/>") + len("<trainer")  # the match the cursor was on
    assert page.editor.textCursor().position() == at
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=3000)  # checked again
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, CTRL)
    assert page.editor.toPlainText() == text
    qtbot.waitUntil(page.isComplete, timeout=3000)


def test_tab_leaves_the_editor_for_the_bar_s_field_once_open(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page, _ = found(window, sample, qtbot, "import")
    qtbot.keyClick(page.find_bar.find_field, Qt.Key.Key_Escape)
    qtbot.keyClick(page.editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.save_as_button  # the bar closed is no stop
    qtbot.keyClick(page.editor, Qt.Key.Key_F, CTRL)
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.find_bar.find_field


def test_matches_are_counted_in_the_document_s_positions() -> None:
    text = "😀 <a/>\n<A/> é <a/>"  # the emoji is two positions in the document
    assert matches_in(text, "<a/>", match_case=True) == [(3, 7), (15, 19)]
    assert matches_in(text, "<a/>", match_case=False) == [(3, 7), (8, 12), (15, 19)]
    assert matches_in(text, "", match_case=False) == []
