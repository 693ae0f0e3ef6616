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
