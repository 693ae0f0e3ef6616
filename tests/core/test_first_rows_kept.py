"""The pages ask whether a file's first rows (or header line) are kept before reading them:
kept and current, they are read at once however large the file; not read yet, or changed
on disk since, they are not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from importer_gui.core import first_rows
from importer_gui.core.config import Provider
from tests.builders import TEACHER_COLUMNS, write_csv, write_xlsx

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
