"""The runs made since those read, and the history they make with them: the same as the
history read whole, reverts and reverts of reverts included, on each engine."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from importer_gui.core.records import Change, ChangeKind, Table
from importer_gui.core.revert import commit_revert, plan_revert
from importer_gui.core.store import RunInfo, Store
from importer_gui.core.store.location import StoreLocation
from importer_gui.core.store.runs import RunSummary, mark_reverts


def teacher_run(store: Store, login: str) -> int:
    """A run creating one teacher; its id."""
    return store.apply([Change(Table.TEACHER, ChangeKind.CREATE, -1, {"login": login})],
                       RunInfo("t.xml", "<import-config/>", ["t.csv"], {"create": 1}))


def revert(store: Store, run_id: int) -> None:
    """Revert a run as the window does."""
    commit_revert(store, plan_revert(store, run_id))


def merged(read: list[RunSummary], since: list[RunSummary]) -> list[dict]:
    """The history the browser shows once the runs made since are added to those read."""
    runs = [*since, *read]
    mark_reverts(runs)
    return [asdict(run) for run in runs]


def test_the_runs_made_since_and_the_reverts_among_them_make_the_whole_history(
        store_url: StoreLocation) -> None:
    with Store.open(store_url) as store:
        first, second = teacher_run(store, "ada"), teacher_run(store, "bob")
        read = store.history()
        assert store.newer_runs(second) == []  # nothing new: no run read
        revert(store, second)  # run 3 reverts run 2, read before
        revert(store, second + 1)  # run 4 reverts run 3: run 2 is in effect again
        teacher_run(store, "cy")
        since = store.newer_runs(second)
        assert [run.id for run in since] == [second + 3, second + 2, second + 1]
        assert merged(read, since) == [asdict(run) for run in store.history()]
        read = store.history()
        revert(store, second)  # run 6 reverts run 2 again
        since = store.newer_runs(second + 3)
        assert merged(read, since) == [asdict(run) for run in store.history()]
        assert [(run.id, run.reverted_by) for run in store.history()][-2:] == [
            (second, second + 4), (first, None)]


def test_a_history_gone_back_is_to_be_read_whole(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        teacher_run(store, "ada")
        assert store.newer_runs(5) is None  # the store was put back from an older copy
        assert store.newer_runs(0) is not None
