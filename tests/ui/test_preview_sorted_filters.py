"""Filters on a sorted preview pick from the rows already sorted (issue 18): what is shown is
what filtering first and sorting then shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from importer_gui.core.config import ImportConfig
from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel, RowFilter
from importer_gui.ui.state import WizardState

ACTION = "createOrUpdateTeacherAction"
EMPTY = Issue.error("teacherLogin", "Field teacherLogin is empty.")
ODD = Issue.warning("teacherEmail", "odd")


def plan(tmp_path: Path) -> Plan:
    """Rows whose logins sort apart from their lines; every third an error, some warned."""
    rows = []
    for i in range(30):
        outcome = Outcome.ERROR if i % 3 == 0 else (Outcome.UPDATE if i % 3 == 1
                                                    else Outcome.CREATE)
        issues = (EMPTY,) if outcome is Outcome.ERROR else ((ODD,) if i % 5 == 0 else ())
        rows.append(RowPlan(2 + i, (f"t{(i * 7) % 30:02d}", f"{i % 4}@example.org"),
                            (ActionResult(ACTION, outcome, issues),), ()))
    imp = ImportPlan(0, tmp_path / "teachers.csv", ["teacherLogin", "teacherEmail"],
                     ["Login", "E-mail"], [ACTION], rows)
    return Plan(ImportConfig(), [imp])


def lines(model: PreviewModel) -> list[int]:
    return [model.data(model.index(r, 0), Qt.ItemDataRole.DisplayRole)
            for r in range(model.rowCount())]


def test_filters_after_a_sort_show_what_a_sort_after_the_filter_shows(
        tmp_path: Path, qtbot: object) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(plan(tmp_path))
    sorted_first, filtered_first = PreviewModel(state), PreviewModel(state)
    email = FIRST_VALUE_COLUMN + 1  # few values: equal keys keep their order
    sorted_first.sort(email, Qt.SortOrder.DescendingOrder)
    for mode in (RowFilter.ERRORS, RowFilter.WARNINGS, RowFilter.UPDATE, RowFilter.ALL,
                 RowFilter.CREATE):
        sorted_first.set_filter(mode)
        filtered_first.set_filter(mode)
        filtered_first.sort(email, Qt.SortOrder.DescendingOrder)
        assert lines(sorted_first) == lines(filtered_first), mode
    sorted_first.set_filter(RowFilter.ALL)
    sorted_first.set_issue_filter(EMPTY)
    fresh = PreviewModel(state)
    fresh.set_issue_filter(EMPTY)
    fresh.sort(email, Qt.SortOrder.DescendingOrder)
    assert lines(sorted_first) == lines(fresh)
    assert sorted(lines(fresh)) == [2 + i for i in range(0, 30, 3)]
