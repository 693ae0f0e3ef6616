"""Corrections typed in the preview, kept per data file until the wizard starts anew.

A correction names a cell by the file's line and the cell's place in the row, with the text
the file has there, the text the user typed, and the row it was made on (``row_key``). Every
check of that file applies it again (Check again, Back and Next, the configuration opened
again), as long as that line still holds the same row; one it no longer holds (the file
changed on disk since) is taken out and listed in ``Corrections.unmatched``, never put on the
row now there. The cell alone would not do: an empty cell, "Y" or a date is on most rows.
Corrections are written as a corrected copy of the data
file (``write_corrected_copy``) and recorded with a commit's run (``recorded_config``).
"""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from importer_gui.core.atomic import write_atomically
from importer_gui.core.catalogue import (
    IGNORED_COLUMN,
    OOXML_SUFFIXES,
    Kind,
    field_def,
)
from importer_gui.core.cells import Cell, Shown, cell_text, not_xml_characters, xml_text
from importer_gui.core.config import EXT_NS, ImportConfig, Provider
from importer_gui.core.errors import CANNOT_WRITE, QT_TRANSLATE_NOOP, ImporterError, system_reason
from importer_gui.core.paths import resolved
from importer_gui.core.plan import ImportPlan, Plan, ReadStamp
from importer_gui.core.progress import Monitor
from importer_gui.core.readers import is_workbook
from importer_gui.core.readers.number_formats import WHOLE_SHOWN, format_showing, layout
from importer_gui.core.readers.text import file_codec
from importer_gui.core.reports import refuse_a_file_read
from importer_gui.core.sheet_copy import (
    FoundCell,
    NewCell,
    UnusualSheetError,
    copy_changing_cells,
    epoch_1904,
    is_date_style,
)
from importer_gui.core.values import date_pattern

if TYPE_CHECKING:
    from importer_gui.core.store import Store

# Messages the window shows in the user's language (see core/errors.py).
COPY_OVER_ITSELF = QT_TRANSLATE_NOOP(
    "errors", "{path}: a corrected copy cannot replace the file it is made from; choose another "
              "name.")
NOT_READ_AGAIN = QT_TRANSLATE_NOOP("errors", "{path}: cannot be read again to copy it ({reason})")
READ_ONLY = QT_TRANSLATE_NOOP(
    "errors", "{path} is read-only: nothing was written; choose another name, or make it "
              "writable first.")
SHEET_GONE = QT_TRANSLATE_NOOP("errors", "{path}: the sheet {name} is gone.")
NUL_TYPED = QT_TRANSLATE_NOOP(
    "errors", "{path}: line {line}, column {column} ({name}): a cell cannot hold a NUL "
              "character (\\x00), which neither the platform nor the store can keep; the cell "
              "was not changed.")
CHANGED_SINCE = QT_TRANSLATE_NOOP(
    "errors", "{path} changed since it was checked: line {line} no longer holds the row "
              "corrected there. Nothing was written; press Check again.")
NOT_IN_WORKBOOK = QT_TRANSLATE_NOOP(
    "errors", "{path}: line {line}, column {column} ({name}): {characters} cannot be written "
              "in a workbook. Nothing was written; change those characters in the cell, then "
              "save the copy again.")
CANNOT_HOLD = QT_TRANSLATE_NOOP(
    "errors", "{path}: line {line}, column {column} ({name}): {characters} cannot be written "
              "in {encoding}, the file's encoding. Nothing was written; change those "
              "characters in the cell, then save the copy again.")

# The element a run's recorded configuration gets, in our namespace (the platform skips it).
RECORD_TAG = "corrections"
# A physical line and its ending, as the CSV reader counts lines (\r\n, \r or \n).
_PHYSICAL_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

CellKey = tuple[int, int]  # (line, column)


@dataclass(frozen=True)
class Correction:
    """One cell as the user corrected it."""

    line: int  # the file's line (a workbook's row number), 1-based
    column: int  # the cell's place in its row, 0-based
    before: str  # the file's text
    after: str  # what the user typed
    field: str = ""  # the field the column fed when it was corrected
    header: str = ""  # the column's header, when the file has one
    # The row it was made on, as the file has it (row_key); b"": not known, only the cell
    # is compared.
    row: bytes = b""
    # The number the file's cell holds when it shows it with text (a Shown's value), "" for
    # any other cell: what a correction typed again is made from (``cell_as_read``).
    number: str = ""


# Corrections a check took out, each with its file: its line no longer holds their row.
Unmatched = list[tuple[Path, Correction]]


@dataclass(frozen=True)
class Reading:
    """How the corrected file is read, and so how its corrected copy is written."""

    encoding: str
    delimiter: str  # one character
    sheet: str | None
    skip_first_line: bool
    date_format: str = ""  # a corrected workbook date cell stays a date when its text is one

    @classmethod
    def of(cls, provider: Provider) -> Reading:
        """The reading options of a provider."""
        return cls(provider.file_encoding, provider.delimiter_char, provider.sheet,
                   provider.skip_first_line, provider.date_format)


