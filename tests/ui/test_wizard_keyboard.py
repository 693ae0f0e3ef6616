"""The wizard by keyboard and quick hands: Enter once a commit is done, Escape while a check
or a commit runs, each Alt+letter one control's, a button pressed twice."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.store_browser import StoreBrowser
from importer_gui.ui.tasks import TaskRunner
from importer_gui.ui.wizard import COMMIT, OPEN, PREVIEW
from tests.builders import TEACHER_COLUMNS, teachers_import, write_config
from tests.ui.test_alt_letters import clashes
from tests.ui.test_nothing_lost import slow_commit
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


def test_in_french_each_alt_letter_of_the_commit_page_is_one_buttons(
        sample: Path, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
        french: None) -> None:
    window = MainWindow(tmp_path / "store.sqlite3")  # built once French is installed
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    sample_preview(window, sample, qtbot)
    page = window.wizard.commit_page
    started = threading.Event()
    monkeypatch.setattr("importer_gui.ui.pages.commit_page.run_commit", slow_commit(started))
    window.wizard.next()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert page.progress_row.cancel_button.isVisible()
    seen = [clashes(window)]  # while it writes
    page.stop()
    monkeypatch.undo()
    page.retry_button.click()
    qtbot.waitUntil(lambda: page.status.text().startswith("Validé\xa0: l'exécution 1"),
                    timeout=20_000)
    qtbot.wait(20)  # the wizard shows Finish
    seen.append(clashes(window))  # once written
    assert seen == [{}, {}]


def test_the_store_browser_button_pressed_twice_shows_one_browser(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    sample_preview(window, sample, qtbot)
    window.wizard.next()
    page = window.wizard.commit_page
    qtbot.waitUntil(lambda: page.result is not None, timeout=20_000)
    page.browser_button.click()
    page.browser_button.click()
    shown = [b for b in page.findChildren(StoreBrowser) if b.isVisible()]
    assert len(shown) == 1
    shown[0].close()
    page.browser_button.click()  # closed, it opens again
    assert [b for b in page.findChildren(StoreBrowser) if b.isVisible()]
