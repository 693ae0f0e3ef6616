"""Hostile CSV files through the command line, and reports that never run a formula."""

from __future__ import annotations

import csv
import io
import json
import resource
from pathlib import Path

import openpyxl
import pytest

from importer_gui.core import config_xml, pipeline, reports
from importer_gui.core.readers import open_table
from importer_gui.core.store import Store
from tests.builders import TEACHER_COLUMNS, ImportSpec, write_config
from tests.faults import cli, one_line_failure
from tests.stores import existing_store

HEADER = ";".join(TEACHER_COLUMNS).encode()


def teachers_csv(folder: Path, body: bytes, encoding: str = "UTF-8") -> Path:
    """A teacher CSV of raw bytes, and a configuration declaring ``encoding``."""
    path = folder / "teachers.csv"
    path.write_bytes(body)
    write_config(folder, ImportSpec(path.name, TEACHER_COLUMNS, "createOrUpdateTeacherAction",
                                    provider_extra=f"<fileEncoding>{encoding}</fileEncoding>"))
    return path


def check_json(folder: Path) -> list[tuple[int, str, list[str]]]:
    """(line, outcome, messages) of every row, from ``check --json``."""
    done = cli("check", str(folder / "config.xml"), "--store", existing_store(folder / "s.sqlite3"),
               "--json")
    assert done.code in (0, 1), done.err
    return [(r["line"], r["outcome"], [i["message"] for i in r["issues"]])
            for r in json.loads(done.out)["imports"][0]["rows"]]


def failure(folder: Path) -> str:
    """The one line ``check`` prints."""
    return one_line_failure(cli("check", str(folder / "config.xml"), "--store",
                                existing_store(folder / "s.sqlite3")))


def test_a_wrong_declared_encoding_names_the_file_and_line(tmp_path: Path) -> None:
    body = HEADER + b"\n" + b"zoe;Zoe;Z;z@e.org\n" * 3 + "léa;Léa;L;l@e.org\n".encode("cp1252")
    path = teachers_csv(tmp_path, body)
    assert failure(tmp_path) == (f"importer-gui: {path}:5: the bytes 0xe9 0x61 are not valid "
                                 "UTF-8; is the file in WINDOWS-1252?")


TEXT = "\n".join([";".join(TEACHER_COLUMNS), "léa;Léa;L;l@e.org", "zoe;Zoe;Z;z@e.org"]) + "\n"


@pytest.mark.parametrize(("data", "encoding", "named"), [
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-16LE", "UTF-16BE"),  # read as no rows
    (b"\xfe\xff" + TEXT.encode("utf-16-be"), "UTF-8", "UTF-16BE"),  # "WINDOWS-1252?"
    (TEXT.encode("utf-16-be"), "UTF-16LE", "UTF-16BE"),
    (TEXT.encode("utf-32"), "UTF-16LE", "UTF-32"),  # "UTF-16LE?"
    (TEXT.encode("utf-32"), "UTF-8", "UTF-32"),
])
def test_an_encoding_no_configuration_can_declare_is_named(tmp_path: Path, data: bytes,
                                                           encoding: str, named: str) -> None:
    path = teachers_csv(tmp_path, data, encoding)
    assert failure(tmp_path) == (
        f"importer-gui: {path}:1: the file is in {named}, which neither the platform nor the "
        "assistant reads; save it again as UTF-8 or UTF-16LE")


# Excel for Mac's "CSV": Mac Roman, lines ended by \r alone.
MAC_TEXT = "\r".join([";".join(TEACHER_COLUMNS), "zoe;Zoe;Z;z@e.org",
                      "mdupont;Dupont;Marie-Hélène;m@e.org", "frene;Frène;François;f@e.org",
                      "ldupre;Dupré;Léa;l@e.org"]) + "\r"


@pytest.mark.parametrize(("encoding", "shown"), [
    ("UTF-8", "Marie-H\ufffdl\ufffdne"), ("WINDOWS-1252", "Marie-H\u017dl\ufffdne"),
    ("ISO-8859-1", "Marie-H\\x8el\\x8fne")])
