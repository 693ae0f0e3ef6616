"""The pages ask whether a file's first rows (or header line) are kept before reading them:
kept and current, they are read at once however large the file; not read yet, or changed
on disk since, they are not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from importer_gui.core import first_rows, readers
from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.config import Column, Provider
from importer_gui.core.errors import DataFileError
from importer_gui.core.readers import text
from tests.builders import TEACHER_COLUMNS, write_csv, write_xlsx
from tests.spies import counted

ROWS = [TEACHER_COLUMNS, ["zoe", "Z", "Zoe", ""]]


def test_a_files_first_rows_are_kept_once_read_with_the_same_options(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", ROWS)
    provider = Provider(delimiter=";")
    assert not first_rows.head_cached(provider, data)
    assert not first_rows.header_line_cached(provider, data)
    first_rows.read_head(provider, data)
    assert first_rows.head_cached(provider, data)
    assert first_rows.header_line_cached(provider, data)
    assert not first_rows.head_cached(replace(provider, delimiter=","), data)
    assert not first_rows.head_cached(provider, data, first_rows.HEAD_ROWS + 1)


def test_a_file_changed_on_disk_is_no_longer_kept(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", ROWS)
    provider = Provider(delimiter=";")
    first_rows.read_head(provider, data)
    write_csv(data, [*ROWS, ["yann", "Y", "Yann", ""]])  # another size
    assert not first_rows.head_cached(provider, data)
    assert not first_rows.header_line_cached(provider, data)


def test_a_file_without_header_line_has_none_to_read(tmp_path: Path) -> None:
    data = write_csv(tmp_path / "teachers.csv", ROWS[1:])
    assert first_rows.header_line_cached(Provider(skip_first_line=False), data)


def test_a_workbooks_header_line_comes_from_its_first_rows_once_kept(tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "teachers.xlsx", ROWS)
    provider = Provider()
    assert not first_rows.header_line_cached(provider, book)
    first_rows.read_head(provider, book)
    assert first_rows.header_line_cached(provider, book)
    assert first_rows.read_header_line(provider, book) == list(TEACHER_COLUMNS)
    other = write_xlsx(tmp_path / "other.xlsx", ROWS)
    assert first_rows.read_header_line(provider, other) == list(TEACHER_COLUMNS)  # line 1
    assert first_rows.header_line_cached(provider, other)
    assert not first_rows.head_cached(provider, other)


def test_a_wrong_delimiter_is_refused_for_the_columns_mapped_though_the_rows_are_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two columns split by commas, read with semicolons: one column mapped or none (too
    few to tell) reads them as one cell a line; two mapped is refused as ``check`` refuses
    it. The file is measured once for all three."""
    data = tmp_path / "rooms.csv"
    data.write_text("Salle,Étage\nA1,1\nB2,2\n", encoding="utf-8")
    scans = counted(monkeypatch, text, "_cells_and_lines")
    provider = Provider(delimiter=";")
    assert first_rows.read_head(provider, data) == (["Salle,Étage"], [(2, ("A1,1",)),
                                                                      (3, ("B2,2",))])
    one = replace(provider, columns=[Column("roomLabel")])
    assert first_rows.read_head(one, data)[0] == ["Salle,Étage"]
    two = replace(provider, columns=[Column("roomLabel"), Column(IGNORED_COLUMN)])
    with pytest.raises(DataFileError) as refused:
        first_rows.read_head(two, data)
    with pytest.raises(DataFileError) as checked:
        readers.head(data, delimiter=";", columns=2)
    assert refused.value.message == checked.value.message
    assert refused.value.message == (f'{data}: the first 3 lines hold no ";" but 1 "," each; '
                                     "is the delimiter comma? Set <delimiter> to comma")
    assert scans == [data]
