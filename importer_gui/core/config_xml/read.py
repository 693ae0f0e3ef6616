"""Reading a parsed configuration into dataclasses, checking every name against the catalogue.

Each error names the element, its line and, for a misspelt name, the closest known one. Our
errors are filled from templates marked for translation, one per wording (the line, "did you
mean" and the like are in the template, never in a value), so the window can say them in the
user's language; the platform's (a date format's) stay as the platform writes them.
"""

from __future__ import annotations

import codecs
import copy
import difflib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from importer_gui.core import catalogue as cat
from importer_gui.core.catalogue import OptionKind
from importer_gui.core.catalogue import messages as msg
from importer_gui.core.catalogue.document import DATE_TIME_FORMAT
from importer_gui.core.config import (
    EXT_NS,
    KEYED_FIELDS,
    LOG_OUTSIDE,
    Action,
    ActionField,
    CodeLayer,
    Column,
    Consolidator,
    FieldOptions,
    Import,
    ImportConfig,
    OptionValue,
    Origin,
    Provider,
    code_clash,
    code_layers,
    leads_outside,
    outside_error,
    paths_confined,
)
from importer_gui.core.config_xml.safe import El
from importer_gui.core.errors import QT_TRANSLATE_NOOP, ConfigError
from importer_gui.core.values import parse_int, parse_time

# Our extension: its prefix when we declare it, and the elements and attributes it adds.
EXT_PREFIX = "ia"
SHEET = f"{{{EXT_NS}}}sheet"
HEADER = f"{{{EXT_NS}}}header"


@dataclass(frozen=True)
class Unknown:
    """The messages about an unknown name of one kind in one place, by how they end.

    Their placeholders: {name} as written, {parent} the element it is in (the action, for
    an action's <fields>, <options> and <parameters>), {line}; then {hint}, {known}, {owner},
    {owners} and {last}. An ending a kind never meets is left out: the plainest stands in.
    """

    meant: str  # 'did you mean "{hint}"?'
    ended: str = ""  # nothing more to say
    listed: str = ""  # "expected one of: {known}."
    none: str = ""  # "it takes none."
    owner: str = ""  # "only <{owner}> has it."
    owners: str = ""  # "only {owners} and <{last}> have it."

    def __post_init__(self) -> None:
        plain = self.ended or self.listed
        for ending in ("ended", "listed", "none", "owner", "owners"):
            if not getattr(self, ending):
                object.__setattr__(self, ending, plain)

    @classmethod
    def of(cls, what: str, where: str) -> Unknown:
        """English ones, unmarked, for a kind (``what``) in a place (``where``, "<y>") that
        has no templates of its own."""
        head = f'Unknown {_literal(what)} "{{name}}" in {_literal(where)} (line {{line}})'
        return cls(meant=f'{head}; did you mean "{{hint}}"?', ended=f"{head}.",
                   listed=f"{head}; expected one of: {{known}}.", none=f"{head}; it takes none.",
                   owner=f"{head}; only <{{owner}}> has it.",
                   owners=f"{head}; only {{owners}} and <{{last}}> have it.")


def _literal(text: str) -> str:
    """``text`` as the literal part of a template."""
    return text.replace("{", "{{").replace("}", "}}")


# Unknown names, by kind and place (in the window, each reads in the user's language).
UNKNOWN_ELEMENT = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown element "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown element "{name}" in <{parent}> (line {line}).'))
UNKNOWN_ACTION = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown action "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown action "{name}" in <{parent}> (line {line}).'))
UNKNOWN_OPTION = Unknown(  # a provider's or a consolidator's
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <{parent}> (line {line}).'))
UNKNOWN_COLUMN = Unknown(  # a field in <columnsMapping>
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown field "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown field "{name}" in <{parent}> (line {line}).'))
UNKNOWN_VALUE_MAPPING = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown value mapping "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown value mapping "{name}" in <{parent}> '
                                      "(line {line})."),
    none=QT_TRANSLATE_NOOP("errors", 'Unknown value mapping "{name}" in <{parent}> '
                                     "(line {line}); it takes none."))
UNKNOWN_SETTING = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown setting "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown setting "{name}" in <{parent}> (line {line}).'))
UNKNOWN_SEARCH_FIELD = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown search field "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    listed=QT_TRANSLATE_NOOP("errors", 'Unknown search field "{name}" in <{parent}> '
                                       "(line {line}); expected one of: {known}."))
