"""Running out of memory outside a check (a commit, the output) is one line too, exit 2."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from importer_gui import cli
from importer_gui.cli import history


def test_a_memory_error_in_any_command_is_one_line_and_exit_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def exhausted(args: object, out: object) -> int:
        raise MemoryError

    monkeypatch.setattr(history, "HISTORY", dataclasses.replace(history.HISTORY, run=exhausted))
    code = cli.main(["history", "--store", str(tmp_path / "s.sqlite3")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err == ("importer-gui: there is not enough memory to finish; the store holds whole "
                   "runs only (see importer-gui history).\n")
