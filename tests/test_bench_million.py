"""The million case's registrations: the same files every time, and against a store holding
their courses and learners the check finds exactly the mistakes planted."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import generate, million
from importer_gui.core import config_xml, pipeline
from importer_gui.core.issues import Level
from importer_gui.core.store import Store

N = 2_000


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The N-row files, written into a folder of the test's own."""
    monkeypatch.setattr(generate, "OUT", tmp_path / "out")
    return million.write_registrations(N)


def test_the_files_are_the_same_every_time(folder: Path) -> None:
    first = (folder / "registrations.csv").read_bytes()
    (folder / "VERSION").unlink()
    assert (million.write_registrations(N) / "registrations.csv").read_bytes() == first
    assert len(first.splitlines()) == N + 1


def test_a_session_never_has_a_learner_twice() -> None:
    pairs = [(row[4], row[2]) for row in (million.registration_row(i, N) for i in range(N))]
    assert len(set(pairs)) == N


def test_the_check_finds_exactly_the_planted_errors(folder: Path, tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.db") as store:
        seed = pipeline.check(config_xml.load(folder / "seed.xml"), store)
        assert not seed.has_errors()
        pipeline.commit(seed, store)
        plan = pipeline.check(config_xml.load(folder / "config.xml"), store)
    found = {(row.line, issue.field, issue.message) for imp in plan.imports
             for row in imp.rows for issue in row.issues()}
    assert found == set(million.registration_errors(N))
    assert all(i.level is Level.ERROR for imp in plan.imports for row in imp.rows
               for i in row.issues())
    assert len({kind for _line, kind, _message in found}) == 4
    assert plan.counts()["create"] == N - len(found)


def test_the_revert_measured_is_of_the_timed_commit(folder: Path, tmp_path: Path) -> None:
    """The bench reverts the run its timed commit recorded in the seeded store."""
    with Store.open(tmp_path / "store.db") as store:
        pipeline.commit(pipeline.check(config_xml.load(folder / "seed.xml"), store), store)
        plan = pipeline.check(config_xml.load(folder / "config.xml"), store)
        assert pipeline.commit(plan, store).run_id == int(million.COMMITTED_RUN)


def test_the_revert_preview_sorted_is_of_the_timed_commit_s_records(
        folder: Path, tmp_path: Path, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bench's revert preview shows the registrations the commit created, and sorts
    them in the background (as a million of them are)."""
    from importer_gui.ui.models import positions

    monkeypatch.setattr(positions, "SORTED_IN_BACKGROUND", 100)
    with Store.open(tmp_path / "store.db") as store:
        pipeline.commit(pipeline.check(config_xml.load(folder / "seed.xml"), store), store)
        created = pipeline.commit(pipeline.check(config_xml.load(folder / "config.xml"), store),
                                  store).counts["create"]
    figures = million.revert_sort(str(tmp_path / "store.db"))
    assert figures["records"] == created == N - len(set(million.registration_errors(N)))
    assert set(figures) == {"records", "sort", "sort_again", "sort_wait"}
