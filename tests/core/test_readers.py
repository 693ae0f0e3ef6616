"""The data file readers: what a user sees of their CSV files and workbooks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from importer_gui.core.catalogue import FILE_ENCODINGS
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import (
    FIELD_SIZE_LIMIT,
    head,
    hidden_sheets,
    is_workbook,
    open_table,
    sheet_names,
)
from tests.builders import rewrite_package, write_xlsx

# --------------------------------------------------------------------------- helpers


def write_bytes(path: Path, data: bytes) -> Path:
    """A file holding exactly these bytes."""
    path.write_bytes(data)
    return path


def workbook(path: Path, sheets: dict[str, list[list[object]]],
             hidden: tuple[str, ...] = ()) -> Path:
    """A workbook with one sheet per entry, rows appended from A1."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if title in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def patch_sheet_xml(path: Path, old: bytes, new: bytes) -> Path:
    """Rewrite the first sheet's XML in place (what other tools write, openpyxl cannot)."""
    def patch(data: bytes) -> bytes:
        assert old in data
        return data.replace(old, new)

    return rewrite_package(path, {"xl/worksheets/sheet1.xml": patch})


def all_rows(path: Path, **options: object) -> list[tuple[int, tuple[object, ...]]]:
    """Every data row of the file."""
    return list(open_table(path, **options).rows())  # type: ignore[arg-type]


def error_of(path: Path, **options: object) -> str:
    """The message a user sees when the file cannot be read to the end."""
    with pytest.raises(DataFileError) as caught:
        all_rows(path, **options)
    return str(caught.value)


# --------------------------------------------------------------------------- CSV rows


def test_csv_headers_and_rows_keep_the_files_line_numbers(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv",
                       b" sessionTitle ;sessionId\r\nIntro;1\r\n\r\n;;\r\n  ; \r\nAdvanced;2\r\n")
    table = open_table(path)
    assert table.headers == ["sessionTitle", "sessionId"]
    assert table.sheet is None
    # Blank lines (empty, only delimiters, only spaces) are skipped but still counted.
    assert list(table.rows()) == [(2, ("Intro", "1")), (6, ("Advanced", "2"))]


def test_csv_without_header_starts_at_line_one(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"Intro;1\nAdvanced;2\n")
    table = open_table(path, skip_first_line=False)
    assert table.headers is None
    assert list(table.rows()) == [(1, ("Intro", "1")), (2, ("Advanced", "2"))]


def test_a_blank_first_line_is_not_a_row_when_there_is_no_header(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b" ; \nIntro;1\n")
    assert list(open_table(path, skip_first_line=False).rows()) == [(2, ("Intro", "1"))]
    book = write_xlsx(tmp_path / "data.xlsx", [[None, None], ["Intro", 1]])
    assert list(open_table(book, skip_first_line=False).rows()) == [(2, ("Intro", "1"))]


def test_csv_quoted_newlines_and_mixed_line_endings(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv",
                       b'h1;h2\n"two\r\nlines";x\r"semi;colon";"say ""hi"""\r\nlast;y')
    # A record is numbered by the line it starts on; every line ending counts as one.
    assert all_rows(path) == [(2, ("two\r\nlines", "x")), (4, ("semi;colon", 'say "hi"')),
                              (5, ("last", "y"))]


def test_csv_cells_are_not_trimmed_and_rows_are_not_padded(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"a;b;c\n x ;y\n1;2;3;4\n")
    assert all_rows(path) == [(2, (" x ", "y")), (3, ("1", "2", "3", "4"))]


@pytest.mark.parametrize(("delimiter", "char"), [
    (",", ","), ("comma", ","), ("\t", "\t"), ("tabulation", "\t"), ("pipe", "|")])
def test_csv_delimiters(tmp_path: Path, delimiter: str, char: str) -> None:
    path = write_bytes(tmp_path / "data.txt", f"a{char}b\n1{char}2;3\n".encode())
    table = open_table(path, delimiter=delimiter)
    assert table.headers == ["a", "b"]
    assert list(table.rows()) == [(2, ("1", "2;3"))]


def test_a_delimiter_of_several_characters_is_refused(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"a;b\n")
    assert error_of(path, delimiter=";;") == \
        f"{path}: the delimiter ';;' is not a single character"


@pytest.mark.parametrize(("encoding", "codec"), [
    ("WINDOWS-1252", "cp1252"), ("ISO-8859-1", "latin-1"), ("UTF-8", "utf-8"),
    ("windows-1252", "cp1252")])
