"""A file's first rows read both ways at once are what reading it each way gives: its header
line (trimmed texts, a date as ISO text), the rows below it, a text file's line repeating
the header an error line, a blank line 1."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from importer_gui.core import readers
from importer_gui.core.cells import Unreadable
from tests.builders import write_csv, write_xlsx

FILES = {
    "headers.csv": [["Login ", "Nom"], ["a", "A"], ["Login ", "Nom"], ["b", "B"]],
    "controls.csv": [["Login\x85", "Nom"], ["a", "A"], ["Login\x85", "Nom"]],
    "blank-first.csv": [[], ["a", "A"], ["b", "B"]],
    "data.xlsx": [[datetime(2027, 6, 15), " x "], ["a", 1], ["b", 2.5]],
    "blank-first.xlsx": [[None, None], ["a", "A"]],
}
LATIN_1 = {"controls.csv"}  # ISO-8859-1 reads its \x85 as a control character no text holds


@pytest.mark.parametrize("name", sorted(FILES))
@pytest.mark.parametrize("n", [1, 2, 20])
def test_both_ways_at_once_read_as_each_way_alone(tmp_path: Path, name: str, n: int) -> None:
    path = tmp_path / name
    encoding = "ISO-8859-1" if name in LATIN_1 else "UTF-8"
    if name.endswith(".xlsx"):
        write_xlsx(path, FILES[name])
    else:
        write_csv(path, FILES[name], encoding=encoding)
    as_data, with_headers = readers.head_both_ways(path, n, encoding=encoding)
    for header_line, head in ((False, as_data), (True, with_headers)):
        alone = readers.head(path, n, encoding=encoding, skip_first_line=header_line)
        assert shown(head) == shown(alone)


def shown(head: object) -> object:
    """A head as compared: an unreadable cell (equal to nothing) by its text and reason."""
    assert isinstance(head, tuple)
    headers, rows = head
    return headers, [(line, [(str(cell), cell.reason, cell.whole_row) if isinstance(
        cell, Unreadable) else cell for cell in cells]) for line, cells in rows]
