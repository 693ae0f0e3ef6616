"""Preview edits and the full re-plan that makes a commit match a fresh preview."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.planner import gc_paused
from importer_gui.core.records import StoreState
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config


def test_an_edit_that_changes_later_rows_is_caught_by_the_full_replan(tmp_path: Path) -> None:
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [
        ["mdupont", "Dupont", "Marie", ""], ["mdupont", "Durand", "Marie", ""]])))
    with Store.open(tmp_path / "store.sqlite3") as store:
        shown = pipeline.check(config, store)
        assert [r.outcome.value for r in shown.imports[0].rows] == ["create", "update"]
        edited = pipeline.recheck_row(shown, 0, 0, ("jmartin", "Martin", "Jean", ""))
        assert edited.outcome.value == "create"
        assert shown.imports[0].rows[1].outcome.value == "update"  # not re-planned yet
        fresh = pipeline.replan(shown, store)
        assert [r.outcome.value for r in fresh.imports[0].rows] == ["create", "create"]
        assert [r.cells[0] for r in fresh.imports[0].rows] == ["jmartin", "mdupont"]
        assert pipeline.changed_lines(shown, fresh) == [(0, 3)]
        pipeline.commit(fresh, store)
        assert sorted(t.login for t in store.load_state().teachers.values()) == [
            "jmartin", "mdupont"]


def test_a_check_loads_only_the_tables_its_actions_use(tmp_path: Path) -> None:
    from importer_gui.core.records import Table
    from tests.builders import trainings_import

    teachers = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [])))
    assert pipeline.tables_needed(teachers) == {Table.TEACHER}
    both = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, []),
                                        trainings_import(tmp_path, [])))
    # Issue 15: a course import reads sessions (a course that has some is not deleted) and
    # learning objects (lovCodes).
    assert pipeline.tables_needed(both) == {Table.TEACHER, Table.TRAINING, Table.SESSION,
                                            Table.LEARNING_OBJECT}


def test_files_open_ahead_but_the_first_broken_file_in_import_order_is_reported(
        tmp_path: Path) -> None:
    import pytest

    from importer_gui.core.errors import DataFileError
    from tests.builders import trainings_import

    teachers = teachers_import(tmp_path, [["mdupont", "Dupont", "Marie", ""]],
                               file_name="teachers.xlsx")
    trainings = trainings_import(tmp_path, [], file_name="trainings.xlsx")
    (tmp_path / "teachers.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "trainings.xlsx").write_bytes(b"not a workbook either")
    config = config_xml.load(write_config(tmp_path, teachers, trainings))
    with Store.open(tmp_path / "store.sqlite3") as store, pytest.raises(DataFileError) as err:
        pipeline.check(config, store)
    assert err.value.path == tmp_path / "teachers.xlsx"
    assert str(err.value).endswith("teachers.xlsx: this is not a .xlsx workbook (it may be a "
                                   "text or CSV file renamed .xlsx)")


def test_the_counts_follow_each_rechecked_row(tmp_path: Path) -> None:
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [
        ["mdupont", "Dupont", "Marie", ""], ["jmartin", "Martin", "Jean", ""]])))
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
    imp = plan.imports[0]

    def counts() -> dict[str, int]:
        return {o.value: n for o, n in imp.row_counts().items()}

    assert counts() == {"create": 2}
    pipeline.recheck_row(plan, 0, 1, ("", "Martin", "Jean", ""))
    assert counts() == {"create": 1, "error": 1}
    assert plan.counts() == {"create": 1, "update": 0, "unchanged": 0, "delete": 0, "error": 1}
    pipeline.recheck_row(plan, 0, 1, ("mdupont", "Dupont", "Marie", ""))
    assert counts() == {"create": 1, "unchanged": 1}


def test_a_missing_file_is_reported_before_any_row_is_planned(tmp_path: Path) -> None:
    import pytest

    from importer_gui.core.errors import DataFileError
    from importer_gui.core.progress import Monitor
    from tests.builders import trainings_import

    teachers = teachers_import(tmp_path, [[f"t{n}", "Name", "First", ""] for n in range(600)])
    trainings = trainings_import(tmp_path, [], file_name="gone.csv")
    (tmp_path / "gone.csv").unlink()
    config = config_xml.load(write_config(tmp_path, teachers, trainings))
    progress: list[int] = []
    monitor = Monitor(progress=lambda done, total, what: progress.append(done))
    with Store.open(tmp_path / "store.sqlite3") as store, pytest.raises(DataFileError) as err:
        pipeline.check(config, store, monitor=monitor)
    assert str(err.value) == f"{tmp_path / 'gone.csv'}: the file does not exist"
    assert progress == []  # the 600 teachers were not checked first, only to be thrown away


@pytest.fixture
def collecting() -> Iterator[None]:
    """Python's own collector on, as on the command line: a window's test earlier in the same
    run leaves the window's collector in its place (``ui.collector``), which turns it off."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


@pytest.mark.usefixtures("collecting")
def test_the_store_s_records_are_loaded_with_the_collector_paused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A million records are long-lived and acyclic: a collection walking them as they are
    made (a third of their load) would free nothing, in the window as on the command line."""
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [
        ["mdupont", "Dupont", "Marie", ""]])))
    seen: list[tuple[bool, bool]] = []
    load_state = Store.load_state

    def watched(store: Store, *args: Any, **kwargs: Any) -> StoreState:
        seen.append((gc.isenabled(), gc_paused()))
        return load_state(store, *args, **kwargs)

    monkeypatch.setattr(Store, "load_state", watched)
    assert gc.isenabled()
    with Store.open(tmp_path / "store.sqlite3") as store:
        pipeline.replan(pipeline.check(config, store), store)
    assert seen == [(False, True), (False, True)]
    assert gc.isenabled()
