"""The configuration document in memory: plain dataclasses, no XML.

``core/config_xml/`` reads and writes them; the checker and the UI only see these types.
Whatever the assistant does not run (preProcess, postProcess, other providers, unknown
consolidators, comments) is carried in ``preserved`` fields so that a save keeps it.
"""

from __future__ import annotations

import copy
import difflib
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from typing import TypeVar

from importer_gui.core.catalogue import (
    DELIMITERS,
    DISABLED,
    ERROR_LOGGER,
    FULL_ACCESS,
    IGNORED_COLUMN,
    LOCATION,
    NO,
    PROVIDER_OPTIONS,
    SESSION_SEARCH_FIELD,
    YES,
)
from importer_gui.core.errors import QT_TRANSLATE_NOOP, ConfigError
from importer_gui.core.paths import library_dir, resolved

# Our extension namespace: the platform ignores elements and attributes in it.
EXT_NS = "urn:import-assistant:extension:1"

# What a path leading outside the configuration's folder is refused for: its use.
DATA_OUTSIDE = "data"
LOG_OUTSIDE = "log"

# The refusal, by the path's use, whether its line is known, and whether a link leads it out.
# The window shows them too (for a path typed in its configuration editor), hence "on the
# command line" before the flag; its French, for the window only, leaves the flag out.
_OUTSIDE = {
    (DATA_OUTSIDE, True, False): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" (line {line}) leads outside the configuration\'s '
                  "folder; a data file outside it is read only when you choose it yourself "
                  "(on the command line: --data)."),
    (DATA_OUTSIDE, False, False): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" leads outside the configuration\'s folder; a data '
                  "file outside it is read only when you choose it yourself (on the command "
                  "line: --data)."),
    (DATA_OUTSIDE, True, True): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" (line {line}) leads outside the configuration\'s '
                  "folder through a link; a data file outside it is read only when you choose "
                  "it yourself (on the command line: --data)."),
    (DATA_OUTSIDE, False, True): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" leads outside the configuration\'s folder through a '
                  "link; a data file outside it is read only when you choose it yourself "
                  "(on the command line: --data)."),
    (LOG_OUTSIDE, True, False): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" (line {line}) leads outside the configuration\'s '
                  "folder; the error log is written in a folder inside it."),
    (LOG_OUTSIDE, False, False): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" leads outside the configuration\'s folder; the error '
                  "log is written in a folder inside it."),
    (LOG_OUTSIDE, True, True): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" (line {line}) leads outside the configuration\'s '
                  "folder through a link; the error log is written in a folder inside it."),
    (LOG_OUTSIDE, False, True): QT_TRANSLATE_NOOP(
        "errors", '<{option}> "{value}" leads outside the configuration\'s folder through a '
                  "link; the error log is written in a folder inside it."),
}

# Two meanings given one code: which one a row means could only be guessed. Where each
# was set, when it was read from a file: its line, or its default code.
SHARED_CODE = QT_TRANSLATE_NOOP("errors", 'The code "{code}" of {field} means both '
                                          "<{first}>{first_at} and <{second}>{second_at}; a "
                                          "code must mean one thing.")
SHARED_CODE_AT_LINES = QT_TRANSLATE_NOOP(
    "errors", 'The code "{code}" of {field} means both <{first}> (line {first_line}) and '
              "<{second}> (line {second_line}); a code must mean one thing.")
SHARED_CODE_FIRST_DEFAULT = QT_TRANSLATE_NOOP(
    "errors", 'The code "{code}" of {field} means both <{first}> (its default code) and '
              "<{second}> (line {second_line}); a code must mean one thing.")
SHARED_CODE_SECOND_DEFAULT = QT_TRANSLATE_NOOP(
    "errors", 'The code "{code}" of {field} means both <{first}> (line {first_line}) and '
              "<{second}> (its default code); a code must mean one thing.")
# The same, for codes set without a document (on the mapping page): no line to name.
SHARED_CODE_FIRST_DEFAULT_UNPLACED = QT_TRANSLATE_NOOP(
    "errors", 'The code "{code}" of {field} means both <{first}> (its default code) and '
              "<{second}>; a code must mean one thing.")
SHARED_CODE_SECOND_DEFAULT_UNPLACED = QT_TRANSLATE_NOOP(
    "errors", 'The code "{code}" of {field} means both <{first}> and <{second}> (its default '
              "code); a code must mean one thing.")
