"""Work done in steps, for a window that must never wait long for it.

A generator does the work: it yields None after each short step (a few hundredths of a
second of Python), and an ``Elsewhere`` for a long step that lets go of the GIL throughout
(native code), whose answer it is sent back. The window runs the short steps between its
events and the long ones on a worker (``ui/steps.py``): Python work on a worker would hold
the GIL each time the window's thread wants it to paint a cell, and the window would wait
for it. ``at_once`` runs the steps one after another here (the command line, tests).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

# How long a short step runs before it yields: a window running the steps between its
# events answers within this, and draws a frame of 50 Hz on time.
STEP_SECONDS = 0.02


@dataclass(frozen=True)
class Elsewhere:
    """A long step for a worker, holding no GIL (or run once, such as a first import):
    ``call()``, its answer sent back into the steps."""

    call: Callable[[], Any]


Steps = Generator[Elsewhere | None, Any, T]


def at_once(steps: Steps[T]) -> T:
    """What ``steps`` return, each of them run here in turn."""
    answer = None
    try:
        while True:
            step = steps.send(answer)
            answer = step.call() if step is not None else None
    except StopIteration as done:
        return done.value


class Pace:
    """Whether the short step under way has run its time (``STEP_SECONDS``) and is to yield."""

    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """A step starts now."""
        self._due = time.perf_counter() + STEP_SECONDS

    def over(self) -> bool:
        """Whether the step's time is up."""
        return time.perf_counter() >= self._due
