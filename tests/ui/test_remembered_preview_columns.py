"""The preview's columns open again, at the next start, as wide as the user gave them and
sorted as the user left them, for the same kind of import (its action): by field, so that
next month's file with its columns in another order finds each width and the sort on its
field. What no longer fits (a field gone) is left aside quietly; the rows are sorted once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.ui.models.preview_model import LINE_COLUMN
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.ui.header_mouse import click_title, drag_edge
from tests.ui.wizards import connect_pages

FIELDS = {"Login": "teacherLogin", "Name": "teacherName", "E-mail": "teacherEmail"}
VALUES = {"Login": ["mia", "zoe", "abe"], "Name": ["Mia", "Zoe", "Abe"],
          "E-mail": ["mia@example.org", "zoe@example.org", "abe@example.org"]}


def previewed(tmp_path: Path, qtbot: QtBot, headers: list[str],
              sorts: list[int] | None = None) -> tuple[QWizard, PreviewPage]:
    """A start (the same settings every start) on this month's teachers' file, its columns
    in the order of ``headers``, checked; the sorts of the rows made meanwhile are counted
    in ``sorts``."""
    data = tmp_path / "teachers.csv"
    lines = [";".join(headers)] + [";".join(VALUES[h][n] for h in headers) for n in range(3)]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    columns = [Column(FIELDS[h], header=h) for h in headers]
    state = WizardState(tmp_path / "data" / "store.sqlite3")
    state.session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                             [data])
    wizard = QWizard()
    qtbot.addWidget(wizard)
    page, commit = PreviewPage(state), CommitPage(state)
    if sorts is not None:
        page.model.layoutChanged.connect(lambda *_: sorts.append(1))
    connect_pages(page, commit)
    wizard.addPage(page)
    wizard.addPage(commit)
    wizard.resize(1280, 800)
    wizard.show()
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    QApplication.processEvents()
    return wizard, page


def section(page: PreviewPage, header: str) -> int:
    """The column the file's ``header`` is shown in."""
    model = page.model
    return next(n for n in range(model.columnCount())
                if str(model.headerData(n, Qt.Orientation.Horizontal)).startswith(header + "\n"))


def logins(page: PreviewPage) -> list[str]:
    column = section(page, "Login")
    return [page.model.index(row, column).data() for row in range(page.model.rowCount())]


def sorted_downwards(qtbot: QtBot, page: PreviewPage, column: int) -> None:
    header = page.table.horizontalHeader()
    while (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (
            column, Qt.SortOrder.DescendingOrder):
        click_title(qtbot, page.table, column)


def test_widths_and_sort_open_again_on_their_fields_next_month(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    first_wizard, first = previewed(tmp_path, qtbot, ["Login", "Name", "E-mail"])
    name = section(first, "Name")
    widened = first.table.columnWidth(name) + 90
    drag_edge(qtbot, first.table, name, 90)
    sorted_downwards(qtbot, first, section(first, "Login"))
    assert logins(first) == ["zoe", "mia", "abe"]
    first_wizard.close()
    sorts: list[int] = []
    # Next month's file: the same kind of import, its columns in another order.
    wizard, again = previewed(tmp_path, qtbot, ["Name", "E-mail", "Login"], sorts)
    wizard.grab().save(str(screenshots / "preview-columns-remembered.png"))
    assert again.table.columnWidth(section(again, "Name")) == widened
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        section(again, "Login"), Qt.SortOrder.DescendingOrder)
    assert logins(again) == ["zoe", "mia", "abe"]
    assert sorts == []  # sorted as they were shown: not sorted again afterwards


def test_a_sort_on_a_field_gone_leaves_the_rows_in_their_order(tmp_path: Path,
                                                               qtbot: QtBot) -> None:
    first_wizard, first = previewed(tmp_path, qtbot, ["Login", "Name", "E-mail"])
    sorted_downwards(qtbot, first, section(first, "E-mail"))
    first_wizard.close()
    _wizard, again = previewed(tmp_path, qtbot, ["Login", "Name"])  # no e-mail this month
    header = again.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        LINE_COLUMN, Qt.SortOrder.AscendingOrder)
    assert logins(again) == ["mia", "zoe", "abe"]


def test_back_in_line_order_the_rows_open_in_their_order(tmp_path: Path,
                                                         qtbot: QtBot) -> None:
    first_wizard, first = previewed(tmp_path, qtbot, ["Login", "Name", "E-mail"])
    sorted_downwards(qtbot, first, section(first, "Login"))
    while first.table.horizontalHeader().sortIndicatorSection() != LINE_COLUMN \
            or first.table.horizontalHeader().sortIndicatorOrder() != Qt.SortOrder.AscendingOrder:
        click_title(qtbot, first.table, LINE_COLUMN)
    first_wizard.close()
    _wizard, again = previewed(tmp_path, qtbot, ["Login", "Name", "E-mail"])
    assert logins(again) == ["mia", "zoe", "abe"]
