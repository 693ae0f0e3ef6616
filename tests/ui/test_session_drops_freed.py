"""Every plan the session drops (New import, Finish, another file opened, a changed
configuration, a failed open) is freed off the window's thread, and the window goes on: a
plan of a million rows freed on it kept the window waiting 0.2-0.6 s."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import OPEN, PREVIEW
from tests.builders import teachers_import, write_config

ROWS = 500


def checked(window: MainWindow, config: Path, qtbot: QtBot) -> None:
    """The configuration opened, on the preview, its rows checked."""
    assert window.open_file(config)
    preview = window.wizard.preview_page
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW and preview.shows_plan(),
                    timeout=20_000)
    assert preview.model.rowCount() == ROWS


def new_import(window: MainWindow, _folder: Path, _qtbot: QtBot) -> None:
    assert window.wizard.new_import()


def finish(window: MainWindow, _folder: Path, qtbot: QtBot) -> None:
    wizard = window.wizard
    wizard.next()  # Commit
    qtbot.waitUntil(lambda: wizard.commit_page.result is not None, timeout=20_000)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def another_file(window: MainWindow, folder: Path, _qtbot: QtBot) -> None:
    other = folder / "other.csv"
    other.write_text("Login;Name\nzoe;Zoe\n", encoding="utf-8")
    assert window.open_file(other)


def changed_configuration(window: MainWindow, _folder: Path, _qtbot: QtBot) -> None:
    session = window.state.session
    session.set_config(session.choices.config)


def failed_open(window: MainWindow, folder: Path, _qtbot: QtBot) -> None:
    broken = folder / "broken.xml"
    broken.write_text("<import-config><import>", encoding="utf-8")
    assert not window.open_file(broken)  # the session closes the file opened before


@pytest.mark.parametrize("drop", [new_import, finish, another_file, changed_configuration,
                                  failed_open])
def test_a_plan_the_session_drops_is_freed_off_the_window_thread(
        drop: Callable[[MainWindow, Path, QtBot], None], tmp_path: Path,
        qtbot: QtBot) -> None:
    rows = [[f"t{n}", f"Name {n}", f"First {n}", f"t{n}@example.org"] for n in range(ROWS)]
    config = write_config(tmp_path, teachers_import(tmp_path, rows))
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    checked(window, config, qtbot)
    plan = window.state.choices.plan
    ref, threads = weakref.ref(plan), []
    weakref.finalize(plan, lambda: threads.append(threading.current_thread()))
    del plan
    drop(window, tmp_path, qtbot)
    assert window.state.choices.plan is None
    qtbot.waitUntil(lambda: ref() is None, timeout=10_000)
    assert threads and threads[0] is not threading.main_thread()
    # The window goes on: the preview shows no dropped rows, and the file checks again.
    assert window.wizard.preview_page.model.rowCount() == 0
    if drop is not changed_configuration:
        assert window.wizard.currentId() == OPEN
    window.wizard.restart()
    checked(window, config, qtbot)