@dataclass
class FileCorrections:
    """The corrections of one data file."""

    file: Path
    reading: Reading
    cells: dict[CellKey, Correction] = field(default_factory=dict)
    saved: bool = False  # committed or written as a copy since the last correction
    # The file every one of ``cells`` is known to match, read as ``reading`` reads it (a
    # check matched them, or they were made on its rows); None when not known: a copy of
    # a file still so stamped needs no reading of its rows to know they are still theirs.
    checked: ReadStamp | None = None

    def in_order(self) -> list[Correction]:
        """The corrections by line, then column."""
        return [self.cells[key] for key in sorted(self.cells)]


class Corrections:
    """Every data file's corrections."""

    def __init__(self) -> None:
        self._files: dict[Path, FileCorrections] = {}
        # Taken out by apply_to_plan: the file no longer holds their text (file, correction).
        self.unmatched: Unmatched = []

    def record(self, file: Path, reading: Reading, correction: Correction,
               read: ReadStamp | None = None) -> None:
        """Keep a correction (``before`` is what the cell showed) made on the rows a check
        read from the file stamped ``read``; typing the file's own text back takes the
        correction away."""
        file = _key(file)
        entry = self._files.get(file)
        if entry is None:
            entry = self._files[file] = FileCorrections(file, reading, checked=read)
        elif entry.checked != read or entry.reading != reading:
            entry.checked = None  # its corrections were made on rows read otherwise
        key = (correction.line, correction.column)
        earlier = entry.cells.get(key)
        before = earlier.before if earlier is not None else correction.before
        entry.reading = reading
        entry.saved = False
        if correction.after == before:
            entry.cells.pop(key, None)
        else:
            first = earlier if earlier is not None else correction
            entry.cells[key] = Correction(correction.line, correction.column, before,
                                          correction.after, correction.field, correction.header,
                                          first.row, first.number)
        if not entry.cells:
            del self._files[file]

    def row_as_read(self, file: Path, line: int, cells: Iterable[Cell]) -> bytes:
        """The row_key of a row the preview shows: its cells as the file has them (a cell
        corrected already as it was before), for a correction made on it."""
        texts = [cell_text(cell) for cell in cells]
        entry = self._files.get(_key(file))
        if entry is not None:
            # A corrected row is shown padded to its import's columns, so its corrections
            # are all within ``cells``: looked up by cell, not by going through every
            # correction (Find and replace records thousands, one after another).
            for column in range(len(texts)):
                earlier = entry.cells.get((line, column))
                if earlier is not None:
                    texts[column] = earlier.before
        return row_key(texts)

    def at(self, file: Path, line: int, column: int) -> Correction | None:
        """The correction of one cell, if any."""
        entry = self._files.get(_key(file))
        return None if entry is None else entry.cells.get((line, column))

    def of(self, file: Path) -> FileCorrections | None:
        """One file's corrections, if it has any."""
        return self._files.get(_key(file))

    def files(self) -> list[FileCorrections]:
        """Every corrected file's corrections."""
        return list(self._files.values())

    def count(self, files: Iterable[Path] | None = None) -> int:
        """How many cells are corrected (in ``files`` only when given: a file several
        imports read counts once)."""
        if files is None:
            return sum(len(entry.cells) for entry in self._files.values())
        entries = {_key(file): self._files.get(_key(file)) for file in files}
        return sum(len(entry.cells) for entry in entries.values() if entry is not None)

    def unsaved(self) -> int:
        """Corrected cells of files neither committed nor written as a copy since."""
        return sum(len(e.cells) for e in self._files.values() if not e.saved)

    def mark_saved(self, files: list[Path]) -> None:
        """The corrections of these files are kept (committed, or written as a copy)."""
        for file in files:
            entry = self._files.get(_key(file))
            if entry is not None:
                entry.saved = True

    def take_out(self, file: Path, found: list[Correction]) -> None:
        """Take these corrections of ``file`` out, listed in ``unmatched``."""
        entry = self._files.get(_key(file))
        if entry is None:
            return
        for correction in found:
            if entry.cells.pop((correction.line, correction.column), None) is not None:
                self.unmatched.append((entry.file, correction))
        if not entry.cells:
            del self._files[entry.file]

    def set_aside(self, checked: Corrections) -> Unmatched:
        """Take out the corrections a check of the copy ``checked`` found the file no longer
        matches (a correction typed again since stays); those taken out. A file's
        corrections none of which was typed meanwhile are known to match the file it read."""
        taken = self._take_unmatched(checked.unmatched)
        for entry in self._files.values():
            twin = checked.of(entry.file)
            if twin is not None and (twin.cells, twin.reading) == (entry.cells, entry.reading):
                entry.checked = twin.checked
        return taken

    def _take_unmatched(self, unmatched: Unmatched) -> Unmatched:
        """Take out these corrections, unless typed again since; those taken out."""
        taken = []
        for file, correction in unmatched:
            entry = self._files.get(_key(file))
            key = (correction.line, correction.column)
            if entry is None or entry.cells.get(key) != correction:
                continue
            del entry.cells[key]
            taken.append((entry.file, correction))
            if not entry.cells:
                del self._files[entry.file]
        return taken

    def copy(self) -> Corrections:
        """A copy a worker may read while the user corrects more."""
        twin = Corrections()
        twin._files = copy.deepcopy(self._files)
        return twin

    def __bool__(self) -> bool:
        return bool(self._files)


