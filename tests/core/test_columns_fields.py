"""The column planner trims cells exactly as the row reader does (str.strip())."""

from __future__ import annotations

import sys

from importer_gui.core.columns.fields import spaces


def test_the_characters_polars_trims_are_those_str_strip_takes_off() -> None:
    python = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(spaces()) == python
