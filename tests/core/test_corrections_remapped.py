"""A correction committed after its column was mapped to another field is recorded with the
field the column fed in that commit, the one the cell went into; a corrected copy that
cannot be written names the field the column feeds now."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.corrections import run_corrections
from importer_gui.core.errors import ImporterError
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Session, run_check
from tests.sessions import commit_shown, edit, open_checked


def mapped_again(session: Session, fields: dict[int, str], import_index: int = 0) -> None:
    """Map an import's columns (teachers.csv's by default) to other fields, then check again
    as the preview does."""
    provider = session.choices.config.imports[import_index].provider
    for column, name in fields.items():
        provider.columns[column] = dataclasses.replace(provider.columns[column], field=name)
    snapshot = session.snapshot()
    plan = run_check(snapshot, Monitor())
    session.set_aside(snapshot.corrections)
    session.set_plan(plan)


def test_the_run_records_the_field_the_column_fed_when_committed(sample: Path) -> None:
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    assert edit(session, 4, 1, "Leroy-Martin")  # Nom, then fed teacherName
    assert edit(session, 4, 3, "sophie.leroy@example.org")  # Courriel, then teacherEmail
    mapped_again(session, {1: "teacherFirstname", 2: "teacherName", 3: IGNORED_COLUMN})
    committed = commit_shown(session)
    recorded = run_corrections(session.open_store(), committed.run_id)
    assert [(c.line, c.column, c.header, c.field, c.after) for c in recorded] == [
        (4, 2, "Nom", "teacherFirstname", "Leroy-Martin"),
        (4, 4, "Courriel", "", "sophie.leroy@example.org")]


def in_latin_1(sample: Path) -> None:
    """The sample's teachers.csv written in ISO-8859-1, as its configuration then says."""
    teachers = sample / "teachers.csv"
    teachers.write_bytes(teachers.read_text(encoding="utf-8").encode("latin-1"))
    config = sample / "sample-config.xml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "<fileEncoding>UTF-8</fileEncoding>", "<fileEncoding>ISO-8859-1</fileEncoding>", 1),
        encoding="utf-8")


def test_a_copy_the_encoding_cannot_hold_names_the_field_the_column_feeds_now(
        sample: Path) -> None:
    in_latin_1(sample)
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    assert edit(session, 4, 1, "Leroy-Œuvre")  # Nom, then fed teacherName
    mapped_again(session, {1: "teacherFirstname", 2: "teacherName"})
    target = sample / "teachers-corrected.csv"
    with pytest.raises(ImporterError) as raised:
        session.save_corrected_copy(sample / "teachers.csv", target)
    assert raised.value.message == (
        f'{sample / "teachers.csv"}: line 4, column 2 (teacherFirstname): "Œ" (U+0152) cannot '
        f"be written in ISO-8859-1, the file's encoding. Nothing was written; change those "
        f"characters in the cell, then save the copy again.")
    assert not target.exists()


def test_a_column_no_longer_mapped_is_named_by_its_header(sample: Path) -> None:
    in_latin_1(sample)
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    assert edit(session, 4, 1, "Leroy-Œuvre")
    mapped_again(session, {1: IGNORED_COLUMN})
    with pytest.raises(ImporterError, match=re.escape("line 4, column 2 (Nom): ")):
        session.save_corrected_copy(sample / "teachers.csv", sample / "copy.csv")


def test_a_workbook_copy_names_the_field_the_column_feeds_now(sample: Path) -> None:
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    assert session.edit_cell(1, 0, 1, "Sécurité\x01")  # trainingTitle, line 2
    mapped_again(session, {0: "trainingTitle", 1: "trainingPathCode"}, import_index=1)
    with pytest.raises(ImporterError, match=re.escape(
            "line 2, column 2 (trainingPathCode): U+0001 cannot be written in a workbook")):
        session.save_corrected_copy(sample / "trainings.xlsx", sample / "copy.xlsx")