@lru_cache(maxsize=256)
def _key(file: Path) -> Path:
    """A data file as corrections know it: one path whatever way it was reached (resolved
    once: the preview asks at every edit)."""
    return resolved(file)


def row_key(texts: Iterable[str]) -> bytes:
    """A row's cell texts as a 16-byte digest, trailing empty cells left out (a workbook's
    row ends where its cells do; a CSV line may pad them).

    A digest rather than the texts: Find and replace can correct thousands of rows, and each
    correction then keeps 16 bytes, not a copy of its row's every cell; one row is told from
    another as surely (two rows differing with the same digest: 2**-128).
    """
    kept = list(texts)
    while kept and not kept[-1]:
        kept.pop()
    digest = hashlib.blake2b(digest_size=16)
    for text in kept:  # each text after its length: no two rows join into the same bytes
        data = text.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.digest()


# --- applied to a check --------------------------------------------------------------------------

def apply_to_plan(plan: Plan, corrections: Corrections) -> int:
    """Put the corrections of each import's file into its rows' cells; the number of rows
    changed (plan them again). A correction whose line no longer holds the row it was made
    on (``_matching``), or is gone, is taken out of ``corrections`` and listed in its
    ``unmatched``: the file changed, and the row now on that line may be someone else's."""
    changed = 0
    for imp in plan.imports:
        entry = corrections.of(imp.file)
        if entry is None:
            continue
        rows = {row.line: row for row in imp.rows}
        by_line: dict[int, list[Correction]] = {}
        for correction in entry.cells.values():
            by_line.setdefault(correction.line, []).append(correction)
        for line, found in by_line.items():
            row = rows.get(line)
            matched = _matching(row.cells, found) if row is not None else []
            if len(matched) < len(found):
                corrections.take_out(entry.file, [c for c in found if c not in matched])
            cells = _corrected(row.cells, matched, len(imp.columns)) if row and matched else None
            if row is not None and cells is not None:
                row.cells = cells
                changed += 1
    _stamp_checked(plan, corrections)
    return changed


def _stamp_checked(plan: Plan, corrections: Corrections) -> None:
    """The corrections left of each file the plan read as they were made match the file
    as its check found it (a file read otherwise keeps what was known of it)."""
    for imp in plan.imports:
        entry = corrections.of(imp.file)
        reading = Reading.of(plan.config.imports[imp.index].provider)
        if entry is not None and imp.read is not None and reading == entry.reading:
            entry.checked = imp.read


def _matching(cells: Iterable[Cell], found: list[Correction]) -> list[Correction]:
    """The corrections of one line that still apply to the file's ``cells`` there: the row
    is the one each was made on (every cell's text as it was, the corrected ones' too); one
    that does not know its row, where its cell still holds the text corrected. The one rule
    of a check and of a corrected copy."""
    texts = [cell_text(cell) for cell in cells]
    key = row_key(texts) if any(c.row for c in found) else b""
    return [c for c in found if (c.row == key if c.row else _text(texts, c.column) == c.before)]


def _text(texts: list[str], column: int) -> str:
    """A cell's text; "" past the row's end."""
    return texts[column] if column < len(texts) else ""


def _corrected(cells: tuple[Cell, ...], found: list[Correction],
               width: int) -> tuple[Cell, ...] | None:
    """The row's cells with its (matching) corrections; None when none falls within the
    mapped columns."""
    new = list(cells)
    new += [""] * (width - len(new))
    applied = False
    for correction in found:
        if correction.column < len(new):
            new[correction.column] = corrected_cell(new[correction.column], correction.after)
            applied = True
    return tuple(new) if applied else None


def cell_as_read(correction: Correction) -> Cell:
    """The file's cell a correction was made on, as the check reads it: a number shown with
    text stays one, so that the cell typed again is corrected from it, as a check does."""
    return Shown(correction.before, correction.number) if correction.number else \
        correction.before


def corrected_cell(cell: Cell | None, typed: str) -> Cell:
    """The cell a correction puts in place of ``cell``, the file's: a number shown with
    text (a ``Shown``, "12 h") corrected to a text shown the same way, its text around other
    digits ("15 h"), stays a number so shown, which fields of numbers read as the number
    typed, as they read the file's; anything else is the text typed."""
    if not isinstance(cell, Shown):
        return typed
    was, now = WHOLE_SHOWN.fullmatch(cell), WHOLE_SHOWN.fullmatch(typed)
    if was is None or now is None or (was[1], was[3]) != (now[1], now[3]):
        return typed
    sign = "-" if cell.value.startswith("-") else ""  # shown by the same section: same sign
    return Shown(typed, sign + str(int(now[2])))


