"""Rows' positions put in the order of their keys, as Python's stable sort puts them.

A large sort is done in steps (``core/steps.py``): the keys taken in and the positions given
back a part at a time, each a short step, and between them the sort itself, by polars,
which lets go of the GIL throughout: the window's steps between its events, the sort on a
worker. ``ordered`` runs the steps at once. Without polars, or for few rows, Python sorts
them, on the worker.

A column that repeats its texts is best keyed by codes (``Coder``): a small int a row, each
text's code ranked once the column is read. polars sorts ints several times quicker than
texts, and a million texts need not be copied into it. A file's column coded by polars as
it was read (``ColumnCodes``, ``core/columns/codes.py``) is sorted with no step a row:
its distinct texts ranked, each row's rank gathered, in polars.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from random import Random
from types import ModuleType
from typing import Any, TypeVar

from importer_gui.core.columns import engine
from importer_gui.core.columns.frame import listed
from importer_gui.core.steps import Elsewhere, Pace, Steps, at_once

T = TypeVar("T")

# Keys or positions handed between Python and polars at a time: each hand-over holds the GIL.
PART = 1 << 16
# Rows drawn to guess how often a column repeats its values.
REPEATS_SAMPLE = 4096
# A column repeats its values (worth coding) when it holds fewer distinct values than its
# rows divided by this.
REPEATS_BELOW = 4


def repeating(distinct: float, rows: int) -> bool:
    """Whether a column of ``rows`` holding ``distinct`` values repeats them: worth coding."""
    return distinct * REPEATS_BELOW < rows


def counting(count: int) -> array[int]:
    """0, 1, ... count - 1 as positions (4-byte ints), made a byte at a time in C.

    Every row shown in file order is such an array, made on the window's thread as a check
    ends: ``array("i", range(count))`` makes and reads an int object per row. Here each byte
    of the numbers is one repeating pattern, laid in by a slice assignment: a few times
    faster.
    """
    made = bytearray(4 * count)  # zeros: a byte that never leaves 0 is laid already
    places = range(4) if sys.byteorder == "little" else range(3, -1, -1)
    for shift, place in zip((0, 8, 16, 24), places, strict=True):
        run = 1 << shift  # each value of this byte comes this many times in a row
        values = ((count - 1) >> shift) + 1 if count else 0
        if values < 2:
            continue
        pattern = b"".join(bytes((v,)) * run for v in range(min(values, 256)))
        if values > 256:  # the byte wraps round after 255
            pattern *= -(-values // 256)
        made[place::4] = memoryview(pattern)[:count]
    positions = array("i")
    positions.frombytes(made)
    return positions


def repeats(rows: Sequence[T], value: Callable[[T], Any]) -> bool:
    """Whether the rows' ``value`` likely takes fewer distinct values than a quarter of the
    rows: worth coding (``Coder``).

    Guessed from a random sample (``sampled_repeats``); rows taken at regular steps would
    share none in a file that goes round its values. The seed is fixed: the same column is
    keyed the same way every time. Raises TypeError for a value no set can hold.
    """
    if len(rows) <= REPEATS_SAMPLE:
        return False  # keyed in a moment either way
    sample = set(map(value, Random(len(rows)).sample(rows, REPEATS_SAMPLE)))
    return sampled_repeats(len(sample), len(rows))


def sampled_repeats(distinct: int, rows: int) -> bool:
    """Whether ``rows`` rows likely repeat their values (``repeating``), REPEATS_SAMPLE of
    them drawn at random holding ``distinct``: s rows drawn from D values share about
    s * s / 2D of them."""
    shared = REPEATS_SAMPLE - distinct
    return shared > 0 and repeating(REPEATS_SAMPLE * REPEATS_SAMPLE / (2 * shared), rows)


class Coder(dict[str, int]):
    """Each text's code, in the order the texts are first seen; ``ranks`` orders the codes
    by their texts' sort keys (``key``). Anything but a text is refused (TypeError): 1 and
    "1" would be keyed alike, 1 and 1.0 coded alike."""

    def __init__(self, key: Callable[[str], Any]) -> None:
        super().__init__()
        self._key = key

    def __missing__(self, text: str) -> int:
        if type(text) is not str:
            raise TypeError(f"a {type(text).__name__} is no text to code")
        self[text] = code = len(self)
        return code

    def ranks(self, pl: ModuleType | None = None) -> list[int]:
        """Each code's rank among the texts' keys (``ranked``)."""
        return ranked(list(self), self._key, pl)


def ranked(texts: Sequence[str], key: Callable[[str], Any], pl: ModuleType | None = None,
           ) -> list[int]:
    """Each text's rank among the texts' keys; texts of equal keys share one. polars, when
    given, ranks them (many texts sort some twice as quickly there) unless it cannot hold
    them."""
    keys = list(map(key, texts))
    ranks = _dense_ranks(pl, keys) if pl is not None else None
    if ranks is not None:
        return ranks
    ranks = [0] * len(keys)
    rank, last = -1, None
    for code in sorted(range(len(keys)), key=keys.__getitem__):
        if rank < 0 or keys[code] != last:
            rank, last = rank + 1, keys[code]
        ranks[code] = rank
    return ranks


def _dense_ranks(pl: ModuleType, keys: list[Any]) -> list[int] | None:
    """Each key's rank among ``keys``, equal keys sharing one, from 0 (texts compare in
    polars as in Python: by code point); None when polars cannot hold them or refuses."""
    try:
        return (pl.Series("key", keys).rank("dense") - 1).to_list()
    except UnicodeEncodeError:  # a lone surrogate
        return None
    except BaseException as exc:
        if not engine.refused(pl, exc, engine.SORTING):
            raise
        return None


@dataclass
class Coded:
    """Keys made as codes by ``coder``, a part at a time: a row's key is its code's rank."""

    parts: Iterable[list[int]]
    coder: Coder


@dataclass(frozen=True)
class ColumnCodes:
    """A column's texts as codes held by polars: each row's code, and each code's text."""

    codes: Any  # a polars column of unsigned ints: row i's code
    texts: Any  # a polars column of texts: code c's text is its c-th

    def __len__(self) -> int:
        return int(self.codes.len())


