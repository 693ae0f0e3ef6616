"""The small things users meet at once, each checked as a user would meet it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from importer_gui.ui.main_window import MainWindow


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
        assert page.error_label.text().startswith(f"{name} is not a spreadsheet: it is "
                                                  f"{kind}.")
        assert not page.isComplete()
        assert path not in page.settings.recent_files()
