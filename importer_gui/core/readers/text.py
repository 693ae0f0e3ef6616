"""CSV and TXT files: the provider's encoding and delimiter, read in blocks, faults located.

A row's number is the physical line where its record starts (a quoted field may span several
lines). Cells are not trimmed (the checker trims). A wrong declared encoding, a NUL byte and
an unbalanced quote each name the line, with the encoding the file may really be in. UTF-8
declared as an 8-bit encoding (which would decode into mojibake without a fault), and a
delimiter the lines do not hold while another one splits them, are refused before reading.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, cast

from importer_gui.core.catalogue import DELIMITERS, FILE_ENCODINGS
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.cells import Unreadable
from importer_gui.core.errors import QT_TRANSLATE_NOOP, DataFileError
from importer_gui.core.readers.budget import MemoryBudget, give_memory_back, streamed_cost
from importer_gui.core.readers.garbled import garbled_cells, may_hold_garbled
from importer_gui.core.readers.table import (
    SAMPLE_BYTES,
    SCAN_CHUNK,
    NumberedRow,
    RowSource,
    TextFile,
    first_bytes,
    row_maker,
    unreadable,
)

# The platform's encoding names (catalogue.FILE_ENCODINGS) -> Python codecs. UTF-8 tolerates a
# byte order mark.
_CODECS: dict[str, str] = {
    "UTF-8": "utf-8-sig",
    "ISO-8859-1": "latin-1",
    "WINDOWS-1252": "cp1252",
    "UTF-16LE": "utf-16-le",
}
# The order in which other encodings are tried when suggesting one (ISO-8859-1 decodes
# anything, so it comes after the stricter WINDOWS-1252).
_SUGGESTION_ORDER = ("UTF-8", "WINDOWS-1252", "ISO-8859-1")
_UTF8_BOM = codecs.BOM_UTF8
_UTF16LE_BOM = codecs.BOM_UTF16_LE
# Declared encodings that decode any byte: UTF-8 read with them turns into mojibake silently.
_EIGHT_BIT = ("ISO-8859-1", "WINDOWS-1252")
_NOT_ASCII = re.compile(rb"[\x80-\xff]")
_C1 = re.compile("[\x80-\x9f]")
# One byte between two lowercase letters: a letter, lowercase too, in the file's encoding.
_MID_WORD = re.compile(rb"(?<=[a-z])[\x80-\xff](?=[a-z])")
# Mac Roman letters among them outnumbering Windows-1252's this much, at least this often,
# and at least this many different ones (a symbol used alike, a dash or a quote, is one).
_MAC_MARGIN, _MAC_LEAST, _MAC_KINDS = 10, 3, 2
# Lowercase ASCII letters as "a", other bytes that are not ASCII as "x", the rest as " ": a
# block whose image holds no "axa" has no byte between two lowercase letters (found in C).
_LETTER_CLASSES = bytes(ord("a") if 0x61 <= byte <= 0x7A else ord("x") if byte >= 0x80
                        else ord(" ") for byte in range(256))
# Excel's first line naming the delimiter ("sep=;"), which Excel alone hides.
_SEP_LINE = re.compile(r'\ufeff?"?(sep=.)"?\r?\n?', re.IGNORECASE)
# A cell holding Excel's text formula ="..." alone (how a spreadsheet's CSV keeps zeros).
_EXCEL_TEXT = re.compile(r'\s*="[^"]*"\s*')
# Bytes from a file's first non-ASCII byte on that must decode as UTF-8 for the file to be
# taken as UTF-8: Latin-1 text fails at its first accent (é is 0xE9, then a plain letter).
UTF8_PROBE = 1 << 16
# Characters of a line shown around its first accent when it reads as UTF-8.
_SHOWN_BEFORE, _SHOWN_AFTER = 24, 32
# Bytes read either side of a Mac Roman letter found past the block that held it: its line.
_AROUND = 4096

# csv's default field limit (128 KB) is below what a longtext with quotes may need.
FIELD_SIZE_LIMIT = 10 * 1024 * 1024
csv.field_size_limit(FIELD_SIZE_LIMIT)

TEXT_BLOCK = 1 << 18  # characters of CSV text read at a time
_TAIL = 4096  # bytes read from a file's end to find its last line break
_FIRST_LINE_BLOCK = 1 << 13  # characters read at a time for a file's first line alone

# Messages the window shows in the user's language (see core/errors.py).
BYTE_NOT_VALID = QT_TRANSLATE_NOOP("errors", "the byte {bytes} is not valid {encoding}")
BYTES_NOT_VALID = QT_TRANSLATE_NOOP("errors", "the bytes {bytes} are not valid {encoding}")
BYTE_NOT_VALID_HINT = QT_TRANSLATE_NOOP(
    "errors", "the byte {bytes} is not valid {encoding}; is the file in {hint}?")
BYTES_NOT_VALID_HINT = QT_TRANSLATE_NOOP(
    "errors", "the bytes {bytes} are not valid {encoding}; is the file in {hint}?")
# The file's last bytes begin a character of its encoding that never ends: a copy or a
# download stopped part-way (another encoding would read them, and be wrong to suggest).
CUT_MID_CHARACTER = QT_TRANSLATE_NOOP(
    "errors", "the file ends in the middle of a {encoding} character (its last bytes, "
              "{bytes}, begin one): it was cut short; copy it again from its source")
UTF8_MARK = QT_TRANSLATE_NOOP(
    "errors", "the file starts with a UTF-8 byte order mark but is declared {encoding}; is the "
              "file in UTF-8?")
UTF8_NOT_DECLARED = QT_TRANSLATE_NOOP(
    "errors", "the file is declared {encoding} but its accented letters are UTF-8: this line "
              "reads \"{utf8}\" in UTF-8 and \"{declared}\" in {encoding}; set <fileEncoding> "
              "to UTF-8")
# The same in an export configuration, whose action names the file's encoding <encoding>.
UTF8_NOT_DECLARED_EXPORT = QT_TRANSLATE_NOOP(
    "errors", "the file is declared {encoding} but its accented letters are UTF-8: this line "
              "reads \"{utf8}\" in UTF-8 and \"{declared}\" in {encoding}; set <encoding> of "
              "<fileExportAction> to UTF-8")
OTHER_DELIMITER = QT_TRANSLATE_NOOP(
    "errors", "the first {total} lines hold no {delimiter} but {count} {other} each; is the "
              "delimiter {name}? Set <delimiter> to {name}")
OTHER_DELIMITER_MOST = QT_TRANSLATE_NOOP(
    "errors", "{single} of the first {total} lines hold no {delimiter} but each holds {count} "
              "{other}; is the delimiter {name}? Set <delimiter> to {name}")
# The same for a TSV export, whose columns are always split by a tab: <delimiter> is not
# read, and the file is a CSV export's.
OTHER_DELIMITER_TSV = QT_TRANSLATE_NOOP(
    "errors", "the first {total} lines hold no {delimiter} but {count} {other} each; is the "
              "file a CSV export delimited by {name}? A TSV export's columns are split by "
              "tabs: set <format> of <fileExportAction> to CSV, and its <delimiter> to {name}")
OTHER_DELIMITER_TSV_MOST = QT_TRANSLATE_NOOP(
    "errors", "{single} of the first {total} lines hold no {delimiter} but each holds {count} "
              "{other}; is the file a CSV export delimited by {name}? A TSV export's columns "
              "are split by tabs: set <format> of <fileExportAction> to CSV, and its "
              "<delimiter> to {name}")
SEP_LINE = QT_TRANSLATE_NOOP(
    "errors", "the first line is \"{line}\", which Excel writes to choose the delimiter; any "
              "other program reads it as the header line: delete it")
UNKNOWN_ENCODING = QT_TRANSLATE_NOOP("errors", "unknown file encoding {encoding}; use one of "
                                               "{known}")
NOT_ONE_CHARACTER = QT_TRANSLATE_NOOP("errors", "the delimiter {delimiter} is not a single "
                                                "character")
NOT_UTF16 = QT_TRANSLATE_NOOP(
    "errors", "the file does not look like UTF-16LE text (it holds no zero bytes)")
NOT_UTF16_HINT = QT_TRANSLATE_NOOP(
    "errors", "the file does not look like UTF-16LE text (it holds no zero bytes); is the file "
              "in {hint}?")
FIELD_TOO_LONG = QT_TRANSLATE_NOOP(
    "errors", "a field that starts on this line is longer than {mb} MB; is a quote (\") left "
              "open?")
QUOTE_NEVER_CLOSED = QT_TRANSLATE_NOOP(
    "errors", "a quoted field that starts on this line is never closed (unbalanced quote \")")
TEXT_AFTER_QUOTE = QT_TRANSLATE_NOOP(
    "errors", "a closing quote \" is followed by more text; it must be followed by the "
              "delimiter {delimiter} or the end of the line (write a quote inside a quoted "
              "field as \"\")")
TEXT_AFTER_QUOTE_TAB = QT_TRANSLATE_NOOP(
    "errors", "a closing quote \" is followed by more text; it must be followed by the "
              "delimiter tab or the end of the line (write a quote inside a quoted field as "
              "\"\")")
NOT_CSV = QT_TRANSLATE_NOOP("errors", "the line cannot be read as CSV ({detail})")
NOT_READ_ENCODING = QT_TRANSLATE_NOOP(
    "errors", "the file is in {encoding}, which neither the platform nor the assistant reads; "
              "save it again as UTF-8 or UTF-16LE")
# Excel for Mac's "CSV" is Mac Roman, which every configuration encoding reads wrong, each
# suggesting another: said once, with a word of the file as it reads in both.
MAC_ROMAN = QT_TRANSLATE_NOOP(
    "errors", "the file looks like Mac Roman (what Excel for Mac saves as \"CSV\"): this line "
              "reads \"{mac}\" in Mac Roman and \"{declared}\" in {encoding}; neither the "
              "platform nor the assistant reads Mac Roman: save the file again as CSV UTF-8")
NUL_UTF16 = QT_TRANSLATE_NOOP(
    "errors", "the line holds a NUL character (byte 0x00); is the file in UTF-16LE?")
NUL_NOT_TEXT = QT_TRANSLATE_NOOP(
    "errors", "the line holds a NUL character (byte 0x00); is it really a text file?")


class Utf8NotDeclaredError(DataFileError):
    """UTF-8 text declared in an 8-bit encoding: the message names the import
    configuration's element; ``in_export`` names an export configuration's instead."""

    def __init__(self, values: dict[str, str], *, path: Path, line: int) -> None:
        self.values = values
        super().__init__(UTF8_NOT_DECLARED.format(**values), path=path, line=line)

    def in_export(self) -> DataFileError:
        """The same fault, for a file an export configuration describes."""
        return DataFileError(UTF8_NOT_DECLARED_EXPORT.format(**self.values), path=self.path,
                             line=self.line)


class OtherDelimiterError(DataFileError):
    """Lines another delimiter splits alike: the message names the import configuration's
    <delimiter>; ``in_tsv_export`` words it for a TSV export, which reads no delimiter."""

    def __init__(self, values: dict[str, object], *, path: Path) -> None:
        self.values = values
        self.every_line = values["single"] == values["total"]
        template = OTHER_DELIMITER if self.every_line else OTHER_DELIMITER_MOST
        super().__init__(template.format(**values), path=path)

    def in_tsv_export(self) -> DataFileError:
        """The same fault, for a file a TSV export describes."""
        template = OTHER_DELIMITER_TSV if self.every_line else OTHER_DELIMITER_TSV_MOST
        return DataFileError(template.format(**self.values), path=self.path)


def prepare_text(path: Path, encoding: str, delimiter: str, budget: MemoryBudget,
                 columns: int | None = None, delimiter_checked: bool = True,
                 header_line: bool = False) -> Callable[[], tuple[RowSource, int | None]]:
    """Check the text file's start and charge what its rows will cost; the loader returned
    gives its row source and a row count estimate. ``columns`` is how many columns the
    configuration maps (None when the caller does not say); ``delimiter_checked`` false
    reads lines the delimiter does not split as one cell each (see check_delimiter);
    ``header_line``: line 1 is a header, and a line repeating it is an error."""
    codec = file_codec(path, encoding)
    declared = encoding.strip().upper()
    char = _delimiter_char(path, delimiter)
    sample = first_bytes(path)
    settled, mac_settled = _check_start(path, sample, declared)
    if delimiter_checked:
        check_delimiter(path, sample, codec, char, columns)
    _check_sep_line(path, sample, codec)  # a wrong delimiter first: the line names one
    utf8_from = None if settled or declared not in _EIGHT_BIT else (declared, codec)
    # Decoding any byte, an 8-bit encoding never fails where Mac Roman letters are: too few
    # at the start to tell, they are looked for on (UTF-8 fails, and looks then).
    mac_for = None if mac_settled or declared not in _EIGHT_BIT else declared
    size, cells, lines = _cells_and_lines(path, char, utf8_from, mac_for)
    # ``lines`` counts one past the last line break: the line a file's last break ends.
    why = f"{cells} cells" if budget.keeps_cells else f"{max(lines - 1, 1)} lines"
    budget.charge(path, streamed_cost(cells, size, lines, budget.keeps_cells), why)
    hint = _line_estimate(path, sample)

    return lambda: (CsvSource(TextFile(path, codec, char, header_line), declared), hint)


@dataclass(frozen=True)
class CsvSource:
    """A text file's row source (RowSource), which says how it reads the file."""

    text: TextFile
    declared: str  # the encoding as the configuration names it, for messages

    def __call__(self, shared: bool) -> Iterator[NumberedRow]:
        text = self.text
        return _csv_rows(text.path, text.codec, self.declared, text.delimiter, shared,
                         text.header_line)


