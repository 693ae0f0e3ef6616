"""The store browser on a large store: how long the window waits while it opens, sorts,
scrolls, searches, reads again what another process committed, and shows a run's
corrections; and how long the store takes to sort and search learners' accented names.

``python -m bench.browser [--runs N] [--records N] [STORE]`` builds a store of N runs and
about N records (2,000 and 100,000 by default: courses, sessions, learners and their
registrations, then a teacher a run) at STORE (a file, or a PostgreSQL URL) unless it holds
runs already, and prints how long the window's thread was held, or waited, in seconds (JSON).

``python -m bench.browser --learners N STORE`` builds a store of N named learners instead
(unless STORE holds runs; ``--build`` stops there) and prints, in seconds (JSON), what the
browser reads for a sort by name and for two searches, each after its floor: the engine's own
sort or search folding case alone (``lower()``, ``LIKE``/``ILIKE``, through a connection of
its own), timed on the same store in the same process. ``bench.run --case browser`` runs that
three times on SQLite and on PostgreSQL (``bench`` below) and prints the medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import generate
from bench.probes import waits_while, window_app
from importer_gui.core import schema
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
from importer_gui.core.store.queries import Order

ANOTHER_PROCESS = """
import sys
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
with Store.open(sys.argv[1], create=False) as store:
    store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "aaa-colleague"})],
                RunInfo("colleague.xml", "<import-config/>", ["new.csv"], {"create": 1}))
"""

# French names, about half the learners with an accent in theirs (Éric and Eric both).
FIRST_NAMES = (*generate.FIRST_NAMES, "Éric", "Eric", "Hélène", "Thomas", "Jérôme",
               "Camille", "Nicolas")
LAST_NAMES = (*generate.LAST_NAMES, "Dupré", "Lefèvre", "Durand", "Roux", "Lœuillet")
SEARCHES = ("eric", "Dupré")  # one the fold must find accented, one with an accent itself
# The sort's floor: the engine's, by name folding case alone, empty names last (as the store).
PLAIN_SORT = ("SELECT id FROM learner "
              "ORDER BY (coalesce(name, '') = ''), lower(coalesce(name, '')), id")


def _created(table: Table, rows: list[dict[str, Any]]) -> list[Change]:
    return [Change(table, ChangeKind.CREATE, -n, values) for n, values in enumerate(rows, 1)]


def _run(count: int) -> RunInfo:
    return RunInfo("bench.xml", "<import-config/>", ["bench.csv"], {"create": count})


def build(location: Any, runs: int, records: int) -> None:
    """A store of ``runs`` runs holding about ``records`` records (four large runs first)."""
    courses, sessions = 50, max(2, records // 50)
    learners = max(1, (records - courses - sessions) // 2)
    registrations = records - courses - sessions - learners
    with Store.open(location) as store:
        store.apply(_created(Table.TRAINING, [{"path_code": f"P{n:03}", "title": f"Course {n}"}
                                              for n in range(courses)]), _run(courses))
        store.apply(_created(Table.SESSION, [{"training_id": 1 + n % courses,
                                              "title": f"Session {n:05}"}
                                             for n in range(sessions)]), _run(sessions))
        store.apply(_created(Table.LEARNER, _learners(learners)), _run(learners))
        store.apply(_created(Table.REGISTRATION, [  # each pair once: the session moves on
            {"learner_id": 1 + n % learners, "session_id": 1 + (n + n // learners) % sessions}
            for n in range(registrations)]), _run(registrations))
        for n in range(max(0, runs - 4)):
            store.apply(_created(Table.TEACHER, [{"login": f"teacher{n:05}"}]), _run(1))


def _learners(count: int) -> list[dict[str, Any]]:
    """``count`` learners, each first name met with each last name in turn."""
    return [{"login": f"learner{n:07}", "firstname": FIRST_NAMES[n % len(FIRST_NAMES)],
             "name": LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)]}
            for n in range(count)]


def build_learners(location: Any, count: int) -> None:
    """A store holding ``count`` named learners, created by one run."""
    with Store.open(location) as store:
        store.apply(_created(Table.LEARNER, _learners(count)), _run(count))


def longest_wait(app: Any, busy: Callable[[], bool], timeout: float = 300) -> float:
    """While ``busy()``, how long the window's thread waits to run again after a 5 ms sleep,
    or is held by the events it handles (the answers read in the background)."""
    waits = [0.0, *waits_while(app, busy, time.perf_counter(), timeout)]
    before = time.perf_counter()
    app.processEvents()  # what the last answer leaves to paint
    return max(*waits, time.perf_counter() - before)


def _held(call: Callable[[], Any]) -> float:
    before = time.perf_counter()
    call()
    return time.perf_counter() - before


def measure(location: Any) -> dict[str, float]:
    """The window's longest waits, in seconds, through what a user does in the browser."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractItemView

    from importer_gui.ui.store_browser import StoreBrowser

    app = window_app()
    figures: dict[str, float] = {}
    with Store.open(location, create=False) as store:
        opened: list[StoreBrowser] = []
        figures["open"] = _held(lambda: opened.append(StoreBrowser(store)))
        browser = opened[0]
        browser.resize(1100, 700)
        figures["show"] = _held(lambda: (browser.show(), app.processEvents()))
        figures["first reads"] = longest_wait(app, lambda: browser.busy)
        browser.show_table(Table.REGISTRATION)
        tab = browser.record_tabs[Table.REGISTRATION]
        session = ["id", *schema.column_names(Table.REGISTRATION)].index("session_id")
        figures["sort"] = _held(lambda: tab.view.sortByColumn(session, Qt.SortOrder.AscendingOrder))
        figures["sort, read"] = longest_wait(app, lambda: browser.busy)
        figures["scroll a page"] = _held(lambda: (tab.model.fetchMore(), app.processEvents()))
        figures["scroll a page, read"] = longest_wait(app, lambda: browser.busy)
        tab.view.selectRow(tab.model.rowCount() - 10)
        tab.view.scrollTo(tab.model.index(tab.model.rowCount() - 20, 0),
                          QAbstractItemView.ScrollHint.PositionAtTop)
        figures["F5, nothing new"] = _held(browser.refresh)
        figures["F5, nothing new, read"] = longest_wait(app, lambda: browser.busy)
        subprocess.run([sys.executable, "-c", ANOTHER_PROCESS, str(location)], check=True)
        figures["F5, a run made elsewhere"] = _held(browser.refresh)
        figures["F5, a run made elsewhere, read"] = longest_wait(app, lambda: browser.busy)
        tab.search.setText("Session 01")
        figures["search"] = _held(tab.apply_search)
        figures["search, read"] = longest_wait(app, lambda: browser.busy)
        browser.show_history()
        figures["select a run"] = _held(lambda: browser.history_view.selectRow(1))
        figures["select a run, read"] = longest_wait(app, lambda: browser.busy)
        browser.close()
    return {what: round(seconds, 3) for what, seconds in figures.items()}


