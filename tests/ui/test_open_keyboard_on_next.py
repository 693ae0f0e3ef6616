"""The open page once a data file opens: the keyboard on Next, so that Enter goes on (the
first rows are only there to look at), unless the user took it elsewhere while the file was
read in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION
from tests.ui.test_large_files_in_the_background import SlowReads, slow  # noqa: F401
from tests.ui.test_open_first_rows_widths import learners
from tests.ui.test_someone_elses_configuration import FileDialog, chosen  # noqa: F401


def opened_by_keyboard(window: MainWindow, dialog: FileDialog, tmp_path: Path) -> None:
    """July's learners chosen with Space on "Open a file…", the keyboard there."""
    page = window.wizard.open_page
    window.activateWindow()
    page.open_button.setFocus()
    dialog.append(learners(tmp_path / "july.csv"))
    QTest.keyClick(page.open_button, Qt.Key.Key_Space)


def test_a_file_opened_by_keyboard_leaves_the_keyboard_on_next(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, chosen: FileDialog,  # noqa: F811
) -> None:
    wizard = window.wizard
    opened_by_keyboard(window, chosen, tmp_path)
    assert wizard.open_page.isComplete()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert QApplication.focusWidget() is next_button
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentId() == ACTION


def test_the_keyboard_moved_while_a_file_is_read_stays_where_the_user_put_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, chosen: FileDialog,  # noqa: F811
        slow: SlowReads,  # noqa: F811
) -> None:
    page = window.wizard.open_page
    opened_by_keyboard(window, chosen, tmp_path)
    assert page.reading
    page.recent_view.setFocus()  # the user looks at the recent files meanwhile
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert QApplication.focusWidget() is page.recent_view


def test_a_file_read_in_the_background_untouched_meanwhile_leaves_the_keyboard_on_next(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, chosen: FileDialog,  # noqa: F811
        slow: SlowReads,  # noqa: F811
) -> None:
    page = window.wizard.open_page
    opened_by_keyboard(window, chosen, tmp_path)
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert QApplication.focusWidget() is window.wizard.button(QWizard.WizardButton.NextButton)
