"""Planning the revert of a huge run costs memory for the records it touched, not the store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from importer_gui.core.records import Change, ChangeKind
from importer_gui.core.schema import Table
from importer_gui.core.store import RunInfo, Store
from tests.faults import cli

RECORDS = 200_000  # built in about 2 s
# Address space for the child: the streamed plan peaks near 220 MB resident (needs under 300 MB
# of address space), the plan that held the whole store and every change object over 450 MB.
LIMIT = 400 * 1024 * 1024
TRAININGS, SESSIONS = 1_000, 100_000  # the sessions going round the courses and two years
# Reverting them needs under 120 MB of address space; over 160 MB when the records referring
# to the deleted courses (the run's own sessions) were read all at once, each delete had a
# dict of its own and each session its own dates.
SESSIONS_LIMIT = 145 * 1024 * 1024


def _one_large_run(path: Path) -> int:
    """A store holding one run that created RECORDS teachers."""
    changes = (Change(Table.TEACHER, ChangeKind.CREATE, -n - 1,
                      {"login": f"teacher{n}", "name": f"Name {n}", "firstname": "First",
                       "email": f"teacher{n}@example.org"})
               for n in range(RECORDS))
    with Store.open(path) as store:
        return store.apply(changes, RunInfo("import.xml", "", [], {"create": RECORDS}))


def test_a_dry_run_of_a_huge_run_fits_in_a_small_address_space(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    run = _one_large_run(store)
    done = cli("revert", str(run), "--dry-run", "--store", str(store), limit=LIMIT)
    assert done.code == 0, done.err[-2000:]
    lines = done.out.splitlines()
    assert lines == [f"Run {run} would be reverted: {RECORDS} deleted.",
                     "Dry run: nothing was written."]


def _a_run_of_sessions(path: Path) -> int:
    """A store holding one run that created TRAININGS courses and SESSIONS sessions."""
    start = date(2027, 1, 4)
    courses = (Change(Table.TRAINING, ChangeKind.CREATE, -t - 1,
                      {"path_code": f"T{t}", "title": f"Training {t}"})
               for t in range(TRAININGS))
    sessions = (Change(Table.SESSION, ChangeKind.CREATE, -s - 1,
                       {"training_id": -(s % TRAININGS) - 1, "title": f"Session {s}",
                        "guid": f"G-{s:08d}", "start_date": start + timedelta(days=s % 700),
                        "end_date": start + timedelta(days=s % 700 + 1)})
                for s in range(SESSIONS))
    with Store.open(path) as store:
        return store.apply((*courses, *sessions),
                           RunInfo("import.xml", "", [], {"create": TRAININGS + SESSIONS}))


def test_a_dry_run_of_a_run_of_sessions_fits_in_a_small_address_space(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    run = _a_run_of_sessions(store)
    done = cli("revert", str(run), "--dry-run", "--store", str(store), limit=SESSIONS_LIMIT)
    assert done.code == 0, done.err[-2000:]
    assert done.out.splitlines() == [
        f"Run {run} would be reverted: {TRAININGS + SESSIONS} deleted.",
        "Dry run: nothing was written."]