def test_a_mac_roman_file_is_named_so_whatever_its_declared_encoding(
        tmp_path: Path, encoding: str, shown: str) -> None:
    path = teachers_csv(tmp_path, MAC_TEXT.encode("mac_roman"), encoding)
    assert failure(tmp_path) == (
        f"importer-gui: {path}:3: the file looks like Mac Roman (what Excel for Mac saves as "
        f'"CSV"): this line reads "Marie-Hélène" in Mac Roman and "{shown}" in {encoding}; neither '
        "the platform nor the assistant reads Mac Roman: save the file again as CSV UTF-8")


@pytest.mark.parametrize(("encoding", "shown"), [
    ("UTF-8", "Marie-H\ufffdl\ufffdne"), ("WINDOWS-1252", "Marie-H\u017dl\ufffdne"),
    ("ISO-8859-1", "Marie-H\\x8el\\x8fne")])
def test_mac_roman_letters_past_the_first_70_kb_are_named_mac_roman_too(
        tmp_path: Path, encoding: str, shown: str) -> None:
    """The start of the file, which the Mac Roman test reads first, is ASCII: the first
    block holding accents gets the same test (ISO-8859-1 decodes every byte, and its rows
    would each be told to declare WINDOWS-1252), as does the line the declared encoding
    cannot decode, rather than a look at another encoding."""
    ascii_rows = [f"t{n:05d};Name;First;t{n}@e.org" for n in range(3000)]  # 70 KB and more
    head, *rows = MAC_TEXT.split("\r")
    text = "\r".join([head, *ascii_rows, *rows])
    assert len("\r".join([head, *ascii_rows])) > 70_000
    path = teachers_csv(tmp_path, text.encode("mac_roman"), encoding)
    assert failure(tmp_path) == (
        f"importer-gui: {path}:{len(ascii_rows) + 3}: the file looks like Mac Roman (what Excel "
        f'for Mac saves as "CSV"): this line reads "Marie-Hélène" in Mac Roman and "{shown}" in '
        f"{encoding}; neither the platform nor the assistant reads Mac Roman: save the file "
        "again as CSV UTF-8")


def test_french_windows_1252_with_its_quotes_and_dashes_is_not_taken_for_mac_roman(
        tmp_path: Path) -> None:
    text = MAC_TEXT.replace("zoe;Zoe;Z", "aujourd’hui;Cœur–lévêque;Zoé")
    teachers_csv(tmp_path, text.encode("cp1252"), "WINDOWS-1252")
    assert [outcome for _line, outcome, _ in check_json(tmp_path)] == ["create"] * 4


# Few accented names, far apart: the first MB holds two Mac Roman letters (ë, è), too few
# to tell; its last lines, past it, hold three more (ç, è, è).
SPARSE_ASCII = [f"t{n:06d};Name;First;t{n}@e.org" for n in range(40_000)]  # 1.3 MB
SPARSE_TEXT = "\r".join([";".join(TEACHER_COLUMNS), *SPARSE_ASCII[:3000],
                         "noel;Noël;Hélène;n@e.org", *SPARSE_ASCII[3000:],
                         "fdupont;Dupont;Françoise;f@e.org", "frene;Frène;Hélène;h@e.org"]) + "\r"


@pytest.mark.parametrize(("encoding", "shown"), [
    ("UTF-8", "No\ufffdl"), ("WINDOWS-1252", "No\u2018l"), ("ISO-8859-1", "No\\x91l")])
def test_a_mac_roman_file_whose_first_mb_holds_too_few_letters_to_tell_is_named_so(
        tmp_path: Path, encoding: str, shown: str) -> None:
    """The rest of the file is looked through until its letters tell."""
    path = teachers_csv(tmp_path, SPARSE_TEXT.encode("mac_roman"), encoding)
    assert failure(tmp_path) == (
        f"importer-gui: {path}:3002: the file looks like Mac Roman (what Excel for Mac saves "
        f'as "CSV"): this line reads "Noël" in Mac Roman and "{shown}" in {encoding}; neither '
        "the platform nor the assistant reads Mac Roman: save the file again as CSV UTF-8")


@pytest.mark.parametrize("encoding", ["WINDOWS-1252", "ISO-8859-1"])
def test_the_same_sparse_names_in_windows_1252_or_latin_1_are_read(
        tmp_path: Path, encoding: str) -> None:
    teachers_csv(tmp_path, SPARSE_TEXT.encode("cp1252"), encoding)
    outcomes = [(line, outcome) for line, outcome, _ in check_json(tmp_path)]
    assert len(outcomes) == 40_003 and {outcome for _, outcome in outcomes} == {"create"}