_DEFAULT, _AT_LINE, _UNPLACED = "default", "line", "unplaced"
_SHARED_CODE = {
    (_AT_LINE, _AT_LINE): SHARED_CODE_AT_LINES,
    (_DEFAULT, _AT_LINE): SHARED_CODE_FIRST_DEFAULT,
    (_AT_LINE, _DEFAULT): SHARED_CODE_SECOND_DEFAULT,
    (_DEFAULT, _UNPLACED): SHARED_CODE_FIRST_DEFAULT_UNPLACED,
    (_UNPLACED, _DEFAULT): SHARED_CODE_SECOND_DEFAULT_UNPLACED,
}


# --- paths a configuration names -------------------------------------------------------------

def leads_outside(configured: str) -> bool:
    """True when a configured path is absolute (here or on Windows) or climbs with ``..``."""
    windows = PureWindowsPath(configured)  # reads both / and \ as separators
    return bool(windows.drive or windows.root) or ".." in windows.parts


def held_inside(folder: Path, path: Path) -> bool:
    """True when ``path``, links followed, is ``folder`` or lies inside it."""
    return resolved(path).is_relative_to(resolved(folder))


def paths_confined(source: Path | None) -> bool:
    """True for a configuration file outside the user's library: its paths are someone else's.

    The library holds what the wizard saved from the user's own choices (file dialogs), with
    data paths relative to it wherever the data lies.
    """
    if source is None:
        return False
    return not resolved(source).is_relative_to(resolved(library_dir()))


@dataclass(frozen=True, eq=False)
class Origin:
    """Where a part of a configuration was read: the file, and the line of each option."""

    source: Path | None
    lines: Mapping[str, int] = field(default_factory=dict)
    # True when the data paths read there must stay inside the file's folder.
    confined: bool = False
    line: int | None = None  # the element's own line


def outside_error(origin: Origin | None, option: str, value: str, use: str, *,
                  link: bool = False) -> ConfigError:
    """'<location> "/tmp" (line 9) leads outside the configuration's folder; ...', for a
    path of ``use`` (DATA_OUTSIDE, LOG_OUTSIDE)."""
    line = origin.lines.get(option) if origin else None
    message = _OUTSIDE[use, bool(line), link].format(option=option, value=value, line=line)
    return ConfigError(message, path=origin and origin.source, line=line)


# --- value mappings --------------------------------------------------------------------------

def shared_code(codes: Mapping[str, str]) -> tuple[str, str, str] | None:
    """(code, first meaning, second meaning) for the first code two meanings share."""
    meaning_of: dict[str, str] = {}
    for meaning, code in codes.items():
        if code in meaning_of:
            return code, meaning_of[code], meaning
        meaning_of[code] = meaning
    return None


def code_clash(field: str, defaults: Iterable[tuple[str, str]],
               set_at: Mapping[str, tuple[str, int | None]]) -> tuple[str, str, str] | None:
    """(message, first meaning, second meaning) when one code means two things in a field
    whose codes are its ``defaults`` (meaning, code) with ``set_at`` (meaning -> code, line)
    over them. Each meaning is said at its line, as its default code, or bare when it was
    set where no line exists."""
    codes = {meaning: set_at[meaning][0] if meaning in set_at else code
             for meaning, code in defaults}
    clash = shared_code(codes)
    if clash is None:
        return None
    code, first, second = clash
    first_line, second_line = (set_at[m][1] if m in set_at else None for m in (first, second))
    template = _SHARED_CODE.get((_placed(set_at, first), _placed(set_at, second)))
    values = {"code": code, "field": field, "first": first, "second": second}
    message = (template.format(**values, first_line=first_line, second_line=second_line)
               if template else SHARED_CODE.format(**values, first_at="", second_at=""))
    return message, first, second


# A layer of codes: the field it sets them for, where (an element, or the field's name), and
# meaning -> what sets each code (a code, or the element that holds it).
P = TypeVar("P")
V = TypeVar("V")
CodeLayer = tuple[str, P, dict[str, V]]


