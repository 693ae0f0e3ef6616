"""Data file readers: CSV/TXT and workbooks, streamed as numbered rows of cells.

Line numbers are the file's own (the header is line 1). Completely blank rows (every cell
empty or white space) are skipped here, but the numbering still counts them, so the checker
never sees them and never has to. Rows are neither padded nor cut to the header's width;
headers are trimmed. ``text`` reads CSV/TXT, ``workbooks`` reads sheets once ``guards`` has
measured them; calamine is imported with the first workbook, so the CSV path never loads it
(the window loads it in the background as it starts: ``load_workbook_reader``).

Opening a file has two steps: ``prepare`` measures it and charges what reading it will cost
to the check's memory budget (``budget``), refusing it when the check would need more;
``Prepared.open`` then loads it. ``open_table`` does both, on a budget of its own.

Every failure is a DataFileError naming the file (and the line when there is one); rows()
may raise one part-way, after the rows before the fault.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from importer_gui.core.catalogue import WORKBOOK_SUFFIXES
from importer_gui.core.errors import DataFileError
from importer_gui.core.progress import Monitor
from importer_gui.core.readers.budget import MemoryBudget
from importer_gui.core.readers.table import (
    NumberedRow,
    RowSource,
    Table,
    check_file,
    header_texts,
    read_headers,
)
from importer_gui.core.readers.text import (
    FIELD_SIZE_LIMIT,
    DelimiterVerdict,
    below_header_line,
    first_line_source,
    prepare_text,
    text_delimiter_verdict,
)

# A file's header line (None when line 1 is read as data) and its first data rows.
Head = tuple[list[str] | None, list[NumberedRow]]

__all__ = ["FIELD_SIZE_LIMIT", "DelimiterVerdict", "MemoryBudget", "Prepared", "Table",
           "check_file", "delimiter_verdict", "first_line", "first_visible_sheet", "head",
           "head_both_ways", "hidden_sheets", "is_workbook", "load_workbook_reader",
           "open_table", "prepare", "sheet_named", "sheet_names"]


def load_workbook_reader() -> None:
    """Import what reads workbooks now, calamine with it, ahead of the first workbook (a
    native library, slow to load: the window does it in the background as it starts)."""
    from importer_gui.core.readers import workbooks  # noqa: F401


def is_workbook(path: Path) -> bool:
    """Whether the file is read as a workbook (by its suffix) rather than as CSV text."""
    return Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def sheet_names(path: Path) -> list[str]:
    """The workbook's worksheets in workbook order (hidden ones included); [] for CSV."""
    path = Path(path)
    if not is_workbook(path):
        return []
    check_file(path)
    from importer_gui.core.readers import workbooks

    return workbooks.sheet_names(path)


def sheet_named(names: Sequence[str], wanted: str) -> str | None:
    """The sheet of ``names`` that ``wanted`` names: that very name, else the one that
    differs only by case (Excel's names ignore case); None when none is."""
    if wanted in names:
        return wanted
    folded = wanted.casefold()
    return next((name for name in names if name.casefold() == folded), None)


def hidden_sheets(path: Path) -> list[str]:
    """The workbook's hidden worksheets, in workbook order; [] for CSV."""
    path = Path(path)
    if not is_workbook(path):
        return []
    check_file(path)
    from importer_gui.core.readers import workbooks

    return workbooks.hidden_sheets(path)


def first_visible_sheet(path: Path) -> str | None:
    """The sheet read when the configuration names none; None for CSV."""
    path = Path(path)
    if not is_workbook(path):
        return None
    check_file(path)
    from importer_gui.core.readers import workbooks

    return workbooks.first_visible_sheet(path)


def first_sheet_holding_data(path: Path, rows_of: Callable[[str], Sequence[object]],
                             visible: Sequence[str] | None = None,
                             ) -> tuple[str | None, list[str]]:
    """The first visible sheet whose first rows (``rows_of(name)``) hold something, and the
    visible sheets before it, empty; (None, every one) when none holds anything. A new
    configuration reads that sheet: an empty first sheet is often a cover page. The workbook
    is opened once to list them (each opening reads all its shared strings), unless they are
    ``visible``, listed already."""
    path = Path(path)
    if not is_workbook(path):
        return None, []
    check_file(path)
    from importer_gui.core.readers import workbooks

    empty: list[str] = []
    for name in workbooks.visible_sheets(path) if visible is None else visible:
        try:
            rows = rows_of(name)
        except DataFileError as exc:
            if exc.detail != workbooks.SHEET_EMPTY.format(name=repr(name)):
                raise
            rows = []
        if rows:
            return name, empty
        empty.append(name)
    return None, empty


@dataclass
class Prepared:
    """A data file measured and charged to a check's budget, not loaded yet."""

    path: Path
    sheet: str | None  # the sheet to read; None for CSV
    skip_first_line: bool
    _load: Callable[[], tuple[RowSource, int | None]]

    def open(self) -> Table:
        """Load the file (a workbook's sheet) and read its header line."""
        source, hint = self._load()
        headers = read_headers(self.path, source) if self.skip_first_line else None
        if hint is not None and self.skip_first_line:
            hint = max(hint - 1, 0)
        return Table(path=self.path, headers=headers, sheet=self.sheet, row_count_hint=hint,
                     _source=source, _first_line=2 if self.skip_first_line else 1,
                     text=getattr(source, "text", None))


