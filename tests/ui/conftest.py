"""The window's tests answer its questions themselves: no dialog waits on a screen nobody
sees. Each question is recorded; the first answer is given unless a test queued others; no
two of its answers may share an Alt+letter. Message boxes shown are recorded too
(``warnings``), a team's server that never answers is at hand (``silent_server``), and a
system in dark mode (``dark``). Every window speaks English as the app starts it
(``tests/conftest.py``), unless a test asks for French (``french``, ``speaking``)."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from importer_gui.core.store import PostgresUrl
from importer_gui.ui.language import ENGLISH, FRENCH
from importer_gui.ui.widgets import ask
from tests.conftest import spoken


@dataclass
class Questions:
    """The questions asked, and the answers to give (by their text, without the "&")."""

    asked: list[tuple[str, str, list[str]]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    offered: list[list[str]] = field(default_factory=list)  # each question's, with their "&"
    # Answers a test gave that its question did not offer: the question is escaped and the
    # test fails at its end (raising here, inside a Qt event handler, could bring the whole
    # run down rather than fail one test).
    unmatched: list[tuple[str, str, list[str]]] = field(default_factory=list)

    def __call__(self, parent: QWidget | None, title: str, text: str,
                 answers: Sequence[str], escape: int) -> int:
        shown = [answer.replace("&", "") for answer in answers]
        self.asked.append((title, text, shown))
        self.offered.append(list(answers))
        if not self.answers:
            return 0
        wanted = self.answers.pop(0)
        if wanted not in shown:
            self.unmatched.append((title, wanted, shown))
            return escape
        return shown.index(wanted)

    def texts(self) -> list[str]:
        """What each question said, in order."""
        return [text for _title, text, _answers in self.asked]


@contextmanager
def asked_on_screen(shot: Path, answer: Callable[[QMessageBox], None]
                    ) -> Iterator[list[tuple[str, str, list[str]]]]:
    """The window's next question asked for real, in its message box: what it shows (title,
    text, buttons with their "&") is recorded, the box grabbed into ``shot``, then answered
    by ``answer`` (a key, a click)."""
    seen: list[tuple[str, str, list[str]]] = []

    def look_then_answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box.grab().save(str(shot))
        answer(box)

    before = ask.answer_with(ask._message_box)
    try:
        QTimer.singleShot(0, look_then_answer)
        yield seen
    finally:
        ask.answer_with(before)


@pytest.fixture(autouse=True)
def questions() -> Iterator[Questions]:
    """Every question the window asks during the test."""
    recorder = Questions()
    before = ask.answer_with(recorder)
    yield recorder
    ask.answer_with(before)
    assert recorder.unmatched == [], "answers the questions did not offer"
    from tests.ui.test_alt_letters import shared  # it imports this module

    # Each answer's Alt+letter is its own, whichever question a test led to.
    assert [answers for answers in recorder.offered if shared(answers)] == []


@pytest.fixture
def silent_server() -> Iterator[PostgresUrl]:
    """The URL of a server that takes connections and never answers (a machine hung, a
    network dropping replies): a listening socket on the loopback, never read."""
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen(8)
        port = listening.getsockname()[1]
        yield PostgresUrl(f"postgresql://nobody@127.0.0.1:{port}/team?connect_timeout=2")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the message boxes shown (none is shown for real)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    return shown


@pytest.fixture(params=[ENGLISH, FRENCH])
def speaking(request: pytest.FixtureRequest, english: None, qapp: QApplication,
             translations: Path) -> Iterator[str]:
    """The window speaks the language of the test's parameter, then English as it starts."""
    with spoken(qapp, request.param, translations):
        yield request.param


ROLE = QPalette.ColorRole
# The colours of a dark palette as Windows 11 gives one (its window and base).
DARK_COLOURS = {
    ROLE.Window: "#202020", ROLE.WindowText: "#ffffff", ROLE.Base: "#1e1e1e",
    ROLE.AlternateBase: "#2b2b2b", ROLE.Text: "#ffffff", ROLE.Button: "#2b2b2b",
    ROLE.ButtonText: "#ffffff", ROLE.Highlight: "#0078d4", ROLE.HighlightedText: "#ffffff",
    ROLE.ToolTipBase: "#2b2b2b", ROLE.ToolTipText: "#ffffff", ROLE.PlaceholderText: "#9a9a9a",
    ROLE.Light: "#3c3c3c", ROLE.Midlight: "#333333", ROLE.Mid: "#2b2b2b", ROLE.Dark: "#141414",
}


# Disabled controls as Windows' dark palette draws them (Qt's Windows theme): their text
# halfway between the text and the button, their fields the window's colour.
DARK_DISABLED = {ROLE.WindowText: "#959595", ROLE.Text: "#959595", ROLE.ButtonText: "#959595",
                 ROLE.Base: "#202020"}


def dark_palette() -> QPalette:
    """The application palette of a system in dark mode, disabled controls dimmed."""
    palette = QPalette()
    for role, colour in DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    for role, colour in DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    """The system in dark mode for one test."""
    before = qapp.palette()
    qapp.setPalette(dark_palette())
    try:
        yield
    finally:
        qapp.setPalette(before)
