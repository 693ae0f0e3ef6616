"""Closing the window while a large file is checked: the window is gone from the screen
before the work is waited for (a workbook's sheet being loaded hears the cancel only once
loaded), and nothing is left running once it has closed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, PREVIEW


def test_closing_during_a_check_leaves_the_screen_first_and_stops_the_check(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f"t{n};Name;t{n}@example.org\n" for n in range(100_000))
    data = tmp_path / "many.csv"
    data.write_text("teacherLogin;teacherName;teacherEmail\n" + rows, encoding="utf-8")
    wizard, page = window.wizard, window.wizard.preview_page
    assert wizard.open_file(data)  # read in the background: Next once each page is ready
    for target in (ACTION, MAPPING, CONFIG, PREVIEW):
        qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled,
                        timeout=20_000)
        wizard.next()
        qtbot.waitUntil(lambda target=target: wizard.currentId() == target, timeout=20_000)
    assert page.is_checking()
    shown_while_stopping: list[bool] = []
    stop_work = wizard.stop_work

    def watched() -> None:
        shown_while_stopping.append(window.isVisible())
        stop_work()

    monkeypatch.setattr(wizard, "stop_work", watched)
    assert window.close()
    assert shown_while_stopping == [False]  # hidden before the check was waited for
    assert not window.isVisible()
    assert not page.runner.busy
