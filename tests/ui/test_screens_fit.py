"""Every page, the store browser and the revert preview at 1024x700, in French and English:
nothing cut off (French is longer than English), and screenshots to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.language import FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import ACTION, CONFIG, MAPPING, OPEN, PREVIEW
from tests.ui.fit import clipped

SIZE = QSize(1024, 700)  # a small laptop screen, what the window must work at
WAIT_MS = 30_000



class Looker:
    """Shows each window at SIZE, saves what it shows and notes what is cut off."""

    def __init__(self, language: str, folder: Path) -> None:
        self.language = language
        self.folder = folder
        self.problems: dict[str, list[str]] = {}

    def look(self, widget: QWidget, name: str) -> None:
        widget.resize(SIZE)
        QApplication.processEvents()
        assert widget.size() == SIZE, f"{name}: the window cannot be {SIZE}: {widget.size()}"
        widget.grab().save(str(self.folder / f"fit-{self.language}-{name}.png"))
        found = clipped(widget)
        if found:
            self.problems[name] = found


def test_every_page_shows_whole_at_1024_by_700(speaking: str, sample: Path, tmp_path: Path,
                                               qtbot: QtBot, screenshots: Path) -> None:
    looker = Looker(speaking, screenshots)
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.resize(SIZE)
    window.show()
    wizard = window.wizard
    # The pages one by one, on the sample's sessions (French headers, coded values, options).
    assert wizard.open_file(sample / "sessions.xlsx")
    if speaking == FRENCH:  # ours and Qt's own words
        assert wizard.open_page.title() == "Ouvrir un tableur"
        assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Suivant >"
    for page_id, name in ((OPEN, "1-open"), (ACTION, "2-action"), (MAPPING, "3-mapping")):
        assert wizard.currentId() == page_id
        looker.look(window, name)
        wizard.next()
    assert wizard.currentId() == CONFIG  # the sessions' mapping lacks nothing
    looker.look(window, "4-configuration")

    # The whole sample: its preview (with errors), its commit, the store and the revert.
    assert window.open_file(sample / "sample-config.xml")
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and preview.isComplete(),
                    timeout=WAIT_MS)
    looker.look(window, "5-preview")
    wizard.next()
    commit = wizard.commit_page
    qtbot.waitUntil(lambda: commit.result is not None, timeout=WAIT_MS)
    looker.look(window, "6-commit")
    browser = commit.open_browser()
    assert browser is not None
    qtbot.waitUntil(lambda: not browser.busy)  # the runs, read off the window's thread
    browser.tabs.setCurrentIndex(3)  # the interventions: dates and times, references
    qtbot.waitUntil(lambda: not browser.busy)  # read once shown
    looker.look(browser, "7-store-interventions")
    browser.show_history()
    looker.look(browser, "8-store-history")
    dialog = browser.open_revert(commit.result.run_id)  # the browser's: it goes with it
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=WAIT_MS)
    looker.look(dialog, "9-revert")
    dialog.reject()
    browser.close()
    assert looker.problems == {}


def test_the_mapping_page_with_its_warning_shows_whole(speaking: str, sample: Path,
                                                       tmp_path: Path, qtbot: QtBot,
                                                       screenshots: Path) -> None:
    looker = Looker(speaking, screenshots)
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    window.show()
    wizard = window.wizard
    assert wizard.open_file(sample / "interventions.xlsx")
    wizard.next()
    wizard.next()
    assert wizard.currentId() == MAPPING
    page = wizard.mapping_page
    page.set_field(1, "ignoredColumn")  # nothing names the training course any more
    page.set_field(8, "roomLabel")  # and a field fed twice
    assert page.warning_label.isVisible() and page.confirm_check.isVisible()
    looker.look(window, "3-mapping-warning")
    assert looker.problems == {}
