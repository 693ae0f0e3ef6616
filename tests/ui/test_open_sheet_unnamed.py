"""A configuration that names no sheet reads the workbook's first visible sheet: the open
page shows that sheet chosen, not a hidden sheet or a chart sheet before it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.core.readers import workbooks
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import base
from tests.stores import existing_store
from tests.ui.test_large_files_in_the_background import SlowReads
from tests.ui.test_open_sheet_case import opened


def trainings(book: Workbook) -> None:
    """The trainings, on a visible sheet "Data" after the workbook's first sheet."""
    data = book.create_sheet("Data")
    for row in (["trainingPathCode", "trainingTitle", "trainingModality"],
                ["C9", "Nine", "Présentiel"]):
        data.append(row)
    book.active = book.sheetnames.index("Data")


def hidden_lists_first(book: Workbook) -> None:
    """A hidden first sheet holding a list (what the check passes over)."""
    lists = book.active
    lists.title = "Lists"
    lists.append(["codes"])
    lists.append(["A"])
    trainings(book)
    lists.sheet_state = "hidden"


def chart_first(book: Workbook) -> None:
    """A chart sheet first (no cells), then the trainings."""
    book.remove(book.active)
    book.create_chartsheet("Chart")
    trainings(book)


def configuration(folder: Path, build: Callable[[Workbook], None]) -> Path:
    """A configuration naming no sheet, reading the trainings of a workbook built so."""
    book = Workbook()
    build(book)
    book.save(folder / "trainings.xlsx")
    config = folder / "config.xml"
    config.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<import-config><import><providers>"
        "<fileSystemSourceProvider><fileName>trainings.xlsx</fileName>"
        "<skipFirstLine>yes</skipFirstLine><columnsMapping><trainingPathCode/>"
        "<trainingTitle/><ignoredColumn/></columnsMapping>"
        "</fileSystemSourceProvider></providers><actions><createOrUpdateTrainingCourseAction>"
        "<fields><trainingPathCode/><trainingTitle/></fields>"
        "</createOrUpdateTrainingCourseAction></actions></import></import-config>\n",
        encoding="utf-8")
    return config


@pytest.mark.parametrize("build", [hidden_lists_first, chart_first])
def test_the_sheet_list_shows_the_first_visible_sheet_the_check_reads(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, screenshots: Path,
        capsys: pytest.CaptureFixture[str], build: Callable[[Workbook], None]) -> None:
    config = configuration(tmp_path, build)
    store = existing_store(tmp_path / "check.sqlite3")
    assert main(["check", str(config), "--store", store]) == 0
    assert "create 1, update 0" in capsys.readouterr().out  # C9, from the sheet Data
    page = opened(window, qtbot, config)
    assert page.sheet_combo.currentText() == "Data"
    assert page.head_model.rowCount() == 1  # C9, under its headers
    window.grab().save(str(screenshots / f"open-unnamed-sheet-{build.__name__}.png"))
    page.header_check.setChecked(False)  # another option: the same sheet, its headers as data
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert window.wizard.state.choices.config.imports[0].provider.sheet == "Data"
    assert page.head_model.rowCount() == 2 and page.isComplete()