def test_csv_encodings(tmp_path: Path, encoding: str, codec: str) -> None:
    path = write_bytes(tmp_path / "data.csv", "titre;lieu\nCafé crème;Besançon\n".encode(codec))
    assert all_rows(path, encoding=encoding) == [(2, ("Café crème", "Besançon"))]


def test_utf8_byte_order_mark_is_dropped_from_the_first_header(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"\xef\xbb\xbfsessionTitle;x\nIntro;1\n")
    assert open_table(path).headers == ["sessionTitle", "x"]


def test_utf16le_with_and_without_byte_order_mark(tmp_path: Path) -> None:
    text = "sessionTitle;lieu\r\nÉcole;1\r\n"
    for name, data in (("bom.csv", b"\xff\xfe" + text.encode("utf-16-le")),
                       ("plain.csv", text.encode("utf-16-le"))):
        table = open_table(write_bytes(tmp_path / name, data), encoding="UTF-16LE")
        assert table.headers == ["sessionTitle", "lieu"]
        assert list(table.rows()) == [(2, ("École", "1"))]


@pytest.mark.parametrize("codec", ["utf-8", "utf-16-le"])
def test_a_quoted_first_cell_after_a_byte_order_mark_is_read_without_its_quotes(
        tmp_path: Path, codec: str) -> None:
    data = '\ufeff"E1";"Y; N"\r\nE2;Y\r\n'.encode(codec)
    table = open_table(write_bytes(tmp_path / "data.csv", data), skip_first_line=False,
                       encoding=codec.upper().replace("-LE", "LE"))
    assert list(table.rows()) == [(1, ("E1", "Y; N")), (2, ("E2", "Y"))]


# --------------------------------------------------------------------------- CSV errors


def test_bad_byte_names_the_line_and_suggests_an_encoding(tmp_path: Path) -> None:
    lines = [b"title;place"] + [b"Intro %d;Paris" % i for i in range(12)] + [b"\xe9t\xe9;Lyon"]
    path = write_bytes(tmp_path / "data.csv", b"\n".join(lines) + b"\n")
    assert error_of(path) == \
        f"{path}:14: the bytes 0xe9 0x74 are not valid UTF-8; is the file in WINDOWS-1252?"


def test_bad_byte_far_into_a_big_file_with_crlf_lines(tmp_path: Path) -> None:
    # Past the first megabyte, so the line is counted across chunks and \r\n pairs.
    body = b"".join(b"row %05d;%s\r\n" % (i, b"x" * 90) for i in range(2, 30001))
    path = write_bytes(tmp_path / "data.csv", b"h;x\r\n" + body + b"ok;caf\xe9\r\n")
    assert error_of(path) == \
        f"{path}:30001: the bytes 0xe9 0x0d are not valid UTF-8; is the file in WINDOWS-1252?"


