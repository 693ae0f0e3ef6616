"""The status line, progress bar and Cancel button of work running in the background."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from importer_gui.ui.i18n import arg, translate
from importer_gui.ui.widgets.spoken import SpokenLine

# The store's WAITING_FOR_FROM, WAITING_FOR, WAITING and WAITING_MADE (core/store/__init__.py):
# a wait for another writer, or for the program making the store, after which the row says
# again what it said before.
WAITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Waiting for (.+) on (.+) to finish writing to the store \(since (.+)\)"),
     QT_TRANSLATE_NOOP("ProgressRow",
                       "Waiting for %1 on %2 to finish writing to the store (since %3)…")),
    (re.compile(r"Waiting for (.+) to finish writing to the store \(since (.+)\)"),
     QT_TRANSLATE_NOOP("ProgressRow", "Waiting for %1 to finish writing to the store (since "
                                      "%2)…")),
    (re.compile(r"Waiting for another program to finish writing to the store"),
     QT_TRANSLATE_NOOP("ProgressRow",
                       "Waiting for another program to finish writing to the store…")),
    (re.compile(r"Waiting for another program to finish making the store (.+)"),
     QT_TRANSLATE_NOOP("ProgressRow",
                       "Waiting for another program to finish making the store %1…")),
)
# What the core's long work says it is doing, as it words it (in English), and the same
# for the window, to translate; a step worded otherwise is shown as it comes.
STEPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Checking (.+)"), QT_TRANSLATE_NOOP("ProgressRow", "Checking %1")),
    (re.compile(r"Writing to the store"),
     QT_TRANSLATE_NOOP("ProgressRow", "Writing to the store")),
    (re.compile(r"Comparing the records of run (\d+) with the store"),
     QT_TRANSLATE_NOOP("ProgressRow", "Comparing the records of run %1 with the store")),
    (re.compile(r"Saving (.+)"), QT_TRANSLATE_NOOP("ProgressRow", "Saving %1")),
    *WAITS,
)


def is_wait(what: str) -> bool:
    """Whether a step the core reports is a wait for another writer."""
    return any(pattern.fullmatch(what) for pattern, _text in WAITS)


def step_text(what: str) -> str:
    """A step the core reports, in the user's language."""
    for pattern, text in STEPS:
        found = pattern.fullmatch(what)
        if found is not None:
            return arg(translate("ProgressRow", text), *found.groups())
    return what


class ProgressRow(QWidget):
    """What long work shows while it runs; connect a TaskRunner's ``progressed`` to it."""

    def __init__(self, cancel_text: str, parent: QWidget | None = None, *,
                 working_text: str = "") -> None:
        super().__init__(parent)
        self.working_text = working_text  # said while the work names no step of its own
        self._before_wait = ""  # what the row said before a wait, said again once it is over
        self.status = SpokenLine(self)  # each step and ending announced, not each tick
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(cancel_text, self)
        # Shown as work starts, an auto-default Cancel became the dialog's default button:
        # Enter pressed again (the key held on the button that started it) cancelled it.
        self.cancel_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 2)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.set_running(False)

    def set_running(self, running: bool) -> None:
        """Show the bar (busy until the first report) and Cancel only while work runs."""
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        if running:
            self.bar.setRange(0, 0)
        self._before_wait = ""

    def show_progress(self, done: int, total: int, what: str) -> None:
        """A report from the worker: steps done of total (0: unknown), and what it does."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if not what:  # none of its own: after a wait, what the row said before it
            text, self._before_wait = self.working_text or self._before_wait, ""
        else:
            if is_wait(what) and not self._before_wait:
                self._before_wait = self.status.text()
            text = step_text(what)
        if text:
            self.status.setText(text)
