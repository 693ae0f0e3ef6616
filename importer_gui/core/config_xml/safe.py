"""Parsing configuration XML safely: hostile documents are refused before they cost anything.

A ``<!DOCTYPE>`` (entities, external DTDs, "billion laughs") is refused, never expanded or
fetched; documents over MAX_BYTES or nested over MAX_DEPTH levels are refused; bytes outside
the declared encoding name their line. Our messages are templates marked for translation, one
per wording; lxml's own words inside one ({detail}) are a value, shown as lxml writes them.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from lxml import etree

from importer_gui.core.errors import QT_TRANSLATE_NOOP, ConfigError

El = etree._Element

MAX_BYTES = 10 * 1024 * 1024  # a real configuration is a few kilobytes
MAX_DEPTH = 50  # the format needs 6 levels; this leaves room for preserved parts

DOCTYPE_REFUSED = QT_TRANSLATE_NOOP("errors", "The configuration holds a <!DOCTYPE> "
                                              "declaration; DTDs and entities are refused for "
                                              "safety, a configuration needs none.")
TOO_LARGE = QT_TRANSLATE_NOOP("errors", "The configuration is too large ({size} MB); the limit "
                                        "is {limit} MB.")
TOO_DEEP = QT_TRANSLATE_NOOP("errors", "The configuration is nested more than {depth} levels deep "
                                       "(line {line}).")
FRAGMENT_MALFORMED = QT_TRANSLATE_NOOP("errors", "A preserved element is not well-formed XML: "
                                                 "{detail}.")
# lxml's parse errors, with the line when lxml gives one.
MALFORMED = QT_TRANSLATE_NOOP("errors", "The configuration is not well-formed XML: {detail}.")
MALFORMED_AT = QT_TRANSLATE_NOOP("errors", "The configuration is not well-formed XML (line "
                                           "{line}): {detail}.")
MALFORMED_END_TAG = QT_TRANSLATE_NOOP("errors", "The configuration is not well-formed XML (line "
                                                '{line}): {detail}; did you mean "{hint}"?')
UNREADABLE_ENCODING = QT_TRANSLATE_NOOP("errors", "The configuration declares an encoding that "
                                                  "cannot be read: {detail}.")
UNREADABLE_ENCODING_AT = QT_TRANSLATE_NOOP("errors", "The configuration declares an encoding that "
                                                     "cannot be read (line {line}): {detail}.")
BAD_BYTES = QT_TRANSLATE_NOOP("errors", "The configuration holds bytes that are not valid "
                                        "{encoding} text: {detail}.")
BAD_BYTES_AT = QT_TRANSLATE_NOOP("errors", "The configuration holds bytes that are not valid "
                                           "{encoding} text (line {line}): {detail}.")


def too_large(size: int) -> str:
    """The message for a document over the size limit."""
    return TOO_LARGE.format(size=f"{size / 1024 / 1024:.1f}", limit=MAX_BYTES // 1024 // 1024)


def as_bytes(data: str | bytes) -> bytes:
    """Bytes for lxml; text is re-declared as UTF-8 since it is encoded as UTF-8 here."""
    if isinstance(data, bytes):
        return data
    text = data.removeprefix("\ufeff")
    match = re.match(r"\s*<\?xml[^>]*\?>", text)
    if match:  # keep the declaration's line breaks so line numbers stay true
        decl = re.sub(r"""encoding\s*=\s*["'][^"']*["']""", 'encoding="UTF-8"', match.group())
        text = decl + text[match.end():]
    return text.encode("utf-8", errors="surrogatepass")


def safe_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or touches the network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, strip_cdata=False,
                           remove_blank_text=False, remove_comments=False)


def parse(raw: bytes, source: Path | None) -> El:
    """The root element, or ConfigError (naming ``source``) for anything unsafe or malformed."""
    if len(raw) > MAX_BYTES:
        raise ConfigError(too_large(len(raw)), path=source)
    try:
        root = etree.fromstring(raw, safe_parser())
    except etree.XMLSyntaxError as exc:
        if b"<!DOCTYPE" in raw:  # e.g. libxml2's own guard against entity expansion
            raise ConfigError(DOCTYPE_REFUSED, path=source) from None
        raise _syntax_error(exc, raw, source) from None
    if root.getroottree().docinfo.doctype:
        raise ConfigError(DOCTYPE_REFUSED, path=source)
    _check_depth(root, source)
    return root


def parse_fragment(text: str) -> El:
    """A kept element (written by us from a loaded document), parsed as safely as one."""
    try:
        element = etree.fromstring(text.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError as exc:
        raise ConfigError(FRAGMENT_MALFORMED.format(detail=_reason(exc))) from None
    if element.getroottree().docinfo.doctype:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "errors", "A preserved element holds a <!DOCTYPE> declaration."))
    return element


def _reason(exc: etree.XMLSyntaxError) -> str:
    """lxml's reason, without the place it appends (the message says the line) nor the line
    break libxml2 ends some reasons with (which the output would show as \\n)."""
    return re.sub(r", line \d+, column \d+$", "", exc.msg or str(exc)).strip()


def _declared_encoding(raw: bytes) -> str:
    """The encoding named in the XML declaration, UTF-8 by default."""
    match = re.match(rb"""\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']""", raw)
    return match.group(1).decode("ascii", "replace") if match else "UTF-8"


