"""Last month's mapping on this month's file: columns follow their recorded header."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer_gui.cli import main
from importer_gui.core.config import Column
from importer_gui.core.remap import remap
from tests.builders import write_csv
from tests.stores import existing_store

HEADED_CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<import-config xmlns:ia="urn:import-assistant:extension:1">
  <import><providers><fileSystemSourceProvider>
    <fileName>teachers.csv</fileName><skipFirstLine>yes</skipFirstLine>
    <columnsMapping>
      <teacherLogin ia:header="Identifiant"/>
      <teacherName ia:header="Nom"/>
      <ignoredColumn ia:header="Service"/>
      <teacherEmail ia:header="Courriel"/>
    </columnsMapping>
  </fileSystemSourceProvider></providers>
  <actions><createOrUpdateTeacherAction><fields>
    <teacherLogin/><teacherName/><teacherEmail/>
  </fields></createOrUpdateTeacherAction></actions>
</import>
</import-config>
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_columns_follow_their_header_whatever_their_order() -> None:
    columns = [Column("teacherLogin", header="Identifiant"), Column("teacherName", header="Nom"),
               Column("ignoredColumn", header="Service")]
    laid = remap(columns, ["Nom ", "Téléphone", "identifiant"])
    assert [(c.field, c.header) for c in laid.columns] == [
        ("teacherName", "Nom "), ("ignoredColumn", "Téléphone"), ("teacherLogin", "identifiant")]
    assert [(m.header, m.before, m.after) for m in laid.moved] == [
        ("Nom ", 1, 0), ("identifiant", 0, 2)]
    assert laid.new == [(1, "Téléphone")]
    assert laid.missing == []  # an ignored column that is gone is no loss


def test_without_recorded_headers_columns_apply_by_position() -> None:
    columns = [Column("teacherLogin"), Column("teacherName")]
    laid = remap(columns, ["Nom", "Identifiant"])
    assert not laid.by_header and laid.columns == columns


def test_cli_matches_by_header_and_skips_a_new_column(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "teachers.xml"
    config.write_text(HEADED_CONFIG, encoding="utf-8")
    month = write_csv(tmp_path / "june.csv", [
        ["Courriel", "Téléphone", "Identifiant", "Nom"],
        ["marie.dupont@example.org", "0102", "mdupont", "Dupont"]])
    code, out, err = run(capsys, "check", str(config), "--data", str(month),
                         "--store", existing_store(tmp_path / "s.sqlite3"), "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["notices"] == [
        'june.csv: the column "Téléphone" (column 2) is not in the configuration\'s mapping '
        "and skipped."]
    assert document["imports"][0]["rows"][0]["outcome"] == "create"
    code, out, _ = run(capsys, "commit", str(config), "--data", str(month),
                       "--store", str(tmp_path / "s.sqlite3"))
    assert code == 0
    assert out.startswith('june.csv: the column "Téléphone" (column 2) is not in')
    code, out, _ = run(capsys, "check", str(config), "--data", str(month),
                       "--store", str(tmp_path / "s.sqlite3"), "--json")
    assert json.loads(out)["imports"][0]["rows"][0]["outcome"] == "unchanged"


def test_cli_stops_on_a_mapped_column_that_is_gone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "teachers.xml"
    config.write_text(HEADED_CONFIG, encoding="utf-8")
    month = write_csv(tmp_path / "june.csv", [["Identifiant", "Courriel"],
                                              ["mdupont", "marie.dupont@example.org"]])
    code, out, err = run(capsys, "check", str(config), "--data", str(month),
                         "--store", existing_store(tmp_path / "s.sqlite3"))
    assert (code, out) == (2, "")
    assert err == ('importer-gui: june.csv has no column "Nom" (teacherName): the '
                   "configuration maps it by header; map the file again in the wizard, or give "
                   "the file that header.\n")