UNKNOWN_VALUE = Unknown(  # a choice of an action's option or parameter
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown value "{name}" in <{parent}> (line {line}); '
                                      'did you mean "{hint}"?'),
    listed=QT_TRANSLATE_NOOP("errors", 'Unknown value "{name}" in <{parent}> (line {line}); '
                                       "expected one of: {known}."))
UNKNOWN_FILE_ENCODING = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown file encoding "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    listed=QT_TRANSLATE_NOOP("errors", 'Unknown file encoding "{name}" in <{parent}> '
                                       "(line {line}); expected one of: {known}."))
UNKNOWN_DELIMITER = Unknown(
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown delimiter "{name}" in <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    listed=QT_TRANSLATE_NOOP("errors", 'Unknown delimiter "{name}" in <{parent}> '
                                       "(line {line}); expected one of: {known}."))
UNKNOWN_ACTION_FIELD = Unknown(  # in an action's <fields>
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown field "{name}" in <fields> of <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown field "{name}" in <fields> of <{parent}> '
                                      "(line {line})."),
    owner=QT_TRANSLATE_NOOP("errors", 'Unknown field "{name}" in <fields> of <{parent}> '
                                      "(line {line}); only <{owner}> has it."),
    owners=QT_TRANSLATE_NOOP("errors", 'Unknown field "{name}" in <fields> of <{parent}> '
                                       "(line {line}); only {owners} and <{last}> have it."))
UNKNOWN_ACTION_OPTION = Unknown(  # in an action's <options>
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <options> of <{parent}> '
                                      '(line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <options> of <{parent}> '
                                      "(line {line})."),
    none=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <options> of <{parent}> '
                                     "(line {line}); it takes none."),
    owner=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <options> of <{parent}> '
                                      "(line {line}); only <{owner}> has it."),
    owners=QT_TRANSLATE_NOOP("errors", 'Unknown option "{name}" in <options> of <{parent}> '
                                       "(line {line}); only {owners} and <{last}> have it."))
UNKNOWN_PARAMETER = Unknown(  # in an action's <parameters>
    meant=QT_TRANSLATE_NOOP("errors", 'Unknown parameter "{name}" in <parameters> of '
                                      '<{parent}> (line {line}); did you mean "{hint}"?'),
    ended=QT_TRANSLATE_NOOP("errors", 'Unknown parameter "{name}" in <parameters> of '
                                      "<{parent}> (line {line})."),
    owner=QT_TRANSLATE_NOOP("errors", 'Unknown parameter "{name}" in <parameters> of '
                                      "<{parent}> (line {line}); only <{owner}> has it."),
    owners=QT_TRANSLATE_NOOP("errors", 'Unknown parameter "{name}" in <parameters> of '
                                       "<{parent}> (line {line}); only {owners} and <{last}> "
                                       "have it."))

# Mac Roman, what Excel for Mac saves as "CSV": no name the platform knows reads it, so the
# advice is the data file's (readers/text.py MAC_ROMAN), not another name to write here.
MAC_ROMAN_ENCODING = QT_TRANSLATE_NOOP(
    "errors", 'Unknown file encoding "{name}" in <{parent}> (line {line}): neither the '
              'platform nor the assistant reads Mac Roman (what Excel for Mac saves as "CSV"); '
              "save the file again as CSV UTF-8, then write UTF-8 here.")

# An unknown choice of a provider option, by the option's kind.
_CHOICE_KINDS = {OptionKind.FILE_ENCODING: UNKNOWN_FILE_ENCODING,
                 OptionKind.DELIMITER: UNKNOWN_DELIMITER}

# The reader's other errors.
NOT_YES_OR_NO = QT_TRANSLATE_NOOP("errors", 'Invalid value "{value}" in <{element}> '
                                            "(line {line}); expected yes or no.")
NOT_WHOLE = QT_TRANSLATE_NOOP("errors", 'Invalid value "{value}" in <{element}> '
                                        "(line {line}); expected a whole number.")
NOT_A_TIME = QT_TRANSLATE_NOOP("errors", 'Invalid value "{value}" in <{element}> '
                                         "(line {line}); expected a time as hh:ii:ss.")
# The same, for a value set without a document (on the mapping page): no line to name.
NOT_WHOLE_UNPLACED = QT_TRANSLATE_NOOP("errors", 'Invalid value "{value}" in <{element}>; '
                                                 "expected a whole number.")
