"""A large sheet is loaded from an uncompressed copy of its workbook (readers/calamine_copy):
its rows read exactly as the workbook's own, and the copy leaves nothing behind, whether
the read ends, is cancelled, refused or meets a full disk."""

from __future__ import annotations

import contextlib
import gc
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.core.cells import Unreadable
from importer_gui.core.errors import DataFileError
from importer_gui.core.progress import Cancelled, Monitor
from importer_gui.core.readers import (
    MemoryBudget,
    calamine_copy,
    open_table,
    prepare,
    workbooks,
)
from tests.builders import (
    TEACHER_COLUMNS,
    TRAINING_COLUMNS,
    ImportSpec,
    rewrite_package,
    write_config,
    write_xlsx,
)
from tests.core.test_error_cells import run
from tests.disks import tiny_disk_at
from tests.stores import existing_store

Rows = list[tuple[int, tuple[object, ...]]]
OUTWEIGHS = calamine_copy.OUTWEIGHS  # as the readers have it

MIXED = [
    ["Code", "Titre", "Début", "Heure", "Durée", "Places", "Actif", "Note"],
    ["TR-1", "Sécurité incendie", date(2027, 1, 5), time(9, 30), 3.5, 12, True, None],
    ["TR-2", "  espaces  ", datetime(2027, 6, 10, 14, 0), time(0, 0), 0.1 + 0.2, -4, False, ""],
    [None, None, None, None, None, None, None, None],
    ["TR-3", "Émile l'élève « ok »", date(1900, 3, 1), None, 1e16, 0, None, "fin"],
]


@dataclass
class Copies:
    """The copies begun, and the paths of those calamine was given, whole."""

    begun: list[calamine_copy.CalamineCopy] = field(default_factory=list)
    given: list[str] = field(default_factory=list)


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> Copies:
    """Every sheet copied, however small, whatever its shared strings; each copy noted."""
    monkeypatch.setattr(calamine_copy, "COPIED_FROM", 0)
    monkeypatch.setattr(calamine_copy, "OUTWEIGHS", 0)
    noted = Copies()
    begin, finish = calamine_copy.CalamineCopy.__init__, calamine_copy.CalamineCopy.finish

    def begun(self: calamine_copy.CalamineCopy, *args: object) -> None:
        begin(self, *args)  # type: ignore[arg-type]
        noted.begun.append(self)

    def finished(self: calamine_copy.CalamineCopy, size: int) -> bool:
        whole = finish(self, size)
        if whole:
            noted.given.append(self.path)
        return whole

    monkeypatch.setattr(calamine_copy.CalamineCopy, "__init__", begun)
    monkeypatch.setattr(calamine_copy.CalamineCopy, "finish", finished)
    return noted


@pytest.fixture
def named_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Copies made as named files in a folder of the test's (as where /proc is not)."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(calamine_copy, "_PROC_FDS", str(tmp_path / "no-proc"))
    return folder


def rows(path: Path, **options: object) -> Rows:
    """Every data row of the sheet, as a check reads it (a cell read as unreadable shown
    with why, since it equals nothing but itself)."""
    return [(line, tuple(_shown(cell) for cell in cells))
            for line, cells in open_table(path, **options).rows()]  # type: ignore[arg-type]


def _shown(cell: object) -> object:
    """A cell, or an unreadable one's text and reason."""
    return (str(cell), cell.reason) if isinstance(cell, Unreadable) else cell


def uncopied(path: Path, monkeypatch: pytest.MonkeyPatch, **options: object) -> Rows:
    """The rows read from the workbook itself."""
    with monkeypatch.context() as patch:
        patch.setattr(calamine_copy, "COPIED_FROM", 1 << 62)
        return rows(path, **options)


def patched(path: Path, change: Callable[[bytes], bytes]) -> Path:
    """The first sheet's XML rewritten in place (what openpyxl cannot write)."""
    return rewrite_package(path, {"xl/worksheets/sheet1.xml": change})


def before_cells(text: bytes) -> Callable[[bytes], bytes]:
    """A change putting ``text`` ahead of the sheet's cells."""
    return lambda xml: xml.replace(b"<sheetData>", text + b"<sheetData>", 1)