def test_an_empty_first_sheet_is_shown_chosen_with_the_checks_refusal(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    config = configuration(tmp_path, trainings)  # openpyxl's first sheet, "Sheet", left empty
    store = existing_store(tmp_path / "check.sqlite3")
    assert main(["check", str(config), "--store", store]) == 2
    refused = f"{tmp_path / 'trainings.xlsx'}: the sheet 'Sheet' is empty"
    assert capsys.readouterr().err == f"importer-gui: {refused}\n"
    page = opened(window, qtbot, config)
    assert page.sheet_combo.currentText() == "Sheet"  # the sheet the refusal names
    assert page.error_label.isVisible() and page.error_label.text() == refused
    assert not page.isComplete()


def test_a_large_workbooks_sheets_are_looked_up_while_the_page_says_it_reads_it(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a large workbook reads all its shared strings (seconds): the page lists its
    sheets and finds the first visible one while it shows the workbook being read, and
    going back to the page does not open it again."""
    looked_up = SlowReads()
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    for name in ("sheet_names", "first_visible_sheet", "sheets_and_visible"):
        monkeypatch.setattr(workbooks, name, looked_up.head(getattr(workbooks, name)))
    config = configuration(tmp_path, hidden_lists_first)
    page = window.wizard.open_page
    assert window.open_file(config)
    qtbot.waitUntil(lambda: bool(looked_up.on_window_thread))  # the sheets being looked up
    assert page.reading_row.isVisible()
    assert page.reading_label.text() == "Reading the first rows of trainings.xlsx…"
    looked_up.release.set()
    wizard = window.wizard
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10_000)
    qtbot.waitUntil(lambda: not wizard.preview_page.runner.busy, timeout=10_000)
    while wizard.currentPage() is not page:  # back to the open page, as the user goes
        wizard.back()
    assert page.sheet_combo.currentText() == "Data"
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Lists", "Data"]
    assert page.head_model.data(page.head_model.index(0, 0)) == "C9" and page.isComplete()
    assert set(looked_up.on_window_thread) == {False}


def test_a_large_workbook_chosen_is_not_opened_again_to_list_its_sheets(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A large workbook chosen as a data file: its sheets are listed in the background too."""
    looked_up = SlowReads()
    looked_up.release.set()
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    for name in ("sheet_names", "sheets_and_visible"):
        monkeypatch.setattr(workbooks, name, looked_up.head(getattr(workbooks, name)))
    configuration(tmp_path, hidden_lists_first)
    page = window.wizard.open_page
    assert window.open_file(tmp_path / "trainings.xlsx")
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Lists", "Data"]
    assert page.sheet_combo.currentText() == "Data"
    assert set(looked_up.on_window_thread) == {False}


def test_another_imports_large_workbook_is_listed_while_the_page_says_it_reads_it(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, screenshots: Path) -> None:
    """Choosing another import whose large workbook was not read yet: its sheets are looked
    up with its first rows, the page showing it reads the workbook meanwhile."""
    config = configuration(tmp_path, hidden_lists_first)
    (tmp_path / "teachers.csv").write_text("trainingPathCode;trainingTitle;x\nC1;One;a\n",
                                           encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    start, end = text.index("<import>"), text.index("</import>") + len("</import>")
    first = text[start:end].replace("trainings.xlsx", "teachers.csv")
    config.write_text(text[:start] + first + text[start:], encoding="utf-8")
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    wizard, page = window.wizard, window.wizard.open_page
    assert window.open_file(config)  # its first import, a text file, read in the background
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=10_000)
    qtbot.waitUntil(lambda: not wizard.preview_page.runner.busy, timeout=10_000)
    while wizard.currentPage() is not page:  # back to the open page, as the user goes
        wizard.back()
    assert page.isComplete()
    looked_up = SlowReads()
    for name in ("sheet_names", "first_visible_sheet", "sheets_and_visible"):
        monkeypatch.setattr(workbooks, name, looked_up.head(getattr(workbooks, name)))
    page.import_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bool(looked_up.on_window_thread))  # the sheets being looked up
    assert page.reading_row.isVisible()
    assert page.reading_label.text() == "Reading the first rows of trainings.xlsx…"
    assert page.file_label.text() == \
        f"Configuration: {config}\nFile: {tmp_path / 'trainings.xlsx'}"
    assert not page.isComplete()
    window.grab().save(str(screenshots / "open-other-import-listing.png"))
    looked_up.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Lists", "Data"]
    assert page.sheet_combo.currentText() == "Data"
    assert page.head_model.data(page.head_model.index(0, 0)) == "C9"
    assert not page.reading_row.isVisible()
    assert set(looked_up.on_window_thread) == {False}
