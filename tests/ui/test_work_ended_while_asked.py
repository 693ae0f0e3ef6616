"""A commit or revert that ends, written, while the window (or the revert's own dialog) asks
whether to stop it: "Stop" cannot undo it, and the window says so before it closes, rather
than leaving "Nothing will be written" as the last word."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.session import run_commit
from importer_gui.core.store import Store
from importer_gui.ui import revert_dialog
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.widgets import ask
from tests.ui.conftest import Questions
from tests.ui.test_store_browser_since import run
from tests.ui.wizards import revert_previewed, sample_preview

ASKED = ("A commit is running",
         "The rows are being written to the store. Stop the commit? Nothing will be written.",
         ["Stop the commit", "Go on committing"])
SAID = ("Already written",
        "The commit had ended before it could be stopped: run 1 is in the store.", ["OK"])


class Held:
    """The real ``work``, held before it writes until ``release``; ``ended`` once written."""

    def __init__(self, work: Callable[..., object]) -> None:
        self.work = work
        self.started = threading.Event()
        self.released = threading.Event()
        self.ended = threading.Event()

    def __call__(self, *args: object) -> object:
        self.started.set()
        self.released.wait(30)
        try:
            return self.work(*args)
        finally:
            self.ended.set()

    def release(self) -> None:
        """Let it write, and wait (on its thread) until it has written."""
        self.released.set()
        assert self.ended.wait(30)


def committing(window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
               monkeypatch: pytest.MonkeyPatch) -> tuple[CommitPage, Held]:
    """The sample's teachers being committed, held before they are written."""
    sample_preview(window, sample, qtbot)
    held = Held(run_commit)
    monkeypatch.setattr("importer_gui.ui.pages.commit_page.run_commit", held)
    window.wizard.next()
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    questions.asked.clear()  # "17 rows have errors…": committed all the same
    return window.wizard.commit_page, held


def answering_after(questions: Questions, first: Callable[[], None],
                    asked: str = ASKED[0]) -> ask.Asker:
    """The tests' answers, ``first`` done before the question titled ``asked`` is
    answered."""
    def answer(parent: QWidget | None, title: str, text: str, answers: Sequence[str],
               escape: int) -> int:
        if title == asked:
            first()
        return questions(parent, title, text, answers, escape)
    return answer


@pytest.mark.parametrize("shown", ["on its thread only", "on the page too"])
def test_a_commit_ended_while_asked_is_said_written_before_the_window_closes(
        shown: str, window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]) -> None:
    commit, held = committing(window, sample, qtbot, questions, monkeypatch)

    def ends() -> None:  # while the question is on the screen, the commit ends
        held.release()
        if shown == "on the page too":  # the question's own loop delivered its outcome
            qtbot.waitUntil(lambda: commit.result is not None, timeout=30_000)

    before = ask.answer_with(answering_after(questions, ends))
    try:
        questions.answers.append("Stop the commit")
        assert window.close()
    finally:
        ask.answer_with(before)
    assert questions.asked == [ASKED, SAID]
    assert commit.result is not None and commit.result.run_id == 1
    assert commit.status.text() == "Committed: run 1 is in the history."
    with Store.open(window.state.store_path) as store:
        assert [run.id for run in store.history()] == [1]
    assert "Traceback" not in capfd.readouterr().err


def test_said_in_french_in_its_message_box(
        french: None, window: MainWindow, sample: Path, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch, screenshots: Path) -> None:
    _commit, held = committing(window, sample, qtbot, questions, monkeypatch)
    seen: list[tuple[str, str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or (seen and box.text() == seen[-1][1]):
            QTimer.singleShot(10, answer)  # the next box is not shown yet
            return
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        if len(seen) == 1:  # the question: the commit ends meanwhile, then "Stop"
            held.release()
            QTimer.singleShot(0, answer)  # the next box
        else:
            box.grab().save(str(screenshots / "work-ended-while-asked-fr.png"))
        box.buttons()[0].click()

    before = ask.answer_with(ask._message_box)  # the real boxes, on the screen
    try:
        QTimer.singleShot(0, answer)
        assert window.close()
    finally:
        ask.answer_with(before)
    assert seen[1] == (
        "Déjà écrit",
        "La validation s'était terminée avant de pouvoir être arrêtée\xa0: l'exécution 1 est "
        "dans la base.", ["OK"])


def test_a_revert_ended_while_its_dialog_asked_is_said_written_before_it_closes(
        window: MainWindow, qtbot: QtBot, questions: Questions,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(window.state.store_path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "t1"})], run(1))
    held = Held(revert_dialog.commit_at)
    monkeypatch.setattr("importer_gui.ui.revert_dialog.commit_at", held)
    _browser, dialog = revert_previewed(window, qtbot)
    qtbot.waitUntil(dialog.revert_button.isEnabled, timeout=60_000)
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held.started.is_set, timeout=10_000)
    before = ask.answer_with(answering_after(questions, held.release, "A revert is running"))
    try:
        questions.answers.append("Stop the revert")
        dialog.reject()  # Close, or Escape
    finally:
        ask.answer_with(before)
    assert questions.asked == [
        ("A revert is running",
         "Run 1 is being reverted in the store. Stop the revert? Nothing will be written.",
         ["Stop the revert", "Go on reverting"]),
        ("Already written",
         "The revert had ended before it could be stopped: run 1 was reverted by run 2.",
         ["OK"])]
    assert not dialog.isVisible()
    with Store.open(window.state.store_path) as store:
        assert [(r.id, r.reverted_by) for r in store.history()] == [(2, None), (1, 2)]
        assert store.count(Table.TEACHER) == 0
