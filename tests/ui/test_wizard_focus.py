"""The keyboard's place when the wizard changes page: on a control of the page shown (the
action chosen, on the action page), never left on the page the wizard hid, where a key
would still change the action or the XML without the user seeing it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN
from tests.ui.wizards import sample_preview


def focus_on_page(wizard: QWizard) -> QWidget:
    """The widget with the keyboard, asserted shown, on the page or a wizard button."""
    focus = QApplication.focusWidget()
    assert focus is not None
    assert focus.isVisible(), focus.objectName() or type(focus).__name__
    buttons = [wizard.button(which) for which in QWizard.WizardButton
               if which != QWizard.WizardButton.NoButton and which.value < 12]
    assert wizard.currentPage().isAncestorOf(focus) or focus in buttons
    return focus


def test_each_page_has_the_keyboard_forward_and_back(window: MainWindow, sample: Path,
                                                     qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    shown = []
    while wizard.currentId() != OPEN:
        wizard.back()
        shown.append(type(focus_on_page(wizard)).__name__)
    while wizard.currentId() != CONFIG:
        wizard.next()
        shown.append(type(focus_on_page(wizard)).__name__)
    assert shown == ["QPlainTextEdit", "FieldCombo", "QRadioButton", "QPushButton",
                     "QRadioButton", "FieldCombo", "QPlainTextEdit"]


def test_keys_on_the_mapping_page_change_neither_the_xml_nor_the_action(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    wizard.back()
    xml = wizard.config_page.editor.toPlainText()
    assert "<teacherLogin/>" in xml
    while wizard.currentId() != MAPPING:
        wizard.back()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_X)
    assert wizard.config_page.editor.toPlainText() == xml
    wizard.back()
    assert QApplication.focusWidget() is wizard.action_page.buttons[
        "createOrUpdateTeacherAction"]  # the action chosen, not the first
    wizard.next()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # the page's first field
    assert wizard.currentId() == MAPPING
    assert wizard.action_page.selected() == "createOrUpdateTeacherAction"


def test_back_on_the_action_page_is_on_the_action_chosen_in_french(
        french: None, window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    while wizard.currentId() != ACTION:
        wizard.back()
    assert QApplication.focusWidget() is wizard.action_page.buttons[
        "createOrUpdateTeacherAction"]
