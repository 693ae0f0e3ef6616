"""What the window shows, as people read it: ISO 8601 dates without a system locale, the
file's own line numbers on the open page, the delimiter and a reader's message introduced in
French, the store's record number apart from a login."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt

from importer_gui.core.schema import Table
from importer_gui.ui import language
from importer_gui.ui.labels import ID_COLUMN, column_title
from importer_gui.ui.locale_text import LocaleText
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import SAMPLE
from tests.builders import write_xlsx
from tests.ui.wizards import cell, shown_text

NBSP = "\u00a0"
ROOT = Path(__file__).resolve().parents[2]


def test_without_a_system_locale_english_keeps_iso_dates() -> None:
    english = LocaleText(language._locale(language.ENGLISH, QLocale.c()))
    assert english.iso
    assert english.date(date(2027, 2, 3)) == "2027-02-03"
    assert english.stored(datetime(2026, 12, 1, 17, 55)) == "2026-12-01 17:55"
    # A language the user chose, or a system that has a locale, keep theirs.
    assert language._locale(language.FRENCH, QLocale.c()).name() == "fr_FR"
    assert language._locale(language.ENGLISH, QLocale("en_GB")).name() == "en_GB"
    assert language._locale(language.ENGLISH, QLocale("fr_FR")).name() == "en_US"


def test_lang_c_starts_the_window_with_iso_dates(tmp_path: Path) -> None:
    script = ("from datetime import datetime\n"
              "from PySide6.QtCore import QCoreApplication, QLocale\n"
              "from importer_gui.ui.language import install_translators\n"
              "from importer_gui.ui.locale_text import LocaleText\n"
              "app = QCoreApplication([])\n"
              "print(install_translators(app), QLocale().name(),\n"
              "      LocaleText().stored(datetime(2026, 12, 1, 17, 55)))\n")
    for lang in ("C.UTF-8", "POSIX", None):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
        env["IMPORTER_GUI_CONFIG_DIR"] = str(tmp_path)
        if lang:
            env["LANG"] = lang
        done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True)
        assert done.stdout.split("\n")[0] == "en C 2026-12-01 17:55", lang


def test_the_open_page_numbers_rows_by_their_line_in_the_file(
        window: MainWindow, tmp_path: Path) -> None:
    data = tmp_path / "teachers.csv"
    data.write_text("Login;Nom\nmdupont;Dupont\njmartin;Martin\n", encoding="utf-8")
    page = window.wizard.open_page
    assert page.open_path(data)
    model = page.head_model
    lines = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert lines == [2, 3]  # as the preview and the command line say them
    page.header_check.setChecked(False)
    lines = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert lines == [1, 2, 3]


def detected(window: MainWindow, tmp_path: Path) -> str:
    """The open page's word on what it detected in a semicolon file."""
    data = tmp_path / "teachers.csv"
    data.write_text("Login;Prénom\nmdupont;Hélène\n", encoding="utf-8")
    assert window.wizard.open_page.open_path(data)
    return window.wizard.open_page.applied_label.text()


def test_the_delimiter_detected_is_named_in_french(french: None, window: MainWindow,
                                                   tmp_path: Path) -> None:
    assert detected(window, tmp_path) == (
        f"Lu comme détecté{NBSP}: encodage UTF-8 (sans ambiguïté), séparateur "
        "point-virgule (sans ambiguïté). Modifiez la lecture ci-dessous, et le format de date "
        "sur la page de correspondance, s'ils sont faux.")


def test_the_delimiter_detected_is_named_in_english(window: MainWindow, tmp_path: Path) -> None:
    assert detected(window, tmp_path) == (
        "Read as detected: encoding UTF-8 (certain), delimiter semicolon (certain). Change "
        "the reading below, and the date format on the mapping page, if they are wrong.")


def truncated(tmp_path: Path) -> Path:
    """A workbook cut in half."""
    book = write_xlsx(tmp_path / "cut.xlsx", [["Login"], ["mdupont"]])
    book.write_bytes(book.read_bytes()[:400])
    return book


def test_a_readers_message_is_introduced_in_french(french: None, window: MainWindow,
                                                   tmp_path: Path) -> None:
    book = truncated(tmp_path)
    assert not window.wizard.open_page.open_path(book)
    assert window.wizard.open_page.error_label.text() == (
        f"{book}{NBSP}: le classeur ne peut pas être lu{NBSP}; il est peut-être endommagé ou "
        f"incomplet (message du lecteur de classeurs, en anglais{NBSP}: invalid Zip archive: "
        "Could not find EOCD)")


def test_a_readers_message_in_english(window: MainWindow, tmp_path: Path) -> None:
    book = truncated(tmp_path)
    assert not window.wizard.open_page.open_path(book)
    assert window.wizard.open_page.error_label.text() == (
        f"{book}: the workbook cannot be read; it may be damaged or incomplete (invalid Zip "
        "archive: Could not find EOCD)")


def test_a_record_number_and_a_login_have_two_names_in_french(french: None) -> None:
    assert column_title(Table.TEACHER, ID_COLUMN) == "N° d'enregistrement"
    assert column_title(Table.TEACHER, "login") == "Identifiant du formateur — teacherLogin"


def test_a_record_number_and_a_login_in_english() -> None:
    assert column_title(Table.TEACHER, ID_COLUMN) == "Id"
    assert column_title(Table.TEACHER, "login") == "Teacher's login — teacherLogin"


def mapping_samples(window: MainWindow, tmp_path: Path) -> tuple[str, str]:
    """The mapping page's examples of a workbook's date column, and their tooltip."""
    book = write_xlsx(tmp_path / "sessions.xlsx",
                      [["Titre", "Début"], ["Excel", date(2027, 3, 2)],
                       ["Word", datetime(2027, 3, 5, 9, 30)]])
    wizard = window.wizard
    assert wizard.open_file(book)
    wizard.next()
    wizard.next()
    page = wizard.mapping_page
    return shown_text(page, 1, SAMPLE), cell(page, 1, SAMPLE, Qt.ItemDataRole.ToolTipRole)


def test_the_mapping_pages_examples_write_a_workbooks_dates_in_french(
        french: None, window: MainWindow, tmp_path: Path) -> None:
    assert mapping_samples(window, tmp_path) == (
        "02/03/2027 · 05/03/2027 09:30",
        f"Ligne 2{NBSP}: 02/03/2027\nLigne 3{NBSP}: 05/03/2027 09:30")