def joined(columns: Sequence[ColumnCodes]) -> ColumnCodes:
    """Columns' codes one after the other, as one column's: each column's codes moved past
    the texts of those before it (a text in two of them has two codes, ranked alike)."""
    if len(columns) == 1:
        return columns[0]
    pl = engine.polars()
    assert pl is not None  # codes are polars' own
    codes, texts, offset = [], [], 0
    for column in columns:
        codes.append(column.codes.cast(pl.UInt32) + offset)
        texts.append(column.texts)
        offset += column.texts.len()
    return ColumnCodes(pl.concat(codes, rechunk=False), pl.concat(texts, rechunk=False))


@dataclass
class Precoded:
    """A column's codes held by polars (``ColumnCodes``), sorted by their texts' ``key``."""

    column: ColumnCodes
    key: Callable[[str], Any]


@dataclass
class Keys:
    """Every row's sort key, in Python's list (coded: each row's code, and each code's rank
    in ``ranks``) or, precoded, polars' column of codes; and once polars has sorted by them,
    in one polars column too (of ranks, when coded): kept, they are sorted again the other
    way without being made anew."""

    every: Any  # a list; a polars column of codes when precoded and ``column`` is there
    column: Any = None
    ranks: list[int] | None = None

    @property
    def precoded(self) -> bool:
        """Whether the keys are polars' codes (``Precoded``)."""
        return not isinstance(self.every, list)

    def key(self) -> Callable[[int], Any]:
        """A row's sort key by its position."""
        every = listed(self.every) if self.precoded else self.every
        if self.ranks is None:
            return every.__getitem__
        ranks = self.ranks
        return lambda position: ranks[every[position]]


def ordered(keys: Sequence[Any], positions: array[int], *,
            descending: bool = False) -> array[int]:
    """``positions`` (places in ``keys``) in their keys' order, stably: positions of equal
    keys keep the order they come in, descending or not, as ``sorted(positions,
    key=keys.__getitem__, reverse=descending)`` has them. Keys are all texts or all ints."""
    return at_once(steps(_parts(list(keys)), positions, descending))[0]


def again(keys: Keys, positions: array[int], descending: bool) -> array[int]:
    """``positions`` ordered by keys kept from an earlier sort, here and now."""
    return at_once(steps(keys, positions, descending))[0]


def steps(keys: Keys | Coded | Precoded | Iterable[list[Any]], positions: array[int],
          descending: bool) -> Steps[tuple[array, Keys]]:
    """``ordered``'s work in steps, the keys either kept from an earlier sort or taken a
    part at a time (each part's making part of a step), as keys or as codes; the positions
    ordered, and the keys, with their polars column when polars sorted them."""
    # polars' first import is long (some 0.15 s): on a worker too.
    pl = engine.polars() if engine.asked() else (yield Elsewhere(engine.polars))
    if len(positions) <= PART and not _polars_own(keys):
        pl = None  # few rows: Python's sort, on the worker
    if not isinstance(keys, Keys) or (pl is not None and keys.column is None):
        keys = yield from _taken(pl, keys)
    order = None
    if pl is not None and keys.column is not None:
        column = keys.column
        order = yield Elsewhere(lambda: _sorted(pl, column, positions, descending))
    if order is None:  # few rows, no polars, or polars refused: Python sorts them
        taken = keys
        return (yield Elsewhere(lambda: _by_python(taken.key(), positions, descending))), keys
    result, pace = array("i"), Pace()
    for start in range(0, len(order), PART):
        result.fromlist(order.slice(start, PART).to_list())
        if pace.over():
            yield None
            pace.restart()
    return result, keys