def _syntax_error(exc: etree.XMLSyntaxError, raw: bytes, source: Path | None) -> ConfigError:
    """A clear message for lxml's parse error."""
    line = exc.lineno or None
    detail = _reason(exc)
    if not raw.strip():
        return ConfigError(QT_TRANSLATE_NOOP("errors", "The configuration is empty."),
                           path=source)
    if detail.startswith("Unsupported encoding"):
        template = UNREADABLE_ENCODING_AT if line else UNREADABLE_ENCODING
        message = template.format(line=line, detail=detail)
    # Told by lxml's code, not by its words: an element name may hold "encoding".
    elif exc.code == etree.ErrorTypes.ERR_INVALID_ENCODING or "proper UTF-8" in detail:
        template = BAD_BYTES_AT if line else BAD_BYTES
        message = template.format(line=line, detail=detail, encoding=_declared_encoding(raw))
    else:
        message = (MALFORMED_AT if line else MALFORMED).format(line=line, detail=detail)
        stray = _stray_end_tag(detail, raw, line)
        if stray is not None:  # the registration page's </registrationDate>
            return ConfigError(MALFORMED_END_TAG.format(line=line, detail=detail,
                                                        hint=stray[1]),
                               path=source, line=line, suggestion=stray)
    return ConfigError(message, path=source, line=line)


def _stray_end_tag(detail: str, raw: bytes, line: int | None) -> tuple[str, str] | None:
    """("</x>", "<x/>") when the error is an end tag ``</x>`` on ``line`` that nothing opened:
    most likely an empty element written with the slash on the wrong side."""
    found = re.fullmatch(r"Opening and ending tag mismatch: (\S+) line \d+ and (\S+)", detail)
    if found is None or line is None:
        return None
    opened, name = found.groups()
    if difflib.get_close_matches(opened.casefold(), [name.casefold()], 1, 0.6):
        return None  # rather a misspelt start tag (<actons> ... </actions>)
    lines = raw.split(b"\n")
    text = lines[line - 1].decode("utf-8", "replace") if line <= len(lines) else ""
    if f"</{name}>" not in text:
        return None
    before = b"\n".join(lines[:line - 1]).decode("utf-8", "replace") + text[
        :text.index(f"</{name}>")]
    if _still_open(before, name):
        return None  # rather an element of that name left open, or its child
    return f"</{name}>", f"<{name}/>"


def _still_open(text: str, name: str) -> bool:
    """Whether ``text`` leaves an element ``name`` open: its start tags (not empty ones such
    as ``<x/>``, which a columnsMapping holds) outnumber its end tags; comments skipped."""
    text = re.sub(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>", "", text, flags=re.DOTALL)
    quoted = re.escape(name)
    starts = [tag for tag in re.findall(rf"<{quoted}(?=[\s/>])[^>]*>", text)
              if not tag.endswith("/>")]
    return len(starts) > len(re.findall(rf"</{quoted}\s*>", text))


def _check_depth(root: El, source: Path | None) -> None:
    """Refuse absurdly nested documents before walking them recursively."""
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise ConfigError(TOO_DEEP.format(depth=MAX_DEPTH, line=element.sourceline),
                              path=source, line=element.sourceline)