def test_a_dash_between_letters_again_and_again_is_not_taken_for_a_mac_roman_letter(
        tmp_path: Path) -> None:
    """Windows-1252's – reads ñ in Mac Roman: the same one byte, however often, is a
    symbol used alike, not letters."""
    rows = [f"t{n};Name;{'e–learning' if n % 500 == 0 else 'First'};t{n}@e.org"
            for n in range(1500)]
    teachers_csv(tmp_path, "\r\n".join([";".join(TEACHER_COLUMNS), *rows]).encode("cp1252"),
                 "WINDOWS-1252")
    assert {outcome for _line, outcome, _ in check_json(tmp_path)} == {"create"}


@pytest.mark.parametrize("data", [TEXT.encode("utf-16"), TEXT.encode("utf-16-le")])
def test_utf16le_with_or_without_its_mark_is_read(tmp_path: Path, data: bytes) -> None:
    teachers_csv(tmp_path, data, "UTF-16LE")
    assert check_json(tmp_path) == [(2, "create", []), (3, "create", [])]


def test_a_nul_byte_names_the_line(tmp_path: Path) -> None:
    path = teachers_csv(tmp_path, HEADER + b"\nzoe;Zoe;Z;z@e.org\nmia\x00;Mia;M;m@e.org\n")
    assert failure(tmp_path) == (f"importer-gui: {path}:3: the line holds a NUL character "
                                 "(byte 0x00); is it really a text file?")


def test_an_unbalanced_quote_names_the_line_it_opens_on(tmp_path: Path) -> None:
    body = HEADER + b'\nzoe;Zoe;Z;z@e.org\nmia;"Mia;M;m@e.org\n' + b"x;y;z;w\n" * 1000
    path = teachers_csv(tmp_path, body)
    assert failure(tmp_path) == (f"importer-gui: {path}:3: a quoted field that starts on this "
                                 "line is never closed (unbalanced quote \")")


def test_a_field_longer_than_the_csv_modules_default_limit(tmp_path: Path) -> None:
    long = b"x" * (csv.field_size_limit() + 1 if csv.field_size_limit() < 200_000 else 200_000)
    teachers_csv(tmp_path, HEADER + b"\nzoe;" + long + b";Z;z@e.org\n")
    assert check_json(tmp_path) == [(2, "error", [
        f"Field teacherName is longer than 255 characters ({len(long)})."])]


def test_mixed_line_endings_keep_the_files_line_numbers(tmp_path: Path) -> None:
    body = HEADER + b"\r\nzoe;Zoe;Z;z@e.org\nmia;Mia;M;m@e.org\r;No;;\r\nbob;Bob;B;b@e.org\n"
    teachers_csv(tmp_path, body)
    assert check_json(tmp_path) == [
        (2, "create", []), (3, "create", []), (4, "error", ["Field teacherLogin is empty."]),
        (5, "create", [])]


# --------------------------------------------------------------------------- formula injection

STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("start", STARTS, ids=repr)
def test_reports_show_formula_like_values_as_text(tmp_path: Path, start: str) -> None:
    value = f'{start}HYPERLINK("http://evil.example")'
    folder = tmp_path / "data"
    folder.mkdir()
    with (folder / "teachers.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerows([TEACHER_COLUMNS, ["", value, "F", "x@e.org"]])
    config = config_xml.load(write_config(folder, ImportSpec(
        "teachers.csv", TEACHER_COLUMNS, "createOrUpdateTeacherAction")))
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
    log = reports.write_error_log(plan, tmp_path / "errors.log")
    fields = log.read_text(encoding="utf-8").split(",")
    shown = value.replace("\r", " ")  # a log line holds no line break
    assert fields[3] == "'" + shown if start != "\r" else fields[3] == shown
    assert not any(f.startswith(tuple(STARTS)) for f in fields)
    book = reports.write_issues_workbook(plan, tmp_path / "issues.xlsx")
    cell = openpyxl.load_workbook(book).active["D2"]  # Line, Outcome, login, name
    assert (cell.value, cell.data_type) == (value, "s")  # text, never a formula


# A spreadsheet opening the log splits its lines at commas (at semicolons in French, at tabs
# in its text import): a piece of a value after one, quoted or not, starts a cell of its own.
@pytest.mark.parametrize("value", ['Smith,=HYPERLINK("http://evil.example")', "a;=1+1",
                                   "a\t@SUM(1)", '"=1+1"', 'x,"-2+3"', "x, ,+1"], ids=repr)
def test_the_error_log_runs_no_formula_in_any_cell_a_spreadsheet_splits(
        tmp_path: Path, value: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with (folder / "teachers.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([TEACHER_COLUMNS, ["", value, "F", "x@e.org"]])
    config = config_xml.load(write_config(folder, ImportSpec(
        "teachers.csv", TEACHER_COLUMNS, "createOrUpdateTeacherAction")))
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
    text = reports.write_error_log(plan, tmp_path / "errors.log").read_text(encoding="utf-8")
    for delimiter in ",;\t":
        cells = [c for line in csv.reader(io.StringIO(text), delimiter=delimiter) for c in line]
        assert not [c for c in cells if c.startswith(tuple(STARTS))], repr(delimiter)
    assert text.replace("'", "").split(",", 3)[3].startswith(value.replace("\t", "\t"))


def test_reports_show_characters_no_workbook_holds_as_escapes(tmp_path: Path) -> None:
    # openpyxl refuses them: the whole report was lost, "unexpected" in the window.
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "teachers.csv").write_text(";".join(TEACHER_COLUMNS) + "\n;Dup\x01ont\ufffe;F;x\n",
                                         encoding="utf-8")
    config = config_xml.load(write_config(folder, ImportSpec(
        "teachers.csv", TEACHER_COLUMNS, "createOrUpdateTeacherAction")))
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
    book = reports.write_issues_workbook(plan, tmp_path / "issues.xlsx")
    assert openpyxl.load_workbook(book).active["D2"].value == "Dup\\x01ont\\xfffe"


# --------------------------------------------------------------------------- long lines


def user_seconds() -> float:
    """CPU seconds this process has spent in its own code, not in the kernel."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def read_one_long_line(folder: Path, megabytes: int, times: int) -> float:
    """The least user CPU seconds of ``times`` reads of a file whose one data line is
    ``megabytes`` long, in fields of a kilobyte (each far below the csv module's field limit)."""
    fields = ";".join(["x" * 1023] * (megabytes * 1024))
    path = teachers_csv(folder, HEADER + b"\nzoe;Zoe;Z;z@e.org;" + fields.encode() + b"\n")
    spent = []
    for _ in range(times):
        started = user_seconds()
        rows = list(open_table(path).rows())
        spent.append(user_seconds() - started)
        assert [(line, cells[:4], len(cells)) for line, cells in rows] == [
            (2, ("zoe", "Zoe", "Z", "z@e.org"), 4 + megabytes * 1024)]
        del rows
    return min(spent)


def test_a_long_line_costs_time_in_proportion_to_its_length(tmp_path: Path) -> None:
    # Each block of text read used to copy the whole line so far: a line of 32 MB took 12 s
    # and one of 64 MB 49 s. Sixteen times the length must cost about sixteen times the time,
    # not 256. User CPU time of the same process, so the machine's speed cancels out, and not
    # the kernel's: a loaded machine's page faults on 32 MB of text made it 26 times once.
    (tmp_path / "short").mkdir()
    (tmp_path / "long").mkdir()
    short = read_one_long_line(tmp_path / "short", 2, times=3)
    long = read_one_long_line(tmp_path / "long", 32, times=2)
    assert long < 64 * max(short, 0.005), (short, long)



def test_init_names_the_header_cell_holding_a_character_xml_cannot_hold(tmp_path: Path
                                                                        ) -> None:
    path = tmp_path / "teachers.csv"
    path.write_text("teacherLogin;teacherName\x0cX;teacherFirstName;teacherEmail\n"
                    "zoe;Zoe;Z;z@e.org\n", encoding="utf-8")
    said = one_line_failure(cli("init", str(path), "--out", str(tmp_path / "out.xml")))
    assert said == (f"importer-gui: {path}:1: the header of column 2 (teacherName\\x0cX) "
                    "holds a character XML cannot hold (U+000C), so no configuration can name "
                    "it; delete that character from the file's header and run init again")
    assert not (tmp_path / "out.xml").exists()
