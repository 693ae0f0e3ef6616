"""A configuration may name its sheet in another case than the workbook (Excel's names
are case-insensitive): the open page shows the sheet the check reads."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.open_page import OpenPage
from tests.core.test_init_guesses import empty_first


def configuration(folder: Path, sheet: str) -> Path:
    """A configuration reading the trainings of ``empty_first`` from the sheet ``sheet``."""
    empty_first(folder / "trainings.xlsx")
    config = folder / "config.xml"
    config.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<import-config xmlns:ia="urn:import-assistant:extension:1"><import><providers>'
        "<fileSystemSourceProvider><fileName>trainings.xlsx</fileName>"
        "<skipFirstLine>yes</skipFirstLine><columnsMapping><trainingPathCode/>"
        "<trainingTitle/><ignoredColumn/></columnsMapping>"
        f"<ia:sheet>{sheet}</ia:sheet>"
        "</fileSystemSourceProvider></providers><actions><createOrUpdateTrainingCourseAction>"
        "<fields><trainingPathCode/><trainingTitle/></fields>"
        "</createOrUpdateTrainingCourseAction></actions></import></import-config>\n",
        encoding="utf-8")
    return config


def opened(window: MainWindow, qtbot: QtBot, config: Path) -> OpenPage:
    """The open page once ``config`` is opened, as the user goes back to it."""
    wizard = window.wizard
    assert wizard.open_file(config)
    page = wizard.open_page
    qtbot.waitUntil(lambda: not wizard.preview_page.runner.busy, timeout=10_000)
    while wizard.currentPage() is not page:  # back to the open page, as the user goes
        wizard.back()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    return page


def test_the_sheet_list_shows_the_sheet_read_when_named_in_another_case(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    page = opened(window, qtbot, configuration(tmp_path, "DATA"))
    wizard = window.wizard
    assert page.sheet_combo.currentText() == "Data"
    assert page.head_model.rowCount() == 1  # C9, under its headers
    window.grab().save(str(screenshots / "open-sheet-named-in-another-case.png"))
    page.header_check.setChecked(False)  # another option changed: the sheet stays
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert wizard.state.choices.config.imports[0].provider.sheet in ("DATA", "Data")
    assert page.head_model.rowCount() == 2


def test_a_sheet_missing_from_the_workbook_is_said_and_chosen_not_replaced(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, screenshots: Path) -> None:
    page = opened(window, qtbot, configuration(tmp_path, "Formations"))
    assert page.sheet_label.isVisible()
    assert page.sheet_label.text() == (
        "The configuration reads the sheet “Formations”, which is not in trainings.xlsx. "
        "Choose the sheet to read.")
    assert page.sheet_combo.currentIndex() == -1  # no other sheet shown as the one read
    assert page.sheet_combo.currentText() == ""
    assert not page.error_label.isVisible() and not page.isComplete()
    window.grab().save(str(screenshots / "open-sheet-missing.png"))
    page.header_check.setChecked(False)  # another option: still no sheet read in its place
    provider = window.wizard.state.choices.config.imports[0].provider
    assert (provider.sheet, provider.skip_first_line) == ("Formations", False)
    assert page.sheet_label.isVisible() and page.sheet_combo.currentIndex() == -1
    assert page.head_model.rowCount() == 0 and not page.isComplete()
    page.sheet_combo.setCurrentText("Data")  # the user's choice
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert window.wizard.state.choices.config.imports[0].provider.sheet == "Data"
    assert page.head_model.rowCount() == 2 and page.isComplete()  # its headers as data
    assert not page.sheet_label.isVisible()
