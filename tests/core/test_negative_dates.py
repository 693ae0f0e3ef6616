"""A date cell holding a serial below zero (Excel shows ####) is an error naming the cell in
whatever field it feeds: calamine reads it as a time of day (-5 as 00:00:00). The date field's
case is in tests/faults/test_values.py."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests.builders import rewrite_package
from tests.core.test_error_cells import run
from tests.core.test_nul_cells import SHEET, courses_workbook
from tests.stores import existing_store


def test_a_date_cell_below_zero_in_a_text_column_is_an_error_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Styled as a date, -5 reads as the time 00:00:00: no title either.
    path = courses_workbook(tmp_path, "AAAXBBB")
    existing_store(tmp_path / "s.db")
    styled = openpyxl.load_workbook(path)
    styled.active["B2"] = 1.0
    styled.active["B2"].number_format = "dd/mm/yyyy"
    styled.save(path)
    rewrite_package(path, {SHEET: lambda xml: re.sub(rb'(<c r="B2"[^>]*><v>)1', rb"\g<1>-5", xml)})
    code, lines = run(capsys, "check", tmp_path)
    assert code == 1
    assert ("t.xlsx:2: ERROR trainingTitle: Field trainingTitle: the cell B2 is formatted as a "
            "date or time but holds -5, a number below zero, which is no date or time (Excel "
            "shows ####); type the date, or format the cell as a number.") in lines
