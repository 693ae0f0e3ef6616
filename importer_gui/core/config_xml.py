"""Reads and writes the XML configuration document (lxml), safely and without losing anything.

Loading checks every name against the catalogue and keeps the parsed tree in
``ImportConfig.document``; saving patches a copy of that tree where the dataclasses differ from
it, so comments and the elements the assistant does not run (preProcess, postProcess, other
providers, unknown consolidators) come out exactly as they went in. A configuration built in
code, without a document, is written from scratch, indented.
"""

from __future__ import annotations

import copy
import difflib
import os
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from importer_gui.core import catalogue as cat
from importer_gui.core.config import (
    EXT_NS,
    Action,
    ActionField,
    Column,
    Consolidator,
    FieldOptions,
    Import,
    ImportConfig,
    Provider,
)
from importer_gui.core.errors import ConfigError

El = etree._Element

MAX_BYTES = 10 * 1024 * 1024  # a real configuration is a few kilobytes
MAX_DEPTH = 50  # the format needs 6 levels; this leaves room for preserved parts
EXT_PREFIX = "ia"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

DATE_FORMAT_CHARS = frozenset("YMDHISymdhis /_.:;,-")
DATE_FORMAT_ERROR = ("the given date format {} is not valid. It should only contain the "
                     "following characters (case insensitive): 'YMDHIS /_.:;,-'")

DOCTYPE_REFUSED = ("The configuration holds a <!DOCTYPE> declaration; DTDs and entities are "
                   "refused for safety, a configuration needs none.")

NOT_RUN = ("preProcess", "postProcess")  # kept verbatim, never run
FILE_PROVIDER = "fileSystemSourceProvider"
SEARCH_OPTION = "sessionSearchField"
SHEET = f"{{{EXT_NS}}}sheet"
HEADER = f"{{{EXT_NS}}}header"

# Consolidators we read, with their options; any other one is kept as opaque XML.
KNOWN_CONSOLIDATORS: dict[str, tuple[str, ...]] = {
    "timeStampedFileErrorLogger": ("location", "disabled"),
}
# The platform's other consolidators: where a preserved element of that name belongs when the
# document is written from scratch.
PLATFORM_CONSOLIDATORS = frozenset({
    "massDisableLearners", "moveToBackupConsolidator", "moveToBackup", "deleteOldRegistrations",
    "deleteEmptySessions", "timeLogger", "emailReport", "deleteProcessedFilesConsolidator",
    "removeFromSFTP", "cleanFolder",
})

# Provider options read into Provider attributes; the other catalogue options stay text.
PROVIDER_ATTRS: dict[str, str] = {
    "fileName": "file_name", "path": "path", "skipFirstLine": "skip_first_line",
    "autoDetectLineEndings": "auto_detect_line_endings", "fileEncoding": "file_encoding",
    "delimiter": "delimiter", "dateFormat": "date_format",
}
PROVIDER_ORDER: list[str] = [
    "fileName", "path", "skipFirstLine", "autoDetectLineEndings", "columnsMapping",
    "fileEncoding", "delimiter", "dateFormat",
    *(name for name in cat.PROVIDER_OPTIONS if name not in PROVIDER_ATTRS), SHEET,
]
IMPORT_ORDER = ["preProcess", "providers", "actions", "consolidators", "postProcess"]


# ---------------------------------------------------------------------------------------------
# Public API


def validate_date_format(fmt: str) -> None:
    """Raise ConfigError (the platform's wording) unless ``fmt`` is a valid dateFormat."""
    if not fmt or any(ch not in DATE_FORMAT_CHARS for ch in fmt):
        raise ConfigError(DATE_FORMAT_ERROR.format(fmt))


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


def loads(data: str | bytes, source: Path | None = None) -> ImportConfig:
    """Parse and check a configuration document; errors name ``source`` and the line."""
    reader = _Reader(source)
    raw = _as_bytes(data)
    if len(raw) > MAX_BYTES:
        raise reader.fail(_too_large(len(raw)))
    root = _parse(raw, reader)
    config = _read_root(root, reader)
    config.document = root.getroottree()
    return config


