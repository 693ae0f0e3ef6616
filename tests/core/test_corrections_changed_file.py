"""Corrections whose file changed on disk since they were made: never put on another row,
written into a corrected copy, or recorded with a run; a workbook's date cells edited in the
import's date format and kept dates in a corrected copy."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Reading,
    edit_patterns,
    edit_text,
    run_corrections,
    write_corrected_copy,
)
from importer_gui.core.errors import ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Session, run_check
from importer_gui.core.store import Store
from tests.sessions import commit_shown, edit, open_checked

TEACHERS = ("Identifiant;Nom;Prénom;Courriel\n"
            "mdupont;Dupont;Marie;marie.dupont@example.org\n"
            "jmartin;Martin;Jean;jean.martin@example.org\n"
            "sleroy;Leroy;Sophie;sophie.leroy-at-example.org\n")
NEWCOMER = "anew;Nouveau;Anne;anne.nouveau@example.org\n"


def teachers_config(folder: Path) -> Path:
    """A configuration of one teacher import, teachers.csv beside it."""
    (folder / "teachers.csv").write_text(TEACHERS, encoding="utf-8")
    path = folder / "config.xml"
    path.write_text(
        "<import-config><import><providers><fileSystemSourceProvider>"
        "<fileName>teachers.csv</fileName><skipFirstLine>yes</skipFirstLine><columnsMapping>"
        "<teacherLogin/><teacherName/><teacherFirstname/><teacherEmail/></columnsMapping>"
        "<fileEncoding>UTF-8</fileEncoding><delimiter>semicolon</delimiter>"
        "</fileSystemSourceProvider></providers><actions><createOrUpdateTeacherAction>"
        "<fields><teacherLogin/><teacherName/><teacherFirstname/><teacherEmail/></fields>"
        "</createOrUpdateTeacherAction></actions></import></import-config>", encoding="utf-8")
    return path


def check_again(session: Session) -> list[tuple[Path, Correction]]:
    """Check again as the preview does: what the check found unmatched is taken out of the
    session's corrections before the plan is shown."""
    snapshot = session.snapshot()
    plan = run_check(snapshot, Monitor())
    taken = session.set_aside(snapshot.corrections)
    session.set_plan(plan)
    return taken


@pytest.fixture
def shifted(tmp_path: Path) -> tuple[Session, Path]:
    """Line 3's name and line 4's e-mail corrected; then a teacher is added right after the
    header, so every line moves down by one, and the file is checked again."""
    session = Session(tmp_path / "store.sqlite3")
    open_checked(session, teachers_config(tmp_path))
    assert edit(session, 3, 1, "Martinez")
    assert edit(session, 4, 3, "sophie.leroy@example.org")
    data = tmp_path / "teachers.csv"
    head, rest = TEACHERS.split("\n", 1)
    data.write_text(f"{head}\n{NEWCOMER}{rest}", encoding="utf-8")
    return session, data


def test_corrections_a_changed_file_no_longer_matches_are_taken_out(
        shifted: tuple[Session, Path]) -> None:
    session, _data = shifted
    taken = check_again(session)
    assert [(c.line, c.before, c.after) for _f, c in taken] == [
        (3, "Martin", "Martinez"), (4, "sophie.leroy-at-example.org", "sophie.leroy@example.org")]
    assert session.unsaved_corrections() == 0 and session.corrected_files() == []
    plan = session.choices.plan
    assert plan is not None
    assert [row.cells[1] for row in plan.imports[0].rows] == [
        "Nouveau", "Dupont", "Martin", "Leroy"]  # the file's values: no one else's name
    assert check_again(session) == []  # said once


def test_a_commit_after_the_change_records_no_correction(
        shifted: tuple[Session, Path]) -> None:
    session, _data = shifted
    check_again(session)
    committed = commit_shown(session)
    assert committed.corrections == 0
    with Store.open(session.store_path) as store:
        assert run_corrections(store, committed.run_id) == []


def test_a_corrected_copy_is_refused_when_the_file_changed_since_the_check(
        tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    open_checked(session, teachers_config(tmp_path))
    edit(session, 4, 3, "sophie.leroy@example.org")
    data = tmp_path / "teachers.csv"
    head, rest = TEACHERS.split("\n", 1)
    data.write_text(f"{head}\n{NEWCOMER}{rest}", encoding="utf-8")  # after the check
    target = tmp_path / "copy.csv"
    with pytest.raises(ImporterError) as raised:
        session.save_corrected_copy(data, target)
    assert raised.value.message == (
        f"{data.resolve()} changed since it was checked: line 4 no longer holds the row "
        "corrected there. Nothing was written; press Check again.")
    assert not target.exists()


def test_a_corrected_copy_is_refused_when_the_corrected_line_is_gone(tmp_path: Path) -> None:
    data = tmp_path / "t.csv"
    data.write_text("a;b\n1;2\n", encoding="utf-8")
    corrections = Corrections()
    corrections.record(data, Reading("UTF-8", ";", None, True), Correction(3, 0, "3", "4"))
    entry = corrections.of(data)
    assert entry is not None
    with pytest.raises(ImporterError, match="line 3 no longer holds"):
        write_corrected_copy(entry, tmp_path / "copy.csv")


def test_the_corrected_copy_writes_the_rows_the_corrections_were_made_on(
        tmp_path: Path) -> None:
    session = Session(tmp_path / "store.sqlite3")
    open_checked(session, teachers_config(tmp_path))
    edit(session, 3, 1, "Martinez")
    copy = session.save_corrected_copy(tmp_path / "teachers.csv", tmp_path / "copy.csv")
    assert copy.read_bytes() == TEACHERS.replace(";Martin;", ";Martinez;").encode("utf-8")


def test_a_workbook_date_cell_is_edited_in_the_import_date_format(sample: Path) -> None:
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    plan = session.choices.plan
    assert plan is not None
    index = next(imp.index for imp in plan.imports if imp.file.name == "sessions.xlsx")
    imp = plan.imports[index]
    row = next(row for row in imp.rows if row.line == 3)
    start = imp.columns.index("sessionStartDate")
    patterns = edit_patterns(plan, index)
    assert row.cells[start] == date(2027, 3, 2)
    assert edit_text(row.cells[start], patterns[start]) == "02/03/2027"
    assert edit_text("12/01/2027", patterns[start]) == "12/01/2027"
    assert edit_text(date(2027, 3, 2), None) == "2027-03-02"  # a column feeding no date


def test_a_corrected_date_reads_back_valid_and_stays_a_date_in_the_copy(
        sample: Path) -> None:
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    plan = session.choices.plan
    assert plan is not None
    index = next(imp.index for imp in plan.imports if imp.file.name == "sessions.xlsx")
    imp = plan.imports[index]
    r = next(n for n, row in enumerate(imp.rows) if row.line == 3)
    start = imp.columns.index("sessionStartDate")
    before = imp.rows[r].outcome
    assert session.edit_cell(index, r, start, "02/03/2057")
    assert imp.rows[r].outcome is before  # still valid: read in DD/MM/YYYY
    title = imp.columns.index("sessionTitle") if "sessionTitle" in imp.columns else 0
    session.edit_cell(index, r, title, "Not a date")
    target = session.save_corrected_copy(imp.file, sample / "sessions-corrected.xlsx")
    sheet = openpyxl.load_workbook(target).active
    assert sheet.cell(row=3, column=start + 1).value == datetime(2057, 3, 2)
    assert sheet.cell(row=3, column=title + 1).value == "Not a date"
