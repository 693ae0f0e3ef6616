"""A Windows-1252 file whose first \u2019, \u2013 or \u20ac comes late (QA 13 D2).

Sorted exports hold their first such character anywhere: the encoding guess looks through
the whole file for the bytes 0x80-0x9F that only Windows-1252 gives text to, and a check of
a file read as ISO-8859-1 that holds them says so once, naming the first line. Through the
real command line, on real files.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from importer_gui.core.guess import SAMPLE_BYTES, WINDOWS_ONLY, guess_reading
from tests.builders import TRAINING_COLUMNS, ImportSpec, write_config
from tests.core.test_cli import run
from tests.stores import existing_store

LATE_TITLE = "Management d\u2019\u00e9quipe \u2013 2027 \u20ac"


def trainings(path: Path, late: dict[int, str]) -> Path:
    """Training courses in Windows-1252, past the guess's first MB; ``late``: titles by row."""
    rows = ["trainingPathCode;trainingTitle;trainingGuid"]
    count = SAMPLE_BYTES // 30 + 1000
    usual = "S\u00e9curit\u00e9 incendie {}"
    rows += [f"L-{i:06d};{late.get(i, usual.format(i))};G-{i:06d}" for i in range(count)]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1252"))
    return path


def config(folder: Path, encoding: str) -> Path:
    """A configuration reading trainings.csv in ``encoding``."""
    return write_config(folder, ImportSpec(
        "trainings.csv", TRAINING_COLUMNS, "createOrUpdateTrainingCourseAction",
        provider_extra=f"<fileEncoding>{encoding}</fileEncoding>"))


def test_a_late_windows_1252_character_is_guessed_windows_1252(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    late = SAMPLE_BYTES // 30 + 500  # past the first MB
    data = trainings(tmp_path / "trainings.csv", {late: LATE_TITLE})
    assert guess_reading(data)[1].value == "WINDOWS-1252"
    assert guess_reading(data)[1].reason == WINDOWS_ONLY
    code, out, _ = run(capsys, "init", str(data), "--out", str(tmp_path / "init.xml"))
    assert code == 0
    assert ("  encoding: WINDOWS-1252 (likely: it is not UTF-8, and holds characters such as "
            "\u20ac or \u2019 that only Windows-1252 has)\n") in out


def test_latin_1_without_such_bytes_stays_latin_1(tmp_path: Path) -> None:
    data = trainings(tmp_path / "trainings.csv", {})
    assert guess_reading(data)[1].value == "ISO-8859-1"


def test_a_check_reading_it_as_latin_1_names_the_first_line_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    late = SAMPLE_BYTES // 30 + 500
    trainings(tmp_path / "trainings.csv", {late: LATE_TITLE, late + 7: "Caf\u00e9 \u2013 th\u00e9"})
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, err = run(capsys, "check", str(config(tmp_path, "ISO-8859-1")), "--store", store)
    said = (f"trainings.csv: line {late + 2} holds bytes that ISO-8859-1 reads as invisible "
            "control characters: the file looks like Windows-1252 (where they are \u2019, "
            "\u2013, \u20ac and the like); set <fileEncoding> to WINDOWS-1252.")
    assert code == 1  # the two rows holding them are errors, not committed
    assert (out + err).count("looks like Windows-1252") == 1
    assert said in out + err
    for line in (late + 2, late + 9):
        assert (f"trainings.csv:{line}: ERROR trainingTitle: Field trainingTitle: the value "
                "holds invisible control characters (bytes this encoding reads so, which "
                "Windows-1252 reads as \u2019, \u2013, \u20ac and the like): declare the "
                "file as WINDOWS-1252.") in out


def test_a_commit_reading_it_as_latin_1_leaves_those_rows_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    late = SAMPLE_BYTES // 30 + 500
    trainings(tmp_path / "trainings.csv", {late: LATE_TITLE})
    store = tmp_path / "store.sqlite3"
    code, _out, _err = run(capsys, "commit", str(config(tmp_path, "ISO-8859-1")),
                           "--store", str(store))
    conn = sqlite3.connect(store)
    try:
        titles = [title for (title,) in conn.execute("SELECT title FROM training")]
    finally:
        conn.close()
    assert code == 1 and len(titles) == SAMPLE_BYTES // 30 + 1000 - 1  # all rows but one
    assert not any(any("\x80" <= ch <= "\x9f" for ch in title) for title in titles)


def test_a_check_reading_it_as_windows_1252_says_nothing_of_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trainings(tmp_path / "trainings.csv", {SAMPLE_BYTES // 30 + 500: LATE_TITLE})
    store = existing_store(tmp_path / "store.sqlite3")
    code, out, err = run(capsys, "check", str(config(tmp_path, "WINDOWS-1252")),
                         "--store", store)
    assert code == 0 and "Windows-1252" not in out + err