def load(path: Path) -> ImportConfig:
    """Read and check the configuration file at ``path``."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ConfigError("The configuration file does not exist.", path=path) from None
    except IsADirectoryError:
        raise ConfigError("This is a folder, not a configuration file.", path=path) from None
    except OSError as exc:
        raise ConfigError(f"The configuration file cannot be read: {exc.strerror or exc}.",
                          path=path) from None
    if len(data) > MAX_BYTES:
        raise ConfigError(_too_large(path.stat().st_size), path=path)
    return loads(data, source=path)


def dumps(config: ImportConfig) -> str:
    """The configuration as XML text, keeping what the loaded document held untouched."""
    try:
        if isinstance(config.document, etree._ElementTree):
            tree = copy.deepcopy(config.document)
            _Patcher(tree.getroot()).patch(config)
        else:
            tree = etree.ElementTree(_build_document(config))
    except ValueError as exc:  # lxml refuses a name that is not an XML name
        raise ConfigError(f"The configuration cannot be written: {exc}.",
                          path=config.source) from None
    return _serialize(tree)


def save(config: ImportConfig, path: Path) -> None:
    """Write the configuration to ``path`` atomically; never writes one we would refuse."""
    path = Path(path)
    text = dumps(config)
    try:
        loads(text, source=path)
    except ConfigError as exc:
        raise ConfigError(f"The configuration was not saved: {exc.detail}", path=path) from None
    try:
        _write_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"The configuration could not be saved: {exc.strerror or exc}.",
                          path=path) from None


def _serialize(tree: etree._ElementTree) -> str:
    """The document as text: our declaration, then top-level nodes one per line."""
    root = tree.getroot()
    nodes = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    texts = [etree.tostring(node, encoding="unicode", with_tail=False) for node in nodes]
    return DECLARATION + "\n".join(texts) + "\n"


# ---------------------------------------------------------------------------------------------
# Parsing, safely


def _too_large(size: int) -> str:
    """The message for a document over the size limit."""
    return (f"The configuration is too large ({size / 1024 / 1024:.1f} MB); "
            f"the limit is {MAX_BYTES // 1024 // 1024} MB.")


def _as_bytes(data: str | bytes) -> bytes:
    """Bytes for lxml; text is re-declared as UTF-8 since it is encoded as UTF-8 here."""
    if isinstance(data, bytes):
        return data
    text = data.removeprefix("\ufeff")
    match = re.match(r"\s*<\?xml[^>]*\?>", text)
    if match:  # keep the declaration's line breaks so line numbers stay true
        decl = re.sub(r"""encoding\s*=\s*["'][^"']*["']""", 'encoding="UTF-8"', match.group())
        text = decl + text[match.end():]
    return text.encode("utf-8", errors="surrogatepass")


def _safe_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, strip_cdata=False,
                           remove_blank_text=False, remove_comments=False)


def _declared_encoding(raw: bytes) -> str:
    """The encoding named in the XML declaration, UTF-8 by default."""
    match = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""", raw)
    return match.group(1).decode("ascii", "replace") if match else "UTF-8"


def _parse(raw: bytes, reader: _Reader) -> El:
    """The root element, or ConfigError for anything unsafe or malformed."""
    try:
        root = etree.fromstring(raw, _safe_parser())
    except etree.XMLSyntaxError as exc:
        if b"<!DOCTYPE" in raw:  # e.g. libxml2's own guard against entity expansion
            raise reader.fail(DOCTYPE_REFUSED) from None
        raise _syntax_error(exc, raw, reader) from None
    if root.getroottree().docinfo.doctype:
        raise reader.fail(DOCTYPE_REFUSED)
    _check_depth(root, reader)
    return root


def _syntax_error(exc: etree.XMLSyntaxError, raw: bytes, reader: _Reader) -> ConfigError:
    """A clear message for lxml's parse error."""
    line = exc.lineno or None
    detail = re.sub(r", line \d+, column \d+$", "", exc.msg or str(exc))
    where = f" (line {line})" if line else ""
    if not raw.strip():
        return reader.fail("The configuration is empty.")
    if detail.startswith("Unsupported encoding"):
        message = f"The configuration declares an encoding that cannot be read{where}: {detail}."
    elif "encoding" in detail.lower() or "proper UTF-8" in detail:
        message = (f"The configuration holds bytes that are not valid "
                   f"{_declared_encoding(raw)} text{where}: {detail}.")
    else:
        message = f"The configuration is not well-formed XML{where}: {detail}."
    return ConfigError(message, path=reader.source, line=line)


def _check_depth(root: El, reader: _Reader) -> None:
    """Refuse absurdly nested documents before walking them recursively."""
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise reader.fail(f"The configuration is nested more than {MAX_DEPTH} levels deep "
                              f"(line {element.sourceline}).", element)


# ---------------------------------------------------------------------------------------------
# Reading the document into dataclasses


@dataclass
class _Reader:
    """Builds located errors for one source."""

    source: Path | None

    def fail(self, message: str, element: El | None = None) -> ConfigError:
        """A ConfigError naming the source and the element's line."""
        line = element.sourceline if element is not None else None
        return ConfigError(message, path=self.source, line=line)

    def unknown(self, what: str, element: El, where: str, known: Sequence[str], *,
                name: str | None = None, listing: bool = False) -> ConfigError:
        """'Unknown field "x" in <y> (line N); did you mean "z"?'"""
        name = _name(element) if name is None else name
        message = f'Unknown {what} "{name}" in {where} (line {element.sourceline})'
        hint = suggest(name, known)
        if hint is not None and hint != name:
            message += f'; did you mean "{hint}"?'
        elif listing and known:
            message += f"; expected one of: {', '.join(known)}."
        elif not known:
            message += "; it takes none."
        else:
            message += "."
        return self.fail(message, element)


