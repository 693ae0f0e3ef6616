"""A commit refused for a unique value taken since its check names the value and who took it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import StoreError
from importer_gui.core.store import Store
from tests.builders import teachers_import, trainings_import, write_config


def checked_then_taken(tmp_path: Path, sql: str) -> str:
    """Check two new teachers, let ``sql`` write into the store, commit: the refusal."""
    config = write_config(tmp_path, teachers_import(tmp_path, [("t0", "Zero", "F", ""),
                                                               ("t1", "One", "M", "")]))
    store_path = tmp_path / "store.sqlite3"
    with Store.open(store_path) as store:
        plan = pipeline.check(config_xml.load(config), store)
        other = sqlite3.connect(store_path)
        other.execute(sql)
        other.commit()
        other.close()
        with pytest.raises(StoreError) as refused:
            pipeline.commit(plan, store)
        assert store.history() == []
    return str(refused.value)


def test_a_login_another_program_wrote_is_named(tmp_path: Path) -> None:
    said = checked_then_taken(
        tmp_path, "INSERT INTO teacher (login, name) VALUES ('t1', 'Written elsewhere')")
    assert said == (f"Another teacher has the teacherLogin 't1', written by another program "
                    f"since the check; check again: nothing was written to "
                    f"{tmp_path / 'store.sqlite3'}.")


def test_a_course_code_taken_meanwhile_is_named_too(tmp_path: Path) -> None:
    config = write_config(tmp_path, trainings_import(tmp_path, [("PC-1", "One", "G-1")]))
    store_path = tmp_path / "store.sqlite3"
    with Store.open(store_path) as store:
        plan = pipeline.check(config_xml.load(config), store)
        other = sqlite3.connect(store_path)
        other.execute("INSERT INTO training (path_code, title) VALUES ('PC-1', 'Elsewhere')")
        other.commit()
        other.close()
        with pytest.raises(StoreError) as refused:
            pipeline.commit(plan, store)
    assert str(refused.value) == (
        f"Another training has the trainingPathCode 'PC-1', written by another program since the "
        f"check; check again: nothing was written to {store_path}.")
