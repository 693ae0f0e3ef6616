"""Corrections: kept per file, applied again to a check, written as a corrected copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from lxml import etree

from importer_gui.core import config_xml
from importer_gui.core.config import EXT_NS, Column, Import, ImportConfig, Provider
from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Reading,
    corrected_name,
    recorded_config,
    write_corrected_copy,
)
from importer_gui.core.errors import ImporterError
from tests.builders import rewrite_package, write_xlsx
from tests.core.test_error_cells import ods_text, write_ods

SEMICOLON = Reading("UTF-8", ";", None, True)


def corrected(file: Path, *cells: tuple[int, int, str, str],
              reading: Reading = SEMICOLON) -> Corrections:
    """Corrections of ``file``: (line, column, before, after) each."""
    corrections = Corrections()
    for line, column, before, after in cells:
        corrections.record(file, reading, Correction(line, column, before, after))
    return corrections


def test_a_cell_corrected_twice_remembers_the_files_text(tmp_path: Path) -> None:
    file = tmp_path / "t.csv"
    corrections = corrected(file, (3, 0, "XLS-30", "XLS-3000"), (3, 0, "XLS-3000", "XLS-300"))
    found = corrections.at(file, 3, 0)
    assert found is not None and (found.before, found.after) == ("XLS-30", "XLS-300")
    assert corrections.count() == corrections.unsaved() == 1
    corrections.record(file, SEMICOLON, Correction(3, 0, "XLS-300", "XLS-30"))
    assert corrections.at(file, 3, 0) is None and not corrections  # typed back: no correction


def test_a_file_is_one_file_whatever_path_leads_to_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    corrections = corrected(tmp_path / "sub" / ".." / "t.csv", (2, 1, "a", "b"))
    assert corrections.at(tmp_path / "t.csv", 2, 1) is not None


def test_saved_corrections_are_not_unsaved_until_the_next_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    corrections = corrected(one, (2, 0, "a", "b"))
    corrections.record(two, SEMICOLON, Correction(2, 0, "c", "d"))
    corrections.mark_saved([one])
    assert (corrections.count(), corrections.unsaved()) == (2, 1)
    copy = corrections.copy()
    corrections.record(one, SEMICOLON, Correction(3, 0, "e", "f"))
    assert corrections.unsaved() == 3 and copy.count() == 2  # the copy stays as it was


def test_a_csv_copy_changes_only_the_corrected_records(tmp_path: Path) -> None:
    text = ('Code;Titre\r\nXLS-30;"Sécurité; niveau 1"\r\n\r\nXLS-101;"Deux\nlignes"\r\n'
            "XLS-7;Fin")
    source = tmp_path / "courses.csv"
    source.write_bytes(text.encode("cp1252"))
    reading = Reading("WINDOWS-1252", ";", None, True)
    corrections = corrected(source, (2, 0, "XLS-30", "XLS-300"), (6, 1, "Fin", "Fin; vraie"),
                            reading=reading)
    entry = corrections.of(source)
    assert entry is not None
    target = write_corrected_copy(entry, tmp_path / corrected_name(source))
    assert target.name == "courses-corrected.csv"
    assert target.read_bytes().decode("cp1252") == (
        'Code;Titre\r\nXLS-300;"Sécurité; niveau 1"\r\n\r\nXLS-101;"Deux\nlignes"\r\n'
        'XLS-7;"Fin; vraie"')
    assert source.read_bytes() == text.encode("cp1252")


def test_a_workbook_copy_holds_the_corrections_as_text(tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "sessions.xlsx", [
        ["Code", "Début"], ["XLS-30", date(2027, 1, 12)], ["SEC-101", date(2027, 2, 1)]])
    corrections = corrected(source, (2, 0, "XLS-30", "XLS-300"), (3, 1, "2027-02-01", "=1+1"))
    entry = corrections.of(source)
    assert entry is not None
    target = write_corrected_copy(entry, tmp_path / corrected_name(source))
    rows = list(openpyxl.load_workbook(target).active.values)
    assert rows[1][0] == "XLS-300" and rows[1][1].date() == date(2027, 1, 12)
    assert rows[2] == ("SEC-101", "=1+1")  # text, never a formula


def test_a_workbook_copy_corrects_the_sheet_named_in_another_case(tmp_path: Path) -> None:
    # The check reads the sheet "data" names case-insensitively, as Excel does; the copy
    # said the sheet was gone, and the correction could not be saved.
    source = write_xlsx(tmp_path / "sessions.xlsx", [["Note"], ["à lire"]], title="Cover")
    book = openpyxl.load_workbook(source)
    book.create_sheet("Data").append(["Code"])
    book["Data"].append(["XLS-30"])
    book.save(source)
    reading = Reading("UTF-8", ";", "data", True)
    entry = corrected(source, (2, 0, "XLS-30", "XLS-300"), reading=reading).of(source)
    assert entry is not None
    target = write_corrected_copy(entry, tmp_path / corrected_name(source))
    copy = openpyxl.load_workbook(target)
    assert list(copy["Data"].values) == [("Code",), ("XLS-300",)]
    assert list(copy["Cover"].values) == [("Note",), ("à lire",)]


def test_a_workbook_copy_keeps_the_formulas_of_the_other_sheets(tmp_path: Path) -> None:
    # The copy was written from the values alone: a totals sheet beside the data lost its
    # formulas (and, when the workbook held no result of them, its cells went empty).
    source = write_xlsx(tmp_path / "sessions.xlsx", [["Code", "Places"], ["XLS-30", 12]],
                        title="Data")
    book = openpyxl.load_workbook(source)
    book.create_sheet("Totals").append(["Places", "=SUM(Data!B2:B9)"])
    book.save(source)
    rewrite_package(source, {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(
        b'<c r="B2" t="n"><v>12</v></c>', b'<c r="B2"><f>6*2</f><v>12</v></c>')})
    entry = corrected(source, (2, 0, "XLS-30", "XLS-300")).of(source)
    assert entry is not None
    target = write_corrected_copy(entry, tmp_path / corrected_name(source))
    copy = openpyxl.load_workbook(target)
    assert list(copy["Totals"].values) == [("Places", "=SUM(Data!B2:B9)")]
    # The read sheet's formula is its result, as the check read it and the copy's check will.
    assert list(copy["Data"].values) == [("Code", "Places"), ("XLS-300", 12)]


@pytest.mark.parametrize(("after", "named"), [("Dup\x01ont", "U+0001"),
                                            ("\ufffe", "U+FFFE")])
def test_a_workbook_copy_refuses_a_character_no_workbook_holds(
        tmp_path: Path, after: str, named: str) -> None:
    # openpyxl refused it with an error of its own: the window said "unexpected", and on
    # the way out the correction was lost with the window.
    source = write_xlsx(tmp_path / "sessions.xlsx", [["Code", "Titre"], ["XLS-30", "Excel"]])
    entry = corrected(source, (2, 1, "Excel", after)).of(source)
    assert entry is not None
    target = tmp_path / corrected_name(source)
    with pytest.raises(ImporterError) as raised:
        write_corrected_copy(entry, target)
    assert str(raised.value) == (
        f"{source}: line 2, column 2 (-): {named} cannot be written in a workbook. "
        "Nothing was written; change those characters in the cell, then save the copy again.")
    assert not target.exists()



@pytest.mark.parametrize(("after", "named"), [("Dup\x01ont", "U+0001"),
                                            ("\ufffe", "U+FFFE")])
def test_an_ods_copy_refuses_a_character_no_workbook_holds(
        tmp_path: Path, after: str, named: str) -> None:
    # Copied as .xlsx, it met openpyxl's own error: the window said "unexpected".
    source = tmp_path / "sessions.ods"
    write_ods(source, "".join("<table:table-row>" + "".join(map(ods_text, row))
                              + "</table:table-row>" for row in (("Code", "Titre"),
                                                                 ("XLS-30", "Excel"))))
    entry = corrected(source, (2, 1, "Excel", after)).of(source)
    assert entry is not None
    target = tmp_path / corrected_name(source)
    with pytest.raises(ImporterError) as raised:
        write_corrected_copy(entry, target, fields=["trainingPathCode", "trainingTitle"])
    assert str(raised.value) == (
        f"{source}: line 2, column 2 (trainingTitle): {named} cannot be written in a "
        "workbook. Nothing was written; change those characters in the cell, then save the "
        "copy again.")
    assert not target.exists()


def test_a_copy_never_replaces_its_own_file(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text("a\nb\n", encoding="utf-8")
    entry = corrected(source, (2, 0, "b", "c")).of(source)
    assert entry is not None
    with pytest.raises(ImporterError, match="cannot replace the file it is made from"):
        write_corrected_copy(entry, source)


def test_an_xls_or_ods_copy_is_a_workbook_openpyxl_writes() -> None:
    assert corrected_name(Path("a/b.ods")) == "b-corrected.xlsx"
    assert corrected_name(Path("b.XLS")) == "b-corrected.xlsx"
    assert corrected_name(Path("b.xlsm")) == "b-corrected.xlsm"


def test_a_run_records_the_corrections_of_its_files(tmp_path: Path) -> None:
    file = tmp_path / "teachers.csv"
    corrections = Corrections()
    corrections.record(file, SEMICOLON, Correction(3, 0, "", "bell\x07", "teacherLogin",
                                                   "Login"))
    config = ImportConfig(imports=[Import(Provider(file_name=file.name,
                                                   columns=[Column("teacherLogin")]))])
    other = [(tmp_path / "other.csv", ["teacherLogin"])]
    assert recorded_config(config, corrections, other) is config
    recorded = recorded_config(config, corrections, [(file, ["teacherLogin"])])
    assert config.preserved == []  # the configuration itself is left as it was
    root = etree.fromstring(config_xml.dumps(recorded).encode())
    [element] = root.iter(f"{{{EXT_NS}}}correction")
    assert dict(element.attrib) == {
        "file": str(file.resolve()), "line": "3", "column": "1", "header": "Login",
        "field": "teacherLogin", "before": "", "after": "bell\\x07"}


def test_a_copy_of_a_file_gone_says_why_once(tmp_path: Path) -> None:
    source = tmp_path / "t.csv"
    source.write_text("a\nb\n", encoding="utf-8")
    entry = corrected(source, (2, 0, "b", "c")).of(source)
    assert entry is not None
    source.unlink()  # a colleague tidied the shared drive
    with pytest.raises(ImporterError) as raised:
        write_corrected_copy(entry, tmp_path / "copy.csv")
    assert str(raised.value) == (
        f"{source}: cannot be read again to copy it (No such file or directory)")
    assert not (tmp_path / "copy.csv").exists()
