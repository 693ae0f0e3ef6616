"""A workbook text cell names its shared string by number (<c t="s"><v>3</v></c>): one whose
value is no such number, which calamine reads as the first shared string, is an error on its
row's field naming the cell; one past the last string, for which calamine refuses the whole
sheet, is named in that refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.readers import sheet_xml
from tests.builders import rewrite_package
from tests.core.test_error_cells import run
from tests.core.test_nul_cells import INLINE_CELL, SHEET, courses_workbook, stored
from tests.stores import existing_store

# Two shared strings: 0 is what calamine reads for a number it cannot read.
SHARED = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
          b'count="2" uniqueCount="2"><si><t>First</t></si><si><t>Second</t></si></sst>')


def said(value: str) -> str:
    """What check says of cell B2 holding ``value`` as its shared string's number."""
    return (f"t.xlsx:2: ERROR trainingTitle: Field trainingTitle: the cell B2 should give the "
            f"number of one of the workbook's shared texts but holds {value}; the workbook is "
            "damaged: type the cell's text again in a spreadsheet and save it.")


def with_title_cell(folder: Path, cell: bytes) -> Path:
    """t.xlsx of two courses whose first title is the cell ``cell`` (XML), with SHARED."""
    path = courses_workbook(folder, "AAAXBBB")
    existing_store(folder / "s.db")
    return rewrite_package(path, {SHEET: lambda xml: xml.replace(INLINE_CELL, cell)},
                           extra={"xl/sharedStrings.xml": SHARED})


@pytest.mark.parametrize(("cell", "value"), [
    pytest.param(b'<c r="B2" t="s"><v>-1</v></c>', "-1", id="negative"),
    pytest.param(b'<c r="B2" t="s"><v>abc</v></c>', "abc", id="letters"),
    pytest.param(b'<c r="B2" t="s"><v>1.5</v></c>', "1.5", id="fraction"),
    pytest.param(b'<c r="B2" s="0" t="s"><v>99999999999999999999</v></c>',
                 "99999999999999999999", id="past 64 bits"),
    # Single quotes send the sheet to the exact walk of its tags.
    pytest.param(b"<c r='B2' t='s'><v>-1</v></c>", "-1", id="unusual XML"),
])
def test_a_shared_string_number_that_is_none_is_an_error_naming_the_cell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], cell: bytes, value: str) -> None:
    with_title_cell(tmp_path, cell)
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert said(value) in lines
    code, lines = run(capsys, "commit", tmp_path)
    assert code == 1
    assert stored(tmp_path) == [("TR-2", "Normal")]  # never as "First"


def test_a_shared_string_past_the_last_is_named_in_the_sheet_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with_title_cell(tmp_path, b'<c r="B2" t="s"><v>2</v></c>')
    code = main(["check", str(tmp_path / "config.xml"), "--store", str(tmp_path / "s.db")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        f"importer-gui: {tmp_path / 't.xlsx'}:B2: the sheet 'Sheet' cannot be read: this cell "
        "gives the number 2 of a shared text, and the workbook holds 2 (numbered from 0); the "
        "workbook is damaged: type the cell's text again in a spreadsheet and save it\n")


@pytest.mark.parametrize("cell", [
    b'<c r="B2" t="s"><v>1</v></c>',
    b'<c r="B2" t="s"><v>01</v></c>',  # calamine reads the number, zeros and all
    b'<c r="B2" t="s">\n<v>1</v></c>',
    b'<c r="B2" t="s"><f>A1</f><v>1</v></c>',
])
def test_a_shared_string_number_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        cell: bytes) -> None:
    with_title_cell(tmp_path, cell)
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert stored(tmp_path) == [("TR-1", "Second"), ("TR-2", "Normal")]


@pytest.mark.parametrize("chunks", [
    [b'<c r="B2" t="s"><v>1', b'2</v></c><c r="C2" t="s"><v>-1</v></c>'],
    [b'<c r="B2" t="s">', b'<v>12</v></c><c r="C2" t="s"><v>-', b'1</v></c>'],
])
def test_a_value_the_chunks_cut_is_read_whole(chunks: list[bytes]) -> None:
    scan = sheet_xml._Scan()
    assert all(sheet_xml._string_cells(chunk, scan) for chunk in chunks)
    assert scan.odd_strings.at(2) == [(3, 3, "-1")]

