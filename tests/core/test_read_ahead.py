"""A file the column planner plans is read as columns while the store is read (in the thread
that opens it), then planned as it would be otherwise; one file only, and a file polars
refuses there is planned row by row, as when the planner reads it itself."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core.columns import engine, frame
from tests.builders import TRAINING_COLUMNS, ImportSpec, trainings_import, write_xlsx
from tests.core.harness import Env, rows

COURSES = [["SEC-101", "Sécurité incendie", ""], ["MGT-200", "Management d'équipe", ""]]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Each file read as columns, and the thread that read it."""
    seen: list[tuple[str, str]] = []
    read_plain = frame.read_plain

    def watched(pl: Any, table: Any) -> Any:
        seen.append((Path(table.path).name, threading.current_thread().name))
        return read_plain(pl, table)

    monkeypatch.setattr(frame, "read_plain", watched)
    return seen


def test_the_courses_are_read_while_the_store_is_and_planned_by_column(
        tmp_path: Path, reads: list[tuple[str, str]]) -> None:
    env = Env(tmp_path)
    env.commit(trainings_import(tmp_path, COURSES[:1]))
    reads.clear()
    plan = env.check(trainings_import(tmp_path, [*COURSES, ["", "Sans code", ""]]))
    assert plan.imports[0].by_columns
    assert rows(plan) == [(2, "unchanged", []), (3, "create", []),
                          (4, "error", ["Field trainingPathCode is empty."])]
    assert [(name, thread.startswith("open-table")) for name, thread in reads] == [
        ("trainings.csv", True)]


def test_only_the_first_file_is_read_ahead(
        tmp_path: Path, reads: list[tuple[str, str]]) -> None:
    plan = Env(tmp_path).check(trainings_import(tmp_path, COURSES[:1], "first.csv"),
                               trainings_import(tmp_path, COURSES[1:], "second.csv"))
    assert [imp.by_columns for imp in plan.imports] == [True, True]
    assert [(name, thread.startswith("open-table")) for name, thread in reads] == [
        ("first.csv", True), ("second.csv", False)]


def test_a_file_polars_refuses_while_read_ahead_is_planned_row_by_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pl = engine.polars()
    assert pl is not None

    def refused(_pl: Any, _table: Any) -> Any:
        raise pl.exceptions.ComputeError("refused in the opening thread")

    monkeypatch.setattr(frame, "read_plain", refused)
    plan = Env(tmp_path).check(trainings_import(tmp_path, COURSES))
    assert not plan.imports[0].by_columns
    assert rows(plan) == [(2, "create", []), (3, "create", [])]


def test_a_workbook_of_courses_is_checked_without_polars(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # polars is some 25 MB of a check's memory: a sheet, which it never reads, goes without.
    asked: list[str] = []
    monkeypatch.setattr(engine, "polars", lambda: asked.append("polars"))
    write_xlsx(tmp_path / "trainings.xlsx", [TRAINING_COLUMNS, *COURSES])
    plan = Env(tmp_path).check(ImportSpec("trainings.xlsx", TRAINING_COLUMNS,
                                          "createOrUpdateTrainingCourseAction"))
    assert rows(plan) == [(2, "create", []), (3, "create", [])]
    assert asked == []
