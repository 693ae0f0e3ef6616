"""A check cancelled while a workbook's sheet is measured or loaded stops at once: the
sheet's load (one call into calamine, which cannot be stopped) ends in its own thread, and
a check started right after reads the workbook whole."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import config_xml, pipeline, readers
from importer_gui.core.config import ImportConfig
from importer_gui.core.errors import Cancelled
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import workbooks
from importer_gui.core.store import Store
from tests.builders import TEACHER_COLUMNS, ImportSpec, write_config, write_xlsx


class HeldLoads:
    """calamine's loads of a check's sheets held until released, each noted as it starts."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.release = threading.Event()
        self.started: list[threading.Thread] = []
        self.began = threading.Event()

    def __call__(self, *args: Any) -> Any:
        self.started.append(threading.current_thread())
        self.began.set()
        self.release.wait(30)
        return self.real(*args)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldLoads]:
    loads = HeldLoads(workbooks._load_sheet)
    monkeypatch.setattr(workbooks, "_load_sheet", loads)
    yield loads
    loads.release.set()
    for thread in loads.started:
        thread.join(30)


def teachers(folder: Path) -> ImportConfig:
    """A teachers' workbook of three rows, and its configuration."""
    write_xlsx(folder / "teachers.xlsx", [TEACHER_COLUMNS, *(
        [f"t{n}", "Name", "First", f"t{n}@example.org"] for n in range(3))])
    return config_xml.load(write_config(
        folder, ImportSpec("teachers.xlsx", TEACHER_COLUMNS, "createOrUpdateTeacherAction")))


def test_a_cancel_during_the_sheets_load_stops_the_check_while_it_loads(
        tmp_path: Path, held: HeldLoads) -> None:
    config = teachers(tmp_path)
    with Store.open(tmp_path / "store.sqlite3") as store:
        with pytest.raises(Cancelled):
            pipeline.check(config, store, monitor=Monitor(cancelled=held.began.is_set))
        assert not held.release.is_set()
        [loading] = held.started
        assert loading.is_alive()  # the check said it stopped while the sheet still loads
        held.release.set()
        plan = pipeline.check(config, store)
    assert [row.line for row in plan.imports[0].rows] == [2, 3, 4]
    assert len(held.started) == 2


def test_a_check_cancelled_before_its_workbook_is_loaded_never_loads_it(
        tmp_path: Path, held: HeldLoads) -> None:
    config = teachers(tmp_path)
    held.release.set()
    with Store.open(tmp_path / "store.sqlite3") as store, pytest.raises(Cancelled):
        pipeline.check(config, store, monitor=Monitor(cancelled=lambda: True))
    assert held.started == []


def test_a_sheets_measuring_hears_the_cancel(tmp_path: Path) -> None:
    teachers(tmp_path)
    with pytest.raises(Cancelled):
        readers.prepare(tmp_path / "teachers.xlsx", readers.MemoryBudget(),
                        monitor=Monitor(cancelled=lambda: True))
