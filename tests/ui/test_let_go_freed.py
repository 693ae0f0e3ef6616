"""A plan the window lets go of is freed at once in the background when no task runs, a
piece at a time off the window's thread; it yields to a check or a commit the user starts,
and stops when the app quits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from pytestqt.qtbot import QtBot

from importer_gui.core.plan import Plan
from importer_gui.ui import tasks
from importer_gui.ui.freeing import PIECE, Freeing, LetGo
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.base import let_go
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.tasks import LET_GO, free_in_background, stop_freeing
from tests.ui.test_plan_freeing import Leaf, freed_on
from tests.ui.test_preview_commit import teacher_state
from tests.ui.wizards import preview_and_commit


class Bulky:
    """Plan-like: rows of small objects, with a leaf at each end of them that says on which
    thread it was freed (the last row is freed first, the first row last: once it is, all
    is; the object itself goes first)."""

    def __init__(self, rows: int) -> None:
        self.first: list[int] = []
        self.last: list[int] = []
        self.rows = [Leaf(self.first), *((n, str(n), [n]) for n in range(rows)),
                     Leaf(self.last)]


def let_go_of(held: list[Bulky]) -> tuple[list[int], list[int]]:
    """Let go of the bulky structure ``held`` alone holds (freed in the background): the
    threads its first and last rows are freed on."""
    first, last = held[0].first, held[0].last
    LET_GO.add(held.pop())
    free_in_background()  # once nothing else holds it: only what nothing else holds is opened
    return first, last


@pytest.fixture(autouse=True)
def no_task_running() -> Iterator[None]:
    """No task of an earlier test is still running; nothing let go of is left behind."""
    QThreadPool.globalInstance().waitForDone()
    yield
    free_in_background()  # after a test that stopped it, as after a quit
    QThreadPool.globalInstance().waitForDone()
    LET_GO.free_all()


def slowed(look: Callable[[tasks._Background], bool]) -> Callable[[tasks._Background], bool]:
    """The background freeing's look between two pieces, 2 ms longer: the freeing of a few
    hundred pieces is still under way (for half a second or more) when a test acts."""
    def look_slowly(background: tasks._Background) -> bool:
        time.sleep(0.002)
        return look(background)
    return look_slowly


@pytest.fixture
def slow_freeing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A freeing in the background that takes long enough to act during it (``slowed``)."""
    monkeypatch.setattr(tasks._Background, "_yield", slowed(tasks._Background._yield))


def test_a_plan_let_go_while_no_task_runs_is_freed_at_once_off_the_window_thread(
        tmp_path: Path, qtbot: QtBot) -> None:
    state = teacher_state(tmp_path)
    plan = Plan(config=state.session.choices.config)
    ref, threads = weakref.ref(plan), freed_on(plan)
    state.session.set_plan(plan)
    del plan
    let_go(state.session)
    qtbot.waitUntil(lambda: ref() is None, timeout=5_000)
    assert threads and threads != [threading.get_ident()]


def test_back_after_a_commit_frees_the_committed_plan_without_a_check(
        tmp_path: Path, qtbot: QtBot) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(500))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    wizard, preview, commit = preview_and_commit(state, qtbot)
    plan = state.session.choices.plan
    assert plan is not None
    ref, threads = weakref.ref(plan), freed_on(plan)
    del plan
    wizard.next()
    qtbot.waitUntil(lambda: commit.result is not None, timeout=10_000)
    commit.cleanupPage()  # what Back does to the commit page, with no check after it
    qtbot.waitUntil(lambda: ref() is None, timeout=5_000)
    assert not preview.is_checking() and not commit.is_running()
    assert threads and threads != [threading.get_ident()]


def test_a_large_structure_is_freed_on_a_worker_and_the_window_keeps_ticking(
        qtbot: QtBot) -> None:
    held = [Bulky(300_000)]  # about a million small objects
    began: list[float] = []  # when its last row is freed (the first freed), and its first row
    ended: list[float] = []
    weakref.finalize(held[0].rows[-1], lambda: began.append(time.perf_counter()))
    weakref.finalize(held[0].rows[0], lambda: ended.append(time.perf_counter()))
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= 2)
    first, last = let_go_of(held)
    qtbot.waitUntil(lambda: bool(first), timeout=10_000)
    timer.stop()
    window_thread = threading.get_ident()
    assert first and first == last and first != [window_thread]  # one worker, not the window
    # The window ran while the worker freed: freed in one go, by a worker or here, the GIL
    # would be held from the first row to the last, and no tick could fall between them.
    # (How long the window waits is not asserted: a busy machine stalls it by itself.)
    assert began and ended and [t for t in ticks if began[0] < t < ended[0]], (began, ended)


