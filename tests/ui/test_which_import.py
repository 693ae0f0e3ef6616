"""A configuration of many imports: the action and mapping pages name the file and which
import they show."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, MAPPING, OPEN
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


def test_one_import_is_not_numbered(window: MainWindow, sample: Path) -> None:
    configuration_page(window, sample)
    wizard = window.wizard
    assert wizard.mapping_page.import_line.isHidden()
    assert wizard.action_page.import_line.isHidden()
