"""How a data file is likely read: encoding, delimiter, header line and date format.

What the wizard applies when a file is opened and what ``importer-gui init`` writes. Each
guess says how sure it is and why, in words a user can check against the file.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path

from importer_gui.core.catalogue import ACTIONS, DELIMITERS, IGNORED_COLUMN, PROVIDER_OPTIONS, Kind
from importer_gui.core.catalogue.specs import OptionKind
from importer_gui.core.cells import NOT_XML, Cell, not_xml_characters, xml_text
from importer_gui.core.config import KEYED_FIELDS, Action, Column, Import, ImportConfig, Provider
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError, ImporterError
from importer_gui.core.first_rows import head_width
from importer_gui.core.issues import Level, Outcome
from importer_gui.core.plan import Plan
from importer_gui.core.readers.table import NumberedRow
from importer_gui.core.suggest import (
    BY_CONTENT,
    Suggestion,
    action_scores,
    likely_action,
    suggest_fields,
)
from importer_gui.core.values import date_pattern

CERTAIN = "certain"  # nothing else fits what the file holds
LIKELY = "likely"  # the best fit, but another would fit too
DEFAULT = "default"  # nothing in the file says: the platform's default

SAMPLE_BYTES = 1 << 20  # bytes read to guess the encoding and delimiter
SCAN_CHUNK = 1 << 22  # bytes read at a time when a whole file is looked through
SAMPLE_LINES = 50  # lines compared to guess the delimiter
DEFAULT_DATE_FORMAT = PROVIDER_OPTIONS["dateFormat"].default

# Date formats tried, the more usual first: a tie goes to the earlier one (day first, as
# the platform's examples write dates).
_DAYS = ("DD/MM/YYYY", "YYYY-MM-DD", "DD-MM-YYYY", "DD.MM.YYYY", "MM/DD/YYYY", "YYYY/MM/DD",
         "MM-DD-YYYY", "DD/MM/YY", "MM/DD/YY")
DATE_FORMATS = tuple(f"{day}{time}" for day in _DAYS for time in ("", " HH:II", " HH:II:SS"))
# Distinct date values a guess tries every format on: enough to tell, quick on any file
# (27 formats each).
DATE_SAMPLE = 300
_DATE_LIKE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")


# Why each guess was made: templates, so that the window says it in the user's language
# (it recognises the "errors" context's templates).
BOM_UTF8 = QT_TRANSLATE_NOOP("errors", "the file starts with UTF-8's byte order mark")
ZERO_BYTES = QT_TRANSLATE_NOOP("errors", "every other byte is zero: UTF-16 little-endian")
NO_ACCENT = QT_TRANSLATE_NOOP("errors", "the file holds no accented letter: any encoding "
                                        "reads it alike")
VALID_UTF8 = QT_TRANSLATE_NOOP("errors", "its accented letters are valid UTF-8")
WINDOWS_ONLY = QT_TRANSLATE_NOOP("errors", "it is not UTF-8, and holds characters such as "
                                           "\u20ac or \u2019 that only Windows-1252 has")
LATIN_1 = QT_TRANSLATE_NOOP("errors", "it is not UTF-8; its accented letters read as "
                                      "ISO-8859-1 (Latin-1)")
NO_DELIMITER = QT_TRANSLATE_NOOP("errors", "no delimiter appears on every line: one column")
EVERY_LINE_HAS = QT_TRANSLATE_NOOP("errors", 'every line has {count} "{char}"')
EVERY_LINE_HAS_TAB = QT_TRANSLATE_NOOP("errors", "every line has {count} tab")
EVERY_LINE_HAS_TABS = QT_TRANSLATE_NOOP("errors", "every line has {count} tabs")
MOST_EVENLY = QT_TRANSLATE_NOOP("errors", '"{char}" splits the lines most evenly')
TABS_MOST_EVENLY = QT_TRANSLATE_NOOP("errors", "tab splits the lines most evenly")
WORKBOOK_CHARACTERS = QT_TRANSLATE_NOOP("errors", "a workbook's cells carry their own "
                                                  "characters")
WORKBOOK_DELIMITER = QT_TRANSLATE_NOOP("errors", "a workbook has no delimiter")
FIRST_LINE_EMPTY = QT_TRANSLATE_NOOP("errors", "the first line is empty")
CELL_NAMES_A_FIELD = QT_TRANSLATE_NOOP("errors", "{count} cell of the first line names a field")
CELLS_NAME_FIELDS = QT_TRANSLATE_NOOP("errors", "{count} cells of the first line name fields")
FIRST_LINE_EMAIL = QT_TRANSLATE_NOOP("errors", "the first line holds an e-mail address, "
                                               "{value}, which no header is")
FIRST_LINE_DATA = QT_TRANSLATE_NOOP("errors", "the first line holds numbers or dates, as data "
                                              "does")
FIRST_LINE_TEXT = QT_TRANSLATE_NOOP("errors", "the first line is text where the next lines hold "
                                              "numbers or dates")
NOTHING_TELLS = QT_TRANSLATE_NOOP("errors", "nothing tells; files usually start with their "
                                            "headers")
FIRST_ROW_SKIPPED = QT_TRANSLATE_NOOP("errors", "nothing tells; files usually start with their "
                                                "headers: the first line ({cells}) is not "
                                                "imported")
LIKE_BELOW = {
    "email": QT_TRANSLATE_NOOP("errors", "the first line holds values like the lines below: "
                                         "{value} is an e-mail address"),
    "date": QT_TRANSLATE_NOOP("errors", "the first line holds values like the lines below: "
                                        "{value} is a date"),
    "number": QT_TRANSLATE_NOOP("errors", "the first line holds values like the lines below: "
                                          "{value} is a number"),
}
NO_FORMAT_READS = QT_TRANSLATE_NOOP("errors", "no usual format reads {value}")
NO_DATE = QT_TRANSLATE_NOOP("errors", "the file holds no date as text")
READS_SOME = QT_TRANSLATE_NOOP("errors", "it reads {read} of {total} dates; not {unread}")
ONLY_FORMAT = QT_TRANSLATE_NOOP("errors", "{value} can only be {format}")
EVERY_DATE = QT_TRANSLATE_NOOP("errors", "every date reads as {format}")
EVERY_DATE_EITHER = QT_TRANSLATE_NOOP("errors", "every date reads as {format} or {other}; "
                                                "{format} was chosen")
NO_DATE_FIELD = QT_TRANSLATE_NOOP("errors", "{action} has no field read in the date format")
HEADERS_NAME_FIELDS = QT_TRANSLATE_NOOP("errors", "{named} of {headers} headers name its fields")
AS_MANY_AS = QT_TRANSLATE_NOOP("errors", "{reason}, as many as {other}'s; give --action to "
                                         "choose")


@dataclass(frozen=True)
class Guess:
    """One guessed reading option: its value, how sure (CERTAIN, LIKELY, DEFAULT), and why."""

    value: str
    sureness: str
    reason: str


# --- encoding and delimiter -------------------------------------------------------------------

def guess_encoding(sample: bytes) -> Guess:
    """The platform encoding the bytes are in (one of catalogue.FILE_ENCODINGS)."""
    if sample.startswith(codecs.BOM_UTF8):
        return Guess("UTF-8", CERTAIN, BOM_UTF8)
    if sample.startswith(codecs.BOM_UTF16_LE) or (
            len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4):
        return Guess("UTF-16LE", CERTAIN, ZERO_BYTES)
    try:
        _utf8(sample).decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if sample.isascii():
            return Guess("UTF-8", LIKELY, NO_ACCENT)
        return Guess("UTF-8", CERTAIN, VALID_UTF8)
    if any(0x80 <= byte <= 0x9F for byte in sample):
        return Guess("WINDOWS-1252", LIKELY, WINDOWS_ONLY)
    return Guess("ISO-8859-1", LIKELY, LATIN_1)


def _utf8(sample: bytes) -> bytes:
    """The sample without a UTF-8 sequence the sample's end may have cut in two."""
    cut = len(sample)
    for back in range(1, min(4, len(sample)) + 1):
        byte = sample[-back]
        if byte & 0xC0 == 0xC0:  # a lead byte: is its sequence whole?
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            cut = len(sample) - back if back < needed else len(sample)
            break
        if byte < 0x80:
            break
    return sample[:cut]