@pytest.mark.usefixtures("slow_freeing")
def test_a_check_started_while_freeing_runs_and_takes_over_the_rest(
        tmp_path: Path, qtbot: QtBot) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(200))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    page = PreviewPage(state)
    qtbot.addWidget(page)
    first, last = let_go_of([Bulky(300 * PIECE)])
    qtbot.waitUntil(lambda: bool(last), timeout=5_000)  # the freeing is under way
    page.start_check()
    qtbot.waitUntil(lambda: not page.is_checking(), timeout=10_000)
    assert page.model.rowCount() == 200
    assert first  # the check's worker freed the rest first
    assert threading.get_ident() not in first + last
    assert first != last  # the freeing in the background handed the rest over


@pytest.mark.usefixtures("slow_freeing")
def test_closing_the_window_while_freeing_returns_promptly_and_quitting_stops_it(
        window: MainWindow, qtbot: QtBot) -> None:
    first, last = let_go_of([Bulky(300 * PIECE)])
    qtbot.waitUntil(lambda: bool(last), timeout=5_000)  # the freeing is under way
    began = time.perf_counter()
    window.close()
    assert time.perf_counter() - began < 1.0
    began = time.perf_counter()
    assert stop_freeing()  # what the app's aboutToQuit calls
    assert time.perf_counter() - began < 1.0
    assert not first  # stopped between two pieces, the rest still let go of
    free_in_background()  # asked again (no quit follows in a test)
    qtbot.waitUntil(lambda: bool(first), timeout=10_000)
    assert first and threading.get_ident() not in first


def test_a_freeing_stops_between_two_pieces_and_goes_on_later() -> None:
    freed: list[int] = []
    leaves = [Leaf(freed) for _ in range(3 * PIECE + 7)]
    freeing = Freeing({"rows": leaves})
    del leaves
    assert not freeing.run(lambda: bool(freed))  # stops after the first piece
    assert len(freed) == PIECE
    assert freeing.run()
    assert len(freed) == 3 * PIECE + 7


def test_a_thread_freeing_all_takes_over_from_the_background_within_a_piece() -> None:
    let_go_ = LetGo()
    first: list[int] = []
    last: list[int] = []
    let_go_.add([Leaf(first), *([n] for n in range(100 * PIECE)), Leaf(last)])
    background = threading.Thread(target=let_go_.free_in_background,
                                  args=(lambda: time.sleep(0.01) or False, 0.0))  # a second
    background.start()
    while not last:
        time.sleep(0.001)
    let_go_.free_all()
    background.join(1.0)
    assert not background.is_alive() and not let_go_
    assert first == [threading.get_ident()] and last == [background.ident]


QUIT_WHILE_FREEING = """
import gc, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from importer_gui.ui import tasks
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.tasks import LET_GO, free_in_background

look = tasks._Background._yield
tasks._Background._yield = lambda self: time.sleep(0.002) or look(self)  # seconds of freeing
app = QApplication([])
window = MainWindow(Path(sys.argv[1]))
window.show()
held = [[(n, str(n), [n]) for n in range(1_000_000)]]
gc.freeze()  # as a checked plan is

def let_go_and_close():
    LET_GO.add(held.pop())
    free_in_background()
    QTimer.singleShot(100, window.close)

QTimer.singleShot(0, let_go_and_close)
code = app.exec()
stopped = tasks._background._pool.activeThreadCount() == 0  # by aboutToQuit
print("quit", code, "stopped" if stopped else "running", "with the rest let go of" if LET_GO
      else "all freed", flush=True)
"""


def test_quitting_while_freeing_stops_it_and_the_app_ends(tmp_path: Path) -> None:
    """The real quit path: the last window closes, the event loop ends, the interpreter ends
    with the freeing stopped between two pieces (no thread of ours left running Python)."""
    done = subprocess.run([sys.executable, "-c", QUIT_WHILE_FREEING,
                           str(tmp_path / "store.sqlite3")],
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "quit 0 stopped with the rest let go of"
