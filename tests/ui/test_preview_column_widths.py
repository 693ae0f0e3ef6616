"""The preview's columns are fitted to what they show, within reason: a long title or value
is cut at a width the user can change, by hand or by a double-click on the header's edge,
and a long value is read whole in its tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.ui.pages.preview_page import FITTED_MAX, PreviewPage
from importer_gui.ui.state import WizardState
from tests.ui.wizards import preview_and_commit, shot

NAME = 3  # model columns: Line, Outcome, Login, Name, E-mail
TIP = Qt.ItemDataRole.ToolTipRole
LONG_NAME = ("Marie-Charlotte " * 12).strip()  # 191 characters, wider than the table


def long_names(tmp_path: Path, qtbot: QtBot) -> tuple[QWizard, PreviewPage]:
    """A teacher's file whose Name column has a long header and a long value, previewed:
    the wizard and its preview page."""
    header = "Nom complet de la personne tel qu'il figure sur sa carte professionnelle"
    data = tmp_path / "teachers.csv"
    data.write_text(f"Login;{header};E-mail\nzoe;{LONG_NAME};zoe@example.org\n"
                    "mia;Mia;mia@example.org\n", encoding="utf-8")
    columns = [Column("teacherLogin", header="Login"), Column("teacherName", header=header),
               Column("teacherEmail", header="E-mail")]
    state = WizardState(tmp_path / "data" / "store.sqlite3")
    state.session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                             [data])
    wizard, page, _commit = preview_and_commit(state, qtbot)
    return wizard, page


def edge(page: PreviewPage, section: int) -> QPoint:
    """The point on the header's right edge of a section, where the user drags or
    double-clicks."""
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(section) + header.sectionSize(section) - 1
    return QPoint(x, header.height() // 2)


def test_a_long_column_is_cut_and_widened_by_hand(tmp_path: Path, qtbot: QtBot,
                                                  screenshots: Path) -> None:
    _wizard, page = long_names(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    assert header.sectionSize(NAME) == FITTED_MAX  # fitted, within reason
    assert header.sectionSize(0) < 100  # the line numbers: fitted, not as Qt sizes them
    shot(page, screenshots, "preview-long-column")
    start = edge(page, NAME)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(header.viewport(), start + QPoint(150, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(150, 0))
    assert header.sectionSize(NAME) == 470


def test_a_double_click_on_the_header_edge_fits_the_column_whole(
        tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, page = long_names(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=edge(page, NAME))
    metrics = page.table.fontMetrics()
    assert header.sectionSize(NAME) >= metrics.horizontalAdvance(LONG_NAME)


def test_a_long_value_is_whole_in_its_tooltip(tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, page = long_names(tmp_path, qtbot)
    model = page.model
    tip = model.data(model.index(0, NAME), TIP)
    assert tip.replace("\n", " ") == LONG_NAME  # in lines a screen holds
    assert max(map(len, tip.splitlines())) <= 80
    assert model.data(model.index(1, NAME), TIP) is None  # "Mia" is read in the table


def test_a_width_set_by_hand_stays_through_a_check_again(tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, page = long_names(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    header.resizeSection(NAME, 470)  # as dragged
    page.recheck_button.click()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert header.sectionSize(NAME) == 470
    assert header.sectionSize(0) < 100  # the others fitted again
