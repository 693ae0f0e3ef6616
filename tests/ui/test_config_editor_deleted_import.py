"""An <import> deleted from the configuration's XML is gone from every page, and no other
one, empty, comes in its place; deleting the last one is refused, and undone with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN, PREVIEW
from tests.builders import (
    TRAINING_COLUMNS,
    ImportSpec,
    teachers_import,
    trainings_import,
    write_config,
    write_csv,
)
from tests.ui.wizards import shot

TEACHERS = ("mdupont", "Dupont", "Marie", "marie.dupont@example.org")
THREE_IMPORTS = [
    "1. teachers.csv (createOrUpdateTeacherAction)",
    "2. trainings.csv (createOrUpdateTrainingCourseAction)",
    "3. more-teachers.csv (createOrUpdateTeacherAction)"]

TWO_LEFT = [("teachers.csv", ["createOrUpdateTeacherAction"]),
            ("trainings.csv", ["createOrUpdateTrainingCourseAction"])]


def three_imports(folder: Path) -> Path:
    """Teachers, training courses, then more teachers: three imports of one configuration."""
    return write_config(folder, teachers_import(folder, [TEACHERS]),
                        trainings_import(folder, [("T1", "Sécurité", "")]),
                        teachers_import(folder, [TEACHERS], "more-teachers.csv"))


def editing_the_xml(window: MainWindow, config: Path, qtbot: QtBot, shown: int) -> ConfigPage:
    """``config`` opened, its import ``shown`` (0-based) chosen on the first page, and on
    through its action and mapping to the configuration page."""
    wizard = window.wizard
    assert wizard.open_file(config)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    while wizard.currentId() != OPEN:
        wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(shown)
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    while wizard.currentId() != CONFIG:
        wizard.next()
    return wizard.config_page


def imports_in(text: str) -> list[tuple[str, list[str]]]:
    """Each <import> of the XML text: its file and its actions."""
    return [(imp.provider.file_name, [action.name for action in imp.actions])
            for imp in config_xml.loads(text).imports]


def select(page: ConfigPage, start: int, end: int) -> None:
    """Select the editor's text from ``start`` to ``end``, as the mouse does."""
    cursor = page.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    page.editor.setTextCursor(cursor)


def element(text: str, number: int) -> tuple[int, int]:
    """Where the ``number``th (1-based) <import> element is in ``text``, its line end with it."""
    start = -1
    for _ in range(number):
        start = text.index("<import>", start + 1)
    return start, text.index("</import>", start) + len("</import>\n")


def delete(page: ConfigPage, qtbot: QtBot, start: int, end: int) -> None:
    """Select that text and press Delete, as a user does in the editor."""
    select(page, start, end)
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Delete)


def test_an_import_deleted_from_the_xml_is_gone_from_every_page(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = editing_the_xml(window, three_imports(tmp_path), qtbot, shown=2)
    wizard = window.wizard
    delete(page, qtbot, *element(page.editor.toPlainText(), 3))
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    left = page.editor.toPlainText()
    assert imports_in(left) == TWO_LEFT
    assert page.status_label.text() == "The configuration is valid."
    shot(wizard, screenshots, "config-import-deleted")
    while wizard.currentId() != OPEN:
        wizard.back()
    combo = wizard.open_page.import_combo
    assert [combo.itemText(i) for i in range(combo.count())] == THREE_IMPORTS[:2]
    assert combo.currentIndex() == 1  # the one before the deleted one is shown
    assert "trainings.csv" in wizard.open_page.file_label.text()
    assert wizard.open_page.isComplete()
    shot(wizard, screenshots, "open-after-import-deleted")
    wizard.next()
    assert wizard.currentId() == ACTION
    assert wizard.action_page.selected() == "createOrUpdateTrainingCourseAction"
    wizard.next()
    assert wizard.currentId() == MAPPING
    assert wizard.mapping_page.mapped_fields() == list(TRAINING_COLUMNS)
    wizard.next()
    assert wizard.currentId() == CONFIG
    assert imports_in(page.editor.toPlainText()) == TWO_LEFT  # no empty one came back


def test_deleting_an_import_before_the_edited_one_keeps_editing_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = editing_the_xml(window, three_imports(tmp_path), qtbot, shown=1)
    wizard = window.wizard
    delete(page, qtbot, *element(page.editor.toPlainText(), 1))
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    wizard.back()
    assert wizard.currentId() == MAPPING
    assert wizard.mapping_page.mapped_fields() == list(TRAINING_COLUMNS)
    while wizard.currentId() != OPEN:
        wizard.back()
    combo = wizard.open_page.import_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "1. trainings.csv (createOrUpdateTrainingCourseAction)",
        "2. more-teachers.csv (createOrUpdateTeacherAction)"]
    assert combo.currentIndex() == 0  # the trainings, now first
    assert "trainings.csv" in wizard.open_page.file_label.text()
    shot(wizard, screenshots, "open-after-import-before-deleted")
    wizard.next()
    assert wizard.action_page.selected() == "createOrUpdateTrainingCourseAction"


