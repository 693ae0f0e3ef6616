"""The platform's export configuration: read safely, checked against the catalogue, written.

An ``<export-config>`` holds ``<export>`` elements, each one provider (its columns and
parameters), one export action (the file's format, encoding, delimiter and header line) and
consolidators (``moveToFolder`` names the file). Parsing goes through ``config_xml.safe``:
a hostile document is refused as an import configuration is. Errors are templates marked for
translation, one per wording, as the import configuration's are (``config_xml.read``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from importer_gui.core import readers
from importer_gui.core.atomic import file_bytes
from importer_gui.core.catalogue import DELIMITERS, YES, YES_NO
from importer_gui.core.catalogue import exports as cat
from importer_gui.core.config_xml import Document, read_document
from importer_gui.core.config_xml.read import (
    UNKNOWN_ELEMENT,
    UNKNOWN_OPTION,
    UNKNOWN_VALUE,
    Reader,
    Unknown,
    children,
    element_name,
    text_of,
)
from importer_gui.core.config_xml.safe import El, as_bytes, parse
from importer_gui.core.config_xml.write import DECLARATION, XSI_NS
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    ConfigError,
    DataFileError,
    ImporterError,
)

EXPORT_CONFIGURATION = Document(
    missing=QT_TRANSLATE_NOOP("errors", "The export configuration does not exist."),
    folder=QT_TRANSLATE_NOOP("errors", "This is a folder, not an export configuration."),
    unreadable=QT_TRANSLATE_NOOP("errors", "The export configuration cannot be read: "
                                           "{reason}."))

# Unknown names of the export configuration's own kinds (its elements, options and values
# are called as the import configuration's are).
UNKNOWN_EXPORT_PROVIDER = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown export provider "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown export provider "{name}" in <{parent}> '
                                      "(line {line})."))
UNKNOWN_EXPORT_PARAMETER = Unknown(  # in a provider's <parameters>
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown parameter "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown parameter "{name}" in <{parent}> '
                                      "(line {line})."))
UNKNOWN_EXPORT_COLUMN = Unknown(  # in a provider's <columns>
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown column "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown column "{name}" in <{parent}> (line {line}).'))
UNKNOWN_EXPORT_ACTION = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown export action "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown export action "{name}" in <{parent}> '
                                      "(line {line})."))
UNKNOWN_CONSOLIDATOR = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown consolidator "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown consolidator "{name}" in <{parent}> '
                                      "(line {line})."))

# The export configuration's other errors.
WRONG_ROOT = QT_TRANSLATE_NOOP("errors", "The root element is <{element}> (line {line}); an "
                                         "export configuration starts with <export-config>.")
NO_EXPORT = QT_TRANSLATE_NOOP("errors", "<export-config> (line {line}) holds no <export>.")
SECOND_PART = QT_TRANSLATE_NOOP("errors", "<export> (line {line}) has a second <{part}> "
                                          "(line {second_line}).")
# An <export> without exactly one provider, or one export action.
NO_PROVIDER = QT_TRANSLATE_NOOP("errors", "<export> (line {line}) needs one provider in "
                                          "<providers>, and has none.")
MANY_PROVIDERS = QT_TRANSLATE_NOOP("errors", "<export> (line {line}) needs one provider in "
                                             "<providers>, and has {count} of them.")
NO_ACTION = QT_TRANSLATE_NOOP("errors", "<export> (line {line}) needs one export action in "
                                        "<actions>, and has none.")
MANY_ACTIONS = QT_TRANSLATE_NOOP("errors", "<export> (line {line}) needs one export action "
                                           "in <actions>, and has {count} of them.")
NO_COLUMN = QT_TRANSLATE_NOOP("errors", "<{provider}> (line {line}) lists no column.")
COLUMN_TWICE = QT_TRANSLATE_NOOP(
    "errors", "<{provider}> lists the column {header} twice: the first line of its file "
              "could not tell them apart; remove one, or give it another label.")
TOO_MANY_FILES = QT_TRANSLATE_NOOP("errors", "{count} data files were given, but the export "
                                             "configuration has only {exports} <export>.")
TWO_FILES = QT_TRANSLATE_NOOP("errors", "{first} and {second} both hold the columns of the "
                                        "<{provider}> export; give one file for each export.")
# The same file given twice (the same name, or another way to it): not two files.
GIVEN_TWICE = QT_TRANSLATE_NOOP("errors", "{name} was given twice; give one file for each "
                                          "export.")
NO_FILE_NAME = QT_TRANSLATE_NOOP("errors", "<{provider}>'s export names no file "
                                           "(<moveToFolder><fileName>); name its file with "
                                           "--data.")
NO_MATCH = QT_TRANSLATE_NOOP("errors", "no file in the folder matches {name}; name the "
                                       "export's file with --data.")
# Consolidators declared out of the documented order: a warning, as the platform's pages say
# the order is needed for them to work properly, not that such a file is refused.
CONSOLIDATOR_ORDER = QT_TRANSLATE_NOOP(
    "errors", "<{name}> (line {line}) comes after <{before}> (line {before_line}) in "
              "<consolidators>: the platform's documentation declares them in this order for "
              "them to work properly: {order}. The configuration is read all the same.")


@dataclass(frozen=True)
class ExportColumn:
    """One column of an export, in file order: its name, label and (constantValue) text."""

    name: str
    label: str = ""
    text: str = ""


@dataclass
class ExportProvider:
    """A provider of an export: which records, and which columns of them."""

    spec: cat.ExportProviderSpec
    columns: list[ExportColumn] = field(default_factory=list)
    parameters: dict[str, str] = field(default_factory=dict)
    # A parameter of value mappings (statusFormat): meaning -> the code the file writes.
    codes: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The provider's element name."""
        return self.spec.name

    @property
    def date_format(self) -> str:
        """The format of the export's dates."""
        return self.parameters.get(cat.DATE_FORMAT) or cat.DEFAULT_DATE_FORMAT

    @property
    def date_time_format(self) -> str:
        """The format of the export's dates with a time."""
        return self.parameters.get(cat.DATE_TIME_FORMAT) or cat.DEFAULT_DATE_TIME_FORMAT

    def filters(self) -> list[str]:
        """The parameters that choose which records the export holds."""
        return [name for name, value in self.parameters.items()
                if name not in cat.SHAPING_PARAMETERS
                and not (name in cat.WIDENING_PARAMETERS and value.lower() in ("y", YES))]