def first_line_source(path: Path, encoding: str, delimiter: str) -> RowSource:
    """The rows of a text file whose start is checked, neither measured nor charged to a
    budget: for its first line only (which export a file is), read a small block at a time
    so that a large file's rest is never read."""
    codec, declared = file_codec(path, encoding), encoding.strip().upper()
    char = _delimiter_char(path, delimiter)
    _check_start(path, first_bytes(path), declared)

    def source(shared: bool) -> Iterator[NumberedRow]:
        return _csv_rows(path, codec, declared, char, shared, True, _FIRST_LINE_BLOCK)

    return source


def _cells_and_lines(path: Path, delimiter: str, utf8_from: tuple[str, str] | None = None,
                     mac_for: str | None = None) -> tuple[int, int, int]:
    """The file's size, its cells (one per delimiter and line) and its lines, counted in C a
    block at a time (lines ended by a lone \\r only when no line ends in \\n); UTF-16 text
    counts the same, its other byte being 0. With ``utf8_from`` (the declared 8-bit encoding
    and its codec), the first block that is not ASCII is also checked for UTF-8; with
    ``mac_for`` (the declared encoding), the blocks that are not ASCII are looked through
    for Mac Roman until they tell."""
    size = delimiters = newlines = returns = 0
    separator = delimiter.encode("latin-1", "replace")[:1]
    carry = b""  # the previous block's end: a UTF-8 sequence may be cut between blocks
    mac = _MacEvidence() if mac_for is not None else None
    try:
        with path.open("rb") as handle:
            while block := handle.read(SCAN_CHUNK):
                # isascii: in C, no copy; the rest once a file, or while Mac Roman is unsure
                if (utf8_from is not None or mac is not None) and not block.isascii():
                    if mac is not None and mac.add(carry[-1:] + block, size - len(carry[-1:])):
                        if mac.is_mac():
                            raise _mac_roman_error_at(path, cast(int, mac.first), mac_for or "")
                        mac = None
                    if utf8_from is not None and _check_utf8(path, carry + block,
                                                             size - len(carry), *utf8_from):
                        utf8_from = None
                carry = block[-3:]
                size += len(block)
                delimiters += block.count(separator)
                newlines += block.count(b"\n")
            if not newlines:  # lines ended by \r alone (\r\n counts once, as its \n)
                handle.seek(0)
                while block := handle.read(SCAN_CHUNK):
                    returns += block.count(b"\r")
    except OSError as exc:
        raise unreadable(path, exc) from None
    lines = max(newlines, returns) + 1
    return size, delimiters + lines, lines


