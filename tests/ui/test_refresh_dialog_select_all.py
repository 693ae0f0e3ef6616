"""Tools ▸ Refresh…: every row of a large refresh preview selected (Ctrl+A) keeps the window
ticking, as in the wizard's preview (the header no longer reads every row to paint)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog
from tests.conftest import SAMPLE
from tests.ui.waits import LONGEST_WAIT, least_of, longest_wait

TRAININGS = 30_000


def large_export(folder: Path, trainings: int = TRAININGS) -> Path:
    """The sample export with ``trainings`` more training courses; its configuration."""
    shutil.copytree(SAMPLE / "exports", folder)
    with (folder / "platform_trainings.csv").open("a", encoding="utf-8") as out:
        out.writelines(f"TR-{n:06d};;Formation {n};campus;\n" for n in range(trainings))
    return folder / "export-config.xml"


def test_every_row_of_a_large_refresh_preview_selected_keeps_the_window_ticking(
        tmp_path: Path, qtbot: QtBot) -> None:
    dialog = RefreshDialog(tmp_path / "store.sqlite3",
                           config_path=large_export(tmp_path / "export"), synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.view
    assert dialog.model.rowCount() > TRAININGS
    view.setFocus()
    view.selectRow(0)

    def select_all() -> float:
        view.clearSelection()
        qtbot.wait(20)
        return longest_wait(qtbot, lambda: qtbot.keyClick(
            view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier))

    assert least_of(3, select_all) < LONGEST_WAIT
    assert len(view.selectionModel().selectedRows()) == dialog.model.rowCount()
