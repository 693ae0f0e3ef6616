"""A new file whose first line is data is read once: its first rows are read both ways from
one load of its sheet (one measuring of a text file), so that the header line guessed away at
once reads nothing more, nor do Next, Back and Next again with a workbook unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.readers import text
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import base
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN
from tests.builders import TEACHER_COLUMNS, write_csv, write_xlsx
from tests.spies import counted
from tests.ui.test_open_month_workbook import Openings

ROWS = [[f"t{n}", f"Dupont{n}", "Jean", f"t{n}@example.org"] for n in range(5)]


def to_the_configuration(window: MainWindow, qtbot: QtBot) -> None:
    """Next, Next, Next as the user goes: the teachers' action, each column its field."""
    wizard = window.wizard
    for target in (ACTION, MAPPING, CONFIG):
        qtbot.waitUntil(wizard.button(QWizard.WizardButton.NextButton).isEnabled,
                        timeout=20_000)
        wizard.next()
        assert wizard.currentId() == target
        if target == ACTION:
            wizard.action_page.select("createOrUpdateTeacherAction")
        elif target == MAPPING:
            for place, field in enumerate(TEACHER_COLUMNS):
                wizard.mapping_page.set_field(place, field)


def back_and_on_again(window: MainWindow, qtbot: QtBot) -> None:
    """Back to the open page, then on to the configuration again, the file unchanged."""
    wizard = window.wizard
    while wizard.currentId() != OPEN:
        wizard.back()
    qtbot.waitUntil(lambda: not wizard.open_page.runner.busy, timeout=20_000)
    to_the_configuration(window, qtbot)


@pytest.mark.parametrize("large", [True, False])
@pytest.mark.parametrize("header", [False, True])
def test_a_new_workbook_is_loaded_once_whatever_its_header_line(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        header: bool, large: bool) -> None:
    book = write_xlsx(tmp_path / "teachers.xlsx", [TEACHER_COLUMNS, *ROWS] if header else ROWS)
    if large:
        monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    openings = Openings(monkeypatch)
    page = window.wizard.open_page
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert page.header_check.isChecked() is header
    assert page.head_model.rowCount() == 5
    assert page.head_model.data(page.head_model.index(0, 0)) == "t0"
    to_the_configuration(window, qtbot)
    assert window.state.choices.config.imports[0].provider.skip_first_line is header
    assert openings.loaded == ["Sheet1"]
    assert openings.opened == 2  # its sheets listed, then Sheet1 loaded
    back_and_on_again(window, qtbot)
    assert openings.loaded == ["Sheet1"]
    assert openings.opened == 2


def test_a_workbook_named_from_the_current_folder_is_loaded_once(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``importer-gui teachers.xlsx``: the file named as the shell gives it, read once
    under the name the session keeps (its whole path) when the box is unticked."""
    write_xlsx(tmp_path / "teachers.xlsx", ROWS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    openings = Openings(monkeypatch)
    page = window.wizard.open_page
    assert window.open_file(Path("teachers.xlsx"))
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert not page.header_check.isChecked()
    assert page.head_model.rowCount() == 5
    assert page.file_label.text() == f"File: {tmp_path / 'teachers.xlsx'}"
    assert openings.loaded == ["Sheet1"]


def test_a_new_text_file_without_a_header_line_is_measured_once(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    data = write_csv(tmp_path / "teachers.csv", ROWS)
    scans = counted(monkeypatch, text, "_cells_and_lines")  # the whole file, for the budget
    page = window.wizard.open_page
    assert window.open_file(data)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert not page.header_check.isChecked()
    assert page.head_model.rowCount() == 5
    to_the_configuration(window, qtbot)
    assert scans == [data]


@pytest.mark.parametrize("header", [False, True])
def test_a_text_file_is_measured_once_when_its_mapping_is_saved_and_the_user_goes_back(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        header: bool) -> None:
    """Its first rows are kept whatever the mapping's width: Back and Next read nothing."""
    data = write_csv(tmp_path / "teachers.csv", [TEACHER_COLUMNS, *ROWS] if header else ROWS)
    scans = counted(monkeypatch, text, "_cells_and_lines")  # the whole file, for the budget
    page = window.wizard.open_page
    assert window.open_file(data)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    to_the_configuration(window, qtbot)
    back_and_on_again(window, qtbot)
    assert page.head_model.rowCount() == 5
    assert scans == [data]
