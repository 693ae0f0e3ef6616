"""A saved mapping used on a new file: columns matched by their recorded header.

A configuration the assistant saved remembers the header each column was mapped from
(``Column.header``). On a file whose columns moved, each mapped column follows its header; a
column the mapping does not know is skipped (``ignoredColumn``), with a notice; a mapped
column the file no longer has stops the check, naming its header. A configuration without
recorded headers (one written for the platform), or a file without a header line, is
mapped by position, as the platform does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from importer_gui.core.catalogue import ALL_FIELD_NAMES, IGNORED_COLUMN
from importer_gui.core.config import Column
from importer_gui.core.errors import QT_TRANSLATE_NOOP, ConfigError, DataFileError


def header_key(header: str | None) -> str:
    """How headers are compared: NFC, spaces collapsed, case ignored ("Début " = "début")."""
    text = unicodedata.normalize("NFC", header or "")
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Moved:
    """A mapped column found at another place: its header, field, old and new places (0-based)."""

    header: str
    field: str
    before: int
    after: int


@dataclass(frozen=True)
class Remapped:
    """A configuration's columns laid on a file's headers, and what changed."""

    columns: list[Column]  # one per file column, in file order
    by_header: bool  # False: the columns apply by position, as configured
    moved: list[Moved] = field(default_factory=list)
    new: list[tuple[int, str]] = field(default_factory=list)  # (place, header): skipped
    missing: list[Column] = field(default_factory=list)  # mapped columns the file lacks

    @property
    def changed(self) -> bool:
        """True when the file's columns are not the configuration's, in its order."""
        return bool(self.moved or self.new or self.missing)


def recorded(columns: Sequence[Column]) -> bool:
    """True when the columns remember the headers they were mapped from."""
    return any(c.header and c.header.strip() for c in columns)


def remap(columns: Sequence[Column], headers: Sequence[str | None] | None) -> Remapped:
    """Lay ``columns`` on a file whose header line is ``headers`` (None: no header line).

    A column saved without a header (the rest of the mapping remembers theirs) keeps its
    place: nothing else says where it went.
    """
    if not headers or not recorded(columns):
        return Remapped(list(columns), by_header=False)
    laid: dict[int, Column] = {place: column for place, column in enumerate(columns)
                               if not (column.header and column.header.strip())}
    waiting: dict[str, list[tuple[int, Column]]] = {}  # header -> columns still to place
    for place, column in enumerate(columns):
        if place not in laid:
            waiting.setdefault(header_key(column.header), []).append((place, column))
    moved: list[Moved] = []
    new: list[tuple[int, str]] = []
    for place, header in enumerate(headers):
        if place in laid:
            continue
        found = waiting.get(header_key(header)) if header and header.strip() else None
        if not found:
            laid[place] = Column(IGNORED_COLUMN, header=header)
            if header and header.strip():
                new.append((place, header))
            continue
        before, column = found.pop(0)
        laid[place] = Column(column.field, column.options, header=header)
        if before != place and not column.ignored:
            moved.append(Moved(header, column.field, before, place))
    width = max(laid) + 1 if laid else 0
    in_order = [laid.get(place, Column(IGNORED_COLUMN)) for place in range(width)]
    missing = [c for left in waiting.values() for _, c in left if not c.ignored]
    return Remapped(in_order, True, moved, new, missing)


def _words(header: str | None) -> list[str]:
    return re.findall(r"\w+", header_key(header))


def resembles(old: str | None, new: str | None) -> bool:
    """True when two headers look like one column renamed: one begins with the other's words
    ("Nom" / "Nom de l'apprenant"), or they share a word of four letters or more (not "de")."""
    before, after = _words(old), _words(new)
    if not before or not after:
        return False
    short, long = sorted((before, after), key=len)
    return long[:len(short)] == short or any(len(w) >= 4 for w in set(before) & set(after))


def renamed(missing: Sequence[Column], new: Sequence[tuple[int, str]]) -> dict[int, Column]:
    """The new columns that may be missing ones renamed: place -> the missing column. The
    only new column for the only missing one; else a new column whose header resembles one
    missing column's, when neither resembles another (a guess, for the user to confirm)."""
    if len(missing) == 1 and len(new) == 1:
        return {new[0][0]: missing[0]}
    pairs = [(place, column) for column in missing for place, header in new
             if resembles(column.header, header)]
    return {place: column for place, column in pairs
            if sum(p == place for p, _ in pairs) == 1
            and sum(c is column for _, c in pairs) == 1}


