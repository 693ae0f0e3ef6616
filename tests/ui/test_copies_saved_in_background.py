"""The corrected copies saved from the quit question, and from the preview, are written in
the background (a 100,000-row workbook's copy takes seconds): the window's thread never
waits for them, their progress is shown with Cancel, and a cancelled copy leaves nothing
written, its corrections still unsaved."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import session as session_module
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.saving_copies import SavingCopies
from importer_gui.ui.wizard import PREVIEW
from tests.ui.conftest import Questions
from tests.ui.test_config_saved_in_background import held_saving
from tests.ui.test_nothing_lost import FIXED, correct_the_email
from tests.ui.wizards import sample_preview, shot

SAVE = "Save the corrected copy"


def shown_progress(window: MainWindow) -> SavingCopies:
    """The copies' progress, beside the greyed-out wizard."""
    [shown] = [child for child in window.findChildren(SavingCopies) if child.isVisible()]
    return shown


def test_quitting_saves_the_copies_in_the_background_and_closes_once_written(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        screenshots: Path) -> None:
    correct_the_email(sample_preview(window, sample, qtbot))
    copy = sample / "teachers-corrected.csv"
    gate = held_saving()
    questions.answers.append(SAVE)
    assert not window.close()  # returns at once: the copy is still to be written
    assert window.isVisible() and not window.wizard.isEnabled() and not copy.exists()
    progress = shown_progress(window)
    assert progress.isEnabled() and progress.progress_row.cancel_button.isVisible()
    assert progress.progress_row.status.text() == "Saving the corrected copy…"
    assert progress.windowTitle() == "Saving the corrected copy"
    shot(progress, screenshots, "copies-saved-in-background")
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert copy.read_text(encoding="utf-8").splitlines()[3] == f"sleroy;Leroy;Sophie;{FIXED}"
    assert len(questions.asked) == 1  # written: nothing more to ask


def test_cancelling_the_copies_writes_nothing_and_the_window_stays(
        window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions) -> None:
    correct_the_email(sample_preview(window, sample, qtbot))
    before = sorted(path.name for path in sample.iterdir())
    gate = held_saving()
    questions.answers.append(SAVE)
    assert not window.close()
    shown_progress(window).progress_row.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not window.wizard.copy_runner.busy)
    assert window.isVisible() and window.wizard.isEnabled()
    assert window.wizard.currentId() == PREVIEW
    assert sorted(path.name for path in sample.iterdir()) == before  # nor a hidden part
    assert window.state.session.unsaved_corrections() == 1
    assert len(questions.asked) == 1  # cancelled: nothing said
    questions.answers.append("Discard it and quit")
    assert window.close()


def test_a_corrected_copy_saved_from_the_preview_can_be_cancelled(
        window: MainWindow, sample: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = sample_preview(window, sample, qtbot)
    correct_the_email(page)
    target = sample / "copy.csv"
    target.write_bytes(b"the copy of yesterday")
    pressed = threading.Event()
    real = session_module.write_corrected_copy

    def after_cancel_is_pressed(*args: object, **kwargs: object) -> Path:
        pressed.wait(20)  # the worker goes on once the user has pressed Cancel
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(session_module, "write_corrected_copy", after_cancel_is_pressed)
    page.save_corrected_copy(target)
    cancel = page.progress_row.cancel_button
    assert cancel.isVisibleTo(page)
    cancel.click()
    pressed.set()
    qtbot.waitUntil(lambda: not page.export_runner.busy, timeout=20_000)
    assert page.progress_label.text() == "Cancelled: nothing was saved."
    assert target.read_bytes() == b"the copy of yesterday"
    assert window.state.session.unsaved_corrections() == 1
