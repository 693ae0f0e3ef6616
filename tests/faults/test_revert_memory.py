"""Planning the revert of a huge run costs memory for the records it touched, not the store."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core.records import Change, ChangeKind
from importer_gui.core.schema import Table
from importer_gui.core.store import RunInfo, Store
from tests.faults import cli

RECORDS = 200_000  # built in about 2 s
# Address space for the child: the streamed plan peaks near 220 MB resident (needs under 300 MB
# of address space), the plan that held the whole store and every change object over 450 MB.
LIMIT = 400 * 1024 * 1024


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
    assert lines[0] == (f"Revert of run {run}: create 0, update 0, unchanged 0, "
                        f"delete {RECORDS}, skipped 0")
    assert lines[-1] == "Dry run: nothing was written."
