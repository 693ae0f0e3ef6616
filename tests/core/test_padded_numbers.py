"""A workbook number shown with leading zeros (a code formatted 00000) is read as it is
shown, as a spreadsheet's own CSV export writes it: 00042, never 42."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from importer_gui.core.cells import Shown
from importer_gui.core.readers import MemoryBudget, prepare, sheet_xml
from importer_gui.core.readers.guards import CELL_NOTE_COST, padded_styles
from importer_gui.core.readers.sheet_xml import _walked_padded, padded_numbers
from importer_gui.core.readers.table import SCAN_CHUNK
from tests.builders import ImportSpec, rewrite_package, write_config
from tests.core.test_error_cells import ods_text, run, write_ods

COLUMNS = ("trainingPathCode", "trainingTitle", "trainingModality")


def stored(folder: Path) -> list[tuple[str, str]]:
    """The store's training courses: (code, title)."""
    with sqlite3.connect(folder / "s.db") as conn:
        return conn.execute("SELECT path_code, title FROM training ORDER BY id").fetchall()


def test_an_xlsx_code_formatted_with_zeros_keeps_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for code, shape in ((42, "00000"), (123456, "00000"), (7, "General"), (-3, "000"),
                        (8, "0.00")):
        sheet.append((code, f"Title {code}", "blended"))
        sheet.cell(sheet.max_row, 1).number_format = shape
    path = tmp_path / "t.xlsx"
    book.save(path)
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert stored(tmp_path) == [("00042", "Title 42"), ("123456", "Title 123456"),
                                ("7", "Title 7"), ("-003", "Title -3"), ("8", "Title 8")]


