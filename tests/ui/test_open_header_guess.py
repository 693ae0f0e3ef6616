"""The open page's "The first line holds the column headers" starts as init guesses it: a
first line of values like the lines below is data, and the page says so."""

from __future__ import annotations

from pathlib import Path

from importer_gui.ui.main_window import MainWindow
from tests.core.test_init_guesses import empty_first


def test_a_file_without_headers_opens_with_the_box_unticked(
        window: MainWindow, tmp_path: Path, screenshots: Path) -> None:
    data = tmp_path / "nohead.txt"
    data.write_text("j.doe\tJohn\tDoe\tj@x.org\nm.m\tMarie\tMartin\tm@x.org\n", encoding="utf-8")
    wizard = window.wizard
    assert wizard.open_file(data)
    page = wizard.open_page
    assert not page.header_check.isChecked()
    assert wizard.state.choices.config.imports[0].provider.skip_first_line is False
    assert page.applied_label.isVisible()
    assert "header line no (likely)" in page.applied_label.text()
    assert page.applied_label.text().endswith(
        "The first line is read as data: the first line holds values like the lines below: "
        "j@x.org is an e-mail address.")
    assert ("no: the first line holds values like the lines below: j@x.org is an e-mail "
            "address") in page.applied_label.toolTip().splitlines()
    assert page.head_model.rowCount() == 2  # j.doe's line is a row, not headers
    window.grab().save(str(screenshots / "open-no-header-line.png"))


def test_a_file_with_headers_keeps_the_box_ticked(window: MainWindow, tmp_path: Path) -> None:
    data = tmp_path / "people.csv"
    data.write_text("Login;Nom;Prénom;Email\njdoe;Doe;John;j@x.org\n", encoding="utf-8")
    wizard = window.wizard
    assert wizard.open_file(data)
    assert wizard.open_page.header_check.isChecked()
    assert "header line" not in wizard.open_page.applied_label.text()


def test_a_workbook_opens_on_its_first_sheet_holding_data(
        window: MainWindow, tmp_path: Path) -> None:
    data = empty_first(tmp_path / "emptyfirst.xlsx")
    wizard = window.wizard
    assert wizard.open_file(data)
    page = wizard.open_page
    assert wizard.state.choices.config.imports[0].provider.sheet == "Data"
    assert page.sheet_combo.currentText() == "Data"
    assert "sheet Data (likely)" in page.applied_label.text()
    assert page.head_model.rowCount() == 1  # C9, under its headers
