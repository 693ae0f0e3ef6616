"""The mapping page's options: a default is shown only when there is one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from tests.ui.test_renamed_column import june_mapping


def test_options_without_a_default_say_no_empty_default(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    june_mapping(window, tmp_path, qtbot)
    labels = [w.text() for w in window.wizard.mapping_page.findChildren(QLabel)]
    assert "Default language:" in labels
    assert not [text for text in labels if "(default )" in text or "(default)" in text]
