"""Closing the window while a revert from the store browser is being written asks first, as
during a commit: stopped, nothing of it is written; kept, the window stays and the revert
ends. A revert only being planned is stopped without a question."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import Store
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.revert_dialog import RevertDialog
from tests.ui.conftest import Questions, asked_on_screen
from tests.ui.test_revert_dialog import rooms_run_changed_since, shown_preview
from tests.ui.test_store_browser_since import run
from tests.ui.wizards import revert_previewed

TEACHERS = 20_000  # a revert long enough to be closed on while it writes
ASKED = ("A revert is running",
         "Run 1 is being reverted in the store. Stop the revert? Nothing will be written.",
         ["Stop the revert", "Go on reverting"])


def teachers_run(window: MainWindow) -> None:
    """Run 1 made TEACHERS teachers in the window's store."""
    with Store.open(window.state.store_path) as store:
        store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -n, {"login": f"t{n:05}"})
                     for n in range(1, TEACHERS + 1)], run(TEACHERS))


def reverting(window: MainWindow, qtbot: QtBot) -> RevertDialog:
    """Run 1's revert being written to the store."""
    _browser, dialog = revert_previewed(window, qtbot)
    qtbot.waitUntil(dialog.revert_button.isEnabled, timeout=60_000)
    steps: list[str] = []
    dialog.runner.progressed.connect(lambda _done, _total, what: steps.append(what))
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Writing to the store" in steps, timeout=60_000)
    assert not dialog.results  # still writing
    return dialog


def runs_and_teachers(window: MainWindow) -> tuple[list[tuple[int, int | None]], int]:
    """The runs (and what reverted each) and how many teachers the store holds."""
    with Store.open(window.state.store_path) as store:
        return ([(r.id, r.reverted_by) for r in store.history()],
                store.count(Table.TEACHER))


@pytest.mark.parametrize("how", ["close", "quit"])
def test_closing_while_a_revert_is_written_asks_and_a_stopped_revert_wrote_nothing(
        how: str, window: MainWindow, qtbot: QtBot, questions: Questions,
        capfd: pytest.CaptureFixture[str]) -> None:
    teachers_run(window)
    dialog = reverting(window, qtbot)
    questions.answers.append("Stop the revert")
    if how == "close":
        assert window.close()
    else:  # File > Quit
        quit_action = next(a for a in window.findChildren(type(window.open_action))
                           if a.text() == "&Quit")
        quit_action.trigger()
    assert not window.isVisible()
    assert questions.asked == [ASKED]
    assert runs_and_teachers(window) == ([(1, None)], TEACHERS)
    assert "Traceback" not in capfd.readouterr().err
    del dialog


def test_going_on_reverting_keeps_the_window_and_the_revert_ends(
        window: MainWindow, qtbot: QtBot, questions: Questions) -> None:
    teachers_run(window)
    dialog = reverting(window, qtbot)
    questions.answers.append("Go on reverting")
    assert not window.close()
    assert window.isVisible() and questions.asked == [ASKED]
    qtbot.waitUntil(lambda: bool(dialog.results), timeout=120_000)
    assert dialog.status.text() == "Run 2 reverted run 1: 20000 deleted, 0 restored, 0 recreated."
    assert runs_and_teachers(window) == ([(2, None), (1, 2)], 0)
    assert window.close()  # written: nothing to ask any more
    assert questions.asked == [ASKED]


def test_a_revert_only_planned_is_stopped_without_a_question(
        window: MainWindow, qtbot: QtBot, questions: Questions) -> None:
    teachers_run(window)
    _browser, dialog = revert_previewed(window, qtbot)
    assert dialog.runner.busy or dialog.plan is not None
    assert window.close()
    assert questions.asked == []
    assert runs_and_teachers(window) == ([(1, None)], TEACHERS)


def test_the_question_in_french_in_its_message_box(
        french: None, window: MainWindow, qtbot: QtBot, screenshots: Path) -> None:
    teachers_run(window)
    reverting(window, qtbot)
    def stop(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text() == "&Arrêter de défaire").click()

    with asked_on_screen(screenshots / "closing-during-a-revert-fr.png", stop) as seen:
        assert window.close()
    assert seen == [(
        "Une exécution est en train d'être défaite",
        "L'exécution 1 est en train d'être défaite dans la base. Arrêter de la défaire\xa0? "
        "Rien ne sera écrit.",
        ["&Arrêter de défaire", "&Continuer à défaire"])]
    assert runs_and_teachers(window) == ([(1, None)], TEACHERS)


def test_reverting_later_runs_first_says_that_those_reverted_stay_reverted(
        tmp_path: Path, qtbot: QtBot) -> None:
    store_path = tmp_path / "store.db"
    run_id = rooms_run_changed_since(store_path)
    dialog = shown_preview(store_path, run_id, qtbot)
    dialog.later_only.setChecked(True)
    assert dialog.stop_question() == (
        "A revert is running",
        f"Later run {run_id + 1}, then run {run_id}, are being reverted in the store, each "
        "in a revert of its own. Stop the revert? The runs already reverted stay reverted; "
        "nothing more will be written.",
        ["&Stop the revert", "&Go on reverting"])
