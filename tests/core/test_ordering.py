"""Positions ordered by their keys as Python's stable sort orders them, by polars or not."""

from __future__ import annotations

from array import array
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from random import Random

import pytest

from importer_gui.core import ordering
from importer_gui.core.columns import engine
from importer_gui.core.steps import Elsewhere, at_once

# More than two parts: polars sorts them.
COUNT = 2 * ordering.PART + 1001
TITLES = ["Lyon", "lyon", "Évry", "evry", "Zürich", "Œuvre", "oe", "Paris", "", "Ω", "𝔸 astral",
          "ﬁn", "Straße"]


def _keys(count: int, seed: int = 7) -> list[str]:
    """Folded titles with numbers, each many times over (rows of equal keys to keep apart)."""
    draw = Random(seed)
    return [f"{draw.choice(TITLES)} {draw.randrange(50)}".casefold() for _ in range(count)]


def _shown(count: int, seed: int = 11) -> array[int]:
    """Some of the positions, in a scrambled order (a filter's rows, sorted before)."""
    positions = [p for p in range(count) if p % 3]
    Random(seed).shuffle(positions)
    return array("i", positions)


@pytest.mark.parametrize("descending", [False, True])
def test_texts_are_ordered_as_pythons_stable_sort_orders_them(
        descending: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    keys, shown = _keys(COUNT), _shown(COUNT)
    polars_sorts = []  # the sort that lets go of the GIL is the one that ran
    in_polars = ordering._sorted
    monkeypatch.setattr(ordering, "_sorted",
                        lambda *args: polars_sorts.append(1) or in_polars(*args))
    got = ordering.ordered(keys, shown, descending=descending)
    assert polars_sorts == [1]
    assert got == array("i", sorted(shown, key=keys.__getitem__, reverse=descending))
    assert got.typecode == "i"


@pytest.mark.parametrize("descending", [False, True])
def test_ints_are_ordered_as_pythons_stable_sort_orders_them(descending: bool) -> None:
    draw = Random(3)
    keys = [draw.randrange(4) for _ in range(COUNT)]  # an outcome's rank: few values
    shown = _shown(COUNT)
    got = ordering.ordered(keys, shown, descending=descending)
    assert got == array("i", sorted(shown, key=keys.__getitem__, reverse=descending))


def test_a_text_polars_cannot_hold_is_ordered_by_python() -> None:
    keys = _keys(COUNT)
    keys[500] = "lyon \udcff"  # a lone surrogate: no UTF-8 for polars
    shown = _shown(COUNT)
    got = ordering.ordered(keys, shown)
    assert got == array("i", sorted(shown, key=keys.__getitem__))


def test_without_polars_python_orders_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "polars", lambda: None)
    keys, shown = _keys(COUNT), _shown(COUNT)
    assert ordering.ordered(keys, shown, descending=True) == array(
        "i", sorted(shown, key=keys.__getitem__, reverse=True))


def test_few_positions_are_ordered_too() -> None:
    keys = ["b", "a", "c", "a"]
    assert ordering.ordered(keys, array("i", [3, 2, 1, 0])) == array("i", [3, 1, 0, 2])
    assert ordering.ordered(keys, array("i")) == array("i")


def test_the_steps_leave_polars_and_the_sort_to_a_worker() -> None:
    keys, shown = _keys(COUNT), _shown(COUNT)
    parts = [keys[start:start + ordering.PART] for start in range(0, COUNT, ordering.PART)]
    run = ordering.steps(iter(parts), shown, True)
    kinds, answer = [], None
    try:
        while True:
            step = run.send(answer)
            kinds.append(type(step).__name__)
            answer = None
            if step is not None:  # as the window has it run: on another thread
                worker = ThreadPoolExecutor(1)
                answer = worker.submit(step.call).result()
                worker.shutdown()
    except StopIteration as done:
        positions, every_key = done.value
    assert positions == array("i", sorted(shown, key=keys.__getitem__, reverse=True))
    assert every_key.every == keys
    assert every_key.column.to_list() == keys  # kept to sort again without making them
    # The sort alone is the worker's (polars was loaded already): the rest is done between
    # the window's events.
    assert kinds.count("Elsewhere") == 1


