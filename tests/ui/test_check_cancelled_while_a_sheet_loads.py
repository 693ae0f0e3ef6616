"""Escape during the check of a workbook whose sheet is still being loaded (one call into
calamine, which cannot be stopped midway): the page says the check was cancelled while the
sheet still loads, and a check started right after shows the rows (its own load waits for
that one: one check's sheets in memory at a time)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.readers import workbooks
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, PREVIEW
from tests.builders import TEACHER_COLUMNS, write_xlsx


class HeldCheckLoads:
    """The check's sheet loads (on its opening threads) held until released; the pages'
    own reads of the first rows go through."""

    def __init__(self) -> None:
        self.real = workbooks._load_sheet
        self.release = threading.Event()
        self.started: list[threading.Thread] = []

    def __call__(self, *args: Any) -> Any:
        thread = threading.current_thread()
        if thread.name.startswith("open-table"):
            self.started.append(thread)
            self.release.wait(30)
        return self.real(*args)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldCheckLoads]:
    loads = HeldCheckLoads()
    monkeypatch.setattr(workbooks, "_load_sheet", loads)
    yield loads
    loads.release.set()
    for thread in loads.started:
        thread.join(30)


def test_escape_while_the_sheet_loads_says_cancelled_at_once_and_checking_again_works(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, held: HeldCheckLoads) -> None:
    data = write_xlsx(tmp_path / "teachers.xlsx", [TEACHER_COLUMNS, *(
        [f"t{n}", "Name", "First", f"t{n}@example.org"] for n in range(3))])
    wizard, page = window.wizard, window.wizard.preview_page
    assert wizard.open_file(data)
    for target in (ACTION, MAPPING, CONFIG, PREVIEW):
        qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled,
                        timeout=20_000)
        wizard.next()
        qtbot.waitUntil(lambda target=target: wizard.currentId() == target, timeout=20_000)
    qtbot.waitUntil(lambda: len(held.started) == 1, timeout=20_000)  # the sheet loading
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.is_checking(), timeout=20_000)
    assert page.progress_label.text() == "Check cancelled."
    assert page.error_label.text() == "The check was cancelled: press Check again to see the rows."
    assert not held.release.is_set() and held.started[0].is_alive()  # still loading
    page.start_check()  # its sheet is loaded once the cancelled check's load ended
    assert page.is_checking()
    held.release.set()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert page.model.rowCount() == 3
    assert not page.error_label.isVisible()
