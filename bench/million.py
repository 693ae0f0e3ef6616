"""The million-row case (issue 18): a 3-column training-course CSV, one row in 97 wrong.

The floor is Python's ``csv`` module reading the same file, measured in the same run; every
step runs as its own process, as a user would run it, three times (medians, the largest peak
memory seen). ``make bench BENCH_ARGS="--case million"`` runs it alone;
``--million-rows N`` sets its size.
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import generate

ROWS = 1_000_000
VERSION = "1"  # bump when the rows change, so cached files are written again
MISTAKE_EVERY = 97  # one row in 97 has a modality the platform does not know
MODALITIES = ("blended", "distancelearning", "learning_channel", "knowledgecommunity")
HEADERS = ["Code formation", "Titre de la formation", "Modalité"]
CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<!-- The million-row benchmark: training courses, three columns. -->
<import-config xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <import>
    <providers>
      <fileSystemSourceProvider>
        <fileName>trainings.csv</fileName>
        <skipFirstLine>yes</skipFirstLine>
        <columnsMapping>
          <trainingPathCode/>
          <trainingTitle/>
          <trainingModality/>
        </columnsMapping>
        <fileEncoding>UTF-8</fileEncoding>
        <delimiter>semicolon</delimiter>
      </fileSystemSourceProvider>
    </providers>
    <actions>
      <createOrUpdateTrainingCourseAction>
        <options>
          <fullAccess>yes</fullAccess>
        </options>
        <fields>
          <trainingPathCode/>
          <trainingTitle/>
          <trainingModality/>
        </fields>
      </createOrUpdateTrainingCourseAction>
    </actions>
  </import>
</import-config>
"""


def row(i: int) -> list[str]:
    """Row ``i`` (0-based): the same every time; every 97th has a wrong modality."""
    modality = "presentiel" if i % MISTAKE_EVERY == MISTAKE_EVERY - 1 else (
        MODALITIES[i % len(MODALITIES)])
    return [f"TR-{i:07d}", f"{generate.TOPICS[i % len(generate.TOPICS)]} {i}", modality]


def write(n: int = ROWS) -> Path:
    """Write the ``n``-row CSV and its configuration into bench/out/million-<n>/ (kept when
    current)."""
    target = generate.OUT / f"million-{n}"
    stamp = target / "VERSION"
    if stamp.exists() and stamp.read_text() == VERSION:
        return target
    target.mkdir(parents=True, exist_ok=True)
    with (target / "trainings.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(HEADERS)
        out.writerows(row(i) for i in range(n))
    (target / "config.xml").write_text(CONFIG, encoding="utf-8")
    stamp.write_text(VERSION)
    return target


def csv_rows(path: str) -> int:
    """The floor: every row of the file through the csv module."""
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for _row in csv.reader(handle, delimiter=";"))


def unbudgeted(argv: list[str]) -> int:
    """The command line with the check's memory budget lifted: what a step refused for its
    estimated memory would take (the bench says when it measured this way)."""
    from importer_gui.cli import main_process
    from importer_gui.core.readers import budget

    budget.MemoryBudget.__init__.__defaults__ = (1 << 40,)
    return main_process(argv)