def test_windows_1252_undefined_byte_suggests_iso_8859_1(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h;x\na;\x81\n")
    assert error_of(path, encoding="WINDOWS-1252") == \
        f"{path}:2: the byte 0x81 is not valid WINDOWS-1252; is the file in ISO-8859-1?"


def test_utf16_file_declared_utf8(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"\xff\xfe" + "h;x\r\n1;2\r\n".encode("utf-16-le"))
    assert error_of(path) == \
        f"{path}:1: the byte 0xff is not valid UTF-8; is the file in UTF-16LE?"


def test_8bit_file_declared_utf16le(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", "h;x\nCafé;2\n".encode())
    assert error_of(path, encoding="UTF-16LE") == (
        f"{path}:1: the file does not look like UTF-16LE text (it holds no zero bytes); "
        "is the file in UTF-8?")


def test_utf8_byte_order_mark_with_an_8bit_encoding(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", "\ufeffh;x\nCafé;2\n".encode())
    assert error_of(path, encoding="ISO-8859-1") == (
        f"{path}:1: the file starts with a UTF-8 byte order mark but is declared "
        "ISO-8859-1; is the file in UTF-8?")


def test_nul_byte_names_the_line(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h;x\na;1\nb\x00;2\n")
    assert error_of(path) == \
        f"{path}:3: the line holds a NUL character (byte 0x00); is it really a text file?"


def test_unbalanced_quote_names_the_line_it_opens_on(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b'h;x\na;1\n"b;2\nc;3\nd;4\n')
    message = error_of(path)
    assert message == (f"{path}:3: a quoted field that starts on this line is never closed "
                       '(unbalanced quote ")')
    # The rows before it were read normally.
    rows = []
    with pytest.raises(DataFileError):
        rows.extend(open_table(path).rows())
    assert rows == [(2, ("a", "1"))]


def test_text_after_a_closing_quote(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b'h;x\n"ab"c;1\n')
    assert error_of(path).startswith(
        f"{path}:2: a closing quote \" is followed by more text; it must be followed by "
        "the delimiter ';' or the end of the line")


def test_a_field_larger_than_the_limit(tmp_path: Path) -> None:
    big = b"y" * (FIELD_SIZE_LIMIT + 10)
    path = write_bytes(tmp_path / "data.csv", b'h;x\na;1\n"' + big + b'";2\n')
    assert error_of(path) == (f"{path}:3: a field that starts on this line is longer than "
                              '10 MB; is a quote (") left open?')


def test_a_field_below_the_limit_is_read(tmp_path: Path) -> None:
    text = "é" * 200_000  # above csv's default limit of 128 KB
    path = write_bytes(tmp_path / "data.csv", f"h;x\n{text};1\n".encode())
    assert all_rows(path) == [(2, (text, "1"))]


def test_unknown_encoding(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h;x\n")
    assert error_of(path, encoding="KLINGON").startswith(
        f"{path}: unknown file encoding 'KLINGON'; use one of UTF-8, ISO-8859-1")


@pytest.mark.parametrize("encoding", FILE_ENCODINGS)
def test_every_encoding_the_platform_offers_is_read(tmp_path: Path, encoding: str) -> None:
    text = "titre;lieu\r\nCafé crème;Besançon\r\n"
    path = write_bytes(tmp_path / "data.csv", text.encode(encoding))
    assert all_rows(path, encoding=encoding) == [(2, ("Café crème", "Besançon"))]


def test_an_unknown_encoding_lists_the_platforms(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h;x\n")
    assert error_of(path, encoding="KLINGON") == (
        f"{path}: unknown file encoding 'KLINGON'; use one of {', '.join(FILE_ENCODINGS)}")


def test_a_csv_file_is_read_without_loading_a_workbook_reader(tmp_path: Path) -> None:
    """A CSV check should not wait for calamine or openpyxl to load."""
    path = write_bytes(tmp_path / "data.csv", b"h;x\na;1\n")
    code = ("import sys; from importer_gui.core.readers import open_table; "
            "print(list(open_table(sys.argv[1]).rows())); "
            "print(sorted(m for m in ('python_calamine', 'openpyxl') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.stdout.splitlines() == ["[(2, ('a', '1'))]", "[]"], done.stderr


# --------------------------------------------------------------------------- files


def test_missing_file_folder_and_empty_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.csv"
    assert error_of(missing) == f"{missing}: the file does not exist"
    assert error_of(tmp_path) == f"{tmp_path}: this is a folder, not a data file"
    empty = write_bytes(tmp_path / "empty.csv", b"")
    assert error_of(empty) == f"{empty}: the file is empty"
    empty_book = write_bytes(tmp_path / "empty.xlsx", b"")
    assert error_of(empty_book) == f"{empty_book}: the file is empty"


def test_a_link_to_a_file_gone_is_said_to_be_one(tmp_path: Path) -> None:
    link = tmp_path / "registrations.csv"
    link.symlink_to(tmp_path / "share" / "registrations.csv")  # the share was moved
    assert error_of(link) == (f"{link}: this is a link to {tmp_path / 'share'}"
                              "/registrations.csv, which does not exist")


def test_a_header_alone_gives_no_rows(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h1;h2\n")
    table = open_table(path)
    assert (table.headers, list(table.rows())) == (["h1", "h2"], [])


def test_rows_can_be_read_twice(tmp_path: Path) -> None:
    for path in (write_bytes(tmp_path / "data.csv", b"h\na\nb\n"),
                 workbook(tmp_path / "data.xlsx", {"S": [["h"], ["a"], ["b"]]})):
        table = open_table(path)
        assert list(table.rows()) == list(table.rows()) == [(2, ("a",)), (3, ("b",))]


def test_head_gives_the_first_rows_only(tmp_path: Path) -> None:
    lines = b"".join(b"r%d;%d\n" % (i, i) for i in range(100))
    path = write_bytes(tmp_path / "data.csv", b"name;n\n" + lines)
    headers, rows = head(path, 3)
    assert headers == ["name", "n"]
    assert rows == [(2, ("r0", "0")), (3, ("r1", "1")), (4, ("r2", "2"))]
    book = workbook(tmp_path / "data.xlsx", {"S": [["name"], ["a"], [None], ["b"], ["c"]]})
    assert head(book, 2) == (["name"], [(2, ("a",)), (4, ("b",))])  # the blank row counted
    assert head(book, 2, skip_first_line=False) == (None, [(1, ("name",)), (2, ("a",))])


def test_row_count_hint(tmp_path: Path) -> None:
    lines = b"".join(b"r%d;%d\n" % (i, i) for i in range(50))
    assert open_table(write_bytes(tmp_path / "a.csv", b"h;n\n" + lines)).row_count_hint == 50
    big = b"".join(b"row %06d;xxxxxxxxxx\n" % i for i in range(20000))
    hint = open_table(write_bytes(tmp_path / "b.csv", b"h;n\n" + big)).row_count_hint
    assert hint is not None and 19000 < hint < 21000
    rows: list[list[object]] = [["h"]] + [[f"r{i}"] for i in range(30)]
    assert open_table(workbook(tmp_path / "c.xlsx", {"S": rows})).row_count_hint == 30


def test_is_workbook() -> None:
    assert is_workbook(Path("a.XLSX")) and is_workbook(Path("b.ods"))
    assert not is_workbook(Path("c.csv")) and not is_workbook(Path("d.txt"))


# --------------------------------------------------------------------------- workbooks


def test_workbook_values_as_people_see_them(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["  title ", "id", "start", "at", "ratio", "flag", "time", "sum"],
        ["  Intro ", 42, date(2024, 3, 1), datetime(2024, 3, 1, 9, 30), 3.5, True,
         time(10, 30), 0.1 + 0.2],
        ["Next", 1001.0, datetime(2024, 3, 2), "x", -7, False, timedelta(hours=30), 1e20],
    ]
    table = open_table(workbook(tmp_path / "data.xlsx", {"Sessions": rows}))
    assert table.headers == ["title", "id", "start", "at", "ratio", "flag", "time", "sum"]
    assert table.sheet == "Sessions"
    assert list(table.rows()) == [
        (2, ("  Intro ", "42", date(2024, 3, 1), datetime(2024, 3, 1, 9, 30), "3.5", "TRUE",
             "10:30:00", "0.3")),
        # A midnight datetime saved with a date format comes back a date: kept as given.
        (3, ("Next", "1001", date(2024, 3, 2), "x", "-7", "FALSE", "30:00:00", "1e+20")),
    ]


def test_workbook_date_header_reads_as_iso_text(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"S": [[date(2024, 1, 2), 12.0], ["a", "b"]]})
    assert open_table(path).headers == ["2024-01-02", "12"]


def test_workbook_blank_rows_skipped_zero_kept(tmp_path: Path) -> None:
    rows: list[list[object]] = [["h", "n"], ["a", 1], [None, None], ["  ", ""], [None, 0],
                                [False, None]]
    assert all_rows(workbook(tmp_path / "data.xlsx", {"S": rows})) == [
        (2, ("a", "1")), (5, ("", "0")), (6, ("FALSE", ""))]


def test_workbook_data_away_from_a1_keeps_rows_and_columns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["B3"], sheet["C3"], sheet["B4"], sheet["C5"] = "title", "id", "Intro", 7
    path = tmp_path / "data.xlsx"
    book.save(path)
    table = open_table(path)
    assert table.headers == []  # line 1 is the header, and it is blank
    assert list(table.rows()) == [(3, ("", "title", "id")), (4, ("", "Intro", "")),
                                  (5, ("", "", "7"))]


def test_sheets_by_name_first_by_default(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx",
                    {"Notes": [["n"], ["x"]], "Secret": [["s"]], "Sessions": [["t"], ["y"]]},
                    hidden=("Secret",))
    assert sheet_names(path) == ["Notes", "Secret", "Sessions"]
    assert hidden_sheets(path) == ["Secret"]
    assert open_table(path).sheet == "Notes"
    assert all_rows(path, sheet="Sessions") == [(2, ("y",))]
    assert open_table(path, sheet="sessions").sheet == "Sessions"  # as Excel, any case
    assert error_of(path, sheet="Data") == (
        f"{path}: the workbook has no sheet 'Data'; its sheets are 'Notes', 'Secret', "
        "'Sessions'")


def test_csv_has_no_sheets(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h\n")
    assert sheet_names(path) == [] and hidden_sheets(path) == []


def test_empty_sheet(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"Blank": []})
    assert error_of(path) == f"{path}: the sheet 'Blank' is empty"


def test_xlsm_is_read_like_xlsx(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"S": [["h"], [5]]}).rename(tmp_path / "data.xlsm")
    assert all_rows(path) == [(2, ("5",))]


def test_broken_workbooks(tmp_path: Path) -> None:
    renamed = write_bytes(tmp_path / "renamed.xlsx", b"title;id\nIntro;1\n")
    assert error_of(renamed) == (f"{renamed}: this is not a .xlsx workbook (it may be a "
                                 "text or CSV file renamed .xlsx)")
    good = workbook(tmp_path / "good.xlsx", {"S": [["h"], ["a"]]}).read_bytes()
    truncated = write_bytes(tmp_path / "cut.xlsx", good[: len(good) // 2])
    assert error_of(truncated).startswith(
        f"{truncated}: the workbook cannot be read; it may be damaged or incomplete (")
    assert "Traceback" not in error_of(truncated)
    old_excel = write_bytes(tmp_path / "old.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    assert error_of(old_excel).startswith(f"{old_excel}: the workbook cannot be read")
    for call in (sheet_names, hidden_sheets):
        with pytest.raises(DataFileError, match=r"renamed \.xlsx\)$"):
            call(renamed)


def test_damaged_sheet_xml(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"S": [["h"], ["a"]]})
    patch_sheet_xml(path, b"</sheetData>", b"</sheetDta>")
    # calamine's own detail follows in brackets; its wording is calamine's to change.
    assert error_of(path).startswith(
        f"{path}: the sheet 'S' cannot be read; the workbook may be damaged (")


def test_styled_empty_rows_past_the_data_are_ignored(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"S": [["h", "n"], ["a", 1]]})
    styled = b"".join(b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/><c r="Z%d" s="1"/>'
                      b"</row>" % (i, i, i) for i in range(3, 400_001))
    patch_sheet_xml(path, b"</sheetData>", styled + b"</sheetData>")
    table = open_table(path)
    assert list(table.rows()) == [(2, ("a", "1"))]
    assert table.row_count_hint == 1


def test_empty_text_rows_past_the_data_are_skipped(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"S": [["h", "n"], ["a", 1]]})
    blank = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t></t></is></c></row>' % (i, i)
                     for i in range(3, 200_001))
    patch_sheet_xml(path, b"</sheetData>", blank + b'<row r="200001"><c r="B200001" t="n">'
                    b"<v>5</v></c></row></sheetData>")
    assert all_rows(path) == [(2, ("a", "1")), (200001, ("", "5"))]


# A stray cell far away makes calamine allocate the whole bounding box and abort the
# interpreter, so these run in a child process: an abort must not take pytest with it.
_CHILD = """
import json, sys
from pathlib import Path
from importer_gui.core.readers import open_table
table = open_table(Path(sys.argv[1]))
rows = [(line, [len(cells), cells[0], cells[-1]]) for line, cells in table.rows()]
print(json.dumps({"headers": table.headers, "rows": rows}))
"""


def read_in_child(path: Path) -> dict[str, object]:
    """Read the file in a fresh interpreter and return what it printed."""
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def stray_cell_workbook(path: Path) -> Path:
    """A 6 KB workbook whose one stray cell sits at XFD1048576, Excel's last cell."""
    book = Workbook()
    sheet = book.active
    for row in (["title", "id"], ["Intro", 1], ["Next", 2]):
        sheet.append(row)
    sheet["XFD1048576"] = "stray"
    book.save(path)
    return path


def test_stray_cell_at_the_last_cell_does_not_abort(tmp_path: Path) -> None:
    result = read_in_child(stray_cell_workbook(tmp_path / "stray.xlsx"))
    assert result == {"headers": ["title", "id"],
                      "rows": [[2, [2, "Intro", "1"]], [3, [2, "Next", "2"]],
                               [1048576, [16384, "", "stray"]]]}


def test_stray_cell_with_a_lying_dimension_does_not_abort(tmp_path: Path) -> None:
    # Some tools write a small <dimension> whatever the cells say: the cells are measured.
    path = patch_sheet_xml(stray_cell_workbook(tmp_path / "stray.xlsx"),
                           b'<dimension ref="A1:XFD1048576"/>', b'<dimension ref="A1:B3"/>')
    result = read_in_child(path)
    assert result["rows"] == [[2, [2, "Intro", "1"]], [3, [2, "Next", "2"]],
                              [1048576, [16384, "", "stray"]]]


def test_many_stray_cells_far_right_are_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "data.xlsx", {"S": [["h"], ["a"]]})
    far = b"".join(b'<row r="%d"><c r="XFD%d" t="n"><v>1</v></c></row>' % (i, i)
                   for i in range(3, 5003))
    patch_sheet_xml(path, b"</sheetData>", far + b"</sheetData>")
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys\nfrom pathlib import Path\nfrom importer_gui.core.errors import "
         "DataFileError\nfrom importer_gui.core.readers import open_table\n"
         "try:\n    open_table(Path(sys.argv[1]))\nexcept DataFileError as e:\n    print(e)\n",
         str(path)], capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == (
        f"{path}: the sheet 'S' has 5000 cells far to the right (as far as column XFD); "
        "delete the stray cells or columns past your data")


def test_utf16_file_cut_in_the_middle_of_a_character(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", "h;x\r\na;b\r\n".encode("utf-16-le") + b"\x41")
    assert error_of(path, encoding="UTF-16LE") == (
        f"{path}:3: the file ends in the middle of a UTF-16LE character (its last bytes, "
        "0x41, begin one): it was cut short; copy it again from its source")


def test_encoding_names_in_messages_are_the_configurations(tmp_path: Path) -> None:
    path = write_bytes(tmp_path / "data.csv", b"h;x\na;\x81\n")
    assert error_of(path, encoding="windows-1252") == \
        f"{path}:2: the byte 0x81 is not valid WINDOWS-1252; is the file in ISO-8859-1?"


@given(text=st.lists(st.sampled_from(["a", "é", ";", '"', "\r", "\n", "\r\n", " "]),
                     max_size=40).map("".join),
       size=st.integers(min_value=1, max_value=7))
def test_lines_read_in_blocks_are_the_files_lines(text: str, size: int) -> None:
    """Blocks may cut a line, or a \\r\\n, anywhere: the lines are those of the file."""
    from importer_gui.core.readers.text import _lines_in_blocks

    expected = io.StringIO(text, newline="").readlines()
    assert list(_lines_in_blocks(io.StringIO(text, newline=""), size)) == expected


# --------------------------------------------------------------------------- measured as read


# A cell's type and content (P stands for the namespace prefix), and whether calamine reads a
# value there: a date's or a text's <v> is one even empty, a number's only when its text
# starts before any entity, a boolean's when that is not white space alone; the last of a
# cell's <v> and <is> is the one read.
_CONTENTS = [
    (b"inlineStr", b"<Pis><Pt>v</Pt></Pis>", True),
    (b"d", b"<Pv></Pv>", True), (b"d", b"<Pv/>", True), (b"d", b"<Pv> </Pv>", True),
    (b"str", b"<Pv></Pv>", True), (b"str", b"<Pv/>", True), (b"str", b"<Pv>&#32;</Pv>", True),
    (None, b"<Pv> </Pv>", True), (None, b"<Pv>1</Pv>", True), (None, b"<Pv>\n</Pv>", True),
    (b"n", b"<Pv>2</Pv>", True), (b"b", b"<Pv>" + b" " * 90 + b"1</Pv>", True),
    (None, b"<Pv></Pv>", False), (None, b"<Pv/>", False), (None, b"<Pv>&#32;</Pv>", False),
    (b"n", b"<Pv/>", False), (b"b", b"<Pv>" + b" " * 90 + b"</Pv>", False),
    (b"b", b"<Pv> &#49;</Pv>", False), (b"inlineStr", b"<Pv>1</Pv>", False),
    (b"d", b"", False), (b"str", b"", False), (None, b"<Pv>1</Pv><Pv></Pv>", False),
    (None, b"<Pis/><Pv></Pv>", False),
    # A formula's saved result is the value calamine reads after it (a white space one too,
    # but not a boolean's); the cell is placed either way, and refused when it reads empty.
    (None, b"<Pf>A9</Pf><Pv> </Pv>", True), (b"d", b"<Pf>A9</Pf><Pv> </Pv>", True),
    (b"str", b"<Pf>A9</Pf><Pv/>", True), (None, b"<Pf>A9</Pf><Pv>2</Pv>", True),
    (b"b", b"<Pf>A9</Pf><Pv> </Pv>", False), (None, b"<Pf>A9</Pf><Pv>&#32;</Pv>", False),
    (None, b"<Pf>A9</Pf><Pv></Pv>", False), (b"d", b"<Pf>A9</Pf><Pv></Pv>", False),
    (None, b"<Pv>2</Pv><Pf>A9</Pf>", False), (b"str", b"<Pf>A9</Pf>", False),
]


def _cell_xml(draw: st.DrawFn, row: int, col: int, counted: bool, contents: int) -> bytes:
    """One cell (see _CONTENTS), its reference written one way or another (or left out)."""
    from importer_gui.core.readers.sheet_xml import _reference

    ref = _reference(row - 1, col - 1)
    quote = draw(st.sampled_from([b'"', b"'"]))
    equals = draw(st.sampled_from([b"=", b" = ", b"=\n"]))
    prefix = draw(st.sampled_from([b"", b"x:"]))
    attribute = b"" if counted else b" r" + equals + quote + ref + quote
    if draw(st.booleans()):
        attribute += b' s="1"'
    name = prefix + b"c"
    kind, content, _ = _CONTENTS[contents]
    if kind is not None:
        attribute += b' t="' + kind + b'"'
    return (b"<" + name + attribute + b">" + content.replace(b"P", prefix) + b"</" + name +
            b">")


@st.composite
def _sheet_data(draw: st.DrawFn) -> tuple[bytes, bool]:
    """Rows of cells in any order, some placed by counting (rows and cells), some styled and
    empty, some elsewhere than their row says, some holding what calamine reads as empty;
    and whether each cell holds a value."""
    rows = draw(st.lists(st.integers(1, 40), min_size=1, max_size=8, unique=True))
    xml, all_filled = [], True
    for row in rows:
        row_attribute = draw(st.sampled_from([b' r="%d"' % row, b" r='%d'" % row, b""]))
        if draw(st.booleans()):
            xml.append(b'<row r="%d"/>' % draw(st.integers(1, 40)))
        cells, col = [], 0
        for _ in range(draw(st.integers(1, 4))):
            counted = col > 0 and draw(st.booleans())
            col = col + 1 if counted else draw(st.integers(1, 30))
            place = row if counted or draw(st.booleans()) else draw(st.integers(1, 40))
            contents = draw(st.sampled_from(range(len(_CONTENTS))))
            all_filled &= _CONTENTS[contents][2]
            cells.append(_cell_xml(draw, place, col, counted, contents))
            if draw(st.booleans()):
                cells.append(b'<c r="%s%d" s="2"/>' % (b"ZZ", row))  # styled, no value
        xml.append(b"<row" + row_attribute + b">" + b"".join(cells) + b"</row>")
    return b"".join(xml), all_filled


@given(sheet=_sheet_data(), chunk=st.sampled_from([64, 257, 1 << 20]))
def test_a_sheet_is_measured_where_calamine_puts_its_cells(tmp_path_factory: pytest.TempPathFactory,
                                                           sheet: tuple[bytes, bool],
                                                           chunk: int) -> None:
    """However the XML is written, the measured extent is calamine's own (the quick measure
    may count a cell calamine reads as empty: a box too large is safe)."""
    import zipfile

    import python_calamine

    from importer_gui.core.readers import sheet_xml

    data, all_filled = sheet
    path = tmp_path_factory.mktemp("measure") / "data.xlsx"
    write_xlsx(path, [["h"]])
    namespace = b' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rewrite_package(path, {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(
        b"<worksheet ", b"<worksheet" + namespace + b" ", 1).replace(
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>'
        b"</sheetData>", b"<sheetData>" + data + b"</sheetData>")})
    end = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet1").end
    old_chunk = sheet_xml.SCAN_CHUNK
    sheet_xml.SCAN_CHUNK = chunk
    try:
        with zipfile.ZipFile(path) as package:
            quick = sheet_xml.measure(package, "xl/worksheets/sheet1.xml")[0]
            exact = sheet_xml.measure(package, "xl/worksheets/sheet1.xml", exact=True)[0]
    finally:
        sheet_xml.SCAN_CHUNK = old_chunk
    # Whatever its size (a large sheet is measured exactly), a formula is refused alike.
    assert quick.uncached == exact.uncached
    if exact.uncached:
        return  # refused: where its cells reach matters no more
    assert (exact.rows, exact.cols) == ((end[0] + 1, end[1] + 1) if end else (0, 0))
    if all_filled:
        assert (quick.rows, quick.cols) == (exact.rows, exact.cols)
    assert quick.rows >= exact.rows and quick.cols >= exact.cols


@pytest.mark.parametrize(("cell", "read", "refused"), [
    (b'<c r="A1"><f>A9</f><v> </v></c>', " ", False),
    (b'<c r="A1" t="d"><f>A9</f><v>\n</v></c>', "\n", False),
    (b'<c r="A1" t="b"><f>A9</f><v> </v></c>', None, True),
    (b"<c r=\"A1\" t='b'><f>A9</f><v> </v></c>", None, True),
    (b'<c r="A1"><f>A9</f><v>&#32;</v></c>', None, True),
    (b'<c r="A1" t="b"><f>A9</f><v> 1</v></c>', True, False),
    (b'<c r="A1"><v>2</v><f>A9</f></c>', None, True),
    (b'<c r="A1" t="str"><f>A9</f><v></v></c>', "", False),  # an empty text is a result
], ids=["space", "date-line-break", "boolean-space", "boolean-quoted", "entity",
        "boolean-one", "formula-last", "empty-text"])
@pytest.mark.parametrize("chunk", [16, 1 << 20])
def test_a_formula_is_refused_where_calamine_reads_it_empty(
        tmp_path: Path, cell: bytes, read: object, refused: bool, chunk: int) -> None:
    """A formula's cell calamine reads as empty lost its result: the quick and the exact
    measure refuse it alike, whatever the chunk cuts, and only it."""
    import zipfile

    import python_calamine

    from importer_gui.core.readers import sheet_xml

    path = tmp_path / "data.xlsx"
    write_xlsx(path, [["h"]])
    rewrite_package(path, {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(
        b'<c r="A1" t="inlineStr"><is><t>h</t></is></c>', cell + b'<c r="B1"><v>5</v></c>')})
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet1")
    assert (sheet.to_python()[0][0] if sheet.start == (0, 0) else None) == read
    old_chunk = sheet_xml.SCAN_CHUNK
    sheet_xml.SCAN_CHUNK = chunk
    try:
        with zipfile.ZipFile(path) as package:
            quick = sheet_xml.measure(package, "xl/worksheets/sheet1.xml")[0]
            exact = sheet_xml.measure(package, "xl/worksheets/sheet1.xml", exact=True)[0]
    finally:
        sheet_xml.SCAN_CHUNK = old_chunk
    assert (quick.uncached, exact.uncached) == (("A1", "A1") if refused else ("", ""))


@pytest.mark.parametrize(("chunks", "extent"), [
    # The widest cell is the one the first chunk ends within: its text goes on in the next.
    ([b'<row r="1"><c r="A1"><v>1</v></c><c r="C1" t="inlineStr"><is><t>lo',
      b'ng</t></is></c></row>'], (1, 3)),
    # A styled empty cell ends the chunk: calamine skips it, so it widens nothing.
    ([b'<row r="1"><c r="A1"><v>1</v></c><c r="D1" s="1"/>',
      b'</row><row r="2"><c r="A2"><v>1</v></c></row>'], (2, 1)),
])
def test_a_cell_the_chunks_cut_is_measured_once(chunks: list[bytes],
                                                extent: tuple[int, int]) -> None:
    from importer_gui.core.readers import sheet_xml

    scan = sheet_xml._Scan()
    assert all(sheet_xml._fast_chunk(chunk, scan) for chunk in chunks)
    assert (scan.rows, scan.cols) == extent


def test_a_file_cut_in_the_middle_of_an_accent_says_it_was_cut(tmp_path: Path) -> None:
    # "é" is 0xc3 0xa9 in UTF-8: the copy stopped after its first byte.
    path = write_bytes(tmp_path / "data.csv", "h;x\nCafé;2\nCaf".encode() + b"\xc3")
    assert error_of(path) == (
        f"{path}:3: the file ends in the middle of a UTF-8 character (its last bytes, 0xc3, "
        "begin one): it was cut short; copy it again from its source")

