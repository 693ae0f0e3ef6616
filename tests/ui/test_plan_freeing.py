"""The shown plan is freed by the worker of the next check, in pieces, never on the window's
thread: dropping a million-row plan there held the GIL for 0.19 s (issue 18)."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable
from pathlib import Path

from importer_gui.core.plan import Plan
from importer_gui.ui.freeing import PIECE, free_in_pieces
from importer_gui.ui.pages.base import kept_off_the_collector, let_go
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.tasks import TaskRunner
from tests.ui.test_preview_commit import edit, teacher_state
from tests.ui.wizards import preview_and_commit


class Leaf:
    """An object whose freeing is seen, and on which thread."""

    def __init__(self, freed: list[int]) -> None:
        weakref.finalize(self, lambda: freed.append(threading.get_ident()))


def freed_on(plan: Plan) -> list[int]:
    """The thread ids that the plan's finalizer will record (one, once it is freed)."""
    threads: list[int] = []
    weakref.finalize(plan, lambda: threads.append(threading.get_ident()))
    return threads


def test_what_only_the_root_holds_is_emptied_and_freed() -> None:
    freed: list[int] = []
    big = [Leaf(freed) for _ in range(3 * PIECE + 7)]
    index = {n: Leaf(freed) for n in range(2 * PIECE + 1)}
    root = {"rows": [big], "index": index}
    del big, index
    free_in_pieces(root)
    del root
    assert len(freed) == 5 * PIECE + 8


def test_what_someone_else_holds_is_left_whole() -> None:
    shared = list(range(3 * PIECE))
    kept = {n: n for n in range(3 * PIECE)}
    free_in_pieces({"shared": shared, "kept": kept, "mine": list(range(3 * PIECE))})
    assert shared == list(range(3 * PIECE)) and kept == {n: n for n in range(3 * PIECE)}


def test_a_plan_let_go_while_a_task_runs_is_freed_by_the_next_worker(
        tmp_path: Path, qtbot: object) -> None:
    state = teacher_state(tmp_path)
    plan = Plan(config=state.session.choices.config)
    threads = freed_on(plan)
    state.session.set_plan(plan)
    del plan
    release = threading.Event()
    busy = TaskRunner()
    busy.run(lambda _m: release.wait(10), lambda _r: None)  # no freeing in the background
    try:
        let_go(state.session)
        assert state.session.choices.plan is None and not threads  # let go, not freed yet
        runner = TaskRunner()
        done: list[object] = []
        runner.run(lambda _m: kept_off_the_collector(lambda: 1, shown_plan_dropped=True),
                   done.append)
        qtbot.waitUntil(lambda: bool(done))  # type: ignore[attr-defined]
        assert threads and threads != [threading.get_ident()]
    finally:
        release.set()
        busy.wait()


def test_a_check_started_frees_the_shown_plan_off_the_window_thread(
        tmp_path: Path, qtbot: object) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(500))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    page = PreviewPage(state)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.start_check()
    qtbot.waitUntil(lambda: not page.is_checking())  # type: ignore[attr-defined]
    plan = state.session.choices.plan
    assert plan is not None and page.model.rowCount() == 500
    threads = freed_on(plan)
    del plan
    page.start_check()
    qtbot.waitUntil(lambda: not page.is_checking())  # type: ignore[attr-defined]
    assert state.session.choices.plan is not None
    assert threads and threads != [threading.get_ident()]


def test_back_after_a_commit_frees_the_committed_plan_off_the_window_thread(
        tmp_path: Path, qtbot: object) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(500))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    wizard, preview, commit = preview_and_commit(state, qtbot)
    plan = state.session.choices.plan
    assert plan is not None
    threads = freed_on(plan)
    del plan
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)  # type: ignore[attr-defined]
    wizard.back()  # the preview checks again, against the store as it now is
    qtbot.waitUntil(preview.shows_plan, timeout=10_000)  # type: ignore[attr-defined]
    assert threads and threads != [threading.get_ident()]


def test_the_result_of_a_replaced_task_is_freed_in_its_worker(qtbot: object) -> None:
    release, freed, delivered = threading.Event(), [], []

    def first(_monitor: object) -> list[Leaf]:
        release.wait(10)  # finishes after the second task replaced it
        return [Leaf(freed) for _ in range(3 * PIECE)]

    runner = TaskRunner()
    runner.run(first, delivered.append)
    runner.run(lambda _m: "second", delivered.append)
    release.set()
    runner.wait()  # the workers are done before the window's thread handles what they sent
    qtbot.waitUntil(lambda: delivered == ["second"] and len(freed) == 3 * PIECE)  # type: ignore[attr-defined]
    assert set(freed) and threading.get_ident() not in freed


def test_an_edited_plan_checked_again_at_commit_is_freed_off_the_window_thread(
        tmp_path: Path, qtbot: object) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(500))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    wizard, preview, commit = preview_and_commit(state, qtbot)
    edit(preview, 3, 2, "Renamed")  # an edited cell: the commit page checks every row again
    edited = state.session.choices.plan
    assert edited is not None and state.session.choices.plan_edited
    threads = freed_on(edited)
    del edited
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)  # type: ignore[attr-defined]
    assert threads and threads != [threading.get_ident()]


def collections_walking(target: object, walked: list[bool]) -> Callable[[str, dict], None]:
    """A gc callback noting, for each collection on this thread, whether it walks ``target``."""
    here = threading.get_ident()

    def note(phase: str, info: dict) -> None:
        if phase == "start" and threading.get_ident() == here:
            walked.append(any(o is target for generation in range(info["generation"] + 1)
                              for o in gc.get_objects(generation)))
    return note


def test_a_check_starts_without_walking_the_window_and_frozen_garbage_stays_bounded(
        tmp_path: Path, qtbot: object) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(50))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    page = PreviewPage(state)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    freed_on: list[int] = []
    runner, done = TaskRunner(), []

    def garbage() -> None:  # more cycles than all that is frozen: past a quarter of it
        leaf = Leaf(freed_on)
        leaf.me = leaf  # type: ignore[attr-defined]
        for _ in range(gc.get_freeze_count() + 1):
            cycle: list[object] = []
            cycle.append(cycle)
    for count, work in enumerate((garbage, lambda: None), 1):  # left frozen, then freed
        runner.run(lambda _m, w=work: kept_off_the_collector(w, shown_plan_dropped=True),
                   done.append)
        qtbot.waitUntil(lambda c=count: len(done) == c)  # type: ignore[attr-defined]
    assert freed_on == [threading.get_ident()]
    walked: list[bool] = []
    gc.callbacks.append(collections_walking(page, walked))
    try:
        page.start_check()
        qtbot.waitUntil(lambda: not page.is_checking())  # type: ignore[attr-defined]
    finally:
        gc.callbacks.pop()
    assert page.model.rowCount() == 50 and walked and not any(walked)
