"""Options where a power user puts them: after the arguments, as every command takes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.builders import teachers_import, write_config


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """main(argv) with its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store holding one run."""
    path = tmp_path / "team.sqlite3"
    config = write_config(tmp_path, teachers_import(tmp_path, [("t1", "One", "A", "")]))
    assert run(capsys, "commit", str(config), "--store", str(path))[0] == 0
    return path


@pytest.mark.parametrize("where", ["after", "before"])
def test_store_copy_takes_json_after_its_stores_as_before_copy(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str) -> None:
    copy = tmp_path / "copy.sqlite3"
    argv = (["store", "copy", str(store), str(copy), "--json"] if where == "after"
            else ["store", "--json", "copy", str(store), str(copy)])
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert json.loads(out) == {"source": str(store), "destination": str(copy), "runs": 1,
                               "records": 1, "rows": json.loads(out)["rows"]}


def test_store_copy_without_json_prints_its_sentence(
        store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy.sqlite3"
    assert run(capsys, "store", "copy", str(store), str(copy)) == (
        0, f"Copied 1 run and 1 record from {store} to {copy}.\n", "")
