"""Keyboard: Tab goes through the open page to Next, a read-only table one stop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from tests.builders import write_csv


def test_tab_leaves_the_first_rows_table_in_one_press(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    rows = [["Matricule", "Nom", "Prénom", "Courriel", "Service", "Site", "Actif", "Langues"]]
    rows += [[f"E{i}", "Bernard", "Claire", "c@example.org", "RH", "Lyon", "Y", "fr-FR"]
             for i in range(10)]
    assert window.open_file(write_csv(tmp_path / "july.csv", rows))
    wizard = window.wizard
    window.activateWindow()
    wizard.open_page.open_button.setFocus()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    chain = []
    for _ in range(15):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
        if chain[-1] is next_button:
            break
    assert next_button in chain, [type(w).__name__ for w in chain]
    assert chain.count(wizard.open_page.head_view) == 1
