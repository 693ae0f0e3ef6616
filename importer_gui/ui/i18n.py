"""One way to translate: Qt's own, with ``%1``, ``%2``… filled as ``QString::arg`` does.

Strings are marked for lupdate either as ``self.tr("…")`` in a QObject or as
``tr("Context", "…")`` here; either way their placeholders are ``%1``, ``%2``… (never
``{0}``), filled by ``arg``, and ``%n`` is the count given as ``n`` (plural forms).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_MARKER = re.compile(r"%([1-9][0-9]?)")  # %1 to %99, as Qt reads them


def tr(context: str, text: str, *args: object, n: int = -1) -> str:
    """``text`` translated in ``context``, ``%n`` as ``n`` and ``%1``… as ``args``."""
    return arg(QCoreApplication.translate(context, text, None, n), *args)


def arg(text: str, *args: object) -> str:
    """Fill ``%1``, ``%2``… in one pass, as Qt's multi-argument ``arg`` does.

    The lowest-numbered marker gets the first argument, the next the second, and so on; a
    value that holds a marker itself is never filled again; markers beyond the arguments
    stay as they are.
    """
    if not args:
        return text
    numbers = sorted({int(found) for found in _MARKER.findall(text)})[:len(args)]
    values = {number: str(value) for number, value in zip(numbers, args, strict=False)}
    return _MARKER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), text)