def merged(path: Path) -> Path:
    """A workbook whose sheet merges cells (its <mergeCells> after its cells)."""
    book = Workbook()
    sheet = book.active
    for row in MIXED:
        sheet.append(row)
    sheet.merge_cells("B5:C5")
    book.save(path)
    return path


def second_of_three(path: Path) -> Path:
    """A workbook of three sheets, the data in the second, the others as large."""
    book = Workbook()
    book.remove(book.active)
    for title in ("Avant", "Données", "Après"):
        sheet = book.create_sheet(title)
        for row in MIXED:
            sheet.append([title, *row[1:]])
    book.save(path)
    return path


def shared_strings(path: Path) -> Path:
    """The workbook's texts made shared strings, as spreadsheets write them, B3's number
    made one that names none (calamine reads it as the first)."""
    texts: list[bytes] = []

    def shared(found: re.Match[bytes]) -> bytes:
        texts.append(found.group(2))
        return found.group(1) + b' t="s"><v>%d</v></c>' % (len(texts) - 1)

    def rewrite(xml: bytes) -> bytes:
        xml = re.sub(rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t[^>]*>(.*?)</t>'
                     rb"</is></c>", shared, xml)
        return re.sub(rb'(<c r="B3"[^>]*><v>)\d+', rb"\1abc", xml)

    rewrite_package(path, {"xl/worksheets/sheet1.xml": rewrite})
    table = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in texts)
    return rewrite_package(path, {}, extra={"xl/sharedStrings.xml": (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">%s</sst>'
        % table)})


WORKBOOKS: dict[str, Callable[[Path], Path]] = {
    "values of every kind": lambda path: write_xlsx(path, MIXED),
    "shared strings": lambda path: shared_strings(write_xlsx(path, MIXED)),
    "merged cells": merged,
    "the cells' tag first in a comment": lambda path: patched(
        write_xlsx(path, MIXED), before_cells(b"<!-- <sheetData> -->")),
    "merged cells written before the cells": lambda path: patched(
        write_xlsx(path, MIXED), before_cells(b'<mergeCells count="1"><mergeCell ref="A1:B1"/>'
                                              b"</mergeCells>")),
    "a formula's error": lambda path: patched(write_xlsx(path, MIXED), lambda xml: re.sub(
        rb'<c r="H5".*?</c>', b'<c r="H5" t="e"><f>1/0</f><v>#DIV/0!</v></c>', xml)),
    "a text holding a NUL": lambda path: write_xlsx(
        path, [["Code", "Titre"], ["TR-1", "a_x0000_b"]]),
}


@pytest.mark.parametrize("build", WORKBOOKS.values(), ids=WORKBOOKS.keys())
def test_a_sheet_read_from_its_copy_reads_as_its_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies,
        build: Callable[[Path], Path]) -> None:
    path = build(tmp_path / "book.xlsx")
    expected = uncopied(path, monkeypatch)
    assert rows(path) == expected
    assert len(copies.given) == 1


def test_the_sheet_named_is_copied_and_read_the_others_left_out(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies) -> None:
    path = second_of_three(tmp_path / "three.xlsx")
    read = rows(path, sheet="Données")
    assert read == uncopied(path, monkeypatch, sheet="Données")
    assert read[0][1][0] == "Données"
    assert len(copies.given) == 1


def test_the_copy_holds_what_calamine_reads_of_the_workbook(
        tmp_path: Path, copies: Copies, named_temp: Path) -> None:
    path = rewrite_package(shared_strings(second_of_three(tmp_path / "three.xlsx")), {},
                           extra={"xl/media/image1.png": bytes(1000)})
    with zipfile.ZipFile(path) as book:
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/")]
    table = prepare(path, MemoryBudget(), sheet="Données")
    with zipfile.ZipFile(copies.given[0]) as copy:
        held = copy.namelist()
        assert {info.compress_type for info in copy.infolist()} == {zipfile.ZIP_STORED}
    table.open()
    assert sheets == [f"xl/worksheets/sheet{n}.xml" for n in (1, 2, 3)]
    assert [name for name in held if name.startswith("xl/worksheets/")] == [
        "xl/worksheets/sheet2.xml"]
    assert "xl/media/image1.png" not in held
    assert {"xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"} <= set(held)