def file_codec(path: Path, encoding: str) -> str:
    """The Python codec a file (``path``) declared in ``encoding``, a configuration's name,
    is read with (DataFileError when there is none of that name); UTF-8 tolerates a byte
    order mark."""
    name = encoding.strip().upper()
    if name in _CODECS:
        return _CODECS[name]
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        known = ", ".join(FILE_ENCODINGS)
        raise DataFileError(UNKNOWN_ENCODING.format(encoding=repr(encoding), known=known),
                            path=path) from None


def _delimiter_char(path: Path, delimiter: str) -> str:
    """The delimiter as one character (configuration names such as 'comma' accepted)."""
    char = DELIMITERS.get(delimiter, delimiter)
    if len(char) != 1:
        raise DataFileError(NOT_ONE_CHARACTER.format(delimiter=repr(delimiter)), path=path)
    return char


def _check_start(path: Path, sample: bytes, declared: str) -> tuple[bool, bool]:
    """Catch a wrong declared encoding that would otherwise decode into nonsense; whether
    the sample settles that an 8-bit file is not UTF-8 (it holds an accent), and whether it
    settles that the file is not Mac Roman (its letters tell, or it is the whole file)."""
    unread = _unread_encoding(sample)
    if unread:  # any declared encoding would decode it into nonsense, or into nothing
        raise DataFileError(NOT_READ_ENCODING.format(encoding=unread), path=path, line=1)
    if declared in _EIGHT_BIT and sample.startswith(_UTF8_BOM):
        # Decoding on would turn the mark and every accent into mojibake, silently.
        raise DataFileError(UTF8_MARK.format(encoding=declared), path=path, line=1)
    mac = _MacEvidence()
    told = declared == "UTF-16LE" or mac.add(sample, 0)  # UTF-16 text is no Mac Roman
    if mac.is_mac():
        raise _mac_roman_error(path, sample, cast(int, mac.first), declared)
    mac_settled = told or len(sample) < SAMPLE_BYTES  # the sample is the whole file
    if declared == "UTF-16LE" and b"\x00" not in sample[:4096]:
        # UTF-16 text always has zero bytes (ASCII delimiters); 8-bit text decodes as CJK.
        hint = _suggestion(path, declared)
        message = NOT_UTF16_HINT.format(hint=hint) if hint else NOT_UTF16
        raise DataFileError(message, path=path, line=1)
    if declared in _EIGHT_BIT and not sample.isascii():
        return _check_utf8(path, sample, 0, declared, _CODECS[declared]), mac_settled
    return False, mac_settled


