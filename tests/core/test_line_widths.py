"""Lines with fewer or more cells than the configuration maps: the platform reads them
(padded with empty cells, or cut), so they are no errors, but a warning names them, unless
the file's lines all have that width (columns left unread, a trailing delimiter)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.builders import TEACHER_COLUMNS, ImportSpec, write_config, write_xlsx
from tests.core.test_cli import run
from tests.core.test_readers_mismatch import (
    HEADER,
    learners_config,
    rows_of,
    store_in,
    teachers,
)


def test_short_and_long_lines_are_warned_about(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = (f"{HEADER}\nzoe;Zoe;Z;z@e.org\nmia;Mia\nlea;Lea;L;l@e.org;extra;more\n"
            "tom;Tom;T;t@e.org\n")
    config = teachers(tmp_path, body.encode())
    assert rows_of(capsys, config, tmp_path) == (0, [
        (2, "create", []),
        (3, "create", ["The line holds 2 of the 4 values the configuration maps; the missing "
                       "ones are read as empty."]),
        (4, "create", ["The line has 6 values where the configuration maps 4; the values "
                       "after the first 4 are not read."]),
        (5, "create", [])])


def test_the_qa_short_line_of_learners_is_warned_about_beside_its_error(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    short = tmp_path / "short.csv"
    short.write_text((sample / "learners.csv").read_text(encoding="utf-8")
                     + "E1009;jshort\n", encoding="utf-8")
    config = learners_config(tmp_path, short)
    _code, rows = rows_of(capsys, config, tmp_path)
    assert rows[-1][0] == 10
    assert rows[-1][2][0] == ("The line holds 2 of the 9 values the configuration maps; the "
                              "missing ones are read as empty.")


def test_trailing_delimiters_are_no_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Many tools end every line with the delimiter; some only the lines with empty cells.
    body = f"{HEADER};\nzoe;Zoe;Z;z@e.org;\nmia;Mia;M;m@e.org;;\nlea;Lea;L;l@e.org\n"
    config = teachers(tmp_path, body.encode())
    assert rows_of(capsys, config, tmp_path) == (
        0, [(2, "create", []), (3, "create", []), (4, "create", [])])


def test_columns_the_configuration_leaves_unread_are_no_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An export of 6 columns of which the configuration maps the first 4, header or not;
    # a line shorter or longer than the file's others still is.
    lines = [f"u{n};N{n};F{n};u{n}@e.org;dept;site" for n in range(5)]
    body = "\n".join([*lines, "odd;Odd;O;o@e.org;dept;site;stray", "cut;Cut;C"]) + "\n"
    config = teachers(tmp_path, body.encode())
    config.write_text(config.read_text(encoding="utf-8").replace(
        "<skipFirstLine>yes</skipFirstLine>", "<skipFirstLine>no</skipFirstLine>"),
        encoding="utf-8")
    _code, rows = rows_of(capsys, config, tmp_path)
    assert [messages for _line, _outcome, messages in rows] == [[]] * 5 + [
        ["The line has 7 values where the configuration maps 4; the values after the first 4 "
         "are not read."],
        ["The line holds 3 of the 4 values the configuration maps; the missing ones are read "
         "as empty."]]


def test_a_workbook_row_that_ends_early_is_no_warning(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_xlsx(tmp_path / "teachers.xlsx", [TEACHER_COLUMNS, ["zoe", "Zoe", "Z", "z@e.org"],
                                            ["mia", "Mia", "M", "m@e.org", None, "note"]])
    config = write_config(tmp_path, ImportSpec("teachers.xlsx", TEACHER_COLUMNS,
                                               "createOrUpdateTeacherAction"))
    assert rows_of(capsys, config, tmp_path) == (0, [(2, "create", []), (3, "create", [])])


def test_a_row_of_several_actions_is_warned_about_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = f"{HEADER}\nzoe;Zoe;Z;z@e.org\nmia;Mia\n"
    config = teachers(tmp_path, body.encode())
    fields = "".join(f"<{c}/>" for c in TEACHER_COLUMNS)
    config.write_text(config.read_text(encoding="utf-8").replace(
        "</createOrUpdateTeacherAction>", "</createOrUpdateTeacherAction><createOrUpdate"
        f"TeacherAction><fields>{fields}</fields></createOrUpdateTeacherAction>", 1),
        encoding="utf-8")
    code, out, err = run(capsys, "check", str(config), "--store", store_in(tmp_path), "--json")
    assert code == 0, err
    rows = json.loads(out)["imports"][0]["rows"]
    assert [(r["line"], r["action"], [i["message"] for i in r["issues"]]) for r in rows] == [
        (2, "createOrUpdateTeacherAction", []), (2, "createOrUpdateTeacherAction", []),
        (3, "createOrUpdateTeacherAction", [
            "The line holds 2 of the 4 values the configuration maps; the missing ones are "
            "read as empty."]),
        (3, "createOrUpdateTeacherAction", [])]


def test_an_edited_row_keeps_its_warning_while_it_keeps_its_width(tmp_path: Path) -> None:
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.store import Store

    body = f"{HEADER}\nzoe;Zoe;Z;z@e.org\nmia;Mia;M;m@e.org;x\n"
    config = config_xml.load(teachers(tmp_path, body.encode()))
    long_line = ("The line has 5 values where the configuration maps 4; the values after the "
                 "first 4 are not read.")
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
        assert [i.message for i in plan.imports[0].rows[1].issues()] == [long_line]
        edited = pipeline.recheck_row(plan, 0, 1, ("mia", "Mia", "Mi", "m@e.org", "x"))
        assert [i.message for i in edited.issues()] == [long_line]
        edited = pipeline.recheck_row(plan, 0, 1, ("mia", "Mia", "Mi", "m@e.org", ""))
        assert list(edited.issues()) == []
