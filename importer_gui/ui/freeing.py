"""Freeing a large structure a piece at a time, so the window's thread is never kept waiting.

Reference counting frees a plan of a million rows all at once when its last reference goes
(0.2-0.6 s holding the GIL, on whichever thread drops it): the window's thread lets such a
plan go (``LetGo``), and a worker frees it here in pieces, each a short hold of the GIL.
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Callable

PIECE = 2_000  # items freed at a time: about a millisecond of a row's objects each
DEPTH = 12  # how deep containers are opened: a plan's rows and a planner's indexes are near
_EMPTYING = -1  # the depth given to a large container being emptied, a piece at each turn


def _never() -> bool:
    return False


class Freeing:
    """What is left to free of one structure: freed a piece at a time, and able to stop
    between two pieces and go on later (in the same thread or another, one at a time).

    Only an object nothing else refers to is opened (its reference count says so): emptying
    it cannot change what someone else sees. Smaller containers are opened to find the large
    lists, dicts and sets inside; past ``DEPTH`` levels, or in a tuple, what is left is
    freed as a whole.
    """

    def __init__(self, root: object) -> None:
        self._stack, self._depths = [root], [0]

    def run(self, stop: Callable[[], bool] = _never, pause: float = 0.0) -> bool:
        """Free it all (True), or stop when ``stop()`` says so between two pieces (False:
        what is left stays here for the next ``run``); with ``pause``, sleep that long after
        every piece that ends that long after the last sleep: half the GIL, at least, is
        left to the other threads."""
        stack, depths = self._stack, self._depths
        rest_at = time.perf_counter() + pause
        while stack:
            if stop():
                return False
            item, depth = stack.pop(), depths.pop()
            if depth != _EMPTYING:  # a container being emptied is already known to be ours
                if sys.getrefcount(item) > 2:  # ``item`` and the call's argument: held elsewhere
                    continue
                kind = type(item)
                if not ((kind is list or kind is dict or kind is set) and len(item) > PIECE):
                    if depth < DEPTH and gc.is_tracked(item):
                        children = gc.get_referents(item)
                        stack.extend(children)
                        depths.extend([depth + 1] * len(children))
                        del children
                    del item  # its children are now held by the stack alone, when by nothing else
                    continue
            _free_piece(item)
            if item:  # the rest, a piece at each turn: a stop can come in between
                stack.append(item)
                depths.append(_EMPTYING)
            del item
            if pause and time.perf_counter() >= rest_at:
                time.sleep(pause)
                rest_at = time.perf_counter() + pause
        return True


def _free_piece(item: list | dict | set) -> None:
    """Free the last ``PIECE`` items of a list, or any ``PIECE`` of a dict or set."""
    if type(item) is list:
        del item[-PIECE:]
        return
    pop = item.popitem if type(item) is dict else item.pop
    for _ in range(min(PIECE, len(item))):
        pop()


def free_in_pieces(root: object) -> None:
    """Let go of ``root``, emptying the large lists, dicts and sets it alone holds a piece at
    a time, each piece a short hold of the GIL, instead of all at once."""
    freeing = Freeing(root)
    del root
    freeing.run()


class LetGo:
    """What the window let go of, for a worker to free: each structure is freed by one
    thread at a time.

    A freeing in the background (``free_in_background``) yields: between two pieces it
    hands what it holds back as soon as a worker asks for everything (``free_all``) or its
    ``stop()`` says so, so that the worker waits one piece at most.
    """

    def __init__(self) -> None:
        self._pending: list[Freeing] = []
        self._changed = threading.Condition()
        self._held = False  # a background freeing holds one of them
        self._wanted = 0  # threads in ``free_all``, waiting for it to be handed back

    def add(self, root: object) -> None:
        """Let go of ``root``: freed later, by a worker (the caller drops its reference)."""
        freeing = Freeing(root)
        del root
        with self._changed:
            self._pending.append(freeing)

    def __bool__(self) -> bool:
        """True while something let go of is not freed yet."""
        return bool(self._pending) or self._held

    def free_all(self) -> None:
        """Free everything let go of, on this thread (a worker's), once a freeing in the
        background handed back what it held."""
        with self._changed:
            self._wanted += 1
            try:
                while self._held:
                    self._changed.wait()
            finally:
                self._wanted -= 1
            pending, self._pending = self._pending, []
        while pending:
            pending.pop().run()

    def free_in_background(self, stop: Callable[[], bool], pause: float) -> None:
        """Free what was let go of, pausing ``pause`` seconds after each piece, until all is
        freed, ``stop()`` says so, or a worker wants it (``free_all``)."""
        def yield_now() -> bool:
            return self._wanted > 0 or stop()

        while True:
            with self._changed:
                if self._held or not self._pending or yield_now():
                    return
                freeing = self._pending.pop()
                self._held = True
            done = False
            try:
                done = freeing.run(yield_now, pause)
            finally:
                with self._changed:
                    if not done:
                        self._pending.append(freeing)
                    self._held = False
                    self._changed.notify_all()
            del freeing
            if not done:
                return
