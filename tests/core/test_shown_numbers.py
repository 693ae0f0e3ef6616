"""A workbook number shown with text around it (a code formatted "TC-"0000 shows 42 as
TC-0042) is read as shown by text fields, as a spreadsheet's own CSV export writes it, and as
the number it holds by fields of numbers and durations (0" h" shows 7 as 7 h: 7 hours)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from importer_gui.core import config_xml, pipeline
from importer_gui.core.cells import Cell, Shown
from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Reading,
    corrected_cell,
    corrected_name,
    write_corrected_copy,
)
from importer_gui.core.package import package
from importer_gui.core.readers.guards import (
    CELL_NOTE_COST,
    check_package,
    padded_styles,
)
from importer_gui.core.readers.number_formats import layout
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config
from tests.core.test_error_cells import ods_text, run, write_ods
from tests.core.test_padded_numbers import ods_number
from tests.core.test_tracking import COLUMNS as TRACKING_COLUMNS
from tests.core.test_tracking import (  # noqa: F401 - the fixture
    PARAMETERS,
    ROW,
    TrackingEnv,
    env,
)
from tests.core.test_tracking import stored as tracked

COLUMNS = ("trainingPathCode", "trainingTitle", "trainingModality", "trainingDuration")


def courses(folder: Path) -> list[tuple[str, str, int | None]]:
    """The store's training courses: (code, title, duration)."""
    with sqlite3.connect(folder / "s.db") as conn:
        return conn.execute(
            "SELECT path_code, title, duration FROM training ORDER BY id").fetchall()


def workbook(path: Path, rows: list[tuple[object, ...]], formats: dict[int, str]) -> Path:
    """An .xlsx of ``rows`` under COLUMNS, its cells of a column in the format given."""
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for values in rows:
        sheet.append(values)
        for column, shape in formats.items():
            sheet.cell(sheet.max_row, column).number_format = shape
    book.save(path)
    return path