NOT_A_TIME_UNPLACED = QT_TRANSLATE_NOOP("errors", 'Invalid value "{value}" in <{element}>; '
                                                  "expected a time as hh:ii:ss.")
WRONG_ROOT = QT_TRANSLATE_NOOP("errors", "The root element is <{element}> (line {line}); a "
                                         "configuration starts with <import-config>.")
NO_IMPORT = QT_TRANSLATE_NOOP("errors", "<import-config> (line {line}) holds no <import>; "
                                        "there is nothing to import.")
SECOND_PART = QT_TRANSLATE_NOOP("errors", "<import> (line {line}) has a second <{part}> "
                                          "(line {second_line}).")
SECOND_PROVIDER = QT_TRANSLATE_NOOP("errors", "<providers> (line {line}) has a second "
                                              "<{provider}> (line {second_line}); the "
                                              "assistant reads one data file per <import>.")
NO_PROVIDER = QT_TRANSLATE_NOOP("errors", "<import> (line {line}) has no <{provider}> in "
                                          "<providers>.")
NO_PROVIDER_READ = QT_TRANSLATE_NOOP("errors", "<import> (line {line}) has no <{provider}> in "
                                               "<providers>; <{other}> (line {other_line}) is "
                                               "not one the assistant reads.")
NO_ACTIONS = QT_TRANSLATE_NOOP("errors", "<import> (line {line}) has no <actions>.")
NO_ACTION = QT_TRANSLATE_NOOP("errors", "<actions> (line {line}) holds no action.")
TWICE = QT_TRANSLATE_NOOP("errors", "<{option}> appears twice in <{provider}> (line {line}).")
NO_GUID = QT_TRANSLATE_NOOP("errors", "<{field}> in <{option}> (line {line}) names no GUID; "
                                      "write <custom>GUID</custom>.")


DATE_PART_TWICE = QT_TRANSLATE_NOOP("errors", "The date format {format} gives {part} twice; "
                                              "each of YYYY (or YY), MM, DD, HH, II and SS "
                                              "may appear once.")


def validate_date_format(fmt: str) -> None:
    """Raise ConfigError unless ``fmt`` is a valid dateFormat: the platform's wording for a
    character it does not know; ours for a part given twice, which no date can be read in
    (the pattern it makes would read one value into two places)."""
    if not fmt or any(ch not in cat.DATE_FORMAT_CHARS for ch in fmt):
        raise ConfigError(msg.DATE_FORMAT_INVALID.format(format=fmt))
    seen: set[str] = set()
    for part in re.finditer(r"([A-Za-z])\1*", fmt):  # a run of one letter is one part
        letter = part.group(1).upper()
        if letter in seen:
            raise ConfigError(DATE_PART_TWICE.format(format=fmt, part=part.group(0)))
        seen.add(letter)


def suggest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to ``name`` (a different case counts as closest), or None."""
    folded: dict[str, str] = {}
    for candidate in known:
        folded.setdefault(candidate.casefold(), candidate)
    key = name.casefold()
    if not key:
        return None
    if key in folded:
        return folded[key]
    close = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


@dataclass
class Reader:
    """Builds located errors for one source."""

    source: Path | None

    def origin(self, element: El, *, data: bool = False) -> Origin:
        """Where ``element``'s options were read; ``data``: its data paths are confined."""
        lines = {element_name(child): child.sourceline for child in children(element)}
        return Origin(self.source, lines, confined=data and paths_confined(self.source),
                      line=element.sourceline)

    def fail(self, message: str, element: El | None = None, *,
             suggestion: tuple[str, str] | None = None) -> ConfigError:
        """A ConfigError naming the source and the element's line."""
        line = element.sourceline if element is not None else None
        return ConfigError(message, path=self.source, line=line, suggestion=suggestion)

    def unknown(self, what: str, element: El, where: str, known: Sequence[str], *,
                name: str | None = None, listing: bool = False,
                elsewhere: Sequence[str] = ()) -> ConfigError:
        """'Unknown field "x" in <y> (line N); did you mean "z"?', in English only: for a
        kind of name (``what``) in a place (``where``, "<y>") without marked templates."""
        return self.unknown_in(Unknown.of(what, where), element, "", known, name=name,
                               listing=listing, elsewhere=elsewhere)

    def unknown_in(self, kind: Unknown, element: El, parent: str, known: Sequence[str], *,
                   name: str | None = None, listing: bool = False,
                   elsewhere: Sequence[str] = (), hint: str | None = None) -> ConfigError:
        """'Unknown field "x" in <parent> (line N); did you mean "z"?' from ``kind``'s templates.

        Only ``known`` names, the ones valid in that place, are suggested. A name that is
        valid ``elsewhere`` (a field of other actions) is no misspelling: the message says
        where it belongs rather than offer a look-alike. ``hint`` is the name meant, when the
        caller knows it better than a look-alike.
        """
        name = element_name(element) if name is None else name
        values = {"name": name, "parent": parent, "line": element.sourceline}
        hint = suggest(name, known) if hint is None else hint
        same_but_case = hint is not None and hint.casefold() == name.casefold()
        if elsewhere and known and not same_but_case:
            if len(elsewhere) == 1:
                return self.fail(kind.owner.format(**values, owner=elsewhere[0]), element)
            owners = ", ".join(f"<{owner}>" for owner in elsewhere[:-1])
            return self.fail(kind.owners.format(**values, owners=owners, last=elsewhere[-1]),
                             element)
        if hint is not None and hint != name:
            return self.fail(kind.meant.format(**values, hint=hint), element,
                             suggestion=(name, hint))
        if listing and known:
            return self.fail(kind.listed.format(**values, known=", ".join(known)), element)
        if not known:
            return self.fail(kind.none.format(**values), element)
        return self.fail(kind.ended.format(**values), element)


