"""Every cell of a large preview selected (Ctrl+A), then checked again: the window never
waits, and the headers still show the columns selected (issue 18)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.test_preview_commit import teacher_state
from tests.ui.waits import LONGEST_WAIT, least_of, longest_wait
from tests.ui.wizards import preview_and_commit, shot

ROWS = 50_000


def select_all(page: PreviewPage, qtbot: QtBot) -> float:
    """One cell chosen, then Ctrl+A: how long the window waited for the second."""
    table = page.table
    table.setCurrentIndex(page.model.index(3, FIRST_VALUE_COLUMN))
    qtbot.wait(20)
    return longest_wait(qtbot, lambda: qtbot.keyClick(
        table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier))


def test_select_all_then_check_again_keeps_the_window_ticking(
        tmp_path: Path, qtbot: QtBot, screenshots: Path) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(ROWS))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    _wizard, page, _commit = preview_and_commit(state, qtbot)
    page.table.setFocus()
    assert least_of(3, lambda: select_all(page, qtbot)) < LONGEST_WAIT
    model, selection = page.model, page.table.selectionModel().selection()
    assert [(r.top(), r.bottom(), r.left(), r.right()) for r in selection] == [
        (0, ROWS - 1, 0, model.columnCount() - 1)]  # every cell, as one range
    assert page.header_highlight.columns() == set(range(model.columnCount()))
    shot(page, screenshots, "preview-select-all")
    header = page.table.horizontalHeader()
    # Check again: the table greyed, its headers painted again over every row selected.
    page.recheck_button.click()
    assert page.is_checking() and not page.table.isEnabled()
    assert least_of(3, lambda: longest_wait(qtbot, header.viewport().repaint)) < LONGEST_WAIT
    qtbot.waitUntil(page.shows_plan, timeout=60_000)
    assert model.rowCount() == ROWS and page.table.isEnabled()
    assert not page.table.selectionModel().hasSelection()  # the rows checked anew
    assert page.header_highlight.columns() == set()
