"""A large file never keeps the window waiting (issue 18). Opened, its sheet is chosen and its
first rows read in the background, the page saying which file it reads, with Cancel; what
the page then shows, and says of a file it cannot open, is what it shows of a small one. On
the configuration page, the columns it maps by header are checked against it in the
background, Next waiting for them."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import first_rows, readers
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import base
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.pages.open_page import OpenPage
from importer_gui.ui.settings import Settings
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, PREVIEW
from tests.builders import TEACHER_COLUMNS, write_csv, write_xlsx
from tests.core.test_init_guesses import empty_first
from tests.ui.test_hand_edits_kept import click
from tests.ui.test_someone_elses_configuration import FileDialog, configuration, teachers


class SlowReads:
    """The readers' first rows held back until released, each read's thread noted."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.on_window_thread: list[bool] = []

    def head(self, real: object) -> object:
        def held(*args: object, **kwargs: object) -> object:
            self.on_window_thread.append(threading.current_thread() is threading.main_thread())
            self.release.wait(5)
            return real(*args, **kwargs)  # type: ignore[operator]
        return held


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowReads]:
    """Every file counts as large, and reading its first rows waits for the test."""
    reads = SlowReads()
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)
    monkeypatch.setattr(readers, "head_both_ways", reads.head(readers.head_both_ways))
    yield reads
    reads.release.set()