def guess_delimiter(text: str) -> Guess:
    """The configuration's delimiter name that splits the first lines most evenly."""
    lines = [line for line in text.splitlines()[:SAMPLE_LINES] if line.strip()]
    scores: dict[str, tuple[int, int]] = {}
    for name, char in DELIMITERS.items():
        counts = [_count_outside_quotes(line, char) for line in lines]
        if counts and min(counts) > 0:
            steady = sum(1 for n in counts if n == counts[0])
            scores[name] = (steady, counts[0])
    if not scores:
        return Guess("semicolon", DEFAULT, NO_DELIMITER)
    best = max(scores, key=lambda name: scores[name])
    others = [name for name in scores if name != best and scores[name][0] == len(lines)]
    char = DELIMITERS[best]
    tab = char == "\t"
    if scores[best][0] == len(lines) and not others:
        every = (EVERY_LINE_HAS if not tab else EVERY_LINE_HAS_TAB if scores[best][1] == 1
                 else EVERY_LINE_HAS_TABS)
        return Guess(best, CERTAIN, every.format(count=scores[best][1], char=char))
    return Guess(best, LIKELY, (TABS_MOST_EVENLY if tab else MOST_EVENLY).format(char=char))


def _count_outside_quotes(line: str, char: str) -> int:
    """How often ``char`` appears in ``line`` outside double quotes."""
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def read_sample(path: Path) -> bytes:
    """The file's first bytes (OSError when it cannot be read)."""
    with path.open("rb") as handle:
        return handle.read(SAMPLE_BYTES)