def owners(name: str, part: str) -> list[str]:
    """The actions that have ``name`` as a field ("fields"), an option ("options") or a
    parameter ("parameters"), in catalogue order."""
    found = []
    for spec in cat.ACTIONS.values():
        if part == "fields":
            has = spec.field_named(name) is not None
        elif part == "options":
            has = spec.option(name) is not None
        else:
            has = spec.parameter(name) is not None or name in coded_fields(spec)
        if has:
            found.append(spec.name)
    return found


def element_name(element: El) -> str:
    """The element's name as written, with our prefix for our extension."""
    qname = etree.QName(element)
    if qname.namespace == EXT_NS:
        return f"{EXT_PREFIX}:{qname.localname}"
    return element.tag if isinstance(element.tag, str) else str(element.tag)


def children(element: El) -> list[El]:
    """Child elements, without comments and processing instructions."""
    return [child for child in element if isinstance(child.tag, str)]


def text_of(element: El) -> str:
    """The element's text, comments left out, trimmed."""
    return "".join(element.itertext()).strip()


def verbatim(element: El) -> str:
    """An element as XML text, with only the namespace declarations it uses."""
    clone = copy.deepcopy(element)
    clone.tail = None
    etree.cleanup_namespaces(clone)
    return etree.tostring(clone, encoding="unicode")


def _yes_no(element: El, reader: Reader) -> bool:
    """A yesNoElement's value."""
    value = text_of(element)
    if value.lower() not in cat.YES_NO:
        raise reader.fail(NOT_YES_OR_NO.format(value=value, element=element_name(element),
                                               line=element.sourceline), element)
    return value.lower() == cat.YES


def read_root(root: El, reader: Reader) -> ImportConfig:
    """The whole document."""
    if root.tag != "import-config":
        raise reader.fail(WRONG_ROOT.format(element=element_name(root), line=root.sourceline),
                          root)
    config = ImportConfig(source=reader.source)
    for child in children(root):
        if child.tag == "import":
            config.imports.append(read_import(child, reader))
        elif child.tag in cat.NOT_RUN:
            config.preserved.append(verbatim(child))
        else:
            raise reader.unknown_in(UNKNOWN_ELEMENT, child, "import-config",
                                    ["import", *cat.NOT_RUN])
    if not config.imports:
        raise reader.fail(NO_IMPORT.format(line=root.sourceline), root)
    return config


@dataclass
class Parts:
    """The elements of one <import>, found once for reading and patching alike."""

    providers: El | None = None
    provider: El | None = None
    actions: El | None = None
    consolidators: El | None = None
    known_consolidators: list[El] = field(default_factory=list)
    preserved: list[El] = field(default_factory=list)
    other_providers: list[El] = field(default_factory=list)