def _polars_own(keys: Keys | Coded | Precoded | Iterable[list[Any]]) -> bool:
    """Whether the keys are polars' codes: polars sorts them however few the rows (Python's
    sort would need them listed first)."""
    return isinstance(keys, Precoded) or (isinstance(keys, Keys) and keys.precoded)


def _parts(every: list[Any]) -> Iterable[list[Any]]:
    """Keys a part at a time."""
    return (every[start:start + PART] for start in range(0, len(every), PART))


def _taken(pl: ModuleType | None, keys: Keys | Coded | Precoded | Iterable[list[Any]],
           ) -> Generator[Elsewhere | None, Any, Keys]:
    """The keys taken in (those kept, to be put in polars; codes, then ranked), and a polars
    column of them unless ``pl`` is None or polars cannot hold them: a step each time the
    last one has run its time. Precoded keys are ranked on a worker, nothing made a row."""
    if isinstance(keys, Precoded):
        precoded = keys
        return (yield Elsewhere(lambda: _from_codes(pl, precoded)))
    ranks = keys.ranks if isinstance(keys, Keys) else None
    parts = (_parts(keys.every) if isinstance(keys, Keys)
             else keys.parts if isinstance(keys, Coded) else keys)
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
    if isinstance(keys, Coded):
        # Many distinct texts' keys sort for longer than a step: on a worker.
        coder = keys.coder
        ranks = yield Elsewhere(lambda: coder.ranks(pl))
    if pl is None or not columns:
        return Keys(every, None, ranks)
    return Keys(every, _ranked(pl, pl.concat(columns, rechunk=False), ranks), ranks)


def _from_codes(pl: ModuleType | None, keys: Precoded) -> Keys:
    """Precoded keys: each code's text ranked, then each row's rank gathered by polars;
    listed for Python's sort where polars refuses."""
    ranks = ranked(listed(keys.column.texts), keys.key, pl)
    codes = keys.column.codes
    column = None if pl is None else _ranked(pl, codes, ranks)
    return Keys(codes if column is not None else listed(codes), column, ranks)


def _ranked(pl: ModuleType, codes: Any, ranks: list[int] | None) -> Any:
    """A column of keys: ``codes`` themselves, or each code's rank; None when polars
    refuses."""
    if ranks is None:
        return codes
    try:
        return pl.Series("key", ranks, dtype=pl.UInt32).gather(codes)
    except BaseException as exc:
        if not engine.refused(pl, exc, engine.SORTING):
            raise
        return None


def _with(pl: ModuleType, columns: list[Any], part: list[Any]) -> list[Any] | None:
    """``columns`` with a part of keys added as a polars column; None when polars cannot
    hold them (a text with a lone surrogate) or refuses: Python sorts them then."""
    try:
        columns.append(pl.Series("key", part))
    except UnicodeEncodeError:
        return None
    except BaseException as exc:
        if not engine.refused(pl, exc, engine.SORTING):
            raise
        return None
    return columns


def _by_python(key: Callable[[int], Any], positions: array[int], descending: bool,
               ) -> array[int]:
    """The positions ordered by Python's own sort (it holds the GIL throughout)."""
    return array("i", sorted(positions, key=key, reverse=descending))


def _sorted(pl: ModuleType, column: Any, positions: array[int], descending: bool) -> Any:
    """The positions ordered by their keys (``column``), in polars: a column of positions
    (None when polars refuses)."""
    try:
        if len(positions) == column.len() and positions == counting(len(positions)):
            # Every row, in its own order (a sort from the file's order): numbered in polars,
            # not copied into it.
            frame = pl.DataFrame({"key": column}).with_row_index("position")
        else:
            at = pl.Series("position", positions, dtype=pl.Int32)
            frame = pl.DataFrame({"key": column.gather(at), "position": at})
        # maintain_order: rows of equal keys keep their order, descending too, as Python's.
        return frame.sort("key", descending=descending, maintain_order=True)["position"]
    except BaseException as exc:
        if not engine.refused(pl, exc, engine.SORTING):
            raise
        return None
