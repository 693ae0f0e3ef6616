"""Small wizards the Qt tests drive (pages put together as the real wizard does, the
sample's preview in the window), and what the tests save of them to be looked at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from importer_gui.ui.wizard import PREVIEW, connect_pages


def shot(widget: QWidget, folder: Path, name: str) -> None:
    """Save what the widget shows, to be looked at."""
    QApplication.processEvents()
    widget.grab().save(str(folder / f"{name}.png"))


def sample_preview(window: MainWindow, sample: Path, qtbot: QtBot) -> PreviewPage:
    """The sample opened, on the preview of its first file (the teachers), checked."""
    assert window.open_file(sample / "sample-config.xml")
    page = window.wizard.preview_page
    qtbot.waitUntil(lambda: window.wizard.currentId() == PREVIEW and page.shows_plan(),
                    timeout=20_000)
    return page


def preview_and_commit(state: WizardState, qtbot: object,
                       ) -> tuple[QWizard, PreviewPage, CommitPage]:
    """The preview and commit pages over ``state``, shown at 1280x800, once checked."""
    wizard = QWizard()
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    preview, commit = PreviewPage(state), CommitPage(state)
    connect_pages(preview, commit)
    wizard.addPage(preview)
    wizard.addPage(commit)
    wizard.resize(1280, 800)
    wizard.show()
    qtbot.waitUntil(preview.isComplete, timeout=20_000)  # type: ignore[attr-defined]
    return wizard, preview, commit