def decode(sample: bytes, encoding: str) -> str:
    """The sample's text in a platform encoding, a character cut at the end dropped."""
    codec = {"UTF-8": "utf-8-sig", "ISO-8859-1": "latin-1", "WINDOWS-1252": "cp1252",
             "UTF-16LE": "utf-16-le"}.get(encoding, "utf-8-sig")
    return sample.decode(codec, errors="ignore")


# --- header line --------------------------------------------------------------------------------

def guess_header(first: Sequence[Cell], following: Sequence[Sequence[Cell]],
                 known_headers: int) -> Guess:
    """Whether the first row holds headers; ``known_headers``: how many of its cells name a
    field (as the suggestions read them).

    A first row whose e-mail addresses, dates or numbers stand where the rows below hold the
    same kinds is data; when nothing tells, the row is taken for headers and named, since it
    will not be imported.
    """
    texts = [c for c in first if isinstance(c, str) and c.strip()]
    if not texts:
        return Guess("no", LIKELY, FIRST_LINE_EMPTY)
    if known_headers:
        several = known_headers > 1
        return Guess("yes", CERTAIN if several else LIKELY,
                     (CELLS_NAME_FIELDS if several else CELL_NAMES_A_FIELD)
                     .format(count=known_headers))
    alike = _like_below(first, following)
    if alike is not None:
        value, kind = alike
        return Guess("no", LIKELY, LIKE_BELOW[kind].format(value=value))
    email = next((c.strip() for c in texts if _EMAIL.fullmatch(c.strip())), None)
    if email is not None:  # whatever the lines below hold, or without any
        return Guess("no", LIKELY, FIRST_LINE_EMAIL.format(value=email))
    if any(_kind(c) in _TYPED for c in first if c != ""):
        return Guess("no", LIKELY, FIRST_LINE_DATA)
    typed = any(_kind(c) in _TYPED for row in following for c in row)
    if typed:
        return Guess("yes", LIKELY, FIRST_LINE_TEXT)
    return Guess("yes", DEFAULT, FIRST_ROW_SKIPPED.format(cells=", ".join(texts)))


def first_line_names(first: Sequence[Cell], action: str | None = None) -> int:
    """How many of the first row's cells name a field of ``action`` (of the action they name
    most fields of, when none is chosen yet)."""
    scores = action_scores([c if isinstance(c, str) else None for c in first])
    return scores.get(action, 0) if action is not None else max(scores.values(), default=0)


