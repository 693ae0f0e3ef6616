"""The open and mapping pages number a file's first rows by their line in the file, as the
preview and `check` do: a blank line, or a quoted cell spanning two lines, moves the rows
after it down on every page alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from importer_gui.cli import main
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages.mapping.columns_view import SAMPLE
from importer_gui.ui.wizard import CONFIG, MAPPING, OPEN, PREVIEW
from tests.builders import teachers_import, write_config, write_xlsx
from tests.stores import existing_store
from tests.ui.wizards import cell, shot

# Line 3 is blank; the second teacher's name spans lines 4 and 5.
TEACHERS = ("Login;Name;First name;E-mail\n"
            "mdupont;Dupont;Marie;m@example.org\n"
            "\n"
            'jmartin;"Martin\nde la Tour";Jean;j@example.org\n'
            "lbernard;Bernard;Luc;l@example.org\n")
LINES = [2, 4, 6]


def checked_lines(config: Path, store: str, capsys: pytest.CaptureFixture[str]) -> list[int]:
    """The rows' lines as `check --json` prints them."""
    assert main(["check", str(config), "--store", store, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    return [row["line"] for row in report["imports"][0]["rows"]]


def test_the_pages_number_the_first_rows_as_check_does(
        tmp_path: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str],
        screenshots: Path) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, []))
    (tmp_path / "teachers.csv").write_text(TEACHERS, encoding="utf-8")
    store = existing_store(tmp_path / "store.sqlite3")
    assert checked_lines(config, store, capsys) == LINES

    window = MainWindow(Path(store))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    wizard = window.wizard
    assert window.open_file(config)
    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW and preview.shows_plan(),
                    timeout=20_000)
    model = preview.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == LINES

    while wizard.currentId() != MAPPING:
        wizard.back()
    assert cell(wizard.mapping_page, 0, SAMPLE, Qt.ItemDataRole.ToolTipRole) == (
        "Line 2: mdupont\nLine 4: jmartin\nLine 6: lbernard")

    while wizard.currentId() != OPEN:
        wizard.back()
    head = wizard.open_page.head_model
    assert [head.headerData(r, Qt.Orientation.Vertical) for r in range(head.rowCount())] == LINES
    assert head.data(head.index(1, 1)) == "Martin\nde la Tour"
    shot(window, screenshots, "page1-lines-after-a-blank-line")


def test_a_wrong_delimiter_is_said_on_the_open_page_as_check_says_it(
        tmp_path: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str],
        screenshots: Path) -> None:
    spec = teachers_import(tmp_path, [])
    spec.provider_extra = "<delimiter>comma</delimiter>"
    config = write_config(tmp_path, spec)
    (tmp_path / "teachers.csv").write_text(TEACHERS, encoding="utf-8")
    store = existing_store(tmp_path / "store.sqlite3")
    assert main(["check", str(config), "--store", store]) == 2
    refusal = capsys.readouterr().err.strip().removeprefix("importer-gui: ")
    assert refusal == (f'{tmp_path / "teachers.csv"}: the first 5 lines hold no "," but 3 ";" '
                       "each; is the delimiter semicolon? Set <delimiter> to semicolon")

    window = MainWindow(Path(store))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    assert window.open_file(config)
    page = window.wizard.open_page
    assert window.wizard.currentId() == OPEN and not page.isComplete()
    assert page.head_model.rowCount() == 0  # no junk column of whole lines
    assert page.error_label.text() == refusal
    shot(window, screenshots, "page1-wrong-delimiter-said-as-check-says")
    page.delimiter_combo.setCurrentIndex(page.delimiter_combo.findData("semicolon"))
    assert page.isComplete() and page.head_model.rowCount() == 3
    assert page.error_label.isHidden()


def test_a_workbook_mapped_is_not_read_again_going_back(
        tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from importer_gui.core import readers

    calls: list[Path] = []
    real_head = readers.head_both_ways
    monkeypatch.setattr(readers, "head_both_ways", lambda path, *a, **k: calls.append(path)
                        or real_head(path, *a, **k))
    book = write_xlsx(tmp_path / "teachers.xlsx", [["Login", "Name", "First name", "E-mail"],
                                                   ["mdupont", "Dupont", "Marie", "m@e.org"]])
    window = MainWindow(tmp_path / "store.sqlite3")
    qtbot.addWidget(window)
    wizard = window.wizard
    assert wizard.open_file(book)
    while wizard.currentId() != CONFIG:  # the mapping page's columns saved on the way
        wizard.next()
    assert len(window.state.choices.config.imports[0].provider.columns) == 4
    while wizard.currentId() != OPEN:
        wizard.back()
    assert wizard.open_page.head_model.rowCount() == 1
    assert calls == [book]  # no delimiter to tell: the rows read first still hold
