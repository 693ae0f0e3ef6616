"""The preview's table and side panel open again, at the next start, as wide as the user
dragged them; at their usual widths when those would no longer fit the window, or when the
settings file holds widths nobody could have left them at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QSplitter, QWidget
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import SIDE_WIDTH, SPLITTER_SETTINGS, PreviewPage
from importer_gui.ui.settings import Settings
from tests.ui.wizards import sample_preview


def previewed(qtbot: QtBot, tmp_path: Path, sample: Path,
              size: tuple[int, int] | None = None) -> PreviewPage:
    """A start (the same settings every start): the window shown, at ``size`` when given,
    on the sample's preview."""
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    return sample_preview(window, sample, qtbot)


def dragged(page: PreviewPage, side: int) -> None:
    """The handle between the table and the side dragged, leaving the side ``side`` wide."""
    splitter = page.splitter
    splitter.moveSplitter(splitter.width() - splitter.handleWidth() - side, 1)
    assert splitter.sizes()[1] == side


def side_width(page: PreviewPage) -> int:
    return page.splitter.sizes()[1]


def test_the_side_dragged_wider_opens_as_wide_at_the_next_start(
        qtbot: QtBot, tmp_path: Path, sample: Path, screenshots: Path) -> None:
    first = previewed(qtbot, tmp_path, sample, (780, 560))
    dragged(first, 420)
    first.window().close()
    again = previewed(qtbot, tmp_path, sample)
    again.window().grab().save(str(screenshots / "preview-side-remembered.png"))
    assert (again.window().width(), side_width(again)) == (780, 420)


def test_going_on_and_back_keeps_the_side_as_dragged(qtbot: QtBot, tmp_path: Path,
                                                    sample: Path) -> None:
    page = previewed(qtbot, tmp_path, sample, (780, 560))
    dragged(page, 400)
    wizard = page.wizard()
    wizard.back()
    wizard.next()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert side_width(page) == 400


def test_a_side_wider_than_the_window_now_allows_opens_at_its_usual_width(
        qtbot: QtBot, tmp_path: Path, sample: Path) -> None:
    first = previewed(qtbot, tmp_path, sample, (1400, 700))  # a larger screen
    dragged(first, 900)
    first.window().close()
    again = previewed(qtbot, tmp_path, sample, (700, 560))  # back on the laptop's
    assert side_width(again) == SIDE_WIDTH


def test_a_side_with_no_width_in_the_settings_opens_at_its_usual_width(
        qtbot: QtBot, tmp_path: Path, sample: Path) -> None:
    collapsed = QSplitter()  # a side dragged shut, were it allowed to be
    collapsed.addWidget(QWidget())
    collapsed.addWidget(QWidget())
    collapsed.resize(760, 400)
    collapsed.setSizes([760, 0])
    assert collapsed.sizes()[1] == 0
    Settings().save_splitter(SPLITTER_SETTINGS, collapsed)
    page = previewed(qtbot, tmp_path, sample, (780, 560))
    assert side_width(page) == SIDE_WIDTH
