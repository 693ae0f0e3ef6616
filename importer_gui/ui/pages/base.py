"""What every wizard page shares: the state, a save hook, and an inline error line."""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget, QWizardPage

from importer_gui.core.cells import Cell
from importer_gui.core.config import Action, Import, ImportConfig, Provider
from importer_gui.core.errors import ImporterError
from importer_gui.ui.state import WizardState

log = logging.getLogger(__name__)

HEAD_ROWS = 20  # rows read for the live views: enough to judge, fast on any file

ERROR_STYLE = "color: #a40000; font-weight: bold;"


def tr(text: str) -> str:
    """Translate a string of this module (helpers outside a QObject)."""
    return QCoreApplication.translate("pages", text)


class BasePage(QWizardPage):
    """A page over the shared state; ``save()`` writes its choices when the user goes on."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        outer = QVBoxLayout(self)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("pageError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        outer.addWidget(self.error_label)
        state.config_changed.connect(self._state_changed)

    def save(self) -> None:
        """Write the page's choices into the state; raise ImporterError to stay on the page."""

    def _state_changed(self) -> None:
        """A later page changed the configuration: an earlier page already shown shows it anew.

        Later pages are left alone: going on initialises them anyway, and the preview must
        not start a check while the user is still editing.
        """
        wizard = self.wizard()
        if wizard is None:
            return
        mine = next((i for i in wizard.visitedIds() if wizard.page(i) is self), None)
        if mine is not None and mine < wizard.currentId():
            self.initializePage()

    def fast_forwarding(self) -> bool:
        """True while the wizard runs through pages filled from a saved configuration."""
        return bool(getattr(self.wizard(), "fast_forward", False))

    def validatePage(self) -> bool:
        """Save the choices; a failure is shown on the page and the user stays."""
        if self.fast_forwarding():
            return True  # the pages show a loaded configuration: nothing to write back
        try:
            self.save()
        except ImporterError as exc:
            self.show_error(exc.message)
            return False
        except Exception:  # a bug of ours: log it, show one clear line, never a traceback
            log.exception("Saving page %s failed", type(self).__name__)
            self.show_error(self.tr("Something unexpected went wrong; details are in the log."))
            return False
        self.show_error(None)
        return True

    def show_error(self, text: str | None) -> None:
        """Show one clear line under the page, or hide it."""
        self.error_label.setText(text or "")
        self.error_label.setVisible(bool(text))

    def current_import(self) -> Import:
        """The <import> the mapping pages edit, created when the configuration has none."""
        return ensure_import(self.state.choices)

    def data_file(self) -> Path | None:
        """The data file of the edited import, if known."""
        files = self.state.choices.data_files
        index = self.state.choices.import_index
        return files[index] if index < len(files) else None


def ensure_import(choices: object) -> Import:
    """The edited <import> of ``choices`` (a Choices), creating an empty one if needed."""
    config: ImportConfig = choices.config  # type: ignore[attr-defined]
    index: int = choices.import_index  # type: ignore[attr-defined]
    while len(config.imports) <= index:
        config.imports.append(Import(provider=Provider(), actions=[]))
    return config.imports[index]


def first_action(imp: Import) -> Action | None:
    """The action the mapping pages edit: the import's first."""
    return imp.actions[0] if imp.actions else None


def data_files_for(config: ImportConfig) -> list[Path]:
    """Each import's data file, as the core resolves it (relative to the configuration)."""
    from importer_gui.core import pipeline  # imported late: it loads the readers

    return pipeline.resolve_data_files(config)


def read_head(provider: Provider, data_file: Path,
              n: int = HEAD_ROWS) -> tuple[list[str] | None, list[tuple[Cell, ...]]]:
    """The header (None without a header line) and the first rows, as the provider reads.

    The Open, Action and Mapping pages all show the same first rows, and a large workbook
    takes about a second to open: read it once per file version and reading options.
    """
    try:
        stat = data_file.stat()
        version = (stat.st_size, stat.st_mtime_ns)
    except OSError:
        version = None  # the reader names the problem
    headers, rows = _cached_head(data_file, version, provider.file_encoding,
                                 provider.delimiter_char, provider.skip_first_line,
                                 provider.sheet, max(n, HEAD_ROWS))
    return (list(headers) if headers is not None else None), list(rows[:n])


@functools.lru_cache(maxsize=8)
def _cached_head(data_file: Path, version: tuple[int, int] | None, encoding: str,
                 delimiter: str, skip_first_line: bool, sheet: str | None, n: int,
                 ) -> tuple[tuple[str, ...] | None, tuple[tuple[Cell, ...], ...]]:
    from importer_gui.core import readers  # the core reader; imported late to keep start fast

    app = QApplication.instance()
    on_gui_thread = app is not None and QThread.currentThread() is app.thread()
    if on_gui_thread:  # a worker thread may not touch the cursor
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        headers, rows = readers.head(data_file, n, encoding=encoding, delimiter=delimiter,
                                     skip_first_line=skip_first_line, sheet=sheet)
    finally:
        if on_gui_thread:
            QApplication.restoreOverrideCursor()
    return (tuple(headers) if headers is not None else None), tuple(tuple(r) for r in rows)


def column_titles(headers: list[str] | None, count: int) -> list[str]:
    """What to call each column: its header, or "Column N" in a file without one."""
    titles = list(headers or [])
    titles += [tr("Column {0}").replace("{0}", str(i + 1)) for i in range(len(titles), count)]
    return titles
