"""The configuration document in memory: plain dataclasses, no XML.

``core/config_xml.py`` reads and writes them; the checker and the UI only see these types.
Whatever the assistant does not run (preProcess, postProcess, other providers, unknown
consolidators, comments) is carried in ``preserved`` fields so that a save keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from importer_gui.core.catalogue import DELIMITERS, IGNORED_COLUMN

# Our extension namespace: the platform ignores elements and attributes in it.
EXT_NS = "urn:import-assistant:extension:1"


@dataclass
class FieldOptions:
    """Children of a field element: a mandatory override and value mappings."""

    mandatory: bool | None = None
    codes: dict[str, str] = field(default_factory=dict)  # meaning -> code used in the file

    def is_empty(self) -> bool:
        """True when the element has no children."""
        return self.mandatory is None and not self.codes


@dataclass
class Column:
    """One column of the data file, in file order."""

    field: str  # a field name, or IGNORED_COLUMN
    options: FieldOptions = field(default_factory=FieldOptions)
    header: str | None = None  # extension: the spreadsheet header it was mapped from

    @property
    def ignored(self) -> bool:
        """True for an ``<ignoredColumn/>``."""
        return self.field == IGNORED_COLUMN


@dataclass
class Provider:
    """A ``fileSystemSourceProvider``: where the data file is and how to read it."""

    file_name: str = ""
    path: str = ""
    skip_first_line: bool = True
    auto_detect_line_endings: bool = False
    file_encoding: str = "UTF-8"
    delimiter: str = "semicolon"
    date_format: str = "YYYY-MM-DD"
    columns: list[Column] = field(default_factory=list)
    sheet: str | None = None  # extension: the workbook sheet to read
    # Options we keep but do not use (sftp*), name -> text, in document order.
    other_options: dict[str, str] = field(default_factory=dict)

    @property
    def delimiter_char(self) -> str:
        """The delimiter as a character."""
        return DELIMITERS.get(self.delimiter, self.delimiter)

    def resolve(self, config_dir: Path) -> Path:
        """The data file's path: ``path`` is relative to the configuration's folder."""
        base = config_dir / self.path if self.path else config_dir
        return base / self.file_name


@dataclass
class ActionField:
    """One element of an action's ``<fields>``."""

    name: str
    options: FieldOptions = field(default_factory=FieldOptions)


@dataclass
class Action:
    """One action of an import, with its options and fields."""

    name: str
    fields: list[ActionField] | None = None  # None: no <fields> element, all columns apply
    search_fields: list[str] = field(default_factory=list)  # sessionSearchField
    full_access: bool | None = None
    # Other options, kept as text: name -> text.
    other_options: dict[str, str] = field(default_factory=dict)

    def field_names(self) -> list[str] | None:
        """Names in ``<fields>``, or None when the element is absent."""
        return None if self.fields is None else [f.name for f in self.fields]


@dataclass
class Consolidator:
    """A consolidator: its element name and simple options."""

    name: str
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class Import:
    """One ``<import>``: a data file, the actions run on its rows, the consolidators."""

    provider: Provider = field(default_factory=Provider)
    actions: list[Action] = field(default_factory=list)
    consolidators: list[Consolidator] = field(default_factory=list)
    # Opaque XML we keep as it was (postProcess, other providers, unknown consolidators...).
    preserved: list[str] = field(default_factory=list)

    def error_log_location(self) -> str | None:
        """The ``timeStampedFileErrorLogger`` location, if the import has one."""
        for c in self.consolidators:
            if c.name == "timeStampedFileErrorLogger" and c.options.get("disabled") != "yes":
                return c.options.get("location", "")
        return None


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
