"""This month's large workbook opened for a saved configuration: the configuration's sheet
is kept when the workbook has it, found by the background reading, never by opening the
workbook again on the window's thread (opening one reads all its shared strings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from pytestqt.qtbot import QtBot

from importer_gui.core.readers import workbooks
from importer_gui.ui.main_window import MainWindow
from importer_gui.ui.pages import base
from tests.ui.test_large_files_in_the_background import SlowReads
from tests.ui.test_open_sheet_case import configuration, opened


def june(path: Path) -> Path:
    """This month's workbook: notes on its first sheet (the one a new file would read),
    the trainings on the sheet Data, as last month."""
    book = Workbook()
    book.active.title = "Notes"
    book.active.append(["exported by the HR system"])
    data = book.create_sheet("Data")
    for row in (["trainingPathCode", "trainingTitle", "trainingModality"],
                ["J6", "June", "Présentiel"]):
        data.append(row)
    book.save(path)
    return path


def test_this_months_large_workbook_keeps_the_configurations_sheet_off_the_windows_thread(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    config = configuration(tmp_path, "Data")  # last month's workbook, its sheet Data
    page = opened(window, qtbot, config)
    book = june(tmp_path / "june.xlsx")
    looked_up = SlowReads()
    looked_up.release.set()
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    for name in ("sheet_names", "hidden_sheets", "visible_sheets", "sheets_and_visible"):
        monkeypatch.setattr(workbooks, name, looked_up.head(getattr(workbooks, name)))
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert window.state.choices.data_files == [book]
    assert window.state.choices.config_path == config
    assert page.sheet_combo.currentText() == "Data"
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Notes", "Data"]
    assert page.head_model.data(page.head_model.index(0, 0)) == "J6"
    assert looked_up.on_window_thread and set(looked_up.on_window_thread) == {False}


def test_this_months_large_workbook_is_not_opened_again_for_the_configurations_sheet(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each opening of a large workbook reads all its shared strings (seconds): its sheets
    are looked up once, for the page's list and the configuration's sheet alike."""
    page = opened(window, qtbot, configuration(tmp_path, "Data"))
    book = june(tmp_path / "june.xlsx")
    looked_up: list[str] = []
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    for name in ("sheet_names", "sheets_and_visible"):
        real = getattr(workbooks, name)
        monkeypatch.setattr(workbooks, name, lambda path, _real=real, _name=name: (
            looked_up.append(_name), _real(path))[1])
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert page.sheet_combo.currentText() == "Data"
    # The page's list, once: it tells that the workbook has the sheet Data.
    assert looked_up == ["sheets_and_visible"]


def exported(path: Path, data_sheet: str = "Data") -> Path:
    """This month's workbook as an HR system exports it: a large sheet Export first (the one
    a new file would read, holding data), the trainings on ``data_sheet`` after it."""
    book = Workbook()
    book.active.title = "Export"
    for n in range(200):
        book.active.append([f"E{n}", f"Person {n}", f"p{n}@example.com"])
    data = book.create_sheet(data_sheet)
    for row in (["trainingPathCode", "trainingTitle", "trainingModality"],
                ["J6", "June", "Présentiel"]):
        data.append(row)
    book.save(path)
    return path


class Openings:
    """Each opening of a workbook, whether its package was guarded first, and each sheet
    loaded (each opening reads all its shared strings; a sheet loads whole)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened = self.guarded = 0
        self.loaded: list[str | None] = []
        opening, guard = workbooks._calamine_workbook, workbooks.check_package
        prepare = workbooks.prepare_workbook

        def opened(*args: Any, **kwargs: Any) -> Any:
            self.opened += 1
            return opening(*args, **kwargs)

        def guarded(*args: Any, **kwargs: Any) -> Any:
            self.guarded += 1
            return guard(*args, **kwargs)

        def loaded(path: Path, wanted: str | None, *args: Any, **kwargs: Any) -> Any:
            self.loaded.append(wanted)
            return prepare(path, wanted, *args, **kwargs)

        monkeypatch.setattr(workbooks, "_calamine_workbook", opened)
        monkeypatch.setattr(workbooks, "check_package", guarded)
        monkeypatch.setattr(workbooks, "prepare_workbook", loaded)


def test_this_months_workbook_reads_only_the_configurations_sheet(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The configuration names a sheet the workbook has: the large sheet before it, which a
    new file would read, is neither loaded nor looked through."""
    page = opened(window, qtbot, configuration(tmp_path, "Data"))
    book = exported(tmp_path / "june.xlsx")
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    openings = Openings(monkeypatch)
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert page.sheet_combo.currentText() == "Data"
    assert [page.sheet_combo.itemText(i) for i in range(page.sheet_combo.count())] == \
        ["Export", "Data"]
    assert page.head_model.data(page.head_model.index(0, 0)) == "J6"
    assert not page.applied_label.text().count("Export")
    # Its sheets listed once; the sheet Data loaded for its first rows; nothing else.
    assert openings.loaded == ["Data"]
    assert openings.opened == 2
    assert openings.guarded == openings.opened


def test_this_months_workbook_without_the_configurations_sheet_reads_its_first_sheet(
        window: MainWindow, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The configuration names a sheet the workbook lacks: the workbook is read as a new
    file is, from its first sheet holding data."""
    page = opened(window, qtbot, configuration(tmp_path, "Data"))
    book = exported(tmp_path / "june.xlsx", "Trainings")
    monkeypatch.setattr(base, "background_bytes", lambda _path: 0)  # every file is large
    openings = Openings(monkeypatch)
    assert window.open_file(book)
    qtbot.waitUntil(lambda: not page.runner.busy and page.isComplete(), timeout=10_000)
    assert page.sheet_combo.currentText() == "Export"
    assert window.state.choices.config.imports[0].provider.sheet == "Export"
    assert page.head_model.data(page.head_model.index(0, 0)) == "E1"
    assert openings.loaded[0] == "Export"
    assert openings.guarded == openings.opened