@dataclass
class ExportAction:
    """The export action: the file's format and how its text is laid out."""

    name: str
    options: dict[str, str] = field(default_factory=dict)

    def option(self, name: str) -> str:
        """An option as configured, else its documented default."""
        return self.options.get(name) or cat.ACTION_OPTIONS.get(name, "")

    @property
    def format(self) -> str:
        """CSV, TSV, XML or XLS."""
        return self.option(cat.FORMAT).upper()

    @property
    def encoding(self) -> str:
        """The file's encoding, as the platform names it."""
        return self.option(cat.ENCODING).upper()

    @property
    def delimiter_char(self) -> str:
        """The character between columns (a TSV file's is the tab)."""
        if self.format == cat.TSV:
            return "\t"
        return DELIMITERS[self.option(cat.DELIMITER)]

    @property
    def show_headers(self) -> bool:
        """True when the file's first line names the columns."""
        return self.option(cat.SHOW_HEADERS).lower() == YES


@dataclass
class Export:
    """One ``<export>``: its provider, its action and the name the file is given."""

    provider: ExportProvider
    action: ExportAction
    file_name: str = ""  # moveToFolder's (or the SFTP action's) name format; "" if none

    @property
    def headers(self) -> list[str]:
        """What the file's first line holds when it shows headers: each column's label, else
        its name."""
        return [column.label or column.name for column in self.provider.columns]

    def holds_headers(self, headers: list[str] | None) -> bool:
        """True when ``headers`` (a file's first line, trimmed) are this export's, in any
        order and case, empty cells after the last left out."""
        return self.header_order(headers) is not None

    def header_order(self, headers: list[str] | None, *,
                     extra: bool = False) -> list[int] | None:
        """Where each of the export's columns is in a file whose first line is ``headers``
        (a file saved again from a spreadsheet may have moved them); None when that line is
        not this export's headers: one is missing or named twice, or (unless ``extra``)
        the line names other columns too."""
        if headers is None:
            return None
        places: dict[str, list[int]] = {}
        for place, header in enumerate(_header_key(headers)):
            places.setdefault(header, []).append(place)
        order = []
        for header in _header_key(self.headers):
            found = places.pop(header, [])
            if len(found) != 1:
                return None
            order.append(found[0])
        return order if extra or not any(places) else None

    def missing_headers(self, headers: list[str]) -> list[str]:
        """The export's headers a file's first line lacks."""
        named = set(_header_key(headers))
        return [h for h in self.headers if _header_key([h])[0] not in named]


