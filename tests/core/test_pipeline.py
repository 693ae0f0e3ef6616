"""Preview edits and the full re-plan that makes a commit match a fresh preview."""

from __future__ import annotations

from pathlib import Path

from importer_gui.core import config_xml, pipeline
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
    assert pipeline.tables_needed(both) == {Table.TEACHER, Table.TRAINING}
