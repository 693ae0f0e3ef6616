"""A configuration of many imports: the action and mapping pages name the file and which
import they show, and the configuration page opens its XML at that import's <import>, unless
the user left the cursor elsewhere for it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_hand_edits_kept import click
from tests.ui.wizards import sample_preview, shot


def on_page(window: MainWindow, sample: Path, qtbot: QtBot, index: int, page_id: int) -> None:
    """The sample's six imports opened, then its import ``index`` chosen on the open page,
    and on to ``page_id`` by Next."""
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    while wizard.currentId() != OPEN:
        wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(index)
    while wizard.currentId() != page_id:
        click(qtbot, wizard, QWizard.WizardButton.NextButton)


def import_line(text: str, index: int) -> int:
    """The line (from 1) of the ``index``th <import> in ``text``."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == "<import>"][index]


def shown_at(page: ConfigPage) -> tuple[int, int, str]:
    """The editor's first visible line, the cursor's line, and the text after the cursor on
    its line."""
    cursor = page.editor.textCursor()
    rest = cursor.block().text()[cursor.positionInBlock():]
    return page.editor.firstVisibleBlock().blockNumber() + 1, cursor.blockNumber() + 1, rest


def test_the_action_and_mapping_pages_name_the_file_and_its_import(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    on_page(window, sample, qtbot, 3, ACTION)  # the interventions, fourth of six
    wizard = window.wizard
    assert wizard.action_page.import_line.text() == "File interventions.xlsx (import 4 of 6)"
    assert wizard.action_page.import_line.isVisible()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == MAPPING
    shot(window, screenshots, "which-import-mapping")
    assert wizard.mapping_page.import_line.text() == "File interventions.xlsx (import 4 of 6)"
    assert wizard.mapping_page.import_line.isVisible()


def test_the_line_is_in_french(french: None, window: MainWindow, sample: Path,
                               qtbot: QtBot) -> None:
    on_page(window, sample, qtbot, 4, MAPPING)
    assert window.wizard.mapping_page.import_line.text() == (
        "Fichier learners.csv (import 5 sur 6)")


def test_the_configuration_opens_at_the_import_of_the_mapping(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    on_page(window, sample, qtbot, 3, CONFIG)
    page = window.wizard.config_page
    shot(window, screenshots, "which-import-configuration")
    line = import_line(page.editor.toPlainText(), 3)
    assert shown_at(page) == (line, line, "<import>")


def test_a_cursor_the_user_moved_stays_for_its_import_and_another_import_is_shown(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    on_page(window, sample, qtbot, 3, CONFIG)
    wizard, page = window.wizard, window.wizard.config_page
    text = page.editor.toPlainText()
    cursor = page.editor.textCursor()
    cursor.setPosition(text.index("<fileName>interventions.xlsx"))
    page.editor.setTextCursor(cursor)  # the user clicks on the file's name
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert page.editor.textCursor().position() == text.index("<fileName>interventions.xlsx")
    while wizard.currentId() != OPEN:
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    wizard.open_page.import_combo.setCurrentIndex(4)  # the learners
    while wizard.currentId() != CONFIG:
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    line = import_line(page.editor.toPlainText(), 4)
    assert shown_at(page) == (line, line, "<import>")


def test_one_import_is_not_numbered_and_its_xml_opens_at_the_top(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    wizard = window.wizard
    assert wizard.mapping_page.import_line.isHidden()
    assert wizard.action_page.import_line.isHidden()
    assert page.editor.textCursor().position() == 0
    assert page.editor.firstVisibleBlock().blockNumber() == 0
