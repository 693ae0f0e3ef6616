"""A plain CSV file is read into columns only where the check's memory allows it."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core.columns import engine
from importer_gui.core.columns.frame import read_plain
from importer_gui.core.columns.rows import UsedUp
from importer_gui.core.readers import open_table


def _file(path: Path, rows: int) -> Path:
    lines = ["login;course;title"] + [f"l{i:07d};SEC-101;Lyon groupe {i % 50}"
                                     for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_read_by_column_gives_its_rows_with_their_lines(tmp_path: Path) -> None:
    pl = engine.polars()
    assert pl is not None
    frame = read_plain(pl, open_table(_file(tmp_path / "r.csv", 3)))
    assert frame is not None
    assert (frame.first_line, frame.height, frame.width) == (2, 3, 3)
    assert frame.cells([2]) == [("l0000002", "SEC-101", "Lyon groupe 2")]


def test_a_file_whose_columns_would_pass_the_check_s_memory_is_left_to_the_rows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pl = engine.polars()
    assert pl is not None
    path = _file(tmp_path / "r.csv", 40_000)  # about 1.2 MB: 4.8 MB as columns
    table = open_table(path)
    monkeypatch.setenv("IMPORTER_GUI_CHECK_MEMORY_MB", "260")  # 4 MB for the files
    assert read_plain(pl, table) is None
    monkeypatch.setenv("IMPORTER_GUI_CHECK_MEMORY_MB", "300")
    assert read_plain(pl, table) is not None


@pytest.mark.parametrize("space", [chr(code) for code in range(0x3001)
                                   if chr(code).isspace() and chr(code) not in "\r\n"])
def test_a_row_of_any_space_python_strips_is_left_to_the_rows(tmp_path: Path,
                                                              space: str) -> None:
    # The row reader skips a row that str.strip() empties; a row merely starting with that
    # space is read as columns.
    pl = engine.polars()
    assert pl is not None
    path = tmp_path / "r.csv"
    path.write_text(f"login;course\nl1;SEC\n{space};{space * 2}\n", encoding="utf-8")
    assert read_plain(pl, open_table(path)) is None
    path.write_text(f"login;course\nl1;SEC\n{space}l2;{space}\n", encoding="utf-8")
    assert read_plain(pl, open_table(path)) is not None


def test_a_list_used_up_a_part_at_a_time_gives_its_values_in_order_and_lets_go() -> None:
    values = list(range(10))
    left = UsedUp(values)
    assert left.take(3) == [0, 1, 2]
    assert values == list(range(10))  # what was taken is let go of once it is half
    assert left.take(3) == [3, 4, 5]
    assert values == [6, 7, 8, 9]
    assert [left.take(1), left.take(2), left.take(5)] == [[6], [7, 8], [9]]
    assert values == []
