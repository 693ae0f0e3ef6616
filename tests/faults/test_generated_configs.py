"""What configurations generated from the catalogue found: each case reduced to its smallest
form, through the command line as a user runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.builders import ImportSpec, teachers_import, trainings_import, write_config, write_csv
from tests.faults import cli
from tests.stores import existing_store

SESSION_COLUMNS = ("sessionAction", "sessionTitle", "trainingPathCode", "teacherLogin")

# An action's key made optional by <mandatory>no</mandatory>: a row that leaves it empty
# has no record to find or create, so it is still an error, with the usual message.
KEYS = [
    ("createOrUpdateTeacherAction", ("teacherLogin", "teacherName"), ("", "Martin")),
    ("createOrUpdateTrainingCourseAction", ("trainingPathCode", "trainingTitle"),
     ("", "Excel")),
    ("createOrUpdateInterventionAction",
     ("interventionGuid", "trainingPathCode", "sessionTitle", "interventionDate",
      "interventionDuration", "roomGuid", "roomLabel", "teacherLogin", "interventionStatus"),
     ("", "PC-1", "Lyon", "2027-06-01T09:00:00", "2", "R1", "Blue", "t1", "A")),
]


@pytest.mark.parametrize(("action", "columns", "row"), KEYS, ids=[k[1][0] for k in KEYS])
def test_an_empty_key_made_optional_is_a_row_error(tmp_path: Path, action: str,
                                                   columns: tuple[str, ...],
                                                   row: tuple[str, ...]) -> None:
    write_csv(tmp_path / "data.csv", [columns, row])
    write_csv(tmp_path / "sessions.csv", [SESSION_COLUMNS, ("M", "Lyon", "PC-1", "t1")])
    key = columns[0]
    config = write_config(  # what a row refers to, made by the imports before it
        tmp_path, teachers_import(tmp_path, [("t1", "Martin", "Anne", "a@example.org")]),
        trainings_import(tmp_path, [("PC-1", "Excel", "")]),
        ImportSpec("sessions.csv", SESSION_COLUMNS, "createOrUpdateSessionAction"),
        ImportSpec("data.csv", columns, action,
                   column_children={key: "<mandatory>no</mandatory>"}))
    done = cli("check", str(config), "--store", existing_store(tmp_path / "store.sqlite3"))
    assert (done.code, done.err) == (1, "")
    assert f"data.csv:2: ERROR {key}: Field {key} is empty." in done.out.splitlines()
