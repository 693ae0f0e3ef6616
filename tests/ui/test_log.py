"""The application log: tracebacks of unexpected failures land in one file the user is shown."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.about import version_text
from importer_gui.core import log as app_log
from importer_gui.core.errors import ImporterError
from importer_gui.ui import app as app_module
from importer_gui.ui.tasks import TaskRunner


@pytest.fixture
def log_file(private_folders: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The log configured as the window configures it, in this test's data folder."""
    monkeypatch.setattr(app_log, "_configured", None)  # each test has its own data folder
    logger = logging.getLogger("importer_gui")
    handlers, level = list(logger.handlers), logger.level
    path = app_log.configure()
    assert path == private_folders / "data" / app_log.LOG_NAME
    yield path
    for handler in set(logger.handlers) - set(handlers):
        handler.close()
        logger.removeHandler(handler)
    logger.setLevel(level)


def test_an_exception_in_a_task_is_logged_and_the_message_names_the_log(
        log_file: Path, qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[ImporterError] = []

    def broken(monitor: object) -> None:
        raise KeyError("the bug's own words")

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(broken, lambda _result: None, errors.append)
    text = log_file.read_text(encoding="utf-8")
    assert "Unexpected failure in background work" in text
    assert "Traceback (most recent call last)" in text and "the bug's own words" in text
    assert str(log_file) in errors[0].message
    assert "the bug's own words" not in errors[0].message


def test_a_bug_in_a_slot_is_logged_and_one_line_names_the_log(
        log_file: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    try:
        raise ValueError("a slot's bug")
    except ValueError:
        app_module._unexpected(*sys.exc_info())
    assert "a slot's bug" in log_file.read_text(encoding="utf-8")
    assert shown == ["Something unexpected went wrong; nothing was written. Details are in the "
                     f"application log ({log_file})."]


def test_about_names_the_log_beside_the_store_and_configurations(private_folders: Path) -> None:
    lines = version_text().splitlines()
    assert lines[-1] == f"Log: {private_folders / 'data' / app_log.LOG_NAME}"
