"""Hostile or broken workbooks through the command line: one clear line, bounded memory.

Each check runs in a child process whose address space is capped (tests/faults/__init__.py):
a reader that allocated in proportion to a declared or repeated size rather than to the real
data would fail there, so these tests fail without the guards in core/readers/guards.py.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.core.config import EXT_NS
from importer_gui.core.readers import first_visible_sheet, open_table
from tests.builders import (
    TEACHER_COLUMNS,
    ImportSpec,
    rewrite_package,
    write_config,
    write_xlsx,
)
from tests.faults import Done, cli, one_line_failure
from tests.stores import existing_store

TEACHERS = [TEACHER_COLUMNS, ("zoe", "Zoe", "Z", "zoe@example.org"),
            ("mia", "Mia", "M", "mia@example.org")]
SHEET = "xl/worksheets/sheet1.xml"
# A stray cell at the last cell of the grid: a sheet holding it is too large to load whole.
FAR = b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'


def replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    """A part change that must find ``old``."""
    def change(data: bytes) -> bytes:
        assert old in data
        return data.replace(old, new)
    return change


def teachers_workbook(folder: Path, name: str = "teachers.xlsx") -> Path:
    """A good two-teacher workbook and the configuration that reads it."""
    write_config(folder, ImportSpec(name, TEACHER_COLUMNS, "createOrUpdateTeacherAction"))
    return write_xlsx(folder / name, TEACHERS)


def check(folder: Path) -> tuple[int, dict]:
    """``check --json`` of the folder's configuration: exit code and report."""
    done = cli("check", str(folder / "config.xml"), "--store",
               existing_store(folder / "store.sqlite3"),
               "--json")
    assert done.code in (0, 1), done.err[-2000:]
    return done.code, json.loads(done.out)


def failure(folder: Path) -> str:
    """The one line ``check`` prints when it cannot read the data."""
    return one_line_failure(cli("check", str(folder / "config.xml"), "--store",
                                existing_store(folder / "store.sqlite3")))


def outcomes(report: dict) -> list[tuple[int, str, list[str]]]:
    """(line, outcome, messages) of the first import's rows."""
    return [(r["line"], r["outcome"], [i["message"] for i in r["issues"]])
            for r in report["imports"][0]["rows"]]


GOOD = [(2, "create", []), (3, "create", [])]


# --------------------------------------------------------------------------- not a workbook