def test_a_file_chosen_for_an_import_stays_its_own_when_one_before_is_deleted(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    chosen = write_csv(elsewhere / "trainings.csv", [TRAINING_COLUMNS, ("T2", "Incendie", "")])
    folder = tmp_path / "configs"
    folder.mkdir()
    wizard = window.wizard
    editing_the_xml(window, three_imports(folder), qtbot, shown=1)
    while wizard.currentId() != OPEN:
        wizard.back()
    assert wizard.open_file(chosen)  # this month's file, for the trainings
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    while wizard.currentId() != CONFIG:
        wizard.next()
    page = wizard.config_page
    delete(page, qtbot, *element(page.editor.toPlainText(), 1))
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.status_label.text() == "The configuration is valid."
    assert window.state.choices.data_files[0] == chosen.resolve()


def untitled(folder: Path, file_name: str) -> ImportSpec:
    """A training-course import whose file has no title column (a mandatory field no column
    feeds, which the user may go on without)."""
    columns = ("trainingPathCode", "trainingGuid")
    write_csv(folder / file_name, [columns, ("T1", "")])
    return ImportSpec(file_name, columns, "createOrUpdateTrainingCourseAction")


def test_going_on_without_a_field_stays_with_its_import_when_another_is_deleted(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [TEACHERS]),
                          untitled(tmp_path, "b.csv"), untitled(tmp_path, "c.csv"))
    wizard = window.wizard
    assert wizard.open_file(config)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    while wizard.currentId() != OPEN:
        wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(1)  # b.csv
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    wizard.next()
    wizard.next()
    mapping = wizard.mapping_page
    assert mapping.confirm_check.isVisible() and not mapping.isComplete()
    mapping.confirm_check.setChecked(True)  # go on without the title, for b.csv
    wizard.next()
    page = wizard.config_page
    delete(page, qtbot, *element(page.editor.toPlainText(), 1))  # teachers.csv
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    wizard.back()
    assert wizard.currentId() == MAPPING
    assert mapping.confirm_check.isChecked() and mapping.isComplete()  # still b.csv's
    while wizard.currentId() != OPEN:
        wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(1)  # c.csv, now second
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    assert "c.csv" in wizard.open_page.file_label.text()
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING
    assert not mapping.confirm_check.isChecked() and not mapping.isComplete()  # never said


def test_an_import_deleted_in_two_steps_through_invalid_xml_is_gone(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = editing_the_xml(window, three_imports(tmp_path), qtbot, shown=2)
    wizard = window.wizard
    start, end = element(page.editor.toPlainText(), 3)
    delete(page, qtbot, start, start + len("<import>"))  # its start tag first
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=10_000)
    assert "not well-formed" in page.error_text() and not page.isComplete()
    delete(page, qtbot, start, end - len("<import>"))  # then the rest of it
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    left = page.editor.toPlainText()
    assert imports_in(left) == TWO_LEFT
    wizard.back()
    assert wizard.currentId() == MAPPING
    assert wizard.mapping_page.mapped_fields() == list(TRAINING_COLUMNS)
    wizard.next()
    assert imports_in(page.editor.toPlainText()) == TWO_LEFT


def test_deleting_the_only_import_is_said_and_ctrl_z_brings_it_back(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, [TEACHERS]))
    page = editing_the_xml(window, config, qtbot, shown=0)
    before = page.editor.toPlainText()
    delete(page, qtbot, *element(before, 1))
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=10_000)
    assert page.status_label.text() == (
        "<import-config> (line 2) holds no <import>; there is nothing to import.")
    assert not page.isComplete()
    imports = window.wizard.config_page.session.choices.config.imports
    assert [[a.name for a in imp.actions] for imp in imports] == [
        ["createOrUpdateTeacherAction"]]  # the wizard still holds the import
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == before
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.status_label.text() == "The configuration is valid."