def _name(element: El) -> str:
    """The element's name as written, with our prefix for our extension."""
    qname = etree.QName(element)
    if qname.namespace == EXT_NS:
        return f"{EXT_PREFIX}:{qname.localname}"
    return element.tag if isinstance(element.tag, str) else str(element.tag)


def _children(element: El) -> list[El]:
    """Child elements, without comments and processing instructions."""
    return [child for child in element if isinstance(child.tag, str)]


def _text(element: El) -> str:
    """The element's text, comments left out, trimmed."""
    return "".join(element.itertext()).strip()


def _yes_no(element: El, reader: _Reader) -> bool:
    """A yesNoElement's value."""
    value = _text(element)
    if value.lower() not in ("yes", "no"):
        raise reader.fail(f'Invalid value "{value}" in <{_name(element)}> '
                          f"(line {element.sourceline}); expected yes or no.", element)
    return value.lower() == "yes"


def _verbatim(element: El) -> str:
    """An element as XML text, with only the namespace declarations it uses."""
    clone = copy.deepcopy(element)
    clone.tail = None
    etree.cleanup_namespaces(clone)
    return etree.tostring(clone, encoding="unicode")


def _read_root(root: El, reader: _Reader) -> ImportConfig:
    """The whole document."""
    if root.tag != "import-config":
        raise reader.fail(f"The root element is <{_name(root)}> (line {root.sourceline}); "
                          "a configuration starts with <import-config>.", root)
    config = ImportConfig(source=reader.source)
    for child in _children(root):
        if child.tag == "import":
            config.imports.append(_read_import(child, reader))
        elif child.tag in NOT_RUN:
            config.preserved.append(_verbatim(child))
        else:
            raise reader.unknown("element", child, "<import-config>", ["import", *NOT_RUN])
    if not config.imports:
        raise reader.fail(f"<import-config> (line {root.sourceline}) holds no <import>; "
                          "there is nothing to import.", root)
    return config


@dataclass
class _Parts:
    """The elements of one <import>, found once for reading and patching alike."""

    providers: El | None = None
    provider: El | None = None
    actions: El | None = None
    consolidators: El | None = None
    known_consolidators: list[El] = field(default_factory=list)
    preserved: list[El] = field(default_factory=list)
    other_providers: list[El] = field(default_factory=list)


def _import_parts(element: El, reader: _Reader) -> _Parts:
    """Sort an <import>'s children into what we read and what we keep verbatim."""
    parts = _Parts()
    for child in _children(element):
        if child.tag in ("providers", "actions", "consolidators"):
            if getattr(parts, child.tag) is not None:
                raise reader.fail(f"<import> (line {element.sourceline}) has a second "
                                  f"<{child.tag}> (line {child.sourceline}).", child)
            setattr(parts, child.tag, child)
            if child.tag == "providers":
                _sort_providers(child, parts, reader)
            elif child.tag == "consolidators":
                _sort_consolidators(child, parts)
        elif child.tag in NOT_RUN:
            parts.preserved.append(child)
        else:
            raise reader.unknown("element", child, "<import>", IMPORT_ORDER)
    return parts


def _sort_providers(element: El, parts: _Parts, reader: _Reader) -> None:
    """The file provider is read; any other provider is kept as it is."""
    for child in _children(element):
        if child.tag != FILE_PROVIDER:
            parts.preserved.append(child)
            parts.other_providers.append(child)
        elif parts.provider is not None:
            raise reader.fail(f"<providers> (line {element.sourceline}) has a second "
                              f"<{FILE_PROVIDER}> (line {child.sourceline}); the assistant "
                              "reads one data file per <import>.", child)
        else:
            parts.provider = child


def _sort_consolidators(element: El, parts: _Parts) -> None:
    """Known consolidators are read; the others are kept as they are."""
    for child in _children(element):
        if child.tag in KNOWN_CONSOLIDATORS:
            parts.known_consolidators.append(child)
        else:
            parts.preserved.append(child)


def _read_import(element: El, reader: _Reader) -> Import:
    """One <import>."""
    parts = _import_parts(element, reader)
    line = element.sourceline
    if parts.provider is None:
        found = "".join(f"; <{_name(p)}> (line {p.sourceline}) is not one the assistant reads"
                        for p in parts.other_providers[:1])
        raise reader.fail(f"<import> (line {line}) has no <{FILE_PROVIDER}> in "
                          f"<providers>{found}.", element)
    if parts.actions is None:
        raise reader.fail(f"<import> (line {line}) has no <actions>.", element)
    return Import(
        provider=_read_provider(parts.provider, reader),
        actions=_read_actions(parts.actions, reader),
        consolidators=[_read_consolidator(c, reader) for c in parts.known_consolidators],
        preserved=[_verbatim(p) for p in parts.preserved],
    )