def header_of(rows: Sequence[Sequence[Cell]], action: str | None = None) -> Guess:
    """Whether the first of a file's first rows holds headers: the wizard's and init's rule."""
    first = list(rows[0]) if rows else []
    return guess_header(first, rows[1:], first_line_names(first, action) if first else 0)


def _like_below(first: Sequence[Cell], following: Sequence[Sequence[Cell]],
                ) -> tuple[str, str] | None:
    """A first-row cell (as shown, and its kind) whose column holds that kind in most of the
    rows below: the first row is one of them."""
    for place, cell in enumerate(first):
        kind = _kind(cell)
        if kind is None:
            continue
        below = [_kind(row[place]) for row in following
                 if place < len(row) and row[place] != ""]
        if below and 2 * below.count(kind) > len(below):
            return str(cell).strip(), kind
    return None


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TYPED = ("date", "number")  # the kinds a header line never holds (see _kind)


def _kind(cell: Cell) -> str | None:
    """What a value is, as headers never are: "email", "date", "number"; None for text."""
    if not isinstance(cell, str):
        return "date"  # a workbook's date cell
    value = cell.strip()
    if _EMAIL.fullmatch(value):
        return "email"
    if _DATE_LIKE.fullmatch(value):
        return "date"
    if re.fullmatch(r"[+-]?\d+(?:[.,]\d+)?", value):
        return "number"
    return None


# --- date format --------------------------------------------------------------------------------

def date_like(values: Iterable[Cell]) -> list[str]:
    """The texts among ``values`` that look like dates (a workbook's date cells need no
    format: they are left out)."""
    return [v.strip() for v in values
            if isinstance(v, str) and _DATE_LIKE.fullmatch(v.strip())]


def parses(value: str, date_format: str) -> bool:
    """True when ``value`` is a date in ``date_format``."""
    try:
        datetime.strptime(value, date_pattern(date_format))
    except ValueError:
        return False
    return True


def guess_date_format(values: Iterable[Cell], current: str | None = None) -> Guess:
    """The date format reading the most date-like values (``current`` wins a tie); sure when
    no other format reads them all ("15/06/2027" can only be DD/MM/YYYY)."""
    order = ([current] if current in DATE_FORMATS else []) + [
        f for f in DATE_FORMATS if f != current]
    seen = list(dict.fromkeys(date_like(values)))[:DATE_SAMPLE]
    # A date no format reads (31/02/2027) is wrong whatever the format: it does not vote.
    found = [v for v in seen if any(parses(v, f) for f in order)]
    if not found:
        why = NO_FORMAT_READS.format(value=seen[0]) if seen else NO_DATE
        return Guess(current or DEFAULT_DATE_FORMAT, DEFAULT, why)
    read = {f: sum(1 for v in found if parses(v, f)) for f in order}
    best = max(order, key=lambda f: read[f])  # max keeps the first of equals
    rivals = [f for f in order if f != best and read[f] == read[best]]
    if read[best] < len(found):
        unread = next(v for v in found if not parses(v, best))
        return Guess(best, LIKELY, READS_SOME.format(read=read[best], total=len(found),
                                                     unread=unread))
    if not rivals:
        telling = _telling(found, best, order)
        why = (ONLY_FORMAT.format(value=telling, format=best) if telling
               else EVERY_DATE.format(format=best))
        return Guess(best, CERTAIN, why)
    return Guess(best, LIKELY, EVERY_DATE_EITHER.format(format=best, other=rivals[0]))


def _telling(found: list[str], best: str, order: list[str]) -> str | None:
    """A value that rules out the format most like ``best`` (day and month swapped)."""
    for value in found:
        if sum(1 for f in order if parses(value, f)) == 1:
            return value
    return None


def date_fix(values: Iterable[Cell], current: str) -> Guess | None:
    """Another format reading most of these date-like values that ``current`` does not
    read: what a wrong dateFormat's errors suggest (a date that is wrong in any format,
    31/02/2027, stays an error)."""
    found = [v for v in list(dict.fromkeys(date_like(values)))[:DATE_SAMPLE]
             if not parses(v, current)]
    if not found:
        return None
    guess = guess_date_format(found)
    read = sum(1 for v in found if parses(v, guess.value))
    if guess.sureness == DEFAULT or guess.value == current or 2 * read < len(found):
        return None
    return guess


