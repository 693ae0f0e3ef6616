"""Cells whose value a tool wrote otherwise than people read it: never changed silently."""

from __future__ import annotations

from pathlib import Path

from tests.faults.test_hostile_csv import HEADER, check_json, teachers_csv


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
