"""What a file is by its content, for the files people pick or name by mistake: a picture, a
PDF, a Word document, or a workbook saved under a CSV file's name. Such a file is refused
before a reader takes it for text (and reports an encoding) or for a damaged workbook, with
what it is and what to do.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from enum import StrEnum
from pathlib import Path

from importer_gui.core.catalogue import OOXML_SUFFIXES
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError


class Content(StrEnum):
    """Kinds of files known by their first bytes."""

    PNG = "PNG image"
    JPEG = "JPEG image"
    GIF = "GIF image"
    PDF = "PDF document"
    WORD = "Word document"
    POWERPOINT = "PowerPoint presentation"
    OPEN_TEXT = "OpenDocument text"
    ZIP = "zip archive"
    OFFICE = "older Office document"
    XLSX = "Excel workbook"
    XLSB = "Excel binary workbook"
    ODS = "OpenDocument spreadsheet"
    XLS = "Excel 97-2003 workbook"


# The names a spreadsheet's content is read under; any other name is a mistake to say.
_SUFFIXES = {Content.XLSX: OOXML_SUFFIXES, Content.ODS: (".ods",), Content.XLS: (".xls",)}

NOT_SPREADSHEET = {
    Content.PNG: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a PNG image; choose a workbook or a CSV file"),
    Content.JPEG: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a JPEG image; choose a workbook or a CSV file"),
    Content.GIF: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a GIF image; choose a workbook or a CSV file"),
    Content.PDF: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a PDF document; choose a workbook or a CSV file"),
    Content.WORD: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a Word document; choose a workbook or a CSV file"),
    Content.POWERPOINT: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a PowerPoint presentation; choose a workbook or a "
                  "CSV file"),
    Content.OPEN_TEXT: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is an OpenDocument text; choose a workbook or a CSV "
                  "file"),
    Content.ZIP: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is a zip archive; choose a workbook or a CSV file"),
    Content.OFFICE: QT_TRANSLATE_NOOP(
        "errors", "not a spreadsheet: it is an Office document that is not an .xls workbook; "
                  "choose a workbook or a CSV file"),
    # Its cells are in binary parts: renamed .xlsx it is no more readable.
    Content.XLSB: QT_TRANSLATE_NOOP(
        "errors", "not a workbook the assistant reads: it is an Excel binary workbook (.xlsb); "
                  "open it in Excel and save it as an Excel workbook (.xlsx)"),
}
MISNAMED = {
    Content.XLSX: QT_TRANSLATE_NOOP(
        "errors", "this is an Excel workbook under another name; rename it to end in .xlsx "
                  "to read it"),
    Content.ODS: QT_TRANSLATE_NOOP(
        "errors", "this is an OpenDocument spreadsheet under another name; rename it to end "
                  "in .ods to read it"),
    Content.XLS: QT_TRANSLATE_NOOP(
        "errors", "this is an Excel 97-2003 workbook under another name; rename it to end in "
                  ".xls to read it"),
}

_MAGIC: tuple[tuple[bytes, Content], ...] = (
    (b"\x89PNG\r\n\x1a\n", Content.PNG),
    (b"\xff\xd8\xff", Content.JPEG),
    (b"GIF87a", Content.GIF),
    (b"GIF89a", Content.GIF),
    (b"%PDF-", Content.PDF),
)
_ZIP = b"PK\x03\x04"

# What zipfile raises for a part it cannot unpack: one flagged as encrypted (RuntimeError),
# one packed with a method or zip version it does not know (NotImplementedError).
LOCKED_PART = (RuntimeError, NotImplementedError)
# What reading a damaged package's part raises: zlib's error is a broken deflate stream.
PACKAGE_DAMAGE = (zipfile.BadZipFile, zlib.error, OSError, KeyError, EOFError, ValueError)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .doc or .ppt alike
_ODS = b"application/vnd.oasis.opendocument.spreadsheet"
# The stream naming an OLE2 file's kind, as its directory writes it (UTF-16LE).
_OLE2_STREAMS = ((b"W\0o\0r\0k\0b\0o\0o\0k\0\0\0", Content.XLS),
                 (b"B\0o\0o\0k\0\0\0", Content.XLS),
                 (b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0\0\0", Content.WORD),
                 (b"P\0o\0w\0e\0r\0P\0o\0i\0n\0t\0 \0D\0o\0c\0u\0m\0e\0n\0t\0\0\0",
                  Content.POWERPOINT))


def check_content(path: Path) -> None:
    """Raise DataFileError naming the file when its content is no spreadsheet, or a
    spreadsheet under a name its readers do not read it by."""
    problem = content_problem(path)
    if problem is not None:
        raise DataFileError(problem, path=path)


def content_problem(path: Path) -> str | None:
    """What is wrong with the file's content for its name; None when nothing is known."""
    kind = content_kind(path)
    if kind is None:
        return None
    suffixes = _SUFFIXES.get(kind)
    if suffixes is None:
        return NOT_SPREADSHEET[kind]
    return None if Path(path).suffix.lower() in suffixes else MISNAMED[kind]


def content_kind(path: Path) -> Content | None:
    """The kind of the file by its first bytes; None when it may be text, or cannot be read
    or told (the reader then says why)."""
    try:
        with Path(path).open("rb") as handle:
            start = handle.read(512)
    except OSError:
        return None
    for magic, kind in _MAGIC:
        if start.startswith(magic):
            return kind
    if start.startswith(_OLE2):
        return _ole2_kind(Path(path), start)
    if start.startswith(_ZIP):
        return _zip_kind(Path(path))
    return None


def _ole2_kind(path: Path, header: bytes) -> Content | None:
    """An older Office file, told by the streams its first directory sector names; one
    that cannot be told is an .xls under that name (its reader says what is wrong), and an
    unknown Office document under any other."""
    try:
        shift, = struct.unpack_from("<H", header, 30)
        first, = struct.unpack_from("<i", header, 48)
        size = 1 << shift if 7 <= shift <= 16 else 512
        with path.open("rb") as handle:
            handle.seek((first + 1) * size)
            directory = handle.read(size)
    except (OSError, struct.error, ValueError, OverflowError):
        directory = b""
    for name, kind in _OLE2_STREAMS:
        if any(directory[at:at + len(name)] == name for at in range(0, len(directory), 128)):
            return kind
    return Content.XLS if path.suffix.lower() == ".xls" else Content.OFFICE


def _zip_kind(path: Path) -> Content | None:
    """A zip package: a workbook (OOXML or OpenDocument) or something else."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
            mimetype = package.read("mimetype")[:len(_ODS) + 8] if "mimetype" in names else b""
    except (*PACKAGE_DAMAGE, *LOCKED_PART):
        return None  # a damaged package: the workbook reader says what is wrong
    if "xl/workbook.bin" in names and "xl/workbook.xml" not in names:
        return Content.XLSB
    if "xl/workbook.xml" in names or any(n.startswith("xl/workbook") for n in names):
        return Content.XLSX
    if mimetype.startswith(_ODS):
        return Content.ODS
    if "word/document.xml" in names:
        return Content.WORD
    if "ppt/presentation.xml" in names:
        return Content.POWERPOINT
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return Content.OPEN_TEXT
    if path.suffix.lower() in OOXML_SUFFIXES:
        return None  # a package missing its workbook part: the reader names what is missing
    return Content.ZIP
