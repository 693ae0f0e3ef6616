"""A workbook text holding a NUL character (written _x0000_ in its XML) is an error on its
row's field, never stored: SQLite's JSON functions cut a text at a NUL, and PostgreSQL and
the platform's XML refuse one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.core.readers.sheet_xml import NulSearch
from tests.builders import ImportSpec, rewrite_package, write_config
from tests.core.test_error_cells import run

COLUMNS = ("trainingPathCode", "trainingTitle", "trainingModality")
SHEET = "xl/worksheets/sheet1.xml"
SAID = ("t.xlsx:2: ERROR trainingTitle: Field trainingTitle: the value holds a NUL character "
        "(written _x0000_ in the workbook), which neither the platform nor the store can keep; "
        "remove it from the cell.")


def courses_workbook(folder: Path, title: str) -> Path:
    """t.xlsx of two courses, the first titled ``title`` (openpyxl writes texts inline),
    and its configuration."""
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    sheet.append(("TR-1", title, "blended"))
    sheet.append(("TR-2", "Normal", "blended"))
    path = folder / "t.xlsx"
    book.save(path)
    write_config(folder, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    return path


def stored(folder: Path) -> list[tuple[str, str]]:
    """The store's training courses: (code, title)."""
    with sqlite3.connect(folder / "s.db") as conn:
        return conn.execute("SELECT path_code, title FROM training ORDER BY id").fetchall()


# Excel keeps texts in sharedStrings.xml, the cell naming the string by its index.
SHARED = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          b'count="1" uniqueCount="1"><si><t>AAA_x0000_BBB</t></si></sst>')
INLINE_CELL = b'<c r="B2" t="inlineStr"><is><t>AAAXBBB</t></is></c>'


@pytest.mark.parametrize(("cell", "extra"), [
    pytest.param(b'<c r="B2" t="inlineStr"><is><t>AAA_x0000_BBB</t></is></c>', {},
                 id="inline text"),
    pytest.param(b'<c r="B2" t="s"><v>0</v></c>', {"xl/sharedStrings.xml": SHARED},
                 id="shared string"),
])
def test_a_text_with_a_nul_is_an_error_and_its_row_is_not_stored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: bytes,
        extra: dict[str, bytes]) -> None:
    path = courses_workbook(tmp_path, "AAAXBBB")
    rewrite_package(path, {SHEET: lambda xml: xml.replace(INLINE_CELL, cell)}, extra=extra)
    code, lines = run(capsys, "commit", tmp_path)
    assert code == 1
    assert SAID in lines
    assert stored(tmp_path) == [("TR-2", "Normal")]


def test_an_escaped_underscore_before_x0000_is_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # _x005F_ is an underscore: the cell's text is "AAA_x0000_BBB" itself, with no NUL.
    path = courses_workbook(tmp_path, "AAAXBBB")
    rewrite_package(path, {SHEET: lambda xml: xml.replace(b"AAAXBBB", b"AAA_x005F_x0000_BBB")})
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert stored(tmp_path) == [("TR-1", "AAA_x0000_BBB"), ("TR-2", "Normal")]


@pytest.mark.parametrize(("chunks", "found"), [
    ([b"<t>AAA_x00", b"00_BBB</t>"], True),  # the escape cut between two chunks
    ([b"<t>AAA_x0000_", b"BBB</t>"], True),
    ([b"<t>AAA_x000", b"1_BBB</t>"], False),
    ([b"<t>_x0", b"0", b"00_</t>"], True),  # a chunk shorter than the escape
])
def test_the_nul_escape_is_found_across_chunks(chunks: list[bytes], found: bool) -> None:
    search = NulSearch()
    for chunk in chunks:
        search.feed(chunk)
    assert search.found is found
