"""The cell in error brought into sight: choosing a message, or a row by its line or outcome,
makes the row's cell with the issue the current one, scrolled to however far right it is, so
that F2 or typing corrects it; browsing with the arrow keys moves nowhere else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, LINE_COLUMN
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.ui.test_preview_commit import teacher_state, view_row
from tests.ui.wizards import preview_and_commit, shot

NOTES = 4  # wide columns of notes before the e-mail, which starts off-screen
EMAIL = FIRST_VALUE_COLUMN + 2 + NOTES  # Line, Outcome, Login, Name, the notes, E-mail
WRONG_LINE = 37
WRONG = "1 × ERROR: Teacher's e-mail address — teacherEmail: adam-at-example is not an " \
        "e-mail address."


def wide_teachers(tmp_path: Path) -> WizardState:
    """Forty teachers with long notes; line 37's e-mail is wrong."""
    notes = ";".join(f"Note {n}" for n in range(NOTES))
    lines = [f"Login;Name;{notes};E-mail"]
    for line in range(2, 42):
        email = "adam-at-example" if line == WRONG_LINE else f"t{line}@example.org"
        words = ";".join(f"Taught the session of line {line} in the big room, {n}"
                         for n in range(NOTES))
        lines.append(f"t{line};Teacher {line};{words};{email}")
    return teacher_state(tmp_path, "\n".join(lines) + "\n", NOTES)


def narrow_preview(tmp_path: Path, qtbot: QtBot) -> tuple[QWizard, PreviewPage]:
    """The wide file checked in a window narrower than its columns (the wizard kept)."""
    wizard, page, _commit = preview_and_commit(wide_teachers(tmp_path), qtbot)
    wizard.resize(1000, 700)
    QApplication.processEvents()
    assert page.table.horizontalScrollBar().value() == 0
    assert not in_sight(page, page.model.index(0, EMAIL))  # off-screen to the right
    return wizard, page


def in_sight(page: PreviewPage, index: QModelIndex) -> bool:
    """The cell is wholly within the table's viewport."""
    return page.table.viewport().rect().contains(page.table.visualRect(index))


def line_of(page: PreviewPage, index: QModelIndex) -> int:
    return page.model.data(page.model.index(index.row(), LINE_COLUMN))


def test_choosing_the_message_makes_its_cell_current_in_sight_and_f2_corrects_it(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    _wizard, page = narrow_preview(tmp_path, qtbot)
    assert page.summary()[1] == WRONG
    page.summary_list.setCurrentIndex(page.messages.index(1))
    current = page.table.currentIndex()
    assert (line_of(page, current), current.column()) == (WRONG_LINE, EMAIL)
    assert page.table.horizontalScrollBar().value() > 0
    assert in_sight(page, current)
    assert page.details.toPlainText().startswith("Line 37 of teachers.csv: error\n")
    shot(page.window(), screenshots, "error-in-sight-message")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "adam-at-example"


def test_clicking_a_row_s_line_goes_to_its_error_and_the_arrow_keys_go_nowhere_else(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    _wizard, page = narrow_preview(tmp_path, qtbot)
    table, model = page.table, page.model
    row = view_row(page, WRONG_LINE)
    table.scrollTo(model.index(row, LINE_COLUMN))
    line = model.index(row - 1, LINE_COLUMN)  # line 36, without an issue: stays as it is
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(line).center())
    assert table.currentIndex() == line
    assert table.horizontalScrollBar().value() == 0
    qtbot.keyClick(table, Qt.Key.Key_Down)  # browsing onto line 37: no jump
    assert table.currentIndex() == model.index(row, LINE_COLUMN)
    assert table.horizontalScrollBar().value() == 0
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(model.index(row, LINE_COLUMN)).center())
    current = table.currentIndex()
    assert (line_of(page, current), current.column()) == (WRONG_LINE, EMAIL)
    assert table.horizontalScrollBar().value() > 0
    assert in_sight(page, current)
    shot(page.window(), screenshots, "error-in-sight-line-clicked")


def test_the_row_s_line_stays_in_sight_beside_its_error_far_right(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    _wizard, page = narrow_preview(tmp_path, qtbot)
    table, lines = page.table, page.table.verticalHeader()
    assert lines.isHidden()  # the Line column says them
    page.summary_list.setCurrentIndex(page.messages.index(1))
    current = table.currentIndex()
    assert not in_sight(page, page.model.index(current.row(), LINE_COLUMN))
    assert in_sight(page, current)
    assert lines.isVisible()
    assert page.model.headerData(current.row(), Qt.Orientation.Vertical) == WRONG_LINE
    assert lines.sectionViewportPosition(current.row()) == table.rowViewportPosition(
        current.row())
    shot(page.window(), screenshots, "error-in-sight-with-its-line")
    table.horizontalScrollBar().setValue(0)
    assert lines.isHidden()  # the Line column again