# --- the text a cell is edited as ----------------------------------------------------------------

def edit_patterns(plan: Plan, import_index: int) -> list[str | None]:
    """Per column of an import: the strptime pattern of its date format where the column
    feeds a date field, None elsewhere (for ``edit_text``)."""
    imp = plan.imports[import_index]
    pattern = date_pattern(plan.config.imports[import_index].provider.date_format)
    return [pattern if _feeds_a_date(name) else None for name in imp.columns]


def _feeds_a_date(name: str) -> bool:
    definition = field_def(name) if name != IGNORED_COLUMN else None
    return definition is not None and definition.kind is Kind.DATE


def edit_text(cell: Cell | None, pattern: str | None) -> str:
    """The text a cell is edited (and found and replaced) as: a workbook's date cell that
    feeds a date field in the import's date format (``pattern``, from ``edit_patterns``),
    so that the check reads an edited date back as a date; any other cell as its text."""
    if pattern is not None and isinstance(cell, date):
        day = cell.date() if isinstance(cell, datetime) else cell
        return day.strftime(pattern)
    return cell_text(cell)


def before_as_edited(plan: Plan, import_index: int, correction: Correction) -> str:
    """A correction's file text as its cell is edited: a workbook date cell's ISO text in
    the import's date format, so that before and after read alike."""
    if not is_workbook(plan.imports[import_index].file):
        return correction.before  # a text file's cell is the text it holds
    patterns = edit_patterns(plan, import_index)
    pattern = patterns[correction.column] if correction.column < len(patterns) else None
    if pattern is None:
        return correction.before
    try:
        day = date.fromisoformat(correction.before)
    except ValueError:
        return correction.before  # a text the file held: shown as it was
    return edit_text(day, pattern)


class EditTexts:
    """The text each cell of a plan is edited as (``edit_text``), which the cell editor
    offers and Find and replace reads and writes; each import's date patterns read once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self._patterns: dict[int, list[str | None]] = {}

    def __call__(self, imp: ImportPlan, row_index: int, column: int) -> str:
        cells = imp.rows.cells[row_index]
        if column >= len(cells):
            return ""
        cell = cells[column]
        if type(cell) is str:
            return cell
        patterns = self._patterns.get(imp.index)
        if patterns is None:
            patterns = self._patterns[imp.index] = edit_patterns(self.plan, imp.index)
        return edit_text(cell, patterns[column] if column < len(patterns) else None)


# --- recorded with a commit ----------------------------------------------------------------------

def recorded_config(config: ImportConfig, corrections: Corrections,
                    imports: Iterable[tuple[Path, Sequence[str]]]) -> ImportConfig:
    """A copy of ``config`` that also lists the corrections of the ``imports``' files (each
    with the fields its columns feed), in our namespace: what a run records as its
    configuration."""
    entries: dict[Path, tuple[FileCorrections, Sequence[str]]] = {}
    for file, columns in imports:
        entry = corrections.of(file)
        if entry is not None and entry.file not in entries:
            entries[entry.file] = (entry, columns)
    if not entries:
        return config
    recorded = copy.copy(config)
    recorded.preserved = [*config.preserved, _corrections_xml(list(entries.values()))]
    return recorded


def _fed(columns: Sequence[str], column: int) -> str:
    """The field a column feeds; "" when it feeds none."""
    name = columns[column] if column < len(columns) else IGNORED_COLUMN
    return "" if name == IGNORED_COLUMN else name


def _corrections_xml(entries: list[tuple[FileCorrections, Sequence[str]]]) -> str:
    """``<ia:corrections>`` with one ``<ia:correction>`` per corrected cell, named by the
    field its column feeds in the run (it may have been mapped again since it was
    corrected)."""
    # Here, not at the top: xml.sax.saxutils imports urllib.request, and with it http.client,
    # email and ssl, which every command's start-up would pay for.
    from xml.sax.saxutils import quoteattr

    lines = [f'<ia:{RECORD_TAG} xmlns:ia="{EXT_NS}">']
    for entry, columns in entries:
        for c in entry.in_order():
            attributes = {"file": str(entry.file), "line": str(c.line),
                          "column": str(c.column + 1), "header": c.header,
                          "field": _fed(columns, c.column),
                          "before": c.before, "after": c.after}
            shown = " ".join(f"{name}={quoteattr(xml_text(value))}"
                             for name, value in attributes.items())
            lines.append(f"  <ia:correction {shown}/>")
    lines.append(f"</ia:{RECORD_TAG}>")
    return "\n".join(lines)


@dataclass(frozen=True)
class RecordedCorrection:
    """A correction as a run recorded it: in which file, and the cell before and after."""

    file: str
    line: int
    column: int  # 1-based, as recorded
    header: str
    field: str
    before: str
    after: str


def recorded_corrections(config_text: str) -> list[RecordedCorrection]:
    """The corrections a run's recorded configuration lists (none when it lists none, or
    cannot be read: a run's history stays readable)."""
    from importer_gui.core.config_xml.safe import parse
    from importer_gui.core.errors import ConfigError

    if f"{RECORD_TAG}" not in config_text:
        return []
    try:
        root = parse(config_text.encode("utf-8"), None)
    except ConfigError:
        return []
    found: list[RecordedCorrection] = []
    for element in root.iter(f"{{{EXT_NS}}}correction"):
        get = element.get
        try:
            found.append(RecordedCorrection(get("file", ""), int(get("line", "0")),
                                            int(get("column", "0")), get("header", ""),
                                            get("field", ""), get("before", ""),
                                            get("after", "")))
        except ValueError:
            continue  # a damaged entry: the others are still worth showing
    return found


