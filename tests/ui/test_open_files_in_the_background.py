"""Choosing a data file never holds the window. A workbook's first rows mean loading its
whole sheet: one of a few thousand rows is read in the background, with Cancel, while a
workbook of ten rows is shown at once. A large file chosen for a configuration's missing one
is read once, in the background, and Cancel or Escape leaves the configuration as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core import first_rows, readers
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.open_page import OpenPage
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import OPEN, PREVIEW
from tests.builders import TEACHER_COLUMNS, write_xlsx
from tests.ui.test_large_files_in_the_background import SlowReads
from tests.ui.test_someone_elses_configuration import FileDialog, configuration, shown
from tests.ui.waits import LONGEST_WAIT, least_of, longest_wait
from tests.ui.wizards import shot


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowReads]:
    """Reading a file's first rows waits for the test (the sizes that count as large are the
    application's own)."""
    reads = SlowReads()
    monkeypatch.setattr(readers, "head_both_ways", reads.head(readers.head_both_ways))
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


@pytest.fixture
def a_file_to_choose(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                     held: SlowReads) -> tuple[OpenPage, Path]:
    """A saved configuration open whose data file is missing, and a file of 60,000 teachers
    (over a megabyte) that the file dialog answers with; its reading held."""
    held.release.set()
    config = configuration(tmp_path, "<fileName>missing.csv</fileName>")
    assert window.open_file(config)
    assert window.wizard.currentId() == OPEN and shown(window)[1]
    large = tmp_path / "found.csv"
    lines = [";".join(TEACHER_COLUMNS)] + [f"t{n};Nom{n};Prénom{n};t{n}@example.org"
                                           for n in range(60_000)]
    large.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert large.stat().st_size > 1_000_000
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                        staticmethod(FileDialog([large, large])))
    held.release.clear()
    held.on_window_thread.clear()
    return window.wizard.open_page, config


def test_a_large_file_chosen_for_a_missing_one_is_read_once_in_the_background(
        window: MainWindow, qtbot: QtBot, held: SlowReads, screenshots: Path,
        a_file_to_choose: tuple[OpenPage, Path]) -> None:
    page, _config = a_file_to_choose
    shows: list[tuple[str, bool]] = []  # each reading the page says, and whether it has Cancel
    show_reading = page._show_reading

    def said(text: str | None, *, cancel: str | None = None) -> None:
        show_reading(text, cancel=cancel)
        if page.reading_row.isVisible():
            shows.append((page.reading_label.text(), page.reading_row.cancel_button.isVisible()))
    page._show_reading = said  # type: ignore[method-assign]
    assert page.choose_data_file()
    assert page.reading_row.isVisible() and page.reading_row.cancel_button.isVisible()
    shot(window, screenshots, "open-chosen-file-reading")
    held.release.set()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW
                    and window.state.choices.plan is not None, timeout=30_000)
    assert shows == [("Reading the first rows of found.csv…", True)]
    assert held.on_window_thread == [False]  # its first rows read once, off the window
    assert len(window.state.choices.plan.imports[0].rows) == 60_000


@pytest.mark.parametrize("stop", ["Cancel", "Escape"])
def test_cancel_while_a_chosen_file_is_read_leaves_the_configuration_as_it_was(
        window: MainWindow, qtbot: QtBot, held: SlowReads, stop: str,
        a_file_to_choose: tuple[OpenPage, Path]) -> None:
    page, config = a_file_to_choose
    asked = shown(window)
    assert page.choose_data_file()
    qtbot.waitUntil(lambda: len(held.on_window_thread) > 0)  # its first rows being read
    if stop == "Cancel":
        qtbot.mouseClick(page.reading_row.cancel_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.reading_row.isVisible(), timeout=2_000)
    assert shown(window) == asked  # the file still to choose, with its button
    assert window.state.choices.config_path == config
    assert window.state.choices.data_files == [config.parent / "missing.csv"]
    assert page.file_label.text() == f"Configuration: {config}"
    assert not page.isComplete()
    held.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert window.wizard.currentId() == OPEN and shown(window) == asked
    assert Settings().recent_files() == [config]
    assert page.choose_data_file()  # chosen again: read, and on to the preview
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=30_000)
