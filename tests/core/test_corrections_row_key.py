"""A correction is applied again only to the row it was made on: after the file changed on
disk, a correction of an empty cell (found on most rows) is set aside, not put on the row now
on its line, whether the file is checked again or written as a corrected copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Reading,
    row_key,
    write_corrected_copy,
)
from importer_gui.core.errors import ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Session, run_check
from tests.sessions import open_checked

ZOE = b"E2000;zz;zz@example.org;Zed;Zoe;Y;;fr-FR;\r\n"
CLAIRE = b"E1001;cbernard;claire.bernard@example.org;Bernard;Claire;Y;;fr-FR;\r\n"


def learners(session: Session) -> int:
    """The place of the learners' import in the shown plan."""
    plan = session.choices.plan
    assert plan is not None
    return next(imp.index for imp in plan.imports if imp.file.name == "learners.csv")


def edit(session: Session, line: int, field: str, text: str) -> bool:
    """Type ``text`` into a learner's cell, as the preview does."""
    plan = session.choices.plan
    assert plan is not None
    imp = plan.imports[learners(session)]
    row = [row.line for row in imp.rows].index(line)
    return session.edit_cell(imp.index, row, imp.columns.index(field), text)


def cell(session: Session, line: int, field: str) -> str:
    """A learner's cell as the shown plan holds it."""
    plan = session.choices.plan
    assert plan is not None
    imp = plan.imports[learners(session)]
    row = next(row for row in imp.rows if row.line == line)
    return str(row.cells[imp.columns.index(field)])


def check_again(session: Session) -> list[tuple[int, str, str]]:
    """Check again as the preview does; the corrections set aside (line, before, after)."""
    snapshot = session.snapshot()
    plan = run_check(snapshot, Monitor())
    taken = session.set_aside(snapshot.corrections)
    session.set_plan(plan)
    return [(c.line, c.before, c.after) for _file, c in taken]


def insert_zoe(data: Path) -> None:
    """A new learner, her Manager empty as most are, saved as line 2 of the file."""
    head, rest = data.read_bytes().split(b"\r\n", 1)
    data.write_bytes(head + b"\r\n" + ZOE + rest)


@pytest.fixture
def opened(sample: Path) -> tuple[Session, Path]:
    """The sample checked; its learners' file."""
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    return session, sample / "learners.csv"


def refused(session: Session, data: Path, target: Path, line: int) -> None:
    """Save a corrected copy: refused, nothing written."""
    with pytest.raises(ImporterError) as raised:
        session.save_corrected_copy(data, target)
    assert raised.value.message == (
        f"{data.resolve()} changed since it was checked: line {line} no longer holds the row "
        "corrected there. Nothing was written; press Check again.")
    assert not target.exists()


def test_an_empty_cell_corrected_is_set_aside_when_a_row_is_inserted_above(
        opened: tuple[Session, Path], tmp_path: Path) -> None:
    session, data = opened
    original = data.read_bytes()
    assert edit(session, 2, "managerLogin", "lpetit")  # Claire's empty Manager
    insert_zoe(data)
    refused(session, data, tmp_path / "early.csv", 2)  # not written on Zoe's line
    assert check_again(session) == [(2, "", "lpetit")]
    assert session.unsaved_corrections() == 0 and session.corrected_files() == []
    assert (cell(session, 2, "candidateLogin"), cell(session, 2, "managerLogin")) == ("zz", "")
    assert (cell(session, 3, "candidateLogin"), cell(session, 3, "managerLogin")) == (
        "cbernard", "")
    assert edit(session, 3, "managerLogin", "lpetit")  # made again where it belongs
    copy = session.save_corrected_copy(data, tmp_path / "copy.csv")
    assert copy.read_bytes() == original.replace(CLAIRE, ZOE + CLAIRE[:-2] + b"lpetit\r\n")


def test_a_correction_is_set_aside_when_another_cell_of_its_row_changed(
        opened: tuple[Session, Path], tmp_path: Path) -> None:
    session, data = opened
    assert edit(session, 2, "managerLogin", "lpetit")
    data.write_bytes(data.read_bytes().replace(b"claire.bernard@", b"claire.b@"))
    refused(session, data, tmp_path / "copy.csv", 2)
    assert check_again(session) == [(2, "", "lpetit")]
    assert cell(session, 2, "managerLogin") == ""


def test_a_correction_of_an_unchanged_file_is_kept_and_copied(
        opened: tuple[Session, Path], tmp_path: Path) -> None:
    session, data = opened
    original = data.read_bytes()
    assert edit(session, 2, "managerLogin", "lpetit")
    assert check_again(session) == []
    assert cell(session, 2, "managerLogin") == "lpetit"
    assert session.unsaved_corrections() == 1
    copy = session.save_corrected_copy(data, tmp_path / "copy.csv")
    assert copy.read_bytes() == original.replace(CLAIRE, CLAIRE[:-2] + b"lpetit\r\n")


def test_two_corrections_of_one_row_are_kept_together_and_set_aside_together(
        opened: tuple[Session, Path], tmp_path: Path) -> None:
    session, data = opened
    original = data.read_bytes()
    assert edit(session, 2, "managerLogin", "lpetit")
    assert edit(session, 2, "candidateValidity", "N")  # made on the row as corrected
    assert edit(session, 2, "managerLogin", "emoreau")  # the same cell again
    assert check_again(session) == []
    assert (cell(session, 2, "managerLogin"), cell(session, 2, "candidateValidity")) == (
        "emoreau", "N")
    copy = session.save_corrected_copy(data, tmp_path / "copy.csv")
    assert copy.read_bytes() == original.replace(
        CLAIRE, CLAIRE.replace(b";Y;", b";N;")[:-2] + b"emoreau\r\n")
    data.write_bytes(original.replace(b";Bernard;", b";Bernard-Roy;"))
    refused(session, data, tmp_path / "late.csv", 2)
    assert sorted(check_again(session)) == [(2, "", "emoreau"), (2, "Y", "N")]
    assert (cell(session, 2, "managerLogin"), cell(session, 2, "candidateValidity")) == ("", "Y")


def test_a_correction_made_without_its_row_is_matched_by_its_cell(
        opened: tuple[Session, Path]) -> None:
    session, data = opened
    provider = session.choices.config.imports[learners(session)].provider
    session.choices.corrections.record(data, Reading.of(provider),
                                       Correction(3, 8, "cbernard", "emoreau"))
    data.write_bytes(data.read_bytes().replace(b"luc.petit@", b"luc.p@"))
    assert check_again(session) == []  # no row known: its cell still holds "cbernard"
    assert cell(session, 3, "managerLogin") == "emoreau"


def test_a_corrected_first_line_is_copied_past_its_byte_order_mark(tmp_path: Path) -> None:
    data = tmp_path / "t.csv"
    data.write_bytes("\ufeffE1;Y;\r\nE2;Y;\r\n".encode())
    corrections = Corrections()
    corrections.record(data, Reading("UTF-8", ";", None, False),
                       Correction(1, 1, "Y", "N", row=row_key(["E1", "Y", ""])))
    entry = corrections.of(data)
    assert entry is not None
    copy = write_corrected_copy(entry, tmp_path / "copy.csv")
    assert copy.read_bytes() == "\ufeffE1;N;\r\nE2;Y;\r\n".encode()
