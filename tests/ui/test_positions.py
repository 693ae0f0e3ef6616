"""The shown rows' positions in file order, made in C: the same numbers as counting them."""

from __future__ import annotations

from array import array

import pytest

from importer_gui.ui.models.positions import counting


@pytest.mark.parametrize("count", [0, 1, 2, 255, 256, 257, 65_535, 65_536, 65_537,
                                   1_000_003, 16_777_217])
def test_counting_gives_every_position_in_order(count: int) -> None:
    assert counting(count) == array("i", range(count))