def _header_key(headers: list[str]) -> list[str]:
    """Headers compared: trimmed, in any case, trailing empty cells dropped."""
    key = [header.strip().casefold() for header in headers]
    while key and not key[-1]:
        key.pop()
    return key


@dataclass
class ExportConfig:
    """A whole ``<export-config>`` document."""

    exports: list[Export]
    source: Path | None = None
    text: str = ""  # the document as read, for the run's history
    warnings: list[str] = field(default_factory=list)  # what it was read in spite of

    @property
    def folder(self) -> Path:
        """The folder the exports' files are looked for in."""
        return self.source.parent if self.source else Path.cwd()


# --- reading ---------------------------------------------------------------------------------

def load(path: Path) -> ExportConfig:
    """Read and check the export configuration at ``path``."""
    path = Path(path)
    return loads(read_document(path, EXPORT_CONFIGURATION), source=path)


def loads(data: str | bytes, source: Path | None = None) -> ExportConfig:
    """Parse and check an export configuration; errors name ``source`` and the line."""
    raw = as_bytes(data)
    root = parse(raw, source)
    reader = Reader(source)
    if root.tag != cat.EXPORT_ROOT:
        raise reader.fail(WRONG_ROOT.format(element=element_name(root), line=root.sourceline),
                          root)
    exports = []
    warnings: list[str] = []
    for child in children(root):
        if child.tag != cat.EXPORT:
            raise reader.unknown_in(UNKNOWN_ELEMENT, child, cat.EXPORT_ROOT, [cat.EXPORT])
        exports.append(_read_export(child, reader, warnings))
    if not exports:
        raise reader.fail(NO_EXPORT.format(line=root.sourceline), root)
    return ExportConfig(exports, source, raw.decode("utf-8", errors="replace"), warnings)


def _read_export(element: El, reader: Reader, warnings: list[str]) -> Export:
    """One <export>: a provider, an export action, its consolidators (what is read in spite
    of the documentation goes to ``warnings``)."""
    parts: dict[str, El] = {}
    for child in children(element):
        if child.tag not in cat.EXPORT_ORDER:
            raise reader.unknown_in(UNKNOWN_ELEMENT, child, cat.EXPORT, cat.EXPORT_ORDER)
        if child.tag in parts:
            raise reader.fail(SECOND_PART.format(line=element.sourceline, part=child.tag,
                                                 second_line=child.sourceline), child)
        parts[child.tag] = child
    line = element.sourceline
    provider = _only(parts.get("providers"), (NO_PROVIDER, MANY_PROVIDERS), line, reader)
    action = _only(parts.get("actions"), (NO_ACTION, MANY_ACTIONS), line, reader)
    read_action = _read_action(action, reader)
    file_name = read_action.options.get(cat.FILE_NAME, "")
    consolidators = parts.get("consolidators")
    latest: El | None = None  # the consolidator latest in the platform's order so far
    for consolidator in children(consolidators) if consolidators is not None else []:
        file_name = _read_consolidator(consolidator, reader) or file_name
        latest = _in_order(consolidator, latest, warnings)
    return Export(_read_provider(provider, reader), read_action, file_name)


def _in_order(element: El, latest: El | None, warnings: list[str]) -> El:
    """The consolidator latest in the documented order once ``element`` is read after
    ``latest``; one declared after a consolidator documented later is warned of."""
    rank = cat.EXPORT_CONSOLIDATORS.index
    if latest is None or rank(element.tag) >= rank(latest.tag):
        return element
    warnings.append(CONSOLIDATOR_ORDER.format(
        name=element.tag, line=element.sourceline, before=latest.tag,
        before_line=latest.sourceline, order=", ".join(cat.EXPORT_CONSOLIDATORS)))
    return latest


def _only(container: El | None, wrong: tuple[str, str], line: int | None,
          reader: Reader) -> El:
    """The one element a part holds; ``wrong``: the messages when it holds none, or more."""
    found = children(container) if container is not None else []
    if len(found) != 1:
        none, many = wrong
        raise reader.fail((many if found else none).format(line=line, count=len(found)),
                          container)
    return found[0]


