"""The corrections a commit recorded, read back from the history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.corrections import RecordedCorrection, run_corrections
from importer_gui.core.errors import StoreError
from importer_gui.core.session import Session
from importer_gui.core.store import Store
from tests.builders import teachers_import, write_config
from tests.sessions import commit_shown, edit, open_checked


def test_history_of_a_run_lists_its_corrections(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    session = Session(tmp_path / "store.sqlite3")
    path = write_config(tmp_path, teachers_import(tmp_path, [["zoe", "Zoe", "Z", ""],
                                                             ["", "Nobody", "N", ""]]))
    open_checked(session, path)
    edit(session, 3, 0, "nobody")
    committed = commit_shown(session)
    assert committed.corrections == 1
    store = str(session.store_path)

    assert main(["history", str(committed.run_id), "--store", store]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"Run {committed.run_id}  ")
    assert out[-2:] == ["  corrections: 1",
                        '    teachers.csv:3 teacherLogin (teacherLogin): "" -> "nobody"']

    assert main(["history", str(committed.run_id), "--store", store, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["corrections"] == [{
        "file": str(tmp_path / "teachers.csv"), "line": 3, "column": 1,
        "header": "teacherLogin", "field": "teacherLogin", "before": "", "after": "nobody"}]

    assert main(["history", "9", "--store", store]) == 2
    assert capsys.readouterr().err == f"importer-gui: The store {store} holds no run 9.\n"


def test_a_runs_recorded_configuration_is_read_from_the_store(tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    path = write_config(tmp_path, teachers_import(tmp_path, [["", "Nobody", "N", ""]]))
    open_checked(session, path)
    edit(session, 2, 0, "nobody")
    committed = commit_shown(session)

    with Store.open(session.store_path) as store:
        recorded = store.run_config(committed.run_id)
        assert recorded is not None
        assert "<ia:correction " in recorded and 'after="nobody"' in recorded
        assert run_corrections(store, committed.run_id) == [RecordedCorrection(
            str(tmp_path / "teachers.csv"), 2, 1, "teacherLogin", "teacherLogin", "", "nobody")]
        with pytest.raises(StoreError) as raised:
            store.run_config(9)
    assert str(raised.value) == f"The store {session.store_path} holds no run 9."
