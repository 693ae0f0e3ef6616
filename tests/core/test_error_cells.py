"""A workbook cell holding a formula's error (#DIV/0!, #N/A...) is a row error naming the
cell, never read as empty; a cell whose text merely is "#N/A" stays text."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.cli import main
from importer_gui.core.readers import sheet_xml
from tests.builders import ImportSpec, rewrite_package, write_config
from tests.stores import existing_store

COLUMNS = ("trainingPathCode", "trainingTitle", "trainingModality", "trainingDescription")
SHEET = "xl/worksheets/sheet1.xml"


def course_workbook(folder: Path, row: tuple[str, ...], errors: dict[str, str],
                    text: dict[str, str] | None = None) -> Path:
    """courses.xlsx of one course (its ``errors`` cells hold that error, as a spreadsheet
    saves it; its ``text`` cells hold that text) and its configuration."""
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append(row)
    for place, error in errors.items():
        sheet[place] = error
        sheet[place].data_type = "e"
    for place, value in (text or {}).items():
        sheet[place] = value
        sheet[place].data_type = "s"
    path = folder / "courses.xlsx"
    book.save(path)
    write_config(folder, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    return path


def run(capsys: pytest.CaptureFixture[str], command: str, folder: Path,
        ) -> tuple[int, list[str]]:
    """``command`` on the folder's configuration and store: exit code and output lines."""
    code = main([command, str(folder / "config.xml"), "--store", str(folder / "s.db")])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out.splitlines()


def courses(folder: Path) -> list[tuple[str, str]]:
    """The store's training courses: (code, description)."""
    with sqlite3.connect(folder / "s.db") as conn:
        return conn.execute("SELECT path_code, description FROM training ORDER BY id"
                            ).fetchall()


def message(field: str, cell: str, error: str) -> str:
    """What a row's error says of a cell holding a formula's error."""
    return (f"Field {field}: the cell {cell} holds the formula error {error}; correct the "
            "formula in the workbook and save it again")


def test_an_error_in_an_optional_column_is_a_row_error_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    course_workbook(tmp_path, ("D1", "Title D1", "blended", ""), {"D2": "#DIV/0!"})
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert lines[1:] == [
        "  create 0, update 0, unchanged 0, delete 0, error 1",
        "courses.xlsx:2: ERROR trainingDescription: "
        + message("trainingDescription", "D2", "#DIV/0!"),
        "Total: create 0, update 0, unchanged 0, delete 0, error 1"]
    code, lines = run(capsys, "commit", tmp_path)
    assert code == 1
    assert courses(tmp_path) == []


def test_an_error_in_a_mandatory_column_is_named_not_called_empty(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    course_workbook(tmp_path, ("C1", "", "blended", "About C1"), {"B2": "#N/A"})
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert lines[2] == (f"courses.xlsx:2: ERROR trainingTitle: "
                        f"{message('trainingTitle', 'B2', '#N/A')}")


def test_the_error_excel_saves_with_its_formula(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = course_workbook(tmp_path, ("D1", "Title D1", "blended", ""), {"D2": "#DIV/0!"})
    rewrite_package(path, {SHEET: lambda xml: xml.replace(
        b'<c r="D2" t="e"><v>#DIV/0!</v></c>',
        b'<c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')})
    assert b"<f>1/0</f>" in zipfile.ZipFile(path).read(SHEET)
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert lines[2].endswith(message("trainingDescription", "D2", "#DIV/0!"))


def test_unusual_xml_is_read_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Single quotes send the sheet to the exact walk of its tags.
    path = course_workbook(tmp_path, ("D1", "Title D1", "blended", ""), {"D2": "#REF!"})
    rewrite_package(path, {SHEET: lambda xml: xml.replace(b'<c r="D2" t="e">',
                                                          b"<c r='D2' t='e'>")})
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert lines[2].endswith(message("trainingDescription", "D2", "#REF!"))


def test_an_error_the_walk_finds_cut_between_two_chunks_is_named_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = course_workbook(tmp_path, ("D1", "Title D1", "blended", ""), {"D2": "#DIV/0!"})
    rewrite_package(path, {SHEET: lambda xml: xml.replace(b'<c r="D2" t="e">',
                                                          b"<c r='D2' t='e'>")})
    # The sheet's first chunk of XML ends within the error's text.
    cut = zipfile.ZipFile(path).read(SHEET).index(b"#DIV/0!") + 3
    monkeypatch.setattr(sheet_xml, "SCAN_CHUNK", cut)
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert lines[2].endswith(message("trainingDescription", "D2", "#DIV/0!"))


def test_text_that_reads_like_an_error_is_text(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    course_workbook(tmp_path, ("D1", "Title D1", "blended", ""), {}, {"D2": "#N/A"})
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "commit", tmp_path)
    assert code == 0, lines
    assert courses(tmp_path) == [("D1", "#N/A")]


_ODS = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Courses">'
    "{rows}</table:table></office:spreadsheet></office:body></office:document-content>")


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
    'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
    'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
    '"text/xml"/></manifest:manifest>')


def write_ods(path: Path, rows: str) -> None:
    """An .ods of one sheet, "Courses", holding ``rows`` (<table:table-row> elements)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", _ODS.format(rows=rows))
        package.writestr("META-INF/manifest.xml", _MANIFEST)


def ods_text(text: str) -> str:
    """A text cell of an .ods."""
    return (f'<table:table-cell office:value-type="string"><text:p>{text}</text:p>'
            "</table:table-cell>")


def test_an_error_in_an_opendocument_sheet(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    # LibreOffice saves =1/0 so; calamine reads it as an empty string.
    error = ('<table:table-cell table:formula="of:=1/0" office:value-type="string" '
             'office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p>'
             "</table:table-cell>")
    rows = ("<table:table-row>" + "".join(map(ods_text, COLUMNS)) + "</table:table-row>"
            "<table:table-row>" + "".join(map(ods_text, ("D1", "Title D1", "blended")))
            + error + "</table:table-row>")
    path = tmp_path / "courses.ods"
    write_ods(path, rows)
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    existing_store(tmp_path / "s.db")
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert lines[2] == (f"courses.ods:2: ERROR trainingDescription: "
                        f"{message('trainingDescription', 'D2', '#DIV/0!')}")
