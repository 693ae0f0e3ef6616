"""The wizard's session for Qt: its announcements as signals, and store views kept in step."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from importer_gui.core.session import Choices, Event, Session
from importer_gui.ui.widgets.ask import ask

if TYPE_CHECKING:
    from importer_gui.ui.store_browser import StoreBrowser


@runtime_checkable
class Writer(Protocol):
    """Work that writes the store, and that the user is asked about before it is stopped:
    a commit, a revert."""

    def writes_store(self) -> bool:
        """True while its work is to end written in the store."""
        ...

    def stop_question(self) -> tuple[str, str, list[str]]:
        """The question before it is stopped: its title, its text, and the answers (stop
        it first, then keep it running)."""
        ...

    def stop(self) -> str | None:
        """Stop the work and wait until it has stopped: nothing of it is written, None.
        When it had ended, written, before it could be stopped (while the user was asked),
        what it wrote, to be said."""
        ...



def stop_asked(parent: QWidget, writer: Writer) -> bool:
    """Ask the writer's question, and stop its work when the user agrees: True when it writes
    no more. Work that ended, written, while the question was on the screen is said so
    before anything closes (the question said nothing would be written)."""
    title, text, answers = writer.stop_question()
    if ask(parent, title, text, answers) != 0:
        return False
    ended = writer.stop()
    if writer.writes_store():
        return False
    if ended is not None:
        ask(parent, QCoreApplication.translate("Writer", "Already written"), ended,
            [QCoreApplication.translate("Writer", "OK")])
    return True

class WizardState(QObject):
    """A thin adapter: the session does the work, views connect to these signals."""

    config_changed = Signal()  # the configuration (or data files) changed: re-read, re-check
    plan_changed = Signal()  # a new plan (or none), or a row of it re-checked
    store_changed = Signal(int)  # a run (a commit or a revert) changed the store
    # A store view's run (a revert) changed a store the window has left: its location, the run.
    left_store_changed = Signal(object, int)
    # Another store is where the session's was (copied over it): what the window says.
    store_replaced = Signal(str)

    def __init__(self, store_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = Session(store_path)
        self.session.subscribe(self._announce)
        self._writers: list[Writer] = []
        self._links: list[_StoreLink] = []  # the store views followed, while open

    def _announce(self, event: Event, run_id: int | None) -> None:
        if event is Event.CONFIG_CHANGED:
            self.config_changed.emit()
        elif event is Event.PLAN_CHANGED:
            self.plan_changed.emit()
        elif event is Event.STORE_REPLACED:
            self.store_replaced.emit(self.session.replaced_text())
        elif run_id is not None:
            self.store_changed.emit(run_id)

    @property
    def store_path(self) -> Path:
        """The store the wizard checks against and commits to."""
        return self.session.store_path

    @property
    def choices(self) -> Choices:
        """The session's choices, to read (change them through the session's steps)."""
        return self.session.choices

    def follow_store(self, view: StoreBrowser) -> None:
        """Keep a store view and the session in step until the view closes: a run the view
        reverts is announced to every view, and a run made elsewhere refreshes it; another
        store found in the place of the session's, by the view or elsewhere, is said, and
        shown by the view."""
        self._links.append(_StoreLink(self, view))

    def add_writer(self, writer: Writer) -> None:
        """Have ``writer`` asked about, with the others, before the window goes."""
        self._writers.append(writer)

    def writing(self) -> list[Writer]:
        """What writes the store now, and is to be asked about before it is stopped: the
        writers added, and the reverts of the store views followed."""
        every = [*self._writers, *(w for link in self._links for w in link.writers())]
        return [writer for writer in every if writer.writes_store()]


def _session_store_only(slot: Callable[..., None]) -> Callable[..., None]:
    """A link's slot, run only while its view shows the session's store: the window may have
    gone to another since, and what a view on the store left finds (another store copied over
    it, its opening) is not the session's, nor is the session's news its own; its runs are
    still said, by ``_report``, on ``left_store_changed``."""
    @functools.wraps(slot)
    def passed(link: _StoreLink, *args: object) -> None:
        if link._view().shows(link._state.session.store_path):
            slot(link, *args)
    return passed


class _StoreLink(QObject):
    """One store view's link to the session: a child of the view, so that it dies with it
    (it keeps no reference of its own to the view, which would outlive the window)."""

    def __init__(self, state: WizardState, view: StoreBrowser) -> None:
        super().__init__(view)
        self._state = state
        self._reporting = False  # the view's own change: it has read the store already
        view.store_changed.connect(self._report)
        state.store_changed.connect(self._refresh)
        state.store_changed.connect(self._window_store)  # the window's store, maybe another
        view.store_replaced.connect(self._found_replaced)
        state.store_replaced.connect(self._replaced)
        view.opened.connect(self._opened)  # once opened, in the background
        view.finished.connect(self._close)
        if view.store is not None:
            self._opened(view.store.identity)

    def _view(self) -> StoreBrowser:
        return cast("StoreBrowser", self.parent())

    def writers(self) -> list[Writer]:
        """The view's dialogs that write the store (its reverts)."""
        if not shiboken6.isValid(self):
            return []
        return [dialog for dialog in self._view().findChildren(QDialog)
                if isinstance(dialog, Writer)]

    @_session_store_only
    def _opened(self, identity: str | None) -> None:
        """The view opened the session's store: it is there (never to be made again), and
        another than the session had is said."""
        self._state.session.store_found()
        self._state.session.store_seen(identity)

    @_session_store_only
    def _found_replaced(self, identity: str | None) -> None:
        """The view found another store in the place of the session's: the session's from
        now on."""
        self._state.session.store_replaced(identity)

    def _report(self, run_id: int) -> None:
        """A run the view made is the session's news (the view has read the store again);
        in a store the window has left, it is announced as such (a run committed there may
        be the one reverted)."""
        view = self._view()
        if not view.shows(self._state.session.store_path):
            self._state.left_store_changed.emit(view.location, run_id)
            return
        self._reporting = True
        try:
            self._state.session.record_run(run_id)
        finally:
            self._reporting = False

    @_session_store_only
    def _refresh(self, _run_id: int) -> None:
        if not self._reporting:
            self._view().refresh()

    def _window_store(self, _run_id: int) -> None:
        """The window may have gone to another store (or back to the view's): the view says
        which it works on when not the one shown."""
        self._view().say_window_store(self._state.session.store_path)

    @_session_store_only
    def _replaced(self, text: str) -> None:
        """Another store is where the session's was: the view says so, and reads it (it
        follows to it in the background) to show it."""
        view = self._view()
        view.refresh()
        view.show_replaced(text)

    def _close(self) -> None:
        """A closed view's store is closed: it hears of no more runs."""
        self._state.store_changed.disconnect(self._refresh)
        self._state.store_changed.disconnect(self._window_store)
        self._state.store_replaced.disconnect(self._replaced)
        self._view().store_changed.disconnect(self._report)
        self._view().store_replaced.disconnect(self._found_replaced)
        self._view().opened.disconnect(self._opened)
        self._state._links.remove(self)
        self.deleteLater()
