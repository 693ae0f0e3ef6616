"""Applying a "did you mean" to a configuration's text: the fix the wizard offers.

A ConfigError that suggests a name carries it as data (``ConfigError.suggestion``, with its
line); the fix renames that element (its start and end tags) or replaces that value, and
nothing else: the text keeps its comments, layout and every other byte.
"""

from __future__ import annotations

import re

from importer_gui.core.errors import ConfigError

# What a tag search steps over: comments, CDATA sections and processing instructions.
_SKIPPED = r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>"


def apply_suggestion(text: str, error: ConfigError, *, everywhere: bool = False) -> str:
    """``text`` with the error's suggestion applied: the element named wrongly on the error's
    line renamed (``everywhere``: every element of that name), else the value on that line
    replaced; a tag written wrong (``</x>`` for ``<x/>``) is replaced on its line. ``text``
    unchanged when the error suggests nothing or the name is not found."""
    if error.suggestion is None:
        return text
    wrong, right = error.suggestion
    if everywhere:
        return _rename_all(text, wrong, right)
    start = _line_start(text, error.line)
    if start is None:
        return text
    if wrong.startswith("<"):  # a tag written wrong (a stray end tag): replaced as it is
        end = _line_end(text, start)
        at = text.find(wrong, start, end)
        return text if at < 0 else text[:at] + right + text[at + len(wrong):]
    renamed = _rename_at(text, start, wrong, right)
    return renamed if renamed is not None else _replace_value(text, start, wrong, right)


def _line_start(text: str, line: int | None) -> int | None:
    """The offset where line ``line`` (1-based) starts; None past the end or without one."""
    if line is None or line < 1:
        return None
    offset = 0
    for _ in range(line - 1):
        offset = text.find("\n", offset)
        if offset < 0:
            return None
        offset += 1
    return offset


def _tags(name: str) -> re.Pattern[str]:
    """Start tags (group 1: "/" when empty), end tags (group 2) of ``name``, or skipped text."""
    quoted = re.escape(name)
    return re.compile(rf"{_SKIPPED}|<{quoted}(?=[\s/>])[^>]*?(/?)>|(</{quoted}\s*>)", re.DOTALL)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _rename_at(text: str, start: int, wrong: str, right: str) -> str | None:
    """Rename the first ``wrong`` element starting on the line at ``start``, with its end tag."""
    pattern = _tags(wrong)
    end_of_line = _line_end(text, start)
    first = None
    for found in pattern.finditer(text, _skip_open_comment(text, start)):
        if found.start() > end_of_line:
            return None
        if found.group(0).startswith(f"<{wrong}"):
            first = found
            break
    if first is None:
        return None
    edits = [(first.start() + 1, len(wrong))]
    if not first.group(1):  # not <x/>: find its end tag, nested namesakes counted
        depth = 1
        for found in pattern.finditer(text, first.end()):
            if found.group(2):
                depth -= 1
                if depth == 0:
                    edits.append((found.start() + 2, len(wrong)))
                    break
            elif found.group(0).startswith(f"<{wrong}") and not found.group(1):
                depth += 1
    for offset, length in reversed(edits):
        text = text[:offset] + right + text[offset + length:]
    return text


def _skip_open_comment(text: str, start: int) -> int:
    """``start``, or past the end of a comment that is open there."""
    opened, closed = text.rfind("<!--", 0, start), text.rfind("-->", 0, start)
    if opened > closed:
        end = text.find("-->", start)
        return start if end < 0 else end + 3
    return start


def _replace_value(text: str, start: int, wrong: str, right: str) -> str:
    """Replace a value written ``>wrong<`` on the line at ``start`` (an unknown choice)."""
    found = re.compile(rf">(\s*){re.escape(wrong)}(\s*)<").search(
        text, start, _line_end(text, start))
    if found is None:
        return text
    return f"{text[:found.start()]}>{found.group(1)}{right}{found.group(2)}<{text[found.end():]}"


def _rename_all(text: str, wrong: str, right: str) -> str:
    """Every start and end tag of ``wrong`` renamed ``right``, comments left as they are."""
    def rename(found: re.Match[str]) -> str:
        tag = found.group(0)
        if tag.startswith("</"):
            return f"</{right}{tag[2 + len(wrong):]}"
        if tag.startswith(f"<{wrong}"):
            return f"<{right}{tag[1 + len(wrong):]}"
        return tag  # a comment, CDATA or processing instruction
    return _tags(wrong).sub(rename, text)
