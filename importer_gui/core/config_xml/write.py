"""Writing configuration XML: elements built from dataclasses, placed in a tree as it is laid
out, and the document serialised.

A configuration built in code (no loaded document) is written from scratch, indented; kept
parts go where their names say they belong.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from importer_gui.core import catalogue as cat
from importer_gui.core.config import (
    EXT_NS,
    KEYED_BY,
    Action,
    ActionField,
    Column,
    Consolidator,
    FieldOptions,
    Import,
    ImportConfig,
    Provider,
)
from importer_gui.core.config_xml.read import EXT_PREFIX, HEADER, PARAMETERS, SHEET, children
from importer_gui.core.config_xml.safe import El, parse_fragment

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'

# The provider's children in the order they are written: the platform's, then our sheet.
PROVIDER_ORDER: tuple[str, ...] = (*cat.PROVIDER_ORDER, SHEET)


def serialize(tree: etree._ElementTree) -> str:
    """The document as text: our declaration, then top-level nodes one per line."""
    root = tree.getroot()
    nodes = [*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()]
    texts = [etree.tostring(node, encoding="unicode", with_tail=False) for node in nodes]
    return DECLARATION + "\n".join(texts) + "\n"


# ---------------------------------------------------------------------------------------------
# Elements from dataclasses


def _sub(parent: El, tag: str, text: str | None) -> El:
    """A child element holding text."""
    child = etree.SubElement(parent, tag)
    child.text = text
    return child


def yes_no(value: bool) -> str:
    """A yesNoElement's text."""
    return cat.YES if value else cat.NO


def ext_element(tag: str) -> El:
    """An element that may carry our extension; its declaration moves to the root later."""
    return etree.Element(tag, nsmap={EXT_PREFIX: EXT_NS})


def _fill_field_options(element: El, options: FieldOptions) -> None:
    """A custom field's <guid> first (as the platform's pages write it), <mandatory>, the value
    mappings, then the other settings."""
    if KEYED_BY in options.settings:
        _sub(element, KEYED_BY, options.settings[KEYED_BY])
    if options.mandatory is not None:
        _sub(element, "mandatory", yes_no(options.mandatory))
    fill_codes(element, options.codes)
    for name, value in options.settings.items():
        if name != KEYED_BY:
            _sub(element, name, value)


def fill_codes(element: El, codes: dict[str, str]) -> None:
    """Value mappings: one child per meaning; an empty one keeps its default code."""
    for meaning, code in codes.items():
        _sub(element, meaning, code or None)


def build_column(column: Column) -> El:
    """One element of columnsMapping."""
    if column.header is None:
        element = etree.Element(column.written)
    else:
        element = ext_element(column.written)
        element.set(HEADER, column.header)
    _fill_field_options(element, column.options)
    return element


def _build_provider(provider: Provider) -> El:
    """A fileSystemSourceProvider, options in the platform's documented order; an optional
    option at its default is left out."""
    element = etree.Element(cat.FILE_PROVIDER)
    for tag in cat.PROVIDER_ORDER:
        if tag == cat.COLUMNS_MAPPING:
            mapping = etree.SubElement(element, tag)
            for column in provider.columns:
                mapping.append(build_column(column))
        elif tag in cat.PROVIDER_ATTRS:
            value = getattr(provider, cat.PROVIDER_ATTRS[tag])
            text = yes_no(value) if isinstance(value, bool) else value
            option = cat.PROVIDER_OPTIONS[tag]
            if not (option.optional and text == option.default):
                _sub(element, tag, text)
    for name, value in provider.other_options.items():
        _sub(element, name, value)
    if provider.sheet is not None:
        sheet = ext_element(SHEET)
        sheet.text = provider.sheet
        element.append(sheet)
    return element


def build_field_list(name: str, fields: Sequence[str],
                     attributes: dict[str, str] | None = None) -> El:
    """A field-list option (sessionSearchField): one empty child per field, a custom field
    as <custom>GUID</custom>; the option's attributes (hasResults) kept."""
    element = etree.Element(name, attributes or {})
    for field in fields:
        element.append(build_field_item(field))
    return element