def _read_columns(element: El, spec: cat.ExportProviderSpec, reader: Reader
                  ) -> list[ExportColumn]:
    """A provider's columns; two its file would head alike (in any case) are refused."""
    columns: list[ExportColumn] = []
    named: set[str] = set()
    for child in children(element):
        column = _read_column(child, spec, reader)
        header = column.label or column.name
        key = _header_key([header])[0]
        if key in named:
            raise reader.fail(COLUMN_TWICE.format(provider=spec.name, header=header), child)
        named.add(key)
        columns.append(column)
    return columns


def _read_provider(element: El, reader: Reader) -> ExportProvider:
    """A provider: known by name, its columns and parameters documented ones."""
    spec = cat.PROVIDERS.get(element.tag) if isinstance(element.tag, str) else None
    if spec is None:
        raise reader.unknown_in(UNKNOWN_EXPORT_PROVIDER, element, "providers",
                                list(cat.PROVIDERS))
    provider = ExportProvider(spec)
    for child in children(element):
        if child.tag == cat.COLUMNS:
            provider.columns = _read_columns(child, spec, reader)
        elif child.tag == cat.PARAMETERS:
            for parameter in children(child):
                if spec.parameters and parameter.tag not in spec.parameters:
                    raise reader.unknown_in(UNKNOWN_EXPORT_PARAMETER, parameter, spec.name,
                                            spec.parameters)
                provider.parameters[parameter.tag] = text_of(parameter)
                if parameter.tag == cat.STATUS_FORMAT:
                    provider.codes[parameter.tag] = {
                        c.tag: text_of(c) for c in children(parameter) if text_of(c)}
        else:
            raise reader.unknown_in(UNKNOWN_ELEMENT, child, spec.name,
                                    [cat.COLUMNS, cat.PARAMETERS])
    if not provider.columns:
        raise reader.fail(NO_COLUMN.format(provider=spec.name, line=element.sourceline),
                          element)
    for name in (cat.DATE_FORMAT, cat.DATE_TIME_FORMAT):
        if provider.parameters.get(name):
            from importer_gui.core.config_xml import validate_date_format

            # A date and time may have ISO 8601's T between them (the activities' example).
            written = provider.parameters[name]
            try:
                validate_date_format(_ISO_T.sub(r"\1 \2", written) if name ==
                                     cat.DATE_TIME_FORMAT else written)
            except ConfigError as exc:
                raise reader.fail(exc.detail, element) from None
    return provider


# The T between a day and an hour in a dateTimeFormat ("YYYY-MM-DDThh:ii:ss").
_ISO_T = re.compile(r"([dD])[tT]([hH])")


def _read_column(element: El, spec: cat.ExportProviderSpec, reader: Reader) -> ExportColumn:
    """One column: a documented one of its provider."""
    if spec.columns and element.tag not in spec.columns:
        raise reader.unknown_in(UNKNOWN_EXPORT_COLUMN, element, spec.name, spec.columns)
    return ExportColumn(element.tag, element.get("label") or "", text_of(element))


def _read_action(element: El, reader: Reader) -> ExportAction:
    """The export action and its options, each value one the platform documents."""
    if element.tag not in cat.EXPORT_ACTIONS:
        raise reader.unknown_in(UNKNOWN_EXPORT_ACTION, element, "actions", cat.EXPORT_ACTIONS)
    known = [*cat.ACTION_OPTIONS, *(cat.SFTP_OPTIONS if element.tag == cat.SFTP_EXPORT else ())]
    choices = {cat.FORMAT: cat.EXPORT_FORMATS, cat.ENCODING: cat.EXPORT_ENCODINGS,
               cat.DELIMITER: cat.EXPORT_DELIMITERS, cat.SHOW_HEADERS: YES_NO,
               cat.DECIMAL: cat.DECIMALS}
    action = ExportAction(element.tag)
    for child in children(element):
        if child.tag not in known:
            raise reader.unknown_in(UNKNOWN_OPTION, child, element.tag, known)
        value = text_of(child)
        allowed = choices.get(child.tag)
        if allowed is not None:
            match = next((c for c in allowed if c.casefold() == value.casefold()), None)
            if match is None:
                raise reader.unknown_in(UNKNOWN_VALUE, child, child.tag, allowed, name=value,
                                        listing=True)
            value = match
        action.options[child.tag] = value
    return action


