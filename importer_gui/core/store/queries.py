"""The store's reads: the planner's loads, the browser's pages and searches, the history.

Rows are read with the connection's own ``execute``: building an object per row through a
mapper is far too slow for 100,000-row loads. Statements are made once per dialect.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import partial
from itertools import chain, starmap
from operator import itemgetter
from typing import Any

from importer_gui.core import schema
from importer_gui.core.catalogue.actions import REGISTRATION_ACTION
from importer_gui.core.errors import StoreError
from importer_gui.core.plan import recorded_unregisters
from importer_gui.core.records import RECORD_TYPES, ChangeKind, Record, RecordIds, StoreState
from importer_gui.core.schema import Table, Type
from importer_gui.core.store.dialect import JSON_VALUE_DECODERS, Connection, Converter, Dialect
from importer_gui.core.store.joined import JoinedReads, any_filled
from importer_gui.core.store.location import StoreLocation
from importer_gui.core.store.runs import (
    IMPORT_KIND,
    NO_SUCH_RUN,
    RUN_KINDS,
    DamagedRunError,
    RunChangeRow,
    RunSummary,
    mark_reverts,
)
from importer_gui.core.stored_columns import Stored, StoredColumns

# Decoded values records may share (a date is never changed in place), and how many distinct
# ones a column's reading keeps to share.
SHARED_TYPES = frozenset({Type.DATE, Type.DATETIME})
SHARED_VALUES = 4096
BATCH = 500  # ids or values in one IN (...): far below either engine's parameter limit
WHOLE_ROWS = 4096  # rows of a table loaded whole made into records at a time

_TABLES: dict[str, Table] = {t.value: t for t in Table}
_KINDS: dict[str, ChangeKind] = {k.value: k for k in ChangeKind}
_ID_OF_ROW = itemgetter(0)


@dataclass(frozen=True)
class DateForms:
    """How the window writes dates and date-times, in Qt's format letters (yyyy, MM, d, HH,
    h, mm, ss, AP…), so that a search finds a date as the table shows it."""

    date: str = "yyyy-MM-dd"
    datetime: str = "yyyy-MM-dd HH:mm"
    am: str = "AM"
    pm: str = "PM"


ISO_FORMS = DateForms()


@dataclass(frozen=True)
class Order:
    """A browser's sort: by one column (a reference by the referred record's label)."""

    column: str
    descending: bool = False


# A Qt date format's pieces: a quoted literal, a run of one letter, or any other character.
_FORMAT_PIECE = re.compile(r"'(?:[^']|'')*'|[Aa][Pp]|([A-Za-z])\1*|.")
# In ISO text (2027-06-10T14:05:09), where each field is: (first character, length).
_ISO_FIELDS = {"y": (1, 4), "M": (6, 2), "d": (9, 2), "H": (12, 2), "m": (15, 2), "s": (18, 2)}


def _literal(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _unpadded(number: str) -> str:
    """An SQL integer expression as text without leading zeros."""
    return f"CAST({number} AS TEXT)"


def _padded(number: str) -> str:
    """An SQL integer expression below 100 as two digits."""
    return f"CASE WHEN {number} < 10 THEN '0' || {_unpadded(number)} ELSE {_unpadded(number)} END"


def _date_piece(iso: str, piece: str, twelve: bool, forms: DateForms) -> str | None:
    """One piece of a Qt date format as SQL over ISO text; None for what it cannot write."""
    letter, size = piece[0], len(piece)
    if letter == "y" and size in (2, 4):
        return f"substr({iso}, {3 if size == 2 else 1}, {size})"
    if letter in "MdHhms" and size <= 2:
        first, length = _ISO_FIELDS["H" if letter == "h" else letter]
        digits = f"substr({iso}, {first}, {length})"
        if letter in "Hh" and twelve:  # 0 and 12 are both 12 on a 12-hour clock
            hour = f"CAST({digits} AS INTEGER)"
            number = (f"(CASE WHEN {hour} = 0 THEN 12 WHEN {hour} > 12 THEN {hour} - 12"
                      f" ELSE {hour} END)")
            return _padded(number) if size == 2 else _unpadded(number)
        return digits if size == 2 else _unpadded(f"CAST({digits} AS INTEGER)")
    if letter in "Aa" and size <= 2:
        am, pm = (forms.am, forms.pm) if letter == "A" else (forms.am.lower(), forms.pm.lower())
        return (f"CASE WHEN CAST(substr({iso}, 12, 2) AS INTEGER) < 12 THEN {_literal(am)}"
                f" ELSE {_literal(pm)} END")
    return None


def _could_be_a_date(needle: str, forms: DateForms) -> bool:
    """Whether ``needle`` holds only what a date written in ``forms`` may: digits, the
    formats' other characters, the AM/PM texts."""
    written = {c for c in forms.date + forms.datetime if not c.isalpha()}
    allowed = set("0123456789" + (forms.am + forms.pm).lower()) | written
    return set(needle.lower()) <= allowed


