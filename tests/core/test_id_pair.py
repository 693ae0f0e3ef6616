"""id_pair: two ids as one index key, distinct for distinct pairs, placeholders included."""

from __future__ import annotations

from itertools import product

from importer_gui.core.overlay import id_pair


def test_distinct_pairs_give_distinct_keys() -> None:
    edges = (0, 1, -1, 2**31 - 1, -(2**31), 2**31, -(2**31) - 1, 2**40, -(2**40), 7)
    pairs = list(product(edges, repeat=2))
    keys = [id_pair(first, second) for first, second in pairs]
    assert len(set(keys)) == len(pairs)
    assert id_pair(3, -5) == id_pair(3, -5) and isinstance(id_pair(3, -5), int)
    assert id_pair(2**40, 1) == (2**40, 1)  # past 31 bits: a tuple, equal to no int key