def import_parts(element: El, reader: Reader) -> Parts:
    """Sort an <import>'s children into what we read and what we keep verbatim."""
    parts = Parts()
    for child in children(element):
        if child.tag in ("providers", "actions", "consolidators"):
            if getattr(parts, child.tag) is not None:
                raise reader.fail(SECOND_PART.format(line=element.sourceline, part=child.tag,
                                                     second_line=child.sourceline), child)
            setattr(parts, child.tag, child)
            if child.tag == "providers":
                _sort_providers(child, parts, reader)
            elif child.tag == "consolidators":
                _sort_consolidators(child, parts)
        elif child.tag in cat.NOT_RUN:
            parts.preserved.append(child)
        else:
            raise reader.unknown_in(UNKNOWN_ELEMENT, child, "import", cat.IMPORT_ORDER)
    return parts


def _sort_providers(element: El, parts: Parts, reader: Reader) -> None:
    """The file provider is read; any other provider is kept as it is."""
    for child in children(element):
        if child.tag != cat.FILE_PROVIDER:
            parts.preserved.append(child)
            parts.other_providers.append(child)
        elif parts.provider is not None:
            raise reader.fail(SECOND_PROVIDER.format(line=element.sourceline,
                                                     provider=cat.FILE_PROVIDER,
                                                     second_line=child.sourceline), child)
        else:
            parts.provider = child


def _sort_consolidators(element: El, parts: Parts) -> None:
    """Known consolidators are read; the others are kept as they are."""
    for child in children(element):
        if child.tag in cat.KNOWN_CONSOLIDATORS:
            parts.known_consolidators.append(child)
        else:
            parts.preserved.append(child)


def read_import(element: El, reader: Reader) -> Import:
    """One <import>."""
    parts = import_parts(element, reader)
    line = element.sourceline
    if parts.provider is None:
        if parts.other_providers:
            other = parts.other_providers[0]
            raise reader.fail(NO_PROVIDER_READ.format(
                line=line, provider=cat.FILE_PROVIDER, other=element_name(other),
                other_line=other.sourceline), element)
        raise reader.fail(NO_PROVIDER.format(line=line, provider=cat.FILE_PROVIDER), element)
    if parts.actions is None:
        raise reader.fail(NO_ACTIONS.format(line=line), element)
    imp = Import(
        provider=_read_provider(parts.provider, reader, _fields_here(parts.actions)),
        actions=_read_actions(parts.actions, reader),
        consolidators=[_read_consolidator(c, reader) for c in parts.known_consolidators],
        preserved=[verbatim(p) for p in parts.preserved],
    )
    _refuse_shared_codes(parts.provider, parts.actions, reader)
    return imp


def _fields_here(actions: El) -> list[str]:
    """The field names a column of this import may hold, as suggestions: its known actions'
    fields (every action's when it names none the catalogue knows)."""
    specs = [spec for child in children(actions) if (spec := cat.ACTIONS.get(child.tag))]
    names = {f.name for spec in specs for f in spec.fields} if specs else cat.ALL_FIELD_NAMES
    return sorted(names | {cat.IGNORED_COLUMN})


def _read_provider(element: El, reader: Reader, fields_here: list[str]) -> Provider:
    """A fileSystemSourceProvider's options and columns."""
    provider = Provider(origin=reader.origin(element, data=True))
    seen: set[str] = set()
    known = [*cat.PROVIDER_ORDER, f"{EXT_PREFIX}:sheet"]
    for child in children(element):
        if child.tag in seen:
            raise reader.fail(TWICE.format(option=element_name(child), provider=cat.FILE_PROVIDER,
                                           line=child.sourceline), child)
        seen.add(child.tag)
        if child.tag == cat.COLUMNS_MAPPING:
            provider.columns = _read_columns(child, reader, fields_here)
        elif child.tag == SHEET:
            provider.sheet = text_of(child)
        elif child.tag in cat.PROVIDER_ATTRS:
            setattr(provider, cat.PROVIDER_ATTRS[child.tag], _provider_value(child, reader))
        elif child.tag in cat.PROVIDER_OPTIONS:
            provider.other_options[child.tag] = text_of(child)
        else:
            raise reader.unknown_in(UNKNOWN_OPTION, child, cat.FILE_PROVIDER, known)
    return provider


