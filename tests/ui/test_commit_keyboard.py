"""The commit page by keyboard: where Enter goes once the commit is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import OPEN
from tests.ui.wizards import sample_preview


def test_enter_after_a_commit_finishes_rather_than_going_back_to_check_again(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    window.activateWindow()
    wizard = window.wizard
    sample_preview(window, sample, qtbot)
    commit = wizard.button(QWizard.WizardButton.NextButton)
    commit.setFocus()
    qtbot.keyClick(commit, Qt.Key.Key_Return)
    page = wizard.commit_page
    qtbot.waitUntil(lambda: page.status.text().startswith("Committed: run 1"), timeout=20_000)
    qtbot.wait(20)  # the wizard lays out its buttons
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentId() == OPEN  # Finish: a new import, not the preview checking again
    with Store.open(window.store_path) as store:
        assert [run.id for run in store.history()] == [1]

