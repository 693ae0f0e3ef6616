"""A data file moved or deleted between the check and the commit (QA 13 D6).

The commit writes nothing and says the file is no longer there, not that it changed; a file
saved again is still said to have changed. Real files, a real store.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from importer_gui.core import config_xml, pipeline
from importer_gui.core.errors import DataFileError
from importer_gui.core.plan import FileStamp, Plan
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config

ROW = ("mdupont", "Dupont", "Marie", "m@example.org")


def checked(tmp_path: Path, store: Store) -> tuple[Plan, Path]:
    """A teacher import checked against ``store``, and its data file."""
    config = config_xml.load(write_config(tmp_path, teachers_import(tmp_path, [ROW])))
    return pipeline.check(config, store), tmp_path / "teachers.csv"


def test_a_file_moved_since_the_check_is_said_to_be_gone(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan, data = checked(tmp_path, store)
        data.rename(tmp_path / "teachers.moved")
        with pytest.raises(DataFileError) as raised:
            pipeline.commit(plan, store)
        assert str(raised.value) == (
            f"{data}: the file is no longer there (moved or deleted since it was checked): put "
            "it back, or check it again where it now is (on the command line: --data).")
        assert store.history() == []


def test_a_file_saved_again_since_the_check_is_said_to_have_changed(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan, data = checked(tmp_path, store)
        data.write_text(data.read_text() + "jmartin;Martin;Jean;j@example.org\n")
        with pytest.raises(DataFileError) as raised:
            pipeline.commit(plan, store)
        assert str(raised.value) == (f"{data}: the file changed since it was checked; check it "
                                     "again before committing.")
        assert store.history() == []


def test_a_stamp_tells_a_file_gone_from_one_changed(tmp_path: Path) -> None:
    data = tmp_path / "a.csv"
    data.write_text("a\n")
    stamp = FileStamp.of(data)
    assert (stamp.changed(), stamp.gone()) == (False, False)
    os.utime(data, ns=(0, 0))
    assert (stamp.changed(), stamp.gone()) == (True, False)
    data.unlink()
    assert (stamp.changed(), stamp.gone()) == (True, True)
