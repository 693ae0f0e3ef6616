"""A second click on a column's header sorts the preview's rows the other way at once (the
column's keys are kept), and a cell edited since sorts by its new value."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel
from tests.builders import write_csv
from tests.ui.wizards import file_preview, shot

DOWN, UP = Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder


def names(model: PreviewModel) -> list[str]:
    """The last names shown, top to bottom."""
    return [model.index(r, FIRST_VALUE_COLUMN + 1).data() for r in range(model.rowCount())]


def test_a_column_sorted_again_the_other_way_and_after_an_edit(
        window: MainWindow, tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    data = write_csv(tmp_path / "learners.csv", [
        ["Identifiant", "Nom", "Commentaire"], ["l1", "Bernard", "RAS"], ["l2", "adam", "RAS"],
        ["l3", "Dubois", "RAS"], ["l4", "Claude", "RAS"], ["l5", "bernard", "RAS"]])
    page = file_preview(window, data, qtbot)
    model, name, sort = page.model, FIRST_VALUE_COLUMN + 1, page.table.sortByColumn
    sort(name, DOWN)
    assert names(model) == ["Dubois", "Claude", "Bernard", "bernard", "adam"]
    sort(name, UP)  # equal keys keep the order they were shown in
    assert names(model) == ["adam", "Bernard", "bernard", "Claude", "Dubois"]
    assert model.setData(model.index(0, name), "Zola")  # adam's row, edited
    sort(name, DOWN)
    assert names(model) == ["Zola", "Dubois", "Claude", "Bernard", "bernard"]
    sort(name, UP)
    assert names(model) == ["Bernard", "bernard", "Claude", "Dubois", "Zola"]
    shot(window, screenshots, "preview-sorted-again")
