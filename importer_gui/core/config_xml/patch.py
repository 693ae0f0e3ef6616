"""Round-trip patching: a loaded document is changed only where the configuration differs.

Comments, layout and every part the assistant does not run (preProcess, postProcess, other
providers, unknown consolidators) stay exactly as they were read; an element that moves
takes the comments on its line along, one that is removed takes them away.
"""

from __future__ import annotations

import copy
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from importer_gui.core import catalogue as cat
from importer_gui.core.config import (
    EXT_NS,
    Action,
    ActionField,
    Column,
    Consolidator,
    Import,
    ImportConfig,
    OptionValue,
    Provider,
)
from importer_gui.core.config_xml.read import (
    EXT_PREFIX,
    PARAMETERS,
    SHEET,
    Parts,
    Reader,
    children,
    import_parts,
    read_import,
    verbatim,
)
from importer_gui.core.config_xml.safe import El
from importer_gui.core.config_xml.write import (
    PROVIDER_ORDER,
    TreeEditor,
    build_action,
    build_action_field,
    build_column,
    build_consolidator,
    build_field_item,
    build_field_list,
    build_import,
    build_parameter_codes,
    build_parameters,
    has_parameters,
    ordered_index,
    same_line_notes,
    yes_no,
)


def patched(document: etree._ElementTree, config: ImportConfig) -> etree._ElementTree:
    """A copy of ``document`` saying what ``config`` says."""
    tree = copy.deepcopy(document)
    Patcher(tree.getroot()).patch(config)
    return tree


@dataclass
class _Detached:
    """An element taken out of its parent with the comments on its line, and the white
    space that stood between them."""

    nodes: list[El]
    gaps: list[str | None]


@dataclass
class _Named:
    """A column keyed by its field name, for alignment."""

    name: str
    model: Column


@dataclass
class _Item:
    """A field list's item (``custom:GUID`` for a custom field), for alignment."""

    name: str


def _named(columns: list[Column]) -> list[_Named]:
    """Columns with the ``name`` that sync() aligns on."""
    return [_Named(c.field, c) for c in columns]


