"""Texts longer than their place: the File box loses the middle of its text (all of it in
the tooltip); at 100 % the preview's counts stay on the File box's line."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.widgets.elided_combo import ElidedCombo
from tests.ui.wizards import sample_preview

LONG = "interventions of the second term, Lyon and Grenoble.xlsx (4 with errors)"


def test_a_narrow_file_box_keeps_the_start_and_end_of_its_text_and_tooltips_the_whole(
        qtbot: QtBot) -> None:
    box = ElidedCombo()
    qtbot.addWidget(box)
    box.addItem(LONG)
    box.setFixedWidth(box.minimumSizeHint().width() + 40)
    box.show()
    shown = box.shown_text()
    assert shown.startswith("interv") and shown.endswith("errors)") and "…" in shown
    assert box.toolTip() == LONG
    box.setItemText(0, "teachers.csv (1 with errors)")  # a correction re-counted its rows
    whole = box.shown_text() == box.currentText()
    assert box.toolTip() == ("" if whole else box.currentText())
    box.setFixedWidth(box.sizeHint().width())
    assert box.shown_text() == box.currentText() and box.toolTip() == ""


def test_at_100_percent_the_counts_stay_beside_the_file_box(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    counts, files = page.counts_label, page.import_box
    assert counts.isVisible() and files.isVisible()
    assert counts.geometry().right() < page.import_label.geometry().left()
    assert abs(counts.geometry().center().y() - files.geometry().center().y()) <= 1
    assert files.width() >= files.sizeHint().width() and files.toolTip() == ""
