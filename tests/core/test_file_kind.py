"""Files that are no spreadsheet, known by their content whatever their name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from importer_gui.core.file_kind import Foreign, foreign_kind
from tests.builders import write_csv, write_xlsx


def package(path: Path, parts: dict[str, bytes]) -> Path:
    """A zip package holding ``parts``."""
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


@pytest.mark.parametrize(("name", "start", "kind"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n", Foreign.PNG),
    ("scan.csv", b"%PDF-1.7\n", Foreign.PDF),
    ("photo.xlsx", b"\xff\xd8\xff\xe0", Foreign.JPEG),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Foreign.OFFICE),
])
def test_pictures_pdfs_and_other_documents_are_known_by_their_first_bytes(
        tmp_path: Path, name: str, start: bytes, kind: Foreign) -> None:
    path = tmp_path / name
    path.write_bytes(start + bytes(100))
    assert foreign_kind(path) is kind


def test_a_word_document_is_no_workbook_even_named_so(tmp_path: Path) -> None:
    docx = package(tmp_path / "letter.xlsx", {"[Content_Types].xml": b"<x/>",
                                              "word/document.xml": b"<w/>"})
    assert foreign_kind(docx) is Foreign.WORD
    odt = package(tmp_path / "letter.ods", {"mimetype": b"application/vnd.oasis.opendocument"
                                                        b".text"})
    assert foreign_kind(odt) is Foreign.OPEN_TEXT
    assert foreign_kind(package(tmp_path / "a.csv", {"a.txt": b"a"})) is Foreign.ZIP


def test_spreadsheets_and_damaged_workbooks_are_left_to_their_readers(tmp_path: Path) -> None:
    assert foreign_kind(write_xlsx(tmp_path / "a.xlsx", [["a"], ["b"]])) is None
    assert foreign_kind(write_csv(tmp_path / "a.csv", [["a"], ["b"]])) is None
    ods = package(tmp_path / "a.ods", {"mimetype": b"application/vnd.oasis.opendocument"
                                                   b".spreadsheet"})
    assert foreign_kind(ods) is None
    xls = tmp_path / "a.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert foreign_kind(xls) is None
    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(b"PK\x03\x04" + bytes(10))
    assert foreign_kind(truncated) is None
    assert foreign_kind(tmp_path / "missing.csv") is None
