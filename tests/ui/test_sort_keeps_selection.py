"""Sorting the preview keeps every selected cell on its own row, whether a few rows are
selected (each found again on its own) or many (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from importer_gui.ui.models.preview_model import PreviewModel
from importer_gui.ui.state import WizardState
from tests.ui.test_preview_model import DISPLAY, teacher_plan

LOGIN = 2


@pytest.mark.parametrize("held_rows", [1, 5, 64, 65, 300])
def test_selected_cells_follow_their_rows_through_sorts(tmp_path: Path, qtbot: object,
                                                        held_rows: int) -> None:
    state = WizardState(tmp_path / "store.sqlite3")
    state.session.set_plan(teacher_plan(tmp_path, n_extra=1000))
    model = PreviewModel(state)
    rows = range(0, model.rowCount(), model.rowCount() // held_rows)[:held_rows]
    held = {QPersistentModelIndex(model.index(r, LOGIN)): model.data(model.index(r, LOGIN))
            for r in rows}
    for column, order in ((LOGIN, Qt.SortOrder.DescendingOrder),
                          (1, Qt.SortOrder.AscendingOrder), (0, Qt.SortOrder.AscendingOrder)):
        model.sort(column, order)
        assert {index.isValid() for index in held} == {True}
        assert [model.data(index, DISPLAY) for index in held] == list(held.values())
    assert [index.row() for index in held] == list(rows)  # back in file order
