"""A data file opened while a saved configuration is loaded gets that configuration."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from importer_gui.core import config_xml
from importer_gui.core.config import Provider
from importer_gui.core.plan import FileStamp
from importer_gui.core.session import Session
from tests.builders import teachers_import, trainings_import, write_config, write_xlsx


def test_a_new_file_keeps_the_loaded_configuration_and_its_sheet(tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    spec = teachers_import(tmp_path, [["zoe", "Zoe", "Z", "z@example.org"]])
    spec.provider_extra = ("<fileEncoding>WINDOWS-1252</fileEncoding>"
                           "<dateFormat>DD/MM/YYYY</dateFormat>")
    path = write_config(tmp_path, spec)
    session.open_configuration(path, config_xml.load(path), FileStamp.of(path))
    columns = list(session.current_import().provider.columns)

    june = tmp_path / "june" / "teachers.csv"
    june.parent.mkdir()
    june.write_text("teacherLogin;teacherName\n", encoding="utf-8")
    opened = Provider(file_name=june.name, path=str(june.parent))
    assert session.open_data_file(june, opened) is True
    provider = session.current_import().provider
    assert (provider.file_name, provider.path) == ("teachers.csv", str(june.parent))
    assert (provider.file_encoding, provider.date_format) == ("WINDOWS-1252", "DD/MM/YYYY")
    assert provider.columns == columns and session.choices.config_path == path
    assert session.choices.data_files == [june]

    book = write_xlsx(tmp_path / "book.xlsx", [["teacherLogin"], ["zoe"]], title="Notes")
    workbook = load_workbook(book)
    workbook.create_sheet("Profs").append(["teacherLogin"])
    workbook.save(book)
    provider.sheet = "Profs"  # last month's sheet: this month's workbook has it too
    assert session.open_data_file(book, Provider(file_name=book.name, path=str(tmp_path),
                                                 sheet="Notes"))
    assert session.current_import().provider.sheet == "Profs"
    provider.sheet = "Gone"  # a sheet this workbook lacks: its first one is read
    assert session.open_data_file(book, Provider(file_name=book.name, path=str(tmp_path),
                                                 sheet="Notes"))
    assert session.current_import().provider.sheet == "Notes"

    session.new_import()
    assert session.open_data_file(june, Provider(file_name=june.name)) is False
    assert session.current_import().provider.columns == []


def test_in_a_configuration_of_several_imports_the_chosen_import_gets_the_file(
        tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    path = write_config(tmp_path, teachers_import(tmp_path, [["zoe", "Zoe", "Z", ""]]),
                        trainings_import(tmp_path, [["SEC-101", "Sécurité", ""]]))
    session.open_configuration(path, config_xml.load(path), FileStamp.of(path))
    first, _may = session.choices.data_files
    session.choose_import(1)
    june = tmp_path / "trainings-june.csv"
    june.write_text("trainingPathCode\n", encoding="utf-8")
    assert session.open_data_file(june, Provider(file_name=june.name, path=str(tmp_path)))
    assert session.choices.data_files == [first, june]
    assert [imp.provider.file_name for imp in session.choices.config.imports] == [
        "teachers.csv", "trainings-june.csv"]
    assert session.choices.config.imports[1].actions[0].name == (
        "createOrUpdateTrainingCourseAction")


def test_a_new_workbook_keeps_the_sheet_named_in_another_case(tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    path = write_config(tmp_path, teachers_import(tmp_path, [["zoe", "Zoe", "Z", ""]]))
    session.open_configuration(path, config_xml.load(path), FileStamp.of(path))
    book = write_xlsx(tmp_path / "book.xlsx", [["teacherLogin"], ["zoe"]], title="Notes")
    workbook = load_workbook(book)
    workbook.create_sheet("Profs").append(["teacherLogin"])
    workbook.save(book)
    session.current_import().provider.sheet = "PROFS"  # the sheet Profs, as Excel reads it
    assert session.open_data_file(book, Provider(file_name=book.name, path=str(tmp_path),
                                                 sheet="Notes"))
    assert session.current_import().provider.sheet == "PROFS"