def _read_provider(element: El, reader: _Reader) -> Provider:
    """A fileSystemSourceProvider's options and columns."""
    provider = Provider()
    seen: set[str] = set()
    known = [*PROVIDER_ORDER[:-1], f"{EXT_PREFIX}:sheet"]
    for child in _children(element):
        if child.tag in seen:
            raise reader.fail(f"<{_name(child)}> appears twice in <{FILE_PROVIDER}> "
                              f"(line {child.sourceline}).", child)
        seen.add(child.tag)
        if child.tag == "columnsMapping":
            provider.columns = _read_columns(child, reader)
        elif child.tag == SHEET:
            provider.sheet = _text(child)
        elif child.tag in PROVIDER_ATTRS:
            setattr(provider, PROVIDER_ATTRS[child.tag], _provider_value(child, reader))
        elif child.tag in cat.PROVIDER_OPTIONS:
            provider.other_options[child.tag] = _text(child)
        else:
            raise reader.unknown("option", child, f"<{FILE_PROVIDER}>", known)
    return provider


def _provider_value(element: El, reader: _Reader) -> str | bool:
    """One provider option's value, checked by its kind."""
    kind = cat.PROVIDER_OPTIONS[element.tag][0]
    value = _text(element)
    if kind == "yesNoElement":
        return _yes_no(element, reader)
    if kind == "fileEncoding":
        return _choice(element, value, cat.FILE_ENCODINGS, "file encoding", reader)
    if kind == "delimiter":
        return _choice(element, value, tuple(cat.DELIMITERS), "delimiter", reader)
    if element.tag == "dateFormat":
        try:
            validate_date_format(value)
        except ConfigError as exc:
            raise reader.fail(exc.detail, element) from None
    return value


def _choice(element: El, value: str, choices: Sequence[str], what: str,
            reader: _Reader) -> str:
    """One of ``choices``, matched without regard to case."""
    for choice in choices:
        if choice.casefold() == value.casefold():
            return choice
    raise reader.unknown(what, element, f"<{element.tag}>", choices, name=value, listing=True)


def _read_columns(element: El, reader: _Reader) -> list[Column]:
    """The columnsMapping, in file order."""
    columns = []
    for child in _children(element):
        if child.tag == cat.IGNORED_COLUMN:
            options = _read_field_options(child, None, reader)
        elif child.tag in cat.ALL_FIELD_NAMES:
            options = _read_field_options(child, cat.field_def(child.tag), reader)
        else:
            known = sorted(cat.ALL_FIELD_NAMES | {cat.IGNORED_COLUMN})
            raise reader.unknown("field", child, "<columnsMapping>", known)
        columns.append(Column(field=child.tag, options=options, header=child.get(HEADER)))
    return columns


def _read_field_options(element: El, spec: cat.FieldDef | None,
                        reader: _Reader) -> FieldOptions:
    """A field element's children: <mandatory> and value mappings."""
    options = FieldOptions()
    meanings = [meaning for meaning, _ in spec.codes] if spec else []
    for child in _children(element):
        if child.tag == "mandatory" and spec is not None:
            options.mandatory = _yes_no(child, reader)
        elif child.tag in meanings:
            options.codes[child.tag] = _text(child)
        else:
            known = ["mandatory", *meanings] if spec else []
            raise reader.unknown("value mapping", child, f"<{element.tag}>", known)
    return options


def _read_actions(element: El, reader: _Reader) -> list[Action]:
    """The actions, in order; at least one."""
    actions = []
    for child in _children(element):
        spec = cat.ACTIONS.get(child.tag)
        if spec is None:
            raise reader.unknown("action", child, "<actions>", list(cat.ACTIONS))
        actions.append(_read_action(child, spec, reader))
    if not actions:
        raise reader.fail(f"<actions> (line {element.sourceline}) holds no action.", element)
    return actions


def _read_action(element: El, spec: cat.ActionSpec, reader: _Reader) -> Action:
    """One action with its options and fields."""
    action = Action(name=spec.name)
    for child in _children(element):
        if child.tag == "options":
            _read_action_options(child, spec, action, reader)
        elif child.tag == "fields":
            action.fields = [_read_action_field(c, spec, reader) for c in _children(child)]
        else:
            raise reader.unknown("element", child, f"<{spec.name}>", ["options", "fields"])
    return action


def _read_action_field(element: El, spec: cat.ActionSpec, reader: _Reader) -> ActionField:
    """One element of an action's <fields>: it must be one of that action's fields."""
    definition = spec.by_name.get(element.tag)
    if definition is None:
        raise reader.unknown("field", element, f"<fields> of <{spec.name}>",
                             [f.name for f in spec.fields])
    return ActionField(element.tag, _read_field_options(element, definition, reader))


