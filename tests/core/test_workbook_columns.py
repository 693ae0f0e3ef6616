"""A workbook's rows are made a batch at a time, a column at a time where the batch allows
(readers/workbooks.py): they read exactly as when made one by one, whatever their cells
hold, and a batch that needs its rows looked at one by one is read so."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from importer_gui.core.readers import open_table, workbooks

ROWS = 3 * workbooks._BATCH  # the header's batch, then two more, then a few rows
SPECIAL = workbooks._BATCH + 500  # a row of the second batch


def usual(n: int) -> list[Any]:
    """A row like most: texts, a whole number, a decimal, a date and time, an empty cell."""
    return [f"INT-{n:05d}", "TR-100", f"Session {n % 7}", float(1 + n % 4), 0.1 + n / 8,
            datetime(2027, 1 + n % 12, 1 + n % 28, 9), None]


# What the special row holds, and whether its batch is still made a column at a time.
SPECIALS: dict[str, tuple[list[Any], bool]] = {
    "usual": (usual(SPECIAL), True),
    "accents": (["INT-é", "TR-100", "Sécurité « ok »", 2.0, 1e16, date(2027, 2, 3), ""], True),
    "other kinds": (["INT-x", "TR-100", True, 4, time(9, 30), date(1900, 3, 1), 12], True),
    # A time of day where the sheet holds a number below zero: a serial to look at again.
    "time and negative": (["INT-t", "TR-100", "Session", -4, time(9, 30), None, None], False),
    "garbled text": (["INT-g", "TR-100", "SÃ©curitÃ©", 2.0, 1.5, None, None], False),
    "lost letter": (["INT-l", "TR-100", "S\ufffdcurit\ufffd", 2.0, 1.5, None, None], False),
    "leap day eve": (["INT-d", "TR-100", "Session", 2.0, 1.5, date(1900, 2, 28), None], False),
    "first cell empty": ([None, "TR-100", "Session", 2.0, 1.5, None, None], False),
    "first cell spaces": (["   ", "TR-100", "Session", 2.0, 1.5, None, None], False),
    "first cell a number": ([42, "TR-100", "Session", 2.0, 1.5, None, None], False),
    "blank row": ([None] * 7, True),  # left out before the batches are made
    "spaces only": (["   ", None, " ", None, None, None, None], False),  # a blank row too
    "wider row": ([*usual(SPECIAL), "past the others"], True),
}


def workbook(path: Path, special: list[Any]) -> Path:
    """A sheet of ROWS usual rows after its header, the SPECIAL-th one ``special``."""
    book = Workbook()
    sheet = book.active
    sheet.append(["Identifiant", "Code", "Session", "Durée", "Note", "Début", "Vide"])
    for n in range(1, ROWS + 1):
        sheet.append(special if n == SPECIAL else usual(n))
    book.save(path)
    return path


def read(path: Path, monkeypatch: pytest.MonkeyPatch, *, by_columns: bool,
         ) -> tuple[list[tuple[int, tuple[Any, ...]]], int, int]:
    """Every row as a check reads it (each cell with its kind, an unreadable one with its
    reason); how many batches were read, and how many made a column at a time."""
    made = batches = 0
    by_columns_of = workbooks._by_columns

    def counted(*args: Any) -> Any:
        nonlocal made, batches
        rows = by_columns_of(*args) if by_columns else None
        made += rows is not None
        batches += 1
        return rows

    with monkeypatch.context() as patch:
        patch.setattr(workbooks, "_by_columns", counted)
        rows = [(line, tuple((type(cell), cell, getattr(cell, "reason", None))
                             for cell in cells))
                for line, cells in open_table(path).rows()]
    return rows, batches, made


@pytest.mark.parametrize("name", SPECIALS)
def test_rows_made_a_column_at_a_time_read_as_made_one_by_one(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    special, by_columns = SPECIALS[name]
    path = workbook(tmp_path / "sheet.xlsx", special)
    rows, batches, made = read(path, monkeypatch, by_columns=True)
    one_by_one, _, none = read(path, monkeypatch, by_columns=False)
    assert rows == one_by_one
    assert none == 0
    # Every batch a column at a time but the special row's, when it says so.
    assert batches >= 4
    assert made == (batches if by_columns else batches - 1)
    assert len(rows) == ROWS - (name in ("blank row", "spaces only"))