def _read_consolidator(element: El, reader: Reader) -> str:
    """A known consolidator; moveToFolder's file name ("" for the others)."""
    if element.tag not in cat.EXPORT_CONSOLIDATORS:
        raise reader.unknown_in(UNKNOWN_CONSOLIDATOR, element, "consolidators",
                                cat.EXPORT_CONSOLIDATORS)
    if element.tag != cat.MOVE_TO_FOLDER:
        return ""
    options = {child.tag: text_of(child) for child in children(element)}
    return next((options[n] for n in cat.MOVE_FILE_NAMES if options.get(n)), "")


# --- the exports' files ----------------------------------------------------------------------

def data_files(config: ExportConfig, overrides: list[Path] | None = None) -> list[Path]:
    """Each export's file: the files given (--data, the window's file dialog), then each
    remaining export's file name in the configuration's folder (when the name has date
    placeholders, the file it dates last, not the one copied last).

    A file given whose first line holds an export's headers is that export's, in whatever
    order the files were given (a file dialog sorts them by name); the others take the
    exports left, in order.
    """
    overrides = list(overrides or [])
    exports = config.exports
    laid, unknown = _laid_by_headers(config, overrides)
    # After the laying: a file given twice for one export is named, not only counted.
    if len(overrides) > len(exports):
        raise ConfigError(TOO_MANY_FILES.format(count=len(overrides), exports=len(exports)),
                          path=config.source)
    free = iter([i for i, path in enumerate(laid) if path is None])
    for path in unknown:
        laid[next(free)] = path
    return [path if path is not None else _named_file(config, export)
            for path, export in zip(laid, exports, strict=True)]


def _same_file(one: Path, other: Path) -> bool:
    """True when both paths lead to one file (both were read: an error keeps them apart)."""
    try:
        return one.samefile(other)
    except OSError:
        return False


def _laid_by_headers(config: ExportConfig, paths: list[Path]
                     ) -> tuple[list[Path | None], list[Path]]:
    """Each export's file among ``paths`` by the headers its first line holds (None where
    none does), and the files holding no export's headers; two for one export are refused."""
    exports = config.exports
    laid: list[Path | None] = [None] * len(exports)
    unknown: list[Path] = []
    for path in paths:
        index = _export_holding(exports, path)
        if index is None:
            unknown.append(path)
        elif (first := laid[index]) is not None:
            raise ConfigError(GIVEN_TWICE.format(name=path.name) if _same_file(first, path)
                              else TWO_FILES.format(first=first.name, second=path.name,
                                                    provider=exports[index].provider.name),
                              path=config.source)
        else:
            laid[index] = path
    return laid, unknown


def _export_holding(exports: list[Export], path: Path) -> int | None:
    """The first export whose headers ``path``'s first line holds, if any (a file that
    cannot be read is said so when the refresh reads it; a workbook, which a refresh does
    not read, is not loaded for its first line)."""
    if readers.is_workbook(path):
        return None
    first_lines: dict[tuple[str, str], list[str] | None] = {}
    for index, export in enumerate(exports):
        action = export.action
        if not action.show_headers or action.format not in cat.READ_FORMATS:
            continue
        layout = (action.encoding, action.delimiter_char)
        if layout not in first_lines:
            first_lines[layout] = _first_line(path, *layout)
        if export.holds_headers(first_lines[layout]):
            return index
    return None


def _first_line(path: Path, encoding: str, delimiter: str) -> list[str] | None:
    """The file's first line, as cells (None when it cannot be read so)."""
    try:
        return readers.first_line(path, encoding=encoding, delimiter=delimiter)
    except ImporterError:
        return None


def _named_file(config: ExportConfig, export: Export) -> Path:
    """The export's file beside the configuration: its name only, never a path it names."""
    name = Path(export.file_name.replace("\\", "/")).name
    if not name:
        raise ConfigError(NO_FILE_NAME.format(provider=export.provider.name),
                          path=config.source)
    parts = _PLACEHOLDER.split(name)
    if len(parts) == 1:
        return config.folder / name
    # Any text where a placeholder is, as its name could hold; dated by its digits.
    loose = re.compile("".join(re.escape(p) if n % 2 == 0 else ".*"
                               for n, p in enumerate(parts)), re.DOTALL)
    matches = [p for p in config.folder.iterdir() if p.is_file() and loose.fullmatch(p.name)]
    if not matches:
        raise DataFileError(NO_MATCH.format(name=name), path=config.folder)
    return max(matches, key=lambda p: (_name_date(parts, p.name), p.stat().st_mtime_ns,
                                       p.name))


