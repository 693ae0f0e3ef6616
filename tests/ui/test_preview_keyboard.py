"""The preview by keyboard: Enter in the table corrects the cell; Enter on the page never
commits unless on the Commit button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.find_replace import FindReplaceDialog
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from tests.ui.wizards import teacher_previewed


def test_enter_in_the_table_edits_the_cell_and_commits_nothing(
        tmp_path: Path, qtbot: QtBot) -> None:
    state, wizard, page, _commit = teacher_previewed(tmp_path, qtbot)
    assert page.isComplete()  # one row to create: Commit would write it at once
    table = page.table
    table.setFocus()
    table.setCurrentIndex(page.model.index(0, 1))  # the outcome: nothing to edit there
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert wizard.currentPage() is page
    assert table.state() is QAbstractItemView.State.NoState
    table.setCurrentIndex(page.model.index(0, FIRST_VALUE_COLUMN + 1))  # the name, "Zoe"
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(table, key)
        assert table.state() is QAbstractItemView.State.EditingState
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == "Zoe"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Zoé")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the correction is made, and only that
    qtbot.waitUntil(lambda: table.state() is QAbstractItemView.State.NoState)
    assert page.model.data(page.model.index(0, FIRST_VALUE_COLUMN + 1)) == "Zoé"
    assert wizard.currentPage() is page
    with Store.open(state.store_path) as store:
        assert store.history() == []


def test_enter_in_the_messages_and_the_boxes_stays_on_the_preview(
        tmp_path: Path, qtbot: QtBot) -> None:
    state, wizard, page, _commit = teacher_previewed(tmp_path, qtbot)
    for widget in (page.summary_list, page.details, page.filter_box, page.import_box):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.wait(50)
        assert wizard.currentPage() is page, type(widget).__name__
    with Store.open(state.store_path) as store:
        assert store.history() == []
    commit = wizard.button(QWizard.WizardButton.NextButton)
    commit.setFocus()
    qtbot.keyClick(commit, Qt.Key.Key_Return)  # the Commit button itself still commits
    qtbot.waitUntil(lambda: wizard.currentPage() is not page)


def test_ctrl_f_opens_find_and_replace_on_the_current_column(
        tmp_path: Path, qtbot: QtBot) -> None:
    _state, _wizard, page, _commit = teacher_previewed(tmp_path, qtbot)
    assert page.replace_button.toolTip() == (
        "Replace a value in a column of the rows shown (Ctrl+F)")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, FIRST_VALUE_COLUMN + 3))  # the e-mail
    seen: list[str] = []

    def look_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FindReplaceDialog)
        seen.append(dialog.column_combo.currentText())
        dialog.reject()

    # Find, and Replace where the system has keys for it (Ctrl+H on Windows and GNOME)
    keys = [QKeySequence("Ctrl+F"),
            *QKeySequence.keyBindings(QKeySequence.StandardKey.Replace)]
    for n, key in enumerate(keys, start=1):
        page.window().activateWindow()  # back from the dialog closed
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window())
        page.table.setFocus()
        QTimer.singleShot(0, look_and_close)
        qtbot.keySequence(page.table, key)
        assert len(seen) == n, key.toString()
    assert set(seen) == {"Teacher's e-mail address — teacherEmail"}
