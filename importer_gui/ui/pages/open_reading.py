"""What the open page reads in the background: how a new data file is read (its sheet,
encoding, delimiter and first rows, as init guesses them), a workbook's sheets, and a file's
first rows despite the memory budget."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

from importer_gui.core.config import Provider
from importer_gui.core.errors import Cancelled, DataFileError, ImporterError
from importer_gui.core.first_rows import HEAD_ROWS, Head, HeadRow
from importer_gui.core.guess import Guess
from importer_gui.core.paths import resolved
from importer_gui.core.plan import FileStamp
from importer_gui.core.progress import Monitor
from importer_gui.ui.messages_text import recognise
from importer_gui.ui.pages.base import read_head

Rows = tuple[Head, DataFileError | None]  # first rows, and the budget's refusal of the file


@dataclass(frozen=True)
class HeadGuesses:
    """What a new file's first rows tell: whether its first line holds headers (None when
    read as data already), and the date format."""

    header: Guess | None
    date_format: Guess


@dataclass(frozen=True)
class Opening:
    """How a new data file is read, as init guesses it, and what told."""

    provider: Provider
    empty_sheets: tuple[str, ...] = ()  # a workbook's visible sheets before the one read
    encoding: Guess | None = None  # a text file's, from its bytes
    delimiter: Guess | None = None
    guesses: HeadGuesses | None = None  # None when its first rows cannot be read
    listed: SheetList | None = None  # a workbook's sheets, listed to find the one read


@dataclass(frozen=True)
class SheetList:
    """A workbook's sheets as the page lists them, and the one read when the configuration
    names none: looked up with its first rows, in the background for a large workbook
    (opening one reads all its shared strings, seconds for a large one)."""

    stamp: FileStamp | None  # the file as it was before the look-up; None when it is no file
    names: tuple[str, ...]  # none when the workbook cannot be read: the re-read says why
    first_visible: str | None  # None when not looked up (the provider names its sheet)
    visible: tuple[str, ...] = ()  # the visible ones, in workbook order

    def lists(self, provider: Provider, data_file: Path) -> bool:
        """Whether this is the list of ``data_file`` as it is now, for ``provider``."""
        return (self.stamp is not None and self.stamp.path == data_file
                and not self.stamp.changed()
                and (bool(provider.sheet) or self.first_visible is not None or not self.names))

    def sheet_read(self, provider: Provider) -> str | None:
        """The sheet the check reads: the one the provider names, in any case, else the first
        visible one; None when the provider names one the workbook lacks, or the workbook
        cannot be read (the re-read says why)."""
        from importer_gui.core import readers

        if provider.sheet:
            return readers.sheet_named(self.names, provider.sheet)
        return self.first_visible


# A chosen file: how it is opened, its first rows read (or why not; None: read when shown),
# and a workbook's sheets.
Chosen = tuple[Opening, Rows | ImporterError | None, SheetList | None]


def read_opening(path: Path, monitor: Monitor | None = None, *, guess: bool = True,
                 reading: Provider | None = None, listed: SheetList | None = None,
                 ) -> Opening:
    """How a new configuration reads ``path``, as init guesses it: a workbook's first visible
    sheet holding data (its rows stay cached for the pages), a text file's encoding and
    delimiter. Missing, a folder, a pipe (never opened: reading one could wait for ever), a
    device, a picture or a workbook under a CSV file's name: refused as the command line
    says it. Seconds for a large workbook: the page calls it in the background. Without
    ``guess``, its first rows are not read to guess from (a saved configuration says how to
    read them: a workbook's sheets are looked through as ``reading`` reads them, so that the
    one found is loaded once). A workbook's sheets, unless ``listed`` already, are listed
    once, for the sheet read and the page's list alike."""
    from importer_gui.core import readers
    from importer_gui.core.guess import guess_reading

    monitor = monitor or Monitor()
    readers.check_file(path)
    provider = _provider_of(path)
    if readers.is_workbook(path):
        listed = listed if listed is not None and listed.stamp is not None else _listing(path)
        provider.sheet, empty = _first_sheet(path, reading or provider, monitor, listed)
        opening = Opening(provider, tuple(empty), listed=listed)
    else:
        try:
            _sheet, encoding, delimiter = guess_reading(path)
        except OSError:
            return Opening(provider)  # the reader says why
        provider.file_encoding, provider.delimiter = encoding.value, delimiter.value
        opening = Opening(provider, encoding=encoding, delimiter=delimiter)
    monitor.check_cancelled()
    if not guess:
        return opening
    try:
        head = read_head(provider, path)  # cached: the page shows these rows next
    except ImporterError:
        return opening  # said where the page reads them
    return replace(opening, guesses=guess_from_head(head))


def read_chosen(path: Path, configured: Provider | None, monitor: Monitor) -> Chosen:
    """A data file chosen: how a new configuration reads it (``configured`` None), or, for
    the edited import of a saved configuration (``configured``, its reading), opened without
    guesses (on the configuration's sheet, no other read, when the workbook has it) and its
    first rows read once, as the configuration reads it (or why they cannot be: the file is
    taken all the same, and the page says why); and a workbook's sheets, looked up once for
    both the page's list and the configuration's sheet."""
    from importer_gui.core.session import take_new_file

    if configured is None:
        opening = read_opening(path, monitor)
        return opening, None, opening.listed
    listed = list_sheets(configured, path)
    opening = _on_configured_sheet(path, configured, listed) or read_opening(
        path, monitor, guess=False, reading=configured, listed=listed)
    take_new_file(configured, opening.provider, path, None if listed is None else listed.names)
    monitor.check_cancelled()
    return opening, _head_or_why(configured, path), listed


