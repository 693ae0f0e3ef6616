"""A saved configuration opened goes on to its preview, whose check ends without the window
working over the plan's rows (issue 18): the date format its wrong dates read in is found
by the check's worker; the page says the same."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import preview_page
from importer_gui.ui.wizard import PREVIEW
from tests.builders import french_sessions


class Threads:
    """On which thread each call of a function was made, with its first argument."""

    def __init__(self) -> None:
        self.calls: list[tuple[object, bool]] = []

    def watched(self, real: Callable[..., object]) -> Callable[..., object]:
        def call(first: object, *args: object) -> object:
            on_window = threading.current_thread() is threading.main_thread()
            self.calls.append((first, on_window))
            return real(first, *args)
        return call

    def on_window(self) -> list[object]:
        """The first arguments of the calls made on the window's thread."""
        return [first for first, on_window in self.calls if on_window]


def test_a_configurations_check_ends_with_its_dates_fixes_made_in_the_worker(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = french_sessions(tmp_path / "sessions.csv")
    config = tmp_path / "sessions.xml"
    from importer_gui.cli import main

    assert main(["init", str(data), "--out", str(config)]) == 0
    config.write_text(config.read_text().replace("<dateFormat>DD/MM/YYYY</dateFormat>", ""))
    fixes = Threads()
    monkeypatch.setattr(preview_page, "date_fixes", fixes.watched(preview_page.date_fixes))
    assert window.open_file(config)
    wizard, preview = window.wizard, window.wizard.preview_page
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and preview.shows_plan(),
                    timeout=20_000)
    assert preview.notice.text() == (
        "sessions.csv: the dates are not in the date format YYYY-MM-DD; they read as "
        "DD/MM/YYYY. Select a row with a date error to use DD/MM/YYYY in one click.")
    summary = preview.summary()
    assert summary[0] == "Every row (no message chosen)"
    assert len(summary) > 1 and all(" × ERROR: " in line for line in summary[1:])
    assert fixes.calls and fixes.on_window() == []
