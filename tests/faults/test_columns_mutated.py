"""Plain registration files mutated a few characters at a time (spaces Python trims and polars
may not, line ends, quotes, NULs, byte order marks, garbled text, combining accents): the
column planner plans each as the row planner does, or leaves it to it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from importer_gui.core.errors import ImporterError
from importer_gui.core.plan import KeptCells
from tests.core.registration_scenarios import Knobs
from tests.core.test_columns_registrations import (
    Case,
    Prepared,
    assert_same_plans,
    check,
    prepare,
)

PIECES = ("\x0b", "\x0c", "\x1c", "\x1f", "\xa0", "\u2028", "\u0085", "\t", " ", "é", "\u200b",
          ";", "\r", "\r\n", "\n", '"', "\ufeff", "Ã©", "\ufffd", "x", "0", "31/02/2027", "N",
          "X", "\u3000", "\x00", "e\u0301", "\r;")
KNOBS = {"plain": Knobs(rows=60, mistakes=0.1, twice=0.1),
         "committed": Knobs(rows=60, committed_first=True, mistakes=0.1),
         "twins": Knobs(rows=60, stored_sessions=3, twins=True, mistakes=0.1),
         "by-email": Knobs(rows=60, search="candidateEmail", has_results=True, mistakes=0.2)}
TRIALS = 12  # per scenario; a campaign of 660 found the \r before a delimiter


def _mutated(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text))
        if rng.random() < 0.3:
            text = text[:at] + text[at + 1:]
        text = text[:at] + rng.choice(PIECES) + text[at:]
    return text


def _planned(prepared: Prepared, monkeypatch: pytest.MonkeyPatch, by_columns: bool,
             kept: KeptCells) -> object:
    try:
        return check(prepared, monkeypatch, by_columns=by_columns, kept=kept)
    except ImporterError as exc:  # the file refused whole: refused alike, in the same words
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("name", list(KNOBS))
def test_mutated_files_are_planned_alike_by_column_and_by_row(
        name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = prepare(Case(name, True, 7, KNOBS[name]), tmp_path)
    data = prepared.config.parent / "registrations.csv"
    original = data.read_bytes().decode("utf-8")
    rng = random.Random(name)
    for _trial in range(TRIALS):
        data.write_bytes(_mutated(original, rng).encode("utf-8"))
        kept = rng.choice([KeptCells.ALL, KeptCells.ERRORS])
        by_columns = _planned(prepared, monkeypatch, True, kept)
        by_rows = _planned(prepared, monkeypatch, False, kept)
        if isinstance(by_rows, tuple) or isinstance(by_columns, tuple):
            assert by_columns == by_rows
        else:
            assert_same_plans(by_columns, by_rows)  # type: ignore[arg-type]
