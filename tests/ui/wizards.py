"""Small wizards the Qt tests drive: pages put together as the real wizard does."""

from __future__ import annotations

from PySide6.QtWidgets import QWizard

from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from importer_gui.ui.wizard import connect_pages


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
