"""What a file is by its content, for the files people pick by mistake: a picture, a PDF, a
Word document. Such a file is no spreadsheet whatever its name says, and is refused before
a reader takes it for text (and reports an encoding) or for a damaged workbook.
"""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path

from importer_gui.core.catalogue import OOXML_SUFFIXES


class Foreign(StrEnum):
    """Kinds of files that are not spreadsheets."""

    PNG = "PNG image"
    JPEG = "JPEG image"
    GIF = "GIF image"
    PDF = "PDF document"
    WORD = "Word document"
    POWERPOINT = "PowerPoint presentation"
    OPEN_TEXT = "OpenDocument text"
    ZIP = "zip archive"
    OFFICE = "older Office document"


_MAGIC: tuple[tuple[bytes, Foreign], ...] = (
    (b"\x89PNG\r\n\x1a\n", Foreign.PNG),
    (b"\xff\xd8\xff", Foreign.JPEG),
    (b"GIF87a", Foreign.GIF),
    (b"GIF89a", Foreign.GIF),
    (b"%PDF-", Foreign.PDF),
)
_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .doc or .ppt alike
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def foreign_kind(path: Path) -> Foreign | None:
    """The kind of a file that is surely not a spreadsheet; None when it may be one (or
    cannot be read: the reader then says why)."""
    try:
        with Path(path).open("rb") as handle:
            start = handle.read(64)
    except OSError:
        return None
    for magic, kind in _MAGIC:
        if start.startswith(magic):
            return kind
    if start.startswith(_OLE2):
        return None if Path(path).suffix.lower() == ".xls" else Foreign.OFFICE
    if start.startswith(_ZIP):
        return _zip_kind(Path(path))
    return None


def _zip_kind(path: Path) -> Foreign | None:
    """A zip package: a workbook (OOXML or OpenDocument) or something else."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = package.read("mimetype")[:len(_ODS) + 8] if "mimetype" in names else b""
    except (OSError, zipfile.BadZipFile, KeyError):
        return None  # a damaged package: the workbook reader says what is wrong
    if "xl/workbook.xml" in names or any(n.startswith("xl/workbook") for n in names):
        return None
    if mimetype.startswith(_ODS):
        return None
    if "word/document.xml" in names:
        return Foreign.WORD
    if "ppt/presentation.xml" in names:
        return Foreign.POWERPOINT
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return Foreign.OPEN_TEXT
    if path.suffix.lower() in OOXML_SUFFIXES:
        return None  # a package missing its workbook part: the reader names what is missing
    return Foreign.ZIP
