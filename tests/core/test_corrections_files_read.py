"""A corrected copy saved by the session (as the wizard does on closing) never replaces a
file the check reads, as one saved from the preview does not: another import's data file,
or the configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core.errors import ImporterError
from importer_gui.core.session import Session
from tests.sessions import edit, open_checked


@pytest.mark.parametrize("name", ["learners.csv", "sample-config.xml"])
def test_a_copy_over_a_file_the_check_reads_is_refused_and_the_file_kept(
        sample: Path, name: str) -> None:
    session = Session(sample / "store.sqlite3")
    open_checked(session, sample / "sample-config.xml")
    assert edit(session, 4, 3, "sophie.leroy@example.org")  # teachers.csv, Courriel
    kept = {file: file.read_bytes() for file in sample.iterdir() if file.is_file()}
    target = sample / name
    with pytest.raises(ImporterError) as raised:
        session.save_corrected_copy(sample / "teachers.csv", target)
    assert raised.value.message == (
        f"{target} is a file this check reads (a data file or its configuration): a report "
        "or a copy cannot replace it; choose another name.")
    assert {file: file.read_bytes() for file in sample.iterdir() if file.is_file()} == kept
    assert session.unsaved_corrections() == 1
