"""The refresh benchmark's export: deterministic, and refreshed without an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import exports, probes
from importer_gui.cli import main


def test_the_bench_export_refreshes_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(exports, "OUT", tmp_path / "out")
    config = exports.write(500)
    first = (config.parent / "platform_sessions.csv").read_bytes()
    assert main(["refresh", str(config), "--store", str(tmp_path / "s.db")]) == 0
    assert "create 500, update 0, unchanged 0, delete 0, error 0" in capsys.readouterr().out
    (config.parent / "export-config.xml").unlink()
    assert (exports.write(500).parent / "platform_sessions.csv").read_bytes() == first


def test_the_window_s_preview_of_the_export_held_already_is_measured_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object) -> None:
    monkeypatch.setattr(exports, "OUT", tmp_path / "out")
    config = exports.write(500)
    store = tmp_path / "s.db"
    with pytest.raises(SystemExit, match="did not end unchanged"):  # a new store: creates
        probes.refresh_waits(str(config), str(tmp_path / "new.db"), previews=1)
    assert main(["refresh", str(config), "--store", str(store)]) == 0
    assert set(probes.refresh_waits(str(config), str(store), previews=2)) == {"worst"}