def code_layers(columns: Iterable[CodeLayer[P, V]],
                actions: Iterable[tuple[Iterable[CodeLayer[P, V]], Iterable[CodeLayer[P, V]]]],
                ) -> Iterator[tuple[P, dict[str, V], dict[str, V]]]:
    """(where, the codes set under it, the codes it sets) of each layer, as a check reads a
    field's codes: its defaults, then its column's, then the action's <parameters> (each
    action: its parameters, then its fields), then its <fields> entry. A field's first column
    is the one read; a layer that sets no code keeps those under it."""
    by_column: dict[str, dict[str, V]] = {}
    for name, place, set_here in columns:
        by_column.setdefault(name, set_here)
        yield place, {}, set_here
    for parameters, fields in actions:
        in_parameters: dict[str, dict[str, V]] = {}
        for name, place, set_here in parameters:
            if set_here:
                in_parameters[name] = set_here
                yield place, by_column.get(name, {}), set_here
        for name, place, set_here in fields:
            if set_here:
                yield place, {**by_column.get(name, {}), **in_parameters.get(name, {})}, set_here


def _placed(set_at: Mapping[str, tuple[str, int | None]], meaning: str) -> str:
    """Where a meaning's code came from: a line, its default, or set where no line exists."""
    if meaning not in set_at:
        return _DEFAULT
    return _UNPLACED if set_at[meaning][1] is None else _AT_LINE


@dataclass
class FieldOptions:
    """Children of a field element: a mandatory override, value mappings and settings."""

    mandatory: bool | None = None
    # meaning -> code used in the file; "" for an element left empty, which keeps the
    # meaning's default code (kept so that the element is written back).
    codes: dict[str, str] = field(default_factory=dict)
    # Other children the field reads (registerFlag's keepSession, custom's guid): name -> text.
    settings: dict[str, str] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when the element has no children."""
        return self.mandatory is None and not self.codes and not self.settings


# A repeatable field bound by one of its settings (custom fields by their GUID) rather than
# by its position: the setting's name; and the fields a field list names by it
# (<custom>GUID</custom>, held as "custom:GUID").
KEYED_BY = "guid"
KEYED_FIELDS = ("custom",)


def field_key(name: str, options: FieldOptions) -> str:
    """How a field element is told apart from others of its name: ``custom:GUID`` for a
    field with a GUID setting, else its name."""
    guid = options.settings.get(KEYED_BY)
    return f"{name}:{guid}" if guid else name


@dataclass
class Column:
    """One column of the data file, in file order."""

    field: str  # a field name, or IGNORED_COLUMN
    options: FieldOptions = field(default_factory=FieldOptions)
    header: str | None = None  # extension: the spreadsheet header it was mapped from
    # The name the document used when it is an alias of ``field`` (hieracrchyEntityName);
    # written back under it.
    alias: str | None = None

    @property
    def written(self) -> str:
        """The element's name as it is written."""
        return self.alias or self.field

    @property
    def ignored(self) -> bool:
        """True for an ``<ignoredColumn/>``."""
        return self.field == IGNORED_COLUMN


@dataclass
class Provider:
    """A ``fileSystemSourceProvider``: where the data file is and how to read it."""

    file_name: str = PROVIDER_OPTIONS["fileName"].default
    path: str = PROVIDER_OPTIONS["path"].default
    skip_first_line: bool = PROVIDER_OPTIONS["skipFirstLine"].default == YES
    auto_detect_line_endings: bool = PROVIDER_OPTIONS["autoDetectLineEndings"].default == YES
    file_encoding: str = PROVIDER_OPTIONS["fileEncoding"].default
    delimiter: str = PROVIDER_OPTIONS["delimiter"].default
    date_format: str = PROVIDER_OPTIONS["dateFormat"].default
    columns: list[Column] = field(default_factory=list)
    sheet: str | None = None  # extension: the workbook sheet to read
    # Options we keep but do not use (sftp*), name -> text, in document order.
    other_options: dict[str, str] = field(default_factory=dict)
    # Where it was read; None for a provider made here from the user's own choices.
    origin: Origin | None = field(default=None, compare=False, repr=False)

    @property
    def delimiter_char(self) -> str:
        """The delimiter as a character."""
        return DELIMITERS.get(self.delimiter, self.delimiter)

    def resolve(self, config_dir: Path) -> Path:
        """The data file's path: ``path`` is relative to the configuration's folder.

        Read from someone else's file, it may not lead outside that folder (ConfigError).
        """
        base = config_dir / self.path if self.path else config_dir
        target = base / self.file_name
        if self.origin is not None and self.origin.confined:
            self._refuse_outside(self.origin, config_dir, base, target)
        return target

    def _refuse_outside(self, origin: Origin, folder: Path, base: Path, target: Path) -> None:
        """Absolute paths, ``..`` and links out of ``folder`` (a pattern's folder included)."""
        for option, value in (("path", self.path), ("fileName", self.file_name)):
            if leads_outside(value):
                raise outside_error(origin, option, value, DATA_OUTSIDE)
        if self.path and not held_inside(folder, base):
            raise outside_error(origin, "path", self.path, DATA_OUTSIDE, link=True)
        if not held_inside(folder, target):
            raise outside_error(origin, "fileName", self.file_name, DATA_OUTSIDE, link=True)


