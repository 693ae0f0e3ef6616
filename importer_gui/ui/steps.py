"""Work in steps (``core/steps.py``) run as the window needs it: its short steps on the
window's thread between its events, each long one on a worker of a ``TaskRunner``."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from importer_gui.core.errors import ImporterError
from importer_gui.core.steps import Steps
from importer_gui.ui.tasks import TaskRunner, unexpected_error

log = logging.getLogger(__name__)


class StepRunner(QObject):
    """Runs one piece of stepped work at a time: another one started, or a cancel, drops
    the one running, whose callbacks are then never called."""

    def __init__(self, parent: QObject | None = None, *,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or TaskRunner(self)  # the long steps' worker
        self._steps: Steps[Any] | None = None
        self._serial = 0
        self._next: Callable[[], None] | None = None
        # A timer of no interval fires once the events waiting are handled: a click, a
        # repaint go first.
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._take_next)

    @property
    def busy(self) -> bool:
        """True while stepped work runs."""
        return self._steps is not None

    def run(self, steps: Steps[Any], on_result: Callable[[Any], None],
            on_error: Callable[[ImporterError], None]) -> None:
        """Start ``steps``, its first short step at once; what they return goes to
        ``on_result``, an error to ``on_error`` (both on the window's thread)."""
        self.cancel()
        self._serial += 1
        self._steps = steps
        self._step(self._serial, steps, None, on_result, on_error)

    def cancel(self) -> None:
        """Drop the work running (its worker's step, if one runs, ends unheard)."""
        if self._steps is not None:
            self._steps.close()
            self._steps = None
            self.runner.cancel()
        self._serial += 1
        self._next = None

    def _step(self, serial: int, steps: Steps[Any], answer: Any,
              on_result: Callable[[Any], None],
              on_error: Callable[[ImporterError], None]) -> None:
        """The next step of the work started as ``serial`` (``answer``: the last long
        step's), unless it was dropped since."""
        if serial != self._serial:
            return
        try:
            step = steps.send(answer)
        except StopIteration as done:  # handed over in a turn of its own, after the events
            result = done.value
            self._then(lambda: self._end(serial, lambda: on_result(result)))
            return
        except Exception as exc:  # never a traceback into the window's loop
            log.exception("Work done in steps failed")
            error = unexpected_error(exc)
            self._end(serial, lambda: on_error(error))
            return

        def go_on(answer: Any = None) -> None:
            self._step(serial, steps, answer, on_result, on_error)

        if step is None:
            self._then(go_on)
        else:
            self.runner.run(lambda _monitor: step.call(), go_on,
                            lambda error: self._end(serial, lambda: on_error(error)))

    def _then(self, call: Callable[[], None]) -> None:
        """Call ``call`` once the window's events waiting now are handled."""
        self._next = call
        self._timer.start()

    def _take_next(self) -> None:
        """Run the step due, the window's events handled."""
        call, self._next = self._next, None
        if call is not None:
            call()

    def _end(self, serial: int, tell: Callable[[], None]) -> None:
        """The work started as ``serial`` is over: ``tell`` its outcome, unless dropped."""
        if serial != self._serial:
            return
        steps, self._steps = self._steps, None
        if steps is not None:
            steps.close()  # a long step failed: what the steps hold is let go now
        tell()