# --- a whole file -------------------------------------------------------------------------------

@dataclass(frozen=True)
class FileGuess:
    """Everything guessed about a data file: how to read it, its action and its mapping."""

    path: Path
    sheet: str | None
    encoding: Guess
    delimiter: Guess
    header: Guess
    action: Guess
    columns: list[tuple[str | None, Suggestion]]  # (header, field suggested), file order
    date_format: Guess
    sheet_reason: str = ""  # why that sheet (workbooks)
    rows: int = 0  # data rows among the first GUESSED_ROWS (0: the file holds none)
    # Columns (from 1) whose header names a field known by a setting no header gives (a
    # custom field's GUID): left ignored, since a configuration binding them is refused.
    unkeyed: tuple[int, ...] = ()

    @property
    def skip_first_line(self) -> bool:
        """True when the first line holds the headers."""
        return self.header.value == "yes"

    def fed(self) -> set[str]:
        """The fields some column feeds."""
        return {s.field for _, s in self.columns if s.field != IGNORED_COLUMN}

    def missing(self) -> list[str]:
        """Mandatory fields (and "one of" groups, joined with "or") no column feeds."""
        spec = ACTIONS[self.action.value]
        fed = self.fed()
        return [*spec.missing_mandatory(fed),
                *(" or ".join(g) for g in spec.groups() if fed.isdisjoint(g))]

    def config(self) -> ImportConfig:
        """A configuration of one import reading the file as guessed."""
        columns = [Column(s.field, header=h if self.skip_first_line else None)
                   for h, s in self.columns]
        provider = Provider(file_name=self.path.name, path=str(self.path.parent),
                            skip_first_line=self.skip_first_line,
                            file_encoding=self.encoding.value,
                            delimiter=self.delimiter.value, columns=columns, sheet=self.sheet,
                            date_format=self.date_format.value)
        return ImportConfig(imports=[Import(provider=provider, actions=[Action(
            name=self.action.value, field_lists=self.search_fields())])])

    def search_fields(self) -> dict[str, list[str]]:
        """Field-list options (how records are found) whose default field no column feeds,
        set to the one of their choices a column does feed, when only one is: a learner file
        without logins is found by its e-mail addresses rather than failing every row."""
        fed, chosen = self.fed(), {}
        for option in ACTIONS[self.action.value].options:
            if option.kind is not OptionKind.FIELD_LIST or not option.default:
                continue
            usable = [choice for choice in option.choices if choice in fed]
            if option.default not in fed and len(usable) == 1:
                chosen[option.name] = usable
        return chosen


GUESSED_ROWS = 200  # rows read to guess the header line, the action and the date format


def guess_reading(path: Path) -> tuple[str | None, Guess, Guess]:
    """The sheet, encoding and delimiter to read ``path`` with (DataFileError, OSError when
    it cannot be read)."""
    from importer_gui.core import readers

    if readers.is_workbook(path):
        return (readers.first_visible_sheet(path), Guess("UTF-8", DEFAULT, WORKBOOK_CHARACTERS),
                Guess("semicolon", DEFAULT, WORKBOOK_DELIMITER))
    sample = read_sample(path)
    encoding = guess_encoding(sample)
    if encoding.value == "ISO-8859-1" and len(sample) == SAMPLE_BYTES \
            and first_control(path, SAMPLE_BYTES) is not None:
        # A sorted export holds its first \u2019 or \u20ac anywhere: its last line too.
        encoding = Guess("WINDOWS-1252", LIKELY, WINDOWS_ONLY)
    return None, encoding, guess_delimiter(decode(sample, encoding.value))


# Every byte but 0x80-0x9F, which ISO-8859-1 reads as control characters no text holds and
# Windows-1252 as \u20ac, \u2019, \u2013 and the like. bytes.translate deleting these runs
# in C: 100 MB looked through in about 0.1 s.
_NOT_CONTROLS = bytes(range(0x80)) + bytes(range(0xA0, 0x100))
_CONTROL = re.compile(rb"[\x80-\x9f]")


