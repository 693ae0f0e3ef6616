"""Reads and writes the XML configuration document (lxml), safely and without losing anything.

- ``safe``: parsing that refuses hostile documents (DOCTYPE, size, depth, bad encodings);
- ``read``: the parsed tree into dataclasses, every name checked against the catalogue;
- ``write``: elements from dataclasses, placed keeping the tree's layout; serialising;
- ``patch``: saving a loaded document by changing only what differs from it;
- ``fix``: a "did you mean" applied to the document's text.

Loading keeps the parsed tree in ``ImportConfig.document``; saving patches a copy of it, so
comments and the elements the assistant does not run come out exactly as they went in. A
configuration built in code, without a document, is written from scratch, indented. Our errors
are templates marked for translation, one per wording; the system's reason (system_reason) and
lxml's words inside one are values.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

from lxml import etree

from importer_gui.core.atomic import write_bytes_atomically
from importer_gui.core.cells import NOT_XML, not_xml_characters, xml_text
from importer_gui.core.config import ImportConfig
from importer_gui.core.config_xml.fix import apply_suggestion
from importer_gui.core.config_xml.patch import patched
from importer_gui.core.config_xml.read import (
    Reader,
    children,
    read_root,
    refuse_bad_values,
    suggest,
    validate_date_format,
)
from importer_gui.core.config_xml.safe import (
    DOCTYPE_REFUSED,
    MAX_BYTES,
    MAX_DEPTH,
    as_bytes,
    parse,
    too_large,
)
from importer_gui.core.config_xml.write import build_document, serialize
from importer_gui.core.errors import (
    QT_TRANSLATE_NOOP,
    ConfigError,
    system_reason,
    unnamable_name_text,
)

__all__ = [
    "CONFIGURATION_FILE",
    "DOCTYPE_REFUSED",
    "MAX_BYTES",
    "MAX_DEPTH",
    "Document",
    "apply_suggestion",
    "dumps",
    "import_actions",
    "import_lines",
    "load",
    "loads",
    "read_document",
    "refuse_bad_values",
    "refuse_not_xml",
    "save",
    "suggest",
    "validate_date_format",
]


@dataclass(frozen=True)
class Document:
    """The messages about reading one kind of document, which say what it should have been."""

    missing: str  # it does not exist
    folder: str  # it is a folder
    unreadable: str  # the system refused to read it: {reason}


CONFIGURATION_FILE = Document(
    missing=QT_TRANSLATE_NOOP("errors", "The configuration file does not exist."),
    folder=QT_TRANSLATE_NOOP("errors", "This is a folder, not a configuration file."),
    unreadable=QT_TRANSLATE_NOOP("errors", "The configuration file cannot be read: {reason}."))
NOT_WRITTEN = QT_TRANSLATE_NOOP("errors", "The configuration cannot be written: {reason}.")
NOT_XML_VALUE = QT_TRANSLATE_NOOP(
    "errors", "The configuration cannot be written: {value} holds a character XML cannot hold "
              "({characters}); rename the file or change the value that holds it.")
# {reason}: the error reading the text back, itself one of our messages.
NOT_SAVED = QT_TRANSLATE_NOOP("errors", "The configuration was not saved: {reason}")
SAVE_FAILED = QT_TRANSLATE_NOOP("errors", "The configuration could not be saved: {reason}.")


def loads(data: str | bytes, source: Path | None = None) -> ImportConfig:
    """Parse and check a configuration document; errors name ``source`` and the line."""
    root = parse(as_bytes(data), source)
    config = read_root(root, Reader(source))
    config.document = root.getroottree()
    return config


def import_lines(text: str) -> list[int]:
    """The line each <import> of the document ``text`` starts on, in order (the order of
    ``loads``'s imports); none when it cannot be parsed."""
    try:
        root = parse(as_bytes(text), None)
    except ConfigError:
        return []
    return [child.sourceline or 1 for child in children(root) if child.tag == "import"]


def import_actions(text: str) -> list[list[str]]:
    """Each <import>'s action names, in order, as the document ``text`` lists them (names
    unchecked: a run's recorded configuration, read back); none when it cannot be parsed."""
    try:
        root = parse(as_bytes(text), None)
    except ConfigError:
        return []
    return [[action.tag for element in children(imp) if element.tag == "actions"
             for action in children(element)]
            for imp in children(root) if imp.tag == "import"]


def load(path: Path) -> ImportConfig:
    """Read and check the configuration file at ``path``."""
    path = Path(path)
    return loads(read_document(path, CONFIGURATION_FILE), source=path)


def read_document(path: Path, document: Document) -> bytes:
    """The bytes of a document to parse, bounded and read without blocking; every failure is
    one ConfigError naming the file, in ``document``'s words."""
    try:
        data = _read_file(path)
    except FileNotFoundError:
        raise ConfigError(document.missing, path=path) from None
    except IsADirectoryError:
        raise ConfigError(document.folder, path=path) from None
    except OSError as exc:
        raise ConfigError(document.unreadable.format(reason=system_reason(exc)),
                          path=path) from None
    if len(data) > MAX_BYTES:
        raise ConfigError(too_large(path.stat().st_size), path=path)
    return data


def _read_file(path: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file.

    Opened without blocking: opening a pipe nobody writes to would wait for ever, and a
    device such as /dev/zero never ends. Either is refused once open, before any read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise ConfigError(QT_TRANSLATE_NOOP(
                "errors", "This is a pipe or a device, not a configuration file."),
                              path=path)
        return handle.read(MAX_BYTES + 1)


def dumps(config: ImportConfig) -> str:
    """The configuration as XML text, keeping what the loaded document held untouched."""
    try:
        if isinstance(config.document, etree._ElementTree):
            tree = patched(config.document, config)
        else:
            tree = etree.ElementTree(build_document(config))
    except ValueError as exc:  # lxml refuses a name that is not an XML name
        refuse_not_xml(config)  # lxml's words name neither the value nor where it came from
        raise ConfigError(NOT_WRITTEN.format(reason=exc), path=config.source) from None
    return serialize(tree)


def refuse_not_xml(config: ImportConfig, part: object | None = None) -> None:
    """ConfigError, worded as writing it would fail, when a value of the configuration (or of
    ``part`` of it, such as one import) holds a character XML cannot hold."""
    held = _not_xml_value(config if part is None else part)
    if held is not None:
        # A file name whose bytes the locale cannot read: its advice, not "rename the file".
        raise ConfigError(unnamable_name_text(held) or NOT_XML_VALUE.format(
            value=xml_text(held), characters=not_xml_characters(held)),
            path=config.source) from None


def _not_xml_value(value: object, depth: int = 0) -> str | None:
    """The first text of the configuration's values holding a character XML cannot hold (a
    data file's name, a typed date format, an option), looked for through its dataclasses."""
    if isinstance(value, str):
        return value if NOT_XML.search(value) else None
    if depth > 8 or isinstance(value, etree._ElementTree | etree._Element):
        return None
    if isinstance(value, dict):
        items: Iterable[object] = [*value.keys(), *value.values()]
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    elif is_dataclass(value):
        items = (getattr(value, f.name) for f in fields(value))
    else:
        return None
    return next((found for item in items
                 if (found := _not_xml_value(item, depth + 1)) is not None), None)


def save(config: ImportConfig, path: Path) -> None:
    """Write the configuration to ``path`` atomically; never writes one we would refuse."""
    path = Path(path)
    text = dumps(config)
    try:
        loads(text, source=path)
    except ConfigError as exc:
        raise ConfigError(NOT_SAVED.format(reason=exc.detail), path=path) from None
    try:
        write_bytes_atomically(path, text.encode("utf-8"))
    except OSError as exc:
        raise ConfigError(SAVE_FAILED.format(reason=system_reason(exc)), path=path) from None