def _provider_value(element: El, reader: Reader) -> str | bool:
    """One provider option's value, checked by its kind."""
    option = cat.PROVIDER_OPTIONS[element.tag]
    value = text_of(element)
    if option.kind is OptionKind.YESNO:
        return _yes_no(element, reader)
    if option.choices:
        return _choice(element, value, option.choices,
                       _CHOICE_KINDS.get(option.kind, UNKNOWN_VALUE), reader)
    if option.kind is OptionKind.DATE_FORMAT:
        try:
            validate_date_format(value)
        except ConfigError as exc:
            raise reader.fail(exc.detail, element) from None
    return value


def _choice(element: El, value: str, choices: Sequence[str], kind: Unknown,
            reader: Reader) -> str:
    """One of ``choices``, matched without regard to case."""
    for choice in choices:
        if choice.casefold() == value.casefold():
            return choice
    if kind is UNKNOWN_FILE_ENCODING and _is_mac_roman(value):
        raise reader.fail(MAC_ROMAN_ENCODING.format(name=value, parent=element.tag,
                                                    line=element.sourceline), element)
    meant = _same_encoding(value, choices) if kind is UNKNOWN_FILE_ENCODING else None
    raise reader.unknown_in(kind, element, element.tag, choices, name=value, listing=True,
                            hint=meant)


def _is_mac_roman(value: str) -> bool:
    """Whether ``value`` names Mac Roman: Python's names (MacRoman, macintosh) or the MIME
    name x-mac-roman."""
    try:
        return codecs.lookup(value.strip().casefold().removeprefix("x-")).name == "mac-roman"
    except LookupError:
        return False


def _same_encoding(value: str, choices: Sequence[str]) -> str | None:
    """The platform's name of the encoding ``value`` is another name of ("latin-1",
    "cp1252"), which no look-alike finds."""
    try:
        wanted = codecs.lookup(value).name
    except LookupError:
        return None
    return next((choice for choice in choices if codecs.lookup(choice).name == wanted), None)


def _read_columns(element: El, reader: Reader, fields_here: list[str]) -> list[Column]:
    """The columnsMapping, in file order."""
    columns = []
    for child in children(element):
        definition = any_field(child.tag)
        if child.tag == cat.IGNORED_COLUMN:
            options = _read_field_options(child, None, reader)
        elif definition is not None:
            options = _read_field_options(child, definition, reader)
        else:
            raise reader.unknown_in(UNKNOWN_COLUMN, child, cat.COLUMNS_MAPPING, fields_here)
        name = definition.name if definition is not None else child.tag
        columns.append(Column(field=name, options=options, header=child.get(HEADER),
                              alias=None if name == child.tag else child.tag))
    return columns


def any_field(name: str) -> cat.FieldDef | None:
    """The field read under ``name`` (its name or an alias) in any action."""
    if not isinstance(name, str):
        return None
    found = cat.field_def(name)
    if found is not None:
        return found
    return next((f for spec in cat.ACTIONS.values() if (f := spec.field_named(name))), None)


def _read_field_options(element: El, spec: cat.FieldDef | None,
                        reader: Reader) -> FieldOptions:
    """A field element's children: <mandatory>, value mappings and the field's settings."""
    options = FieldOptions()
    meanings = [meaning for meaning, _ in spec.codes] if spec else []
    settings = spec.settings if spec else ()
    for child in children(element):
        if child.tag == "mandatory" and spec is not None:
            options.mandatory = _yes_no(child, reader)
        elif child.tag in meanings:
            options.codes[child.tag] = text_of(child)  # "" keeps the default code
        elif child.tag in settings:
            options.settings[child.tag] = text_of(child)
        else:
            known = ["mandatory", *meanings, *settings] if spec else []
            kind = UNKNOWN_VALUE_MAPPING if meanings or not settings else UNKNOWN_SETTING
            raise reader.unknown_in(kind, child, element.tag, known)
    return options


def _read_actions(element: El, reader: Reader) -> list[Action]:
    """The actions, in order; at least one."""
    actions = []
    for child in children(element):
        spec = cat.ACTIONS.get(child.tag)
        if spec is None:
            raise reader.unknown_in(UNKNOWN_ACTION, child, "actions", list(cat.ACTIONS))
        actions.append(_read_action(child, spec, reader))
    if not actions:
        raise reader.fail(NO_ACTION.format(line=element.sourceline), element)
    return actions