def first_control(path: Path, start: int = 0) -> tuple[int, int] | None:
    """Where the first byte 0x80-0x9F of ``path`` at or after ``start`` is: its offset and
    its line (counted from ``start``, the first being 1); None when there is none."""
    lines = 1
    with path.open("rb") as handle:
        handle.seek(start)
        offset = start
        while chunk := handle.read(SCAN_CHUNK):
            if chunk.translate(None, _NOT_CONTROLS) and (found := _CONTROL.search(chunk)):
                return offset + found.start(), lines + chunk.count(b"\n", 0, found.start())
            lines += chunk.count(b"\n")
            offset += len(chunk)
    return None


WINDOWS_1252_LOOK = QT_TRANSLATE_NOOP(
    "errors", "{file}: line {line} holds bytes that ISO-8859-1 reads as invisible control "
              "characters: the file looks like Windows-1252 (where they are \u2019, \u2013, "
              "\u20ac and the like); set <fileEncoding> to WINDOWS-1252.")


def windows_1252_notices(plan: Plan) -> list[str]:
    """A file read as ISO-8859-1 that holds bytes 0x80-0x9F is likely Windows-1252: said once
    per file, naming the first line that holds one."""
    from importer_gui.core import readers

    notices = []
    read = {(Path(planned.file), imp.provider.file_encoding)
            for imp, planned in zip(plan.config.imports, plan.imports, strict=True)}
    for path, encoding in sorted(read):
        if encoding != "ISO-8859-1" or readers.is_workbook(path):
            continue
        try:
            found = first_control(path)
        except OSError:  # gone since it was read: the commit says so
            continue
        if found is not None:
            notices.append(WINDOWS_1252_LOOK.format(file=path.name, line=found[1]))
    return notices


def guess_file(path: Path, action: str | None = None, sheet: str | None = None) -> FileGuess:
    """Read ``path`` (its sheet ``sheet``, else the first holding data) and guess how to
    import it (ImporterError when it cannot be read or no action can be guessed)."""
    from importer_gui.core import readers

    readers.check_file(path)
    first_sheet, encoding, delimiter = guess_reading(path)
    if first_sheet is None and sheet is not None:
        raise ImporterError(f"{path.name} is not a workbook: it has no sheet {sheet!r}.")
    if first_sheet is None:
        _, numbered = readers.head(path, GUESSED_ROWS, encoding=encoding.value,
                                   delimiter=DELIMITERS[delimiter.value],
                                   skip_first_line=False)
        sheet_reason = ""
    else:
        found, numbered, sheet_reason = _sheet_rows(path, sheet)
        sheet = found or first_sheet
    rows = [cells for _line, cells in numbered]
    first = list(rows[0]) if rows else []
    texts: list[str | None] = [c if isinstance(c, str) else None for c in first]
    if action is None and likely_action(texts) is None:
        header = header_of(rows)
        if header.value == "no":
            raise ImporterError((_NOT_A_HEADER_LINE if not sheet else _SHEET_NOT_A_HEADER_LINE)
                                .format(sheet=repr(sheet), reason=header.reason))
    chosen = _action(texts, action, path.name, sheet)
    fields = [f.name for f in ACTIONS[chosen.value].fields]
    header = header_of(rows, chosen.value)
    data = rows[1:] if header.value == "yes" else rows
    width = head_width(texts if header.value == "yes" else None,
                       numbered[1:] if header.value == "yes" else numbered)
    headers: list[str | None] = (texts + [None] * (width - len(texts))
                                 if header.value == "yes" else [None] * width)
    refuse_not_xml_headers(path, headers, workbook=first_sheet is not None)
    suggestions = suggest_fields(headers, fields)
    if header.value != "yes":
        suggestions = _by_content(suggestions, data, fields)
    unkeyed = tuple(n for n, s in enumerate(suggestions, start=1) if s.field in KEYED_FIELDS)
    suggestions = [Suggestion(IGNORED_COLUMN, None) if s.field in KEYED_FIELDS else s
                   for s in suggestions]
    spec = ACTIONS[chosen.value]
    dated = date_columns([chosen.value], [s.field for s in suggestions])
    if not dated and header.value == "yes":  # the dates are where the date fields are
        dated = [] if not any(f.kind is Kind.DATE for f in spec.fields) else list(range(width))
    elif not dated:
        dated = list(range(width))
    values = [row[i] for row in data for i in dated if i < len(row)]
    date_format = guess_date_format(values)
    if not any(f.kind is Kind.DATE for f in spec.fields):
        date_format = Guess(DEFAULT_DATE_FORMAT, DEFAULT,
                            NO_DATE_FIELD.format(action=chosen.value))
    return FileGuess(path, sheet, encoding, delimiter, header, chosen,
                     list(zip(headers, suggestions, strict=True)), date_format, sheet_reason,
                     len(data), unkeyed)


