"""A workbook chosen is opened as few times as the open page needs: each opening reads all
its shared strings (seconds for a large one), and each sheet loads whole. Its sheets are
listed once, for its first sheet holding data and the page's list alike, and the sheet read
is loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import base
from tests.ui.test_open_month_workbook import Openings, exported
from tests.ui.test_open_sheet_case import configuration, opened


def trainings_first(path: Path) -> Path:
    """A workbook whose first sheet holds the trainings under their headers, notes after."""
    book = Workbook()
    book.active.title = "Trainings"
    for row in (["trainingPathCode", "trainingTitle", "trainingModality"],
                ["J6", "June", "Présentiel"]):
        book.active.append(row)
    book.create_sheet("Notes").append(["exported by the HR system"])
    book.save(path)
    return path


@pytest.mark.parametrize("large", [True, False])
def test_a_new_workbook_is_opened_once_to_list_its_sheets(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        large: bool) -> None:
    """A new file, read in the background (large) or at once: its sheets listed, its first
    sheet holding data loaded, nothing opened again for the page's list."""
    book = trainings_first(tmp_path / "june.xlsx")
    if large:
        monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    page = window.wizard.open_page
    openings = Openings(monkeypatch)
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Trainings", "Notes"]
    assert page.sheet_combo.currentText() == "Trainings"
    assert page.head_model.data(page.head_model.index(0, 0)) == "J6"
    assert openings.loaded == ["Trainings"]
    assert openings.opened == 2  # the sheets listed, then Trainings loaded
    assert openings.guarded == openings.opened


def test_a_workbook_without_the_configurations_sheet_loads_its_first_sheet_once(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The configuration (its file without a header line) names a sheet this month's
    workbook lacks: the first sheet holding data is found, and its first rows read as the
    configuration reads them, from one load."""
    config = configuration(tmp_path, "Data")
    config.write_text(config.read_text(encoding="utf-8").replace(
        "<skipFirstLine>yes</skipFirstLine>", "<skipFirstLine>no</skipFirstLine>"),
        encoding="utf-8")
    page = opened(window, qtbot, config)
    book = exported(tmp_path / "june.xlsx", "Trainings")
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    openings = Openings(monkeypatch)
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert page.sheet_combo.currentText() == "Export"
    assert window.state.choices.config.imports[0].provider.sheet == "Export"
    assert not page.header_check.isChecked()
    assert page.head_model.data(page.head_model.index(0, 0)) == "E0"
    assert openings.loaded == ["Export"]
    assert openings.opened == 2  # the sheets listed, then Export loaded
    assert openings.guarded == openings.opened
