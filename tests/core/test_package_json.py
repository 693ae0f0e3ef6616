"""package --json lists its imports as check --json does (actions, counts), each with the
package file holding its rows, beside the files it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.core.catalogue import TEACHER_ACTION
from tests.builders import ImportSpec, teachers_import, trainings_import, write_config
from tests.core.test_cli import run
from tests.stores import existing_store

TRAINING_AGAIN = ("<createOrUpdateTrainingCourseAction><fields><trainingPathCode/>"
                  "<trainingTitle/><trainingGuid/></fields></createOrUpdateTrainingCourseAction>")


def shared_file_config(folder: Path) -> Path:
    """Two imports reading one file (the second through two actions), and a teacher import
    the package leaves out."""
    first = trainings_import(folder, [["SEC-101", "Sécurité", ""], ["", "No code", ""]])
    second = ImportSpec(first.file_name, first.columns, first.action, then=TRAINING_AGAIN)
    teachers = teachers_import(folder, [["t1", "Name", "F", "t1@example.org"]])
    return write_config(folder, first, second, teachers)


def test_package_json_gives_each_import_s_actions_counts_and_package_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = shared_file_config(tmp_path)
    store = existing_store(tmp_path / "s.sqlite3")
    _, checked, _ = run(capsys, "check", str(config), "--store", store, "--json")
    out = tmp_path / "package"
    code, packaged, err = run(capsys, "package", str(config), "--out", str(out), "--store",
                              store, "--json")
    assert (code, err) == (1, "")
    document, check = json.loads(packaged), json.loads(checked)
    # What check says of each import, not again in other words.
    assert [{k: v for k, v in i.items() if k != "package_file"}
            for i in document["imports"]] == [
        {k: v for k, v in i.items() if k != "rows"} for i in check["imports"]]
    assert document["counts"] == check["counts"]
    assert [(Path(i["file"]).name, i["actions"], i["counts"]["error"], i["package_file"])
            for i in document["imports"]] == [
        ("trainings.csv", ["createOrUpdateTrainingCourseAction"], 1,
         str(out / "trainings.csv")),
        ("trainings.csv", ["createOrUpdateTrainingCourseAction"] * 2, 2,
         str(out / "trainings_2.csv")),
        ("teachers.csv", [TEACHER_ACTION.name], 0, None)]
    # The keys scripts already read are still there.
    assert [(Path(f["file"]).name, f["rows"]) for f in document["files"]] == [
        ("trainings.csv", 1), ("trainings_2.csv", 1)]
    assert {"folder", "config", "left_out", "notices", "upload", "sent"} <= document.keys()
