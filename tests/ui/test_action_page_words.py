"""The action page says how each action finds its records in the user's words, not by the
name of a configuration option."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION
from tests.builders import write_csv

LEARNERS = ("Creates or updates learners, found by their login (or the fields chosen in Find "
            "learners by, on the next page), with their entity and manager.")
LEARNERS_FR = ("Crée ou met à jour les apprenants, retrouvés par leur identifiant (ou les champs "
               "cochés dans Retrouver les apprenants par, à la page suivante), avec leur entité "
               "et leur responsable.")


def learners_summary(window: MainWindow, tmp_path: Path) -> str:
    """The learners' action's summary, as the action page shows it."""
    data = write_csv(tmp_path / "learners.csv", [["Identifiant", "Nom"], ["cbernard", "Bernard"]])
    assert window.wizard.open_file(data)
    window.wizard.next()
    assert window.wizard.currentId() == ACTION
    [text] = [label.text() for label in window.wizard.action_page.findChildren(QLabel)
              if "(createOrUpdateLearnerAction)" in label.text()]
    return text.split(" <span")[0]


def test_the_learners_action_says_how_learners_are_found(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    assert learners_summary(window, tmp_path) == LEARNERS
    window.grab().save(str(screenshots / "action-page-learners.png"))


def test_in_french(french: None, window: MainWindow, tmp_path: Path) -> None:
    assert learners_summary(window, tmp_path) == LEARNERS_FR
