"""Cells whose value a tool wrote otherwise than people read it: never changed silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.faults.test_hostile_csv import HEADER, check_json, failure, teachers_csv


def test_excels_text_formula_in_a_csv_file_is_an_error_naming_it(tmp_path: Path) -> None:
    # ="0042" keeps the zeros when Excel opens the file; the platform stores it as written.
    teachers_csv(tmp_path, HEADER + b'\n="0042";Zoe;Z;z@e.org\n"=""0043""";Mia;M;m@e.org\n'
                           b'a="1";Ann;A;a@e.org\n')
    assert check_json(tmp_path) == [
        (2, "error", ['Field teacherLogin: ="0042" is an Excel formula that shows the text '
                      'between its quotes; the platform would store the formula itself: '
                      'write the value alone, without = and the quotes.']),
        (3, "error", ['Field teacherLogin: ="0043" is an Excel formula that shows the text '
                      'between its quotes; the platform would store the formula itself: '
                      'write the value alone, without = and the quotes.']),
        (4, "create", []),
    ]


HEADER_AGAIN = ("The line repeats the header line: are two files joined one after the other? "
                "Delete the line; it is not read.")


def test_a_header_line_repeated_in_the_data_is_one_error(tmp_path: Path) -> None:
    # Two exports joined with cat: the second one's header (after its byte order mark)
    # would otherwise be a teacher whose login is "teacherLogin".
    teachers_csv(tmp_path, b"\xef\xbb\xbf" + HEADER + b"\nzoe;Zoe;Z;z@e.org\n\xef\xbb\xbf"
                 + HEADER + b"\n" + HEADER + b"\nmia;Mia;M;m@e.org\n")
    assert check_json(tmp_path) == [(2, "create", []), (3, "error", [HEADER_AGAIN]),
                                    (4, "error", [HEADER_AGAIN]), (5, "create", [])]


def test_a_file_without_a_header_line_may_repeat_its_first_line(tmp_path: Path) -> None:
    teachers_csv(tmp_path, b"zoe;Zoe;Z;z@e.org\nzoe;Zoe;Z;z@e.org\n")
    config = tmp_path / "config.xml"
    config.write_text(config.read_text().replace("<skipFirstLine>yes", "<skipFirstLine>no"))
    assert [outcome for _line, outcome, _said in check_json(tmp_path)] == ["create", "unchanged"]


@pytest.mark.parametrize("line", [b"sep=;", b"SEP=;", b'"sep=;"', b"sep=,"])
def test_excels_sep_line_above_the_header_is_named(tmp_path: Path, line: bytes) -> None:
    # Excel writes it to choose the delimiter and hides it; any other reader takes it as
    # the header line, and the header as a row of data.
    path = teachers_csv(tmp_path, b"\xef\xbb\xbf" + line + b"\r\n" + HEADER
                        + b"\r\nzoe;Zoe;Z;z@e.org\r\n")
    shown = line.decode().strip('"')
    assert failure(tmp_path) == (
        f'importer-gui: {path}:1: the first line is "{shown}", which Excel writes to choose the '
        "delimiter; any other program reads it as the header line: delete it")
