"""The wizard: Open, Action, Mapping, Configuration, Preview, Commit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget, QWizard

from importer_gui.core.catalogue import CONFIG_SUFFIXES, DATA_SUFFIXES
from importer_gui.ui.pages.action_page import ActionPage
from importer_gui.ui.pages.commit_page import CommitPage
from importer_gui.ui.pages.config_page import ConfigPage
from importer_gui.ui.pages.mapping_page import MappingPage
from importer_gui.ui.pages.open_page import OpenPage
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.settings import Settings
from importer_gui.ui.state import WizardState

OPEN, ACTION, MAPPING, CONFIG, PREVIEW, COMMIT = range(6)


def droppable(path: Path) -> bool:
    """True for a file the wizard opens: a workbook, a CSV file or a configuration."""
    return path.is_file() and path.suffix.lower() in (*DATA_SUFFIXES, *CONFIG_SUFFIXES)


def connect_pages(preview: PreviewPage, commit: CommitPage) -> None:
    """What the commit page has to say on the preview (why it sent the user back)."""
    commit.sent_back.connect(preview.show_notice)


class Wizard(QWizard):
    """The import wizard over one shared state; files may be dropped onto it."""

    def __init__(self, state: WizardState, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.settings = settings or Settings()
        self.fast_forward = False  # pages skip their save while filled from a configuration
        # The configuration whose run to the preview waits for its file's first rows.
        self._forward_pending: Path | None = None
        self.setWindowTitle(self.tr("Import Assistant"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.open_page = OpenPage(state, self.settings)
        self.action_page = ActionPage(state)
        self.mapping_page = MappingPage(state)
        self.config_page = ConfigPage(state, self.settings)
        self.preview_page = PreviewPage(state)
        self.commit_page = CommitPage(state)
        for page_id, page in ((OPEN, self.open_page), (ACTION, self.action_page),
                              (MAPPING, self.mapping_page), (CONFIG, self.config_page),
                              (PREVIEW, self.preview_page), (COMMIT, self.commit_page)):
            self.setPage(page_id, page)
        connect_pages(self.preview_page, self.commit_page)
        self.open_page.configuration_opened.connect(self.go_to_preview)
        self.open_page.runner.finished.connect(self._resume_forward)
        self.setAcceptDrops(True)

    # --- opening ------------------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open a file from anywhere in the wizard (menu, drop): back to page 1 first."""
        if self.currentId() != OPEN:
            self.restart()
        return self.open_page.open_path(path)

    def choose_file(self) -> None:
        """The Open… command: back to page 1 and ask for a file."""
        if self.currentId() != OPEN:
            self.restart()
        self.open_page.choose_file()

    def go_to_preview(self) -> None:
        """Run through the pages filled from a saved configuration and stop at the preview.

        Going page by page (rather than jumping) keeps the history, so Back reaches every
        page, each showing what the configuration says. While a large file's first rows are
        still read in the background, it waits for them: the later pages show those rows,
        and would otherwise read the file again on the GUI thread (a second, frozen).
        """
        if self.currentId() == OPEN and self.open_page.runner.busy:
            self._forward_pending = self.state.session.choices.config_path
            return
        self._forward_pending = None
        self.fast_forward = True
        try:
            while 0 <= self.currentId() < PREVIEW:
                before = self.currentId()
                self.next()
                if self.currentId() == before:  # a page refused: stay there, its error shown
                    break
        finally:
            self.fast_forward = False

    def _resume_forward(self) -> None:
        """The first rows were read: go on, if the same configuration is still open."""
        pending, self._forward_pending = self._forward_pending, None
        if (pending is not None and pending == self.state.session.choices.config_path
                and self.currentId() == OPEN and self.open_page.isComplete()):
            self.go_to_preview()

    def new_import(self) -> None:
        """Forget the choices and start again on page 1."""
        self.state.session.new_import()
        self.restart()

    # --- QWizard ------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Finishing starts a new import; the wizard never closes itself (it is the window)."""
        if result == QWizard.DialogCode.Accepted:
            self.new_import()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a single file the wizard can open."""
        paths = _dropped_paths(event)
        if len(paths) == 1 and droppable(paths[0]):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the dropped file."""
        paths = _dropped_paths(event)
        if len(paths) == 1 and droppable(paths[0]):
            event.acceptProposedAction()
            self.open_file(paths[0])


def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local files carried by a drag."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