def _read_action(element: El, spec: cat.ActionSpec, reader: Reader) -> Action:
    """One action with its options and fields."""
    action = Action(name=spec.name)
    for child in children(element):
        if child.tag == "options":
            _read_action_options(child, spec, action, reader)
        elif child.tag == "fields":
            action.fields = [_read_action_field(c, spec, reader) for c in children(child)]
        elif child.tag == PARAMETERS and parameters_allowed(spec):
            _read_parameters(child, spec, action, reader)
        else:
            raise reader.unknown_in(UNKNOWN_ELEMENT, child, spec.name, action_parts(spec))
    return action


# The block of an action's parameters (consolidated tracking).
PARAMETERS = "parameters"


def parameters_allowed(spec: cat.ActionSpec) -> bool:
    """True for an action that reads a <parameters> block."""
    return bool(spec.parameters)


def action_parts(spec: cat.ActionSpec) -> list[str]:
    """The elements an action may hold, in the order they are written."""
    return ["options", "fields", *([PARAMETERS] if parameters_allowed(spec) else [])]


def coded_fields(spec: cat.ActionSpec) -> list[str]:
    """The action's coded fields, whose value mappings its <parameters> may hold."""
    return [f.name for f in spec.fields if f.codes]


def _read_action_field(element: El, spec: cat.ActionSpec, reader: Reader) -> ActionField:
    """One element of an action's <fields>: it must be one of that action's fields."""
    definition = spec.field_named(element.tag) if isinstance(element.tag, str) else None
    if definition is None:
        raise reader.unknown_in(UNKNOWN_ACTION_FIELD, element, spec.name,
                                [f.name for f in spec.fields],
                                elsewhere=owners(element_name(element), "fields"))
    alias = None if definition.name == element.tag else element.tag
    return ActionField(definition.name, _read_field_options(element, definition, reader),
                       alias)


def _read_parameters(element: El, spec: cat.ActionSpec, action: Action,
                     reader: Reader) -> None:
    """An action's <parameters>: simple values, and value mappings of its coded fields."""
    coded = coded_fields(spec)
    for child in children(element):
        parameter = spec.parameter(child.tag)
        if parameter is not None:
            action.parameters[child.tag] = _option_text(child, parameter, reader)
        elif child.tag in coded:
            options = _read_field_options(child, spec.by_name[child.tag], reader)
            action.parameter_codes[child.tag] = options.codes
        else:
            raise reader.unknown_in(UNKNOWN_PARAMETER, child, spec.name,
                                    [*(p.name for p in spec.parameters), *coded],
                                    elsewhere=owners(element_name(child), PARAMETERS))


def _read_action_options(element: El, spec: cat.ActionSpec, action: Action,
                         reader: Reader) -> None:
    """An action's <options> into the Action, each checked by its kind."""
    for child in children(element):
        option = spec.option(child.tag) if isinstance(child.tag, str) else None
        if option is None:
            raise reader.unknown_in(UNKNOWN_ACTION_OPTION, child, spec.name,
                                    [o.name for o in spec.options],
                                    elsewhere=owners(element_name(child), "options"))
        value: OptionValue
        if option.kind is OptionKind.FIELD_LIST:
            value = _read_field_list(child, option, reader)
            if child.attrib:
                action.attributes[option.name] = dict(child.attrib)
        else:
            value = _option_text(child, option, reader)
        action.set_option(option.name, value)


def _option_text(element: El, option: cat.OptionDef, reader: Reader) -> str:
    """A simple option's or parameter's text, checked by its kind."""
    value = text_of(element)
    if option.kind is OptionKind.YESNO:
        return cat.YES if _yes_no(element, reader) else cat.NO
    if option.choices:
        return _choice(element, value, option.choices, UNKNOWN_VALUE, reader)
    fault = value_fault(option, value, element.sourceline)
    if fault is not None:
        raise reader.fail(fault, element)
    return value


def value_fault(option: cat.OptionDef, value: str, line: int | None = None) -> str | None:
    """What is wrong with a simple option's or parameter's text for its kind (a whole
    number, a date format, a time), naming its ``line`` when it has one; None if nothing."""
    value = value.strip()
    unplaced = line is None
    if option.kind is OptionKind.INT and parse_int(value) is None:
        return (NOT_WHOLE_UNPLACED if unplaced else NOT_WHOLE).format(
            value=value, element=option.name, line=line)
    if option.kind is OptionKind.DATE_FORMAT or option.name == DATE_TIME_FORMAT:
        try:
            validate_date_format(value)
        except ConfigError as exc:
            return exc.detail
    if option.kind is OptionKind.TIME and parse_time(value) is None:
        return (NOT_A_TIME_UNPLACED if unplaced else NOT_A_TIME).format(
            value=value, element=option.name, line=line)
    return None


