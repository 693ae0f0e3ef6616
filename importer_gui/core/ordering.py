"""Rows' positions put in the order of their keys, as Python's stable sort puts them.

A large sort is done in steps (``core/steps.py``): the keys taken in and the positions given
back a part at a time, each a short step, and between them the sort itself, by polars,
which lets go of the GIL throughout: the window's steps between its events, the sort on a
worker. ``ordered`` runs the steps at once. Without polars, or for few rows, Python sorts
them, on the worker.
"""

from __future__ import annotations

from array import array
from collections.abc import Generator, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from importer_gui.core.columns import engine
from importer_gui.core.steps import Elsewhere, Pace, Steps, at_once

# Keys or positions handed between Python and polars at a time: each hand-over holds the GIL.
PART = 1 << 16


@dataclass
class Keys:
    """Every row's sort key, in Python's list and, once polars has sorted by them, in one
    polars column too: kept, they are sorted again the other way without being made anew."""

    every: list[Any]
    column: Any = None


def ordered(keys: Sequence[Any], positions: array[int], *,
            descending: bool = False) -> array[int]:
    """``positions`` (places in ``keys``) in their keys' order, stably: positions of equal
    keys keep the order they come in, descending or not, as ``sorted(positions,
    key=keys.__getitem__, reverse=descending)`` has them. Keys are all texts or all ints."""
    return at_once(steps(_parts(list(keys)), positions, descending))[0]


def steps(keys: Keys | Iterable[list[Any]], positions: array[int], descending: bool,
          ) -> Steps[tuple[array, Keys]]:
    """``ordered``'s work in steps, the keys either kept from an earlier sort or taken a
    part at a time (each part's making part of a step); the positions ordered, and the
    keys, with their polars column when polars sorted them."""
    # polars' first import is long (some 0.15 s): on a worker too.
    pl = engine.polars() if engine.asked() else (yield Elsewhere(engine.polars))
    if pl is None or len(positions) <= PART:
        pl = None  # few rows, or no polars: Python's sort, on the worker
    if not isinstance(keys, Keys) or (pl is not None and keys.column is None):
        parts = keys if not isinstance(keys, Keys) else _parts(keys.every)
        keys = yield from _taken(pl, parts)
    order = None
    if pl is not None and keys.column is not None:
        column = keys.column
        order = yield Elsewhere(lambda: _sorted(pl, column, positions, descending))
    if order is None:  # few rows, no polars, or polars refused: Python sorts them
        every = keys.every
        return (yield Elsewhere(lambda: _by_python(every, positions, descending))), keys
    result, pace = array("i"), Pace()
    for start in range(0, len(order), PART):
        result.fromlist(order.slice(start, PART).to_list())
        if pace.over():
            yield None
            pace.restart()
    return result, keys


def _parts(every: list[Any]) -> Iterable[list[Any]]:
    """Keys a part at a time."""
    return (every[start:start + PART] for start in range(0, len(every), PART))


def _taken(pl: ModuleType | None, parts: Iterable[list[Any]],
           ) -> Generator[None, Any, Keys]:
    """The keys of ``parts``, and a polars column of them unless ``pl`` is None or polars
    cannot hold them: a step each time the last one has run its time."""
    every: list[Any] = []
    columns: list[Any] | None = [] if pl is not None else None
    pace = Pace()
    for part in parts:
        every += part
        if columns is not None:
            columns = _with(pl, columns, part)
        if pace.over():
            yield None
            pace.restart()
    if columns is None or not columns:
        return Keys(every)
    return Keys(every, pl.concat(columns, rechunk=False))  # type: ignore[union-attr]


def _with(pl: ModuleType, columns: list[Any], part: list[Any]) -> list[Any] | None:
    """``columns`` with a part of keys added as a polars column; None when polars cannot
    hold them (a text with a lone surrogate) or refuses: Python sorts them then."""
    try:
        columns.append(pl.Series("key", part))
    except UnicodeEncodeError:
        return None
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return None
    return columns


def _by_python(keys: list[Any], positions: array[int], descending: bool) -> array[int]:
    """The positions ordered by Python's own sort (it holds the GIL throughout)."""
    return array("i", sorted(positions, key=keys.__getitem__, reverse=descending))


def _sorted(pl: ModuleType, column: Any, positions: array[int], descending: bool) -> Any:
    """The positions ordered by their keys (``column``), in polars: a column of positions
    (None when polars refuses)."""
    try:
        at = pl.Series("position", positions, dtype=pl.Int32)
        frame = pl.DataFrame({"key": column.gather(at), "position": at})
        # maintain_order: rows of equal keys keep their order, descending too, as Python's.
        return frame.sort("key", descending=descending, maintain_order=True)["position"]
    except BaseException as exc:
        if not engine.refused(pl, exc):
            raise
        return None