def run_corrections(store: Store, run_id: int) -> list[RecordedCorrection]:
    """The corrections recorded with one run of a store (StoreError when it cannot be read)."""
    return recorded_corrections(store.run_config(run_id) or "")


# --- a corrected copy of the data file -----------------------------------------------------------

def corrected_name(file: Path) -> str:
    """The copy's usual name: "sessions-corrected.xlsx" (workbooks openpyxl cannot write,
    .xls and .ods, are copied as .xlsx)."""
    suffix = file.suffix if file.suffix.lower() not in (".xls", ".ods") else ".xlsx"
    return f"{file.stem}-corrected{suffix}"


def write_corrected_copy(entry: FileCorrections, target: Path, read: Iterable[Path] = (),
                         fields: Sequence[str] | None = None,
                         monitor: Monitor | None = None) -> Path:
    """Write the data file with its corrections to ``target``, read and written alike: a
    CSV file in its encoding and delimiter, changed only in its corrected records; a
    workbook with the corrected cells (the read sheet's formulas as their values, the other
    sheets' kept). Never over the file
    itself, nor over the other files the check reads (``read``), nor over a read-only
    file. A cell it cannot write is named by the field its column feeds (``fields``, from
    ``fields_fed``). ``monitor`` hears of the rows gone through and may cancel (Cancelled):
    as for any failure, ``target`` is then as it was, nothing of the copy left."""
    step = _Steps(monitor or Monitor(), f"Saving {Path(target).name}")
    if resolved(entry.file) == resolved(target):
        raise ImporterError(COPY_OVER_ITSELF.format(path=target))
    refuse_a_file_read(Path(target), read)
    suffix = entry.file.suffix.lower()
    try:
        _refuse_read_only(Path(target))
        if suffix in OOXML_SUFFIXES:
            return write_atomically(Path(target),
                                    lambda tmp: _copy_ooxml(entry, tmp, fields, step))
        if suffix in (".xls", ".ods"):
            return write_atomically(Path(target),
                                    lambda tmp: _copy_as_xlsx(entry, tmp, fields, step))
        codec = _codec(entry)
        _refuse_unwritable(entry, codec, fields)
        data = _corrected_text(entry, step).encode(codec)
        step.check()
        return write_atomically(Path(target), lambda tmp: tmp.write_bytes(data))
    except OSError as exc:
        raise ImporterError(CANNOT_WRITE.format(path=target, reason=system_reason(exc))) \
            from exc


class _Steps:
    """A copy's progress, each row gone through a step, all said as saving its file."""

    def __init__(self, monitor: Monitor, what: str) -> None:
        self.monitor = monitor
        self.what = what

    def __call__(self, done: int, total: int = 0) -> None:
        """``done`` rows gone through of ``total`` (0: not known); Cancelled when asked."""
        self.monitor.step(done, total, self.what)

    def bytes(self, done: int, total: int) -> None:
        """``done`` bytes of ``total`` copied; Cancelled when asked."""
        self.monitor.check_cancelled()
        self.monitor.progress(done, total, self.what)

    def check(self) -> None:
        """Cancelled when the user asked to stop (between two long steps of a workbook)."""
        self.monitor.check_cancelled()


