"""Text garbled by an earlier wrong decoding (UTF-8 once read as Windows-1252 or Mac Roman) is
warned about: a file read in the right encoding may still hold "Ã‰mile" or "√âmile", which
the platform would then keep; so is a letter a program lost (U+FFFD). Through the real command
line, on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.readers.garbled import garbled, repaired
from tests.builders import (
    TEACHER_COLUMNS,
    ImportSpec,
    teachers_import,
    write_config,
    write_xlsx,
)
from tests.core.test_cli import run
from tests.stores import existing_store

ROWS = [
    ["emartin", "Martin", "Ã‰mile", "emartin@example.org"],
    ["fdurand", "Durand", "FranÃ§ois", "fdurand@example.org"],
    ["alopez", "LÃ³pez", "Ãlvaro", "alopez@example.org"],
    ["cbernard", "Bernard", "Claire", "cbernard@example.org"],
]

MAC_ROMAN = ["hmartin", "Martin", "H√©l√®ne", "hmartin@example.org"]
LOST = ["fpetit", "Petit", "Fran\ufffdois", "fpetit@example.org"]  # a program lost its ç


def _warning(line: int, field: str, value: str, fixed: str,
             encoding: str = "Windows-1252") -> str:
    return (f"teachers.csv:{line}: WARNING {field}: Field {field}: {value} looks like UTF-8 "
            f"text that was read as {encoding} before it was saved; once repaired it reads "
            f"{fixed}. Correct the file unless the text is meant.")


def _lost(line: int, field: str, value: str) -> str:
    return (f"teachers.csv:{line}: WARNING {field}: Field {field}: {value} holds \ufffd, the "
            f"sign a program puts where it could not read a letter: the letter was lost before "
            f"the file reached us and cannot be guessed. Take the file again from its source.")


def test_check_warns_about_each_garbled_cell_with_its_repair(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, ROWS))
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, _err = run(capsys, "check", str(config), "--store", store)
    assert code == 0  # warnings only: the text may be meant
    assert _warning(2, "teacherFirstname", "Ã‰mile", "Émile") in out
    assert _warning(3, "teacherFirstname", "FranÃ§ois", "François") in out
    assert _warning(4, "teacherName", "LÃ³pez", "López") in out
    assert "Ãlvaro" not in out and ":5:" not in out


def test_check_says_text_read_as_mac_roman_and_letters_lost(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [MAC_ROMAN, LOST, ["cbernard", "Bernard", "√2 ≈ 1,41", "cbernard@example.org"]]
    config = write_config(tmp_path, teachers_import(tmp_path, rows))
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, _err = run(capsys, "check", str(config), "--store", store)
    assert code == 0  # warnings only: the row may still be committed
    assert _warning(2, "teacherFirstname", "H√©l√®ne", "Hélène", "Mac Roman") in out
    assert _lost(3, "teacherFirstname", "Fran\ufffdois") in out
    assert ":4:" not in out


def test_commit_keeps_the_text_as_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, teachers_import(tmp_path, ROWS[:1]))
    store = tmp_path / "store.sqlite3"
    code, out, _err = run(capsys, "commit", str(config), "--store", str(store))
    conn = sqlite3.connect(store)
    try:
        names = [name for (name,) in conn.execute("SELECT firstname FROM teacher")]
    finally:
        conn.close()
    assert code == 0 and "WARNING teacherFirstname" in out
    assert names == ["Ã‰mile"]


def test_a_workbook_cell_is_warned_about_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_xlsx(tmp_path / "teachers.xlsx", [TEACHER_COLUMNS, *ROWS[:2], MAC_ROMAN, LOST])
    config = write_config(tmp_path, ImportSpec("teachers.xlsx", TEACHER_COLUMNS,
                                               "createOrUpdateTeacherAction"))
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, _err = run(capsys, "check", str(config), "--store", store)
    assert code == 0
    for said in [_warning(2, "teacherFirstname", "Ã‰mile", "Émile"),
                 _warning(4, "teacherFirstname", "H√©l√®ne", "Hélène", "Mac Roman"),
                 _lost(5, "teacherFirstname", "Fran\ufffdois")]:
        assert said.replace("teachers.csv", "teachers.xlsx") in out


@pytest.mark.parametrize(("text", "fixed"), [
    ("CÅ“ur", "Cœur"),
    ("Lâ€™équipe", "L’équipe"),
    ("10 â‚¬", "10 €"),
    ("Ã©tÃ©", "été"),
    ("HÃƒÂ©lÃƒÂ¨ne", "Hélène"),  # garbled twice: saved again by the same program
    ("NoÃƒÂ«l", "Noël"),
    ("LÃ¢â‚¬â„¢Ã©quipe", "L’équipe"),
    ("H√©l√®ne", "Hélène"),  # read as Mac Roman
    ("Fran√ßois", "François"),
    ("√âmile", "Émile"),
    ("Beno√Æt", "Benoît"),
    ("o√π", "où"),  # ù is π in Mac Roman: after a letter, no math
    ("L‚Äô√©quipe", "L’équipe"),
    ("C≈ìur", "Cœur"),
    ("10 ‚Ç¨", "10 €"),
    ("‚àö¬©t‚àö¬©", "été"),  # read as Mac Roman twice
])
def test_the_typical_sequences_are_repaired(text: str, fixed: str) -> None:
    assert repaired(text) == fixed


@pytest.mark.parametrize("text", [
    "Ãlvaro", "Â", "SÃO PAULO", "Émile", "Café – thé", "L’équipe", "plain ASCII", "Â\x85",
])
def test_real_text_is_left_alone(text: str) -> None:
    assert repaired(text) is None


NAMES = ["Hélène", "Noël", "Françoise", "Zoë", "Jérôme", "Chloé", "Anaïs", "Bénédicte",
         "Œuvre", "cœur", "Ægir", "São", "Ñúñez", "Müller", "Åsa", "Ângela", "Ãngelo",
         "ÂGE D’OR", "Île-de-France", "Hôtel-Dieu", "L’Haÿ-les-Roses", "À l’œil – 10 €",
         "√2 ≈ 1,41", "Soit x = √π ≈ 1,77 ; √∞ n’a pas de sens", "¬p ∧ q", "‚Ça va‘",
         "20 °C ≈ 68 °F", "x ≤ √(y² + z²)"]


@pytest.mark.parametrize("text", NAMES)
def test_ordinary_accented_names_never_warn(text: str) -> None:
    assert garbled(text) is None and garbled(text.upper()) is None
