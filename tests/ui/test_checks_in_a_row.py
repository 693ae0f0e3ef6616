"""Checks in a row in the window: each plan is frozen out of the cycle collector's reach,
and the plans before it are still freed (issue 18)."""

from __future__ import annotations

import gc
import tracemalloc
import weakref
from pathlib import Path

import pytest

from importer_gui.ui import collector
from importer_gui.ui.pages.preview_page import PreviewPage
from tests.ui.test_preview_commit import teacher_state


class Cycle:
    """Garbage that only the cycle collector frees, made while a check runs."""

    def __init__(self) -> None:
        self.me = self


def test_six_checks_in_a_row_keep_memory_flat(tmp_path: Path, qtbot: object,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    rows = "".join(f"t{n};Name {n};t{n}@example.org\n" for n in range(3000))
    state = teacher_state(tmp_path, "Login;Name;E-mail\n" + rows)
    page = PreviewPage(state)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    page.runner.synchronous = True
    plans, frozen, traced = [], [], []
    cycles: list[weakref.ref[Cycle]] = []
    page.runner.progressed.connect(lambda *_: cycles.append(weakref.ref(Cycle())))
    tracemalloc.start()
    try:
        for _ in range(6):
            page.start_check()
            plan = state.session.choices.plan
            assert plan is not None and page.model.rowCount() == 3000
            plans.append(weakref.ref(plan))
            del plan
            frozen.append(gc.get_freeze_count())
            traced.append(tracemalloc.get_traced_memory()[0])
    finally:
        tracemalloc.stop()
    assert [plan() is None for plan in plans] == [True] * 5 + [False]
    # The garbage cycles the checks left frozen wait until they outgrow a quarter of what
    # the window holds (test_plan_freeing), which six small checks never reach: that
    # moment made now, they are all freed.
    monkeypatch.setattr(collector, "_settled", [0])
    collector.collect_frozen_garbage()
    assert cycles and all(cycle() is None for cycle in cycles[:len(cycles) // 2])
    assert gc.get_freeze_count() > 3000  # the shown plan is frozen: the collector skips it
    # The first check may leave caches behind; after it, nothing grows from check to check
    # (a store's garbage model classes frozen for good would add some 1,000 objects each).
    assert max(frozen[1:]) - min(frozen[1:]) < 500, frozen
    assert max(traced[1:]) - min(traced[1:]) < 200_000, traced
