"""Values the store cannot hold are row errors at check time: a check that passes commits.

Whole numbers beyond 64 bits, numbers of thousands of digits, ids that collide with the
planner's own or leave the store's id sequence no room, and workbook dates that are no dates
(NaN, a serial far out of range, Excel's 29 February 1900), through the command line.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date
from pathlib import Path

from tests.builders import (
    TRAINING_COLUMNS,
    ImportSpec,
    rewrite_package,
    write_config,
    write_csv,
    write_xlsx,
)
from tests.faults import Done, cli
from tests.stores import existing_store

SESSION = "createOrUpdateSessionAction"
SESSION_COLUMNS = ("sessionAction", "trainingPathCode", "sessionTitle", "sessionStartDate",
                   "sessionId")
BY_TITLE = "<sessionSearchField><sessionTitle/></sessionSearchField>"
ID_RANGE = "an id given in a file is a whole number from 1 to 9007199254740991."
INT_RANGE = ("the store holds whole numbers from -9223372036854775808 to "
             "9223372036854775807.")


def run(command: str, folder: Path) -> tuple[Done, dict]:
    """``command --json`` of the folder's configuration: what it printed, and its report."""
    done = cli(command, str(folder / "config.xml"), "--store",
               existing_store(folder / "store.sqlite3"),
               "--json")
    assert done.code in (0, 1), done.err[-2000:]
    return done, json.loads(done.out)


def outcomes(report: dict, index: int = -1) -> list[tuple[int, str, list[str]]]:
    """(line, outcome, messages) of one import's rows."""
    return [(r["line"], r["outcome"], [i["message"] for i in r["issues"]])
            for r in report["imports"][index]["rows"]]


def trainings(folder: Path, rows: list[list[str]]) -> ImportSpec:
    """A training-course import with a duration column, and its CSV file."""
    columns = (*TRAINING_COLUMNS, "trainingDuration")
    write_csv(folder / "trainings.csv", [columns, *rows])
    return ImportSpec("trainings.csv", columns, "createOrUpdateTrainingCourseAction")


def sessions(folder: Path, rows: list[list[object]], columns: tuple[str, ...] = SESSION_COLUMNS,
             name: str = "sessions.csv", mandatory_id: bool = True) -> ImportSpec:
    """A session import of these rows (CSV, or a workbook for a .xlsx name)."""
    writer = write_xlsx if name.endswith(".xlsx") else write_csv
    writer(folder / name, [list(columns), *rows])
    fields = "".join("<sessionId><mandatory>no</mandatory></sessionId>"
                     if c == "sessionId" and not mandatory_id else f"<{c}/>" for c in columns)
    return ImportSpec(name, columns, SESSION, options=BY_TITLE, fields=fields)


# --------------------------------------------------------------------------- whole numbers


def test_numbers_beyond_64_bits_are_row_errors_and_the_rest_commits(tmp_path: Path) -> None:
    digits = "7" * 5000  # more digits than Python converts at all
    write_config(tmp_path, trainings(tmp_path, [
        ["T1", "Largest", "G1", "9223372036854775807"],
        ["T2", "One more", "G2", "9223372036854775808"],
        ["T3", "Smallest minus one", "G3", "-9223372036854775809"],
        ["T4", "Thousands of digits", "G4", digits],
        ["T5", "Leading zeros", "G5", "0" * 5000 + "42"]]))
    done, report = run("commit", tmp_path)
    assert done.code == 1
    assert outcomes(report) == [
        (2, "create", []),
        (3, "error", [f"Field trainingDuration: 9223372036854775808 is out of range; {INT_RANGE}"]),
        (4, "error", [f"Field trainingDuration: -9223372036854775809 is out of range; "
                      f"{INT_RANGE}"]),
        (5, "error", [f"Field trainingDuration: {'7' * 20}… (5000 characters) is out of range; "
                      f"{INT_RANGE}"]),
        (6, "create", [])]
    again = run("check", tmp_path)[1]
    assert [outcome for _, outcome, _ in outcomes(again)] == [
        "unchanged", "error", "error", "error", "unchanged"]


# --------------------------------------------------------------------------- ids


