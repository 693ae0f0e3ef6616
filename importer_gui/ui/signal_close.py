"""Ctrl+C in the terminal the wizard was started from, and SIGTERM (a session closing, a
``kill``), close its windows as File ▸ Quit does: asking first about a commit under way or
changes not saved, as the window's close button asks.

Python runs a signal's handler only between two steps of Python code, and Qt's event loop
runs none while it waits for events: so the signal's number is written to a socket
(``signal.set_wakeup_fd``) whose notifier wakes the loop, and the windows are closed from
the loop, never from inside whatever Python code the signal came in.
"""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

from importer_gui.core.interrupts import SIGNALS

log = logging.getLogger(__name__)


class SignalClose(QObject):
    """While attached (until ``detach``), Ctrl+C and SIGTERM close the application's
    windows; a signal the process was started ignoring (a job in the background) stays
    ignored."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._asking = False  # a question of the close is on the screen: it is the answer
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        before = {number: signal.getsignal(number) for number in SIGNALS}
        self._handled = {number: handler for number, handler in before.items()
                         if handler is not signal.SIG_IGN}
        for number in self._handled:
            signal.signal(number, _written_only)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._woken)

    def detach(self) -> None:
        """The signals handled as before, the socket closed."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._handled.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()

    def _woken(self, *_args: Any) -> None:
        """Close the windows for the signals that came, unless a question of an earlier
        close waits for its answer."""
        try:
            came = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        names = [signal.Signals(number).name for number in self._handled if number in came]
        if self._asking or not names:
            return
        log.info("%s came: the windows close as File > Quit closes them", ", ".join(names))
        self._asking = True
        try:
            self._app.closeAllWindows()
        finally:
            self._asking = False


def _written_only(_number: int, _frame: FrameType | None) -> None:
    """Python's handler: nothing. The signal's number is on the socket already."""
