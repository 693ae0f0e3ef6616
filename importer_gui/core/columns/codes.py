"""A file's columns that repeat their texts, coded by polars as the file is planned: each
row's text a small number, each number's text held once (``ordering.ColumnCodes``).

A plan whose rows are shown keeps them: a sort of a million shown rows by such a column
then ranks its distinct texts and gathers each row's rank in polars, where it would
otherwise read a million cells, one step of Python's a row, on the window's thread.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import TYPE_CHECKING, Any

from importer_gui.core import ordering
from importer_gui.core.columns import engine

if TYPE_CHECKING:
    from importer_gui.core.columns.frame import Frame


def every_cell(pl: ModuleType, frame: Frame) -> list[tuple[str, ...]]:
    """Every row's cells, shared, for a plan that keeps them all (its rows are shown); its
    columns that repeat their texts coded meanwhile (``frame.codes``), by polars on another
    thread: it lets go of the GIL, which the cells' making holds."""
    with ThreadPoolExecutor(1, thread_name_prefix="codes") as coder:
        coding = coder.submit(coded, pl, frame.rows)
        cells = frame.cells(shared=True)
        frame.codes = coding.result()
    return cells


def coded(pl: ModuleType, rows: Any) -> dict[int, ordering.ColumnCodes]:
    """The codes of each column of ``rows`` (a polars frame of texts, a column a cell of
    the rows) that repeats its texts, by the column's place; none for few rows, which
    Python sorts as quickly, nor where polars refuses."""
    if rows.height <= ordering.PART:
        return {}
    try:
        found = {}
        for place, name in enumerate(rows.columns):
            codes = _codes(pl, rows.get_column(name))
            if codes is not None:
                found[place] = codes
        return found
    except BaseException as exc:
        if not engine.refused(pl, exc, engine.CODING):
            raise
        return {}


def _codes(pl: ModuleType, column: Any) -> ordering.ColumnCodes | None:
    """A column's codes, each text's the place it is first seen at; None when the column
    seldom repeats its texts (a sample says so first: finding a million distinct texts
    costs more than a few repeating ones)."""
    sample = column.sample(ordering.REPEATS_SAMPLE, seed=column.len())
    if not ordering.sampled_repeats(sample.n_unique(), column.len()):
        return None
    texts = column.unique(maintain_order=True)
    if not ordering.repeating(texts.len(), column.len()):
        return None
    kind = _smallest(pl, texts.len())
    numbers = pl.int_range(texts.len(), dtype=kind, eager=True)
    return ordering.ColumnCodes(column.replace_strict(texts, numbers, return_dtype=kind), texts)


def _smallest(pl: ModuleType, count: int) -> Any:
    """The smallest unsigned ints that number ``count`` texts from 0."""
    if count <= 1 << 8:
        return pl.UInt8
    return pl.UInt16 if count <= 1 << 16 else pl.UInt32