@dataclass
class _MacEvidence:
    """The letters that tell Mac Roman from Windows-1252 in the bytes read so far: Mac
    Roman's lowercase accents (0x87-0x9F) sit between lowercase letters, where Windows-1252
    and ISO-8859-1 read symbols, capitals or nothing, and theirs (0xE0-0xFF) do not."""

    mac: int = 0
    windows: int = 0
    kinds: set[bytes] = field(default_factory=set)  # the different Mac Roman letters
    first: int | None = None  # the file offset of the first one

    def add(self, data: bytes, offset: int) -> bool:
        """Count the letters of ``data`` (at byte ``offset`` of the file); True once they
        tell: Mac Roman, or Windows-1252's letters too many for it to be."""
        if b"axa" in data.translate(_LETTER_CLASSES):  # most blocks of a file hold none
            for found in _MID_WORD.finditer(data):
                self._count(found.group(), offset + found.start())
        return self.is_mac() or self.windows >= _MAC_LEAST

    def _count(self, byte: bytes, at: int) -> None:
        """Count one byte found between two lowercase letters."""
        in_mac = byte.decode("mac_roman").islower()
        in_windows = byte.decode("cp1252", "replace").islower()
        if in_mac and not in_windows and byte != b"\x92":  # Windows-1252's ’ too
            self.mac += 1
            self.kinds.add(byte)
            self.first = at if self.first is None else self.first
        elif in_windows and not in_mac:
            self.windows += 1

    def is_mac(self) -> bool:
        """Whether the letters counted read as Mac Roman."""
        return (self.mac >= _MAC_LEAST and len(self.kinds) >= _MAC_KINDS
                and self.mac >= _MAC_MARGIN * self.windows)


def _mac_roman_in(path: Path) -> int | None:
    """The file offset of the first Mac Roman letter of a file that reads as Mac Roman,
    looked through until its letters tell (None when they do not)."""
    mac, last = _MacEvidence(), b""
    with path.open("rb") as handle:
        while block := handle.read(SCAN_CHUNK):
            if not block.isascii() and mac.add(last + block, handle.tell() - len(block)
                                               - len(last)):
                break
            last = block[-1:]
    return mac.first if mac.is_mac() else None


