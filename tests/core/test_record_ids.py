"""RecordIds: the ids of the records some import created, as bits, equal to their set."""

from __future__ import annotations

import tracemalloc

from importer_gui.core.records import DENSE_IDS, RecordIds


def test_ids_as_bits_answer_as_their_set() -> None:
    ids = RecordIds([3, 9, 1, 9, 64, 65])
    assert ids == {1, 3, 9, 64, 65} and len(ids) == 5 and list(ids) == [1, 3, 9, 64, 65]
    assert 9 in ids and 64 in ids and 2 not in ids and 66 not in ids
    assert 10**9 not in ids and -1 not in ids and "9" not in ids
    assert RecordIds() == set() and 0 not in RecordIds() and not RecordIds()


def test_ids_far_apart_do_not_make_the_bits_grow() -> None:
    far = RecordIds([1, DENSE_IDS * 1000, -4])
    assert far == {-4, 1, DENSE_IDS * 1000} and DENSE_IDS * 1000 in far and -4 in far
    assert 2 not in far and list(far) == [-4, 1, DENSE_IDS * 1000]


def test_many_ids_take_bits_not_a_set() -> None:
    tracemalloc.start()
    try:
        ids = RecordIds(range(1, 200_001))
        kept, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(ids) == 200_000 and 200_000 in ids and 200_001 not in ids
    assert kept < 64_000  # 25 KB of bits, where a set of them took some 12 MB


def test_ids_spread_out_are_set_one_by_one_and_answer_the_same() -> None:
    # Fewer ids than an eighth of the largest (beyond DENSE_IDS): not read as one number.
    spread = [DENSE_IDS + 16 * i for i in range(3, 0, -1)] + [7, DENSE_IDS + 16]
    ids = RecordIds(spread)
    assert ids == set(spread) and len(ids) == 4 and list(ids) == sorted(set(spread))
    assert DENSE_IDS + 17 not in ids and 8 not in ids


def test_a_span_of_ids_answers_as_their_set() -> None:
    far = DENSE_IDS * 8
    for first, last in [(1, 1), (0, 7), (5, 70), (8, 200_000), (-3, 4), (far, far + 2)]:
        ids = RecordIds.span(first, last)
        assert ids == set(range(first, last + 1)) and len(ids) == last - first + 1
        assert first in ids and last in ids and first - 1 not in ids and last + 1 not in ids
        assert list(ids) == list(range(first, last + 1))
