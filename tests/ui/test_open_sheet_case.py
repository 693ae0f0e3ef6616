"""A configuration may name its sheet in another case than the workbook (Excel's names
are case-insensitive): the open page shows the sheet the check reads."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from tests.core.test_init_guesses import empty_first


def test_the_sheet_list_shows_the_sheet_read_when_named_in_another_case(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    empty_first(tmp_path / "trainings.xlsx")
    config = tmp_path / "config.xml"
    config.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<import-config xmlns:ia="urn:import-assistant:extension:1"><import><providers>'
        "<fileSystemSourceProvider><fileName>trainings.xlsx</fileName>"
        "<skipFirstLine>yes</skipFirstLine><columnsMapping><trainingPathCode/>"
        "<trainingTitle/><ignoredColumn/></columnsMapping><ia:sheet>DATA</ia:sheet>"
        "</fileSystemSourceProvider></providers><actions><createOrUpdateTrainingCourseAction>"
        "<fields><trainingPathCode/><trainingTitle/></fields>"
        "</createOrUpdateTrainingCourseAction></actions></import></import-config>\n",
        encoding="utf-8")
    wizard = window.wizard
    assert wizard.open_file(config)
    page = wizard.open_page
    qtbot.waitUntil(lambda: not wizard.preview_page.runner.busy, timeout=10_000)
    while wizard.currentPage() is not page:  # back to the open page, as the user goes
        wizard.back()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert page.sheet_combo.currentText() == "Data"
    assert page.head_model.rowCount() == 1  # C9, under its headers
    window.grab().save(str(screenshots / "open-sheet-named-in-another-case.png"))
    page.header_check.setChecked(False)  # another option changed: the sheet stays
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert wizard.state.choices.config.imports[0].provider.sheet in ("DATA", "Data")
    assert page.head_model.rowCount() == 2