def _refuse_read_only(target: Path) -> None:
    """Raise ImporterError when ``target`` is a file made read-only (its owner may not write
    it: chmod a-w, Windows' read-only attribute), the user's "do not change". Its mode, not
    os.access: root may write anything, and the atomic write renames over it regardless."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return  # a new file
    if stat.S_ISREG(mode) and not mode & stat.S_IWUSR:
        raise ImporterError(READ_ONLY.format(path=target))


def _codec(entry: FileCorrections) -> str:
    """The codec the check reads the file with, a UTF-8 byte order mark kept as text: the
    copy has one where the file has (``utf-8-sig`` would write one into every copy)."""
    codec = file_codec(entry.file, entry.reading.encoding)
    return "utf-8" if codec == "utf-8-sig" else codec


def fields_fed(plan: Plan | None, file: Path) -> Sequence[str] | None:
    """The fields the columns of ``file`` feed in ``plan``, as a run records them (its first
    import reading the file); None without a plan, or when no import reads it."""
    key = _key(file)
    imports = plan.imports if plan is not None else []
    return next((imp.columns for imp in imports if _key(imp.file) == key), None)


def _column_name(correction: Correction, fields: Sequence[str] | None) -> str:
    """A corrected cell's column as a message names it: the field it feeds (``fields``; the
    one it fed when corrected when they are not known), else its header."""
    fed = correction.field if fields is None else _fed(fields, correction.column)
    return fed or correction.header or "-"


def _refuse_not_xml(entry: FileCorrections, fields: Sequence[str] | None) -> None:
    """Raise ImporterError naming the first corrected cell holding a character no workbook
    can (a control character, U+FFFE): openpyxl refuses it, and the copy would be lost."""
    for correction in entry.in_order():
        characters = not_xml_characters(correction.after)
        if characters:
            raise ImporterError(NOT_IN_WORKBOOK.format(
                path=entry.file, line=correction.line, column=correction.column + 1,
                name=_column_name(correction, fields), characters=characters))


def _refuse_unwritable(entry: FileCorrections, codec: str,
                       fields: Sequence[str] | None) -> None:
    """Raise ImporterError naming the first corrected cell the file's encoding cannot hold."""
    for correction in entry.in_order():
        characters = unwritable(correction.after, codec)
        if characters:
            raise ImporterError(CANNOT_HOLD.format(
                path=entry.file, line=correction.line, column=correction.column + 1,
                name=_column_name(correction, fields), characters=characters,
                encoding=entry.reading.encoding))


def unwritable(text: str, codec: str) -> str:
    """The characters of ``text`` that ``codec`` cannot write, each once with its code point
    ('"€" (U+20AC), "Œ" (U+0152)'); "" when it can write them all."""
    try:
        text.encode(codec)
        return ""
    except UnicodeEncodeError:
        pass
    found: dict[str, None] = {}
    for character in text:
        try:
            character.encode(codec)
        except UnicodeEncodeError:
            found[character] = None
    return ", ".join(f'"{c}" (U+{ord(c):04X})' for c in found)


def _corrected_text(entry: FileCorrections, step: _Steps) -> str:
    """The CSV text with its corrected records written again, every other line as it was."""
    try:
        text = entry.file.read_bytes().decode(_codec(entry))
    except OSError as exc:  # the system's reason: the path is said once, before it
        raise ImporterError(NOT_READ_AGAIN.format(path=entry.file,
                                                  reason=system_reason(exc))) from None
    except UnicodeDecodeError as exc:
        raise ImporterError(NOT_READ_AGAIN.format(path=entry.file, reason=exc)) from None
    # A byte order mark is no text of the first cell, as the check reads it (a cell quoted
    # after it is read without its quotes): split off, and written first again.
    mark = text[:1] if text.startswith("\ufeff") else ""
    by_line: dict[int, list[Correction]] = {}
    for correction in entry.cells.values():
        by_line.setdefault(correction.line, []).append(correction)
    out = io.StringIO(newline="")
    out.write(mark)
    lines = _PHYSICAL_LINE.findall(text[len(mark):])
    for line, raw, cells in _records(lines, entry.reading.delimiter):
        step(line, len(lines))
        found = by_line.pop(line, None)
        if not found:
            out.write(raw)
            continue
        _refuse_changed(entry.file, found, cells)
        for correction in found:
            cells += [""] * (correction.column + 1 - len(cells))
            cells[correction.column] = correction.after
        ending = raw[len(raw.rstrip("\r\n")):]
        csv.writer(out, delimiter=entry.reading.delimiter, lineterminator=ending).writerow(cells)
    if by_line:  # lines the file no longer has
        raise ImporterError(CHANGED_SINCE.format(path=entry.file, line=min(by_line)))
    return out.getvalue()


def _refuse_changed(file: Path, found: list[Correction], cells: list[Cell]) -> None:
    """Raise ImporterError when the line no longer holds the row its corrections were made
    on (the rule a check applies, ``_matching``): the file changed since the check, and the
    line may be another person's now."""
    if len(_matching(cells, found)) < len(found):
        raise ImporterError(CHANGED_SINCE.format(path=file, line=found[0].line))


def _refuse_changed_sheet(entry: FileCorrections, step: _Steps) -> str:
    """_refuse_changed for every corrected row of a workbook; the name of the sheet it
    reads (the configuration may name it in another case). The file still as stamped
    when its corrections were last matched or made (``FileCorrections.checked``) holds
    their rows: its rows are then not read again, seconds for a large sheet."""
    from importer_gui.core.readers import workbooks

    if entry.checked is not None and entry.checked.held_by(entry.file):
        return workbooks.sheet_read(entry.file, entry.reading.sheet)
    return _refuse_changed_rows(entry, step)