# {retry}: what to do once the character is deleted, in the caller's words (RUN_INIT_AGAIN,
# or the window's OPEN_AGAIN).
HEADER_NOT_XML = QT_TRANSLATE_NOOP(
    "errors", "the header of column {column} ({header}) holds a character XML cannot hold "
              "({characters}), so no configuration can name it; delete that character from "
              "the file's header and {retry}")
RUN_INIT_AGAIN = QT_TRANSLATE_NOOP("errors", "run init again")
OPEN_AGAIN = QT_TRANSLATE_NOOP("errors", "open the file again")


def refuse_not_xml_headers(path: Path, headers: Sequence[str | None], *, workbook: bool,
                           retry: str = RUN_INIT_AGAIN) -> None:
    """DataFileError naming the first header cell holding a character XML cannot hold: the
    configuration records each column's header, and could not be written."""
    from importer_gui.core.readers.guards import column_name

    for number, text in enumerate(headers, start=1):
        if text is not None and NOT_XML.search(text):
            column = column_name(number) if workbook else str(number)
            raise DataFileError(HEADER_NOT_XML.format(
                column=column, header=xml_text(text), characters=not_xml_characters(text),
                retry=retry), path=path, line=None if workbook else 1,
                cell=f"{column}1" if workbook else None)


def _by_content(suggestions: list[Suggestion], rows: list[Sequence[Cell]],
                fields: list[str]) -> list[Suggestion]:
    """Without headers, a column whose every value is an e-mail address feeds the action's
    one e-mail field (nothing else tells a column's meaning as surely by its values)."""
    emails = [f for f in fields if f.endswith("Email")]
    if len(emails) != 1:
        return suggestions
    columns = [place for place in range(len(suggestions))
               if _all_of_kind(rows, place, "email")]
    if len(columns) != 1 or suggestions[columns[0]].field != IGNORED_COLUMN:
        return suggestions
    found = list(suggestions)
    found[columns[0]] = Suggestion(emails[0], BY_CONTENT)
    return found


def _all_of_kind(rows: list[Sequence[Cell]], place: int, kind: str) -> bool:
    """True when the column holds values, each of ``kind`` (see _kind)."""
    values = [row[place] for row in rows if place < len(row) and row[place] != ""]
    return bool(values) and all(_kind(value) == kind for value in values)


def _sheet_rows(path: Path, given: str | None) -> tuple[str, list[NumberedRow], str]:
    """The sheet to read (``given``, else the first visible one holding data), its first
    rows, and why that sheet (DataFileError when none holds data)."""
    from importer_gui.core import readers

    read: dict[str, list[NumberedRow]] = {}  # each sheet loaded once

    def rows_of(name: str) -> list[NumberedRow]:
        if name not in read:
            read[name] = readers.head(path, GUESSED_ROWS, skip_first_line=False, sheet=name)[1]
        return read[name]

    if given is not None:
        return given, rows_of(given), "given with --sheet"
    name, empty = readers.first_sheet_holding_data(path, rows_of)
    if name is None:
        if empty:
            raise DataFileError(f"no visible sheet holds data: {_empty(empty)}", path=path)
        return "", readers.head(path, GUESSED_ROWS, skip_first_line=False)[1], ""
    why = f"the first one holding data; {_empty(empty)}" if empty else "the first visible one"
    return name, rows_of(name), why