# A placeholder of a name format, split out of it.
_PLACEHOLDER = re.compile("(" + "|".join(map(re.escape, cat.NAME_DATE_PARTS)) + ")")


def _name_date(parts: list[str], name: str) -> tuple[int, ...]:
    """The date (and iteration) ``name`` gives where the name format split into ``parts``
    (its text, then a placeholder, in turn) has placeholders, the most significant first;
    () when they do not hold digits, which dates it before any name that does."""
    dated = re.fullmatch("".join(re.escape(p) if n % 2 == 0 else f"({cat.NAME_DATE_PARTS[p][0]})"
                                 for n, p in enumerate(parts)), name, re.DOTALL)
    if dated is None:
        return ()
    date = [0] * (1 + max(rank for _digits, rank in cat.NAME_DATE_PARTS.values()))
    for placeholder, digits in zip(parts[1::2], dated.groups(), strict=True):
        date[cat.NAME_DATE_PARTS[placeholder][1]] = int(digits) + (
            cat.CENTURY if placeholder == "%y" else 0)
    return tuple(date)


# --- writing ---------------------------------------------------------------------------------

DEFAULT_EXPORT_FOLDER = "/exports/"
# The biggest file is_scheduled_document reads: ours is a few kilobytes.
SCHEDULED_READ_LIMIT = 1024 * 1024
_FOLDER_PATH = re.compile(rb"<" + cat.FOLDER_PATH.encode() + rb">([^<]*)</")


def is_full_path(folder: str) -> bool:
    """True when ``folder`` names a folder from the server's root: the platform gives
    moveToFolder's folderPath no base path, and refuses an empty one."""
    return folder.startswith("/")


def scheduled_document(folder: str = DEFAULT_EXPORT_FOLDER) -> str:
    """The export configuration that produces the files a refresh reads, as XML text;
    ``folder`` must be a full path (is_full_path)."""
    if not is_full_path(folder):
        raise ValueError(f"not a full path: {folder!r}")
    return _document(folder)


def is_scheduled_document(path: Path) -> bool:
    """True when ``path`` is a file holding, byte for byte, what scheduled_document writes
    for the folder it names: export-config may replace that, and nothing else."""
    # Here, not at the top: see corrections._corrections_xml.
    from xml.sax.saxutils import unescape as xml_unescape

    content = file_bytes(path, SCHEDULED_READ_LIMIT)
    if content is None:
        return False
    found = _FOLDER_PATH.search(content)
    if found is None:
        return False
    try:
        folder = xml_unescape(found.group(1).decode("utf-8"))
    except UnicodeDecodeError:
        return False
    return any(content == _document(folder, names).encode("utf-8")
               for names in ({}, cat.EARLIER_SCHEDULED_NAMES))


def _document(folder: str, names: dict[str, str] | None = None) -> str:
    """The scheduled export configuration moving its files to ``folder``; ``names``: a
    provider's element name, where an earlier version wrote another."""
    root = etree.Element(cat.EXPORT_ROOT, nsmap={"xsi": XSI_NS})
    for provider, columns, file_name in cat.SCHEDULED:
        export = etree.SubElement(root, cat.EXPORT)
        element = etree.SubElement(etree.SubElement(export, "providers"),
                                   (names or {}).get(provider, provider))
        listed = etree.SubElement(element, cat.COLUMNS)
        for column in columns:
            etree.SubElement(listed, column)
        parameters = etree.SubElement(element, cat.PARAMETERS)
        documented = cat.PROVIDERS[provider].parameters
        given = {name: value for name, value in cat.SCHEDULED_PARAMETERS.items()
                 if name in documented}
        for name, value in {**given, **cat.SCHEDULED_EXTRA.get(provider, {})}.items():
            etree.SubElement(parameters, name).text = value
        action = etree.SubElement(etree.SubElement(export, "actions"), cat.FILE_EXPORT)
        for name, value in cat.ACTION_OPTIONS.items():
            etree.SubElement(action, name).text = value
        move = etree.SubElement(etree.SubElement(export, "consolidators"), cat.MOVE_TO_FOLDER)
        etree.SubElement(move, cat.FILE_NAME).text = file_name
        etree.SubElement(move, cat.FOLDER_PATH).text = folder
    etree.indent(root, space="    ")
    return DECLARATION + etree.tostring(root, encoding="unicode") + "\n"
