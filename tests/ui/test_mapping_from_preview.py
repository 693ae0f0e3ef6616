"""A configuration of many imports: from a file seen in the preview, one button goes to that
file's mapping (that import edited, as the open page's Import box makes it), and Next from
there comes back to the preview on that file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN, PREVIEW
from tests.ui.test_hand_edits_kept import click
from tests.ui.wizards import sample_preview, shot

INTERVENTIONS = ["Identifiant", "Code formation", "Session", "Début", "Durée (h)",
                 "Salle (id)", "Salle", "Places", "Formateur", "Statut"]
LEARNERS = ["Matricule", "Identifiant", "Courriel", "Nom de l'apprenant", "Prénom de l'apprenant",
            "Actif", "Valide jusqu'au", "Langues", "Manager"]


def test_the_preview_s_file_is_one_button_from_its_mapping_and_back(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    wizard = window.wizard
    box = page.import_box
    box.setCurrentIndex(box.findData(3))  # the interventions, fourth of six
    shot(window, screenshots, "mapping-from-preview")
    button = page.mapping_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert wizard.currentId() == MAPPING
    mapping = wizard.mapping_page
    shot(window, screenshots, "mapping-from-preview-mapping")
    assert mapping.import_line.text() == "File interventions.xlsx (import 4 of 6)"
    assert [row.title for row in mapping.rows] == INTERVENTIONS
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == CONFIG
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == PREVIEW
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert box.currentText() == "interventions.xlsx (4 with errors)"
    assert [imp.file.name for imp in page.model.imports()] == ["interventions.xlsx"]


def mapping_from_preview(window: MainWindow, qtbot: QtBot, index: int) -> None:
    """On the preview, the file of import ``index`` chosen, then its mapping by the button."""
    page = window.wizard.preview_page
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    page.import_box.setCurrentIndex(page.import_box.findData(index))
    qtbot.mouseClick(page.mapping_button, Qt.MouseButton.LeftButton)
    assert window.wizard.currentId() == MAPPING


def test_back_from_that_mapping_shows_its_import_on_the_earlier_pages(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    sample_preview(window, sample, qtbot)
    wizard = window.wizard
    while wizard.currentId() != ACTION:  # the teachers' action looked at
        click(qtbot, wizard, QWizard.WizardButton.BackButton)
    while wizard.currentId() != PREVIEW:
        click(qtbot, wizard, QWizard.WizardButton.NextButton)
    mapping_from_preview(window, qtbot, 4)  # the learners
    assert [row.title for row in wizard.mapping_page.rows] == LEARNERS
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentId() == ACTION
    assert wizard.action_page.import_line.text() == "File learners.csv (import 5 of 6)"
    assert wizard.action_page.selected() == "createOrUpdateLearnerAction"
    click(qtbot, wizard, QWizard.WizardButton.BackButton)
    assert wizard.currentId() == OPEN
    assert wizard.open_page.import_combo.currentIndex() == 4
    assert "learners.csv" in wizard.open_page.file_label.text()


def test_all_files_have_no_one_mapping_to_go_to(window: MainWindow, sample: Path,
                                                qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(-1))
    assert page.import_box.currentText() == "All files"
    assert not page.mapping_button.isEnabled()
    page.import_box.setCurrentIndex(page.import_box.findData(2))
    assert page.mapping_button.isEnabled()


def test_the_button_is_in_french(french: None, window: MainWindow, sample: Path,
                                 qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    assert page.mapping_button.text() == "Mo&difier les colonnes de ce fichier"