def ods_number(value: str, shown: str) -> str:
    """A number cell of an .ods, with the text LibreOffice shows for it."""
    return (f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{shown}</text:p></table:table-cell>")


def test_an_ods_code_formatted_with_zeros_keeps_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(
        f"<table:table-row>{first}{ods_text(title)}{ods_text('blended')}</table:table-row>"
        for first, title in (("".join(map(ods_text, COLUMNS[:1])), COLUMNS[1]),
                             (ods_number("42", "00042"), "A"), (ods_number("7", "7"), "B"),
                             (ods_number("5", "5,00"), "C")))
    rows = rows.replace(f"{ods_text(COLUMNS[1])}{ods_text('blended')}",
                        "".join(map(ods_text, COLUMNS[1:])), 1)
    path = tmp_path / "t.ods"
    write_ods(path, rows)
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert stored(tmp_path) == [("00042", "A"), ("7", "B"), ("5", "C")]


def test_the_search_finds_what_the_walk_finds_across_chunks(tmp_path: Path) -> None:
    # Over a megabyte of sheet: cells cut between two chunks are found too.
    book = Workbook(write_only=True)
    sheet = book.create_sheet("D")
    for number in range(30_000):
        cell = WriteOnlyCell(sheet, value=number % 2000)
        cell.number_format = "00000"
        sheet.append([cell, f"Title {number}", number])
    path = tmp_path / "t.xlsx"
    book.save(path)
    widths = padded_styles(path)
    with zipfile.ZipFile(path) as package:
        part = "xl/worksheets/sheet1.xml"
        assert package.getinfo(part).file_size > SCAN_CHUNK
        searched = padded_numbers(package, part, widths)
        walked = _walked_padded(package, part, widths)
    assert searched.count == walked.count == 30_000
    assert searched.rows == walked.rows
    assert searched.at(1235) == [(1, 1, Shown("01234", "1234"))]


def test_the_walk_reads_a_value_the_chunks_cut_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Wherever a chunk of XML ends, a <v> it cuts is read with the rest of its digits.
    book = Workbook(write_only=True)
    sheet = book.create_sheet("D")
    for number in (1234, 56789, 7, 40123):
        cell = WriteOnlyCell(sheet, value=number)
        cell.number_format = "000000"
        sheet.append([cell, "T"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    widths = padded_styles(path)
    expected = ["001234", "056789", "000007", "040123"]
    with zipfile.ZipFile(path) as package:
        for chunk in range(16, 160):
            monkeypatch.setattr(sheet_xml, "SCAN_CHUNK", chunk)
            walked = _walked_padded(package, "xl/worksheets/sheet1.xml", widths)
            assert [str(cell) for row in range(1, 5) for _, _, cell in walked.at(row)] == (
                expected), chunk


def test_cells_written_without_their_reference_are_walked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append((42, "Title", "blended"))
    sheet["A2"].number_format = "00000"
    path = tmp_path / "t.xlsx"
    book.save(path)
    rewrite_package(path, {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(b' r="A2"', b"")})
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert stored(tmp_path) == [("00042", "Title")]


def test_an_ods_texts_tabs_and_line_breaks_are_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # calamine drops <text:tab/> and <text:line-break/>, gluing the words on either side.
    titles = ('Salle<text:tab/>B', '12 rue Haute<text:line-break/>Lyon',
              '<text:span>A<text:s text:c="2"/>B<text:tab/>C</text:span>',
              'Note<office:annotation><text:p>hidden</text:p></office:annotation>')
    rows = "<table:table-row>" + "".join(map(ods_text, COLUMNS)) + "</table:table-row>" + "".join(
        f"<table:table-row>{ods_text(f'C{i}')}{ods_text(title)}{ods_text('blended')}"
        "</table:table-row>" for i, title in enumerate(titles))
    path = tmp_path / "t.ods"
    write_ods(path, rows)
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert stored(tmp_path) == [("C0", "Salle\tB"), ("C1", "12 rue Haute\nLyon"),
                                ("C2", "A  B\tC"), ("C3", "Note")]


def test_the_cells_read_as_shown_are_charged_to_the_budget(tmp_path: Path) -> None:
    # Each is noted until its row is read: a million of them would be hundreds of MB.
    def charged(shape: str) -> int:
        book = Workbook()
        sheet = book.active
        for number in range(1000):
            sheet.append((number, "Title"))
            sheet.cell(sheet.max_row, 1).number_format = shape
        path = tmp_path / f"{len(list(tmp_path.iterdir()))}.xlsx"
        book.save(path)
        budget = MemoryBudget(1 << 30)
        prepare(path, budget, skip_first_line=False)
        return budget.used

    assert charged("00000") - charged("General") >= CELL_NOTE_COST * 1000
    assert charged('"TC-"0000') - charged("General") >= CELL_NOTE_COST * 1000


def ods_time(value: str, shown: str) -> str:
    """An elapsed-time cell of an .ods, with the text LibreOffice shows for it."""
    return (f'<table:table-cell office:value-type="time" office:time-value="{value}">'
            f"<text:p>{shown}</text:p></table:table-cell>")


def test_an_ods_reads_long_times_and_merged_cells_as_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # calamine reads an elapsed time past a day as its ISO text, and the text a merged cell
    # hides under it as if it showed.
    columns = (*COLUMNS, "trainingDescription")
    merged = ('<table:table-cell table:number-rows-spanned="2" office:value-type="string">'
              "<text:p>Merged</text:p></table:table-cell>")
    hidden = '<table:covered-table-cell office:value-type="string"><text:p>hidden</text:p>'
    rows = "".join(f"<table:table-row>{cells}</table:table-row>" for cells in (
        "".join(map(ods_text, columns)),
        ods_text("C1") + ods_time("PT36H00M00S", "36:00:00") + ods_text("blended")
        + ods_time("-PT01H30M00S", "-01:30:00"),
        ods_text("C2") + ods_time("P2DT01H00M05S", "49:00:05") + ods_text("blended")
        + ods_time("PT12H30M00S", "12:30:00"),
        ods_text("C3") + ods_text("Title") + ods_text("blended") + merged,
        ods_text("C4") + ods_text("Title") + ods_text("blended") + hidden
        + "</table:covered-table-cell>"))
    path = tmp_path / "t.ods"
    write_ods(path, rows)
    write_config(tmp_path, ImportSpec(path.name, columns, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    with sqlite3.connect(tmp_path / "s.db") as conn:
        assert conn.execute("SELECT path_code, title, modality, description FROM training "
                            "ORDER BY id").fetchall() == [
            ("C1", "36:00:00", "blended", "-1:30:00"), ("C2", "49:00:05", "blended", "12:30:00"),
            ("C3", "Title", "blended", "Merged"), ("C4", "Title", "blended", None)]
