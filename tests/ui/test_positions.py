"""The shown rows' positions in file order, made in C: the same numbers as counting them, or
as sorting the rows a filter keeps."""

from __future__ import annotations

import random
from array import array

import pytest

from importer_gui.core.ordering import counting
from importer_gui.ui.models.positions import ascending


@pytest.mark.parametrize("count", [0, 1, 2, 255, 256, 257, 65_535, 65_536, 65_537,
                                   1_000_003, 16_777_217])
def test_counting_gives_every_position_in_order(count: int) -> None:
    assert counting(count) == array("i", range(count))


@pytest.mark.parametrize("kept", [0, 1, 10, 124, 126, 999, 1000])
def test_positions_kept_by_a_filter_come_back_in_file_order(kept: int) -> None:
    shuffled = array("i", random.Random(kept).sample(range(1000), kept))  # few, then many
    assert ascending(shuffled, 1000) == array("i", sorted(shuffled))
