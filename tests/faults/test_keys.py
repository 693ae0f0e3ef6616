"""Keys as people type them: compared in Unicode NFC, invisible characters warned about.

"café" can be typed as one character é or as e and a combining accent; both are the same
login. A zero-width space or a bidi control in a code or login cannot be seen, yet makes it
another code: the row is committed, with a warning naming it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.builders import ImportSpec, by_hand, teachers_import, write_config, write_csv
from tests.faults import cli
from tests.stores import existing_store

COMPOSED, DECOMPOSED = "caf\u00e9", "cafe\u0301"


def check(folder: Path, command: str = "check") -> list[tuple[int, str, list[str]]]:
    """(line, outcome, messages) of the teacher rows, from ``command --json``."""
    done = cli(command, str(folder / "config.xml"), "--store",
               existing_store(folder / "store.sqlite3"),
               "--json")
    assert done.code in (0, 1), done.err[-2000:]
    return [(r["line"], r["outcome"], [i["message"] for i in r["issues"]])
            for r in json.loads(done.out)["imports"][0]["rows"]]


def logins(folder: Path) -> list[str]:
    """Every stored login, as stored."""
    with sqlite3.connect(folder / "store.sqlite3") as db:
        return [login for (login,) in db.execute("SELECT login FROM teacher ORDER BY id")]


def test_a_login_typed_two_ways_is_one_teacher(tmp_path: Path) -> None:
    write_config(tmp_path, teachers_import(tmp_path, [
        [COMPOSED, "Name", "F", "c@example.org"], [DECOMPOSED, "Name", "F", "c@example.org"]]))
    # The second row is the same teacher, and is told so.
    assert check(tmp_path, "commit") == [(2, "create", []), (3, "unchanged", [
        "Line 2 of this file already sets this teacher; this row's values are applied after "
        "it."])]
    assert logins(tmp_path) == [COMPOSED]


def test_a_login_stored_decomposed_is_found_composed(tmp_path: Path) -> None:
    # A store written before logins were read in NFC may hold the decomposed form.
    write_config(tmp_path, teachers_import(tmp_path, [["cafe", "Name", "F", "c@example.org"]]))
    check(tmp_path, "commit")
    with sqlite3.connect(tmp_path / "store.sqlite3") as db:
        db.execute("UPDATE teacher SET login = ?", (DECOMPOSED,))
    write_config(tmp_path, teachers_import(tmp_path, [[COMPOSED, "Name", "F",
                                                       "c@example.org"]]))
    assert check(tmp_path, "commit") == [(2, "update", [])]  # its login, now in NFC
    assert logins(tmp_path) == [COMPOSED]


def test_invisible_characters_in_a_login_are_a_warning_naming_them(tmp_path: Path) -> None:
    # A name may hold a zero-width joiner (some scripts need one): it finds no record, so
    # only codes and logins are warned about.
    write_config(tmp_path, teachers_import(tmp_path, [
        ["zoe\u200b", "Zoe", "Z", "z@example.org"],
        ["\u202emia", "Mia", "M", "m@example.org"],
        ["bob", "Bo\u200db", "B", "b@example.org"]]))
    assert check(tmp_path) == [
        (2, "create", ["Field teacherLogin: zoe<U+200B> holds characters that cannot be seen "
                       "(U+200B ZERO WIDTH SPACE); is it the code you meant?"]),
        (3, "create", ["Field teacherLogin: <U+202E>mia holds characters that cannot be seen "
                       "(U+202E RIGHT-TO-LEFT OVERRIDE); is it the code you meant?"]),
        (4, "create", [])]


MEETING_COLUMNS = ("interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
                   "interventionDuration")


def test_a_session_title_stored_decomposed_is_found_composed(tmp_path: Path) -> None:
    # Found by its course and title together: a key of two values, its text in NFC too.
    write_csv(tmp_path / "courses.csv", [("trainingPathCode", "trainingTitle"),
                                         ("SEC-101", "Security")])
    write_csv(tmp_path / "sessions.csv", [
        ("trainingPathCode", "sessionTitle", "sessionStartDate", "sessionEndDate"),
        ("SEC-101", f"Session {COMPOSED}", "01/01/2027", "02/01/2027")])
    write_config(tmp_path, ImportSpec(
        "courses.csv", ("trainingPathCode", "trainingTitle"),
        "createOrUpdateTrainingCourseAction"), ImportSpec(
        "sessions.csv", ("trainingPathCode", "sessionTitle", "sessionStartDate",
                         "sessionEndDate"), "createOrUpdateSessionAction",
        options="<sessionSearchField><sessionTitle/></sessionSearchField>",
        provider_extra="<dateFormat>DD/MM/YYYY</dateFormat>"))
    done = cli("commit", str(tmp_path / "config.xml"), "--store",
               existing_store(tmp_path / "store.sqlite3"))
    assert done.code == 0, done.err[-2000:]
    by_hand(tmp_path / "store.sqlite3", f"UPDATE session SET title = 'Session {DECOMPOSED}'")
    write_csv(tmp_path / "meetings.csv", [MEETING_COLUMNS, (
        "INT-1", "SEC-101", f"Session {COMPOSED}", "2027-01-01T09:00:00", "2")])
    write_config(tmp_path, ImportSpec("meetings.csv", MEETING_COLUMNS,
                                      "createOrUpdateInterventionAction"))
    assert check(tmp_path) == [(2, "create", [])]
