"""A workbook's sheets and the sheet read when a configuration names none, from one opening:
what the two look-ups give, and the same refusals (the guards run before calamine opens it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.core import readers
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import workbooks
from tests.builders import rewrite_package
from tests.faults.test_hostile_workbooks import (
    hidden_first_sheet,
    replace,
    shared_strings,
    teachers_workbook,
)


def test_the_sheets_and_the_first_visible_sheet_are_those_each_look_up_gives(
        tmp_path: Path) -> None:
    path = hidden_first_sheet(tmp_path)
    names, visible = workbooks.sheets_and_visible(path)
    assert (names, workbooks.read_by_default(names, visible)) == (["Lists", "Teachers"],
                                                                  "Teachers")
    assert readers.sheet_names(path) == ["Lists", "Teachers"]
    assert readers.first_visible_sheet(path) == "Teachers"


def declares_a_billion_strings(path: Path) -> None:
    """Shared strings declaring far more than they hold (made to exhaust memory)."""
    changes, extra = shared_strings(b"Zoe")
    extra = {name: replace(b'count="1" uniqueCount="1"',
                           b'count="1000000000" uniqueCount="1000000000"')(data)
             for name, data in extra.items()}
    rewrite_package(path, changes, extra)


def renamed_csv(path: Path) -> None:
    path.write_text("teacherLogin;teacherName\nzoe;Zoe\n", encoding="utf-8")


def gone(path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize("spoil", [declares_a_billion_strings, renamed_csv, gone])
def test_a_workbook_the_look_ups_refuse_is_refused_alike(
        tmp_path: Path, spoil: object) -> None:
    path = teachers_workbook(tmp_path)
    spoil(path)  # type: ignore[operator]
    with pytest.raises(DataFileError) as refused:
        readers.sheet_names(path)
    with pytest.raises(DataFileError) as found:
        workbooks.sheets_and_visible(path)
    assert found.value.message == refused.value.message


def test_the_first_sheet_holding_data_is_found_from_one_opening(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new workbook's sheet: its visible sheets listed from one opening (each reads all
    its shared strings, seconds for a large workbook), guarded as every opening is."""
    book = Workbook()
    book.active.title = "Lists"
    book.active.append(["hidden", "lists"])
    book.active.sheet_state = "hidden"
    book.create_sheet("Cover")
    book.create_sheet("Teachers").append(["teacherLogin"])
    path = tmp_path / "teachers.xlsx"
    book.save(path)
    openings: list[str] = []
    for name in ("_calamine_workbook", "check_package"):
        real = getattr(workbooks, name)
        monkeypatch.setattr(workbooks, name, lambda *args, _real=real, _name=name, **kwargs: (
            openings.append(_name), _real(*args, **kwargs))[1])
    rows = {"Lists": [["hidden"]], "Cover": [], "Teachers": [["teacherLogin"]]}
    assert readers.first_sheet_holding_data(path, rows.__getitem__) == ("Teachers", ["Cover"])
    assert sorted(openings) == ["_calamine_workbook", "check_package"]  # one, guarded
