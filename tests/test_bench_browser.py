"""The store browser's probe (bench/browser.py) builds its store and measures every step."""

from __future__ import annotations

from pathlib import Path

from bench import browser
from importer_gui.core.store import Store


def test_the_probe_builds_a_store_of_its_size_and_measures_each_step(
        tmp_path: Path, qapp: object) -> None:
    store = tmp_path / "browser.sqlite3"
    browser.build(store, runs=8, records=400)
    with Store.open(store) as built:
        assert len(built.history()) == 8
        assert sum(built.count(table) for table in browser.Table) == 400 + 4  # and 4 teachers
    figures = browser.measure(store)
    assert set(figures) >= {"open", "F5, a run made elsewhere, read", "search, read"}
    assert all(seconds >= 0 for seconds in figures.values())
    with Store.open(store) as measured:
        assert measured.history()[0].config == "colleague.xml"  # committed by another process


def test_the_learners_store_is_sorted_and_searched_as_the_browser_reads_it(
        tmp_path: Path) -> None:
    store = tmp_path / "learners.sqlite3"
    count = len(browser.FIRST_NAMES) * len(browser.LAST_NAMES)  # each name with each once
    browser.build_learners(store, count)
    with Store.open(store) as built:
        names = {(r.firstname, r.name) for r in built.page(browser.Table.LEARNER, limit=count)}
    assert len(names) == count
    assert {"Éric", "Eric", "Hélène"} <= {first for first, _ in names}
    figures = browser.queries(store)
    assert figures["search eric found"] == 2 * len(browser.LAST_NAMES)  # Éric and Eric
    assert figures["search Dupré found"] == len(browser.FIRST_NAMES)
    assert all(figures[f"{step} floor"] >= 0 for step in ("sort", "search eric"))


def test_the_bench_prints_each_engine_step_beside_its_floor(tmp_path: Path) -> None:
    lines = browser._engine_lines("SQLite", str(tmp_path / "learners.sqlite3"), 208, repeat=1)
    assert [line.label.split(": ", 1)[1] for line in lines] == [
        "sort by name folding case alone (lower()) (floor)",
        "sort by name as the browser reads it (accents folded)",
        'search "eric", LIKE over the searched columns (floor)',
        'search "eric" as the browser reads it (accents folded)',
        'search "Dupré", LIKE over the searched columns (floor)',
        'search "Dupré" as the browser reads it (accents folded)']
    assert [line.note for line in lines if line.note] == ["26 found", "16 found"]
    assert lines[1].ratio == lines[1].seconds / lines[0].seconds
