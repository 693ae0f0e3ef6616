"""The store browser on a large store: how long the window waits while it opens, sorts,
scrolls, searches, reads again what another process committed, and shows a run's
corrections.

``python -m bench.browser [--runs N] [--records N] [STORE]`` builds a store of N runs and
about N records (2,000 and 100,000 by default: courses, sessions, learners and their
registrations, then a teacher a run) at STORE (a file, or a PostgreSQL URL) unless it holds
runs already, and prints how long the window's thread was held, or waited, in seconds (JSON).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.probes import waits_while
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store

ANOTHER_PROCESS = """
import sys
from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.store import RunInfo, Store
with Store.open(sys.argv[1], create=False) as store:
    store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": "aaa-colleague"})],
                RunInfo("colleague.xml", "<import-config/>", ["new.csv"], {"create": 1}))
"""


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
        store.apply(_created(Table.LEARNER, [{"login": f"learner{n:06}"}
                                             for n in range(learners)]), _run(learners))
        store.apply(_created(Table.REGISTRATION, [  # each pair once: the session moves on
            {"learner_id": 1 + n % learners, "session_id": 1 + (n + n // learners) % sessions}
            for n in range(registrations)]), _run(registrations))
        for n in range(max(0, runs - 4)):
            store.apply(_created(Table.TEACHER, [{"login": f"teacher{n:05}"}]), _run(1))


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
    from PySide6.QtWidgets import QAbstractItemView, QApplication

    from importer_gui.core import schema
    from importer_gui.ui.store_browser import StoreBrowser

    app = QApplication.instance() or QApplication([])
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


def main(argv: list[str] | None = None) -> None:
    """Build the store (unless given one) and print the waits."""
    parser = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__)
    parser.add_argument("store", nargs="?")
    parser.add_argument("--runs", type=int, default=2_000)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        location = args.store or str(Path(temp) / "browser.sqlite3")
        with Store.open(location) as store:
            empty = not store.history()
        if empty:
            build(location, args.runs, args.records)
        print(json.dumps(measure(location), indent=1))


if __name__ == "__main__":
    main()