def _mac_roman_error_at(path: Path, offset: int, declared: str) -> DataFileError:
    """``_mac_roman_error`` for the Mac Roman letter at the file's byte ``offset``."""
    with path.open("rb") as handle:
        start = max(offset - _AROUND, 0)
        handle.seek(start)
        around = handle.read(offset - start + _AROUND)
    at = offset - start
    line_start = max(around.rfind(b"\n", 0, at), around.rfind(b"\r", 0, at)) + 1
    return _mac_roman_error(path, around[line_start:], at - line_start, declared,
                            _line_at(path, offset))


def _mac_roman_error(path: Path, sample: bytes, offset: int, declared: str,
                     first_line: int = 1) -> DataFileError:
    """The file read as Mac Roman: the line of its first Mac Roman letter, and that line's
    word in Mac Roman and in the declared encoding (``sample`` starts ``first_line``)."""
    start = max(sample.rfind(b" ", 0, offset), sample.rfind(b"\n", 0, offset),
                sample.rfind(b"\r", 0, offset), sample.rfind(b";", 0, offset)) + 1
    ends = [i for i in (sample.find(c, offset) for c in (b" ", b"\n", b"\r", b";")) if i >= 0]
    word = sample[start:min(ends, default=len(sample))]
    line = first_line + _count_lines(sample[:offset].decode("latin-1"), False)
    shown = word.decode(_CODECS.get(declared, "latin-1"), "replace")
    return DataFileError(MAC_ROMAN.format(mac=word.decode("mac_roman"), declared=shown,
                                          encoding=declared), path=path, line=line)


def _check_sep_line(path: Path, sample: bytes, codec: str) -> None:
    """Refuse a first line that is Excel's "sep=;": read on, it would be the header line,
    and the header a row of data."""
    first = sample[:16].decode(codec, "replace").splitlines(keepends=True)[:1]
    found = _SEP_LINE.fullmatch(first[0]) if first else None
    if found is not None:
        raise DataFileError(SEP_LINE.format(line=found.group(1)), path=path, line=1)


def _check_utf8(path: Path, data: bytes, offset: int, declared: str, codec: str) -> bool:
    """Refuse UTF-8 text declared in an 8-bit encoding, from its first accent on (``data``
    starts at byte ``offset`` of the file); True when ``data`` settles it: its accents are
    not UTF-8."""
    found = _NOT_ASCII.search(data)
    if found is None:
        return False
    start = found.start()
    probe = _whole_sequences(data[start:start + UTF8_PROBE])
    if not probe:
        return False  # only the start of a sequence the data cuts: the next block says
    try:
        probe.decode("utf-8")
    except UnicodeDecodeError:
        return True  # 8-bit text, as declared
    raise Utf8NotDeclaredError(_utf8_values(data, start, declared, codec), path=path,
                               line=_line_at(path, offset + start))


