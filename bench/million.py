"""The million-row case (issue 18): a 1,000,000-row registrations CSV, and the issue's own
3-column training-course CSV for comparison; one row in 97 wrong in each.

The registrations' courses and learners are committed first, untimed, into the store every
step of theirs starts from (as a month's registrations meet a store that knows its courses
and learners): what is timed is the registrations' check and commit, which load those from
the store. The floor is Python's ``csv`` module reading the same file, measured in the same
run; every step runs as its own process, as a user would run it, three times (medians, the
largest peak memory seen). ``make bench BENCH_ARGS="--case million"`` runs it alone;
``--million-rows N`` sets its size.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

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


# --------------------------------------------------------------------------- registrations

REGISTRATIONS_VERSION = "1"  # the same, for the registrations' files
LEARNERS_PER_SESSION = 8
REGISTRATION_MISTAKES = ("learner", "course", "date", "flag")  # in turn, one row in 97


def registration_sizes(n: int) -> tuple[int, int, int]:
    """Courses, learners and sessions for ``n`` registrations: eight learners a session, a
    learner in about ten sessions, a course with about twelve sessions."""
    return max(10, n // 100), max(20, n // 10), -(-n // LEARNERS_PER_SESSION)


def course_row(t: int) -> list[object]:
    """Course ``t``: code, title, locale, modality, duration (the registrations case's columns)."""
    return [f"RC-{t:05d}", f"{generate.TOPICS[t % len(generate.TOPICS)]} {t}", "fr-FR",
            MODALITIES[t % len(MODALITIES)], 7 + t % 14]


def learner_row(j: int) -> list[str]:
    """Learner ``j``: reference number, login, name, first name, e-mail."""
    first = generate.FIRST_NAMES[j % len(generate.FIRST_NAMES)]
    last = generate.LAST_NAMES[j % len(generate.LAST_NAMES)]
    return [f"E{j:07d}", f"l{j:07d}", last, first, f"{first.lower()}.{last.lower()}{j}@example.org"]


def registration_mistake(i: int) -> str | None:
    """The mistake row ``i`` carries, if any."""
    if i % MISTAKE_EVERY != MISTAKE_EVERY - 1:
        return None
    return REGISTRATION_MISTAKES[(i // MISTAKE_EVERY) % len(REGISTRATION_MISTAKES)]


def registration_row(i: int, n: int) -> list[object]:
    """Registration ``i`` of ``n``: rows go round the sessions (which the first row of each
    creates), each session's eight learners all different."""
    courses, learners, sessions = registration_sizes(n)
    session, turn = i % sessions, i // sessions
    learner = learner_row((session * 7919 + turn * (learners // LEARNERS_PER_SESSION)) % learners)
    start = date(2027, 1, 4) + timedelta(days=session % 300)
    registered = datetime(2026, 11, 2, 8) + timedelta(minutes=30 * (i % 2000))
    row: list[object] = [learner[0], learner[4], learner[1], f"RC-{session % courses:05d}",
                         f"{generate.CITIES[session % len(generate.CITIES)]} {session}",
                         start.strftime("%d/%m/%Y"),
                         (start + timedelta(days=1)).strftime("%d/%m/%Y"), "Y",
                         f"REG-{i:07d}", registered.isoformat()]
    kind = registration_mistake(i)
    if kind == "learner":
        row[2] = f"nobody{i}"
    elif kind == "course":
        row[3] = f"XX-{i:07d}"
    elif kind == "date":
        row[5] = f"31/02/{start.year}"
    elif kind == "flag":
        row[7] = "X"
    return row


def registration_errors(n: int) -> Iterator[tuple[int, str, str]]:
    """(line, field, message) of every mistake planted in the ``n`` registrations."""
    for i in range(MISTAKE_EVERY - 1, n, MISTAKE_EVERY):
        row = registration_row(i, n)
        kind = registration_mistake(i)
        line = i + 2  # after the header
        if kind == "learner":
            yield line, "candidateLogin", "The candidate was not found."
        elif kind == "course":
            yield (line, "trainingPathCode",
                   "The training could not be found and it is mandatory.")
        elif kind == "date":
            yield line, "sessionStartDate", f"Start date {row[5]} not valid."
        else:
            yield line, "registerFlag", "Register flag has invalid value X, Y or N expected."


def registration_configs() -> tuple[str, str]:
    """The registrations case's configuration split in two: the courses and learners (the
    seed, committed first), and the registrations alone."""
    text = generate.config_text(".csv", "config-registrations-template.xml")
    imports = re.findall(r"  <import>.*?</import>\n", text, re.S)
    head = text[:text.index("\n") + 1]  # the XML declaration; the comment is ours

    def config(comment: str, parts: list[str]) -> str:
        return (f"{head}<!-- The million-row benchmark: {comment}. -->\n"
                f"{text[text.index('<import-config'):text.index('  <import>')]}"
                f"{''.join(parts)}</import-config>\n")

    return (config("the registrations' courses and learners", imports[:2]),
            config("registrations, which create the sessions they name", imports[2:]))


def _write_rows(path: Path, headers: list[str], rows: Iterator[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(headers)
        out.writerows(rows)


def write_registrations(n: int = ROWS) -> Path:
    """Write ``n`` registrations, their courses and learners, and the two configurations
    into bench/out/million-registrations-<n>/ (kept when current)."""
    target = generate.OUT / f"million-registrations-{n}"
    stamp = target / "VERSION"
    if stamp.exists() and stamp.read_text() == REGISTRATIONS_VERSION:
        return target
    target.mkdir(parents=True, exist_ok=True)
    courses, learners, _sessions = registration_sizes(n)
    headers = generate.REGISTRATION_HEADERS
    _write_rows(target / "trainings.csv", headers["trainings"], map(course_row, range(courses)))
    _write_rows(target / "learners.csv", headers["learners"], map(learner_row, range(learners)))
    _write_rows(target / "registrations.csv", headers["registrations"],
                (registration_row(i, n) for i in range(n)))
    seed, config = registration_configs()
    (target / "seed.xml").write_text(seed, encoding="utf-8")
    (target / "config.xml").write_text(config, encoding="utf-8")
    stamp.write_text(REGISTRATIONS_VERSION)
    return target


# --------------------------------------------------------------------------- measures


@dataclass(frozen=True)
class Case:
    """One file of the million case: where it is, and the store its steps start from."""

    name: str  # in the table's labels
    folder: Path
    data: str  # the file the floor reads
    seed: bool = False  # the store first holds what seed.xml imports (committed untimed)
    sort_column: int = 1  # the preview sorts by this field (0: the file's first column)
    sorted_by: str = "the title"


def cases(n: int) -> list[Case]:
    """The registrations (the case's main line), then the training courses."""
    return [Case("registrations", write_registrations(n), "registrations.csv", seed=True,
                 sort_column=4, sorted_by="the session's title"),
            Case("training courses", write(n), "trainings.csv")]


def csv_rows(path: str) -> int:
    """The floor: every row of the file through the csv module."""
    with open(path, encoding="utf-8", newline="") as handle:
        return sum(1 for _row in csv.reader(handle, delimiter=";"))


def bare_rows(path: str) -> int:
    """The least a check does per row, in plain Python and no rule: the row's cells kept,
    each trimmed, its first one looked up in (and added to) a dict, an outcome byte. What the
    planner does beyond this is the rules'; this bounds what any per-row planner can reach."""
    kept: list[tuple[str, ...]] = []
    known: dict[str, int] = {}
    outcomes = bytearray()
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";"):
            cells = tuple(row)
            kept.append(cells)
            trimmed = [cell.strip() for cell in cells]
            outcomes.append(1 if trimmed[0] in known else 0)
            known.setdefault(trimmed[0], len(kept))
    return len(kept)


def lift_budget() -> None:
    """Lift the check's memory budget in this process: what a step refused for its estimated
    memory would take (the bench says when it measured this way); a step within the budget
    is not changed by it."""
    from importer_gui.core.readers import budget

    budget.MemoryBudget.__init__.__defaults__ = (1 << 40,)


def unbudgeted(argv: list[str]) -> int:
    """The command line with the check's memory budget lifted."""
    from importer_gui.cli import main_process

    lift_budget()
    return main_process(argv)


def seed_store(folder: Path, store: Path) -> Path:
    """Commit the case's courses and learners into a new ``store`` (untimed); the store."""
    from bench.run import python, run

    done = run(python("-m", "importer_gui", "--store", store, "commit", folder / "seed.xml"))
    if done.code:
        raise SystemExit(f"committing the courses and learners failed (exit {done.code})")
    return store


def copy_store(seed: Path | None, target: Path) -> Path:
    """A copy of the seeded store (its journal files too), or a new one without a seed."""
    if seed is not None:
        for part in seed.parent.glob(seed.name + "*"):
            shutil.copy(part, target.with_name(target.name + part.name[len(seed.name):]))
    return target


def _state(folder: Path, store: Path) -> Any:
    """A wizard state on ``store`` with the case's configuration and files."""
    from importer_gui.core import config_xml, pipeline
    from importer_gui.ui.state import WizardState

    state = WizardState(store)
    config = config_xml.load(folder / "config.xml")
    state.session.set_config(config, pipeline.resolve_data_files(config))
    return state


def preview(folder: str, store: str, column: int) -> dict[str, float]:
    """The preview model over the million rows (offscreen): first paint, sort by a text
    column from file order, and the errors filter on the sorted rows (then all again)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from bench.probes import _Paints, _timed, _timed_sorts, warm_views, window_app
    from importer_gui.core import config_xml, pipeline
    from importer_gui.core.store import Store
    from importer_gui.ui import collector
    from importer_gui.ui.models.preview_model import FIRST_VALUE_COLUMN, PreviewModel, RowFilter
    from importer_gui.ui.pages.base import kept_off_the_collector

    app = window_app()
    warm_views(app)
    collector.install()  # as the window's task runner does
    lift_budget()  # the figures of a file the window would refuse are said to be so
    with Store.open(Path(store)) as opened:
        # Checked as the preview page checks: the plan frozen out of the collector's reach.
        plan = kept_off_the_collector(lambda: pipeline.check(
            config_xml.load(Path(folder) / "config.xml"), opened), shown_plan_dropped=False)
    state = _state(Path(folder), Path(store))
    state.session.set_plan(plan)
    start = time.perf_counter()
    model = PreviewModel(state)
    view = QTableView()
    painted = _Paints(view.viewport())
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    figures = {"first_paint": painted.first_after(start, app) - start}
    figures["sort"], figures["sort_again"], figures["sort_wait"] = _timed_sorts(
        model, FIRST_VALUE_COLUMN + column, Qt, app)
    figures["filter"] = _timed(lambda: (model.set_filter(RowFilter.ERRORS),
                                        model.set_filter(RowFilter.ALL)), 3) / 2
    view.close()
    return figures


def gui_wait(folder: str, store: str) -> dict[str, float]:
    """The window thread's waits as the preview page checks the million rows: a first check,
    then a check started while the first one's plan is shown (the page lets it go when the
    check starts). Each time, how long the page's start of the check held the thread, and
    how long the thread waits to run again after a 5 ms sleep until the worker is done."""
    from bench.probes import page_check_waits, warm_views, window_app
    from importer_gui.ui.pages.preview_page import PreviewPage

    app = window_app()
    warm_views(app)
    lift_budget()  # the figures of a file the window would refuse are said to be so
    page = PreviewPage(_state(Path(folder), Path(store)))
    first = page_check_waits(page, app)
    again = page_check_waits(page, app)
    return {**first, **{f"again_{name}": value for name, value in again.items()}}


def revert_sort(store: str) -> dict[str, float]:
    """The revert dialog's model over the largest table of the revert preview of the
    million rows' commit (run ``COMMITTED_RUN`` of ``store``; its plan kept off the
    collector, as the dialog keeps it), sorted by its first value column from the run's
    order, then again the other way: as ``_timed_sorts`` times them."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTableView

    from bench.probes import _timed_sorts, warm_views, window_app
    from importer_gui.core.progress import Monitor
    from importer_gui.ui import collector
    from importer_gui.ui.models.revert_model import FIRST_VALUE_COLUMN, RevertModel
    from importer_gui.ui.pages.base import kept_off_the_collector
    from importer_gui.ui.revert_dialog import plan_at

    app = window_app()
    warm_views(app)
    collector.install()  # as the window's task runner does
    plan = kept_off_the_collector(lambda: plan_at(Path(store), int(COMMITTED_RUN), Monitor()),
                                  shown_plan_dropped=False)
    table = max(plan.tables, key=lambda shown: len(shown.rows))
    model = RevertModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 800)
    view.show()

    def run_order() -> None:  # unsorted, no keys kept
        model.keep_sort(None)
        model.show_table(table)

    run_order()
    figures = dict(zip(("sort", "sort_again", "sort_wait"), _timed_sorts(
        model, FIRST_VALUE_COLUMN, Qt, app, reset=run_order), strict=True))
    view.close()
    return {**figures, "records": float(len(table.rows))}


# The run the timed commit records in a seeded store (the seed's commit is run 1).
COMMITTED_RUN = "2"


def measure(case: Case, repeat: int, seed: Path | None) -> tuple[dict[str, Any], set[str]]:
    """The floor, check, commit and check again of one case (for a seeded one, then a dry
    revert of that commit and a package of the file), ``repeat`` times: medians, the
    largest peak memory seen, and the steps refused over the memory budget (measured with
    it lifted)."""
    from bench.run import Measure, empty_store, python, run

    config = case.folder / "config.xml"
    rounds: list[dict[str, Measure]] = []
    refused: set[str] = set()
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as temp:
            def steps(*cli: str, name: str) -> dict[str, Measure]:
                store = copy_store(seed, Path(temp) / f"{name}.db")
                checked = store if seed else empty_store(Path(temp) / f"{name}-empty.db")
                done = {"check": run(python(*cli, "--store", checked, "check", config)),
                        "commit": run(python(*cli, "--store", store, "commit", config)),
                        "again": run(python(*cli, "--store", store, "check", config))}
                if case.seed:  # the main line: what an administrator may do next
                    done["revert"] = run(python(*cli, "--store", store, "revert",
                                                "--dry-run", COMMITTED_RUN))
                    done["package"] = run(python(*cli, "--store", store, "package", config,
                                                 "--out", Path(temp) / f"{name}-package"))
                return done

            measured = {"floor": run(python("-m", "bench.million", case.folder / case.data)),
                        "bare": run(python("-m", "bench.million", "bare",
                                           case.folder / case.data)),
                        **steps("-m", "importer_gui", name="store")}
            if any(x.code == 2 for x in measured.values()):  # refused: measured unbudgeted
                measured.update(steps("-m", "bench.million", "unbudgeted", name="lifted"))
                refused.update(set(measured) - {"floor", "bare"})
        for what, x in measured.items():
            if x.code not in (0, 1):
                raise SystemExit(f"million {case.name} {what} failed with exit code {x.code}")
        rounds.append(measured)
    return {name: Measure(statistics.median(r[name].seconds for r in rounds),
                          max(r[name].peak_mb for r in rounds),
                          max(r[name].code for r in rounds)) for name in rounds[0]}, refused


def bench(n: int, repeat: int) -> list:
    """The case's lines: for the registrations, then the training courses, the floor, the
    check, the commit and the check again after it; the preview's figures and the window's
    waits on the registrations (the main line), and the revert preview's sort of their
    commit."""
    from bench.run import probe, probe_medians, python, run

    lines: list = []
    with tempfile.TemporaryDirectory() as temp:
        for main, case in enumerate(cases(n)):
            seed = seed_store(case.folder, Path(temp) / "seed.db") if case.seed else None
            m, refused = measure(case, repeat, seed)
            lines += _step_lines(case, m, refused)
            if main == 0:
                store = copy_store(seed, Path(temp) / "probes.db")
                lines += _window_lines(
                    case, probe_medians(repeat, "bench.million", "preview", case.folder, store,
                                        case.sort_column),
                    probe_medians(repeat, "bench.million", "gui-wait", case.folder, store),
                    bool(refused))
                committed = run(python("-m", "bench.million", "unbudgeted", "--store", store,
                                       "commit", case.folder / "config.xml"))
                if committed.code not in (0, 1):
                    raise SystemExit(f"million {case.name} commit for the revert preview "
                                     f"failed with exit code {committed.code}")
                # One process: its plan takes some 30 s; its three sorts give the medians.
                lines += _revert_lines(case, probe("bench.million", "revert-sort", store))
    return lines


def _revert_lines(case: Case, shown: dict[str, float]) -> list:
    """The revert preview's sorts of the commit's records, judged."""
    from bench.run import Line

    records = f"{shown['records']:,.0f} records"
    return [Line(f"{case.name}: revert preview of the commit ({records}): sort by the first "
                 "value column, from the run's order, until shown (no target)",
                 shown["sort"], None, None),
            Line(f"{case.name}: revert preview: the same sort again, the other way (no target)",
                 shown["sort_again"], None, None),
            Line(f"{case.name}: revert preview: those sorts, in the background: the window "
                 "thread's longest wait", shown["sort_wait"], None, None, target="<= 0.1 s",
                 ok=shown["sort_wait"] <= 0.1)]


def _step_lines(case: Case, m: dict[str, Any], refused: set[str]) -> list:
    """The floor, check, commit and check again of one case, judged."""
    from bench.run import Line

    floor = m["floor"].seconds
    lifted = ("REFUSED as a user runs it (over the check's memory budget); measured with the "
              "budget lifted")

    def line(label: str, step: str, limit: float) -> Line:
        x, over = m[step], step in refused
        ratio = x.seconds / floor
        return Line(f"{case.name}: {label}", x.seconds, x.peak_mb, ratio, "floor",
                    f"<= {limit:g}x floor, <= 600 MB",
                    not over and ratio <= limit and x.peak_mb <= 600,
                    note=lifted if over else "")

    def untargeted(label: str, step: str) -> Line:
        x = m[step]
        return Line(f"{case.name}: {label}", x.seconds, x.peak_mb, x.seconds / floor,
                    note=lifted if step in refused else "")

    into = "a store holding its courses and learners" if case.seed else "a new store"
    lines = [Line(f"{case.name}: csv module reading the file (floor)", floor,
                  m["floor"].peak_mb, 1.0),
             Line(f"{case.name}: a bare Python loop over the rows (cells kept and trimmed, "
                  "one look-up; no rule)", m["bare"].seconds, m["bare"].peak_mb,
                  m["bare"].seconds / floor),
             line("check (whole process)", "check", 4),
             line(f"commit into {into}", "commit", 8),
             line("check again after the commit", "again", 6)]
    if "revert" in m:
        lines += [untargeted("revert --dry-run of that commit's run (no target)", "revert"),
                  untargeted("package the file for the platform (no target)", "package")]
    return lines


def _window_lines(case: Case, shown: dict[str, float], waits: dict[str, float],
                  refused: bool) -> list:
    """The preview's figures and the window thread's longest waits, judged."""
    from bench.run import Line

    lifted = "; the window refuses this file (over the check's memory budget): measured " \
             "with the budget lifted" if refused else ""

    def seconds(label: str, value: float, limit: float, note: str = "") -> Line:
        return Line(f"{case.name}: {label}", value, None, None, target=f"<= {limit:g} s",
                    ok=value <= limit, note=(note + lifted).lstrip("; "))

    def wait(prefix: str) -> str:
        return (f"the page's start of the check {waits[prefix + 'start'] * 1000:.0f} ms; "
                f"99% of waits under {waits[prefix + 'p99'] * 1000:.0f} ms")

    return [seconds("preview model of all rows: first paint", shown["first_paint"], 0.3),
            seconds(f"preview: sort all rows by {case.sorted_by}, from file order",
                    shown["sort"], 0.3),
            Line(f"{case.name}: preview: the same sort again, the other way (no target)",
                 shown["sort_again"], None, None),
            seconds("preview: those sorts, in the background: the window thread's longest wait",
                    shown["sort_wait"], 0.1),
            seconds("preview: filter the sorted rows (errors only, then all)",
                    shown["filter"], 0.3),
            seconds("a first check in the page: the window thread's longest wait",
                    waits["worst"], 0.1, wait("")),
            seconds("a check started with the last plan shown: the window thread's longest "
                    "wait", waits["again_worst"], 0.1, wait("again_"))]


if __name__ == "__main__":
    if sys.argv[1] == "unbudgeted":
        sys.exit(unbudgeted(sys.argv[2:]))
    elif sys.argv[1] == "preview":
        print(json.dumps(preview(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    elif sys.argv[1] == "gui-wait":
        print(json.dumps(gui_wait(sys.argv[2], sys.argv[3])))
    elif sys.argv[1] == "revert-sort":
        print(json.dumps(revert_sort(sys.argv[2])))
    elif sys.argv[1] == "bare":
        print(bare_rows(sys.argv[2]))
    elif sys.argv[1] == "write":
        print(write_registrations(int(sys.argv[2])), write(int(sys.argv[2])))
    else:
        print(csv_rows(sys.argv[1]))
