"""A comments cell of 5,000 lines (some 200,000 characters): the open page's first rows and
the preview show its beginning, cut, and never carry it whole into a cell or a tooltip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from tests.builders import write_csv
from tests.ui.wizards import file_preview, shot

HUGE = "\n".join(f"Remarque {n} : la séance s'est bien passée." for n in range(5000))
DISPLAY, TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole


def huge_file(tmp_path: Path) -> Path:
    """The file with the huge cell (line 2, third column)."""
    return write_csv(tmp_path / "learners.csv", [
        ["Identifiant", "Nom", "Commentaire"], ["zoe", "Zola", HUGE], ["hugo", "Hugo", "RAS"]])


def opened(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    """The file with the huge cell opened on the open page."""
    assert window.open_file(huge_file(tmp_path))
    qtbot.waitUntil(window.wizard.open_page.isComplete, timeout=10_000)


def test_the_first_rows_show_a_huge_cell_cut(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    opened(window, tmp_path, qtbot)
    model = window.wizard.open_page.head_model
    huge, short = model.index(0, 2), model.index(1, 2)
    assert huge.data(DISPLAY) == huge.data(TIP) == f"{HUGE[:200]}…"
    assert short.data(DISPLAY) == short.data(TIP) == "RAS"
    shot(window, screenshots, "open-huge-cell")


def test_the_preview_shows_a_huge_cell_cut_and_edits_it_whole(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = file_preview(window, huge_file(tmp_path), qtbot)
    model = page.model
    column = next(c for c in range(FIRST_VALUE_COLUMN, model.columnCount())
                  if model.index(0, c).data(Qt.ItemDataRole.EditRole) == HUGE)
    cell = model.index(0, column)
    assert cell.data(DISPLAY) == f"{HUGE[:200]}…"
    assert len(cell.data(TIP)) <= 2000 and cell.data(TIP).startswith("Remarque 0 : la séance")
    assert model.index(1, column).data(DISPLAY) == "RAS"
    shot(window, screenshots, "preview-huge-cell")


def test_selected_row_names_a_huge_corrected_value_cut(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    flat = HUGE.replace("\n", " ")  # one line: the panel would lay it out whole
    data = write_csv(tmp_path / "learners.csv", [
        ["Identifiant", "Nom", "Commentaire"], ["zoe", flat, "RAS"], ["hugo", "Hugo", "RAS"]])
    page = file_preview(window, data, qtbot)
    name = FIRST_VALUE_COLUMN + 1
    assert page.model.setData(page.model.index(0, name), "Zola")
    page.table.setCurrentIndex(page.model.index(0, name))
    corrected = page.details.toPlainText().splitlines()[-1]
    assert corrected == f"Corrected: Learner's last name — candidateName, “{flat[:200]}…” → “Zola”"
    shot(window, screenshots, "preview-huge-correction")
