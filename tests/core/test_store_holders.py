"""A commit refused for a unique value taken since its check names the value and who took it."""

from __future__ import annotations

from pathlib import Path

from tests.builders import teachers_import, trainings_import
from tests.stores import taken_meanwhile


def checked_then_taken(tmp_path: Path, sql: str) -> str:
    """Check two new teachers, let ``sql`` write into the store, commit: the refusal."""
    return taken_meanwhile(tmp_path, teachers_import(tmp_path, [("t0", "Zero", "F", ""),
                                                                ("t1", "One", "M", "")]), sql)


def test_a_login_another_program_wrote_is_named(tmp_path: Path) -> None:
    said = checked_then_taken(
        tmp_path, "INSERT INTO teacher (login, name) VALUES ('t1', 'Written elsewhere')")
    assert said == (f"Another teacher has the teacherLogin 't1', written by another program "
                    f"since the check; check again: nothing was written to "
                    f"{tmp_path / 'store.sqlite3'}.")


def test_a_course_code_taken_meanwhile_is_named_too(tmp_path: Path) -> None:
    said = taken_meanwhile(tmp_path, trainings_import(tmp_path, [("PC-1", "One", "G-1")]),
                           "INSERT INTO training (path_code, title) VALUES ('PC-1', 'Elsewhere')")
    assert said == (
        f"Another training has the trainingPathCode 'PC-1', written by another program since the "
        f"check; check again: nothing was written to {tmp_path / 'store.sqlite3'}.")
