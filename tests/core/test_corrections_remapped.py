"""A correction committed after its column was mapped to another field is recorded with the
field the column fed in that commit, the one the cell went into."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from importer_gui.core.catalogue import IGNORED_COLUMN
from importer_gui.core.corrections import run_corrections
from importer_gui.core.progress import Monitor
from importer_gui.core.session import Session, run_check
from tests.sessions import commit_shown, edit, open_checked


def mapped_again(session: Session, fields: dict[int, str]) -> None:
    """Map teachers.csv's columns to other fields, then check again as the preview does."""
    provider = session.choices.config.imports[0].provider
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
