"""The keyboard alone goes through every page: Tab leaves the XML as it leaves any field,
the mapping's scrolled rows are no Tab stop of their own, and a check's end leaves the
keyboard on the rows' table rather than on the words of the selected row."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, MAPPING
from tests.ui.wizards import sample_preview


def focused() -> QWidget:
    """The widget with the keyboard."""
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def press(qtbot: QtBot, key: Qt.Key, shift: bool = False) -> QWidget:
    """A key pressed where the keyboard is; where it is then."""
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(focused(), key, modifier)
    return focused()


def test_tab_and_shift_tab_leave_the_xml_unchanged(window: MainWindow, sample: Path,
                                                   qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    while wizard.currentId() != CONFIG:
        wizard.back()
    page = wizard.config_page
    xml = page.editor.toPlainText()
    assert focused() is page.editor
    assert press(qtbot, Qt.Key.Key_Tab) is page.save_as_button
    assert press(qtbot, Qt.Key.Key_Backtab, shift=True) is page.editor
    assert press(qtbot, Qt.Key.Key_Backtab, shift=True) is not page.editor
    assert page.editor.toPlainText() == xml
    assert page.isComplete()


def test_shift_tab_from_the_first_field_leaves_the_mapping_s_rows(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    while wizard.currentId() != MAPPING:
        wizard.back()
    first = focused()
    assert first.objectName() == "field_0"
    before = press(qtbot, Qt.Key.Key_Backtab, shift=True)
    assert not isinstance(before, QScrollArea)
    assert before.isVisible() and not wizard.mapping_page.isAncestorOf(before)  # Next
    assert press(qtbot, Qt.Key.Key_Tab).objectName() == "field_0"  # the first field again


def test_a_check_ends_with_the_keyboard_on_the_rows(window: MainWindow, sample: Path,
                                                    qtbot: QtBot) -> None:
    window.activateWindow()
    page = sample_preview(window, sample, qtbot)
    assert focused() is page.table  # the wizard gave Cancel check the keyboard
    page.recheck_button.setFocus()
    during: list[QWidget] = []
    page.runner.synchronous = True
    page.runner.started.connect(lambda: during.append(focused()))
    qtbot.keyClick(page.recheck_button, Qt.Key.Key_Space)  # Check again
    assert page.shows_plan() and not page.is_checking()
    assert during[0] is page.progress_row.cancel_button  # not on to the next control
    assert focused() is page.table


def test_a_check_ends_with_the_keyboard_where_the_user_put_it(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    window.activateWindow()
    page = sample_preview(window, sample, qtbot)
    page.runner.synchronous = True
    moved: list[QWidget] = []

    def tab_away() -> None:
        if not moved:
            moved.append(press(qtbot, Qt.Key.Key_Tab))  # from Cancel check

    page.runner.started.connect(tab_away)
    page.recheck_button.setFocus()
    qtbot.keyClick(page.recheck_button, Qt.Key.Key_Space)
    assert not page.is_checking()
    assert moved[0] is not page.progress_row.cancel_button
    assert focused() is moved[0]
