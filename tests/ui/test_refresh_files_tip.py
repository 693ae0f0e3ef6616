"""Tools ▸ Refresh… with many exported files chosen: the files line's tooltip lists the first
ones and counts the rest, as the store browser's History does, rather than growing taller
than the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from importer_gui.ui.refresh_dialog import RefreshDialog


def chosen(count: int, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
           ) -> tuple[list[str], RefreshDialog]:
    """A refresh dialog shown with ``count`` exported files chosen, and their paths."""
    files = [str(tmp_path / f"export {n:02d}.csv") for n in range(1, count + 1)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args: (files, "")))
    dialog = RefreshDialog(tmp_path / "store.sqlite3", synchronous=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose_files()
    return files, dialog


def test_thirty_files_chosen_list_ten_and_count_the_rest(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    files, dialog = chosen(30, tmp_path, qtbot, monkeypatch)
    assert dialog.files_label.toolTip().splitlines() == [*files[:10], "… and 20 more"]


def test_the_count_of_the_rest_is_said_in_french(
        french: None, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    _files, dialog = chosen(12, tmp_path, qtbot, monkeypatch)
    assert dialog.files_label.toolTip().splitlines()[-1] == "… et 2 autres"