def _empty(sheets: list[str]) -> str:
    """Sheets said to be empty, in English (init's words)."""
    return f"{', '.join(sheets)} {'is' if len(sheets) == 1 else 'are'} empty"


_NOT_A_HEADER_LINE = ("No action can be guessed: the first line is not a header line "
                      "({reason}). Give one with --action NAME.")
_SHEET_NOT_A_HEADER_LINE = ("No action can be guessed from the sheet {sheet}: its first row is "
                            "not a header line ({reason}). Give one with --action NAME.")
_NAMES_NO_FIELD = ("No action can be guessed from the first line: it names no field. Give one "
                   "with --action NAME.")
# The readers take a sheet's first row holding anything for its headers, wherever they are
# (a title above them, say): the user is told where they must be.
_SHEET_NAMES_NO_FIELD = ("No action can be guessed from the sheet {sheet}: its first row "
                         "({cells}) names no field. The column headers must be on the sheet's "
                         "first row, with no title above them; or give the action with "
                         "--action NAME.")


def _action(headers: list[str | None], given: str | None, file_name: str,
            sheet: str | None = None) -> Guess:
    """The action given, or the one the first line's cells name the most fields of (a tie
    said, and settled as the wizard settles it)."""
    if given is not None:
        if given not in ACTIONS:
            raise ImporterError(f"Unknown action {given}; the actions are "
                                f"{', '.join(ACTIONS)}.")
        return Guess(given, CERTAIN, "given with --action")
    name = likely_action(headers, file_name, sheet)
    if name is None:
        raise ImporterError(_NAMES_NO_FIELD if not sheet else _SHEET_NAMES_NO_FIELD.format(
            sheet=repr(sheet), cells=", ".join(h.strip() for h in headers if h and h.strip())))
    scores = action_scores(headers)
    why = HEADERS_NAME_FIELDS.format(named=scores[name],
                                     headers=len([h for h in headers if h]))
    tied = [other for other in ACTIONS if other != name and scores[other] == scores[name]]
    if tied:
        why = AS_MANY_AS.format(reason=why, other=" or ".join(tied))
    return Guess(name, LIKELY, why)


# --- a check's date errors ----------------------------------------------------------------------

def date_columns(actions: Sequence[str], columns: Sequence[str]) -> list[int]:
    """The places of the columns holding a date field of one of ``actions``."""
    specs = [ACTIONS[name] for name in actions if name in ACTIONS]
    return [n for n, name in enumerate(columns)
            if any((f := spec.by_name.get(name)) is not None and f.kind is Kind.DATE
                   for spec in specs)]


def date_fixes(plan: Plan) -> dict[int, Guess]:
    """Per import: the date format its rows' wrong dates read in, when the configured one is
    the cause (dates such as 15/06/2027 under YYYY-MM-DD)."""
    fixes: dict[int, Guess] = {}
    for imp in plan.imports:
        places = date_columns(imp.actions, imp.columns)
        if not places or not imp.row_counts()[Outcome.ERROR]:
            continue
        failed = map(imp.rows.__getitem__, imp.rows.where(Outcome.ERROR))
        wrong = list(islice((row.cells[n] for row in failed for n in places
                             if n < len(row.cells)
                             and imp.columns[n] in row.issue_fields(Level.ERROR)),
                            DATE_SAMPLE))
        current = plan.config.imports[imp.index].provider.date_format
        fix = date_fix(wrong, current)
        if fix is not None:
            fixes[imp.index] = fix
    return fixes


DATE_FIX = QT_TRANSLATE_NOOP(
    "errors", "{file}: its dates are not in the date format {current}: they read as {fix} "
              "({reason}); set <dateFormat>{fix}</dateFormat>.")


def date_fix_notice(plan: Plan, index: int, fix: Guess) -> str:
    """The fix of an import's date format, in one line."""
    return DATE_FIX.format(file=plan.imports[index].file.name,
                           current=plan.config.imports[index].provider.date_format,
                           fix=fix.value, reason=fix.reason)
