"""A data file whose header holds a character XML cannot hold: the mapping page names the file
and the column (a workbook's cell) and says what to do in the window's words, as init does in
its own; a configuration that records no headers goes through."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from importer_gui.ui.language import FRENCH
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.wizard import CONFIG, MAPPING, PREVIEW
from tests.builders import rewrite_package, teachers_import, write_config, write_xlsx
from tests.ui.test_mapping_custom_and_codes import mapping

TEACHER = "createOrUpdateTeacherAction"
HEADER = ("teacherLogin", "teacherName\x0cX", "teacherFirstName", "teacherEmail")
NBSP = "\xa0"


def teachers_csv(folder: Path, header: tuple[str, ...] = HEADER) -> Path:
    """A teachers file whose second header holds a form feed."""
    path = folder / "teachers.csv"
    path.write_text(";".join(header) + "\nzoe;Zoe;Z;z@e.org\n", encoding="utf-8")
    return path


def said(place: str, column: str, speaking: str) -> str:
    """The mapping page's words for the header of ``column``, after the file's ``place``."""
    if speaking == FRENCH:
        return (f"{place}{NBSP}: l'en-tête de la colonne {column} (teacherName\\x0cX) "
                "contient un caractère que XML ne peut pas contenir (U+000C)"
                f"{NBSP}: aucune configuration ne peut la nommer{NBSP}; supprimez ce "
                "caractère de l'en-tête du fichier et rouvrez le fichier")
    return (f"{place}: the header of column {column} (teacherName\\x0cX) holds a "
            "character XML cannot hold (U+000C), so no configuration can name it; delete "
            "that character from the file's header and open the file again")


def test_a_csv_header_xml_cannot_hold_is_named_with_what_to_do(
        window: MainWindow, tmp_path: Path, speaking: str, screenshots: Path) -> None:
    data = teachers_csv(tmp_path)
    page = mapping(window, data, TEACHER)
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert page.error_label.text() == said(f"{data}:1", "2", speaking)
    window.grab().save(str(screenshots / f"mapping_header_not_xml_{speaking}.png"))


def test_a_workbook_header_cell_xml_cannot_hold_is_named_by_its_cell(
        window: MainWindow, tmp_path: Path, speaking: str) -> None:
    data = write_xlsx(tmp_path / "teachers.xlsx",
                      [("teacherLogin", "teacherNameQQX", "teacherFirstName", "teacherEmail"),
                       ("zoe", "Zoe", "Z", "z@e.org")])
    rewrite_package(data, {name: lambda xml: xml.replace(b"teacherNameQQX",
                                                         b"teacherName_x000C_X")
                           for name in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")})
    page = mapping(window, data, TEACHER)
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    assert page.error_label.text() == said(f"{data}:B1", "B", speaking)


def test_the_file_mended_and_opened_again_goes_through(window: MainWindow,
                                                        tmp_path: Path) -> None:
    data = teachers_csv(tmp_path)
    page = mapping(window, data, TEACHER)
    page.confirm_check.setChecked(True)
    window.wizard.next()
    assert window.wizard.currentId() == MAPPING
    teachers_csv(tmp_path, tuple(h.replace("\x0c", "") for h in HEADER))
    page = mapping(window, data, TEACHER)
    window.wizard.next()
    assert window.wizard.currentId() == CONFIG
    assert page.error_label.text() == ""


def test_a_configuration_recording_no_headers_previews_and_passes_the_mapping_again(
        window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, []))
    teachers_csv(tmp_path)  # its headers are written nowhere: no reason to refuse them
    wizard = window.wizard
    assert window.open_file(config)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW)
    wizard.go_back()
    wizard.go_back()
    assert wizard.currentId() == MAPPING
    wizard.next()
    assert wizard.mapping_page.error_label.text() == ""
    assert wizard.currentId() == CONFIG
