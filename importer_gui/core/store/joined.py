"""A large table's rows past its first part, read as columns by the engine joining each
column's values of a part into one text (where it can: ``Dialect.joins_texts``).

The driver makes a Python value of every value of every row it hands over, and that, not
the engine's own stepping, is most of a million rows' read: joined, a part's titles are one
value, its ints one text of digits. What cannot be joined as it is stored is read as rows,
that part's alone: the ids when they do not follow each other, a column of reals, a column
with a NULL, a text holding the separator, what is no int in a column of ints (another
program's), the columns the first part left empty where this part fills them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from importer_gui.core import schema
from importer_gui.core.schema import Table, Type
from importer_gui.core.store.dialect import Connection, Dialect
from importer_gui.core.stored_columns import SEPARATOR, Joined, Stored, only_ints

JOINED_ROWS = 65536  # records a part read by joining holds at most
# The characters a part's joined text of one column holds, about, at most: the first part's
# texts say how many records that is (a long description's make parts shorter).
JOINED_TEXT = 1 << 24
_LAST_ID = (1 << 63) - 1  # above every id: the part that ends the table
_COMMA = ","  # between a part's ints: read back as one JSON array, in C


def _ints(text: str) -> list[int] | None:
    """The ints the engine wrote apart by commas; None where it wrote anything else (a text
    or a real another program stored in a column of ints: read as the driver hands it over).
    Where JSON reads an int, SQLite would have stored that text as one."""
    try:
        values = json.loads(f"[{text}]")
    except ValueError:
        return None
    return values if only_ints(values) else None


def any_filled(names: Sequence[str], places: Sequence[int]) -> str:
    """A condition true of a row where any of the columns at ``places`` (among ``names``)
    holds a value."""
    return " OR ".join(f'"{names[n]}" IS NOT NULL' for n in places)


def _rows_a_part(first: Sequence[Sequence[Any]]) -> int:
    """How many records a part holds, judged from the first part's columns."""
    longest = max((sum(len(value) for value in column if type(value) is str)
                   for column in first[1:]), default=0)
    return max(1, min(JOINED_ROWS, JOINED_TEXT * len(first[0]) // max(longest, 1)))


class JoinedReads:
    """The statements that read one table's parts past its ``first`` (its columns), as
    columns; ``empty``: the places (among the id and the schema's columns) of those the
    first part left empty, read only where a part fills them."""

    def __init__(self, dialect: Dialect, table: Table, first: Sequence[Sequence[Any]],
                 empty: Sequence[int]) -> None:
        assert dialect.joins_texts is not None, "an engine that joins texts"
        p = dialect.param
        self._errors = dialect.errors
        self.names = names = ("id", *schema.column_names(table))
        types = (Type.INTEGER, *(c.type for c in schema.columns(table)))
        self.width = len(names)
        self.empty = list(empty)
        filled = [n for n in range(1, len(names)) if n not in empty]
        stored = [dialect.logged_as_stored.get(types[n]) for n in range(len(names))]
        # Joined: texts, and ints (their digits, which say each exactly); the rest as rows.
        self.numbers = {n for n in filled if types[n] is Type.INTEGER and stored[n] == {int}}
        self.joined = [n for n in filled if n in self.numbers or stored[n] == {str}]
        self.listed = [n for n in filled if n not in self.joined]
        where = f'FROM "{table.value}" WHERE id > {p} AND id <= {p}'
        self._end = (f'SELECT id FROM "{table.value}" WHERE id > {p} ORDER BY id'
                     f" LIMIT 1 OFFSET {_rows_a_part(first) - 1}")
        joins = "".join(f', count("{names[n]}"), ' + dialect.joins_texts.format(
            column=f'"{names[n]}"', code=ord(_COMMA if n in self.numbers else SEPARATOR))
            for n in self.joined)
        self._joined = f"SELECT count(*), min(id), max(id){joins} {where}"
        listed = ", ".join(f'"{names[n]}"' for n in (0, *self.listed))
        self._rows = f"SELECT {listed} {where} ORDER BY id"
        filled_any = any_filled(names, self.empty)
        self._filled = f"SELECT 1 {where} AND ({filled_any}) LIMIT 1" if self.empty else ""
        self._column = {n: f'SELECT "{names[n]}" {where} ORDER BY id'
                        for n in (*self.joined, *self.empty)}

    def parts(self, conn: Connection, after: int) -> Iterator[list[Stored]]:
        """The parts of the table past id ``after``, each as columns (the ids first, then
        the schema's columns)."""
        while True:
            end = conn.execute(self._end, (after,)).fetchone()
            last = _LAST_ID if end is None else end[0]
            part = self._part(conn, after, last)
            if part is None:
                return
            yield part
            if end is None:
                return
            after = last

    def _part(self, conn: Connection, after: int, last: int) -> list[Stored] | None:
        """The records past id ``after`` up to ``last`` as columns; None when there is none."""
        span = (after, last)
        try:
            count, first, final, *joins = conn.execute(self._joined, span).fetchone()
        except self._errors:  # a text longer than the engine makes one (SQLite: 1 GB)
            return self._by_rows(conn, span)
        if not count:
            return None
        whole: list[Stored] = [()] * self.width
        if self.listed or final - first + 1 != count:
            self._listed(conn, span, whole)
        else:  # the ids follow each other: they are said by the first and the last
            whole[0] = range(first, final + 1)
        for n, filled, text in zip(self.joined, joins[::2], joins[1::2], strict=True):
            whole[n] = self._values(conn, n, span, count, filled, text)
        self._sparse(conn, span, count, whole)
        return whole

    def _by_rows(self, conn: Connection, span: tuple[int, int]) -> list[Stored] | None:
        """The records of a part as columns, each read row by row; None when there is none."""
        whole: list[Stored] = [()] * self.width
        count = self._listed(conn, span, whole)
        if not count:
            return None
        for n in self.joined:
            whole[n] = self._read(conn, n, span)
        self._sparse(conn, span, count, whole)
        return whole

    def _listed(self, conn: Connection, span: tuple[int, int], whole: list[Stored]) -> int:
        """The ids and the columns read as rows of a part, set in ``whole``; how many."""
        rows = conn.execute(self._rows, span).fetchall()
        for n, column in zip((0, *self.listed), zip(*rows, strict=True), strict=True):
            whole[n] = column
        return len(rows)

    def _sparse(self, conn: Connection, span: tuple[int, int], count: int,
                whole: list[Stored]) -> None:
        """The columns the first part left empty, set in ``whole``: read only where a row
        of this part fills one."""
        sparse = bool(self.empty) and conn.execute(self._filled, span).fetchone() is not None
        for n in self.empty:
            whole[n] = self._read(conn, n, span) if sparse else (None,) * count

    def _values(self, conn: Connection, n: int, span: tuple[int, int], count: int,
                filled: int, text: str | None) -> Stored:
        """Column ``n``'s values of a part of ``count`` records, ``filled`` of them not NULL,
        from the text the engine joined them into where that says each."""
        if not filled:
            return (None,) * count
        if filled != count or not isinstance(text, str):
            return self._read(conn, n, span)
        if n in self.numbers:
            ints = _ints(text)
            if ints is not None and len(ints) == count:
                return ints
        elif text.count(SEPARATOR) == count - 1:
            return Joined(text, count)
        return self._read(conn, n, span)

    def _read(self, conn: Connection, n: int, span: tuple[int, int]) -> Sequence[Any]:
        """Column ``n``'s values of a part, a row at a time."""
        return [value for value, in conn.execute(self._column[n], span).fetchall()]
