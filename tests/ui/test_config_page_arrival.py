"""Arriving on the configuration page from the mapping page: the configuration the check
will run is bound as it is, its XML parsed only to say a refusal at its line, and the check
of a large file's columns in the background is handed the providers alone (a file of 400
columns held the window 90-150 ms)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import config_xml, first_rows
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.wizard import CONFIG, PREVIEW
from tests.builders import write_csv
from tests.spies import counted

HEADERS = ["Identifiant", "Nom", "Prénom", "Courriel"]


def on_configuration_page(window: MainWindow, data: Path, qtbot: QtBot) -> ConfigPage:
    """``data`` opened as teachers, mapped as guessed (by header), on the configuration page
    once its columns are checked."""
    wizard = window.wizard
    assert wizard.open_file(data)
    qtbot.waitUntil(lambda: wizard.open_page.isComplete(), timeout=20_000)
    wizard.next()
    wizard.action_page.select("createOrUpdateTeacherAction")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == CONFIG
    page = wizard.config_page
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=20_000)
    return page


def test_a_valid_configuration_is_not_parsed_back_on_arrival(
        window: MainWindow, sample: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    page = on_configuration_page(window, sample / "teachers.csv", qtbot)
    parsed = counted(monkeypatch, config_xml, "loads")
    page.initializePage()  # as the page shows each time it is reached
    assert parsed == []
    assert page.status_label.text() == "The configuration is valid."
    assert page.isComplete()


def test_a_large_files_columns_are_checked_without_copying_the_configuration(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[f"t{n}", f"Nom{n}", f"Prénom{n}", f"t{n}@example.org" + "x" * 40]
            for n in range(15_000)]
    data = write_csv(tmp_path / "teachers.csv", [HEADERS, *rows])  # read in the background
    page = on_configuration_page(window, data, qtbot)
    copies = counted(monkeypatch, copy, "deepcopy")
    first_rows._cached_head.cache_clear()  # its first rows no longer kept: read again
    page.initializePage()
    assert page.runner.busy  # checked in the background
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=20_000)
    assert copies == []
    assert page.status_label.text() == "The configuration is valid."


def test_what_the_check_refuses_is_still_said_at_its_line_on_arrival(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    config = sample / "twice.xml"
    config.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<import-config>\n<import><providers>\n'
        "<fileSystemSourceProvider><fileName>teachers.csv</fileName>\n"
        "<skipFirstLine>yes</skipFirstLine><delimiter>semicolon</delimiter>\n"
        "<columnsMapping><teacherLogin/><teacherLogin/><teacherFirstname/><teacherEmail/>\n"
        "</columnsMapping></fileSystemSourceProvider></providers>\n"
        "<actions><createOrUpdateTeacherAction/></actions></import>\n</import-config>\n",
        encoding="utf-8")
    wizard = window.wizard
    window.open_file(config)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW, timeout=20_000)
    wizard.back()
    assert wizard.currentId() == CONFIG
    page = wizard.config_page
    text = page.editor.toPlainText()
    line = next(n for n, part in enumerate(text.splitlines(), 1) if "<columnsMapping>" in part)
    assert page.status_label.text() == (
        f"Line {line}: Field teacherLogin is mapped to two columns (1 and 2) in "
        "<columnsMapping>.")
    assert not page.isComplete()