def preview(folder: str) -> dict[str, float]:
    """The preview model over the million rows (offscreen): first paint, sort by the title
    from file order, and the errors filter on the sorted rows (then all again)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QTableView

    from bench.probes import _Paints, _timed, _timed_sorts
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.store import Store
    from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel, RowFilter
    from importer_gui.ui.state import WizardState

    app = QApplication.instance() or QApplication(["bench"])
    warm = QTableView()  # PySide makes its enum types on first use, once per process (a
    warm.viewport()  # third of a second): the window has made them long before a preview
    warm.show()
    app.processEvents()
    warm.close()
    with tempfile.TemporaryDirectory() as temp:
        store_path = Path(temp) / "store.db"
        with Store.open(store_path) as store:
            plan = pipeline.check(config_xml.load(Path(folder) / "config.xml"), store)
        state = WizardState(store_path)
        state.session.set_plan(plan)
        start = time.perf_counter()
        model = PreviewModel(state)
        view = QTableView()
        painted = _Paints(view.viewport())
        view.setModel(model)
        view.resize(1280, 800)
        view.show()
        figures = {"first_paint": painted.first_after(start, app) - start}
        figures["sort"] = _timed_sorts(model, FIRST_VALUE_COLUMN + 1, Qt)
        figures["filter"] = _timed(lambda: (model.set_filter(RowFilter.ERRORS),
                                            model.set_filter(RowFilter.ALL)), 3) / 2
        view.close()
    return figures


def gui_wait(folder: str) -> dict[str, float]:
    """While the million rows are checked in a worker thread as the wizard checks them (the
    plan kept, frozen out of the collector's reach: ``ui.pages.base.kept_off_the_collector``),
    how long the main thread waits to run again after a 5 ms sleep."""
    from bench.probes import waits_beside
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.store import Store
    from importer_gui.ui.pages.base import kept_off_the_collector

    kept = []

    def plan() -> object:
        with tempfile.TemporaryDirectory() as temp, Store.open(Path(temp) / "s.db") as store:
            return pipeline.check(config_xml.load(Path(folder) / "config.xml"), store)

    def check() -> None:
        kept.append(kept_off_the_collector(plan, shown_plan_dropped=True))

    return waits_beside(check)


def _probe(what: str, folder: Path) -> dict[str, float]:
    """Run one of this module's probes in its own process; its JSON figures."""
    from bench.run import python, run

    m = run(python("-m", "bench.million", what, folder), keep_output=True)
    if m.code:
        raise SystemExit(f"the million {what} probe failed")
    return json.loads(m.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def bench(n: int, repeat: int) -> list:
    """The case's lines: floor, check, commit into a new store, check again after it."""
    from bench.run import Line, Measure, python, run

    folder = write(n)
    config = folder / "config.xml"
    rounds: list[dict[str, Measure]] = []
    refused: set[str] = set()
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as temp:
            store = Path(temp) / "store.db"
            cli = ["-m", "importer_gui", "--store", store]
            steps = {
                "floor": run(python("-m", "bench.million", folder / "trainings.csv")),
                "check": run(python(*cli[:3], Path(temp) / "empty.db", "check", config)),
                "commit": run(python(*cli, "commit", config)),
                "again": run(python(*cli, "check", config)),
            }
            if any(x.code == 2 for x in steps.values()):  # refused: measured unbudgeted
                lifted = ["-m", "bench.million", "unbudgeted", "--store", store]
                steps.update({
                    "check": run(python(*lifted[:4], Path(temp) / "empty2.db", "check",
                                        config)),
                    "commit": run(python(*lifted, "commit", config)),
                    "again": run(python(*lifted, "check", config))})
                refused.update(("check", "commit", "again"))
        for what, x in steps.items():
            if x.code not in (0, 1):
                raise SystemExit(f"million {what} failed with exit code {x.code}")
        rounds.append(steps)
    m = {name: Measure(statistics.median(r[name].seconds for r in rounds),
                       max(r[name].peak_mb for r in rounds),
                       max(r[name].code for r in rounds)) for name in rounds[0]}
    floor = m["floor"].seconds

    def line(label: str, step: str, limit: float) -> Line:
        x = m[step]
        ratio = x.seconds / floor
        over = step in refused
        return Line(label, x.seconds, x.peak_mb, ratio, "floor",
                    f"<= {limit:g}x floor, <= 600 MB",
                    not over and ratio <= limit and x.peak_mb <= 600,
                    note="REFUSED as a user runs it (over the check's memory budget); "
                         "measured with the budget lifted" if over else "")

    shown, waits = _probe("preview", folder), _probe("gui-wait", folder)

    def seconds(label: str, value: float, limit: float, note: str = "") -> Line:
        return Line(label, value, None, None, target=f"<= {limit:g} s", ok=value <= limit,
                    note=note)

    return [Line("csv module reading the file (floor)", floor, m["floor"].peak_mb, 1.0),
            line("check (whole process)", "check", 4),
            line("commit into a new store", "commit", 8),
            line("check again after the commit", "again", 6),
            seconds("preview model of all rows: first paint", shown["first_paint"], 0.3),
            seconds("preview: sort all rows by the title, from file order", shown["sort"],
                    0.3),
            seconds("preview: filter the sorted rows (errors only, then all)",
                    shown["filter"], 0.3),
            seconds("during a check in a worker: the window thread's longest wait",
                    waits["worst"], 0.1, f"99% of waits under {waits['p99'] * 1000:.0f} ms")]


if __name__ == "__main__":
    if sys.argv[1] == "unbudgeted":
        sys.exit(unbudgeted(sys.argv[2:]))
    elif sys.argv[1] == "preview":
        print(json.dumps(preview(sys.argv[2])))
    elif sys.argv[1] == "gui-wait":
        print(json.dumps(gui_wait(sys.argv[2])))
    else:
        print(csv_rows(sys.argv[1]))