def _on_configured_sheet(path: Path, configured: Provider, listed: SheetList | None,
                         ) -> Opening | None:
    """``path`` opened on the sheet ``configured`` names, when the workbook has it (no other
    sheet is read: the first ones may be large); None when it names none, or one the workbook
    lacks, or the workbook cannot be read (read as a new file is, which says why)."""
    if listed is None or not configured.sheet:
        return None
    sheet = listed.sheet_read(configured)
    if sheet is None:
        return None
    return Opening(_provider_of(path, sheet))


def _provider_of(path: Path, sheet: str | None = None) -> Provider:
    """A new configuration's reading of ``path`` (its sheet ``sheet``), before anything is
    guessed."""
    return Provider(file_name=path.name, path=str(resolved(path.parent)), sheet=sheet)


def guess_from_head(head: Head) -> HeadGuesses:
    """Whether the first line holds headers and the date format, from the first rows, as
    init guesses them."""
    from importer_gui.core.guess import guess_date_format, header_of

    headers, rows = head
    header = None if headers is None else header_of([headers, *(cells for _l, cells in rows)])
    return HeadGuesses(header, guess_date_format([cell for _l, cells in rows for cell in cells]))


def _first_sheet(path: Path, reading: Provider, monitor: Monitor, listed: SheetList,
                 ) -> tuple[str | None, list[str]]:
    """The first visible sheet (of those ``listed``) holding data, its rows read as
    ``reading`` reads them, and the empty ones before it, as init chooses (the first
    visible sheet, and none said, when every one is empty)."""
    from importer_gui.core import readers

    def rows_of(name: str) -> list[object]:
        monitor.check_cancelled()  # between two sheets: each loads whole
        rows = read_head(replace(reading, sheet=name), path)[1]  # kept for the page
        return list(rows if reading.skip_first_line else _below_first_row(rows))

    name, empty = readers.first_sheet_holding_data(path, rows_of, listed.visible)
    if name is None:
        return listed.first_visible, []
    return name, empty


def _below_first_row(rows: list[HeadRow]) -> list[HeadRow]:
    """The rows below the first one holding anything: those a reading with a header line
    gives as data (a sheet holding headers only holds no data, whatever its reading)."""
    first = next((i for i, (_line, cells) in enumerate(rows) if any(cells)), len(rows))
    return rows[first + 1:]


def list_sheets(provider: Provider, data_file: Path) -> SheetList | None:
    """The sheets the page lists for ``data_file`` read by ``provider``, and its first
    visible one when the provider names none; None for a text file."""
    from importer_gui.core import readers

    return workbook_sheets(provider, data_file) if readers.is_workbook(data_file) else None


def workbook_sheets(provider: Provider, data_file: Path) -> SheetList:
    """The workbook's sheets, and its first visible one when ``provider`` names none, from
    one opening of it."""
    try:
        listed = _listing(data_file)
    except (ImporterError, OSError):
        return SheetList(None, (), None)  # never taken for another look-up's
    return listed if not provider.sheet else replace(listed, first_visible=None)


def _listing(data_file: Path) -> SheetList:
    """The workbook's sheets, its visible ones and the one read when the configuration
    names none, from one opening of it (behind the package guards); why it cannot be
    opened raised."""
    from importer_gui.core.readers import workbooks

    stamp = FileStamp.of(data_file) if data_file.is_file() else None  # before reading
    names, visible = workbooks.sheets_and_visible(data_file)
    return SheetList(stamp, tuple(names), workbooks.read_by_default(names, visible),
                     tuple(visible))


def sheets_and_rows(provider: Provider, data_file: Path,
                    ) -> tuple[SheetList | None, Rows | ImporterError]:
    """What a configuration's large data file shows: its sheets, and its first rows (or why
    they cannot be read)."""
    return list_sheets(provider, data_file), _head_or_why(provider, data_file)


def _head_or_why(provider: Provider, data_file: Path,
                 ) -> Rows | ImporterError:
    """``head_despite_budget``, or why the first rows cannot be read (a cancel goes on)."""
    try:
        return head_despite_budget(provider, data_file)
    except Cancelled:
        raise
    except ImporterError as exc:
        return exc


def head_despite_budget(provider: Provider, data_file: Path,
                        ) -> tuple[Head, DataFileError | None]:
    """The file's first rows, and the memory budget's refusal of the whole file, if any.

    Reading the first rows measures the whole file and refuses one the check could not
    hold; the first rows of a text file are read one line at a time all the same (they are
    cheap), so that the user sees which file it is. A workbook's sheet is loaded whole to
    give them: refused, none are shown.
    """
    from importer_gui.core import readers  # imported late, as the pages load before any file
    from importer_gui.core.readers.budget import MemoryBudget

    try:
        return read_head(provider, data_file), None
    except DataFileError as exc:
        if not _over_budget(exc) or readers.is_workbook(data_file):
            raise
        refusal = exc
    try:
        table = readers.prepare(
            data_file, MemoryBudget(limit=sys.maxsize), encoding=provider.file_encoding,
            delimiter=provider.delimiter_char, skip_first_line=provider.skip_first_line,
            check_delimiter=False).open()  # the refused read checked it
        rows = [(line, tuple(cells)) for line, cells in islice(table.rows(), HEAD_ROWS)]
    except MemoryError:
        raise refusal from None
    return (table.headers, rows), refusal


def _over_budget(error: DataFileError) -> bool:
    """Whether the error is the memory budget refusing the whole file."""
    from importer_gui.core.readers import budget

    found = recognise(error.detail)
    return found is not None and found[0].text in (
        budget.SET_TOO_COSTLY, budget.MACHINE_TOO_COSTLY, budget.LIMIT_TOO_COSTLY)
