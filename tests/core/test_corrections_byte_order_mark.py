"""A corrected copy of a file starting with a byte order mark reads its first line as the
check does (the mark is no text of the first cell) and keeps the mark, whichever cell of
that line is corrected."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core import readers
from importer_gui.core.cells import cell_text
from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Reading,
    row_key,
    write_corrected_copy,
)


def corrected_copy(tmp_path: Path, text: str, encoding: str, codec: str, column: int,
                   after: str) -> bytes:
    """Correct line 1 of a file without a header, its row as the check reads it; the copy."""
    data = tmp_path / "t.csv"
    data.write_bytes(text.encode(codec))
    table = readers.open_table(data, encoding=encoding, skip_first_line=False)
    line, cells = next(iter(table.rows()))
    texts = [cell_text(cell) for cell in cells]
    corrections = Corrections()
    corrections.record(data, Reading(encoding, ";", None, False), Correction(
        line, column, texts[column], after, row=row_key(texts)))
    entry = corrections.of(data)
    assert entry is not None
    return write_corrected_copy(entry, tmp_path / "copy.csv").read_bytes()


@pytest.mark.parametrize(("encoding", "codec"), [("UTF-8", "utf-8"), ("UTF-16LE", "utf-16-le")])
def test_the_first_cell_corrected_keeps_the_mark(tmp_path: Path, encoding: str,
                                                  codec: str) -> None:
    copy = corrected_copy(tmp_path, "\ufeffE1;Y;\r\nE2;Y;\r\n", encoding, codec, 0, "E9")
    assert copy == "\ufeffE9;Y;\r\nE2;Y;\r\n".encode(codec)


@pytest.mark.parametrize(("encoding", "codec"), [("UTF-8", "utf-8"), ("UTF-16LE", "utf-16-le")])
def test_a_quoted_first_cell_after_the_mark_is_the_row_the_check_read(
        tmp_path: Path, encoding: str, codec: str) -> None:
    text = '\ufeff"E1";Y;\r\nE2;Y;\r\n'
    copy = corrected_copy(tmp_path, text, encoding, codec, 1, "N")
    assert copy == '\ufeffE1;N;\r\nE2;Y;\r\n'.encode(codec)
