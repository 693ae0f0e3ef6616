"""A bulk write's statements on a thread of their own (store/statements.py): run in order,
the first failure said to the writer and nothing after it run, and every other use of the
connection made after what is queued."""

from __future__ import annotations

import threading
import time

import pytest

from importer_gui.core.store.statements import Drained, Statements


def test_statements_run_in_order_and_nothing_runs_after_a_failure() -> None:
    ran: list[int] = []

    def fails() -> None:
        raise ValueError("UNIQUE constraint failed: teacher.login")

    statements = Statements()
    try:
        statements.call(ran.append, 1)
        statements.call(ran.append, 2)
        statements.call(fails)
        statements.call(ran.append, 3)
        with pytest.raises(ValueError, match=r"teacher\.login"):
            statements.wait()
        with pytest.raises(ValueError, match=r"teacher\.login"):  # said again, never run
            statements.call(ran.append, 4)
    finally:
        statements.close()
    assert ran == [1, 2]


def test_the_connection_is_used_after_the_statements_queued() -> None:
    done = threading.Event()

    class Conn:
        def execute(self, sql: str) -> bool:
            return done.is_set()  # what the engine would read: written already

    def slow_write() -> None:
        time.sleep(0.2)
        done.set()

    statements = Statements()
    try:
        statements.call(slow_write)
        assert Drained(Conn(), statements).execute("SELECT 1") is True
    finally:
        statements.close()


def test_statements_left_when_the_write_gives_up_are_not_run() -> None:
    ran: list[int] = []
    started, go_on = threading.Event(), threading.Event()

    def first() -> None:
        started.set()
        go_on.wait()
        ran.append(1)

    statements = Statements()
    statements.call(first)
    statements.call(ran.append, 2)
    started.wait()
    # The statement running ends once the write has given up: the one behind it is dropped.
    threading.Timer(0.2, go_on.set).start()
    statements.close(dropping=True)
    assert ran == [1]
