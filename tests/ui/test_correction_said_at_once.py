"""A cell corrected in the preview (typed, then Enter) is said everywhere at once: the
messages list, the counts and the Selected row agree as soon as the window has taken the
edit in, with no pause; a replace of thousands of cells still builds the list once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from importer_gui.ui.find_replace import FindReplaceDialog
from importer_gui.ui.language import ENGLISH
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, RowFilter
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.test_preview_commit import EMAIL, teacher_state, view_row
from tests.ui.wizards import preview_and_commit, shot

WRONG = "1 × ERROR: Teacher's e-mail address — teacherEmail: adam-at-example is not an " \
        "e-mail address."
EMPTY_LOGIN = "1 × ERROR: Teacher's login — teacherLogin is empty."


def type_into(page: PreviewPage, line: int, column: int, text: str, qtbot: QtBot) -> None:
    """Go to a cell, open its editor with F2, type ``text`` over it and press Enter, then
    let the window take it in: one pass of its events, no waiting."""
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(view_row(page, line), column))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def outcome_of(page: PreviewPage, line: int) -> str:
    return page.model.data(page.model.index(view_row(page, line), 1))


def test_a_typed_correction_leaves_the_list_with_the_counts_and_the_selected_row(
        tmp_path: Path, qtbot: QtBot, speaking: str, screenshots: Path) -> None:
    _wizard, page, _commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    page.set_filter(RowFilter.ERRORS)
    every_row, *messages = page.summary()
    if speaking == ENGLISH:
        assert messages == [WRONG, EMPTY_LOGIN] and "2 with errors" in page.counts_label.text()
    counts_before, outcome_before = page.counts_label.text(), outcome_of(page, 4)
    type_into(page, 4, EMAIL, "adam@example.org", qtbot)
    assert page.summary() == [every_row, messages[1]]  # the old error is gone already
    assert page.counts_label.text() != counts_before
    assert outcome_of(page, 4) != outcome_before  # shown under "errors only" till chosen again
    _row, corrected = page.details.toPlainText().splitlines()  # no message left
    assert "adam-at-example" in corrected and "adam@example.org" in corrected
    if speaking == ENGLISH:
        assert "1 with errors" in page.counts_label.text()
        assert page.details.toPlainText() == (
            "Line 4 of teachers.csv: create\n"
            "Corrected: Teacher's e-mail address — teacherEmail, “adam-at-example” → "
            "“adam@example.org”")
    else:
        # The panel gives its non-breaking spaces back as spaces.
        assert corrected == "Correction : Courriel du formateur — teacherEmail, " \
            "« adam-at-example » → « adam@example.org »"
    shot(page, screenshots, f"correction-said-at-once-{speaking}")


def test_the_message_chosen_corrected_away_shows_every_row_on_the_corrected_cell(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    _wizard, page, _commit = preview_and_commit(teacher_state(tmp_path), qtbot)
    page.summary_list.setCurrentIndex(page.messages.index(1))  # the wrong e-mail: one row
    assert [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())] \
        == [4]
    type_into(page, 4, EMAIL, "adam@example.org", qtbot)
    assert page.summary() == ["Every row (no message chosen)", EMPTY_LOGIN]
    assert page.summary_list.currentIndex().row() == 0
    assert page.model.rowCount() == 4
    current = page.table.currentIndex()
    assert (page.model.data(page.model.index(current.row(), 0)), current.column()) == (4, EMAIL)
    assert page.table.hasFocus()  # the keyboard stays in the table, not in the list
    assert page.details.toPlainText().startswith("Line 4 of teachers.csv: create\n")
    shot(page, screenshots, "correction-said-at-once-every-row-again")


def test_a_replace_of_thousands_of_cells_builds_the_list_once(
        tmp_path: Path, qtbot: QtBot) -> None:
    rows = "".join(f"t{n};Name {n};t{n}-at-example.org\n" for n in range(3000))
    rows += "zoe;Zoe;zoe@example.org\n"  # a row to commit: the page is complete once checked
    _wizard, page, _commit = preview_and_commit(
        teacher_state(tmp_path, "Login;Name;E-mail\n" + rows), qtbot)
    assert page.messages.rowCount() == 3001  # each wrong address its own message
    built: list[int] = []
    page.summary_list.model().modelReset.connect(lambda: built.append(1))
    dialog = FindReplaceDialog(page.model, page)
    qtbot.addWidget(dialog)
    dialog.choose_column(EMAIL - FIRST_VALUE_COLUMN)
    dialog.find_edit.setText("-at-")
    dialog.replace_edit.setText("@")
    with qtbot.waitSignal(dialog.done, timeout=20_000):
        dialog.replace_all()
    assert dialog.result_label.text() == "3000 cells corrected."
    assert page.summary() == ["Every row (no message chosen)"]
    QApplication.processEvents()  # the rows corrected together, taken in once more
    assert page.summary() == ["Every row (no message chosen)"]
    assert len(built) == 1