# The columns are named '"Nom" (teacherName)', several joined with commas and "and".
MISSING_ONE = QT_TRANSLATE_NOOP(
    "errors", "{file} has no column {columns}: the configuration maps it by header; map the "
              "file again in the wizard, or give the file that header.")
MISSING_SEVERAL = QT_TRANSLATE_NOOP(
    "errors", "{file} has no columns {columns}: the configuration maps them by header; map the "
              "file again in the wizard, or give the file those headers.")
NEW_ONE = QT_TRANSLATE_NOOP(
    "errors", "{file}: the column {columns} is not in the configuration's mapping and "
              "skipped.")
NEW_SEVERAL = QT_TRANSLATE_NOOP(
    "errors", "{file}: the columns {columns} are not in the configuration's mapping and "
              "skipped.")


def _listed(named: list[str]) -> str:
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def missing_error(missing: Sequence[Column], file: Path) -> ConfigError:
    """One line naming the mapped columns a file no longer has."""
    named = [f'"{c.header or ""}" ({c.field})' for c in missing]
    template = MISSING_ONE if len(named) == 1 else MISSING_SEVERAL
    return ConfigError(template.format(file=file.name, columns=_listed(named)))


def new_notice(new: Sequence[tuple[int, str]], file: Path) -> str | None:
    """The notice for columns the mapping does not know: they are skipped."""
    if not new:
        return None
    named = [f'"{header}" (column {place + 1})' for place, header in new]
    template = NEW_ONE if len(new) == 1 else NEW_SEVERAL
    return template.format(file=file.name, columns=", ".join(named))


# A file mapped by position whose header line names the platform's fields: those tell which
# file it is, and where its columns are.
ANOTHER_IMPORTS_FILE = QT_TRANSLATE_NOOP(
    "errors", "line 1 names the fields {named}, none of which this import maps (it maps "
              "{mapped}): is this the file of this import?")
FIELDS_ELSEWHERE = QT_TRANSLATE_NOOP(
    "errors", "{file}: line 1 names {named}, where the configuration maps {mapped}; the "
              "columns are read by position, as the platform reads them.")
_FIELD_NAMES = {name.casefold(): name for name in ALL_FIELD_NAMES}


def named_fields(headers: Sequence[str | None]) -> dict[int, str]:
    """The header cells that are a field's name (in any case): place -> the field."""
    named = {place: _FIELD_NAMES.get(header_key(header)) for place, header in enumerate(headers)}
    return {place: name for place, name in named.items() if name is not None}


def fields_notice(columns: Sequence[Column], headers: Sequence[str | None], file: Path
                  ) -> str | None:
    """For a file mapped by position: refuse one whose header line names only fields this
    import does not map (another import's file); say where it names a field in a column the
    configuration maps to another."""
    named = named_fields(headers)
    if not named:
        return None
    mapped = [c.field for c in columns if not c.ignored]
    if set(named.values()).isdisjoint(mapped):
        raise DataFileError(ANOTHER_IMPORTS_FILE.format(
            named=", ".join(named.values()), mapped=", ".join(mapped)), path=file, line=1)
    elsewhere = [(place, name) for place, name in named.items()
                 if place < len(columns) and not columns[place].ignored
                 and columns[place].field != name]
    if not elsewhere:
        return None
    return FIELDS_ELSEWHERE.format(
        file=file.name,
        named=_listed([f"{name} (column {place + 1})" for place, name in elsewhere]),
        mapped=_listed([columns[place].field for place, _ in elsewhere]))