def prepare(path: Path, budget: MemoryBudget, *, encoding: str = "UTF-8",
            delimiter: str = ";", skip_first_line: bool = True,
            sheet: str | None = None, columns: int | None = None,
            check_delimiter: bool = True, monitor: Monitor | None = None) -> Prepared:
    """Measure a CSV/TXT file or a workbook sheet and charge its cost to ``budget``; raise
    DataFileError naming the file when it cannot be read or would cost too much.

    A CSV file whose lines the delimiter does not split, while another one does, is refused
    (see text.check_delimiter) unless ``check_delimiter`` is false; ``columns``, how many
    columns the configuration maps, makes that check exact, and without it it is cautious.
    A workbook sheet's measuring stops (Cancelled) when ``monitor`` says so.
    """
    path = Path(path)
    check_file(path)
    if is_workbook(path):
        from importer_gui.core.readers import workbooks

        load, sheet_name = workbooks.prepare_workbook(path, sheet, budget, monitor)
        return Prepared(path, sheet_name, skip_first_line, load)
    return Prepared(path, None, skip_first_line,
                    prepare_text(path, encoding, delimiter, budget, columns, check_delimiter,
                                 header_line=skip_first_line))


def open_table(path: Path, *, encoding: str = "UTF-8", delimiter: str = ";",
               skip_first_line: bool = True, sheet: str | None = None,
               columns: int | None = None, check_delimiter: bool = True,
               keeps_cells: bool = True) -> Table:
    """Open a CSV/TXT file or a workbook sheet on a memory budget of its own (``keeps_cells``
    false: its rows without issues let their cells go); raise DataFileError naming the
    file."""
    return prepare(path, MemoryBudget(keeps_cells=keeps_cells), encoding=encoding,
                   delimiter=delimiter, skip_first_line=skip_first_line, sheet=sheet,
                   columns=columns, check_delimiter=check_delimiter).open()


def first_line(path: Path, *, encoding: str = "UTF-8", delimiter: str = ";") -> list[str]:
    """A CSV/TXT file's first line as trimmed cells, reading only as far as it ends (the
    rest of a large file is neither read nor measured); raise DataFileError naming the
    file."""
    path = Path(path)
    check_file(path)
    return read_headers(path, first_line_source(path, encoding, delimiter))


def head(path: Path, n: int = 20, *, encoding: str = "UTF-8", delimiter: str = ";",
         skip_first_line: bool = True, sheet: str | None = None, columns: int | None = None,
         ) -> Head:
    """The headers and the first n data rows, each with its line in the file as ``check``
    numbers it (blank lines and lines inside quoted cells counted), for the wizard's live
    preview. A delimiter the lines lack while another splits them is refused as ``check``
    refuses it (``columns``: how many columns the configuration maps, as for ``prepare``)."""
    table = open_table(path, encoding=encoding, delimiter=delimiter,
                       skip_first_line=skip_first_line, sheet=sheet, columns=columns)
    return table.headers, list(islice(table.rows(), n))


def delimiter_verdict(path: Path, *, encoding: str = "UTF-8", delimiter: str = ";",
                      ) -> DelimiterVerdict | None:
    """What a text file's first lines tell of its delimiter, for any number of columns
    mapped (``DelimiterVerdict.refusal``), from its start alone; None for a workbook, which
    has none. What ``prepare`` finds wrong before the delimiter is raised as it raises it."""
    path = Path(path)
    check_file(path)
    if is_workbook(path):
        return None
    return text_delimiter_verdict(path, encoding, delimiter)


def head_both_ways(path: Path, n: int = 20, *, encoding: str = "UTF-8", delimiter: str = ";",
                   sheet: str | None = None, columns: int | None = None,
                   check_delimiter: bool = True) -> tuple[Head, Head | DataFileError]:
    """``head`` read without a header line and with one (or why it cannot be: a file
    holding no line), from one measuring of the file and one load of a workbook's sheet:
    whether line 1 is a header is a guess made from these very rows, which the window
    applies at once. ``check_delimiter`` false: the caller checked it (``delimiter_verdict``).
    """
    table = open_table(path, encoding=encoding, delimiter=delimiter, skip_first_line=False,
                       sheet=sheet, columns=columns, check_delimiter=check_delimiter)
    rows = list(islice(table.rows(), n + 1))  # line 1 and the n rows below it
    as_data: Head = (None, rows[:n])
    try:
        # Line 1 is among the rows unless it is blank: read again from the start then.
        headers = header_texts(rows[0][1]) if rows and rows[0][0] == 1 else table.header_line()
    except DataFileError as exc:
        return as_data, exc
    below = rows if is_workbook(path) else list(below_header_line(rows))
    return as_data, (headers, [row for row in below if row[0] > 1][:n])
