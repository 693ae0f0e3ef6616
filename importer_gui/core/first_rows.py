"""The first rows of a data file as its provider reads them, read once per file version.

The Open, Action and Mapping pages all show the same first rows, and a large workbook takes
about a second to open: the rows are kept per file version and reading options.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from importer_gui.core.catalogue import IGNORED_COLUMN, OOXML_SUFFIXES, WORKBOOK_SUFFIXES
from importer_gui.core.cells import Cell
from importer_gui.core.config import Provider
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError

if TYPE_CHECKING:  # the readers load late: the pages load before any file
    from importer_gui.core.readers import DelimiterVerdict

HEAD_ROWS = 20  # rows read for the live views: enough to judge, fast on any file
CACHED_FILES = 8

HeadRow = tuple[int, tuple[Cell, ...]]  # a row's line in the file, and its cells
Head = tuple[list[str] | None, list[HeadRow]]
_Read = tuple[tuple[str, ...] | None, tuple[HeadRow, ...]]  # a head as kept
T = TypeVar("T")


class _Kept(Generic[T]):
    """A function's last results, kept as ``functools.lru_cache`` keeps them, that can also
    say whether it holds one: the pages ask before reading, to read at once what is held."""

    def __init__(self, function: Callable[..., T], size: int = CACHED_FILES) -> None:
        self._function = function
        self._size = size
        self._results: OrderedDict[tuple[Hashable, ...], T] = OrderedDict()
        self._lock = threading.Lock()  # read on the window's thread and on workers'

    def __call__(self, *args: Hashable) -> T:
        with self._lock:
            if args in self._results:
                self._results.move_to_end(args)
                return self._results[args]
        result = self._function(*args)  # not under the lock: a read may take seconds
        with self._lock:
            self._results[args] = result
            while len(self._results) > self._size:
                self._results.popitem(last=False)
        return result

    def holds(self, *args: Hashable) -> bool:
        """Whether the result for ``args`` is kept (a failed read keeps none)."""
        with self._lock:
            return args in self._results

    def cache_clear(self) -> None:
        """Forget every result."""
        with self._lock:
            self._results.clear()


def read_head(provider: Provider, data_file: Path, n: int = HEAD_ROWS) -> Head:
    """The header (None without a header line) and the first ``n`` rows, each with its line
    in the file as ``check`` numbers it. A wrong delimiter is refused with ``check``'s own
    message (DataFileError) rather than read as one cell a line.

    A file changed on disk (size or modification time) is read again.
    """
    _check_delimiter(provider, data_file)
    try:
        as_data, with_headers = _cached_head(*_head_key(provider, data_file, n))
    except MemoryError:
        raise DataFileError(QT_TRANSLATE_NOOP(
            "errors", "there is not enough memory to read the file"), path=data_file) from None
    read = with_headers if provider.skip_first_line else as_data
    if isinstance(read, DataFileError):
        raise read
    headers, rows = read
    return (list(headers) if headers is not None else None), list(rows[:n])


def read_header_line(provider: Provider, data_file: Path) -> list[str] | None:
    """The header line (None without one), to check the columns mapped by header: an .xlsx
    sheet's as far as line 1 ends when it holds plain texts (its first rows load the whole
    sheet, seconds for a large one) unless they are kept already, any other file's from its
    first rows (``read_head``). A file changed on disk is read again."""
    if not provider.skip_first_line:
        return None
    if data_file.suffix.lower() in OOXML_SUFFIXES and not head_cached(provider, data_file):
        try:
            found = _cached_line(data_file, _version(data_file), provider.sheet)
        except (DataFileError, MemoryError):
            found = None  # read below as the first rows are, which say what is wrong
        if found is not None:
            return list(found)
    return read_head(provider, data_file)[0]


def head_cached(provider: Provider, data_file: Path, n: int = HEAD_ROWS) -> bool:
    """Whether ``read_head`` has this file's first rows, read with this provider's options,
    kept and current (the file unchanged on disk since): it then gives them at once."""
    verdict = _verdict_key(provider, data_file)
    return ((verdict is None or _cached_verdict.holds(*verdict))
            and _cached_head.holds(*_head_key(provider, data_file, n)))


def header_line_cached(provider: Provider, data_file: Path) -> bool:
    """Whether ``read_header_line`` gives this file's header line at once: none to read, or
    its first rows or (an .xlsx's) line 1 kept and current."""
    if not provider.skip_first_line or head_cached(provider, data_file):
        return True
    if data_file.suffix.lower() not in OOXML_SUFFIXES:
        return False
    key = (data_file, _version(data_file), provider.sheet)
    return _cached_line.holds(*key) and _cached_line(*key) is not None  # None: rows read


def head_width(headers: Sequence[str | None] | None, rows: Sequence[HeadRow]) -> int:
    """How many columns the file has, as its first rows tell: its header line's or its
    widest row's, whichever is more (a mapping's width is no column of the file)."""
    return max([len(headers or [])] + [len(cells) for _line, cells in rows])


def file_columns(fields: Sequence[str], width: int) -> int:
    """How many of a mapping's columns (their fields, in order) are the file's, ``width``
    wide: all but the ignored ones past its last column at the end (the others keep their
    places, columns being read by position)."""
    kept = len(fields)
    while kept > width and fields[kept - 1] == IGNORED_COLUMN:
        kept -= 1
    return kept


def _check_delimiter(provider: Provider, data_file: Path) -> None:
    """Refuse a CSV file's wrong delimiter as ``check`` refuses it, told exactly by how many
    columns the provider maps: from what the file's start tells, kept per file version and
    reading, so that the first rows kept serve whatever the mapping's width (0 until the
    mapping is saved)."""
    key = _verdict_key(provider, data_file)
    if key is None:
        return
    verdict = _cached_verdict(*key)
    refusal = verdict.refusal(len(provider.columns) or None) if verdict is not None else None
    if refusal is not None:
        raise refusal


def _verdict_key(provider: Provider, data_file: Path) -> tuple[Hashable, ...] | None:
    """What ``_cached_verdict`` keeps a text file's delimiter verdict under; None for a
    workbook, which has no delimiter."""
    if data_file.suffix.lower() in WORKBOOK_SUFFIXES:
        return None
    return data_file, _version(data_file), provider.file_encoding, provider.delimiter_char


def _head_key(provider: Provider, data_file: Path, n: int) -> tuple[Hashable, ...]:
    """What ``_cached_head`` keeps the first ``n`` rows under: the file's version and the
    provider's reading options but its header line, read both ways at once."""
    return (data_file, _version(data_file), provider.file_encoding, provider.delimiter_char,
            provider.sheet, max(n, HEAD_ROWS))


def _version(data_file: Path) -> tuple[int, int] | None:
    """The file's size and modification time; None when it cannot be read (the reader
    then names the problem)."""
    try:
        stat = data_file.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _read_line(data_file: Path, version: tuple[int, int] | None, sheet: str | None,
               ) -> tuple[str, ...] | None:
    from importer_gui.core.readers import MemoryBudget, check_file, workbooks

    check_file(data_file)
    found = workbooks.first_line(data_file, sheet, MemoryBudget())
    return tuple(found) if found is not None else None


def _read_verdict(data_file: Path, version: tuple[int, int] | None, encoding: str,
                  delimiter: str) -> DelimiterVerdict | None:
    """What the file's start tells of its delimiter (see ``readers.delimiter_verdict``)."""
    from importer_gui.core import readers

    return readers.delimiter_verdict(data_file, encoding=encoding, delimiter=delimiter)


def _read_head(data_file: Path, version: tuple[int, int] | None, encoding: str,
               delimiter: str, sheet: str | None, n: int,
               ) -> tuple[_Read, _Read | DataFileError]:
    """The first rows read without a header line and with one (or why not), from one read of
    the file: a new file's header line is guessed from the first and often unticked at once,
    which would otherwise measure the file (load a workbook's sheet) a second time."""
    from importer_gui.core import readers  # imported late: the pages load before any file

    as_data, with_headers = readers.head_both_ways(
        data_file, n, encoding=encoding, delimiter=delimiter, sheet=sheet,
        check_delimiter=False)  # checked by ``_check_delimiter`` for the mapping's width
    return _kept(as_data), (with_headers if isinstance(with_headers, DataFileError)
                            else _kept(with_headers))


def _kept(head: Head) -> _Read:
    """A head as kept: tuples, which no page can change."""
    headers, rows = head
    return ((tuple(headers) if headers is not None else None),
            tuple((line, tuple(cells)) for line, cells in rows))


_cached_line = _Kept(_read_line)
_cached_verdict = _Kept(_read_verdict)
_cached_head = _Kept(_read_head)
