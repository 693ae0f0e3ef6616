"""A configuration saved with an <ignoredColumn/> past the file's last column (written before
the mapping page showed the file's columns only) packages as the file is: the configuration
written for the platform has one element per column of the file, and its data file no column
more. An ignored column the file has, or one before a mapped column, keeps its place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from importer_gui.cli import main
from tests.builders import write_csv
from tests.stores import existing_store

LEARNERS_CONFIG = """<?xml version="1.0" encoding="UTF-8"?>
<import-config xmlns:ia="urn:import-assistant:extension:1">
  <import><providers><fileSystemSourceProvider>
    <fileName>june.csv</fileName><skipFirstLine>{skip}</skipFirstLine>
    <columnsMapping>{columns}</columnsMapping>
    <delimiter>semicolon</delimiter>
  </fileSystemSourceProvider></providers>
  <actions><createOrUpdateLearnerAction><options><traineeSearchField><candidateRefNumber/>
  </traineeSearchField></options></createOrUpdateLearnerAction></actions>
</import>
</import-config>
"""
BY_HEADER = ('<candidateRefNumber ia:header="Matricule"/><candidateLogin ia:header="Identifiant"/>'
             '<candidateName ia:header="Nom"/>')
BY_PLACE = "<candidateRefNumber/><candidateLogin/><candidateName/>"
HEADER = ["Matricule", "Identifiant", "Nom"]
ROWS = [["E1", "hugo", "Hugo"], ["E2", "zola", "Zola"]]


def packaged(tmp_path: Path, columns: str, rows: list[list[str]], skip: str = "yes"
             ) -> tuple[list[str], str]:
    """``rows`` written as june.csv and packaged with a configuration mapping ``columns``:
    the columnsMapping's elements written, and the data file written."""
    write_csv(tmp_path / "june.csv", rows)
    config = tmp_path / "june.xml"
    config.write_text(LEARNERS_CONFIG.format(skip=skip, columns=columns), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["package", str(config), "--out", str(out),
                 "--store", existing_store(tmp_path / "s.sqlite3")]) == 0
    text = (out / "june.xml").read_text(encoding="utf-8")
    inside = text[text.index("<columnsMapping>") + 16:text.index("</columnsMapping>")]
    return re.findall(r"<[^<>]+/>", inside), (out / "june.csv").read_text(encoding="utf-8")


def test_a_phantom_ignored_column_after_columns_mapped_by_header_is_not_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written, data = packaged(tmp_path, BY_HEADER + "<ignoredColumn/>", [HEADER, *ROWS])
    assert written == ["<candidateRefNumber/>", "<candidateLogin/>", "<candidateName/>"]
    assert data.splitlines() == ["Matricule;Identifiant;Nom", "E1;hugo;Hugo", "E2;zola;Zola"]
    assert "ignoredColumn" not in capsys.readouterr().out


def test_a_phantom_ignored_column_after_columns_mapped_by_place_is_not_written(
        tmp_path: Path) -> None:
    written, data = packaged(tmp_path, BY_PLACE + "<ignoredColumn/><ignoredColumn/>", ROWS,
                                skip="no")
    assert written == ["<candidateRefNumber/>", "<candidateLogin/>", "<candidateName/>"]
    assert data.splitlines() == ["E1;hugo;Hugo", "E2;zola;Zola"]


def test_an_ignored_column_the_file_has_is_kept_in_its_place(tmp_path: Path) -> None:
    written, data = packaged(
        tmp_path, "<candidateRefNumber/><ignoredColumn/><candidateLogin/><candidateName/>"
                  "<ignoredColumn/><ignoredColumn/>",
        [["E1", "x", "hugo", "Hugo", "note"], ["E2", "", "zola", "Zola", ""]], skip="no")
    assert written == ["<candidateRefNumber/>", "<ignoredColumn/>", "<candidateLogin/>",
                       "<candidateName/>", "<ignoredColumn/>"]
    assert data.splitlines() == ["E1;x;hugo;Hugo;note", "E2;;zola;Zola;"]


def test_a_field_mapped_past_the_file_keeps_the_ignored_column_before_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    written, data = packaged(tmp_path, BY_PLACE + "<ignoredColumn/><candidateEmail/>",
                                ROWS, skip="no")
    assert written == ["<candidateRefNumber/>", "<candidateLogin/>", "<candidateName/>",
                       "<ignoredColumn/>", "<candidateEmail/>"]
    assert data.splitlines() == ["E1;hugo;Hugo;;", "E2;zola;Zola;;"]
    capsys.readouterr()
    assert main(["check", str(tmp_path / "june.xml"),
                 "--store", str(tmp_path / "s.sqlite3")]) == 0
    assert ("june.csv: its lines hold 3 cells where the configuration maps 5 columns; "
            "nothing is read for candidateEmail.") in capsys.readouterr().out
