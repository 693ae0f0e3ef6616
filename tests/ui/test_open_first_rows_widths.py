"""The first rows' columns on the open page as wide as their values when the page has
room (an e-mail whole, not "marie.dupont@acm…"), a value too wide cut so that the others
stay in sight, and a width the user gave a column kept as the rows are read again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from tests.builders import write_csv
from tests.ui.header_mouse import drag_edge
from tests.ui.wizards import shot

EMAIL = "marie.dupont@acme-formation.example.org"


def learners(path: Path, email: str = EMAIL) -> Path:
    """A learners' file whose e-mails are the widest values."""
    rows = [["Matricule", "Nom", "Prénom", "Courriel", "Service"]]
    rows += [[f"E{n}", "Dupont", "Marie", email, "RH"] for n in range(8)]
    return write_csv(path, rows)


def needed(view: QTableView, text: str) -> int:
    """The width a cell needs to show ``text`` whole (its text and a margin)."""
    return QFontMetrics(view.font()).horizontalAdvance(text) + 4


def test_the_first_rows_show_an_email_whole_when_the_page_has_room(
        window: MainWindow, tmp_path: Path) -> None:
    page = window.wizard.open_page
    assert window.open_file(learners(tmp_path / "july.csv"))
    view = page.head_view
    shot(window, tmp_path, "open-page")
    header = view.horizontalHeader()
    assert header.sectionSize(3) >= needed(view, EMAIL)
    assert header.length() <= view.viewport().width()  # all five columns in sight
    assert header.sectionSize(4) < 140  # "RH" and "Service": no room taken for nothing


def test_a_value_wider_than_the_table_is_cut_the_other_columns_in_sight(
        window: MainWindow, tmp_path: Path) -> None:
    page = window.wizard.open_page
    assert window.open_file(learners(tmp_path / "july.csv", email="x" * 400 + "@example.org"))
    view = page.head_view
    shot(window, tmp_path, "open-page-long")
    assert view.horizontalHeader().length() <= view.viewport().width()
    assert view.horizontalHeader().sectionSize(3) > view.viewport().width() // 2  # the rest


def test_a_width_the_user_gave_a_column_is_kept_when_the_rows_are_read_again(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    page = window.wizard.open_page
    assert window.open_file(learners(tmp_path / "july.csv"))
    view = page.head_view
    header = view.horizontalHeader()
    drag_edge(qtbot, view, 1, 150)
    dragged = header.sectionSize(1)
    assert dragged > needed(view, "Dupont") + 100
    page.encoding_combo.setCurrentText("latin-1")  # read again, the same columns
    assert page.head_model.rowCount() == 8
    assert header.sectionSize(1) == dragged
