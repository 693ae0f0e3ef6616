"""A file's columns that repeat their texts are coded as it is planned for the window, and a
sort by such a column orders the rows as Python's stable sort of their folded texts does."""

from __future__ import annotations

import logging
from array import array
from dataclasses import replace
from pathlib import Path
from random import Random

import pytest

from importer_gui.core import config_xml, ordering, pipeline
from importer_gui.core.columns import codes, engine
from importer_gui.core.plan import KeptCells
from importer_gui.core.steps import at_once
from importer_gui.core.store import Store
from tests.builders import ImportSpec, write_config, write_csv

pl = engine.polars()
pytestmark = pytest.mark.skipif(pl is None, reason="polars cannot be used here")

COUNT = 2 * ordering.PART + 1001
TITLES = ["Lyon", "lyon", "Évry", "evry", "Straße", "STRASSE", "Œuvre", "oe", "", "Ω"]
BASE = ("trainingPathCode", "trainingTitle", "trainingModality")
MODALITIES = ("blended", "Blended", "distancelearning", "learning_channel", "kc")


def _titles(count: int, seed: int = 3) -> list[str]:
    """Titles as a file holds them, some alike but for their case, each many times over."""
    draw = Random(seed)
    return [f"{draw.choice(TITLES)} {draw.randrange(40)}" for _ in range(count)]


def _frame(titles: list[str]) -> object:
    """A file's columns as the column planner reads them: a unique code, then a title."""
    return pl.DataFrame({"c0": [f"C{i:07d}" for i in range(len(titles))], "c1": titles})


def _folded(texts: list[str], positions: array[int], descending: bool) -> array[int]:
    """The positions as Python's stable sort of their folded texts orders them."""
    return array("i", sorted(positions, key=lambda p: texts[p].casefold(),
                             reverse=descending))


def test_a_column_that_repeats_its_texts_is_coded_and_a_unique_one_is_not() -> None:
    titles = _titles(COUNT)
    found = codes.coded(pl, _frame(titles))
    assert list(found) == [1]  # the codes, each its own, are not worth coding
    coded = found[1]
    assert coded.codes.dtype == pl.UInt16  # 400 texts: two bytes a row
    texts = coded.texts.to_list()
    assert sorted(texts) == sorted(set(titles))
    assert [texts[code] for code in coded.codes.to_list()] == titles


def test_few_rows_are_not_coded() -> None:
    assert codes.coded(pl, _frame(_titles(ordering.PART))) == {}


def test_columns_polars_refuses_to_code_are_left_uncoded_and_the_log_says_so(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def refusing(_pl: object, _column: object) -> None:
        raise pl.exceptions.ComputeError("not enough memory\nat its allocator")

    monkeypatch.setattr(codes, "_codes", refusing)
    with caplog.at_level(logging.INFO, logger=engine.__name__):
        assert codes.coded(pl, _frame(_titles(COUNT))) == {}
    assert caplog.messages == [
        "polars refused a file's columns for the preview's sorts, so they are coded as they"
        " are sorted: ComputeError: not enough memory"]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("shown", ["every row in order", "some, scrambled", "a few"])
def test_coded_rows_are_ordered_as_their_folded_texts(descending: bool, shown: str) -> None:
    titles = _titles(COUNT)
    positions = array("i", range(COUNT))
    if shown != "every row in order":
        picked = [p for p in range(COUNT) if p % 3]
        Random(5).shuffle(picked)
        positions = array("i", picked[:50] if shown == "a few" else picked)
    precoded = ordering.Precoded(codes.coded(pl, _frame(titles))[1], str.casefold)
    got, kept = at_once(ordering.steps(precoded, positions, descending))
    assert got == _folded(titles, positions, descending)
    # Kept, the keys sort the rows again the other way without a step of their own.
    assert at_once(ordering.steps(kept, positions, not descending)) == (
        _folded(titles, positions, not descending), kept)


def test_two_files_codes_joined_order_their_rows_together() -> None:
    first, second = _titles(COUNT, seed=1), _titles(COUNT, seed=2)
    joined = ordering.joined([codes.coded(pl, _frame(first))[1],
                              codes.coded(pl, _frame(second))[1]])
    positions = array("i", range(2 * COUNT))
    got = at_once(ordering.steps(ordering.Precoded(joined, str.casefold), positions, True))[0]
    assert got == _folded(first + second, positions, True)


def courses(folder: Path, count: int) -> Path:
    """A configuration of ``count`` new training courses, their modalities few."""
    draw = Random(9)
    write_csv(folder / "courses.csv", [BASE, *(
        [f"TC-{i:06d}", f"Cours {draw.randrange(30)}", draw.choice(MODALITIES)]
        for i in range(count))])
    return write_config(folder, ImportSpec("courses.csv", BASE,
                                           "createOrUpdateTrainingCourseAction"))


def test_a_plan_kept_for_the_window_holds_its_repeating_columns_until_a_cell_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ordering, "PART", 256)  # 3,000 rows are many here
    monkeypatch.setattr(ordering, "REPEATS_SAMPLE", 64)
    config = config_xml.load(courses(tmp_path, 3000))
    with Store.open(tmp_path / "store.sqlite3") as store:
        plan = pipeline.check(config, store)
        rows = plan.imports[0].rows
        assert plan.imports[0].by_columns and rows.kept is KeptCells.ALL
        titles = rows.coded(1)
        assert rows.coded(0) is None and titles is not None and rows.coded(2) is not None
        assert titles.texts.gather(titles.codes).to_list() == [cells[1] for cells in rows.cells]
        # What the command line checks keeps no cell of a clean row: nothing coded.
        assert pipeline.check(config, store, kept=KeptCells.ISSUES).imports[0].rows.codes == {}
    row = rows[5]
    row.cells = (row.cells[0], "Autre titre", row.cells[2])  # the user corrects a cell
    assert rows.coded(1) is None and rows.coded(2) is not None
    rows[6] = replace(rows[6], cells=(rows[6].cells[0], rows[6].cells[1], "mixte"))  # rechecked
    assert rows.coded(2) is None