def test_a_copy_calamine_refuses_leaves_the_sheet_read_from_its_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies,
        named_temp: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", MIXED)
    expected = uncopied(path, monkeypatch)
    load, tried = workbooks._load_sheet, []

    def refused_first(path: Path, workbook: object, name: str) -> object:
        tried.append(name)
        if len(tried) == 1:
            raise DataFileError("calamine refused the copy", path=path)
        return load(path, workbook, name)

    monkeypatch.setattr(workbooks, "_load_sheet", refused_first)
    assert rows(path) == expected
    assert tried == ["Sheet1", "Sheet1"]
    assert len(copies.given) == 1
    assert list(named_temp.iterdir()) == []


def test_a_sheet_calamine_refuses_is_refused_in_the_workbook_s_own_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies) -> None:
    path = patched(shared_strings(write_xlsx(tmp_path / "book.xlsx", MIXED)), lambda xml: re.sub(
        rb'(<c r="A2"[^>]*><v>)\d+', rb"\g<1>999", xml))
    with monkeypatch.context() as patch:
        patch.setattr(calamine_copy, "COPIED_FROM", 1 << 62)
        with pytest.raises(DataFileError) as plain:
            rows(path)
    with pytest.raises(DataFileError) as copied:
        rows(path)
    assert str(copied.value) == str(plain.value)
    assert "999" in str(plain.value)
    assert len(copies.given) == 1


def damaged_part(path: Path, name: str) -> Path:
    """The workbook with the compressed bytes of part ``name`` overwritten mid-way."""
    with zipfile.ZipFile(path) as book:
        info = book.getinfo(name)
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    data[middle:middle + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_part_calamine_never_reads_leaves_the_sheet_read_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies) -> None:
    path = damaged_part(write_xlsx(tmp_path / "book.xlsx", MIXED), "docProps/app.xml")
    expected = uncopied(path, monkeypatch)
    assert rows(path) == expected
    assert copies.begun == []


def test_a_sheet_its_shared_strings_outweigh_is_not_copied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies) -> None:
    monkeypatch.setattr(calamine_copy, "OUTWEIGHS", OUTWEIGHS)
    path = shared_strings(write_xlsx(tmp_path / "book.xlsx", [
        ["Code", "Titre"], ["TR-1", "long " * 2000], ["TR-2", "court"]]))
    expected = uncopied(path, monkeypatch)
    assert rows(path) == expected
    assert expected[0][1][1] == "long " * 2000
    assert copies.begun == []


def test_cells_under_a_prefixed_tag_are_loaded_from_the_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies) -> None:
    path = patched(write_xlsx(tmp_path / "book.xlsx", MIXED), lambda xml: xml.replace(
        b"<sheetData>", b'<x:sheetData xmlns:x="http://schemas.openxmlformats.org/'
                        b'spreadsheetml/2006/main">').replace(b"</sheetData>", b"</x:sheetData>"))
    expected = uncopied(path, monkeypatch)
    assert rows(path) == expected
    assert expected[0][1][0] == "TR-1"
    assert len(copies.begun) == 1
    assert copies.given == []


def test_a_small_sheet_is_not_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[object] = []
    monkeypatch.setattr(calamine_copy, "CalamineCopy", lambda *args: given.append(args))
    rows(write_xlsx(tmp_path / "small.xlsx", MIXED))
    assert given == []


