"""A configuration of many imports in the window: the preview stays on the file the user is
working on, through a new check and coming from that file's mapping."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.wizard import OPEN, PREVIEW
from tests.ui.wizards import sample_preview, shot


def checked_again(page: PreviewPage, qtbot: QtBot) -> None:
    """Check again clicked, and its plan shown."""
    old = page.session.choices.plan
    page.recheck_button.click()
    qtbot.waitUntil(lambda: page.shows_plan() and page.session.choices.plan is not old,
                    timeout=20_000)


def test_check_again_stays_on_the_file_shown(window: MainWindow, sample: Path, qtbot: QtBot,
                                             screenshots: Path) -> None:
    page = sample_preview(window, sample, qtbot)
    box = page.import_box
    box.setCurrentIndex(box.findData(3))  # the interventions, fourth of six
    checked_again(page, qtbot)
    shot(window, screenshots, "many-imports-check-again")
    assert box.currentText() == "interventions.xlsx (4 with errors)"
    assert [imp.file.name for imp in page.model.imports()] == ["interventions.xlsx"]
    box.setCurrentIndex(box.findData(-1))
    checked_again(page, qtbot)
    assert box.currentText() == "All files"
    assert len(page.model.imports()) == 6


def test_the_preview_shows_the_file_whose_mapping_the_user_comes_from(
        window: MainWindow, sample: Path, qtbot: QtBot) -> None:
    page = sample_preview(window, sample, qtbot)
    wizard = window.wizard
    while wizard.currentId() != OPEN:
        wizard.back()
    wizard.open_page.import_combo.setCurrentIndex(4)  # the learners
    while wizard.currentId() != PREVIEW:
        wizard.next()
    qtbot.waitUntil(page.shows_plan, timeout=20_000)
    assert page.import_box.currentText().startswith("learners.csv")
    assert [imp.file.name for imp in page.model.imports()] == ["learners.csv"]