def test_polars_is_loaded_by_a_worker_the_first_time(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = engine.polars()
    monkeypatch.setattr(engine, "asked", lambda: False)  # as in a window that read no CSV
    run = ordering.steps(iter([["b", "a"]]), array("i", [0, 1]), False)
    first = run.send(None)
    assert isinstance(first, Elsewhere)
    assert first.call() is loaded


def test_keys_kept_are_sorted_again_the_other_way_without_being_made_anew() -> None:
    keys, shown = _keys(COUNT), _shown(COUNT)
    first = ordering.steps(iter([keys]), shown, False)
    kept = at_once(first)[1]
    positions, kept_again = at_once(ordering.steps(kept, shown, True))
    assert kept_again is kept  # neither the keys nor their column made again
    assert positions == array("i", sorted(shown, key=keys.__getitem__, reverse=True))
    few = array("i", shown[:10])  # a filter's few rows: Python sorts them, from the same keys
    assert at_once(ordering.steps(kept, few, False)) == (
        array("i", sorted(few, key=keys.__getitem__)), kept)



def _coded(texts: list[str]) -> ordering.Coded:
    """``texts`` as codes, a part at a time, as a column that repeats its texts is keyed."""
    coder = ordering.Coder(str.casefold)
    parts = (list(map(coder.__getitem__, texts[start:start + ordering.PART]))
             for start in range(0, len(texts), ordering.PART))
    return ordering.Coded(parts, coder)


def _texts(count: int, seed: int = 5) -> list[str]:
    """Titles as a file holds them: some alike but for their case ("Lyon 3", "lyon 3")."""
    draw = Random(seed)
    return [f"{draw.choice(TITLES)} {draw.randrange(50)}" for _ in range(count)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("shown", ["every row in order", "some, scrambled"])
def test_coded_texts_are_ordered_as_their_folded_texts(descending: bool, shown: str) -> None:
    texts = _texts(COUNT)
    positions = array("i", range(COUNT)) if shown == "every row in order" else _shown(COUNT)
    got, keys = at_once(ordering.steps(_coded(texts), positions, descending))
    assert got == array("i", sorted(positions, key=lambda p: texts[p].casefold(),
                                    reverse=descending))
    assert keys.ranks is not None and keys.column is not None  # polars sorted their ranks


def test_coded_texts_kept_are_sorted_again_without_polars_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts, shown = _texts(COUNT), _shown(COUNT)
    kept = at_once(ordering.steps(_coded(texts), shown, False))[1]
    wanted = array("i", sorted(shown, key=lambda p: texts[p].casefold(), reverse=True))
    assert at_once(ordering.steps(kept, shown, True)) == (wanted, kept)
    few = array("i", shown[:10])  # a filter's few rows: Python sorts them by the codes' ranks
    assert at_once(ordering.steps(kept, few, False))[0] == array(
        "i", sorted(few, key=lambda p: texts[p].casefold()))
    monkeypatch.setattr(engine, "polars", lambda: None)
    assert at_once(ordering.steps(_coded(texts), shown, True))[0] == wanted


@pytest.mark.parametrize("by", ["python", "polars"])
def test_texts_folded_alike_share_a_rank(by: str) -> None:
    coder = ordering.Coder(str.casefold)
    texts = ["Straße", "b", "STRASSE", "a", "strasse", "B", "Évry", "𝔸", "Ω", "evry"]
    codes = [coder[text] for text in texts]
    assert codes == list(range(10))
    assert coder.ranks(engine.polars() if by == "polars" else None) == [
        3, 1, 3, 0, 3, 1, 4, 6, 5, 2]


def test_texts_polars_cannot_hold_are_ranked_by_python() -> None:
    coder = ordering.Coder(str.casefold)
    for text in ["b", "a \udcff", "a"]:  # a lone surrogate: no UTF-8 for polars
        coder[text]
    assert coder.ranks(engine.polars()) == [2, 1, 0]


def test_a_coder_refuses_anything_but_a_text() -> None:
    coder = ordering.Coder(str.casefold)
    coder["1"]
    with pytest.raises(TypeError):
        coder[1]
    assert list(coder) == ["1"]


def test_a_column_repeats_when_its_values_are_fewer_than_a_quarter_of_its_rows() -> None:
    rows = [(f"l{n}", f"Lyon {n % 1000}") for n in range(100_000)]
    assert ordering.repeats(rows, itemgetter(1))  # 1,000 values in 100,000 rows
    assert not ordering.repeats(rows, itemgetter(0))  # each row its own
    assert not ordering.repeats([("Lyon",)] * ordering.REPEATS_SAMPLE, itemgetter(0))  # few
    tenth = [(f"Lyon {n % 10_000}",) for n in range(100_000)]
    assert ordering.repeats(tenth, itemgetter(0))  # 10,000 values: a tenth of the rows
    third = [(f"Lyon {n % 33_000}",) for n in range(100_000)]
    assert not ordering.repeats(third, itemgetter(0))  # 33,000 values: a third of them
