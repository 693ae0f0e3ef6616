"""The XML typed is parsed in the background once typing pauses: the page says whether it is
valid once parsed, a parse overtaken by more typing is never shown, and Back right after
typing takes the text typed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.wizard import MAPPING
from tests.ui.test_config_editor_mistakes import configuration_page
from tests.ui.test_hand_edits_kept import click

DATE = "<dateFormat>YYYY-MM-DD</dateFormat>"
TYPED_DATE = "<dateFormat>DD/MM/YYYY</dateFormat>"


@contextmanager
def workers_held() -> Iterator[None]:
    """Every thread of the shared pool held until the block ends: the parse started meanwhile
    waits for its turn, as behind a long one."""
    pool = QThreadPool.globalInstance()
    gate = threading.Event()
    for _ in range(pool.maxThreadCount()):
        pool.start(lambda: gate.wait(10))
    try:
        yield
    finally:
        gate.set()


def typed_date(page: ConfigPage, qtbot: QtBot, text: str | None = None) -> None:
    """The date format typed over in ``text`` (the editor's), the typing pause over: its
    parse started."""
    text = page.editor.toPlainText() if text is None else text
    page.editor.setPlainText(text.replace(DATE, TYPED_DATE))
    qtbot.waitUntil(lambda: page.runner.busy, timeout=3000)


def date_format(page: ConfigPage) -> str:
    """The date format in the session's configuration."""
    return page.session.choices.config.imports[0].provider.date_format


def test_the_validity_line_comes_once_the_parse_is_over(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    with workers_held():
        typed_date(page, qtbot)
        assert not page.isComplete()
        assert date_format(page) == "YYYY-MM-DD"
    qtbot.waitUntil(page.isComplete, timeout=3000)
    assert page.status_label.text() == "The configuration is valid."
    assert date_format(page) == "DD/MM/YYYY"


def test_a_parse_overtaken_by_more_typing_is_not_shown(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    text = page.editor.toPlainText()
    page.editor.setPlainText(text.replace("</columnsMapping>", ""))
    qtbot.waitUntil(lambda: page.error_text() != "", timeout=3000)
    first = page.error_text()
    with workers_held():
        typed_date(page, qtbot, text)  # fixed, and valid
        page.editor.setPlainText(text.replace("</actions>", ""))  # typed on meanwhile
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=3000)  # the valid text's parse over
    assert not page.isComplete()
    assert page.error_text() == first
    assert "valid." not in page.status_label.text()
    assert date_format(page) == "YYYY-MM-DD"
    qtbot.waitUntil(lambda: page.error_text() not in ("", first), timeout=3000)  # the newest's
    assert page.error_text().startswith("The configuration is not well-formed XML")
    assert not page.isComplete()
    assert date_format(page) == "YYYY-MM-DD"


def test_back_while_the_parse_runs_takes_the_text_typed(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = configuration_page(window, sample)
    with workers_held():
        typed_date(page, qtbot)
        click(qtbot, window.wizard, QWizard.WizardButton.BackButton)
        assert window.wizard.currentId() == MAPPING
        assert date_format(page) == "DD/MM/YYYY"
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=3000)
    assert window.wizard.currentId() == MAPPING
    assert date_format(page) == "DD/MM/YYYY"
    assert not page.unwritten()
