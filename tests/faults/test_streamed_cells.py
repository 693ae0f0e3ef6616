"""A sheet reads the same whether calamine loads it or, too large to load, it is streamed:
each cell calamine reads is read as calamine reads it, and each it refuses is refused with
the same message (a sheet is streamed here by a stray cell at XFD1048576). Each read runs in
a child process whose memory is capped (tests/faults/__init__.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.builders import rewrite_package
from tests.faults import HANG_GUARD, MEMORY_LIMIT, ROOT, _limit_memory
from tests.faults.test_hostile_workbooks import FAR, SHEET, replace, teachers_workbook

ZOE = b'<c r="B2" t="inlineStr"><is><t>Zoe</t></is></c>'

# The child: the sheet's lines 1 to 3 as read, or the one line the reader refuses it with.
_READ = """
import sys
from itertools import islice
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import open_table
try:
    print(list(islice(open_table(sys.argv[1]).rows(), 2)))
except DataFileError as exc:
    print(exc)
"""


def read(path: Path) -> str:
    """What reading the workbook's first two data lines gives, from a capped child."""
    done = subprocess.run([sys.executable, "-c", _READ, str(path)], capture_output=True,
                          text=True, timeout=HANG_GUARD, check=False, cwd=ROOT,
                          preexec_fn=_limit_memory(MEMORY_LIMIT))
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def both_ways(folder: Path, cell: bytes) -> tuple[str, str]:
    """What reading gives with Zoe's name cell replaced by ``cell``: loaded, then streamed."""
    small = teachers_workbook(folder, "small.xlsx")
    rewrite_package(small, {SHEET: replace(ZOE, cell)})
    large = teachers_workbook(folder, "large.xlsx")
    rewrite_package(large, {SHEET: lambda xml: replace(ZOE, cell)(xml).replace(
        b"</sheetData>", b'<row r="1048576">' + FAR + b"</row></sheetData>")})
    return read(small), read(large).replace("large.xlsx", "small.xlsx")


def rows_with(name: str) -> str:
    """Lines 2 and 3 as read with Zoe's name as ``name`` (a Python literal)."""
    return (f"[(2, ('zoe', {name}, 'Z', 'zoe@example.org')), "
            "(3, ('mia', 'Mia', 'M', 'mia@example.org'))]")


@pytest.mark.parametrize(("cell", "name"), [
    # A date cell whose value is no ISO date: calamine reads its text.
    (b'<c r="B2" t="d"><v>-1</v></c>', "'-1'"),
    (b'<c r="B2" t="d"><v>xx</v></c>', "'xx'"),
    (b'<c r="B2" t="d"><v>2024-03-01 10:00:00</v></c>', "'2024-03-01 10:00:00'"),
    (b'<c r="B2" t="d"><v>2024-03-01T10:00:00Z</v></c>', "'2024-03-01T10:00:00Z'"),
    # ISO dates and times as calamine reads them (openpyxl's reading differs on each).
    (b'<c r="B2" t="d"><v>2024-3-1</v></c>', "datetime.date(2024, 3, 1)"),
    (b'<c r="B2" t="d"><v> 2024-03-01</v></c>', "datetime.date(2024, 3, 1)"),
    (b'<c r="B2" t="d"><v>2024-03-01T10:00:00.5</v></c>',
     "datetime.datetime(2024, 3, 1, 10, 0, 0, 500000)"),
    (b'<c r="B2" t="d"><v>10:30</v></c>', "'10:30:00'"),
    (b'<c r="B2" t="d"><v>10:00:00.123456789</v></c>', "'10:00:00'"),
    # An untyped value that is no number calamine reads: its text.
    (b'<c r="B2"><v> </v></c>', "' '"),
    (b'<c r="B2"><v> 1</v></c>', "' 1'"),
    (b'<c r="B2"><v>1_0</v></c>', "'1_0'"),
    (b'<c r="B2"><v>inf</v></c>', "'inf'"),
    # Booleans as calamine reads them.
    (b'<c r="B2" t="b"><v>true</v></c>', "'TRUE'"),
    (b'<c r="B2" t="b"><v> FALSE </v></c>', "'FALSE'"),
    (b'<c r="B2" t="b"><v>1</v></c>', "'TRUE'"),
], ids=["date-minus-one", "date-letters", "date-space", "date-zone", "date-short",
        "date-space-first", "datetime-fraction", "time-no-seconds", "time-nanoseconds",
        "blank", "space-first", "underscore", "infinity", "true", "false-spaced", "one"])
def test_a_cell_reads_the_same_loaded_or_streamed(tmp_path: Path, cell: bytes,
                                                  name: str) -> None:
    loaded, streamed = both_ways(tmp_path, cell)
    assert loaded == rows_with(name)
    assert streamed == loaded


@pytest.mark.parametrize(("cell", "message"), [
    (b'<c r="B2" t="n"><v> </v></c>',
     ":B2: the sheet 'Sheet1' cannot be read: this cell is marked as a number but holds \" \"; "
     "the workbook is damaged: type the number again in a spreadsheet and save it"),
    (b'<c r="B2" t="n"><v>1,5</v></c>',
     ":B2: the sheet 'Sheet1' cannot be read: this cell is marked as a number but holds "
     "\"1,5\"; the workbook is damaged: type the number again in a spreadsheet and save it"),
    (b'<c r="B2" t="b"><v>yes</v></c>',
     ":B2: the sheet 'Sheet1' cannot be read: this cell is marked as TRUE or FALSE but holds "
     "\"yes\"; the workbook is damaged: type TRUE or FALSE again in a spreadsheet and save it"),
    (b'<c r="B2" t="b"><v>2</v></c>',
     ":B2: the sheet 'Sheet1' cannot be read: this cell is marked as TRUE or FALSE but holds "
     "\"2\"; the workbook is damaged: type TRUE or FALSE again in a spreadsheet and save it"),
    (b'<c r="B2" t="b"><v> 01 </v></c>',
     ":B2: the sheet 'Sheet1' cannot be read: this cell is marked as TRUE or FALSE but holds "
     "\"01\"; the workbook is damaged: type TRUE or FALSE again in a spreadsheet and save it"),
], ids=["number-blank", "number-comma", "boolean-word", "boolean-two", "boolean-zero-one"])
def test_a_cell_refused_loaded_is_refused_alike_streamed(tmp_path: Path, cell: bytes,
                                                         message: str) -> None:
    loaded, streamed = both_ways(tmp_path, cell)
    assert loaded == f"{tmp_path / 'small.xlsx'}{message}"
    assert streamed == loaded
