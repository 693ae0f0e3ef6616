"""A corrected copy of a file whose encoding cannot hold a correction: the cell and the
characters named, nothing written, never an unexpected error."""

from __future__ import annotations

from pathlib import Path

import pytest

from importer_gui.core.corrections import (
    Correction,
    Corrections,
    Reading,
    unwritable,
    write_corrected_copy,
)
from importer_gui.core.errors import ImporterError

LATIN = Reading("ISO-8859-1", ";", None, True)
TEXT = "Matricule;Nom\r\nE1001;Bernard\r\nE1002;Léa\r\n"


def test_a_correction_the_encoding_cannot_hold_names_its_cell(tmp_path: Path) -> None:
    source = tmp_path / "learners.csv"
    source.write_bytes(TEXT.encode("latin-1"))
    corrections = Corrections()
    corrections.record(source, LATIN, Correction(3, 1, "Léa", "Léa-Œuvre", "candidateName"))
    corrections.record(source, LATIN, Correction(2, 1, "Bernard", "Garcia–Œuvre €",
                                                 "candidateName", "Nom"))
    entry = corrections.of(source)
    assert entry is not None
    target = tmp_path / "learners-corrected.csv"
    with pytest.raises(ImporterError) as raised:
        write_corrected_copy(entry, target)
    assert raised.value.message == (
        f'{source}: line 2, column 2 (candidateName): "–" (U+2013), "Œ" (U+0152), "€" '
        f"(U+20AC) cannot be written in ISO-8859-1, the file's encoding. Nothing was "
        f"written; change those characters in the cell, then save the copy again.")
    assert not target.exists() and [p.name for p in tmp_path.iterdir()] == ["learners.csv"]
    assert source.read_bytes() == TEXT.encode("latin-1")


def test_once_changed_the_copy_is_written(tmp_path: Path) -> None:
    source = tmp_path / "learners.csv"
    source.write_bytes(TEXT.encode("latin-1"))
    corrections = Corrections()
    corrections.record(source, LATIN, Correction(2, 1, "Bernard", "Garcia-Oeuvre EUR"))
    entry = corrections.of(source)
    assert entry is not None
    target = write_corrected_copy(entry, tmp_path / "copy.csv")
    assert target.read_bytes() == TEXT.replace("Bernard", "Garcia-Oeuvre EUR").encode("latin-1")


def test_a_correction_without_a_field_is_named_by_its_header(tmp_path: Path) -> None:
    source = tmp_path / "learners.csv"
    source.write_bytes(TEXT.encode("cp1252"))
    corrections = Corrections()
    reading = Reading("WINDOWS-1252", ";", None, True)
    corrections.record(source, reading, Correction(3, 1, "Léa", "Léa 😀", header="Nom"))
    entry = corrections.of(source)
    assert entry is not None
    with pytest.raises(ImporterError, match=r'line 3, column 2 \(Nom\): "😀" \(U\+1F600\) '
                                            r"cannot be written in WINDOWS-1252, "):
        write_corrected_copy(entry, tmp_path / "copy.csv")


def test_unwritable_names_each_character_once() -> None:
    assert unwritable("€ and € and Œ", "latin-1") == '"€" (U+20AC), "Œ" (U+0152)'
    assert unwritable("€ and Œ", "cp1252") == ""
    assert unwritable("anything 😀", "utf-8") == ""
