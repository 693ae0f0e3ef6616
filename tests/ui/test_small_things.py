"""The small things users meet at once, each checked as a user would meet it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from importer_gui.ui.main_window import MainWindow
from tests.builders import write_xlsx
from tests.ui.wizards import shot


def test_the_file_dialog_offers_every_workbook_and_text_format(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def chooser(_parent: object, _title: str, _folder: str, filters: str) -> tuple[str, str]:
        asked.append(filters)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser)
    window.wizard.open_page.choose_file()
    [filters] = asked
    offered = filters.split(";;")[0]
    for pattern in ("*.csv", "*.txt", "*.xlsx", "*.xls", "*.ods", "*.xml"):
        assert f"{pattern} " in offered or f"{pattern})" in offered


def test_a_binary_file_is_refused_by_its_content_whatever_its_name(
        window: MainWindow, tmp_path: Path) -> None:
    page = window.wizard.open_page
    for name, start, kind in (("scan.xlsx", b"%PDF-1.7\n", "a PDF document"),
                              ("photo.ods", b"\xff\xd8\xff\xe0", "a JPEG image")):
        path = tmp_path / name
        path.write_bytes(start + b"\0" * 200)
        assert not page.open_path(path)
        assert page.error_label.isVisible()
        assert page.error_label.text() == (f"{path}: not a spreadsheet: it is {kind}; "
                                           "choose a workbook or a CSV file")
        assert not page.isComplete()
        assert path not in page.settings.recent_files()



def test_a_workbook_saved_under_a_csv_name_is_said_in_french_with_its_ending(
        french: None, window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    path = tmp_path / "inscriptions.csv"
    shutil.copy(write_xlsx(tmp_path / "real.xlsx", [["code"], ["A1"]]), path)
    page = window.wizard.open_page
    assert not window.open_file(path)
    assert page.error_label.text() == (f"{path}\u00a0: c'est un classeur Excel sous un autre "
                                       "nom\u00a0; renommez-le en .xlsx pour le lire")
    assert page.data_file() is None
    shot(window, screenshots, "page0-a-workbook-under-a-csv-name-fr")
