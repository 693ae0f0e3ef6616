"""One way to translate: Qt's own, with ``%1``, ``%2``… filled as ``QString::arg`` does.

``pyside6-lupdate`` reads the source, not the running program, so a string is marked in one
of the shapes it recognises, always with literal text:

- ``self.tr("…")`` in a QObject class (the class name is the context); a plural is
  ``self.tr("%n row(s)", "", n)``, its English forms ("1 row", "2 rows") in the English
  .ts. PySide looks a plural up under the instance's own class only, so plurals belong in
  classes nobody subclasses;
- ``translate("Context", "…")`` anywhere else (no plural: lupdate marks none here);
- ``QT_TRANSLATE_NOOP("catalogue", "…")`` where the text is written as data (the catalogue,
  in the Qt-free core, defines that name itself); the window then translates the value with
  ``tr("catalogue", value)``.

Placeholders are ``%1``, ``%2``… (never ``{0}``), filled by ``arg``; ``%n`` is a count.
``tr`` translates a text held in a variable; a literal given to it is invisible to lupdate
(it would read the context as the text), and the translation test says so.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from importer_gui.core.paths import readable

_MARKER = re.compile(r"%([1-9][0-9]?)")  # %1 to %99, as Qt reads them


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language, as ``QCoreApplication.translate`` gives it."""
    return QCoreApplication.translate(context, text, disambiguation, n)


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
    # A file name's bytes that are no UTF-8 are shown as escapes, which Qt does not drop.
    values = {number: readable(str(value))
              for number, value in zip(numbers, args, strict=False)}
    return _MARKER.sub(lambda m: values.get(int(m.group(1)), m.group(0)), text)
