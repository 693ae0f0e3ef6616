"""A click on the preview's Line header brings the file's order back, exactly, whichever
column sorted the rows and whichever way; the selected cell stays on its row. Rows that are
no line of the file (a refresh's deletions) stay after the file's lines, where the plan,
shown unsorted, has them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from importer_gui.core.issues import Issue, Outcome
from importer_gui.core.plan import ActionResult, Plan, RowPlan
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel, RowFilter
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.ui.test_preview_sorted_filters import lines, plan

LOGIN = FIRST_VALUE_COLUMN
FILE_LINES = list(range(2, 32))


def click(header: QHeaderView, qtbot: QtBot, section: int) -> None:
    """A click on a section of the header, as the user sorts by it."""
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_one_click_on_line_after_a_descending_sort_shows_the_file_order(
        tmp_path: Path, qtbot: QtBot) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(plan(tmp_path))
    page = PreviewPage(state)
    qtbot.addWidget(page)
    page.show()
    table, model = page.table, page.model
    header = table.horizontalHeader()
    click(header, qtbot, LOGIN)
    click(header, qtbot, LOGIN)  # by login, descending
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        LOGIN, Qt.SortOrder.DescendingOrder)
    assert model.index(0, LOGIN).data() == "t29"
    table.setCurrentIndex(model.index(0, LOGIN))  # t29, on line 19
    click(header, qtbot, 0)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0, Qt.SortOrder.AscendingOrder)
    assert lines(model) == FILE_LINES
    current = table.currentIndex()
    assert (current.data(), model.index(current.row(), 0).data()) == ("t29", 19)
    click(header, qtbot, 0)  # again: the file's order reversed
    assert lines(model) == FILE_LINES[::-1]


def test_by_line_a_filter_shows_its_rows_in_file_order(tmp_path: Path, qtbot: QtBot) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(plan(tmp_path))
    model = PreviewModel(state)
    model.sort(LOGIN, Qt.SortOrder.AscendingOrder)
    model.set_filter(RowFilter.ERRORS)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert lines(model) == FILE_LINES[::3]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert lines(model) == FILE_LINES[::3][::-1]
    model.set_filter(RowFilter.ALL)  # the sort by line is kept
    assert lines(model) == FILE_LINES[::-1]


def with_deletion(tmp_path: Path) -> Plan:
    """The plan, and after its rows a deletion of a record the file lacks (line 0), as a
    refresh plans it."""
    planned = plan(tmp_path)
    imp = planned.imports[0]
    imp.add_row(RowPlan(0, ("gone", "gone@example.org"), (ActionResult(
        imp.actions[0], Outcome.DELETE, (Issue.warning("", "Not in the file"),)),), ()))
    return planned


def test_by_line_a_row_the_file_lacks_stays_after_the_files_lines(
        tmp_path: Path, qtbot: QtBot) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(with_deletion(tmp_path))
    model = PreviewModel(state)
    unsorted = lines(model)
    assert unsorted == [*FILE_LINES, ""]
    model.sort(LOGIN, Qt.SortOrder.AscendingOrder)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert lines(model) == unsorted
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert lines(model) == ["", *FILE_LINES[::-1]]


def test_a_second_sort_keeps_the_first_among_equal_keys(tmp_path: Path, qtbot: QtBot) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(plan(tmp_path))
    model = PreviewModel(state)
    email = FIRST_VALUE_COLUMN + 1  # four addresses, each on several rows
    model.sort(LOGIN, Qt.SortOrder.DescendingOrder)
    model.sort(email, Qt.SortOrder.AscendingOrder)
    shown = [(model.index(r, email).data(), model.index(r, LOGIN).data())
             for r in range(model.rowCount())]
    assert shown == sorted(shown, key=lambda pair: (pair[0], [-ord(c) for c in pair[1]]))
    assert shown[:3] == [("0@example.org", "t28"), ("0@example.org", "t26"),
                         ("0@example.org", "t24")]
