"""The preview's columns are fitted to what they show, within reason: a long title or value
is cut at a width the user can change, by hand or by a double-click on the header's edge,
and a long value is read whole in its tooltip. Only a width the user gave a column stays
through later checks: the others are fitted again by each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.ui.models.preview_model import OUTCOME_COLUMN
from importer_gui.ui.pages.preview_page import FITTED_MAX, FITTED_MIN, PreviewPage
from importer_gui.ui.state import WizardState
from importer_gui.ui.widgets.table_sizing import contents_widths
from tests.ui.header_mouse import double_click_edge, drag_edge
from tests.ui.wizards import preview_and_commit, shot, teacher_previewed

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


def fitted(page: PreviewPage, section: int) -> int:
    """A section's width fitted to its title and the texts shown, within the page's bounds."""
    width = contents_widths(page.table, columns=(section,))[section]
    assert width is not None
    return min(max(width, FITTED_MIN), FITTED_MAX)


@pytest.fixture
def small_titles(qapp: QApplication) -> Iterator[None]:
    """Headers in a smaller font than the cells', as on macOS: a column's texts, not its
    title, say how wide it is."""
    font = QFont(qapp.font())
    font.setPointSizeF(font.pointSizeF() * 0.7)
    qapp.setFont(font, "QHeaderView")
    try:
        yield
    finally:
        qapp.setFont(QFont(), "QHeaderView")


def commit_and_back(wizard: QWizard, page: PreviewPage, qtbot: QtBot) -> None:
    """The rows committed, then Back to the preview, checked again against the store."""
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage().isComplete(), timeout=20_000)
    wizard.back()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)


def test_a_long_column_is_cut_and_widened_by_hand(tmp_path: Path, qtbot: QtBot,
                                                  screenshots: Path) -> None:
    _wizard, page = long_names(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    assert header.sectionSize(NAME) == FITTED_MAX  # fitted, within reason
    assert header.sectionSize(0) < 100  # the line numbers: fitted, not as Qt sizes them
    shot(page, screenshots, "preview-long-column")
    drag_edge(qtbot, page.table, NAME, 150)
    assert header.sectionSize(NAME) == 470


def test_a_double_click_on_the_header_edge_fits_the_column_whole(
        tmp_path: Path, qtbot: QtBot) -> None:
    _wizard, page = long_names(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    double_click_edge(qtbot, page.table, NAME)
    metrics = page.table.fontMetrics()
    whole = header.sectionSize(NAME)
    assert whole >= metrics.horizontalAdvance(LONG_NAME)
    page.recheck_button.click()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert header.sectionSize(NAME) == whole  # the user's width, kept


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
    drag_edge(qtbot, page.table, NAME, 150)
    page.recheck_button.click()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert header.sectionSize(NAME) == 470
    assert header.sectionSize(0) < 100  # the others fitted again


def test_the_outcomes_are_fitted_again_by_each_check(
        small_titles: None, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    _state, wizard, page, _commit = teacher_previewed(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    assert header.sectionSize(OUTCOME_COLUMN) == fitted(page, OUTCOME_COLUMN)  # "create"
    commit_and_back(wizard, page, qtbot)
    shot(page, screenshots, "preview-outcomes-fitted-again")
    assert page.model.index(0, OUTCOME_COLUMN).data() == "unchanged"
    width = header.sectionSize(OUTCOME_COLUMN)
    assert width == fitted(page, OUTCOME_COLUMN)
    assert width > page.table.fontMetrics().horizontalAdvance("unchanged")  # read whole


def test_an_outcomes_width_dragged_stays_through_the_next_check(
        tmp_path: Path, qtbot: QtBot) -> None:
    _state, wizard, page, _commit = teacher_previewed(tmp_path, qtbot)
    header = page.table.horizontalHeader()
    before = header.sectionSize(OUTCOME_COLUMN)
    drag_edge(qtbot, page.table, OUTCOME_COLUMN, 60)
    commit_and_back(wizard, page, qtbot)  # the rows go as it runs: Outcome is the last
    assert header.sectionSize(OUTCOME_COLUMN) == before + 60