def test_a_large_workbook_is_opened_in_the_background_on_its_first_sheet_holding_data(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    book = empty_first(tmp_path / "trainings.xlsx")
    page = window.wizard.open_page
    assert window.open_file(book)  # at once: the sheets are read in the background
    assert page.reading_label.text() == "Reading the first rows of trainings.xlsx…"
    assert page.reading_row.cancel_button.isVisible()
    assert page.file_label.text() == f"File: {book}"
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert set(slow.on_window_thread) == {False}  # every sheet read off the window's thread
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Empty", "Data"]
    assert page.sheet_combo.currentText() == "Data"
    assert "sheet Data (likely)" in page.applied_label.text()
    assert page.head_model.data(page.head_model.index(0, 0)) == "C9"
    assert page.reading_label.isHidden() and not page.reading_row.isVisible()
    assert Settings().recent_files()[0] == book


def teachers_open(window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads
                  ) -> tuple[OpenPage, Path]:
    """A small teachers' workbook open (read at once); the reads after it wait for
    ``slow.release``."""
    first = write_xlsx(tmp_path / "teachers.xlsx", [["Login", "Nom"], ["zoe", "Zoe"]])
    slow.release.set()
    page = window.wizard.open_page
    assert window.open_file(first)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    slow.release.clear()
    return page, first


def cancelled(page: OpenPage, first: Path, qtbot: QtBot, slow: SlowReads) -> None:
    """Cancel pressed while a file is opened: once the reading ends, ``first`` is still the
    file shown, with its first rows."""
    qtbot.mouseClick(page.reading_row.cancel_button, Qt.MouseButton.LeftButton)
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert page.data_file() == first.resolve()
    assert page.file_label.text() == f"File: {first}"
    assert page.head_model.data(page.head_model.index(0, 0)) == "zoe"


def test_cancel_keeps_the_file_open_before(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                                          slow: SlowReads) -> None:
    page, first = teachers_open(window, tmp_path, qtbot, slow)
    second = empty_first(tmp_path / "trainings.xlsx")
    assert window.open_file(second)
    cancelled(page, first, qtbot, slow)
    assert not page.error_label.isVisible() and not page.reading_row.isVisible()
    assert Settings().recent_files() == [first]


def test_cancel_while_a_large_csv_files_first_rows_are_read_keeps_the_file_open_before(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    """A text file's encoding is guessed at once; its first rows, measured whole, take the
    time: Cancel then stops the opening too, and so does New import."""
    page, first = teachers_open(window, tmp_path, qtbot, slow)
    second = write_csv(tmp_path / "learners.csv", [["Login", "Nom"], ["bob", "Bob"]])
    assert window.open_file(second)
    qtbot.waitUntil(lambda: len(slow.on_window_thread) == 2)  # its first rows being read
    cancelled(page, first, qtbot, slow)
    assert Settings().recent_files() == [first]
    slow.release.clear()
    reads = len(slow.on_window_thread)
    assert window.open_file(write_csv(tmp_path / "rooms.csv", [["Salle"], ["Rhône"]]))
    qtbot.waitUntil(lambda: len(slow.on_window_thread) > reads)
    assert window.wizard.new_import()
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert page.data_file() is None and page.file_label.text() == "No file chosen yet."


def test_cancel_shows_the_file_open_before_at_once_and_next_goes_on_with_it(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    """The cancelled opening's sheet is still being loaded (it cannot be stopped midway):
    the file open before is back all the same, and Next takes it on."""
    page, first = teachers_open(window, tmp_path, qtbot, slow)
    assert window.open_file(empty_first(tmp_path / "trainings.xlsx"))
    qtbot.waitUntil(lambda: len(slow.on_window_thread) > 0)  # its sheet being loaded
    qtbot.mouseClick(page.reading_row.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.isComplete, timeout=2_000)  # well before the held read goes on
    assert page.file_label.text() == f"File: {first}"
    assert page.head_model.data(page.head_model.index(0, 0)) == "zoe"
    assert not page.reading_row.isVisible()
    click(qtbot, window.wizard, QWizard.WizardButton.NextButton)
    assert window.wizard.currentId() == ACTION
    assert not slow.release.is_set()  # the cancelled sheet is still being loaded


def test_escape_stops_reading_another_sheet_and_the_sheet_read_before_is_back(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    """Choosing another sheet of a large workbook loads it whole in the background, with
    Cancel; Escape (or Cancel) brings the sheet shown before back at once."""
    book = Workbook()
    book.active.title = "Teachers"
    book.active.append(["Login", "Nom"])
    book.active.append(["zoe", "Zoe"])
    book.create_sheet("Rooms").append(["Salle"])
    book.save(path := tmp_path / "school.xlsx")
    slow.release.set()
    page = window.wizard.open_page
    assert window.open_file(path)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    slow.release.clear()
    page.sheet_combo.setFocus()
    qtbot.keyClick(page.sheet_combo, Qt.Key.Key_Down)  # the user chooses Rooms
    assert window.state.choices.config.imports[0].provider.sheet == "Rooms"
    assert page.reading_label.text() == "Reading the first rows of school.xlsx…"
    assert page.reading_row.cancel_button.isVisible()
    qtbot.waitUntil(lambda: len(slow.on_window_thread) > 0)  # the sheet being loaded
    qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(page.isComplete, timeout=2_000)  # well before the held read goes on
    assert page.sheet_combo.currentText() == "Teachers"
    assert window.state.choices.config.imports[0].provider.sheet == "Teachers"
    assert page.head_model.data(page.head_model.index(0, 0)) == "zoe"
    assert not page.reading_row.isVisible()
    click(qtbot, window.wizard, QWizard.WizardButton.NextButton)
    assert window.wizard.currentId() == ACTION


def test_escape_stops_opening_a_large_file_too(window: MainWindow, tmp_path: Path,
                                              qtbot: QtBot, slow: SlowReads) -> None:
    page = window.wizard.open_page
    assert window.open_file(empty_first(tmp_path / "trainings.xlsx"))
    qtbot.keyClick(window.wizard, Qt.Key.Key_Escape)
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert page.data_file() is None
    assert page.file_label.text() == "No file chosen yet."
    assert Settings().recent_files() == []


def test_a_large_file_that_is_no_workbook_says_so_once_read(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    first = write_xlsx(tmp_path / "teachers.xlsx", [["Login", "Nom"], ["zoe", "Zoe"]])
    slow.release.set()
    page = window.wizard.open_page
    assert window.open_file(first)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    bad = tmp_path / "export.xlsx"
    bad.write_text("Login;Nom\nzoe;Zoe\n", encoding="utf-8")
    assert window.open_file(bad)
    qtbot.waitUntil(lambda: not page.runner.busy and page.error_label.isVisible(),
                    timeout=10_000)
    assert page.error_label.text() == (
        f"{bad}: this is not a .xlsx workbook (it may be a text or CSV file renamed .xlsx)")
    assert page.data_file() is None  # the file opened before is closed, as for a small one
    assert not page.isComplete()
    assert Settings().recent_files() == [first]


def test_a_large_file_chosen_for_a_configuration_goes_on_to_the_preview_once_read(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = configuration(tmp_path, "<fileName>teachers.csv</fileName>"
                                     "<path>/home/bob/exports</path>")
    dialog = FileDialog([teachers(tmp_path / "mine.csv")])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    assert window.open_file(config)
    assert window.wizard.open_page.choose_data_file()
    slow.release.set()
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW
                    and window.state.choices.plan is not None, timeout=20_000)
    assert window.state.choices.data_files == [tmp_path / "mine.csv"]


def at_the_mapping(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> Path:
    """A teachers' file opened, on to the mapping page (each column mapped as guessed)."""
    data = write_csv(tmp_path / "teachers.csv", [TEACHER_COLUMNS, ["zoe", "Z", "Zoe", ""]])
    wizard = window.wizard
    assert window.open_file(data)
    qtbot.waitUntil(lambda: not wizard.open_page.runner.busy and wizard.open_page.isComplete(),
                    timeout=10_000)
    while wizard.currentId() != MAPPING:
        wizard.next()
    return data


def at_the_configuration(window: MainWindow, tmp_path: Path, qtbot: QtBot,
                         slow: SlowReads) -> ConfigPage:
    """A teachers' file opened, on to the configuration page, said valid once read."""
    slow.release.set()
    at_the_mapping(window, tmp_path, qtbot)
    window.wizard.next()
    page = window.wizard.config_page
    qtbot.waitUntil(lambda: page.status_label.text() == "The configuration is valid.",
                    timeout=10_000)
    return page


def test_the_configuration_page_checks_a_large_files_columns_in_the_background(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    slow.release.set()
    at_the_mapping(window, tmp_path, qtbot)
    slow.release.clear()
    slow.on_window_thread.clear()
    first_rows._cached_head.cache_clear()  # its first rows no longer kept: read again
    window.wizard.next()  # the page reads the file anew to check the columns mapped
    assert window.wizard.currentId() == CONFIG
    next_button = window.wizard.button(QWizard.WizardButton.NextButton)
    page = window.wizard.config_page
    assert page.status_label.text() == "Checking the columns mapped by header against the file…"
    assert not next_button.isEnabled()
    slow.release.set()
    qtbot.waitUntil(lambda: page.status_label.text() == "The configuration is valid.",
                    timeout=10_000)
    assert next_button.isEnabled()
    assert set(slow.on_window_thread) == {False}


def test_an_edit_mapping_a_header_the_large_file_lacks_is_said_once_checked(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    page = at_the_configuration(window, tmp_path, qtbot, slow)
    text = page.editor.toPlainText()
    page.editor.setPlainText(text.replace('ia:header="teacherName"', 'ia:header="Nom"'))
    first_rows._cached_head.cache_clear()  # its first rows no longer kept: read again
    slow.release.clear()
    assert not page.parse_now()
    assert page.status_label.text() == "Checking the columns mapped by header against the file…"
    assert not page.save_config_as(tmp_path / "saved.xml")
    assert page.error_label.text() == (
        "The file's columns are still being checked: wait until the configuration is said to "
        "be valid.")
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy and page.status_label.text() != (
        "Checking the columns mapped by header against the file…"), timeout=10_000)
    assert page.status_label.text() == (
        'teachers.csv has no column "Nom" (teacherName): the configuration maps it by header; '
        "map the file again in the wizard, or give the file that header.")
    assert not page.isComplete()
    headers = [c.header for c in window.state.choices.config.imports[0].provider.columns]
    assert headers == ["teacherLogin", "Nom", "teacherFirstname", "teacherEmail"]


def test_a_small_file_opened_while_a_large_ones_rows_are_read_again_shows_its_own_rows(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "background_bytes", lambda _path: 2_000)
    large = write_csv(tmp_path / "learners.csv",
                      [["Login", "Nom"], *([f"u{n}", "N" * 20] for n in range(200))])
    slow.release.set()
    page = window.wizard.open_page
    assert window.open_file(large)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    slow.release.clear()
    page.encoding_combo.setCurrentText("ISO-8859-1")  # never read so: in the background
    assert page.runner.busy
    small = write_csv(tmp_path / "rooms.csv", [["Salle"], ["Rhône"]])
    assert window.open_file(small)  # read at once
    slow.release.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    assert page.file_label.text() == f"File: {small}"
    model = page.head_model
    assert [model.data(model.index(row, 0)) for row in range(model.rowCount())] == ["Rhône"]
    assert page.isComplete() and not page.reading_row.isVisible()


def test_xml_typed_then_back_at_once_is_on_the_mapping_page_and_kept_by_next(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    from tests.ui.test_hand_edits_kept import click, type_over

    page = at_the_configuration(window, tmp_path, qtbot, slow)
    slow.on_window_thread.clear()
    type_over(qtbot, window, "YYYY-MM-DD", "DD/MM/YYYY")
    click(qtbot, window.wizard, QWizard.WizardButton.BackButton)  # its columns checked after
    assert window.wizard.mapping_page.date_format_edit.text() == "DD/MM/YYYY"
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=10_000)
    click(qtbot, window.wizard, QWizard.WizardButton.NextButton)
    assert window.wizard.currentId() == CONFIG
    assert window.state.choices.config.imports[0].provider.date_format == "DD/MM/YYYY"
    assert True not in slow.on_window_thread  # the file never read on the window's thread


def test_a_configuration_mapped_by_position_is_valid_without_its_other_files_read_again(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    teachers(tmp_path / "first.csv")
    teachers(tmp_path / "second.csv")
    config = configuration(tmp_path, "<fileName>first.csv</fileName>",
                           "<fileName>second.csv</fileName>")
    slow.release.set()  # the open page reads the first import's file
    assert window.open_file(config)
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW, timeout=10_000)
    slow.release.clear()  # the second file's first rows would be read now: held
    window.wizard.back()
    window.wizard.config_page.initializePage()
    page = window.wizard.config_page
    assert window.wizard.currentId() == CONFIG
    assert page.status_label.text() == "The configuration is valid."
    assert page.isComplete()
    assert not page.runner.busy


def test_back_and_next_again_checks_the_columns_at_once_the_rows_being_kept(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    page = at_the_configuration(window, tmp_path, qtbot, slow)
    qtbot.waitUntil(lambda: not window.wizard.open_page.runner.busy, timeout=10_000)
    window.wizard.back()
    slow.release.clear()  # a read now would hold the window: none is made
    slow.on_window_thread.clear()
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert page.status_label.text() == "The configuration is valid."
    assert window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not page.runner.busy
    assert slow.on_window_thread == []


def test_a_large_workbooks_columns_are_checked_at_once_its_first_rows_being_kept(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    book = write_xlsx(tmp_path / "teachers.xlsx", [TEACHER_COLUMNS, ["zoe", "Z", "Zoe", ""]])
    wizard = window.wizard
    slow.release.set()
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not wizard.open_page.runner.busy and wizard.open_page.isComplete(),
                    timeout=10_000)
    while wizard.currentId() != MAPPING:
        wizard.next()
    slow.release.clear()
    slow.on_window_thread.clear()
    wizard.next()  # the open page read its first rows: its header line is among them
    page = wizard.config_page
    assert page.status_label.text() == "The configuration is valid."
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not page.runner.busy
    assert slow.on_window_thread == []


def test_a_large_file_changed_since_its_rows_were_read_is_checked_in_the_background(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, slow: SlowReads) -> None:
    page = at_the_configuration(window, tmp_path, qtbot, slow)
    qtbot.waitUntil(lambda: not window.wizard.open_page.runner.busy, timeout=10_000)
    window.wizard.back()
    data = tmp_path / "teachers.csv"
    write_csv(data, [TEACHER_COLUMNS, ["zoe", "Z", "Zoe", ""], ["yann", "Y", "Yann", ""]])
    slow.release.clear()
    slow.on_window_thread.clear()
    window.wizard.next()
    assert page.status_label.text() == "Checking the columns mapped by header against the file…"
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    slow.release.set()
    qtbot.waitUntil(lambda: page.status_label.text() == "The configuration is valid.",
                    timeout=10_000)
    assert set(slow.on_window_thread) == {False}
