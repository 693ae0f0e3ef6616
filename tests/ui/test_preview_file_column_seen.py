"""In the preview of all files at once, the File column (which file each row comes from)
reads whole: scrolled to the far right, the columns fitted as they came into view leave
the scroll bar able to reach the end of the last one."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.widgets.table_sizing import contents_widths
from tests.ui.wizards import sample_preview, shot

ALL = -1  # the File box's "All files"


def seen_width(page: PreviewPage, column: int) -> int:
    """How many pixels of a column the table shows."""
    header, right = page.table.horizontalHeader(), page.table.viewport().width()
    left = header.sectionViewportPosition(column)
    return max(0, min(left + header.sectionSize(column), right) - max(left, 0))


def test_scrolled_to_the_far_right_the_last_column_shows_whole(
        window: MainWindow, sample: Path, qtbot: QtBot, screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    page.import_box.setCurrentIndex(page.import_box.findData(ALL))
    table, header = page.table, page.table.horizontalHeader()
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    shot(window, screenshots, "preview-all-files-scrolled-right")
    last = header.logicalIndex(header.count() - 1)
    assert seen_width(page, last) == header.sectionSize(last)
    assert header.sectionSize(last) >= contents_widths(table, columns=(last,))[last]
    assert bar.value() == bar.maximum()  # the bar says it is at the end, as it is
