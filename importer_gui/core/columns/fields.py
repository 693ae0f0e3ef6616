"""An action's fields read by column: each distinct cell read once, by the row planner's
own reader (actions/base.read_values), or a plain text field's cells trimmed by polars
exactly as str.strip() trims them. A field keeps no copy of its column's text: what is
asked of it (per row, or at some rows) is worked out from the file's column when asked."""

from __future__ import annotations

import sys
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from importer_gui.core.actions.base import FieldReader, RowContext, _readers, read_values
from importer_gui.core.binding import BoundAction, BoundField, KeyText
from importer_gui.core.cells import Cell
from importer_gui.core.columns.frame import (
    SPACES,
    Frame,
    TakenParts,
    chunks,
    listed,
    parts,
)
from importer_gui.core.overlay import Overlay


@dataclass
class FieldColumn:
    """One field's cells, read. A text field (``codes`` None) is its column's cells trimmed;
    any other holds per row the place of its cell among ``values`` (each distinct cell's
    value; None where empty or refused). ``clean``: per row, whether the cell reads without
    an issue."""

    pl: ModuleType
    cells: Any  # the file's column (a polars Series of text; of its distinct cells, an Enum)
    codes: Any | None  # a polars Series of places in ``values``
    values: list[Any]
    clean: Any  # a polars Series of booleans
    _text: Any | None = field(default=None, repr=False)  # _trimmed's answer

    def trimmed(self) -> Any | None:
        """A text field's cells trimmed as str.strip() trims them, null where empty (made
        once); None for a field read cell by cell."""
        return None if self.codes is not None else self._trimmed()

    def _trimmed(self) -> Any:
        """A text field's cells trimmed, null where empty (made once)."""
        if self._text is None:
            self._text = _trim(self.cells)
        return self._text

    def let_go(self) -> None:
        """Forget the trimmed cells (a column of text as long as the file's): made again
        should they be asked for again."""
        self._text = None

    def present(self) -> Any:
        """Per row, whether the row gives the field a value."""
        if self.codes is None:
            return self._trimmed().is_not_null()
        return self.pl.Series([value is not None for value in self.values],
                              dtype=self.pl.Boolean).gather(self.codes)

    def keys(self) -> Keys:
        """The field's values as numbers (Keys)."""
        pl = self.pl
        if self.codes is not None:
            values = self.values
            numbers: dict[Any, int] = {}  # cells of one value share the first one's place
            for place, value in enumerate(values):
                if value is not None:
                    numbers.setdefault(value, place)
            rows = pl.Series([None if value is None else numbers[value] for value in values],
                             dtype=pl.Int64).gather(self.codes)
            return Keys(rows, values, numbers)
        text = self._trimmed()
        distinct = listed(text.drop_nulls().unique(maintain_order=True))
        rows = text.cast(pl.Enum(distinct)).to_physical().cast(pl.Int64)
        return Keys(rows, distinct, {value: number for number, value in enumerate(distinct)})

    def mapped(self, keys: list[Any], ids: list[int]) -> Any:
        """Per row, the id its value is found by among ``keys`` (an Int64 Series; null where
        the row has no value or none is found)."""
        pl = self.pl
        if self.codes is not None:
            index = dict(zip(keys, ids, strict=True))
            found = [None if value is None else index.get(value) for value in self.values]
            return pl.Series(found, dtype=pl.Int64).gather(self.codes)
        texts = [(key, record_id) for key, record_id in zip(keys, ids, strict=True)
                 if type(key) is str]
        return self._trimmed().replace_strict(
            pl.Series([key for key, _id in texts], dtype=pl.String),
            pl.Series([record_id for _key, record_id in texts], dtype=pl.Int64),
            default=None, return_dtype=pl.Int64)

    def texts_at(self, places: Any) -> Any:
        """The field's values in the rows at ``places`` as a polars Series of text (null
        where a row has none); TypeError when a value is not a text."""
        if self.codes is None:
            return self._trimmed().gather(places)
        pl = self.pl
        return pl.Series(self.values, dtype=pl.String).gather(self.codes.gather(places))

    def at(self, places: Any) -> list[Any]:
        """The field's values in the rows at ``places`` (of every row for None; None where
        a row has none)."""
        if self.codes is not None:
            codes = self.codes if places is None else self.codes.gather(places)
            values: list[Any] = []
            for part in parts(codes):  # never a million ints at once (frame.PART)
                values.extend(map(self.values.__getitem__, part))
            return values
        if places is not None:
            return listed(self._gathered(places))
        return listed(_trim(self.cells) if self._text is None else self._text)

    def taken_at(self, places: Any) -> TakenParts:
        """The field's values in the rows at ``places`` (as ``at``), taken a part at a time:
        gathered now, a PART of rows a chunk, made Python's as each part is taken."""
        gathered = map(self._gathered, chunks(places))
        if self.codes is None:
            return TakenParts(gathered)
        return TakenParts(gathered, self.values.__getitem__)

    def _gathered(self, places: Any) -> Any:
        """The field's trimmed cells at ``places`` (its places among its values, for a field
        read cell by cell); where the column is not trimmed whole, only those rows are."""
        if self.codes is not None:
            return self.codes.gather(places)
        text = self._text
        return _trim(self.cells.gather(places)) if text is None else text.gather(places)