def refuse_bad_values(imp: Import) -> None:
    """The reader's checks of an import's values by their kind (its date format, its
    actions' whole numbers, date formats and times), for one built without a document (the
    mapping page's): ConfigError naming no line."""
    validate_date_format(imp.provider.date_format)
    for action in imp.actions:
        spec = cat.ACTIONS.get(action.name)
        if spec is None:
            continue
        written = [*((spec.option(name), value) for name, value in action.options()),
                   *((spec.parameter(name), value) for name, value in action.parameters.items())]
        for option, value in written:
            if option is not None and isinstance(value, str):
                fault = value_fault(option, value)
                if fault is not None:
                    raise ConfigError(fault)


def _read_field_list(element: El, option: cat.OptionDef, reader: Reader) -> list[str]:
    """The fields a field-list option (sessionSearchField) names; a custom field is
    ``custom:GUID``."""
    names = []
    for child in children(element):
        if child.tag not in option.choices:
            raise reader.unknown_in(UNKNOWN_SEARCH_FIELD, child, option.name, option.choices,
                                    listing=True)
        if child.tag in KEYED_FIELDS:
            key = text_of(child)
            if not key:
                raise reader.fail(NO_GUID.format(field=child.tag, option=option.name,
                                                 line=child.sourceline), child)
            names.append(f"{child.tag}:{key}")
        else:
            names.append(child.tag)
    return names


def _read_consolidator(element: El, reader: Reader) -> Consolidator:
    """A known consolidator and its simple options."""
    known = cat.KNOWN_CONSOLIDATORS[element.tag]
    options = {}
    for child in children(element):
        if child.tag not in known:
            raise reader.unknown_in(UNKNOWN_OPTION, child, element.tag, known)
        options[child.tag] = text_of(child)
    origin = reader.origin(element)
    location = options.get(cat.LOCATION, "")
    if element.tag == cat.ERROR_LOGGER and leads_outside(location):
        raise outside_error(origin, cat.LOCATION, location, LOG_OUTSIDE)
    return Consolidator(name=element.tag, options=options, origin=origin)


# --- value mappings: one code, one meaning --------------------------------------------------

def _refuse_shared_codes(provider: El, actions: El, reader: Reader) -> None:
    """A code that means two things in one field is refused, naming where each was set.

    A field's codes are its defaults, then its column's mappings, then those of the action's
    <parameters>, then those of its <fields> entry, as a check reads them.
    """
    columns = ((column.tag, column, _code_elements(column))
               for mapping in _named(provider, cat.COLUMNS_MAPPING) for column in children(mapping))
    actions = ((_entries(action, PARAMETERS), _entries(action, "fields"))
               for action in children(actions))
    for element, under, over in code_layers(columns, actions):
        _refuse_clash(element, under, over, reader)


def _entries(action: El, tag: str) -> Iterator[CodeLayer[El, El]]:
    """Each field entry of an action's blocks named ``tag``, with the codes it sets."""
    return ((entry.tag, entry, _code_elements(entry))
            for block in _named(action, tag) for entry in children(block))


def _named(element: El, tag: str) -> list[El]:
    return [child for child in children(element) if child.tag == tag]


def _code_elements(field_element: El) -> dict[str, El]:
    """meaning -> the child element that sets its code, for a coded field (an element left
    empty keeps the default code: it sets none)."""
    spec = any_field(field_element.tag)
    meanings = {meaning for meaning, _ in spec.codes} if spec else set()
    return {child.tag: child for child in children(field_element)
            if child.tag in meanings and text_of(child)}


def _refuse_clash(field_element: El, under: dict[str, El], over: dict[str, El],
                  reader: Reader) -> None:
    """Refuse when the codes set by ``under`` then ``over`` give one code two meanings."""
    spec = any_field(field_element.tag)
    if spec is None or not (under or over):
        return
    set_by = {**under, **over}
    found = code_clash(spec.name, spec.codes,
                       {meaning: (text_of(e), e.sourceline) for meaning, e in set_by.items()})
    if found is None:
        return
    message, first, second = found
    first_at, second_at = set_by.get(first), set_by.get(second)  # None: its default code
    last = max((e for e in (first_at, second_at) if e is not None),
               key=lambda e: e.sourceline, default=field_element)
    raise reader.fail(message, last)