def build_field_item(field: str) -> El:
    """One item of a field list: an empty element, or <custom>GUID</custom> for ``custom:GUID``."""
    tag, _, key = field.partition(":")
    element = etree.Element(tag)
    element.text = key or None
    return element


def build_action_field(action_field: ActionField) -> El:
    """One element of an action's <fields>."""
    element = etree.Element(action_field.written)
    _fill_field_options(element, action_field.options)
    return element


def build_parameters(action: Action) -> El:
    """An action's <parameters>: simple values, then value mappings."""
    element = etree.Element(PARAMETERS)
    for name, value in action.parameters.items():
        _sub(element, name, value)
    for name, codes in action.parameter_codes.items():
        element.append(build_parameter_codes(name, codes))
    return element


def build_parameter_codes(name: str, codes: dict[str, str]) -> El:
    """One field's value mappings in <parameters> (trackingStatus)."""
    element = etree.Element(name)
    fill_codes(element, codes)
    return element


def has_parameters(action: Action) -> bool:
    """True when the action has a <parameters> block to write."""
    return bool(action.parameters or action.parameter_codes)


def build_action(action: Action) -> El:
    """An action with its options, fields and parameters."""
    element = etree.Element(action.name)
    configured = action.options()
    if configured:
        options = etree.SubElement(element, "options")
        for name, value in configured:
            if isinstance(value, list):
                options.append(build_field_list(name, value, action.attributes.get(name)))
            else:
                _sub(options, name, value)
    if action.fields is not None:
        fields = etree.SubElement(element, "fields")
        for action_field in action.fields:
            fields.append(build_action_field(action_field))
    if has_parameters(action):
        element.append(build_parameters(action))
    return element


def build_consolidator(consolidator: Consolidator) -> El:
    """A consolidator with its options."""
    element = etree.Element(consolidator.name)
    for name, value in consolidator.options.items():
        _sub(element, name, value)
    return element


def build_import(imp: Import) -> El:
    """An <import> without its preserved parts (a TreeEditor places those)."""
    element = etree.Element("import")
    etree.SubElement(element, "providers").append(_build_provider(imp.provider))
    actions = etree.SubElement(element, "actions")
    for action in imp.actions:
        actions.append(build_action(action))
    if imp.consolidators:
        consolidators = etree.SubElement(element, "consolidators")
        for consolidator in imp.consolidators:
            consolidators.append(build_consolidator(consolidator))
    return element


def _uses_ext(config: ImportConfig) -> bool:
    """Whether any of our extensions is set, so the root declares our namespace."""
    return any(imp.provider.sheet is not None
               or any(c.header is not None for c in imp.provider.columns)
               for imp in config.imports)


def build_document(config: ImportConfig) -> El:
    """A clean, indented document for a configuration built in code."""
    nsmap: dict[str | None, str] = {"xsi": XSI_NS}
    if _uses_ext(config):
        nsmap[EXT_PREFIX] = EXT_NS
    root = etree.Element("import-config", nsmap=nsmap)
    for imp in config.imports:
        root.append(build_import(imp))
    etree.cleanup_namespaces(root, top_nsmap=nsmap, keep_ns_prefixes=["xsi"])
    etree.indent(root, space="  ")
    editor = TreeEditor(root)
    for element, imp in zip(children(root), config.imports, strict=True):
        for text in imp.preserved:
            editor.add_preserved(element, text)
    for text in config.preserved:
        editor.add_root_preserved(text)
    return root


# ---------------------------------------------------------------------------------------------
# Placing elements in a tree, keeping its layout


def _blank(text: str | None) -> bool:
    """True for None or white space only."""
    return text is None or not text.strip()


def _indent_unit(root: El) -> str | None:
    """The document's indentation step, or None for a document written on one line."""
    if _blank(root.text) and root.text and "\n" in root.text:
        unit = root.text.rsplit("\n", 1)[1]
        return unit or None
    return None