def _trim(cells: Any) -> Any:
    """Text cells trimmed as str.strip() trims them, null where that leaves them empty."""
    return _emptied(_stripped(cells))


def _stripped(cells: Any) -> Any:
    """Text cells (a Series or an expression) trimmed as str.strip() trims them."""
    return cells.str.strip_chars(spaces())


def _emptied(text: Any) -> Any:
    """Trimmed cells, null where empty."""
    return text.set(text == "", None)


@dataclass
class Keys:
    """A field's values as numbers: per row the number of its value (null where it has
    none), each number's value, and each value's number."""

    rows: Any  # a polars Series of Int64
    values: list[Any]  # by number (a number of no value holds None)
    numbers: dict[Any, int]


@dataclass
class _OneField:
    """An action reduced to one field, for read_values to read one cell as the row does."""

    readers: list[FieldReader]
    width: int
    fields: dict[str, BoundField]


def read_fields(pl: ModuleType, frame: Frame, action: BoundAction, overlay: Overlay, *,
                trimmed: Collection[str] = ()) -> dict[str, FieldColumn]:
    """Every field of ``action`` read from the frame's columns: the text fields' cells
    checked in one pass over their columns (polars works on several at once), the others
    cell by distinct cell. The text fields named in ``trimmed`` keep their cells trimmed
    for that check (a planner asking for them at once then does not trim them again)."""
    if action.readers is None:
        action.readers = _readers(action)
    columns = {reader[0]: _column(pl, frame, reader[1]) for reader in action.readers}
    text = [reader for reader in action.readers if reader[4] is None and (
        reader[6] is KeyText.NONE or f"c{reader[1]}" not in frame.wide)]
    kept = {reader[0]: _stripped(columns[reader[0]]) for reader in text
            if reader[0] in trimmed}
    checked = pl.DataFrame({reader[0]: kept.get(reader[0], columns[reader[0]])
                            for reader in text}).select(
        _clean_text(pl, pl.col(name) if name in kept else _stripped(pl.col(name)),
                    mandatory, limit).alias(name)
        for name, _index, mandatory, limit, *_rest in text) if text else None
    fields = {reader[0]: FieldColumn(pl, columns[reader[0]], None, [],
                                     checked.get_column(reader[0]),
                                     _emptied(kept[reader[0]]) if reader[0] in kept else None)
              if reader in text else _distinct_cells(pl, columns[reader[0]], action, reader,
                                                     overlay)
              for reader in action.readers}
    _by_distinct_cells(frame, action.readers, fields)
    return fields


def _by_distinct_cells(frame: Frame, readers: list[FieldReader],
                       fields: dict[str, FieldColumn]) -> None:
    """The frame's columns read cell by distinct cell (and by no text field) held as those
    cells' Enum: a byte or two a row where a text takes 16 or more, the same cells read."""
    texts = {reader[1] for reader in readers if fields[reader[0]].codes is None}
    held = {f"c{reader[1]}": fields[reader[0]].cells for reader in readers
            if reader[1] < frame.width and reader[1] not in texts}
    if held:
        frame.rows = frame.rows.with_columns(**held)


def _column(pl: ModuleType, frame: Frame, index: int) -> Any:
    """The frame's column ``index``; every cell empty for a column the file lacks."""
    if index >= frame.width:
        return pl.repeat("", frame.height, dtype=pl.String, eager=True)
    return frame.rows.get_column(f"c{index}")


def _clean_text(pl: ModuleType, text: Any, mandatory: bool, limit: int) -> Any:
    """Per row, whether a text field's cell reads without an issue, given its cells trimmed:
    not empty when the field is mandatory, within its length limit (the row reader words
    the others)."""
    if not mandatory and limit == sys.maxsize:
        return pl.repeat(True, pl.len())
    length = text.str.len_chars()
    clean = length > 0 if mandatory else pl.lit(True)
    return clean & (length <= limit) if limit != sys.maxsize else clean


def spaces() -> str:
    """Every character str.strip() takes off (str.isspace()), to tell polars."""
    return SPACES


def _distinct_cells(pl: ModuleType, column: Any, action: BoundAction, reader: FieldReader,
                    overlay: Overlay) -> FieldColumn:
    """A field read cell by cell, each distinct cell once, by the row planner's reader."""
    name = reader[0]
    cells = listed(column.unique(maintain_order=True))
    values: list[Any] = []
    clean: list[bool] = []
    for ctx in read_each(action, reader, overlay, cells):
        values.append(ctx.values.get(name))
        clean.append(not ctx.issues)
    held = column.cast(pl.Enum(cells))
    codes = held.to_physical()
    return FieldColumn(pl, held, codes, values,
                       pl.Series(clean, dtype=pl.Boolean).gather(codes))


def read_each(action: BoundAction, reader: FieldReader, overlay: Overlay,
              cells: Iterable[Cell]) -> Iterator[RowContext]:
    """Each cell read as the row planner reads it in the field of ``reader`` (its value and
    issues in a RowContext of its own)."""
    one = _OneField([reader], reader[1] + 1, action.fields)
    before = ("",) * reader[1]
    for cell in cells:
        ctx = RowContext(one, overlay)  # type: ignore[arg-type]  # what read_values reads
        read_values(ctx, (*before, cell))
        yield ctx
