"""Reading a parsed configuration into dataclasses, checking every name against the catalogue.

Each error names the element, its line and, for a misspelt name, the closest known one.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Iterable, Sequence
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
    SHARED_CODE,
    Action,
    ActionField,
    Column,
    Consolidator,
    FieldOptions,
    Import,
    ImportConfig,
    OptionValue,
    Origin,
    Provider,
    leads_outside,
    outside_error,
    paths_confined,
    shared_code,
)
from importer_gui.core.config_xml.safe import El
from importer_gui.core.errors import ConfigError
from importer_gui.core.values import parse_int, parse_time

# Our extension: its prefix when we declare it, and the elements and attributes it adds.
EXT_PREFIX = "ia"
SHEET = f"{{{EXT_NS}}}sheet"
HEADER = f"{{{EXT_NS}}}header"

# What an unknown choice is called in an error, by the option's kind.
_CHOICE_WORDS = {OptionKind.FILE_ENCODING: "file encoding", OptionKind.DELIMITER: "delimiter"}


def validate_date_format(fmt: str) -> None:
    """Raise ConfigError (the platform's wording) unless ``fmt`` is a valid dateFormat."""
    if not fmt or any(ch not in cat.DATE_FORMAT_CHARS for ch in fmt):
        raise ConfigError(msg.DATE_FORMAT_INVALID.format(format=fmt))


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
        return Origin(self.source, lines, confined=data and paths_confined(self.source))

    def fail(self, message: str, element: El | None = None, *,
             suggestion: tuple[str, str] | None = None) -> ConfigError:
        """A ConfigError naming the source and the element's line."""
        line = element.sourceline if element is not None else None
        return ConfigError(message, path=self.source, line=line, suggestion=suggestion)

    def unknown(self, what: str, element: El, where: str, known: Sequence[str], *,
                name: str | None = None, listing: bool = False,
                elsewhere: Sequence[str] = ()) -> ConfigError:
        """'Unknown field "x" in <y> (line N); did you mean "z"?'

        Only ``known`` names, the ones valid in that place, are suggested. A name that is
        valid ``elsewhere`` (a field of other actions) is no misspelling: the message says
        where it belongs rather than offer a look-alike.
        """
        name = element_name(element) if name is None else name
        message = f'Unknown {what} "{name}" in {where} (line {element.sourceline})'
        hint = suggest(name, known)
        same_but_case = hint is not None and hint.casefold() == name.casefold()
        if elsewhere and known and not same_but_case:
            return self.fail(f"{message}; only {_listed(elsewhere)} {_have(elsewhere)} it.",
                             element)
        if hint is not None and hint != name:
            return self.fail(f'{message}; did you mean "{hint}"?', element,
                             suggestion=(name, hint))
        if listing and known:
            message += f"; expected one of: {', '.join(known)}."
        elif not known:
            message += "; it takes none."
        else:
            message += "."
        return self.fail(message, element)


def _listed(names: Sequence[str]) -> str:
    """'<a>', '<a> and <b>', '<a>, <b> and <c>'."""
    tags = [f"<{n}>" for n in names]
    return tags[0] if len(tags) == 1 else f"{', '.join(tags[:-1])} and {tags[-1]}"


def _have(names: Sequence[str]) -> str:
    return "has" if len(names) == 1 else "have"


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
        raise reader.fail(f'Invalid value "{value}" in <{element_name(element)}> '
                          f"(line {element.sourceline}); expected yes or no.", element)
    return value.lower() == cat.YES


def read_root(root: El, reader: Reader) -> ImportConfig:
    """The whole document."""
    if root.tag != "import-config":
        raise reader.fail(f"The root element is <{element_name(root)}> (line {root.sourceline});"
                          " a configuration starts with <import-config>.", root)
    config = ImportConfig(source=reader.source)
    for child in children(root):
        if child.tag == "import":
            config.imports.append(read_import(child, reader))
        elif child.tag in cat.NOT_RUN:
            config.preserved.append(verbatim(child))
        else:
            raise reader.unknown("element", child, "<import-config>", ["import", *cat.NOT_RUN])
    if not config.imports:
        raise reader.fail(f"<import-config> (line {root.sourceline}) holds no <import>; "
                          "there is nothing to import.", root)
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
                raise reader.fail(f"<import> (line {element.sourceline}) has a second "
                                  f"<{child.tag}> (line {child.sourceline}).", child)
            setattr(parts, child.tag, child)
            if child.tag == "providers":
                _sort_providers(child, parts, reader)
            elif child.tag == "consolidators":
                _sort_consolidators(child, parts)
        elif child.tag in cat.NOT_RUN:
            parts.preserved.append(child)
        else:
            raise reader.unknown("element", child, "<import>", cat.IMPORT_ORDER)
    return parts


def _sort_providers(element: El, parts: Parts, reader: Reader) -> None:
    """The file provider is read; any other provider is kept as it is."""
    for child in children(element):
        if child.tag != cat.FILE_PROVIDER:
            parts.preserved.append(child)
            parts.other_providers.append(child)
        elif parts.provider is not None:
            raise reader.fail(f"<providers> (line {element.sourceline}) has a second "
                              f"<{cat.FILE_PROVIDER}> (line {child.sourceline}); the assistant "
                              "reads one data file per <import>.", child)
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
        found = "".join(f"; <{element_name(p)}> (line {p.sourceline}) is not one the "
                        "assistant reads" for p in parts.other_providers[:1])
        raise reader.fail(f"<import> (line {line}) has no <{cat.FILE_PROVIDER}> in "
                          f"<providers>{found}.", element)
    if parts.actions is None:
        raise reader.fail(f"<import> (line {line}) has no <actions>.", element)
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
            raise reader.fail(f"<{element_name(child)}> appears twice in <{cat.FILE_PROVIDER}> "
                              f"(line {child.sourceline}).", child)
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
            raise reader.unknown("option", child, f"<{cat.FILE_PROVIDER}>", known)
    return provider


def _provider_value(element: El, reader: Reader) -> str | bool:
    """One provider option's value, checked by its kind."""
    option = cat.PROVIDER_OPTIONS[element.tag]
    value = text_of(element)
    if option.kind is OptionKind.YESNO:
        return _yes_no(element, reader)
    if option.choices:
        return _choice(element, value, option.choices,
                       _CHOICE_WORDS.get(option.kind, "value"), reader)
    if option.kind is OptionKind.DATE_FORMAT:
        try:
            validate_date_format(value)
        except ConfigError as exc:
            raise reader.fail(exc.detail, element) from None
    return value


def _choice(element: El, value: str, choices: Sequence[str], what: str,
            reader: Reader) -> str:
    """One of ``choices``, matched without regard to case."""
    for choice in choices:
        if choice.casefold() == value.casefold():
            return choice
    raise reader.unknown(what, element, f"<{element.tag}>", choices, name=value, listing=True)


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
            raise reader.unknown("field", child, f"<{cat.COLUMNS_MAPPING}>", fields_here)
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
            what = "value mapping" if meanings or not settings else "setting"
            raise reader.unknown(what, child, f"<{element.tag}>", known)
    return options


def _read_actions(element: El, reader: Reader) -> list[Action]:
    """The actions, in order; at least one."""
    actions = []
    for child in children(element):
        spec = cat.ACTIONS.get(child.tag)
        if spec is None:
            raise reader.unknown("action", child, "<actions>", list(cat.ACTIONS))
        actions.append(_read_action(child, spec, reader))
    if not actions:
        raise reader.fail(f"<actions> (line {element.sourceline}) holds no action.", element)
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
            raise reader.unknown("element", child, f"<{spec.name}>", action_parts(spec))
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
        raise reader.unknown("field", element, f"<fields> of <{spec.name}>",
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
            raise reader.unknown("parameter", child, f"<{PARAMETERS}> of <{spec.name}>",
                                 [*(p.name for p in spec.parameters), *coded],
                                 elsewhere=owners(element_name(child), PARAMETERS))


def _read_action_options(element: El, spec: cat.ActionSpec, action: Action,
                         reader: Reader) -> None:
    """An action's <options> into the Action, each checked by its kind."""
    for child in children(element):
        option = spec.option(child.tag) if isinstance(child.tag, str) else None
        if option is None:
            raise reader.unknown("option", child, f"<options> of <{spec.name}>",
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
        return _choice(element, value, option.choices, "value", reader)
    if option.kind is OptionKind.INT and parse_int(value) is None:
        raise reader.fail(f'Invalid value "{value}" in <{element_name(element)}> '
                          f"(line {element.sourceline}); expected a whole number.", element)
    if option.kind is OptionKind.DATE_FORMAT or option.name == DATE_TIME_FORMAT:
        try:
            validate_date_format(value)
        except ConfigError as exc:
            raise reader.fail(exc.detail, element) from None
    if option.kind is OptionKind.TIME and parse_time(value) is None:
        raise reader.fail(f'Invalid value "{value}" in <{element_name(element)}> '
                          f"(line {element.sourceline}); expected a time as hh:ii:ss.", element)
    return value


def _read_field_list(element: El, option: cat.OptionDef, reader: Reader) -> list[str]:
    """The fields a field-list option (sessionSearchField) names; a custom field is
    ``custom:GUID``."""
    names = []
    for child in children(element):
        if child.tag not in option.choices:
            raise reader.unknown("search field", child, f"<{option.name}>", option.choices,
                                 listing=True)
        if child.tag in KEYED_FIELDS:
            key = text_of(child)
            if not key:
                raise reader.fail(f"<{child.tag}> in <{option.name}> (line {child.sourceline})"
                                  " names no GUID; write <custom>GUID</custom>.", child)
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
            raise reader.unknown("option", child, f"<{element.tag}>", known)
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
    by_column: dict[str, dict[str, El]] = {}
    for mapping in _named(provider, cat.COLUMNS_MAPPING):
        for column in children(mapping):
            set_here = _code_elements(column)
            by_column.setdefault(column.tag, set_here)
            _refuse_clash(column, {}, set_here, reader)
    for action in children(actions):
        in_parameters: dict[str, dict[str, El]] = {}
        for block in _named(action, PARAMETERS):
            for entry in children(block):
                set_here = _code_elements(entry)
                if set_here:
                    in_parameters[entry.tag] = set_here
                    _refuse_clash(entry, by_column.get(entry.tag, {}), set_here, reader)
        for listed in _named(action, "fields"):
            for entry in children(listed):
                set_here = _code_elements(entry)
                if set_here:
                    under = {**by_column.get(entry.tag, {}), **in_parameters.get(entry.tag, {})}
                    _refuse_clash(entry, under, set_here, reader)


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
    codes = {meaning: text_of(set_by[meaning]) if meaning in set_by else default
             for meaning, default in spec.codes}
    clash = shared_code(codes)
    if clash is None:
        return
    code, first, second = clash

    def where(meaning: str) -> str:
        element = set_by.get(meaning)
        return " (its default code)" if element is None else f" (line {element.sourceline})"

    last = max((set_by[m] for m in (first, second) if m in set_by), key=lambda e: e.sourceline)
    raise reader.fail(SHARED_CODE.format(code=code, field=spec.name, first=first,
                                         first_at=where(first), second=second,
                                         second_at=where(second)), last)
