"""An .xlsx's corrected copy changes only the corrected cells: every other part of the
package is copied byte for byte, and the copy reads (with calamine, as the check does, and
with openpyxl) as the copy openpyxl writes, which loads and saves the whole workbook."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from importer_gui.core import corrections as corrections_module
from importer_gui.core.corrections import Reading, write_corrected_copy
from importer_gui.core.errors import Cancelled
from importer_gui.core.progress import Monitor
from importer_gui.core.sheet_copy import UnusualSheetError
from tests.builders import rewrite_package, write_xlsx
from tests.core.test_corrections import corrected
from tests.core.test_shown_numbers import xlsx_courses

DATES = Reading("UTF-8", ";", None, True, "dd/MM/yyyy")
SHEET = "xl/worksheets/sheet1.xml"


def sessions(path: Path) -> Path:
    """A cover sheet, then the data: texts, dates, numbers and gaps, styled columns."""
    source = write_xlsx(path, [["Note"], ["à lire"]], title="Cover")
    book = openpyxl.load_workbook(source)
    data = book.create_sheet("Data")
    for row in [["Code", "Début", "Places", "Lieu"], ["XLS-30", date(2027, 1, 12), 12, "Lyon"],
                ["SEC-101", date(2027, 2, 1), None, None], ["ENV-7", None, 8, "Lille"]]:
        data.append(row)
    data.column_dimensions["A"].width = 31
    data["C2"].font = openpyxl.styles.Font(bold=True)
    book.save(source)
    # As a spreadsheet writes rows (with the span of their columns), which openpyxl drops.
    return rewrite_package(source, {
        "xl/worksheets/sheet1.xml": lambda xml: xml.replace(b'<row r="1">',
                                                            b'<row r="1" spans="1:1">'),
        "xl/worksheets/sheet2.xml": lambda xml: xml.replace(b'<row r="3">',
                                                            b'<row r="3" spans="1:2">')})


def cells(path: Path) -> tuple[object, object]:
    """Every sheet's cells as calamine reads them, and as openpyxl does."""
    calamine = CalamineWorkbook.from_path(path)
    read = {name: calamine.get_sheet_by_name(name).to_python()
            for name in calamine.sheet_names}
    book = openpyxl.load_workbook(path)
    return read, {sheet.title: [[(cell.value, cell.number_format, cell.font.b)
                                 for cell in row] for row in sheet.iter_rows()]
                  for sheet in book}


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def openpyxl_copy(source: Path, corrections: corrections_module.Corrections, target: Path,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """The copy as openpyxl writes it, the way taken for a workbook written unusually."""
    def unusual(*_args: object) -> None:
        raise UnusualSheetError("as openpyxl copies it")

    entry = corrections.of(source)
    assert entry is not None
    with monkeypatch.context() as patched:
        patched.setattr(corrections_module, "_copy_cells", unusual)
        return write_corrected_copy(entry, target)


SESSIONS_CORRECTED = [
    (2, 0, "XLS-30", "XLS-300"),  # a shared string
    (2, 1, "2027-01-12", "15/01/2027"),  # a date given a date stays a date, in its style
    (3, 1, "2027-02-01", "=1+1"),  # a date given text: text, never a formula
    (2, 2, "12", "douze & <plus>"),  # a bold number given text keeps its bold
    (3, 2, "", "10"),  # a cell the row does not have, between two it has
    (3, 3, "", " Paris "),  # and at the row's end, its spaces kept
    (4, 3, "Lille", ""),  # a cell emptied
]


@pytest.mark.parametrize("corrections_made", [
    SESSIONS_CORRECTED, SESSIONS_CORRECTED[:1], SESSIONS_CORRECTED[-2:]])
def test_a_workbook_copy_changes_only_the_corrected_cells(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        corrections_made: list[tuple[int, int, str, str]]) -> None:
    source = sessions(tmp_path / "sessions.xlsx")
    reading = Reading("UTF-8", ";", "data", True, "dd/MM/yyyy")
    corrections = corrected(source, *corrections_made, reading=reading)
    slow = openpyxl_copy(source, corrections, tmp_path / "slow.xlsx", monkeypatch)
    entry = corrections.of(source)
    assert entry is not None
    fast = write_corrected_copy(entry, tmp_path / "sessions-corrected.xlsx")
    assert cells(fast) == cells(slow)
    original, copied = parts(source), parts(fast)
    assert list(copied) == list(original)
    assert [name for name in original if copied[name] != original[name]] == [
        "xl/worksheets/sheet2.xml"]


def test_a_corrected_code_shown_with_text_is_copied_as_openpyxl_copies_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "TC-0042" typed "TC-0044" stays the number 44 in its own format; "TC-7" needs a format
    # the styles do not have, which openpyxl adds.
    source = xlsx_courses(tmp_path / "courses.xlsx")
    for typed in ("TC-0044", "TC-7"):
        corrections = corrected(source, (2, 0, "TC-0042", typed), (2, 3, "7 h", "9 h"))
        slow = openpyxl_copy(source, corrections, tmp_path / "slow.xlsx", monkeypatch)
        entry = corrections.of(source)
        assert entry is not None
        fast = write_corrected_copy(entry, tmp_path / "copy.xlsx")
        assert cells(fast) == cells(slow)
        assert (parts(fast)["xl/styles.xml"] == parts(source)["xl/styles.xml"]) is (
            typed == "TC-0044")


def test_a_workbook_copy_says_its_progress_in_bytes_and_hears_cancel(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "sessions.xlsx",
                        [["Code"], *([f"XLS-{n}"] for n in range(60_000))])
    entry = corrected(source, (3, 0, "XLS-1", "XLS-100"), reading=DATES).of(source)
    assert entry is not None
    said: list[tuple[int, int]] = []
    write_corrected_copy(entry, tmp_path / "copy.xlsx",
                         monitor=Monitor(lambda done, total, _what: said.append((done, total))))
    total = sum(info.file_size for info in zipfile.ZipFile(source).infolist())
    copied = [done for done, of in said if of == total]
    assert len(copied) > 2 and copied == sorted(copied) and copied[-1] == total

    asked: list[int] = []
    def cancel_once_copying(done: int, total: int, _what: str) -> None:
        asked.append(total)

    monitor = Monitor(cancel_once_copying, lambda: any(asked))
    with pytest.raises(Cancelled):
        write_corrected_copy(entry, tmp_path / "cancelled.xlsx", monitor=monitor)
    assert not (tmp_path / "cancelled.xlsx").exists()
    assert [name for name in tmp_path.iterdir() if name.name.startswith(".")] == []


def test_a_sheet_written_unusually_is_copied_by_openpyxl(tmp_path: Path) -> None:
    # Cells under a namespace prefix: the rows are not found as usually written, and the
    # copy is openpyxl's, which reads anything.
    source = write_xlsx(tmp_path / "sessions.xlsx", [["Code"], ["XLS-30"]])
    rewrite_package(source, {SHEET: lambda xml: xml.replace(
        b"<worksheet ", b"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/"
        b"spreadsheetml/2006/main\" ").replace(b"</worksheet>", b"</x:worksheet>")
        .replace(b"<sheetData>", b"<x:sheetData>").replace(b"</sheetData>", b"</x:sheetData>")
        .replace(b"<row ", b"<x:row ").replace(b"</row>", b"</x:row>")})
    entry = corrected(source, (2, 0, "XLS-30", "XLS-300")).of(source)
    assert entry is not None
    target = write_corrected_copy(entry, tmp_path / "copy.xlsx")
    assert list(openpyxl.load_workbook(target).active.values) == [("Code",), ("XLS-300",)]