def test_an_xlsx_code_shown_with_text_is_stored_as_shown_and_a_duration_as_its_number(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "t.xlsx", [(42, "A", "blended", 7), (-42, "B", "blended", 12)],
                    {1: '"TC-"0000', 4: '0" h"'})
    book = Workbook()  # the other literal writings, in one column
    sheet = book.active
    sheet.append(COLUMNS)
    for code, shape in ((7, r"\A\B000"), (1234, "$00000"), (123456789, "000-00-0000")):
        sheet.append((code, "T", "blended", 3))
        sheet.cell(sheet.max_row, 1).number_format = shape
        sheet.cell(sheet.max_row, 2).number_format = '0" h"'
    book.save(tmp_path / "u.xlsx")
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"),
                 ImportSpec("u.xlsx", COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert courses(tmp_path) == [("TC-0042", "A", 7), ("-TC-0042", "B", 12),
                                 ("AB007", "T", 3), ("$01234", "T", 3),
                                 ("123-45-6789", "T", 3)]


def test_a_tracking_time_shown_with_text_is_its_seconds(env: TrackingEnv) -> None:  # noqa: F811
    book = Workbook()
    sheet = book.active
    sheet.append(TRACKING_COLUMNS)
    sheet.append([*ROW[:9], 5115, *ROW[10:]])
    sheet.cell(2, 10).number_format = '0" s"'
    book.save(env.folder / "tracking.xlsx")
    spec = ImportSpec("tracking.xlsx", TRACKING_COLUMNS, "createOrUpdateConsolidatedTrackingAction")
    env.run(spec, PARAMETERS, commit=True)
    assert [row[8] for row in tracked(env)] == [5115]


def test_a_number_shown_as_text_typed_elsewhere_is_not_taken_for_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The text "7 h" typed in a cell is no number; the number 7 formatted 0" h" is. A field
    # remembers what it converted, and a column shares its repeated cells: neither may mix
    # them up, whichever comes first.
    path = workbook(tmp_path / "t.xlsx", [("C1", "A", "blended", "7 h"),
                                          ("C2", "B", "blended", 7),
                                          ("C3", "C", "blended", "7 h")], {4: '0" h"'})
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, lines = run(capsys, "commit", tmp_path)
    assert code == 1
    assert [line for line in lines if "7 h" in line] == [
        "t.xlsx:2: ERROR trainingDuration: Field trainingDuration: 7 h is not a whole number.",
        "t.xlsx:4: ERROR trainingDuration: Field trainingDuration: 7 h is not a whole number."]
    assert courses(tmp_path) == [("C2", "B", 7)]


def test_an_ods_number_shown_with_text_is_read_as_shown(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # LibreOffice writes the text shown, calamine reads the number: "5,00" and "1 234" are a
    # decimal and a thousands separator, not text around the number.
    rows = "<table:table-row>" + "".join(map(ods_text, COLUMNS)) + "</table:table-row>"
    for code, title, duration in (
            (ods_number("42", "TC-0042"), ods_text("A"), ods_number("7", "7 h")),
            (ods_number("-42", "-TC-0042"), ods_number("5", "5,00"), ods_number("12", "12")),
            (ods_text("C3"), ods_number("1234", "1 234"), ods_number("3", "3 h"))):
        rows += (f"<table:table-row>{code}{title}{ods_text('blended')}{duration}"
                 "</table:table-row>")
    path = tmp_path / "t.ods"
    write_ods(path, rows)
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert courses(tmp_path) == [("TC-0042", "A", 7), ("-TC-0042", "5", 12),
                                 ("C3", "1234", 3)]


def test_an_xlsx_of_ordinary_formats_is_read_as_before(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shapes = ("General", "0", "0.00", "#,##0", "[Red]0000", "0%", '"TC-"0000.0', "#0",
              "@", "0;-0", "# ?/?", "00/00", "0E+0", '"R1-"0', '0;"neg"')
    path = workbook(tmp_path / "t.xlsx", [], {})
    book = Workbook()
    sheet = book.active
    sheet.append(COLUMNS)
    for number, shape in enumerate(shapes, start=1):
        sheet.append((f"C{number}", number * 10, "blended", number))
        sheet.cell(sheet.max_row, 2).number_format = shape
    book.save(path)
    assert padded_styles(path) == {}
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    code, _lines = run(capsys, "commit", tmp_path)
    assert code == 0
    assert [title for _code, title, _duration in courses(tmp_path)] == [
        str(number * 10) for number in range(1, len(shapes) + 1)]


@pytest.mark.parametrize(("code", "value", "shown"), [
    ('"TC-"0000', "42", "TC-0042"), ('"TC-"0000', "-42", "-TC-0042"),
    ('"TC-"0000', "123456", "TC-123456"), ('0" h"', "7", "7 h"), (r"\A\B000", "7", "AB007"),
    ("00000", "42", "00042"), ("000-00-0000", "123456789", "123-45-6789"),
    ('0" h";"minus "0;"none"', "-3", "minus 3"), ('0" h";"minus "0;"none"', "0", "none"),
    ('0" h";[Red]-0" h"', "-3", "-3 h"), ('"a;b"0', "4", "a;b4"), ("00/", "4", "04/"),
    ("0;(0)", "-42", "(42)"), ('"R-"0;"neg"', "-3", "-R-3"),
    ('"TC-"0000', "42.5", None), ("00000", "123456", None)])
def test_what_a_format_shows_for_a_whole_number(code: str, value: str, shown: str | None
                                                ) -> None:
    found = layout(code)
    assert found is not None
    cell = found.shown(value)
    assert cell == (None if shown is None else Shown(shown, str(int(float(value)))))
    assert cell is None or cell.value == str(int(float(value)))


def test_a_package_writes_the_code_as_shown_and_the_duration_as_its_number(
        tmp_path: Path) -> None:
    # The platform reads the package's CSV as the check read the workbook.
    path = workbook(tmp_path / "t.xlsx", [(42, "A", "blended", 7)],
                    {1: '"TC-"0000', 4: '0" h"'})
    write_config(tmp_path, ImportSpec(path.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    config = config_xml.load(tmp_path / "config.xml")
    with Store.open(tmp_path / "s.sqlite3") as store:
        plan = pipeline.check(config, store)
    package(plan, tmp_path / "out")
    written = (tmp_path / "out" / "t.csv").read_text(encoding="utf-8")
    assert written.splitlines()[1:] == ["TC-0042;A;blended;7"]


def test_an_ods_numbers_read_as_shown_are_charged_to_the_budget(tmp_path: Path) -> None:
    # Each is noted until its row is read.
    def cost(shown: str) -> int:
        path = tmp_path / f"{len(list(tmp_path.iterdir()))}.ods"
        write_ods(path, "".join(f"<table:table-row>{ods_number(str(n), shown.format(n))}"
                                "</table:table-row>" for n in range(1000, 2000)))
        return check_package(path).cost

    assert cost("TC-{}") - cost("{}") >= CELL_NOTE_COST * 1000


def ods_courses(path: Path) -> Path:
    """An .ods of two courses, their code and duration numbers shown with text."""
    rows = "<table:table-row>" + "".join(map(ods_text, COLUMNS)) + "</table:table-row>"
    for code, title, duration in ((ods_number("42", "TC-0042"), "A", ods_number("7", "7 h")),
                                  (ods_number("-3", "-TC-0003"), "B", ods_number("2", "2 h"))):
        rows += (f"<table:table-row>{code}{ods_text(title)}{ods_text('blended')}{duration}"
                 "</table:table-row>")
    write_ods(path, rows)
    return path


def commit_corrected_copy(source: Path, corrections: list[Correction], folder: Path,
                          capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """The corrected copy of ``source`` written into ``folder`` and committed there."""
    recorded = Corrections()
    for correction in corrections:
        recorded.record(source, Reading("UTF-8", ";", None, True), correction)
    entry = recorded.of(source)
    assert entry is not None
    copy = write_corrected_copy(entry, folder / corrected_name(source))
    write_config(folder, ImportSpec(copy.name, COLUMNS, "createOrUpdateTrainingCourseAction"))
    return run(capsys, "commit", folder)


def test_a_corrected_copy_of_an_ods_keeps_its_numbers_shown_with_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The copy is an .xlsx: its cells stay numbers, formatted to show as the .ods did.
    source = ods_courses(tmp_path / "t.ods")
    code, _lines = commit_corrected_copy(source, [Correction(2, 1, "A", "A+")], tmp_path, capsys)
    assert code == 0
    assert courses(tmp_path) == [("TC-0042", "A+", 7), ("-TC-0003", "B", 2)]


def xlsx_courses(path: Path) -> Path:
    """The courses of ``ods_courses`` in an .xlsx, their numbers formatted to show so."""
    return workbook(path, [(42, "A", "blended", 7), (-3, "B", "blended", 2)],
                    {1: '"TC-"0000', 4: '0" h"'})


def courses_file(make: Callable[[Path], Path], tmp_path: Path) -> Path:
    """The courses made by ``make`` (``ods_courses`` or ``xlsx_courses``), named as their kind."""
    source = make(tmp_path / f"t{make.__name__}")
    return source.rename(source.with_suffix(".ods" if make is ods_courses else ".xlsx"))


@pytest.mark.parametrize("make", [ods_courses, xlsx_courses])
def test_numbers_shown_with_text_corrected_as_shown_are_copied_as_typed(
        make: Callable[[Path], Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    # "7 h" corrected to "9 h" is 9 hours, as the preview read it; the code "-TC-0003" typed
    # as "-TC-0005" is that code; "2 h" corrected to "2 hours" stays the text typed.
    source = courses_file(make, tmp_path)
    code, lines = commit_corrected_copy(source, [
        Correction(2, 3, "7 h", "9 h"), Correction(3, 0, "-TC-0003", "-TC-0005"),
        Correction(3, 3, "2 h", "2 hours")], tmp_path, capsys)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines if "ERROR" in line] == [
        "ERROR trainingDuration: Field trainingDuration: 2 hours is not a whole number."]
    assert courses(tmp_path) == [("TC-0042", "A", 9)]


@pytest.mark.parametrize(("cell", "typed", "corrected"), [
    (Shown("12 h", "12"), "15 h", Shown("15 h", "15")),
    (Shown("TC-0042", "42"), "TC-7", Shown("TC-7", "7")),
    (Shown("-TC-0003", "-3"), "-TC-0005", Shown("-TC-0005", "-5")),
    (Shown("(42)", "-42"), "(44)", Shown("(44)", "-44")),
    (Shown("12 h", "12"), "15", "15"),  # digits alone: what was typed, a text
    (Shown("12 h", "12"), "15 hours", "15 hours"),
    (Shown("12 h", "12"), "1,5 h", "1,5 h"),
    ("12 h", "15 h", "15 h"),  # text typed in the sheet stays text
])
def test_a_correction_keeps_a_number_shown_with_text_when_typed_as_shown(
        cell: Cell, typed: str, corrected: Cell) -> None:
    made = corrected_cell(cell, typed)
    assert made == corrected and type(made) is type(corrected)
    if isinstance(made, Shown):
        assert made.value == corrected.value  # type: ignore[union-attr]


@pytest.mark.parametrize("make", [ods_courses, xlsx_courses])
def test_a_code_typed_with_fewer_digits_is_copied_as_the_preview_shows_it(
        make: Callable[[Path], Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    # "TC-0042" typed "TC-7" is the code TC-7 in the preview; the copy's cell shows it so too,
    # not the cell's own format's TC-0007.
    source = courses_file(make, tmp_path)
    code, _lines = commit_corrected_copy(source, [Correction(2, 0, "TC-0042", "TC-7")],
                                         tmp_path, capsys)
    assert code == 0
    assert courses(tmp_path) == [("TC-7", "A", 7), ("-TC-0003", "B", 2)]
