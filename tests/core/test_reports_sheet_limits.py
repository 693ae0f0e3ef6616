"""The issues workbook never goes past what a sheet holds: Excel refuses such a file, or drops
rows from it ("We found a problem with some content")."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importer_gui.core import reports
from importer_gui.core.config import ImportConfig
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
from importer_gui.core.reports import write_issues_workbook

ACTION = "createOrUpdateTeacherAction"
HEADER = ["Line", "Outcome", "Login", "E-mail", "Messages"]


def teachers(file: Path, lines: range, index: int = 0) -> ImportPlan:
    """One teacher row with an error per line of ``lines``."""
    rows = [RowPlan(line, (f"t{line}", f"t{line}@example.org"), [ActionResult(
        ACTION, Outcome.ERROR, (Issue.error("teacherLogin", f"Login t{line} is taken."),))], [])
        for line in lines]
    return ImportPlan(index, file, ["teacherLogin", "teacherEmail"], ["Login", "E-mail"],
                      [ACTION], rows)


def sheets(path: Path) -> dict[str, list[list[object]]]:
    """Each sheet's rows of values, by sheet name, in the workbook's order."""
    book = openpyxl.load_workbook(path)
    return {sheet.title: [[c.value for c in r] for r in sheet.iter_rows()] for sheet in book}


@pytest.mark.parametrize(("count", "names"), [
    (4, ["teachers"]),
    (5, ["teachers", "teachers (2)"]),
    (12, ["teachers", "teachers (2)", "teachers (3)"]),
])
def test_rows_past_a_sheets_last_go_on_in_the_next_sheet(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int, names: list[str]) -> None:
    monkeypatch.setattr(reports, "SHEET_ROWS", 5)  # a header and four rows a sheet
    plan = Plan(ImportConfig(), [teachers(tmp_path / "teachers.csv", range(2, 2 + count))])
    path = write_issues_workbook(plan, tmp_path / "issues.xlsx")
    written = sheets(path)
    assert list(written) == names
    assert all(rows[0] == HEADER and 1 < len(rows) <= 5 for rows in written.values())
    lines = [row[0] for rows in written.values() for row in rows[1:]]
    assert lines == list(range(2, 2 + count))  # in order, none lost, none twice
    assert written[names[-1]][-1][4] == f"ERROR teacherLogin: Login t{count + 1} is taken."
    assert {sheet.freeze_panes for sheet in openpyxl.load_workbook(path)} == {"C2"}


def test_a_next_sheets_name_is_unique_and_fits_a_sheet_title(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports, "SHEET_ROWS", 3)  # a header and two rows a sheet
    imports = [teachers(tmp_path / "teachers (2).csv", range(2, 4), 0),
               teachers(tmp_path / "teachers.csv", range(2, 8), 1),
               teachers(tmp_path / "registrations of the spring term 2024.csv", range(2, 5), 2)]
    written = sheets(write_issues_workbook(Plan(ImportConfig(), imports),
                                           tmp_path / "issues.xlsx"))
    assert list(written) == ["teachers (2)", "teachers", "teachers (3)", "teachers (4)",
                             "registrations of the spring ", "registrations of the spri (2)"]
    assert [row[0] for name in list(written)[1:4] for row in written[name][1:]] == [
        2, 3, 4, 5, 6, 7]


def test_columns_past_a_sheets_last_are_left_out_and_the_messages_say_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reports, "SHEET_COLUMNS", 5)  # Line, Outcome, two columns, Messages
    imp = ImportPlan(0, tmp_path / "teachers.csv", ["teacherLogin", "teacherEmail",
                                                    "teacherFirstName", "teacherLastName"],
                     ["Login", "E-mail", "First name", "Last name"], [ACTION], [
        RowPlan(2, ("jdoe", "jdoe@example.org", "John", "Doe"), [ActionResult(
            ACTION, Outcome.ERROR, (Issue.error("teacherLastName", "Doe is taken."),))], [])])
    written = sheets(write_issues_workbook(Plan(ImportConfig(), [imp]),
                                           tmp_path / "issues.xlsx"))
    assert written["teachers"] == [
        ["Line", "Outcome", "Login", "E-mail",
         "Messages (the file's columns 3 to 4 are left out: a sheet holds 5 columns)"],
        [2, "error", "jdoe", "jdoe@example.org", "ERROR teacherLastName: Doe is taken."]]
