"""What the runner times in child processes, one probe per process (so peak memory is its).

``python -m bench.probes openpyxl FILE...``  the floor: iterate every row, read-only.
``python -m bench.probes calamine FILE...``  the fastest reader: load and iterate each sheet.
``python -m bench.probes naive DB FILE...``  one peewee create() per row, in autocommit.
``python -m bench.probes preview DIR SMALL_DIR``  the preview model, offscreen (prints JSON).
``python -m bench.probes gui-wait DIR``  the main thread's waits during a CSV check (JSON).
``python -m bench.probes open-wait FILE``  the window's longest wait opening a file (JSON).
``python -m bench.probes config-wait CONFIG``  the same, a configuration on to its checked preview.
The million case (``bench.million``) measures a preview page's checks with ``page_check_waits``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def window_app() -> Any:
    """The probe's QApplication, in a process whose C allocator is settled as the app's own
    process settles it (``cli.main_process``, which starts the wizard too): the window's
    figures are the app's, not those of a process that lets glibc raise its threshold."""
    from PySide6.QtWidgets import QApplication

    from importer_gui.core import allocator

    allocator.settle()
    return QApplication.instance() or QApplication(["bench"])


def openpyxl_rows(files: list[str]) -> int:
    """Iterate every row of every workbook with openpyxl in read-only mode."""
    import openpyxl

    count = 0
    for name in files:
        book = openpyxl.load_workbook(name, read_only=True, data_only=True)
        for _row in book.worksheets[0].iter_rows(values_only=True):
            count += 1
        book.close()
    return count


def _calamine_rows(files: list[str]) -> Iterator[list[Any]]:
    from python_calamine import CalamineWorkbook

    for name in files:
        book = CalamineWorkbook.from_path(name)
        sheet = book.get_sheet_by_index(0)
        yield from sheet.iter_rows()


def calamine_rows(files: list[str]) -> int:
    """Load and iterate every sheet with python-calamine."""
    return sum(1 for _row in _calamine_rows(files))


def naive(db_path: str, files: list[str]) -> int:
    """What peers do: one ORM create() per row, each its own transaction."""
    import peewee as pw

    db = pw.SqliteDatabase(db_path)
    count = 0
    for name in files:
        rows = iter(_calamine_rows([name]))
        header = next(rows)
        columns = {f"c{i}": pw.TextField(null=True) for i in range(len(header))}
        model = type(Path(name).stem.capitalize(), (pw.Model,),
                     {**columns, "Meta": type("Meta", (), {"database": db})})
        db.create_tables([model])
        for row in rows:
            model.create(**{f"c{i}": None if v is None else str(v) for i, v in enumerate(row)})
            count += 1
    db.close()
    return count