def _whole_sequences(data: bytes) -> bytes:
    """``data`` without a UTF-8 sequence its end cuts in two."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0xC0:  # a lead byte: is its sequence whole?
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if back < needed else data
        if byte < 0x80:
            break
    return data


def _utf8_values(data: bytes, start: int, declared: str, codec: str) -> dict[str, str]:
    """The line around its first accent as UTF-8 reads it and as the declared encoding
    does (UTF8_NOT_DECLARED's values)."""
    line_start = max(data.rfind(b"\n", 0, start), data.rfind(b"\r", 0, start)) + 1
    ends = [i for i in (data.find(b"\n", start), data.find(b"\r", start)) if i >= 0]
    line = data[line_start:min(ends, default=len(data))]
    accent = start - line_start  # bytes before it are ASCII: as many characters
    text = line.decode("utf-8", "replace")
    first = max(accent - _SHOWN_BEFORE, 0)
    shown = text[first:accent + _SHOWN_AFTER]
    piece = shown.encode("utf-8", "replace")
    declared_text = piece.decode(codec, "replace")
    before = "…" if first else ""
    after = "…" if accent + _SHOWN_AFTER < len(text) else ""
    return {"encoding": declared, "utf8": f"{before}{shown}{after}",
            "declared": f"{before}{declared_text}{after}"}


def ends_its_last_line(path: Path, encoding: str) -> bool:
    """Whether the file's last line holding anything ends with a line break, as every line a
    program writes does: one that lacks it was cut (a copy or a write stopped part-way).
    Only the file's end is read."""
    codec = file_codec(path, encoding)
    try:
        with path.open("rb") as handle:
            start = max(handle.seek(0, io.SEEK_END) - _TAIL, 0)
            handle.seek(start - start % 2)  # UTF-16: a whole character first
            tail = handle.read()
    except OSError as exc:
        raise unreadable(path, exc) from None
    text = tail.decode(codec, "replace")  # a character the seek cut is before any break
    return not text[max(text.rfind("\n"), text.rfind("\r")) + 1:].strip()


def _line_at(path: Path, offset: int) -> int:
    """The line (as csv counts them) of the file's byte at ``offset``."""
    breaks, after_cr, left = 0, False, offset
    with path.open("rb") as handle:
        while left > 0 and (chunk := handle.read(min(SCAN_CHUNK, left))):
            left -= len(chunk)
            text = chunk.decode("latin-1")  # line breaks are ASCII in every 8-bit encoding
            breaks += _count_lines(text, after_cr)
            after_cr = text.endswith("\r")
    return 1 + breaks


def check_delimiter(path: Path, sample: bytes, codec: str, char: str,
                    columns: int | None) -> None:
    """Refuse a delimiter most of the file's first lines do not hold when another one splits
    every one of them alike: read on, each line would be one cell, planned into junk.

    Without ``columns`` (the caller does not say how many the configuration maps), another
    delimiter must split the lines into three cells or more: a file of one column whose
    values hold a comma each (a decimal comma) is read as it is.
    """
    if columns is not None and columns < 2:
        return
    refusal = delimiter_verdict(path, sample, codec, char).refusal(columns)
    if refusal is not None:
        raise refusal


@dataclass(frozen=True)
class DelimiterVerdict:
    """What a text file's first lines tell of its delimiter, whatever the configuration
    maps: ``check_delimiter`` refuses it for some mapped widths, which the first rows kept
    need not be read again for."""

    path: Path
    char: str
    single: int = 0  # the lines the delimiter leaves one cell
    total: int = 0  # the non-blank lines
    others: tuple[tuple[int, str, str], ...] = ()  # (cells a line, name, char) splitting alike

    def refusal(self, columns: int | None) -> OtherDelimiterError | None:
        """Why the delimiter is refused for a configuration mapping ``columns`` columns
        (None: it does not say), or None."""
        if columns is not None and columns < 2:
            return None
        found = [other for other in self.others if _about(other[0], columns)]
        if not found:
            return None
        width, name, other = max(found)
        return OtherDelimiterError({
            "single": self.single, "total": self.total, "delimiter": _shown(self.char),
            "count": width - 1, "other": _shown(other), "name": name}, path=self.path)


def text_delimiter_verdict(path: Path, encoding: str, delimiter: str) -> DelimiterVerdict:
    """The file's start checked as ``prepare_text`` checks it before its delimiter (what is
    wrong there raised first), and what its first lines tell of the delimiter."""
    codec = file_codec(path, encoding)
    char = _delimiter_char(path, delimiter)
    sample = first_bytes(path)
    _check_start(path, sample, encoding.strip().upper())
    return delimiter_verdict(path, sample, codec, char)


def delimiter_verdict(path: Path, sample: bytes, codec: str, char: str) -> DelimiterVerdict:
    """What the file's first lines (``sample``) tell of the delimiter ``char``: the other
    delimiters splitting every line alike when most lines hold none."""
    unsplit = DelimiterVerdict(path, char)
    if char.isascii() and not codec.startswith("utf-16"):  # its byte stands for it
        breaks = sample.count(b"\n") or sample.count(b"\r")
        if sample.count(char.encode("ascii")) > breaks:  # the usual case: counted in C, and
            return unsplit  # nothing decoded (a copy of the sample per file is a peak's MB)
    text = sample.decode(codec, "replace")
    if len(sample) >= 65536:  # only the file's start: its last line may be cut
        text = text[:max(text.rfind("\n"), text.rfind("\r")) + 1]
    breaks = text.count("\n") or text.count("\r")
    if text.count(char) > breaks:  # a delimiter a line, or more
        return unsplit
    widths = _widths(text, char)
    single = widths.count(1)
    if not widths or single * 2 <= len(widths):  # most lines are not one cell
        return unsplit
    others = []
    for name, other in DELIMITERS.items():
        if other != char and other in text:
            width = _steady_width(_widths(text, other))
            if width is not None:
                others.append((width, name, other))
    return DelimiterVerdict(path, char, single, len(widths), tuple(others))


def _widths(text: str, delimiter: str) -> list[int]:
    """How many cells each non-blank line of ``text`` splits into ([] if csv cannot)."""
    try:
        return [len(cells) for cells in csv.reader(io.StringIO(text, newline=""),
                                                   delimiter=delimiter)
                if "".join(cells).strip()]
    except csv.Error:
        return []


def _steady_width(widths: list[int]) -> int | None:
    """The cells most lines split into, when every line splits into two or more, give or
    take one (a trailing delimiter); a few lines before them may differ (a title above the
    table, Excel's "sep=," line)."""
    for start in range(min(_LINES_ABOVE, len(widths) - 2) + 1):
        rest = widths[start:]
        if rest and min(rest) >= 2 and max(rest) - min(rest) <= 1:
            return Counter(rest).most_common(1)[0][0]
    return None


_LINES_ABOVE = 3  # lines above a table that may be split otherwise


def _about(width: int, columns: int | None) -> bool:
    """Whether lines of ``width`` cells look like what the configuration maps."""
    if columns is None:
        return width >= 3
    return columns // 2 <= width <= columns * 2


def _shown(char: str) -> str:
    """A delimiter as a message shows it."""
    return '"\\t"' if char == "\t" else f'"{char}"'


def _line_estimate(path: Path, sample: bytes) -> int | None:
    """Roughly how many lines the file has, from the first 64 KB."""
    newline = b"\n" if b"\n" in sample else b"\r"
    lines = sample.count(newline)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size <= len(sample):
        return lines + (0 if sample.endswith(newline) else 1)
    if lines == 0:
        return None
    return round(size * lines / len(sample))


def _csv_rows(path: Path, codec: str, encoding: str, delimiter: str, shared: bool,
              header_line: bool = False, block: int = TEXT_BLOCK) -> Iterator[NumberedRow]:
    """Every non-blank record (line 1 always) as (its first line, cells), sharing the cells
    that repeat when ``shared``; with ``header_line``, a record repeating line 1 (its byte
    order mark aside) is a line of the reader's error (HEADER_AGAIN); the text is read
    ``block`` characters at a time."""
    try:
        handle = path.open(encoding=codec, newline="")
    except OSError as exc:
        raise unreadable(path, exc) from None
    with handle:
        reader = csv.reader(_past_mark(_lines_in_blocks(handle, block)), delimiter=delimiter,
                            strict=True)
        line = 1  # where the next record starts
        make_row = row_maker(shared)
        controls = _C1.search if _reads_c1(codec) else None
        header: list[str] | None = None
        header_starts: set[str] = set()  # its first cell, with a byte order mark or not
        try:
            for fields in reader:
                joined = "".join(fields)
                if "\x00" in joined:
                    raise _nul_error(path, line, encoding)
                if controls is not None and controls(joined):
                    fields = _c1_cells(fields)
                if may_hold_garbled(joined):
                    fields = garbled_cells(fields) or fields
                if '="' in joined:  # one search in C: most lines hold none
                    fields = _formula_cells(fields)
                if line == 1 and header_line and fields:
                    header, header_starts = fields[:], {fields[0], "\ufeff" + fields[0]}
                elif fields and fields[0] in header_starts and _repeats(fields, header):
                    fields = _header_again(fields)
                if line == 1 or joined.strip():
                    yield line, make_row(fields)
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise _decode_error(path, codec, encoding) from None
        except csv.Error as exc:
            raise _csv_error(path, exc, line, reader.line_num, delimiter) from None
        except MemoryError:
            give_memory_back()  # before the file is closed (see budget.RESERVE)
            raise


def below_header_line(rows: Iterable[NumberedRow]) -> Iterator[NumberedRow]:
    """A text file's rows read without a header line (line 1 first), as a reading with one
    gives those below it: each record repeating line 1 a line of the reader's error
    (HEADER_AGAIN), as ``_csv_rows`` reads them."""
    header: list[str] | None = None
    for line, cells in rows:
        fields = cast("list[str]", list(cells))  # a text file's cells are all text
        if line == 1:
            header = fields or None
        elif fields and _repeats(fields, header):
            yield line, tuple(_header_again(fields))
        else:
            yield line, cells


def _reads_c1(codec: str) -> bool:
    """Whether the codec reads bytes as C1 control characters (U+0080-U+009F), which no
    text holds: ISO-8859-1 reads a Windows-1252 file's ’, – and € so."""
    return bool(_C1.search(bytes(range(0x80, 0xA0)).decode(codec, "replace")))


def _c1_cells(fields: list[str]) -> list[str]:
    """The row's cells, those holding C1 control characters made unreadable: any field they
    feed is an error naming the encoding to declare (the row is not committed)."""
    return [Unreadable(cell, msg.C1_CONTROLS) if _C1.search(cell) else cell
            for cell in fields]


def _repeats(fields: list[str], header: list[str] | None) -> bool:
    """Whether a record is the header line again (a byte order mark before it aside)."""
    return header is not None and [fields[0].removeprefix("\ufeff"), *fields[1:]] == header


def _header_again(fields: list[str]) -> list[str]:
    """A record repeating the header line, made a line the row's one error is about."""
    return [Unreadable(cell, msg.HEADER_AGAIN, whole_row=True) for cell in fields]


def _formula_cells(fields: list[str]) -> list[str]:
    """The row's cells, those holding Excel's text formula ="..." made unreadable: the
    platform would store the formula, not the text it shows."""
    return [Unreadable(cell, msg.EXCEL_TEXT_FORMULA) if _EXCEL_TEXT.fullmatch(cell) else cell
            for cell in fields]


def _past_mark(lines: Iterator[str]) -> Iterator[str]:
    """The lines, a UTF-16 byte order mark before the first taken off before csv reads it (a
    cell quoted after it would keep its quotes); UTF-8's is the codec's to take off."""
    first = next(lines, None)
    if first is not None:
        yield first.removeprefix("\ufeff")
        yield from lines


def _lines_in_blocks(handle: TextIO, size: int = TEXT_BLOCK) -> Iterator[str]:
    """The file's lines with their ends (\n, \r\n or \r, as csv wants them), read a block
    at a time.

    Iterating the file itself handed the GIL back and forth every few kilobytes, and a
    check reading a large CSV file in a worker thread left the window's thread waiting
    for it 0.1 s to 0.4 s at a time; lines split from a block in memory do not.
    """
    # The start of a line that has not ended yet, in pieces: joined once, when it ends, so
    # a line of N characters costs O(N) however many blocks it spans.
    pending: list[str] = []
    while block := handle.read(size):
        if "\n" not in block and "\r" not in block and not (
                pending and pending[-1].endswith("\r")):
            pending.append(block)
            continue
        pending.append(block)
        text = "".join(pending)
        cut = len(text) - 1 if text.endswith("\r") else len(text)  # \r|\n across blocks
        lines = io.StringIO(text[:cut], newline="").readlines()
        tail = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        tail += text[cut:]
        pending = [tail] if tail else []
        yield from lines
    if pending:
        yield "".join(pending)


def _csv_error(path: Path, exc: csv.Error, start: int, current: int,
               delimiter: str) -> DataFileError:
    """A csv module failure as a message people understand."""
    text = str(exc)
    if "field larger than field limit" in text:
        mb = FIELD_SIZE_LIMIT // (1024 * 1024)
        return DataFileError(FIELD_TOO_LONG.format(mb=mb), path=path, line=start)
    if "unexpected end of data" in text:
        return DataFileError(QUOTE_NEVER_CLOSED, path=path, line=start)
    if "expected after" in text:
        template = TEXT_AFTER_QUOTE_TAB if delimiter == "\t" else TEXT_AFTER_QUOTE
        return DataFileError(template.format(delimiter=repr(delimiter)), path=path,
                             line=max(current, start))
    return DataFileError(NOT_CSV.format(detail=text), path=path, line=max(current, start))


def _nul_error(path: Path, line: int, declared: str) -> DataFileError:
    """A NUL character is never text: the file is binary or in another encoding."""
    # Only UTF-16 explains zero bytes in text; other encodings would read them the same.
    utf16 = declared != "UTF-16LE" and _looks_utf16le(first_bytes(path, 4096))
    return DataFileError(NUL_UTF16 if utf16 else NUL_NOT_TEXT, path=path, line=line)


def _decode_error(path: Path, codec: str, declared: str) -> DataFileError:
    """Find the first undecodable bytes and say where they are and what may fit: Mac Roman
    when the file's letters read so (its start, which the Mac Roman test read first, may be
    ASCII, or hold too few of them to tell)."""
    line, bad, cut = _locate_bad_bytes(path, codec)
    if declared != "UTF-16LE" and (found := _mac_roman_in(path)) is not None:
        return _mac_roman_error_at(path, found, declared)
    shown = " ".join(f"0x{b:02x}" for b in bad)
    if cut:
        return DataFileError(CUT_MID_CHARACTER.format(bytes=shown, encoding=declared),
                             path=path, line=line)
    hint = _suggestion(path, declared)
    if hint:
        template = BYTES_NOT_VALID_HINT if len(bad) > 1 else BYTE_NOT_VALID_HINT
    else:
        template = BYTES_NOT_VALID if len(bad) > 1 else BYTE_NOT_VALID
    return DataFileError(template.format(bytes=shown, encoding=declared, hint=hint),
                         path=path, line=line)


def _count_lines(text: str, after_cr: bool) -> int:
    """Line breaks in text as csv counts them (\\n, \\r\\n or a lone \\r)."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    if after_cr and text.startswith("\n"):
        breaks -= 1  # the \r\n pair was split between two chunks
    return breaks


def _locate_bad_bytes(path: Path, codec: str) -> tuple[int, bytes, bool]:
    """The line of the first bytes the codec cannot decode, those bytes, and whether they
    are the file's last, beginning a character it does not finish."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    breaks, after_cr = 0, False
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(SCAN_CHUNK)
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                good = exc.object[:exc.start].decode(codec, "replace")
                line = 1 + breaks + _count_lines(good, after_cr)
                end = exc.end
                if exc.reason == "invalid continuation byte":
                    end += 1  # show the byte that broke the sequence too
                return line, bytes(exc.object[exc.start:end]), not chunk
            if not chunk:
                return 1 + breaks, b"", False
            breaks += _count_lines(text, after_cr)
            after_cr = text.endswith("\r") or (after_cr and not text)


def _decodes(path: Path, codec: str) -> bool:
    """Whether the whole file decodes with the codec (streamed)."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(SCAN_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError):
        return False
    return True


def _unread_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16BE, by its byte order mark or (UTF-16BE) zero bytes in most even
    positions: encodings no configuration can declare."""
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "UTF-32"
    if sample.startswith(codecs.BOM_UTF16_BE):
        return "UTF-16BE"
    even = sample[0:4096:2]
    if len(even) > 4 and even.count(0) * 2 > len(even) and not _looks_utf16le(sample):
        return "UTF-16BE"
    return None


def _looks_utf16le(sample: bytes) -> bool:
    """A byte order mark, or zero bytes in most odd positions (ASCII as UTF-16LE)."""
    if sample.startswith(_UTF16LE_BOM):
        return True
    odd = sample[1:4096:2]
    return len(odd) > 4 and odd.count(0) * 2 > len(odd)


def _suggestion(path: Path, declared: str) -> str | None:
    """Another configuration encoding the file decodes with, if any."""
    try:
        sample = first_bytes(path, 4096)
    except DataFileError:
        return None
    if _looks_utf16le(sample):
        # UTF-16 text is valid UTF-8 too (ASCII and zero bytes): never suggest that.
        return "UTF-16LE" if declared != "UTF-16LE" else None
    for name in _SUGGESTION_ORDER:
        if name != declared and _decodes(path, _CODECS[name]):
            return name
    return None