def ordered_index(parent: El, tag: str, order: Sequence[str]) -> int:
    """Where ``tag`` goes among ``parent``'s children so that ``order`` holds."""
    if tag not in order:
        return len(parent)
    rank = order.index(tag)
    index = 0
    for position, child in enumerate(parent):
        if isinstance(child.tag, str) and child.tag in order and order.index(child.tag) < rank:
            index = position + 1
    if index:
        index += len(same_line_notes(parent[index - 1]))
    return index


def same_line_notes(element: El) -> list[El]:
    """The comments written after ``element`` on its line: they belong to it."""
    notes: list[El] = []
    node = element
    while "\n" not in (node.tail or ""):
        node = node.getnext()
        if node is None or isinstance(node.tag, str):
            break
        notes.append(node)
    return notes


def _separator(parent: El) -> str | None:
    """The white space before each of ``parent``'s children as written: a line break when any
    child starts its own line, else what stands between them on the one line."""
    gaps = [gap for gap in [*(child.tail for child in parent[:-1]), parent.text]
            if _blank(gap)]
    return next((gap for gap in gaps if gap and "\n" in gap), gaps[0] if gaps else None)


class TreeEditor:
    """Edits a document tree in place, keeping its indentation and untouched nodes."""

    def __init__(self, root: El) -> None:
        self.root = root
        self.unit = _indent_unit(root)

    def insert(self, parent: El, index: int, element: El, *, indent: bool = True) -> None:
        """Insert ``element`` as ``parent``'s child number ``index`` (comments count), laid
        out as its siblings are: on their lines, or on their one line."""
        depth = sum(1 for _ in parent.iterancestors()) + 1
        if indent and self.unit is not None:
            etree.indent(element, space=self.unit, level=depth)
        if not len(parent):
            if self.unit is not None:
                parent.text = "\n" + self.unit * depth
                element.tail = "\n" + self.unit * (depth - 1)
        elif index == 0:
            element.tail = parent.text
        else:
            previous = parent[index - 1]
            element.tail = previous.tail
            previous.tail = _separator(parent)
        parent.insert(index, element)

    def insert_after(self, previous: El, element: El) -> None:
        """Insert ``element`` right after ``previous``."""
        parent = previous.getparent()
        self.insert(parent, parent.index(previous) + 1, element)

    def remove(self, element: El) -> None:
        """Remove ``element``, leaving its neighbours' indentation right."""
        parent = element.getparent()
        previous = element.getprevious()
        if element.getnext() is None:
            if previous is not None:
                previous.tail = element.tail
            elif _blank(parent.text):
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
            child = ext_element(tag) if tag == SHEET else etree.Element(tag)
            self.insert(parent, ordered_index(parent, tag, order), child)
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

    def add_preserved(self, element: El, text: str) -> None:
        """Place a preserved element in an <import> where its name says it belongs."""
        fragment = parse_fragment(text)
        tag = fragment.tag
        if isinstance(tag, str) and tag.endswith("Provider"):
            parent = self.container(element, "providers")
        elif tag in cat.PLATFORM_CONSOLIDATORS:
            parent = self.container(element, "consolidators")
        else:
            parent = element
        index = 0 if tag == cat.PRE_PROCESS else len(parent)
        self.insert(parent, index, fragment, indent=False)

    def add_root_preserved(self, text: str) -> None:
        """Place a preserved element at the root: a preProcess before the imports."""
        fragment = parse_fragment(text)
        index = len(self.root)
        if fragment.tag == cat.PRE_PROCESS:
            first = self.root.find("import")
            index = self.root.index(first) if first is not None else 0
        self.insert(self.root, index, fragment, indent=False)

    def container(self, element: El, tag: str) -> El:
        """The <import>'s child ``tag``, created in order when missing."""
        found = element.find(tag)
        if found is None:
            found = etree.Element(tag)
            self.insert(element, ordered_index(element, tag, cat.IMPORT_ORDER), found)
        return found