# An option's value: the fields a field list names, or the text of any other option.
OptionValue = list[str] | str | None


@dataclass
class ActionField:
    """One element of an action's ``<fields>``."""

    name: str
    options: FieldOptions = field(default_factory=FieldOptions)
    alias: str | None = None  # the name the document used, when an alias of ``name``

    @property
    def written(self) -> str:
        """The element's name as it is written."""
        return self.alias or self.name


@dataclass(init=False)
class Action:
    """One action of an import, with its options, fields and parameters."""

    name: str
    fields: list[ActionField] | None  # None: no <fields> element, all columns apply
    # Field-list options (sessionSearchField, traineeSearchField...), in document order:
    # option name -> field names; a custom field searched by is "custom:GUID".
    field_lists: dict[str, list[str]]
    full_access: bool | None  # FULL_ACCESS; None when the document leaves it out
    # Other options, kept as text: name -> text.
    other_options: dict[str, str]
    # Attributes an option element carries (hasResults="yes"): option -> name -> value.
    attributes: dict[str, dict[str, str]]
    # The <parameters> block's simple entries, name -> text ({} and no mappings: no block).
    parameters: dict[str, str]
    # Value mappings in the <parameters> block: field -> meaning -> code ("" keeps the default).
    parameter_codes: dict[str, dict[str, str]]

    def __init__(self, name: str, fields: list[ActionField] | None = None,
                 search_fields: list[str] | None = None, full_access: bool | None = None,
                 other_options: dict[str, str] | None = None, *,
                 field_lists: dict[str, list[str]] | None = None,
                 attributes: dict[str, dict[str, str]] | None = None,
                 parameters: dict[str, str] | None = None,
                 parameter_codes: dict[str, dict[str, str]] | None = None) -> None:
        self.name = name
        self.fields = fields
        self.field_lists = dict(field_lists or {})
        if search_fields:
            self.field_lists[SESSION_SEARCH_FIELD] = list(search_fields)
        self.full_access = full_access
        self.other_options = dict(other_options or {})
        self.attributes = dict(attributes or {})
        self.parameters = dict(parameters or {})
        self.parameter_codes = dict(parameter_codes or {})

    @property
    def search_fields(self) -> list[str]:
        """The sessionSearchField's fields ([] when absent)."""
        return self.field_lists.get(SESSION_SEARCH_FIELD, [])

    @search_fields.setter
    def search_fields(self, value: list[str]) -> None:
        self.set_option(SESSION_SEARCH_FIELD, list(value) or None)

    def field_names(self) -> list[str] | None:
        """Names in ``<fields>``, or None when the element is absent."""
        return None if self.fields is None else [f.name for f in self.fields]

    def option_names(self) -> list[str]:
        """Every option the action can hold, in the order they are written."""
        lists = list(self.field_lists)
        if SESSION_SEARCH_FIELD not in lists:
            lists.insert(0, SESSION_SEARCH_FIELD)
        return [*lists, FULL_ACCESS, *self.other_options]

    def options(self) -> list[tuple[str, list[str] | str]]:
        """The options set, in the order they are written."""
        return [(name, value) for name in self.option_names()
                if (value := self.option(name)) is not None]

    def option(self, name: str) -> OptionValue:
        """An option as configured: a field list, or text; None when the option is absent."""
        if name in self.field_lists:
            return list(self.field_lists[name]) or None
        if name == FULL_ACCESS:
            return None if self.full_access is None else (YES if self.full_access else NO)
        return self.other_options.get(name)

    def set_option(self, name: str, value: OptionValue) -> None:
        """Set an option (a field list, or text); None removes it."""
        if isinstance(value, list):
            if value:
                self.field_lists[name] = list(value)
            else:
                self.field_lists.pop(name, None)
        elif name == FULL_ACCESS:
            self.full_access = None if value is None else value == YES
        elif value is None:
            self.field_lists.pop(name, None)
            self.other_options.pop(name, None)
        else:
            self.other_options[name] = value

    def parameter(self, name: str) -> str | None:
        """A simple parameter as configured; None when absent."""
        return self.parameters.get(name)


