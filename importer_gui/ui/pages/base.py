"""What every wizard page shares: the session, a save hook, and an inline error line."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from importer_gui.core import first_rows
from importer_gui.core.catalogue import WORKBOOK_SUFFIXES
from importer_gui.core.config import Action, Import, Provider
from importer_gui.core.errors import ImporterError
from importer_gui.core.log import log_path
from importer_gui.core.plan import Plan
from importer_gui.core.planner import paused_gc
from importer_gui.core.session import Session
from importer_gui.ui import collector
from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.messages_text import message_text
from importer_gui.ui.state import WizardState
from importer_gui.ui.styles import Look, set_look
from importer_gui.ui.tasks import LET_GO, free_later
from importer_gui.ui.widgets.focus_in_sight import keep_focus_in_sight
from importer_gui.ui.widgets.rows import message_line

log = logging.getLogger(__name__)

T = TypeVar("T")

# From these sizes on, a file's first rows are read in the background. A workbook loads its
# whole sheet to give them, at a cost per byte a hundred times a text file's: 100 KB is some
# 4,000 rows. A text file is read a line at a time and only measured whole for the budget.
WORKBOOK_BACKGROUND_BYTES = 100_000
TEXT_BACKGROUND_BYTES = 1_000_000


class _Contents(QWidget):
    """A page's contents in its scroll area: as tall as the area, or as the least height its
    wrapped texts need at its width where that is more (not their preferred height, which
    would scroll a page that fits)."""

    def heightForWidth(self, width: int) -> int:
        """The least height the contents' layout needs at ``width``."""
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else -1


class BasePage(QWizardPage):
    """A page over the shared state; ``save()`` writes its choices when the user goes on."""

    def __init__(self, state: WizardState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.session = state.session
        outer = self._scrolled_layout()
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self.error_label = message_line(self, "pageError", Look.ERROR)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.error_label)
        # Passed through on the run to the preview, not initialised: it is once the user
        # comes Back to it (``Wizard.back``), from the configuration as it then is.
        self.passed_through = False
        state.config_changed.connect(self._state_changed)
        hand_plans_to_background(self.session)

    def pass_by(self) -> None:
        """The run to the preview passes the page by: shown and left at once, it is
        initialised only once the user comes Back to it (``Wizard.initializePage``)."""
        self.passed_through = True

    def _scrolled_layout(self) -> QVBoxLayout:
        """The layout the page's contents go in, inside a scroll area filling the page: on a
        small or scaled screen (1366x768 at 200 %) the page scrolls rather than making the
        window taller than the screen, its buttons below the screen's edge; the field the
        keyboard reaches scrolls into sight."""
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea(self)
        area.setObjectName("pageScroll")
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page's own fields take the Tab stops
        keep_focus_in_sight(area)  # Shift+Tab from Back to the last field scrolls to it
        contents = _Contents(area)
        area.setWidget(contents)
        # The page's own background shows through, as it did without the area.
        contents.setAutoFillBackground(False)
        area.viewport().setAutoFillBackground(False)
        frame.addWidget(area)
        return QVBoxLayout(contents)

    def save(self) -> None:
        """Write the page's choices into the state; raise ImporterError to stay on the page."""

    def going_back(self) -> None:
        """The user goes Back: what the page holds of the configuration is kept, written
        into the state as going on would where it can be."""

    def _state_changed(self) -> None:
        """A later page changed the configuration: an earlier page already shown shows it anew.

        Later pages are left alone: going on initialises them anyway, and the preview must
        not start a check while the user is still editing.
        """
        wizard = self.wizard()
        if wizard is None or self.passed_through:
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
            self.show_error(arg(self.tr("Something unexpected went wrong; details are in the "
                                        "log (%1)."), log_path()))
            return False
        self.show_error(None)
        return True

    def show_error(self, text: str | None) -> None:
        """Show one clear line under the page, or hide it."""
        self.show_errors([text] if text else [])

    def show_errors(self, lines: list[str]) -> None:
        """Show errors under the page, a line each, or hide them."""
        # Hiding needs no translation: the first message_text() compiles every template
        # (0.1-0.2 s on the window's thread, once), so it waits for a message to show.
        self.error_label.setText("\n".join(map(message_text, lines)))
        self.error_label.setVisible(bool(lines))

    def add_import_line(self) -> None:
        """A line on top of the page naming the file it is about and which of the
        configuration's imports that is (``show_import_line``)."""
        self.import_line = QLabel(self)
        self.import_line.setObjectName("whichImport")
        self.import_line.setTextFormat(Qt.TextFormat.PlainText)
        set_look(self.import_line, Look.HEADING)
        self.import_line.hide()
        self.body.insertWidget(0, self.import_line)

    def show_import_line(self) -> None:
        """Name the file and its import's place, "import 17 of 30", when the configuration
        holds several imports (with one, the page is about it alone: no line)."""
        imports = self.session.choices.config.imports
        self.import_line.setVisible(len(imports) > 1)
        if len(imports) > 1:
            data_file = self.data_file()
            name = data_file.name if data_file else self.current_import().provider.file_name
            self.import_line.setText(arg(self.tr("File %1 (import %2 of %3)"), name,
                                         self.session.choices.import_index + 1, len(imports)))

    def current_import(self) -> Import:
        """The <import> the mapping pages edit, created when the configuration has none."""
        return self.session.current_import()

    def data_file(self) -> Path | None:
        """The data file of the edited import, if known."""
        return self.session.data_file()


