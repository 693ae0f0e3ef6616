"""Enter on the mapping page goes on, as on the pages before it: in a field's open list it
chooses the item highlighted (the list closes, the page stays); list closed, it keeps the
choice and presses Next. Escape with a list open closes the list only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import GUID as GUID_COLUMN
from importer_gui.ui.wizard import CONFIG, MAPPING
from tests.ui.test_mapping_custom_and_codes import GUID, mapping
from tests.ui.wizards import editor, sample_preview


def focused() -> QWidget:
    """The widget with the keyboard."""
    focus = QApplication.focusWidget()
    assert focus is not None
    return focus


def on_the_mapping(window: MainWindow, sample: Path, qtbot: QtBot) -> QComboBox:
    """The sample back on its mapping, the keyboard on the first column's field."""
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    while wizard.currentId() != MAPPING:
        wizard.back()
    combo = focused()
    assert isinstance(combo, QComboBox) and combo.objectName() == "field_0"
    return combo


def test_enter_on_a_field_presses_next(window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    combo = on_the_mapping(window, sample, qtbot)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert window.wizard.currentId() == CONFIG


def open_list_on(combo: QComboBox, field: str, qtbot: QtBot) -> QWidget:
    """The field's list opened by keyboard, ``field`` highlighted in it: the list's view."""
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findData(field), 0))
    return view


def test_enter_in_a_field_s_list_chooses_then_enter_goes_on_with_it(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    on_the_mapping(window, sample, qtbot)
    wizard, page = window.wizard, window.wizard.mapping_page
    combo = editor(page, 3)  # the e-mail's column
    assert isinstance(combo, QComboBox)
    view = open_list_on(combo, "ignoredColumn", qtbot)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not view.isVisible()
    assert wizard.currentId() == MAPPING  # the choice only
    assert page.column_fields()[3] == "ignoredColumn"
    assert focused() is combo
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert wizard.currentId() == CONFIG
    assert "<teacherEmail/>" not in wizard.config_page.editor.toPlainText().split(
        "<columnsMapping>")[1].split("</columnsMapping>")[0]


def test_escape_in_a_field_s_list_closes_the_list_only(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    combo = on_the_mapping(window, sample, qtbot)
    wizard, page = window.wizard, window.wizard.mapping_page
    view = open_list_on(combo, "ignoredColumn", qtbot)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert wizard.isVisible() and wizard.currentId() == MAPPING
    assert page.column_fields()[0] == "teacherLogin"
    assert focused() is combo


def test_enter_presses_nothing_while_next_is_disabled(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    combo = on_the_mapping(window, sample, qtbot)
    wizard, page = window.wizard, window.wizard.mapping_page
    qtbot.keyClick(open_list_on(combo, "ignoredColumn", qtbot), Qt.Key.Key_Return)
    assert not page.isComplete()  # no column gives the teachers' login
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert wizard.isVisible() and wizard.currentId() == MAPPING


def test_enter_on_a_custom_field_s_guid_presses_next_with_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    data = tmp_path / "learners.csv"
    data.write_text("Matricule;Identifiant;Badge\nE1001;cbernard;B-17\n", encoding="utf-8")
    page = mapping(window, data, "createOrUpdateLearnerAction")
    page.set_field(2, "custom")
    badge = editor(page, 2, GUID_COLUMN)
    qtbot.keyClicks(badge, GUID)
    qtbot.keyClick(badge, Qt.Key.Key_Return)
    assert window.wizard.currentId() == CONFIG
    assert f"<guid>{GUID}</guid>" in window.wizard.config_page.editor.toPlainText()