def test_ids_a_file_gives_are_from_one_to_2_to_the_53_minus_one(tmp_path: Path) -> None:
    write_config(tmp_path, trainings(tmp_path, [["T1", "Course", "G1", "7"]]), sessions(
        tmp_path, [["M", "T1", f"S{n}", "2027-01-12", value] for n, value in enumerate(
            ["-1", "0", "9223372036854775807", "9007199254740992", "9007199254740991"])]))
    done, report = run("commit", tmp_path)
    assert done.code == 1
    assert outcomes(report) == [
        (2, "error", [f"Field sessionId: -1 cannot be an id; {ID_RANGE}"]),
        (3, "error", [f"Field sessionId: 0 cannot be an id; {ID_RANGE}"]),
        (4, "error", [f"Field sessionId: 9223372036854775807 cannot be an id; {ID_RANGE}"]),
        (5, "error", [f"Field sessionId: 9007199254740992 cannot be an id; {ID_RANGE}"]),
        # Issue 15: an id in range only finds a session; the platform numbers new ones.
        (6, "error", ["Field sessionId: no session of training course T1 has the id "
                      "9007199254740991 (with this row's other search values); the platform "
                      "numbers new sessions, so leave sessionId empty to create one."])]
    # A session without an id is created, numbered by the store.
    write_config(tmp_path, sessions(tmp_path, [["M", "T1", "Next", "2027-02-01", ""]],
                                    mandatory_id=False))
    done, report = run("commit", tmp_path)
    assert (done.code, outcomes(report)) == (0, [(2, "create", [])])


def test_a_negative_training_id_does_not_name_a_course_the_plan_creates(tmp_path: Path) -> None:
    # The planner numbers what a plan creates -1, -2, ...: a file's -1 named the first of
    # them, and the session was attached to a course that had no id yet.
    columns = ("sessionAction", "trainingId", "sessionTitle", "sessionStartDate", "sessionId")
    write_config(tmp_path, trainings(tmp_path, [["T1", "Course", "G1", "7"]]),
                 sessions(tmp_path, [["M", "-1", "S", "2027-01-12", "5"]], columns))
    done, report = run("check", tmp_path)
    assert done.code == 1
    [(line, outcome, messages)] = outcomes(report)
    assert (line, outcome, messages[0]) == (
        2, "error", f"Field trainingId: -1 cannot be an id; {ID_RANGE}")


# --------------------------------------------------------------------------- workbook dates


def date_cells(folder: Path, serials: list[str]) -> Path:
    """A sessions workbook whose start dates are date cells holding these raw serials."""
    course = trainings(folder, [["T1", "Course", "G1", "7"]])
    # No session ids: the platform numbers new sessions (issue 15).
    spec = sessions(folder, [["M", "T1", f"S{n}", date(2027, 1, 10 + n), ""]
                             for n in range(len(serials))], name="sessions.xlsx",
                    mandatory_id=False)
    write_config(folder, course, spec)
    path = folder / "sessions.xlsx"

    def serial(data: bytes) -> bytes:
        for n, value in enumerate(serials):
            data, count = re.subn(rb'(<c r="D%d" [^>]*><v>)[^<]*' % (n + 2),
                                  rb"\g<1>" + value.encode(), data)
            assert count == 1
        return data

    rewrite_package(path, {"xl/worksheets/sheet1.xml": serial})
    return path


def start_dates(folder: Path) -> list[str]:
    """The stored sessions' start dates, from the store itself."""
    with sqlite3.connect(folder / "store.sqlite3") as db:
        return [str(v) for (v,) in db.execute("SELECT start_date FROM session ORDER BY id")]


def test_workbook_dates_that_are_no_dates_are_row_errors(tmp_path: Path) -> None:
    date_cells(tmp_path, ["NaN", "-1E+20", "60", "59", "46000"])
    done, report = run("commit", tmp_path)
    assert done.code == 1
    assert done.err == ""  # nothing from the workbook reader's native code either
    assert outcomes(report) == [
        (2, "error", ["Field sessionStartDate: the cell holds NaN (not a number) where a date "
                      "or number was expected."]),
        (3, "error", ["The workbook reader cannot convert a cell of this line (TimeDelta::"
                      "milliseconds out of bounds): a date or time far out of range, perhaps; "
                      "the line is not read."]),
        (4, "error", ["Field sessionStartDate: 29/02/1900 is a day that never was (Excel "
                      "counts a 29 February in 1900, which was not a leap year)."]),
        (5, "create", []),
        (6, "create", [])]
    assert start_dates(tmp_path) == ["1900-02-28", "2025-12-09"]


def test_a_workbook_date_below_zero_is_a_row_error_naming_the_cell(tmp_path: Path) -> None:
    # calamine reads a date cell's serial below 1 as a time of day: -5 as 00:00:00, -0.5 as
    # 12:00:00, which no date field should take, nor any text field keep.
    date_cells(tmp_path, ["-5", "-0.5", "46000"])
    done, report = run("check", tmp_path)
    assert done.code == 1
    assert outcomes(report) == [
        (line, "error", [f"Field sessionStartDate: the cell D{line} is formatted as a date or "
                         f"time but holds {value}, a number below zero, which is no date or "
                         "time (Excel shows ####); type the date, or format the cell as a "
                         "number."])
        for line, value in ((2, "-5"), (3, "-0.5"))] + [(4, "create", [])]
