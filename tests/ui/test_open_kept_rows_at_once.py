"""A large file's first rows already read with the options chosen are shown at once: no
"Reading the first rows…" bar flashes, the table does not empty and refill."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import base
from importer_gui.ui.pages.open_page import OpenPage
from tests.builders import TEACHER_COLUMNS, write_csv, write_xlsx

ROWS = [[f"t{n}", f"Dupont{n}", "Jean", f"t{n}@example.org"] for n in range(5)]


@pytest.fixture
def page(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> OpenPage:
    """The open page, every file read in the background unless its rows are kept."""
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)
    return window.wizard.open_page


def opened(window: MainWindow, qtbot: QtBot, path: Path) -> OpenPage:
    """``path`` opened as the user opens it, its first rows shown."""
    page = window.wizard.open_page
    assert window.open_file(path)
    read(page, qtbot)
    return page


def read(page: OpenPage, qtbot: QtBot) -> None:
    """Wait for the page's reading in the background to end."""
    qtbot.waitUntil(lambda: not page.runner.busy and not page.reading, timeout=10_000)


def shown_at_once(page: OpenPage) -> list[str]:
    """The first column the table shows, asserted shown without any reading under way (no
    turn of the event loop has passed since the option changed)."""
    assert not page.reading
    assert page.reading_row.isHidden()
    assert page.isComplete()
    model = page.head_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_the_header_box_shows_a_large_workbooks_kept_rows_at_once(
        window: MainWindow, page: OpenPage, qtbot: QtBot, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "teachers.xlsx", [TEACHER_COLUMNS, *ROWS])
    opened(window, qtbot, book)
    assert page.header_check.isChecked()
    page.header_check.click()
    assert shown_at_once(page) == [TEACHER_COLUMNS[0]] + [row[0] for row in ROWS]
    page.header_check.click()
    assert shown_at_once(page) == [row[0] for row in ROWS]


def test_a_large_workbooks_sheet_read_before_is_shown_at_once(
        window: MainWindow, page: OpenPage, qtbot: QtBot, tmp_path: Path) -> None:
    book = Workbook()
    first = book.active
    first.title = "Teachers"
    for row in [TEACHER_COLUMNS, *ROWS]:
        first.append(row)
    book.create_sheet("Others").append(TEACHER_COLUMNS)
    book["Others"].append(["o1", "Martin", "Paul", "o1@example.org"])
    book.save(tmp_path / "teachers.xlsx")
    opened(window, qtbot, tmp_path / "teachers.xlsx")
    page.sheet_combo.setCurrentText("Others")
    assert page.reading  # never read with this sheet: in the background
    read(page, qtbot)
    assert shown_at_once(page) == ["o1"]
    page.sheet_combo.setCurrentText("Teachers")
    assert shown_at_once(page) == [row[0] for row in ROWS]


def test_a_large_text_files_reading_options_read_before_are_shown_at_once(
        window: MainWindow, page: OpenPage, qtbot: QtBot, tmp_path: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", [TEACHER_COLUMNS, *ROWS])
    opened(window, qtbot, data)
    assert page.encoding_combo.currentText() == "UTF-8"
    page.encoding_combo.setCurrentText("ISO-8859-1")
    assert page.reading  # never read so: in the background
    read(page, qtbot)
    page.encoding_combo.setCurrentText("UTF-8")
    assert shown_at_once(page) == [row[0] for row in ROWS]
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData("comma"))
    read(page, qtbot)  # refused: a comma splits none of its lines
    assert not page.isComplete()
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData("semicolon"))
    assert shown_at_once(page) == [row[0] for row in ROWS]