def _read_action_options(element: El, spec: cat.ActionSpec, action: Action,
                         reader: _Reader) -> None:
    """An action's <options> into the Action."""
    for child in _children(element):
        option = spec.option(child.tag) if isinstance(child.tag, str) else None
        if option is None:
            raise reader.unknown("option", child, f"<options> of <{spec.name}>",
                                 [o.name for o in spec.options])
        if option.kind == "fieldList":
            action.search_fields = _read_search_fields(child, option, reader)
        elif option.name == "fullAccess":
            action.full_access = _yes_no(child, reader)
        elif option.kind == cat.Kind.YESNO.value:
            action.other_options[option.name] = "yes" if _yes_no(child, reader) else "no"
        elif option.choices:
            action.other_options[option.name] = _choice(child, _text(child), option.choices,
                                                        "value", reader)
        else:
            action.other_options[option.name] = _text(child)


def _read_search_fields(element: El, option: cat.OptionDef, reader: _Reader) -> list[str]:
    """The fields named by a sessionSearchField option."""
    names = []
    for child in _children(element):
        if child.tag not in option.choices:
            raise reader.unknown("search field", child, f"<{option.name}>", option.choices,
                                 listing=True)
        names.append(child.tag)
    return names


def _read_consolidator(element: El, reader: _Reader) -> Consolidator:
    """A known consolidator and its simple options."""
    known = KNOWN_CONSOLIDATORS[element.tag]
    options = {}
    for child in _children(element):
        if child.tag not in known:
            raise reader.unknown("option", child, f"<{element.tag}>", known)
        options[child.tag] = _text(child)
    return Consolidator(name=element.tag, options=options)


# ---------------------------------------------------------------------------------------------
# Building elements from dataclasses


def _sub(parent: El, tag: str, text: str) -> El:
    """A child element holding text."""
    child = etree.SubElement(parent, tag)
    child.text = text
    return child


def _yes(value: bool) -> str:
    """A yesNoElement's text."""
    return "yes" if value else "no"


def _uses_ext(config: ImportConfig) -> bool:
    """Whether any of our extensions is set, so the root declares our namespace."""
    return any(imp.provider.sheet is not None
               or any(c.header is not None for c in imp.provider.columns)
               for imp in config.imports)


def _ext_element(tag: str) -> El:
    """An element that may carry our extension; its declaration moves to the root later."""
    return etree.Element(tag, nsmap={EXT_PREFIX: EXT_NS})


def _fill_field_options(element: El, options: FieldOptions) -> None:
    """<mandatory> first, then the value mappings."""
    if options.mandatory is not None:
        _sub(element, "mandatory", _yes(options.mandatory))
    for meaning, code in options.codes.items():
        _sub(element, meaning, code)


def _build_column(column: Column) -> El:
    """One element of columnsMapping."""
    if column.header is None:
        element = etree.Element(column.field)
    else:
        element = _ext_element(column.field)
        element.set(HEADER, column.header)
    _fill_field_options(element, column.options)
    return element


def _build_provider(provider: Provider) -> El:
    """A fileSystemSourceProvider, options in the platform's documented order."""
    element = etree.Element(FILE_PROVIDER)
    _sub(element, "fileName", provider.file_name)
    if provider.path:
        _sub(element, "path", provider.path)
    _sub(element, "skipFirstLine", _yes(provider.skip_first_line))
    if provider.auto_detect_line_endings:
        _sub(element, "autoDetectLineEndings", "yes")
    mapping = etree.SubElement(element, "columnsMapping")
    for column in provider.columns:
        mapping.append(_build_column(column))
    _sub(element, "fileEncoding", provider.file_encoding)
    _sub(element, "delimiter", provider.delimiter)
    _sub(element, "dateFormat", provider.date_format)
    for name, value in provider.other_options.items():
        _sub(element, name, value)
    if provider.sheet is not None:
        sheet = _ext_element(SHEET)
        sheet.text = provider.sheet
        element.append(sheet)
    return element


def _build_search_fields(names: Sequence[str]) -> El:
    """A sessionSearchField option."""
    element = etree.Element(SEARCH_OPTION)
    for name in names:
        etree.SubElement(element, name)
    return element


def _build_action_field(action_field: ActionField) -> El:
    """One element of an action's <fields>."""
    element = etree.Element(action_field.name)
    _fill_field_options(element, action_field.options)
    return element


def _build_action(action: Action) -> El:
    """An action with its options and fields."""
    element = etree.Element(action.name)
    if action.search_fields or action.full_access is not None or action.other_options:
        options = etree.SubElement(element, "options")
        if action.search_fields:
            options.append(_build_search_fields(action.search_fields))
        if action.full_access is not None:
            _sub(options, "fullAccess", _yes(action.full_access))
        for name, value in action.other_options.items():
            _sub(options, name, value)
    if action.fields is not None:
        fields = etree.SubElement(element, "fields")
        for action_field in action.fields:
            fields.append(_build_action_field(action_field))
    return element


def _build_consolidator(consolidator: Consolidator) -> El:
    """A consolidator with its options."""
    element = etree.Element(consolidator.name)
    for name, value in consolidator.options.items():
        _sub(element, name, value)
    return element


