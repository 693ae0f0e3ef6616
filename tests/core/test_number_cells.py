"""A workbook cell marked as a number (t="n") whose value is none, for which calamine refuses
the whole sheet, is named in that refusal."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.readers import sheet_xml
from tests.builders import rewrite_package
from tests.core.test_nul_cells import INLINE_CELL, SHEET, courses_workbook
from tests.stores import existing_store


@pytest.mark.parametrize(("cell", "value"), [
    pytest.param(b'<c r="B2" t="n"><v>1,5</v></c>', "1,5", id="decimal comma"),
    pytest.param(b'<c r="B2" s="0" t="n"><v> 12</v></c>', " 12", id="space"),
    pytest.param(b"<c r='B2' t='n'><v>12 000</v></c>", "12 000", id="unusual XML"),
])
@pytest.mark.parametrize("cut", [False, True], ids=["whole", "cut-by-a-chunk"])
def test_a_number_cell_holding_no_number_is_named_in_the_sheet_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        cell: bytes, value: str, cut: bool) -> None:
    path = courses_workbook(tmp_path, "AAAXBBB")
    existing_store(tmp_path / "s.db")
    rewrite_package(path, {SHEET: lambda xml: xml.replace(INLINE_CELL, cell)})
    if cut:  # the sheet's first chunk of XML ends within the value
        text = zipfile.ZipFile(path).read(SHEET)
        monkeypatch.setattr(sheet_xml, "SCAN_CHUNK", text.index(cell) + len(cell) - 9)
    code = main(["check", str(tmp_path / "config.xml"), "--store", str(tmp_path / "s.db")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == (
        f"importer-gui: {path}:B2: the sheet 'Sheet' cannot be read: this cell is marked as a "
        f"number but holds \"{value}\"; the workbook is damaged: type the number again in a "
        "spreadsheet and save it\n")