def test_a_named_copy_exists_while_the_sheet_loads_and_is_gone_after(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies,
        named_temp: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", MIXED)
    table = prepare(path, MemoryBudget())
    assert [p.name for p in named_temp.iterdir()] == [Path(copies.given[0]).name]
    assert list(table.open().rows()) == uncopied(path, monkeypatch)
    assert list(named_temp.iterdir()) == []


def test_a_copy_never_loaded_is_deleted_once_let_go(
        tmp_path: Path, copies: Copies, named_temp: Path) -> None:
    prepared = prepare(write_xlsx(tmp_path / "book.xlsx", MIXED), MemoryBudget())
    assert len(list(named_temp.iterdir())) == 1
    del prepared
    copies.begun.clear()
    gc.collect()
    assert list(named_temp.iterdir()) == []


def test_a_check_cancelled_while_the_sheet_is_measured_leaves_no_copy(
        tmp_path: Path, copies: Copies, named_temp: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", [[f"TR-{i}", "x" * 40] for i in range(30_000)])
    with pytest.raises(Cancelled):
        prepare(path, MemoryBudget(), monitor=Monitor(cancelled=lambda: True))
    assert len(copies.begun) == 1
    assert copies.given == []
    assert list(named_temp.iterdir()) == []


def test_a_sheet_over_the_memory_budget_is_refused_and_leaves_no_copy(
        tmp_path: Path, copies: Copies,
        named_temp: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", [[f"TR-{i}", "x" * 40] for i in range(3_000)])
    with pytest.raises(DataFileError, match=r"book\.xlsx: reading this file would take"):
        prepare(path, MemoryBudget(limit=1 << 20))
    assert len(copies.given) == 1
    assert list(named_temp.iterdir()) == []


def test_a_full_disk_leaves_the_sheet_read_from_its_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", [[f"TR-{i}", "x" * 40] for i in range(30_000)])
    expected = uncopied(path, monkeypatch)
    with tiny_disk_at(tmp_path / "disk", "512k") as disk:
        monkeypatch.setattr(tempfile, "tempdir", str(disk))
        assert rows(path) == expected
        assert len(copies.begun) == 1
        assert copies.given == []
        assert list(disk.iterdir()) == []


def test_a_copy_that_will_not_open_leaves_the_sheet_read_from_its_workbook(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copies: Copies,
        named_temp: Path) -> None:
    path = write_xlsx(tmp_path / "book.xlsx", MIXED)
    expected = uncopied(path, monkeypatch)
    finish = calamine_copy.CalamineCopy.finish

    def spoiled(self: calamine_copy.CalamineCopy, size: int) -> bool:
        whole = finish(self, size)
        Path(self.path).write_bytes(b"not a zip")
        return whole

    monkeypatch.setattr(calamine_copy.CalamineCopy, "finish", spoiled)
    assert rows(path) == expected
    assert list(named_temp.iterdir()) == []


def test_a_check_and_a_commit_through_copies_say_and_store_what_they_did_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        ) -> None:
    said, given = [], []
    finish = calamine_copy.CalamineCopy.finish
    for copied in (False, True):
        folder = tmp_path / "month"  # the same for both: the output names it
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        write_xlsx(folder / "teachers.xlsx", [TEACHER_COLUMNS, ("t1", "Martin", "Éric", "e@x.fr"),
                                             ("", "Sans", "Login", "s@x.fr")])
        write_xlsx(folder / "trainings.xlsx", [TRAINING_COLUMNS, ("TR-1", "Sécurité", ""),
                                              ("TR-2", "Premiers secours", "")])
        write_config(folder, ImportSpec("teachers.xlsx", TEACHER_COLUMNS,
                                        "createOrUpdateTeacherAction"),
                     ImportSpec("trainings.xlsx", TRAINING_COLUMNS,
                                "createOrUpdateTrainingCourseAction"))
        existing_store(folder / "s.db")
        with monkeypatch.context() as patch:
            if copied:
                patch.setattr(calamine_copy, "COPIED_FROM", 0)
                patch.setattr(calamine_copy, "OUTWEIGHS", 0)
                patch.setattr(calamine_copy.CalamineCopy, "finish",
                              lambda copy, size: given.append(copy.path) or finish(copy, size))
            said.append((run(capsys, "check", folder), run(capsys, "commit", folder),
                         stored(folder / "s.db")))
    assert len(given) == 4  # each file, by the check and by the commit
    assert said[1] == said[0]
    assert said[0][2] == ([("t1", "Martin", "Éric", "e@x.fr")],
                          [("TR-1", "Sécurité"), ("TR-2", "Premiers secours")])


def stored(store: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The store's teachers and training courses, as the files gave them."""
    with contextlib.closing(sqlite3.connect(store)) as conn:
        return (conn.execute("SELECT login, name, firstname, email FROM teacher").fetchall(),
                conn.execute("SELECT path_code, title FROM training ORDER BY id").fetchall())
