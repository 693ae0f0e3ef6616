"""Which row of an import sets each record: a later row of the same file that sets one again
is warned, since the administrator seldom means a key twice in one file."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence

from importer_gui.core.catalogue import messages as msg
from importer_gui.core.issues import Issue
from importer_gui.core.overlay import Overlay
from importer_gui.core.plan import Rows
from importer_gui.core.records import Table

# What a row's action stands for: (table, record id, the field that names it); see
# RowContext.subjects.
Subjects = tuple[tuple[Table, int, str], ...]
# Given the records a row without errors sets, the warnings it gets for setting them again.
Warn = Callable[[Subjects], Sequence[Issue]]
# No warning: shared, as most rows set their records once.
_NO_WARNINGS: tuple[Issue, ...] = ()

# The warning a row gets for setting a record an earlier row of its import set, by table.
SET_AGAIN: dict[Table, str] = {
    Table.LEARNER: msg.LEARNER_SET_AGAIN, Table.TRAINING: msg.TRAINING_SET_AGAIN,
    Table.SESSION: msg.SESSION_SET_AGAIN, Table.TEACHER: msg.TEACHER_SET_AGAIN,
    Table.INTERVENTION: msg.INTERVENTION_SET_AGAIN, Table.ROOM: msg.ROOM_SET_AGAIN}

# Stored ids past this many times a table's records (and this margin) are remembered in a
# dict rather than an array of that length: a store's ids are mostly 1..n, yet one may be
# far out.
_DENSE, _MARGIN = 2, 4096


class SettingRows:
    """Which row of one import sets (creates or updates) each record, so that a later row
    setting it again is warned: the administrator seldom means a key twice in one file.

    Held as arrays, made for a table only once a row sets one of its records (a file of
    registrations sets none): the last row that set each record, by store id and by
    -placeholder for the records the plan creates; and per row, the record it sets and the
    row before it that set the same one. The rows setting a record are thus linked from the
    last back, so that rechecking an edited row finds the row before it in a few steps
    however long the file. Rows are counted from 1 in them, 0 being none.
    """

    __slots__ = ("_by_row", "_created", "_far", "_prev", "_stored", "overlay", "rows")

    def __init__(self, rows: Rows, overlay: Overlay) -> None:
        self.rows = rows  # the import's rows, to name an earlier row by its line
        self.overlay = overlay
        self._stored: dict[Table, array[int]] = {}
        self._created: dict[Table, array[int]] = {}
        self._far: dict[tuple[Table, int], int] = {}
        self._by_row: dict[Table, array[int]] = {}  # the record each row sets
        self._prev: dict[Table, array[int]] = {}  # the row before it that set that record

    def warnings(self, subjects: Subjects) -> Sequence[Issue]:
        """The warnings of the row being planned (the next one of ``rows``), which sets
        ``subjects``; it is now the last row to set them."""
        row = len(self.rows.cells) + 1
        issues: Sequence[Issue] = _NO_WARNINGS
        for table, record_id, field_name in subjects:
            # _swap_last written out for the usual record, already in its array's range.
            slot = -record_id if record_id < 0 else record_id
            slots = (self._created if record_id < 0 else self._stored).get(table)
            if slots is not None and slot < len(slots):
                last = slots[slot]
                slots[slot] = row
            else:
                last = self._swap_last(table, record_id, row)
            if last == row:  # the same row's two actions are no repeat
                continue
            if last:
                issues = [*issues, self._issue(table, field_name, last)]
            by_row = self._by_row.get(table)
            if by_row is not None and len(by_row) == row - 1:  # the usual next row: no call
                try:
                    by_row.append(record_id)
                except OverflowError:  # an id past what 4 bytes hold
                    self._widened(table).append(record_id)
                self._prev[table].append(last)
            else:
                self._note(table, row, record_id, last)
        return issues

    def note_rows(self, table: Table, ids: Sequence[int]) -> None:
        """The import's rows, planned at once (by column), before any other: row ``i`` (from
        0) sets the record of ``table`` with id ``ids[i]`` (0: none), no two of them the
        same record (so none is warned). An array of 4-byte ids is kept as it is, not
        copied: the caller gives it up.

        Called as the plan is all made, where a commit's memory peaks: each array is made
        at its size, with no copy or zeroed bytes beside it (a million rows' made so took
        some 20 MB more at that moment).
        """
        assert len(self.rows.cells) == len(ids) and table not in self._by_row
        low, high = min(ids, default=0), max(ids, default=0)
        if not (type(ids) is array and ids.typecode == "i"):  # 4 bytes a row, as warnings()
            ids = array("i" if max(high, -low) < 1 << 31 else "q", ids)
        by_row = self._by_row[table] = ids
        self._prev[table] = _zeros("i", len(ids))
        created = self._slots(table, low) if low < 0 else None
        stored = self._slots(table, high) if high > 0 else None
        if (low < 0 and created is None) or (high > 0 and stored is None):
            for row, record_id in enumerate(by_row, 1):  # a stored id far past the others
                if record_id:
                    self._swap_last(table, record_id, row)
            return
        for row, record_id in enumerate(by_row, 1):  # _swap_last inline: a row each
            if record_id < 0:
                created[-record_id] = row  # type: ignore[index]
            elif record_id:
                stored[record_id] = row  # type: ignore[index]

    def ahead(self, table: Table, first: int, ids: Sequence[int], field_name: str,
              ) -> dict[int, Issue]:
        """Rows ``first``, ``first + 1``... (counted from 1, none planned yet) each set the
        record of ``table`` whose id ``ids`` holds (0: none), no two the same: noted at once,
        ahead of the rows' turn, as ``warnings`` would note them a row at a time. The rows
        among them that set none of this table's records set none of those either (a part's
        rows in error); the rows after the last that sets one are left to their turn
        (``warnings``' quick way). Returns the warning of each row (by its number) setting
        a record an earlier row set (``field_name`` names it)."""
        ids = ids[:len(ids) - _trailing_zeros(ids)]
        if not ids:
            return {}
        by_row = self._by_row.get(table)
        if by_row is None:
            by_row = self._by_row[table] = array("i")
            self._prev[table] = array("i")
        prev = self._prev[table]
        start = first - 1
        assert len(by_row) <= start, "rows are noted ahead of their turn only"
        low, high = min(ids), max(ids)
        if by_row.typecode == "i" and not -(1 << 31) <= low <= high < 1 << 31:
            by_row = self._widened(table)
        by_row.frombytes(bytes(by_row.itemsize * (start - len(by_row))))
        by_row.extend(ids)
        prev.frombytes(bytes(prev.itemsize * (len(by_row) - len(prev))))
        created = self._slots(table, low) if low < 0 else None
        stored = self._slots(table, high) if high > 0 else None  # None: one is far
        warned: dict[int, Issue] = {}
        for row, record_id in enumerate(ids, first):  # _swap_last inline: a row each
            if record_id < 0:
                last = created[-record_id]  # type: ignore[index]
                created[-record_id] = row  # type: ignore[index]
            elif not record_id:
                continue
            elif stored is not None:
                last = stored[record_id]
                stored[record_id] = row
            else:
                last = self._swap_last(table, record_id, row)
            if last:
                prev[row - 1] = last
                warned[row] = self._issue(table, field_name, last)
        return warned

    def forget(self, index: int) -> None:
        """Row ``index`` (from 0) is planned again: it sets nothing until it says so."""
        row = index + 1
        for table, by_row in self._by_row.items():
            if index < len(by_row) and by_row[index]:
                self._unlink(table, row, by_row[index])

    def again(self, index: int, subjects: Subjects) -> list[Issue]:
        """The warnings of row ``index`` (from 0), planned again, which sets ``subjects``:
        against the rows before it as they stand now."""
        row = index + 1
        issues = []
        for table, record_id, field_name in subjects:
            earlier = self._link(table, row, record_id)
            if earlier:
                issues.append(self._issue(table, field_name, earlier))
        return issues

    def _issue(self, table: Table, field_name: str, row: int) -> Issue:
        return Issue.warning(field_name, SET_AGAIN[table].format(line=self.rows.lines[row - 1]))

    def _link(self, table: Table, row: int, record_id: int) -> int:
        """Row ``row`` sets the record again: put it in place among the rows that set it;
        the row before it that does (0: none)."""
        by_row = self._by_row.get(table)
        if by_row is not None and row <= len(by_row) and by_row[row - 1] == record_id:
            return 0  # the same row's two actions are no repeat
        last = self._last(table, record_id)
        if last < row:
            self._swap_last(table, record_id, row)
            self._note(table, row, record_id, last)
            return last
        prev = self._prev[table]  # a later row sets the record: its rows are linked
        after = last  # the earliest row after ``row`` that sets the record
        while prev[after - 1] > row:
            after = prev[after - 1]
        before = prev[after - 1]
        prev[after - 1] = row
        self._note(table, row, record_id, before)
        return before

    def _unlink(self, table: Table, row: int, record_id: int) -> None:
        """Row ``row`` no longer sets the record: the rows that do are linked past it."""
        prev, by_row = self._prev[table], self._by_row[table]
        before = prev[row - 1]
        last = self._last(table, record_id)
        if last == row:
            self._swap_last(table, record_id, before)
        else:
            after = last
            while after and prev[after - 1] != row:
                after = prev[after - 1]
            if after:
                prev[after - 1] = before
        prev[row - 1] = by_row[row - 1] = 0

    def _last(self, table: Table, record_id: int) -> int:
        """The last row that sets a record (0: none); read, nothing grown for it."""
        slots = (self._created if record_id < 0 else self._stored).get(table)
        slot = -record_id if record_id < 0 else record_id
        if slots is not None and slot < len(slots):
            return slots[slot]
        return self._far.get((table, record_id), 0)

    def _swap_last(self, table: Table, record_id: int, row: int) -> int:
        """The last row that set a record (0: none), ``row`` from now on."""
        slot = -record_id if record_id < 0 else record_id
        slots = (self._created if record_id < 0 else self._stored).get(table)
        if slots is None or slot >= len(slots):  # the first, or past the array's end: rare
            slots = self._slots(table, record_id)
            if slots is None:  # a stored id far past the others
                last = self._far.get((table, record_id), 0)
                self._far[(table, record_id)] = row
                return last
        last = slots[slot]
        slots[slot] = row
        return last

    def _slots(self, table: Table, record_id: int) -> array[int] | None:
        """The array that holds a record's last row, long enough to hold it; None for a
        stored id too far past the table's size for an array."""
        held = self._created if record_id < 0 else self._stored
        slots = held.get(table)
        if slots is None:
            slots = held[table] = array("i")
        slot = abs(record_id)
        if slot >= len(slots):
            # Grown by half at least (amortised, like a list); stored ids up to a limit.
            wanted = max(slot + 1 - len(slots), len(slots) // 2 + 1024)
            if record_id > 0:
                limit = _DENSE * self.overlay.count(table) + _MARGIN
                if slot >= limit:
                    return None
                wanted = min(wanted, limit - len(slots))
            if slots:
                slots.frombytes(bytes(slots.itemsize * wanted))
            else:  # made at its size (a million created records' at once)
                slots = held[table] = _zeros(slots.typecode, wanted)
        return slots

    def _note(self, table: Table, row: int, record_id: int, before: int) -> None:
        """Row ``row`` sets this record, after row ``before`` (0: none)."""
        by_row = self._by_row.get(table)
        if by_row is None:
            by_row = self._by_row[table] = array("i")
            self._prev[table] = array("i")
        prev = self._prev[table]
        if row > len(by_row):  # rows between that set none of this table's records
            by_row.frombytes(bytes(by_row.itemsize * (row - len(by_row))))
            prev.frombytes(bytes(prev.itemsize * (row - len(prev))))
        try:
            by_row[row - 1] = record_id
        except OverflowError:  # an id past what 4 bytes hold
            self._widened(table)[row - 1] = record_id
        prev[row - 1] = before

    def _widened(self, table: Table) -> array[int]:
        """The records a table's rows set, as 8-byte ids from now on (ids are 4 bytes while
        they fit: 4 MB less a million rows; a store may hold larger ones)."""
        by_row = self._by_row[table] = array("q", self._by_row[table])
        return by_row


def _trailing_zeros(ids: Sequence[int]) -> int:
    """How many of ``ids`` are 0 at the end."""
    count = 0
    for record_id in reversed(ids):
        if record_id:
            break
        count += 1
    return count


def _zeros(typecode: str, count: int) -> array[int]:
    """An array of ``count`` zeros, made at its size (no zeroed bytes copied into it)."""
    return array(typecode, (0,)) * count
