"""What ``--version`` and the About dialog say: versions and where the user's data lives.

Qt-free at import, so the command line can print it without loading Qt unless asked.
"""

from __future__ import annotations

import platform
from collections.abc import Callable
from typing import TYPE_CHECKING

from importer_gui import __version__
from importer_gui.core import paths
from importer_gui.core.log import log_path

if TYPE_CHECKING:
    from importer_gui.core.store.location import StoreLocation

APP_DISPLAY_NAME = "Import Assistant"
APP_ID = "org.importassistant.ImportAssistant"  # the .desktop / AppStream / bundle id


def qt_versions() -> str:
    """'Qt 6.x.y (PySide6 6.x.y)', or a note that Qt is not available."""
    try:
        # Imported here: the command line must work (and stay fast) without Qt.
        import PySide6
        from PySide6 import QtCore
    except ImportError:
        return "Qt not available (PySide6 is not installed)"
    return f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})"


def column_engine() -> str:
    """'Column engine: polars 2.x.y', or that large files are planned row by row here. It
    imports polars (some 0.15 s), so ``--version`` says it and the window's About does not."""
    from importer_gui.core.columns import engine

    found = engine.polars()
    if found is None:
        return "Column engine: none here (large files are planned row by row)"
    return f"Column engine: polars {found.__version__}"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """``text`` as it is: marked for the window, which says these lines in the user's language
    (the command line, and this module, stay English and Qt-free)."""
    return text


# The lines that name a place, "%1" the place: the About dialog translates them.
STORE_LINE = QT_TRANSLATE_NOOP("About", "Store: %1")
LIBRARY_LINE = QT_TRANSLATE_NOOP("About", "Configurations: %1")
LOG_LINE = QT_TRANSLATE_NOOP("About", "Log: %1")


def version_lines(store_path: StoreLocation | None = None) -> list[tuple[str, str | None]]:
    """(line, place) pairs: a line with "%1" is a template for its place, else plain text."""
    store = store_path if store_path is not None else paths.default_store_path()
    return [
        (f"{APP_DISPLAY_NAME} {__version__}", None),
        (f"Python {platform.python_version()} ({platform.python_implementation()})", None),
        (qt_versions(), None),
        (STORE_LINE, str(store)),
        (LIBRARY_LINE, str(paths.library_dir())),
        (LOG_LINE, str(log_path())),
    ]


def version_text(store_path: StoreLocation | None = None,
                 translate: Callable[[str], str] = str) -> str:
    """Several lines: name and version, Python, Qt, the store (a file, or a PostgreSQL URL
    without its password), the configuration library and the log; ``translate`` gives a
    template in the reader's language (the window's), English by default."""
    return "\n".join(line if place is None else translate(line).replace("%1", place)
                     for line, place in version_lines(store_path))