def queries(location: Any) -> dict[str, float]:
    """Seconds the store takes to give the ids the browser reads for a sort of the learners
    by name and for each of SEARCHES, each after its floor; how many each search found."""
    from importer_gui.core.store.location import PostgresUrl
    from tests.postgres import raw_sql

    figures: dict[str, float] = {}
    with Store.open(location, create=False) as store:
        place = store.path
        like = "ILIKE" if isinstance(place, PostgresUrl) else "LIKE"
        searched = schema.table_def(Table.LEARNER).searched
        plain_search = ("SELECT id FROM learner WHERE "
                        + " OR ".join(f'"{c}" {like} ?' for c in searched) + " ORDER BY id")
        figures["sort floor"] = _held(lambda: raw_sql(place, PLAIN_SORT))
        figures["sort"] = _held(lambda: store.ids(Table.LEARNER, order=Order("name")))
        for needle in SEARCHES:
            pattern = (f"%{needle}%",) * len(searched)
            figures[f"search {needle} floor"] = _held(
                lambda p=pattern: raw_sql(place, plain_search, p))  # type: ignore[misc]
            found: list[int] = []
            figures[f"search {needle}"] = _held(
                lambda n=needle, f=found: f.extend(store.ids(Table.LEARNER, n)))  # type: ignore[misc]
            figures[f"search {needle} found"] = len(found)
    return figures


def bench(learners: int, repeat: int) -> list:
    """The sort and search lines of a store of ``learners`` named learners, on SQLite and
    on the bench's own PostgreSQL cluster (SQLite alone, said so, if it cannot start): the
    medians of ``repeat`` processes, each step as a ratio to its floor."""
    from tests.postgres import running_cluster

    lines: list = []
    with tempfile.TemporaryDirectory() as temp:
        lines += _engine_lines("SQLite", str(Path(temp) / "learners.sqlite3"), learners, repeat)
    try:
        with running_cluster() as cluster:
            database = cluster.new_database("browser")
            lines += _engine_lines("PostgreSQL", cluster.url(database), learners, repeat)
            cluster.drop_database(database)
    except RuntimeError as exc:
        print(f"PostgreSQL not measured: {exc}", flush=True)
    return lines


def _engine_lines(engine: str, location: str, learners: int, repeat: int) -> list:
    """One engine's lines: its store built (untimed), then ``repeat`` rounds of ``queries``."""
    from bench.run import Line, python, run

    args = ["-m", "bench.browser", "--learners", str(learners), location]
    if run(python(*args, "--build")).code:
        raise SystemExit(f"could not build the {engine} store of the browser bench")
    rounds = []
    for _ in range(repeat):
        m = run(python(*args), keep_output=True)
        if m.code:
            raise SystemExit(f"the browser's {engine} queries failed")
        rounds.append(json.loads(m.stdout))
    f = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    prefix = f"browser, {engine}, {learners:,} learners:"

    def pair(what: str, floor_label: str, label: str, note: str = "") -> list:
        floor, x = f[f"{what} floor"], f[what]
        return [Line(f"{prefix} {floor_label} (floor)", floor, None, 1.0),
                Line(f"{prefix} {label}", x, None, x / floor, note=note)]

    lines = pair("sort", "sort by name folding case alone (lower())",
                 "sort by name as the browser reads it (accents folded)")
    like = "ILIKE" if engine == "PostgreSQL" else "LIKE"
    for needle in SEARCHES:
        lines += pair(f"search {needle}", f'search "{needle}", {like} over the searched columns',
                      f'search "{needle}" as the browser reads it (accents folded)',
                      f"{f[f'search {needle} found']:,.0f} found")
    return lines


def main(argv: list[str] | None = None) -> None:
    """Build the store (unless given one) and print the waits."""
    parser = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__)
    parser.add_argument("store", nargs="?")
    parser.add_argument("--runs", type=int, default=2_000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--learners", type=int,
                        help="a store of this many named learners; time its sort and searches")
    parser.add_argument("--build", action="store_true",
                        help="with --learners: build the store only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        location = args.store or str(Path(temp) / "browser.sqlite3")
        with Store.open(location) as store:
            empty = not store.history()
        if args.learners is not None:
            if empty:
                build_learners(location, args.learners)
            if not args.build:
                print(json.dumps(queries(location)))
            return
        if empty:
            build(location, args.runs, args.records)
        print(json.dumps(measure(location), indent=1))


if __name__ == "__main__":
    main()
