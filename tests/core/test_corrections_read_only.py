"""A corrected copy saved over a read-only file (the user's "do not change") is refused with
the file named, and the file kept."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from importer_gui.core.corrections import (
    Correction,
    Corrections,
    FileCorrections,
    Reading,
    write_corrected_copy,
)
from importer_gui.core.errors import ImporterError

TEXT = "Identifiant;Nom\r\nmdupont;Dupont\r\n"


def corrected(tmp_path: Path) -> FileCorrections:
    """teachers.csv with one corrected cell."""
    source = tmp_path / "teachers.csv"
    source.write_text(TEXT, encoding="utf-8")
    corrections = Corrections()
    corrections.record(source, Reading("UTF-8", ";", None, True),
                       Correction(2, 1, "Dupont", "Durand", "teacherName", "Nom"))
    entry = corrections.of(source)
    assert entry is not None
    return entry


@pytest.mark.parametrize("mode", [0o444, 0o440, 0o400])
def test_a_copy_over_a_read_only_file_is_refused_and_the_file_kept(
        tmp_path: Path, mode: int) -> None:
    target = tmp_path / "teachers-corrected.csv"
    target.write_text("kept as it is", encoding="utf-8")
    target.chmod(mode)
    with pytest.raises(ImporterError) as raised:
        write_corrected_copy(corrected(tmp_path), target)
    assert raised.value.message == (
        f"{target} is read-only: nothing was written; choose another name, or make it "
        "writable first.")
    assert target.read_text(encoding="utf-8") == "kept as it is"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teachers-corrected.csv",
                                                         "teachers.csv"]


def test_a_copy_over_a_writable_file_replaces_it(tmp_path: Path) -> None:
    target = tmp_path / "teachers-corrected.csv"
    target.write_text("an older copy", encoding="utf-8")
    target.chmod(0o644)
    write_corrected_copy(corrected(tmp_path), target)
    assert target.read_bytes() == TEXT.replace("Dupont", "Durand").encode()