class Patcher(TreeEditor):
    """Brings a loaded document's tree in line with a configuration, part by part."""

    def __init__(self, root: El) -> None:
        super().__init__(root)
        self.reader = Reader(None)

    def sync(self, parent: El, elements: list[El], old: Sequence[Any], new: Sequence[Any],
             build: Callable[[Any], El], patch: Callable[[El, Any, Any], None] | None = None,
             *, at_start: bool = False) -> None:
        """Turn ``elements`` (showing ``old``) into ``new``, rewriting only what differs.

        An element that moved is moved as written, with the comments on its line; one that
        is removed takes those comments with it. Comments on lines of their own stay put.
        """
        opcodes = difflib.SequenceMatcher(None, [m.name for m in old], [m.name for m in new],
                                          autojunk=False).get_opcodes()
        spare: dict[str, list[tuple[Any, _Detached]]] = {}
        for op, i1, i2, _, _ in opcodes:
            for i in range(i1, i2) if op != "equal" else ():
                spare.setdefault(old[i].name, []).append((old[i], self.detach(elements[i])))
        previous: El | None = None
        for op, i1, i2, j1, j2 in opcodes:
            if op == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    previous = self._update(elements[i], old[i], new[j], build, patch)
                continue
            following = elements[i2] if i2 < len(elements) else None
            for model in new[j1:j2]:
                if previous is not None:
                    index = parent.index([previous, *same_line_notes(previous)][-1]) + 1
                elif following is not None:
                    index = parent.index(following)
                else:
                    index = 0 if at_start else len(parent)
                moved = spare.get(model.name)
                if moved:
                    before, detached = moved.pop(0)
                    self.put_back(parent, index, detached)
                    previous = self._update(detached.nodes[0], before, model, build, patch)
                else:
                    previous = build(model)
                    self.insert(parent, index, previous)

    def detach(self, element: El) -> _Detached:
        """Take ``element`` out with the comments on its line, keeping how they were spaced."""
        nodes = [element, *same_line_notes(element)]
        detached = _Detached(nodes, [node.tail for node in nodes[:-1]])
        for node in nodes:
            self.remove(node)
        return detached

    def put_back(self, parent: El, index: int, detached: _Detached) -> None:
        """Insert a detached element at ``index``, its comments after it as they were."""
        last, *notes = detached.nodes
        self.insert(parent, index, last, indent=False)
        for note, gap in zip(notes, detached.gaps, strict=False):
            note.tail, last.tail = last.tail, gap
            last.addnext(note)
            last = note

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
        imports = [c for c in children(self.root) if c.tag == "import"]
        for element, imp in zip(imports, config.imports, strict=False):
            self.patch_import(element, imp)
        for element in imports[len(config.imports):]:
            self.remove(element)
        kept = min(len(imports), len(config.imports))
        previous = imports[kept - 1] if kept else None
        for imp in config.imports[len(imports):]:
            element = build_import(imp)
            if previous is None:
                self.insert(self.root, len(self.root), element)
            else:
                self.insert_after(previous, element)
            for text in imp.preserved:
                self.add_preserved(element, text)
            previous = element
        root_preserved = [c for c in children(self.root) if c.tag in cat.NOT_RUN]
        self.patch_preserved(root_preserved, [verbatim(e) for e in root_preserved],
                             config.preserved, self.add_root_preserved)
        self.declare_extension()

    def patch_import(self, element: El, imp: Import) -> None:
        """One <import>: each part rewritten only where it changed."""
        parts = import_parts(element, self.reader)
        old = read_import(element, self.reader)
        if old == imp:
            return
        assert parts.provider is not None and parts.actions is not None  # checked on load
        self.patch_provider(parts.provider, old.provider, imp.provider)
        if old.actions != imp.actions:
            self.sync(parts.actions, children(parts.actions), old.actions, imp.actions,
                      build_action, self.patch_action)
        if old.consolidators != imp.consolidators:
            self.patch_consolidators(element, parts, old.consolidators, imp.consolidators)
        self.patch_preserved(parts.preserved, old.preserved, imp.preserved,
                             lambda text: self.add_preserved(element, text))

    def patch_provider(self, element: El, old: Provider, new: Provider) -> None:
        """The provider's options, columns and sheet."""
        for tag, attribute in cat.PROVIDER_ATTRS.items():
            value = getattr(new, attribute)
            if getattr(old, attribute) != value:
                text = yes_no(value) if isinstance(value, bool) else value
                self.set_option(element, tag, text, PROVIDER_ORDER)
        if old.columns != new.columns:
            mapping = element.find(cat.COLUMNS_MAPPING)
            if mapping is None:
                mapping = etree.Element(cat.COLUMNS_MAPPING)
                self.insert(element, ordered_index(element, cat.COLUMNS_MAPPING,
                                                   PROVIDER_ORDER), mapping)
            self.sync(mapping, children(mapping), _named(old.columns), _named(new.columns),
                      lambda named: build_column(named.model))
        if old.sheet != new.sheet:
            if new.sheet is None:
                self.remove_option(element, SHEET)
            else:
                self.set_option(element, SHEET, new.sheet, PROVIDER_ORDER)
        self.patch_text_options(element, old.other_options, new.other_options, PROVIDER_ORDER)

    def patch_action(self, element: El, old: Action, new: Action) -> None:
        """An action whose name stayed: its options, fields and parameters."""
        if old.options() != new.options() or old.attributes != new.attributes:
            self.patch_action_options(element, old, new)
        if old.fields != new.fields:
            self.patch_fields(element, old.fields, new.fields)
        if (old.parameters, old.parameter_codes) != (new.parameters, new.parameter_codes):
            self.patch_parameters(element, old, new)

    def patch_parameters(self, element: El, old: Action, new: Action) -> None:
        """An action's <parameters>: simple values in place, mappings rebuilt when changed."""
        block = element.find(PARAMETERS)
        if not has_parameters(new):
            if block is not None:
                self.remove(block)
            return
        if block is None:
            self.insert(element, len(element), build_parameters(new))
            return
        spec = cat.ACTIONS.get(new.name)
        order = [p.name for p in spec.parameters] if spec else []
        self.patch_text_options(block, old.parameters, new.parameters, order)
        for name in dict.fromkeys([*old.parameter_codes, *new.parameter_codes]):
            before, after = old.parameter_codes.get(name), new.parameter_codes.get(name)
            if before == after:
                continue
            current = block.find(name)
            if after is None:
                self.remove_option(block, name)
            elif current is not None:
                self.replace(current, build_parameter_codes(name, after))
            else:
                self.insert(block, len(block), build_parameter_codes(name, after))

    def patch_action_options(self, element: El, old: Action, new: Action) -> None:
        """An action's <options>, option by option."""
        options = element.find("options")
        if options is None:
            options = etree.Element("options")
            self.insert(element, 0, options)
        order = new.option_names()
        for name in dict.fromkeys([*old.option_names(), *order]):
            before, after = old.option(name), new.option(name)
            if before == after and old.attributes.get(name) == new.attributes.get(name):
                continue
            if after is None:
                self.remove_option(options, name)
            elif isinstance(after, list):
                current = options.find(name)
                if current is not None:
                    self.patch_field_list(current, before, after, new.attributes.get(name))
                else:
                    fresh = build_field_list(name, after, new.attributes.get(name))
                    self.insert(options, ordered_index(options, name, order), fresh)
            else:
                self.set_option(options, name, after, order)

    def patch_field_list(self, element: El, old: OptionValue, new: list[str],
                         attributes: dict[str, str] | None) -> None:
        """A field list (sessionSearchField) changed in place: its attributes, then its items
        as sync() moves them, so its comments and layout stay."""
        wanted = attributes or {}
        for key in [key for key in element.attrib if key not in wanted]:
            del element.attrib[key]
        for key, value in wanted.items():
            if element.get(key) != value:
                element.set(key, value)
        before = old if isinstance(old, list) else []
        self.sync(element, children(element), [_Item(f) for f in before],
                  [_Item(f) for f in new], lambda item: build_field_item(item.name))

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
            self.insert(element, ordered_index(element, "fields", ["options", "fields"]),
                        fields)
        self.sync(fields, children(fields), old or [], new, build_action_field)

    def patch_consolidators(self, element: El, parts: Parts, old: list[Consolidator],
                            new: list[Consolidator]) -> None:
        """The known consolidators; preserved ones stay where they are."""
        container = parts.consolidators
        if container is None:
            container = etree.Element("consolidators")
            assert parts.actions is not None
            self.insert_after(parts.actions, container)
        self.sync(container, parts.known_consolidators, old, new, build_consolidator,
                  self.patch_consolidator, at_start=True)
        if not len(container):
            self.remove(container)

    def patch_consolidator(self, element: El, old: Consolidator, new: Consolidator) -> None:
        """A known consolidator's options."""
        self.patch_text_options(element, old.options, new.options,
                                cat.KNOWN_CONSOLIDATORS.get(new.name, ()))

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
