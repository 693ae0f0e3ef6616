"""A preview of hundreds of columns opens without sizing every one of them: the columns in
view are fitted as a check ends, the others as a scroll or a wider table brings them into
view, and a width the user dragged stays through all of it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.core.config import ImportConfig
from importer_gui.core.issues import Outcome
from importer_gui.core.plan import ActionResult, ImportPlan, Plan, RowPlan
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from importer_gui.ui.pages.preview_page import FITTED_MIN, PreviewPage
from importer_gui.ui.state import WizardState
from tests.ui.header_mouse import drag_edge
from tests.ui.wizards import shot

ACTION = "createOrUpdateTeacherAction"
VALUES = 80  # columns of the file, each a short title over short values
FAR = FIRST_VALUE_COLUMN + VALUES - 2  # a column well out of view, not the last (it stretches)


def wide(tmp_path: Path) -> Plan:
    """A file of VALUES columns and 40 rows, its first column the teachers' logins."""
    columns = ["teacherLogin"] + ["ignoredColumn"] * (VALUES - 1)
    headers = [f"C{n}" for n in range(VALUES)]
    result = (ActionResult(ACTION, Outcome.CREATE, ()),)
    rows = [RowPlan(2 + r, tuple(f"v{r}" for _ in range(VALUES)), result, ())
            for r in range(40)]
    return Plan(ImportConfig(), [ImportPlan(0, tmp_path / "wide.csv", columns, headers,
                                            [ACTION], rows)])


def checked(tmp_path: Path, qtbot: QtBot) -> PreviewPage:
    """The preview of the wide file, shown 900 pixels wide, as its check ends."""
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(wide(tmp_path))
    page = PreviewPage(state)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    page._show_plan()  # as a check ends
    return page


def in_view(page: PreviewPage) -> list[int]:
    """The columns the table shows now, each at least in part."""
    header, right = page.table.horizontalHeader(), page.table.viewport().width()
    return [s for s in range(header.count())
            if header.sectionViewportPosition(s) < right
            and header.sectionViewportPosition(s) + header.sectionSize(s) > 0]


def test_only_the_columns_in_view_are_sized_as_the_check_ends(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = checked(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    shown = in_view(page)
    shot(page, screenshots, "preview-wide-arrived")
    assert len(shown) > 4 and FAR not in shown
    assert all(header.sectionSize(s) == FITTED_MIN for s in shown[3:])  # "C1" over "v0"
    assert header.sectionSize(FAR) == header.defaultSectionSize()  # not looked at yet


def test_a_column_scrolled_into_view_is_sized_and_a_dragged_one_kept(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = checked(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    dragged = FIRST_VALUE_COLUMN + 1
    drag_edge(qtbot, page.table, dragged, 150 - header.sectionSize(dragged))
    assert header.sectionSize(dragged) == 150
    assert header.sectionSize(FAR) == header.defaultSectionSize()
    bar = page.table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    shot(page, screenshots, "preview-wide-scrolled")
    assert FAR in in_view(page)
    assert header.sectionSize(FAR) == FITTED_MIN
    last = header.count() - 1  # scrolled to the end, the columns reach the table's edge
    assert (header.sectionViewportPosition(last) + header.sectionSize(last)
            == page.table.viewport().width())
    bar.setValue(0)
    assert header.sectionSize(dragged) == 150


def test_a_wider_table_sizes_the_columns_it_brings_into_view(
        tmp_path: Path, qtbot: QtBot) -> None:
    page = checked(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    before = in_view(page)
    page.resize(1800, 500)
    qtbot.waitUntil(lambda: len(in_view(page)) > len(before))
    brought = [s for s in in_view(page) if s not in before]
    assert brought and all(header.sectionSize(s) == FITTED_MIN for s in brought)
