"""Tools ▸ Refresh…: closing the dialog (Escape, Close) while its refresh is written asks
first: stopped, nothing of it is written; kept, the dialog stays and the refresh ends. A
preview only being read is stopped without a question."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.store import Store
from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.ui.conftest import Questions
from tests.ui.test_refresh_dialog_select_all import TRAININGS, large_export

ASKED = ("A refresh is running",
         "The refresh is being written to the store. Stop it? Nothing will be written.",
         ["Stop the refresh", "Go on refreshing"])


def escape_while_written(dialog: RefreshDialog, qtbot: QtBot) -> list[bool]:
    """Press Refresh, then Escape as soon as the refresh is being written; whether the dialog
    was still shown once Escape was handled."""
    shown: list[bool] = []

    def on_step(_done: int, _total: int, what: str) -> None:
        if what == "Writing to the store" and not shown:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
            shown.append(dialog.isVisible())

    dialog.runner.progressed.connect(on_step)
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.runner.busy, timeout=60_000)
    return shown


def runs(store: Path) -> list[int]:
    with Store.open(store) as opened:
        return [run.id for run in opened.history()]


def previewed(tmp_path: Path, qtbot: QtBot) -> tuple[RefreshDialog, Path]:
    store = tmp_path / "store.sqlite3"
    dialog = RefreshDialog(store, config_path=large_export(tmp_path / "export"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.refresh_button.isEnabled, timeout=60_000)
    return dialog, store


def test_escape_while_the_refresh_is_written_asks_and_stopped_writes_nothing(
        tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    dialog, store = previewed(tmp_path, qtbot)
    questions.answers.append("Stop the refresh")
    assert escape_while_written(dialog, qtbot) == [False]
    assert questions.asked == [ASKED]
    assert dialog.result is None and runs(store) == []


def test_going_on_refreshing_keeps_the_dialog_and_the_refresh_ends(
        tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    dialog, store = previewed(tmp_path, qtbot)
    questions.answers.append("Go on refreshing")
    assert escape_while_written(dialog, qtbot) == [True]
    assert questions.asked == [ASKED]
    assert dialog.isVisible() and runs(store) == [1]
    assert dialog.status.text().startswith(f"Refreshed as run 1: {TRAININGS + 15} created")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # written: nothing to ask any more
    assert not dialog.isVisible() and questions.asked == [ASKED]


def test_a_preview_being_read_is_stopped_without_a_question(
        tmp_path: Path, qtbot: QtBot, questions: Questions) -> None:
    dialog, _store = previewed(tmp_path, qtbot)
    dialog.preview()
    assert dialog.runner.busy
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and questions.asked == []


def test_the_question_in_french(french: None, tmp_path: Path, qtbot: QtBot,
                                questions: Questions) -> None:
    dialog, store = previewed(tmp_path, qtbot)
    questions.answers.append("Arrêter l'actualisation")
    assert escape_while_written(dialog, qtbot) == [False]
    assert questions.asked == [(
        "Une actualisation est en cours",
        "L'actualisation est en train d'être écrite dans la base. L'arrêter\u00a0? Rien ne "
        "sera écrit.", ["Arrêter l'actualisation", "Continuer l'actualisation"])]
    assert runs(store) == []