def _build_import(imp: Import) -> El:
    """An <import> without its preserved parts (the patcher places those)."""
    element = etree.Element("import")
    etree.SubElement(element, "providers").append(_build_provider(imp.provider))
    actions = etree.SubElement(element, "actions")
    for action in imp.actions:
        actions.append(_build_action(action))
    if imp.consolidators:
        consolidators = etree.SubElement(element, "consolidators")
        for consolidator in imp.consolidators:
            consolidators.append(_build_consolidator(consolidator))
    return element


def _build_document(config: ImportConfig) -> El:
    """A clean, indented document for a configuration built in code."""
    nsmap: dict[str | None, str] = {"xsi": XSI_NS}
    if _uses_ext(config):
        nsmap[EXT_PREFIX] = EXT_NS
    root = etree.Element("import-config", nsmap=nsmap)
    for imp in config.imports:
        root.append(_build_import(imp))
    etree.cleanup_namespaces(root, top_nsmap=nsmap, keep_ns_prefixes=["xsi"])
    etree.indent(root, space="  ")
    patcher = _Patcher(root)
    for element, imp in zip(_children(root), config.imports, strict=True):
        for text in imp.preserved:
            patcher.add_preserved(element, text)
    for text in config.preserved:
        patcher.add_root_preserved(text)
    return root


def _fragment(text: str) -> El:
    """A preserved element, parsed as safely as a document."""
    try:
        element = etree.fromstring(text.encode("utf-8"), _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"A preserved element is not well-formed XML: {exc.msg}.") from None
    if element.getroottree().docinfo.doctype:
        raise ConfigError("A preserved element holds a <!DOCTYPE> declaration.")
    return element


# ---------------------------------------------------------------------------------------------
# Patching a loaded document so only what changed is rewritten


def _blank(text: str | None) -> bool:
    """True for None or white space only."""
    return text is None or not text.strip()


def _indent_unit(root: El) -> str | None:
    """The document's indentation step, or None for a document written on one line."""
    if _blank(root.text) and root.text and "\n" in root.text:
        unit = root.text.rsplit("\n", 1)[1]
        return unit or None
    return None


