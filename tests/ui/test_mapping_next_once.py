"""Next from a wide mapping page does each thing once: the open page, left behind, does not
read its unchanged file again because the mapping changed (a file of 400 columns held the
window 20-25 ms for it), and what the mapping lacks is found once for the click."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import open_page
from importer_gui.ui.wizard import CONFIG
from tests.spies import counted
from tests.ui.test_mapping_many_columns import wide_mapping


def test_the_open_page_does_not_read_its_file_again_on_a_mapping_change(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    wide_mapping(window, tmp_path, qtbot)
    reads = counted(monkeypatch, open_page, "head_despite_budget")
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert reads == []
    page = window.wizard.open_page
    assert page.isComplete()
    assert page.head_model.columnCount() == 400


def test_the_open_page_reads_its_file_again_once_it_changed(
        window: MainWindow, tmp_path: Path, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    mapping = wide_mapping(window, tmp_path, qtbot, columns=6)
    data = mapping.data_file()
    assert data is not None
    data.write_text(data.read_text(encoding="utf-8").replace("v0_0;", "t-0042;"),
                    encoding="utf-8")
    reads = counted(monkeypatch, open_page, "head_despite_budget")
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert len(reads) == 1
    head = window.wizard.open_page.head_model
    assert head.index(0, 0).data() == "t-0042"