def first_action(imp: Import) -> Action | None:
    """The action the mapping pages edit: the import's first."""
    return imp.actions[0] if imp.actions else None


def read_head(provider: Provider, data_file: Path,
              n: int = first_rows.HEAD_ROWS) -> first_rows.Head:
    """The file's header and first rows (see ``first_rows.read_head``), under a wait cursor
    when read on the window's thread."""
    app = QApplication.instance()
    on_gui_thread = app is not None and QThread.currentThread() is app.thread()
    if on_gui_thread:  # a worker thread may not touch the cursor
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return first_rows.read_head(provider, data_file, n)
    finally:
        if on_gui_thread:
            QApplication.restoreOverrideCursor()


def read_in_background(*data_files: Path) -> bool:
    """Whether reading these files' first rows could keep the window waiting: a workbook
    loads a whole sheet to give them, a text file is measured whole for the memory budget."""
    return any(_size(path) >= background_bytes(path) for path in data_files)


def background_bytes(path: Path) -> int:
    """The size from which ``path``'s first rows are read in the background, by its kind."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        return WORKBOOK_BACKGROUND_BYTES
    return TEXT_BACKGROUND_BYTES


def _size(path: Path) -> int:
    """The file's size; 0 when it cannot be read (the reader then says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def column_titles(headers: list[str] | None, count: int) -> list[str]:
    """What to call each column: its header, or "Column N" in a file without one."""
    titles = list(headers or [])
    titles += [arg(translate("pages", "Column %1"), i + 1) for i in range(len(titles), count)]
    return titles


def let_go(session: Session, replacement: Plan | None = None) -> None:
    """Take the session's plan away (none shown, or ``replacement``) without freeing it on
    this thread (``hand_plans_to_background``)."""
    hand_plans_to_background(session)
    session.set_plan(replacement)


def hand_plans_to_background(session: Session) -> None:
    """Every plan the session drops (a new check, New import, another file, a changed
    configuration) is freed in pieces in the background: at once when no task runs, else
    by the next check's or commit's worker (``free_let_go``), or once the last task ends.

    The window's last reference to a plan of a million rows took 0.19 s to drop (reference
    counting frees every row's objects at once, holding the GIL), and the window waited that
    long. The session hands a plan over once every view let it go; ``LET_GO`` then holds
    the one reference left until a worker takes it.
    """
    session.let_go_hook = _to_background


def _to_background(taken: list[object]) -> None:
    """The session's hook: what it dropped goes to ``LET_GO``, freed in the background."""
    while taken:  # popped: nothing here keeps them, nor the callers once their frames end
        free_later(taken.pop())


def free_let_go() -> None:
    """Free the plans the window let go of, in pieces (in a worker: the window's thread gets
    the GIL between pieces); a freeing in the background hands back its own first."""
    LET_GO.free_all()


def kept_off_the_collector(work: Callable[[], T], *, shown_plan_dropped: bool) -> T:
    """``work()`` (call it in the worker), with what it builds frozen out of the cycle
    collector's reach (gc.freeze).

    A plan is hundreds of thousands of small, acyclic objects. A full collection over it
    holds the GIL (0.37 s for a million rows), and the window waited that long; freezing
    walks nothing. So the collector stays off while the work runs, and everything then alive
    is frozen: the collector never walks the plan, and reference counting still frees it
    when it is dropped (a plan holds no cycle). What garbage cycles the work left (a store's
    model classes, some 1,000 objects a check) are frozen with it. The collection as the
    work starts walks only what came since the last freeze, never the window's objects,
    frozen with it; with ``shown_plan_dropped`` (a full check, once the shown plan is let
    go and freed) it walks everything frozen once the frozen garbage may be a quarter of
    what is alive (``collector.collect_frozen_garbage``), so that checks in a row keep
    memory bounded. A re-plan keeps its input plan frozen, and walks only what came since.
    The plans the window let go of (``let_go``) are freed first, in pieces.
    """
    free_let_go()
    if shown_plan_dropped:
        collector.collect_frozen_garbage()
    else:
        collector.collect()  # no cycle frozen that is garbage already
    with paused_gc():
        try:
            return work()
        finally:
            collector.freeze()
