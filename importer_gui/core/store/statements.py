"""A bulk write's statements run in order on a thread of their own (``Statements``), while
the writer readies the next batch's values.

SQLite lets go of the GIL through each statement, and the writer's Python (a batch's
columns, ids and values laid out to bind) then waits for it: run beside it, each batch's
statements and the next one's readying overlap. Every other use of the connection by the
writer waits for the statements queued before it (``Drained``), so that the engine sees
the writes in the writer's order, and whatever reads them reads them written.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

QUEUED = 2  # statements' batches waiting at most: the values of each are held meanwhile


class Statements:
    """Calls run in order on one thread; the first failure is raised to the caller at its
    next ``call`` or ``wait``, and nothing queued after it runs."""

    def __init__(self) -> None:
        self._queue: queue.Queue[tuple[Callable[..., Any], tuple[Any, ...]] | None] = \
            queue.Queue(maxsize=QUEUED)
        self._failure: BaseException | None = None
        self._dropping = False  # the write gave up: what is queued is not run
        self._thread = threading.Thread(target=self._run, name="write-statements", daemon=True)
        self._thread.start()

    def call(self, function: Callable[..., Any], *args: Any) -> None:
        """Run ``function(*args)`` after what is queued."""
        self._raise()
        self._queue.put((function, args))

    def wait(self) -> None:
        """Return once everything queued has run."""
        self._queue.join()
        self._raise()

    def close(self, *, dropping: bool = False) -> None:
        """Stop the thread once what is queued has run (``dropping``: is left unrun)."""
        self._dropping = dropping
        self._queue.put(None)
        self._thread.join()

    def _raise(self) -> None:
        if self._failure is not None:
            raise self._failure

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._failure is None and not self._dropping:
                function, args = item
                try:
                    function(*args)
                except BaseException as exc:  # the writer's thread says it
                    self._failure = exc
            self._queue.task_done()
        self._queue.task_done()


class Drained:
    """A connection whose every use first waits for the statements queued."""

    def __init__(self, conn: Any, statements: Statements) -> None:
        self._conn = conn
        self._statements = statements

    def execute(self, *args: Any) -> Any:
        self._statements.wait()
        return self._conn.execute(*args)

    def executemany(self, *args: Any) -> Any:
        self._statements.wait()
        return self._conn.executemany(*args)

    def __getattr__(self, name: str) -> Any:
        self._statements.wait()
        return getattr(self._conn, name)
