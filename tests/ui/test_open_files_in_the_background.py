"""Choosing a data file never holds the window. A workbook's first rows mean loading its
whole sheet: one of a few thousand rows is read in the background, with Cancel, while a
workbook of ten rows is shown at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.core import first_rows, readers
from importer_gui.ui.main_window import MainWindow
from tests.builders import TEACHER_COLUMNS, write_xlsx
from tests.ui.test_large_files_in_the_background import SlowReads
from tests.ui.waits import LONGEST_WAIT, least_of, longest_wait


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowReads]:
    """Reading a file's first rows waits for the test (the sizes that count as large are the
    application's own)."""
    reads = SlowReads()
    monkeypatch.setattr(readers, "head", reads.head(readers.head))
    yield reads
    reads.release.set()


def teachers_book(path: Path, rows: int) -> Path:
    """A teachers' workbook of ``rows`` rows under its header line."""
    return write_xlsx(path, [TEACHER_COLUMNS, *([f"t{n}", f"Nom{n}", f"Prénom{n}",
                                                 f"t{n}@example.org"] for n in range(rows))])


@pytest.fixture(scope="module")
def book_of_40000(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook of 40,000 rows, under a megabyte."""
    return teachers_book(tmp_path_factory.mktemp("books") / "teachers.xlsx", 40_000)


def test_a_workbook_of_a_few_thousand_rows_is_read_in_the_background_with_cancel(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, held: SlowReads) -> None:
    book = teachers_book(tmp_path / "teachers.xlsx", 5_000)
    assert book.stat().st_size < 1_000_000  # what a text file must reach to be large
    page = window.wizard.open_page
    assert window.open_file(book)
    assert page.reading_label.text() == "Reading the first rows of teachers.xlsx…"
    assert page.reading_row.cancel_button.isVisible()
    held.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert set(held.on_window_thread) == {False}
    assert page.head_model.data(page.head_model.index(0, 0)) == "t0"


def test_a_workbook_of_ten_rows_is_shown_at_once(window: MainWindow, tmp_path: Path,
                                                 held: SlowReads) -> None:
    """No progress bar flashes for a small workbook: its rows are there as it opens."""
    held.release.set()
    page = window.wizard.open_page
    assert window.open_file(teachers_book(tmp_path / "teachers.xlsx", 10))
    assert page.isComplete() and not page.reading_row.isVisible()
    assert page.head_model.rowCount() == 10


def test_opening_a_workbook_of_40000_rows_never_holds_the_window(
        window: MainWindow, qtbot: QtBot, book_of_40000: Path) -> None:
    page = window.wizard.open_page

    def opening() -> float:
        window.wizard.new_import()
        first_rows._cached_head.cache_clear()  # read as the first time
        wait = longest_wait(qtbot, lambda: window.open_file(book_of_40000))
        qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=20_000)
        return wait

    assert least_of(3, opening) < LONGEST_WAIT