def _refuse_changed_rows(entry: FileCorrections, step: _Steps) -> str:
    """_refuse_changed_sheet by reading the sheet, as the check reads it, as far as its last
    corrected row."""
    from importer_gui.core import readers

    table = readers.open_table(entry.file, sheet=entry.reading.sheet,
                               skip_first_line=entry.reading.skip_first_line)
    by_line: dict[int, list[Correction]] = {}
    for correction in entry.cells.values():
        by_line.setdefault(correction.line, []).append(correction)
    last = max(by_line)
    for line, cells in table.rows():
        step(line, last)
        found = by_line.pop(line, None)
        if found:
            _refuse_changed(entry.file, found, list(cells))
        if not by_line:
            return table.sheet or ""
    raise ImporterError(CHANGED_SINCE.format(path=entry.file, line=min(by_line)))


def _records(lines: list[str], delimiter: str) -> Iterator[tuple[int, str, list[str]]]:
    """(first line, raw text, cells) of each record of the physical ``lines``: a quoted
    field may span lines."""
    consumed = [0]

    def feed() -> Iterator[str]:
        for physical in lines:
            consumed[0] += 1
            yield physical

    reader = csv.reader(feed(), delimiter=delimiter)
    start = 0
    for cells in reader:
        yield start + 1, "".join(lines[start:consumed[0]]), cells
        start = consumed[0]


def _copy_ooxml(entry: FileCorrections, tmp: Path, fields: Sequence[str] | None,
                step: _Steps) -> None:
    """The workbook with the corrected cells set as text (never as a formula)."""
    from openpyxl import load_workbook

    name = _refuse_changed_sheet(entry, step)
    _refuse_not_xml(entry, fields)  # before the workbook is loaded, which may take seconds
    if entry.file.suffix.lower() == ".xlsx":
        try:
            return _copy_cells(entry, tmp, name, step)
        except UnusualSheetError:
            pass  # a workbook written otherwise than usual: openpyxl reads anything
    book = load_workbook(entry.file, keep_vba=entry.file.suffix.lower() == ".xlsm")
    step.check()  # a large workbook takes seconds to load, and as many to save
    if name not in book.sheetnames:
        raise ImporterError(SHEET_GONE.format(path=entry.file, name=repr(name)))
    sheet = book[name]
    _formulas_as_read(entry.file, sheet)
    for correction in entry.cells.values():
        cell = sheet.cell(row=correction.line, column=correction.column + 1)
        day = _as_date(correction.after, entry.reading) if cell.is_date else None
        if day is not None:  # the cell's own date format stays
            cell.value = day
            continue
        shown = _shown_number(cell.value, cell.number_format)
        after = corrected_cell(shown, correction.after) if shown is not None else None
        if isinstance(after, Shown) and _shown_as_typed(cell, after):
            continue
        cell.value = correction.after
        cell.data_type = "s"  # "=1+1" typed in a cell is text, as the check read it
    step.check()
    book.save(tmp)


def _copy_cells(entry: FileCorrections, tmp: Path, name: str, step: _Steps) -> None:
    """The workbook's parts copied as they are, but for the corrected cells of the sheet
    ``name``: each as ``_copy_ooxml`` would write it (UnusualSheetError where it cannot be so)."""
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

    epoch = MAC_EPOCH if epoch_1904(entry.file) else WINDOWS_EPOCH

    def rewrite(key: CellKey, found: FoundCell | None) -> NewCell:
        return _new_cell(entry.cells[key], found, entry.reading, epoch)

    copy_changing_cells(entry.file, tmp, name, list(entry.cells), rewrite, step.monitor,
                        step.bytes)


def _new_cell(correction: Correction, found: FoundCell | None, reading: Reading,
              epoch: datetime) -> NewCell:
    """A corrected cell as openpyxl would write it (``_copy_ooxml``): a date cell given a
    date stays one, a number shown with text stays a number where its own format shows
    the number typed; anything else is the text typed, in the cell's own style."""
    from openpyxl.compat import safe_string
    from openpyxl.utils.datetime import to_excel

    if found is not None and found.kind == "d":
        raise UnusualSheetError("an ISO date cell")
    value = _number(found)
    if value is not None and is_date_style(found.number_format):  # type: ignore[union-attr]
        day = _as_date(correction.after, reading)
        return NewCell(correction.after) if day is None else \
            NewCell(safe_string(to_excel(day, epoch)), number=True)
    shown = _shown_number(value, found.number_format) if found else None
    after = corrected_cell(shown, correction.after) if shown is not None else None
    if isinstance(after, Shown) and found is not None:
        if _shown_number(int(after.value), found.number_format) == after:
            return NewCell(str(int(after.value)), number=True)
        if format_showing(after) is not None:
            raise UnusualSheetError("a number format to add to the styles")
    return NewCell(correction.after)


