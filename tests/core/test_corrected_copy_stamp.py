"""A workbook's corrected copy knows its corrected rows still the file's without reading
the sheet again when the file is the one its check read (size, time and bytes); any change
since is still found, and refused where a corrected row changed. The copy's progress has
a total."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from importer_gui.core.errors import ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Session, run_check
from tests.builders import write_xlsx
from tests.core.test_corrections_changed_file import TEACHERS, teachers_config
from tests.sessions import edit, open_checked

ROWS = [line.split(";") for line in TEACHERS.splitlines()]


def stored(path: Path, change: Callable[[bytes], bytes] = lambda data: data) -> Path:
    """The workbook's parts stored uncompressed (a text changed for one as long keeps the
    file's size), each changed by ``change``."""
    with zipfile.ZipFile(path) as package:
        parts = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as out:
        for info, data in parts:
            info.compress_type = zipfile.ZIP_STORED
            out.writestr(info, change(data))
    return path


def workbook_session(folder: Path) -> tuple[Session, Path]:
    """The teachers as a workbook, checked."""
    config = teachers_config(folder)
    config.write_text(config.read_text(encoding="utf-8").replace("teachers.csv", "teachers.xlsx"),
                      encoding="utf-8")
    data = stored(write_xlsx(folder / "teachers.xlsx", ROWS))
    session = Session(folder / "store.sqlite3")
    open_checked(session, config)
    return session, data


def reports(session: Session, data: Path, target: Path) -> list[tuple[int, int, str]]:
    """Every progress report of the copy's writing."""
    heard: list[tuple[int, int, str]] = []
    monitor = Monitor(progress=lambda done, total, what: heard.append((done, total, what)),
                      every=1)
    session.corrected_copy(data, target)(monitor)
    return heard


def test_a_workbook_written_again_with_its_size_and_time_is_refused_when_a_corrected_row_changed(
        tmp_path: Path) -> None:
    session, data = workbook_session(tmp_path)
    assert edit(session, 4, 3, "sophie.leroy@example.org")
    before = data.stat()
    stored(data, lambda xml: xml.replace(b"Leroy", b"Leroi"))  # line 4's name
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert data.stat().st_size == before.st_size
    target = tmp_path / "copy.xlsx"
    with pytest.raises(ImporterError) as raised:
        session.save_corrected_copy(data, target)
    assert raised.value.message == (
        f"{data.resolve()} changed since it was checked: line 4 no longer holds the row "
        "corrected there. Nothing was written; press Check again.")
    assert not target.exists()


def test_a_workbook_changed_in_other_rows_only_is_copied_with_them_and_counts_its_rows(
        tmp_path: Path) -> None:
    session, data = workbook_session(tmp_path)
    assert edit(session, 3, 1, "Martinez")
    stored(data, lambda xml: xml.replace(b"Dupont", b"Durand"))  # line 2: not corrected
    heard = reports(session, data, tmp_path / "copy.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "copy.xlsx").active
    assert [sheet.cell(row=line, column=2).value for line in (2, 3, 4)] == [
        "Durand", "Martinez", "Leroy"]
    assert heard and all(total > 0 for _done, total, _what in heard)
    assert (2, 3, "Saving copy.xlsx") in heard  # its rows read as far as line 3


def test_a_workbook_as_checked_is_copied_without_reading_its_rows(tmp_path: Path) -> None:
    session, data = workbook_session(tmp_path)
    assert edit(session, 3, 1, "Martinez")
    heard = reports(session, data, tmp_path / "copy.xlsx")
    with zipfile.ZipFile(data) as package:
        size = sum(info.file_size for info in package.infolist())
    assert heard and {total for _done, total, _what in heard} == {size}  # its bytes only
    sheet = openpyxl.load_workbook(tmp_path / "copy.xlsx").active
    assert sheet.cell(row=3, column=2).value == "Martinez"


def test_a_correction_typed_while_the_file_is_checked_again_is_matched_in_the_copy(
        tmp_path: Path) -> None:
    session, data = workbook_session(tmp_path)
    assert edit(session, 4, 1, "Leroi")
    snapshot = session.snapshot()
    stored(data, lambda xml: xml.replace(b"Martin<", b"Marton<"))  # line 3
    plan = run_check(snapshot, Monitor())
    assert edit(session, 3, 1, "Martinez")  # on the rows shown before: "Martin"
    session.set_aside(snapshot.corrections)
    session.set_plan(plan)
    with pytest.raises(ImporterError, match="line 3 no longer holds the row"):
        session.save_corrected_copy(data, tmp_path / "copy.xlsx")


def test_a_csv_copy_counts_its_lines(tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    open_checked(session, teachers_config(tmp_path))
    assert edit(session, 3, 1, "Martinez")
    heard = reports(session, tmp_path / "teachers.csv", tmp_path / "copy.csv")
    assert [(done, total) for done, total, _what in heard] == [(1, 4), (2, 4), (3, 4), (4, 4)]
