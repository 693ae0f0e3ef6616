"""The wizard by keyboard: Enter once a commit is done, Escape while a check or a commit
runs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.wizard import COMMIT, OPEN, PREVIEW
from tests.builders import TEACHER_COLUMNS, teachers_import, write_config
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


ROWS = "".join(f"t{n};Name {n};Name;t{n}@example.org\n" for n in range(3000))


def teachers_checked(window: MainWindow, folder: Path, qtbot: QtBot) -> None:
    """3,000 teachers opened from their configuration, on the preview once checked."""
    config = write_config(folder, teachers_import(folder, []))
    (folder / "teachers.csv").write_text(";".join(TEACHER_COLUMNS) + "\n" + ROWS,
                                         encoding="utf-8")
    assert window.open_file(config)
    page = window.wizard.preview_page
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW and page.isComplete(),
                    timeout=20_000)


def press_escape_while_it_runs(runner: TaskRunner, qtbot: QtBot, wizard: QWizard) -> None:
    """Escape pressed on the wizard's page at the work's first report (it runs at once)."""
    runner.synchronous = True
    pressed: list[int] = []

    def escape(*_: object) -> None:
        if not pressed:
            pressed.append(wizard.currentId())
            qtbot.keyClick(wizard.currentPage(), Qt.Key.Key_Escape)

    runner.progressed.connect(escape)


def test_escape_stops_a_running_commit_as_its_cancel_button_does(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    teachers_checked(window, tmp_path, qtbot)
    wizard, page = window.wizard, window.wizard.commit_page
    press_escape_while_it_runs(page.runner, qtbot, wizard)
    wizard.next()
    assert page.status.text() == "Cancelled: nothing was written."
    assert wizard.currentId() == COMMIT
    with Store.open(window.store_path) as store:
        assert store.history() == []


def test_escape_stops_a_running_check_as_its_cancel_button_does(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    teachers_checked(window, tmp_path, qtbot)
    page = window.wizard.preview_page
    press_escape_while_it_runs(page.runner, qtbot, window.wizard)
    page.recheck_button.click()
    assert page.progress_label.text() == (
        "Check cancelled: the rows shown are those of the last check.")
    assert page.model.rowCount() == 3000