class _Patcher:
    """Edits a document tree in place, keeping its indentation and untouched nodes."""

    def __init__(self, root: El) -> None:
        self.root = root
        self.unit = _indent_unit(root)
        self.reader = _Reader(None)

    # --- whitespace-aware tree edits -------------------------------------------------------

    def _lead(self, parent: El, depth: int) -> str:
        """The white space before a child of ``parent``."""
        if _blank(parent.text) and parent.text and "\n" in parent.text and len(parent):
            return parent.text
        return "\n" + (self.unit or "") * depth

    def insert(self, parent: El, index: int, element: El, *, indent: bool = True) -> None:
        """Insert ``element`` as ``parent``'s child number ``index`` (comments count)."""
        if self.unit is None:
            parent.insert(index, element)
            return
        depth = sum(1 for _ in parent.iterancestors()) + 1
        if indent:
            etree.indent(element, space=self.unit, level=depth)
        if not len(parent):
            parent.text = "\n" + self.unit * depth
            element.tail = "\n" + self.unit * (depth - 1)
        elif index == 0:
            element.tail = parent.text
        else:
            previous = parent[index - 1]
            element.tail = previous.tail
            previous.tail = self._lead(parent, depth)
        parent.insert(index, element)

    def insert_after(self, previous: El, element: El) -> None:
        """Insert ``element`` right after ``previous``."""
        parent = previous.getparent()
        self.insert(parent, parent.index(previous) + 1, element)

    def remove(self, element: El) -> None:
        """Remove ``element``, leaving its neighbours' indentation right."""
        parent = element.getparent()
        previous = element.getprevious()
        if element.getnext() is None and self.unit is not None:
            if previous is not None:
                previous.tail = element.tail
            else:
                parent.text = None
        parent.remove(element)

    def replace(self, old: El, new: El) -> El:
        """Put ``new`` where ``old`` was."""
        parent = old.getparent()
        if self.unit is not None:
            etree.indent(new, space=self.unit, level=sum(1 for _ in old.iterancestors()))
        new.tail = old.tail
        parent.replace(old, new)
        return new

    def set_option(self, parent: El, tag: str, text: str, order: Sequence[str]) -> None:
        """Set a simple option's text, adding the element in order when missing."""
        child = parent.find(tag)
        if child is None:
            child = _ext_element(tag) if tag == SHEET else etree.Element(tag)
            self.insert(parent, _ordered_index(parent, tag, order), child)
        for sub in list(child):  # a comment inside would split the new text
            child.remove(sub)
        child.text = text

    def remove_option(self, parent: El, tag: str) -> None:
        """Remove a simple option if present."""
        child = parent.find(tag)
        if child is not None:
            self.remove(child)

    def patch_text_options(self, parent: El, old: dict[str, str], new: dict[str, str],
                           order: Sequence[str]) -> None:
        """Bring simple text options from ``old`` to ``new``."""
        for name in old:
            if name not in new:
                self.remove_option(parent, name)
        for name, value in new.items():
            if old.get(name) != value:
                self.set_option(parent, name, value, order)

    def sync(self, parent: El, elements: list[El], old: Sequence[Any], new: Sequence[Any],
             build: Callable[[Any], El], patch: Callable[[El, Any, Any], None] | None = None,
             *, at_start: bool = False) -> None:
        """Turn ``elements`` (showing ``old``) into ``new``, rewriting only what differs."""
        matcher = difflib.SequenceMatcher(None, [m.name for m in old], [m.name for m in new],
                                          autojunk=False)
        previous: El | None = None
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    previous = self._update(elements[i], old[i], new[j], build, patch)
                continue
            for element in elements[i1:i2]:
                self.remove(element)
            following = elements[i2] if i2 < len(elements) else None
            for model in new[j1:j2]:
                element = build(model)
                if previous is not None:
                    self.insert_after(previous, element)
                elif following is not None:
                    self.insert(parent, parent.index(following), element)
                else:
                    self.insert(parent, 0 if at_start else len(parent), element)
                previous = element

    def _update(self, element: El, old: Any, new: Any, build: Callable[[Any], El],
                patch: Callable[[El, Any, Any], None] | None) -> El:
        """An element whose name stayed: patched in place, or rebuilt when it changed."""
        if old == new:
            return element
        if patch is not None:
            patch(element, old, new)
            return element
        return self.replace(element, build(new))

    # --- the document's parts ---------------------------------------------------------------

    def patch(self, config: ImportConfig) -> None:
        """Make the tree say what ``config`` says."""
        imports = [c for c in _children(self.root) if c.tag == "import"]
        for element, imp in zip(imports, config.imports, strict=False):
            self.patch_import(element, imp)
        for element in imports[len(config.imports):]:
            self.remove(element)
        kept = min(len(imports), len(config.imports))
        previous = imports[kept - 1] if kept else None
        for imp in config.imports[len(imports):]:
            element = _build_import(imp)
            if previous is None:
                self.insert(self.root, len(self.root), element)
            else:
                self.insert_after(previous, element)
            for text in imp.preserved:
                self.add_preserved(element, text)
            previous = element
        root_preserved = [c for c in _children(self.root) if c.tag in NOT_RUN]
        self.patch_preserved(root_preserved, [_verbatim(e) for e in root_preserved],
                             config.preserved, self.add_root_preserved)
        self.declare_extension()

    def patch_import(self, element: El, imp: Import) -> None:
        """One <import>: each part rewritten only where it changed."""
        parts = _import_parts(element, self.reader)
        old = _read_import(element, self.reader)
        if old == imp:
            return
        assert parts.provider is not None and parts.actions is not None  # checked on load
        self.patch_provider(parts.provider, old.provider, imp.provider)
        if old.actions != imp.actions:
            self.sync(parts.actions, _children(parts.actions), old.actions, imp.actions,
                      _build_action, self.patch_action)
        if old.consolidators != imp.consolidators:
            self.patch_consolidators(element, parts, old.consolidators, imp.consolidators)
        self.patch_preserved(parts.preserved, old.preserved, imp.preserved,
                             lambda text: self.add_preserved(element, text))

    def patch_provider(self, element: El, old: Provider, new: Provider) -> None:
        """The provider's options, columns and sheet."""
        for tag, attribute in PROVIDER_ATTRS.items():
            value = getattr(new, attribute)
            if getattr(old, attribute) != value:
                text = _yes(value) if isinstance(value, bool) else value
                self.set_option(element, tag, text, PROVIDER_ORDER)
        if old.columns != new.columns:
            mapping = element.find("columnsMapping")
            if mapping is None:
                mapping = etree.Element("columnsMapping")
                self.insert(element, _ordered_index(element, "columnsMapping", PROVIDER_ORDER),
                            mapping)
            self.sync(mapping, _children(mapping), _named(old.columns), _named(new.columns),
                      lambda named: _build_column(named.model))
        if old.sheet != new.sheet:
            if new.sheet is None:
                self.remove_option(element, SHEET)
            else:
                self.set_option(element, SHEET, new.sheet, PROVIDER_ORDER)
        self.patch_text_options(element, old.other_options, new.other_options, PROVIDER_ORDER)

    def patch_action(self, element: El, old: Action, new: Action) -> None:
        """An action whose name stayed: its options and fields."""
        if (old.search_fields, old.full_access, old.other_options) != (
                new.search_fields, new.full_access, new.other_options):
            self.patch_action_options(element, old, new)
        if old.fields != new.fields:
            self.patch_fields(element, old.fields, new.fields)

    def patch_action_options(self, element: El, old: Action, new: Action) -> None:
        """An action's <options>."""
        options = element.find("options")
        if options is None:
            options = etree.Element("options")
            self.insert(element, 0, options)
        order = [SEARCH_OPTION, "fullAccess", *new.other_options]
        if old.search_fields != new.search_fields:
            current = options.find(SEARCH_OPTION)
            fresh = _build_search_fields(new.search_fields) if new.search_fields else None
            if current is not None and fresh is not None:
                self.replace(current, fresh)
            elif current is not None:
                self.remove(current)
            elif fresh is not None:
                self.insert(options, 0, fresh)
        if old.full_access != new.full_access:
            if new.full_access is None:
                self.remove_option(options, "fullAccess")
            else:
                self.set_option(options, "fullAccess", _yes(new.full_access), order)
        self.patch_text_options(options, old.other_options, new.other_options, order)

    def patch_fields(self, element: El, old: list[ActionField] | None,
                     new: list[ActionField] | None) -> None:
        """An action's <fields>, element by element."""
        fields = element.find("fields")
        if new is None:
            if fields is not None:
                self.remove(fields)
            return
        if fields is None:
            fields = etree.Element("fields")
            self.insert(element, _ordered_index(element, "fields", ["options", "fields"]),
                        fields)
        self.sync(fields, _children(fields), old or [], new, _build_action_field)

    def patch_consolidators(self, element: El, parts: _Parts, old: list[Consolidator],
                            new: list[Consolidator]) -> None:
        """The known consolidators; preserved ones stay where they are."""
        container = parts.consolidators
        if container is None:
            container = etree.Element("consolidators")
            assert parts.actions is not None
            self.insert_after(parts.actions, container)
        self.sync(container, parts.known_consolidators, old, new, _build_consolidator,
                  self.patch_consolidator, at_start=True)
        if not len(container):
            self.remove(container)

    def patch_consolidator(self, element: El, old: Consolidator, new: Consolidator) -> None:
        """A known consolidator's options."""
        self.patch_text_options(element, old.options, new.options,
                                KNOWN_CONSOLIDATORS.get(new.name, ()))

    def patch_preserved(self, elements: list[El], old: list[str], new: list[str],
                        add: Callable[[str], None]) -> None:
        """Preserved parts: kept unless the list itself changed."""
        if old == new:
            return
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            for element in elements[i1:i2]:
                self.remove(element)
            for text in new[j1:j2]:
                add(text)

    def add_preserved(self, element: El, text: str) -> None:
        """Place a preserved element in an <import> where its name says it belongs."""
        fragment = _fragment(text)
        tag = fragment.tag
        if isinstance(tag, str) and tag.endswith("Provider"):
            parent = self._container(element, "providers")
        elif tag in PLATFORM_CONSOLIDATORS:
            parent = self._container(element, "consolidators")
        else:
            parent = element
        index = 0 if tag == "preProcess" else len(parent)
        self.insert(parent, index, fragment, indent=False)

    def add_root_preserved(self, text: str) -> None:
        """Place a preserved element at the root: preProcess before the imports."""
        fragment = _fragment(text)
        index = len(self.root)
        if fragment.tag == "preProcess":
            first = self.root.find("import")
            index = self.root.index(first) if first is not None else 0
        self.insert(self.root, index, fragment, indent=False)

    def _container(self, element: El, tag: str) -> El:
        """The <import>'s child ``tag``, created in order when missing."""
        container = element.find(tag)
        if container is None:
            container = etree.Element(tag)
            self.insert(element, _ordered_index(element, tag, IMPORT_ORDER), container)
        return container

    def declare_extension(self) -> None:
        """Declare our namespace once, on the root, if anything uses it now."""
        used = any(etree.QName(e).namespace == EXT_NS
                   or any(etree.QName(a).namespace == EXT_NS for a in e.attrib)
                   for e in self.root.iter() if isinstance(e.tag, str))
        if not used:
            return
        prefix = next((p for p, uri in self.root.nsmap.items() if uri == EXT_NS and p),
                      EXT_PREFIX)
        keep = {p for e in self.root.iter() if isinstance(e.tag, str) for p in e.nsmap if p}
        etree.cleanup_namespaces(self.root, top_nsmap={prefix: EXT_NS},
                                 keep_ns_prefixes=sorted(keep - {prefix}))


@dataclass
class _Named:
    """A column keyed by its field name, for alignment."""

    name: str
    model: Column


def _named(columns: list[Column]) -> list[_Named]:
    """Columns with the ``name`` that sync() aligns on."""
    return [_Named(c.field, c) for c in columns]


def _ordered_index(parent: El, tag: str, order: Sequence[str]) -> int:
    """Where ``tag`` goes among ``parent``'s children so that ``order`` holds."""
    if tag not in order:
        return len(parent)
    rank = order.index(tag)
    index = 0
    for position, child in enumerate(parent):
        if isinstance(child.tag, str) and child.tag in order and order.index(child.tag) < rank:
            index = position + 1
    return index


# ---------------------------------------------------------------------------------------------
# Writing a file atomically


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, fsync it, then replace ``path`` with it."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o666
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows syncing a folder."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse; the file itself is already synced
    finally:
        os.close(descriptor)