def test_bytes_that_are_not_a_zip(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    path.write_bytes(bytes(range(256)) * 40)
    assert failure(tmp_path) == (f"importer-gui: {path}: this is not a .xlsx workbook (it may "
                                 "be a text or CSV file renamed .xlsx)")


def test_a_csv_file_renamed_xlsx(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    path.write_text("teacherLogin;teacherName\nzoe;Zoe\n", encoding="utf-8")
    assert failure(tmp_path) == (f"importer-gui: {path}: this is not a .xlsx workbook (it may "
                                 "be a text or CSV file renamed .xlsx)")


@pytest.mark.parametrize("keep", [0.5, 0.95])
def test_a_truncated_zip(tmp_path: Path, keep: float) -> None:
    path = teachers_workbook(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    assert failure(tmp_path).startswith(
        f"importer-gui: {path}: the workbook cannot be read; it may be damaged or incomplete (")


def patch_headers(path: Path, part: str, *, flag: int = 0, method: int | None = None) -> None:
    """Set a flag bit, or the compression method, of one part in both of the zip's headers
    (local, then central directory): what zipfile then refuses to unpack."""
    data, name = bytearray(path.read_bytes()), part.encode()
    for signature, flags_at, method_at, length_at, name_at in (
            (b"PK\x03\x04", 6, 8, 26, 30), (b"PK\x01\x02", 8, 10, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if data[at + name_at:at + name_at + length] == name:
                data[at + flags_at] |= flag
                if method is not None:
                    struct.pack_into("<H", data, at + method_at, method)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("part", "change", "detail"), [
    (SHEET, {"flag": 1}, f"File '{SHEET}' is encrypted, password required for extraction"),
    (SHEET, {"method": 99}, "That compression method is not supported"),
    (SHEET, {"method": 9}, "That compression method is not supported"),  # deflate64
])
def test_a_part_zip_cannot_unpack_is_one_line(tmp_path: Path, part: str, change: dict,
                                              detail: str) -> None:
    path = teachers_workbook(tmp_path)
    patch_headers(path, part, **change)
    assert failure(tmp_path) == (f"importer-gui: {path}: the workbook cannot be read; it may be "
                                 f"damaged or incomplete ({detail})")


def test_shared_strings_zip_cannot_unpack_are_one_line(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, *shared_strings(b"Zoe"))
    patch_headers(path, "xl/sharedStrings.xml", method=9)
    assert failure(tmp_path) == (f"importer-gui: {path}: the workbook cannot be read; it may be "
                                 "damaged or incomplete (That compression method is not "
                                 "supported)")


def break_part(path: Path, part: str, *, crc: bool = False) -> None:
    """Damage one part of the zip: its deflate stream made invalid (a bad block type), or
    with ``crc`` its checksum changed (in both headers)."""
    data, name = bytearray(path.read_bytes()), part.encode()
    for signature, crc_at, length_at, name_at in ((b"PK\x03\x04", 14, 26, 30),
                                                  (b"PK\x01\x02", 16, 28, 46)):
        at = data.find(signature)
        while at >= 0:
            length = struct.unpack_from("<H", data, at + length_at)[0]
            if data[at + name_at:at + name_at + length] == name:
                if crc:
                    struct.pack_into("<I", data, at + crc_at, 0)
                elif signature == b"PK\x03\x04":
                    extra = struct.unpack_from("<H", data, at + 28)[0]
                    data[at + name_at + length + extra] = 0x07  # final block, type 3
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("part", "crc", "detail"), [
    ("_rels/.rels", False, "I/O error: corrupt deflate stream"),
    ("_rels/.rels", True, "Bad CRC-32 for file '_rels/.rels'"),
    ("xl/styles.xml", True, "Bad CRC-32 for file 'xl/styles.xml'"),
    (SHEET, False, "Error -3 while decompressing data: invalid block type"),
])
def test_a_part_whose_packed_bytes_are_damaged_is_one_line(tmp_path: Path, part: str,
                                                           crc: bool, detail: str) -> None:
    path = teachers_workbook(tmp_path)
    break_part(path, part, crc=crc)
    said = (f"importer-gui: {path}: the workbook cannot be read; it may be damaged or "
            f"incomplete ({detail})")
    assert failure(tmp_path) == said
    assert one_line_failure(cli("init", str(path), "--out", str(tmp_path / "new.xml"))) == said


def test_a_sheet_listed_without_its_part_says_the_part_is_missing(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {"xl/_rels/workbook.xml.rels": replace(
        b"worksheets/sheet1.xml", b"worksheets/gone.xml")})
    said = (f"importer-gui: {path}: the sheet 'Sheet1' cannot be read: the workbook lists it, "
            "but the part holding its cells is missing; the workbook is damaged or incomplete")
    assert failure(tmp_path) == said
    assert one_line_failure(cli("init", str(path), "--out", str(tmp_path / "new.xml"))) == said


def test_an_ods_whose_packed_mimetype_is_damaged_is_one_line(tmp_path: Path) -> None:
    path = write_ods(tmp_path, "")
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    break_part(path, "mimetype")
    assert failure(tmp_path).startswith(
        f"importer-gui: {path}: the workbook cannot be read; it may be damaged or incomplete (")


def test_an_ods_whose_mimetype_zip_cannot_unpack_is_one_line(tmp_path: Path) -> None:
    path = write_ods(tmp_path, "")
    patch_headers(path, "mimetype", method=99)
    assert failure(tmp_path) == (f"importer-gui: {path}: the workbook cannot be read; it may be "
                                 "damaged or incomplete (compression method not supported: 99)")


def needs_newer_zip(path: Path) -> None:
    """Mark every part of the zip, in its central directory, as needing zip version 24.7 to
    unpack (more than any reader knows)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        struct.pack_into("<H", data, at + 6, 247)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("name", ["teachers.xlsx", "teachers.ods"])
def test_a_zip_needing_a_newer_zip_version_is_one_line(tmp_path: Path, name: str) -> None:
    path = write_ods(tmp_path, "") if name.endswith(".ods") else teachers_workbook(tmp_path)
    needs_newer_zip(path)
    assert failure(tmp_path) == (f"importer-gui: {path}: the workbook cannot be read; it may be "
                                 "damaged or incomplete (zip file version 24.7)")


# --------------------------------------------------------------------------- declared sizes


def test_a_dimension_declaring_the_whole_grid_is_not_believed(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(b'<dimension ref="A1:D3"/>',
                                  b'<dimension ref="A1:XFD1048576"/>')})
    assert outcomes(check(tmp_path)[1]) == GOOD


def test_one_stray_cell_at_the_last_cell_of_the_grid(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" '
                                  b't="inlineStr"><is><t>x</t></is></c></row></sheetData>')})
    code, report = check(tmp_path)
    assert code == 1
    assert outcomes(report) == [*GOOD, (1048576, "error", ["Field teacherLogin is empty."])]


@pytest.mark.parametrize("column", ["A", "XFD"], ids=["loaded", "streamed"])
def test_rows_after_a_gap_of_empty_rows_keep_their_lines(tmp_path: Path, column: str) -> None:
    # Empty rows are skipped in bulk: the rows after them are numbered as the sheet has them.
    path = teachers_workbook(tmp_path)
    far = (b'<row r="700000"><c r="A700000" t="inlineStr"><is><t>ann</t></is></c>'
           b'<c r="D700000" t="inlineStr"><is><t>ann@example.org</t></is></c></row>'
           b'<row r="700001"><c r="B700001" t="inlineStr"><is><t> </t></is></c></row>'
           b'<row r="1048576"><c r="%s1048576" t="inlineStr"><is><t>x</t></is></c></row>'
           % column.encode())
    rewrite_package(path, {SHEET: replace(b"</sheetData>", far + b"</sheetData>")})
    last = (1048576, "create", []) if column == "A" else STRAY_READ[-1]
    assert outcomes(check(tmp_path)[1]) == [*GOOD, (700000, "create", []), last]


def test_hundreds_of_thousands_of_empty_rows(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    empty = b"".join(b'<row r="%d"/>' % i for i in range(4, 600_000))
    styled = b"".join(b'<row r="%d"><c r="A%d" s="1"/><c r="D%d" t="inlineStr"><is><t> </t>'
                      b"</is></c></row>" % (i, i, i) for i in range(600_000, 800_000))
    rewrite_package(path, {SHEET: replace(b"</sheetData>", empty + styled + b"</sheetData>")})
    assert outcomes(check(tmp_path)[1]) == GOOD


def shared_strings(text: bytes) -> dict[str, Callable[[bytes], bytes]]:
    """Changes that make B2 a shared string, and register the shared-strings part."""
    return {
        SHEET: replace(b'<c r="B2" t="inlineStr"><is><t>Zoe</t></is></c>',
                       b'<c r="B2" t="s"><v>0</v></c>'),
        "[Content_Types].xml": replace(b"</Types>", (
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')),
        "xl/_rels/workbook.xml.rels": replace(b"</Relationships>", (
            b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')),
    }, {"xl/sharedStrings.xml": b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml'
                                b'/2006/main" count="1" uniqueCount="1"><si><t>' + text +
                                b"</t></si></sst>"}


def test_a_shared_string_that_unpacks_to_hundreds_of_megabytes(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    changes, extra = shared_strings(b"a" * 300_000_000)  # packs into about 300 KB
    rewrite_package(path, changes, extra)
    assert path.stat().st_size < 1_000_000
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the workbook's part xl/sharedStrings.xml unpacks to 286 MB "
        "from 285 KB; this is not spreadsheet data, so it is not read")


def test_a_long_shared_string_that_is_real_data_is_read(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, *shared_strings(b"Zoe " * 200))
    code, report = check(tmp_path)
    assert code == 1
    assert outcomes(report)[0] == (2, "error", [
        "Field teacherName is longer than 255 characters (799)."])


# --------------------------------------------------------------------------- cell content


def test_a_formula_without_a_saved_result_is_refused_naming_the_cell(tmp_path: Path) -> None:
    # openpyxl and other libraries write formulas without calculating them: read as empty,
    # the e-mail would silently be lost.
    path = tmp_path / "teachers.xlsx"
    write_config(tmp_path, ImportSpec(path.name, TEACHER_COLUMNS, "createOrUpdateTeacherAction"))
    write_xlsx(path, [TEACHER_COLUMNS, ("zoe", "Zoe", "Z", '=CONCAT("zoe","@example.org")')])
    assert failure(tmp_path) == (
        f"importer-gui: {path}:D2: the cell holds a formula whose result was never calculated "
        "(the file was written by a program, not saved by a spreadsheet); open it in Excel "
        "or LibreOffice and save it again")


@pytest.mark.parametrize(("cell", "far"), [
    (b'<c r="D2" t="str">', b""),
    (b"<c r='D2' t='str'>", b""),  # the exact walk measures it
    (b'<c r="D2" t="str">', b'<row r="1048576">' + FAR + b"</row>"),  # and streams it
], ids=["usual", "unusual-xml", "streamed"])
def test_a_text_formula_without_any_saved_value_is_refused_naming_the_cell(
        tmp_path: Path, cell: bytes, far: bytes) -> None:
    # t="str" with no <v> at all: calamine reads it as empty, and the e-mail would silently
    # be lost (an empty <v></v> or <v/> is a saved empty text, and is read so).
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: lambda xml: replace(
        b'<c r="D2" t="inlineStr"><is><t>zoe@example.org</t></is></c>',
        cell + b'<f>CONCAT("zoe","@example.org")</f></c>'
        b'<c r="E2" t="str"><f>""</f><v/></c>')(xml).replace(b"</sheetData>",
                                                            far + b"</sheetData>")})
    assert failure(tmp_path) == (
        f"importer-gui: {path}:D2: the cell holds a formula whose result was never calculated "
        "(the file was written by a program, not saved by a spreadsheet); open it in Excel "
        "or LibreOffice and save it again")


def test_a_formula_with_its_saved_result_reads_the_result(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(
        b'<c r="D2" t="inlineStr"><is><t>zoe@example.org</t></is></c>',
        b'<c r="D2" t="str"><f>CONCAT("zoe","@example.org")</f><v>zoe@example.org</v></c>'
        b'<c r="E2" t="str"><f>""</f><v></v></c>')})  # an empty text result is a result
    assert outcomes(check(tmp_path)[1]) == GOOD
    assert next(open_table(path).rows()) == (2, ("zoe", "Zoe", "Z", "zoe@example.org", ""))


def test_merged_cells_hold_their_value_in_the_first_cell_only(tmp_path: Path) -> None:
    path = tmp_path / "teachers.xlsx"
    write_config(tmp_path, ImportSpec(path.name, TEACHER_COLUMNS, "createOrUpdateTeacherAction"))
    book = Workbook()
    sheet = book.active
    for row in TEACHERS:
        sheet.append(list(row))
    sheet.merge_cells("A2:A3")  # as Excel saves it: the value is in A2, A3 is empty
    book.save(path)
    code, report = check(tmp_path)
    assert code == 1
    assert outcomes(report) == [(2, "create", []),
                                (3, "error", ["Field teacherLogin is empty."])]


# --------------------------------------------------------------------------- hidden sheets


def hidden_first_sheet(folder: Path, sheet: str | None = None) -> Path:
    """A workbook whose hidden first sheet holds a list, the teachers on the visible second."""
    path = folder / "teachers.xlsx"
    extra = f"<ext:sheet xmlns:ext=\"{EXT_NS}\">{sheet}</ext:sheet>" if sheet else ""
    write_config(folder, ImportSpec(path.name, TEACHER_COLUMNS, "createOrUpdateTeacherAction",
                                    provider_extra=extra))
    book = Workbook()
    lists = book.active
    lists.title = "Lists"
    lists.append(["codes"])
    lists.append(["A"])
    lists.sheet_state = "hidden"
    teachers = book.create_sheet("Teachers")
    for row in TEACHERS:
        teachers.append(list(row))
    book.active = 1
    book.save(path)
    return path


def test_a_hidden_first_sheet_is_not_the_data(tmp_path: Path) -> None:
    # The first-sheet rule reads the first sheet the user sees: a hidden first sheet usually
    # holds lookup lists, and reading it would create a teacher "A" from the list.
    path = hidden_first_sheet(tmp_path)
    assert first_visible_sheet(path) == "Teachers"
    assert outcomes(check(tmp_path)[1]) == GOOD


def test_a_hidden_sheet_named_by_the_configuration_is_read(tmp_path: Path) -> None:
    path = hidden_first_sheet(tmp_path, sheet="Lists")
    assert list(open_table(path, sheet="Lists").rows()) == [(2, ("A",))]
    assert outcomes(check(tmp_path)[1]) == [(2, "create", [])]


# --------------------------------------------------------------------------- OpenDocument

_ODS_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Teachers">{rows}</table:table>'
    "</office:spreadsheet></office:body></office:document-content>")

_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:'
    'tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
    'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
    'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
    '"text/xml"/></manifest:manifest>')


def ods_cell(text: str, repeat: int = 1) -> str:
    """A text cell, repeated across columns when asked."""
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    return (f'<table:table-cell office:value-type="string"{times}><text:p>{text}</text:p>'
            "</table:table-cell>")


def write_ods_content(folder: Path, content: str) -> Path:
    """An .ods of teachers whose content.xml is ``content``, and its configuration."""
    path = folder / "teachers.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument."
                                                      "spreadsheet")
        package.writestr("content.xml", content)
        package.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
    write_config(folder, ImportSpec(path.name, TEACHER_COLUMNS, "createOrUpdateTeacherAction"))
    return path


def write_ods(folder: Path, tail: str) -> Path:
    """An .ods of the teachers followed by ``tail`` rows, and its configuration."""
    rows = "".join("<table:table-row>" + "".join(ods_cell(c) for c in row) + "</table:table-row>"
                   for row in TEACHERS)
    return write_ods_content(folder, _ODS_CONTENT.format(rows=rows + tail))


def test_an_ods_number_cell_holding_no_number_names_the_cell(tmp_path: Path) -> None:
    # calamine reads an .ods's cells as it opens it, and says only "Parse float error".
    path = write_ods(tmp_path, '<table:table-row table:number-rows-repeated="2">'
                               "<table:table-cell/></table:table-row><table:table-row>"
                               + ods_cell("ann", 2) + '<table:table-cell office:value-type='
                               '"float" office:value="1,5"><text:p>1,5</text:p>'
                               "</table:table-cell></table:table-row>")
    assert failure(tmp_path) == (
        f"importer-gui: {path}:C6: the sheet 'Teachers' cannot be read: this cell is marked as "
        "a number but holds \"1,5\"; the workbook is damaged: type the number again in a "
        "spreadsheet and save it")


def test_an_ods_with_libreoffices_trailing_empty_rows_is_read(tmp_path: Path) -> None:
    write_ods(tmp_path, '<table:table-row table:number-rows-repeated="1048573">'
                        '<table:table-cell table:number-columns-repeated="1024"/>'
                        "</table:table-row>")
    assert outcomes(check(tmp_path)[1]) == GOOD


def test_an_ods_whose_repeated_cells_fill_millions_of_cells_is_refused(tmp_path: Path) -> None:
    # 1 KB on disk, 50 million cells once repeated: calamine would allocate them all.
    path = write_ods(tmp_path, '<table:table-row table:number-rows-repeated="50000">'
                               + ods_cell("x", 1000) + "</table:table-row>")
    assert path.stat().st_size < 2000
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the sheet 'Teachers' reaches row 50003 and column ALL "
        "(50003000 cells, counting repeated rows and columns); delete the rows or columns "
        "past your data")


def test_an_ods_whose_spaces_are_written_as_huge_counts_is_refused(tmp_path: Path) -> None:
    # A few hundred bytes asking the reader for 300 MB of spaces (it writes them out).
    path = write_ods(tmp_path, "<table:table-row>" + ods_cell(
        'x<text:s text:c="100000000"/>' * 3) + "</table:table-row>")
    assert path.stat().st_size < 2000
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the sheet 'Teachers' holds 286 MB of spaces written as counts; "
        "this is not spreadsheet data, so it is not read")


def test_an_ods_with_spaces_written_as_counts_is_read(tmp_path: Path) -> None:
    write_ods(tmp_path, "<table:table-row>" + ods_cell("ann") + ods_cell(
        'Ann<text:s text:c="3"/>Lee') + "</table:table-row>")
    code, report = check(tmp_path)
    assert (code, outcomes(report)) == (0, [*GOOD, (4, "create", [])])


# --------------------------------------------------------------------------- however written

STRAY_READ = [*GOOD, (1048576, "error", ["Field teacherLogin is empty."])]


@pytest.mark.parametrize(("old", "new"), [
    (b"</sheetData>", b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is>"
                      b"</c></row></sheetData>"),
    (b"</sheetData>", b'<row r = "1048576"><c r = "XFD1048576" t="inlineStr"><is><t>x</t>'
                      b"</is></c></row></sheetData>"),
    (b"</sheetData>", b'<row r="1048576"><c\nt="inlineStr"\tr="XFD1048576"><is><t>x</t></is>'
                      b"</c></row></sheetData>"),
    (b"</sheetData>", b'<row r="1048576"><x:c xmlns:x="http://schemas.openxmlformats.org/'
                      b'spreadsheetml/2006/main" r="XFD1048576" t="inlineStr"><x:is><x:t>x'
                      b"</x:t></x:is></x:c></row></sheetData>"),
], ids=["single-quotes", "spaces-around-equals", "other-white-space",
        "namespace-prefix"])
def test_a_stray_cell_at_the_last_cell_however_it_is_written(tmp_path: Path, old: bytes,
                                                              new: bytes) -> None:
    # calamine reads all of these alike; a guard that only knew r="..." let it allocate the
    # whole grid and abort the process (exit code 134).
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(old, new)})
    code, report = check(tmp_path)
    assert (code, outcomes(report)) == (1, STRAY_READ)


def test_a_stray_cell_placed_by_counting_after_a_far_one(tmp_path: Path) -> None:
    # A cell without r follows the one before it in its row: XFD1048575, then XFE...
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(b"</sheetData>", (
        b'<row r="1048575"><c r="XFC1048575" t="inlineStr"><is><t>x</t></is></c>'
        b'<c t="inlineStr"><is><t>y</t></is></c></row></sheetData>'))})
    code, report = check(tmp_path)
    assert (code, outcomes(report)) == (
        1, [*GOOD, (1048575, "error", ["Field teacherLogin is empty."])])


def test_a_far_row_written_first_is_refused_not_an_abort(tmp_path: Path) -> None:
    # Rows out of order cannot be streamed (the streaming reader drops the rows that come
    # after a later one), and the sheet is too large to be loaded whole.
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(b"<sheetData>",
                                          b'<sheetData><row r="1048576">' + FAR + b"</row>")})
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the sheet 'Sheet1' reaches row 1048576 and column XFD, too far "
        "to be loaded whole, and its rows are not in order, so it cannot be read row by row; "
        "delete the cells past your data, or open the file in a spreadsheet and save it "
        "again")


@pytest.mark.parametrize("cell", [
    b'<c r="XFD1048576" t="d"><v></v></c>', b'<c r="XFD1048576" t="d"><v/></c>',
    b'<c r="XFD1048576" t="str"><v> </v></c>',
], ids=["empty-date", "empty-date-closed", "blank-text"])
def test_a_stray_cell_calamine_reads_as_a_value_is_measured(tmp_path: Path, cell: bytes,
                                                            ) -> None:
    # calamine reads these as a value where the sheet looks empty: measured as empty, the
    # stray cell let calamine allocate the whole grid and abort the process (exit code 134).
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(b"</sheetData>",
                                          b'<row r="1048576">' + cell + b"</row></sheetData>")})
    code, report = check(tmp_path)
    assert (code, outcomes(report)) == (0, GOOD)


def test_a_cell_reference_past_the_grid_is_refused(tmp_path: Path) -> None:
    path = teachers_workbook(tmp_path)
    rewrite_package(path, {SHEET: replace(b"</sheetData>", (
        b'<row r="9"><c r="ZZZZ9" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'))})
    assert failure(tmp_path) == (
        f"importer-gui: {path}: the cell ZZZZ9 lies past the last cell a sheet can have "
        "(XFD1048576); the workbook is damaged")


# --------------------------------------------------------------------------- panics

# calamine panicking as it opens the workbook. pyo3's PanicException cannot be imported, so
# the child raises a BaseException of that name, as pyo3 makes it.
_PANICKING_CHILD = """
import sys
import python_calamine
from importer_gui.cli import main
from importer_gui.core.readers import workbooks

class PanicException(BaseException):
    pass

def from_path(path):
    raise PanicException("called `Option::unwrap()` on a `None` value")

fake = type(sys)("python_calamine")
fake.__dict__.update(vars(python_calamine))
fake.CalamineWorkbook = type("CalamineWorkbook", (), {"from_path": staticmethod(from_path)})
workbooks.calamine = fake
sys.exit(main(sys.argv[1:]))
"""


def test_a_panic_of_the_workbook_reader_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # A BaseException: it went past every "except Exception", a traceback and exit code 1.
    path = teachers_workbook(tmp_path)
    done = subprocess.run([sys.executable, "-c", _PANICKING_CHILD, "check",
                           str(tmp_path / "config.xml"), "--store",
                           existing_store(tmp_path / "s.sqlite3")],
                          capture_output=True, text=True, timeout=300, check=False)
    assert one_line_failure(Done(done.returncode, done.stdout, done.stderr)) == (
        f"importer-gui: {path}: the workbook cannot be read; it may be damaged or incomplete "
        "(called `Option::unwrap()` on a `None` value)")
