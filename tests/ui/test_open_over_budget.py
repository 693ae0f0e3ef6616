"""The Open page on a data file the check cannot read within its memory budget (QA 13 D5):
its first rows stay shown, so that the administrator sees which file it is and where to
split it, with the budget's refusal; Next stays unavailable, and the page says why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core.readers.budget import BUDGET_VARIABLE
from importer_gui.ui.main_window import MainWindow
from tests.builders import TEACHER_COLUMNS

SHOT = Path("/tmp/team/w14-open-over-budget.png")


def test_the_first_rows_of_a_file_over_the_budget_stay_shown_with_why_next_waits(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUDGET_VARIABLE, "300")  # 44 MB for the files: this one needs 151
    data = tmp_path / "teachers.csv"
    rows = "".join(f"t{n};Name {n};F{n};t{n}@example.org\n" for n in range(200_000))
    data.write_text(";".join(TEACHER_COLUMNS) + "\n" + rows, encoding="utf-8")
    assert window.open_file(data)
    page = window.wizard.open_page
    qtbot.waitUntil(lambda: not page.runner.busy and page.budget_label.isVisible(),
                    timeout=20_000)
    model = page.head_model
    assert model.rowCount() == 20
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == \
        list(TEACHER_COLUMNS)
    assert model.data(model.index(0, 0)) == "t0"
    assert model.data(model.index(19, 3)) == "t19@example.org"
    assert page.error_label.text() == (
        f"{data}: reading this file would take about 151 MB of memory (800005 cells), more "
        "than the 300 MB set by IMPORTER_GUI_CHECK_MEMORY_MB (44 MB for the files once the "
        "program's 256 MB are set aside): raise it, or split the file")
    assert page.budget_label.text() == (
        "These are its first rows only: the check cannot read the whole file within its "
        "memory budget (below), so Next stays unavailable until the budget is raised or the "
        "file is split.")
    assert not window.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    if SHOT.parent.is_dir():
        window.grab().save(str(SHOT))
    monkeypatch.setenv(BUDGET_VARIABLE, "1024")  # raised: reading it again lets Next on
    page.header_check.setChecked(False)
    page.header_check.setChecked(True)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=20_000)
    assert not page.budget_label.isVisible() and not page.error_label.isVisible()
    assert model.rowCount() == 20