def _number(found: FoundCell | None) -> int | float | None:
    """A cell's number, as openpyxl reads it; None for a cell holding none."""
    if found is None or found.kind not in ("", "n") or found.value is None:
        return None
    try:
        return float(found.value) if any(c in found.value for c in ".Ee") else \
            int(found.value)
    except ValueError:
        raise UnusualSheetError("a number that is none") from None


def _formulas_as_read(file: Path, sheet: object) -> None:
    """The read sheet's formulas replaced by their saved results, the values the check read
    (openpyxl writes no result: the copy's own check would find none); the other sheets
    keep theirs, for the spreadsheet to compute."""
    from openpyxl import load_workbook

    # The cells the sheet holds, not its bounding box (one far cell would make it billions).
    cells = sheet._cells.values()  # type: ignore[attr-defined]
    places = [(cell.row, cell.column) for cell in cells if cell.data_type == "f"]
    if not places:
        return
    values = load_workbook(file, data_only=True)[sheet.title]  # type: ignore[attr-defined]
    for row, column in places:
        cell = sheet.cell(row=row, column=column)  # type: ignore[attr-defined]
        cell.value = values.cell(row=row, column=column).value
        if isinstance(cell.value, str):
            cell.data_type = "s"  # a result "=..." is text, as the check read it


def _shown_as_typed(cell: object, after: Shown) -> bool:
    """Set a workbook cell to a corrected number shown with text, in its own format when
    that shows it as typed ("TC-0044"), else in one that does ("TC-7", not "TC-0007"): the
    copy reads as the preview did. False when no format shows it so (written as text)."""
    number = int(after.value)
    own = _shown_number(number, cell.number_format)  # type: ignore[attr-defined]
    shape = None if own == after else format_showing(after)
    if own != after and shape is None:
        return False
    cell.value = number  # type: ignore[attr-defined]
    if shape is not None:
        cell.number_format = shape  # type: ignore[attr-defined]
    return True


def _shown_number(value: object, number_format: str) -> Shown | None:
    """A workbook cell's number as its format shows it with text, as the reader reads it
    (a ``Shown``); None for any other cell."""
    if type(value) not in (int, float):
        return None
    shape = layout(number_format)
    return shape.shown(str(value)) if shape is not None else None


def _as_date(text: str, reading: Reading) -> datetime | None:
    """The date a corrected date cell's text is in the import's date format, if it is one
    (the check reads that text as this date, and a date cell the same)."""
    if not reading.date_format:
        return None
    try:
        return datetime.strptime(text.strip(), date_pattern(reading.date_format))
    except ValueError:
        return None


def _copy_as_xlsx(entry: FileCorrections, tmp: Path, fields: Sequence[str] | None,
                  step: _Steps) -> None:
    """An .xls or .ods sheet, as its reader reads it, written as .xlsx with the corrections."""
    from openpyxl import Workbook

    from importer_gui.core import readers

    _refuse_not_xml(entry, fields)  # the .xlsx written holds XML, as an .xlsx copy does
    table = readers.open_table(entry.file, sheet=entry.reading.sheet,
                               skip_first_line=entry.reading.skip_first_line)
    book = Workbook()
    sheet = book.active
    if table.headers is not None:
        for column, header in enumerate(table.headers, start=1):
            _text_cell(sheet, 1, column, header)
    dates: set[CellKey] = set()
    shown: dict[CellKey, Shown] = {}
    for line, cells in table.rows():
        step(line, table.row_count_hint or 0)
        for column, value in enumerate(cells, start=1):
            if isinstance(value, date):  # a date stays a date; text stays text
                sheet.cell(row=line, column=column, value=value)
                dates.add((line, column - 1))
            elif isinstance(value, Shown) and _number_cell(sheet, line, column, value):
                shown[(line, column - 1)] = value
            elif value:
                _text_cell(sheet, line, column, cell_text(value))
    _refuse_changed_sheet(entry, step)
    for correction in entry.cells.values():
        key = (correction.line, correction.column)
        day = _as_date(correction.after, entry.reading) if key in dates else None
        after = corrected_cell(shown[key], correction.after) if key in shown else None
        if day is not None:
            sheet.cell(row=correction.line, column=correction.column + 1, value=day)
        elif not (isinstance(after, Shown)
                  and _number_cell(sheet, correction.line, correction.column + 1, after)):
            _text_cell(sheet, correction.line, correction.column + 1, correction.after)
    step.check()
    book.save(tmp)


def _number_cell(sheet: object, row: int, column: int, value: Shown) -> bool:
    """A number shown with text written as one, so that a number field reads it; False
    when its text is not so made (written as text then)."""
    shape = format_showing(value)
    if shape is None:
        return False
    cell = sheet.cell(row=row, column=column, value=int(value.value))  # type: ignore[attr-defined]
    cell.number_format = shape
    return True


def _text_cell(sheet: object, row: int, column: int, text: str) -> None:
    """A cell holding text, even one that starts like a formula."""
    cell = sheet.cell(row=row, column=column, value=text)  # type: ignore[attr-defined]
    cell.data_type = "s"
