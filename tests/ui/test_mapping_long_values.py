"""A comments column holding 200,000 characters in a cell: the mapping page's samples tooltip
shows its beginning, cut, not a tooltip of the whole text (unreadable, slow to show)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import SAMPLE
from importer_gui.ui.wizard import MAPPING
from tests.builders import write_csv
from tests.ui.test_hand_edits_kept import click
from tests.ui.wizards import cell, shown_text

LONG = "".join(f"Remarque {n}. " for n in range(20_000))  # about 250,000 characters


def test_a_huge_cell_is_cut_in_its_columns_samples_tooltip(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    data = write_csv(tmp_path / "learners.csv", [
        ["Identifiant", "Nom", "Commentaire"], ["zoe", "Zola", LONG], ["hugo", "Hugo", "RAS"]])
    wizard = window.wizard
    assert window.open_file(data)
    qtbot.waitUntil(wizard.open_page.isComplete, timeout=10_000)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == MAPPING
    page = wizard.mapping_page
    assert cell(page, 2, SAMPLE, Qt.ItemDataRole.ToolTipRole) == (
        f"Line 2: {LONG[:200]}…\nLine 3: RAS")
    shown = shown_text(page, 2, SAMPLE)
    assert shown.startswith("Remarque 0. Remarque 1.") and shown.endswith("…")
