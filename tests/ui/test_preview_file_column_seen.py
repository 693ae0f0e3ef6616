"""In the preview of all files at once, the File column (which file each row comes from)
shows right after the outcome, and whatever column is last reads whole: scrolled to the
far right, the columns fitted as they came into view leave the scroll bar able to reach
the end of the last one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.core.config import ImportConfig
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from importer_gui.ui.widgets.table_sizing import contents_widths
from tests.ui.wizards import sample_preview, shot

TRAININGS, ALL = 1, -1  # the File box's second file, and "All files"


def seen_width(page: PreviewPage, column: int) -> int:
    """How many pixels of a column the table shows."""
    header, right = page.table.horizontalHeader(), page.table.viewport().width()
    left = header.sectionViewportPosition(column)
    return max(0, min(left + header.sectionSize(column), right) - max(left, 0))


def test_scrolled_to_the_far_right_the_last_column_shows_whole(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(ALL))
    table, header = page.table, page.table.horizontalHeader()
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    shot(window, screenshots, "preview-all-files-scrolled-right")
    last = header.logicalIndex(header.count() - 1)
    assert seen_width(page, last) == header.sectionSize(last)
    assert header.sectionSize(last) >= contents_widths(table, columns=(last,))[last]
    assert bar.value() == bar.maximum()  # the bar says it is at the end, as it is


def shown_titles(page: PreviewPage) -> list[str]:
    """The table's column titles, left to right as it shows them."""
    header = page.table.horizontalHeader()
    return [page.model.headerData(header.logicalIndex(visual), Qt.Orientation.Horizontal)
            for visual in range(header.count())]


def test_all_files_show_the_file_right_after_the_outcome(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(ALL))
    shot(window, screenshots, "preview-all-files-file-first")
    assert shown_titles(page) == [
        "Line", "Outcome", "File", "Column 1", "Column 2", "Column 3", "Column 4", "Column 5",
        "Column 6", "Column 7", "Places / Langues", "Formateur / Manager", "Statut"]
    page.import_box.setCurrentIndex(page.import_box.findData(TRAININGS))
    assert shown_titles(page)[:3] == ["Line", "Outcome",
                                      "Code formation\n→ Training course code — trainingPathCode"]


def heads(page: PreviewPage) -> list[str]:
    """The titles' first lines (the files' headers), left to right."""
    return [title.split("\n")[0] for title in shown_titles(page)]


def two_files(tmp_path: Path, values: int) -> Plan:
    """Two files of ``values`` columns each, a row apiece."""
    action = "createOrUpdateTeacherAction"
    result = (ActionResult(action, Outcome.CREATE, ()),)
    return Plan(ImportConfig(), [
        ImportPlan(n, tmp_path / f"file{n}.csv", ["teacherLogin"] * values,
                   [f"C{v}" for v in range(values)], [action],
                   [RowPlan(2, tuple(f"v{v}" for v in range(values)), result, ())])
        for n in range(2)])


def test_a_new_check_with_more_columns_keeps_the_values_in_their_order(
        tmp_path: Path, qtbot: QtBot) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(two_files(tmp_path, 3))
    page = PreviewPage(state)
    qtbot.addWidget(page)
    page.show()
    page._show_plan()  # as a check ends
    page.import_box.setCurrentIndex(page.import_box.findData(ALL))
    assert heads(page) == ["Line", "Outcome", "File", "C0", "C1", "C2"]
    state.session.set_plan(two_files(tmp_path, 5))  # the files gained two columns
    page._show_plan()
    assert heads(page) == ["Line", "Outcome", "File", "C0", "C1", "C2", "C3", "C4"]
