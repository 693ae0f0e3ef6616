"""An export configuration whose consolidators are out of the documented order: the platform's
pages say the order is needed for them to work properly, not that such a file is refused, so
a refresh reads it and warns, naming the consolidator and the order."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from importer_gui.cli import main

WARNING = ("<moveToFolder> (line 30) comes after <cleanFolder> (line 29) in <consolidators>: "
           "the platform's documentation declares them in this order for them to work "
           "properly: timeLogger, moveToFolder, emailReport, archive, generateEndFile, "
           "cleanFolder. The configuration is read all the same.")


def out_of_order(sample: Path) -> Path:
    """The sample's export configuration, its first export cleaning the folder first."""
    config = sample / "exports" / "export-config.xml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("<consolidators>\n            <moveToFolder>",
                                   "<consolidators>\n            <cleanFolder/>\n"
                                   "            <moveToFolder>", 1), encoding="utf-8")
    return config


def trainings(store: Path) -> int:
    """How many trainings the store holds."""
    conn = sqlite3.connect(store)
    try:
        return conn.execute("SELECT count(*) FROM training").fetchone()[0]
    finally:
        conn.close()


def test_a_refresh_warns_of_consolidators_out_of_order_and_refreshes(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config, store = out_of_order(sample), tmp_path / "s.sqlite3"
    assert main(["refresh", str(config), "--store", str(store)]) == 1  # the sample's 2 events
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.splitlines()[-2:] == [WARNING, "Committed as run 1."]
    assert trainings(store) == 4  # the first export's file was read as the others


def test_the_json_output_names_the_warning_among_its_notices(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = out_of_order(sample)
    assert main(["refresh", str(config), "--store", str(tmp_path / "s.sqlite3"),
                 "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["notices"] == [WARNING]