def _timed(call: Callable[[], Any], repeat: int = 1) -> float:
    """The median seconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _timed_sorts(model: Any, column: int, qt: Any, app: Any, repeat: int = 3,
                 reset: Callable[[], None] | None = None) -> tuple[float, float, float]:
    """The median seconds of sorting by ``column`` from file order, its keys made anew each
    time (the plan shown again, untimed: sorting rows already in order would be quicker than
    what a user meets), and of sorting it again the other way right after (a second click on
    its header); a sort the model runs in the background is timed until the rows are shown
    sorted, the window's event loop running meanwhile. Third, the window thread's longest
    wait through them all: the sort's call, a wait while the sort runs (``loop_waits``), or
    the rows' painting in their new order.
    What a sort let go of is freed between two, untimed, as the window frees it in the
    background meanwhile. ``reset`` shows the rows in their own order again, no keys kept
    (a preview model's: sorted by line, then reloaded)."""
    from importer_gui.ui.tasks import LET_GO

    firsts, agains, waits = [], [], []

    def timed(order: Any) -> float:
        start = time.perf_counter()
        model.sort(column, order)
        waits.append(time.perf_counter() - start)
        waits.extend(loop_waits(lambda: model.sorting, 600))
        if model.sorting:
            raise SystemExit("the preview's sort did not end within 10 minutes")
        took = time.perf_counter() - start
        waits.extend(loop_waits(_for(0.2), 1))  # the rows painted in their new order
        return took

    def file_order() -> None:
        model.sort(0, qt.SortOrder.AscendingOrder)  # back to file order, which needs no keys
        model.reload()  # no keys kept

    for _ in range(repeat):
        (reset or file_order)()
        LET_GO.free_all()
        loop_waits(_for(0.2), 1)  # the rows shown again laid out and painted, as long before
        firsts.append(timed(qt.SortOrder.DescendingOrder))
        agains.append(timed(qt.SortOrder.AscendingOrder))
        LET_GO.free_all()
    return statistics.median(firsts), statistics.median(agains), max(waits)


def preview(folder: str, small: str) -> dict[str, float]:
    """First paint after the check, sort, filter, and one-row rechecks at two sizes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel, RowFilter

    app = window_app()
    figures: dict[str, float] = {}
    big_state, big_plan = _checked_state(Path(folder))

    figures["page_first_paint"] = _page_first_paint(Path(folder), app)
    start = time.perf_counter()
    model = PreviewModel(big_state)
    view = QTableView()
    painted = _Paints(view.viewport())
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    figures["first_paint"] = painted.first_after(start, app) - start
    figures["rows"] = model.rowCount()
    title = FIRST_VALUE_COLUMN + 2  # the session title: text, not already in order
    figures["sort"], figures["sort_again"], _wait = _timed_sorts(model, title, Qt, app)
    figures["filter"] = _timed(lambda: (model.set_filter(RowFilter.ERRORS),
                                        model.set_filter(RowFilter.ALL)), 3) / 2
    figures["recheck_big"] = _recheck_time(model, app)
    small_state, _plan = _checked_state(Path(small))
    figures["recheck_small"] = _recheck_time(PreviewModel(small_state), app)
    figures["rows_small"] = sum(len(i.rows) for i in _plan.imports)
    figures["rows_big"] = sum(len(i.rows) for i in big_plan.imports)
    view.close()
    return figures


def _page_first_paint(folder: Path, app: Any) -> float:
    """Seconds from the end of the preview page's own check to its table's first paint."""
    from PySide6.QtWidgets import QWizard

    from importer_gui.core import config_xml, pipeline
    from importer_gui.ui.pages.preview_page import PreviewPage
    from importer_gui.ui.state import WizardState

    with tempfile.TemporaryDirectory() as temp:
        state = WizardState(Path(temp) / "store.db")
        config = config_xml.load(folder / "config.xlsx.xml")
        state.session.set_config(config, pipeline.resolve_data_files(config))
        ended: list[float] = []  # connected before the page is: called before it shows the plan

        def plan_changed() -> None:  # the page lets the last plan go (None) as its check starts
            if state.session.choices.plan is not None:
                ended.append(time.perf_counter())

        state.plan_changed.connect(plan_changed)
        page = PreviewPage(state)
        painted = _Paints(page.table.viewport())
        wizard = QWizard()
        wizard.addPage(page)
        wizard.resize(1280, 800)
        wizard.show()  # entering the page starts its check in the background
        deadline = time.perf_counter() + 300
        while not ended and time.perf_counter() < deadline:
            app.processEvents()
        if not ended:
            raise SystemExit("the preview page's check did not end")
        seconds = painted.first_after(ended[0], app) - ended[0]
        wizard.close()
        return seconds


class _Paints:
    """When a widget was painted."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.times: list[float] = []
        times = self.times

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    times.append(time.perf_counter())
                return False

        self._watch = Watch()
        widget.installEventFilter(self._watch)

    def first_after(self, moment: float, app: Any, timeout: float = 30) -> float:
        """The first paint after ``moment``, processing events until there is one."""
        while time.perf_counter() - moment < timeout:
            later = [t for t in self.times if t > moment]
            if later:
                return later[0]
            app.processEvents()
        raise SystemExit("nothing was painted")


def gui_wait(folder: str) -> dict[str, float]:
    """While a CSV check runs in a worker thread (as the wizard runs it), how long the main
    thread waits to run again after a 5 ms sleep: what a window's clicks and paints wait."""
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.store import Store

    window_app()  # the window's process: its worker checks as the wizard's does

    def check() -> None:
        with tempfile.TemporaryDirectory() as temp, Store.open(Path(temp) / "s.db") as store:
            pipeline.check(config_xml.load(Path(folder) / "config.csv.xml"), store)

    return waits_beside(check)


def waits_beside(work: Callable[[], None]) -> dict[str, float]:
    """How long this thread waits to run again after a 5 ms sleep while ``work`` runs in a
    worker thread: the worst wait and the 99th percentile."""
    import threading

    worker = threading.Thread(target=work)
    worker.start()
    waits = []
    while worker.is_alive():
        start = time.perf_counter()
        time.sleep(0.005)
        waits.append(time.perf_counter() - start - 0.005)
    worker.join()
    waits.sort()
    return {"worst": waits[-1], "p99": waits[int(len(waits) * 0.99)]}


@contextmanager
def _shown_window() -> Iterator[tuple[Any, Any]]:
    """The application and a main window shown at 1280x800 on a new store, its settings in a
    folder of its own (no recent file of the user's touched)."""
    import os

    app = window_app()
    with tempfile.TemporaryDirectory() as temp:
        os.environ["IMPORTER_GUI_CONFIG_DIR"] = temp
        from importer_gui.ui.main_window import MainWindow

        window = MainWindow(Path(temp) / "store.sqlite3")
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        yield app, window


def open_waits(path: str) -> dict[str, float]:
    """A data file opened in the wizard as a user opens it, then Next to the action, mapping
    and configuration pages: how long this thread waits to run again (after a 5 ms sleep, or
    busy with the window's events, or in the click itself) until each page shows the file."""
    with _shown_window() as (app, window):
        from importer_gui.ui.wizard import CONFIG

        wizard = window.wizard
        waits: list[float] = []
        figures: dict[str, float] = {}
        steps = [("open", lambda: window.open_file(Path(path)))] + [
            (name, wizard.next) for name in ("action", "mapping", "configuration")]
        for name, step in steps:
            waited = _waits_until_idle(step, wizard, app)
            figures[name] = max(waited)  # which page's wait is the longest
            waits += waited
        if wizard.currentId() != CONFIG:
            raise SystemExit(f"the wizard stopped on page {wizard.currentId()}")
        window.close()
    waits.sort()
    return {**figures, "worst": waits[-1], "p99": waits[int(len(waits) * 0.99)]}


def config_waits(path: str, timeout: float = 300) -> dict[str, float]:
    """A saved configuration opened as a user opens it: the wizard goes on to its preview,
    which checks every file. How long this thread waits to run again (after a 5 ms sleep, or
    busy with the window's events) from the opening until the checked plan is shown and
    painted; and how long showing the plan held it (the check's result handed over). The
    waits after a sleep alone ("slept"): the workers holding the GIL, not the window's own
    work."""
    with _shown_window() as (app, window):
        from importer_gui.ui.wizard import PREVIEW

        wizard, page = window.wizard, window.wizard.preview_page
        shown: list[float] = []
        real = page._on_checked

        def on_checked(*args: Any) -> None:
            before = time.perf_counter()
            real(*args)
            shown.append(time.perf_counter() - before)

        page._on_checked = on_checked  # type: ignore[method-assign]
        slept: list[float] = []
        start = time.perf_counter()
        window.open_file(Path(path))
        waits = [time.perf_counter() - start, *waits_while(
            app, lambda: not (wizard.currentId() == PREVIEW and page.shows_plan()), start,
            timeout, slept)]
        before = time.perf_counter()
        app.processEvents()  # the plan painted
        waits.append(time.perf_counter() - before)
        if not page.shows_plan():
            raise SystemExit("the preview's check did not end")
        window.close()
    waits.sort()
    slept.sort()
    return {"plan shown": shown[-1] if shown else 0.0, "worst": waits[-1],
            "p99": waits[int(len(waits) * 0.99)], "slept worst": slept[-1] if slept else 0.0,
            "slept p99": slept[int(len(slept) * 0.99)] if slept else 0.0}


def refresh_waits(config: str, store: str, previews: int = 3) -> dict[str, float]:
    """Tools ▸ Refresh… of an export ``store`` already holds, previewed again as the user
    previews it: the window thread's longest wait from the click until the preview ("the
    store already holds what the exports hold") is shown and painted, each of ``previews``
    times; their median."""
    from importer_gui.ui.refresh_dialog import RefreshDialog

    app = window_app()
    warm_views(app)
    dialog = RefreshDialog(Path(store), config_path=Path(config))
    dialog.resize(1280, 800)
    dialog.show()
    loop_waits(lambda: dialog.runner.busy, 600)  # the preview made as it opens
    worsts = []
    for _ in range(previews):
        start = time.perf_counter()
        dialog.preview()
        waits = [time.perf_counter() - start, *loop_waits(lambda: dialog.runner.busy, 600)]
        waits += loop_waits(_for(0.2), 1)  # the preview painted
        worsts.append(max(waits))
    if dialog.runner.busy or dialog.refresh_button.isEnabled():
        raise SystemExit(f"the refresh preview did not end unchanged: {dialog.status.text()}")
    dialog.close()
    return {"worst": statistics.median(worsts)}


def warm_views(app: Any) -> None:
    """PySide makes its enum types on first use, once per process (a third of a second):
    the window has made them long before a view is shown."""
    from PySide6.QtWidgets import QTableView

    warm = QTableView()
    warm.viewport()
    warm.show()
    app.processEvents()
    warm.close()


# How often the event loop's probe looks at the time (``loop_waits``).
TICK = 0.005


def _for(seconds: float) -> Callable[[], bool]:
    """True for the next ``seconds``: ``loop_waits(_for(s), ...)`` runs the event loop so."""
    end = time.perf_counter() + seconds
    return lambda: time.perf_counter() < end


def loop_waits(busy: Callable[[], bool], timeout: float) -> list[float]:
    """Each wait of this thread while ``busy()`` (at most ``timeout`` seconds), its event
    loop running as the window's does: how late a timer due every 5 ms came each time, which
    is how long a click would have waited. Ends within 5 ms of ``busy()`` turning false."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    loop, late, last = QEventLoop(), [], [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, now - last[0] - TICK))
        last[0] = now
        if not busy():
            loop.quit()

    timer = QTimer(interval=round(TICK * 1000), timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(round(timeout * 1000), loop, loop.quit)  # gone with the loop
    if busy():
        loop.exec()
    timer.stop()
    return late


def waits_while(app: Any, busy: Callable[[], bool], start: float,
                timeout: float, slept: list[float] | None = None) -> list[float]:
    """Each wait of this thread while ``busy()`` (until ``timeout`` seconds after ``start``):
    to run again after a 5 ms sleep, and held by the window's events between two sleeps
    (the answers of a worker): either way, a click would wait that long. The waits after a
    sleep alone are added to ``slept`` too (the GIL held by the workers)."""
    waits = []
    while busy() and time.perf_counter() - start < timeout:
        before = time.perf_counter()
        time.sleep(0.005)
        waits.append(time.perf_counter() - before - 0.005)
        if slept is not None:
            slept.append(waits[-1])
        before = time.perf_counter()
        app.processEvents()
        waits.append(time.perf_counter() - before)
    return waits


def _waits_until_idle(step: Callable[[], object], wizard: Any, app: Any,
                      timeout: float = 300) -> list[float]:
    """How long ``step()`` held this thread, then each wait while a page's reading runs."""
    start = time.perf_counter()
    step()
    waits = [time.perf_counter() - start]
    runners = [page.runner for page in map(wizard.page, wizard.pageIds())
               if hasattr(page, "runner")]
    before = time.perf_counter()
    app.processEvents()  # what the step left to handle
    waits.append(time.perf_counter() - before)
    waits += waits_while(app, lambda: any(runner.busy for runner in runners), start, timeout)
    if any(runner.busy for runner in runners):
        raise SystemExit("the page's reading did not end")
    return waits


def page_check_waits(page: Any, app: Any, timeout: float = 900) -> dict[str, float]:
    """A preview page's check (``page.start_check()``) as the window runs it: how long
    starting it held this thread (whatever the page lets go of then), and how long this thread
    waits to run again after a 5 ms sleep while the worker checks, or is busy with the
    window's events between sleeps (the worker's reports, and the plan shown at its end):
    either way, a click would wait that long."""
    start = time.perf_counter()
    page.start_check()
    started = time.perf_counter() - start
    waits = [started, *waits_while(app, lambda: page.runner.busy, start, timeout)]
    if page.runner.busy or page.session.choices.plan is None:
        raise SystemExit("the preview page's check did not end with a plan")
    waits.sort()
    return {"start": started, "worst": waits[-1], "p99": waits[int(len(waits) * 0.99)]}


def _checked_state(folder: Path) -> tuple[Any, Any]:
    """A wizard state holding the check of a folder's workbooks against an empty store."""
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.store import Store
    from importer_gui.ui.state import WizardState

    with tempfile.TemporaryDirectory() as temp:
        store_path = Path(temp) / "store.db"
        with Store.open(store_path) as store:
            plan = pipeline.check(config_xml.load(folder / "config.xlsx.xml"), store)
    state = WizardState(store_path)
    state.session.set_plan(plan)
    return state, plan


def _recheck_time(model: Any, app: Any, edits: int = 40) -> float:
    """Median seconds to edit one intervention's status and re-check its row."""
    from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN

    model.show_import(3)  # the interventions
    status = FIRST_VALUE_COLUMN + 9
    index = model.index(model.rowCount() // 2, status)
    values = iter(["X", "A"] * edits)
    return _timed(lambda: (model.setData(index, next(values)), app.processEvents()), edits)


def main(argv: list[str]) -> None:
    """Run one probe; print what it counted (or its figures as JSON)."""
    probe, *args = argv
    if probe == "openpyxl":
        print(openpyxl_rows(args))
    elif probe == "calamine":
        print(calamine_rows(args))
    elif probe == "naive":
        print(naive(args[0], args[1:]))
    elif probe == "preview":
        print(json.dumps(preview(args[0], args[1])))
    elif probe == "gui-wait":
        print(json.dumps(gui_wait(args[0])))
    elif probe == "open-wait":
        print(json.dumps(open_waits(args[0])))
    elif probe == "config-wait":
        print(json.dumps(config_waits(args[0])))
    elif probe == "refresh-wait":
        print(json.dumps(refresh_waits(args[0], args[1])))
    else:
        raise SystemExit(f"unknown probe {probe}")


if __name__ == "__main__":
    main(sys.argv[1:])