@dataclass
class Consolidator:
    """A consolidator: its element name and simple options."""

    name: str
    options: dict[str, str] = field(default_factory=dict)
    # Where it was read; None for a consolidator made here.
    origin: Origin | None = field(default=None, compare=False, repr=False)


@dataclass
class Import:
    """One ``<import>``: a data file, the actions run on its rows, the consolidators."""

    provider: Provider = field(default_factory=Provider)
    actions: list[Action] = field(default_factory=list)
    consolidators: list[Consolidator] = field(default_factory=list)
    # Opaque XML we keep as it was (postProcess, other providers, unknown consolidators...).
    preserved: list[str] = field(default_factory=list)

    def error_log_location(self) -> str | None:
        """The error logger's location, if the import has one that is not disabled."""
        logger = self._error_logger()
        return None if logger is None else logger.options.get(LOCATION, "")

    def error_log_folder(self, config_dir: Path) -> Path | None:
        """The error logger's folder, held inside the configuration's; None without a logger.

        The log holds row values: written anywhere else, it would leak them (ConfigError).
        """
        logger = self._error_logger()
        if logger is None:
            return None
        location = logger.options.get(LOCATION, "")
        folder = config_dir / location
        if leads_outside(location):
            raise outside_error(logger.origin, LOCATION, location, LOG_OUTSIDE)
        if not held_inside(config_dir, folder):
            raise outside_error(logger.origin, LOCATION, location, LOG_OUTSIDE, link=True)
        return folder

    def _error_logger(self) -> Consolidator | None:
        for c in self.consolidators:
            if c.name == ERROR_LOGGER and c.options.get(DISABLED) != YES:
                return c
        return None


def kept_imports(before: list[Import], after: list[Import]) -> dict[int, int]:
    """Where each import of ``before`` still in ``after`` now is, by position (before: after).

    An import is known by what an edit of another leaves alone, its file and its actions:
    the imports around the ones deleted or added keep their order. Where a run of them was
    edited in place (as many before as after), each is the one at its place.
    """
    def known_by(imp: Import) -> tuple[str, str, tuple[str, ...]]:
        return imp.provider.file_name, imp.provider.path, tuple(a.name for a in imp.actions)

    matcher = difflib.SequenceMatcher(None, [known_by(i) for i in before],
                                      [known_by(i) for i in after], autojunk=False)
    kept: dict[int, int] = {}
    for tag, start, end, new_start, new_end in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and end - start == new_end - new_start):
            kept.update(zip(range(start, end), range(new_start, new_end), strict=True))
    return kept


@dataclass
class ImportConfig:
    """A whole ``<import-config>`` document."""

    imports: list[Import] = field(default_factory=list)
    source: Path | None = None  # the file it was loaded from, if any
    preserved: list[str] = field(default_factory=list)  # preProcess etc., verbatim
    # The document as read, for config_xml to keep comments and unknown parts on save.
    document: object | None = field(default=None, repr=False, compare=False)

    @property
    def folder(self) -> Path:
        """The folder data paths are relative to."""
        return self.source.parent if self.source else Path.cwd()


def relocated(config: ImportConfig, data_files: list[Path], target: Path) -> ImportConfig:
    """A copy saved as ``target``: data paths relative to its folder, as the file needs."""
    moved = copy.deepcopy(config)
    folder = resolved(target).parent
    for imp, data_file in zip(moved.imports, data_files, strict=False):
        if "*" in imp.provider.file_name:
            continue  # a pattern stays a pattern; only its folder moves
        relative = os.path.relpath(resolved(data_file).parent, folder)
        imp.provider.path = "" if relative == "." else relative
        imp.provider.file_name = data_file.name
        imp.provider.origin = None  # the user chose that file: made here, not read
    moved.source = target
    return moved