def shown_date_sql(iso: str, qt_format: str, forms: DateForms) -> str | None:
    """SQL writing the ISO date text ``iso`` as ``qt_format`` does ("10/06/2027 14:00");
    None when the format has a piece SQL cannot write (a month's name)."""
    pieces = [m.group(0) for m in _FORMAT_PIECE.finditer(qt_format)]
    twelve = any(p[0] in "Aa" for p in pieces)
    parts: list[str] = []
    for piece in pieces:
        if piece.startswith("'"):
            parts.append(_literal(piece[1:-1].replace("''", "'") if len(piece) > 2 else "'"))
        elif piece[0].isalpha():
            sql = _date_piece(iso, piece, twelve, forms)
            if sql is None:
                return None
            parts.append(sql)
        else:
            parts.append(_literal(piece))
    if any("%" in part for part in parts):  # PostgreSQL's driver reads % as a parameter
        return None
    return "(" + " || ".join(parts) + ")" if parts else None


def decoders(dialect: Dialect, table: str) -> dict[str, Converter]:
    """The columns of a table the dialect stores differently, and how to read them back."""
    return {c.name: dialect.decoders[c.type] for c in schema.columns(table)
            if c.type in dialect.decoders}


def json_decoders(table: str) -> dict[str, Converter]:
    """The columns of a table kept as text in a run's JSON, and how to read them back."""
    return {c.name: JSON_VALUE_DECODERS[c.type] for c in schema.columns(table)
            if c.type in JSON_VALUE_DECODERS}


def _sharing(read: Converter) -> Converter:
    """``read``, giving the value it gave before for a stored value seen again (kept for
    SHARED_VALUES distinct ones)."""
    known: dict[Any, Any] = {}

    def shared(stored: Any) -> Any:
        value = known.get(stored)
        if value is None:
            value = read(stored)
            if len(known) < SHARED_VALUES:
                known[stored] = value
        return value

    return shared


def _build(kind: type, columns: tuple[tuple[Any, Any, Any], ...],
           rows: Sequence[Sequence[Any]]) -> list[Any]:
    """Records of type ``kind`` from rows, as stored; then each of ``columns`` (a slot's
    setter, its value's place in a row, what reads it back) set again over them all, in C."""
    records = list(starmap(kind, rows))
    for slot, place, read in columns:
        deque(map(slot, records, read(tuple(map(place, rows)))), maxlen=0)
    return records


def _one_each(known: dict[Any, Any], stored: tuple[Any, ...]) -> Iterable[Any]:
    """``stored``, each value the first equal one ``known`` saw (kept there)."""
    return map(known.setdefault, stored, stored)


def _read_each(read: Converter, stored: tuple[Any, ...]) -> list[Any]:
    """``stored`` read back, None left as it is."""
    return [None if value is None else read(value) for value in stored]


def _read_sharing(read: Converter, known: dict[Any, Any], stored: tuple[Any, ...]
                  ) -> Iterable[Any]:
    """``stored`` read back, each distinct value read once and given to every row holding
    it; the values read are kept in ``known`` for the next batches (SHARED_VALUES of them)."""
    found: dict[Any, Any] = {None: None}
    for value in set(stored) - found.keys():
        decoded = known.get(value)
        if decoded is None:
            decoded = read(value)
            if len(known) < SHARED_VALUES:
                known[value] = decoded
        found[value] = decoded
    return map(found.__getitem__, stored)


