"""A message quoting a very long value: the messages list keeps wrapping (the value is cut
and may break), the Selected row keeps it whole."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN
from tests.ui.test_preview_changed_file import choose_file, edit, select
from tests.ui.wizards import sample_preview, shot

ACTIF = FIRST_VALUE_COLUMN + 5  # learners.csv: validity, a coded field


def test_a_five_thousand_character_value_is_listed_short(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    choose_file(page, "learners.csv")
    value = "Z" * 5000
    assert edit(page, 3, ACTIF, value)

    qtbot.waitUntil(lambda: any("ZZZZ" in text for text in page.summary()), timeout=5000)
    quoting = [text for text in page.summary() if "ZZZZ" in text]
    assert quoting and all(len(text.replace("\u200b", "")) <= 360 for text in quoting)
    assert all(len(word) <= 25 for text in quoting for word in text.replace("\u200b", " ").split())
    assert page.summary_list.horizontalScrollBar().maximum() == 0
    assert all(text.endswith("(Account enabled — candidateValidity)") for text in quoting)
    messages = page.summary_list.model()
    tips = [messages.data(messages.index(n), Qt.ItemDataRole.ToolTipRole)
            for n in range(1, messages.rowCount())]
    assert any("Z" * 1900 in tip for tip in tips)  # hovering shows it, unbroken
    assert value in select(page, 3, ACTIF)  # the Selected row keeps it whole
    shot(window, screenshots, "preview-long-message")
