"""A data file two imports read: its corrections are counted once in the commit, as the run
records them once."""

from __future__ import annotations

import re
from pathlib import Path

from importer_gui.core.corrections import run_corrections
from importer_gui.core.session import Session
from tests.sessions import commit_shown, edit, open_checked


def teachers_read_twice(sample: Path) -> Path:
    """The sample's configuration with its teachers.csv import twice."""
    config = sample / "sample-config.xml"
    text = config.read_text(encoding="utf-8")
    first = re.search(r"  <import>.*?</import>\n", text, re.DOTALL)
    assert first is not None and "teachers.csv" in first.group()
    config.write_text(text[:first.end()] + first.group() + text[first.end():],
                      encoding="utf-8")
    return config


def test_a_correction_of_a_file_two_imports_read_counts_once(sample: Path) -> None:
    session = Session(sample / "store.sqlite3")
    open_checked(session, teachers_read_twice(sample))
    plan = session.choices.plan
    assert plan is not None and [imp.file.name for imp in plan.imports[:2]] == [
        "teachers.csv", "teachers.csv"]
    assert edit(session, 4, 3, "sophie.leroy@example.org")
    committed = commit_shown(session)
    recorded = run_corrections(session.open_store(), committed.run_id)
    assert [(c.line, c.after) for c in recorded] == [(4, "sophie.leroy@example.org")]
    assert committed.corrections == 1