class Queries:
    """Every read of the store, for one dialect."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        p = dialect.param
        self._decoders = {t: decoders(dialect, t) for t in Table}
        # Columns whose decoded values are immutable, so records may share them.
        self._shared = {t: {c.name for c in schema.columns(t) if c.type in SHARED_TYPES}
                        for t in Table}
        # Columns whose stored values repeat from record to record (its references, and its
        # texts marked schema.Column.repeats): each distinct value is one object shared by
        # the records, not a new int or text per row as the driver makes them.
        self._repeated = {t: frozenset([*schema.references(t.value), *(
            c.name for c in schema.columns(t) if c.repeats and c.type is Type.TEXT)])
            for t in Table}
        self._json_decoders = {t: json_decoders(t) for t in Table}
        # A run's recorded values, read back: each column name as one string (see _values).
        self._names = {t: {name: name for name in schema.column_names(t)} for t in Table}
        self._moment = dialect.decoders[Type.DATETIME]
        self._json = dialect.decoders[Type.JSON]
        # Each record type's slots' setters, in a row's order (id first): a column read back
        # or shared is set again over a part's records at once, in C (_build).
        self._slots = {t: tuple(getattr(RECORD_TYPES[t], name).__set__
                                for name in ("id", *schema.column_names(t))) for t in Table}
        self._whole = {t: f'SELECT id, {", ".join(schema.column_names(t))} FROM "{t.value}"'
                          " ORDER BY id" for t in Table}
        self._select = {t: f'SELECT id, {", ".join(schema.column_names(t))} FROM "{t.value}"'
                        for t in Table}
        self._by_id = {t: f"{self._select[t]} WHERE id = {p}" for t in Table}
        # Not a refresh's: what it creates the platform made (fullAccess=no leaves it alone).
        self._created = (
            "SELECT DISTINCT c.record_id FROM run_change c JOIN import_run r ON r.id = c.run_id"
            f" WHERE c.table_name = {p} AND c.kind = {p} AND r.kind = 'import'")
        # A store only imports wrote needs no look at the runs: the index answers alone.
        self._other_runs = "SELECT 1 FROM import_run WHERE kind != 'import' LIMIT 1"
        self._created_by_any = ("SELECT record_id FROM run_change"
                                f" WHERE table_name = {p} AND kind = {p}")
        # Since version 6, the spans of the records each run created (the history's index
        # by record leaves creations out); an older store read as it is answers from that
        # index, which holds them (the two queries above).
        self._spans = (f"SELECT c.first_id, c.last_id FROM {schema.CREATED_TABLE} c"
                       f" JOIN import_run r ON r.id = c.run_id WHERE c.table_name = {p}")
        self._spans_of_imports = f"{self._spans} AND r.kind = 'import'"
        # How many distinct ids either gives, and the first and last: when they follow each
        # other (an import's records, run after run), that says them all. Grouped rather
        # than DISTINCT: the index gives them in order, and no temporary tree is made.
        span = "SELECT count(*), min(record_id), max(record_id) FROM ({}) AS created"
        self._span = {self._created: span.format(self._created),
                      self._created_by_any: span.format(f"{self._created_by_any}"
                                                        " GROUP BY record_id")}
        self._run_exists = f"SELECT 1 FROM import_run WHERE id = {p}"
        self._run_config = f"SELECT config_xml FROM import_run WHERE id = {p}"
        self._changes = ("SELECT table_name, kind, record_id, before, after FROM run_change"
                         f" WHERE run_id = {p} ORDER BY seq")
        self._page = f" LIMIT {p} OFFSET {p}"
        # The browser's reads: the table as "t", each reference joined as "r_<column>".
        self._browse = {t: "SELECT t.id, " + ", ".join(f't."{c}"' for c in schema.column_names(t))
                        + f' FROM "{t.value}" AS t' for t in Table}
        self._joins = {t: {c.name: (f' LEFT JOIN "{c.references}" AS "r_{c.name}"'
                                    f' ON "r_{c.name}".id = t."{c.name}"',
                                    f'"r_{c.name}"."{schema.table_def(c.references).label}"')
                           for c in schema.columns(t) if c.references is not None}
                       for t in Table}

    # ------------------------------------------------------------ records

    def load_state(self, conn: Connection, tables: Iterable[Table],
                   as_columns: AbstractSet[Table] = frozenset(),
                   created_of: AbstractSet[Table] | None = None,
                   version: int = schema.SCHEMA_VERSION) -> StoreState:
        """The records of some tables, and which of those of ``created_of`` (all) an import
        run created; those of ``as_columns`` held as columns (StoreState.stored), not made
        records yet. Read in one read transaction (Store.load_state): no run is added
        between two tables. ``version``: the schema the store is read as."""
        state = StoreState()
        only_imports = not conn.execute(self._other_runs).fetchone()
        for table in sorted(tables, key=list(Table).index):  # the same order each time
            if table in as_columns:
                state.stored[table] = self._columns(conn, table)
            else:
                cursor = conn.execute(self._whole[table])
                records = state.table(table)
                build = self._builder(table)
                while rows := cursor.fetchmany(WHOLE_ROWS):
                    records.update(zip(map(_ID_OF_ROW, rows), build(rows), strict=True))
            if created_of is None or table in created_of:
                state.created_by_import[table] = (
                    self._created_spans(conn, table, only_imports)
                    if version >= schema.SPANS_SINCE
                    else self._created_ids(conn, table, only_imports))
        return state

    def _columns(self, conn: Connection, table: Table) -> StoredColumns:
        """The rows of a whole table read as columns (no record made), read back as the
        records' values are."""
        columns = StoredColumns(table)
        decoders = self._decoders[table]
        for part in self._column_parts(conn, table):
            columns.add(part, decoders)
        columns.loaded()
        return columns

    def _column_parts(self, conn: Connection, table: Table) -> Iterator[list[Stored]]:
        """A whole table's rows a part at a time, as columns (the ids first, then the
        schema's columns).

        The columns the first part leaves empty (a course's texts its imports never gave)
        are read for the rest only where a part fills them: the driver makes a value of
        every NULL it hands over, much of a sparse table's read. Past the first part, an
        engine that joins a part's values into one text reads them so (store/joined.py);
        another reads those columns as one flag a row, set where any of them holds a
        value, and a part that has a flag set has them read again, that part's alone.
        """
        cursor = conn.execute(self._whole[table])
        rows = cursor.fetchmany(WHOLE_ROWS)
        if not rows:
            return
        first = list(zip(*rows, strict=True))
        yield first
        empty = [n for n, column in enumerate(first) if n and column.count(None) == len(rows)]
        if len(rows) == WHOLE_ROWS and self.dialect.joins_texts is not None:
            cursor.close()
            yield from JoinedReads(self.dialect, table, first, empty).parts(
                conn, first[0][-1])
            return
        if len(rows) < WHOLE_ROWS or not empty:
            while rows := cursor.fetchmany(WHOLE_ROWS):
                yield list(zip(*rows, strict=True))
            return
        cursor.close()
        yield from self._parts_without(conn, table, empty, first[0][-1])

    def _parts_without(self, conn: Connection, table: Table, empty: list[int],
                       after: int) -> Iterator[list[Sequence[Any]]]:
        """The rows past id ``after`` as _column_parts gives them, the columns at ``empty``
        (their places among the id and the schema's columns) read as one flag a row."""
        names = ("id", *schema.column_names(table))
        kept = [n for n in range(len(names)) if n not in empty]
        listed = ", ".join(f'"{names[n]}"' for n in kept)
        flag = any_filled(names, empty)
        sparse = ", ".join(f'"{names[n]}"' for n in empty)
        p = self.dialect.param
        narrow = conn.execute(f'SELECT {listed}, ({flag}) FROM "{table.value}"'
                              f" WHERE id > {p} ORDER BY id", (after,))
        again = f'SELECT {sparse} FROM "{table.value}" WHERE id BETWEEN {p} AND {p} ORDER BY id'
        while rows := narrow.fetchmany(WHOLE_ROWS):
            part = list(zip(*rows, strict=True))
            flags = part.pop()
            ids = part[0]
            filled = (list(zip(*conn.execute(again, (ids[0], ids[-1])).fetchall(), strict=True))
                      if any(flags) else [(None,) * len(rows)] * len(empty))
            whole: list[Sequence[Any]] = [()] * len(names)
            for n, column in zip(kept, part, strict=True):
                whole[n] = column
            for n, column in zip(empty, filled, strict=True):
                whole[n] = column
            yield whole

    def _created_spans(self, conn: Connection, table: Table, only_imports: bool) -> RecordIds:
        """The ids of the records of ``table`` an import created, from their spans: one span
        is set at once, others id by id."""
        spans = sorted(conn.execute(self._spans if only_imports else self._spans_of_imports,
                                    (table.value,)).fetchall())
        if not spans:
            return RecordIds()
        whole = _joined(spans)
        if whole is not None:
            return RecordIds.span(*whole)
        return RecordIds(chain.from_iterable(range(low, high + 1) for low, high in spans))

    def _created_ids(self, conn: Connection, table: Table, only_imports: bool) -> RecordIds:
        """The ids of the records of ``table`` an import created, as a store older than
        version 6 says them (``only_imports``: every run in the store is an import's)."""
        sql = self._created_by_any if only_imports else self._created
        params = (table.value, ChangeKind.CREATE.value)
        count, first, last = conn.execute(self._span[sql], params).fetchone()
        if not count:
            return RecordIds()
        if last - first + 1 == count:  # one after the other: no id need be read
            return RecordIds.span(first, last)
        return RecordIds(map(_ID_OF_ROW, conn.execute(sql, params)))

    def by_ids(self, conn: Connection, table: Table, ids: Iterable[int]) -> Iterator[Record]:
        """The records of a table among ``ids``, read a batch of ids at a time."""
        yield from (record for _, record in self.holding(conn, table, "id", ids))

    def holding(self, conn: Connection, table: Table, column: str,
                values: Iterable[Any]) -> Iterator[tuple[Any, Record]]:
        """Records whose ``column`` is one of ``values``, with that value, a batch at a time."""
        for rows in self._among(conn, self._select[table], column, values):
            for record in self._records(table, rows):
                yield getattr(record, column), record

    def holders(self, conn: Connection, table: Table, column: str,
                values: Iterable[Any]) -> Iterator[tuple[Any, int]]:
        """The ids of the records whose ``column`` is one of ``values``, each with that
        value, a batch at a time: no record made. For text and integer columns, which read
        back as they are stored (unique values, references)."""
        for rows in self._among(conn, f'SELECT "{column}", id FROM "{table.value}"', column,
                                values):
            yield from rows

    def labels(self, conn: Connection, table: Table,
               ids: Iterable[int]) -> Iterator[tuple[int, Any]]:
        """The label (``TableDef.label``, a text column) of the records among ``ids``, each
        with its id, a batch at a time: no record made."""
        label = schema.table_def(table).label
        for rows in self._among(conn, f'SELECT id, "{label}" FROM "{table.value}"', "id", ids):
            yield from rows

    def _among(self, conn: Connection, select: str, column: str,
               values: Iterable[Any]) -> Iterator[list[Any]]:
        """The rows of ``select`` whose ``column`` is one of ``values``, BATCH values (one
        IN (...)) at a time."""
        wanted = list(values)
        for start in range(0, len(wanted), BATCH):
            batch = wanted[start:start + BATCH]
            marks = ", ".join([self.dialect.param] * len(batch))
            yield conn.execute(f'{select} WHERE "{column}" IN ({marks})', batch).fetchall()

    def get(self, conn: Connection, table: Table, record_id: int) -> Record | None:
        """One record by id, or None."""
        row = conn.execute(self._by_id[table], (record_id,)).fetchone()
        return None if row is None else self._records(table, [row])[0]

    def count(self, conn: Connection, table: Table, search: str,
              dates: DateForms = ISO_FORMS) -> int:
        """How many records of a table match ``search`` (all when empty)."""
        where, params = self._search(table, search, dates)
        row = conn.execute(f'SELECT count(*) FROM "{table.value}" AS t{where}', params).fetchone()
        return int(row[0])

    def page(self, conn: Connection, table: Table, search: str, offset: int, limit: int,
             order: Order | None = None, dates: DateForms = ISO_FORMS) -> list[Record]:
        """Records matching ``search``, in ``order`` (by id when None), from ``offset`` on, at
        most ``limit``."""
        where, params = self._search(table, search, dates)
        by, join = self._order_by(table, order)
        rows = conn.execute(f"{self._browse[table]}{join}{where}{by}{self._page}",
                            (*params, limit, offset)).fetchall()
        return self._records(table, rows)

    def ids(self, conn: Connection, table: Table, search: str, order: Order | None = None,
            dates: DateForms = ISO_FORMS) -> list[int]:
        """The ids of the records matching ``search``, in ``order`` (by id when None): one
        sort, after which any page is read by its ids, however deep."""
        where, params = self._search(table, search, dates)
        by, join = self._order_by(table, order)
        rows = conn.execute(f'SELECT t.id FROM "{table.value}" AS t{join}{where}{by}', params)
        return [record_id for (record_id,) in rows]

    def _search(self, table: Table, search: str,
                dates: DateForms) -> tuple[str, tuple[Any, ...]]:
        """The WHERE clause and parameters of a case-insensitive substring search of
        what the browser shows: the table's text columns, the names of the records it refers
        to, and its dates as ``dates`` writes them."""
        needle = search.strip()
        if not needle:
            return "", ()
        conditions: list[str] = []
        params: list[Any] = []
        for expression, referred in self._searched_sql(table, dates, needle):
            condition, values = self.dialect.contains([expression], needle)
            # A referred record's name is looked up in its own (smaller) table, once.
            conditions.append(condition if referred is None else
                              f't."{referred[0]}" IN (SELECT id FROM "{referred[1]}"'
                              f" WHERE {condition})")
            params.extend(values)
        return f" WHERE {' OR '.join(conditions)}", tuple(params)

    def _searched_sql(self, table: Table, dates: DateForms,
                      needle: str) -> list[tuple[str, tuple[str, str] | None]]:
        """What a search of ``table`` for ``needle`` looks in: SQL expressions, each with the
        reference column and table it names a record of (None: the table's own)."""
        found: list[tuple[str, tuple[str, str] | None]] = [
            (f't."{c}"', None) for c in schema.table_def(table).searched]
        for column in schema.columns(table):
            if column.references is not None:
                label = schema.table_def(column.references).label
                found.append((f'"{label}"', (column.name, column.references)))
        if _could_be_a_date(needle, dates):  # costly to write: only when they may match
            found.extend((self._shown_date(c.name, c.type, dates), None)
                         for c in schema.columns(table) if c.type in SHARED_TYPES)
        return found

    def _shown_date(self, column: str, kind: Type, dates: DateForms) -> str:
        """SQL writing a date column as the browser shows it (ISO when its form cannot be)."""
        iso = f't."{column}"'
        if kind is Type.DATE and Type.DATE not in self.dialect.decoders:  # a native date
            iso = f"to_char({iso}, 'YYYY-MM-DD')"
        if kind is Type.DATE:
            form, iso_form = dates.date, ISO_FORMS.date
        else:
            form, iso_form = dates.datetime, ISO_FORMS.datetime
        if form == iso_form:  # ISO text to the minute, its "T" a space: cheaper than pieces
            return f"replace(substr({iso}, 1, {16 if kind is Type.DATETIME else 10}), 'T', ' ')"
        return (shown_date_sql(iso, form, dates) or shown_date_sql(iso, iso_form, ISO_FORMS)
                or iso)

    def _order_by(self, table: Table, order: Order | None) -> tuple[str, str]:
        """ORDER BY (records without the value, or with an empty text, last either way; ties
        by id) and the join it needs: a reference sorts by the referred record's label, text
        as ``dialect.sort_text`` reads it (without case or accents)."""
        if order is None or order.column == "id":
            return f" ORDER BY t.id{' DESC' if order and order.descending else ''}", ""
        column = next(c for c in schema.columns(table) if c.name == order.column)
        join = ""
        key = f't."{column.name}"'
        empty = f"({key} IS NULL)"
        if column.name in self._joins[table] or column.type is Type.TEXT:
            if column.name in self._joins[table]:
                join, key = self._joins[table][column.name]
            key = f"coalesce({key}, '')"  # an empty text shows as a missing one
            empty, key = f"({key} = '')", self.dialect.sort_text(key)
        elif column.type is Type.JSON:  # PostgreSQL's json has no order
            key = f"CAST({key} AS TEXT)"
        way = " DESC" if order.descending else ""
        return f" ORDER BY {empty}, {key}{way}, t.id{way}", join

    def _records(self, table: Table, rows: Iterable[Sequence[Any]]) -> list[Record]:
        """Records from rows (id first, then the columns), stored values read back."""
        return self._builder(table)(list(rows))

    def _builder(self, table: Table) -> Callable[[Sequence[Sequence[Any]]], list[Record]]:
        """What makes the records of ``table`` from its rows, batch after batch of one read:
        a repeating column's equal values one object, each distinct date text read once."""
        decoders = self._decoders[table]
        columns: list[tuple[Any, Any, Any]] = []
        for place, name in enumerate(schema.column_names(table), start=1):
            if name in self._repeated[table]:
                read: Any = partial(_one_each, {})
            elif name in self._shared[table] and name in decoders:
                read = partial(_read_sharing, decoders[name], {})
            elif name in decoders:
                read = partial(_read_each, decoders[name])
            else:
                continue
            columns.append((self._slots[table][place], itemgetter(place), read))
        return partial(_build, RECORD_TYPES[table], tuple(columns))

    # ------------------------------------------------------------ runs

    @staticmethod
    def identity(conn: Connection) -> str | None:
        """The store's GUID (the first, should a hand have put in more); None without one."""
        row = conn.execute(
            f'SELECT guid FROM "{schema.IDENTITY_TABLE}" ORDER BY id LIMIT 1').fetchone()
        return None if row is None else str(row[0])

    def history(self, conn: Connection) -> list[RunSummary]:
        """Every run, newest first, with the revert in effect that reverted it (worked out
        from the chains of reverts, as the writer marks them); a run not wholly reverted
        names the reverts in effect that put back part of it."""
        runs = self._runs(conn, "", ())
        mark_reverts(runs)
        return runs

    def newer_runs(self, conn: Connection, than: int) -> list[RunSummary] | None:
        """The runs made after run ``than``, newest first, unmarked (``mark_reverts`` marks
        them with the runs read before): a revert is a run, so what was reverted since is
        told by the reverts among them. Nothing new costs one look at the newest run's id;
        None when even that is older than ``than`` (the store was put back from a copy):
        the history is to be read whole again."""
        newest = conn.execute("SELECT max(id) FROM import_run").fetchone()[0] or 0
        if newest < than:
            return None
        if newest == than:
            return []
        return self._runs(conn, f" WHERE id > {self.dialect.param}", (than,))

    def _runs(self, conn: Connection, where: str, params: tuple[Any, ...]) -> list[RunSummary]:
        """The runs ``where`` selects, newest first, unmarked."""
        p = self.dialect.param
        # A configuration's text only for an import naming the registration action (no
        # other run can have unregistered): a long history reads no other configuration.
        rows = conn.execute(
            "SELECT id, started, finished, kind, config_path, files, counts, reverts_run,"
            f" user_name, machine, CASE WHEN kind = {p} AND config_xml LIKE {p}"
            f" THEN config_xml END FROM import_run{where} ORDER BY id DESC",
            (IMPORT_KIND, f"%{REGISTRATION_ACTION.name}%", *params)).fetchall()
        return list(starmap(self._summary, rows))

    def _summary(self, run_id: int, started: Any, finished: Any, kind: str, config: str,
                 files: Any, counts: Any, reverts_run: int | None, user_name: str | None,
                 machine: str | None, registrations: str | None) -> RunSummary:
        """A stored import_run row as values; DamagedRunError naming it when a value is not."""
        try:
            files, counts = self._json(files), self._json(counts)
            if not (isinstance(files, list) and all(isinstance(f, str) for f in files)):
                raise ValueError(f"its files are not a list of names: {files!r}")
            if not (isinstance(counts, dict)
                    and all(isinstance(n, int) for n in counts.values())):
                raise ValueError(f"its counts are not numbers by outcome: {counts!r}")
            if kind not in RUN_KINDS:
                raise ValueError(f"unknown kind of run {kind!r}")
            if reverts_run is not None and type(reverts_run) is not int:
                raise ValueError(f"the run it reverts is not a run's number: {reverts_run!r}")
            return RunSummary(
                id=run_id, started=self._moment(started),
                finished=self._moment(finished) if finished else None, kind=kind,
                config=config, files=files, counts=counts, reverts_run=reverts_run,
                reverted_by=None, user_name=user_name, machine=machine,
                unregisters=bool(registrations) and recorded_unregisters(registrations))
        except (ValueError, TypeError) as exc:
            raise DamagedRunError(run_id, exc) from exc

    def run_config(self, conn: Connection, run_id: int, path: StoreLocation) -> str | None:
        """The configuration a run recorded (None when it recorded none)."""
        row = conn.execute(self._run_config, (run_id,)).fetchone()
        if row is None:
            raise StoreError(NO_SUCH_RUN.format(path=path, run=run_id))
        return row[0] or None

    def run_changes(self, conn: Connection, run_id: int, path: StoreLocation) -> list[RunChangeRow]:
        """What a run did, in the order it did it."""
        if conn.execute(self._run_exists, (run_id,)).fetchone() is None:
            raise StoreError(NO_SUCH_RUN.format(path=path, run=run_id))
        rows = conn.execute(self._changes, (run_id,)).fetchall()
        try:
            return list(starmap(partial(self._change_row, {}, self._run_decoders()), rows))
        except (ValueError, TypeError, AttributeError) as exc:
            raise DamagedRunError(run_id, exc) from exc

    def run_change_batches(self, conn: Connection, run_id: int,
                           path: StoreLocation) -> Iterator[list[RunChangeRow]]:
        """What a run did, in order, a batch of rows at a time (a run may be huge)."""
        if conn.execute(self._run_exists, (run_id,)).fetchone() is None:
            raise StoreError(NO_SUCH_RUN.format(path=path, run=run_id))
        cursor = conn.execute(self._changes, (run_id,))
        # One table of texts, and of dates, for the whole run.
        change_row = partial(self._change_row, {}, self._run_decoders())
        while rows := cursor.fetchmany(BATCH):
            try:
                yield list(starmap(change_row, rows))
            except (ValueError, TypeError, AttributeError) as exc:
                raise DamagedRunError(run_id, exc) from exc

    def _run_decoders(self) -> dict[Table, dict[str, Converter]]:
        """How one read of a run decodes its recorded values: each distinct date or moment
        text read once, its value shared by the records that hold it (a course's sessions
        share their days)."""
        return {t: {name: _sharing(read) if name in self._shared[t] else read
                    for name, read in decoders.items()}
                for t, decoders in self._json_decoders.items()}

    def _change_row(self, texts: dict[str, str], decoders: dict[Table, dict[str, Converter]],
                    table: str, kind: str, record_id: int, before: Any, after: Any
                    ) -> RunChangeRow:
        """A stored run_change row as values (``texts``: the repeated texts read so far;
        ``decoders``: this read's, from ``_run_decoders``)."""
        tbl, change = _TABLES.get(table), _KINDS.get(kind)
        if tbl is None:
            raise ValueError(f"unknown table {table!r}")
        if change is None:
            raise ValueError(f"unknown change {kind!r} to {table} {record_id}")
        if type(record_id) is not int:  # SQLite keeps a text another program stored
            raise ValueError(f"a {tbl.value}'s recorded id is not a whole number: "
                             f"{record_id!r}")
        row = RunChangeRow(table=tbl, kind=change, record_id=record_id,
                           before=self._values(tbl, before, texts, decoders[tbl]),
                           after=self._values(tbl, after, texts, decoders[tbl]))
        if not row.after and change is not ChangeKind.DELETE:
            # A created or updated record always leaves values: without them a revert would
            # take every record of the run for one changed since.
            raise ValueError(f"the values {tbl.value} {record_id} was left with are missing")
        return row

    def _values(self, table: Table, stored: Any, texts: dict[str, str],
                decoders: dict[str, Converter]) -> dict[str, Any]:
        """A record's values as a run recorded them, back to Python ones (ISO text to dates)."""
        if not stored:
            return {}
        read_back = self._json(stored)
        if not isinstance(read_back, dict):
            raise ValueError(f"a {table.value}'s recorded values are not an object: "
                             f"{read_back!r}")
        # Each JSON text read makes its own key and value strings: a revert reading 200,000
        # learners' values held 20 copies of every column name and of its repeated texts
        # ("Y", "fr-FR") per record. The column names and, within one read of a run, the
        # repeated texts are shared instead (``texts`` is that read's, bounded).
        names = self._names[table]
        keep = texts.setdefault if len(texts) < SHARED_VALUES else texts.get
        values = {names.get(name, name): keep(value, value) if type(value) is str else value
                  for name, value in read_back.items()}
        if values and len(values) != len(names):  # a created record's log leaves NULLs out
            values = {**dict.fromkeys(names), **values}
        for name, read in decoders.items():
            if values.get(name) is not None:
                values[name] = read(values[name])
        return values


def _joined(spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The one span sorted ``spans`` make without a gap (they may overlap); None if a gap."""
    first, top = spans[0]
    for low, high in spans[1:]:
        if low > top + 1:
            return None
        top = max(top, high)
    return first, top
