"""Files that are no spreadsheet, or a spreadsheet under another kind's name, known by their
content whatever their name, and said so by every command that reads them."""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from importer_gui.core.file_kind import Content, content_kind, content_problem
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config, write_csv, write_xlsx
from tests.core.test_cli import run


def package(path: Path, parts: dict[str, bytes]) -> Path:
    """A zip package holding ``parts``."""
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def ole2(path: Path, *streams: str) -> Path:
    """An OLE2 compound file's header and first directory sector naming ``streams``."""
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".ljust(512, b"\0"))
    struct.pack_into("<H", header, 30, 9)  # 512-byte sectors
    struct.pack_into("<i", header, 48, 0)  # the directory in sector 0
    directory = bytearray()
    for name in ("Root Entry", *streams):
        encoded = (name + "\0").encode("utf-16-le")
        entry = bytearray(encoded.ljust(128, b"\0"))
        struct.pack_into("<H", entry, 64, len(encoded))
        directory += entry
    path.write_bytes(bytes(header) + bytes(directory.ljust(512, b"\0")))
    return path


@pytest.mark.parametrize(("name", "start", "kind"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n", Content.PNG),
    ("scan.csv", b"%PDF-1.7\n", Content.PDF),
    ("photo.xlsx", b"\xff\xd8\xff\xe0", Content.JPEG),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Content.OFFICE),
])
def test_pictures_pdfs_and_other_documents_are_known_by_their_first_bytes(
        tmp_path: Path, name: str, start: bytes, kind: Content) -> None:
    path = tmp_path / name
    path.write_bytes(start + bytes(100))
    assert content_kind(path) is kind


def test_a_word_document_is_no_workbook_even_named_so(tmp_path: Path) -> None:
    docx = package(tmp_path / "letter.xlsx", {"[Content_Types].xml": b"<x/>",
                                              "word/document.xml": b"<w/>"})
    assert content_kind(docx) is Content.WORD
    odt = package(tmp_path / "letter.ods", {"mimetype": b"application/vnd.oasis.opendocument"
                                                        b".text"})
    assert content_kind(odt) is Content.OPEN_TEXT
    assert content_kind(package(tmp_path / "a.csv", {"a.txt": b"a"})) is Content.ZIP
    assert content_problem(docx) == ("not a spreadsheet: it is a Word document; choose a "
                                     "workbook or a CSV file")


def test_older_office_files_are_told_apart_by_their_streams(tmp_path: Path) -> None:
    assert content_kind(ole2(tmp_path / "a.csv", "Workbook")) is Content.XLS
    assert content_kind(ole2(tmp_path / "b.txt", "Book")) is Content.XLS
    assert content_kind(ole2(tmp_path / "c.xls", "WordDocument")) is Content.WORD
    assert content_kind(ole2(tmp_path / "d.xls", "PowerPoint Document")) is Content.POWERPOINT
    assert content_kind(ole2(tmp_path / "e.xls", "Other")) is Content.XLS
    assert content_kind(ole2(tmp_path / "f.csv", "Other")) is Content.OFFICE
    assert content_problem(tmp_path / "a.csv") == (
        "this is an Excel 97-2003 workbook under another name; rename it to end in .xls to "
        "read it")


def test_spreadsheets_under_their_own_names_and_damaged_ones_are_left_to_their_readers(
        tmp_path: Path) -> None:
    assert content_problem(write_xlsx(tmp_path / "a.xlsx", [["a"], ["b"]])) is None
    assert content_problem(write_xlsx(tmp_path / "a.xlsm", [["a"], ["b"]])) is None
    assert content_problem(write_csv(tmp_path / "a.csv", [["a"], ["b"]])) is None
    ods = package(tmp_path / "a.ods", {"mimetype": b"application/vnd.oasis.opendocument"
                                                   b".spreadsheet"})
    assert content_problem(ods) is None
    assert content_problem(ole2(tmp_path / "a.xls", "Workbook")) is None
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(b"PK\x03\x04" + bytes(10))
    assert content_problem(truncated) is None
    assert content_problem(tmp_path / "missing.csv") is None


def test_a_workbook_under_another_kinds_name_is_said_with_its_right_ending(
        tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "a.xlsx", [["a"], ["b"]])
    ods = package(tmp_path / "sheet.ods", {"mimetype": b"application/vnd.oasis.opendocument"
                                                       b".spreadsheet"})
    for source, name, words in ((xlsx, "a.csv", "an Excel workbook"),
                                (xlsx, "a.ods", "an Excel workbook"),
                                (ods, "b.txt", "an OpenDocument spreadsheet"),
                                (ods, "b.xlsx", "an OpenDocument spreadsheet")):
        ending = Path(source).suffix
        assert content_problem(shutil.copy(source, tmp_path / name)) == (
            f"this is {words} under another name; rename it to end in {ending} to read it")


@pytest.mark.parametrize(("name", "content", "said"), [
    ("courses.csv", "xlsx", "this is an Excel workbook under another name; rename it to end "
                            "in .xlsx to read it"),
    ("courses.xlsx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "not a spreadsheet: it is a PDF "
                                                       "document; choose a workbook or a CSV "
                                                       "file"),
])
def test_a_check_names_the_file_and_what_it_is(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: object,
        said: str) -> None:
    data = tmp_path / name
    if content == "xlsx":
        shutil.copy(write_xlsx(tmp_path / "real.xlsx", [["code", "title"], ["A1", "Intro"]]),
                    data)
    else:
        assert isinstance(content, bytes)
        data.write_bytes(content + bytes(100))
    config = write_config(tmp_path, ImportSpec(name, ("trainingPathCode", "trainingTitle"),
                                               "createOrUpdateTrainingCourseAction"))
    store = tmp_path / "s.sqlite3"
    Store.open(store).close()
    code, out, err = run(capsys, "--store", str(store), "check", str(config))
    assert (code, out) == (2, "")
    assert err == f"importer-gui: {data}: {said}\n"


@pytest.mark.parametrize("name", ["grades.xlsb", "grades.xlsx", "grades.csv"])
def test_an_excel_binary_workbook_is_said_to_be_saved_as_xlsx(tmp_path: Path,
                                                             name: str) -> None:
    # Excel's "binary workbook" keeps its cells in .bin parts: renamed .xlsx it is no more
    # readable, so it must be saved again, not renamed.
    xlsb = package(tmp_path / name, {"[Content_Types].xml": b"<x/>",
                                     "xl/workbook.bin": b"\x83\x01\x00",
                                     "xl/worksheets/sheet1.bin": b"\x81\x01\x00"})
    assert content_problem(xlsb) == (
        "not a workbook the assistant reads: it is an Excel binary workbook (.xlsb); open it "
        "in Excel and save it as an Excel workbook (.xlsx)")
