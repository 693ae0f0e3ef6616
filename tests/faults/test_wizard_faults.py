"""In the wizard, whatever a reader raises during the preview's check is a message on the page.

The check runs in the window's background worker, which turns the project's errors into
messages; a Rust panic is a BaseException and used to end the worker without a word (the
page waited for ever), and running out of memory was "something unexpected".
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest
import python_calamine
from openpyxl import Workbook

from importer_gui.core import pipeline
from importer_gui.core.config import Column
from importer_gui.core.readers import workbooks
from importer_gui.ui.pages.preview_page import PreviewPage
from importer_gui.ui.state import WizardState
from tests.builders import TEACHER_COLUMNS, rewrite_package, write_xlsx
from tests.faults.test_hostile_workbooks import TEACHERS

PANIC = "index out of bounds: the len is 3 but the index is 7"


@pytest.fixture(scope="module")
def panic_type(tmp_path_factory: pytest.TempPathFactory) -> type[BaseException]:
    """pyo3's PanicException, from a real panic of calamine: a date cell far out of range."""
    path = tmp_path_factory.mktemp("panic") / "dates.xlsx"
    book = Workbook()
    book.active.append(["2024-01-01"])
    book.active["A1"].number_format = "yyyy-mm-dd"
    book.active["A1"].value = 45292
    book.save(path)
    rewrite_package(path, {"xl/worksheets/sheet1.xml":
                           lambda data: data.replace(b"<v>45292</v>", b"<v>-1E+20</v>")})
    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Sheet")
    try:
        list(sheet.iter_rows())
    except BaseException as exc:
        return type(exc)
    pytest.fail("calamine did not panic")


class _PanickingWorkbook:
    """A calamine workbook whose sheets panic as they load."""

    def __init__(self, workbook: Any, panic: type[BaseException]) -> None:
        self._workbook, self._panic = workbook, panic

    def __getattr__(self, name: str) -> Any:
        return getattr(self._workbook, name)

    def __enter__(self) -> _PanickingWorkbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self._workbook.close()

    def get_sheet_by_name(self, name: str) -> Any:
        raise self._panic(PANIC)


def panicking_calamine(panic: type[BaseException]) -> types.SimpleNamespace:
    """python_calamine, but every sheet it loads panics."""
    fake = types.SimpleNamespace(**vars(python_calamine))
    real = python_calamine.CalamineWorkbook
    fake.CalamineWorkbook = types.SimpleNamespace(
        from_path=lambda path: _PanickingWorkbook(real.from_path(path), panic))
    return fake


def preview_of(tmp_path: Path, qtbot: Any) -> tuple[PreviewPage, Path]:
    """A preview page over a teacher workbook, its check not started."""
    data = write_xlsx(tmp_path / "teachers.xlsx", TEACHERS)
    columns = [Column(name, header=name) for name in TEACHER_COLUMNS]
    state = WizardState(tmp_path / "data" / "store.sqlite3")
    state.session.set_config(pipeline.new_config(data, "createOrUpdateTeacherAction", columns),
                             [data])
    page = PreviewPage(state)
    qtbot.addWidget(page)
    return page, data


def checked_in_the_background(page: PreviewPage, qtbot: Any) -> str:
    """Run the page's check in its worker thread, as the wizard does; the message shown."""
    with qtbot.waitSignal(page.runner.finished, timeout=30_000):
        page.start_check()
    assert not page.isComplete()
    return page.error_label.text()


def test_a_panic_while_a_sheet_loads_is_a_message_on_the_page(
        tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch,
        panic_type: type[BaseException]) -> None:
    page, data = preview_of(tmp_path, qtbot)
    monkeypatch.setattr(workbooks, "calamine", panicking_calamine(panic_type))
    assert checked_in_the_background(page, qtbot) == (
        f"{data}: the sheet 'Sheet1' cannot be read; the workbook may be damaged ({PANIC})")


def test_running_out_of_memory_while_reading_is_a_message_on_the_page(
        tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page, _ = preview_of(tmp_path, qtbot)

    def no_memory(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(workbooks, "_batch_cells", no_memory)
    assert checked_in_the_background(page, qtbot) == (
        "There is not enough memory to check these files; nothing was written. Check fewer "
        "or smaller files at a time, or close other programs.")
